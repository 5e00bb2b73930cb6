#pragma once

#include "kube/apistatus.h"
#include "kube/clusteraccess.h"
#include "kube/execsession.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QStringList>
#include <deque>
#include <memory>
#include <vector>

struct VTerm;
struct VTermScreen;

// A terminal into a pod: `kubectl exec -it POD -- sh` in a widget. libvterm
// interprets what the shell writes (colours, bold, underline, reverse, the
// cursor, the alternate screen); lines that scroll off the top are kept as
// scrollback (wheel, Shift+PageUp/PageDown). Keys go to the shell as a
// terminal sends them (arrows, Tab, Ctrl+C ...); Ctrl+Shift+C copies the
// selection, Ctrl+Shift+V pastes (bracketed when the shell asks for it). A
// resize tells the pod the new size. When the session ends the screen says
// why, and Enter opens a new one.
class TerminalWidget : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    // Opens a shell (tty) in the container; closes any session before.
    void open(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
              const QString &container = {}, const QStringList &command = {QStringLiteral("sh")});
    // Opens a new session to the last target.
    void reopen();
    // Hangs up; `why` is shown on the screen.
    void close(const QString &why = {});
    bool isRunning() const { return m_session != nullptr; }
    bool hasTarget() const { return m_access != nullptr; }

    // Puts output into the emulator as if the shell had written it.
    void feed(QByteArrayView bytes);

    int columns() const { return m_cols; }
    int rows() const { return m_rows; }
    // The visible screen (not the scrollback), one string per row, trailing spaces trimmed.
    QStringList screenLines() const;
    qsizetype scrollbackLines() const { return qsizetype(m_scrollback.size()); }
    QString selectedText() const;
    void selectAll();
    void copy();
    void paste();
    void paste(const QString &text);
    QString endMessage() const { return m_endMessage; }

Q_SIGNALS:
    void sessionStarted(const QString &protocol);
    // The session is over; `message` says why and what to do.
    void sessionEnded(const QString &message);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool focusNextPrevChild(bool next) override;
    bool event(QEvent *event) override;

private:
    struct Cell
    {
        char32_t ch = 0; // 0: empty; the first code point only (combining marks dropped)
        QRgb fg = 0;
        QRgb bg = 0;
        quint8 attrs = 0; // Bold | Underline | Italic | Reverse | Strike | DefaultFg | DefaultBg
        quint8 width = 1;
    };
    enum Attr : quint8 {
        Bold = 1,
        Underline = 2,
        Italic = 4,
        Reverse = 8,
        Strike = 16,
        DefaultFg = 32,
        DefaultBg = 64
    };
    using Line = std::vector<Cell>;
    struct Pos
    {
        qsizetype line = 0; // absolute: scrollback first, then the screen
        int col = 0;
        bool operator<(const Pos &o) const { return line < o.line || (line == o.line && col < o.col); }
        bool operator==(const Pos &o) const { return line == o.line && col == o.col; }
    };

    friend struct TerminalCallbacks; // libvterm's callbacks (terminalwidget.cpp)

    Cell cellAt(qsizetype absLine, int col) const;
    QString lineText(qsizetype absLine, int from, int to) const;
    Pos posAt(const QPoint &point) const;
    qsizetype firstVisibleLine() const;
    void updateScrollBar(bool keepAtBottom);
    void scrollToBottom();
    void updateCellSize();
    void resizeTerminal();
    void endSession(int exitCode, const kube::ApiStatus &status);
    void say(const QString &text);
    bool isSelected(qsizetype absLine, int col) const;

    VTerm *m_vt = nullptr;
    VTermScreen *m_screen = nullptr;
    int m_rows = 24;
    int m_cols = 80;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    QFont m_font;
    QFont m_boldFont;
    QRgb m_defaultFg;
    QRgb m_defaultBg;

    std::deque<Line> m_scrollback;
    qsizetype m_maxScrollback = 5000;
    int m_cursorRow = 0;
    int m_cursorCol = 0;
    bool m_cursorVisible = true;
    bool m_altScreen = false;

    bool m_selecting = false;
    bool m_hasSelection = false;
    Pos m_selAnchor;
    Pos m_selEnd;

    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_container;
    QStringList m_command;
    QPointer<kube::ExecSession> m_session;
    QString m_endMessage;
};
