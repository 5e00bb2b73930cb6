#include "codewindow.h"
#include "theme.h"

#include "codeeditor.h"
#include "commitdialog.h"
#include "diffview.h"
#include "mergeview.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// tr() with %n and no English translation loaded leaves "file(s)": pick the English form.
QString plural(QString text, qsizetype n)
{
    text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return text;
}

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kIsDirRole = Qt::UserRole + 2;

QString shortSha(const QByteArray &sha)
{
    return QString::fromLatin1(sha.left(7));
}

// A repository path a TA may create: relative, '/'-separated, no "." or ".." parts.
bool isValidNewPath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.endsWith(u'/') || path.contains(u'\\'))
        return false;
    for (const QString &part : path.split(u'/'))
        if (part.isEmpty() || part == u"."_s || part == u".."_s || part == u".git"_s)
            return false;
    return true;
}

} // namespace

CodeWindow::CodeWindow(course::RepositorySource *source, QWidget *parent, const QString &journalRoot)
    : QMainWindow(parent)
    , m_source(source)
    , m_journal(new course::BufferJournal(source->repositoryName(), journalRoot, this))
{
    setObjectName(u"codeWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose, false);

    m_treeModel = new QStandardItemModel(this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"codeTree"_s);
    m_tree->setAccessibleName(tr("Files of the repository"));
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(kIsDirRole).toBool())
            openFile(index.data(kPathRole).toString());
    });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (!index.isValid() || index.data(kIsDirRole).toBool())
            return;
        const QString path = index.data(kPathRole).toString();
        QMenu menu(this);
        menu.addAction(tr("Open"), this, [this, path] { openFile(path); });
        if (m_files.value(path).deleted)
            menu.addAction(tr("Undo delete"), this, [this, path] { undoDelete(path); });
        else
            menu.addAction(tr("Delete"), this, [this, path] { deleteFile(path); });
        menu.addAction(tr("Show changes"), this, [this, path] { showDiff(path); });
        if (m_template)
            menu.addAction(tr("Compare with template"), this, [this, path] { showTemplateDiff(path); });
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"codeTabs"_s);
    m_tabs->tabBar()->setAccessibleName(tr("Open files"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *w = m_tabs->widget(index);
        m_tabs->removeTab(index);
        // An editor with changes stays alive (its text is part of the change set); it comes back on open.
        auto *editor = qobject_cast<CodeEditor *>(w);
        if (editor && (editor->differsFromBase() || !m_files.value(editor->path()).head)) {
            editor->hide();
            return;
        }
        if (editor)
            m_files.remove(editor->path());
        w->deleteLater();
    });

    buildFindBars();

    m_restoreBar = new QWidget(this);
    m_restoreBar->setObjectName(u"restoreBar"_s);
    m_restoreBar->setAutoFillBackground(true);
    QPalette pal = m_restoreBar->palette();
    pal.setColor(QPalette::Window, QColor(255, 244, 206));
    m_restoreBar->setPalette(pal);
    m_restoreLabel = new QLabel(m_restoreBar);
    m_restoreLabel->setObjectName(u"restoreLabel"_s);
    m_restoreLabel->setWordWrap(true);
    auto *restore = new QPushButton(tr("Restore"), m_restoreBar);
    restore->setObjectName(u"restoreButton"_s);
    auto *discard = new QPushButton(tr("Discard"), m_restoreBar);
    discard->setObjectName(u"discardJournalButton"_s);
    connect(restore, &QPushButton::clicked, this, &CodeWindow::restoreJournal);
    connect(discard, &QPushButton::clicked, this, &CodeWindow::discardJournal);
    auto *restoreLayout = new QHBoxLayout(m_restoreBar);
    restoreLayout->setContentsMargins(8, 4, 8, 4);
    restoreLayout->addWidget(m_restoreLabel, 1);
    restoreLayout->addWidget(restore);
    restoreLayout->addWidget(discard);
    m_restoreBar->hide();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_restoreBar);
    rightLayout->addWidget(m_tabs, 1);
    auto *placeholder =
        new QLabel(tr("Open a file from the tree (double-click it, or select it and press Enter)."), right);
    placeholder->setObjectName(u"editorPlaceholder"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setEnabled(false);
    rightLayout->addWidget(placeholder, 1);
    m_tabs->hide();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, placeholder] {
        m_tabs->setVisible(m_tabs->count() > 0);
        placeholder->setVisible(m_tabs->count() == 0);
    });
    rightLayout->addWidget(m_findBar);
    rightLayout->addWidget(m_goToBar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 800});
    setCentralWidget(splitter);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(u"codeStatus"_s);
    m_headLabel = new QLabel(this);
    m_headLabel->setObjectName(u"headLabel"_s);
    // Long messages are cut, never the branch and commit beside them.
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_statusLabel->setMinimumWidth(1);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_headLabel);

    buildActions();

    connect(m_journal, &course::BufferJournal::writeFailed, this,
            [this](const QString &message) { setStatus(message); });
    updateTitle();
    resize(1100, 720);
}

CodeWindow::~CodeWindow() = default;

void CodeWindow::buildActions()
{
    auto add = [this](const QString &text, const QString &name, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_newAction = add(tr("&New file…"), u"newFileAction"_s, QKeySequence(Qt::CTRL | Qt::Key_N), [this] {
        const QString dir = QFileInfo(selectedPath()).path();
        bool ok = false;
        const QString path =
            QInputDialog::getText(this, tr("New file"), tr("Path in the repository:"), QLineEdit::Normal,
                                  dir == u"."_s || dir.isEmpty() ? QString() : dir + u'/', &ok);
        QString error;
        if (ok && !newFile(path.trimmed(), {}, &error))
            QMessageBox::warning(this, tr("New file"), error);
    });
    m_deleteAction = add(tr("&Delete file"), u"deleteFileAction"_s, {}, [this] {
        QString error;
        const QString path = selectedPath();
        if (!path.isEmpty() && !deleteFile(path, &error))
            setStatus(error);
    });
    auto *find = add(tr("&Find…"), u"findAction"_s, QKeySequence(Qt::CTRL | Qt::Key_F),
                     [this] { showFindBar(false); });
    auto *replace = add(tr("&Replace…"), u"replaceAction"_s, QKeySequence(Qt::CTRL | Qt::Key_H),
                        [this] { showFindBar(true); });
    auto *next =
        add(tr("Find &next"), u"findNextAction"_s, QKeySequence(Qt::Key_F3), [this] { findNext(true); });
    auto *previous = add(tr("Find &previous"), u"findPreviousAction"_s, QKeySequence(Qt::SHIFT | Qt::Key_F3),
                         [this] { findNext(false); });
    auto *goTo = add(tr("&Go to line…"), u"goToLineAction"_s, QKeySequence(Qt::CTRL | Qt::Key_G),
                     [this] { showGoToLineBar(); });
    m_diffAction =
        add(tr("Show &changes"), u"diffAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] {
            if (CodeEditor *e = currentEditor())
                showDiff(e->path());
        });
    m_templateDiffAction = add(tr("Compare with &template"), u"templateDiffAction"_s, {}, [this] {
        if (CodeEditor *e = currentEditor())
            showTemplateDiff(e->path());
    });
    m_commitAction = add(tr("&Commit…"), u"commitAction"_s, QKeySequence(Qt::CTRL | Qt::Key_Return),
                         [this] { startCommit(); });
    m_commitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    auto *reloadAction =
        add(tr("&Reload tree"), u"reloadAction"_s, {}, [this] { listTree(m_source->branch(), false); });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_deleteAction);
    file->addSeparator();
    file->addAction(m_commitAction);
    file->addAction(reloadAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    for (QAction *a : {find, replace, next, previous, goTo})
        edit->addAction(a);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_diffAction);
    view->addAction(m_templateDiffAction);

    QToolBar *bar = addToolBar(tr("Code"));
    bar->setObjectName(u"codeToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *a : {m_newAction, m_deleteAction})
        bar->addAction(a);
    bar->addSeparator();
    bar->addAction(find);
    bar->addAction(m_diffAction);
    bar->addAction(m_templateDiffAction);
    bar->addSeparator();
    bar->addAction(m_commitAction);
}

void CodeWindow::buildFindBars()
{
    m_findBar = new QWidget(this);
    m_findBar->setObjectName(u"findBar"_s);
    m_findField = new QLineEdit(m_findBar);
    m_findField->setObjectName(u"findField"_s);
    m_findField->setAccessibleName(tr("Find"));
    m_findField->setPlaceholderText(tr("Find (F3 next, Shift+F3 previous)"));
    m_replaceField = new QLineEdit(m_findBar);
    m_replaceField->setObjectName(u"replaceField"_s);
    m_replaceField->setAccessibleName(tr("Replace with"));
    m_replaceField->setPlaceholderText(tr("Replace with"));
    m_caseBox = new QCheckBox(tr("Match case"), m_findBar);
    m_wordBox = new QCheckBox(tr("Whole words"), m_findBar);
    m_findStatus = new QLabel(m_findBar);
    m_findStatus->setObjectName(u"findStatus"_s);
    auto *next = new QPushButton(tr("Next"), m_findBar);
    auto *replaceOne = new QPushButton(tr("Replace"), m_findBar);
    replaceOne->setObjectName(u"replaceButton"_s);
    auto *replaceAllButton = new QPushButton(tr("Replace all"), m_findBar);
    replaceAllButton->setObjectName(u"replaceAllButton"_s);
    auto *close = new QToolButton(m_findBar);
    close->setText(u"✕"_s);
    close->setAutoRaise(true);

    m_replaceRow = new QWidget(m_findBar);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replaceField, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceAllButton);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_findField, 1);
    findRow->addWidget(next);
    findRow->addWidget(m_caseBox);
    findRow->addWidget(m_wordBox);
    findRow->addWidget(m_findStatus);
    findRow->addWidget(close);
    auto *layout = new QVBoxLayout(m_findBar);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);
    m_findBar->hide();

    connect(m_findField, &QLineEdit::returnPressed, this, [this] { findNext(true); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(m_replaceField, &QLineEdit::returnPressed, this, [this] {
        if (CodeEditor *e = currentEditor())
            e->replaceAndFind(m_findField->text(), m_replaceField->text(), m_caseBox->isChecked(),
                              m_wordBox->isChecked());
    });
    connect(replaceOne, &QPushButton::clicked, this, [this] {
        if (CodeEditor *e = currentEditor())
            e->replaceAndFind(m_findField->text(), m_replaceField->text(), m_caseBox->isChecked(),
                              m_wordBox->isChecked());
    });
    connect(replaceAllButton, &QPushButton::clicked, this, [this] { replaceAll(); });
    connect(close, &QToolButton::clicked, this, [this] {
        m_findBar->hide();
        if (CodeEditor *e = currentEditor())
            e->setFocus();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, close, &QToolButton::click);

    m_goToBar = new QWidget(this);
    m_goToBar->setObjectName(u"goToBar"_s);
    m_goToField = new QLineEdit(m_goToBar);
    m_goToField->setObjectName(u"goToLineField"_s);
    m_goToField->setAccessibleName(tr("Go to line"));
    m_goToField->setValidator(new QIntValidator(1, 10000000, m_goToField));
    auto *goLayout = new QHBoxLayout(m_goToBar);
    goLayout->setContentsMargins(6, 4, 6, 4);
    goLayout->addWidget(new QLabel(tr("Go to line:"), m_goToBar));
    goLayout->addWidget(m_goToField);
    goLayout->addStretch(1);
    m_goToBar->hide();
    connect(m_goToField, &QLineEdit::returnPressed, this, [this] {
        m_goToBar->hide();
        if (CodeEditor *e = currentEditor())
            e->goToLine(m_goToField->text().toInt());
    });
    auto *goEscape = new QShortcut(QKeySequence(Qt::Key_Escape), m_goToBar);
    goEscape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(goEscape, &QShortcut::activated, this, [this] {
        m_goToBar->hide();
        if (CodeEditor *e = currentEditor())
            e->setFocus();
    });
}

void CodeWindow::updateTitle()
{
    QString title = m_source->repositoryName() + u" — "_s + m_source->branch();
    if (hasUnsavedWork())
        title += u" •"_s;
    setWindowTitle(title + u" — CourseOps"_s);
    m_headLabel->setText(m_baseCommit.isEmpty()
                             ? tr("not loaded")
                             : tr("%1 at %2").arg(m_source->branch(), shortSha(m_baseCommit)));
}

void CodeWindow::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setToolTip(text);
}

QString CodeWindow::statusText() const
{
    return m_statusLabel->text();
}

void CodeWindow::reload()
{
    listTree(m_source->branch(), true);
}

void CodeWindow::listTree(const QString &ref, bool resetFiles)
{
    setStatus(tr("Reading the tree of %1 at %2…").arg(m_source->repositoryName(), ref));
    m_source->listTree(ref, this, [this, resetFiles](const course::RepositoryTree &tree) {
        if (!tree.error.isEmpty()) {
            setStatus(tree.error);
            Q_EMIT loadFailed(tree.error);
            return;
        }
        m_headPaths.clear();
        for (const course::RepositoryEntry &e : tree.entries)
            if (!e.isDirectory)
                m_headPaths << e.path;
        m_headPaths.sort();
        if (resetFiles || m_baseCommit.isEmpty())
            m_baseCommit = tree.commit;
        rebuildTree();
        updateTitle();
        setStatus(plural(tr("%n file(s) at %1.", nullptr, int(m_headPaths.size())), m_headPaths.size())
                      .arg(shortSha(tree.commit)));
        if (resetFiles)
            offerJournal();
        Q_EMIT treeLoaded();
    });
}

bool CodeWindow::existsAtHead(const QString &path) const
{
    return std::binary_search(m_headPaths.cbegin(), m_headPaths.cend(), path);
}

QStringList CodeWindow::treePaths() const
{
    QStringList out;
    for (const QString &p : m_headPaths)
        if (!m_files.value(p).deleted)
            out << p;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        if (!it->head && !it->deleted && !existsAtHead(it.key()))
            out << it.key();
    out.sort();
    return out;
}

void CodeWindow::rebuildTree()
{
    m_treeModel->clear();
    QHash<QString, QStandardItem *> dirs;
    auto folder = [&](const QString &dir, auto &&self) -> QStandardItem * {
        if (dir.isEmpty())
            return m_treeModel->invisibleRootItem();
        if (QStandardItem *d = dirs.value(dir))
            return d;
        const qsizetype slash = dir.lastIndexOf(u'/');
        QStandardItem *parent = self(slash < 0 ? QString() : dir.left(slash), self);
        auto *item = new QStandardItem(dir.mid(slash + 1));
        item->setData(true, kIsDirRole);
        item->setData(dir, kPathRole);
        item->setIcon(style()->standardIcon(QStyle::SP_DirIcon));
        parent->appendRow(item);
        dirs.insert(dir, item);
        return item;
    };
    // Folders before files at each level, each sorted by name.
    QStringList all = m_headPaths;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        if (!existsAtHead(it.key()))
            all << it.key();
    std::sort(all.begin(), all.end(), [](const QString &a, const QString &b) {
        const QStringList pa = a.split(u'/');
        const QStringList pb = b.split(u'/');
        for (qsizetype i = 0; i < std::min(pa.size(), pb.size()); ++i) {
            const bool aDir = i < pa.size() - 1;
            const bool bDir = i < pb.size() - 1;
            if (pa[i] != pb[i] || aDir != bDir) {
                if (aDir != bDir)
                    return aDir;
                return pa[i].compare(pb[i], Qt::CaseInsensitive) < 0;
            }
        }
        return pa.size() < pb.size();
    });
    for (const QString &path : std::as_const(all)) {
        const qsizetype slash = path.lastIndexOf(u'/');
        QStandardItem *parent = folder(slash < 0 ? QString() : path.left(slash), folder);
        auto *item = new QStandardItem(path.mid(slash + 1));
        item->setData(false, kIsDirRole);
        item->setData(path, kPathRole);
        item->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
        parent->appendRow(item);
    }
    m_tree->expandAll();
    for (const QString &path : std::as_const(all))
        updateTreeItem(path);
}

void CodeWindow::updateTreeItem(const QString &path)
{
    const QModelIndexList found = m_treeModel->match(m_treeModel->index(0, 0), kPathRole, path, 1,
                                                     Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return;
    QStandardItem *item = m_treeModel->itemFromIndex(found.first());
    const FileState state = m_files.value(path);
    QFont font = m_tree->font();
    QString suffix;
    QColor color = palette().color(QPalette::Text);
    QString tip = path;
    if (state.deleted) {
        font.setStrikeOut(true);
        color = theme::foreground(theme::Tone::Error, palette());
        tip += tr(" — deleted in your change (right-click to undo)");
    } else if (!existsAtHead(path)) {
        font.setItalic(true);
        color = theme::foreground(theme::Tone::Ok, palette());
        suffix = tr(" (new)");
        tip += tr(" — a new file in your change");
    } else if (state.editor && state.editor->differsFromBase()) {
        font.setBold(true);
        color = theme::foreground(theme::Tone::Warning, palette());
        suffix = u" ●"_s;
        tip += tr(" — changed, not committed");
    }
    item->setText(path.mid(path.lastIndexOf(u'/') + 1) + suffix);
    item->setFont(font);
    item->setForeground(color);
    item->setToolTip(tip);
}

QString CodeWindow::selectedPath() const
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid() && !index.data(kIsDirRole).toBool() && m_tree->hasFocus())
        return index.data(kPathRole).toString();
    if (CodeEditor *e = currentEditor())
        return e->path();
    return index.isValid() && !index.data(kIsDirRole).toBool() ? index.data(kPathRole).toString() : QString();
}

CodeEditor *CodeWindow::createEditor(const QString &path, const QString &text)
{
    auto *editor = new CodeEditor(this);
    editor->setPath(path);
    editor->loadText(text);
    connect(editor, &QsciScintilla::textChanged, this, [this, editor] { onBufferChanged(editor); });
    connect(editor, &CodeEditor::differsFromBaseChanged, this, [this, editor] {
        updateTabTitle(editor);
        updateTreeItem(editor->path());
        updateTitle();
    });
    m_files[path].editor = editor;
    return editor;
}

void CodeWindow::showEditor(CodeEditor *editor)
{
    int index = m_tabs->indexOf(editor);
    if (index < 0) {
        index = m_tabs->addTab(editor, QString());
        editor->show();
    }
    updateTabTitle(editor);
    m_tabs->setCurrentIndex(index);
    editor->setFocus();
}

void CodeWindow::updateTabTitle(CodeEditor *editor)
{
    const int index = m_tabs->indexOf(editor);
    if (index < 0)
        return;
    const QString name = QFileInfo(editor->path()).fileName();
    const bool isNew = !m_files.value(editor->path()).head;
    m_tabs->setTabText(index, name + (isNew ? tr(" (new)") : QString()) +
                                  (editor->differsFromBase() ? u" ●"_s : QString()));
    m_tabs->setTabToolTip(
        index, editor->path() + (editor->differsFromBase() ? tr(" — changed, not committed") : QString()));
}

void CodeWindow::onBufferChanged(CodeEditor *editor)
{
    const FileState &state = m_files[editor->path()];
    if (editor->differsFromBase() || !state.head) {
        course::JournaledBuffer b;
        b.path = editor->path();
        b.baseCommit = m_baseCommit;
        b.content = editor->text().toUtf8();
        b.isNew = !state.head;
        m_journal->record(b);
    } else {
        m_journal->forget(editor->path());
    }
}

void CodeWindow::openFile(const QString &path, int line, std::function<void(CodeEditor *)> then)
{
    auto finish = [this, line, then](CodeEditor *editor) {
        showEditor(editor);
        if (line > 0)
            editor->goToLine(line);
        if (then)
            then(editor);
        Q_EMIT fileOpened(editor->path());
    };
    FileState &state = m_files[path];
    if (state.deleted) {
        setStatus(
            tr("%1 is deleted in your change; right-click it in the tree and choose Undo delete to edit it "
               "again.")
                .arg(path));
        return;
    }
    if (state.editor) {
        finish(state.editor);
        return;
    }
    if (!existsAtHead(path)) {
        m_files.remove(path);
        setStatus(tr("%1 is not in %2 at %3. Reload the tree, or create it with New file.")
                      .arg(path, m_source->repositoryName(), shortSha(m_baseCommit)));
        return;
    }
    state.waiting.append(finish);
    if (state.loading)
        return;
    state.loading = true;
    setStatus(tr("Opening %1…").arg(path));
    m_source->readFile(
        QString::fromLatin1(m_baseCommit), path, this, [this, path](const course::RepositoryFile &file) {
            FileState &st = m_files[path];
            st.loading = false;
            const auto waiting = std::exchange(st.waiting, {});
            if (!file.error.isEmpty() || !file.exists) {
                setStatus(!file.error.isEmpty()
                              ? file.error
                              : tr("%1 is not in the repository at %2 any more. Reload the tree.")
                                    .arg(path, shortSha(m_baseCommit)));
                if (!st.editor)
                    m_files.remove(path);
                return;
            }
            st.head = file.content;
            CodeEditor *editor =
                st.editor ? st.editor.data() : createEditor(path, QString::fromUtf8(file.content));
            setStatus(tr("Opened %1.").arg(path));
            for (const auto &w : waiting)
                w(editor);
        });
}

CodeEditor *CodeWindow::editor(const QString &path) const
{
    return m_files.value(path).editor;
}

CodeEditor *CodeWindow::currentEditor() const
{
    return qobject_cast<CodeEditor *>(m_tabs->currentWidget());
}

void CodeWindow::markErrorLine(const QString &path, int line, const QString &message)
{
    openFile(path, 0, [line, message](CodeEditor *editor) { editor->markErrorLine(line, message); });
}

void CodeWindow::showSourceLocation(const course::SourceLocation &location, const QString &message)
{
    if (!location.isValid())
        return;
    if (!isLoaded()) {
        auto *once = new QObject(this);
        connect(this, &CodeWindow::treeLoaded, once, [this, once, location, message] {
            delete once;
            showSourceLocation(location, message);
        });
        return;
    }
    const QString path = course::repositoryPathFor(location.path, treePaths());
    if (path.isEmpty()) {
        statusBar()->showMessage(tr("The error is in %1, which is not a file of this repository").arg(location.path));
        return;
    }
    markErrorLine(path, location.line, message.isEmpty() ? tr("The last stack trace points here") : message);
}

bool CodeWindow::newFile(const QString &path, const QString &content, QString *error)
{
    if (!isValidNewPath(path)) {
        if (error)
            *error =
                tr("\"%1\" is not a file path in the repository: use a relative path like public/about.html, "
                   "without \"..\" or a leading slash.")
                    .arg(path);
        return false;
    }
    if ((existsAtHead(path) && !m_files.value(path).deleted) ||
        (m_files.contains(path) && !m_files[path].head)) {
        if (error)
            *error = tr("%1 already exists; open it instead, or pick another name.").arg(path);
        return false;
    }
    for (const QString &p : treePaths()) {
        if (p.startsWith(path + u'/') || path.startsWith(p + u'/')) {
            if (error)
                *error =
                    tr("%1 clashes with %2 (a file and a folder cannot share a name); pick another name.")
                        .arg(path, p);
            return false;
        }
    }
    FileState &state = m_files[path];
    if (state.deleted) {
        // Deleted then created again: a change to the existing file.
        state.deleted = false;
    } else {
        state.head.reset();
    }
    CodeEditor *editor = createEditor(path, QString());
    if (state.head)
        editor->setBaseText(QString::fromUtf8(*state.head));
    editor->setText(content);
    onBufferChanged(editor);
    rebuildTree();
    showEditor(editor);
    updateTitle();
    setStatus(tr("Created %1 (not committed yet).").arg(path));
    return true;
}

bool CodeWindow::deleteFile(const QString &path, QString *error)
{
    FileState &state = m_files[path];
    if (!existsAtHead(path)) {
        // A file that only exists in the change set simply goes away.
        if (state.editor) {
            m_tabs->removeTab(m_tabs->indexOf(state.editor));
            state.editor->deleteLater();
        }
        m_files.remove(path);
        m_journal->forget(path);
        rebuildTree();
        updateTitle();
        setStatus(tr("Removed the new file %1.").arg(path));
        return true;
    }
    if (state.deleted) {
        if (error)
            *error = tr("%1 is already deleted in your change.").arg(path);
        return false;
    }
    state.deleted = true;
    if (state.editor) {
        m_tabs->removeTab(m_tabs->indexOf(state.editor));
        state.editor->deleteLater();
        state.editor = nullptr;
    }
    course::JournaledBuffer b;
    b.path = path;
    b.baseCommit = m_baseCommit;
    m_journal->record(b);
    updateTreeItem(path);
    updateTitle();
    setStatus(tr("%1 will be deleted by the commit (right-click it to undo).").arg(path));
    return true;
}

bool CodeWindow::undoDelete(const QString &path)
{
    auto it = m_files.find(path);
    if (it == m_files.end() || !it->deleted)
        return false;
    m_files.erase(it);
    m_journal->forget(path);
    updateTreeItem(path);
    updateTitle();
    setStatus(tr("%1 is kept.").arg(path));
    return true;
}

QList<course::FileChange> CodeWindow::pendingChanges() const
{
    QList<course::FileChange> changes;
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        const FileState &s = it.value();
        if (s.deleted) {
            if (existsAtHead(it.key()))
                changes.append({it.key(), std::nullopt});
        } else if (s.editor && (!s.head || s.editor->differsFromBase())) {
            changes.append({it.key(), s.editor->text().toUtf8()});
        }
    }
    std::sort(changes.begin(), changes.end(),
              [](const course::FileChange &a, const course::FileChange &b) { return a.path < b.path; });
    return changes;
}

DiffView *CodeWindow::showDiff(const QString &path)
{
    const FileState state = m_files.value(path);
    const QString head = state.head ? QString::fromUtf8(*state.head) : QString();
    QString working;
    QString rightTitle;
    if (state.deleted) {
        rightTitle = tr("<b>Your change</b>: deleted");
    } else if (state.editor) {
        working = state.editor->text();
        rightTitle = tr("<b>Your change</b> (not committed)");
    } else {
        setStatus(tr("%1 has no changes: open it and edit it first.").arg(path));
        return nullptr;
    }
    auto *view = new DiffView(this);
    view->setTexts(DiffView::Mode::WorkingAgainstHead, path,
                   state.head ? tr("<b>HEAD</b> %1").arg(shortSha(m_baseCommit))
                              : tr("<b>HEAD</b>: no such file"),
                   head, rightTitle, working);
    const int index = m_tabs->addTab(view, tr("Δ %1").arg(QFileInfo(path).fileName()));
    m_tabs->setTabToolTip(index, tr("%1: your change against HEAD").arg(path));
    m_tabs->setCurrentIndex(index);
    setStatus(tr("%1: %2").arg(path, view->summary()));
    Q_EMIT diffShown(view);
    return view;
}

void CodeWindow::showTemplateDiff(const QString &path)
{
    if (!m_template) {
        setStatus(
            tr("No template repository is known for this course, so there is nothing to compare with. Set "
               "github.template in the course file."));
        return;
    }
    const QPointer<CodeEditor> ed = m_files.value(path).editor;
    if (!ed) {
        openFile(path, 0, [this, path](CodeEditor *) { showTemplateDiff(path); });
        return;
    }
    setStatus(tr("Reading %1 from the template %2…").arg(path, m_template->repositoryName()));
    m_template->readFile(
        m_template->branch(), path, this, [this, path, ed](const course::RepositoryFile &file) {
            if (!file.error.isEmpty()) {
                setStatus(file.error);
                return;
            }
            if (!ed)
                return;
            auto *view = new DiffView(this);
            view->setTexts(DiffView::Mode::StudentAgainstTemplate, path,
                           file.exists ? tr("<b>Template</b> %1").arg(m_template->repositoryName())
                                       : tr("<b>Template</b>: the template has no such file"),
                           QString::fromUtf8(file.content), tr("<b>Student</b> (with your edits)"),
                           ed->text());
            const int index = m_tabs->addTab(view, tr("⇄ %1").arg(QFileInfo(path).fileName()));
            m_tabs->setTabToolTip(index, tr("%1: the student's file against the template's").arg(path));
            m_tabs->setCurrentIndex(index);
            setStatus(tr("%1 against the template: %2").arg(path, view->summary()));
            Q_EMIT diffShown(view);
        });
}

void CodeWindow::showFindBar(bool withReplace)
{
    m_goToBar->hide();
    m_findBar->show();
    m_replaceRow->setVisible(withReplace);
    if (CodeEditor *e = currentEditor(); e && e->hasSelectedText() && !e->selectedText().contains(u'\n'))
        m_findField->setText(e->selectedText());
    m_findField->setFocus();
    m_findField->selectAll();
    m_findStatus->clear();
}

void CodeWindow::showGoToLineBar()
{
    m_findBar->hide();
    m_goToBar->show();
    if (CodeEditor *e = currentEditor())
        m_goToField->setPlaceholderText(tr("1 to %1").arg(e->lines()));
    m_goToField->setFocus();
    m_goToField->selectAll();
}

bool CodeWindow::findNext(bool forward)
{
    CodeEditor *e = currentEditor();
    if (!e || m_findField->text().isEmpty()) {
        showFindBar(false);
        return false;
    }
    const bool found = e->find(m_findField->text(), forward, m_caseBox->isChecked(), m_wordBox->isChecked());
    m_findStatus->setText(found ? tr("line %1").arg(e->currentLineNumber()) : tr("not found"));
    return found;
}

int CodeWindow::replaceAll()
{
    CodeEditor *e = currentEditor();
    if (!e)
        return 0;
    const int n = e->replaceAll(m_findField->text(), m_replaceField->text(), m_caseBox->isChecked(),
                                m_wordBox->isChecked());
    m_findStatus->setText(tr("%n replaced", nullptr, n));
    return n;
}

CommitDialog *CodeWindow::startCommit()
{
    if (m_busy) {
        setStatus(tr("A commit is on its way; wait for it to finish."));
        return nullptr;
    }
    const QList<course::FileChange> changes = pendingChanges();
    if (changes.isEmpty()) {
        setStatus(tr("Nothing to commit: no file differs from %1 at %2.")
                      .arg(m_source->branch(), shortSha(m_baseCommit)));
        return nullptr;
    }
    QList<CommitDialog::File> files;
    for (const course::FileChange &c : changes) {
        CommitDialog::File f;
        f.path = c.path;
        f.status = !c.content ? CommitDialog::File::Status::Deleted
                              : (existsAtHead(c.path) ? CommitDialog::File::Status::Modified
                                                      : CommitDialog::File::Status::Added);
        files << f;
    }
    if (m_commitDialog)
        m_commitDialog->deleteLater();
    auto *dialog =
        new CommitDialog(m_source->repositoryName(), m_source->branch(), files, m_author, m_student, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_commitDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_author = dialog->author();
        course::ChangeSet set;
        set.baseCommit = m_baseCommit;
        // What the dialog listed is what gets committed, even if typing went on meanwhile.
        set.changes = pendingChanges();
        set.message = dialog->message();
        set.author = dialog->author();
        commit(set);
    });
    dialog->open();
    return dialog;
}

void CodeWindow::setBusy(bool busy)
{
    m_busy = busy;
    m_commitAction->setEnabled(!busy);
    if (m_mergeView)
        m_mergeView->setBusy(busy);
}

void CodeWindow::commit(const course::ChangeSet &changes)
{
    if (changes.changes.isEmpty()) {
        setStatus(tr("Nothing to commit."));
        return;
    }
    // Whatever happens to the network, the edits are on disk first.
    m_journal->flush();
    setBusy(true);
    setStatus(plural(tr("Committing %n file(s) to %1…", nullptr, int(changes.changes.size())),
                     changes.changes.size())
                  .arg(m_source->repositoryName()));
    m_inFlight = changes;
    m_source->commit(changes, this, [this, changes](const course::CommitOutcome &outcome) {
        m_inFlight.reset();
        setBusy(false);
        onCommitOutcome(changes, outcome);
    });
}

void CodeWindow::onCommitOutcome(const course::ChangeSet &sent, const course::CommitOutcome &outcome)
{
    switch (outcome.kind) {
    case course::CommitOutcome::Kind::Committed: {
        const bool afterMerge = m_mergeView && m_mergeView->theirsCommit() == sent.baseCommit;
        applyCommitted(outcome.newCommit, sent.changes, afterMerge);
        if (afterMerge) {
            m_mergeView->close();
            m_mergeView->deleteLater();
        }
        setStatus(plural(tr("Committed %1 to %2 (%n file(s)).", nullptr, int(sent.changes.size())),
                         sent.changes.size())
                      .arg(shortSha(outcome.newCommit), m_source->branch()));
        Q_EMIT committed(outcome.newCommit);
        break;
    }
    case course::CommitOutcome::Kind::BranchMoved:
        m_pendingMessage = sent.message;
        m_pendingAuthor = sent.author;
        openMergeView(outcome);
        break;
    case course::CommitOutcome::Kind::Failed: {
        const QString message =
            tr("The commit to %1 failed: %2 Your edits are kept (and journaled); try again.")
                .arg(m_source->repositoryName(), outcome.message);
        setStatus(message);
        if (m_mergeView)
            m_mergeView->setBusy(false, message);
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Commit failed"), message, QMessageBox::Ok, this);
        box->setObjectName(u"commitFailedBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT commitFailed(outcome.message);
        break;
    }
    }
}

void CodeWindow::applyCommitted(const QByteArray &commit, const QList<course::FileChange> &changes,
                                bool afterMerge)
{
    m_baseCommit = commit;
    QSet<QString> written;
    for (const course::FileChange &c : changes) {
        written.insert(c.path);
        FileState &state = m_files[c.path];
        if (!c.content) {
            m_headPaths.removeAll(c.path);
            if (state.editor) {
                m_tabs->removeTab(m_tabs->indexOf(state.editor));
                state.editor->deleteLater();
            }
            m_files.remove(c.path);
            continue;
        }
        if (!existsAtHead(c.path)) {
            m_headPaths << c.path;
            m_headPaths.sort();
        }
        state.head = c.content;
        if (state.editor) {
            // A merge may have changed what got committed: show that; else keep
            // whatever was typed while the commit was on its way.
            if (afterMerge && state.editor->text().toUtf8() != *c.content)
                state.editor->loadText(QString::fromUtf8(*c.content));
            else
                state.editor->setBaseText(QString::fromUtf8(*c.content));
            updateTabTitle(state.editor);
        }
    }
    // After a merge the student's other changes are in the new head too: re-read open, unchanged files.
    if (afterMerge) {
        for (auto it = m_files.begin(); it != m_files.end(); ++it) {
            if (written.contains(it.key()) || !it->editor || it->editor->differsFromBase())
                continue;
            const QString path = it.key();
            m_source->readFile(QString::fromLatin1(commit), path, this,
                               [this, path](const course::RepositoryFile &f) {
                                   FileState &s = m_files[path];
                                   if (f.exists && s.editor && !s.editor->differsFromBase()) {
                                       s.head = f.content;
                                       s.editor->loadText(QString::fromUtf8(f.content));
                                   }
                               });
        }
        listTree(QString::fromLatin1(commit), false);
    }
    m_journal->clear();
    // Anything typed while the commit was on its way is journaled again.
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        if (it->editor && it->editor->differsFromBase())
            onBufferChanged(it->editor);
    rebuildTree();
    updateTitle();
}

void CodeWindow::openMergeView(const course::CommitOutcome &outcome)
{
    if (!m_mergeView) {
        m_mergeView = new MergeView(this);
        connect(m_mergeView, &MergeView::commitRequested, this,
                [this](const QList<course::FileChange> &changes) {
                    course::ChangeSet set;
                    set.baseCommit = m_mergeView->theirsCommit();
                    set.changes = changes;
                    set.message = m_pendingMessage;
                    set.author = m_pendingAuthor;
                    commit(set);
                });
    }
    m_mergeView->setSides(m_source->repositoryName(), outcome.baseCommit, outcome.theirsCommit,
                          outcome.sides);
    m_mergeView->show();
    m_mergeView->raise();
    setStatus(
        tr("Not committed: %1 moved to %2 since you opened the files (%3). Nothing was overwritten; merge "
           "the changes in the merge window.")
            .arg(m_source->branch(), shortSha(outcome.theirsCommit),
                 outcome.message.isEmpty() ? tr("the student pushed") : outcome.message));
    Q_EMIT mergeNeeded();
}

void CodeWindow::offerJournal()
{
    int skipped = 0;
    m_restorable = m_journal->entries(&skipped);
    if (m_restorable.isEmpty()) {
        m_restoreBar->hide();
        return;
    }
    QDateTime newest;
    for (const course::JournaledBuffer &b : std::as_const(m_restorable))
        if (!newest.isValid() || b.savedAt > newest)
            newest = b.savedAt;
    QString text =
        plural(tr("Restore %n unsaved file(s) from %1?", nullptr, int(m_restorable.size())),
               m_restorable.size())
            .arg(QLocale().toString(newest.toLocalTime(), newest.daysTo(QDateTime::currentDateTimeUtc()) == 0
                                                              ? u"HH:mm"_s
                                                              : u"yyyy-MM-dd HH:mm"_s));
    QStringList names;
    for (const course::JournaledBuffer &b : std::as_const(m_restorable))
        names << b.path;
    text += u' ' + tr("(%1; edits made before this window last closed or crashed)").arg(names.join(u", "_s));
    if (m_restorable.first().baseCommit != m_baseCommit)
        text += u' ' + tr("They were made on %1; the branch is at %2 now, so committing them shows a merge.")
                           .arg(shortSha(m_restorable.first().baseCommit), shortSha(m_baseCommit));
    if (skipped > 0)
        text +=
            u' ' +
            plural(tr("%n journal file(s) could not be read and are left in %1.", nullptr, skipped), skipped)
                .arg(m_journal->directory());
    m_restoreLabel->setText(text);
    m_restoreBar->show();
}

void CodeWindow::restoreJournal()
{
    m_restoreBar->hide();
    const QList<course::JournaledBuffer> entries = std::exchange(m_restorable, {});
    if (entries.isEmpty())
        return;
    const QByteArray journalBase = entries.first().baseCommit;
    if (!journalBase.isEmpty() && journalBase != m_baseCommit) {
        // The edits were made on an older commit: edit against that one, so the
        // commit is refused and merged instead of undoing the student's push.
        for (auto it = m_files.begin(); it != m_files.end();) {
            if (it->editor && !it->editor->differsFromBase() && it->head) {
                m_tabs->removeTab(m_tabs->indexOf(it->editor));
                it->editor->deleteLater();
                it = m_files.erase(it);
            } else {
                ++it;
            }
        }
        m_baseCommit = journalBase;
        updateTitle();
    }
    for (const course::JournaledBuffer &b : entries) {
        if (!b.content) {
            if (existsAtHead(b.path))
                deleteFile(b.path);
            continue;
        }
        const QString text = QString::fromUtf8(*b.content);
        if (b.isNew || !existsAtHead(b.path)) {
            if (!m_files.contains(b.path))
                newFile(b.path, text);
            continue;
        }
        openFile(b.path, 0, [text](CodeEditor *editor) {
            if (editor->text() != text)
                editor->setText(text);
        });
    }
    setStatus(
        plural(tr("Restored %n file(s) from the journal.", nullptr, int(entries.size())), entries.size()));
}

void CodeWindow::discardJournal()
{
    m_restoreBar->hide();
    for (const course::JournaledBuffer &b : std::exchange(m_restorable, {})) {
        // Keep what this session has changed since.
        const FileState s = m_files.value(b.path);
        if (!s.deleted && !(s.editor && s.editor->differsFromBase()))
            m_journal->forget(b.path);
    }
    setStatus(tr("Discarded the journaled edits."));
}

void CodeWindow::closeEvent(QCloseEvent *event)
{
    if (!hasUnsavedWork()) {
        m_journal->flush();
        event->accept();
        return;
    }
    QMessageBox box(
        QMessageBox::Question, tr("Unsaved changes"),
        plural(tr("Changes to %n file(s) in %1 are not committed.", nullptr, int(pendingChanges().size())),
               pendingChanges().size())
            .arg(m_source->repositoryName()),
        QMessageBox::NoButton, this);
    box.setObjectName(u"closeQuestion"_s);
    box.setInformativeText(
        tr("Keep them in the journal to get them back the next time you open this repository, "
           "or discard them."));
    QPushButton *keep = box.addButton(tr("Save to journal and close"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepButton"_s);
    QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(u"discardButton"_s);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep) {
        QString error;
        if (!m_journal->flush(&error)) {
            QMessageBox::warning(this, tr("Unsaved changes"), error);
            event->ignore();
            return;
        }
        event->accept();
    } else if (box.clickedButton() == discard) {
        for (auto it = m_files.begin(); it != m_files.end();) {
            if (it->head && !it->deleted && it->editor) {
                it->editor->loadText(QString::fromUtf8(*it->head));
                ++it;
                continue;
            }
            if (it->editor) {
                m_tabs->removeTab(m_tabs->indexOf(it->editor));
                it->editor->deleteLater();
            }
            it = m_files.erase(it);
        }
        m_journal->clear();
        rebuildTree();
        updateTitle();
        event->accept();
    } else {
        Q_UNUSED(cancel);
        event->ignore();
    }
}
