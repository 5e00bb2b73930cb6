#include "course/clusterhealth.h"

#include "kube/kubeclient.h"
#include "kube/quantity.h"
#include "kube/reflector.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcHealth, "courseops.course.health", QtInfoMsg)

namespace course {

qint64 PhaseCounts::total() const
{
    qint64 sum = 0;
    for (qint64 n : byPhase)
        sum += n;
    return sum;
}

QStringList podErrorReasons(const kube::PodInfo &pod)
{
    QStringList out;
    auto add = [&out](const QString &reason) {
        if (!reason.isEmpty() && !out.contains(reason))
            out.append(reason);
    };
    add(pod.reason);
    const bool finished = pod.phase == kube::PodPhase::Succeeded;
    auto container = [&](const kube::ContainerStatus &c) {
        if (c.state == kube::ContainerState::Waiting) {
            if (c.reason != QLatin1String("ContainerCreating") &&
                c.reason != QLatin1String("PodInitializing"))
                add(c.reason);
        } else if (c.state == kube::ContainerState::Terminated && !finished) {
            if (c.reason != QLatin1String("Completed"))
                add(c.reason.isEmpty() ? QStringLiteral("ExitCode:%1").arg(c.exitCode) : c.reason);
        }
        if (c.restartCount > 0 && c.hasLastTerminated && c.state != kube::ContainerState::Running &&
            c.lastTerminatedReason != QLatin1String("Completed"))
            add(c.lastTerminatedReason);
    };
    for (const kube::ContainerStatus &c : pod.initContainerStatuses)
        container(c);
    for (const kube::ContainerStatus &c : pod.containerStatuses)
        container(c);
    return out;
}

namespace {

// What one pod adds to the counts; kept to take it away again on a change.
struct PodTally
{
    kube::PodPhase phase = kube::PodPhase::None;
    QString node;
    QStringList reasons;
};

qint64 milli(const QJsonValue &v)
{
    const auto q = kube::Quantity::parse(v.toString());
    return q ? q->milliValue() : 0;
}

qint64 whole(const QJsonValue &v)
{
    const auto q = kube::Quantity::parse(v.toString());
    return q ? q->value() : 0;
}

} // namespace

class ClusterHealthWorker : public QObject
{
    Q_OBJECT

public:
    ClusterHealthWorker(std::shared_ptr<kube::ClusterAccess> access, const ClusterHealth::Options &options)
        : m_access(std::move(access))
        , m_options(options)
    {}

    void begin()
    {
        m_client = new kube::KubeClient(m_access, this);
        m_timer = new QTimer(this);
        m_timer->setInterval(m_options.intervalMs);
        connect(m_timer, &QTimer::timeout, this, &ClusterHealthWorker::refresh);
        if (m_options.watchPods) {
            kube::ReflectorOptions o;
            o.namespaceName = m_options.podNamespace;
            o.batchIntervalMs = 250;
            m_pods = new kube::PodReflector(m_access, o, this);
            connect(m_pods, &kube::PodReflector::deltas, this, &ClusterHealthWorker::apply);
            connect(m_pods, &kube::Reflector::synced, this, [this] {
                m_snapshot.podsSynced = true;
                m_snapshot.podsError.clear();
                publish();
            });
            connect(m_pods, &kube::Reflector::problem, this, [this](const kube::ApiStatus &s, int retryInMs) {
                m_snapshot.podsError =
                    s.message + QStringLiteral(" Retrying in %1 s.").arg((retryInMs + 999) / 1000);
            });
            m_pods->start();
        }
        m_timer->start();
        refresh();
    }

    void end()
    {
        if (m_timer)
            m_timer->stop();
        if (m_pods)
            m_pods->stop();
        ++m_round; // answers still on their way are dropped
        m_pending = 0;
    }

    void setInterval(int ms)
    {
        m_options.intervalMs = ms;
        if (m_timer)
            m_timer->setInterval(ms);
    }

    void refresh()
    {
        // One round: nodes, health and (when due) metrics together; the
        // snapshot goes out when all have answered. A slow server is not asked again on top of
        // its unanswered round (the client's idle timeout ends a stuck one).
        if (m_pending > 0 && m_roundClock.isValid() && m_roundClock.elapsed() < 90000)
            return;
        m_roundClock.start();
        const quint64 round = ++m_round;
        const bool metricsDue =
            !m_metricsClock.isValid() || m_metricsClock.elapsed() >= m_options.metricsIntervalMs;
        m_pending = metricsDue ? 3 : 2;
        m_client->get(QStringLiteral("/api/v1/nodes"), this, [this, round](const kube::ApiResult &r) {
            if (round != m_round)
                return;
            readNodes(r);
            answered();
        });
        checkHealth(round, 0);
        if (!metricsDue)
            return;
        m_metricsClock.start();
        m_client->get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/nodes"), this,
                      [this, round](const kube::ApiResult &r) {
                          if (round != m_round)
                              return;
                          readMetrics(r);
                          answered();
                      });
    }

Q_SIGNALS:
    void snapshotReady(const course::ClusterHealthSnapshot &snapshot);

private:
    void answered()
    {
        if (--m_pending > 0)
            return;
        // Usage and pod counts join the node list by name.
        for (NodeHealth &n : m_snapshot.nodes) {
            const auto use = m_usage.constFind(n.name);
            n.cpuUsageMilli = use != m_usage.cend() ? use->first : -1;
            n.memoryUsage = use != m_usage.cend() ? use->second : -1;
            n.pods = m_podsPerNode.value(n.name);
        }
        PhaseSample sample{QDateTime::currentDateTimeUtc(), m_phases};
        if (m_snapshot.podsSynced || !m_options.watchPods) {
            m_snapshot.history.append(sample);
            while (m_snapshot.history.size() > m_options.historyLength)
                m_snapshot.history.removeFirst();
        }
        publish();
    }

    void publish()
    {
        m_snapshot.takenAt = QDateTime::currentDateTimeUtc();
        m_snapshot.phases = m_phases;
        for (NodeHealth &n : m_snapshot.nodes)
            n.pods = m_podsPerNode.value(n.name);
        QList<ReasonCount> reasons;
        reasons.reserve(m_reasons.size());
        for (auto it = m_reasons.cbegin(); it != m_reasons.cend(); ++it) {
            if (it.value() > 0)
                reasons.append({it.key(), it.value()});
        }
        std::sort(reasons.begin(), reasons.end(), [](const ReasonCount &a, const ReasonCount &b) {
            return a.pods != b.pods ? a.pods > b.pods : a.reason < b.reason;
        });
        if (reasons.size() > m_options.topReasons)
            reasons.resize(m_options.topReasons);
        m_snapshot.topReasons = reasons;
        Q_EMIT snapshotReady(m_snapshot);
    }

    void readNodes(const kube::ApiResult &r)
    {
        if (!r.ok()) {
            m_snapshot.nodesError = r.status.message;
            return;
        }
        m_snapshot.nodesError.clear();
        m_snapshot.nodesListedAt = QDateTime::currentDateTimeUtc();
        QList<NodeHealth> nodes;
        const QJsonArray items =
            QJsonDocument::fromJson(r.body).object().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            NodeHealth n;
            n.name = item[QLatin1String("metadata")][QLatin1String("name")].toString();
            n.unschedulable = item[QLatin1String("spec")][QLatin1String("unschedulable")].toBool();
            const QJsonObject status = item[QLatin1String("status")].toObject();
            const QJsonObject capacity = status.value(QLatin1String("capacity")).toObject();
            const QJsonObject allocatable = status.value(QLatin1String("allocatable")).toObject();
            n.cpuCapacityMilli = milli(capacity.value(QLatin1String("cpu")));
            n.cpuAllocatableMilli = milli(allocatable.value(QLatin1String("cpu")));
            n.memoryCapacity = whole(capacity.value(QLatin1String("memory")));
            n.memoryAllocatable = whole(allocatable.value(QLatin1String("memory")));
            n.podsAllocatable = whole(allocatable.value(QLatin1String("pods")));
            for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
                const QString type = c[QLatin1String("type")].toString();
                const bool isTrue = c[QLatin1String("status")].toString() == QLatin1String("True");
                if (type == QLatin1String("Ready")) {
                    n.ready = isTrue;
                    if (!isTrue)
                        n.problems.prepend(QStringLiteral("NotReady"));
                } else if (isTrue) {
                    n.problems.append(type); // MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable
                }
            }
            if (n.unschedulable)
                n.problems.append(QStringLiteral("SchedulingDisabled"));
            nodes.append(std::move(n));
        }
        std::sort(nodes.begin(), nodes.end(),
                  [](const NodeHealth &a, const NodeHealth &b) { return a.name < b.name; });
        m_snapshot.nodes = nodes;
    }

    void readMetrics(const kube::ApiResult &r)
    {
        m_usage.clear();
        if (!r.ok()) {
            m_snapshot.metricsAvailable = false;
            m_snapshot.metricsError =
                r.status.code == 404 || r.status.code == 503
                    ? QStringLiteral(
                          "Metrics API not available (metrics.k8s.io answered %1): node use is not shown. "
                          "Install metrics-server in the cluster to see it.")
                          .arg(r.status.code)
                    : r.status.message;
            return;
        }
        m_snapshot.metricsAvailable = true;
        m_snapshot.metricsError.clear();
        const QJsonArray items =
            QJsonDocument::fromJson(r.body).object().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject usage = item[QLatin1String("usage")].toObject();
            m_usage.insert(
                item[QLatin1String("metadata")][QLatin1String("name")].toString(),
                {milli(usage.value(QLatin1String("cpu"))), whole(usage.value(QLatin1String("memory")))});
        }
    }

    void checkHealth(quint64 round, int attempt)
    {
        // Servers since 1.16 have /readyz; older ones /healthz only.
        static const QString endpoints[] = {QStringLiteral("/readyz"), QStringLiteral("/livez"),
                                            QStringLiteral("/healthz")};
        kube::ApiRequest request;
        request.path = endpoints[attempt];
        request.accept = "text/plain, */*";
        request.idleTimeoutMs = 10000;
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        m_client->send(request, this, [this, round, attempt, clock](const kube::ApiResult &r) {
            if (round != m_round)
                return;
            if (r.status.code == 404 && attempt < 2) {
                checkHealth(round, attempt + 1);
                return;
            }
            ApiHealth h;
            h.checked = true;
            h.endpoint = endpoints[attempt];
            h.latencyMs = int(clock->elapsed());
            h.checkedAt = QDateTime::currentDateTimeUtc();
            const QString body = QString::fromUtf8(r.body).trimmed();
            h.ok = r.ok() && body == QLatin1String("ok");
            if (h.ok)
                h.message = body;
            else if (r.ok())
                h.message = QStringLiteral("The API server says it is not ready: %1").arg(body.left(300));
            else if (r.status.kind == kube::ApiStatus::Kind::Http && r.status.code >= 500)
                h.message =
                    QStringLiteral("The API server is not ready (%1 on %2): %3 Wait for it to recover, or "
                                   "ask the cluster's administrators.")
                        .arg(r.status.code)
                        .arg(h.endpoint, body.isEmpty() ? r.status.message : body.left(300));
            else
                h.message = r.status.message;
            m_snapshot.api = h;
            answered();
        });
    }

    void apply(const kube::PodDeltas &batch)
    {
        for (const kube::PodDelta &d : batch) {
            const QString key = d.object.namespaceName + u'/' + d.object.name;
            auto it = m_tallies.find(key);
            if (it != m_tallies.end()) {
                take(*it);
                if (d.type == kube::DeltaType::Deleted) {
                    m_tallies.erase(it);
                    continue;
                }
            } else if (d.type == kube::DeltaType::Deleted) {
                continue;
            } else {
                it = m_tallies.insert(key, {});
            }
            PodTally &t = *it;
            t.phase = d.object.phase;
            t.node = d.object.nodeName;
            t.reasons = podErrorReasons(d.object);
            put(t);
        }
        // Live counts between refreshes, at most as often as the batches come.
        if (m_snapshot.podsSynced)
            publish();
    }

    void take(const PodTally &t)
    {
        --m_phases.byPhase[size_t(t.phase)];
        if (!t.node.isEmpty() && t.phase != kube::PodPhase::Succeeded && t.phase != kube::PodPhase::Failed)
            --m_podsPerNode[t.node];
        for (const QString &r : t.reasons)
            --m_reasons[r];
    }

    void put(const PodTally &t)
    {
        ++m_phases.byPhase[size_t(t.phase)];
        if (!t.node.isEmpty() && t.phase != kube::PodPhase::Succeeded && t.phase != kube::PodPhase::Failed)
            ++m_podsPerNode[t.node];
        for (const QString &r : t.reasons)
            ++m_reasons[r];
    }

    std::shared_ptr<kube::ClusterAccess> m_access;
    ClusterHealth::Options m_options;
    kube::KubeClient *m_client = nullptr;
    kube::PodReflector *m_pods = nullptr;
    QTimer *m_timer = nullptr;
    quint64 m_round = 0;
    int m_pending = 0;
    QElapsedTimer m_roundClock;
    QElapsedTimer m_metricsClock;
    ClusterHealthSnapshot m_snapshot;
    QHash<QString, PodTally> m_tallies;
    PhaseCounts m_phases;
    QHash<QString, qint64> m_podsPerNode;
    QHash<QString, qint64> m_reasons;
    QHash<QString, std::pair<qint64, qint64>> m_usage; // node -> cpu milli, memory bytes
};

ClusterHealth::ClusterHealth(std::shared_ptr<kube::ClusterAccess> access, QObject *parent)
    : ClusterHealth(std::move(access), Options{}, parent)
{}

ClusterHealth::ClusterHealth(std::shared_ptr<kube::ClusterAccess> access, const Options &options,
                             QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_options(options)
{
    qRegisterMetaType<course::ClusterHealthSnapshot>();
}

ClusterHealth::~ClusterHealth()
{
    stop();
}

void ClusterHealth::start()
{
    if (m_running)
        return;
    m_running = true;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("cluster health"));
    m_worker = new ClusterHealthWorker(m_access, m_options);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ClusterHealthWorker::snapshotReady, this, [this](const ClusterHealthSnapshot &s) {
        m_snapshot = s;
        Q_EMIT updated(m_snapshot);
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &ClusterHealthWorker::begin, Qt::QueuedConnection);
}

void ClusterHealth::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_worker->disconnect(this);
    QMetaObject::invokeMethod(m_worker, &ClusterHealthWorker::end, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread; // the worker went with the thread's finished()
    m_thread = nullptr;
    m_worker = nullptr;
}

void ClusterHealth::setIntervalMs(int ms)
{
    m_options.intervalMs = std::max(250, ms);
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, ms = m_options.intervalMs] { w->setInterval(ms); },
            Qt::QueuedConnection);
}

void ClusterHealth::refreshNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &ClusterHealthWorker::refresh, Qt::QueuedConnection);
}

} // namespace course

#include "clusterhealth.moc"
