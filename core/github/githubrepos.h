#pragma once

#include "github/githubclient.h"
#include "github/githubjson.h"

#include <QObject>
#include <functional>
#include <optional>

namespace github {

template<typename T> using Done = std::function<void(const GithubError &, const T &)>;

// One file in a multi-file commit: new content, or a deletion.
struct FileChange
{
    QString path;
    std::optional<QByteArray> content; // nullopt: delete the file
    bool executable = false;
};

struct CommitRequest
{
    QString owner;
    QString repo;
    QString branch;
    // The commit the caller's edits started from; the branch is only moved if it
    // still points there. Empty: the branch's head when the commit starts.
    QByteArray baseCommit;
    QList<FileChange> changes;
    QString message;
    Signature author;
    Signature committer;        // defaults to the author
    QList<Signature> coAuthors; // "Co-authored-by" trailers
};

// For each touched path, its three versions (nullopt: the file does not exist there).
struct MergeSides
{
    QString path;
    std::optional<QByteArray> base;   // at the caller's base commit
    std::optional<QByteArray> theirs; // at the branch's current head
    std::optional<QByteArray> mine;   // what the caller wanted to write
};

struct CommitResult
{
    enum class Outcome : quint8 { Committed, BranchMoved, Failed };
    Outcome outcome = Outcome::Failed;
    GithubError error;    // Failed: why; BranchMoved: a message that says so
    QByteArray commitSha; // the new commit (also when the branch moved: it exists, unreferenced)
    QByteArray treeSha;
    QByteArray baseCommit;   // what the caller started from
    QByteArray theirsCommit; // the branch's head when the update was refused
    QList<MergeSides> sides;
};

enum class OwnerKind : quint8 { Organization, User };

// The repository operations the console needs, on one GithubClient. Results
// are decoded in the client's thread and handed to `context`'s thread.
class GithubRepos : public QObject
{
    Q_OBJECT

public:
    explicit GithubRepos(GithubClient *client, QObject *parent = nullptr);

    GithubClient *client() const { return m_client; }

    void getRepository(const QString &owner, const QString &repo, QObject *context, Done<Repository> done);
    void listRepositories(const QString &owner, OwnerKind kind, QObject *context,
                          Done<QList<Repository>> done);
    // The branch's head commit.
    void branchHead(const QString &owner, const QString &repo, const QString &branch, QObject *context,
                    Done<QByteArray> done);
    // Every entry under `ref` (a branch, tag or sha), recursively.
    void tree(const QString &owner, const QString &repo, const QString &ref, QObject *context,
              Done<Tree> done);
    // One file at `ref` (empty: the default branch); NotFound when it is not there.
    void readFile(const QString &owner, const QString &repo, const QString &path, const QString &ref,
                  QObject *context, Done<FileContent> done);
    // One commit of every change, through the git-data API; never forces the branch.
    void commit(const CommitRequest &request, QObject *context,
                std::function<void(const CommitResult &)> done);
    void compare(const QString &owner, const QString &repo, const QString &base, const QString &head,
                 QObject *context, Done<Comparison> done);
    void generateFromTemplate(const QString &templateOwner, const QString &templateRepo, const QString &owner,
                              const QString &name, bool isPrivate, QObject *context, Done<Repository> done);
    // Forks (into `organization` when given) and waits until the fork has its commits.
    void fork(const QString &owner, const QString &repo, const QString &organization, const QString &name,
              QObject *context, Done<Repository> done);
    void mergeUpstream(const QString &owner, const QString &repo, const QString &branch, QObject *context,
                       Done<MergeUpstream> done);
    void createPullRequest(const QString &owner, const QString &repo, const QString &title,
                           const QString &head, const QString &base, const QString &body, QObject *context,
                           Done<PullRequest> done);
    void listPullRequests(const QString &owner, const QString &repo, const QString &state, QObject *context,
                          Done<QList<PullRequest>> done);
    void getPullRequest(const QString &owner, const QString &repo, int number, QObject *context,
                        Done<PullRequest> done);
    // `method`: merge, squash or rebase; `expectedHead`: refuse when the pull moved (may be empty).
    void mergePullRequest(const QString &owner, const QString &repo, int number, const QString &method,
                          const QByteArray &expectedHead, QObject *context, Done<MergeResult> done);
    // `permission`: pull, triage, push, maintain, admin. The value: true when an invitation was sent.
    void addCollaborator(const QString &owner, const QString &repo, const QString &login,
                         const QString &permission, QObject *context, Done<bool> done);

    // How often and how long fork() waits for the new repository (tests shorten them).
    void setForkPolling(int intervalMs, int timeoutMs)
    {
        m_forkPollMs = intervalMs;
        m_forkTimeoutMs = timeoutMs;
    }

    static QString repoPath(const QString &owner, const QString &repo); // "/repos/o/r", encoded

private:
    GithubClient *m_client;
    int m_forkPollMs = 1000;
    int m_forkTimeoutMs = 5 * 60 * 1000;
};

} // namespace github
