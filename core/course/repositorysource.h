#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace course {

// What the code window needs from a student's repository, and nothing more:
// list the tree at a ref, read a file, commit one change set. The console backs
// it with the GitHub client (git-data API: blobs -> tree -> commit -> ref update
// without force); the UI tests back it with an in-memory repository.
//
// Every call is asynchronous. `done` runs once, in `context`'s thread, and not
// at all when `context` is destroyed first.

struct RepositoryEntry
{
    QString path; // "src/server.js", relative to the root, '/'-separated
    bool isDirectory = false;
    qint64 size = -1; // files only, -1 when unknown
};

struct RepositoryTree
{
    QByteArray commit;              // the commit the tree was read at (a ref resolves to this)
    QList<RepositoryEntry> entries; // every entry, recursively; directories may be implied by paths
    QString error;                  // non-empty: what failed, why, and what to do
};

struct RepositoryFile
{
    QString path;
    QByteArray content;
    bool exists = false; // false with an empty error: the file is not there at that ref
    QString error;       // non-empty: the read failed (cause and fix)
};

struct Person
{
    QString name;
    QString email;

    bool isValid() const { return !name.trimmed().isEmpty() && email.contains(u'@'); }
    friend bool operator==(const Person &, const Person &) = default;
};

// One file in a change set: its new content, or its deletion.
struct FileChange
{
    QString path;
    std::optional<QByteArray> content; // nullopt: delete the file

    friend bool operator==(const FileChange &, const FileChange &) = default;
};

// Everything the TA changed, committed as ONE commit.
struct ChangeSet
{
    QByteArray baseCommit; // the commit the edits started from; the branch moves only if it is still there
    QList<FileChange> changes; // sorted by path
    // The whole message as it will be committed, trailers included (the commit
    // dialog adds "Co-authored-by: Name <email>" after a blank line). Pass it
    // unchanged; do not add trailers again.
    QString message;
    Person author; // the TA; also the committer
};

// A touched path's three versions when the branch moved (nullopt: absent there).
struct MergeSides
{
    QString path;
    std::optional<QByteArray> base;   // at ChangeSet::baseCommit
    std::optional<QByteArray> theirs; // at the branch's current head
    std::optional<QByteArray> ours;   // what the change set wanted to write

    friend bool operator==(const MergeSides &, const MergeSides &) = default;
};

struct CommitOutcome
{
    enum class Kind : quint8 { Committed, BranchMoved, Failed };
    Kind kind = Kind::Failed;
    QByteArray newCommit;    // Committed: the new head
    QByteArray baseCommit;   // BranchMoved: what the change set started from
    QByteArray theirsCommit; // BranchMoved: the branch's head now (commit the merge on top of this)
    QList<MergeSides> sides; // BranchMoved: one per path of the change set
    QString message;         // Failed: what failed, why, and what to do; BranchMoved: who moved it, if known
};

class RepositorySource
{
public:
    virtual ~RepositorySource() = default;

    // "webapps101/priya-iyer", for titles and the journal's folder.
    virtual QString repositoryName() const = 0;
    // The branch the window edits and commits to ("main").
    virtual QString branch() const = 0;

    // The tree at `ref` (a branch name or a commit id).
    virtual void listTree(const QString &ref, QObject *context,
                          std::function<void(const RepositoryTree &)> done) = 0;
    // One file at `ref` (a branch name or a commit id).
    virtual void readFile(const QString &ref, const QString &path, QObject *context,
                          std::function<void(const RepositoryFile &)> done) = 0;
    // One commit of every change on branch(), parent changes.baseCommit. When the
    // branch no longer points at baseCommit nothing is overwritten: the answer is
    // BranchMoved with the three versions of every path in the change set.
    virtual void commit(const ChangeSet &changes, QObject *context,
                        std::function<void(const CommitOutcome &)> done) = 0;
};

} // namespace course
