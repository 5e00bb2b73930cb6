#include "sandbox/objectstore.h"

#include "kube/names.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace sandbox {

ApiError ApiError::notFound(const ResourceType &type, const QString &name)
{
    return {404, QStringLiteral("NotFound"), QStringLiteral("%1 \"%2\" not found").arg(type.key(), name),
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("group"), type.group},
                        {QStringLiteral("kind"), type.plural}}};
}

ApiError ApiError::alreadyExists(const ResourceType &type, const QString &name)
{
    return {409, QStringLiteral("AlreadyExists"), QStringLiteral("%1 \"%2\" already exists").arg(type.key(), name),
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("group"), type.group},
                        {QStringLiteral("kind"), type.plural}}};
}

ApiError ApiError::conflict(const ResourceType &type, const QString &name)
{
    return {409, QStringLiteral("Conflict"),
            QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": the object has been modified; please apply "
                           "your changes to the latest version and try again")
                .arg(type.key(), name),
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("group"), type.group},
                        {QStringLiteral("kind"), type.plural}}};
}

ApiError ApiError::invalid(const ResourceType &type, const QString &name, const QString &why)
{
    const QString qualifiedKind = type.group.isEmpty() ? type.kind : type.kind + u'.' + type.group;
    return {422, QStringLiteral("Invalid"), QStringLiteral("%1 \"%2\" is invalid: %3").arg(qualifiedKind, name, why),
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("group"), type.group},
                        {QStringLiteral("kind"), type.kind}}};
}

ApiError ApiError::badRequest(const QString &why)
{
    return {400, QStringLiteral("BadRequest"), why, {}};
}

namespace {

const QString kMetadata = QStringLiteral("metadata");

QString randomSuffix(int n)
{
    // The alphabet the API server uses for generateName: no vowels, no look-alikes.
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < n; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return s;
}

bool nameIsValid(const ResourceType &type, const QString &name, QString *why)
{
    if (name.isEmpty()) {
        *why = QStringLiteral("metadata.name: Required value: name or generateName is required");
        return false;
    }
    bool ok;
    if (type.kind == QLatin1String("Namespace") || type.kind == QLatin1String("Service")) {
        ok = kube::names::isDns1123Label(name) && (type.kind != QLatin1String("Service") || name.front().isLetter());
        if (!ok)
            *why = QStringLiteral("metadata.name: Invalid value: \"%1\": a lowercase RFC 1123 label must consist of "
                                  "lower case alphanumeric characters or '-', and must start and end with an "
                                  "alphanumeric character")
                       .arg(name);
    } else {
        ok = kube::names::isDns1123Subdomain(name);
        if (!ok)
            *why = QStringLiteral("metadata.name: Invalid value: \"%1\": a lowercase RFC 1123 subdomain must consist "
                                  "of lower case alphanumeric characters, '-' or '.', and must start and end with an "
                                  "alphanumeric character")
                       .arg(name);
    }
    return ok;
}

bool hasGeneration(const ResourceType &type)
{
    return type.kind == QLatin1String("Deployment") || type.kind == QLatin1String("ReplicaSet") ||
           type.kind == QLatin1String("Pod");
}

// What the API server does to a Secret on every write: stringData is merged
// into data (base64, stringData wins) and dropped; the type defaults to Opaque.
void normalizeSecret(const ResourceType &type, QJsonObject *object)
{
    if (type.kind != QLatin1String("Secret"))
        return;
    const QJsonObject strings = object->value(QStringLiteral("stringData")).toObject();
    if (!strings.isEmpty()) {
        QJsonObject data = object->value(QStringLiteral("data")).toObject();
        for (auto it = strings.begin(); it != strings.end(); ++it)
            data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
        object->insert(QStringLiteral("data"), data);
    }
    object->remove(QStringLiteral("stringData"));
    if (object->value(QStringLiteral("type")).toString().isEmpty())
        object->insert(QStringLiteral("type"), QStringLiteral("Opaque"));
}

bool hasStatusSubresource(const ResourceType &type)
{
    return type.subresources.contains(QLatin1String("status"));
}

} // namespace

QJsonObject ObjectStore::Entry::object() const
{
    // Controllers read the same few versions many times in a row; a small cache of
    // parsed versions, keyed by the version's identity, saves most of the parsing.
    struct Slot
    {
        const Entry *entry = nullptr;
        quint64 rv = 0;
        QJsonObject object;
    };
    static thread_local std::array<Slot, 512> cache;
    Slot &slot = cache[(rv ^ (quintptr(this) >> 4)) % cache.size()];
    if (slot.entry != this || slot.rv != rv) {
        slot.entry = this;
        slot.rv = rv;
        slot.object = QJsonDocument::fromJson(json).object();
    }
    return slot.object;
}

ObjectStore::ObjectStore(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<sandbox::ObjectStore::Event>();
}

QString ObjectStore::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

void ObjectStore::compact()
{
    m_history.clear();
    m_oldestRv = m_rv;
}

ObjectStore::EntryPtr ObjectStore::get(const ResourceType &type, const QString &ns, const QString &name) const
{
    const auto b = m_objects.constFind(type.key());
    if (b == m_objects.constEnd())
        return {};
    return b->value(keyOf(type.namespaced ? ns : QString(), name));
}

void ObjectStore::forEach(const ResourceType &type, const QString &ns, const QString &after,
                          const std::function<bool(const EntryPtr &)> &visit) const
{
    const auto b = m_objects.constFind(type.key());
    if (b == m_objects.constEnd())
        return;
    auto it = after.isEmpty() ? (ns.isEmpty() ? b->constBegin() : b->lowerBound(ns + u'/'))
                              : b->upperBound(after);
    for (; it != b->constEnd(); ++it) {
        if (!ns.isEmpty() && !it.key().startsWith(ns + u'/'))
            break;
        if (!visit(it.value()))
            return;
    }
}

qsizetype ObjectStore::count(const ResourceType &type) const
{
    return m_objects.value(type.key()).size();
}

ObjectStore::EntryPtr ObjectStore::store(const ResourceType &type, QJsonObject object, EventType eventType)
{
    ++m_rv;
    QJsonObject meta = object.value(kMetadata).toObject();
    meta.insert(QStringLiteral("resourceVersion"), QString::number(m_rv));
    object.insert(kMetadata, meta);
    // Clients pick their decoder from kind and apiVersion: every object carries both.
    object.insert(QStringLiteral("kind"), type.kind);
    object.insert(QStringLiteral("apiVersion"), type.apiVersion());
    auto entry = QSharedPointer<Entry>::create();
    entry->json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    entry->labels = meta.value(QStringLiteral("labels")).toObject();
    entry->ns = type.namespaced ? meta.value(QStringLiteral("namespace")).toString() : QString();
    entry->name = meta.value(QStringLiteral("name")).toString();
    entry->rv = m_rv;
    const QString key =
        keyOf(type.namespaced ? meta.value(QStringLiteral("namespace")).toString() : QString(),
              meta.value(QStringLiteral("name")).toString());
    EntryPtr shared = entry;
    EntryPtr previous = bucket(type).value(key);
    if (eventType == EventType::Deleted)
        bucket(type).remove(key);
    else
        bucket(type).insert(key, shared);
    m_history.push_back({eventType, &type, m_rv, shared, previous});
    while (qsizetype(m_history.size()) > m_historyLimit) {
        m_oldestRv = m_history.front().rv;
        m_history.pop_front();
    }
    Q_EMIT changed(m_history.back());
    return shared;
}

ObjectStore::EntryPtr ObjectStore::create(const ResourceType &type, const QString &ns, QJsonObject object,
                                          ApiError *error)
{
    QJsonObject meta = object.value(kMetadata).toObject();
    QString name = meta.value(QStringLiteral("name")).toString();
    const QString generateName = meta.value(QStringLiteral("generateName")).toString();
    if (name.isEmpty() && !generateName.isEmpty()) {
        do
            name = generateName + randomSuffix(5);
        while (get(type, ns, name));
    }
    QString why;
    if (!nameIsValid(type, name, &why)) {
        *error = ApiError::invalid(type, name, why);
        return {};
    }
    const QString bodyNs = meta.value(QStringLiteral("namespace")).toString();
    if (type.namespaced) {
        if (!bodyNs.isEmpty() && bodyNs != ns) {
            *error = ApiError::badRequest(
                QStringLiteral("the namespace of the provided object does not match the namespace sent on the "
                               "request"));
            return {};
        }
        static const ResourceType *namespaces = findResourceType(u"v1", u"namespaces");
        if (!get(*namespaces, QString(), ns)) {
            *error = ApiError::notFound(*namespaces, ns);
            return {};
        }
    }
    if (get(type, ns, name)) {
        *error = ApiError::alreadyExists(type, name);
        return {};
    }
    meta.insert(QStringLiteral("name"), name);
    if (type.namespaced)
        meta.insert(QStringLiteral("namespace"), ns);
    else
        meta.remove(QStringLiteral("namespace"));
    meta.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    meta.insert(QStringLiteral("creationTimestamp"), now());
    if (hasGeneration(type))
        meta.insert(QStringLiteral("generation"), 1);
    meta.remove(QStringLiteral("deletionTimestamp"));
    object.insert(kMetadata, meta);
    normalizeSecret(type, &object);
    return store(type, std::move(object), EventType::Added);
}

ObjectStore::EntryPtr ObjectStore::update(const ResourceType &type, const QString &ns, const QString &name,
                                          QJsonObject object, const QString &subresource, ApiError *error)
{
    const EntryPtr old = get(type, ns, name);
    if (!old) {
        *error = ApiError::notFound(type, name);
        return {};
    }
    QJsonObject meta = object.value(kMetadata).toObject();
    const QString bodyName = meta.value(QStringLiteral("name")).toString();
    if (!bodyName.isEmpty() && bodyName != name) {
        *error = ApiError::badRequest(
            QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)").arg(bodyName, name));
        return {};
    }
    const QString wantRv = meta.value(QStringLiteral("resourceVersion")).toString();
    if (!wantRv.isEmpty() && wantRv != QString::number(old->rv)) {
        *error = ApiError::conflict(type, name);
        return {};
    }
    const QJsonObject oldObject = old->object();
    const QJsonObject oldMeta = oldObject.value(kMetadata).toObject();
    QJsonObject result;
    if (subresource == QLatin1String("status")) {
        // Only status changes through the status subresource.
        result = oldObject;
        result.insert(QStringLiteral("status"), object.value(QStringLiteral("status")));
    } else {
        result = object;
        if (hasStatusSubresource(type) && oldObject.contains(QStringLiteral("status")))
            result.insert(QStringLiteral("status"), oldObject.value(QStringLiteral("status")));
        // Server-owned metadata survives any update.
        for (const char *k : {"uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
                              "generation", "namespace", "name"}) {
            const QString key = QLatin1String(k);
            if (oldMeta.contains(key))
                meta.insert(key, oldMeta.value(key));
            else
                meta.remove(key);
        }
        if (hasGeneration(type) && result.value(QStringLiteral("spec")) != oldObject.value(QStringLiteral("spec")))
            meta.insert(QStringLiteral("generation"), oldMeta.value(QStringLiteral("generation")).toInteger(1) + 1);
        result.insert(kMetadata, meta);
        normalizeSecret(type, &result);
    }
    if (result == oldObject)
        return old; // no-op updates do not bump the resourceVersion, as with etcd
    return store(type, std::move(result), EventType::Modified);
}

ObjectStore::EntryPtr ObjectStore::remove(const ResourceType &type, const QString &ns, const QString &name,
                                          qint64 gracePeriodSeconds, ApiError *error)
{
    const EntryPtr old = get(type, ns, name);
    if (!old) {
        *error = ApiError::notFound(type, name);
        return {};
    }
    const QJsonObject oldObject = old->object();
    if (type.kind == QLatin1String("Pod") && gracePeriodSeconds != 0 &&
        !oldObject.value(QStringLiteral("spec")).toObject().value(QStringLiteral("nodeName")).toString().isEmpty()) {
        QJsonObject meta = oldObject.value(kMetadata).toObject();
        if (meta.contains(QStringLiteral("deletionTimestamp")))
            return old;
        meta.insert(QStringLiteral("deletionTimestamp"),
                    QDateTime::currentDateTimeUtc().addSecs(gracePeriodSeconds < 0 ? 30 : gracePeriodSeconds)
                        .toString(Qt::ISODate));
        meta.insert(QStringLiteral("deletionGracePeriodSeconds"), gracePeriodSeconds < 0 ? 30 : gracePeriodSeconds);
        QJsonObject marked = oldObject;
        marked.insert(kMetadata, meta);
        return store(type, std::move(marked), EventType::Modified);
    }
    purge(type, ns, name);
    return old;
}

void ObjectStore::purge(const ResourceType &type, const QString &ns, const QString &name)
{
    const EntryPtr old = get(type, ns, name);
    if (old)
        store(type, old->object(), EventType::Deleted);
}

ObjectStore::EntryPtr ObjectStore::put(const ResourceType &type, QJsonObject object)
{
    QJsonObject meta = object.value(kMetadata).toObject();
    const QString ns = type.namespaced ? meta.value(QStringLiteral("namespace")).toString() : QString();
    const QString name = meta.value(QStringLiteral("name")).toString();
    const EntryPtr old = get(type, ns, name);
    if (old) {
        const QJsonObject oldObject = old->object();
        const QJsonObject oldMeta = oldObject.value(kMetadata).toObject();
        for (const char *k : {"uid", "creationTimestamp"})
            meta.insert(QLatin1String(k), oldMeta.value(QLatin1String(k)));
        meta.insert(QStringLiteral("resourceVersion"), oldMeta.value(QStringLiteral("resourceVersion")));
        object.insert(kMetadata, meta);
        object.insert(QStringLiteral("kind"), type.kind);
        object.insert(QStringLiteral("apiVersion"), type.apiVersion());
        if (object == oldObject)
            return old;
        return store(type, std::move(object), EventType::Modified);
    }
    if (!meta.contains(QStringLiteral("uid")))
        meta.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!meta.contains(QStringLiteral("creationTimestamp")))
        meta.insert(QStringLiteral("creationTimestamp"), now());
    if (hasGeneration(type) && !meta.contains(QStringLiteral("generation")))
        meta.insert(QStringLiteral("generation"), 1);
    object.insert(kMetadata, meta);
    return store(type, std::move(object), EventType::Added);
}

bool ObjectStore::save(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.write("{\"resourceVersion\":" + QByteArray::number(m_rv) + "}\n");
    for (const ResourceType &type : resourceTypes()) {
        forEach(type, QString(), QString(), [&](const EntryPtr &e) {
            f.write(e->json);
            f.write("\n");
            return true;
        });
    }
    if (!f.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool ObjectStore::restore(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    quint64 lastRv = QJsonDocument::fromJson(f.readLine()).object().value(QStringLiteral("resourceVersion")).toInteger();
    int line = 1;
    while (!f.atEnd()) {
        const QByteArray bytes = f.readLine().trimmed();
        ++line;
        if (bytes.isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        const ResourceType *type = findResourceKind(object.value(QStringLiteral("kind")).toString());
        if (!type) {
            *error = QStringLiteral("%1:%2: not an object this sandbox serves; delete the file to start afresh")
                         .arg(path)
                         .arg(line);
            return false;
        }
        const quint64 rv = object[QStringLiteral("metadata")][QStringLiteral("resourceVersion")].toString().toULongLong();
        if (rv > 0)
            m_rv = rv - 1; // store() gives the object back the version it had
        store(*type, object, EventType::Added);
        lastRv = std::max(lastRv, m_rv);
    }
    m_rv = lastRv;
    m_history.clear(); // events before the restart are gone, as with a restarted API server's watch cache
    m_oldestRv = m_rv;
    return true;
}

bool ObjectStore::eventsSince(quint64 rv, const std::function<void(const Event &)> &visit) const
{
    if (rv < m_oldestRv)
        return false;
    // History is in rv order: find the first event after rv.
    auto it = std::upper_bound(m_history.begin(), m_history.end(), rv,
                               [](quint64 v, const Event &e) { return v < e.rv; });
    for (; it != m_history.end(); ++it)
        visit(*it);
    return true;
}

} // namespace sandbox
