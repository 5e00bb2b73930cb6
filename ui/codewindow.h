#pragma once

#include "course/stacktrace.h"

#include "course/bufferjournal.h"
#include "course/repositorysource.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <optional>

class CodeEditor;
class CommitDialog;
class DiffView;
class MergeView;
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QStandardItem;
class QStandardItemModel;
class QTabWidget;
class QTreeView;

// The window where a TA patches one student's repository: the tree at the
// branch's head, files in editor tabs, diffs against HEAD and against the
// template, and one commit of every change (with the student credited). If
// the student pushed meanwhile, the merge view opens instead of anything
// being overwritten. Every unsaved buffer is journaled to disk and offered
// back when the repository is opened again.
class CodeWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `source` must outlive the window. `journalRoot` empty: BufferJournal::defaultRoot().
    explicit CodeWindow(course::RepositorySource *source, QWidget *parent = nullptr,
                        const QString &journalRoot = {});
    ~CodeWindow() override;

    // The template repository, for "Compare with template" (optional).
    void setTemplateSource(course::RepositorySource *source) { m_template = source; }
    void setAuthor(const course::Person &ta) { m_author = ta; }
    void setStudent(const course::Person &student) { m_student = student; }

    // Lists the tree at the branch's head; treeLoaded() or loadFailed() follows.
    void reload();
    bool isLoaded() const { return !m_baseCommit.isEmpty(); }
    QByteArray baseCommit() const { return m_baseCommit; }
    QStringList
    treePaths() const; // files, sorted, as the tree shows them (new ones included, deleted ones not)

    // Opens `path` in a tab (reading it first when needed) and calls `then`
    // with its editor; with `line` > 0 the cursor goes there.
    void openFile(const QString &path, int line = 0, std::function<void(CodeEditor *)> then = {});
    CodeEditor *editor(const QString &path) const;
    CodeEditor *currentEditor() const;
    // The last stack trace points at `path`:`line` (1-based): open it there, marked, with `message`.
    void markErrorLine(const QString &path, int line, const QString &message);
    // A place a stack trace names, as the container saw it ("/app/server.js"):
    // marks the repository file it is (once the tree is in), or says in the
    // status bar that the repository has no such file.
    void showSourceLocation(const course::SourceLocation &location, const QString &message = {});

    // A new file in the change set (open in a tab). False with *error when the path is taken or invalid.
    bool newFile(const QString &path, const QString &content = {}, QString *error = nullptr);
    // Deletes the file in the change set (its tab closes). Undone by undoDelete().
    bool deleteFile(const QString &path, QString *error = nullptr);
    bool undoDelete(const QString &path);

    // What a commit would write now, sorted by path.
    QList<course::FileChange> pendingChanges() const;
    bool hasUnsavedWork() const { return !pendingChanges().isEmpty(); }

    // A tab with the working change of `path` against HEAD.
    DiffView *showDiff(const QString &path);
    // A tab with the student's `path` (as edited) against the template's; async, diffShown() follows.
    void showTemplateDiff(const QString &path);

    // Opens the commit dialog (window-modal, not blocking); nullptr and a
    // status message when nothing differs from the branch.
    CommitDialog *startCommit();
    // Sends `changes` as one commit; committed(), mergeView() or commitFailed() follows.
    void commit(const course::ChangeSet &changes);
    MergeView *mergeView() const { return m_mergeView; }

    // Find and replace in the current editor (the bar's fields drive these).
    void showFindBar(bool withReplace);
    void showGoToLineBar();
    bool findNext(bool forward = true);
    int replaceAll();

    // Journal entries from an earlier session, offered in the bar at the top.
    int restorableCount() const { return int(m_restorable.size()); }
    void restoreJournal();
    void discardJournal();
    course::BufferJournal *journal() const { return m_journal; }

    QString statusText() const;
    QTreeView *treeView() const { return m_tree; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void treeLoaded();
    void loadFailed(const QString &message);
    void fileOpened(const QString &path);
    void diffShown(DiffView *view);
    void committed(const QByteArray &commit);
    void commitFailed(const QString &message);
    void mergeNeeded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct FileState
    {
        std::optional<QByteArray> head; // at the base commit; nullopt: a new file
        bool loading = false;
        bool deleted = false;
        QPointer<CodeEditor> editor;
        QList<std::function<void(CodeEditor *)>> waiting;
    };

    void buildActions();
    void buildFindBars();
    void listTree(const QString &ref, bool resetFiles);
    void rebuildTree();
    void updateTreeItem(const QString &path);
    CodeEditor *createEditor(const QString &path, const QString &text);
    void showEditor(CodeEditor *editor);
    void onBufferChanged(CodeEditor *editor);
    void updateTabTitle(CodeEditor *editor);
    void onCommitOutcome(const course::ChangeSet &sent, const course::CommitOutcome &outcome);
    void applyCommitted(const QByteArray &commit, const QList<course::FileChange> &changes, bool afterMerge);
    void openMergeView(const course::CommitOutcome &outcome);
    void setBusy(bool busy);
    void setStatus(const QString &text);
    void updateTitle();
    void offerJournal();
    QString selectedPath() const;
    bool existsAtHead(const QString &path) const;

    course::RepositorySource *m_source;
    course::RepositorySource *m_template = nullptr;
    course::BufferJournal *m_journal = nullptr;
    course::Person m_author;
    course::Person m_student;
    QByteArray m_baseCommit;
    QStringList m_headPaths; // files in the tree at the base commit
    QHash<QString, FileState> m_files;
    QList<course::JournaledBuffer> m_restorable;
    std::optional<course::ChangeSet> m_inFlight;
    QString m_pendingMessage; // of the commit the branch refused, for the merge's commit
    course::Person m_pendingAuthor;
    bool m_busy = false;
    bool m_closingAsked = false;

    QTreeView *m_tree = nullptr;
    QStandardItemModel *m_treeModel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_restoreBar = nullptr;
    QLabel *m_restoreLabel = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findField = nullptr;
    QLineEdit *m_replaceField = nullptr;
    QWidget *m_replaceRow = nullptr;
    QCheckBox *m_caseBox = nullptr;
    QCheckBox *m_wordBox = nullptr;
    QLabel *m_findStatus = nullptr;
    QWidget *m_goToBar = nullptr;
    QLineEdit *m_goToField = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_headLabel = nullptr;
    QPointer<MergeView> m_mergeView;
    QPointer<CommitDialog> m_commitDialog;
    QAction *m_commitAction = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_diffAction = nullptr;
    QAction *m_templateDiffAction = nullptr;
};
