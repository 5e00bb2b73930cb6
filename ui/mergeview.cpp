#include "mergeview.h"
#include "theme.h"

#include "codeeditor.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>
#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

using namespace Qt::StringLiterals;
using course::ConflictBlock;
using course::MergeChunk;

namespace {

// tr() with %n and no English translation loaded leaves "file(s)": pick the English form.
QString plural(QString text, qsizetype n)
{
    text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return text;
}

enum PaneMarker { ChangedMarker = 0, ConflictMarker = 1 };
// In the result (CodeEditor keeps 0 and 1 for the error line).
enum ResultMarker { MarkerLine = 2, OursLines = 3, TheirsLines = 4 };

void colourResultMarkers(QsciScintilla *result)
{
    result->setMarkerBackgroundColor(theme::background(QColor(255, 190, 190)), MarkerLine);
    result->setMarkerBackgroundColor(theme::background(QColor(214, 232, 255)), OursLines);
    result->setMarkerBackgroundColor(theme::background(QColor(255, 231, 200)), TheirsLines);
}

QString shortSha(const QByteArray &sha)
{
    return QString::fromLatin1(sha.left(7));
}

QsciScintilla *makePane(QWidget *parent, const QString &name)
{
    auto *pane = new QsciScintilla(parent);
    pane->setObjectName(name);
    pane->setUtf8(true);
    pane->setReadOnly(true);
    pane->setMarginType(0, QsciScintilla::NumberMargin);
    pane->setMarginLineNumbers(0, true);
    pane->setMarginWidth(0, u"99999"_s);
    pane->setMarginWidth(1, 0);
    pane->setMarginsFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->markerDefine(QsciScintilla::Background, ChangedMarker);
    pane->markerDefine(QsciScintilla::Background, ConflictMarker);
    theme::adaptEditor(pane);
    return pane;
}

void setPaneText(QsciScintilla *pane, const QString &path, const QString &text)
{
    QsciLexer *old = pane->lexer();
    pane->setLexer(CodeEditor::lexerForPath(path, pane));
    delete old;
    if (!pane->lexer())
        pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setMarkerBackgroundColor(theme::background(QColor(214, 232, 255)), ChangedMarker);
    pane->setMarkerBackgroundColor(theme::background(QColor(255, 215, 215)), ConflictMarker);
    pane->setReadOnly(false);
    pane->setText(text);
    pane->setReadOnly(true);
    pane->markerDeleteAll();
}

void markLines(QsciScintilla *pane, int first, qsizetype count, int marker)
{
    for (int line = first; line < first + count; ++line)
        pane->markerAdd(line, marker);
}

QString sideText(const std::optional<QByteArray> &side)
{
    return side ? QString::fromUtf8(*side) : QString();
}

} // namespace

MergeView::MergeView(QWidget *parent)
    : QWidget(parent, Qt::Window)
{
    setObjectName(u"mergeView"_s);
    setWindowTitle(tr("Merge"));
    m_fileList = new QListWidget(this);
    m_fileList->setObjectName(u"mergeFiles"_s);
    m_fileList->setAccessibleName(tr("Files to merge"));
    m_conflicts = new QListWidget(this);
    m_conflicts->setObjectName(u"mergeConflicts"_s);
    m_conflicts->setAccessibleName(tr("Conflicts in this file"));
    m_theirs = makePane(this, u"mergeTheirs"_s);
    m_base = makePane(this, u"mergeBase"_s);
    m_ours = makePane(this, u"mergeOurs"_s);
    m_theirs->setAccessibleName(tr("Theirs: the branch now"));
    m_base->setAccessibleName(tr("Base: when you opened the files"));
    m_ours->setAccessibleName(tr("Ours: your edits"));
    m_result = new CodeEditor(this);
    m_result->setObjectName(u"mergeResult"_s);
    m_result->setAccessibleName(tr("Result of the merge"));
    for (int marker : {MarkerLine, OursLines, TheirsLines})
        m_result->markerDefine(QsciScintilla::Background, marker);
    colourResultMarkers(m_result);
    m_theirsTitle = new QLabel(this);
    m_baseTitle = new QLabel(this);
    m_oursTitle = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setObjectName(u"mergeStatus"_s);
    m_status->setWordWrap(true);

    auto button = [this](const QString &text, const QString &name, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    QPushButton *previous =
        button(tr("◀ Previous"), u"previousConflict"_s, tr("Previous conflict (Shift+F7)"));
    QPushButton *next = button(tr("Next ▶"), u"nextConflict"_s, tr("Next conflict (F7)"));
    QPushButton *ours = button(tr("Take ours"), u"takeOurs"_s, tr("Keep your edit for this conflict"));
    QPushButton *theirs = button(tr("Take theirs"), u"takeTheirs"_s, tr("Keep the student's version"));
    QPushButton *both = button(tr("Take both"), u"takeBoth"_s, tr("Your lines, then the student's"));
    m_resolveButton = button(tr("Mark resolved"), u"markResolved"_s,
                             tr("The result of this file is right (no conflict markers may remain)"));
    m_commitButton = button(tr("Commit merge"), u"commitMerge"_s,
                            tr("Commit the resolved files on top of the student's new head"));
    connect(previous, &QPushButton::clicked, this, [this] { previousConflict(); });
    connect(next, &QPushButton::clicked, this, [this] { nextConflict(); });
    connect(ours, &QPushButton::clicked, this, [this] { take(course::ConflictPick::Ours); });
    connect(theirs, &QPushButton::clicked, this, [this] { take(course::ConflictPick::Theirs); });
    connect(both, &QPushButton::clicked, this, [this] { take(course::ConflictPick::OursThenTheirs); });
    connect(m_resolveButton, &QPushButton::clicked, this, [this] { markResolved(); });
    connect(m_commitButton, &QPushButton::clicked, this, &MergeView::requestCommit);
    auto *nextKey = new QShortcut(QKeySequence(Qt::Key_F7), this);
    connect(nextKey, &QShortcut::activated, this, [this] { nextConflict(); });
    auto *previousKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7), this);
    connect(previousKey, &QShortcut::activated, this, [this] { previousConflict(); });

    auto column = [this](QLabel *title, QWidget *pane) {
        auto *w = new QWidget(this);
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(2);
        l->addWidget(title);
        l->addWidget(pane);
        return w;
    };
    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->addWidget(column(m_theirsTitle, m_theirs));
    panes->addWidget(column(m_baseTitle, m_base));
    panes->addWidget(column(m_oursTitle, m_ours));

    auto *resultTitle = new QLabel(tr("<b>Result</b> (editable; this is what gets committed)"), this);
    auto *bar = new QHBoxLayout;
    for (QPushButton *b : {previous, next, ours, theirs, both})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(m_resolveButton);
    bar->addWidget(m_commitButton);

    auto *resultBox = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(resultTitle);
    resultLayout->addLayout(bar);
    resultLayout->addWidget(m_result);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(panes);
    vertical->addWidget(resultBox);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("<b>Files</b>"), this));
    sideLayout->addWidget(m_fileList, 1);
    sideLayout->addWidget(new QLabel(tr("<b>Conflicts in this file</b>"), this));
    sideLayout->addWidget(m_conflicts, 1);

    auto *outer = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(side);
    outer->addWidget(vertical);
    outer->setStretchFactor(1, 1);
    outer->setSizes({220, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_status);
    layout->addWidget(outer, 1);

    connect(m_fileList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_loading && row >= 0 && row != m_current) {
            storeCurrent();
            showFile(row);
        }
    });
    connect(m_conflicts, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const int line = item->data(Qt::UserRole).toInt();
        m_result->setCursorPosition(line, 0);
        for (const ConflictBlock &b : course::findConflictBlocks(course::splitLines(m_result->text())))
            if (b.startLine == line)
                showConflict(b);
    });
    connect(m_result, &QsciScintilla::textChanged, this, [this] {
        if (m_loading || m_current < 0)
            return;
        storeCurrent();
        if (m_files[m_current].resolved && conflictsLeft(m_files[m_current].sides.path) > 0)
            m_files[m_current].resolved = false;
        refreshLists();
    });
    resize(1200, 760);
}

void MergeView::setSides(const QString &repository, const QByteArray &baseCommit,
                         const QByteArray &theirsCommit, const QList<course::MergeSides> &sides)
{
    m_repository = repository;
    m_baseCommit = baseCommit;
    m_theirsCommit = theirsCommit;
    m_files.clear();
    m_current = -1;
    for (const course::MergeSides &s : sides) {
        File f;
        f.sides = s;
        f.merge = course::merge3(sideText(s.base), sideText(s.ours), sideText(s.theirs));
        f.text = f.merge.text();
        f.resolved = f.merge.isClean();
        m_files.append(std::move(f));
    }
    setWindowTitle(tr("Merge with the student's changes — %1").arg(repository));
    m_theirsTitle->setText(tr("<b>Theirs</b>: the branch now (%1)").arg(shortSha(theirsCommit)));
    m_baseTitle->setText(tr("<b>Base</b>: when you opened the files (%1)").arg(shortSha(baseCommit)));
    m_oursTitle->setText(tr("<b>Ours</b>: your edits"));
    m_loading = true;
    m_fileList->clear();
    for (const File &f : std::as_const(m_files))
        new QListWidgetItem(f.sides.path, m_fileList);
    m_loading = false;
    // Start on the first file with a conflict.
    int first = 0;
    for (int i = 0; i < m_files.size(); ++i) {
        if (!m_files[i].resolved) {
            first = i;
            break;
        }
    }
    if (!m_files.isEmpty())
        showFile(first);
    m_busy = false;
    refreshLists();
}

QStringList MergeView::paths() const
{
    QStringList out;
    for (const File &f : m_files)
        out << f.sides.path;
    return out;
}

QString MergeView::currentPath() const
{
    return m_current >= 0 ? m_files[m_current].sides.path : QString();
}

void MergeView::selectFile(const QString &path)
{
    const int i = int(paths().indexOf(path));
    if (i >= 0 && i != m_current) {
        storeCurrent();
        showFile(i);
    }
}

void MergeView::storeCurrent()
{
    if (m_current >= 0)
        m_files[m_current].text = m_result->text();
}

void MergeView::showFile(int index)
{
    m_current = index;
    const File &f = m_files[index];
    const QString &path = f.sides.path;
    setPaneText(m_theirs, path,
                f.sides.theirs ? sideText(f.sides.theirs) : tr("(the student deleted this file)"));
    setPaneText(m_base, path, f.sides.base ? sideText(f.sides.base) : tr("(the file did not exist)"));
    setPaneText(m_ours, path, f.sides.ours ? sideText(f.sides.ours) : tr("(you deleted this file)"));
    for (const MergeChunk &c : f.merge.chunks) {
        if (c.kind == MergeChunk::Kind::Unchanged)
            continue;
        const int marker = c.kind == MergeChunk::Kind::Conflict ? ConflictMarker : ChangedMarker;
        if (c.kind != MergeChunk::Kind::Ours)
            markLines(m_theirs, c.theirsLine, c.theirs.size(), marker);
        if (c.kind != MergeChunk::Kind::Theirs)
            markLines(m_ours, c.oursLine, c.ours.size(), marker);
        markLines(m_base, c.baseLine, c.base.size(), marker);
    }
    m_loading = true;
    m_result->setPath(path);
    colourResultMarkers(m_result);
    m_result->loadText(f.text);
    m_fileList->setCurrentRow(index);
    m_loading = false;
    refreshLists();
    const QList<ConflictBlock> blocks = course::findConflictBlocks(course::splitLines(f.text));
    if (!blocks.isEmpty()) {
        m_result->setCursorPosition(blocks.first().startLine, 0);
        showConflict(blocks.first());
    }
}

int MergeView::conflictsLeft(const QString &path) const
{
    const int i = int(paths().indexOf(path));
    if (i < 0)
        return 0;
    const QString text = i == m_current ? m_result->text() : m_files[i].text;
    return int(course::findConflictBlocks(course::splitLines(text)).size());
}

int MergeView::totalConflictsLeft() const
{
    int n = 0;
    for (const File &f : m_files)
        n += conflictsLeft(f.sides.path);
    return n;
}

bool MergeView::isResolved(const QString &path) const
{
    const int i = int(paths().indexOf(path));
    return i >= 0 && m_files[i].resolved;
}

bool MergeView::allResolved() const
{
    return std::all_of(m_files.cbegin(), m_files.cend(), [](const File &f) { return f.resolved; });
}

void MergeView::refreshLists()
{
    for (int i = 0; i < m_files.size() && i < m_fileList->count(); ++i) {
        const File &f = m_files[i];
        const int left = conflictsLeft(f.sides.path);
        QString state;
        QColor color;
        if (f.resolved) {
            state = f.merge.isClean() ? tr("merged cleanly") : tr("resolved");
            color = theme::foreground(theme::Tone::Ok, palette());
        } else if (left > 0) {
            state = plural(tr("%n conflict(s)", nullptr, left), left);
            color = theme::foreground(theme::Tone::Error, palette());
        } else {
            state = tr("not marked resolved");
            color = theme::foreground(theme::Tone::Warning, palette());
        }
        QListWidgetItem *item = m_fileList->item(i);
        item->setText(f.sides.path + u" — "_s + state);
        item->setForeground(color);
    }
    m_conflicts->clear();
    for (int marker : {MarkerLine, OursLines, TheirsLines})
        m_result->markerDeleteAll(marker);
    if (m_current >= 0) {
        for (const ConflictBlock &b : course::findConflictBlocks(course::splitLines(m_result->text()))) {
            for (int line : {b.startLine, b.middleLine, b.endLine})
                m_result->markerAdd(line, MarkerLine);
            markLines(m_result, b.startLine + 1, b.middleLine - b.startLine - 1, OursLines);
            markLines(m_result, b.middleLine + 1, b.endLine - b.middleLine - 1, TheirsLines);
            auto *item = new QListWidgetItem(tr("Conflict %1 at line %2")
                                                 .arg(b.number > 0 ? QString::number(b.number) : u"?"_s)
                                                 .arg(b.startLine + 1),
                                             m_conflicts);
            item->setData(Qt::UserRole, b.startLine);
        }
    }
    updateStatus();
}

QString MergeView::statusText() const
{
    return m_status->text();
}

void MergeView::updateStatus()
{
    if (m_busy)
        return;
    const int left = totalConflictsLeft();
    int unresolved = 0;
    for (const File &f : m_files)
        unresolved += !f.resolved;
    QString text;
    if (unresolved == 0)
        text = tr("Every file is resolved. Commit merge makes one commit on top of the student's %1.")
                   .arg(shortSha(m_theirsCommit));
    else if (left > 0)
        text = plural(tr("The student pushed %1 after you opened the files. %n conflict(s) left: take ours, "
                         "theirs or both, or edit the result, then mark each file resolved.",
                         nullptr, left),
                      left)
                   .arg(shortSha(m_theirsCommit));
    else
        text = plural(
            tr("No conflict markers left. Check the result and press Mark resolved (%n file(s) to go).",
               nullptr, unresolved),
            unresolved);
    m_status->setText(text);
    m_commitButton->setEnabled(unresolved == 0 && !m_busy);
    m_resolveButton->setEnabled(m_current >= 0 && !m_files[m_current].resolved);
}

void MergeView::showConflict(const ConflictBlock &block)
{
    if (m_current < 0)
        return;
    for (int row = 0; row < m_conflicts->count(); ++row)
        if (m_conflicts->item(row)->data(Qt::UserRole).toInt() == block.startLine)
            m_conflicts->setCurrentRow(row);
    m_result->setFirstVisibleLine(std::max(0, block.startLine - 3));
    // The conflict's lines in the three versions, from the merge that made the markers.
    int n = 0;
    for (const MergeChunk &c : m_files[m_current].merge.chunks) {
        if (c.kind != MergeChunk::Kind::Conflict || ++n != block.number)
            continue;
        m_theirs->setFirstVisibleLine(std::max(0, c.theirsLine - 3));
        m_base->setFirstVisibleLine(std::max(0, c.baseLine - 3));
        m_ours->setFirstVisibleLine(std::max(0, c.oursLine - 3));
        break;
    }
}

bool MergeView::nextConflict()
{
    const QList<ConflictBlock> blocks = course::findConflictBlocks(course::splitLines(m_result->text()));
    if (blocks.isEmpty())
        return false;
    int line, index;
    m_result->getCursorPosition(&line, &index);
    const ConflictBlock *target = &blocks.first(); // wraps around
    for (const ConflictBlock &b : blocks) {
        if (b.startLine > line) {
            target = &b;
            break;
        }
    }
    m_result->setCursorPosition(target->startLine, 0);
    showConflict(*target);
    return true;
}

bool MergeView::previousConflict()
{
    const QList<ConflictBlock> blocks = course::findConflictBlocks(course::splitLines(m_result->text()));
    if (blocks.isEmpty())
        return false;
    int line, index;
    m_result->getCursorPosition(&line, &index);
    const ConflictBlock *target = &blocks.last();
    for (auto it = blocks.crbegin(); it != blocks.crend(); ++it) {
        if (it->endLine < line) {
            target = &*it;
            break;
        }
    }
    m_result->setCursorPosition(target->startLine, 0);
    showConflict(*target);
    return true;
}

bool MergeView::take(course::ConflictPick pick)
{
    const QStringList lines = course::splitLines(m_result->text());
    const QList<ConflictBlock> blocks = course::findConflictBlocks(lines);
    if (blocks.isEmpty())
        return false;
    int line, index;
    m_result->getCursorPosition(&line, &index);
    const ConflictBlock *target = nullptr;
    for (const ConflictBlock &b : blocks) {
        if (b.endLine >= line) {
            target = &b;
            break;
        }
    }
    if (!target)
        target = &blocks.first();
    // The block on its own, resolved.
    ConflictBlock local = *target;
    local.startLine = 0;
    local.middleLine = target->middleLine - target->startLine;
    local.endLine = target->endLine - target->startLine;
    const QString chosen =
        course::resolveConflictBlock(lines.mid(target->startLine, local.endLine + 1), local, pick)
            .join(QString());
    // Replace only the block, as one undo step, so the rest keeps its history.
    m_result->beginUndoAction();
    if (target->endLine + 1 < m_result->lines())
        m_result->setSelection(target->startLine, 0, target->endLine + 1, 0);
    else
        m_result->setSelection(target->startLine, 0, target->endLine, m_result->text(target->endLine).size());
    m_result->replaceSelectedText(chosen);
    m_result->endUndoAction();
    m_result->setCursorPosition(target->startLine, 0);
    const QList<ConflictBlock> rest = course::findConflictBlocks(course::splitLines(m_result->text()));
    for (const ConflictBlock &b : rest) {
        if (b.startLine >= target->startLine) {
            m_result->setCursorPosition(b.startLine, 0);
            showConflict(b);
            break;
        }
    }
    return true;
}

bool MergeView::markResolved(QString *why)
{
    if (m_current < 0)
        return false;
    storeCurrent();
    const int left = conflictsLeft(currentPath());
    if (left > 0) {
        const QString message =
            plural(tr("%1 still has %n conflict(s): take ours, theirs or both, or edit the "
                      "markers (<<<<<<< ======= >>>>>>>) away, then mark it resolved.",
                      nullptr, left),
                   left)
                .arg(currentPath());
        if (why)
            *why = message;
        m_status->setText(message);
        return false;
    }
    m_files[m_current].resolved = true;
    refreshLists();
    // On to the next file that needs work.
    for (int i = 0; i < m_files.size(); ++i) {
        if (!m_files[i].resolved) {
            showFile(i);
            break;
        }
    }
    return true;
}

QList<course::FileChange> MergeView::result() const
{
    QList<course::FileChange> changes;
    for (int i = 0; i < m_files.size(); ++i) {
        const File &f = m_files[i];
        const QString text = i == m_current ? m_result->text() : f.text;
        course::FileChange change;
        change.path = f.sides.path;
        // A file one side deleted and the merge left empty stays deleted.
        if (text.isEmpty() && (!f.sides.ours || !f.sides.theirs)) {
            if (!f.sides.theirs)
                continue; // already gone on the branch
        } else {
            change.content = text.toUtf8();
            if (f.sides.theirs && *f.sides.theirs == *change.content)
                continue; // the branch already holds this
        }
        changes.append(change);
    }
    std::sort(changes.begin(), changes.end(),
              [](const course::FileChange &a, const course::FileChange &b) { return a.path < b.path; });
    return changes;
}

void MergeView::requestCommit()
{
    storeCurrent();
    if (!allResolved()) {
        updateStatus();
        return;
    }
    const QList<course::FileChange> changes = result();
    if (changes.isEmpty()) {
        m_status->setText(
            tr("The merged files are what the branch already holds: there is nothing to commit. "
               "Close this window."));
        return;
    }
    Q_EMIT commitRequested(changes);
}

void MergeView::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    if (!status.isEmpty())
        m_status->setText(status);
    m_commitButton->setEnabled(!busy && allResolved());
    if (!busy)
        updateStatus();
}
