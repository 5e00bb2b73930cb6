#pragma once

#include "course/merge3.h"
#include "course/repositorysource.h"

#include <QList>
#include <QWidget>

class CodeEditor;
class QLabel;
class QListWidget;
class QPushButton;
class QsciScintilla;

// The three-way merge of a commit the branch refused because the student
// pushed meanwhile: per file, theirs (the branch's head), the base (what the
// TA started from) and ours (the TA's edits) side by side, and the merged
// result below, editable. What does not conflict is merged already; each
// conflict sits between git's markers, and the TA takes ours, theirs or both,
// or edits it by hand, then marks the file resolved. When every file is
// resolved, "Commit merge" asks for the commit on top of the new head.
class MergeView : public QWidget
{
    Q_OBJECT

public:
    explicit MergeView(QWidget *parent = nullptr);

    void setSides(const QString &repository, const QByteArray &baseCommit, const QByteArray &theirsCommit,
                  const QList<course::MergeSides> &sides);
    QByteArray theirsCommit() const { return m_theirsCommit; }

    QStringList paths() const;
    QString currentPath() const;
    void selectFile(const QString &path);

    // Conflict blocks still in a file's result (the current one as edited).
    int conflictsLeft(const QString &path) const;
    int totalConflictsLeft() const;
    bool isResolved(const QString &path) const;
    bool allResolved() const;

    // Moves the result's cursor to the next/previous conflict block and shows
    // the matching lines in the three panes. False when there is none.
    bool nextConflict();
    bool previousConflict();
    // Replaces the conflict block at (or after) the cursor. False when there is none.
    bool take(course::ConflictPick pick);
    // Marks the current file resolved; refuses (false, *why says what to do)
    // while conflict markers remain.
    bool markResolved(QString *why = nullptr);

    // The merged files as the commit on the new head writes them (only those
    // that differ from theirs).
    QList<course::FileChange> result() const;
    // Commits when every file is resolved; else says what is left.
    void requestCommit();
    void setBusy(bool busy, const QString &status = {});

    CodeEditor *resultEditor() const { return m_result; }
    QsciScintilla *theirsPane() const { return m_theirs; }
    QsciScintilla *basePane() const { return m_base; }
    QsciScintilla *oursPane() const { return m_ours; }
    QListWidget *conflictList() const { return m_conflicts; }
    QString statusText() const;

Q_SIGNALS:
    void commitRequested(const QList<course::FileChange> &changes);

private:
    struct File
    {
        course::MergeSides sides;
        course::Merge3Result merge;
        QString text; // the result as last edited
        bool resolved = false;
    };

    void showFile(int index);
    void storeCurrent();
    void refreshLists();
    void showConflict(const course::ConflictBlock &block);
    void updateStatus();

    QString m_repository;
    QByteArray m_baseCommit;
    QByteArray m_theirsCommit;
    QList<File> m_files;
    int m_current = -1;
    bool m_busy = false;
    bool m_loading = false;

    QListWidget *m_fileList = nullptr;
    QListWidget *m_conflicts = nullptr;
    QLabel *m_theirsTitle = nullptr;
    QLabel *m_baseTitle = nullptr;
    QLabel *m_oursTitle = nullptr;
    QsciScintilla *m_theirs = nullptr;
    QsciScintilla *m_base = nullptr;
    QsciScintilla *m_ours = nullptr;
    CodeEditor *m_result = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_resolveButton = nullptr;
    QPushButton *m_commitButton = nullptr;
};
