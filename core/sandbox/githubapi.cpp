#include "sandbox/githubapi.h"

#include "sandbox/githubstate.h"
#include "sandbox/sandboxlog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <cmath>

namespace sandbox {

namespace github {

namespace {

const QString kRestDocs = QStringLiteral("https://docs.github.com/rest");
const QString kRateDocs =
    QStringLiteral("https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api");
const QString kDeviceErrorDocs = QStringLiteral("https://docs.github.com/apps/oauth-apps/building-oauth-apps/"
                                                "authorizing-oauth-apps#error-codes-for-the-device-flow");
const QStringList kApiVersions{QStringLiteral("2022-11-28"), QStringLiteral("2026-03-10")};
const QString kDeviceGrantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
const QString kStateFile = QStringLiteral("github-state.json");

} // namespace

QByteArray toJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

Reply jsonReply(int status, const QJsonValue &value)
{
    Reply r;
    r.status = status;
    r.body = toJson(value);
    return r;
}

Reply errorReply(int status, const QString &message, const QString &docs, const QJsonArray &errors)
{
    QJsonObject o{{QStringLiteral("message"), message},
                  {QStringLiteral("documentation_url"), docs.isEmpty() ? kRestDocs : docs}};
    if (!errors.isEmpty())
        o.insert(QStringLiteral("errors"), errors);
    o.insert(QStringLiteral("status"), QString::number(status));
    return jsonReply(status, o);
}

Reply notFound(const QString &docs)
{
    return errorReply(404, QStringLiteral("Not Found"), docs);
}

Reply validationFailed(const QString &docs, const QJsonArray &errors, const QString &message)
{
    return errorReply(422, message.isEmpty() ? QStringLiteral("Validation Failed") : message, docs, errors);
}

Reply notSupplied(const QString &docs, QStringView field)
{
    return validationFailed(docs, {},
                            QStringLiteral("Invalid request.\n\n\"%1\" wasn't supplied.").arg(field));
}

QJsonObject fieldError(const QString &resource, const QString &field, const QString &code,
                       const QString &message)
{
    QJsonObject o{{QStringLiteral("resource"), resource},
                  {QStringLiteral("field"), field},
                  {QStringLiteral("code"), code}};
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    return o;
}

Reply emptyRepository(const QString &docs)
{
    return errorReply(409, QStringLiteral("Git Repository is empty."), docs);
}

QString isoTime(qint64 epochSeconds)
{
    return QDateTime::fromSecsSinceEpoch(epochSeconds, Qt::UTC)
        .toString(Qt::ISODate); // "...Z", as GitHub writes it
}

bool parseIsoTime(const QString &text, qint64 *epochSeconds, int *offsetMinutes)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return false;
    const bool zoned =
        text.endsWith(u'Z') || text.endsWith(u'z') ||
        (text.size() > 6 && (text.at(text.size() - 6) == u'+' || text.at(text.size() - 6) == u'-'));
    if (!zoned) {
        dt.setTimeZone(QTimeZone::utc()); // no zone given: GitHub reads UTC
        dt = QDateTime(dt.date(), dt.time(), QTimeZone::utc());
    }
    *epochSeconds = dt.toSecsSinceEpoch();
    *offsetMinutes = zoned ? dt.offsetFromUtc() / 60 : 0;
    return true;
}

QString nodeId(QStringView type, qint64 id)
{
    const QString raw = QStringLiteral("0%1:%2%3").arg(type.size()).arg(type).arg(id);
    return QString::fromLatin1(raw.toUtf8().toBase64());
}

QString nodeId(QStringView type, const QByteArray &sha)
{
    const QString raw = QStringLiteral("0%1:%2%3").arg(type.size()).arg(type, QString::fromLatin1(sha));
    return QString::fromLatin1(raw.toUtf8().toBase64());
}

QByteArray base64Lines(const QByteArray &content)
{
    const QByteArray flat = content.toBase64();
    QByteArray out;
    out.reserve(flat.size() + flat.size() / 60 + 1);
    for (qsizetype i = 0; i < flat.size(); i += 60) {
        out.append(flat.mid(i, 60));
        out.append('\n');
    }
    return out;
}

QByteArray decodeBase64(const QByteArray &text, bool *ok)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (char c : text) {
        if (c != '\n' && c != '\r' && c != ' ' && c != '\t')
            compact.append(c);
    }
    auto result = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    *ok = bool(result);
    return result.decoded;
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isTrueParam(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1");
}

bool acceptsMedia(const HttpRequest &request, QStringView format)
{
    static const QRegularExpression media(
        QStringLiteral("application/vnd\\.github(?:\\.v3)?\\.([a-z-]+)(?:\\+json)?\\s*(?:;|,|$)"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = media.globalMatch(QString::fromLatin1(request.header("accept")));
    while (it.hasNext()) {
        if (it.next().capturedView(1).compare(format, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

Reply rawReply(const QByteArray &content)
{
    Reply r;
    r.body = content;
    // With the charset, as GitHub sends it: clients (octokit) then hand callers text, not bytes.
    r.contentType = "application/vnd.github.raw; charset=utf-8";
    return r;
}

Page pageOf(const Call &call, int defaultPerPage, int maxPerPage)
{
    Page p;
    bool ok = false;
    const int page = call.query(QStringLiteral("page")).toInt(&ok);
    if (ok && page > 0)
        p.page = page;
    const int perPage = call.query(QStringLiteral("per_page")).toInt(&ok);
    p.perPage = ok && perPage > 0 ? std::min(perPage, maxPerPage) : defaultPerPage;
    return p;
}

} // namespace github

using namespace github;

// ---- faults -------------------------------------------------------------------

GithubFaults GithubFaults::parse(const QString &spec, QString *error)
{
    GithubFaults f;
    for (const QString &item : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString key = item.section(u'=', 0, 0).trimmed();
        QString value = item.section(u'=', 1).trimmed();
        if (!key.startsWith(QLatin1String("github")))
            continue; // the Kubernetes half's
        bool ok = false;
        if (key == QLatin1String("github502")) {
            f.badGatewayRate = value.toDouble(&ok);
        } else if (key == QLatin1String("github500")) {
            f.serverErrorRate = value.toDouble(&ok);
        } else if (key == QLatin1String("githubsecondary")) {
            f.secondaryRate = value.toDouble(&ok);
        } else if (key == QLatin1String("githublatency")) {
            double factor = 1;
            if (value.endsWith(QLatin1String("ms"))) {
                value.chop(2);
            } else if (value.endsWith(u's')) {
                value.chop(1);
                factor = 1000;
            } else if (value.endsWith(u'm')) {
                value.chop(1);
                factor = 60000;
            }
            f.latencyMs = int(value.toDouble(&ok) * factor);
            ok = ok && f.latencyMs >= 0;
        }
        const bool rateOk = f.badGatewayRate >= 0 && f.badGatewayRate <= 1 && f.serverErrorRate >= 0 &&
                            f.serverErrorRate <= 1 && f.secondaryRate >= 0 && f.secondaryRate <= 1;
        if (!ok || !rateOk) {
            if (error) {
                *error = QStringLiteral("fault '%1' is not understood: use github502=RATE, github500=RATE, "
                                        "githubsecondary=RATE (0 to 1) or githublatency=200ms")
                             .arg(item);
            }
            return {};
        }
    }
    return f;
}

// ---- set-up ---------------------------------------------------------------------

GithubApi::Private::Private(GithubApi *api)
    : q(api)
    , base(QStringLiteral("http://127.0.0.1"))
{
    addRoutes();
}

GithubApi::Private::Route &GithubApi::Private::route(const char *method, const char *pattern, Handler handler,
                                                     const char *docs, bool contentCreating)
{
    Route r;
    r.method = method;
    r.pattern = QString::fromLatin1(pattern);
    r.segments = r.pattern.split(u'/', Qt::SkipEmptyParts);
    r.handler = handler;
    r.contentCreating = contentCreating;
    r.docs = QStringLiteral("https://docs.github.com/rest/") + QLatin1String(docs);
    routes.append(r);
    return routes.last();
}

void GithubApi::Private::addRoutes()
{
    using P = Private;
    route("GET", "/rate_limit", &P::getRateLimit,
          "rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user");
    route("GET", "/user", &P::getAuthenticatedUser, "users/users#get-the-authenticated-user");
    route("GET", "/users/{username}", &P::getUser, "users/users#get-a-user");
    route("GET", "/user/orgs", &P::listMyOrgs, "orgs/orgs#list-organizations-for-the-authenticated-user");
    route("GET", "/user/memberships/orgs/{org}", &P::getMyOrgMembership,
          "orgs/members#get-an-organization-membership-for-the-authenticated-user");
    route("GET", "/orgs/{org}", &P::getOrg, "orgs/orgs#get-an-organization");
    route("GET", "/orgs/{org}/members", &P::listOrgMembers, "orgs/members#list-organization-members");
    route("GET", "/orgs/{org}/repos", &P::listOrgRepos, "repos/repos#list-organization-repositories");
    route("POST", "/orgs/{org}/repos", &P::createOrgRepo, "repos/repos#create-an-organization-repository",
          true);
    route("GET", "/users/{username}/repos", &P::listUserRepos, "repos/repos#list-repositories-for-a-user");
    route("GET", "/user/repos", &P::listMyRepos, "repos/repos#list-repositories-for-the-authenticated-user");
    route("POST", "/user/repos", &P::createMyRepo,
          "repos/repos#create-a-repository-for-the-authenticated-user", true);

    route("GET", "/repos/{owner}/{repo}", &P::getRepo, "repos/repos#get-a-repository").onRepo(Access::Read);
    route("PATCH", "/repos/{owner}/{repo}", &P::updateRepo, "repos/repos#update-a-repository")
        .onRepo(Access::Admin);
    route("DELETE", "/repos/{owner}/{repo}", &P::deleteRepo, "repos/repos#delete-a-repository")
        .onRepo(Access::Admin);
    route("POST", "/repos/{owner}/{repo}/generate", &P::generateRepo,
          "repos/repos#create-a-repository-using-a-template", true)
        .onRepo(Access::Read);
    route("POST", "/repos/{owner}/{repo}/forks", &P::createFork, "repos/forks#create-a-fork", true)
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/forks", &P::listForks, "repos/forks#list-forks").onRepo(Access::Read);
    route("POST", "/repos/{owner}/{repo}/merge-upstream", &P::mergeUpstream,
          "branches/branches#sync-a-fork-branch-with-the-upstream-repository", true)
        .onRepo(Access::Write);
    route("GET", "/repos/{owner}/{repo}/collaborators", &P::listCollaborators,
          "collaborators/collaborators#list-repository-collaborators")
        .onRepo(Access::Write);
    route("GET", "/repos/{owner}/{repo}/collaborators/{username}", &P::checkCollaborator,
          "collaborators/collaborators#check-if-a-user-is-a-repository-collaborator")
        .onRepo(Access::Read);
    route("PUT", "/repos/{owner}/{repo}/collaborators/{username}", &P::addCollaborator,
          "collaborators/collaborators#add-a-repository-collaborator", true)
        .onRepo(Access::Admin);
    route("DELETE", "/repos/{owner}/{repo}/collaborators/{username}", &P::removeCollaborator,
          "collaborators/collaborators#remove-a-repository-collaborator")
        .onRepo(Access::Admin);
    route("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", &P::collaboratorPermission,
          "collaborators/collaborators#get-repository-permissions-for-a-user")
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/branches", &P::listBranches, "branches/branches#list-branches")
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/branches/{+branch}", &P::getBranch, "branches/branches#get-a-branch")
        .onRepo(Access::Read);

    route("GET", "/repos/{owner}/{repo}/contents", &P::getContents, "repos/contents#get-repository-content")
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/contents/{+path}", &P::getContents,
          "repos/contents#get-repository-content")
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/readme", &P::getReadme, "repos/contents#get-a-repository-readme")
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/readme/{+dir}", &P::getReadme,
          "repos/contents#get-a-repository-readme-for-a-directory")
        .onRepo(Access::Read);
    route("PUT", "/repos/{owner}/{repo}/contents/{+path}", &P::putContents,
          "repos/contents#create-or-update-file-contents", true)
        .onRepo(Access::Write);
    route("DELETE", "/repos/{owner}/{repo}/contents/{+path}", &P::deleteContents,
          "repos/contents#delete-a-file", true)
        .onRepo(Access::Write);
    route("GET", "/repos/{owner}/{repo}/commits", &P::listCommits, "commits/commits#list-commits")
        .onRepo(Access::Read)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/commits/{+ref}", &P::getCommit, "commits/commits#get-a-commit")
        .onRepo(Access::Read)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/compare/{+basehead}", &P::compare,
          "commits/commits#compare-two-commits")
        .onRepo(Access::Read);

    route("GET", "/repos/{owner}/{repo}/git/ref/{+ref}", &P::getRef, "git/refs#get-a-reference")
        .onRepo(Access::Read)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/git/matching-refs/{+ref}", &P::matchingRefs,
          "git/refs#list-matching-references")
        .onRepo(Access::Read)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/git/refs", &P::listRefs, "git/refs#list-matching-references")
        .onRepo(Access::Read)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/git/refs/{+ref}", &P::listRefs, "git/refs#get-a-reference")
        .onRepo(Access::Read)
        .withCommits();
    route("POST", "/repos/{owner}/{repo}/git/refs", &P::createRef, "git/refs#create-a-reference", true)
        .onRepo(Access::Write)
        .withCommits();
    route("PATCH", "/repos/{owner}/{repo}/git/refs/{+ref}", &P::updateRef, "git/refs#update-a-reference")
        .onRepo(Access::Write)
        .withCommits();
    route("DELETE", "/repos/{owner}/{repo}/git/refs/{+ref}", &P::deleteRefCall, "git/refs#delete-a-reference")
        .onRepo(Access::Write)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/git/commits/{sha}", &P::getGitCommit,
          "git/commits#get-a-commit-object")
        .onRepo(Access::Read)
        .withCommits();
    route("POST", "/repos/{owner}/{repo}/git/commits", &P::createGitCommit, "git/commits#create-a-commit",
          true)
        .onRepo(Access::Write)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/git/trees/{+sha}", &P::getTree, "git/trees#get-a-tree")
        .onRepo(Access::Read)
        .withCommits();
    route("POST", "/repos/{owner}/{repo}/git/trees", &P::createTree, "git/trees#create-a-tree", true)
        .onRepo(Access::Write)
        .withCommits();
    route("GET", "/repos/{owner}/{repo}/git/blobs/{sha}", &P::getBlob, "git/blobs#get-a-blob")
        .onRepo(Access::Read)
        .withCommits();
    route("POST", "/repos/{owner}/{repo}/git/blobs", &P::createBlob, "git/blobs#create-a-blob", true)
        .onRepo(Access::Write)
        .withCommits();

    route("GET", "/repos/{owner}/{repo}/pulls", &P::listPulls, "pulls/pulls#list-pull-requests")
        .onRepo(Access::Read);
    route("POST", "/repos/{owner}/{repo}/pulls", &P::createPull, "pulls/pulls#create-a-pull-request", true)
        .onRepo(Access::Read);
    route("GET", "/repos/{owner}/{repo}/pulls/{number}", &P::getPull, "pulls/pulls#get-a-pull-request")
        .onRepo(Access::Read)
        .withPull();
    route("PATCH", "/repos/{owner}/{repo}/pulls/{number}", &P::updatePull,
          "pulls/pulls#update-a-pull-request")
        .onRepo(Access::Read)
        .withPull();
    route("GET", "/repos/{owner}/{repo}/pulls/{number}/merge", &P::checkPullMerged,
          "pulls/pulls#check-if-a-pull-request-has-been-merged")
        .onRepo(Access::Read)
        .withPull();
    route("PUT", "/repos/{owner}/{repo}/pulls/{number}/merge", &P::mergePull,
          "pulls/pulls#merge-a-pull-request", true)
        .onRepo(Access::Write)
        .withPull();
    route("GET", "/repos/{owner}/{repo}/pulls/{number}/commits", &P::listPullCommits,
          "pulls/pulls#list-commits-on-a-pull-request")
        .onRepo(Access::Read)
        .withPull();
    route("GET", "/repos/{owner}/{repo}/pulls/{number}/files", &P::listPullFiles,
          "pulls/pulls#list-pull-requests-files")
        .onRepo(Access::Read)
        .withPull();
}

const GithubApi::Private::Route *GithubApi::Private::match(const QByteArray &method,
                                                           const QStringList &segments,
                                                           QHash<QString, QString> *params) const
{
    for (const Route &r : routes) {
        QHash<QString, QString> found;
        bool ok = true;
        qsizetype i = 0;
        for (qsizetype s = 0; s < r.segments.size() && ok; ++s) {
            const QString &pattern = r.segments.at(s);
            if (pattern.startsWith(QLatin1String("{+"))) {
                if (i >= segments.size()) {
                    ok = false;
                    break;
                }
                const QStringList rest = segments.mid(i);
                ok = std::none_of(rest.cbegin(), rest.cend(), [](const QString &p) { return p.isEmpty(); });
                found.insert(pattern.mid(2, pattern.size() - 3), rest.join(u'/'));
                i = segments.size();
            } else if (pattern.startsWith(u'{')) {
                ok = i < segments.size() && !segments.at(i).isEmpty();
                if (ok)
                    found.insert(pattern.mid(1, pattern.size() - 2), segments.at(i));
                ++i;
            } else {
                ok = i < segments.size() && segments.at(i) == pattern;
                ++i;
            }
        }
        // A known path with another method is a 404 too, as on GitHub.
        if (!ok || i != segments.size() || r.method != method)
            continue;
        *params = found;
        return &r;
    }
    return nullptr;
}

// ---- the request path -------------------------------------------------------------

namespace {

QByteArray weakEtag(const QByteArray &body)
{
    return "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + '"';
}

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    const QByteArray strong = etag.startsWith("W/") ? etag.mid(2) : etag;
    for (QByteArray candidate : ifNoneMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate == "*")
            return true;
        if (candidate.startsWith("W/"))
            candidate = candidate.mid(2);
        if (candidate == strong)
            return true;
    }
    return false;
}

QByteArray requestId(qint64 n)
{
    const quint32 r = QRandomGenerator::global()->generate();
    return QStringLiteral("%1:%2:%3:%4")
        .arg(r & 0xFFFF, 4, 16, QLatin1Char('0'))
        .arg((r >> 16) & 0xFFFF, 4, 16, QLatin1Char('0'))
        .arg(n, 6, 16, QLatin1Char('0'))
        .arg(QDateTime::currentMSecsSinceEpoch() & 0xFFFFFF, 6, 16, QLatin1Char('0'))
        .toUpper()
        .toLatin1();
}

// The token in "Authorization: Bearer x" or "token x"; empty when none.
QByteArray tokenOf(const HttpRequest &request)
{
    const QByteArray auth = request.header("authorization").trimmed();
    const qsizetype space = auth.indexOf(' ');
    if (space < 0)
        return {};
    const QByteArray scheme = auth.left(space).toLower();
    if (scheme != "bearer" && scheme != "token")
        return {};
    return auth.mid(space + 1).trimmed();
}

QByteArray badGatewayPage()
{
    // What GitHub's front end answers when no backend replied in time: HTML, not JSON.
    return QByteArrayLiteral(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=utf-8\">\n<title>Unicorn! &middot; GitHub</title>\n"
        "</head>\n<body>\n<div class=\"container\">\n"
        "<h1>The server did not answer in time.</h1>\n"
        "<p>The request did not complete. Try it again in a moment.</p>\n"
        "</div>\n</body>\n</html>\n");
}

QString acceptedScopes(const QByteArray &path)
{
    if (path.startsWith("/repos/") || path.endsWith("/repos"))
        return QStringLiteral("repo");
    if (path.startsWith("/orgs/") || path.startsWith("/user/orgs") || path.startsWith("/user/memberships"))
        return QStringLiteral("admin:org, read:org, repo, user, write:org");
    return {};
}

} // namespace

void GithubApi::handle(const HttpRequest &request, HttpResponse *response)
{
    const QByteArray path = request.path;
    if (path == "/login/device/code" || path == "/login/oauth/access_token" || path == "/login/device") {
        d->serveDeviceFlow(request, response);
        return;
    }
    QString login;
    QStringList scopes;
    const QByteArray token = tokenOf(request);
    if (!token.isEmpty()) {
        const auto it = d->tokens.constFind(token);
        if (it == d->tokens.cend()) {
            const Reply r = errorReply(401, QStringLiteral("Bad credentials"),
                                       QStringLiteral("https://docs.github.com/rest"));
            response->send(r.status, r.contentType, r.body,
                           {{"x-github-request-id", requestId(++d->requestCount)}, {"server", "GitHub.com"}});
            return;
        }
        login = it->login;
        scopes = it->scopes;
    }
    const QString identity = login.isEmpty() ? QStringLiteral("ip:") + request.peer.toString()
                                             : QStringLiteral("user:") + login.toLower();
    if (!d->limiter.acquireSlot(identity)) {
        qCDebug(lcSandboxGithub) << "secondary rate limit for" << identity << ": concurrent requests";
        const QByteArray id = requestId(++d->requestCount);
        Reply r =
            errorReply(429,
                       QStringLiteral("You have exceeded a secondary rate limit. Please wait a few minutes "
                                      "before you try again. If you reach out to GitHub Support for help, "
                                      "please include the request ID %1.")
                           .arg(QString::fromLatin1(id)),
                       QString(kRateDocs + QStringLiteral("#about-secondary-rate-limits")));
        response->send(r.status, r.contentType, r.body,
                       {{"retry-after", QByteArray::number(d->limiter.limits().concurrencyRetryAfterSeconds)},
                        {"x-github-request-id", id}});
        return;
    }
    // The slot is held until the answer is out (or the client is gone).
    auto released = std::make_shared<bool>(false);
    const auto release = [this, identity, released] {
        if (!*released) {
            *released = true;
            d->limiter.releaseSlot(identity);
        }
    };
    connect(response, &HttpResponse::finished, this, release);
    connect(response, &HttpResponse::aborted, this, release);

    const auto run = [this, login, scopes, identity](const HttpRequest &req, HttpResponse *resp) {
        bool charge = true;
        Reply reply = d->dispatch(req, login, scopes, identity, &charge);
        const auto send = [resp](const Reply &r) { resp->send(r.status, r.contentType, r.body, r.headers); };
        if (reply.status == 502 && reply.contentType.startsWith("text/html")) {
            send(reply);
            return;
        }
        const bool authenticated = !login.isEmpty();
        const qint64 now = nowMs();
        if (req.method == "GET" && reply.status == 200) {
            const QByteArray etag = weakEtag(reply.body);
            reply.headers.append({"etag", etag});
            const QByteArray ifNoneMatch = req.header("if-none-match");
            if (!ifNoneMatch.isEmpty() && etagMatches(ifNoneMatch, etag)) {
                // Not modified: no body, and GitHub does not count it against the primary limit.
                reply.status = 304;
                reply.body.clear();
                reply.contentType.clear();
                charge = false;
            }
        }
        if (charge)
            d->limiter.chargePrimary(identity, authenticated, now);
        const GithubRateLimiter::Primary p = d->limiter.peekPrimary(identity, authenticated, now);
        HttpHeaders h{{"x-ratelimit-limit", QByteArray::number(p.limit)},
                      {"x-ratelimit-remaining", QByteArray::number(p.remaining)},
                      {"x-ratelimit-reset", QByteArray::number(p.resetEpochSeconds)},
                      {"x-ratelimit-used", QByteArray::number(p.used)},
                      {"x-ratelimit-resource", "core"},
                      {"x-github-media-type", "github.v3; format=json"},
                      {"x-github-api-version-selected", req.header("x-github-api-version").isEmpty()
                                                            ? QByteArray("2022-11-28")
                                                            : req.header("x-github-api-version")},
                      {"x-github-request-id", requestId(++d->requestCount)},
                      {"vary", "Accept, Authorization, Cookie, X-GitHub-OTP"},
                      {"server", "GitHub.com"}};
        if (!login.isEmpty()) {
            h.append({"x-oauth-scopes", scopes.join(QStringLiteral(", ")).toUtf8()});
            h.append({"x-accepted-oauth-scopes", acceptedScopes(req.path).toUtf8()});
        }
        h.append({"cache-control", req.method == "GET" ? QByteArray("private, max-age=60, s-maxage=60")
                                                       : QByteArray("no-cache")});
        reply.headers = h + reply.headers;
        send(reply);
    };

    if (d->faults.latencyMs > 0) {
        QPointer<HttpResponse> guard(response);
        const HttpRequest copy = request;
        QTimer::singleShot(d->faults.latencyMs, this, [guard, copy, run] {
            if (guard && !guard->isFinished())
                run(copy, guard);
        });
        return;
    }
    run(request, response);
}

Reply GithubApi::Private::dispatch(const HttpRequest &request, const QString &login,
                                   const QStringList &scopes, const QString &identity,
                                   bool *countsAgainstPrimary)
{
    const QByteArray version = request.header("x-github-api-version");
    if (!version.isEmpty() && !kApiVersions.contains(QString::fromLatin1(version))) {
        return errorReply(400,
                          QStringLiteral("API version %1 is not supported. Supported versions are: %2.")
                              .arg(QString::fromLatin1(version), kApiVersions.join(QStringLiteral(", "))),
                          QStringLiteral("https://docs.github.com/rest/about-the-rest-api/api-versions"));
    }
    QStringList segments;
    const QList<QByteArray> raw = request.path.split('/');
    for (qsizetype i = 1; i < raw.size(); ++i)
        segments.append(QUrl::fromPercentEncoding(raw.at(i)));
    QHash<QString, QString> params;
    const Route *r = match(request.method, segments, &params);
    if (!r)
        return notFound(kRestDocs);

    const bool authenticated = !login.isEmpty();
    const qint64 now = nowMs();
    if (r->handler == &Private::getRateLimit) {
        *countsAgainstPrimary = false;
        Call call;
        call.request = &request;
        call.login = login;
        call.scopes = scopes;
        call.params.insert(QStringLiteral("identity"), identity);
        return getRateLimit(call);
    }
    if (limiter.primary(identity, authenticated, now).remaining <= 0) {
        *countsAgainstPrimary = false;
        const Account *a = account(login);
        const QString who = a ? QStringLiteral("user ID %1").arg(a->id) : request.peer.toString();
        Reply reply =
            errorReply(403,
                       QStringLiteral("API rate limit exceeded for %1. If you reach out to GitHub Support "
                                      "for help, please include the request ID.")
                           .arg(who),
                       QString(kRateDocs + QStringLiteral("#about-the-primary-rate-limit")));
        return reply;
    }
    auto *rng = QRandomGenerator::global();
    if (faults.badGatewayRate > 0 && rng->generateDouble() < faults.badGatewayRate) {
        *countsAgainstPrimary = false;
        Reply reply;
        reply.status = 502;
        reply.contentType = "text/html; charset=utf-8";
        reply.body = badGatewayPage();
        return reply;
    }
    if (faults.serverErrorRate > 0 && rng->generateDouble() < faults.serverErrorRate)
        return errorReply(500, QStringLiteral("Server Error"), kRestDocs);

    const bool mutating = request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
    GithubRateLimiter::Verdict verdict =
        limiter.admitSecondary(identity, QString(QString::fromLatin1(r->method) + u' ' + r->pattern),
                               mutating, mutating && r->contentCreating, now);
    if (verdict.allowed && faults.secondaryRate > 0 && rng->generateDouble() < faults.secondaryRate) {
        verdict.allowed = false;
        verdict.status = 403;
        verdict.retryAfterSeconds = 60;
        verdict.reason = QStringLiteral("injected fault");
    }
    if (!verdict.allowed) {
        qCDebug(lcSandboxGithub) << "secondary rate limit for" << identity << ":" << verdict.reason;
        Reply reply =
            errorReply(verdict.status,
                       QStringLiteral("You have exceeded a secondary rate limit. Please wait a few minutes "
                                      "before you try again. If you reach out to GitHub Support for help, "
                                      "please include the request ID."),
                       QString(kRateDocs + QStringLiteral("#about-secondary-rate-limits")));
        reply.headers.append({"retry-after", QByteArray::number(verdict.retryAfterSeconds)});
        return reply;
    }

    Call call;
    call.request = &request;
    call.params = params;
    call.login = login;
    call.scopes = scopes;
    call.docs = r->docs;
    if (mutating && !request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError)
            return errorReply(400, QStringLiteral("Problems parsing JSON"), r->docs);
        if (!doc.isObject())
            return errorReply(400, QStringLiteral("Body should be a JSON object"), r->docs);
        call.body = doc.object();
    }
    if (r->repoAccess) {
        Reply error;
        call.repo = repoFor(call, *r->repoAccess, &error);
        if (!call.repo)
            return error;
        if (r->needsCommits && call.repo->isEmpty())
            return emptyRepository(call.docs);
        if (r->needsPull) {
            const auto pull = call.repo->pulls.find(call.param(QStringLiteral("number")).toInt());
            if (pull == call.repo->pulls.end())
                return notFound(call.docs);
            call.pull = &*pull;
        }
    }
    return (this->*(r->handler))(call);
}

// ---- device flow -------------------------------------------------------------------

void GithubApi::Private::serveDeviceFlow(const HttpRequest &request, HttpResponse *response)
{
    // Parameters come as a form, JSON or the query string, as github.com takes them.
    QHash<QString, QString> params;
    for (const auto &[k, v] : request.query.queryItems(QUrl::FullyDecoded))
        params.insert(k, v);
    const QByteArray type = request.header("content-type").toLower();
    if (type.contains("json") || request.body.trimmed().startsWith('{')) {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            params.insert(it.key(),
                          it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    } else if (!request.body.isEmpty()) {
        QByteArray form = request.body;
        form.replace('+', ' ');
        const QUrlQuery q(QString::fromUtf8(form));
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
            params.insert(k, v);
    }
    const bool wantsJson = request.header("accept").contains("application/json");
    const auto answer = [&](int status, const QList<QPair<QString, QJsonValue>> &fields) {
        if (wantsJson) {
            QJsonObject o;
            for (const auto &[k, v] : fields)
                o.insert(k, v);
            response->send(status, "application/json; charset=utf-8", toJson(o));
            return;
        }
        QUrlQuery q;
        for (const auto &[k, v] : fields)
            q.addQueryItem(k, v.isString() ? v.toString() : QString::number(v.toInteger()));
        response->send(status, "application/x-www-form-urlencoded; charset=utf-8",
                       q.toString(QUrl::FullyEncoded).toUtf8());
    };
    const auto fail = [&](int status, const char *code, const QString &description,
                          const QList<QPair<QString, QJsonValue>> &extra = {}) {
        QList<QPair<QString, QJsonValue>> fields{{QStringLiteral("error"), QString::fromLatin1(code)},
                                                 {QStringLiteral("error_description"), description},
                                                 {QStringLiteral("error_uri"), kDeviceErrorDocs}};
        answer(status, fields + extra);
    };
    const QString clientId = params.value(QStringLiteral("client_id"));
    const auto clientProblem = [&]() -> bool {
        if (clientId.isEmpty() || (!oauthApps.isEmpty() && !oauthApps.contains(clientId))) {
            fail(request.path == "/login/device/code" ? 400 : 200, "incorrect_client_credentials",
                 QStringLiteral("The client_id is not one this server knows."));
            return true;
        }
        if (!oauthApps.value(clientId, true)) {
            fail(request.path == "/login/device/code" ? 400 : 200, "device_flow_disabled",
                 QStringLiteral("Device flow is not enabled for this app."));
            return true;
        }
        return false;
    };

    if (request.path == "/login/device") {
        // The page a person opens; the sandbox's stand-in for signing in is a login field.
        if (request.method == "POST") {
            // The page's Cancel button sends action=deny.
            const bool deny = params.value(QStringLiteral("action")) == QLatin1String("deny");
            const bool ok = deny ? q->denyDevice(params.value(QStringLiteral("user_code")))
                                 : q->approveDevice(params.value(QStringLiteral("user_code")),
                                                    params.value(QStringLiteral("login")));
            response->send(
                ok ? 200 : 422, "text/html; charset=utf-8",
                ok ? QByteArrayLiteral("<!DOCTYPE html><title>Device activated</title>"
                                       "<p>The device is now connected. You can close this page.</p>")
                   : QByteArrayLiteral(
                         "<!DOCTYPE html><title>Device activation failed</title>"
                         "<p>That code is unknown or expired, or the login does not exist.</p>"));
            return;
        }
        response->send(
            200, "text/html; charset=utf-8",
            QByteArrayLiteral("<!DOCTYPE html><title>Device activation</title><form method=\"post\">"
                              "<label>Code <input name=\"user_code\"></label> "
                              "<label>Sign in as <input name=\"login\"></label> "
                              "<button>Continue</button> "
                              "<button name=\"action\" value=\"deny\">Cancel</button></form>"));
        return;
    }
    if (request.method != "POST") {
        response->send(404, "text/plain; charset=utf-8", "Not Found");
        return;
    }

    const qint64 now = nowMs();
    if (request.path == "/login/device/code") {
        if (clientProblem())
            return;
        DeviceGrant grant;
        QByteArray code(20, Qt::Uninitialized);
        for (char &c : code)
            c = char(QRandomGenerator::system()->bounded(256));
        grant.deviceCode = QString::fromLatin1(code.toHex());
        static const char alphabet[] = "BCDFGHJKLMNPQRSTVWXZ23456789"; // no vowels, no look-alikes
        do {
            grant.userCode.clear();
            for (int i = 0; i < 8; ++i) {
                if (i == 4)
                    grant.userCode.append(u'-');
                grant.userCode.append(
                    QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]));
            }
        } while (userCodes.contains(grant.userCode));
        grant.clientId = clientId;
        grant.scopes = params.value(QStringLiteral("scope"))
                           .split(QRegularExpression(QStringLiteral("[ ,]+")), Qt::SkipEmptyParts);
        grant.intervalMs = options.devicePollIntervalMs;
        grant.expiresAtMs = now + qint64(options.deviceCodeLifetimeSeconds) * 1000;
        grant.lastPollMs = now;
        devices.insert(grant.deviceCode, grant);
        userCodes.insert(grant.userCode, grant.deviceCode);
        answer(200, {{QStringLiteral("device_code"), grant.deviceCode},
                     {QStringLiteral("user_code"), grant.userCode},
                     {QStringLiteral("verification_uri"), QString(base + QStringLiteral("/login/device"))},
                     {QStringLiteral("expires_in"), options.deviceCodeLifetimeSeconds},
                     {QStringLiteral("interval"), int((grant.intervalMs + 999) / 1000)}});
        return;
    }

    // POST /login/oauth/access_token: errors come with 200, as on github.com.
    if (clientProblem())
        return;
    if (params.value(QStringLiteral("grant_type")) != kDeviceGrantType) {
        fail(200, "unsupported_grant_type",
             QStringLiteral("The grant type must be %1 for the device flow.").arg(kDeviceGrantType));
        return;
    }
    auto it = devices.find(params.value(QStringLiteral("device_code")));
    if (it == devices.end() || it->clientId != clientId) {
        fail(200, "incorrect_device_code", QStringLiteral("The device_code is not valid."));
        return;
    }
    DeviceGrant &grant = *it;
    if (now >= grant.expiresAtMs) {
        fail(200, "expired_token", QStringLiteral("The device code has expired. Start the login again."));
        return;
    }
    if (grant.state == DeviceGrant::State::Denied) {
        fail(200, "access_denied", QStringLiteral("The user cancelled the authorization."));
        return;
    }
    if (grant.state == DeviceGrant::State::Approved) {
        const QByteArray token = q->issueToken(grant.login, grant.scopes);
        userCodes.remove(grant.userCode);
        const QString scope = grant.scopes.join(u',');
        devices.erase(it);
        answer(200, {{QStringLiteral("access_token"), QString::fromLatin1(token)},
                     {QStringLiteral("token_type"), QStringLiteral("bearer")},
                     {QStringLiteral("scope"), scope}});
        return;
    }
    if (now - grant.lastPollMs < grant.intervalMs) {
        grant.intervalMs += options.deviceSlowDownStepMs;
        grant.lastPollMs = now;
        fail(200, "slow_down", QStringLiteral("Polling too often: wait the interval between requests."),
             {{QStringLiteral("interval"), int((grant.intervalMs + 999) / 1000)}});
        return;
    }
    grant.lastPollMs = now;
    fail(200, "authorization_pending", QStringLiteral("The user has not entered the code yet."));
}

bool GithubApi::approveDevice(const QString &userCode, const QString &login)
{
    QString code = userCode.trimmed().toUpper();
    if (code.size() == 8 && !code.contains(u'-'))
        code.insert(4, u'-');
    const auto it = d->userCodes.constFind(code);
    const Account *user = d->account(login);
    if (it == d->userCodes.cend() || !user || user->organization)
        return false;
    DeviceGrant &grant = d->devices[*it];
    if (nowMs() >= grant.expiresAtMs || grant.state != DeviceGrant::State::Pending)
        return false;
    grant.state = DeviceGrant::State::Approved;
    grant.login = user->login;
    return true;
}

bool GithubApi::denyDevice(const QString &userCode)
{
    QString code = userCode.trimmed().toUpper();
    if (code.size() == 8 && !code.contains(u'-'))
        code.insert(4, u'-');
    const auto it = d->userCodes.constFind(code);
    if (it == d->userCodes.cend())
        return false;
    d->devices[*it].state = DeviceGrant::State::Denied;
    return true;
}

// ---- accounts ----------------------------------------------------------------------

GithubApi::GithubApi(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

GithubApi::~GithubApi() = default;

void GithubApi::setBaseUrl(const QUrl &url)
{
    QString text = url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (text.endsWith(u'/'))
        text.chop(1);
    d->base = text;
}

QUrl GithubApi::baseUrl() const
{
    return QUrl(d->base);
}

void GithubApi::setLimits(const GithubLimits &limits)
{
    d->limiter.setLimits(limits);
}

const GithubLimits &GithubApi::limits() const
{
    return d->limiter.limits();
}

void GithubApi::setOptions(const GithubOptions &options)
{
    d->options = options;
}

const GithubOptions &GithubApi::options() const
{
    return d->options;
}

void GithubApi::setFaults(const GithubFaults &faults)
{
    d->faults = faults;
}

GitStore &GithubApi::store()
{
    return d->store;
}

const GitStore &GithubApi::store() const
{
    return d->store;
}

const GithubRateLimiter &GithubApi::rateLimiter() const
{
    return d->limiter;
}

Account *GithubApi::Private::account(const QString &login)
{
    if (login.isEmpty())
        return nullptr;
    const auto it = accounts.find(login.toLower());
    return it == accounts.end() ? nullptr : &*it;
}

const Account *GithubApi::Private::account(const QString &login) const
{
    if (login.isEmpty())
        return nullptr;
    const auto it = accounts.constFind(login.toLower());
    return it == accounts.cend() ? nullptr : &*it;
}

void GithubApi::addUser(const QString &login, const QString &name, const QString &email)
{
    Account &a = d->accounts[login.toLower()];
    if (a.id == 0) {
        a.id = ++d->nextId;
        a.login = login;
        a.createdAt = nowSeconds();
    }
    if (!name.isEmpty())
        a.name = name;
    if (!email.isEmpty()) {
        d->emailIndex.remove(a.email.toLower());
        a.email = email;
        d->emailIndex.insert(email.toLower(), login.toLower());
    }
}

QByteArray GithubApi::issueToken(const QString &login, const QStringList &scopes)
{
    const Account *a = d->account(login);
    if (!a || a->organization)
        return {};
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray token = "ghp_";
    for (int i = 0; i < 36; ++i)
        token.append(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet - 1))]);
    addToken(token, a->login, scopes);
    return token;
}

bool GithubApi::addToken(const QByteArray &token, const QString &login, const QStringList &scopes)
{
    const Account *a = d->account(login);
    if (!a || a->organization || token.isEmpty())
        return false;
    d->tokens.insert(token, Token{a->login, scopes});
    if (!d->firstToken.contains(login.toLower()))
        d->firstToken.insert(login.toLower(), token);
    return true;
}

QByteArray GithubApi::tokenFor(const QString &login) const
{
    return d->firstToken.value(login.toLower());
}

void GithubApi::addOrganization(const QString &org, const QString &displayName)
{
    Account &a = d->accounts[org.toLower()];
    if (a.id == 0) {
        a.id = ++d->nextId;
        a.login = org;
        a.organization = true;
        a.createdAt = nowSeconds();
    }
    if (!displayName.isEmpty())
        a.name = displayName;
}

bool GithubApi::setOrgMember(const QString &org, const QString &login, const QString &role)
{
    Account *o = d->account(org);
    const Account *user = d->account(login);
    if (!o || !o->organization || !user || user->organization)
        return false;
    if (role.isEmpty()) {
        o->members.remove(login.toLower());
        return true;
    }
    if (role != QLatin1String("admin") && role != QLatin1String("member"))
        return false;
    o->members.insert(login.toLower(), role);
    return true;
}

void GithubApi::registerOAuthApp(const QString &clientId, bool deviceFlowEnabled)
{
    d->oauthApps.insert(clientId, deviceFlowEnabled);
}

// ---- users and organisations ----------------------------------------------------------

QJsonObject GithubApi::Private::simpleUser(const Account &a) const
{
    const QString api = apiUrl(QStringLiteral("/users/") + a.login);
    return {
        {QStringLiteral("login"), a.login},
        {QStringLiteral("id"), a.id},
        {QStringLiteral("node_id"), nodeId(a.organization ? u"Organization" : u"User", a.id)},
        {QStringLiteral("avatar_url"),
         QString(base + QStringLiteral("/avatars/u/") + QString::number(a.id) + QStringLiteral("?v=4"))},
        {QStringLiteral("gravatar_id"), QString()},
        {QStringLiteral("url"), api},
        {QStringLiteral("html_url"), htmlUrl(QStringLiteral("/") + a.login)},
        {QStringLiteral("repos_url"), QString(api + QStringLiteral("/repos"))},
        {QStringLiteral("organizations_url"), QString(api + QStringLiteral("/orgs"))},
        {QStringLiteral("type"), a.organization ? QStringLiteral("Organization") : QStringLiteral("User")},
        {QStringLiteral("user_view_type"), QStringLiteral("public")},
        {QStringLiteral("site_admin"), false}};
}

QJsonValue GithubApi::Private::userOrNull(const QString &login) const
{
    const Account *a = account(login);
    return a ? QJsonValue(simpleUser(*a)) : QJsonValue(QJsonValue::Null);
}

QJsonValue GithubApi::Private::userByEmail(const QString &email) const
{
    // GitHub links a commit to an account by a verified email or the account's noreply address.
    static const QRegularExpression noreply(
        QStringLiteral("^(\\d+\\+)?([^@]+)@users\\.noreply\\.github\\.com$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = noreply.match(email);
    const Account *a = m.hasMatch() ? account(m.captured(2)) : account(emailIndex.value(email.toLower()));
    return a && !a->organization ? QJsonValue(simpleUser(*a)) : QJsonValue(QJsonValue::Null);
}

QString GithubApi::Private::noreplyEmail(const Account &user) const
{
    return QStringLiteral("%1+%2@users.noreply.github.com").arg(user.id).arg(user.login);
}

QJsonObject GithubApi::Private::fullUser(const Account &a, bool self) const
{
    QJsonObject o = simpleUser(a);
    int publicRepos = 0;
    int privateRepos = 0;
    for (const Repo *r : reposByOwner.value(a.login.toLower()))
        (r->isPrivate ? privateRepos : publicRepos)++;
    o.insert(QStringLiteral("name"), a.name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.name));
    o.insert(QStringLiteral("company"), QJsonValue::Null);
    o.insert(QStringLiteral("blog"), QString());
    o.insert(QStringLiteral("location"), QJsonValue::Null);
    o.insert(QStringLiteral("email"), a.email.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.email));
    o.insert(QStringLiteral("hireable"), QJsonValue::Null);
    o.insert(QStringLiteral("bio"), QJsonValue::Null);
    o.insert(QStringLiteral("twitter_username"), QJsonValue::Null);
    o.insert(QStringLiteral("public_repos"), publicRepos);
    o.insert(QStringLiteral("public_gists"), 0);
    o.insert(QStringLiteral("followers"), 0);
    o.insert(QStringLiteral("following"), 0);
    o.insert(QStringLiteral("created_at"), isoTime(a.createdAt));
    o.insert(QStringLiteral("updated_at"), isoTime(a.createdAt));
    if (self) {
        o.insert(QStringLiteral("private_gists"), 0);
        o.insert(QStringLiteral("total_private_repos"), privateRepos);
        o.insert(QStringLiteral("owned_private_repos"), privateRepos);
        o.insert(QStringLiteral("disk_usage"), 0);
        o.insert(QStringLiteral("collaborators"), 0);
        o.insert(QStringLiteral("two_factor_authentication"), true);
        o.insert(QStringLiteral("plan"), QJsonObject{{QStringLiteral("name"), QStringLiteral("free")},
                                                     {QStringLiteral("space"), 976562499},
                                                     {QStringLiteral("collaborators"), 0},
                                                     {QStringLiteral("private_repos"), 10000}});
    }
    return o;
}

QJsonObject GithubApi::Private::orgJson(const Account &org, bool member) const
{
    const QString api = apiUrl(QStringLiteral("/orgs/") + org.login);
    int publicRepos = 0;
    int privateRepos = 0;
    for (const Repo *r : reposByOwner.value(org.login.toLower()))
        (r->isPrivate ? privateRepos : publicRepos)++;
    QJsonObject o{
        {QStringLiteral("login"), org.login},
        {QStringLiteral("id"), org.id},
        {QStringLiteral("node_id"), nodeId(u"Organization", org.id)},
        {QStringLiteral("url"), api},
        {QStringLiteral("repos_url"), QString(api + QStringLiteral("/repos"))},
        {QStringLiteral("members_url"), QString(api + QStringLiteral("/members{/member}"))},
        {QStringLiteral("public_members_url"), QString(api + QStringLiteral("/public_members{/member}"))},
        {QStringLiteral("avatar_url"),
         QString(base + QStringLiteral("/avatars/u/") + QString::number(org.id) + QStringLiteral("?v=4"))},
        {QStringLiteral("description"), QString()},
        {QStringLiteral("name"), org.name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(org.name)},
        {QStringLiteral("company"), QJsonValue::Null},
        {QStringLiteral("blog"), QString()},
        {QStringLiteral("location"), QJsonValue::Null},
        {QStringLiteral("email"), QJsonValue::Null},
        {QStringLiteral("is_verified"), false},
        {QStringLiteral("has_organization_projects"), true},
        {QStringLiteral("has_repository_projects"), true},
        {QStringLiteral("public_repos"), publicRepos},
        {QStringLiteral("public_gists"), 0},
        {QStringLiteral("followers"), 0},
        {QStringLiteral("following"), 0},
        {QStringLiteral("html_url"), htmlUrl(QStringLiteral("/") + org.login)},
        {QStringLiteral("created_at"), isoTime(org.createdAt)},
        {QStringLiteral("updated_at"), isoTime(org.createdAt)},
        {QStringLiteral("archived_at"), QJsonValue::Null},
        {QStringLiteral("type"), QStringLiteral("Organization")}};
    if (member) {
        o.insert(QStringLiteral("total_private_repos"), privateRepos);
        o.insert(QStringLiteral("owned_private_repos"), privateRepos);
        o.insert(QStringLiteral("default_repository_permission"), QStringLiteral("read"));
        o.insert(QStringLiteral("members_can_create_repositories"), true);
        o.insert(QStringLiteral("two_factor_requirement_enabled"), false);
    }
    return o;
}

Reply GithubApi::Private::getRateLimit(Call &call)
{
    const QString identity = call.param(QStringLiteral("identity"));
    const GithubRateLimiter::Primary p = limiter.peekPrimary(identity, !call.login.isEmpty(), nowMs());
    const auto resource = [](int limit, int remaining, int used, qint64 reset, const char *name) {
        return QJsonObject{{QStringLiteral("limit"), limit},
                           {QStringLiteral("remaining"), remaining},
                           {QStringLiteral("reset"), reset},
                           {QStringLiteral("used"), used},
                           {QStringLiteral("resource"), QLatin1String(name)}};
    };
    const qint64 minute = nowSeconds() + 60;
    const QJsonObject core = resource(p.limit, p.remaining, p.used, p.resetEpochSeconds, "core");
    const QJsonObject resources{
        {QStringLiteral("core"), core},
        {QStringLiteral("search"), resource(30, 30, 0, minute, "search")},
        {QStringLiteral("code_search"), resource(10, 10, 0, minute, "code_search")},
        {QStringLiteral("graphql"), resource(p.limit, p.limit, 0, p.resetEpochSeconds, "graphql")},
        {QStringLiteral("integration_manifest"),
         resource(5000, 5000, 0, p.resetEpochSeconds, "integration_manifest")}};
    return jsonReply(200,
                     QJsonObject{{QStringLiteral("resources"), resources}, {QStringLiteral("rate"), core}});
}

Reply GithubApi::Private::getAuthenticatedUser(Call &call)
{
    const Account *a = account(call.login);
    if (!a)
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    return jsonReply(200, fullUser(*a, true));
}

Reply GithubApi::Private::getUser(Call &call)
{
    const Account *a = account(call.param(QStringLiteral("username")));
    if (!a)
        return notFound(call.docs);
    if (a->organization)
        return jsonReply(200, orgJson(*a, false));
    return jsonReply(200, fullUser(*a, a->login.compare(call.login, Qt::CaseInsensitive) == 0));
}

Reply GithubApi::Private::getOrg(Call &call)
{
    const Account *org = account(call.param(QStringLiteral("org")));
    if (!org || !org->organization)
        return notFound(call.docs);
    return jsonReply(200, orgJson(*org, org->members.contains(call.login.toLower())));
}

Reply GithubApi::Private::listMyOrgs(Call &call)
{
    if (call.login.isEmpty())
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    QList<const Account *> orgs;
    for (const Account &a : accounts) {
        if (a.organization && a.members.contains(call.login.toLower()))
            orgs.append(&a);
    }
    std::sort(orgs.begin(), orgs.end(), [](const Account *x, const Account *y) { return x->id < y->id; });
    const Page page = pageOf(call);
    QJsonArray out;
    for (qsizetype i = qsizetype(page.page - 1) * page.perPage; i < orgs.size() && out.size() < page.perPage;
         ++i) {
        const Account *o = orgs.at(i);
        out.append(QJsonObject{{QStringLiteral("login"), o->login},
                               {QStringLiteral("id"), o->id},
                               {QStringLiteral("node_id"), nodeId(u"Organization", o->id)},
                               {QStringLiteral("url"), apiUrl(QStringLiteral("/orgs/") + o->login)},
                               {QStringLiteral("description"), QString()}});
    }
    Reply r = jsonReply(200, out);
    paginate(call, int(orgs.size()), page, &r);
    return r;
}

Reply GithubApi::Private::listOrgMembers(Call &call)
{
    const Account *org = account(call.param(QStringLiteral("org")));
    if (!org || !org->organization)
        return notFound(call.docs);
    if (!org->members.contains(call.login.toLower()))
        return jsonReply(200, QJsonArray()); // only public members, and the sandbox has none
    QList<const Account *> members;
    for (auto it = org->members.cbegin(); it != org->members.cend(); ++it) {
        if (const Account *a = account(it.key())) {
            const QString role = call.query(QStringLiteral("role"));
            if (role.isEmpty() || role == QLatin1String("all") ||
                (role == QLatin1String("admin")) == (*it == QLatin1String("admin")))
                members.append(a);
        }
    }
    std::sort(members.begin(), members.end(),
              [](const Account *x, const Account *y) { return x->id < y->id; });
    const Page page = pageOf(call);
    QJsonArray out;
    for (qsizetype i = qsizetype(page.page - 1) * page.perPage;
         i < members.size() && out.size() < page.perPage; ++i)
        out.append(simpleUser(*members.at(i)));
    Reply r = jsonReply(200, out);
    paginate(call, int(members.size()), page, &r);
    return r;
}

Reply GithubApi::Private::getMyOrgMembership(Call &call)
{
    const Account *org = account(call.param(QStringLiteral("org")));
    const Account *me = account(call.login);
    if (!me)
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    if (!org || !org->organization || !org->members.contains(me->login.toLower()))
        return notFound(call.docs);
    return jsonReply(
        200, QJsonObject{{QStringLiteral("url"), apiUrl(QStringLiteral("/orgs/") + org->login +
                                                        QStringLiteral("/memberships/") + me->login)},
                         {QStringLiteral("state"), QStringLiteral("active")},
                         {QStringLiteral("role"), org->members.value(me->login.toLower())},
                         {QStringLiteral("organization_url"), apiUrl(QStringLiteral("/orgs/") + org->login)},
                         {QStringLiteral("organization"), orgJson(*org, true)},
                         {QStringLiteral("user"), simpleUser(*me)}});
}

void GithubApi::Private::paginate(const Call &call, int total, const Page &page, Reply *reply) const
{
    const int last = std::max(1, (total + page.perPage - 1) / page.perPage);
    const auto link = [&](int n, const char *rel) {
        QUrlQuery q(call.request->query);
        q.removeAllQueryItems(QStringLiteral("page"));
        q.addQueryItem(QStringLiteral("page"), QString::number(n));
        return QByteArray('<' + base.toUtf8() + call.request->path + '?' +
                          q.toString(QUrl::FullyEncoded).toUtf8() + ">; rel=\"" + rel + '"');
    };
    QList<QByteArray> links;
    if (page.page > 1)
        links.append(link(std::min(page.page - 1, last), "prev"));
    if (page.page < last) {
        links.append(link(page.page + 1, "next"));
        links.append(link(last, "last"));
    }
    if (page.page > 1)
        links.append(link(1, "first"));
    if (!links.isEmpty())
        reply->headers.append({"link", links.join(", ")});
}

// ---- persistence ---------------------------------------------------------------------

bool GithubApi::save(const QString &dir, QString *error)
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dir);
        return false;
    }
    if (!d->store.save(dir, error))
        return false;
    QJsonArray users;
    for (const Account &a : std::as_const(d->accounts)) {
        QJsonObject members;
        for (auto it = a.members.cbegin(); it != a.members.cend(); ++it)
            members.insert(it.key(), *it);
        users.append(QJsonObject{{QStringLiteral("id"), a.id},
                                 {QStringLiteral("login"), a.login},
                                 {QStringLiteral("name"), a.name},
                                 {QStringLiteral("email"), a.email},
                                 {QStringLiteral("organization"), a.organization},
                                 {QStringLiteral("created"), a.createdAt},
                                 {QStringLiteral("members"), members}});
    }
    QJsonArray tokens;
    for (auto it = d->tokens.cbegin(); it != d->tokens.cend(); ++it) {
        tokens.append(
            QJsonObject{{QStringLiteral("token"), QString::fromLatin1(it.key())},
                        {QStringLiteral("login"), it->login},
                        {QStringLiteral("scopes"), QJsonArray::fromStringList(it->scopes)},
                        {QStringLiteral("first"), d->firstToken.value(it->login.toLower()) == it.key()}});
    }
    QJsonArray repos;
    for (const auto &[key, repo] : d->repos) {
        QJsonObject refs;
        for (auto it = repo->refs.cbegin(); it != repo->refs.cend(); ++it)
            refs.insert(it.key(), QString::fromLatin1(*it));
        QJsonObject pendingRefs;
        for (auto it = repo->pendingRefs.cbegin(); it != repo->pendingRefs.cend(); ++it)
            pendingRefs.insert(it.key(), QString::fromLatin1(*it));
        QJsonObject collaborators;
        for (auto it = repo->collaborators.cbegin(); it != repo->collaborators.cend(); ++it)
            collaborators.insert(it.key(), *it);
        QJsonArray pulls;
        for (const Pull &p : repo->pulls) {
            pulls.append(QJsonObject{{QStringLiteral("number"), p.number},
                                     {QStringLiteral("id"), p.id},
                                     {QStringLiteral("title"), p.title},
                                     {QStringLiteral("body"), p.body},
                                     {QStringLiteral("author"), p.author},
                                     {QStringLiteral("open"), p.open},
                                     {QStringLiteral("merged"), p.merged},
                                     {QStringLiteral("draft"), p.draft},
                                     {QStringLiteral("maintainerCanModify"), p.maintainerCanModify},
                                     {QStringLiteral("headRepo"), p.headRepo},
                                     {QStringLiteral("headRef"), p.headRef},
                                     {QStringLiteral("baseRef"), p.baseRef},
                                     {QStringLiteral("headSha"), QString::fromLatin1(p.headSha)},
                                     {QStringLiteral("baseSha"), QString::fromLatin1(p.baseSha)},
                                     {QStringLiteral("created"), p.createdAt},
                                     {QStringLiteral("updated"), p.updatedAt},
                                     {QStringLiteral("closed"), p.closedAt},
                                     {QStringLiteral("mergedAt"), p.mergedAt},
                                     {QStringLiteral("mergeCommit"), QString::fromLatin1(p.mergeCommit)},
                                     {QStringLiteral("mergedBy"), p.mergedBy}});
        }
        repos.append(QJsonObject{{QStringLiteral("id"), repo->id},
                                 {QStringLiteral("owner"), repo->owner},
                                 {QStringLiteral("name"), repo->name},
                                 {QStringLiteral("description"), repo->description},
                                 {QStringLiteral("private"), repo->isPrivate},
                                 {QStringLiteral("template"), repo->isTemplate},
                                 {QStringLiteral("defaultBranch"), repo->defaultBranch},
                                 {QStringLiteral("refs"), refs},
                                 {QStringLiteral("collaborators"), collaborators},
                                 {QStringLiteral("parent"), repo->parent},
                                 {QStringLiteral("source"), repo->source},
                                 {QStringLiteral("templateRepo"), repo->templateRepo},
                                 {QStringLiteral("created"), repo->createdAt},
                                 {QStringLiteral("updated"), repo->updatedAt},
                                 {QStringLiteral("pushed"), repo->pushedAt},
                                 {QStringLiteral("forkPending"), repo->forkPending},
                                 {QStringLiteral("pendingRefs"), pendingRefs},
                                 {QStringLiteral("nextNumber"), repo->nextNumber},
                                 {QStringLiteral("pulls"), pulls}});
    }
    QJsonObject deploy;
    for (auto it = d->deployCommits.cbegin(); it != d->deployCommits.cend(); ++it)
        deploy.insert(it.key(), QString::fromLatin1(*it));
    QJsonObject students;
    for (auto it = d->studentRepos.cbegin(); it != d->studentRepos.cend(); ++it)
        students.insert(it.key(), *it);
    QJsonObject apps;
    for (auto it = d->oauthApps.cbegin(); it != d->oauthApps.cend(); ++it)
        apps.insert(it.key(), *it);
    const QJsonObject state{{QStringLiteral("version"), 1},
                            {QStringLiteral("nextId"), d->nextId},
                            {QStringLiteral("users"), users},
                            {QStringLiteral("tokens"), tokens},
                            {QStringLiteral("oauthApps"), apps},
                            {QStringLiteral("repos"), repos},
                            {QStringLiteral("deployCommits"), deploy},
                            {QStringLiteral("studentRepos"), students}};
    QSaveFile file(dir + u'/' + kStateFile);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(state).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool GithubApi::load(const QString &dir, QString *error)
{
    if (!d->store.load(dir, error))
        return false;
    QFile file(dir + u'/' + kStateFile);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || state.value(QStringLiteral("version")).toInt() != 1) {
        if (error)
            *error = QStringLiteral("%1 is not a GitHub sandbox state file (version 1): %2")
                         .arg(file.fileName(), parseError.errorString());
        return false;
    }
    d->accounts.clear();
    d->tokens.clear();
    d->firstToken.clear();
    d->emailIndex.clear();
    d->repos.clear();
    d->reposByOwner.clear();
    d->forkCounts.clear();
    d->deployCommits.clear();
    d->studentRepos.clear();
    d->oauthApps.clear();
    d->nextId = state.value(QStringLiteral("nextId")).toInteger(1000);
    for (const QJsonValue &v : state.value(QStringLiteral("users")).toArray()) {
        const QJsonObject o = v.toObject();
        Account a;
        a.id = o.value(QStringLiteral("id")).toInteger();
        a.login = o.value(QStringLiteral("login")).toString();
        a.name = o.value(QStringLiteral("name")).toString();
        a.email = o.value(QStringLiteral("email")).toString();
        a.organization = o.value(QStringLiteral("organization")).toBool();
        a.createdAt = o.value(QStringLiteral("created")).toInteger();
        const QJsonObject members = o.value(QStringLiteral("members")).toObject();
        for (auto it = members.begin(); it != members.end(); ++it)
            a.members.insert(it.key(), it.value().toString());
        if (!a.email.isEmpty() && !a.organization)
            d->emailIndex.insert(a.email.toLower(), a.login.toLower());
        d->accounts.insert(a.login.toLower(), a);
    }
    for (const QJsonValue &v : state.value(QStringLiteral("tokens")).toArray()) {
        const QJsonObject o = v.toObject();
        const QByteArray token = o.value(QStringLiteral("token")).toString().toLatin1();
        const QString login = o.value(QStringLiteral("login")).toString();
        QStringList scopes;
        for (const QJsonValue &s : o.value(QStringLiteral("scopes")).toArray())
            scopes.append(s.toString());
        d->tokens.insert(token, Token{login, scopes});
        if (o.value(QStringLiteral("first")).toBool())
            d->firstToken.insert(login.toLower(), token);
    }
    const QJsonObject apps = state.value(QStringLiteral("oauthApps")).toObject();
    for (auto it = apps.begin(); it != apps.end(); ++it)
        d->oauthApps.insert(it.key(), it.value().toBool());
    for (const QJsonValue &v : state.value(QStringLiteral("repos")).toArray()) {
        const QJsonObject o = v.toObject();
        Repo *repo = d->addRepo(o.value(QStringLiteral("owner")).toString(),
                                o.value(QStringLiteral("name")).toString());
        repo->id = o.value(QStringLiteral("id")).toInteger();
        repo->description = o.value(QStringLiteral("description")).toString();
        repo->isPrivate = o.value(QStringLiteral("private")).toBool();
        repo->isTemplate = o.value(QStringLiteral("template")).toBool();
        repo->defaultBranch = o.value(QStringLiteral("defaultBranch")).toString();
        const QJsonObject refs = o.value(QStringLiteral("refs")).toObject();
        for (auto it = refs.begin(); it != refs.end(); ++it)
            repo->refs.insert(it.key(), it.value().toString().toLatin1());
        const QJsonObject collaborators = o.value(QStringLiteral("collaborators")).toObject();
        for (auto it = collaborators.begin(); it != collaborators.end(); ++it)
            repo->collaborators.insert(it.key(), it.value().toString());
        repo->parent = o.value(QStringLiteral("parent")).toString();
        if (!repo->parent.isEmpty())
            ++d->forkCounts[repo->parent.toLower()];
        repo->source = o.value(QStringLiteral("source")).toString();
        repo->templateRepo = o.value(QStringLiteral("templateRepo")).toString();
        repo->createdAt = o.value(QStringLiteral("created")).toInteger();
        repo->updatedAt = o.value(QStringLiteral("updated")).toInteger();
        repo->pushedAt = o.value(QStringLiteral("pushed")).toInteger();
        repo->forkPending = o.value(QStringLiteral("forkPending")).toBool();
        repo->nextNumber = o.value(QStringLiteral("nextNumber")).toInt(1);
        for (const QJsonValue &pv : o.value(QStringLiteral("pulls")).toArray()) {
            const QJsonObject po = pv.toObject();
            Pull p;
            p.number = po.value(QStringLiteral("number")).toInt();
            p.id = po.value(QStringLiteral("id")).toInteger();
            p.title = po.value(QStringLiteral("title")).toString();
            p.body = po.value(QStringLiteral("body")).toString();
            p.author = po.value(QStringLiteral("author")).toString();
            p.open = po.value(QStringLiteral("open")).toBool();
            p.merged = po.value(QStringLiteral("merged")).toBool();
            p.draft = po.value(QStringLiteral("draft")).toBool();
            p.maintainerCanModify = po.value(QStringLiteral("maintainerCanModify")).toBool();
            p.headRepo = po.value(QStringLiteral("headRepo")).toString();
            p.headRef = po.value(QStringLiteral("headRef")).toString();
            p.baseRef = po.value(QStringLiteral("baseRef")).toString();
            p.headSha = po.value(QStringLiteral("headSha")).toString().toLatin1();
            p.baseSha = po.value(QStringLiteral("baseSha")).toString().toLatin1();
            p.createdAt = po.value(QStringLiteral("created")).toInteger();
            p.updatedAt = po.value(QStringLiteral("updated")).toInteger();
            p.closedAt = po.value(QStringLiteral("closed")).toInteger();
            p.mergedAt = po.value(QStringLiteral("mergedAt")).toInteger();
            p.mergeCommit = po.value(QStringLiteral("mergeCommit")).toString().toLatin1();
            p.mergedBy = po.value(QStringLiteral("mergedBy")).toString();
            repo->pulls.insert(p.number, p);
        }
        const QJsonObject pending = o.value(QStringLiteral("pendingRefs")).toObject();
        for (auto it = pending.begin(); it != pending.end(); ++it)
            repo->pendingRefs.insert(it.key(), it.value().toString().toLatin1());
        if (repo->forkPending) // saved before the copy ran: finish it now
            d->finishFork(*repo);
    }
    const QJsonObject deploy = state.value(QStringLiteral("deployCommits")).toObject();
    for (auto it = deploy.begin(); it != deploy.end(); ++it)
        d->deployCommits.insert(it.key(), it.value().toString().toLatin1());
    const QJsonObject students = state.value(QStringLiteral("studentRepos")).toObject();
    for (auto it = students.begin(); it != students.end(); ++it)
        d->studentRepos.insert(it.key(), it.value().toString());
    return true;
}

} // namespace sandbox
