// Benchmark of courseops-sandbox at course scale (simulated runtime): start-up
// time, objects served per second by a full paged list, ten concurrent watchers
// under a stream of changes, and the server's memory. The reference in the same
// run is kubectl listing the same pods. It prints figures; it fails only when
// the server serves wrong data (counts that do not add up, a watcher missing
// events), never on time.
#include "../common/sandboxprocess.h"
#include "kube/kubeconfig.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>
#include <sys/wait.h>

#include <cstdio>

namespace {

QTextStream out(stdout);

qint64 statusField(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024 * 1024), 'f', 0) + QLatin1String(" MiB");
}

class Api
{
public:
    Api(const kube::ClusterCredentials &creds)
        : m_base(creds.server.toString())
        , m_token(creds.bearerToken.toUtf8())
    {
        QString error;
        m_ssl = kube::toSslConfiguration(creds, &error);
    }

    QNetworkRequest request(const QString &pathAndQuery) const
    {
        QNetworkRequest r{QUrl(m_base + pathAndQuery)};
        r.setSslConfiguration(m_ssl);
        r.setRawHeader("Authorization", "Bearer " + m_token);
        r.setRawHeader("Accept", "application/json");
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        return r;
    }

    QByteArray get(const QString &pathAndQuery, int *status = nullptr)
    {
        QNetworkReply *reply = m_nam.get(request(pathAndQuery));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

    QNetworkAccessManager &nam() { return m_nam; }

private:
    QString m_base;
    QByteArray m_token;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_nam;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int students = qEnvironmentVariableIsSet("COURSEOPS_BENCH_STUDENTS")
                             ? qEnvironmentVariableIntValue("COURSEOPS_BENCH_STUDENTS")
                             : 100000;
    out << "bench_sandbox: " << students << " students, simulated runtime\n";

    QElapsedTimer timer;
    timer.start();
    SandboxProcess sandbox;
    if (!sandbox.start({QStringLiteral("--students"), QString::number(students)}, 600000)) {
        out << "FAIL: the sandbox did not start\n";
        return 1;
    }
    const qint64 startMs = timer.elapsed();
    const qint64 pid = sandbox.pid();
    out << "start-up to ready: " << startMs << " ms; server memory after start: " << mib(statusField(pid, "VmRSS:"))
        << Qt::endl;

    const kube::KubeConfig config = kube::KubeConfig::load({sandbox.kubeconfig()});
    const auto creds = config.resolve(QStringLiteral("sandbox-admin"));
    if (!creds) {
        out << "FAIL: cannot read the sandbox's kubeconfig\n";
        return 1;
    }
    Api api(*creds);
    bool ok = true;

    // 1. Full paged lists, as a reflector's initial sync does them.
    QString listRv;
    for (const char *path : {"/api/v1/pods", "/apis/apps/v1/deployments", "/api/v1/services"}) {
        timer.restart();
        qint64 items = 0, bytes = 0;
        QString next;
        do {
            QString query = QStringLiteral("?limit=500");
            if (!next.isEmpty())
                query += QStringLiteral("&continue=") + QString::fromLatin1(QUrl::toPercentEncoding(next));
            const QByteArray body = api.get(QLatin1String(path) + query);
            bytes += body.size();
            const QJsonObject list = QJsonDocument::fromJson(body).object();
            items += list.value(QStringLiteral("items")).toArray().size();
            next = list.value(QStringLiteral("metadata"))[QStringLiteral("continue")].toString();
            if (listRv.isEmpty())
                listRv = list.value(QStringLiteral("metadata"))[QStringLiteral("resourceVersion")].toString();
        } while (!next.isEmpty());
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        out << "paged list " << path << ": " << items << " objects, " << mib(bytes) << " in " << ms << " ms = "
            << (items * 1000 / ms) << " objects/s" << Qt::endl;
        if (items != students) {
            out << "FAIL: expected " << students << " objects\n";
            ok = false;
        }
    }

    // The reference: kubectl listing the same pods (Table output, limit=500 pages).
    {
        timer.restart();
        const pid_t child = fork();
        if (child == 0) {
            setenv("KUBECONFIG", sandbox.kubeconfig().toLocal8Bit().constData(), 1);
            setenv("HOME", sandbox.dir().toLocal8Bit().constData(), 1);
            freopen("/dev/null", "w", stdout);
            execlp("kubectl", "kubectl", "get", "pods", "-A", "-o", "name", nullptr);
            _exit(127);
        }
        int status = 0;
        struct rusage usage {};
        wait4(child, &status, 0, &usage);
        const qint64 ms = std::max<qint64>(1, timer.elapsed());
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            out << "reference: kubectl get pods -A -o name: " << ms << " ms = " << (qint64(students) * 1000 / ms)
                << " objects/s, kubectl peak memory " << mib(usage.ru_maxrss * 1024) << Qt::endl;
        else
            out << "reference: kubectl not run (not on PATH or failed)" << Qt::endl;
    }

    // 2. Ten watchers on all pods, while deployments are restarted in a stream.
    constexpr int kWatchers = 10;
    const int restarts = std::min(students, 2000);
    QList<QNetworkReply *> watches;
    QList<qint64> events(kWatchers, 0);
    QList<QByteArray> partial(kWatchers);
    // One connection pool per watcher: a pool holds six connections and a watch keeps its own.
    std::vector<std::unique_ptr<QNetworkAccessManager>> pools;
    for (int i = 0; i < kWatchers; ++i) {
        pools.push_back(std::make_unique<QNetworkAccessManager>());
        QNetworkReply *w = pools.back()->get(api.request(
            QStringLiteral("/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=") + listRv));
        QObject::connect(w, &QNetworkReply::readyRead, w, [w, i, &events, &partial] {
            partial[i] += w->readAll();
            qsizetype nl;
            while ((nl = partial[i].indexOf('\n')) >= 0) {
                if (!partial[i].startsWith("{\"type\":\"BOOKMARK\""))
                    ++events[i];
                partial[i].remove(0, nl + 1);
            }
        });
        watches.append(w);
    }
    timer.restart();
    int pendingPatches = 0;
    for (int i = 1; i <= restarts; ++i) {
        const QString name = QStringLiteral("student-%1").arg(i, 6, 10, QLatin1Char('0'));
        QNetworkRequest r = api.request(QStringLiteral("/apis/apps/v1/namespaces/students/deployments/") + name);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/strategic-merge-patch+json"));
        const QByteArray patch = R"({"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":")" +
                                 QDateTime::currentDateTime().toString(Qt::ISODate).toUtf8() + R"("}}}}})";
        QNetworkReply *reply = api.nam().sendCustomRequest(r, "PATCH", patch);
        ++pendingPatches;
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, &pendingPatches] {
            --pendingPatches;
            reply->deleteLater();
        });
    }
    // Each restart makes a new pod that goes Pending -> scheduled -> running -> ready, and the
    // old one terminating -> deleted: wait until the event counts stop growing.
    qint64 last = -1;
    int quiet = 0;
    while (quiet < 4) {
        QEventLoop loop;
        QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        loop.exec();
        const qint64 total = events.first();
        quiet = (total == last && pendingPatches == 0) ? quiet + 1 : 0;
        last = total;
    }
    const qint64 ms = std::max<qint64>(1, timer.elapsed() - 4000);
    qint64 delivered = 0;
    for (int i = 0; i < kWatchers; ++i) {
        delivered += events[i];
        if (events[i] != events.first()) {
            out << "FAIL: watcher " << i << " saw " << events[i] << " events, watcher 0 saw " << events.first() << '\n';
            ok = false;
        }
    }
    out << "watch: " << restarts << " rollout restarts made " << events.first() << " pod events; " << kWatchers
        << " watchers received " << delivered << " in " << ms << " ms = " << (delivered * 1000 / ms)
        << " events/s delivered (" << (events.first() * 1000 / ms) << " changes/s)" << Qt::endl;
    if (events.first() < restarts * 4) {
        out << "FAIL: expected at least " << restarts * 4 << " pod events for " << restarts << " restarts\n";
        ok = false;
    }
    for (QNetworkReply *w : watches)
        w->abort();
    out << "server memory: now " << mib(statusField(pid, "VmRSS:")) << ", peak " << mib(statusField(pid, "VmHWM:"))
        << " = " << (statusField(pid, "VmHWM:") / std::max(1, students)) << " bytes per student" << Qt::endl;
    sandbox.stop();
    out << (ok ? "bench_sandbox: ok" : "bench_sandbox: FAILED") << Qt::endl;
    return ok ? 0 : 1;
}
