#pragma once

#include "sandbox/githubratelimit.h"
#include "sandbox/gitstore.h"
#include "sandbox/httpserver.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace sandbox {

// Injected faults for the GitHub half, read from the same --faults spec as the
// Kubernetes half (keys starting with "github"):
//   github502=0.2        share of API requests answered 502 with the front end's HTML page
//   github500=0.05       share answered 500 with a JSON error
//   githubsecondary=0.1  share answered as if a secondary rate limit had tripped
//   githublatency=200ms  added before every API answer (also 2s, 0.5m)
struct GithubFaults
{
    double badGatewayRate = 0;
    double serverErrorRate = 0;
    double secondaryRate = 0;
    int latencyMs = 0;

    // Keys that do not start with "github" are left to the other half.
    static GithubFaults parse(const QString &spec, QString *error);
};

// Timings and caps that GitHub does not publish as limits; tests shrink them.
struct GithubOptions
{
    int forkDelayMs = 1500;        // a new fork gets its commits this long after 202
    int mergeabilityDelayMs = 300; // a pull's `mergeable` stays null this long after a change
    int deviceCodeLifetimeSeconds = 900;
    int devicePollIntervalMs = 5000; // advertised (in whole seconds) and enforced with slow_down
    int deviceSlowDownStepMs = 5000; // added to the interval on each slow_down
    int treeEntryLimit = 100000;     // GET /git/trees?recursive beyond this is truncated
    int directoryEntryLimit = 1000;  // contents directory listings stop here
    int compareFileLimit = 300;
    int compareCommitLimit = 250;
};

// One student as the GitHub half seeds them.
struct GithubSeedStudent
{
    QString login;
    QString name;
    QString email;
    // healthy (or empty), crash, missing-module, oom, slow-start, old-commit;
    // anything else (image-pull, unschedulable) gets healthy code.
    QString behaviour;
};

// What seedCourse made: who may do what, with which token.
struct GithubSeed
{
    QString org;
    QString templateRepo; // "org/template"
    QString staffLogin;   // org admin
    QByteArray staffToken;
    QString taLogin; // org member (read access to every repository)
    QByteArray taToken;
};

// The simulated GitHub: REST v3 at the server root (users, orgs, repos, forks,
// templates, contents, git data, compare, commits, branches, pulls,
// collaborators), the device-flow login of github.com, primary and secondary
// rate limits, ETags and injected faults. Repositories live in one GitStore,
// so object ids are git's. Single-threaded, like HttpServer.
class GithubApi : public QObject
{
    Q_OBJECT

public:
    explicit GithubApi(QObject *parent = nullptr);
    ~GithubApi() override;

    // Where clients reach this server, e.g. https://127.0.0.1:8443. Used in
    // url, html_url, clone_url, Link headers and the device verification_uri.
    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const;
    void setLimits(const GithubLimits &limits);
    const GithubLimits &limits() const;
    void setOptions(const GithubOptions &options);
    const GithubOptions &options() const;
    void setFaults(const GithubFaults &faults);

    void handle(const HttpRequest &request, HttpResponse *response);

    // ---- accounts -----------------------------------------------------------
    // Creates the user when new (updating name and email otherwise).
    void addUser(const QString &login, const QString &name = {}, const QString &email = {});
    // A new classic token ("ghp_...") for an existing user; empty when there is no such user.
    QByteArray issueToken(const QString &login, const QStringList &scopes);
    bool addToken(const QByteArray &token, const QString &login, const QStringList &scopes);
    QByteArray tokenFor(const QString &login) const; // the first token issued to the user
    void addOrganization(const QString &org, const QString &displayName = {});
    // role "admin" (owner) or "member"; an empty role removes the membership.
    bool setOrgMember(const QString &org, const QString &login, const QString &role);
    // With no app registered, any client_id may use the device flow.
    void registerOAuthApp(const QString &clientId, bool deviceFlowEnabled = true);

    // ---- device flow (what a person does in the browser) ---------------------
    bool approveDevice(const QString &userCode, const QString &login);
    bool denyDevice(const QString &userCode);

    // ---- repositories, for the rest of the sandbox ----------------------------
    // Creates an empty repository (no commits) owned by a user or an organisation.
    bool createRepository(const QString &owner, const QString &name, bool isPrivate, QString *error);
    bool hasRepository(const QString &owner, const QString &name) const;
    QString defaultBranch(const QString &owner, const QString &name) const;
    // The branch's tip (default branch when empty), or empty.
    GitId branchHead(const QString &owner, const QString &name, const QString &branch = {}) const;
    QStringList repositoriesOf(const QString &owner) const; // full names

    // Org, staff and TA users, the template (is_template, a small node app) and
    // one private repository per student generated from it with a few commits
    // of the student's own; behaviours break the code as GithubSeedStudent says.
    GithubSeed seedCourse(const QString &org, const QString &templateName,
                          const QList<GithubSeedStudent> &students);
    // The commit the cluster should run for a seeded student: HEAD, except for
    // `old-commit` students whose HEAD is one commit ahead of it.
    GitId deployCommit(const QString &login) const;
    QString studentRepository(const QString &login) const; // "org/login", or empty

    // All repositories' objects: export a commit with store().exportCommit().
    GitStore &store();
    const GitStore &store() const;
    const GithubRateLimiter &rateLimiter() const;

    // Users, tokens, organisations, repositories, refs, collaborators and pulls
    // go to `dir`/github-state.json; the objects to the GitStore's pack in the
    // same folder. Loading a folder without the files is not an error.
    bool save(const QString &dir, QString *error);
    bool load(const QString &dir, QString *error);

Q_SIGNALS:
    // A branch or tag moved (before empty when created, after empty when deleted).
    void refUpdated(const QString &fullName, const QString &ref, const QByteArray &before,
                    const QByteArray &after);

public:
    struct Private;

private:
    std::unique_ptr<Private> d;
};

} // namespace sandbox
