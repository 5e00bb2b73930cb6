#pragma once

// The GitHub half's model and request plumbing, shared by its .cpp files
// (githubapi.cpp, githubrepos.cpp, githubcontents.cpp, githubgitdata.cpp,
// githubpulls.cpp, githubseed.cpp). Not part of the sandbox's interface.

#include "sandbox/githubapi.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <map>
#include <memory>
#include <optional>

namespace sandbox::github {

struct Account
{
    qint64 id = 0;
    QString login;
    QString name;
    QString email;
    bool organization = false;
    qint64 createdAt = 0;            // epoch seconds
    QHash<QString, QString> members; // organisations: lower-case login -> "admin" | "member"
};

struct Token
{
    QString login;
    QStringList scopes;
};

struct Pull
{
    int number = 0;
    qint64 id = 0;
    QString title;
    QString body;
    QString author; // login
    bool open = true;
    bool merged = false;
    bool draft = false;
    bool maintainerCanModify = false;
    QString headRepo; // full name; may be a fork
    QString headRef;  // branch names
    QString baseRef;
    GitId headSha; // frozen once closed; open pulls follow their branches
    GitId baseSha;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 closedAt = 0;
    qint64 mergedAt = 0;
    GitId mergeCommit;
    QString mergedBy;
    // Mergeability is computed in the background after either branch moves,
    // as on GitHub: null until then.
    QByteArray mergeableKey; // head + base it was computed for
    std::optional<bool> mergeable;
    bool computing = false;
};

struct Repo
{
    qint64 id = 0;
    QString owner;
    QString name;
    QString description;
    bool isPrivate = true;
    bool isTemplate = false;
    QString defaultBranch = QStringLiteral("main");
    QMap<QString, GitId> refs;            // "refs/heads/main" -> commit id
    QMap<QString, QString> collaborators; // lower-case login -> pull|triage|push|maintain|admin
    QString parent;                       // forks: the repository forked from, and the network's root
    QString source;
    QString templateRepo; // generated from
    qint64 createdAt = 0; // epoch seconds
    qint64 updatedAt = 0;
    qint64 pushedAt = 0;
    bool forkPending = false;         // 202 given, commits not copied yet
    QMap<QString, GitId> pendingRefs; // what the fork gets once it is ready
    mutable GitId sizeFor;            // `size` (KB of the default branch) is cached per tip
    mutable qint64 sizeKb = 0;
    int nextNumber = 1;
    QMap<int, Pull> pulls;

    QString fullName() const { return owner + u'/' + name; }
    bool isEmpty() const { return refs.isEmpty(); }
    GitId branch(const QString &name) const { return refs.value(QStringLiteral("refs/heads/") + name); }
};

struct DeviceGrant
{
    enum class State { Pending, Approved, Denied };
    QString deviceCode;
    QString userCode;
    QString clientId;
    QStringList scopes;
    qint64 expiresAtMs = 0;
    qint64 lastPollMs = 0;
    int intervalMs = 0;
    State state = State::Pending;
    QString login;
};

struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    HttpHeaders headers;
};

enum class Access { Read, Write, Admin };

// One API request on its way through a handler.
struct Call
{
    const HttpRequest *request = nullptr;
    QHash<QString, QString> params; // from the route's {placeholders}, percent-decoded
    QString login;                  // the token's user; empty when anonymous
    QStringList scopes;
    QJsonObject body;
    QString docs; // the route's documentation_url
    // {owner}/{repo}, found before the handler runs when its route says onRepo():
    // the handler never sees a repository the caller may not use.
    Repo *repo = nullptr;
    Pull *pull = nullptr; // {number} of that repository, when the route says withPull()

    QString param(const QString &key) const { return params.value(key); }
    QString query(const QString &key) const { return request->queryValue(key); }
    bool hasQuery(const QString &key) const { return request->hasQuery(key); }
};

// ---- replies and JSON pieces ------------------------------------------------
QByteArray toJson(const QJsonValue &value);
Reply jsonReply(int status, const QJsonValue &value);
Reply errorReply(int status, const QString &message, const QString &docs, const QJsonArray &errors = {});
Reply notFound(const QString &docs);
Reply validationFailed(const QString &docs, const QJsonArray &errors, const QString &message = {});
// 422 "Invalid request. "field" wasn't supplied.", as GitHub words a missing body field.
Reply notSupplied(const QString &docs, QStringView field);
QJsonObject fieldError(const QString &resource, const QString &field, const QString &code,
                       const QString &message = {});
Reply emptyRepository(const QString &docs);

QString isoTime(qint64 epochSeconds);
// ISO 8601 with Z or an offset; false when unreadable.
bool parseIsoTime(const QString &text, qint64 *epochSeconds, int *offsetMinutes);
QString nodeId(QStringView type, qint64 id);
QString nodeId(QStringView type, const QByteArray &sha);
QByteArray base64Lines(const QByteArray &content); // 60 characters a line, as GitHub sends blobs
QByteArray decodeBase64(const QByteArray &text, bool *ok);
qint64 nowSeconds();
qint64 nowMs();
bool isTrueParam(const QString &value);
// Whether Accept asks for one of GitHub's custom media types ("raw", "object",
// ...) in any of its spellings: application/vnd.github.raw, .raw+json, .v3.raw,
// .v3.raw+json (octokit's `mediaType: {format: "raw"}` sends the v3 one).
bool acceptsMedia(const HttpRequest &request, QStringView format);
// The bytes of a file or blob as the raw media type answers them.
Reply rawReply(const QByteArray &content);

// Page and per_page as GitHub reads them (per_page 1..100, default 30).
struct Page
{
    int page = 1;
    int perPage = 30;
};
Page pageOf(const Call &call, int defaultPerPage = 30, int maxPerPage = 100);

} // namespace sandbox::github

namespace sandbox {

struct GithubApi::Private
{
    using Handler = github::Reply (Private::*)(github::Call &);
    struct Route
    {
        QByteArray method;
        QStringList segments; // "repos", "{owner}", "{+path}"
        QString pattern;      // the rate limiter's endpoint key
        Handler handler = nullptr;
        bool contentCreating = false;
        QString docs;
        std::optional<github::Access> repoAccess;
        bool needsCommits = false;
        bool needsPull = false;

        // The route acts on {owner}/{repo}: dispatch() resolves it into Call::repo with
        // repoFor() (404 when unseen, 403/404 without `access`) or answers the error.
        Route &onRepo(github::Access access)
        {
            repoAccess = access;
            return *this;
        }
        // ... and an empty repository gets 409 "Git Repository is empty.".
        Route &withCommits()
        {
            needsCommits = true;
            return *this;
        }
        // ... and {number} is one of its pull requests (Call::pull), else 404.
        Route &withPull()
        {
            needsPull = true;
            return *this;
        }
    };

    explicit Private(GithubApi *api);

    GithubApi *q;
    QString base; // no trailing slash
    GithubOptions options;
    GithubFaults faults;
    GithubRateLimiter limiter;
    GitStore store;
    QHash<QString, github::Account> accounts; // lower-case login
    QHash<QByteArray, github::Token> tokens;
    QHash<QString, QByteArray> firstToken;                  // lower-case login
    QHash<QString, QString> emailIndex;                     // lower-case email -> lower-case login
    QHash<QString, bool> oauthApps;                         // client id -> device flow enabled
    std::map<QString, std::unique_ptr<github::Repo>> repos; // lower-case full name
    QHash<QString, QList<github::Repo *>> reposByOwner;     // lower-case owner, in creation order
    QHash<QString, int> forkCounts;                         // lower-case full name of the parent
    QHash<QString, github::DeviceGrant> devices;            // device code
    QHash<QString, QString> userCodes;                      // user code -> device code
    QHash<QString, GitId> deployCommits;                    // lower-case login
    QHash<QString, QString> studentRepos;                   // lower-case login -> full name
    qint64 nextId = 1000;
    qint64 requestCount = 0;
    QList<Route> routes;

    // ---- plumbing (githubapi.cpp) ----------------------------------------------
    void addRoutes();
    Route &route(const char *method, const char *pattern, Handler handler, const char *docs,
                 bool contentCreating = false);
    void serve(const HttpRequest &request, HttpResponse *response);
    void serveDeviceFlow(const HttpRequest &request, HttpResponse *response);
    github::Reply dispatch(const HttpRequest &request, const QString &login, const QStringList &scopes,
                           const QString &identity, bool *countsAgainstPrimary);
    const Route *match(const QByteArray &method, const QStringList &segments,
                       QHash<QString, QString> *params) const;
    QString apiUrl(const QString &path) const { return base + path; }
    QString htmlUrl(const QString &path) const { return base + path; }

    // ---- accounts and access -----------------------------------------------------
    github::Account *account(const QString &login);
    const github::Account *account(const QString &login) const;
    github::Repo *findRepo(const QString &owner, const QString &name) const;
    github::Repo *findRepo(const QString &fullName) const;
    QString permission(const github::Repo &repo, const QString &login) const; // "" when none
    bool allows(const github::Call &call, const github::Repo &repo, github::Access access) const;
    // The repository of {owner}/{repo}, or null with the reply GitHub gives (404 when unseen).
    github::Repo *repoFor(github::Call &call, github::Access access, github::Reply *error) const;
    bool canCreateIn(const QString &owner, const github::Call &call) const;
    // Where a repository made from another (generate, fork) goes: the account the
    // body's `key` names (`owner`, `organization`), the caller's by default; null with
    // GitHub's reply when there is no such account or the caller may not create there.
    const github::Account *newRepoOwner(const github::Call &call, const QString &key,
                                        github::Reply *error) const;
    // The body's `name` for a new repository of `owner`, cleaned as GitHub cleans it;
    // empty with the 422 GitHub gives when it is missing or taken.
    QString newRepoName(const github::Call &call, const QString &owner, github::Reply *error) const;
    github::Repo *addRepo(const QString &owner, const QString &name);
    void removeRepo(github::Repo *repo);
    QString uniqueRepoName(const QString &owner, const QString &name) const;
    void finishFork(github::Repo &fork);

    // ---- git helpers ----------------------------------------------------------------
    // A branch, tag, full ref or commit id (full or abbreviated) to a commit id.
    GitId resolveCommit(const github::Repo &repo, const QString &ref) const;
    void setRef(github::Repo &repo, const QString &ref, const GitId &id);
    void deleteRef(github::Repo &repo, const QString &ref);
    GitSignature signatureOf(const QJsonObject &person, const QString &fallbackLogin, QString *error) const;
    GitSignature signatureFor(const QString &login, qint64 when) const;
    // A contents PUT or DELETE's commit: `change` on `parentTree` (both empty in an empty
    // repository) with the body's message, committer and author, then `branch` moved
    // to it. The commit's id, or empty with the 422 GitHub gives.
    GitId commitContentsChange(github::Repo &repo, const github::Call &call, const QString &branch,
                               const GitId &parent, const GitId &parentTree, const GitTreeChange &change,
                               github::Reply *error);
    QString noreplyEmail(const github::Account &user) const;
    // Commits reachable from `tips`, newest committer date first (git log order).
    QList<GitId> history(const QList<GitId> &tips, const QSet<GitId> &stopAt = {}, int limit = -1) const;
    bool touchesPath(const GitId &commit, const QString &path) const;

    // ---- JSON ---------------------------------------------------------------------------
    QJsonObject simpleUser(const github::Account &account) const;
    QJsonValue userOrNull(const QString &login) const;
    QJsonValue userByEmail(const QString &email) const;
    QJsonObject fullUser(const github::Account &account, bool self) const;
    QJsonObject orgJson(const github::Account &org, bool member) const;
    QJsonObject repoJson(const github::Repo &repo, const github::Call *call, bool full) const;
    QJsonObject refJson(const github::Repo &repo, const QString &ref, const GitId &id) const;
    QJsonObject gitCommitJson(const github::Repo &repo, const GitId &id) const;
    QJsonObject restCommitJson(const github::Repo &repo, const GitId &id, bool withFiles) const;
    QJsonArray filesJson(const github::Repo &repo, const GitId &oldTree, const GitId &newTree,
                         const GitId &commit, int limit, int *additions, int *deletions) const;
    QJsonObject contentJson(const github::Repo &repo, const QString &path, const GitTreeEntry &entry,
                            const QString &ref, bool withContent) const;
    QJsonObject pullJson(github::Repo &repo, github::Pull &pull, bool full);
    void paginate(const github::Call &call, int total, const github::Page &page, github::Reply *reply) const;
    // One page of `items` (page, per_page, Link header) as a JSON array, each item made by `toJson`.
    template<typename List, typename ToJson>
    github::Reply pagedReply(const github::Call &call, const List &items, ToJson toJson) const
    {
        const github::Page page = github::pageOf(call);
        QJsonArray out;
        for (qsizetype i = qsizetype(page.page - 1) * page.perPage;
             i < items.size() && out.size() < page.perPage; ++i)
            out.append(toJson(items.at(i)));
        github::Reply r = github::jsonReply(200, out);
        paginate(call, int(items.size()), page, &r);
        return r;
    }

    // ---- pulls ------------------------------------------------------------------------------
    void refreshPull(github::Repo &repo, github::Pull &pull) const; // follow the branches while open
    void scheduleMergeability(const QString &repoFullName, int number);
    std::optional<bool> computeMergeable(github::Repo &repo, github::Pull &pull);

    // ---- seeding (githubseed.cpp) --------------------------------------------------------
    GitId commitFiles(github::Repo &repo, const QString &branch,
                      const QList<QPair<QString, QByteArray>> &files, const QString &message,
                      const GitSignature &author);

    // ---- handlers ---------------------------------------------------------------------------
    // githubapi.cpp
    github::Reply getRateLimit(github::Call &call);
    github::Reply getAuthenticatedUser(github::Call &call);
    github::Reply getUser(github::Call &call);
    github::Reply getOrg(github::Call &call);
    github::Reply listMyOrgs(github::Call &call);
    github::Reply listOrgMembers(github::Call &call);
    github::Reply getMyOrgMembership(github::Call &call);
    // githubrepos.cpp
    github::Reply getRepo(github::Call &call);
    github::Reply updateRepo(github::Call &call);
    github::Reply deleteRepo(github::Call &call);
    github::Reply listOrgRepos(github::Call &call);
    github::Reply listUserRepos(github::Call &call);
    github::Reply listMyRepos(github::Call &call);
    github::Reply createOrgRepo(github::Call &call);
    github::Reply createMyRepo(github::Call &call);
    github::Reply generateRepo(github::Call &call);
    github::Reply createFork(github::Call &call);
    github::Reply listForks(github::Call &call);
    github::Reply mergeUpstream(github::Call &call);
    github::Reply listCollaborators(github::Call &call);
    github::Reply checkCollaborator(github::Call &call);
    github::Reply addCollaborator(github::Call &call);
    github::Reply removeCollaborator(github::Call &call);
    github::Reply collaboratorPermission(github::Call &call);
    github::Reply listBranches(github::Call &call);
    github::Reply getBranch(github::Call &call);
    github::Reply createRepoFor(github::Call &call, const QString &owner);
    github::Reply listRepos(github::Call &call, QList<github::Repo *> repos, const QString &defaultSort);
    // githubcontents.cpp
    github::Reply getContents(github::Call &call);
    github::Reply getReadme(github::Call &call);
    github::Reply putContents(github::Call &call);
    github::Reply deleteContents(github::Call &call);
    github::Reply listCommits(github::Call &call);
    github::Reply getCommit(github::Call &call);
    github::Reply compare(github::Call &call);
    // githubgitdata.cpp
    github::Reply getRef(github::Call &call);
    github::Reply matchingRefs(github::Call &call);
    github::Reply listRefs(github::Call &call);
    github::Reply createRef(github::Call &call);
    github::Reply updateRef(github::Call &call);
    github::Reply deleteRefCall(github::Call &call);
    github::Reply getGitCommit(github::Call &call);
    github::Reply createGitCommit(github::Call &call);
    github::Reply getTree(github::Call &call);
    github::Reply createTree(github::Call &call);
    github::Reply getBlob(github::Call &call);
    github::Reply createBlob(github::Call &call);
    // githubpulls.cpp
    github::Reply createPull(github::Call &call);
    github::Reply listPulls(github::Call &call);
    github::Reply getPull(github::Call &call);
    github::Reply updatePull(github::Call &call);
    github::Reply checkPullMerged(github::Call &call);
    github::Reply mergePull(github::Call &call);
    github::Reply listPullCommits(github::Call &call);
    github::Reply listPullFiles(github::Call &call);
};

} // namespace sandbox
