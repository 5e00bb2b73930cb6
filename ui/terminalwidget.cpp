#include "terminalwidget.h"

#include "kube/execsession.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

extern "C" {
#include <vterm.h>
}

using namespace Qt::StringLiterals;

struct TerminalCallbacks
{
    using Cell = TerminalWidget::Cell;

    static Cell convert(const TerminalWidget *w, const VTermScreenCell &in)
    {
        Cell c;
        c.ch = in.chars[0] == char32_t(-1) ? 0 : in.chars[0];
        c.width = quint8(std::max<int>(1, in.width));
        VTermColor fg = in.fg;
        VTermColor bg = in.bg;
        if (VTERM_COLOR_IS_DEFAULT_FG(&fg)) {
            c.attrs |= TerminalWidget::DefaultFg;
            c.fg = w->m_defaultFg;
        } else {
            vterm_screen_convert_color_to_rgb(w->m_screen, &fg);
            c.fg = qRgb(fg.rgb.red, fg.rgb.green, fg.rgb.blue);
        }
        if (VTERM_COLOR_IS_DEFAULT_BG(&bg)) {
            c.attrs |= TerminalWidget::DefaultBg;
            c.bg = w->m_defaultBg;
        } else {
            vterm_screen_convert_color_to_rgb(w->m_screen, &bg);
            c.bg = qRgb(bg.rgb.red, bg.rgb.green, bg.rgb.blue);
        }
        if (in.attrs.bold)
            c.attrs |= TerminalWidget::Bold;
        if (in.attrs.underline)
            c.attrs |= TerminalWidget::Underline;
        if (in.attrs.italic)
            c.attrs |= TerminalWidget::Italic;
        if (in.attrs.reverse)
            c.attrs |= TerminalWidget::Reverse;
        if (in.attrs.strike)
            c.attrs |= TerminalWidget::Strike;
        return c;
    }

    static void toVTerm(const Cell &c, VTermScreenCell *out)
    {
        *out = VTermScreenCell{};
        out->chars[0] = c.ch;
        out->width = char(c.width);
        if (c.attrs & TerminalWidget::DefaultFg) {
            vterm_color_rgb(&out->fg, 0, 0, 0);
            out->fg.type = VTERM_COLOR_DEFAULT_FG;
        } else {
            vterm_color_rgb(&out->fg, quint8(qRed(c.fg)), quint8(qGreen(c.fg)), quint8(qBlue(c.fg)));
        }
        if (c.attrs & TerminalWidget::DefaultBg) {
            vterm_color_rgb(&out->bg, 0, 0, 0);
            out->bg.type = VTERM_COLOR_DEFAULT_BG;
        } else {
            vterm_color_rgb(&out->bg, quint8(qRed(c.bg)), quint8(qGreen(c.bg)), quint8(qBlue(c.bg)));
        }
        out->attrs.bold = (c.attrs & TerminalWidget::Bold) ? 1 : 0;
        out->attrs.underline = (c.attrs & TerminalWidget::Underline) ? 1 : 0;
        out->attrs.italic = (c.attrs & TerminalWidget::Italic) ? 1 : 0;
        out->attrs.reverse = (c.attrs & TerminalWidget::Reverse) ? 1 : 0;
        out->attrs.strike = (c.attrs & TerminalWidget::Strike) ? 1 : 0;
    }

    static int damage(VTermRect, void *user)
    {
        static_cast<TerminalWidget *>(user)->viewport()->update();
        return 1;
    }

    static int moveCursor(VTermPos pos, VTermPos, int visible, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        w->m_cursorRow = pos.row;
        w->m_cursorCol = pos.col;
        w->m_cursorVisible = visible != 0;
        w->viewport()->update();
        return 1;
    }

    static int setTermProp(VTermProp prop, VTermValue *value, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            w->m_cursorVisible = value->boolean != 0;
            break;
        case VTERM_PROP_ALTSCREEN:
            w->m_altScreen = value->boolean != 0;
            break;
        default:
            break;
        }
        w->viewport()->update();
        return 1;
    }

    static int pushLine(int cols, const VTermScreenCell *cells, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        TerminalWidget::Line line;
        line.reserve(size_t(cols));
        for (int i = 0; i < cols; ++i)
            line.push_back(convert(w, cells[i]));
        // Trailing blanks take no room.
        while (!line.empty() && line.back().ch == 0 && (line.back().attrs & TerminalWidget::DefaultBg))
            line.pop_back();
        const bool atBottom = w->verticalScrollBar()->value() >= w->verticalScrollBar()->maximum();
        w->m_scrollback.push_back(std::move(line));
        bool droppedOne = false;
        if (qsizetype(w->m_scrollback.size()) > w->m_maxScrollback) {
            w->m_scrollback.pop_front();
            droppedOne = true;
            w->m_selAnchor.line -= 1;
            w->m_selEnd.line -= 1;
        }
        if (!atBottom && droppedOne)
            w->verticalScrollBar()->setValue(w->verticalScrollBar()->value() - 1);
        w->updateScrollBar(atBottom);
        return 1;
    }

    static int popLine(int cols, VTermScreenCell *cells, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        if (w->m_scrollback.empty())
            return 0;
        const TerminalWidget::Line line = std::move(w->m_scrollback.back());
        w->m_scrollback.pop_back();
        Cell blank;
        blank.attrs = TerminalWidget::DefaultFg | TerminalWidget::DefaultBg;
        for (int i = 0; i < cols; ++i)
            toVTerm(size_t(i) < line.size() ? line[size_t(i)] : blank, &cells[i]);
        w->updateScrollBar(true);
        return 1;
    }

    static void output(const char *bytes, size_t len, void *user)
    {
        auto *w = static_cast<TerminalWidget *>(user);
        if (w->m_session)
            w->m_session->writeInput(QByteArray(bytes, qsizetype(len)));
    }
};

namespace {

const VTermScreenCallbacks kScreenCallbacks = {
    &TerminalCallbacks::damage,
    nullptr, // moverect: a damage instead
    &TerminalCallbacks::moveCursor,
    &TerminalCallbacks::setTermProp,
    nullptr, // bell
    nullptr, // resize
    &TerminalCallbacks::pushLine,
    &TerminalCallbacks::popLine,
};

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_defaultFg(qRgb(0xd8, 0xd8, 0xd8))
    , m_defaultBg(qRgb(0x1d, 0x1f, 0x21))
{
    setObjectName(u"terminal"_s);
    setAccessibleName(tr("Terminal"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setAutoFillBackground(false);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_font.setStyleHint(QFont::TypeWriter);
    updateCellSize();

    m_vt = vterm_new(m_rows, m_cols);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &TerminalCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vt);
    vterm_screen_set_callbacks(m_screen, &kScreenCallbacks, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    VTermColor fg;
    VTermColor bg;
    vterm_color_rgb(&fg, quint8(qRed(m_defaultFg)), quint8(qGreen(m_defaultFg)), quint8(qBlue(m_defaultFg)));
    vterm_color_rgb(&bg, quint8(qRed(m_defaultBg)), quint8(qGreen(m_defaultBg)), quint8(qBlue(m_defaultBg)));
    vterm_state_set_default_colors(vterm_obtain_state(m_vt), &fg, &bg);
    vterm_screen_reset(m_screen, 1);
    updateScrollBar(true);
}

TerminalWidget::~TerminalWidget()
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        delete m_session;
    }
    vterm_free(m_vt);
}

void TerminalWidget::updateCellSize()
{
    m_boldFont = m_font;
    m_boldFont.setBold(true);
    const QFontMetrics fm(m_font);
    m_cellWidth = std::max(1, fm.horizontalAdvance(u'M'));
    m_cellHeight = std::max(1, fm.height());
    m_ascent = fm.ascent();
}

void TerminalWidget::open(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                          const QString &container, const QStringList &command)
{
    close();
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_container = container;
    m_command = command;
    reopen();
}

void TerminalWidget::reopen()
{
    if (!m_access || m_session)
        return;
    m_endMessage.clear();
    kube::ExecOptions options;
    options.container = m_container;
    options.command = m_command;
    options.input = true;
    options.output = true;
    options.tty = true;
    m_session = new kube::ExecSession(m_access, m_namespace, m_pod, options, this);
    connect(m_session, &kube::ExecSession::output, this, [this](const QByteArray &data) { feed(data); });
    connect(m_session, &kube::ExecSession::errorOutput, this, [this](const QByteArray &data) { feed(data); });
    connect(m_session, &kube::ExecSession::started, this, [this](const QString &protocol) {
        m_session->resize(m_cols, m_rows);
        Q_EMIT sessionStarted(protocol);
    });
    connect(m_session, &kube::ExecSession::finished, this, &TerminalWidget::endSession);
    say(tr("Connecting to %1 in %2…").arg(m_pod, m_namespace));
    m_session->start();
}

void TerminalWidget::close(const QString &why)
{
    if (!m_session)
        return;
    kube::ExecSession *session = m_session;
    m_session = nullptr;
    disconnect(session, nullptr, this, nullptr);
    session->close();
    session->deleteLater();
    m_endMessage = why.isEmpty() ? tr("The session was closed. Press Enter to open a new one.") : why;
    say(m_endMessage);
    Q_EMIT sessionEnded(m_endMessage);
}

void TerminalWidget::endSession(int exitCode, const kube::ApiStatus &status)
{
    if (m_session) {
        m_session->deleteLater();
        m_session = nullptr;
    }
    if (exitCode >= 0)
        m_endMessage = tr("The shell in %1 exited with code %2. Press Enter to open a new one.")
                           .arg(m_pod)
                           .arg(exitCode);
    else if (status.kind == kube::ApiStatus::Kind::Canceled)
        m_endMessage = tr("The session was closed. Press Enter to open a new one.");
    else
        m_endMessage = tr("The session ended: %1 Press Enter to try again.").arg(status.message);
    say(m_endMessage);
    Q_EMIT sessionEnded(m_endMessage);
}

void TerminalWidget::say(const QString &text)
{
    // On a line of its own, in bold yellow, then back to normal.
    QByteArray bytes = "\x1b[0m";
    if (m_cursorCol != 0)
        bytes += "\r\n";
    bytes += "\x1b[1;33m" + text.toUtf8() + "\x1b[0m\r\n";
    feed(bytes);
}

void TerminalWidget::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    vterm_input_write(m_vt, bytes.data(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    viewport()->update();
}

TerminalWidget::Cell TerminalWidget::cellAt(qsizetype absLine, int col) const
{
    const qsizetype back = qsizetype(m_scrollback.size());
    if (absLine < back) {
        const Line &line = m_scrollback[size_t(absLine)];
        if (size_t(col) < line.size())
            return line[size_t(col)];
        Cell blank;
        blank.fg = m_defaultFg;
        blank.bg = m_defaultBg;
        blank.attrs = DefaultFg | DefaultBg;
        return blank;
    }
    VTermScreenCell cell;
    vterm_screen_get_cell(m_screen, VTermPos{int(absLine - back), col}, &cell);
    return TerminalCallbacks::convert(this, cell);
}

QString TerminalWidget::lineText(qsizetype absLine, int from, int to) const
{
    QString text;
    for (int col = from; col < to; ++col) {
        const Cell c = cellAt(absLine, col);
        if (c.ch == 0) {
            // The second half of a wide character has no code point of its own.
            if (col > 0 && cellAt(absLine, col - 1).width == 2)
                continue;
            text += u' ';
        } else {
            text += QString::fromUcs4(&c.ch, 1);
        }
    }
    return text;
}

QStringList TerminalWidget::screenLines() const
{
    QStringList lines;
    const qsizetype back = qsizetype(m_scrollback.size());
    for (int row = 0; row < m_rows; ++row) {
        QString line = lineText(back + row, 0, m_cols);
        while (line.endsWith(u' '))
            line.chop(1);
        lines << line;
    }
    return lines;
}

qsizetype TerminalWidget::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

void TerminalWidget::updateScrollBar(bool keepAtBottom)
{
    QScrollBar *bar = verticalScrollBar();
    const int max = int(m_scrollback.size());
    bar->setRange(0, max);
    bar->setPageStep(m_rows);
    bar->setSingleStep(1);
    if (keepAtBottom)
        bar->setValue(max);
}

void TerminalWidget::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TerminalWidget::scrollContentsBy(int, int)
{
    viewport()->update();
}

bool TerminalWidget::isSelected(qsizetype absLine, int col) const
{
    if (!m_hasSelection)
        return false;
    const Pos a = std::min(m_selAnchor, m_selEnd);
    const Pos b = std::max(m_selAnchor, m_selEnd);
    const Pos p{absLine, col};
    return !(p < a) && p < b;
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), QColor(m_defaultBg));
    const qsizetype first = firstVisibleLine();
    const qsizetype back = qsizetype(m_scrollback.size());
    for (int row = 0; row < m_rows; ++row) {
        const qsizetype abs = first + row;
        const int y = row * m_cellHeight;
        int col = 0;
        while (col < m_cols) {
            // A run of cells drawn the same way.
            const Cell start = cellAt(abs, col);
            const bool selected = isSelected(abs, col);
            QString text;
            int runStart = col;
            int runCells = 0;
            while (col < m_cols) {
                const Cell c = cellAt(abs, col);
                if (c.fg != start.fg || c.bg != start.bg || c.attrs != start.attrs ||
                    isSelected(abs, col) != selected)
                    break;
                if (c.ch == 0 && col > 0 && cellAt(abs, col - 1).width == 2) {
                    ++col;
                    ++runCells;
                    continue;
                }
                text += c.ch == 0 ? QString(u' ') : QString::fromUcs4(&c.ch, 1);
                ++col;
                ++runCells;
            }
            QColor fg(start.fg);
            QColor bg(start.bg);
            if (start.attrs & Reverse)
                std::swap(fg, bg);
            if (selected) {
                fg = palette().color(QPalette::HighlightedText);
                bg = palette().color(QPalette::Highlight);
            }
            const QRect cells(runStart * m_cellWidth, y, runCells * m_cellWidth, m_cellHeight);
            if (bg != QColor(m_defaultBg))
                painter.fillRect(cells, bg);
            if (!text.trimmed().isEmpty()) {
                QFont font = (start.attrs & Bold) ? m_boldFont : m_font;
                font.setUnderline(start.attrs & Underline);
                font.setItalic(start.attrs & Italic);
                font.setStrikeOut(start.attrs & Strike);
                painter.setFont(font);
                painter.setPen(fg);
                // Cell by cell, so a font whose glyphs are not all one width still lines up.
                int x = runStart * m_cellWidth;
                for (const QChar ch : std::as_const(text)) {
                    if (!ch.isLowSurrogate()) {
                        if (ch.isHighSurrogate())
                            painter.drawText(x, y + m_ascent, text.mid(&ch - text.constData(), 2));
                        else if (ch != u' ')
                            painter.drawText(x, y + m_ascent, QString(ch));
                        x += m_cellWidth;
                    }
                }
            }
        }
        // The cursor, when it is on screen and this row is showing the screen (not scrollback).
        if (abs - back == m_cursorRow && m_cursorVisible) {
            const QRect cursor(m_cursorCol * m_cellWidth, y, m_cellWidth, m_cellHeight);
            if (hasFocus()) {
                painter.fillRect(cursor, QColor(m_defaultFg));
                const Cell c = cellAt(abs, m_cursorCol);
                if (c.ch != 0) {
                    painter.setFont((c.attrs & Bold) ? m_boldFont : m_font);
                    painter.setPen(QColor(m_defaultBg));
                    painter.drawText(cursor.left(), y + m_ascent, QString::fromUcs4(&c.ch, 1));
                }
            } else {
                painter.setPen(QColor(m_defaultFg));
                painter.drawRect(cursor.adjusted(0, 0, -1, -1));
            }
        }
    }
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    resizeTerminal();
}

void TerminalWidget::resizeTerminal()
{
    const int cols = std::max(10, viewport()->width() / m_cellWidth);
    const int rows = std::max(3, viewport()->height() / m_cellHeight);
    if (cols == m_cols && rows == m_rows)
        return;
    const bool atBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
    m_cols = cols;
    m_rows = rows;
    vterm_set_size(m_vt, rows, cols);
    vterm_screen_flush_damage(m_screen);
    updateScrollBar(atBottom);
    if (m_session)
        m_session->resize(cols, rows);
    viewport()->update();
}

bool TerminalWidget::focusNextPrevChild(bool)
{
    return false; // Tab belongs to the shell
}

bool TerminalWidget::event(QEvent *event)
{
    // Keys that would otherwise be shortcuts (Tab, Ctrl+C...) go to the shell first.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const auto mods = key->modifiers();
        if (mods & (Qt::ControlModifier | Qt::AltModifier) || key->key() == Qt::Key_Tab ||
            key->key() == Qt::Key_Backtab || key->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers qmods = event->modifiers();
    const bool ctrl = qmods & Qt::ControlModifier;
    const bool shift = qmods & Qt::ShiftModifier;
    if (ctrl && shift && event->key() == Qt::Key_C) {
        copy();
        return;
    }
    if ((ctrl && shift && event->key() == Qt::Key_V) || (shift && event->key() == Qt::Key_Insert)) {
        paste();
        return;
    }
    if (shift && (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + (event->key() == Qt::Key_PageUp ? -m_rows : m_rows));
        return;
    }
    if (!m_session) {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_access)
            reopen();
        return;
    }
    int mod = VTERM_MOD_NONE;
    if (shift)
        mod |= VTERM_MOD_SHIFT;
    if (ctrl)
        mod |= VTERM_MOD_CTRL;
    if (qmods & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    const auto vmod = VTermModifier(mod);

    VTermKey key = VTERM_KEY_NONE;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        key = VTERM_KEY_ENTER;
        break;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        key = VTERM_KEY_TAB;
        break;
    case Qt::Key_Backspace:
        key = VTERM_KEY_BACKSPACE;
        break;
    case Qt::Key_Escape:
        key = VTERM_KEY_ESCAPE;
        break;
    case Qt::Key_Up:
        key = VTERM_KEY_UP;
        break;
    case Qt::Key_Down:
        key = VTERM_KEY_DOWN;
        break;
    case Qt::Key_Left:
        key = VTERM_KEY_LEFT;
        break;
    case Qt::Key_Right:
        key = VTERM_KEY_RIGHT;
        break;
    case Qt::Key_Insert:
        key = VTERM_KEY_INS;
        break;
    case Qt::Key_Delete:
        key = VTERM_KEY_DEL;
        break;
    case Qt::Key_Home:
        key = VTERM_KEY_HOME;
        break;
    case Qt::Key_End:
        key = VTERM_KEY_END;
        break;
    case Qt::Key_PageUp:
        key = VTERM_KEY_PAGEUP;
        break;
    case Qt::Key_PageDown:
        key = VTERM_KEY_PAGEDOWN;
        break;
    default:
        if (event->key() >= Qt::Key_F1 && event->key() <= Qt::Key_F12)
            key = VTermKey(VTERM_KEY_FUNCTION(event->key() - Qt::Key_F1 + 1));
        break;
    }
    scrollToBottom();
    m_hasSelection = false;
    if (key != VTERM_KEY_NONE) {
        vterm_keyboard_key(m_vt, key, vmod);
        return;
    }
    if (ctrl && event->key() >= Qt::Key_A && event->key() <= Qt::Key_Z) {
        // Ctrl+C is ^C (0x03) and so on.
        vterm_keyboard_unichar(m_vt, uint32_t('a' + (event->key() - Qt::Key_A)),
                               VTermModifier(mod & ~VTERM_MOD_SHIFT));
        return;
    }
    if (ctrl && event->key() >= Qt::Key_BracketLeft && event->key() <= Qt::Key_Underscore) {
        vterm_keyboard_unichar(m_vt, uint32_t(event->key()), vmod); // ^[ ^\ ^] ^^ ^_
        return;
    }
    const QString text = event->text();
    if (text.isEmpty())
        return;
    for (const char32_t cp : text.toUcs4()) {
        if (cp < 0x20 || cp == 0x7f)
            continue; // control characters came through the key codes above
        vterm_keyboard_unichar(m_vt, cp, VTermModifier(mod & ~(VTERM_MOD_SHIFT | VTERM_MOD_CTRL)));
    }
}

TerminalWidget::Pos TerminalWidget::posAt(const QPoint &point) const
{
    const int row = std::clamp(point.y() / m_cellHeight, 0, m_rows - 1);
    const int col = std::clamp((point.x() + m_cellWidth / 2) / m_cellWidth, 0, m_cols);
    return {firstVisibleLine() + row, col};
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        paste(QApplication::clipboard()->text(QClipboard::Selection));
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    setFocus();
    m_selAnchor = m_selEnd = posAt(event->position().toPoint());
    m_selecting = true;
    m_hasSelection = false;
    viewport()->update();
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting)
        return;
    m_selEnd = posAt(event->position().toPoint());
    m_hasSelection = !(m_selEnd == m_selAnchor);
    viewport()->update();
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_selecting = false;
    if (m_hasSelection && QApplication::clipboard()->supportsSelection())
        QApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A word: the run of non-blank cells under the pointer.
    const Pos p = posAt(event->position().toPoint() - QPoint(m_cellWidth / 2, 0));
    const QString line = lineText(p.line, 0, m_cols);
    int from = std::min(p.col, int(line.size()) - 1);
    if (from < 0 || line.at(from).isSpace())
        return;
    int to = from;
    while (from > 0 && !line.at(from - 1).isSpace())
        --from;
    while (to < line.size() && !line.at(to).isSpace())
        ++to;
    m_selAnchor = {p.line, from};
    m_selEnd = {p.line, to};
    m_hasSelection = true;
    viewport()->update();
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() - event->angleDelta().y() / 40);
}

void TerminalWidget::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void TerminalWidget::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

QString TerminalWidget::selectedText() const
{
    if (!m_hasSelection)
        return {};
    const Pos a = std::min(m_selAnchor, m_selEnd);
    const Pos b = std::max(m_selAnchor, m_selEnd);
    QStringList lines;
    for (qsizetype line = a.line; line <= b.line; ++line) {
        const int from = line == a.line ? a.col : 0;
        const int to = line == b.line ? b.col : m_cols;
        QString text = lineText(line, from, to);
        while (text.endsWith(u' '))
            text.chop(1);
        lines << text;
    }
    return lines.join(u'\n');
}

void TerminalWidget::selectAll()
{
    m_selAnchor = {0, 0};
    m_selEnd = {qsizetype(m_scrollback.size()) + m_rows - 1, m_cols};
    m_hasSelection = true;
    viewport()->update();
}

void TerminalWidget::copy()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TerminalWidget::paste()
{
    paste(QApplication::clipboard()->text());
}

void TerminalWidget::paste(const QString &text)
{
    if (!m_session || text.isEmpty())
        return;
    scrollToBottom();
    QByteArray bytes = text.toUtf8();
    bytes.replace("\r\n", "\r");
    bytes.replace('\n', '\r'); // what a terminal sends for Enter
    // Bracketed (ESC [200~ ... ESC [201~) when the shell turned that mode on.
    vterm_keyboard_start_paste(m_vt);
    m_session->writeInput(bytes);
    vterm_keyboard_end_paste(m_vt);
}
