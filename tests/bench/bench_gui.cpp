// The live fleet table at course scale: courseops-sandbox (simulated runtime)
// with 100,000 students, the reflectors and the StudentIndex in worker threads,
// and on the GUI thread the FleetModel, the FleetFilter sorted by status and a
// QTableView on screen (offscreen platform). A steady stream of watch events
// comes from rollout restarts of batches of Deployments through the API.
//
// Measured: the GUI thread's longest event-loop stall (a 1 ms timer measuring
// the gaps between its ticks) during the initial load and during the stream,
// the time to filter all rows by text (beside, as the reference in the same
// run, a bare loop doing the same string tests over the same rows), and the
// process's memory. Targets: no stall over 50 ms, filter under 50 ms. Fails
// only on wrong results (rows missing, a filter finding the wrong rows).
//
// COURSEOPS_BENCH_STUDENTS (default 100000), COURSEOPS_BENCH_SECONDS (stream
// length, 30), COURSEOPS_BENCH_RESTARTS (Deployments restarted per second, 100).
#include "../common/sandboxprocess.h"
#include "course/studentindex.h"
#include "fleetfilter.h"
#include "fleetmodel.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "kube/reflector.h"
#include "kube/rollout.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QTableView>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>

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

QString mib(qint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 0) + QLatin1String(" MiB");
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1) + QLatin1String(" ms");
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

// Gaps between the ticks of a 1 ms timer on the GUI thread: how long the event
// loop could not run. Reset per phase.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        reset();
        m_timer.start();
    }
    void reset()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
    }
    double maxMs() const { return m_gaps.isEmpty() ? 0 : double(*std::max_element(m_gaps.begin(), m_gaps.end())) / 1e6; }
    double percentileMs(double p) const
    {
        if (m_gaps.isEmpty())
            return 0;
        QList<qint64> g = m_gaps;
        const qsizetype k = std::min<qsizetype>(g.size() - 1, qsizetype(double(g.size()) * p));
        std::nth_element(g.begin(), g.begin() + k, g.end());
        return double(g[k]) / 1e6;
    }
    int over(double thresholdMs) const
    {
        return int(std::count_if(m_gaps.begin(), m_gaps.end(), [&](qint64 g) { return double(g) / 1e6 > thresholdMs; }));
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_last > 0)
            m_gaps.append(now - m_last);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    QList<qint64> m_gaps;
};

// Rollout restarts of Deployments, a batch every 100 ms, from its own thread.
class Churn : public QObject
{
public:
    Churn(std::shared_ptr<kube::ClusterAccess> access, int students, int perSecond)
        : m_access(std::move(access))
        , m_students(students)
        , m_perTick(std::max(1, perSecond / 10))
    {
    }
    void run() // in the worker thread
    {
        m_client = new kube::KubeClient(m_access, this);
        m_timer = new QTimer(this);
        m_timer->setInterval(100);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_timer->start();
    }
    void halt()
    {
        // In this thread: the client and its timers belong to it.
        delete m_timer;
        delete m_client;
        m_timer = nullptr;
        m_client = nullptr;
    }
    std::atomic<int> sent{0};
    std::atomic<int> ok{0};
    std::atomic<int> failed{0};

private:
    void tick()
    {
        const QByteArray patch = kube::restartPatch(QDateTime::currentDateTime());
        for (int i = 0; i < m_perTick; ++i) {
            // Spread over the course with a stride, so changed rows are scattered.
            m_next = (m_next + 7919) % m_students;
            kube::ApiRequest r;
            r.verb = "PATCH";
            r.path = QStringLiteral("/apis/apps/v1/namespaces/students/deployments/student-%1").arg(m_next + 1, 6, 10, QLatin1Char('0'));
            r.body = patch;
            r.contentType = "application/strategic-merge-patch+json";
            r.query.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("kubectl-rollout"));
            ++sent;
            m_client->send(r, this, [this](const kube::ApiResult &result) { ++(result.ok() ? ok : failed); });
        }
    }
    std::shared_ptr<kube::ClusterAccess> m_access;
    kube::KubeClient *m_client = nullptr;
    QTimer *m_timer = nullptr;
    int m_students;
    int m_perTick;
    int m_next = 0;
};

// Without a sandbox (COURSEOPS_BENCH_SYNTHETIC=1): the deltas the reflectors
// would send, made in a thread of their own. Starting the sandbox with 100,000
// students takes minutes on a debug build or a loaded machine; this measures
// the same GUI path (index thread -> batches -> model -> proxy -> view) in seconds.
class SyntheticFeed : public QObject
{
    Q_OBJECT

public:
    explicit SyntheticFeed(int students)
        : m_students(students)
    {
    }
    void load()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        kube::DeploymentDeltas deployments;
        kube::PodDeltas pods;
        for (int i = 0; i < m_students; ++i) {
            deployments.append({kube::DeltaType::Added, deployment(i)});
            pods.append({kube::DeltaType::Added, pod(i, 0, now - 86400, true)});
            if (pods.size() == 5000) { // the reflectors' largest batch
                Q_EMIT deploymentDeltas(std::exchange(deployments, {}));
                Q_EMIT podDeltas(std::exchange(pods, {}));
            }
        }
        Q_EMIT deploymentDeltas(deployments);
        Q_EMIT podDeltas(pods);
        m_generation.fill(0, m_students);
    }
    void startStream(int perSecond)
    {
        m_perTick = std::max(1, perSecond / 10);
        m_timer = new QTimer(this);
        m_timer->setInterval(100);
        connect(m_timer, &QTimer::timeout, this, &SyntheticFeed::tick);
        m_timer->start();
    }
    void halt()
    {
        delete m_timer;
        m_timer = nullptr;
    }
    std::atomic<int> restarts{0};

Q_SIGNALS:
    void podDeltas(const kube::PodDeltas &batch);
    void deploymentDeltas(const kube::DeploymentDeltas &batch);

private:
    static QString login(int i) { return QStringLiteral("student-%1").arg(i + 1, 6, 10, QLatin1Char('0')); }
    kube::DeploymentInfo deployment(int i) const
    {
        kube::DeploymentInfo d;
        d.namespaceName = QStringLiteral("students");
        d.name = login(i);
        d.labels = QString(QStringLiteral("courseops.io/student=") + d.name);
        return d;
    }
    kube::PodInfo pod(int i, int generation, qint64 created, bool ready) const
    {
        kube::PodInfo p;
        p.namespaceName = QStringLiteral("students");
        p.name = login(i) + u'-' + QString::number(generation);
        p.labels = QString(QStringLiteral("courseops.io/student=") + login(i) +
                           (i % 2 ? QStringLiteral(",courseops.io/cohort=morning") : QStringLiteral(",courseops.io/cohort=evening")));
        p.creationTimestamp = created;
        p.nodeName = QStringLiteral("sandbox-node-1");
        p.containerCount = 1;
        p.phase = kube::PodPhase::Running;
        kube::ContainerStatus c;
        c.name = QStringLiteral("app");
        c.state = ready ? kube::ContainerState::Running : kube::ContainerState::Waiting;
        c.reason = ready ? QString() : QStringLiteral("ContainerCreating");
        c.ready = ready;
        p.containerStatuses = {c};
        if (!ready)
            p.phase = kube::PodPhase::Pending;
        return p;
    }
    void tick()
    {
        // A rollout restart per student: the new pod appears, becomes ready, the old one goes.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        kube::PodDeltas batch;
        for (int k = 0; k < m_perTick; ++k) {
            m_next = (m_next + 7919) % m_students;
            const int g = m_generation[m_next]++;
            batch.append({kube::DeltaType::Added, pod(m_next, g + 1, now, false)});
            batch.append({kube::DeltaType::Modified, pod(m_next, g + 1, now, true)});
            batch.append({kube::DeltaType::Deleted, pod(m_next, g, now - 86400, true)});
            ++restarts;
        }
        Q_EMIT podDeltas(batch);
    }
    int m_students;
    int m_perTick = 1;
    int m_next = 0;
    QList<int> m_generation;
    QTimer *m_timer = nullptr;
};

// Runs the event loop (a real one, so timers fire as they would in the
// console) until `condition` holds, checking every 20 ms.
bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void settle(int msecs)
{
    QEventLoop loop;
    QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int students = envInt("COURSEOPS_BENCH_STUDENTS", 100000);
    const int seconds = envInt("COURSEOPS_BENCH_SECONDS", 30);
    const int restartsPerSecond = envInt("COURSEOPS_BENCH_RESTARTS", 100);
    const bool synthetic = qEnvironmentVariableIntValue("COURSEOPS_BENCH_SYNTHETIC") > 0;
    bool failed = false;
    auto check = [&](bool ok, const QString &what) {
        if (!ok) {
            out << "FAIL: " << what << '\n';
            failed = true;
        }
        out.flush();
    };

    out << "bench_gui: " << students << " students, " << restartsPerSecond << " rollout restarts/s for " << seconds
        << " s, " << (synthetic ? "synthetic watch deltas" : "courseops-sandbox (simulated runtime)") << '\n';
    out.flush();
    QElapsedTimer phase;
    phase.start();
    SandboxProcess sandbox;
    std::shared_ptr<kube::ClusterAccess> access;
    if (!synthetic) {
        if (!sandbox.start({QStringLiteral("--runtime"), QStringLiteral("simulated"), QStringLiteral("--students"),
                            QString::number(students), QStringLiteral("--time-scale"), QStringLiteral("10")},
                           600000)) {
            out << "FAIL: the sandbox did not start\n";
            return 1;
        }
        out << "sandbox up in " << QString::number(double(phase.elapsed()) / 1000.0, 'f', 1) << " s\n";
        out.flush();
        QString error;
        access = kube::ClusterAccess::fromKubeconfig({sandbox.kubeconfig()}, {}, &error);
        if (!access) {
            out << "FAIL: " << error << '\n';
            return 1;
        }
    }
    const qint64 baseRss = statusKiB("VmRSS:");

    // GUI thread: model, proxy sorted by status (failures first), view on screen.
    FleetModel model;
    FleetFilter filter;
    filter.setSourceModel(&model);
    QTableView view;
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.sortByColumn(FleetModel::Status, Qt::DescendingOrder);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(22);
    view.resize(1400, 900);
    view.show();
    new FleetViewAnchor(&view);

    // Worker threads: the reflectors (or the synthetic feed) and the index.
    QThread indexThread;
    indexThread.setObjectName(QStringLiteral("student-index"));
    auto *index = new course::StudentIndex;
    index->moveToThread(&indexThread);
    QObject::connect(&indexThread, &QThread::finished, index, &QObject::deleteLater);
    QObject::connect(index, &course::StudentIndex::rowsChanged, &model, &FleetModel::applyBatch);
    qint64 batches = 0;
    qint64 changedRows = 0;
    QObject::connect(index, &course::StudentIndex::rowsChanged, &model, [&](const course::RowBatch &b) {
        ++batches;
        changedRows += b.changed.size();
    });
    kube::ReflectorOptions ro;
    ro.labelSelector = QString(kube::kStudentLabel);
    std::unique_ptr<kube::PodReflector> pods;
    std::unique_ptr<kube::DeploymentReflector> deployments;
    std::unique_ptr<kube::ServiceReflector> services;
    QThread feedThread;
    SyntheticFeed feed(students);
    Churn churn(access, students, restartsPerSecond);
    if (synthetic) {
        feed.moveToThread(&feedThread);
        QObject::connect(&feed, &SyntheticFeed::podDeltas, index, &course::StudentIndex::applyPods);
        QObject::connect(&feed, &SyntheticFeed::deploymentDeltas, index, &course::StudentIndex::applyDeployments);
        feedThread.start();
    } else {
        pods = std::make_unique<kube::PodReflector>(access, ro);
        deployments = std::make_unique<kube::DeploymentReflector>(access, ro);
        services = std::make_unique<kube::ServiceReflector>(access, ro);
        index->connectReflectors(pods.get(), deployments.get(), services.get());
        churn.moveToThread(&feedThread);
        feedThread.start();
    }
    indexThread.start();

    StallMeter stalls;
    stalls.start();
    phase.restart();
    if (synthetic) {
        QMetaObject::invokeMethod(&feed, [&] { feed.load(); }, Qt::QueuedConnection);
    } else {
        pods->start();
        deployments->start();
        services->start();
    }
    const bool loaded = waitFor(
        [&] {
            if (!synthetic && !(pods->isSynced() && deployments->isSynced() && services->isSynced()))
                return false;
            return model.rowCount() >= students;
        },
        300000);
    check(loaded, QStringLiteral("the table has %1 rows, not %2").arg(model.rowCount()).arg(students));
    settle(1500); // the last batches
    const qint64 loadMs = phase.elapsed();
    int withStatus = 0;
    for (int i = 0; i < model.rowCount(); ++i)
        withStatus += model.row(i).status.isEmpty() ? 0 : 1;
    check(withStatus == students, QStringLiteral("%1 rows have a pod status, not %2").arg(withStatus).arg(students));
    out << "initial load: " << model.rowCount() << " rows in " << QString::number(double(loadMs) / 1000.0, 'f', 1)
        << " s; GUI stall max " << ms(stalls.maxMs()) << " (once, while the first rows arrive)\n";
    out.flush();

    // The reference, in the same run: the same meter with the table loaded and no
    // events, which shows what the machine itself (other processes, the
    // scheduler) adds to every gap.
    stalls.reset();
    settle(5000);
    const double idleMax = stalls.maxMs();
    const double idleP99 = stalls.percentileMs(0.99);
    out << "GUI stall with no events (reference): max " << ms(idleMax) << ", p99 " << ms(idleP99) << '\n';
    out.flush();

    // The stream: rollout restarts, each a new pod going Pending -> Running while
    // the old one goes away (through the API, or as synthetic deltas).
    if (synthetic)
        QMetaObject::invokeMethod(&feed, [&] { feed.startStream(restartsPerSecond); }, Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(&churn, [&] { churn.run(); }, Qt::QueuedConnection);
    settle(2000); // let the stream reach a steady state
    stalls.reset();
    batches = 0;
    changedRows = 0;
    const quint64 podEventsBefore = synthetic ? quint64(feed.restarts) * 3 : pods->stats().eventsApplied;
    const int restartsBefore = synthetic ? int(feed.restarts) : int(churn.sent);
    phase.restart();
    settle(seconds * 1000);
    const double streamSeconds = double(phase.elapsed()) / 1000.0;
    const quint64 podEvents = (synthetic ? quint64(feed.restarts) * 3 : pods->stats().eventsApplied) - podEventsBefore;
    const int restarts = (synthetic ? int(feed.restarts) : int(churn.sent)) - restartsBefore;
    const double stallMax = stalls.maxMs();
    out << "stream: " << restarts << " restarts (" << churn.failed << " failed), "
        << QString::number(double(podEvents) / streamSeconds, 'f', 0) << " pod events/s, "
        << QString::number(double(batches) / streamSeconds, 'f', 1) << " row batches/s, "
        << QString::number(double(changedRows) / streamSeconds, 'f', 0) << " row changes/s\n";
    out << "GUI stall during the stream: max " << ms(stallMax) << " (target <= 50 ms), p99 "
        << ms(stalls.percentileMs(0.99)) << ", p50 " << ms(stalls.percentileMs(0.5)) << ", stalls over 50 ms: "
        << stalls.over(50) << "; over the idle reference: max +" << ms(std::max(0.0, stallMax - idleMax)) << '\n';
    out.flush();
    check(restarts > 0, QStringLiteral("no restart went through"));
    check(podEvents > 0, QStringLiteral("no pod events arrived during the stream"));
    check(changedRows > 0, QStringLiteral("no row changed during the stream"));

    // Filtering every row by text, while the stream goes on.
    const QString needle = QStringLiteral("student-%1").arg(students / 2 + 1, 6, 10, QLatin1Char('0'));
    QElapsedTimer t;
    t.start();
    filter.setText(needle);
    const double narrowMs = double(t.nsecsElapsed()) / 1e6;
    check(filter.rowCount() == 1, QStringLiteral("filtering by %1 found %2 rows").arg(needle).arg(filter.rowCount()));
    t.restart();
    filter.setText(QStringLiteral("evening"));
    const double halfMs = double(t.nsecsElapsed()) / 1e6;
    check(filter.rowCount() == students / 2,
          QStringLiteral("filtering by 'evening' found %1 rows, not %2").arg(filter.rowCount()).arg(students / 2));
    t.restart();
    filter.setText(QString());
    const double clearMs = double(t.nsecsElapsed()) / 1e6;
    check(filter.rowCount() == students, QStringLiteral("clearing the filter shows %1 rows").arg(filter.rowCount()));
    // The reference: the same string tests over the same rows in a bare loop.
    t.restart();
    int matches = 0;
    for (int i = 0; i < model.rowCount(); ++i) {
        const FleetRow &r = model.row(i);
        if (r.login.contains(needle, Qt::CaseInsensitive) || r.student.contains(needle, Qt::CaseInsensitive) ||
            r.lastError.contains(needle, Qt::CaseInsensitive) || r.cohort.contains(needle, Qt::CaseInsensitive) ||
            r.status.contains(needle, Qt::CaseInsensitive))
            ++matches;
    }
    const double loopMs = double(t.nsecsElapsed()) / 1e6;
    check(matches == 1, QStringLiteral("the reference loop found %1 rows").arg(matches));
    out << "filter all " << students << " rows by text: to 1 row " << ms(narrowMs) << " (target < 50 ms), to "
        << students / 2 << " rows " << ms(halfMs) << ", back to all " << ms(clearMs) << "; reference bare loop "
        << ms(loopMs) << " (filter/loop " << QString::number(narrowMs / std::max(loopMs, 0.001), 'f', 1) << "x)\n";
    out.flush();

    if (synthetic)
        QMetaObject::invokeMethod(&feed, [&] { feed.halt(); }, Qt::BlockingQueuedConnection);
    else
        QMetaObject::invokeMethod(&churn, [&] { churn.halt(); }, Qt::BlockingQueuedConnection);
    settle(1000);
    check(model.rowCount() == students, QStringLiteral("after the stream the table has %1 rows").arg(model.rowCount()));
    const qint64 rss = statusKiB("VmRSS:");
    out << "memory: RSS " << mib(rss) << " (before the table: " << mib(baseRss) << "), peak "
        << mib(statusKiB("VmHWM:"));
    if (pods)
        out << "; reflector caches " << pods->size() << " pods, " << deployments->size() << " deployments, "
            << services->size() << " services";
    out << '\n';
    out.flush();

    feedThread.quit();
    feedThread.wait();
    if (pods) {
        pods->stop();
        deployments->stop();
        services->stop();
    }
    indexThread.quit();
    indexThread.wait();
    out << (failed ? "bench_gui: FAILED\n" : "bench_gui: ok\n");
    out.flush();
    return failed ? 1 : 0;
}

#include "bench_gui.moc"
