// The fleet jobs of `courseops-cli` against the sandbox, as an instructor runs
// them. seed for 1,000 students: killed halfway (SIGKILL, no chance to tidy
// up), resumed from its journal, run again; the sandbox's GitHub limits are
// scaled (a "minute" of one second) so the run takes a minute, and the client
// is told the same limits. redeploy in waves: a canary whose new commit
// crashes stops the run. seed of the demo course on the node runtime: every
// student's subdomain answers with their own app, or 503 when it is broken.
#include "../common/sandboxprocess.h"
#include "github/githubclient.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStudents = 1000;
const QString kLimits = u"content-per-minute=60,minute=1s,content-per-hour=100000,hour=1h"_s;
// GitHub's primary limit (5,000 requests an hour per token) is what binds at
// 1,000 students (five requests each): its hour is scaled to a minute, like
// the secondary limits' minute to a second. The client reads it from the
// answers' x-ratelimit headers, so only the sandbox is told.
const QString kSandboxLimits = kLimits + u",primary-window=60s"_s;

QStringList journalLines(const QString &dir)
{
    QFile f(dir + u"/journal.jsonl"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.isEmpty())
            lines << QString::fromUtf8(l);
    return lines;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run kubectl(const QString &kubeconfig, const QStringList &args)
{
    return run(u"kubectl"_s, QStringList{u"--kubeconfig"_s, kubeconfig, u"--context"_s, u"sandbox-admin"_s} + args, 60000);
}

// The sandbox's GitHub API as a student or the staff use it, with the token
// and CA --write-github-env wrote.
class GithubApi
{
public:
    bool load(const QString &envFile)
    {
        github::GithubConfig config;
        QString error;
        if (!github::GithubConfig::readEnvFile(envFile, &config, &m_token, &error))
            return false;
        m_api = config.apiUrl.toString();
        m_ssl.setCaCertificates(config.caCertificates);
        return !m_api.isEmpty() && !m_token.isEmpty();
    }

    QJsonObject call(const QByteArray &verb, const QString &path, const QJsonObject &body = {}, int *status = nullptr)
    {
        QNetworkRequest request{QUrl(m_api + path)};
        request.setSslConfiguration(m_ssl);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body.isEmpty() ? QByteArray()
                                                                                    : QJsonDocument(body).toJson());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    // Writes one file on the default branch; returns the new head commit.
    QString putFile(const QString &repo, const QString &path, const QByteArray &content, const QString &message)
    {
        int status = 0;
        const QJsonObject existing = call("GET", u"/repos/%1/contents/%2"_s.arg(repo, path), {}, &status);
        QJsonObject body{{u"message"_s, message}, {u"content"_s, QString::fromLatin1(content.toBase64())}};
        if (status == 200)
            body.insert(u"sha"_s, existing.value(u"sha"_s));
        const QJsonObject made = call("PUT", u"/repos/%1/contents/%2"_s.arg(repo, path), body, &status);
        return made[u"commit"_s][u"sha"_s].toString();
    }

    QByteArray file(const QString &repo, const QString &path)
    {
        const QJsonObject o = call("GET", u"/repos/%1/contents/%2"_s.arg(repo, path));
        return QByteArray::fromBase64(o.value(u"content"_s).toString().toLatin1());
    }

private:
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl = QSslConfiguration::defaultConfiguration();
    QString m_api;
    QByteArray m_token;
};

// One GET through the sandbox's subdomain router: the status code and the body.
std::pair<int, QString> throughRouter(const QString &router, const QString &login)
{
    const QUrl url(router);
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return {0, {}};
    // No Connection header: the router closes after one request anyway.
    socket.write("GET / HTTP/1.1\r\nHost: " + login.toUtf8() + ".apps.courseops.test\r\n\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    answer += socket.readAll();
    const QList<QByteArray> statusLine = answer.left(answer.indexOf('\r')).split(' ');
    return {statusLine.value(1).toInt(), QString::fromUtf8(answer.mid(answer.indexOf("\r\n\r\n") + 4))};
}

QString deployedCommit(const QString &kubeconfig, const QString &name)
{
    const Run r = kubectl(kubeconfig, {u"get"_s, u"deployment"_s, name, u"-n"_s, u"students"_s, u"-o"_s,
                                       u"jsonpath={.spec.template.metadata.annotations.courseops\\.io/commit}"_s});
    return r.out.trimmed();
}

} // namespace

class TestSeed : public QObject
{
    Q_OBJECT

    SandboxProcess m_sandbox;
    QString m_roster;
    QString m_env;
    QByteArray m_sandboxLog;

    QProcess *seed(const QStringList &extra)
    {
        auto *p = new QProcess(this);
        p->setProgram(QStringLiteral(COURSEOPS_CLI_BINARY));
        p->setArguments(QStringList{u"seed"_s, u"--roster"_s, m_roster, u"--kubeconfig"_s, m_sandbox.kubeconfig(),
                                    u"--context"_s, u"sandbox-admin"_s, u"--github-env"_s, m_env,
                                    u"--github-limits"_s, kLimits, u"--concurrency"_s, u"6"_s} +
                        extra);
        p->start();
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_roster = m_sandbox.dir() + u"/roster.csv"_s;
        QFile f(m_roster);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("login,name,email,cohort\n");
        for (int i = 1; i <= kStudents; ++i)
            f.write(QStringLiteral("seed-%1,Student %1,seed-%1@students.example.org,%2\n")
                        .arg(i, 4, 10, QLatin1Char('0'))
                        .arg(i % 2 ? u"morning"_s : u"evening"_s)
                        .toUtf8());
        f.close();
        m_env = m_sandbox.dir() + u"/github.env"_s;
        // Every secondary-limit answer is logged at debug level: the test counts them.
        qputenv("QT_LOGGING_RULES", "courseops.sandbox.github.debug=true");
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--enrol"_s, m_roster, u"--write-github-env"_s, m_env,
                                 u"--github-limits"_s, kSandboxLimits}));
        qunsetenv("QT_LOGGING_RULES");
    }

    void killedHalfwayThenResumedThenNothingToDo()
    {
        const QString job = m_sandbox.dir() + u"/job"_s;
        const int steps = kStudents * 5;

        // First run: killed without warning once about 40% of the steps are journaled.
        QProcess *first = seed({u"--job"_s, job});
        QVERIFY(first->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(journalLines(job).size() >= steps * 2 / 5 || first->state() == QProcess::NotRunning,
                                 180000);
        QCOMPARE(first->state(), QProcess::Running); // it was still working when killed
        first->kill();
        QVERIFY(first->waitForFinished(10000));
        const int before = int(journalLines(job).size());
        QVERIFY2(before < steps, qPrintable(QString::number(before)));

        // Resumed from the same journal: finishes, and nothing failed.
        QProcess *second = seed({u"--job"_s, job});
        QTRY_VERIFY_WITH_TIMEOUT(second->state() == QProcess::NotRunning, 300000); // the sandbox log keeps draining
        const QString out = QString::fromUtf8(second->readAllStandardOutput());
        const QString err = QString::fromUtf8(second->readAllStandardError());
        QVERIFY2(second->exitCode() == 0, qPrintable(out + err));
        QVERIFY2(out.contains(u"resuming the job"_s), qPrintable(out));
        QVERIFY2(out.contains(u"failed 0"_s), qPrintable(out));

        // The journal holds each step of each student done once: a step the
        // kill cut off between the server and the journal shows as "already
        // there" (skipped), never as a second creation.
        QHash<QString, int> done;
        QSet<QString> finished;
        for (const QString &line : journalLines(job)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(u"finished"_s).toBool())
                continue;
            const QString key = o.value(u"target"_s).toString() + u'/' + o.value(u"step"_s).toString();
            finished.insert(key);
            if (o.value(u"state"_s).toString() == u"done"_s)
                done[key] += 1;
            QVERIFY2(o.value(u"state"_s).toString() != u"failed"_s, qPrintable(line));
        }
        QCOMPARE(int(finished.size()), steps);
        for (auto it = done.cbegin(); it != done.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));

        // What the servers hold: every student's repository, Deployment, Service and Ingress.
        const QString kubeconfig = m_sandbox.kubeconfig();
        for (const QString &kind : {u"deployments"_s, u"services"_s, u"ingresses"_s}) {
            QProcess kubectl;
            kubectl.start(u"kubectl"_s, {u"--kubeconfig"_s, kubeconfig, u"--context"_s, u"sandbox-admin"_s, u"get"_s,
                                         kind, u"-n"_s, u"students"_s, u"-o"_s, u"name"_s});
            if (!kubectl.waitForStarted())
                QSKIP("kubectl is not on PATH; the object check needs it (kubectl 1.32 is on these machines)");
            QVERIFY(kubectl.waitForFinished(60000));
            const QString names = QString::fromUtf8(kubectl.readAllStandardOutput());
            int seeded = 0;
            for (const QString &n : names.split(u'\n', Qt::SkipEmptyParts))
                seeded += n.contains(u"/seed-"_s);
            QVERIFY2(seeded == kStudents, qPrintable(kind + u": "_s + QString::number(seeded)));
        }
        // No secondary-limit answer: the client paced itself under the limits.
        m_sandboxLog += m_sandbox.stderrOutput();
        QCOMPARE(int(m_sandboxLog.count("secondary rate limit for")), 0);

        // A second run of the finished job, and a fresh run, change nothing.
        auto steppedLines = [&] {
            int n = 0;
            for (const QString &line : journalLines(job))
                n += !line.contains(u"\"finished\""_s);
            return n;
        };
        const int stepped = steppedLines();
        QProcess *again = seed({u"--job"_s, job});
        QTRY_VERIFY_WITH_TIMEOUT(again->state() == QProcess::NotRunning, 120000);
        QCOMPARE(again->exitCode(), 0);
        QCOMPARE(steppedLines(), stepped);
        QProcess *fresh = seed({u"--job"_s, m_sandbox.dir() + u"/job2"_s});
        QTRY_VERIFY_WITH_TIMEOUT(fresh->state() == QProcess::NotRunning, 300000);
        const QString freshOut = QString::fromUtf8(fresh->readAllStandardOutput());
        QCOMPARE(fresh->exitCode(), 0);
        QVERIFY2(freshOut.contains(QStringLiteral("done 0, already there %1").arg(steps)), qPrintable(freshOut));

        // The dry run agrees: nothing to create.
        QProcess *plan = seed({u"--dry-run"_s});
        QTRY_VERIFY_WITH_TIMEOUT(plan->state() == QProcess::NotRunning, 300000);
        const QString planOut = QString::fromUtf8(plan->readAllStandardOutput());
        QVERIFY2(planOut.contains(QStringLiteral("plan: 0 to create, 0 to change, %1 to leave alone").arg(steps)),
                 qPrintable(planOut));
    }

    void waveRedeployStopsWhenTheCanaryFails()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty() || QStandardPaths::findExecutable(u"kubectl"_s).isEmpty())
            QSKIP("the node runtime runs real node processes, and the checks use kubectl");
        SandboxProcess sandbox;
        const QString roster = sandbox.dir() + u"/wave-roster.csv"_s;
        const QString nobody = sandbox.dir() + u"/no-one.csv"_s;
        const QString env = sandbox.dir() + u"/github.env"_s;
        QStringList logins;
        {
            QFile f(roster);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("login,name,email,cohort\n");
            for (int i = 1; i <= 5; ++i) {
                logins << u"wave-%1"_s.arg(i);
                f.write(u"wave-%1,Wave %1,wave-%1@students.example.org,morning\n"_s.arg(i).toUtf8());
            }
            QFile n(nobody);
            QVERIFY(n.open(QIODevice::WriteOnly));
            n.write("login,name,email,cohort\n");
        }
        QVERIFY(sandbox.start({u"--runtime"_s, u"node"_s, u"--time-scale"_s, u"10"_s, u"--roster"_s, nobody,
                               u"--enrol"_s, roster, u"--write-github-env"_s, env}));
        const QString kubeconfig = sandbox.kubeconfig();
        const QStringList common{u"--roster"_s,     roster,          u"--kubeconfig"_s, kubeconfig,
                                 u"--context"_s,    u"sandbox-admin"_s, u"--github-env"_s, env};
        const Run seeded = run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"seed"_s} + common);
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err));

        QHash<QString, QString> before, heads;
        for (const QString &login : logins) {
            before.insert(login, deployedCommit(kubeconfig, login));
            QCOMPARE(before.value(login).size(), 40);
        }
        // Every student pushes; the first one (the canary) pushes an app that exits at once.
        GithubApi github;
        QVERIFY(github.load(env));
        const QByteArray goodIndex = github.file(u"webapps101/wave-1"_s, u"index.js"_s);
        QVERIFY(goodIndex.contains("createServer"));
        heads.insert(u"wave-1"_s, github.putFile(u"webapps101/wave-1"_s, u"index.js"_s,
                                                 "console.error('not today');\nprocess.exit(3);\n", u"Try something"_s));
        for (const QString &login : logins.mid(1))
            heads.insert(login, github.putFile(u"webapps101/"_s + login, u"NOTES.md"_s, "notes\n", u"Notes"_s));
        for (const QString &login : logins)
            QVERIFY2(heads.value(login).size() == 40 && heads.value(login) != before.value(login), qPrintable(login));

        // Waves of canary 1, then 2 and 2: the canary's pod crash-loops, its
        // rollout never completes, and the run stops before touching anyone else.
        const QString job = sandbox.dir() + u"/redeploy-job"_s;
        const QStringList waves{u"--canary"_s,      u"1"_s,   u"--batch"_s, u"2"_s, u"--max-failure"_s, u"0.2"_s,
                                u"--rollout-timeout"_s, u"15s"_s, u"--job"_s, job};
        qputenv("XDG_DATA_HOME", (sandbox.dir() + u"/data"_s).toUtf8()); // the audit log goes there
        const Run stopped = run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"redeploy"_s} + common + waves);
        QVERIFY2(stopped.exitCode == 1, qPrintable(stopped.out + stopped.err));
        QVERIFY2(stopped.err.contains(u"stopped by the failure bound"_s), qPrintable(stopped.err));
        QVERIFY2(stopped.out.contains(u"wave 1/3 (canary): 1 students"_s), qPrintable(stopped.out));
        QVERIFY2(!stopped.out.contains(u"wave 2/3"_s), qPrintable(stopped.out));
        // The server: only the canary carries the new commit.
        QCOMPARE(deployedCommit(kubeconfig, u"wave-1"_s), heads.value(u"wave-1"_s));
        for (const QString &login : logins.mid(1))
            QCOMPARE(deployedCommit(kubeconfig, login), before.value(login));
        QFile report(job + u"/report.csv"_s);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QByteArray csv = report.readAll();
        QVERIFY2(csv.contains("wave-1,redeploy,failed"), csv.constData());

        // The canary fixes the app; the resumed job redeploys everyone, and a
        // second resume has nothing to do.
        heads[u"wave-1"_s] = github.putFile(u"webapps101/wave-1"_s, u"index.js"_s, goodIndex, u"Back to working"_s);
        const Run resumed = run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"redeploy"_s} + common + waves);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.out + resumed.err));
        QVERIFY2(resumed.out.contains(u"resuming the job"_s) && resumed.out.contains(u"done 5, already done 0, failed 0"_s),
                 qPrintable(resumed.out));
        for (const QString &login : logins)
            QCOMPARE(deployedCommit(kubeconfig, login), heads.value(login));
        const Run again = run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"redeploy"_s} + common + waves);
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QVERIFY2(again.out.contains(u"nothing to do"_s) && again.out.contains(u"already done 5"_s), qPrintable(again.out));
        qunsetenv("XDG_DATA_HOME");

        // deploy moves a Deployment behind its repository's head, and leaves the rest alone.
        const QString moved = github.putFile(u"webapps101/wave-2"_s, u"NOTES.md"_s, "more notes\n", u"More notes"_s);
        const Run plan = run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"deploy"_s, u"--dry-run"_s} + common);
        QVERIFY2(plan.out.contains(u"plan: 0 to create, 1 to change, 14 to leave alone"_s), qPrintable(plan.out + plan.err));
        const QStringList deployJob{u"--job"_s, sandbox.dir() + u"/deploy-job"_s};
        const Run deployed = run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"deploy"_s} + common + deployJob);
        QVERIFY2(deployed.exitCode == 0 && deployed.out.contains(u"done 1, already there 14"_s),
                 qPrintable(deployed.out + deployed.err));
        QCOMPARE(deployedCommit(kubeconfig, u"wave-2"_s), moved);
        QCOMPARE(deployedCommit(kubeconfig, u"wave-3"_s), heads.value(u"wave-3"_s));
        const Run fresh = run(QStringLiteral(COURSEOPS_CLI_BINARY),
                              QStringList{u"deploy"_s} + common + QStringList{u"--job"_s, sandbox.dir() + u"/deploy-2"_s});
        QVERIFY2(fresh.exitCode == 0 && fresh.out.contains(u"done 0, already there 15"_s), qPrintable(fresh.out));
    }

    void demoCourseAnswersOnEveryStudentsSubdomain()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty() || QStandardPaths::findExecutable(u"kubectl"_s).isEmpty())
            QSKIP("the node runtime runs real node processes, and the checks use kubectl");
        SandboxProcess sandbox;
        const QString env = sandbox.dir() + u"/github.env"_s;
        QVERIFY(sandbox.start({u"--runtime"_s, u"node"_s, u"--time-scale"_s, u"10"_s, u"--write-github-env"_s, env}));
        const QString kubeconfig = sandbox.kubeconfig();
        QVERIFY(!sandbox.router().isEmpty());

        // What the sandbox's scenario makes of each demo student's code, from
        // the Deployments it seeded; then those are removed, so that what
        // answers below is what `courseops-cli seed` made.
        const Run list = kubectl(kubeconfig, {u"get"_s, u"deployments"_s, u"-n"_s, u"students"_s, u"-o"_s, u"json"_s});
        QCOMPARE(list.exitCode, 0);
        QHash<QString, QString> behaviour;
        for (const QJsonValue &d : QJsonDocument::fromJson(list.out.toUtf8())[u"items"_s].toArray()) {
            const QString login = d[u"metadata"_s][u"labels"_s][u"courseops.io/student"_s].toString();
            behaviour.insert(login, d[u"spec"_s][u"template"_s][u"metadata"_s][u"annotations"_s]
                                     [u"sandbox.courseops.io/behaviour"_s]
                                         .toString(u"healthy"_s));
        }
        QVERIFY2(behaviour.size() >= 20, qPrintable(list.out.left(2000)));
        const Run removed = kubectl(kubeconfig, {u"delete"_s, u"deployments,services,ingresses"_s, u"--all"_s,
                                                 u"-n"_s, u"students"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        for (auto it = behaviour.cbegin(); it != behaviour.cend(); ++it)
            QTRY_COMPARE_WITH_TIMEOUT(throughRouter(sandbox.router(), it.key()).first, 503, 60000);

        const Run seeded = run(QStringLiteral(COURSEOPS_CLI_BINARY),
                               {u"seed"_s, u"--kubeconfig"_s, kubeconfig, u"--context"_s, u"sandbox-admin"_s,
                                u"--github-env"_s, env, u"--job"_s, sandbox.dir() + u"/demo-job"_s});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err));

        // Code that never listens (a syntax error, a missing module, a missing
        // Secret) has nothing to route to; an app that eats memory past its
        // limit listens until the kernel kills it, so it is down part of the time.
        static const QSet<QString> neverListens{u"crash"_s, u"missing-module"_s, u"needs-secret"_s};
        GithubApi github;
        QVERIFY(github.load(env));
        QStringList expected503, answered503, oomStudents;
        for (auto it = behaviour.cbegin(); it != behaviour.cend(); ++it) {
            if (neverListens.contains(it.value())) {
                expected503 << it.key();
                continue;
            }
            if (it.value() == u"oom"_s) {
                oomStudents << it.key();
                continue;
            }
            // The student's own app: the name its index.js greets with.
            const QByteArray index = github.file(u"webapps101/"_s + it.key(), u"index.js"_s);
            const qsizetype at = index.indexOf("const student = '");
            QVERIFY2(at >= 0, qPrintable(it.key()));
            const QString name = QString::fromUtf8(index.mid(at + 17, index.indexOf("';", at) - at - 17));
            QTRY_VERIFY2_WITH_TIMEOUT(throughRouter(sandbox.router(), it.key()).second.contains(u"Hello from "_s + name),
                                      qPrintable(it.key() + u" ("_s + it.value() + u')'), 90000);
            QCOMPARE(throughRouter(sandbox.router(), it.key()).first, 200);
        }
        // Every working app is up by now; the broken ones answer 503 at every look.
        for (auto it = behaviour.cbegin(); it != behaviour.cend(); ++it) {
            if (oomStudents.contains(it.key()))
                continue;
            int unavailable = 0;
            for (int look = 0; look < 3; ++look) {
                unavailable += throughRouter(sandbox.router(), it.key()).first == 503;
                QTest::qWait(100);
            }
            if (unavailable == 3)
                answered503 << it.key();
        }
        expected503.sort();
        answered503.sort();
        QVERIFY(!expected503.isEmpty());
        QCOMPARE(answered503.join(u' '), expected503.join(u' '));
        for (const QString &login : std::as_const(oomStudents))
            QTRY_VERIFY2_WITH_TIMEOUT(throughRouter(sandbox.router(), login).first == 503, qPrintable(login), 60000);
    }
};

int main(int argc, char *argv[])
{
    // 1,000 students seeded twice over take longer than Qt Test's default five
    // minutes per test function (CTest's TIMEOUT still bounds the whole run).
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "840000");
    QCoreApplication app(argc, argv);
    TestSeed test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_seed.moc"
