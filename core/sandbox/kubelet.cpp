#include "sandbox/kubelet.h"

#include "sandbox/sandboxlog.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>
#include <QWebSocket>

namespace sandbox {

namespace {

const ResourceType &podsType()
{
    static const ResourceType &t = *findResourceType(u"v1", u"pods");
    return t;
}

const ResourceType &nodesType()
{
    static const ResourceType &t = *findResourceType(u"v1", u"nodes");
    return t;
}

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000000;
}

// RFC 3339 with exactly nine fractional digits, as the kubelet writes log timestamps.
QByteArray logTimestamp(qint64 ns)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC);
    return t.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss")).toLatin1() + '.' +
           QByteArray::number(ns % 1000000000).rightJustified(9, '0') + 'Z';
}

QJsonObject condition(const QString &type, bool status, const QString &reason = {}, const QString &message = {})
{
    QJsonObject c{{QStringLiteral("type"), type},
                  {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
                  {QStringLiteral("lastProbeTime"), QJsonValue::Null},
                  {QStringLiteral("lastTransitionTime"), ObjectStore::now()}};
    if (!reason.isEmpty())
        c.insert(QStringLiteral("reason"), reason);
    if (!message.isEmpty())
        c.insert(QStringLiteral("message"), message);
    return c;
}

// Keeps a condition's transition time when its status did not change.
QJsonArray carryTransitionTimes(QJsonArray fresh, const QJsonArray &old)
{
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        QJsonObject c = fresh[i].toObject();
        for (const QJsonValue &o : old) {
            if (o[QStringLiteral("type")] == c[QStringLiteral("type")] &&
                o[QStringLiteral("status")] == c[QStringLiteral("status")])
                c.insert(QStringLiteral("lastTransitionTime"), o[QStringLiteral("lastTransitionTime")]);
        }
        fresh[i] = c;
    }
    return fresh;
}

const ResourceType &secretsType()
{
    static const ResourceType &t = *findResourceType(u"v1", u"secrets");
    return t;
}

const ResourceType &configMapsType()
{
    static const ResourceType &t = *findResourceType(u"v1", u"configmaps");
    return t;
}

// A pod field for env valueFrom.fieldRef: "metadata.name", "status.podIP",
// "metadata.labels['app']", ...
QString podField(const QJsonObject &pod, const QString &path)
{
    static const QRegularExpression mapKey(QStringLiteral("^metadata\\.(labels|annotations)\\['(.+)'\\]$"));
    if (const auto m = mapKey.match(path); m.hasMatch())
        return pod[QStringLiteral("metadata")][m.captured(1)][m.captured(2)].toString();
    QJsonValue v = pod;
    for (const QString &part : path.split(u'.'))
        v = v[part];
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

bool hasEnv(const QJsonObject &container, const QString &name)
{
    for (const QJsonValue &e : container.value(QStringLiteral("env")).toArray()) {
        if (e[QStringLiteral("name")].toString() == name)
            return true;
    }
    return false;
}

bool knownImage(const QString &image)
{
    // The images this sandbox "has": the official Node.js tags, git and small shells.
    static const QRegularExpression known(QStringLiteral(
        "^(docker\\.io/(library/)?)?(node(:(lts|current|\\d+(\\.\\d+){0,2})(-(alpine|slim|bookworm|bullseye)"
        "(\\d+(\\.\\d+)?)?)?)?|alpine(:[\\w.]+)?|busybox(:[\\w.]+)?|alpine/git(:[\\w.]+)?)$"));
    return known.match(image).hasMatch();
}

} // namespace

Kubelet::Kubelet(ObjectStore *store, EventRecorder *events, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_events(events)
{
    connect(m_store, &ObjectStore::changed, this, &Kubelet::onChanged);
}

ContainerOutcome Kubelet::decide(const QJsonObject &pod, const QJsonObject &container, int restartCount)
{
    Q_UNUSED(restartCount);
    ContainerOutcome o;
    if (!knownImage(container.value(QStringLiteral("image")).toString())) {
        o.kind = ContainerOutcome::Kind::ImagePullFails;
        return o;
    }
    const QString behaviour =
        pod[QStringLiteral("metadata")][QStringLiteral("annotations")][QStringLiteral("sandbox.courseops.io/behaviour")]
            .toString();
    if (behaviour == QLatin1String("crash")) {
        o.kind = ContainerOutcome::Kind::Exits;
        o.exitCode = 1;
        o.reason = QStringLiteral("Error");
        o.afterMs = 800;
        o.log = {"/app/index.js:3", "const app = express(", "            ^", "",
                 "ReferenceError: express is not defined", "    at Object.<anonymous> (/app/index.js:3:13)",
                 "    at Module._compile (node:internal/modules/cjs/loader:1256:14)", "", "Node.js v20.11.1"};
    } else if (behaviour == QLatin1String("missing-module")) {
        o.kind = ContainerOutcome::Kind::Exits;
        o.exitCode = 1;
        o.reason = QStringLiteral("Error");
        o.afterMs = 600;
        o.log = {"node:internal/modules/cjs/loader:1080", "  throw err;", "  ^", "",
                 "Error: Cannot find module 'express'", "Require stack:", "- /app/index.js",
                 "    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)",
                 "    at Object.<anonymous> (/app/index.js:1:17) {", "  code: 'MODULE_NOT_FOUND',",
                 "  requireStack: [ '/app/index.js' ]", "}", "", "Node.js v20.11.1"};
    } else if (behaviour == QLatin1String("needs-secret") && !hasEnv(container, QStringLiteral("COURSE_API_KEY"))) {
        o.kind = ContainerOutcome::Kind::Exits;
        o.exitCode = 1;
        o.reason = QStringLiteral("Error");
        o.afterMs = 500;
        o.log = {"Error: COURSE_API_KEY is not set. It comes from the course-api Secret: ask the course staff."};
    } else if (behaviour == QLatin1String("oom")) {
        o.kind = ContainerOutcome::Kind::Exits;
        o.exitCode = 137;
        o.reason = QStringLiteral("OOMKilled");
        o.afterMs = 2000;
        o.log = {"Server listening on port 3000", "loading the whole dataset into memory..."};
    } else {
        o.kind = ContainerOutcome::Kind::Runs;
        o.readyAfterMs = behaviour == QLatin1String("slow-start") ? 20000 : 600;
        o.log = {"Server listening on port 3000"};
    }
    return o;
}

bool Kubelet::resolveEnv(const QJsonObject &pod, const QJsonObject &container, QList<std::pair<QString, QString>> *env,
                         QString *error) const
{
    const QString ns = pod[QStringLiteral("metadata")][QStringLiteral("namespace")].toString();
    // The data of a Secret (base64-decoded) or a ConfigMap; false when it does not exist.
    auto dataOf = [&](bool secret, const QString &name, QHash<QString, QString> *data) {
        const auto entry = m_store->get(secret ? secretsType() : configMapsType(), ns, name);
        if (!entry)
            return false;
        const QJsonObject values = entry->object().value(QStringLiteral("data")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            const QString value = it.value().toString();
            data->insert(it.key(), secret ? QString::fromUtf8(QByteArray::fromBase64(value.toLatin1())) : value);
        }
        return true;
    };
    // The kubelet's own words: the lookup's NotFound, or the missing key.
    auto notFound = [](bool secret, const QString &name) {
        return QStringLiteral("%1 \"%2\" not found").arg(secret ? QStringLiteral("secret") : QStringLiteral("configmap"),
                                                         name);
    };
    QList<std::pair<QString, QString>> out;
    auto set = [&out](const QString &name, const QString &value) {
        for (auto &[n, v] : out) {
            if (n == name) {
                v = value;
                return;
            }
        }
        out.append({name, value});
    };

    for (const QJsonValue &from : container.value(QStringLiteral("envFrom")).toArray()) {
        const bool secret = from.toObject().contains(QStringLiteral("secretRef"));
        const QJsonObject ref = from[secret ? QStringLiteral("secretRef") : QStringLiteral("configMapRef")].toObject();
        const QString name = ref.value(QStringLiteral("name")).toString();
        QHash<QString, QString> data;
        if (!dataOf(secret, name, &data)) {
            if (ref.value(QStringLiteral("optional")).toBool())
                continue;
            *error = notFound(secret, name);
            return false;
        }
        const QString prefix = from[QStringLiteral("prefix")].toString();
        QStringList keys = data.keys();
        keys.sort();
        for (const QString &key : std::as_const(keys))
            set(prefix + key, data.value(key));
    }

    for (const QJsonValue &e : container.value(QStringLiteral("env")).toArray()) {
        const QString name = e[QStringLiteral("name")].toString();
        const QJsonObject valueFrom = e[QStringLiteral("valueFrom")].toObject();
        if (valueFrom.isEmpty()) {
            set(name, e[QStringLiteral("value")].toString());
            continue;
        }
        if (valueFrom.contains(QStringLiteral("fieldRef"))) {
            set(name, podField(pod, valueFrom[QStringLiteral("fieldRef")][QStringLiteral("fieldPath")].toString()));
            continue;
        }
        const bool secret = valueFrom.contains(QStringLiteral("secretKeyRef"));
        if (!secret && !valueFrom.contains(QStringLiteral("configMapKeyRef")))
            continue; // resourceFieldRef: not modelled
        const QJsonObject ref =
            valueFrom.value(secret ? QStringLiteral("secretKeyRef") : QStringLiteral("configMapKeyRef")).toObject();
        const QString source = ref.value(QStringLiteral("name")).toString();
        const QString key = ref.value(QStringLiteral("key")).toString();
        const bool optional = ref.value(QStringLiteral("optional")).toBool();
        QHash<QString, QString> data;
        if (!dataOf(secret, source, &data)) {
            if (optional)
                continue;
            *error = notFound(secret, source);
            return false;
        }
        const auto value = data.constFind(key);
        if (value == data.constEnd()) {
            if (optional)
                continue;
            *error = QStringLiteral("couldn't find key %1 in %2 %3/%4")
                         .arg(key, secret ? QStringLiteral("Secret") : QStringLiteral("ConfigMap"), ns, source);
            return false;
        }
        set(name, *value);
    }
    *env = out;
    return true;
}

void Kubelet::onChanged(const ObjectStore::Event &ev)
{
    if (ev.resource != &podsType())
        return;
    const QJsonObject &o = ev.entry->object();
    const QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
    const QString key = ObjectStore::keyOf(meta.value(QStringLiteral("namespace")).toString(),
                                           meta.value(QStringLiteral("name")).toString());
    if (ev.type == ObjectStore::EventType::Deleted) {
        if (m_pods.contains(key)) {
            for (const Container &c : m_pods[key].containers) {
                for (const auto &f : c.followers) {
                    if (f)
                        f->end();
                }
                stopContainer(key, c.name);
            }
            m_pods.remove(key);
        }
        return;
    }
    const QString nodeName = o[QStringLiteral("spec")][QStringLiteral("nodeName")].toString();
    const bool terminating = meta.contains(QStringLiteral("deletionTimestamp"));
    auto it = m_pods.find(key);
    if (it == m_pods.end()) {
        // This kubelet stands in for the kubelets of the sandbox's own Node objects.
        // A pod bound to any other node name has no kubelet, as on a real cluster:
        // nothing runs it, its status is whatever clients write through pods/status,
        // and once deleted it stays Terminating.
        if (nodeName.isEmpty() || !m_store->get(nodesType(), QString(), nodeName))
            return;
        if (terminating) {
            // Nothing runs for it here: finish the deletion at once.
            QTimer::singleShot(0, this, [this, ns = meta.value(QStringLiteral("namespace")).toString(),
                                         name = meta.value(QStringLiteral("name")).toString()] {
                m_store->purge(podsType(), ns, name);
            });
            return;
        }
        admit(o);
        return;
    }
    if (terminating && !it->terminating)
        terminate(key);
}

void Kubelet::admit(const QJsonObject &o)
{
    const QJsonObject meta = o.value(QStringLiteral("metadata")).toObject();
    Pod p;
    p.ns = meta.value(QStringLiteral("namespace")).toString();
    p.name = meta.value(QStringLiteral("name")).toString();
    p.uid = meta.value(QStringLiteral("uid")).toString();
    p.node = o[QStringLiteral("spec")][QStringLiteral("nodeName")].toString();
    const quint32 n = m_nextPodIp++;
    p.podIp = QStringLiteral("10.244.%1.%2").arg((n >> 8) & 0xff).arg((n & 0xff) + 1 == 256 ? 255 : (n & 0xff) + 1);
    p.startTime = ObjectStore::now();
    for (const QJsonValue &c : o[QStringLiteral("spec")][QStringLiteral("containers")].toArray()) {
        Container container;
        container.name = c[QStringLiteral("name")].toString();
        p.containers.append(container);
    }
    for (const QJsonValue &c : o[QStringLiteral("spec")][QStringLiteral("initContainers")].toArray())
        p.initContainers << c[QStringLiteral("name")].toString();
    p.initialized = p.initContainers.isEmpty();
    const QString key = ObjectStore::keyOf(p.ns, p.name);
    m_pods.insert(key, p);
    publish(key);
    if (m_routineEvents) {
        for (const QJsonValue &c : o[QStringLiteral("spec")][QStringLiteral("containers")].toArray()) {
            const QString image = c[QStringLiteral("image")].toString();
            if (knownImage(image))
                m_events->record(o, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                                 QStringLiteral("Container image \"%1\" already present on machine").arg(image),
                                 QStringLiteral("kubelet"), p.node);
        }
    }
    // Init containers (the code checkout) run first, then the app's containers.
    QTimer::singleShot(scaled(p.initialized ? 500 : 1200), this, [this, key] {
        auto it = m_pods.find(key);
        if (it == m_pods.end() || it->terminating)
            return;
        if (!it->initialized) {
            it->initialized = true;
            publish(key);
        }
        for (int i = 0; i < it->containers.size(); ++i)
            startContainerNow(key, i);
    });
}

void Kubelet::startContainerNow(const QString &key, int index)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end() || it->terminating)
        return;
    const auto stored = m_store->get(podsType(), it->ns, it->name);
    if (!stored)
        return;
    const QJsonObject podObject = stored->object();
    QJsonObject containerSpec =
        podObject[QStringLiteral("spec")][QStringLiteral("containers")].toArray().at(index).toObject();
    Container &c = it->containers[index];
    // Read at every start, restarts included: a Secret made after a crash is
    // seen by the next start.
    QList<std::pair<QString, QString>> env;
    QString envError;
    const bool envOk = resolveEnv(podObject, containerSpec, &env, &envError);
    QJsonArray envArray;
    for (const auto &[name, value] : std::as_const(env))
        envArray.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    containerSpec.insert(QStringLiteral("env"), envArray);
    containerSpec.remove(QStringLiteral("envFrom"));
    ContainerOutcome outcome = decide(podObject, containerSpec, c.restartCount);
    if (!envOk && outcome.kind != ContainerOutcome::Kind::ImagePullFails)
        outcome.kind = ContainerOutcome::Kind::ConfigError;
    const qint64 generation = ++c.generation;
    const QString image = containerSpec.value(QStringLiteral("image")).toString();
    switch (outcome.kind) {
    case ContainerOutcome::Kind::ImagePullFails: {
        c.state = Container::State::Waiting;
        c.waitingReason = QStringLiteral("ErrImagePull");
        c.waitingMessage = QStringLiteral("failed to pull and unpack image \"%1\": failed to resolve reference "
                                          "\"%1\": not found")
                               .arg(image);
        m_events->record(podObject, QStringLiteral("Warning"), QStringLiteral("Failed"),
                         QStringLiteral("Failed to pull image \"%1\": %2").arg(image, c.waitingMessage),
                         QStringLiteral("kubelet"), it->node);
        publish(key);
        QTimer::singleShot(scaled(1000), this, [this, key, index, generation, image] {
            Container *c = find(key, QString());
            auto it = m_pods.find(key);
            if (it == m_pods.end() || it->containers[index].generation != generation)
                return;
            Q_UNUSED(c);
            Container &cc = it->containers[index];
            cc.waitingReason = QStringLiteral("ImagePullBackOff");
            cc.waitingMessage = QStringLiteral("Back-off pulling image \"%1\"").arg(image);
            if (const auto pod = m_store->get(podsType(), it->ns, it->name))
                m_events->record(pod->object(), QStringLiteral("Normal"), QStringLiteral("BackOff"), cc.waitingMessage,
                                 QStringLiteral("kubelet"), it->node);
            publish(key);
            ++cc.restartCount; // counts pull attempts for the back-off only
            const qint64 delay = std::min<qint64>(10000LL << std::min(cc.restartCount - 1, 5), 300000);
            --cc.restartCount;
            QTimer::singleShot(scaled(delay), this, [this, key, index, generation] {
                auto it = m_pods.find(key);
                if (it != m_pods.end() && it->containers[index].generation == generation)
                    startContainerNow(key, index);
            });
        });
        return;
    }
    case ContainerOutcome::Kind::ConfigError:
        c.state = Container::State::Waiting;
        c.waitingReason = QStringLiteral("CreateContainerConfigError");
        c.waitingMessage = envError;
        m_events->record(podObject, QStringLiteral("Warning"), QStringLiteral("Failed"),
                         QStringLiteral("Error: %1").arg(envError), QStringLiteral("kubelet"), it->node);
        publish(key);
        // The pod worker tries again at its next sync.
        QTimer::singleShot(scaled(10000), this, [this, key, index, generation] {
            auto it = m_pods.find(key);
            if (it != m_pods.end() && it->containers[index].generation == generation)
                startContainerNow(key, index);
        });
        return;
    case ContainerOutcome::Kind::Runs:
    case ContainerOutcome::Kind::Exits:
        break;
    }
    c.state = Container::State::Running;
    c.startedAt = ObjectStore::now();
    c.ready = false;
    c.waitingReason.clear();
    c.waitingMessage.clear();
    c.log.clear();
    if (m_routineEvents) {
        m_events->record(podObject, QStringLiteral("Normal"), QStringLiteral("Created"),
                         QStringLiteral("Created container %1").arg(c.name), QStringLiteral("kubelet"), it->node);
        m_events->record(podObject, QStringLiteral("Normal"), QStringLiteral("Started"),
                         QStringLiteral("Started container %1").arg(c.name), QStringLiteral("kubelet"), it->node);
    }
    startContainer(key, podObject, containerSpec);
    for (const QByteArray &line : outcome.log)
        emitLog(c, line);
    publish(key);
    if (outcome.kind == ContainerOutcome::Kind::Runs && outcome.readyAfterMs >= 0) {
        QTimer::singleShot(scaled(outcome.readyAfterMs), this, [this, key, index, generation] {
            auto it = m_pods.find(key);
            if (it == m_pods.end() || it->containers[index].generation != generation ||
                it->containers[index].state != Container::State::Running)
                return;
            it->containers[index].ready = true;
            publish(key);
        });
    } else if (outcome.kind == ContainerOutcome::Kind::Exits) {
        QTimer::singleShot(scaled(outcome.afterMs), this, [this, key, index, generation, outcome] {
            auto it = m_pods.find(key);
            if (it == m_pods.end() || it->containers[index].generation != generation)
                return;
            crash(key, index, outcome.exitCode, outcome.reason);
        });
    }
}

void Kubelet::containerExited(const QString &podKey, const QString &container, int exitCode, const QString &reason)
{
    auto it = m_pods.find(podKey);
    if (it == m_pods.end() || it->terminating)
        return;
    for (int i = 0; i < it->containers.size(); ++i) {
        if (it->containers[i].name == container && it->containers[i].state == Container::State::Running)
            crash(podKey, i, exitCode, reason);
    }
}

void Kubelet::containerReady(const QString &podKey, const QString &container, bool ready)
{
    Container *c = find(podKey, container);
    if (!c || c->state != Container::State::Running || c->ready == ready)
        return;
    c->ready = ready;
    publish(podKey);
}

void Kubelet::crash(const QString &key, int index, int exitCode, const QString &reason)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end())
        return;
    Container &c = it->containers[index];
    stopContainer(key, c.name);
    c.previousTerminated = QJsonObject();
    if (c.hasLast) {
        c.previousTerminated = {{QStringLiteral("exitCode"), c.lastExitCode},
                                {QStringLiteral("reason"), c.lastReason},
                                {QStringLiteral("startedAt"), c.lastStartedAt},
                                {QStringLiteral("finishedAt"), c.lastFinishedAt},
                                {QStringLiteral("containerID"), QStringLiteral("sandbox://%1-%2").arg(it->uid, c.name)}};
        if (!c.lastMessage.isEmpty())
            c.previousTerminated.insert(QStringLiteral("message"), c.lastMessage);
    }
    c.hasLast = true;
    c.lastExitCode = exitCode;
    c.lastReason = reason.isEmpty() ? (exitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error")) : reason;
    c.lastStartedAt = c.startedAt;
    c.lastFinishedAt = ObjectStore::now();
    c.ready = false;
    c.previousLog = c.log;
    for (const auto &f : c.followers) {
        if (f)
            f->end();
    }
    c.followers.clear();
    const auto stored = m_store->get(podsType(), it->ns, it->name);
    const QJsonObject podObject = stored ? stored->object() : QJsonObject();
    const QString policy = stored ? podObject[QStringLiteral("spec")][QStringLiteral("restartPolicy")].toString()
                                  : QStringLiteral("Always");
    // No termination-log file here, so the message is the log's tail when the
    // container asks for it and failed, as the kubelet does: at most the last 80
    // lines and 2048 bytes of them.
    c.lastMessage.clear();
    const QString messagePolicy = podObject[QStringLiteral("spec")][QStringLiteral("containers")][index]
                                           [QStringLiteral("terminationMessagePolicy")]
                                               .toString();
    if (exitCode != 0 && messagePolicy == QLatin1String("FallbackToLogsOnError")) {
        QByteArray tail;
        for (qsizetype i = std::max<qsizetype>(0, c.log.size() - 80); i < c.log.size(); ++i)
            tail += c.log[i].text + '\n';
        if (tail.size() > 2048)
            tail = tail.right(2048);
        c.lastMessage = QString::fromUtf8(tail);
    }
    if (policy == QLatin1String("Never") || (policy == QLatin1String("OnFailure") && exitCode == 0)) {
        c.state = Container::State::Terminated;
        c.restarting = false;
        publish(key);
        return;
    }
    // Restart with the kubelet's back-off: 10 s doubling to 5 min. First the
    // status shows the container as it ended ("Error", "OOMKilled"), then, at the
    // next sync, waiting in back-off, as `kubectl get pods -w` shows.
    ++c.restartCount;
    const qint64 delay = std::min<qint64>(10000LL << std::min(c.restartCount - 1, 5), 300000);
    c.state = Container::State::Terminated;
    c.restarting = true;
    publish(key);
    const qint64 generation = ++c.generation;
    // Long enough that a watcher's coalescing (100 ms) does not hide it.
    const qint64 terminatedFor = std::min<qint64>(scaled(delay / 2), std::max<qint64>(scaled(1000), 300));
    QTimer::singleShot(terminatedFor, this, [this, key, index, generation, delay] {
        auto it = m_pods.find(key);
        if (it == m_pods.end() || it->containers[index].generation != generation)
            return;
        Container &c = it->containers[index];
        c.state = Container::State::Waiting;
        c.restarting = false;
        c.waitingReason = QStringLiteral("CrashLoopBackOff");
        c.waitingMessage = QStringLiteral("back-off %1 restarting failed container=%2 pod=%3_%4(%5)")
                               .arg(delay >= 60000 ? QStringLiteral("%1m0s").arg(delay / 60000)
                                                   : QStringLiteral("%1s").arg(delay / 1000),
                                    c.name, it->name, it->ns, it->uid);
        if (const auto pod = m_store->get(podsType(), it->ns, it->name))
            m_events->record(pod->object(), QStringLiteral("Warning"), QStringLiteral("BackOff"),
                             QStringLiteral("Back-off restarting failed container %1 in pod %2_%3(%4)")
                                 .arg(c.name, it->name, it->ns, it->uid),
                             QStringLiteral("kubelet"), it->node);
        publish(key);
    });
    QTimer::singleShot(scaled(delay), this, [this, key, index, generation] {
        auto it = m_pods.find(key);
        if (it != m_pods.end() && it->containers[index].generation == generation)
            startContainerNow(key, index);
    });
}

void Kubelet::publish(const QString &key)
{
    const auto it = m_pods.constFind(key);
    if (it == m_pods.constEnd())
        return;
    const auto stored = m_store->get(podsType(), it->ns, it->name);
    if (!stored)
        return;
    QJsonObject pod = stored->object();
    fillStatus(*it, &pod);
    m_store->put(podsType(), pod);
}

void Kubelet::adoptRunning(QJsonObject *pod)
{
    // A pod restored or bulk-seeded as already running: take it over as it is.
    const QJsonObject meta = pod->value(QStringLiteral("metadata")).toObject();
    Pod p;
    p.ns = meta.value(QStringLiteral("namespace")).toString();
    p.name = meta.value(QStringLiteral("name")).toString();
    p.uid = meta.value(QStringLiteral("uid")).toString();
    p.node = (*pod)[QStringLiteral("spec")][QStringLiteral("nodeName")].toString();
    const quint32 n = m_nextPodIp++;
    p.podIp = QStringLiteral("10.%1.%2.%3").arg(244 + (n >> 16)).arg((n >> 8) & 0xff).arg((n & 0xff) | 1);
    p.startTime = ObjectStore::now();
    for (const QJsonValue &c : (*pod)[QStringLiteral("spec")][QStringLiteral("containers")].toArray()) {
        Container container;
        container.name = c[QStringLiteral("name")].toString();
        container.state = Container::State::Running;
        container.startedAt = p.startTime;
        container.ready = true;
        container.waitingReason.clear();
        p.containers.append(container);
    }
    for (const QJsonValue &c : (*pod)[QStringLiteral("spec")][QStringLiteral("initContainers")].toArray())
        p.initContainers << c[QStringLiteral("name")].toString();
    p.initialized = true;
    fillStatus(p, pod);
    m_pods.insert(ObjectStore::keyOf(p.ns, p.name), p);
}

void Kubelet::fillStatus(const Pod &pod, QJsonObject *podObject) const
{
    const auto it = &pod;
    QJsonObject &pod_ = *podObject;
    const QJsonArray specContainers = pod_[QStringLiteral("spec")][QStringLiteral("containers")].toArray();
    QJsonArray statuses;
    bool allReady = true;
    bool anyStarted = false;
    bool allTerminated = true;
    bool anyFailed = false;
    QStringList unready;
    for (int i = 0; i < it->containers.size(); ++i) {
        const Container &c = it->containers[i];
        const QJsonObject spec = specContainers.at(i).toObject();
        QJsonObject state;
        if (c.state == Container::State::Running) {
            state.insert(QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), c.startedAt}});
            anyStarted = true;
            allTerminated = false;
        } else if (c.state == Container::State::Terminated) {
            QJsonObject terminated{{QStringLiteral("exitCode"), c.lastExitCode},
                                   {QStringLiteral("reason"), c.lastReason},
                                   {QStringLiteral("startedAt"), c.lastStartedAt},
                                   {QStringLiteral("finishedAt"), c.lastFinishedAt},
                                   {QStringLiteral("containerID"), QStringLiteral("sandbox://%1-%2").arg(it->uid, c.name)}};
            if (!c.lastMessage.isEmpty())
                terminated.insert(QStringLiteral("message"), c.lastMessage);
            state.insert(QStringLiteral("terminated"), terminated);
            anyStarted = true;
            anyFailed = anyFailed || c.lastExitCode != 0;
            if (c.restarting)
                allTerminated = false; // it will run again: the pod stays Running
        } else {
            QJsonObject waiting{{QStringLiteral("reason"), c.waitingReason}};
            if (!c.waitingMessage.isEmpty())
                waiting.insert(QStringLiteral("message"), c.waitingMessage);
            state.insert(QStringLiteral("waiting"), waiting);
            allTerminated = false;
            anyStarted = anyStarted || c.restartCount > 0;
        }
        QJsonObject last;
        if (c.state == Container::State::Terminated && c.restarting && !c.previousTerminated.isEmpty())
            last.insert(QStringLiteral("terminated"), c.previousTerminated);
        if (c.hasLast && c.state != Container::State::Terminated) {
            QJsonObject terminated{{QStringLiteral("exitCode"), c.lastExitCode},
                                   {QStringLiteral("reason"), c.lastReason},
                                   {QStringLiteral("startedAt"), c.lastStartedAt},
                                   {QStringLiteral("finishedAt"), c.lastFinishedAt},
                                   {QStringLiteral("containerID"), QStringLiteral("sandbox://%1-%2").arg(it->uid, c.name)}};
            if (!c.lastMessage.isEmpty())
                terminated.insert(QStringLiteral("message"), c.lastMessage);
            last.insert(QStringLiteral("terminated"), terminated);
        }
        const QString image = spec.value(QStringLiteral("image")).toString();
        QJsonObject status{{QStringLiteral("name"), c.name},
                           {QStringLiteral("state"), state},
                           {QStringLiteral("lastState"), last},
                           {QStringLiteral("ready"), c.ready},
                           {QStringLiteral("restartCount"), c.restartCount},
                           {QStringLiteral("image"), image},
                           {QStringLiteral("imageID"), c.state == Container::State::Waiting && c.restartCount == 0
                                                           ? QString()
                                                           : QStringLiteral("sandbox://") + image},
                           {QStringLiteral("started"), c.state == Container::State::Running}};
        if (c.state != Container::State::Waiting || c.restartCount > 0)
            status.insert(QStringLiteral("containerID"), QStringLiteral("sandbox://%1-%2").arg(it->uid, c.name));
        statuses.append(status);
        if (!c.ready) {
            allReady = false;
            unready << c.name;
        }
    }
    QJsonArray initStatuses;
    for (int i = 0; i < it->initContainers.size(); ++i) {
        QJsonObject state;
        if (it->initialized)
            state.insert(QStringLiteral("terminated"),
                         QJsonObject{{QStringLiteral("exitCode"), 0},
                                     {QStringLiteral("reason"), QStringLiteral("Completed")},
                                     {QStringLiteral("startedAt"), it->startTime},
                                     {QStringLiteral("finishedAt"), ObjectStore::now()}});
        else if (i == 0)
            state.insert(QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), it->startTime}});
        else
            state.insert(QStringLiteral("waiting"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("PodInitializing")}});
        initStatuses.append(QJsonObject{{QStringLiteral("name"), it->initContainers[i]},
                                        {QStringLiteral("state"), state},
                                        {QStringLiteral("lastState"), QJsonObject()},
                                        {QStringLiteral("ready"), it->initialized},
                                        {QStringLiteral("restartCount"), 0},
                                        {QStringLiteral("image"), QString()},
                                        {QStringLiteral("imageID"), QString()},
                                        {QStringLiteral("started"), !it->initialized && i == 0}});
    }
    if (!it->initialized) {
        // Until the checkout is done the app containers wait, as kubectl shows with Init:0/1.
        for (qsizetype i = 0; i < statuses.size(); ++i) {
            QJsonObject st = statuses[i].toObject();
            st.insert(QStringLiteral("state"),
                      QJsonObject{{QStringLiteral("waiting"),
                                   QJsonObject{{QStringLiteral("reason"), QStringLiteral("PodInitializing")}}}});
            statuses[i] = st;
        }
    }
    QString phase = QStringLiteral("Pending");
    if (allTerminated && !it->containers.isEmpty())
        phase = anyFailed ? QStringLiteral("Failed") : QStringLiteral("Succeeded");
    else if (anyStarted)
        phase = QStringLiteral("Running");
    const QString unreadyMessage = QStringLiteral("containers with unready status: [%1]").arg(unready.join(u' '));
    QJsonArray conditions{
        condition(QStringLiteral("PodReadyToStartContainers"), true),
        it->initialized ? condition(QStringLiteral("Initialized"), true)
                        : condition(QStringLiteral("Initialized"), false, QStringLiteral("ContainersNotInitialized"),
                                    QStringLiteral("containers with incomplete status: [%1]")
                                        .arg(it->initContainers.join(u' '))),
        allReady ? condition(QStringLiteral("Ready"), true)
                 : condition(QStringLiteral("Ready"), false, QStringLiteral("ContainersNotReady"), unreadyMessage),
        allReady ? condition(QStringLiteral("ContainersReady"), true)
                 : condition(QStringLiteral("ContainersReady"), false, QStringLiteral("ContainersNotReady"),
                             unreadyMessage),
        condition(QStringLiteral("PodScheduled"), true)};
    QJsonObject status = pod_.value(QStringLiteral("status")).toObject();
    conditions = carryTransitionTimes(conditions, status.value(QStringLiteral("conditions")).toArray());
    status.insert(QStringLiteral("phase"), phase);
    status.insert(QStringLiteral("conditions"), conditions);
    status.insert(QStringLiteral("hostIP"), QStringLiteral("10.0.0.10"));
    status.insert(QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("10.0.0.10")}}});
    status.insert(QStringLiteral("podIP"), it->podIp);
    status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), it->podIp}}});
    status.insert(QStringLiteral("startTime"), it->startTime);
    status.insert(QStringLiteral("containerStatuses"), statuses);
    if (!initStatuses.isEmpty())
        status.insert(QStringLiteral("initContainerStatuses"), initStatuses);
    pod_.insert(QStringLiteral("status"), status);
}

void Kubelet::terminate(const QString &key)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end())
        return;
    it->terminating = true;
    for (Container &c : it->containers) {
        ++c.generation;
        stopContainer(key, c.name);
        for (const auto &f : c.followers) {
            if (f)
                f->end();
        }
        c.followers.clear();
    }
    const QString ns = it->ns;
    const QString name = it->name;
    // The app stops on SIGTERM at once; then the kubelet removes the pod for good.
    QTimer::singleShot(scaled(1000), this, [this, ns, name] { m_store->purge(podsType(), ns, name); });
}

Kubelet::Container *Kubelet::find(const QString &key, const QString &container, Pod **podOut)
{
    auto it = m_pods.find(key);
    if (it == m_pods.end())
        return nullptr;
    if (podOut)
        *podOut = &*it;
    for (Container &c : it->containers) {
        if (container.isEmpty() || c.name == container)
            return &c;
    }
    return nullptr;
}

void Kubelet::emitLog(Container &c, const QByteArray &text)
{
    constexpr qsizetype kMaxLines = 20000; // the kubelet rotates logs; so do we
    LogLine line{nowNs(), text};
    c.log.append(line);
    if (c.log.size() > kMaxLines)
        c.log.remove(0, c.log.size() - kMaxLines);
    for (const auto &f : std::as_const(c.followers)) {
        if (!f)
            continue;
        const bool stamps = f->property("timestamps").toBool();
        f->write((stamps ? logTimestamp(line.timeNs) + ' ' : QByteArray()) + text + '\n');
    }
}

void Kubelet::appendLog(const QString &podKey, const QString &container, const QByteArray &text)
{
    if (Container *c = find(podKey, container))
        emitLog(*c, text);
}

void Kubelet::streamLogs(const QJsonObject &pod, const LogOptions &o, HttpResponse *response)
{
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    const QString podName = meta.value(QStringLiteral("name")).toString();
    const QString key = ObjectStore::keyOf(meta.value(QStringLiteral("namespace")).toString(), podName);
    Container *c = find(key, o.container);
    auto badRequest = [&](const QString &message) {
        response->send(400, "application/json", statusJson(ApiError::badRequest(message)));
    };
    if (!c || (c->state == Container::State::Waiting && c->restartCount == 0 && !c->hasLast)) {
        const QString reason = c ? c->waitingReason : QStringLiteral("ContainerCreating");
        badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: %3")
                       .arg(o.container, podName,
                            reason == QLatin1String("ImagePullBackOff") || reason == QLatin1String("ErrImagePull")
                                ? QStringLiteral("trying and failing to pull image")
                                : reason));
        return;
    }
    if (o.previous && !c->hasLast) {
        badRequest(QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found").arg(o.container, podName));
        return;
    }
    const QList<LogLine> &lines = o.previous || c->state != Container::State::Running ? (o.previous ? c->previousLog : c->log)
                                                                                       : c->log;
    qint64 since = 0;
    if (o.sinceSeconds >= 0)
        since = nowNs() - o.sinceSeconds * 1000000000LL;
    if (!o.sinceTime.isEmpty())
        since = QDateTime::fromString(o.sinceTime, Qt::ISODate).toMSecsSinceEpoch() * 1000000;
    qsizetype first = 0;
    if (o.tailLines >= 0)
        first = std::max<qsizetype>(0, lines.size() - o.tailLines);
    QByteArray body;
    for (qsizetype i = first; i < lines.size(); ++i) {
        if (lines[i].timeNs < since)
            continue;
        body += (o.timestamps ? logTimestamp(lines[i].timeNs) + ' ' : QByteArray()) + lines[i].text + '\n';
    }
    if (o.limitBytes >= 0 && body.size() > o.limitBytes)
        body.truncate(o.limitBytes);
    const bool follow = o.follow && !o.previous && c->state == Container::State::Running && o.limitBytes < 0;
    if (!follow) {
        response->send(200, "text/plain", body);
        return;
    }
    response->begin(200, "text/plain");
    response->write(body);
    response->setProperty("timestamps", o.timestamps);
    c->followers.append(response);
}

void Kubelet::exec(const QJsonObject &pod, const QString &container, const QStringList &command, bool stdinOn, bool tty,
                   QWebSocket *socket)
{
    Q_UNUSED(pod);
    Q_UNUSED(command);
    Q_UNUSED(stdinOn);
    Q_UNUSED(tty);
    const QByteArray status =
        statusJson({500, QStringLiteral("InternalError"),
                    QStringLiteral("container %1 has no shell in the simulated runtime: start the sandbox with "
                                   "--runtime node to exec into pods")
                        .arg(container),
                    {}});
    socket->sendBinaryMessage(QByteArray(1, char(3)) + status);
    socket->close(QWebSocketProtocol::CloseCodeNormal);
}

QList<PodRuntime::Usage> Kubelet::usage(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
    const QString key = ObjectStore::keyOf(meta.value(QStringLiteral("namespace")).toString(),
                                           meta.value(QStringLiteral("name")).toString());
    QList<Usage> out;
    const auto it = m_pods.constFind(key);
    if (it == m_pods.constEnd())
        return out;
    for (const Container &c : it->containers) {
        if (c.state != Container::State::Running)
            continue;
        const size_t h = qHash(key + c.name);
        out.append({c.name, qint64(1'000'000 + (h % 20) * 1'000'000), qint64((30 + (h % 50)) * 1024 * 1024)});
    }
    return out;
}

} // namespace sandbox
