#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QReadWriteLock>
#include <QString>

#include <optional>

namespace sandbox {

// A git object id as GitHub shows it: 40 lowercase hex digits.
using GitId = QByteArray;

enum class GitObjectType { Blob, Tree, Commit, Tag };

QByteArray gitTypeName(GitObjectType type); // "blob", "tree", "commit", "tag"
std::optional<GitObjectType> gitTypeFromName(QByteArrayView name);

struct GitObject
{
    GitObjectType type = GitObjectType::Blob;
    QByteArray body; // the object's bytes after git's "<type> <size>\0" header
};

struct GitTreeEntry
{
    QString mode; // as GitHub shows it: "100644", "100755", "040000", "120000", "160000"
    QString name;
    GitId id;

    GitObjectType type() const; // tree for 040000, commit (a submodule) for 160000, else blob
};

// One line of GET /git/trees/{sha}[?recursive=1].
struct GitTreeListing
{
    QString path; // full path from the listed tree, slash-separated
    QString mode;
    GitObjectType type = GitObjectType::Blob;
    GitId id;
    qint64 size = -1; // blobs only; -1 for trees and submodules
};

struct GitSignature
{
    QString name;
    QString email;
    qint64 epochSeconds = 0;
    int utcOffsetMinutes = 0; // +0530 is 330, -0800 is -480
};

struct GitCommit
{
    GitId tree;
    QList<GitId> parents;
    GitSignature author;
    GitSignature committer;
    QString message; // verbatim, trailers included
};

// One entry of POST /git/trees: `id` set to point the path at an existing
// object, `content` set to store it as a new blob, neither to delete the path.
struct GitTreeChange
{
    QString path; // slash-separated, relative to the root tree
    QString mode = QStringLiteral("100644");
    GitObjectType type = GitObjectType::Blob;
    GitId id;
    std::optional<QByteArray> content;

    bool isDelete() const { return id.isEmpty() && !content; }
};

struct GitFile
{
    GitId id;
    QString mode;
    QByteArray content;
};

// The simulated GitHub's object database: one per sandbox, holding the objects
// of every repository. Ids are git's, so what a client computes locally or
// reads from github.com matches what the sandbox returns. Objects are keyed by
// id, so the template's blobs that 100,000 forks share are held once.
// Thread-safe: readers run in parallel, writers one at a time.
class GitStore
{
public:
    GitStore() = default;
    Q_DISABLE_COPY_MOVE(GitStore)

    static bool isValidId(QByteArrayView id); // 40 hex digits
    static GitId hashObject(GitObjectType type, const QByteArray &body);
    static GitId emptyTreeId();

    // Stores exact bytes (e.g. a signed commit read from elsewhere). Trees and
    // commits are checked to parse; on failure returns an empty id and says why.
    GitId writeObject(GitObjectType type, const QByteArray &body, QString *error = nullptr);
    GitId writeBlob(const QByteArray &content);
    // Entries may come in any order; modes "040000" and "40000" both mean a tree.
    GitId writeTree(const QList<GitTreeEntry> &entries, QString *error = nullptr);
    // Names and emails are cleaned as git does (see writeCommit in the .cpp).
    GitId writeCommit(const GitCommit &commit, QString *error = nullptr);

    bool contains(const GitId &id) const;
    std::optional<GitObjectType> typeOf(const GitId &id) const;
    std::optional<GitObject> object(const GitId &id) const;
    std::optional<QByteArray> blob(const GitId &id) const;
    std::optional<QList<GitTreeEntry>> readTree(const GitId &id) const; // in the tree's stored order
    std::optional<GitCommit> readCommit(const GitId &id) const;

    // GitHub's create-tree: applies the changes in order to `baseTreeId` (empty
    // for none) and returns the new root tree. Only directories on changed paths
    // are rewritten; a directory left empty disappears. Nothing is stored when
    // a change is refused; the error says which path and why.
    GitId treeWithChanges(const GitId &baseTreeId, const QList<GitTreeChange> &changes, QString *error);

    // Pre-order, in git's order, like `git ls-tree -r -t -l` and GitHub's get-tree.
    std::optional<QList<GitTreeListing>> listTree(const GitId &treeId, bool recursive) const;
    std::optional<GitTreeEntry> entryAt(const GitId &treeId, QStringView path) const;
    std::optional<GitFile> fileAt(const GitId &commitId, QStringView path) const;

    // Writes the commit's files into `directory` (the runtime's copy of a
    // student's code): built beside it, then swapped in, so a failure leaves
    // the previous contents untouched. 100755 files are made executable.
    bool exportCommit(const GitId &commitId, const QString &directory, QString *error) const;

    // A commit counts as its own ancestor, as with `git merge-base --is-ancestor`.
    bool isAncestor(const GitId &ancestorId, const GitId &descendantId) const;
    // The best common ancestors (`git merge-base --all`), newest committer first.
    QList<GitId> mergeBases(const GitId &a, const GitId &b) const;
    GitId mergeBase(const GitId &a, const GitId &b) const; // the first of mergeBases, or empty

    // All objects go to `dir`/gitobjects.pack: a header, then one record per
    // object (type, size, id, bytes). Saving again to the same folder appends
    // only the objects written since. Loading a folder without the file is not
    // an error; a torn last record (a crash mid-append) is dropped with a warning.
    bool save(const QString &dir, QString *error);
    bool load(const QString &dir, QString *error);

    qsizetype objectCount() const;
    qint64 storedBytes() const; // sum of object bodies held in memory

private:
    struct Stored
    {
        QByteArray body;
        GitObjectType type = GitObjectType::Blob;
    };

    // Keys are 20-byte binary ids: half the memory of hex. Callers hold m_lock.
    const Stored *findLocked(const QByteArray &rawId) const;
    void insertLocked(const QByteArray &rawId, GitObjectType type, const QByteArray &body);
    QList<QByteArray> parentsLocked(const QByteArray &rawId) const;
    bool isAncestorLocked(const QByteArray &ancestor, const QByteArray &descendant) const;

    mutable QReadWriteLock m_lock;
    QHash<QByteArray, Stored> m_objects;
    qint64 m_storedBytes = 0;

    // Persistence: objects not yet in m_savedDir's pack, oldest first.
    QMutex m_saveMutex;
    QList<QByteArray> m_unsaved;
    QString m_savedDir;
    qint64 m_savedSize = -1;
};

} // namespace sandbox
