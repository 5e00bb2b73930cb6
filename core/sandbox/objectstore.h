#pragma once

#include "sandbox/resourcetypes.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QSharedPointer>

#include <deque>
#include <functional>

namespace sandbox {

// What the API answers when a request cannot be done: becomes a v1 Status.
struct ApiError
{
    int code = 0; // 0 = no error
    QString reason;
    QString message;
    QJsonObject details;

    explicit operator bool() const { return code != 0; }
    static ApiError notFound(const ResourceType &type, const QString &name);
    static ApiError alreadyExists(const ResourceType &type, const QString &name);
    static ApiError conflict(const ResourceType &type, const QString &name);
    static ApiError invalid(const ResourceType &type, const QString &name, const QString &why);
    static ApiError badRequest(const QString &why);
};

// The sandbox's etcd: every object of every kind, a global resourceVersion, and
// a window of recent changes so watches can resume. Each stored version is kept
// as both its JSON tree and its encoded bytes, encoded once per change and shared
// by every reader and watcher.
class ObjectStore : public QObject
{
    Q_OBJECT

public:
    // One stored version. Only the encoded bytes are kept (a parsed tree costs
    // three times the memory, and 100,000 students hold 400,000 objects); the
    // labels are kept parsed because selectors read them on every list and watch.
    struct Entry
    {
        QByteArray json;
        QString ns;   // "" for cluster-scoped kinds
        QString name;
        QJsonObject labels;
        quint64 rv = 0;

        QJsonObject object() const; // parses json
    };
    using EntryPtr = QSharedPointer<const Entry>;

    enum class EventType { Added, Modified, Deleted };
    struct Event
    {
        EventType type;
        const ResourceType *resource;
        quint64 rv;
        EntryPtr entry;    // the object as of this event (for Deleted: as last stored, at the delete's rv)
        EntryPtr previous; // the version it replaced (null for Added)
    };

    explicit ObjectStore(QObject *parent = nullptr);

    quint64 currentRv() const { return m_rv; }
    quint64 oldestWatchableRv() const { return m_oldestRv; }
    void setHistoryLimit(qsizetype events) { m_historyLimit = events; }
    // Forgets all history: any watch from an older resourceVersion now gets 410 Gone.
    void compact();

    EntryPtr get(const ResourceType &type, const QString &ns, const QString &name) const;
    // Objects of a kind (all namespaces when ns is empty) in name order, starting after `after` ("ns/name").
    void forEach(const ResourceType &type, const QString &ns, const QString &after,
                 const std::function<bool(const EntryPtr &)> &visit) const;
    qsizetype count(const ResourceType &type) const;

    // API writes, as the API server does them: validation of names, resourceVersion
    // preconditions, server-set metadata. `subresource` is "" or "status".
    EntryPtr create(const ResourceType &type, const QString &ns, QJsonObject object, ApiError *error);
    EntryPtr update(const ResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                    const QString &subresource, ApiError *error);
    // Pods are deleted gracefully: marked with deletionTimestamp first; the kubelet
    // calls purge() when the containers have stopped.
    EntryPtr remove(const ResourceType &type, const QString &ns, const QString &name, qint64 gracePeriodSeconds,
                    ApiError *error);
    void purge(const ResourceType &type, const QString &ns, const QString &name);

    // Controller writes: create or replace without preconditions, keeping uid and creation time.
    EntryPtr put(const ResourceType &type, QJsonObject object);

    // All objects as JSON lines, and back: what --state-dir keeps across a restart.
    // Restored objects keep their resourceVersions, so clients resume their watches.
    bool save(const QString &path, QString *error) const;
    bool restore(const QString &path, QString *error);

    // Changes since `rv`, oldest first; false when `rv` is older than the history window.
    bool eventsSince(quint64 rv, const std::function<void(const Event &)> &visit) const;

    static QString now(); // RFC 3339, seconds, UTC
    static QString keyOf(const QString &ns, const QString &name) { return ns + u'/' + name; }

Q_SIGNALS:
    void changed(const sandbox::ObjectStore::Event &event);

private:
    EntryPtr store(const ResourceType &type, QJsonObject object, EventType eventType);
    QMap<QString, EntryPtr> &bucket(const ResourceType &type) { return m_objects[type.key()]; }

    QHash<QString, QMap<QString, EntryPtr>> m_objects; // kind key -> "ns/name" -> entry
    std::deque<Event> m_history;
    qsizetype m_historyLimit = 20000;
    quint64 m_rv = 1000;
    quint64 m_oldestRv = 1000;
};

} // namespace sandbox
