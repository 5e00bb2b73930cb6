#pragma once

#include "kube/apistatus.h"
#include "kube/backoff.h"
#include "kube/clusteraccess.h"
#include "kube/deploymentinfo.h"
#include "kube/kubeclient.h"
#include "kube/podinfo.h"
#include "kube/serviceinfo.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QThread;

namespace kube {

enum class DeltaType : quint8 { Added, Modified, Deleted };

// One change to one object, carrying the object as it now is (for Deleted: as
// it was last). Within a batch there is at most one delta per object, and
// applying a batch in order to a map keyed by namespace/name yields the
// reflector's state. A Modified delta may carry a new uid: the object was
// deleted and recreated under the same name.
template<typename T> struct Delta
{
    DeltaType type = DeltaType::Added;
    T object;
};

using PodDelta = Delta<PodInfo>;
using PodDeltas = QList<PodDelta>;
using DeploymentDelta = Delta<DeploymentInfo>;
using DeploymentDeltas = QList<DeploymentDelta>;
using ServiceDelta = Delta<ServiceInfo>;
using ServiceDeltas = QList<ServiceDelta>;

struct ReflectorOptions
{
    QString namespaceName; // empty: all namespaces
    QString labelSelector;
    QString fieldSelector;
    int pageSize = 500;
    // false: list once, emit synced(), then stopped(Ok) (command-line status).
    bool watch = true;
    // Deltas are coalesced for this long (or until maxBatch) before they go out.
    int batchIntervalMs = 100;
    int maxBatch = 5000;
    // Watches ask the server to end after a random time in [min, 2*min), as client-go does.
    int minWatchTimeoutSeconds = 300;
    Backoff::Policy backoff;
    // list-only mode: give up after this many failed attempts in a row (403 and
    // other answers that will not change give up at once). Watching never gives up.
    int listAttempts = 5;
};

struct ReflectorStats
{
    quint64 lists = 0; // complete lists (initial and relists)
    quint64 pages = 0;
    quint64 fullListFallbacks = 0; // continue token expired mid-list: one unpaged list instead
    quint64 watches = 0;           // watch requests made
    quint64 relistsGone = 0;       // relists after 410 Gone
    quint64 resyncs = 0;           // relists after a garbled event
    quint64 truncatedEvents = 0;   // events cut off by a dropped stream (resent by the next watch)
    quint64 eventsApplied = 0;     // watch events that changed the cache
    quint64 duplicates = 0;        // watch events the cache already had
    quint64 bookmarks = 0;
    quint64 failures = 0; // failed requests and dropped streams
};

class ReflectorCache;
class ReflectorLoop;
struct ReflectorShared;

// Keeps an up-to-date copy of one kind of object, as client-go's reflector
// does: a paged list (limit, continue), then a watch from the list's
// resourceVersion with bookmarks, resuming from the last resourceVersion after
// a dropped stream or a server timeout, listing again after 410 Gone or a
// garbled event, with jittered exponential backoff (and Retry-After) on errors.
// The work runs in a thread of its own; changes reach consumers as coalesced
// batches of value snapshots by queued signal (the subclasses' deltas()).
// Lives in the thread that created it; stop() or the destructor ends the
// worker. A stopped reflector keeps its cache, and start() resumes its watch.
class Reflector : public QObject
{
    Q_OBJECT

public:
    ~Reflector() override;

    void start();
    void stop(); // waits for the worker thread to end
    bool isRunning() const;
    bool isSynced() const;           // the first list is complete (and its deltas were sent)
    QString resourceVersion() const; // the last one seen (list, event or bookmark)
    qsizetype size() const;          // objects in the cache
    ReflectorStats stats() const;
    const ReflectorOptions &options() const { return m_options; }
    const ResourceKind &kind() const { return m_kind; }

Q_SIGNALS:
    void synced();
    // A request failed or a stream dropped; the reflector retries after `retryInMs`.
    void problem(const kube::ApiStatus &status, int retryInMs);
    // The worker ended by itself: list-only mode finished (Ok), or gave up.
    void stopped(const kube::ApiStatus &status);

protected:
    Reflector(std::shared_ptr<ClusterAccess> access, const ResourceKind &kind,
              const ReflectorOptions &options, QObject *parent);
    void setCache(std::unique_ptr<ReflectorCache> cache);
    ReflectorCache *cache() const;

private:
    friend class ReflectorLoop;
    std::shared_ptr<ClusterAccess> m_access;
    ResourceKind m_kind;
    ReflectorOptions m_options;
    std::shared_ptr<ReflectorShared> m_shared;
    QThread *m_thread = nullptr;
    ReflectorLoop *m_loop = nullptr;
};

class PodReflector final : public Reflector
{
    Q_OBJECT

public:
    explicit PodReflector(std::shared_ptr<ClusterAccess> access, const ReflectorOptions &options = {},
                          QObject *parent = nullptr);
    ~PodReflector() override;
    QList<PodInfo> snapshot() const; // a copy of the cache, from any thread
    // Calls `visit` for each cached object, under the cache's lock: no copies.
    // Do not keep the references once the reflector runs again.
    void visit(const std::function<void(const PodInfo &)> &visit) const;

Q_SIGNALS:
    void deltas(const kube::PodDeltas &batch);
};

class DeploymentReflector final : public Reflector
{
    Q_OBJECT

public:
    explicit DeploymentReflector(std::shared_ptr<ClusterAccess> access, const ReflectorOptions &options = {},
                                 QObject *parent = nullptr);
    ~DeploymentReflector() override;
    QList<DeploymentInfo> snapshot() const;
    // Calls `visit` for each cached object, under the cache's lock: no copies.
    // Do not keep the references once the reflector runs again.
    void visit(const std::function<void(const DeploymentInfo &)> &visit) const;

Q_SIGNALS:
    void deltas(const kube::DeploymentDeltas &batch);
};

class ServiceReflector final : public Reflector
{
    Q_OBJECT

public:
    explicit ServiceReflector(std::shared_ptr<ClusterAccess> access, const ReflectorOptions &options = {},
                              QObject *parent = nullptr);
    ~ServiceReflector() override;
    QList<ServiceInfo> snapshot() const;
    // Calls `visit` for each cached object, under the cache's lock: no copies.
    // Do not keep the references once the reflector runs again.
    void visit(const std::function<void(const ServiceInfo &)> &visit) const;

Q_SIGNALS:
    void deltas(const kube::ServiceDeltas &batch);
};

} // namespace kube
