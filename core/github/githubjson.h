#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// GitHub's response bodies as value types, and the decoders that make them.
// Each decoder takes the raw bytes (whatever they are) and returns false, or
// an empty value, for anything that is not what GitHub documents; none of them
// trusts a field's type. The fuzz targets call them directly.
namespace github {

struct ErrorBody
{
    QString message;
    QString documentationUrl;
    QStringList details; // errors[]: "resource.field code" or their message
};

struct User
{
    qint64 id = 0;
    QString login;
    QString name;
    QString email;
    QString type; // User, Organization
};

struct Repository
{
    qint64 id = 0;
    QString owner;
    QString name;
    QString fullName;
    QString defaultBranch;
    QString htmlUrl;
    QString cloneUrl;
    QString parentFullName; // forks: the repository it was forked from
    bool isPrivate = false;
    bool isTemplate = false;
    bool isFork = false;
};

struct TreeEntry
{
    QString path;
    QString mode; // 100644, 100755, 040000, 120000, 160000
    QString type; // blob, tree, commit
    QByteArray sha;
    qint64 size = -1; // blobs only
};

struct Tree
{
    QByteArray sha;
    QList<TreeEntry> entries;
    bool truncated = false;
};

struct FileContent
{
    QString path;
    QByteArray sha; // the blob id
    QByteArray content;
    qint64 size = 0;
};

struct Signature
{
    QString name;
    QString email;
    QDateTime date;
};

struct GitCommit
{
    QByteArray sha;
    QByteArray treeSha;
    QList<QByteArray> parents;
    QString message;
    Signature author;
    Signature committer;
};

struct Ref
{
    QString ref; // refs/heads/main
    QByteArray sha;
};

struct ComparedFile
{
    QString filename;
    QString status; // added, removed, modified, renamed, ...
    int additions = 0;
    int deletions = 0;
    QString patch;
};

struct Comparison
{
    QString status; // ahead, behind, identical, diverged
    int aheadBy = 0;
    int behindBy = 0;
    int totalCommits = 0;
    QList<QByteArray> commits;
    QList<ComparedFile> files;
};

struct PullRequest
{
    int number = 0;
    QString state; // open, closed
    QString title;
    QString body;
    QString headRef;
    QByteArray headSha;
    QString headRepository; // full name
    QString baseRef;
    bool merged = false;
    std::optional<bool> mergeable; // null while GitHub computes it
    QByteArray mergeCommitSha;
    QString htmlUrl;
};

struct MergeResult // PUT /pulls/{n}/merge
{
    bool merged = false;
    QByteArray sha;
    QString message;
};

struct MergeUpstream
{
    QString mergeType; // fast-forward, merge, none
    QString baseBranch;
    QString message;
};

struct DeviceCode
{
    QString deviceCode;
    QString userCode;
    QString verificationUri;
    int expiresIn = 0;
    int interval = 5;
};

// An answer of POST /login/oauth/access_token: a token, or an `error`.
struct TokenAnswer
{
    QByteArray accessToken;
    QString tokenType;
    QString scope;
    QString error; // authorization_pending, slow_down, expired_token, access_denied, ...
    QString errorDescription;
    int interval = 0; // with slow_down
};

ErrorBody parseErrorBody(const QByteArray &body);
bool parseUser(const QByteArray &body, User *user);
bool parseRepository(const QByteArray &body, Repository *repo);
// A page of repositories (a JSON array); false when it is not an array.
bool parseRepositoryList(const QByteArray &body, QList<Repository> *repos);
bool parseTree(const QByteArray &body, Tree *tree);
// The contents API for one file (base64 content); false for a directory listing.
bool parseFileContent(const QByteArray &body, FileContent *file);
bool parseBlob(const QByteArray &body, FileContent *blob);
bool parseGitCommit(const QByteArray &body, GitCommit *commit);
bool parseRef(const QByteArray &body, Ref *ref);
// The `sha` of a created blob, tree or commit.
QByteArray parseSha(const QByteArray &body);
bool parseComparison(const QByteArray &body, Comparison *comparison);
bool parsePullRequest(const QByteArray &body, PullRequest *pull);
bool parsePullRequestList(const QByteArray &body, QList<PullRequest> *pulls);
bool parseMergeResult(const QByteArray &body, MergeResult *result);
bool parseMergeUpstream(const QByteArray &body, MergeUpstream *result);
bool parseDeviceCode(const QByteArray &body, DeviceCode *code);
bool parseTokenAnswer(const QByteArray &body, TokenAnswer *answer);

// The URL of rel="next" (or another rel) in a Link header; empty when none.
QString linkTarget(const QByteArray &linkHeader, const QByteArray &rel = "next");

// The `Co-authored-by` trailer block for a commit message: the message, a blank
// line and one trailer per person (people already in the message are not repeated).
QString withCoAuthors(const QString &message, const QList<Signature> &coAuthors);

} // namespace github
