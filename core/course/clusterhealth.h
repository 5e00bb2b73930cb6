#pragma once

#include "kube/clusteraccess.h"
#include "kube/podinfo.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <array>
#include <memory>

class QThread;

namespace course {

// One node as the health view shows it: what it has, what is left for pods,
// what it uses now (metrics.k8s.io) and how many pods it runs.
struct NodeHealth
{
    QString name;
    bool ready = false;
    QStringList problems; // conditions that are not as they should be: "MemoryPressure", "NotReady", ...
    bool unschedulable = false; // spec.unschedulable (cordoned)
    qint64 cpuCapacityMilli = 0;
    qint64 cpuAllocatableMilli = 0;
    qint64 memoryCapacity = 0; // bytes
    qint64 memoryAllocatable = 0;
    qint64 podsAllocatable = 0;
    qint64 cpuUsageMilli = -1; // -1: no metrics
    qint64 memoryUsage = -1;
    qint64 pods = 0; // pods bound to it, not finished
};

// Pods by phase; index by kube::PodPhase (None counts pods with no phase yet).
struct PhaseCounts
{
    std::array<qint64, 6> byPhase{};
    qint64 operator[](kube::PodPhase phase) const { return byPhase[size_t(phase)]; }
    qint64 total() const;
};

struct PhaseSample
{
    QDateTime when; // UTC
    PhaseCounts counts;
};

struct ReasonCount
{
    QString reason; // "CrashLoopBackOff", "ImagePullBackOff", "OOMKilled", "Evicted", ...
    qint64 pods = 0;
};

// The API server's own answer to /readyz (or /livez, /healthz when a server lacks it).
struct ApiHealth
{
    bool checked = false;
    bool ok = false;
    QString endpoint; // "/readyz"
    int latencyMs = -1;
    QString message;     // "ok", or what failed, why and what to do
    QDateTime checkedAt; // UTC
};

struct ClusterHealthSnapshot
{
    QDateTime takenAt; // UTC
    QList<NodeHealth> nodes;
    QString nodesError;      // empty when the node list was read
    QDateTime nodesListedAt; // UTC, of `nodes`; older than takenAt when the last list failed
    bool metricsAvailable = false;
    QString metricsError;
    bool podsSynced = false;
    QString podsError;
    PhaseCounts phases;
    QList<PhaseSample> history;    // oldest first, one per refresh
    QList<ReasonCount> topReasons; // most pods first
    ApiHealth api;
};

// The error reasons one pod shows: waiting reasons other than the normal
// ContainerCreating/PodInitializing, terminated reasons other than Completed,
// the last termination's reason of a restarting container (OOMKilled, Error),
// and the pod's status.reason (Evicted, NodeLost). Each reason once.
QStringList podErrorReasons(const kube::PodInfo &pod);

class ClusterHealthWorker;

// Watches the cluster's health: every interval it lists the nodes (capacity,
// allocatable, conditions), reads node metrics (metrics.k8s.io) and asks the
// API server's /readyz with its latency; pods are counted by phase and by
// error reason from a PodReflector's deltas (O(changes), never a relist per
// refresh), and each refresh adds a sample to the phase history.
//
// The requests, JSON parsing and counting run in a worker thread; snapshots
// reach this object's thread by queued signal.
class ClusterHealth : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int intervalMs = 5000;
        // Node metrics are read at most this often: metrics-server itself
        // scrapes every 15 s, so asking more often only loads the server.
        int metricsIntervalMs = 15000;
        int topReasons = 8;
        int historyLength = 720; // samples kept: an hour at 5 s
        bool watchPods = true;
        QString podNamespace; // empty: all namespaces
    };

    explicit ClusterHealth(std::shared_ptr<kube::ClusterAccess> access, QObject *parent = nullptr);
    ClusterHealth(std::shared_ptr<kube::ClusterAccess> access, const Options &options,
                  QObject *parent = nullptr);
    ~ClusterHealth() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    void setIntervalMs(int ms);
    int intervalMs() const { return m_options.intervalMs; }
    void refreshNow();

    const ClusterHealthSnapshot &snapshot() const { return m_snapshot; }

Q_SIGNALS:
    void updated(const course::ClusterHealthSnapshot &snapshot);

private:
    std::shared_ptr<kube::ClusterAccess> m_access;
    Options m_options;
    QThread *m_thread = nullptr;
    ClusterHealthWorker *m_worker = nullptr;
    ClusterHealthSnapshot m_snapshot;
    bool m_running = false;
};

} // namespace course

Q_DECLARE_METATYPE(course::ClusterHealthSnapshot)
