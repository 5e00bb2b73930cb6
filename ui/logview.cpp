#include "logview.h"
#include "theme.h"

#include "logmodel.h"

#include "course/stacktrace.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPadding = 4;
constexpr int kTimestampChars = 31; // "2006-01-02T15:04:05.000000000Z "

} // namespace

// Draws one log line in the fixed font with every occurrence of the search
// highlighted (the current match's row stronger) and the timestamp greyed.
class LogDelegate : public QStyledItemDelegate
{
public:
    LogDelegate(LogModel *model, QListView *view)
        : QStyledItemDelegate(view)
        , m_model(model)
        , m_view(view)
    {}

    QString needle;
    int currentRow = -1;
    bool wrap = false;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        const bool selected = option.state & QStyle::State_Selected;
        if (selected)
            painter->fillRect(option.rect, option.palette.highlight());
        else if (index.row() == currentRow)
            painter->fillRect(option.rect, theme::background(QColor(255, 236, 179), option.palette));
        const QString text = index.data(Qt::DisplayRole).toString();
        QTextLayout layout(text, option.font);
        QList<QTextLayout::FormatRange> formats;
        const bool stamped = m_model->showTimestamps() && m_model->lineTime(index.row()) != 0;
        if (stamped && !selected) {
            QTextLayout::FormatRange r;
            r.start = 0;
            r.length = kTimestampChars - 1;
            r.format.setForeground(option.palette.color(QPalette::Disabled, QPalette::Text));
            formats.append(r);
        }
        // A stack-trace line into the app's own code reads as a link: activating it opens the code there.
        const qsizetype textStart = stamped ? kTimestampChars : 0;
        if (!selected && course::sourceLocationIn(QStringView(text).mid(textStart)).isValid()) {
            QTextLayout::FormatRange r;
            r.start = int(textStart);
            r.length = int(text.size() - textStart);
            r.format.setForeground(option.palette.color(QPalette::Link));
            r.format.setFontUnderline(true);
            formats.append(r);
        }
        if (!needle.isEmpty()) {
            const qsizetype from = stamped ? kTimestampChars : 0;
            for (qsizetype at = text.indexOf(needle, from, Qt::CaseInsensitive); at >= 0;
                 at = text.indexOf(needle, at + needle.size(), Qt::CaseInsensitive)) {
                QTextLayout::FormatRange r;
                r.start = int(at);
                r.length = int(needle.size());
                r.format.setBackground(index.row() == currentRow ? QColor(255, 150, 50)
                                                                 : QColor(255, 224, 102));
                r.format.setForeground(Qt::black);
                formats.append(r);
            }
        }
        layout.setFormats(formats);
        layoutText(layout, option.rect.width() - 2 * kPadding);
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : option.palette.color(QPalette::Text));
        layout.draw(painter, QPointF(option.rect.left() + kPadding, option.rect.top()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QFontMetrics fm(option.font);
        if (!wrap) {
            // Every row as wide as the longest line, so the view scrolls sideways to see it all.
            const qsizetype chars =
                m_model->longestLine() + (m_model->showTimestamps() ? kTimestampChars : 0);
            return {int(std::min<qsizetype>(chars, 100000)) * fm.horizontalAdvance(u'M') + 2 * kPadding,
                    fm.lineSpacing()};
        }
        QTextLayout layout(index.data(Qt::DisplayRole).toString(), option.font);
        const int lines = layoutText(layout, m_view->viewport()->width() - 2 * kPadding);
        return {m_view->viewport()->width(), std::max(1, lines) * fm.lineSpacing()};
    }

private:
    int layoutText(QTextLayout &layout, int width) const
    {
        QTextOption textOption;
        textOption.setWrapMode(wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
        layout.setTextOption(textOption);
        layout.beginLayout();
        qreal y = 0;
        int count = 0;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            if (wrap)
                line.setLineWidth(std::max(20, width));
            line.setPosition(QPointF(0, y));
            y += QFontMetricsF(layout.font()).lineSpacing();
            ++count;
        }
        layout.endLayout();
        return count;
    }

    LogModel *m_model;
    QListView *m_view;
};

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_list(new QListView(this))
{
    setObjectName(u"logView"_s);
    auto makeToggle = [this](const QString &text, const QString &name, const QString &tip, bool checked) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setCheckable(true);
        b->setChecked(checked);
        b->setAutoRaise(true);
        return b;
    };
    m_followButton =
        makeToggle(tr("Follow"), u"followButton"_s,
                   tr("Keep the newest line in view. Scrolling up stops this; press again to resume."), true);
    m_pauseButton = makeToggle(tr("Pause"), u"pauseButton"_s,
                               tr("Hold new lines back (they are kept and shown on resume)."), false);
    m_timestampsButton =
        makeToggle(tr("Timestamps"), u"timestampsButton"_s, tr("Show the kubelet's timestamps."), false);
    m_previousButton = makeToggle(tr("Previous container"), u"previousButton"_s,
                                  tr("Show the log of the container that ran before the last restart (why it "
                                     "crashed)."),
                                  false);
    m_wrapButton = makeToggle(tr("Wrap"), u"wrapButton"_s, tr("Wrap long lines."), false);
    auto *save = new QToolButton(this);
    save->setText(tr("Save…"));
    save->setObjectName(u"saveButton"_s);
    save->setAutoRaise(true);
    auto *clearButton = new QToolButton(this);
    clearButton->setText(tr("Clear"));
    clearButton->setObjectName(u"clearButton"_s);
    clearButton->setAutoRaise(true);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"logSearch"_s);
    m_search->setAccessibleName(tr("Search the log"));
    m_search->setPlaceholderText(tr("Search the log (F3 next, Shift+F3 previous)"));
    m_search->setClearButtonEnabled(true);
    // Long translated button labels must not squeeze the search field to nothing.
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 12);
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+F3)"));
    previous->setAccessibleName(tr("Previous match"));
    previous->setAutoRaise(true);
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (F3)"));
    next->setAccessibleName(tr("Next match"));
    next->setAutoRaise(true);
    m_matchLabel = new QLabel(this);
    m_matchLabel->setObjectName(u"matchLabel"_s);
    m_matchLabel->setMinimumWidth(fontMetrics().horizontalAdvance(u"999,999 of 999,999"_s));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QToolButton *b : {m_followButton, m_pauseButton, m_timestampsButton, m_previousButton, m_wrapButton,
                           save, clearButton})
        bar->addWidget(b);
    bar->addSpacing(12);
    bar->addWidget(m_search, 1);
    bar->addWidget(previous);
    bar->addWidget(next);
    bar->addWidget(m_matchLabel);

    m_list->setObjectName(u"logList"_s);
    m_list->setAccessibleName(tr("Log"));
    m_list->setModel(m_model);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const course::SourceLocation loc = course::sourceLocationIn(m_model->lineText(index.row()));
        if (loc.isValid())
            Q_EMIT sourceLocationActivated(loc);
    });
    m_delegate = new LogDelegate(m_model, m_list);
    m_list->setItemDelegate(m_delegate);

    m_status = new QLabel(this);
    m_status->setObjectName(u"logStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, &LogView::runSearch);
    m_statusDelay = new QTimer(this);
    m_statusDelay->setSingleShot(true);
    m_statusDelay->setInterval(100);
    connect(m_statusDelay, &QTimer::timeout, this, &LogView::updateStatus);

    connect(m_followButton, &QToolButton::toggled, this, &LogView::setFollowing);
    connect(m_pauseButton, &QToolButton::toggled, this, &LogView::setPaused);
    connect(m_timestampsButton, &QToolButton::toggled, this, &LogView::setShowTimestamps);
    connect(m_previousButton, &QToolButton::toggled, this, &LogView::setShowPrevious);
    connect(m_wrapButton, &QToolButton::toggled, this, &LogView::setWrap);
    connect(save, &QToolButton::clicked, this, &LogView::saveDialog);
    connect(clearButton, &QToolButton::clicked, this, &LogView::clear);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay->start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDelay->isActive()) {
            m_searchDelay->stop();
            runSearch();
        } else {
            nextMatch();
        }
    });
    connect(next, &QToolButton::clicked, this, &LogView::nextMatch);
    connect(previous, &QToolButton::clicked, this, &LogView::previousMatch);
    auto *f3 = new QShortcut(QKeySequence(Qt::Key_F3), this, this, &LogView::nextMatch);
    f3->setContext(Qt::WidgetWithChildrenShortcut);
    auto *shiftF3 = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this, this, &LogView::previousMatch);
    shiftF3->setContext(Qt::WidgetWithChildrenShortcut);
    auto *find = new QShortcut(QKeySequence::Find, this, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setContext(Qt::WidgetWithChildrenShortcut);

    // Only what the user does to the scroll bar (drag, wheel, page keys on it)
    // turns following off or on; the view's own scrolling does not.
    connect(m_list->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        QScrollBar *v = m_list->verticalScrollBar();
        const bool atBottom = v->sliderPosition() >= v->maximum();
        if (atBottom != m_following)
            setFollowing(atBottom);
    });
    connect(m_model, &LogModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(m_model, &LogModel::linesDropped, this, &LogView::onLinesDropped);
    connect(m_model, &LogModel::modelReset, this, [this] {
        m_matches.clear();
        m_current = -1;
        updateMatchLabel();
        if (!m_statusDelay->isActive())
            m_statusDelay->start(); // at most ten updates a second
    });
    updateStatus();
    updateMatchLabel();
}

LogView::~LogView()
{
    stop();
}

void LogView::setSource(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                        const QString &container)
{
    stop();
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_container = container;
    clear();
    setState(StreamState::Idle);
}

void LogView::setMaxLines(qsizetype lines)
{
    m_model->setMaxLines(lines);
    if (!m_statusDelay->isActive())
        m_statusDelay->start(); // at most ten updates a second
}

void LogView::start()
{
    if (m_stream || !m_access || m_pod.isEmpty())
        return;
    clear();
    kube::LogOptions options;
    options.container = m_container;
    options.previous = m_previous;
    options.follow = !m_previous; // a previous container's log is complete
    options.tailLines = m_model->maxLines();
    m_stream = new kube::LogStream(m_access, m_namespace, m_pod, options, this);
    connect(m_stream, &kube::LogStream::lines, this, &LogView::onLines);
    connect(m_stream, &kube::LogStream::reconnecting, this,
            [this](const kube::ApiStatus &why) { setState(StreamState::Reconnecting, why.message); });
    connect(m_stream, &kube::LogStream::finished, this, [this](const kube::ApiStatus &status) {
        QString why;
        if (status.isOk())
            why = m_previous ? tr("the whole log of the previous container is shown")
                             : tr("the container stopped; press Follow again when it restarts");
        else
            why = status.message;
        if (m_stream) {
            m_stream->deleteLater();
            m_stream = nullptr;
        }
        setState(StreamState::Ended, why);
    });
    setState(StreamState::Connecting);
    m_stream->start();
}

void LogView::stop()
{
    if (!m_stream)
        return;
    kube::LogStream *stream = m_stream;
    m_stream = nullptr;
    stream->stop();
    stream->deleteLater();
    setState(StreamState::Idle, tr("stopped"));
}

void LogView::onLines(const QList<kube::LogLine> &lines)
{
    if (m_state != StreamState::Following)
        setState(StreamState::Following);
    if (m_paused) {
        m_held += lines;
        const qsizetype excess = m_held.size() - m_model->maxLines();
        if (excess > 0) {
            m_held.remove(0, excess);
            m_heldDropped += excess;
        }
        if (!m_statusDelay->isActive())
            m_statusDelay->start(); // at most ten updates a second
        return;
    }
    m_model->append(lines);
}

void LogView::onRowsInserted(int first, int last)
{
    Q_UNUSED(last)
    if (!m_needle.isEmpty()) {
        const QList<int> more = m_model->search(m_needle, Qt::CaseInsensitive, first);
        if (!more.isEmpty()) {
            m_matches += more;
            if (m_current < 0)
                m_current = 0;
            updateMatchLabel();
        }
    }
    if (m_following && !m_paused) {
        m_autoScrolling = true;
        m_list->scrollToBottom();
        m_autoScrolling = false;
    }
    if (!m_statusDelay->isActive())
        m_statusDelay->start(); // at most ten updates a second
}

void LogView::onLinesDropped(int count)
{
    if (!m_matches.isEmpty()) {
        const auto firstKept = std::lower_bound(m_matches.begin(), m_matches.end(), count);
        const int removed = int(firstKept - m_matches.begin());
        m_matches.erase(m_matches.begin(), firstKept);
        for (int &row : m_matches)
            row -= count;
        m_current = m_matches.isEmpty() ? -1 : std::max(0, m_current - removed);
        m_delegate->currentRow = currentMatchRow();
        updateMatchLabel();
    }
    if (!m_statusDelay->isActive())
        m_statusDelay->start(); // at most ten updates a second
}

void LogView::setState(StreamState state, const QString &detail)
{
    const bool changed = state != m_state;
    m_state = state;
    m_stateDetail = detail;
    updateStatus();
    if (changed)
        Q_EMIT streamStateChanged(state);
}

void LogView::setFollowing(bool follow)
{
    m_following = follow;
    if (m_followButton->isChecked() != follow)
        m_followButton->setChecked(follow);
    if (follow) {
        m_autoScrolling = true;
        m_list->scrollToBottom();
        m_autoScrolling = false;
        if (m_state == StreamState::Ended && !m_previous) {
            stop();
            start(); // the container may have come back
        }
    }
    updateStatus();
}

void LogView::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (m_pauseButton->isChecked() != paused)
        m_pauseButton->setChecked(paused);
    if (!paused) {
        const QList<kube::LogLine> held = std::exchange(m_held, {});
        m_model->append(held);
        m_heldDropped = 0;
    }
    updateStatus();
}

void LogView::setShowTimestamps(bool show)
{
    if (m_timestampsButton->isChecked() != show)
        m_timestampsButton->setChecked(show);
    m_model->setShowTimestamps(show);
    relayout();
}

void LogView::setShowPrevious(bool previous)
{
    if (m_previous == previous)
        return;
    m_previous = previous;
    if (m_previousButton->isChecked() != previous)
        m_previousButton->setChecked(previous);
    const bool wasStreaming = m_stream != nullptr;
    stop();
    clear();
    if (wasStreaming || m_state != StreamState::Idle || isVisible())
        start();
}

void LogView::setWrap(bool wrap)
{
    m_wrap = wrap;
    if (m_wrapButton->isChecked() != wrap)
        m_wrapButton->setChecked(wrap);
    m_delegate->wrap = wrap;
    m_list->setWordWrap(wrap);
    m_list->setUniformItemSizes(!wrap);
    // Laying out a million wrapped rows at once would stall; let the view do it in batches.
    m_list->setLayoutMode(wrap ? QListView::Batched : QListView::SinglePass);
    m_list->setResizeMode(wrap ? QListView::Adjust : QListView::Fixed);
    m_list->setHorizontalScrollBarPolicy(wrap ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    relayout();
}

void LogView::relayout()
{
    m_list->reset(); // sizes depend on the longest line and on wrapping
    if (m_following) {
        m_autoScrolling = true;
        m_list->scrollToBottom();
        m_autoScrolling = false;
    }
    m_list->viewport()->update();
}

void LogView::setSearchText(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_searchDelay->stop();
    runSearch();
}

void LogView::runSearch()
{
    m_needle = m_search->text();
    m_matches = m_needle.isEmpty() ? QList<int>() : m_model->search(m_needle, Qt::CaseInsensitive);
    m_current = m_matches.isEmpty() ? -1 : int(m_matches.size()) - 1; // the newest first
    m_delegate->needle = m_needle;
    m_delegate->currentRow = currentMatchRow();
    updateMatchLabel();
    if (m_current >= 0 && !m_following)
        showCurrentMatch();
    m_list->viewport()->update();
}

int LogView::currentMatchRow() const
{
    return m_current >= 0 && m_current < m_matches.size() ? m_matches.at(m_current) : -1;
}

void LogView::nextMatch()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current + 1) % int(m_matches.size());
    showCurrentMatch();
}

void LogView::previousMatch()
{
    if (m_matches.isEmpty())
        return;
    m_current = (m_current - 1 + int(m_matches.size())) % int(m_matches.size());
    showCurrentMatch();
}

void LogView::showCurrentMatch()
{
    const int row = currentMatchRow();
    if (row < 0)
        return;
    setFollowing(false); // looking at a match: do not jump away from it
    m_delegate->currentRow = row;
    const QModelIndex index = m_model->index(row);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_list->viewport()->update();
    updateMatchLabel();
}

void LogView::updateMatchLabel()
{
    if (m_needle.isEmpty())
        m_matchLabel->clear();
    else if (m_matches.isEmpty())
        m_matchLabel->setText(tr("no matches"));
    else
        m_matchLabel->setText(
            tr("%1 of %2")
                .arg(QLocale().toString(m_current + 1), QLocale().toString(qlonglong(m_matches.size()))));
}

QString LogView::statusText() const
{
    return m_status->text();
}

void LogView::updateStatus()
{
    const QLocale locale;
    QString text = tr("%1 lines held (at most %2), %3 dropped")
                       .arg(locale.toString(qlonglong(m_model->lineCount())),
                            locale.toString(qlonglong(m_model->maxLines())),
                            locale.toString(m_model->droppedLines() + m_heldDropped));
    QString state;
    switch (m_state) {
    case StreamState::Idle:
        state = m_pod.isEmpty() ? tr("no pod selected") : tr("not streaming");
        break;
    case StreamState::Connecting:
        state = tr("connecting to %1…").arg(m_pod);
        break;
    case StreamState::Following:
        state = m_previous
                    ? tr("reading the previous container's log")
                    : (m_following ? tr("following") : tr("streaming (scrolled up: press Follow to resume)"));
        break;
    case StreamState::Reconnecting:
        state = tr("reconnecting: %1").arg(m_stateDetail);
        break;
    case StreamState::Ended:
        state = tr("ended: %1").arg(m_stateDetail);
        break;
    }
    text += u" — "_s + state;
    if (m_paused)
        text += u" — "_s + tr("paused, %1 new lines waiting").arg(locale.toString(qlonglong(m_held.size())));
    m_status->setText(text);
}

bool LogView::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not save the log to %1: %2. Choose a folder you can write to.")
                         .arg(path, file.errorString());
        return false;
    }
    QByteArray chunk;
    for (qsizetype row = 0; row < m_model->lineCount(); ++row) {
        const qint64 ns = m_model->lineTime(row);
        if (m_model->showTimestamps() && ns != 0) {
            chunk += LogModel::formatTimestamp(ns).toLatin1();
            chunk += ' ';
        }
        chunk += m_model->lineBytes(row);
        chunk += '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    if (!file.commit()) {
        if (error)
            *error = tr("Could not save the log to %1: %2. Check the free space and try again.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

void LogView::saveDialog()
{
    const QString suggested =
        (m_pod.isEmpty() ? u"log"_s : m_pod) + (m_previous ? u"-previous"_s : QString()) + u".log"_s;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save log"), suggested, tr("Logs (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        m_status->setText(error);
}

void LogView::clear()
{
    m_held.clear();
    m_heldDropped = 0;
    m_model->clear();
    updateStatus();
}
