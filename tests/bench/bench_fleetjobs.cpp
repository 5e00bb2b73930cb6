// Benchmark of the fleet jobs of courseops-cli against the sandbox's limits,
// the reference being the rate those limits allow:
// - seed: repositories per minute against the sandbox's GitHub secondary
//   limits (scaled so a few hundred students take about a minute); every
//   student costs two content-creating requests (the repository, the
//   invitation), so the allowed pace is half the content-per-minute limit.
// - redeploy and restart in waves: Deployments per second against the
//   sandbox's API flow control (--faults qps=N: 429 with Retry-After once a
//   token bucket of N requests a second is empty).
// It prints figures; it fails only on wrong results (a job that fails, a
// secondary-limit answer), never on time.
#include "../common/sandboxprocess.h"
#include "github/githubclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTextStream>

#include <cstdio>

namespace {

QTextStream out(stdout);

constexpr int kSeedStudents = 300;
// GitHub's minute scaled to 30 s with the same share per second as 600 a
// minute: the client keeps a fixed second of margin on each window (for
// requests that travel at different speeds), which a one-second "minute"
// would turn into half the rate.
constexpr int kContentPerMinute = 300;
constexpr int kMinuteSeconds = 30;
const QString kLimits = QStringLiteral("content-per-minute=%1,minute=%2s,content-per-hour=1000000,hour=1h")
                            .arg(kContentPerMinute)
                            .arg(kMinuteSeconds);
constexpr int kWaveStudents = 200;
constexpr int kApiQps = 20;

struct Run
{
    int exitCode = -1;
    double seconds = 0;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QString &dataHome)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome); // the audit log and default journals
    p.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    // An event loop, not waitForFinished: the sandbox's log pipe must keep draining meanwhile.
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    p.start(QStringLiteral(COURSEOPS_CLI_BINARY), args);
    Run r;
    if (!p.waitForStarted())
        return r;
    loop.exec();
    r.seconds = double(clock.nsecsElapsed()) / 1e9;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool writeRoster(const QString &path, const QString &format, int count)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("login,name,email,cohort\n");
    for (int i = 1; i <= count; ++i) {
        const QString login = format.arg(i, 6, 10, QLatin1Char('0'));
        f.write(QStringLiteral("%1,Student %2,%1@students.example.org,%3\n")
                    .arg(login)
                    .arg(i)
                    .arg(i % 2 ? QStringLiteral("morning") : QStringLiteral("evening"))
                    .toUtf8());
    }
    return true;
}

// Each student pushes a commit (a new file through the contents API), so that
// a redeploy at the head has something to roll out.
bool pushEveryone(const QString &envFile, int count)
{
    github::GithubConfig config;
    QByteArray token;
    QString error;
    if (!github::GithubConfig::readEnvFile(envFile, &config, &token, &error))
        return false;
    const QString api = config.apiUrl.toString();
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(config.caCertificates);
    QNetworkAccessManager nam;
    int pending = count;
    int failed = 0;
    QEventLoop loop;
    for (int i = 1; i <= count; ++i) {
        QNetworkRequest request{QUrl(api + QStringLiteral("/repos/webapps101/student-%1/contents/NOTES.md")
                                               .arg(i, 6, 10, QLatin1Char('0')))};
        request.setSslConfiguration(ssl);
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // six at a time, not all 200
        QNetworkReply *reply = nam.put(request, R"({"message":"Notes","content":"bm90ZXMK"})");
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 201 && failed++ == 0)
                out << "push refused: " << status << ' ' << reply->readAll().left(300) << '\n';
            reply->deleteLater();
            if (--pending == 0)
                loop.quit();
        });
    }
    loop.exec();
    return failed == 0;
}

bool benchSeed()
{
    SandboxProcess sandbox;
    const QString roster = sandbox.dir() + QStringLiteral("/roster.csv");
    const QString env = sandbox.dir() + QStringLiteral("/github.env");
    if (!writeRoster(roster, QStringLiteral("bench-%1"), kSeedStudents))
        return false;
    // Every secondary-limit answer is logged at debug level: counted below.
    qputenv("QT_LOGGING_RULES", "courseops.sandbox.github.debug=true");
    const bool started = sandbox.start({QStringLiteral("--runtime"), QStringLiteral("simulated"), QStringLiteral("--enrol"),
                                        roster, QStringLiteral("--write-github-env"), env,
                                        QStringLiteral("--github-limits"), kLimits});
    qunsetenv("QT_LOGGING_RULES");
    if (!started)
        return false;
    const Run seed = cli({QStringLiteral("seed"), QStringLiteral("--roster"), roster, QStringLiteral("--kubeconfig"),
                          sandbox.kubeconfig(), QStringLiteral("--context"), QStringLiteral("sandbox-admin"),
                          QStringLiteral("--github-env"), env, QStringLiteral("--github-limits"), kLimits,
                          QStringLiteral("--concurrency"), QStringLiteral("6"), QStringLiteral("--job"),
                          sandbox.dir() + QStringLiteral("/job")},
                         sandbox.dir());
    const int refused = int(sandbox.stderrOutput().count("secondary rate limit for"));
    const double perMinute = kSeedStudents / seed.seconds * 60.0;
    // Two content-creating requests per student.
    const double allowed = kContentPerMinute / 2.0 * 60.0 / kMinuteSeconds;
    out << "seed: " << kSeedStudents << " students (repository, access, Deployment, Service, Ingress) in "
        << QString::number(seed.seconds, 'f', 1) << " s\n"
        << "  repositories per minute: " << QString::number(perMinute, 'f', 0)
        << "; the sandbox's limits allow " << QString::number(allowed, 'f', 0) << " (" << kContentPerMinute
        << " content-creating requests per " << kMinuteSeconds << " s 'minute', two per student)\n"
        << "  ratio to the allowed rate: " << QString::number(perMinute / allowed, 'f', 3)
        << " (target: 0.90 .. 1.00); secondary-limit answers: " << refused << '\n';
    out.flush();
    if (seed.exitCode != 0 || refused > 0) {
        out << "FAIL: " << seed.out.right(500) << seed.err.right(1000) << '\n';
        return false;
    }
    return true;
}

bool benchWaves()
{
    SandboxProcess sandbox;
    const QString roster = sandbox.dir() + QStringLiteral("/roster.csv");
    const QString env = sandbox.dir() + QStringLiteral("/github.env");
    // The sandbox's generated students (student-000001, ...) with their repositories and Deployments.
    if (!writeRoster(roster, QStringLiteral("student-%1"), kWaveStudents))
        return false;
    // Pods start ten times faster than the simulated default, so the waves wait on the API more than on rollouts.
    if (!sandbox.start({QStringLiteral("--runtime"), QStringLiteral("simulated"), QStringLiteral("--students"),
                        QString::number(kWaveStudents), QStringLiteral("--write-github-env"), env,
                        QStringLiteral("--faults"), QStringLiteral("qps=%1").arg(kApiQps), QStringLiteral("--time-scale"),
                        QStringLiteral("10"), QStringLiteral("--github-limits"),
                        QStringLiteral("content-per-minute=100000,content-per-hour=100000,points-per-minute=100000")}))
        return false;
    if (!pushEveryone(env, kWaveStudents)) {
        out << "FAIL: the students' pushes were refused\n";
        return false;
    }
    bool ok = true;
    for (const QString &command : {QStringLiteral("redeploy"), QStringLiteral("restart")}) {
        const Run r = cli({command, QStringLiteral("--roster"), roster, QStringLiteral("--kubeconfig"),
                           sandbox.kubeconfig(), QStringLiteral("--context"), QStringLiteral("sandbox-admin"),
                           QStringLiteral("--github-env"), env, QStringLiteral("--canary"), QStringLiteral("5"),
                           QStringLiteral("--batch"), QStringLiteral("50"), QStringLiteral("--concurrency"),
                           QStringLiteral("8"), QStringLiteral("--job"), sandbox.dir() + u'/' + command},
                          sandbox.dir());
        // Each write reads the Deployment, then patches it (as kubectl does for a restart).
        const int requests = 2;
        const double perSecond = kWaveStudents / r.seconds;
        out << command << ": " << kWaveStudents << " Deployments in waves (canary 5, batches of 50) in "
            << QString::number(r.seconds, 'f', 1) << " s = " << QString::number(perSecond, 'f', 1) << " /s\n"
            << "  the API allows " << kApiQps << " requests/s; at " << requests << " per Deployment that is "
            << QString::number(double(kApiQps) / requests, 'f', 1) << " /s; ratio "
            << QString::number(perSecond * requests / kApiQps, 'f', 3) << '\n';
        out.flush();
        if (r.exitCode != 0 || !r.out.contains(QStringLiteral("done %1, already done 0, failed 0").arg(kWaveStudents))) {
            out << "FAIL: " << r.out.right(500) << r.err.right(1000) << '\n';
            ok = false;
        }
    }
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool seedOk = benchSeed();
    const bool wavesOk = benchWaves();
    return seedOk && wavesOk ? 0 : 1;
}
