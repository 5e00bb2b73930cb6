#pragma once

#include "sandbox/objectstore.h"

#include <QObject>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace sandbox {

// Records core/v1 Events as the control plane does, folding repeats into a count.
class EventRecorder
{
public:
    explicit EventRecorder(ObjectStore *store)
        : m_store(store)
    {
    }
    void record(const QJsonObject &involved, const QString &type, const QString &reason, const QString &message,
                const QString &component, const QString &host = {});
    // At scale, routine Normal events (Scheduled, Created, ...) cost more memory than
    // they are worth; warnings are always kept.
    void setRecordNormalEvents(bool on) { m_normal = on; }

private:
    ObjectStore *m_store;
    bool m_normal = true;
};

// The control loops of kube-controller-manager and kube-scheduler that the
// course needs: Deployment -> ReplicaSet -> Pods with rolling updates and
// rollout conditions, scheduling onto nodes with capacity, garbage collection by
// owner, and cluster IPs for Services. Work is queued per object and done in
// batches from the event loop, so a burst of changes costs one pass each.
class Controllers : public QObject
{
    Q_OBJECT

public:
    explicit Controllers(ObjectStore *store, QObject *parent = nullptr);

    EventRecorder &events() { return m_events; }
    // Makes `count` nodes with the given allocatable resources.
    void addNodes(int count, qint64 cpuMilli, qint64 memoryBytes, int maxPods);
    QStringList nodeNames() const;
    // While on, objects written in their final state (bulk seeding, restore) are
    // only indexed, not reconciled: they are already consistent.
    void setBulkLoading(bool on) { m_bulkLoading = on; }
    void skipClusterIps(quint32 used) { m_nextIp += used; }

private:
    void onChanged(const ObjectStore::Event &event);
    void process();
    void syncDeployment(const QString &ns, const QString &name);
    void syncReplicaSet(const QString &ns, const QString &name);
    void schedule(const QString &ns, const QString &name);
    void collectGarbage(const QString &ownerUid);
    void assignClusterIp(const QString &ns, const QString &name);

    ObjectStore *m_store;
    EventRecorder m_events;
    QSet<QString> m_deployments; // "ns/name" keys waiting for a sync
    QSet<QString> m_replicaSets;
    QSet<QString> m_unscheduled;
    QSet<QString> m_services;
    QSet<QString> m_rollingOut; // deployments whose rollout has not finished: looked at again for the deadline
    QSet<QString> m_deletedOwners; // uids
    QSet<QString> m_waitingForRoom; // pods no node had room for
    QHash<QString, QSet<QString>> m_podsByOwner; // owner uid -> "ns/name"
    QHash<QString, QSet<QString>> m_replicaSetsByOwner;
    struct Placement
    {
        QString node;
        qint64 cpuMilli = 0;
        qint64 memory = 0;
    };
    QHash<QString, Placement> m_placements; // pod key -> where it runs and what it asked for
    struct NodeUse
    {
        qint64 cpuMilli = 0;
        qint64 memory = 0;
        int pods = 0;
    };
    QHash<QString, NodeUse> m_nodeUse;
    struct NodeCapacity
    {
        quint64 rv = 0;
        qint64 cpuMilli = 0;
        qint64 memory = 0;
        int pods = 0;
    };
    QHash<QString, NodeCapacity> m_nodeCapacity; // parsed allocatable, per node version
    QTimer m_work;
    bool m_bulkLoading = false;
    quint32 m_nextIp = 0;
};

QString podTemplateHash(const QJsonObject &podTemplate);

} // namespace sandbox
