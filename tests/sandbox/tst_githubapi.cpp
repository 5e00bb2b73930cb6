// The simulated GitHub over HTTP, driven with QNetworkAccessManager as a
// client would: users and auth, repositories, contents, git data (checked
// against real git), compare, pulls, forks, rate limits, ETags, the device
// flow, faults, seeding and persistence.

#include "sandbox/githubapi.h"
#include "sandbox/httpserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace sandbox;
using namespace Qt::StringLiterals;

int runGithubDiffTests(int argc, char **argv);

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    QString message() const { return object().value(u"message"_s).toString(); }
    QString str(const QString &key) const { return object().value(key).toString(); }
};

QByteArray gitBlobId(const QByteArray &content)
{
    return QCryptographicHash::hash(QByteArray("blob " + QByteArray::number(content.size()) + '\0' + content),
                                    QCryptographicHash::Sha1)
        .toHex();
}

QByteArray decodeContent(const QJsonObject &file)
{
    return QByteArray::fromBase64(file.value(u"content"_s).toString().toLatin1());
}

// rel -> page number, from a Link header.
QHash<QString, int> linkPages(const QByteArray &link)
{
    QHash<QString, int> pages;
    static const QRegularExpression part(u"<([^>]+)>; rel=\"(\\w+)\""_s);
    auto it = part.globalMatch(QString::fromLatin1(link));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        pages.insert(m.captured(2), QUrlQuery(QUrl(m.captured(1)).query()).queryItemValue(u"page"_s).toInt());
    }
    return pages;
}

bool hasTool(const char *name)
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(name)).isEmpty();
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// git with no user or system configuration, so nothing signs or rewrites.
Run git(const QString &dir, const QStringList &args, const QByteArray &input = {},
        const QStringList &env = {})
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    e.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    for (const QString &kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    p.start(u"git"_s, args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitCode(), p.readAllStandardOutput().trimmed(), p.readAllStandardError()};
}

bool writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return false;
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                         QFileDevice::ExeOther);
    return true;
}

} // namespace

class GithubApiTest : public QObject
{
    Q_OBJECT

private:
    GithubApi m_api;
    HttpServer m_server;
    QNetworkAccessManager m_nam;
    QString m_base;
    GithubSeed m_seed;

    QNetworkReply *start(const QByteArray &verb, const QString &path, const QByteArray &token,
                         const QJsonValue &body = QJsonValue::Undefined, const HttpHeaders &headers = {})
    {
        QNetworkRequest req(QUrl(m_base + path));
        req.setRawHeader("Accept", "application/vnd.github+json");
        req.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        req.setRawHeader("User-Agent", "courseops-tests");
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        for (const auto &[name, value] : headers)
            req.setRawHeader(name, value);
        QByteArray data;
        if (!body.isUndefined()) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            data = body.isArray() ? QJsonDocument(body.toArray()).toJson()
                                  : QJsonDocument(body.toObject()).toJson();
        }
        return m_nam.sendCustomRequest(req, verb, data);
    }

    static Answer finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(20000);
        }
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            a.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return a;
    }

    Answer call(const QByteArray &verb, const QString &path, const QByteArray &token,
                const QJsonValue &body = QJsonValue::Undefined, const HttpHeaders &headers = {})
    {
        return finish(start(verb, path, token, body, headers));
    }

    Answer get(const QString &path, const QByteArray &token) { return call("GET", path, token); }

    Answer postForm(const QString &path, const QByteArray &form, bool json)
    {
        QNetworkRequest req(QUrl(m_base + path));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        if (json)
            req.setRawHeader("Accept", "application/json");
        return finish(m_nam.post(req, form));
    }

    QByteArray staff() const { return m_seed.staffToken; }

    // Protocol waits (the device flow's interval, a code's lifetime), on a timer's signal.
    static void waitMs(int ms)
    {
        QTimer timer;
        timer.setSingleShot(true);
        QSignalSpy fired(&timer, &QTimer::timeout);
        timer.start(ms);
        QVERIFY(fired.wait(ms + 5000));
    }

    template<typename Attempt> static int retryUntil(Attempt attempt, int wanted, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        int got = attempt();
        while (got != wanted && clock.elapsed() < timeoutMs) {
            waitMs(100);
            got = attempt();
        }
        return got;
    }

    static bool listening(quint16 port)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(200);
    }

    // PUT /contents with the current blob sha when the file exists.
    Answer putFile(const QString &repo, const QString &path, const QByteArray &content, const QString &branch,
                   const QByteArray &token, const QString &message = u"Change a file"_s)
    {
        QJsonObject body{{u"message"_s, message},
                         {u"content"_s, QString::fromLatin1(content.toBase64())},
                         {u"branch"_s, branch}};
        const Answer existing = get(u"/repos/%1/contents/%2?ref=%3"_s.arg(repo, path, branch), token);
        if (existing.status == 200)
            body.insert(u"sha"_s, existing.str(u"sha"_s));
        return call("PUT", u"/repos/%1/contents/%2"_s.arg(repo, path), token, body);
    }

    QString head(const QString &repo, const QString &branch, const QByteArray &token)
    {
        return get(u"/repos/%1/git/ref/heads/%2"_s.arg(repo, branch), token)
            .object()
            .value(u"object"_s)
            .toObject()
            .value(u"sha"_s)
            .toString();
    }

    QString createBranch(const QString &repo, const QString &name, const QString &from,
                         const QByteArray &token)
    {
        const QString sha = head(repo, from, token);
        const Answer a = call("POST", u"/repos/%1/git/refs"_s.arg(repo), token,
                              QJsonObject{{u"ref"_s, QString(u"refs/heads/"_s + name)}, {u"sha"_s, sha}});
        return a.status == 201 ? sha : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        GithubOptions options;
        options.forkDelayMs = 300;
        options.mergeabilityDelayMs = 50;
        options.devicePollIntervalMs = 300;
        options.deviceSlowDownStepMs = 300;
        m_api.setOptions(options);
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_server.setHandler(
            [this](const HttpRequest &r, HttpResponse *response) { m_api.handle(r, response); });
        m_base = u"http://127.0.0.1:%1"_s.arg(m_server.port());
        m_api.setBaseUrl(QUrl(m_base));
        m_nam.setAutoDeleteReplies(false);
        const QList<GithubSeedStudent> students{
            {u"alice"_s, u"Alice Martin"_s, u"alice@students.example.org"_s, u"healthy"_s},
            {u"bob"_s, u"Bob O'Neil"_s, u"bob@students.example.org"_s, u"crash"_s},
            {u"carol"_s, u"Carol Diaz"_s, u"carol@students.example.org"_s, u"missing-module"_s},
            {u"dave"_s, u"Dave Kim"_s, u"dave@students.example.org"_s, u"oom"_s},
            {u"erin"_s, u"Erin Wu"_s, u"erin@students.example.org"_s, u"slow-start"_s},
            {u"frank"_s, u"Frank Ode"_s, u"frank@students.example.org"_s, u"old-commit"_s}};
        m_seed = m_api.seedCourse(u"webapps101"_s, u"starter"_s, students);
        QVERIFY(!m_seed.staffToken.isEmpty());
        QVERIFY(!m_seed.taToken.isEmpty());
    }

    void usersAndAuthentication()
    {
        const Answer me = get(u"/user"_s, staff());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.str(u"login"_s), m_seed.staffLogin);
        QVERIFY(me.header("x-oauth-scopes").split(',').first() == "repo");
        QCOMPARE(me.header("x-ratelimit-limit"), QByteArray("5000"));
        QCOMPARE(me.header("x-ratelimit-resource"), QByteArray("core"));
        QVERIFY(me.header("x-ratelimit-reset").toLongLong() > QDateTime::currentSecsSinceEpoch());

        const Answer bad = get(u"/user"_s, "ghp_not-a-token");
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.message(), u"Bad credentials"_s);
        QVERIFY(!bad.str(u"documentation_url"_s).isEmpty());

        const Answer alice = get(u"/users/alice"_s, staff());
        QCOMPARE(alice.status, 200);
        QCOMPARE(alice.str(u"name"_s), u"Alice Martin"_s);
        QCOMPARE(alice.str(u"type"_s), u"User"_s);
        QCOMPARE(get(u"/users/nobody-here"_s, staff()).status, 404);

        const Answer org = get(u"/orgs/webapps101"_s, m_seed.taToken);
        QCOMPARE(org.status, 200);
        QCOMPARE(org.str(u"type"_s), u"Organization"_s);
        QCOMPARE(get(u"/orgs/no-such-org"_s, staff()).status, 404);
        QCOMPARE(get(u"/user/memberships/orgs/webapps101"_s, staff()).str(u"role"_s), u"admin"_s);
        QCOMPARE(get(u"/user/memberships/orgs/webapps101"_s, m_seed.taToken).str(u"role"_s), u"member"_s);
        QCOMPARE(get(u"/user/memberships/orgs/webapps101"_s, m_api.tokenFor(u"alice"_s)).status, 404);
        QCOMPARE(get(u"/user/orgs"_s, m_seed.taToken).array().first().toObject().value(u"login"_s).toString(),
                 u"webapps101"_s);

        // Unknown versions, trailing slashes and unsupported methods.
        QCOMPARE(
            call("GET", u"/user"_s, staff(), QJsonValue::Undefined, {{"X-GitHub-Api-Version", "1999-01-01"}})
                .status,
            400);
        QCOMPARE(get(u"/user/"_s, staff()).status, 404);
        QCOMPARE(call("DELETE", u"/user"_s, staff()).status, 404);
    }

    void repositoriesWithPagination()
    {
        QSet<QString> names;
        const Answer first = get(u"/orgs/webapps101/repos?per_page=2"_s, staff());
        QCOMPARE(first.status, 200);
        QCOMPARE(first.array().size(), 2);
        const QHash<QString, int> links = linkPages(first.header("link"));
        QCOMPARE(links.value(u"next"_s), 2);
        QCOMPARE(links.value(u"last"_s), 4); // the template and six students, two a page
        QVERIFY(!links.contains(u"prev"_s));
        for (int page = 1; page <= 4; ++page) {
            const Answer a = get(u"/orgs/webapps101/repos?per_page=2&page=%1"_s.arg(page), staff());
            for (const QJsonValue &v : a.array())
                names.insert(v.toObject().value(u"full_name"_s).toString());
            if (page == 4) {
                const QHash<QString, int> lastLinks = linkPages(a.header("link"));
                QCOMPARE(lastLinks.value(u"prev"_s), 3);
                QCOMPARE(lastLinks.value(u"first"_s), 1);
                QVERIFY(!lastLinks.contains(u"next"_s));
            }
        }
        QCOMPARE(names.size(), 7);
        QVERIFY(names.contains(u"webapps101/starter"_s));
        QVERIFY(names.contains(u"webapps101/alice"_s));

        // A student sees the public template and their own repository only.
        const Answer mine = get(u"/orgs/webapps101/repos?per_page=100"_s, m_api.tokenFor(u"alice"_s));
        QCOMPARE(mine.array().size(), 2);
        QCOMPARE(get(u"/repos/webapps101/bob"_s, m_api.tokenFor(u"alice"_s)).status, 404);
        QCOMPARE(get(u"/repos/webapps101/bob"_s, m_api.tokenFor(u"bob"_s)).status, 200);

        const QJsonObject repo = get(u"/repos/webapps101/alice"_s, staff()).object();
        QCOMPARE(repo.value(u"private"_s).toBool(), true);
        QCOMPARE(repo.value(u"is_template"_s).toBool(), false);
        QCOMPARE(repo.value(u"template_repository"_s).toObject().value(u"full_name"_s).toString(),
                 u"webapps101/starter"_s);
        QCOMPARE(repo.value(u"html_url"_s).toString(), QString(m_base + u"/webapps101/alice"_s));
        QCOMPARE(repo.value(u"clone_url"_s).toString(), QString(m_base + u"/webapps101/alice.git"_s));
        QCOMPARE(repo.value(u"default_branch"_s).toString(), u"main"_s);
        QVERIFY(QDateTime::fromString(repo.value(u"pushed_at"_s).toString(), Qt::ISODate).isValid());
        QCOMPARE(repo.value(u"permissions"_s).toObject().value(u"admin"_s).toBool(), true);
        const QJsonObject asTa = get(u"/repos/webapps101/alice"_s, m_seed.taToken).object();
        QCOMPARE(asTa.value(u"permissions"_s).toObject().value(u"pull"_s).toBool(), true);
        QCOMPARE(asTa.value(u"permissions"_s).toObject().value(u"push"_s).toBool(), false);
        const QJsonObject templ = get(u"/repos/webapps101/starter"_s, m_api.tokenFor(u"bob"_s)).object();
        QCOMPARE(templ.value(u"is_template"_s).toBool(), true);
        QCOMPARE(templ.value(u"private"_s).toBool(), false);

        // Creating: names are unique per owner.
        QCOMPARE(
            call("POST", u"/orgs/webapps101/repos"_s, staff(), QJsonObject{{u"name"_s, u"alice"_s}}).status,
            422);
        QCOMPARE(call("POST", u"/orgs/webapps101/repos"_s, m_api.tokenFor(u"alice"_s),
                      QJsonObject{{u"name"_s, u"sneaky"_s}})
                     .status,
                 403);
    }

    void contents()
    {
        const QString repo = u"webapps101/alice"_s;
        const QByteArray alice = m_api.tokenFor(u"alice"_s);
        const Answer file = get(u"/repos/webapps101/alice/contents/index.js"_s, alice);
        QCOMPARE(file.status, 200);
        QCOMPARE(file.str(u"type"_s), u"file"_s);
        QCOMPARE(file.str(u"encoding"_s), u"base64"_s);
        const QByteArray js = decodeContent(file.object());
        QVERIFY(js.contains("const student = 'Alice Martin';"));
        QCOMPARE(file.str(u"sha"_s).toLatin1(), gitBlobId(js));
        QCOMPARE(file.object().value(u"size"_s).toInt(), js.size());

        const Answer raw = call("GET", u"/repos/webapps101/alice/contents/index.js"_s, alice,
                                QJsonValue::Undefined, {{"Accept", "application/vnd.github.raw+json"}});
        QCOMPARE(raw.body, js);

        const Answer root = get(u"/repos/webapps101/alice/contents"_s, alice);
        QHash<QString, QString> types;
        for (const QJsonValue &v : root.array())
            types.insert(v.toObject().value(u"name"_s).toString(), v.toObject().value(u"type"_s).toString());
        QCOMPARE(types.value(u"public"_s), u"dir"_s);
        QCOMPARE(types.value(u"README.md"_s), u"file"_s);
        QCOMPARE(types.value(u"package.json"_s), u"file"_s);
        QCOMPARE(get(u"/repos/webapps101/alice/contents/public"_s, alice)
                     .array()
                     .first()
                     .toObject()
                     .value(u"path"_s)
                     .toString(),
                 u"public/style.css"_s);
        QCOMPARE(get(u"/repos/webapps101/alice/contents/nope.txt"_s, alice).status, 404);

        // Updates need the blob's current sha: stale is 409, missing is 422.
        const QJsonObject update{{u"message"_s, u"Edit"_s},
                                 {u"content"_s, QString::fromLatin1(QByteArray("x\n").toBase64())}};
        QJsonObject stale = update;
        stale.insert(u"sha"_s, QString::fromLatin1(gitBlobId("something else")));
        QCOMPARE(call("PUT", u"/repos/webapps101/alice/contents/index.js"_s, alice, stale).status, 409);
        const Answer noSha = call("PUT", u"/repos/webapps101/alice/contents/index.js"_s, alice, update);
        QCOMPARE(noSha.status, 422);
        QVERIFY(noSha.message().contains(u"sha"_s));
        QCOMPARE(call("PUT", u"/repos/webapps101/alice/contents/index.js"_s, m_seed.taToken, stale).status,
                 404);

        // One commit per call; the author given is the author recorded.
        const QString before = head(repo, u"main"_s, alice);
        const Answer created =
            call("PUT", u"/repos/webapps101/alice/contents/docs/notes.md"_s, staff(),
                 QJsonObject{{u"message"_s,
                              u"Add notes\n\nCo-authored-by: Alice Martin <alice@students.example.org>"_s},
                             {u"content"_s, QString::fromLatin1(QByteArray("# Notes\n").toBase64())},
                             {u"author"_s, QJsonObject{{u"name"_s, u"Tutor Tom"_s},
                                                       {u"email"_s, u"tom@example.org"_s},
                                                       {u"date"_s, u"2024-01-02T03:04:05Z"_s}}}});
        QCOMPARE(created.status, 201);
        const QJsonObject commit = created.object().value(u"commit"_s).toObject();
        QCOMPARE(commit.value(u"author"_s).toObject().value(u"name"_s).toString(), u"Tutor Tom"_s);
        QCOMPARE(commit.value(u"author"_s).toObject().value(u"date"_s).toString(), u"2024-01-02T03:04:05Z"_s);
        QCOMPARE(commit.value(u"committer"_s).toObject().value(u"name"_s).toString(), u"Course Staff"_s);
        QCOMPARE(commit.value(u"parents"_s).toArray().first().toObject().value(u"sha"_s).toString(), before);
        QCOMPARE(head(repo, u"main"_s, alice), commit.value(u"sha"_s).toString());
        QCOMPARE(created.object().value(u"content"_s).toObject().value(u"sha"_s).toString().toLatin1(),
                 gitBlobId("# Notes\n"));

        const Answer updated = putFile(repo, u"docs/notes.md"_s, "# Notes\n\nMore.\n", u"main"_s, staff());
        QCOMPARE(updated.status, 200);

        // Deleting: sha required and checked.
        QCOMPARE(call("DELETE", u"/repos/webapps101/alice/contents/docs/notes.md"_s, staff(),
                      QJsonObject{{u"message"_s, u"Remove"_s}})
                     .status,
                 422);
        QCOMPARE(call("DELETE", u"/repos/webapps101/alice/contents/docs/notes.md"_s, staff(),
                      QJsonObject{{u"message"_s, u"Remove"_s},
                                  {u"sha"_s, QString::fromLatin1(gitBlobId("# Notes\n"))}})
                     .status,
                 409);
        const Answer removed =
            call("DELETE", u"/repos/webapps101/alice/contents/docs/notes.md"_s, staff(),
                 QJsonObject{{u"message"_s, u"Remove"_s},
                             {u"sha"_s, QString::fromLatin1(gitBlobId("# Notes\n\nMore.\n"))}});
        QCOMPARE(removed.status, 200);
        QVERIFY(removed.object().value(u"content"_s).isNull());
        QCOMPARE(get(u"/repos/webapps101/alice/contents/docs/notes.md"_s, alice).status, 404);
        QCOMPARE(get(u"/repos/webapps101/alice/contents/docs"_s, alice).status,
                 404); // the emptied folder is gone
    }

    void gitDataMatchesRealGit()
    {
        if (!hasTool("git"))
            QSKIP("git is not installed");
        const QString repo = u"webapps101/gitdata"_s;
        QCOMPARE(call("POST", u"/orgs/webapps101/repos"_s, staff(),
                      QJsonObject{{u"name"_s, u"gitdata"_s}, {u"auto_init"_s, true}, {u"private"_s, true}})
                     .status,
                 201);
        const QString c0 = head(repo, u"main"_s, staff());
        QVERIFY(!c0.isEmpty());
        const QJsonObject c0Json = get(u"/repos/%1/git/commits/%2"_s.arg(repo, c0), staff()).object();
        const QString t0 = c0Json.value(u"tree"_s).toObject().value(u"sha"_s).toString();

        const Answer text = call("POST", u"/repos/%1/git/blobs"_s.arg(repo), staff(),
                                 QJsonObject{{u"content"_s, u"hello\n"_s}, {u"encoding"_s, u"utf-8"_s}});
        QCOMPARE(text.status, 201);
        QCOMPARE(text.str(u"sha"_s).toLatin1(), gitBlobId("hello\n"));
        const QByteArray binary("\x00\x01 binary\xff", 10);
        const Answer bin = call("POST", u"/repos/%1/git/blobs"_s.arg(repo), staff(),
                                QJsonObject{{u"content"_s, QString::fromLatin1(binary.toBase64())},
                                            {u"encoding"_s, u"base64"_s}});
        QCOMPARE(bin.str(u"sha"_s).toLatin1(), gitBlobId(binary));
        const Answer blob = get(u"/repos/%1/git/blobs/%2"_s.arg(repo, bin.str(u"sha"_s)), staff());
        QCOMPARE(QByteArray::fromBase64(blob.str(u"content"_s).toLatin1()), binary);
        QCOMPARE(call("POST", u"/repos/%1/git/blobs"_s.arg(repo), staff(),
                      QJsonObject{{u"content"_s, u"x"_s}, {u"encoding"_s, u"latin9"_s}})
                     .status,
                 422);

        const QJsonArray entries{QJsonObject{{u"path"_s, u"src/app.js"_s},
                                             {u"mode"_s, u"100644"_s},
                                             {u"type"_s, u"blob"_s},
                                             {u"content"_s, u"console.log('hi');\n"_s}},
                                 QJsonObject{{u"path"_s, u"hello.txt"_s},
                                             {u"mode"_s, u"100644"_s},
                                             {u"type"_s, u"blob"_s},
                                             {u"sha"_s, text.str(u"sha"_s)}},
                                 QJsonObject{{u"path"_s, u"bin/data"_s},
                                             {u"mode"_s, u"100755"_s},
                                             {u"type"_s, u"blob"_s},
                                             {u"sha"_s, bin.str(u"sha"_s)}},
                                 QJsonObject{{u"path"_s, u"README.md"_s},
                                             {u"mode"_s, u"100644"_s},
                                             {u"type"_s, u"blob"_s},
                                             {u"sha"_s, QJsonValue::Null}}};
        const Answer tree = call("POST", u"/repos/%1/git/trees"_s.arg(repo), staff(),
                                 QJsonObject{{u"base_tree"_s, t0}, {u"tree"_s, entries}});
        QCOMPARE(tree.status, 201);
        const QString t1 = tree.str(u"sha"_s);

        // The same files through git itself give the same tree.
        QTemporaryDir dir;
        QVERIFY(git(dir.path(), {u"init"_s, u"-q"_s}).exitCode == 0);
        QVERIFY(writeFile(dir.filePath(u"src/app.js"_s), "console.log('hi');\n"));
        QVERIFY(writeFile(dir.filePath(u"hello.txt"_s), "hello\n"));
        QVERIFY(writeFile(dir.filePath(u"bin/data"_s), binary, true));
        QCOMPARE(git(dir.path(), {u"add"_s, u"-A"_s}).exitCode, 0);
        QCOMPARE(QString::fromLatin1(git(dir.path(), {u"write-tree"_s}).out), t1);

        // The auto_init commit, rebuilt by git from what the API shows of it.
        QDir(dir.path()).removeRecursively();
        QVERIFY(QDir().mkpath(dir.path()));
        QVERIFY(git(dir.path(), {u"init"_s, u"-q"_s}).exitCode == 0);
        const QByteArray readme =
            decodeContent(get(u"/repos/%1/contents/README.md?ref=%2"_s.arg(repo, c0), staff()).object());
        QVERIFY(writeFile(dir.filePath(u"README.md"_s), readme));
        git(dir.path(), {u"add"_s, u"-A"_s});
        QCOMPARE(QString::fromLatin1(git(dir.path(), {u"write-tree"_s}).out), t0);
        const QJsonObject a0 = c0Json.value(u"author"_s).toObject();
        const QJsonObject k0 = c0Json.value(u"committer"_s).toObject();
        const Run rebuilt0 =
            git(dir.path(), {u"commit-tree"_s, t0}, c0Json.value(u"message"_s).toString().toUtf8(),
                {u"GIT_AUTHOR_NAME="_s + a0.value(u"name"_s).toString(),
                 u"GIT_AUTHOR_EMAIL="_s + a0.value(u"email"_s).toString(),
                 u"GIT_AUTHOR_DATE="_s + a0.value(u"date"_s).toString(),
                 u"GIT_COMMITTER_NAME="_s + k0.value(u"name"_s).toString(),
                 u"GIT_COMMITTER_EMAIL="_s + k0.value(u"email"_s).toString(),
                 u"GIT_COMMITTER_DATE="_s + k0.value(u"date"_s).toString()});
        QCOMPARE(QString::fromLatin1(rebuilt0.out), c0);

        // A commit with offsets in both dates and a co-author trailer: git makes the same one.
        QVERIFY(writeFile(dir.filePath(u"src/app.js"_s), "console.log('hi');\n"));
        QVERIFY(writeFile(dir.filePath(u"hello.txt"_s), "hello\n"));
        QVERIFY(writeFile(dir.filePath(u"bin/data"_s), binary, true));
        QFile::remove(dir.filePath(u"README.md"_s));
        git(dir.path(), {u"add"_s, u"-A"_s});
        QCOMPARE(QString::fromLatin1(git(dir.path(), {u"write-tree"_s}).out), t1);
        const QString message =
            u"Add the app\n\nCo-authored-by: Alice Martin <alice@students.example.org>\n"_s;
        const Answer c1 =
            call("POST", u"/repos/%1/git/commits"_s.arg(repo), staff(),
                 QJsonObject{{u"message"_s, message},
                             {u"tree"_s, t1},
                             {u"parents"_s, QJsonArray{c0}},
                             {u"author"_s, QJsonObject{{u"name"_s, u"Ada Lovelace"_s},
                                                       {u"email"_s, u"ada@example.org"_s},
                                                       {u"date"_s, u"2024-05-06T07:08:09+02:00"_s}}},
                             {u"committer"_s, QJsonObject{{u"name"_s, u"Grace Hopper"_s},
                                                          {u"email"_s, u"grace@example.org"_s},
                                                          {u"date"_s, u"2024-05-06T08:00:00-05:30"_s}}}});
        QCOMPARE(c1.status, 201);
        QCOMPARE(c1.object().value(u"author"_s).toObject().value(u"date"_s).toString(),
                 u"2024-05-06T05:08:09Z"_s);
        const Run byGit = git(
            dir.path(), {u"commit-tree"_s, t1, u"-p"_s, c0}, message.toUtf8(),
            {u"GIT_AUTHOR_NAME=Ada Lovelace"_s, u"GIT_AUTHOR_EMAIL=ada@example.org"_s,
             u"GIT_AUTHOR_DATE=2024-05-06T07:08:09+02:00"_s, u"GIT_COMMITTER_NAME=Grace Hopper"_s,
             u"GIT_COMMITTER_EMAIL=grace@example.org"_s, u"GIT_COMMITTER_DATE=2024-05-06T08:00:00-05:30"_s});
        QCOMPARE(byGit.exitCode, 0);
        QCOMPARE(QString::fromLatin1(byGit.out), c1.str(u"sha"_s));
        QCOMPARE(git(dir.path(), {u"cat-file"_s, u"-p"_s, c1.str(u"sha"_s)}).out.contains("+0200"), true);

        // Refs: fast-forward only unless forced.
        const Answer root = call(
            "POST", u"/repos/%1/git/commits"_s.arg(repo), staff(),
            QJsonObject{{u"message"_s, u"Unrelated\n"_s}, {u"tree"_s, t1}, {u"parents"_s, QJsonArray()}});
        QCOMPARE(root.status, 201);
        QCOMPARE(call("PATCH", u"/repos/%1/git/refs/heads/main"_s.arg(repo), staff(),
                      QJsonObject{{u"sha"_s, c1.str(u"sha"_s)}, {u"force"_s, false}})
                     .status,
                 200);
        const Answer refused = call("PATCH", u"/repos/%1/git/refs/heads/main"_s.arg(repo), staff(),
                                    QJsonObject{{u"sha"_s, root.str(u"sha"_s)}, {u"force"_s, false}});
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.message(), u"Update is not a fast forward"_s);
        QCOMPARE(head(repo, u"main"_s, staff()), c1.str(u"sha"_s));
        QCOMPARE(call("PATCH", u"/repos/%1/git/refs/heads/main"_s.arg(repo), staff(),
                      QJsonObject{{u"sha"_s, root.str(u"sha"_s)}, {u"force"_s, true}})
                     .status,
                 200);
        QCOMPARE(call("PATCH", u"/repos/%1/git/refs/heads/main"_s.arg(repo), staff(),
                      QJsonObject{{u"sha"_s, c1.str(u"sha"_s)}, {u"force"_s, true}})
                     .status,
                 200);
        QCOMPARE(call("PATCH", u"/repos/%1/git/refs/heads/nope"_s.arg(repo), staff(),
                      QJsonObject{{u"sha"_s, c1.str(u"sha"_s)}})
                     .message(),
                 u"Reference does not exist"_s);

        // Creating and matching refs.
        QCOMPARE(call("POST", u"/repos/%1/git/refs"_s.arg(repo), staff(),
                      QJsonObject{{u"ref"_s, u"refs/heads/main"_s}, {u"sha"_s, c0}})
                     .message(),
                 u"Reference already exists"_s);
        QCOMPARE(call("POST", u"/repos/%1/git/refs"_s.arg(repo), staff(),
                      QJsonObject{{u"ref"_s, u"refs/heads/feature/one"_s}, {u"sha"_s, c0}})
                     .status,
                 201);
        QCOMPARE(call("POST", u"/repos/%1/git/refs"_s.arg(repo), staff(),
                      QJsonObject{{u"ref"_s, u"refs/heads/bad name"_s}, {u"sha"_s, c0}})
                     .status,
                 422);
        const Answer matching = get(u"/repos/%1/git/matching-refs/heads/feature"_s.arg(repo), staff());
        QCOMPARE(matching.array().size(), 1);
        QCOMPARE(matching.array().first().toObject().value(u"ref"_s).toString(), u"refs/heads/feature/one"_s);
        QCOMPARE(get(u"/repos/%1/git/ref/heads/feature/one"_s.arg(repo), staff()).status, 200);
        QCOMPARE(get(u"/repos/%1/git/ref/heads/feature/two"_s.arg(repo), staff()).status, 404);

        // Trees: recursion on any value, deletes need a base, sha and content together refused.
        const QJsonArray flat =
            get(u"/repos/%1/git/trees/%2"_s.arg(repo, t1), staff()).object().value(u"tree"_s).toArray();
        const QJsonArray deep = get(u"/repos/%1/git/trees/main?recursive=0"_s.arg(repo), staff())
                                    .object()
                                    .value(u"tree"_s)
                                    .toArray();
        const auto paths = [](const QJsonArray &a) {
            QStringList out;
            for (const QJsonValue &v : a)
                out.append(v.toObject().value(u"path"_s).toString());
            return out;
        };
        QCOMPARE(paths(flat), (QStringList{u"bin"_s, u"hello.txt"_s, u"src"_s}));
        QCOMPARE(paths(deep),
                 (QStringList{u"bin"_s, u"bin/data"_s, u"hello.txt"_s, u"src"_s, u"src/app.js"_s}));
        GithubOptions options = m_api.options();
        const int limit = options.treeEntryLimit;
        options.treeEntryLimit = 2;
        m_api.setOptions(options);
        const QJsonObject truncated =
            get(u"/repos/%1/git/trees/%2?recursive=1"_s.arg(repo, t1), staff()).object();
        options.treeEntryLimit = limit;
        m_api.setOptions(options);
        QCOMPARE(truncated.value(u"truncated"_s).toBool(), true);
        QCOMPARE(truncated.value(u"tree"_s).toArray().size(), 2);
        const Answer both =
            call("POST", u"/repos/%1/git/trees"_s.arg(repo), staff(),
                 QJsonObject{{u"tree"_s, QJsonArray{QJsonObject{{u"path"_s, u"x"_s},
                                                                {u"mode"_s, u"100644"_s},
                                                                {u"type"_s, u"blob"_s},
                                                                {u"sha"_s, text.str(u"sha"_s)},
                                                                {u"content"_s, u"x"_s}}}}});
        QCOMPARE(both.status, 422);
        QCOMPARE(call("POST", u"/repos/%1/git/trees"_s.arg(repo), staff(),
                      QJsonObject{{u"tree"_s, QJsonArray{QJsonObject{{u"path"_s, u"missing.txt"_s},
                                                                     {u"mode"_s, u"100644"_s},
                                                                     {u"sha"_s, QJsonValue::Null}}}},
                                  {u"base_tree"_s, t1}})
                     .status,
                 422);
        QCOMPARE(
            get(u"/repos/%1/git/commits/%2"_s.arg(repo, QString::fromLatin1(gitBlobId("nothing"))), staff())
                .status,
            404);
    }

    void emptyRepository()
    {
        QCOMPARE(
            call("POST", u"/orgs/webapps101/repos"_s, staff(), QJsonObject{{u"name"_s, u"empty"_s}}).status,
            201);
        const Answer ref = get(u"/repos/webapps101/empty/git/ref/heads/main"_s, staff());
        QCOMPARE(ref.status, 409);
        QCOMPARE(ref.message(), u"Git Repository is empty."_s);
        QCOMPARE(
            call("POST", u"/repos/webapps101/empty/git/blobs"_s, staff(), QJsonObject{{u"content"_s, u"x"_s}})
                .status,
            409);
        QCOMPARE(get(u"/repos/webapps101/empty/commits"_s, staff()).status, 409);
        QCOMPARE(get(u"/repos/webapps101/empty/contents/README.md"_s, staff()).message(),
                 u"This repository is empty."_s);
        QCOMPARE(get(u"/repos/webapps101/empty"_s, staff()).object().value(u"size"_s).toInt(), 0);
        // The first file makes the first commit and the branch.
        QCOMPARE(
            putFile(u"webapps101/empty"_s, u"README.md"_s, "# Empty no more\n", u"main"_s, staff()).status,
            201);
        QCOMPARE(get(u"/repos/webapps101/empty/git/ref/heads/main"_s, staff()).status, 200);
    }

    void compareAndHistory()
    {
        const QString repo = u"webapps101/comparisons"_s;
        QCOMPARE(call("POST", u"/orgs/webapps101/repos"_s, staff(),
                      QJsonObject{{u"name"_s, u"comparisons"_s}, {u"auto_init"_s, true}})
                     .status,
                 201);
        QCOMPARE(putFile(repo, u"notes.txt"_s, "a\nb\nc\n", u"main"_s, staff()).status, 201);
        QVERIFY(!createBranch(repo, u"topic"_s, u"main"_s, staff()).isEmpty());
        QCOMPARE(get(u"/repos/%1/compare/main...topic"_s.arg(repo), staff()).str(u"status"_s),
                 u"identical"_s);
        QCOMPARE(putFile(repo, u"notes.txt"_s, "a\nB\nc\n", u"topic"_s, staff(), u"Capital B"_s).status, 200);

        const Answer ahead = get(u"/repos/%1/compare/main...topic"_s.arg(repo), staff());
        QCOMPARE(ahead.status, 200);
        QCOMPARE(ahead.str(u"status"_s), u"ahead"_s);
        QCOMPARE(ahead.object().value(u"ahead_by"_s).toInt(), 1);
        QCOMPARE(ahead.object().value(u"behind_by"_s).toInt(), 0);
        QCOMPARE(ahead.object().value(u"total_commits"_s).toInt(), 1);
        QCOMPARE(ahead.object()
                     .value(u"commits"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"commit"_s)
                     .toObject()
                     .value(u"message"_s)
                     .toString(),
                 u"Capital B"_s);
        const QJsonObject file = ahead.object().value(u"files"_s).toArray().first().toObject();
        QCOMPARE(file.value(u"filename"_s).toString(), u"notes.txt"_s);
        QCOMPARE(file.value(u"status"_s).toString(), u"modified"_s);
        QCOMPARE(file.value(u"additions"_s).toInt(), 1);
        QCOMPARE(file.value(u"deletions"_s).toInt(), 1);
        QCOMPARE(file.value(u"patch"_s).toString(), u"@@ -1,3 +1,3 @@\n a\n-b\n+B\n c"_s);
        QCOMPARE(get(u"/repos/%1/compare/topic...main"_s.arg(repo), staff()).str(u"status"_s), u"behind"_s);

        QCOMPARE(putFile(repo, u"other.txt"_s, "elsewhere\n", u"main"_s, staff()).status, 201);
        const Answer diverged = get(u"/repos/%1/compare/main...topic"_s.arg(repo), staff());
        QCOMPARE(diverged.str(u"status"_s), u"diverged"_s);
        QCOMPARE(diverged.object().value(u"behind_by"_s).toInt(), 1);
        QCOMPARE(diverged.object().value(u"files"_s).toArray().size(), 1); // three dots: from the merge base
        QCOMPARE(get(u"/repos/%1/compare/main...nowhere"_s.arg(repo), staff()).status, 404);

        // Commits: newest first, paginated, filtered by path.
        const Answer all = get(u"/repos/%1/commits?sha=topic"_s.arg(repo), staff());
        QCOMPARE(all.array().size(), 3);
        QCOMPARE(all.array().first().toObject().value(u"commit"_s).toObject().value(u"message"_s).toString(),
                 u"Capital B"_s);
        QCOMPARE(all.array().first().toObject().value(u"committer"_s).toObject().value(u"login"_s).toString(),
                 m_seed.staffLogin); // linked by email
        const Answer paged = get(u"/repos/%1/commits?sha=topic&per_page=2"_s.arg(repo), staff());
        QCOMPARE(paged.array().size(), 2);
        QCOMPARE(linkPages(paged.header("link")).value(u"next"_s), 2);
        QCOMPARE(get(u"/repos/%1/commits?sha=topic&path=notes.txt"_s.arg(repo), staff()).array().size(), 2);
        QCOMPARE(get(u"/repos/%1/commits?sha=topic&path=README.md"_s.arg(repo), staff()).array().size(), 1);
        QCOMPARE(get(u"/repos/%1/commits?sha=no-such-branch"_s.arg(repo), staff()).status, 404);

        const Answer one = get(u"/repos/%1/commits/topic"_s.arg(repo), staff());
        QCOMPARE(one.object().value(u"stats"_s).toObject().value(u"total"_s).toInt(), 2);
        QCOMPARE(one.object().value(u"files"_s).toArray().size(), 1);

        const Answer branches = get(u"/repos/%1/branches"_s.arg(repo), staff());
        QCOMPARE(branches.array().size(), 2);
        const Answer branch = get(u"/repos/%1/branches/topic"_s.arg(repo), staff());
        QCOMPARE(branch.object().value(u"commit"_s).toObject().value(u"sha"_s).toString(),
                 head(repo, u"topic"_s, staff()));
        QCOMPARE(get(u"/repos/%1/branches/none"_s.arg(repo), staff()).status, 404);

        // The default branch is what refs, contents and commits use when none is named.
        const Answer moved =
            call("PATCH", u"/repos/%1"_s.arg(repo), staff(), QJsonObject{{u"default_branch"_s, u"topic"_s}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.str(u"default_branch"_s), u"topic"_s);
        QCOMPARE(decodeContent(get(u"/repos/%1/contents/notes.txt"_s.arg(repo), staff()).object()),
                 QByteArray("a\nB\nc\n"));
        QCOMPARE(
            call("PATCH", u"/repos/%1"_s.arg(repo), staff(), QJsonObject{{u"default_branch"_s, u"none"_s}})
                .status,
            422);
        QCOMPARE(call("PATCH", u"/repos/%1"_s.arg(repo), m_seed.taToken,
                      QJsonObject{{u"default_branch"_s, u"main"_s}})
                     .status,
                 403);
    }

    void pullsWithMergeability()
    {
        const QString repo = u"webapps101/alice"_s;
        QVERIFY(!createBranch(repo, u"styling"_s, u"main"_s, staff()).isEmpty());
        QCOMPARE(
            putFile(repo, u"public/style.css"_s, "body { color: teal; }\n", u"styling"_s, staff()).status,
            200);
        const Answer created =
            call("POST", u"/repos/%1/pulls"_s.arg(repo), staff(),
                 QJsonObject{{u"title"_s, u"Teal"_s}, {u"head"_s, u"styling"_s}, {u"base"_s, u"main"_s}});
        QCOMPARE(created.status, 201);
        const int clean = created.object().value(u"number"_s).toInt();
        QCOMPARE(created.object().value(u"head"_s).toObject().value(u"label"_s).toString(),
                 u"webapps101:styling"_s);
        QCOMPARE(
            call("POST", u"/repos/%1/pulls"_s.arg(repo), staff(),
                 QJsonObject{{u"title"_s, u"Again"_s}, {u"head"_s, u"styling"_s}, {u"base"_s, u"main"_s}})
                .status,
            422);
        QVERIFY(!createBranch(repo, u"nothing-new"_s, u"main"_s, staff()).isEmpty());
        QCOMPARE(
            call("POST", u"/repos/%1/pulls"_s.arg(repo), staff(),
                 QJsonObject{{u"title"_s, u"Empty"_s}, {u"head"_s, u"nothing-new"_s}, {u"base"_s, u"main"_s}})
                .status,
            422);

        // Both sides change README's first line: conflicting.
        QVERIFY(!createBranch(repo, u"retitle"_s, u"main"_s, staff()).isEmpty());
        QByteArray readme = decodeContent(get(u"/repos/%1/contents/README.md"_s.arg(repo), staff()).object());
        QByteArray mine = readme;
        mine.replace(0, readme.indexOf('\n'), "# Alice's app, renamed on a branch");
        QByteArray theirs = readme;
        theirs.replace(0, readme.indexOf('\n'), "# Alice's app, renamed on main");
        QCOMPARE(putFile(repo, u"README.md"_s, mine, u"retitle"_s, staff()).status, 200);
        QCOMPARE(putFile(repo, u"README.md"_s, theirs, u"main"_s, staff()).status, 200);
        const Answer conflicting =
            call("POST", u"/repos/%1/pulls"_s.arg(repo), staff(),
                 QJsonObject{{u"title"_s, u"Retitle"_s}, {u"head"_s, u"retitle"_s}, {u"base"_s, u"main"_s}});
        QCOMPARE(conflicting.status, 201);
        const int dirty = conflicting.object().value(u"number"_s).toInt();

        const auto mergeable = [&](int n) {
            return get(u"/repos/%1/pulls/%2"_s.arg(repo).arg(n), staff()).object();
        };
        QTRY_VERIFY_WITH_TIMEOUT(mergeable(clean).value(u"mergeable"_s).isBool(), 5000);
        QCOMPARE(mergeable(clean).value(u"mergeable"_s).toBool(), true);
        QCOMPARE(mergeable(clean).value(u"mergeable_state"_s).toString(), u"clean"_s);
        QTRY_VERIFY_WITH_TIMEOUT(mergeable(dirty).value(u"mergeable"_s).isBool(), 5000);
        QCOMPARE(mergeable(dirty).value(u"mergeable"_s).toBool(), false);
        QCOMPARE(mergeable(dirty).value(u"mergeable_state"_s).toString(), u"dirty"_s);
        QCOMPARE(
            call("PUT", u"/repos/%1/pulls/%2/merge"_s.arg(repo).arg(dirty), staff(), QJsonObject{}).status,
            405);

        // Merging: a stale head sha is 409; then a real two-parent merge.
        const QString headSha = mergeable(clean).value(u"head"_s).toObject().value(u"sha"_s).toString();
        QCOMPARE(call("PUT", u"/repos/%1/pulls/%2/merge"_s.arg(repo).arg(clean), staff(),
                      QJsonObject{{u"sha"_s, QString::fromLatin1(gitBlobId("stale"))}})
                     .status,
                 409);
        const QString baseBefore = head(repo, u"main"_s, staff());
        const Answer merged = call("PUT", u"/repos/%1/pulls/%2/merge"_s.arg(repo).arg(clean), staff(),
                                   QJsonObject{{u"sha"_s, headSha}, {u"merge_method"_s, u"merge"_s}});
        QCOMPARE(merged.status, 200);
        QCOMPARE(merged.object().value(u"merged"_s).toBool(), true);
        const QJsonObject mergeCommit =
            get(u"/repos/%1/git/commits/%2"_s.arg(repo, merged.str(u"sha"_s)), staff()).object();
        const QJsonArray parents = mergeCommit.value(u"parents"_s).toArray();
        QCOMPARE(parents.size(), 2);
        QCOMPARE(parents.at(0).toObject().value(u"sha"_s).toString(), baseBefore);
        QCOMPARE(parents.at(1).toObject().value(u"sha"_s).toString(), headSha);
        QCOMPARE(decodeContent(get(u"/repos/%1/contents/public/style.css"_s.arg(repo), staff()).object()),
                 QByteArray("body { color: teal; }\n"));
        QCOMPARE(get(u"/repos/%1/pulls/%2/merge"_s.arg(repo).arg(clean), staff()).status, 204);
        QCOMPARE(get(u"/repos/%1/pulls/%2/merge"_s.arg(repo).arg(dirty), staff()).status, 404);
        QCOMPARE(get(u"/repos/%1/pulls/%2"_s.arg(repo).arg(clean), staff()).str(u"state"_s), u"closed"_s);

        const Answer open = get(u"/repos/%1/pulls?state=open"_s.arg(repo), staff());
        QCOMPARE(open.array().size(), 1);
        QCOMPARE(open.array().first().toObject().value(u"number"_s).toInt(), dirty);
        QCOMPARE(get(u"/repos/%1/pulls?state=all&per_page=1"_s.arg(repo), staff()).array().size(), 1);
        QCOMPARE(linkPages(get(u"/repos/%1/pulls?state=all&per_page=1"_s.arg(repo), staff()).header("link"))
                     .value(u"last"_s),
                 2);
        QCOMPARE(get(u"/repos/%1/pulls/%2/files"_s.arg(repo).arg(dirty), staff())
                     .array()
                     .first()
                     .toObject()
                     .value(u"filename"_s)
                     .toString(),
                 u"README.md"_s);

        // Squash keeps one parent.
        QVERIFY(!createBranch(repo, u"squashme"_s, u"main"_s, staff()).isEmpty());
        QCOMPARE(putFile(repo, u"a.txt"_s, "1\n", u"squashme"_s, staff()).status, 201);
        QCOMPARE(putFile(repo, u"b.txt"_s, "2\n", u"squashme"_s, staff()).status, 201);
        const int squash =
            call(
                "POST", u"/repos/%1/pulls"_s.arg(repo), staff(),
                QJsonObject{{u"title"_s, u"Two files"_s}, {u"head"_s, u"squashme"_s}, {u"base"_s, u"main"_s}})
                .object()
                .value(u"number"_s)
                .toInt();
        const Answer squashed = call("PUT", u"/repos/%1/pulls/%2/merge"_s.arg(repo).arg(squash), staff(),
                                     QJsonObject{{u"merge_method"_s, u"squash"_s}});
        QCOMPARE(squashed.status, 200);
        const QJsonObject squashCommit =
            get(u"/repos/%1/git/commits/%2"_s.arg(repo, squashed.str(u"sha"_s)), staff()).object();
        QCOMPARE(squashCommit.value(u"parents"_s).toArray().size(), 1);
        QVERIFY(squashCommit.value(u"message"_s).toString().startsWith(u"Two files (#%1)"_s.arg(squash)));
    }

    void templatesForksAndUpstream()
    {
        // Generating needs a template, and starts a history of its own.
        const Answer generated =
            call("POST", u"/repos/webapps101/starter/generate"_s, staff(),
                 QJsonObject{
                     {u"owner"_s, u"webapps101"_s}, {u"name"_s, u"extra-student"_s}, {u"private"_s, true}});
        QCOMPARE(generated.status, 201);
        QCOMPARE(
            generated.object().value(u"template_repository"_s).toObject().value(u"full_name"_s).toString(),
            u"webapps101/starter"_s);
        const QJsonArray history = get(u"/repos/webapps101/extra-student/commits"_s, staff()).array();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().toObject().value(u"commit"_s).toObject().value(u"message"_s).toString(),
                 u"Initial commit"_s);
        QCOMPARE(call("POST", u"/repos/webapps101/alice/generate"_s, staff(),
                      QJsonObject{{u"owner"_s, u"webapps101"_s}, {u"name"_s, u"from-alice"_s}})
                     .status,
                 422);

        // A fork answers 202 and gets its commits a little later.
        m_api.addUser(u"forker"_s, u"Fay Forker"_s, u"fay@example.org"_s);
        const QByteArray fay = m_api.issueToken(u"forker"_s, {u"repo"_s});
        const Answer fork = call("POST", u"/repos/webapps101/starter/forks"_s, fay, QJsonObject{});
        QCOMPARE(fork.status, 202);
        QCOMPARE(fork.object().value(u"fork"_s).toBool(), true);
        QCOMPARE(fork.object().value(u"parent"_s).toObject().value(u"full_name"_s).toString(),
                 u"webapps101/starter"_s);
        QCOMPARE(get(u"/repos/forker/starter/git/ref/heads/main"_s, fay).status, 409);
        QTRY_COMPARE_WITH_TIMEOUT(get(u"/repos/forker/starter/git/ref/heads/main"_s, fay).status, 200, 5000);
        QCOMPARE(head(u"forker/starter"_s, u"main"_s, fay),
                 head(u"webapps101/starter"_s, u"main"_s, staff()));
        QCOMPARE(call("POST", u"/repos/webapps101/starter/forks"_s, fay, QJsonObject{}).str(u"full_name"_s),
                 u"forker/starter"_s); // asking twice gives the same fork

        const auto sync = [&] {
            return call("POST", u"/repos/forker/starter/merge-upstream"_s, fay,
                        QJsonObject{{u"branch"_s, u"main"_s}});
        };
        QCOMPARE(sync().str(u"merge_type"_s), u"none"_s);
        QCOMPARE(putFile(u"webapps101/starter"_s, u"CHANGELOG.md"_s, "- week 2\n", u"main"_s, staff()).status,
                 201);
        const Answer ff = sync();
        QCOMPARE(ff.status, 200);
        QCOMPARE(ff.str(u"merge_type"_s), u"fast-forward"_s);
        QCOMPARE(ff.str(u"base_branch"_s), u"webapps101:main"_s);
        QCOMPARE(head(u"forker/starter"_s, u"main"_s, fay),
                 head(u"webapps101/starter"_s, u"main"_s, staff()));

        // Both moved on different files: a merge commit.
        QCOMPARE(putFile(u"forker/starter"_s, u"mine.txt"_s, "fork only\n", u"main"_s, fay).status, 201);
        QCOMPARE(
            putFile(u"webapps101/starter"_s, u"CHANGELOG.md"_s, "- week 2\n- week 3\n", u"main"_s, staff())
                .status,
            200);
        const Answer merged = sync();
        QCOMPARE(merged.str(u"merge_type"_s), u"merge"_s);
        const QString mergeSha = head(u"forker/starter"_s, u"main"_s, fay);
        QCOMPARE(get(u"/repos/forker/starter/git/commits/%1"_s.arg(mergeSha), fay)
                     .object()
                     .value(u"parents"_s)
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(decodeContent(get(u"/repos/forker/starter/contents/CHANGELOG.md"_s, fay).object()),
                 QByteArray("- week 2\n- week 3\n"));

        // The same line changed on both: 409.
        QCOMPARE(
            putFile(u"forker/starter"_s, u"CHANGELOG.md"_s, "- week 2 (fork)\n- week 3\n", u"main"_s, fay)
                .status,
            200);
        QCOMPARE(putFile(u"webapps101/starter"_s, u"CHANGELOG.md"_s, "- week 2 (upstream)\n- week 3\n",
                         u"main"_s, staff())
                     .status,
                 200);
        QCOMPARE(sync().status, 409);
        QCOMPARE(call("POST", u"/repos/webapps101/alice/merge-upstream"_s, staff(),
                      QJsonObject{{u"branch"_s, u"main"_s}})
                     .status,
                 422); // not a fork

        // A pull across forks, and compare with owner:branch.
        QVERIFY(!createBranch(u"forker/starter"_s, u"fix"_s, u"main"_s, fay).isEmpty());
        QCOMPARE(putFile(u"forker/starter"_s, u"fix.txt"_s, "fixed\n", u"fix"_s, fay).status, 201);
        const Answer pull =
            call("POST", u"/repos/webapps101/starter/pulls"_s, fay,
                 QJsonObject{{u"title"_s, u"A fix"_s}, {u"head"_s, u"forker:fix"_s}, {u"base"_s, u"main"_s}});
        QCOMPARE(pull.status, 201);
        QCOMPARE(pull.object()
                     .value(u"head"_s)
                     .toObject()
                     .value(u"repo"_s)
                     .toObject()
                     .value(u"full_name"_s)
                     .toString(),
                 u"forker/starter"_s);
        const Answer across = get(u"/repos/webapps101/starter/compare/main...forker:fix"_s, fay);
        QCOMPARE(across.status, 200);
        QCOMPARE(across.str(u"status"_s), u"diverged"_s);
        QVERIFY(across.object().value(u"ahead_by"_s).toInt() >= 3);
        QTRY_VERIFY_WITH_TIMEOUT(
            get(u"/repos/webapps101/starter/pulls/%1"_s.arg(pull.object().value(u"number"_s).toInt()), fay)
                .object()
                .value(u"mergeable"_s)
                .isBool(),
            5000);
        QCOMPARE(
            get(u"/repos/webapps101/starter/pulls/%1"_s.arg(pull.object().value(u"number"_s).toInt()), fay)
                .object()
                .value(u"mergeable"_s)
                .toBool(),
            false); // the CHANGELOG lines clash
    }

    void collaborators()
    {
        const QString path = u"/repos/webapps101/alice/collaborators/bob"_s;
        const QByteArray bob = m_api.tokenFor(u"bob"_s);
        QCOMPARE(get(path, staff()).status, 404);
        QCOMPARE(get(u"/repos/webapps101/alice"_s, bob).status, 404);
        const Answer forbidden = call("PUT", path, m_seed.taToken, QJsonObject{{u"permission"_s, u"pull"_s}});
        QCOMPARE(forbidden.status, 403);
        const Answer invited = call("PUT", path, staff(), QJsonObject{{u"permission"_s, u"pull"_s}});
        QCOMPARE(invited.status, 201);
        QCOMPARE(invited.object().value(u"invitee"_s).toObject().value(u"login"_s).toString(), u"bob"_s);
        QCOMPARE(get(path, staff()).status, 204);
        QCOMPARE(get(u"/repos/webapps101/alice"_s, bob).status, 200);
        QCOMPARE(get(path + u"/permission"_s, staff()).str(u"permission"_s), u"read"_s);
        QCOMPARE(call("PUT", path, staff(), QJsonObject{{u"permission"_s, u"pull"_s}}).status, 204);
        QCOMPARE(call("PUT", path, staff(), QJsonObject{{u"permission"_s, u"owner"_s}}).status, 422);
        bool listed = false;
        for (const QJsonValue &v :
             get(u"/repos/webapps101/alice/collaborators?per_page=100"_s, staff()).array())
            listed = listed || v.toObject().value(u"login"_s).toString() == u"bob"_s;
        QVERIFY(listed);
        QCOMPARE(call("DELETE", path, staff()).status, 204);
        QCOMPARE(get(path, staff()).status, 404);
        QCOMPARE(get(u"/repos/webapps101/alice"_s, bob).status, 404);
    }

    void etagsAndPrimaryLimit()
    {
        const QByteArray alice = m_api.tokenFor(u"alice"_s);
        const Answer first = get(u"/repos/webapps101/alice"_s, alice);
        const QByteArray etag = first.header("etag");
        QVERIFY(etag.startsWith("W/\""));
        const int remaining = first.header("x-ratelimit-remaining").toInt();
        const Answer cached = call("GET", u"/repos/webapps101/alice"_s, alice, QJsonValue::Undefined,
                                   {{"If-None-Match", etag}});
        QCOMPARE(cached.status, 304);
        QVERIFY(cached.body.isEmpty());
        QCOMPARE(cached.header("x-ratelimit-remaining").toInt(), remaining); // a 304 is free
        QCOMPARE(cached.header("etag"), etag);
        const Answer again = get(u"/repos/webapps101/alice"_s, alice);
        QCOMPARE(again.header("x-ratelimit-remaining").toInt(), remaining - 1);
        QCOMPARE(again.header("etag"), etag);
        QCOMPARE(call("GET", u"/repos/webapps101/alice"_s, alice, QJsonValue::Undefined,
                      {{"If-None-Match", "W/\"other\""}})
                     .status,
                 200);

        // Exhausted: 403 until the reset; /rate_limit stays free.
        m_api.addUser(u"hasty"_s);
        const QByteArray hasty = m_api.issueToken(u"hasty"_s, {u"repo"_s});
        GithubLimits limits = m_api.limits();
        const GithubLimits saved = limits;
        limits.primaryPerHour = 3;
        m_api.setLimits(limits);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(u"/user"_s, hasty).status, 200);
        const Answer limited = get(u"/user"_s, hasty);
        QCOMPARE(limited.status, 403);
        QVERIFY(limited.message().contains(u"API rate limit exceeded"_s));
        QCOMPARE(limited.header("x-ratelimit-remaining"), QByteArray("0"));
        const Answer status = get(u"/rate_limit"_s, hasty);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.object()
                     .value(u"resources"_s)
                     .toObject()
                     .value(u"core"_s)
                     .toObject()
                     .value(u"remaining"_s)
                     .toInt(),
                 0);
        QCOMPARE(status.object().value(u"rate"_s).toObject().value(u"used"_s).toInt(), 3);
        m_api.setLimits(saved);
    }

    void secondaryLimits()
    {
        m_api.addUser(u"busy"_s);
        const QByteArray busy = m_api.issueToken(u"busy"_s, {u"repo"_s});
        // Set up by staff, so busy's own windows start empty.
        QCOMPARE(call("POST", u"/orgs/webapps101/repos"_s, staff(),
                      QJsonObject{{u"name"_s, u"scratch"_s}, {u"auto_init"_s, true}})
                     .status,
                 201);
        QCOMPARE(call("PUT", u"/repos/webapps101/scratch/collaborators/busy"_s, staff(),
                      QJsonObject{{u"permission"_s, u"push"_s}})
                     .status,
                 201);
        const GithubLimits saved = m_api.limits();
        GithubLimits limits = saved;
        limits.contentPerMinute = 2;
        limits.minuteMs = 1500;
        m_api.setLimits(limits);
        const auto blob = [&](const QString &text) {
            return call("POST", u"/repos/webapps101/scratch/git/blobs"_s, busy,
                        QJsonObject{{u"content"_s, text}});
        };
        QCOMPARE(blob(u"one"_s).status, 201);
        QCOMPARE(blob(u"two"_s).status, 201);
        const Answer third = blob(u"three"_s);
        QCOMPARE(third.status, 403);
        QVERIFY(third.message().contains(u"secondary rate limit"_s));
        QVERIFY(third.header("retry-after").toInt() >= 1);
        QCOMPARE(get(u"/repos/webapps101/scratch"_s, busy).status, 200); // reads are not content creation
        // Once the window has passed, writes go through again (each try is a real request).
        QCOMPARE(retryUntil([&] { return blob(u"later"_s).status; }, 201, 5000), 201);

        // Points per minute and endpoint: GETs cost one each.
        limits = saved;
        limits.pointsPerMinute = 3;
        m_api.setLimits(limits);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(u"/repos/webapps101/scratch/branches"_s, busy).status, 200);
        const Answer points = get(u"/repos/webapps101/scratch/branches"_s, busy);
        QCOMPARE(points.status, 403);
        QVERIFY(points.header("retry-after").toInt() >= 1);
        QCOMPARE(get(u"/repos/webapps101/scratch"_s, busy).status, 200); // another endpoint
        m_api.setLimits(saved);
    }

    void concurrencyLimit()
    {
        m_api.addUser(u"parallel"_s);
        const QByteArray token = m_api.issueToken(u"parallel"_s, {u"repo"_s});
        const GithubLimits saved = m_api.limits();
        GithubLimits limits = saved;
        limits.maxConcurrent = 1;
        m_api.setLimits(limits);
        QString error;
        m_api.setFaults(GithubFaults::parse(u"githublatency=300ms"_s, &error));
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 3; ++i)
            replies.append(start("GET", u"/user"_s, token));
        QList<int> statuses;
        QByteArray retryAfter;
        for (QNetworkReply *r : std::as_const(replies)) {
            const Answer a = finish(r);
            statuses.append(a.status);
            if (a.status == 429)
                retryAfter = a.header("retry-after");
        }
        m_api.setFaults({});
        m_api.setLimits(saved);
        QCOMPARE(statuses.count(200), 1);
        QCOMPARE(statuses.count(429), 2);
        QVERIFY(retryAfter.toInt() > 0);
        QCOMPARE(m_api.rateLimiter().inFlight(u"user:parallel"_s), 0);
    }

    void deviceFlow()
    {
        // Without Accept: application/json the answer is form-encoded.
        const Answer form =
            postForm(u"/login/device/code"_s, "client_id=Iv1.courseops&scope=repo%20read:org", false);
        QCOMPARE(form.status, 200);
        QVERIFY(form.header("content-type").startsWith("application/x-www-form-urlencoded"));
        const QUrlQuery formFields(QString::fromLatin1(form.body));
        QVERIFY(!formFields.queryItemValue(u"device_code"_s).isEmpty());
        QCOMPARE(formFields.queryItemValue(u"interval"_s), u"1"_s);

        const Answer code =
            postForm(u"/login/device/code"_s, "client_id=Iv1.courseops&scope=repo,read:org", true);
        const QString deviceCode = code.str(u"device_code"_s);
        const QString userCode = code.str(u"user_code"_s);
        QVERIFY(QRegularExpression(u"^[A-Z0-9]{4}-[A-Z0-9]{4}$"_s).match(userCode).hasMatch());
        QCOMPARE(code.str(u"verification_uri"_s), QString(m_base + u"/login/device"_s));
        QCOMPARE(code.object().value(u"expires_in"_s).toInt(), 900);
        const QByteArray poll = "client_id=Iv1.courseops&device_code=" + deviceCode.toLatin1() +
                                "&grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code";
        const Answer tooSoon = postForm(u"/login/oauth/access_token"_s, poll, true);
        QCOMPARE(tooSoon.status, 200); // errors come with 200
        QCOMPARE(tooSoon.str(u"error"_s), u"slow_down"_s);
        QCOMPARE(tooSoon.object().value(u"interval"_s).toInt(), 1); // 600 ms, in whole seconds
        waitMs(700);                                                // the interval slow_down asked for
        QCOMPARE(postForm(u"/login/oauth/access_token"_s, poll, true).str(u"error"_s),
                 u"authorization_pending"_s);
        QVERIFY(m_api.approveDevice(userCode.toLower(), u"alice"_s));
        waitMs(700);
        const QString token = postForm(u"/login/oauth/access_token"_s, poll, true).str(u"access_token"_s);
        QVERIFY(token.startsWith(u"ghp_"_s));
        const Answer me = get(u"/user"_s, token.toLatin1());
        QCOMPARE(me.str(u"login"_s), u"alice"_s);
        QCOMPARE(me.header("x-oauth-scopes"), QByteArray("repo, read:org"));
        QCOMPARE(postForm(u"/login/oauth/access_token"_s, poll, true).str(u"error"_s),
                 u"incorrect_device_code"_s);

        // Denied, wrong grant type, unknown code, expired code.
        const Answer codeForDenial = postForm(u"/login/device/code"_s, "client_id=Iv1.courseops", true);
        QVERIFY(m_api.denyDevice(codeForDenial.str(u"user_code"_s)));
        QCOMPARE(postForm(u"/login/oauth/access_token"_s,
                          "client_id=Iv1.courseops&grant_type=urn:ietf:params:oauth:grant-type:device_code&"
                          "device_code=" +
                              codeForDenial.str(u"device_code"_s).toLatin1(),
                          true)
                     .str(u"error"_s),
                 u"access_denied"_s);
        QCOMPARE(postForm(u"/login/oauth/access_token"_s,
                          "client_id=Iv1.courseops&grant_type=password&device_code=" +
                              codeForDenial.str(u"device_code"_s).toLatin1(),
                          true)
                     .str(u"error"_s),
                 u"unsupported_grant_type"_s);
        QCOMPARE(postForm(u"/login/oauth/access_token"_s,
                          "client_id=Iv1.courseops&grant_type=urn:ietf:params:oauth:grant-type:device_code&"
                          "device_code=nope",
                          true)
                     .str(u"error"_s),
                 u"incorrect_device_code"_s);
        const Answer formError = postForm(u"/login/oauth/access_token"_s,
                                          "client_id=Iv1.courseops&grant_type=urn:ietf:params:oauth:grant-"
                                          "type:device_code&device_code=nope",
                                          false);
        QCOMPARE(QUrlQuery(QString::fromLatin1(formError.body)).queryItemValue(u"error"_s),
                 u"incorrect_device_code"_s);

        GithubOptions options = m_api.options();
        const GithubOptions saved = options;
        options.deviceCodeLifetimeSeconds = 1;
        m_api.setOptions(options);
        const QString shortLived =
            postForm(u"/login/device/code"_s, "client_id=Iv1.courseops", true).str(u"device_code"_s);
        m_api.setOptions(saved);
        waitMs(1100); // past expires_in
        QCOMPARE(postForm(u"/login/oauth/access_token"_s,
                          "client_id=Iv1.courseops&grant_type=urn:ietf:params:oauth:grant-type:device_code&"
                          "device_code=" +
                              shortLived.toLatin1(),
                          true)
                     .str(u"error"_s),
                 u"expired_token"_s);

        // With apps registered, other client ids are refused.
        m_api.registerOAuthApp(u"Iv1.courseops"_s);
        m_api.registerOAuthApp(u"Iv1.disabled"_s, false);
        QCOMPARE(postForm(u"/login/device/code"_s, "client_id=Iv1.other", true).str(u"error"_s),
                 u"incorrect_client_credentials"_s);
        QCOMPARE(postForm(u"/login/device/code"_s, "client_id=Iv1.disabled", true).str(u"error"_s),
                 u"device_flow_disabled"_s);
        QCOMPARE(postForm(u"/login/device/code"_s, "client_id=Iv1.courseops", true).status, 200);
    }

    void faultSpec_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("badGateway");
        QTest::addColumn<int>("latencyMs");
        QTest::newRow("both") << u"github502=0.2,githublatency=200ms"_s << true << 0.2 << 200;
        QTest::newRow("seconds") << u"githublatency=2s"_s << true << 0.0 << 2000;
        QTest::newRow("kube keys ignored") << u"500=0.05,429=0.1,github502=1"_s << true << 1.0 << 0;
        QTest::newRow("bad rate") << u"github502=lots"_s << false << 0.0 << 0;
        QTest::newRow("out of range") << u"github502=1.5"_s << false << 0.0 << 0;
        QTest::newRow("unknown github key") << u"githubnonsense=1"_s << false << 0.0 << 0;
    }

    void faultSpec()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QFETCH(double, badGateway);
        QFETCH(int, latencyMs);
        QString error;
        const GithubFaults f = GithubFaults::parse(spec, &error);
        QCOMPARE(error.isEmpty(), valid);
        if (valid) {
            QCOMPARE(f.badGatewayRate, badGateway);
            QCOMPARE(f.latencyMs, latencyMs);
        }
    }

    void badGatewayFault()
    {
        QString error;
        m_api.setFaults(GithubFaults::parse(u"github502=1"_s, &error));
        const Answer a = get(u"/user"_s, staff());
        m_api.setFaults({});
        QCOMPARE(a.status, 502);
        QVERIFY(a.header("content-type").startsWith("text/html"));
        QVERIFY(a.body.contains("<title>Unicorn!"));
        QCOMPARE(get(u"/user"_s, staff()).status, 200);
        m_api.setFaults(GithubFaults::parse(u"githubsecondary=1"_s, &error));
        const Answer secondary = get(u"/user"_s, staff());
        m_api.setFaults({});
        QCOMPARE(secondary.status, 403);
        QVERIFY(!secondary.header("retry-after").isEmpty());
    }

    void seededCode()
    {
        const auto file = [&](const char *login, const char *path, bool deployed = true) {
            const QString l = QString::fromLatin1(login);
            const GitId commit = deployed ? m_api.deployCommit(l) : m_api.branchHead(u"webapps101"_s, l);
            return m_api.store().fileAt(commit, QString::fromLatin1(path)).value_or(GitFile()).content;
        };
        QCOMPARE(m_api.studentRepository(u"Carol"_s), u"webapps101/carol"_s);
        QVERIFY(file("carol", "index.js").contains("require('express')"));
        QVERIFY(file("dave", "index.js").contains("Buffer.alloc"));
        QVERIFY(file("erin", "index.js").contains("20000"));
        QVERIFY(file("bob", "index.js").contains("Bob O\\'Neil"));
        // old-commit: HEAD is one ahead of what runs.
        const GitId frankHead = m_api.branchHead(u"webapps101"_s, u"frank"_s);
        QVERIFY(frankHead != m_api.deployCommit(u"frank"_s));
        QCOMPARE(m_api.store().readCommit(frankHead)->parents.first(), m_api.deployCommit(u"frank"_s));
        QVERIFY(!file("frank", "index.js").contains("<footer>"));
        QVERIFY(file("frank", "index.js", false).contains("<footer>"));
        const QJsonObject pkg = QJsonDocument::fromJson(file("alice", "package.json")).object();
        QCOMPARE(pkg.value(u"scripts"_s).toObject().value(u"start"_s).toString(), u"node index.js"_s);
        // Students made commits of their own, linked to their accounts.
        const QJsonArray commits = get(u"/repos/webapps101/erin/commits"_s, staff()).array();
        QVERIFY(commits.size() >= 4);
        QCOMPARE(commits.first().toObject().value(u"author"_s).toObject().value(u"login"_s).toString(),
                 u"erin"_s);

        if (!hasTool("node"))
            QSKIP("node is not installed");
        QTemporaryDir dir;
        const auto check = [&](const char *login) {
            const QString where = dir.filePath(QString::fromLatin1(login));
            QString error;
            if (!m_api.store().exportCommit(m_api.deployCommit(QString::fromLatin1(login)), where, &error))
                return -2;
            QProcess node;
            node.start(u"node"_s, {u"--check"_s, where + u"/index.js"_s});
            node.waitForFinished(30000);
            return node.exitCode();
        };
        QCOMPARE(check("alice"), 0);
        QVERIFY(check("bob") != 0);  // a syntax error
        QCOMPARE(check("carol"), 0); // fails only when run

        // The healthy app answers with the student's name.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess app;
        app.setWorkingDirectory(dir.filePath(u"alice"_s));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PORT"_s, QString::number(port));
        app.setProcessEnvironment(env);
        app.start(u"node"_s, {u"index.js"_s});
        QVERIFY(app.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(listening(port) || app.state() != QProcess::Running, 10000);
        QNetworkReply *page = m_nam.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/"_s.arg(port))));
        const Answer a = finish(page);
        app.kill();
        app.waitForFinished(5000);
        QCOMPARE(a.status, 200);
        QVERIFY(a.body.contains("Hello from Alice Martin"));
    }

    void persistence()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(m_api.save(dir.path(), &error), qPrintable(error));
        GithubApi restored;
        QVERIFY2(restored.load(dir.path(), &error), qPrintable(error));
        QCOMPARE(restored.branchHead(u"webapps101"_s, u"alice"_s),
                 m_api.branchHead(u"webapps101"_s, u"alice"_s));
        QCOMPARE(restored.tokenFor(u"alice"_s), m_api.tokenFor(u"alice"_s));
        QCOMPARE(restored.deployCommit(u"frank"_s), m_api.deployCommit(u"frank"_s));
        QCOMPARE(restored.repositoriesOf(u"webapps101"_s).size(),
                 m_api.repositoriesOf(u"webapps101"_s).size());

        HttpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        server.setHandler(
            [&restored](const HttpRequest &r, HttpResponse *response) { restored.handle(r, response); });
        restored.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(server.port())));
        const QString saved = m_base;
        m_base = u"http://127.0.0.1:%1"_s.arg(server.port());
        const Answer pulls = get(u"/repos/webapps101/alice/pulls?state=all&per_page=100"_s, staff());
        const Answer file = get(u"/repos/webapps101/alice/contents/index.js"_s, m_api.tokenFor(u"alice"_s));
        m_base = saved;
        QCOMPARE(pulls.status, 200);
        QCOMPARE(pulls.array().size(),
                 get(u"/repos/webapps101/alice/pulls?state=all&per_page=100"_s, staff()).array().size());
        QCOMPARE(file.status, 200);
        QVERIFY(decodeContent(file.object()).contains("Alice Martin"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    GithubApiTest api;
    const int apiFailures = QTest::qExec(&api, argc, argv);
    return apiFailures + runGithubDiffTests(argc, argv);
}

#include "tst_githubapi.moc"
