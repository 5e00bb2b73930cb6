#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class QAction;
class QLineEdit;
class QMainWindow;
class QMenu;
class QTreeWidget;

// Ctrl+Shift+P: every action of a window's menus in one list, with its menu,
// its shortcut and, when it is disabled, why (its status tip). Typing filters
// (every word must match); Up/Down choose, Enter runs the chosen action.
class CommandPalette : public QDialog
{
    Q_OBJECT

public:
    enum Column { Command, Shortcut, Note, ColumnCount };

    explicit CommandPalette(QMainWindow *window);

    // Adds "Command Palette…" (Ctrl+Shift+P) to `menu`; the palette opens over `window`.
    static QAction *addTo(QMenu *menu, QMainWindow *window);

    // Reads the window's actions again and shows the palette with an empty filter.
    void popUp();
    void setFilter(const QString &text);

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeWidget *list() const { return m_list; }
    // The commands shown, as "Menu ▸ Action", in order.
    QStringList shownCommands() const;
    // The chosen command ("Menu ▸ Action"), or empty.
    QString currentCommand() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void collect();
    void applyFilter();
    void runCurrent();

    QMainWindow *m_window;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_list = nullptr;
    QList<QPointer<QAction>> m_actions; // one per list row
};
