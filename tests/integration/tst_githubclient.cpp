// The console's GitHub client against courseops-sandbox: every repository
// operation, the atomic commit refused when the branch moved (with both sides
// for a merge), the request governor (1,000 creations without one secondary
// limit, near the fastest allowed rate), a 502 storm, a 304 that costs no
// quota, device-flow and token login, the token store, and commit ids checked
// with the real `git`.

#include "../common/sandboxprocess.h"
#include "github/githubclient.h"
#include "github/githublogin.h"
#include "github/githubrepos.h"
#include "github/tokenstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace github;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWait = 60000;
const QString kOrg = u"webapps101"_s;
const QString kTemplate = u"app-template"_s;

template<typename T> struct Outcome
{
    bool done = false;
    GithubError error;
    T value{};
};

template<typename T> Done<T> into(const std::shared_ptr<Outcome<T>> &o)
{
    return [o](const GithubError &e, const T &v) {
        o->error = e;
        o->value = v;
        o->done = true;
    };
}

// A sandbox that writes its GitHub settings; its stderr carries its GitHub log.
struct GithubSandbox
{
    SandboxProcess process;
    QString envPath;
    QByteArray stderrLog;

    bool start(const QStringList &extra)
    {
        // The sandbox logs every secondary-limit answer at debug level: the tests count them.
        qputenv("QT_LOGGING_RULES", "courseops.sandbox.github.debug=true");
        envPath = process.dir() + u"/github.env"_s;
        const bool ok = process.start(
            QStringList{u"--runtime"_s, u"simulated"_s, u"--write-github-env"_s, envPath} + extra);
        qunsetenv("QT_LOGGING_RULES");
        return ok;
    }
    int secondaryLimitAnswers()
    {
        stderrLog += process.stderrOutput();
        return int(stderrLog.count("secondary rate limit for"));
    }
};

std::unique_ptr<GithubClient> makeClient(const QString &envPath, const GovernorLimits &limits,
                                         QByteArray *tokenOut = nullptr)
{
    GithubConfig config;
    QByteArray token;
    QString error;
    if (!GithubConfig::readEnvFile(envPath, &config, &token, &error)) {
        qWarning().noquote() << error;
        return nullptr;
    }
    config.limits = limits;
    auto client = std::make_unique<GithubClient>(config);
    client->setToken(token);
    GithubClient::RetryPolicy retry;
    retry.initialMs = 20;
    retry.capMs = 400;
    retry.secondaryDefaultMs = 1000;
    client->setRetryPolicy(retry);
    if (tokenOut)
        *tokenOut = token;
    return client;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
};

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
    return {p.exitCode(), p.readAllStandardOutput().trimmed()};
}

// The fastest schedule the sandbox's sliding windows allow for n content-creating
// requests: each starts as soon as neither window is full. Returns the last start (ms).
double fastestAllowedMs(int n, int perMinute, double minuteMs, int perHour, double hourMs)
{
    std::vector<double> t(size_t(n), 0.0);
    for (int i = 1; i < n; ++i) {
        double s = t[size_t(i - 1)];
        if (i >= perMinute)
            s = std::max(s, t[size_t(i - perMinute)] + minuteMs);
        if (i >= perHour)
            s = std::max(s, t[size_t(i - perHour)] + hourMs);
        t[size_t(i)] = s;
    }
    return t.back();
}

} // namespace

class TestGithubClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokenLogin();
    void deviceFlowLogin();
    void tokenStore();
    void repositories();
    void treeAndFiles();
    void notModifiedCostsNoQuota();
    void commitCheckedWithGit();
    void commitRefusedWhenBranchMoved();
    void generateForkAndMergeUpstream();
    void pullRequestsAndCollaborators();
    void errorsSayWhatToDo();
    void clientInWorkerThread();
    void badGatewayStorm();
    void primaryLimitWaitsForReset();
    void thousandCreationsWithinLimits();

private:
    // The main sandbox's limits, scaled so the tests do not wait for GitHub's minute.
    GovernorLimits mainLimits() const
    {
        GovernorLimits l;
        l.contentPerMinute = 80;
        l.minuteMs = 4000;
        l.contentPerHour = 500;
        l.hourMs = 60000;
        return l;
    }

    GithubSandbox m_sandbox;
    std::unique_ptr<GithubClient> m_client;
    std::unique_ptr<GithubRepos> m_repos;
    QByteArray m_token;
};

void TestGithubClient::initTestCase()
{
    QVERIFY(m_sandbox.start(
        {u"--github-limits"_s, u"content-per-minute=80,minute=4s,content-per-hour=500,hour=60s"_s}));
    m_client = makeClient(m_sandbox.envPath, mainLimits(), &m_token);
    QVERIFY(m_client);
    QVERIFY(!m_token.isEmpty());
    m_repos = std::make_unique<GithubRepos>(m_client.get());
    m_repos->setForkPolling(100, 30000);
}

void TestGithubClient::tokenLogin()
{
    QObject ctx;
    auto who = std::make_shared<std::tuple<bool, GithubError, User, QStringList>>();
    verifyToken(m_client.get(), &ctx, [who](const GithubError &e, const User &u, const QStringList &scopes) {
        *who = {true, e, u, scopes};
    });
    QTRY_VERIFY_WITH_TIMEOUT(std::get<0>(*who), kWait);
    QVERIFY2(std::get<1>(*who).isOk(), qPrintable(std::get<1>(*who).message));
    QCOMPARE(std::get<2>(*who).login, u"webapps101-staff"_s);
    QVERIFY(std::get<3>(*who).contains(u"repo"_s));

    // A wrong token: the message says to log in again.
    GithubConfig config = m_client->config();
    GithubClient wrong(config);
    wrong.setToken("ghp_notavalidtoken000000000000000000000");
    auto bad = std::make_shared<std::tuple<bool, GithubError, User, QStringList>>();
    verifyToken(&wrong, &ctx, [bad](const GithubError &e, const User &u, const QStringList &s) {
        *bad = {true, e, u, s};
    });
    QTRY_VERIFY_WITH_TIMEOUT(std::get<0>(*bad), kWait);
    QCOMPARE(std::get<1>(*bad).kind, GithubError::Kind::Unauthorized);
    QVERIFY2(std::get<1>(*bad).message.contains(u"log in again"_s), qPrintable(std::get<1>(*bad).message));
}

void TestGithubClient::deviceFlowLogin()
{
    GithubClient anonymous(m_client->config());
    DeviceFlowLogin login(&anonymous, u"courseops-test"_s, {u"repo"_s, u"read:org"_s});
    QSignalSpy code(&login, &DeviceFlowLogin::codeReady);
    QSignalSpy ok(&login, &DeviceFlowLogin::succeeded);
    QSignalSpy failed(&login, &DeviceFlowLogin::failed);
    login.start();
    QVERIFY(code.wait(kWait));
    const DeviceCode c = code.at(0).at(0).value<DeviceCode>();
    QVERIFY(!c.userCode.isEmpty());
    QVERIFY(c.verificationUri.endsWith(u"/login/device"_s));
    QVERIFY(c.interval >= 1);

    // The person approves on the verification page, signed in as the TA.
    QNetworkAccessManager nam;
    QNetworkRequest r{QUrl(c.verificationUri)};
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.addCaCertificates(m_client->config().caCertificates);
    r.setSslConfiguration(ssl);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *approve = nam.post(r, "user_code=" + c.userCode.toLatin1() + "&login=webapps101-ta");
    QTRY_VERIFY_WITH_TIMEOUT(approve->isFinished(), kWait);
    QCOMPARE(approve->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    approve->deleteLater();

    QTRY_VERIFY_WITH_TIMEOUT(ok.size() == 1 || failed.size() == 1, 3 * kWait);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).value<GithubError>().message));
    const QByteArray token = ok.at(0).at(0).toByteArray();
    QVERIFY(token.size() > 10);

    // The new token speaks for the TA.
    GithubClient asTa(m_client->config());
    asTa.setToken(token);
    QObject ctx;
    auto who = std::make_shared<std::pair<bool, User>>();
    verifyToken(&asTa, &ctx, [who](const GithubError &, const User &u, const QStringList &) {
        *who = {true, u};
    });
    QTRY_VERIFY_WITH_TIMEOUT(who->first, kWait);
    QCOMPARE(who->second.login, u"webapps101-ta"_s);

    // A second login that the person turns down ends with a message saying so.
    DeviceFlowLogin denied(&anonymous, u"courseops-test"_s, {u"repo"_s});
    QSignalSpy code2(&denied, &DeviceFlowLogin::codeReady);
    QSignalSpy ok2(&denied, &DeviceFlowLogin::succeeded);
    QSignalSpy failed2(&denied, &DeviceFlowLogin::failed);
    denied.start();
    QVERIFY(code2.wait(kWait));
    const DeviceCode c2 = code2.at(0).at(0).value<DeviceCode>();
    QNetworkReply *deny = nam.post(r, "user_code=" + c2.userCode.toLatin1() + "&action=deny");
    QTRY_VERIFY_WITH_TIMEOUT(deny->isFinished(), kWait);
    QCOMPARE(deny->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    deny->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(failed2.size() == 1, 3 * kWait);
    QCOMPARE(ok2.size(), 0);
    const GithubError e = failed2.at(0).at(0).value<GithubError>();
    QCOMPARE(e.githubMessage, u"access_denied"_s);
    QVERIFY2(e.message.contains(u"cancelled"_s) && e.message.contains(u"again"_s), qPrintable(e.message));
}

void TestGithubClient::tokenStore()
{
    TokenStore store(u"CourseOps-test-%1"_s.arg(QCoreApplication::applicationPid()));
    QObject ctx;
    auto saved = std::make_shared<std::pair<bool, bool>>();
    store.save(u"sandbox/webapps101-staff"_s, m_token, &ctx, [saved](bool persisted) {
        *saved = {true, persisted};
    });
    QTRY_VERIFY_WITH_TIMEOUT(saved->first, kWait);
    if (!saved->second) {
        // No keychain here (CI): the notice says the token lives in memory and how to fix that.
        QVERIFY(!store.keychainAvailable());
        QVERIFY2(store.notice().contains(u"in memory"_s) && store.notice().contains(u"keychain"_s),
                 qPrintable(store.notice()));
        QVERIFY(!store.notice().contains(QString::fromLatin1(m_token)));
    }
    auto loaded = std::make_shared<std::pair<bool, QByteArray>>();
    store.load(u"sandbox/webapps101-staff"_s, &ctx, [loaded](const QByteArray &t) { *loaded = {true, t}; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded->first, kWait);
    QCOMPARE(loaded->second, m_token);
    bool removed = false;
    store.remove(u"sandbox/webapps101-staff"_s, &ctx, [&removed] { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, kWait);
    loaded->first = false;
    store.load(u"sandbox/webapps101-staff"_s, &ctx, [loaded](const QByteArray &t) { *loaded = {true, t}; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded->first, kWait);
    QVERIFY(loaded->second.isEmpty());
}

void TestGithubClient::repositories()
{
    QObject ctx;
    auto repo = std::make_shared<Outcome<Repository>>();
    m_repos->getRepository(kOrg, kTemplate, &ctx, into(repo));
    QTRY_VERIFY_WITH_TIMEOUT(repo->done, kWait);
    QVERIFY2(repo->error.isOk(), qPrintable(repo->error.message));
    QCOMPARE(repo->value.fullName, kOrg + u'/' + kTemplate);
    QVERIFY(repo->value.isTemplate);
    QVERIFY(!repo->value.defaultBranch.isEmpty());

    // Enough repositories for several pages of 100: every one comes back once.
    auto before = std::make_shared<Outcome<QList<Repository>>>();
    m_repos->listRepositories(kOrg, OwnerKind::Organization, &ctx, into(before));
    QTRY_VERIFY_WITH_TIMEOUT(before->done, kWait);
    QVERIFY2(before->error.isOk(), qPrintable(before->error.message));
    const int extra = std::max(0, 230 - int(before->value.size()));
    int created = 0;
    int failures = 0;
    for (int i = 0; i < extra; ++i) {
        GithubRequest r;
        r.verb = "POST";
        r.path = u"/orgs/webapps101/repos"_s;
        r.body = QJsonDocument(QJsonObject{{u"name"_s, u"page-filler-%1"_s.arg(i)}}).toJson();
        m_client->send(r, &ctx, [&created, &failures](const GithubReply &reply) {
            ++created;
            failures += reply.ok() ? 0 : 1;
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(created == extra, 5 * kWait);
    QCOMPARE(failures, 0);
    const int requestsBefore = m_client->stats().requests;
    auto all = std::make_shared<Outcome<QList<Repository>>>();
    m_repos->listRepositories(kOrg, OwnerKind::Organization, &ctx, into(all));
    QTRY_VERIFY_WITH_TIMEOUT(all->done, kWait);
    QVERIFY2(all->error.isOk(), qPrintable(all->error.message));
    QCOMPARE(int(all->value.size()), int(before->value.size()) + extra);
    QSet<QString> names;
    for (const Repository &r : all->value)
        names.insert(r.fullName);
    QCOMPARE(int(names.size()), int(all->value.size()));
    QVERIFY(names.contains(u"webapps101/page-filler-0"_s) || extra == 0);
    QVERIFY(m_client->stats().requests - requestsBefore >= 3); // followed Link rel="next"
}

void TestGithubClient::treeAndFiles()
{
    QObject ctx;
    auto tree = std::make_shared<Outcome<Tree>>();
    m_repos->tree(kOrg, kTemplate, u"main"_s, &ctx, into(tree));
    QTRY_VERIFY_WITH_TIMEOUT(tree->done, kWait);
    QVERIFY2(tree->error.isOk(), qPrintable(tree->error.message));
    QVERIFY(!tree->value.truncated);
    QStringList blobs;
    for (const TreeEntry &e : tree->value.entries) {
        if (e.type == u"blob"_s)
            blobs.append(e.path);
    }
    QVERIFY2(blobs.contains(u"package.json"_s), qPrintable(blobs.join(u", "_s)));

    auto file = std::make_shared<Outcome<FileContent>>();
    m_repos->readFile(kOrg, kTemplate, u"package.json"_s, u"main"_s, &ctx, into(file));
    QTRY_VERIFY_WITH_TIMEOUT(file->done, kWait);
    QVERIFY2(file->error.isOk(), qPrintable(file->error.message));
    QVERIFY(QJsonDocument::fromJson(file->value.content).isObject());
    const Run hashed = git(QDir::tempPath(), {u"hash-object"_s, u"--stdin"_s}, file->value.content);
    QCOMPARE(hashed.out, file->value.sha);

    auto missing = std::make_shared<Outcome<FileContent>>();
    m_repos->readFile(kOrg, kTemplate, u"no/such/file.js"_s, u"main"_s, &ctx, into(missing));
    QTRY_VERIFY_WITH_TIMEOUT(missing->done, kWait);
    QCOMPARE(missing->error.kind, GithubError::Kind::NotFound);
    QVERIFY2(missing->error.message.contains(u"no/such/file.js"_s), qPrintable(missing->error.message));
}

void TestGithubClient::notModifiedCostsNoQuota()
{
    GithubRequest r;
    r.path = u"/repos/webapps101/app-template"_s;
    const GithubReply first = m_client->sendAndWait(r);
    QVERIFY2(first.ok(), qPrintable(first.error.message));
    QVERIFY(first.headers.contains("etag"));
    const int notModified = m_client->stats().notModified;
    const GithubReply second = m_client->sendAndWait(r);
    QVERIFY2(second.ok(), qPrintable(second.error.message));
    QVERIFY(second.fromCache);
    QCOMPARE(second.body, first.body); // the cached body, served for the 304
    QCOMPARE(m_client->stats().notModified, notModified + 1);
    // GitHub does not count a 304: the quota left is what it was.
    QCOMPARE(second.headers.value("x-ratelimit-remaining"), first.headers.value("x-ratelimit-remaining"));
    QCOMPARE(second.headers.value("x-ratelimit-used"), first.headers.value("x-ratelimit-used"));
}

void TestGithubClient::commitCheckedWithGit()
{
    QObject ctx;
    auto made = std::make_shared<Outcome<Repository>>();
    m_repos->generateFromTemplate(kOrg, kTemplate, kOrg, u"commit-check"_s, true, &ctx, into(made));
    QTRY_VERIFY_WITH_TIMEOUT(made->done, kWait);
    QVERIFY2(made->error.isOk(), qPrintable(made->error.message));
    auto base = std::make_shared<Outcome<QByteArray>>();
    m_repos->branchHead(kOrg, u"commit-check"_s, u"main"_s, &ctx, into(base));
    QTRY_VERIFY_WITH_TIMEOUT(base->done, kWait);
    QVERIFY2(base->error.isOk(), qPrintable(base->error.message));

    const QDateTime when = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    CommitRequest c;
    c.owner = kOrg;
    c.repo = u"commit-check"_s;
    c.branch = u"main"_s;
    c.baseCommit = base->value;
    c.message = u"Fix the page and the start script, add a run script, drop the README"_s;
    c.author = {u"Ada Lovelace"_s, u"ada@staff.example.org"_s, when};
    c.committer = {u"CourseOps"_s, u"courseops@staff.example.org"_s, when};
    c.coAuthors = {{u"Priya Iyer"_s, u"priya.iyer@students.example.org"_s, {}}};
    // Two files edited, one added (executable) and one deleted: one commit.
    auto original = [&](const QString &path, QByteArray *content) {
        auto file = std::make_shared<Outcome<FileContent>>();
        m_repos->readFile(kOrg, u"commit-check"_s, path, QString::fromLatin1(base->value), &ctx, into(file));
        QTRY_VERIFY_WITH_TIMEOUT(file->done, kWait);
        QVERIFY2(file->error.isOk(), qPrintable(file->error.message));
        *content = file->value.content;
    };
    QByteArray indexJs, packageJson;
    original(u"index.js"_s, &indexJs);
    original(u"package.json"_s, &packageJson);
    QVERIFY(!indexJs.isEmpty() && !packageJson.isEmpty());
    c.changes = {{u"index.js"_s, indexJs + "// reviewed by the course staff\n", false},
                 {u"package.json"_s, QByteArray(packageJson).replace("node index.js", "node --enable-source-maps index.js"),
                  false},
                 {u"scripts/run.sh"_s, QByteArray("#!/bin/sh\nexec node index.js\n"), true},
                 {u"README.md"_s, std::nullopt, false}};
    QVERIFY(c.changes[1].content != packageJson);
    auto result = std::make_shared<std::pair<bool, CommitResult>>();
    m_repos->commit(c, &ctx, [result](const CommitResult &r) { *result = {true, r}; });
    QTRY_VERIFY_WITH_TIMEOUT(result->first, kWait);
    const CommitResult &r = result->second;
    QVERIFY2(r.outcome == CommitResult::Outcome::Committed, qPrintable(r.error.message));

    // The branch holds the commit.
    auto head = std::make_shared<Outcome<QByteArray>>();
    m_repos->branchHead(kOrg, u"commit-check"_s, u"main"_s, &ctx, into(head));
    QTRY_VERIFY_WITH_TIMEOUT(head->done, kWait);
    QCOMPARE(head->value, r.commitSha);

    // Export the commit's files and let git rebuild the tree and the commit.
    QTemporaryDir dir;
    QVERIFY(git(dir.path(), {u"init"_s, u"-q"_s}).exitCode == 0);
    auto tree = std::make_shared<Outcome<Tree>>();
    m_repos->tree(kOrg, u"commit-check"_s, QString::fromLatin1(r.commitSha), &ctx, into(tree));
    QTRY_VERIFY_WITH_TIMEOUT(tree->done, kWait);
    QVERIFY2(tree->error.isOk(), qPrintable(tree->error.message));
    QStringList paths;
    for (const TreeEntry &e : tree->value.entries) {
        if (e.type != u"blob"_s)
            continue;
        paths.append(e.path);
        auto file = std::make_shared<Outcome<FileContent>>();
        m_repos->readFile(kOrg, u"commit-check"_s, e.path, QString::fromLatin1(r.commitSha), &ctx,
                          into(file));
        QTRY_VERIFY_WITH_TIMEOUT(file->done, kWait);
        QVERIFY2(file->error.isOk(), qPrintable(file->error.message));
        const QString path = dir.filePath(e.path);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file->value.content);
        f.close();
        if (e.mode == u"100755"_s)
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                             QFileDevice::ExeOther);
        QCOMPARE(git(dir.path(), {u"hash-object"_s, e.path}).out, e.sha);
    }
    QVERIFY(paths.contains(u"index.js"_s));
    QVERIFY(paths.contains(u"package.json"_s));
    QVERIFY(paths.contains(u"scripts/run.sh"_s));
    QCOMPARE(QFile(dir.filePath(u"index.js"_s)).size(), qint64(c.changes[0].content->size()));
    QVERIFY(!paths.contains(u"README.md"_s));
    QVERIFY(git(dir.path(), {u"add"_s, u"-A"_s}).exitCode == 0);
    QCOMPARE(git(dir.path(), {u"write-tree"_s}).out, r.treeSha);
    const QString message = withCoAuthors(c.message, c.coAuthors);
    QVERIFY(message.endsWith(u"\n\nCo-authored-by: Priya Iyer <priya.iyer@students.example.org>\n"_s));
    // The commit object exactly as git writes it; git hashes it (the parent need not be here).
    const QByteArray stamp = QByteArray::number(when.toSecsSinceEpoch()) + " +0000";
    const QByteArray object =
        "tree " + r.treeSha + "\nparent " + base->value + "\nauthor Ada Lovelace <ada@staff.example.org> " +
        stamp + "\ncommitter CourseOps <courseops@staff.example.org> " + stamp + "\n\n" + message.toUtf8();
    const Run commit = git(dir.path(), {u"hash-object"_s, u"-t"_s, u"commit"_s, u"--stdin"_s}, object);
    QCOMPARE(commit.exitCode, 0);
    QCOMPARE(commit.out, r.commitSha);
}

void TestGithubClient::commitRefusedWhenBranchMoved()
{
    QObject ctx;
    auto made = std::make_shared<Outcome<Repository>>();
    m_repos->generateFromTemplate(kOrg, kTemplate, kOrg, u"moved-branch"_s, true, &ctx, into(made));
    QTRY_VERIFY_WITH_TIMEOUT(made->done, kWait);
    QVERIFY2(made->error.isOk(), qPrintable(made->error.message));
    auto opened = std::make_shared<Outcome<QByteArray>>();
    m_repos->branchHead(kOrg, u"moved-branch"_s, u"main"_s, &ctx, into(opened));
    QTRY_VERIFY_WITH_TIMEOUT(opened->done, kWait);
    auto original = std::make_shared<Outcome<FileContent>>();
    m_repos->readFile(kOrg, u"moved-branch"_s, u"package.json"_s, QString::fromLatin1(opened->value), &ctx,
                      into(original));
    QTRY_VERIFY_WITH_TIMEOUT(original->done, kWait);
    QVERIFY2(original->error.isOk(), qPrintable(original->error.message));

    // A second client (another TA) commits first.
    auto other = makeClient(m_sandbox.envPath, mainLimits());
    GithubRepos otherRepos(other.get());
    CommitRequest theirs;
    theirs.owner = kOrg;
    theirs.repo = u"moved-branch"_s;
    theirs.branch = u"main"_s;
    theirs.baseCommit = opened->value;
    theirs.message = u"Their fix"_s;
    theirs.author = {u"Other TA"_s, u"ta2@staff.example.org"_s, {}};
    theirs.changes = {{u"package.json"_s, QByteArray("{\"name\": \"theirs\"}\n"), false}};
    auto first = std::make_shared<std::pair<bool, CommitResult>>();
    otherRepos.commit(theirs, &ctx, [first](const CommitResult &r) { *first = {true, r}; });
    QTRY_VERIFY_WITH_TIMEOUT(first->first, kWait);
    QVERIFY2(first->second.outcome == CommitResult::Outcome::Committed,
             qPrintable(first->second.error.message));

    // Ours started from the same commit: refused, nothing overwritten, both sides returned.
    CommitRequest mine = theirs;
    mine.message = u"My fix"_s;
    mine.author = {u"Ada Lovelace"_s, u"ada@staff.example.org"_s, {}};
    mine.changes = {{u"package.json"_s, QByteArray("{\"name\": \"mine\"}\n"), false},
                    {u"notes/new.md"_s, QByteArray("# new\n"), false}};
    auto second = std::make_shared<std::pair<bool, CommitResult>>();
    m_repos->commit(mine, &ctx, [second](const CommitResult &r) { *second = {true, r}; });
    QTRY_VERIFY_WITH_TIMEOUT(second->first, kWait);
    const CommitResult &r = second->second;
    QCOMPARE(int(r.outcome), int(CommitResult::Outcome::BranchMoved));
    QVERIFY2(r.error.message.contains(u"Nothing was saved"_s), qPrintable(r.error.message));
    QCOMPARE(r.baseCommit, opened->value);
    QCOMPARE(r.theirsCommit, first->second.commitSha);
    QCOMPARE(r.sides.size(), 2);
    QCOMPARE(r.sides.at(0).path, u"package.json"_s);
    QCOMPARE(r.sides.at(0).base, std::optional<QByteArray>(original->value.content));
    QCOMPARE(r.sides.at(0).theirs, std::optional<QByteArray>(QByteArray("{\"name\": \"theirs\"}\n")));
    QCOMPARE(r.sides.at(0).mine, std::optional<QByteArray>(QByteArray("{\"name\": \"mine\"}\n")));
    QCOMPARE(r.sides.at(1).path, u"notes/new.md"_s);
    QVERIFY(!r.sides.at(1).base.has_value());
    QVERIFY(!r.sides.at(1).theirs.has_value());

    // The server still has their commit and their content.
    auto now = std::make_shared<Outcome<FileContent>>();
    m_repos->readFile(kOrg, u"moved-branch"_s, u"package.json"_s, u"main"_s, &ctx, into(now));
    QTRY_VERIFY_WITH_TIMEOUT(now->done, kWait);
    QCOMPARE(now->value.content, QByteArray("{\"name\": \"theirs\"}\n"));

    // Re-based on their head, the same change goes through.
    mine.baseCommit = r.theirsCommit;
    auto third = std::make_shared<std::pair<bool, CommitResult>>();
    m_repos->commit(mine, &ctx, [third](const CommitResult &res) { *third = {true, res}; });
    QTRY_VERIFY_WITH_TIMEOUT(third->first, kWait);
    QVERIFY2(third->second.outcome == CommitResult::Outcome::Committed,
             qPrintable(third->second.error.message));
}

void TestGithubClient::generateForkAndMergeUpstream()
{
    QObject ctx;
    // Fork the template into the staff account and wait until it has its commits.
    auto fork = std::make_shared<Outcome<Repository>>();
    m_repos->fork(kOrg, kTemplate, QString(), QString(), &ctx, into(fork));
    QTRY_VERIFY_WITH_TIMEOUT(fork->done, kWait);
    QVERIFY2(fork->error.isOk(), qPrintable(fork->error.message));
    QVERIFY(fork->value.isFork);
    QCOMPARE(fork->value.parentFullName, kOrg + u'/' + kTemplate);
    auto forkTree = std::make_shared<Outcome<Tree>>();
    m_repos->tree(fork->value.owner, fork->value.name, fork->value.defaultBranch, &ctx, into(forkTree));
    QTRY_VERIFY_WITH_TIMEOUT(forkTree->done, kWait);
    QVERIFY2(forkTree->error.isOk(), qPrintable(forkTree->error.message));
    QVERIFY(!forkTree->value.entries.isEmpty());

    // Upstream moves; merge-upstream brings the fork along (a fast-forward).
    CommitRequest up;
    up.owner = kOrg;
    up.repo = kTemplate;
    up.branch = u"main"_s;
    up.message = u"Template fix"_s;
    up.author = {u"Course Staff"_s, u"staff@example.org"_s, {}};
    up.changes = {{u"TEMPLATE_FIX.md"_s, QByteArray("fixed\n"), false}};
    auto upstream = std::make_shared<std::pair<bool, CommitResult>>();
    m_repos->commit(up, &ctx, [upstream](const CommitResult &r) { *upstream = {true, r}; });
    QTRY_VERIFY_WITH_TIMEOUT(upstream->first, kWait);
    QVERIFY2(upstream->second.outcome == CommitResult::Outcome::Committed,
             qPrintable(upstream->second.error.message));

    auto cmp = std::make_shared<Outcome<Comparison>>();
    m_repos->compare(kOrg, kTemplate, QString::fromLatin1(upstream->second.baseCommit),
                     QString::fromLatin1(upstream->second.commitSha), &ctx, into(cmp));
    QTRY_VERIFY_WITH_TIMEOUT(cmp->done, kWait);
    QVERIFY2(cmp->error.isOk(), qPrintable(cmp->error.message));
    QCOMPARE(cmp->value.status, u"ahead"_s);
    QCOMPARE(cmp->value.aheadBy, 1);
    QCOMPARE(cmp->value.files.size(), 1);
    QCOMPARE(cmp->value.files.at(0).filename, u"TEMPLATE_FIX.md"_s);
    QCOMPARE(cmp->value.files.at(0).status, u"added"_s);

    auto merged = std::make_shared<Outcome<MergeUpstream>>();
    m_repos->mergeUpstream(fork->value.owner, fork->value.name, fork->value.defaultBranch, &ctx,
                           into(merged));
    QTRY_VERIFY_WITH_TIMEOUT(merged->done, kWait);
    QVERIFY2(merged->error.isOk(), qPrintable(merged->error.message));
    QCOMPARE(merged->value.mergeType, u"fast-forward"_s);
    auto forkHead = std::make_shared<Outcome<QByteArray>>();
    m_repos->branchHead(fork->value.owner, fork->value.name, fork->value.defaultBranch, &ctx, into(forkHead));
    QTRY_VERIFY_WITH_TIMEOUT(forkHead->done, kWait);
    QCOMPARE(forkHead->value, upstream->second.commitSha);
}

void TestGithubClient::pullRequestsAndCollaborators()
{
    QObject ctx;
    auto made = std::make_shared<Outcome<Repository>>();
    m_repos->generateFromTemplate(kOrg, kTemplate, kOrg, u"pulls-check"_s, true, &ctx, into(made));
    QTRY_VERIFY_WITH_TIMEOUT(made->done, kWait);
    QVERIFY2(made->error.isOk(), qPrintable(made->error.message));
    auto head = std::make_shared<Outcome<QByteArray>>();
    m_repos->branchHead(kOrg, u"pulls-check"_s, u"main"_s, &ctx, into(head));
    QTRY_VERIFY_WITH_TIMEOUT(head->done, kWait);

    // A branch to propose from.
    GithubRequest branch;
    branch.verb = "POST";
    branch.path = u"/repos/webapps101/pulls-check/git/refs"_s;
    branch.body = QJsonDocument(QJsonObject{{u"ref"_s, u"refs/heads/fix"_s},
                                            {u"sha"_s, QString::fromLatin1(head->value)}})
                      .toJson();
    QVERIFY(m_client->sendAndWait(branch).ok());
    CommitRequest c;
    c.owner = kOrg;
    c.repo = u"pulls-check"_s;
    c.branch = u"fix"_s;
    c.message = u"Template fix for everyone"_s;
    c.author = {u"Course Staff"_s, u"staff@example.org"_s, {}};
    c.changes = {{u"FIX.md"_s, QByteArray("fix\n"), false}};
    auto committed = std::make_shared<std::pair<bool, CommitResult>>();
    m_repos->commit(c, &ctx, [committed](const CommitResult &r) { *committed = {true, r}; });
    QTRY_VERIFY_WITH_TIMEOUT(committed->first, kWait);
    QVERIFY2(committed->second.outcome == CommitResult::Outcome::Committed,
             qPrintable(committed->second.error.message));

    auto pull = std::make_shared<Outcome<PullRequest>>();
    m_repos->createPullRequest(kOrg, u"pulls-check"_s, u"Template fix"_s, u"fix"_s, u"main"_s,
                               u"Please merge"_s, &ctx, into(pull));
    QTRY_VERIFY_WITH_TIMEOUT(pull->done, kWait);
    QVERIFY2(pull->error.isOk(), qPrintable(pull->error.message));
    QVERIFY(pull->value.number > 0);
    QCOMPARE(pull->value.state, u"open"_s);
    QCOMPARE(pull->value.headSha, committed->second.commitSha);

    auto list = std::make_shared<Outcome<QList<PullRequest>>>();
    m_repos->listPullRequests(kOrg, u"pulls-check"_s, u"open"_s, &ctx, into(list));
    QTRY_VERIFY_WITH_TIMEOUT(list->done, kWait);
    QVERIFY2(list->error.isOk(), qPrintable(list->error.message));
    QCOMPARE(list->value.size(), 1);
    QCOMPARE(list->value.at(0).number, pull->value.number);

    auto got = std::make_shared<Outcome<PullRequest>>();
    m_repos->getPullRequest(kOrg, u"pulls-check"_s, pull->value.number, &ctx, into(got));
    QTRY_VERIFY_WITH_TIMEOUT(got->done, kWait);
    QCOMPARE(got->value.title, u"Template fix"_s);

    auto merge = std::make_shared<Outcome<MergeResult>>();
    m_repos->mergePullRequest(kOrg, u"pulls-check"_s, pull->value.number, u"merge"_s, pull->value.headSha,
                              &ctx, into(merge));
    QTRY_VERIFY_WITH_TIMEOUT(merge->done, kWait);
    QVERIFY2(merge->error.isOk(), qPrintable(merge->error.message));
    QVERIFY(merge->value.merged);
    auto mainHead = std::make_shared<Outcome<QByteArray>>();
    m_repos->branchHead(kOrg, u"pulls-check"_s, u"main"_s, &ctx, into(mainHead));
    QTRY_VERIFY_WITH_TIMEOUT(mainHead->done, kWait);
    QCOMPARE(mainHead->value, merge->value.sha);

    // A collaborator: invited (201), and the sandbox, like an accepted invitation, then answers 204 for them.
    auto added = std::make_shared<Outcome<bool>>();
    m_repos->addCollaborator(kOrg, u"pulls-check"_s, u"priya-iyer"_s, u"push"_s, &ctx, into(added));
    QTRY_VERIFY_WITH_TIMEOUT(added->done, kWait);
    QVERIFY2(added->error.isOk(), qPrintable(added->error.message));
    QVERIFY(added->value);
    GithubRequest check;
    check.path = u"/repos/webapps101/pulls-check/collaborators/priya-iyer"_s;
    const GithubReply collaborator = m_client->sendAndWait(check);
    QCOMPARE(collaborator.status, 204);
    check.path = u"/repos/webapps101/pulls-check/collaborators/rohan-meht"_s;
    QCOMPARE(m_client->sendAndWait(check).status, 404);
}

void TestGithubClient::errorsSayWhatToDo()
{
    QObject ctx;
    auto missing = std::make_shared<Outcome<Repository>>();
    m_repos->getRepository(kOrg, u"does-not-exist"_s, &ctx, into(missing));
    QTRY_VERIFY_WITH_TIMEOUT(missing->done, kWait);
    QCOMPARE(missing->error.kind, GithubError::Kind::NotFound);
    QVERIFY2(missing->error.message.contains(u"webapps101/does-not-exist"_s) &&
                 missing->error.message.contains(u"no access"_s),
             qPrintable(missing->error.message));

    // Generating a name that exists: GitHub's own words come through (422).
    auto twice = std::make_shared<Outcome<Repository>>();
    m_repos->generateFromTemplate(kOrg, kTemplate, kOrg, u"commit-check"_s, true, &ctx, into(twice));
    QTRY_VERIFY_WITH_TIMEOUT(twice->done, kWait);
    QCOMPARE(twice->error.kind, GithubError::Kind::Validation);
    QVERIFY2(!twice->error.githubMessage.isEmpty() &&
                 twice->error.message.contains(twice->error.githubMessage),
             qPrintable(twice->error.message));

    // An empty repository: 409 with GitHub's message.
    GithubRequest empty;
    empty.verb = "POST";
    empty.path = u"/orgs/webapps101/repos"_s;
    empty.body = QJsonDocument(QJsonObject{{u"name"_s, u"empty-one"_s}}).toJson();
    QVERIFY(m_client->sendAndWait(empty).ok());
    auto tree = std::make_shared<Outcome<Tree>>();
    m_repos->tree(kOrg, u"empty-one"_s, u"main"_s, &ctx, into(tree));
    QTRY_VERIFY_WITH_TIMEOUT(tree->done, kWait);
    QVERIFY(!tree->error.isOk());
    QVERIFY2(!tree->error.message.isEmpty(), qPrintable(tree->error.message));
}

void TestGithubClient::clientInWorkerThread()
{
    // The console keeps the client (network and JSON decoding) off the GUI thread;
    // results come back to the caller's thread.
    QThread worker;
    auto client = makeClient(m_sandbox.envPath, mainLimits());
    QVERIFY(client);
    GithubClient *raw = client.release();
    raw->moveToThread(&worker);
    worker.start();
    GithubRepos repos(raw);
    QObject ctx;
    auto tree = std::make_shared<Outcome<Tree>>();
    QThread *deliveredIn = nullptr;
    repos.tree(kOrg, kTemplate, u"main"_s, &ctx, [tree, &deliveredIn](const GithubError &e, const Tree &t) {
        deliveredIn = QThread::currentThread();
        into(tree)(e, t);
    });
    QTRY_VERIFY_WITH_TIMEOUT(tree->done, kWait);
    QVERIFY2(tree->error.isOk(), qPrintable(tree->error.message));
    QVERIFY(!tree->value.entries.isEmpty());
    QCOMPARE(deliveredIn, QThread::currentThread());
    QMetaObject::invokeMethod(raw, &QObject::deleteLater);
    worker.quit();
    QVERIFY(worker.wait(kWait));
}

void TestGithubClient::badGatewayStorm()
{
    GithubSandbox stormy;
    QVERIFY(stormy.start({u"--faults"_s, u"github502=0.3"_s, u"--github-limits"_s,
                          u"content-per-minute=80,minute=2s,content-per-hour=500,hour=30s"_s}));
    GovernorLimits limits = mainLimits();
    limits.minuteMs = 2000;
    limits.hourMs = 30000;
    auto client = makeClient(stormy.envPath, limits);
    QVERIFY(client);
    GithubRepos repos(client.get());
    QObject ctx;

    auto all = std::make_shared<Outcome<QList<Repository>>>();
    repos.listRepositories(kOrg, OwnerKind::Organization, &ctx, into(all));
    QTRY_VERIFY_WITH_TIMEOUT(all->done, 3 * kWait);
    QVERIFY2(all->error.isOk(), qPrintable(all->error.message));
    QVERIFY(all->value.size() >= 2);

    int filesRead = 0;
    for (int round = 0; round < 30; ++round) {
        auto file = std::make_shared<Outcome<FileContent>>();
        repos.readFile(kOrg, kTemplate, u"package.json"_s, u"main"_s, &ctx, into(file));
        QTRY_VERIFY_WITH_TIMEOUT(file->done, 3 * kWait);
        QVERIFY2(file->error.isOk(), qPrintable(file->error.message));
        ++filesRead;
    }
    // A whole commit through the storm: blobs, tree and commit are content-addressed, safe to repeat.
    CommitRequest c;
    c.owner = kOrg;
    c.repo = kTemplate;
    c.branch = u"main"_s;
    c.message = u"Through the storm"_s;
    c.author = {u"Course Staff"_s, u"staff@example.org"_s, {}};
    c.changes = {{u"storm/a.txt"_s, QByteArray("a\n"), false}, {u"storm/b.txt"_s, QByteArray("b\n"), false}};
    auto result = std::make_shared<std::pair<bool, CommitResult>>();
    repos.commit(c, &ctx, [result](const CommitResult &r) { *result = {true, r}; });
    QTRY_VERIFY_WITH_TIMEOUT(result->first, 3 * kWait);
    QVERIFY2(result->second.outcome == CommitResult::Outcome::Committed,
             qPrintable(result->second.error.message));
    auto head = std::make_shared<Outcome<QByteArray>>();
    repos.branchHead(kOrg, kTemplate, u"main"_s, &ctx, into(head));
    QTRY_VERIFY_WITH_TIMEOUT(head->done, 3 * kWait);
    QCOMPARE(head->value, result->second.commitSha);

    const GithubStats s = client->stats();
    qInfo("502 storm: %d requests, %d retried, %d files read", s.requests, s.retries, filesRead);
    QVERIFY(s.retries > 0); // the storm did hit us
    QVERIFY(s.maxInFlight <= limits.maxConcurrent);
}

void TestGithubClient::primaryLimitWaitsForReset()
{
    // An hourly quota of 25 requests that resets every 3 s: 60 reads need three windows.
    GithubSandbox tight;
    QVERIFY(tight.start({u"--github-limits"_s, u"primary-per-hour=25,primary-window=3s"_s}));
    auto client = makeClient(tight.envPath, GovernorLimits{});
    QVERIFY(client);
    QObject ctx;
    int finished = 0;
    int failed = 0;
    QString firstError;
    for (int i = 0; i < 60; ++i) {
        GithubRequest r;
        r.path = u"/orgs/webapps101/repos"_s;
        r.query.addQueryItem(u"page"_s, QString::number(i + 1)); // distinct URLs: no 304s
        client->send(r, &ctx, [&](const GithubReply &reply) {
            ++finished;
            if (!reply.ok()) {
                ++failed;
                if (firstError.isEmpty())
                    firstError = reply.error.message;
            }
        });
    }
    QTRY_VERIFY_WITH_TIMEOUT(finished == 60, 5 * kWait);
    QVERIFY2(failed == 0, qPrintable(firstError));
    const GithubStats s = client->stats();
    qInfo("primary limit: %d requests sent for 60, %d rate-limit answers, %d retries", s.requests,
          s.rateLimited, s.retries);
    QVERIFY(s.maxInFlight <= GovernorLimits{}.maxConcurrent);
    // The client saw the quota run out and waited for the reset instead of being refused.
    QCOMPARE(s.rateLimited, 0);
}

void TestGithubClient::thousandCreationsWithinLimits()
{
    // Secondary limits scaled from a minute and an hour to 2 s and 30 s, counts as GitHub's.
    const int perMinute = 80;
    const int perHour = 500;
    const int minuteMs = 2000;
    const int hourMs = 30000;
    GithubSandbox bulk;
    QVERIFY(bulk.start({u"--github-limits"_s,
                        u"content-per-minute=%1,minute=%2ms,content-per-hour=%3,hour=%4ms"_s.arg(perMinute)
                            .arg(minuteMs)
                            .arg(perHour)
                            .arg(hourMs)}));
    GovernorLimits limits;
    limits.contentPerMinute = perMinute;
    limits.minuteMs = minuteMs;
    limits.contentPerHour = perHour;
    limits.hourMs = hourMs;
    limits.safetyMargin = 0.01; // GitHub's windows are 30 and 120 times longer; so are its margins
    limits.safetyMarginMs = 200;
    auto client = makeClient(bulk.envPath, limits);
    QVERIFY(client);
    GithubRepos repos(client.get());
    QObject ctx;

    const int n = 1000;
    int finished = 0;
    int failed = 0;
    QString firstError;
    QList<qint64> doneAt;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i) {
        repos.generateFromTemplate(kOrg, kTemplate, kOrg, u"student-%1"_s.arg(i, 4, 10, QLatin1Char('0')),
                                   true, &ctx, [&](const GithubError &e, const Repository &) {
                                       ++finished;
                                       doneAt.append(timer.elapsed());
                                       if (!e.isOk()) {
                                           ++failed;
                                           if (firstError.isEmpty())
                                               firstError = e.message;
                                       }
                                   });
    }
    QTRY_VERIFY_WITH_TIMEOUT(finished == n, 10 * kWait);
    const double elapsedMs = double(timer.elapsed());
    QVERIFY2(failed == 0, qPrintable(firstError));

    // Not one secondary-limit answer: neither the client saw one nor the server gave one.
    QCOMPARE(client->stats().rateLimited, 0);
    QCOMPARE(bulk.secondaryLimitAnswers(), 0);

    // The server holds them all.
    auto all = std::make_shared<Outcome<QList<Repository>>>();
    repos.listRepositories(kOrg, OwnerKind::Organization, &ctx, into(all));
    QTRY_VERIFY_WITH_TIMEOUT(all->done, 3 * kWait);
    int students = 0;
    for (const Repository &r : all->value)
        students += r.name.startsWith(u"student-"_s) ? 1 : 0;
    QCOMPARE(students, n);

    // How close to the fastest schedule the sandbox's limits allow.
    const double fastestMs = fastestAllowedMs(n, perMinute, minuteMs, perHour, hourMs);
    const double ratio = fastestMs / elapsedMs;
    QList<qint64> gaps;
    for (qsizetype i = 1; i < doneAt.size(); ++i)
        gaps.append(doneAt.at(i) - doneAt.at(i - 1));
    if (doneAt.size() == n)
        qInfo("replies 0-99 took %lld ms, 500-599 %lld ms, 900-999 %lld ms", doneAt.at(99) - doneAt.at(0),
              doneAt.at(599) - doneAt.at(500), doneAt.at(999) - doneAt.at(900));
    std::sort(gaps.begin(), gaps.end());
    qInfo("1000 creations: %.1f s; fastest the limits allow %.1f s; ratio %.3f; median gap %lld ms (spacing "
          "%.1f ms); "
          "max in flight %d",
          elapsedMs / 1000, fastestMs / 1000, ratio, gaps.isEmpty() ? 0LL : gaps.at(gaps.size() / 2),
          client->governor().contentSpacingMs(), client->stats().maxInFlight);
    // The pace is reported, not asserted: on a shared machine the wall clock is
    // noise. tst_githubclient_governor checks the schedule itself on a simulated
    // clock (within 10% of the fastest allowed rate).
    if (ratio < 0.9)
        qWarning("1000 creations ran at %.3f of the fastest allowed rate (target 0.9); the machine may be busy", ratio);
}

QTEST_MAIN(TestGithubClient)
#include "tst_githubclient.moc"
