#include "sandbox/controllers.h"

#include "kube/quantity.h"
#include "sandbox/sandboxlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <cmath>

namespace sandbox {

namespace {

const ResourceType &typeOf(const char *gv, const char *plural)
{
    return *findResourceType(QString::fromLatin1(gv), QString::fromLatin1(plural));
}

const ResourceType &podsType() { static const ResourceType &t = typeOf("v1", "pods"); return t; }
const ResourceType &nodesType() { static const ResourceType &t = typeOf("v1", "nodes"); return t; }
const ResourceType &servicesType() { static const ResourceType &t = typeOf("v1", "services"); return t; }
const ResourceType &eventsType() { static const ResourceType &t = typeOf("v1", "events"); return t; }
const ResourceType &deploymentsType() { static const ResourceType &t = typeOf("apps/v1", "deployments"); return t; }
const ResourceType &replicaSetsType() { static const ResourceType &t = typeOf("apps/v1", "replicasets"); return t; }

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QStringLiteral("metadata")).toObject();
}

QString nsOf(const QJsonObject &o)
{
    return meta(o).value(QStringLiteral("namespace")).toString();
}

QString nameOf(const QJsonObject &o)
{
    return meta(o).value(QStringLiteral("name")).toString();
}

QString uidOf(const QJsonObject &o)
{
    return meta(o).value(QStringLiteral("uid")).toString();
}

QString controllerUid(const QJsonObject &o)
{
    for (const QJsonValue &ref : meta(o).value(QStringLiteral("ownerReferences")).toArray()) {
        if (ref[QStringLiteral("controller")].toBool())
            return ref[QStringLiteral("uid")].toString();
    }
    return {};
}

QJsonObject ownerReference(const QJsonObject &owner, const ResourceType &type)
{
    return {{QStringLiteral("apiVersion"), type.apiVersion()},
            {QStringLiteral("kind"), type.kind},
            {QStringLiteral("name"), nameOf(owner)},
            {QStringLiteral("uid"), uidOf(owner)},
            {QStringLiteral("controller"), true},
            {QStringLiteral("blockOwnerDeletion"), true}};
}

bool isTerminating(const QJsonObject &o)
{
    return meta(o).contains(QStringLiteral("deletionTimestamp"));
}

bool podReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod[QStringLiteral("status")][QStringLiteral("conditions")].toArray()) {
        if (c[QStringLiteral("type")].toString() == QLatin1String("Ready"))
            return c[QStringLiteral("status")].toString() == QLatin1String("True");
    }
    return false;
}

QString randomSuffix()
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < 5; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return s;
}

QJsonObject setCondition(QJsonArray conditions, const QString &type, const QString &status, const QString &reason,
                         const QString &message, bool touchUpdate, QJsonArray *out)
{
    const QString now = ObjectStore::now();
    QJsonObject result;
    bool found = false;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions[i].toObject();
        if (c.value(QStringLiteral("type")).toString() != type)
            continue;
        found = true;
        if (c.value(QStringLiteral("status")).toString() != status)
            c.insert(QStringLiteral("lastTransitionTime"), now);
        if (touchUpdate || c.value(QStringLiteral("reason")).toString() != reason)
            c.insert(QStringLiteral("lastUpdateTime"), now);
        c.insert(QStringLiteral("status"), status);
        c.insert(QStringLiteral("reason"), reason);
        c.insert(QStringLiteral("message"), message);
        conditions[i] = c;
        result = c;
    }
    if (!found) {
        result = QJsonObject{{QStringLiteral("type"), type},
                             {QStringLiteral("status"), status},
                             {QStringLiteral("lastUpdateTime"), now},
                             {QStringLiteral("lastTransitionTime"), now},
                             {QStringLiteral("reason"), reason},
                             {QStringLiteral("message"), message}};
        conditions.append(result);
    }
    *out = conditions;
    return result;
}

struct Requests
{
    qint64 cpuMilli = 0;
    qint64 memory = 0;
};

Requests podRequests(const QJsonObject &pod)
{
    Requests r;
    for (const QJsonValue &c : pod[QStringLiteral("spec")][QStringLiteral("containers")].toArray()) {
        const QJsonObject req = c[QStringLiteral("resources")][QStringLiteral("requests")].toObject();
        if (auto q = kube::Quantity::parse(req.value(QStringLiteral("cpu")).toString()))
            r.cpuMilli += q->milliValue();
        if (auto q = kube::Quantity::parse(req.value(QStringLiteral("memory")).toString()))
            r.memory += q->value();
    }
    return r;
}

} // namespace

QString podTemplateHash(const QJsonObject &podTemplate)
{
    // FNV-1a over the template's canonical JSON, written with the API server's
    // safe alphabet, so the same template always gets the same ReplicaSet.
    const QByteArray bytes = QJsonDocument(podTemplate).toJson(QJsonDocument::Compact);
    quint32 hash = 2166136261u;
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray digits = QByteArray::number(hash);
    QString out;
    for (char d : digits)
        out += QLatin1Char(alphabet[(d - '0') % (sizeof alphabet - 1)]);
    return out;
}

void EventRecorder::record(const QJsonObject &involved, const QString &type, const QString &reason,
                           const QString &message, const QString &component, const QString &host)
{
    if (!m_normal && type == QLatin1String("Normal"))
        return;
    const QJsonObject m = meta(involved);
    QString ns = m.value(QStringLiteral("namespace")).toString();
    if (ns.isEmpty())
        ns = QStringLiteral("default");
    const QString name = m.value(QStringLiteral("name")).toString();
    const QString now = ObjectStore::now();
    // Repeats of the same event fold into one with a count, as the event broadcaster does.
    const QString key = name + u'.' + QString::number(qHash(reason + message + m.value(QStringLiteral("uid")).toString()), 16);
    QJsonObject event;
    if (const auto existing = m_store->get(eventsType(), ns, key)) {
        event = existing->object();
        event.insert(QStringLiteral("count"), event.value(QStringLiteral("count")).toInteger(1) + 1);
        event.insert(QStringLiteral("lastTimestamp"), now);
    } else {
        QJsonObject source{{QStringLiteral("component"), component}};
        if (!host.isEmpty())
            source.insert(QStringLiteral("host"), host);
        const QString kind = involved.value(QStringLiteral("kind")).toString();
        QJsonObject ref{{QStringLiteral("kind"), kind},
                        {QStringLiteral("name"), name},
                        {QStringLiteral("uid"), m.value(QStringLiteral("uid"))},
                        {QStringLiteral("apiVersion"), involved.value(QStringLiteral("apiVersion"))},
                        {QStringLiteral("resourceVersion"), m.value(QStringLiteral("resourceVersion"))}};
        if (!m.value(QStringLiteral("namespace")).toString().isEmpty())
            ref.insert(QStringLiteral("namespace"), ns);
        event = QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), key}, {QStringLiteral("namespace"), ns}}},
            {QStringLiteral("involvedObject"), ref},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("message"), message},
            {QStringLiteral("source"), source},
            {QStringLiteral("firstTimestamp"), now},
            {QStringLiteral("lastTimestamp"), now},
            {QStringLiteral("count"), 1},
            {QStringLiteral("type"), type},
            {QStringLiteral("eventTime"), QJsonValue::Null},
            {QStringLiteral("reportingComponent"), component},
            {QStringLiteral("reportingInstance"), host}};
    }
    m_store->put(eventsType(), event);
}

Controllers::Controllers(ObjectStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_events(store)
{
    connect(m_store, &ObjectStore::changed, this, &Controllers::onChanged);
    m_work.setSingleShot(true);
    m_work.setInterval(0);
    connect(&m_work, &QTimer::timeout, this, &Controllers::process);
    // Rollouts that have not finished are looked at again, for their deadline.
    auto *resync = new QTimer(this);
    connect(resync, &QTimer::timeout, this, [this] {
        m_deployments.unite(m_rollingOut);
        if (!m_deployments.isEmpty())
            m_work.start();
    });
    resync->start(5000);
}

void Controllers::addNodes(int count, qint64 cpuMilli, qint64 memoryBytes, int maxPods)
{
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("sandbox-node-%1").arg(i + 1);
        const QJsonObject capacity{{QStringLiteral("cpu"), kube::Quantity::fromMilli(cpuMilli).toCpuString()},
                                   {QStringLiteral("memory"), QString(QString::number(memoryBytes / 1024) + QLatin1String("Ki"))},
                                   {QStringLiteral("pods"), QString::number(maxPods)},
                                   {QStringLiteral("ephemeral-storage"), QStringLiteral("100Gi")}};
        const QString now = ObjectStore::now();
        QJsonArray conditions;
        for (const auto &[type, status, reason, message] :
             {std::tuple{"MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"},
              std::tuple{"DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
              std::tuple{"PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"},
              std::tuple{"Ready", "True", "KubeletReady", "kubelet is posting ready status"}}) {
            conditions.append(QJsonObject{{QStringLiteral("type"), QLatin1String(type)},
                                          {QStringLiteral("status"), QLatin1String(status)},
                                          {QStringLiteral("reason"), QLatin1String(reason)},
                                          {QStringLiteral("message"), QLatin1String(message)},
                                          {QStringLiteral("lastHeartbeatTime"), now},
                                          {QStringLiteral("lastTransitionTime"), now}});
        }
        const QJsonObject node{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), name},
                         {QStringLiteral("labels"),
                          QJsonObject{{QStringLiteral("kubernetes.io/hostname"), name},
                                      {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                                      {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
                                      {QStringLiteral("node.kubernetes.io/instance-type"), QStringLiteral("sandbox")}}}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("podCIDR"), QStringLiteral("10.244.%1.0/24").arg(i)}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("capacity"), capacity},
                         {QStringLiteral("allocatable"), capacity},
                         {QStringLiteral("conditions"), conditions},
                         {QStringLiteral("addresses"),
                          QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")},
                                                 {QStringLiteral("address"), QStringLiteral("10.0.0.%1").arg(i + 10)}},
                                     QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")},
                                                 {QStringLiteral("address"), name}}}},
                         {QStringLiteral("nodeInfo"),
                          QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.32.0")},
                                      {QStringLiteral("kubeProxyVersion"), QStringLiteral("v1.32.0")},
                                      {QStringLiteral("osImage"), QStringLiteral("CourseOps sandbox")},
                                      {QStringLiteral("kernelVersion"), QStringLiteral("6.1.0")},
                                      {QStringLiteral("containerRuntimeVersion"),
                                       QStringLiteral("courseops-sandbox://1")},
                                      {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                                      {QStringLiteral("architecture"), QStringLiteral("amd64")}}}}}};
        m_store->put(nodesType(), node);
    }
}

QStringList Controllers::nodeNames() const
{
    QStringList names;
    m_store->forEach(nodesType(), QString(), QString(), [&](const ObjectStore::EntryPtr &n) {
        names << n->name;
        return true;
    });
    return names;
}

void Controllers::onChanged(const ObjectStore::Event &ev)
{
    const QJsonObject &o = ev.entry->object();
    const QString key = ObjectStore::keyOf(nsOf(o), nameOf(o));
    const ResourceType *t = ev.resource;
    auto ownerKeyOf = [&](const ResourceType &ownerType) -> QString {
        const QString uid = controllerUid(o);
        if (uid.isEmpty())
            return {};
        for (const QJsonValue &ref : meta(o).value(QStringLiteral("ownerReferences")).toArray()) {
            if (ref[QStringLiteral("uid")].toString() == uid && ref[QStringLiteral("kind")].toString() == ownerType.kind)
                return ObjectStore::keyOf(nsOf(o), ref[QStringLiteral("name")].toString());
        }
        return {};
    };
    if (t == &deploymentsType()) {
        if (ev.type == ObjectStore::EventType::Deleted)
            m_deletedOwners.insert(uidOf(o));
        else
            m_deployments.insert(key);
    } else if (t == &replicaSetsType()) {
        const QString ownerUid = controllerUid(o);
        if (ev.type == ObjectStore::EventType::Deleted) {
            m_deletedOwners.insert(uidOf(o));
            if (!ownerUid.isEmpty())
                m_replicaSetsByOwner[ownerUid].remove(key);
        } else {
            m_replicaSets.insert(key);
            if (!ownerUid.isEmpty())
                m_replicaSetsByOwner[ownerUid].insert(key);
        }
        if (const QString owner = ownerKeyOf(deploymentsType()); !owner.isEmpty())
            m_deployments.insert(owner);
    } else if (t == &podsType()) {
        const QString ownerUid = controllerUid(o);
        if (const QString owner = ownerKeyOf(replicaSetsType()); !owner.isEmpty())
            m_replicaSets.insert(owner);
        if (ev.type == ObjectStore::EventType::Deleted) {
            if (!ownerUid.isEmpty())
                m_podsByOwner[ownerUid].remove(key);
            m_waitingForRoom.remove(key);
            const Placement p = m_placements.take(key);
            if (!p.node.isEmpty()) {
                NodeUse &use = m_nodeUse[p.node];
                use.cpuMilli -= p.cpuMilli;
                use.memory -= p.memory;
                --use.pods;
                // Room was freed: pods waiting for it may fit now.
                m_unscheduled.unite(m_waitingForRoom);
                m_waitingForRoom.clear();
            }
        } else {
            if (!ownerUid.isEmpty())
                m_podsByOwner[ownerUid].insert(key);
            const QString node = o[QStringLiteral("spec")][QStringLiteral("nodeName")].toString();
            if (!node.isEmpty() && !m_placements.contains(key)) {
                // Scheduled elsewhere (bulk seeding, restore): count what it takes.
                const Requests want = podRequests(o);
                NodeUse &use = m_nodeUse[node];
                use.cpuMilli += want.cpuMilli;
                use.memory += want.memory;
                ++use.pods;
                m_placements.insert(key, {node, want.cpuMilli, want.memory});
            }
            if (!isTerminating(o) && o[QStringLiteral("spec")][QStringLiteral("nodeName")].toString().isEmpty() &&
                !m_waitingForRoom.contains(key))
                m_unscheduled.insert(key);
        }
    } else if (t == &servicesType()) {
        if (ev.type == ObjectStore::EventType::Added)
            m_services.insert(key);
    } else {
        return;
    }
    if (m_bulkLoading) {
        m_deployments.clear();
        m_replicaSets.clear();
        m_unscheduled.clear();
        m_services.clear();
        return;
    }
    if (!m_work.isActive())
        m_work.start();
}

void Controllers::process()
{
    // Owners first, then what they own, a bounded batch at a time so the API
    // keeps answering while thousands of objects settle.
    int budget = 400;
    auto take = [&budget](QSet<QString> &queue) {
        QList<QString> batch;
        for (auto it = queue.begin(); it != queue.end() && budget > 0; --budget) {
            batch.append(*it);
            it = queue.erase(it);
        }
        return batch;
    };
    for (const QString &uid : take(m_deletedOwners))
        collectGarbage(uid);
    for (const QString &key : take(m_deployments))
        syncDeployment(key.section(u'/', 0, 0), key.section(u'/', 1));
    for (const QString &key : take(m_replicaSets))
        syncReplicaSet(key.section(u'/', 0, 0), key.section(u'/', 1));
    for (const QString &key : take(m_unscheduled))
        schedule(key.section(u'/', 0, 0), key.section(u'/', 1));
    for (const QString &key : take(m_services))
        assignClusterIp(key.section(u'/', 0, 0), key.section(u'/', 1));
    if (!m_deletedOwners.isEmpty() || !m_deployments.isEmpty() || !m_replicaSets.isEmpty() ||
        !m_unscheduled.isEmpty() || !m_services.isEmpty())
        m_work.start();
}

void Controllers::syncDeployment(const QString &ns, const QString &name)
{
    const auto entry = m_store->get(deploymentsType(), ns, name);
    if (!entry || isTerminating(entry->object()))
        return;
    QJsonObject d = entry->object();
    const QJsonObject spec = d.value(QStringLiteral("spec")).toObject();
    const qint64 replicas = spec.value(QStringLiteral("replicas")).toInteger(1);
    const QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
    const QString hash = podTemplateHash(podTemplate);
    const bool paused = spec.value(QStringLiteral("paused")).toBool();
    const bool recreate =
        spec[QStringLiteral("strategy")][QStringLiteral("type")].toString() == QLatin1String("Recreate");
    // maxSurge 25% rounded up, maxUnavailable 25% rounded down; never both zero.
    qint64 maxSurge = recreate ? 0 : qint64(std::ceil(replicas * 0.25));
    qint64 maxUnavailable = recreate ? replicas : qint64(std::floor(replicas * 0.25));
    if (maxSurge == 0 && maxUnavailable == 0)
        maxSurge = 1;

    ObjectStore::EntryPtr newRs;
    QList<ObjectStore::EntryPtr> oldRs;
    qint64 maxRevision = 0;
    for (const QString &key : m_replicaSetsByOwner.value(uidOf(d))) {
        const auto rs = m_store->get(replicaSetsType(), key.section(u'/', 0, 0), key.section(u'/', 1));
        if (!rs)
            continue;
        maxRevision = std::max(maxRevision, meta(rs->object())[QStringLiteral("annotations")]
                                                [QStringLiteral("deployment.kubernetes.io/revision")]
                                                    .toString()
                                                    .toLongLong());
        if (meta(rs->object())[QStringLiteral("labels")][QStringLiteral("pod-template-hash")].toString() == hash)
            newRs = rs;
        else
            oldRs.append(rs);
    }
    std::sort(oldRs.begin(), oldRs.end(), [](const auto &a, const auto &b) {
        return meta(a->object()).value(QStringLiteral("creationTimestamp")).toString() <
               meta(b->object()).value(QStringLiteral("creationTimestamp")).toString();
    });
    auto rsReplicas = [](const ObjectStore::EntryPtr &rs) {
        return rs->object()[QStringLiteral("spec")][QStringLiteral("replicas")].toInteger();
    };
    auto rsStatus = [](const ObjectStore::EntryPtr &rs, const char *field) {
        return rs->object()[QStringLiteral("status")][QLatin1String(field)].toInteger();
    };
    bool progressed = false;
    qint64 oldTotal = 0;
    for (const auto &rs : oldRs)
        oldTotal += rsReplicas(rs);

    if (!paused) {
        if (!newRs) {
            QJsonObject rsTemplate = podTemplate;
            QJsonObject templateMeta = rsTemplate.value(QStringLiteral("metadata")).toObject();
            QJsonObject labels = templateMeta.value(QStringLiteral("labels")).toObject();
            labels.insert(QStringLiteral("pod-template-hash"), hash);
            templateMeta.insert(QStringLiteral("labels"), labels);
            rsTemplate.insert(QStringLiteral("metadata"), templateMeta);
            QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
            QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
            matchLabels.insert(QStringLiteral("pod-template-hash"), hash);
            selector.insert(QStringLiteral("matchLabels"), matchLabels);
            const qint64 start = recreate ? (oldTotal == 0 ? replicas : 0)
                                          : std::clamp<qint64>(replicas + maxSurge - oldTotal, 0, replicas);
            const QString rsName = name + u'-' + hash;
            const QJsonObject rs{
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("name"), rsName},
                             {QStringLiteral("namespace"), ns},
                             {QStringLiteral("labels"), labels},
                             {QStringLiteral("annotations"),
                              QJsonObject{{QStringLiteral("deployment.kubernetes.io/revision"),
                                           QString::number(maxRevision + 1)},
                                          {QStringLiteral("deployment.kubernetes.io/desired-replicas"),
                                           QString::number(replicas)},
                                          {QStringLiteral("deployment.kubernetes.io/max-replicas"),
                                           QString::number(replicas + maxSurge)}}},
                             {QStringLiteral("ownerReferences"),
                              QJsonArray{ownerReference(d, deploymentsType())}}}},
                {QStringLiteral("spec"),
                 QJsonObject{{QStringLiteral("replicas"), start},
                             {QStringLiteral("selector"), selector},
                             {QStringLiteral("template"), rsTemplate}}},
                {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 0}}}};
            newRs = m_store->put(replicaSetsType(), rs);
            m_replicaSetsByOwner[uidOf(d)].insert(ObjectStore::keyOf(ns, rsName));
            m_events.record(d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                            QStringLiteral("Scaled up replica set %1 from 0 to %2").arg(rsName).arg(start),
                            QStringLiteral("deployment-controller"));
            progressed = true;
        } else {
            // Scale the new ReplicaSet up within the surge budget.
            const qint64 current = rsReplicas(newRs);
            if (current != replicas) {
                qint64 target = replicas;
                if (current < replicas && !recreate)
                    target = std::min(replicas, current + std::max<qint64>(0, replicas + maxSurge - current - oldTotal));
                if (recreate && oldTotal > 0)
                    target = current;
                if (target != current) {
                    QJsonObject o = newRs->object();
                    QJsonObject s = o.value(QStringLiteral("spec")).toObject();
                    s.insert(QStringLiteral("replicas"), target);
                    o.insert(QStringLiteral("spec"), s);
                    newRs = m_store->put(replicaSetsType(), o);
                    m_events.record(d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                                    QStringLiteral("Scaled %1 replica set %2 from %3 to %4")
                                        .arg(target > current ? QStringLiteral("up") : QStringLiteral("down"),
                                             nameOf(o))
                                        .arg(current)
                                        .arg(target),
                                    QStringLiteral("deployment-controller"));
                    progressed = true;
                }
            }
        }
        // Scale old ReplicaSets down as far as availability allows.
        qint64 available = rsStatus(newRs, "availableReplicas");
        for (const auto &rs : oldRs)
            available += rsStatus(rs, "availableReplicas");
        qint64 canRemove = recreate ? oldTotal : available - (replicas - maxUnavailable);
        for (const auto &rs : oldRs) {
            const qint64 current = rsReplicas(rs);
            if (current == 0)
                continue;
            // Replicas that are not available can go at once; they serve nobody.
            const qint64 unavailable = std::max<qint64>(0, current - rsStatus(rs, "availableReplicas"));
            const qint64 remove = std::min(current, unavailable + std::max<qint64>(0, canRemove));
            if (remove <= 0)
                continue;
            canRemove -= std::max<qint64>(0, remove - unavailable);
            QJsonObject o = rs->object();
            QJsonObject s = o.value(QStringLiteral("spec")).toObject();
            s.insert(QStringLiteral("replicas"), current - remove);
            o.insert(QStringLiteral("spec"), s);
            m_store->put(replicaSetsType(), o);
            m_events.record(d, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                            QStringLiteral("Scaled down replica set %1 from %2 to %3")
                                .arg(nameOf(o))
                                .arg(current)
                                .arg(current - remove),
                            QStringLiteral("deployment-controller"));
            progressed = true;
        }
    }

    // Status, as the deployment controller reports it.
    qint64 total = 0, ready = 0, available = 0;
    const qint64 updated = newRs ? rsStatus(newRs, "replicas") : 0;
    for (const auto &rs : oldRs) {
        total += rsStatus(rs, "replicas");
        ready += rsStatus(rs, "readyReplicas");
        available += rsStatus(rs, "availableReplicas");
    }
    if (newRs) {
        total += rsStatus(newRs, "replicas");
        ready += rsStatus(newRs, "readyReplicas");
        available += rsStatus(newRs, "availableReplicas");
    }
    QJsonObject status = d.value(QStringLiteral("status")).toObject();
    const QJsonObject before = status;
    status.insert(QStringLiteral("observedGeneration"), meta(d).value(QStringLiteral("generation")).toInteger(1));
    status.insert(QStringLiteral("replicas"), total);
    status.insert(QStringLiteral("updatedReplicas"), updated);
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("availableReplicas"), available);
    if (replicas - available > 0)
        status.insert(QStringLiteral("unavailableReplicas"), replicas - available);
    else
        status.remove(QStringLiteral("unavailableReplicas"));
    for (const char *zeroless : {"readyReplicas", "availableReplicas", "updatedReplicas", "replicas"}) {
        if (status.value(QLatin1String(zeroless)).toInteger() == 0)
            status.remove(QLatin1String(zeroless));
    }
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    const bool minimumAvailable = available >= replicas - maxUnavailable;
    setCondition(conditions, QStringLiteral("Available"), minimumAvailable ? QStringLiteral("True") : QStringLiteral("False"),
                 minimumAvailable ? QStringLiteral("MinimumReplicasAvailable") : QStringLiteral("MinimumReplicasUnavailable"),
                 minimumAvailable ? QStringLiteral("Deployment has minimum availability.")
                                  : QStringLiteral("Deployment does not have minimum availability."),
                 false, &conditions);
    const QString rsName = newRs ? nameOf(newRs->object()) : QString();
    const bool complete = newRs && updated == replicas && available >= replicas && total == replicas;
    if (paused) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("Unknown"),
                     QStringLiteral("DeploymentPaused"), QStringLiteral("Deployment is paused"), false, &conditions);
    } else if (complete) {
        setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                     QStringLiteral("NewReplicaSetAvailable"),
                     QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName), false, &conditions);
    } else {
        // Progress is any change in the counts since the last look.
        const bool moved = progressed || before.value(QStringLiteral("availableReplicas")) != status.value(QStringLiteral("availableReplicas")) ||
                           before.value(QStringLiteral("updatedReplicas")) != status.value(QStringLiteral("updatedReplicas")) ||
                           before.value(QStringLiteral("readyReplicas")) != status.value(QStringLiteral("readyReplicas"));
        QString lastUpdate;
        QString reason;
        for (const QJsonValue &c : conditions) {
            if (c[QStringLiteral("type")].toString() == QLatin1String("Progressing")) {
                lastUpdate = c[QStringLiteral("lastUpdateTime")].toString();
                reason = c[QStringLiteral("reason")].toString();
            }
        }
        const qint64 deadline = spec.value(QStringLiteral("progressDeadlineSeconds")).toInteger(600);
        const qint64 idle = lastUpdate.isEmpty()
                                ? 0
                                : QDateTime::fromString(lastUpdate, Qt::ISODate).secsTo(QDateTime::currentDateTimeUtc());
        if (!moved && reason != QLatin1String("NewReplicaSetAvailable") && idle > deadline) {
            if (reason != QLatin1String("ProgressDeadlineExceeded"))
                m_events.record(d, QStringLiteral("Warning"), QStringLiteral("ProgressDeadlineExceeded"),
                                QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rsName),
                                QStringLiteral("deployment-controller"));
            setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("False"),
                         QStringLiteral("ProgressDeadlineExceeded"),
                         QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(rsName), false, &conditions);
        } else if (moved || reason.isEmpty() || reason == QLatin1String("NewReplicaSetAvailable") ||
                   reason == QLatin1String("DeploymentPaused")) {
            setCondition(conditions, QStringLiteral("Progressing"), QStringLiteral("True"),
                         QStringLiteral("ReplicaSetUpdated"),
                         QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName), true, &conditions);
        }
    }
    status.insert(QStringLiteral("conditions"), conditions);
    const QString key = ObjectStore::keyOf(ns, name);
    if (complete || paused)
        m_rollingOut.remove(key);
    else
        m_rollingOut.insert(key);
    QJsonObject m = meta(d);
    QJsonObject annotations = m.value(QStringLiteral("annotations")).toObject();
    if (newRs) {
        annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                           meta(newRs->object())[QStringLiteral("annotations")][QStringLiteral("deployment.kubernetes.io/revision")]);
        m.insert(QStringLiteral("annotations"), annotations);
        d.insert(QStringLiteral("metadata"), m);
    }
    d.insert(QStringLiteral("status"), status);
    m_store->put(deploymentsType(), d);
}

void Controllers::syncReplicaSet(const QString &ns, const QString &name)
{
    const auto entry = m_store->get(replicaSetsType(), ns, name);
    if (!entry || isTerminating(entry->object()))
        return;
    const QJsonObject rs = entry->object();
    const qint64 desired = rs[QStringLiteral("spec")][QStringLiteral("replicas")].toInteger(1);
    QList<ObjectStore::EntryPtr> active;
    for (const QString &key : m_podsByOwner.value(uidOf(rs))) {
        const auto pod = m_store->get(podsType(), key.section(u'/', 0, 0), key.section(u'/', 1));
        if (pod && !isTerminating(pod->object()))
            active.append(pod);
    }
    if (qint64(active.size()) < desired) {
        const QJsonObject podTemplate = rs[QStringLiteral("spec")][QStringLiteral("template")].toObject();
        for (qint64 i = active.size(); i < desired; ++i) {
            QJsonObject podMeta = podTemplate.value(QStringLiteral("metadata")).toObject();
            QString podName;
            do
                podName = name + u'-' + randomSuffix();
            while (m_store->get(podsType(), ns, podName));
            podMeta.insert(QStringLiteral("name"), podName);
            podMeta.insert(QStringLiteral("namespace"), ns);
            podMeta.insert(QStringLiteral("generateName"), QString(name + u'-'));
            podMeta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(rs, replicaSetsType())});
            QJsonObject podSpec = podTemplate.value(QStringLiteral("spec")).toObject();
            if (!podSpec.contains(QStringLiteral("restartPolicy")))
                podSpec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
            if (!podSpec.contains(QStringLiteral("terminationGracePeriodSeconds")))
                podSpec.insert(QStringLiteral("terminationGracePeriodSeconds"), 30);
            const QJsonObject pod{{QStringLiteral("metadata"), podMeta},
                                  {QStringLiteral("spec"), podSpec},
                                  {QStringLiteral("status"),
                                   QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                                               {QStringLiteral("qosClass"), QStringLiteral("Burstable")}}}};
            const auto created = m_store->put(podsType(), pod);
            m_podsByOwner[uidOf(rs)].insert(ObjectStore::keyOf(ns, podName));
            m_events.record(rs, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                            QStringLiteral("Created pod: %1").arg(podName), QStringLiteral("replicaset-controller"));
            active.append(created);
        }
    } else if (qint64(active.size()) > desired) {
        // Remove the least useful first: unscheduled, then not ready, then the newest.
        std::sort(active.begin(), active.end(), [](const auto &a, const auto &b) {
            const bool aNode = !a->object()[QStringLiteral("spec")][QStringLiteral("nodeName")].toString().isEmpty();
            const bool bNode = !b->object()[QStringLiteral("spec")][QStringLiteral("nodeName")].toString().isEmpty();
            if (aNode != bNode)
                return !aNode;
            if (podReady(a->object()) != podReady(b->object()))
                return !podReady(a->object());
            return meta(a->object()).value(QStringLiteral("creationTimestamp")).toString() >
                   meta(b->object()).value(QStringLiteral("creationTimestamp")).toString();
        });
        const qint64 excess = active.size() - desired;
        for (qint64 i = 0; i < excess; ++i) {
            const QString podName = nameOf(active[i]->object());
            ApiError error;
            m_store->remove(podsType(), ns, podName, -1, &error);
            m_events.record(rs, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                            QStringLiteral("Deleted pod: %1").arg(podName), QStringLiteral("replicaset-controller"));
        }
        active = active.mid(excess);
    }
    qint64 ready = 0;
    for (const auto &pod : active) {
        if (podReady(pod->object()))
            ++ready;
    }
    QJsonObject status{{QStringLiteral("replicas"), qint64(active.size())},
                       {QStringLiteral("fullyLabeledReplicas"), qint64(active.size())},
                       {QStringLiteral("readyReplicas"), ready},
                       {QStringLiteral("availableReplicas"), ready},
                       {QStringLiteral("observedGeneration"), meta(rs).value(QStringLiteral("generation")).toInteger(1)}};
    for (const char *zeroless : {"fullyLabeledReplicas", "readyReplicas", "availableReplicas"}) {
        if (status.value(QLatin1String(zeroless)).toInteger() == 0)
            status.remove(QLatin1String(zeroless));
    }
    // Re-read: pods created above changed nothing on the ReplicaSet itself.
    QJsonObject updated = m_store->get(replicaSetsType(), ns, name)->object();
    updated.insert(QStringLiteral("status"), status);
    m_store->put(replicaSetsType(), updated);
}

void Controllers::schedule(const QString &ns, const QString &name)
{
    const auto entry = m_store->get(podsType(), ns, name);
    if (!entry || isTerminating(entry->object()) ||
        !entry->object()[QStringLiteral("spec")][QStringLiteral("nodeName")].toString().isEmpty())
        return;
    // As kube-scheduler: pods held by scheduling gates wait, and pods that name
    // another scheduler are that scheduler's to place.
    const QJsonObject podSpec = entry->object().value(QStringLiteral("spec")).toObject();
    const QString schedulerName = podSpec.value(QStringLiteral("schedulerName")).toString();
    if (!podSpec.value(QStringLiteral("schedulingGates")).toArray().isEmpty() ||
        (!schedulerName.isEmpty() && schedulerName != QLatin1String("default-scheduler")))
        return;
    const Requests want = podRequests(entry->object());
    QString best;
    int bestPods = std::numeric_limits<int>::max();
    int nodes = 0, noCpu = 0, noMemory = 0, full = 0;
    m_store->forEach(nodesType(), QString(), QString(), [&](const ObjectStore::EntryPtr &n) {
        ++nodes;
        const QString &nodeName = n->name;
        auto capacity = m_nodeCapacity.constFind(nodeName);
        if (capacity == m_nodeCapacity.constEnd() || capacity->rv != n->rv) {
            const QJsonObject alloc = n->object()[QStringLiteral("status")][QStringLiteral("allocatable")].toObject();
            NodeCapacity c;
            c.rv = n->rv;
            c.cpuMilli = kube::Quantity::parse(alloc.value(QStringLiteral("cpu")).toString()).value_or(kube::Quantity()).milliValue();
            c.memory = kube::Quantity::parse(alloc.value(QStringLiteral("memory")).toString()).value_or(kube::Quantity()).value();
            c.pods = alloc.value(QStringLiteral("pods")).toString().toInt();
            capacity = m_nodeCapacity.insert(nodeName, c);
        }
        const qint64 cpu = capacity->cpuMilli;
        const qint64 mem = capacity->memory;
        const int maxPods = capacity->pods;
        const NodeUse use = m_nodeUse.value(nodeName);
        bool fits = true;
        if (use.pods + 1 > maxPods) {
            ++full;
            fits = false;
        }
        if (use.cpuMilli + want.cpuMilli > cpu) {
            ++noCpu;
            fits = false;
        }
        if (use.memory + want.memory > mem) {
            ++noMemory;
            fits = false;
        }
        if (fits && use.pods < bestPods) {
            best = nodeName;
            bestPods = use.pods;
        }
        return true;
    });
    QJsonObject pod = entry->object();
    QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    if (best.isEmpty()) {
        QStringList reasons;
        if (noCpu)
            reasons << QStringLiteral("%1 Insufficient cpu").arg(noCpu);
        if (noMemory)
            reasons << QStringLiteral("%1 Insufficient memory").arg(noMemory);
        if (full)
            reasons << QStringLiteral("%1 Too many pods").arg(full);
        const QString message = QStringLiteral("0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: %1 "
                                               "No preemption victims found for incoming pod.")
                                    .arg(nodes)
                                    .arg(reasons.isEmpty() ? QStringLiteral("no nodes") : reasons.join(QLatin1String(", ")));
        setCondition(conditions, QStringLiteral("PodScheduled"), QStringLiteral("False"), QStringLiteral("Unschedulable"),
                     message, false, &conditions);
        for (qsizetype i = 0; i < conditions.size(); ++i) {
            QJsonObject c = conditions[i].toObject();
            c.remove(QStringLiteral("lastUpdateTime"));
            c.insert(QStringLiteral("lastProbeTime"), QJsonValue::Null);
            conditions[i] = c;
        }
        status.insert(QStringLiteral("conditions"), conditions);
        status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
        pod.insert(QStringLiteral("status"), status);
        if (pod != entry->object()) {
            m_store->put(podsType(), pod);
            m_events.record(pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"), message,
                            QStringLiteral("default-scheduler"));
        }
        m_waitingForRoom.insert(ObjectStore::keyOf(ns, name));
        return;
    }
    QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("nodeName"), best);
    pod.insert(QStringLiteral("spec"), spec);
    setCondition(conditions, QStringLiteral("PodScheduled"), QStringLiteral("True"), QString(), QString(), false,
                 &conditions);
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions[i].toObject();
        c.remove(QStringLiteral("lastUpdateTime"));
        c.remove(QStringLiteral("reason"));
        c.remove(QStringLiteral("message"));
        c.insert(QStringLiteral("lastProbeTime"), QJsonValue::Null);
        conditions[i] = c;
    }
    status.insert(QStringLiteral("conditions"), conditions);
    pod.insert(QStringLiteral("status"), status);
    m_store->put(podsType(), pod);
    NodeUse &use = m_nodeUse[best];
    use.cpuMilli += want.cpuMilli;
    use.memory += want.memory;
    ++use.pods;
    m_placements.insert(ObjectStore::keyOf(ns, name), {best, want.cpuMilli, want.memory});
    m_waitingForRoom.remove(ObjectStore::keyOf(ns, name));
    m_events.record(pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                    QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, name, best),
                    QStringLiteral("default-scheduler"));
}

void Controllers::collectGarbage(const QString &ownerUid)
{
    // Background propagation: dependents go after their owner.
    for (const QString &key : m_replicaSetsByOwner.take(ownerUid)) {
        ApiError error;
        m_store->remove(replicaSetsType(), key.section(u'/', 0, 0), key.section(u'/', 1), -1, &error);
    }
    for (const QString &key : m_podsByOwner.take(ownerUid)) {
        ApiError error;
        m_store->remove(podsType(), key.section(u'/', 0, 0), key.section(u'/', 1), -1, &error);
    }
}

void Controllers::assignClusterIp(const QString &ns, const QString &name)
{
    const auto entry = m_store->get(servicesType(), ns, name);
    if (!entry)
        return;
    QJsonObject svc = entry->object();
    QJsonObject spec = svc.value(QStringLiteral("spec")).toObject();
    if (!spec.value(QStringLiteral("clusterIP")).toString().isEmpty() ||
        spec.value(QStringLiteral("type")).toString() == QLatin1String("ExternalName"))
        return;
    // 10.96.0.0/12, skipping .0 and the API server's .1.
    const quint32 n = m_nextIp++ + 2;
    const QString ip = QStringLiteral("10.%1.%2.%3").arg(96 + (n >> 16)).arg((n >> 8) & 0xff).arg(n & 0xff);
    spec.insert(QStringLiteral("clusterIP"), ip);
    spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
    if (!spec.contains(QStringLiteral("type")))
        spec.insert(QStringLiteral("type"), QStringLiteral("ClusterIP"));
    QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
    for (qsizetype i = 0; i < ports.size(); ++i) {
        QJsonObject p = ports[i].toObject();
        if (!p.contains(QStringLiteral("protocol")))
            p.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
        if (!p.contains(QStringLiteral("targetPort")))
            p.insert(QStringLiteral("targetPort"), p.value(QStringLiteral("port")));
        ports[i] = p;
    }
    spec.insert(QStringLiteral("ports"), ports);
    svc.insert(QStringLiteral("spec"), spec);
    m_store->put(servicesType(), svc);
}

} // namespace sandbox
