#include "commandpalette.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>

using namespace Qt::StringLiterals;

namespace {

// A menu text as people read it: mnemonics gone ("&Restart" -> "Restart", "&&" -> "&").
QString plainText(QString text)
{
    text.replace(u"&&"_s, QString(QChar(0x1)));
    text.remove(u'&');
    text.replace(QChar(0x1), u'&');
    return text;
}

} // namespace

CommandPalette::CommandPalette(QMainWindow *window)
    : QDialog(window)
    , m_window(window)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"commandPalette"_s);
    setWindowTitle(tr("Command Palette"));
    m_filter->setObjectName(u"commandPaletteFilter"_s);
    m_filter->setPlaceholderText(tr("Type to find a command; Enter runs it"));
    m_filter->setAccessibleName(tr("Find a command"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_list->setObjectName(u"commandPaletteList"_s);
    m_list->setAccessibleName(tr("Commands"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("Command"), tr("Shortcut"), tr("Note")});
    m_list->header()->setStretchLastSection(true);
    auto *hint = new QLabel(tr("Disabled commands say why they cannot run now."), this);
    hint->setObjectName(u"commandPaletteHint"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::applyFilter);
    connect(m_list, &QTreeWidget::itemActivated, this, &CommandPalette::runCurrent);
}

QAction *CommandPalette::addTo(QMenu *menu, QMainWindow *window)
{
    QAction *open = menu->addAction(tr("&Command Palette…"));
    open->setObjectName(u"commandPaletteAction"_s);
    open->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    open->setStatusTip(tr("Find any command by name and run it"));
    // Made on first use, then kept: it reads the actions afresh each time.
    QObject::connect(open, &QAction::triggered, window, [window] {
        auto *palette = window->findChild<CommandPalette *>(QString(), Qt::FindDirectChildrenOnly);
        if (!palette)
            palette = new CommandPalette(window);
        palette->popUp();
    });
    return open;
}

void CommandPalette::popUp()
{
    collect();
    m_filter->clear();
    applyFilter();
    const int width = std::min(760, std::max(420, m_window->width() * 3 / 5));
    resize(width, std::min(420, std::max(240, m_window->height() / 2)));
    move(m_window->mapToGlobal(QPoint((m_window->width() - width) / 2, 40)));
    show();
    raise();
    activateWindow();
    m_filter->setFocus();
}

void CommandPalette::setFilter(const QString &text)
{
    m_filter->setText(text);
}

void CommandPalette::collect()
{
    m_list->clear();
    m_actions.clear();
    const QBrush dimmed = palette().brush(QPalette::Disabled, QPalette::Text);
    auto add = [&](QAction *a, const QString &path) {
        if (a->isSeparator() || a->text().isEmpty() || !a->isVisible() ||
            a->objectName() == QLatin1String("commandPaletteAction"))
            return;
        const QString text = plainText(a->text());
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(Command, path.isEmpty() ? text : path + u" ▸ "_s + text);
        item->setText(Shortcut, a->shortcut().toString(QKeySequence::NativeText));
        item->setData(Command, Qt::UserRole, int(m_actions.size()));
        if (!a->isEnabled()) {
            const QString why = a->statusTip().isEmpty() ? tr("Not available now") : a->statusTip();
            item->setText(Note, why);
            item->setToolTip(Command, why);
            for (int c = 0; c < ColumnCount; ++c)
                item->setForeground(c, dimmed);
        }
        m_actions.append(a);
    };
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &path) {
        for (QAction *a : menu->actions()) {
            if (a->menu())
                walk(a->menu(), path.isEmpty() ? plainText(a->text()) : path + u" ▸ "_s + plainText(a->text()));
            else
                add(a, path);
        }
    };
    for (QAction *top : m_window->menuBar()->actions()) {
        if (top->menu())
            walk(top->menu(), plainText(top->text()));
    }
    // Actions with a shortcut but no menu.
    for (QAction *a : m_window->actions()) {
        if (!m_actions.contains(a) && !a->menu())
            add(a, QString());
    }
    m_list->resizeColumnToContents(Command);
    m_list->resizeColumnToContents(Shortcut);
}

void CommandPalette::applyFilter()
{
    const QStringList words = m_filter->text().split(u' ', Qt::SkipEmptyParts);
    QTreeWidgetItem *first = nullptr;
    QTreeWidgetItem *firstEnabled = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const QString haystack = item->text(Command) + u' ' + item->text(Shortcut);
        bool match = true;
        for (const QString &word : words)
            match = match && haystack.contains(word, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (!match)
            continue;
        if (!first)
            first = item;
        const QAction *a = m_actions.value(item->data(Command, Qt::UserRole).toInt());
        if (!firstEnabled && a && a->isEnabled())
            firstEnabled = item;
    }
    m_list->setCurrentItem(firstEnabled ? firstEnabled : first);
}

QStringList CommandPalette::shownCommands() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_list->topLevelItem(i)->isHidden())
            out << m_list->topLevelItem(i)->text(Command);
    }
    return out;
}

QString CommandPalette::currentCommand() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->text(Command) : QString();
}

void CommandPalette::runCurrent()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    QAction *a = m_actions.value(item->data(Command, Qt::UserRole).toInt());
    if (!a || !a->isEnabled())
        return; // the Note column says why
    hide();
    // After the palette is gone, so a dialog the action opens gets the focus.
    QTimer::singleShot(0, a, &QAction::trigger);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event); // choose while typing
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}
