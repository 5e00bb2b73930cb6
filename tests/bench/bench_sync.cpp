// The console's Kubernetes client at course scale, against courseops-sandbox
// (simulated runtime): the initial sync of pods, deployments and services by
// `courseops-cli status` (a child process, so its time and peak memory are its
// own), the same sync by reflectors in this process, and, as the reference in
// the same run, `kubectl get pods -A -o name` against the same server. Then
// watch events applied per second: a backlog of pod changes replayed to a
// resumed watch, and changes applied live while they are made.
//
// Prints figures and ratios; fails only when a sync is wrong (counts that
// differ from the server's), never on time. COURSEOPS_BENCH_STUDENTS sets the
// course size (default 100000); COURSEOPS_BENCH_EVENTS the changes (15000).
#include "../common/sandboxprocess.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "kube/reflector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <malloc.h>
#include <sys/resource.h>

namespace {

QTextStream out(stdout);

qint64 statusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux 4.0+), so the next peak is this phase's.
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

QString mib(qint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 0) + QLatin1String(" MiB");
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 2) + QLatin1String(" s");
}

struct ChildRun
{
    int exitCode = -1;
    qint64 wallMs = 0;
    qint64 maxRssKiB = 0;
    QByteArray output;
    QByteArray errors;
};

// Runs a program and reports its wall time and peak RSS. /usr/bin/time -v
// reports the child's own peak; without it, getrusage(RUSAGE_CHILDREN) gives
// the largest child reaped so far, which is still this one when it is the largest.
ChildRun runMeasured(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    ChildRun run;
    const bool haveTime = QFile::exists(QStringLiteral("/usr/bin/time"));
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    if (haveTime)
        p.start(QStringLiteral("/usr/bin/time"), QStringList{QStringLiteral("-v"), program} + args);
    else
        p.start(program, args);
    p.waitForStarted();
    while (!p.waitForFinished(1000)) {
        if (p.state() == QProcess::NotRunning)
            break;
        run.output += p.readAllStandardOutput(); // keep the pipe flowing
    }
    run.wallMs = timer.elapsed();
    run.output += p.readAllStandardOutput();
    run.errors = p.readAllStandardError();
    run.exitCode = p.exitCode();
    if (haveTime) {
        for (const QByteArray &line : run.errors.split('\n')) {
            if (line.contains("Maximum resident set size"))
                run.maxRssKiB = line.split(':').last().trimmed().toLongLong();
        }
    } else {
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        run.maxRssKiB = usage.ru_maxrss;
    }
    return run;
}

// CPU time of this process, all threads: what the client spent, whatever else the machine runs.
qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop idle; // sleeps in the event loop rather than spinning: the client needs the cores
        QTimer::singleShot(5, &idle, &QEventLoop::quit);
        idle.exec();
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int students = qEnvironmentVariableIsSet("COURSEOPS_BENCH_STUDENTS")
                             ? qEnvironmentVariableIntValue("COURSEOPS_BENCH_STUDENTS")
                             : 100000;
    const int events = qEnvironmentVariableIsSet("COURSEOPS_BENCH_EVENTS")
                           ? qEnvironmentVariableIntValue("COURSEOPS_BENCH_EVENTS")
                           : std::min(15000, std::max(students, 1000));
    bool wrong = false;
    out << "bench_sync: " << students << " students (simulated runtime)\n";
    out.flush();

    // COURSEOPS_BENCH_KUBECONFIG: measure against a sandbox already running with that many students.
    SandboxProcess sandbox;
    QElapsedTimer timer;
    timer.start();
    QString kubeconfig = qEnvironmentVariable("COURSEOPS_BENCH_KUBECONFIG");
    QTemporaryDir home;
    if (kubeconfig.isEmpty()) {
        if (!sandbox.start({QStringLiteral("--students"), QString::number(students),
                            QStringLiteral("--runtime"), QStringLiteral("simulated")},
                           30 * 60 * 1000)) {
            out << "the sandbox did not start\n";
            return 1;
        }
        kubeconfig = sandbox.kubeconfig();
        out << "sandbox ready in " << seconds(timer.elapsed()) << '\n';
    }
    out.flush();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path()); // kubectl's discovery cache starts empty
    env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);

    // 1. courseops-cli status: the full sync of three kinds, and a row per student.
    ChildRun cli = runMeasured(QStringLiteral(COURSEOPS_CLI_BINARY),
                               {QStringLiteral("status"), QStringLiteral("-o"), QStringLiteral("json")}, env);
    const QJsonObject counts =
        QJsonDocument::fromJson(cli.output).object().value(QLatin1String("counts")).toObject();
    const qint64 cliRows = cli.output.count("\n{\"login\":");
    out << "courseops-cli status (pods+deployments+services): " << seconds(cli.wallMs) << ", peak "
        << mib(cli.maxRssKiB) << ", " << counts.value(QLatin1String("pods")).toInteger() << " pods, "
        << counts.value(QLatin1String("deployments")).toInteger() << " deployments, "
        << counts.value(QLatin1String("services")).toInteger() << " services, " << cliRows << " rows\n";
    for (const char *kind : {"pods", "deployments", "services"}) {
        if (counts.value(QLatin1String(kind)).toInteger() != students) {
            out << "WRONG: courseops-cli saw " << counts.value(QLatin1String(kind)).toInteger() << ' ' << kind
                << ", the server holds " << students << " (exit " << cli.exitCode << ": "
                << cli.errors.left(500) << ")\n";
            wrong = true;
        }
    }
    if (cliRows != students) {
        out << "WRONG: " << cliRows << " rows for " << students << " students\n";
        wrong = true;
    }
    out.flush();

    // 2. kubectl get pods -A -o name, the reference.
    ChildRun kubectl;
    const bool haveKubectl = !QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty() &&
                             !qEnvironmentVariableIsSet("COURSEOPS_BENCH_SKIP_KUBECTL");
    if (haveKubectl) {
        kubectl = runMeasured(QStringLiteral("kubectl"),
                              {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A"),
                               QStringLiteral("-o"), QStringLiteral("name")},
                              env);
        const qint64 lines = kubectl.output.count('\n');
        out << "kubectl get pods -A -o name (pods only): " << seconds(kubectl.wallMs) << ", peak "
            << mib(kubectl.maxRssKiB) << ", " << lines << " pods\n";
        if (lines != students) {
            out << "WRONG: kubectl listed " << lines << " pods (exit " << kubectl.exitCode << ")\n";
            wrong = true;
        }
        out << "ratios, kubectl / courseops (kubectl listing one kind, courseops three): time "
            << QString::number(double(kubectl.wallMs) / double(std::max<qint64>(cli.wallMs, 1)), 'f', 1)
            << "x, memory "
            << QString::number(double(kubectl.maxRssKiB) / double(std::max<qint64>(cli.maxRssKiB, 1)), 'f', 1)
            << "x; client memory per pod " << QString::number(double(cli.maxRssKiB) * 1024 / students, 'f', 0)
            << " bytes\n";
    } else {
        out << "kubectl is not on PATH: no reference figures\n";
    }
    out.flush();

    cli.output = QByteArray(); // 25 MB of JSON this process need not keep
    kubectl.output = QByteArray();
    malloc_trim(0);

    // 3. The same sync by reflectors in this process, one kind after another, so
    // each kind's time and memory (heap in use, from malloc) show on their own.
    QString error;
    const auto access = kube::ClusterAccess::fromKubeconfig({kubeconfig}, QString(), &error);
    if (!access) {
        out << "kubeconfig: " << error << '\n';
        return 1;
    }
    const qint64 rssBefore = statusKiB("VmRSS:");
    resetPeak();
    kube::PodReflector pods(access);
    kube::DeploymentReflector deployments(access);
    kube::ServiceReflector services(access);
    qint64 podDeltas = 0;
    QObject::connect(&pods, &kube::PodReflector::deltas, &app,
                     [&](const kube::PodDeltas &batch) { podDeltas += batch.size(); });
    qint64 totalMs = 0;
    bool synced = true;
    for (kube::Reflector *r :
         {static_cast<kube::Reflector *>(&pods), static_cast<kube::Reflector *>(&deployments),
          static_cast<kube::Reflector *>(&services)}) {
        const size_t heapBefore = mallinfo2().uordblks;
        timer.restart();
        r->start();
        synced = waitFor([r] { return r->isSynced(); }, 10 * 60 * 1000) && synced;
        const qint64 ms = timer.elapsed();
        totalMs += ms;
        waitFor([&] { return r != &pods || podDeltas >= pods.size(); },
                60000); // the last batch is on its way
        QCoreApplication::processEvents();
        const qint64 heap = qint64(mallinfo2().uordblks) - qint64(heapBefore);
        out << "  in-process " << r->kind().plural << ": " << seconds(ms) << ", "
            << QString::number(double(r->size()) * 1000.0 / std::max<qint64>(ms, 1), 'f', 0)
            << " objects/s, heap +" << mib(heap / 1024) << " = "
            << QString::number(double(heap) / std::max<qsizetype>(r->size(), 1), 'f', 0)
            << " bytes per object\n";
        out.flush();
    }
    const qint64 peak = statusKiB("VmHWM:");
    const qint64 rssAfter = statusKiB("VmRSS:");
    out << "in-process reflectors (pods, deployments, services one after another): " << seconds(totalMs)
        << ", peak +" << mib(peak - rssBefore) << ", kept +" << mib(rssAfter - rssBefore) << " ("
        << QString::number(double(rssAfter - rssBefore) * 1024 / std::max(1, students), 'f', 0)
        << " bytes per student), " << pods.size() << " pods, " << deployments.size() << " deployments, "
        << services.size() << " services\n";
    if (!synced || pods.size() != students || deployments.size() != students || services.size() != students ||
        podDeltas != students) {
        out << "WRONG: the reflectors hold " << pods.size() << '/' << deployments.size() << '/'
            << services.size() << " objects and sent " << podDeltas << " pod deltas for " << students
            << " students\n";
        wrong = true;
    }
    out.flush();
    deployments.stop();
    services.stop();

    // 4. Watch events applied per second. First a backlog, twice: the pod watch is
    // stopped, pods are changed, and the resumed watch gets every change at once.
    kube::KubeClient client(access);
    const QList<kube::PodInfo> podList = pods.snapshot();
    const int changes = std::min<int>(events, int(podList.size()));
    quint64 lastRv = 0;
    int done = 0;
    int failed = 0;
    QEventLoop loop;
    int round = 0;
    std::function<void(int)> patchNext = [&](int i) {
        if (i >= changes)
            return;
        const kube::PodInfo &p = podList[i];
        const QByteArray patch = "{\"metadata\":{\"annotations\":{\"bench.courseops.io/seq\":\"" +
                                 QByteArray::number(round) + '-' + QByteArray::number(i) + "\"}}}";
        client.patch(kube::resourcePath(kube::kinds::pods, p.namespaceName, p.name), kube::PatchType::Merge,
                     patch, &app, [&, i](const kube::ApiResult &r) {
                         ++done;
                         if (r.ok())
                             lastRv = std::max(
                                 lastRv,
                                 QJsonDocument::fromJson(r.body)
                                     .object()[QLatin1String("metadata")][QLatin1String("resourceVersion")]
                                     .toString()
                                     .toULongLong());
                         else
                             ++failed;
                         if (done == changes)
                             loop.quit();
                         patchNext(i + 6); // six in flight: QNetworkAccessManager's connections per host
                     });
    };
    auto makeChanges = [&] {
        done = 0;
        failed = 0;
        timer.restart();
        for (int i = 0; i < 6; ++i)
            patchNext(i);
        if (changes > 0)
            loop.exec();
        ++round;
        return timer.elapsed();
    };
    for (int replay = 0; replay < 2; ++replay) {
        pods.stop();
        const kube::ReflectorStats before = pods.stats();
        const qint64 patchMs = makeChanges();
        out << "made " << changes << " pod changes in " << seconds(patchMs) << " ("
            << QString::number(changes * 1000.0 / std::max<qint64>(patchMs, 1), 'f', 0)
            << " patches/s by the server, " << failed << " failed)\n";
        const qint64 cpuBefore = cpuMs();
        timer.restart();
        pods.start(); // resumes the watch from where it stopped
        const bool caughtUp =
            waitFor([&] { return pods.resourceVersion().toULongLong() >= lastRv; }, 5 * 60 * 1000);
        const qint64 replayMs = timer.elapsed();
        const qint64 replayCpuMs = cpuMs() - cpuBefore;
        const kube::ReflectorStats after = pods.stats();
        const quint64 applied = after.eventsApplied - before.eventsApplied;
        out << "backlog replay " << replay + 1 << ": " << applied << " watch events applied in "
            << seconds(replayMs) << " = "
            << QString::number(applied * 1000.0 / std::max<qint64>(replayMs, 1), 'f', 0) << " events/s; "
            << QString::number(applied * 1000.0 / std::max<qint64>(replayCpuMs, 1), 'f', 0)
            << " per CPU-second of this process (relists " << after.lists - before.lists << ")\n";
        if (!caughtUp || applied < quint64(changes - failed)) {
            out << "WRONG: the resumed watch applied " << applied << " of " << changes - failed
                << " changes\n";
            wrong = true;
        }
        out.flush();
    }

    // Then live: changes applied while they are made (bounded by how fast the server takes patches).
    const quint64 liveBefore = pods.stats().eventsApplied;
    timer.restart();
    makeChanges();
    waitFor([&] { return pods.resourceVersion().toULongLong() >= lastRv; }, 5 * 60 * 1000);
    const qint64 liveMs = timer.elapsed();
    const quint64 liveApplied = pods.stats().eventsApplied - liveBefore;
    out << "live: " << liveApplied << " watch events applied in " << seconds(liveMs) << " = "
        << QString::number(liveApplied * 1000.0 / std::max<qint64>(liveMs, 1), 'f', 0)
        << " events/s (the server's patch rate is the limit)\n";
    pods.stop();
    out << (wrong ? "RESULT: WRONG\n" : "RESULT: counts agree\n");
    out.flush();
    return wrong ? 1 : 0;
}
