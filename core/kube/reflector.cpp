#include "kube/reflector.h"

#include "kube/kubeclient.h"
#include "kube/kubelog.h"
#include "kube/watchdecoder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <simdjson.h>
#include <vector>

namespace kube {

// ---- the cache ---------------------------------------------------------------

enum class ApplyResult : quint8 { Applied, Duplicate, Invalid };

// The reflector's copy of the objects, keyed by namespace/name, and the batch
// of deltas not yet handed to consumers. Written by the worker thread; read
// through snapshot() from others, hence the mutex.
class ReflectorCache
{
public:
    virtual ~ReflectorCache() = default;
    // A full list begins: objects that endList() has not seen since are deleted.
    virtual void beginList() = 0;
    virtual bool listItem(simdjson::dom::element item) = 0;
    virtual void endList() = 0;
    virtual ApplyResult apply(WatchDecoder::EventType type, simdjson::dom::element object, QString *rv) = 0;
    virtual qsizetype pending() const = 0;
    virtual void flush() = 0; // hands the pending batch to the consumers' thread
    virtual qsizetype size() const = 0;

    mutable QMutex mutex;
};

namespace {

struct ObjectKey
{
    QString ns;
    QString name;
    bool operator==(const ObjectKey &o) const { return name == o.name && ns == o.ns; }
};

size_t qHash(const ObjectKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.ns, k.name);
}

bool parseObject(simdjson::dom::element e, PodInfo *out)
{
    return parsePod(e, out);
}
bool parseObject(simdjson::dom::element e, DeploymentInfo *out)
{
    return parseDeployment(e, out);
}
bool parseObject(simdjson::dom::element e, ServiceInfo *out)
{
    return parseService(e, out);
}

// The cached objects of one kind: slots in fixed chunks (an object never moves
// and costs no allocation of its own) found through an open-addressing index
// of slot numbers. That is sizeof(T) plus about 8 bytes per object, where a
// QHash node adds its key and span slack, about 150 bytes more: at 300,000
// objects, 45 MB.
template<typename T> class ObjectTable
{
public:
    struct Slot
    {
        T object;
        quint32 generation = 0;
        bool used = false;
    };

    qsizetype size() const { return m_size; }

    Slot *find(const QString &ns, const QString &name)
    {
        qsizetype pos;
        return findPosition(ns, name, &pos) ? &slot(m_index[size_t(pos)]) : nullptr;
    }

    void insert(const T &object, quint32 generation)
    {
        if ((m_size + m_gone + 1) * 10 > qsizetype(m_index.size()) * 7) {
            // Rebuilt at most half full; gone entries are dropped on the way.
            size_t capacity = 64;
            while (size_t(m_size + 1) * 2 > capacity)
                capacity *= 2;
            rehash(capacity);
        }
        quint32 id;
        if (!m_free.empty()) {
            id = m_free.back();
            m_free.pop_back();
        } else {
            id = m_next++;
            if ((id >> kChunkBits) >= m_chunks.size())
                m_chunks.emplace_back(new Slot[kChunk]);
        }
        Slot &s = slot(id);
        s.object = object;
        s.generation = generation;
        s.used = true;
        size_t i = hashOf(object.namespaceName, object.name) & mask();
        while (m_index[i] != kEmpty && m_index[i] != kGone)
            i = (i + 1) & mask();
        if (m_index[i] == kGone)
            --m_gone;
        m_index[i] = id;
        ++m_size;
    }

    void erase(Slot &s)
    {
        qsizetype pos;
        if (!findPosition(s.object.namespaceName, s.object.name, &pos))
            return;
        const quint32 id = m_index[size_t(pos)];
        m_index[size_t(pos)] = kGone;
        ++m_gone;
        --m_size;
        s.object = T(); // frees its strings now
        s.used = false;
        m_free.push_back(id);
    }

    template<typename F> void forEach(F f)
    {
        for (quint32 id = 0; id < m_next; ++id) {
            Slot &s = slot(id);
            if (s.used)
                f(s);
        }
    }
    template<typename F> void forEach(F f) const
    {
        for (quint32 id = 0; id < m_next; ++id) {
            const Slot &s = m_chunks[id >> kChunkBits][id & (kChunk - 1)];
            if (s.used)
                f(s);
        }
    }

private:
    static constexpr quint32 kEmpty = 0xffffffffu;
    static constexpr quint32 kGone = 0xfffffffeu;
    static constexpr int kChunkBits = 8;
    static constexpr quint32 kChunk = 1u << kChunkBits;

    size_t hashOf(const QString &ns, const QString &name) const { return qHashMulti(m_seed, ns, name); }
    size_t mask() const { return m_index.size() - 1; }
    Slot &slot(quint32 id) { return m_chunks[id >> kChunkBits][id & (kChunk - 1)]; }

    bool findPosition(const QString &ns, const QString &name, qsizetype *pos)
    {
        if (m_index.empty())
            return false;
        size_t i = hashOf(ns, name) & mask();
        for (;;) {
            const quint32 v = m_index[i];
            if (v == kEmpty)
                return false;
            if (v != kGone) {
                const Slot &s = slot(v);
                if (s.object.name == name && s.object.namespaceName == ns) {
                    *pos = qsizetype(i);
                    return true;
                }
            }
            i = (i + 1) & mask();
        }
    }

    void rehash(size_t capacity)
    {
        m_index.assign(capacity, kEmpty);
        m_gone = 0;
        for (quint32 id = 0; id < m_next; ++id) {
            const Slot &s = slot(id);
            if (!s.used)
                continue;
            size_t i = hashOf(s.object.namespaceName, s.object.name) & mask();
            while (m_index[i] != kEmpty)
                i = (i + 1) & mask();
            m_index[i] = id;
        }
    }

    std::vector<std::unique_ptr<Slot[]>> m_chunks;
    std::vector<quint32> m_index; // a power of two long, at most 70 % used (live and gone)
    std::vector<quint32> m_free;
    quint32 m_next = 0;
    qsizetype m_size = 0;
    qsizetype m_gone = 0;
    size_t m_seed = QRandomGenerator::global()->generate();
};

template<typename T> class TypedCache final : public ReflectorCache
{
public:
    using Deliver = std::function<void(QList<Delta<T>> &&)>;
    explicit TypedCache(Deliver deliver)
        : m_deliver(std::move(deliver))
    {}

    void beginList() override { ++m_generation; }

    bool listItem(simdjson::dom::element item) override
    {
        T object;
        if (!parseObject(item, &object))
            return false;
        const ObjectKey key{object.namespaceName, object.name};
        auto *slot = m_objects.find(object.namespaceName, object.name);
        if (!slot) {
            m_objects.insert(object, m_generation);
            record(DeltaType::Added, key, object);
            return true;
        }
        slot->generation = m_generation;
        if (slot->object.resourceVersion != object.resourceVersion || slot->object.uid != object.uid) {
            slot->object = object;
            record(DeltaType::Modified, key, object);
        }
        return true;
    }

    void endList() override
    {
        m_objects.forEach([this](typename ObjectTable<T>::Slot &slot) {
            if (slot.generation != m_generation) {
                record(DeltaType::Deleted, ObjectKey{slot.object.namespaceName, slot.object.name},
                       slot.object);
                m_objects.erase(slot);
            }
        });
    }

    ApplyResult apply(WatchDecoder::EventType type, simdjson::dom::element e, QString *rv) override
    {
        T object;
        if (!parseObject(e, &object))
            return ApplyResult::Invalid;
        *rv = object.resourceVersion.toString();
        const ObjectKey key{object.namespaceName, object.name};
        auto *slot = m_objects.find(object.namespaceName, object.name);
        if (type == WatchDecoder::EventType::Deleted) {
            if (!slot)
                return ApplyResult::Duplicate;
            m_objects.erase(*slot);
            record(DeltaType::Deleted, key, object);
            return ApplyResult::Applied;
        }
        if (!slot) {
            m_objects.insert(object, m_generation);
            record(DeltaType::Added, key, object);
            return ApplyResult::Applied;
        }
        if (slot->object.resourceVersion == object.resourceVersion && slot->object.uid == object.uid)
            return ApplyResult::Duplicate;
        slot->object = object;
        record(DeltaType::Modified, key, object);
        return ApplyResult::Applied;
    }

    qsizetype pending() const override { return m_batch.size() - m_dropped; }
    qsizetype size() const override { return m_objects.size(); }

    void flush() override
    {
        if (m_batch.isEmpty())
            return;
        QList<Delta<T>> out;
        if (m_dropped == 0) {
            out = std::move(m_batch);
        } else {
            out.reserve(m_batch.size() - m_dropped);
            for (qsizetype i = 0; i < m_batch.size(); ++i) {
                if (!m_droppedFlags[size_t(i)])
                    out.append(std::move(m_batch[i]));
            }
        }
        m_batch = QList<Delta<T>>();
        m_batchIndex.clear();
        m_droppedFlags.clear();
        m_dropped = 0;
        if (!out.isEmpty())
            m_deliver(std::move(out));
    }

    void visit(const std::function<void(const T &)> &f) const
    {
        QMutexLocker lock(&mutex);
        m_objects.forEach([&f](const typename ObjectTable<T>::Slot &s) { f(s.object); });
    }

    QList<T> snapshot() const
    {
        QMutexLocker lock(&mutex);
        QList<T> out;
        out.reserve(m_objects.size());
        m_objects.forEach([&out](const typename ObjectTable<T>::Slot &s) { out.append(s.object); });
        return out;
    }

private:
    // Folds a change into the pending batch: one delta per object, whose type
    // is what the consumer must do given what it saw before the batch.
    void record(DeltaType type, const ObjectKey &key, const T &object)
    {
        const auto at = m_batchIndex.constFind(key);
        if (at == m_batchIndex.cend()) {
            m_batchIndex.insert(key, m_batch.size());
            m_batch.append({type, object});
            m_droppedFlags.push_back(false);
            return;
        }
        const qsizetype i = *at;
        Delta<T> &d = m_batch[i];
        if (m_droppedFlags[size_t(i)]) { // added and deleted within the batch: the consumer never saw it
            if (type != DeltaType::Deleted) {
                m_droppedFlags[size_t(i)] = false;
                --m_dropped;
                d = {DeltaType::Added, object};
            }
            return;
        }
        switch (type) {
        case DeltaType::Deleted:
            if (d.type == DeltaType::Added) {
                m_droppedFlags[size_t(i)] = true;
                ++m_dropped;
            }
            d = {DeltaType::Deleted, object};
            break;
        case DeltaType::Added:
        case DeltaType::Modified:
            // Added stays Added; after a Deleted (recreated) or Modified the consumer replaces it.
            d = {d.type == DeltaType::Added ? DeltaType::Added : DeltaType::Modified, object};
            break;
        }
    }

    Deliver m_deliver;
    ObjectTable<T> m_objects;
    QList<Delta<T>> m_batch;
    QHash<ObjectKey, qsizetype> m_batchIndex;
    std::vector<bool> m_droppedFlags;
    qsizetype m_dropped = 0;
    quint32 m_generation = 0;
};

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

// ---- state shared by the front and the worker -----------------------------------

struct ReflectorShared
{
    std::unique_ptr<ReflectorCache> cache;
    std::atomic<bool> cancel{false};
    std::atomic<bool> running{false};
    std::atomic<bool> synced{false};
    mutable QMutex mutex; // guards rv and stats
    QString rv;
    ReflectorStats stats;

    void setRv(const QString &value)
    {
        QMutexLocker lock(&mutex);
        rv = value;
    }
    template<typename F> void count(F f)
    {
        QMutexLocker lock(&mutex);
        f(stats);
    }
};

// ---- the worker -------------------------------------------------------------------

// Runs in the reflector's thread: the list/watch cycle, decoding, backoff.
class ReflectorLoop : public QObject
{
public:
    ReflectorLoop(Reflector *front, std::shared_ptr<ReflectorShared> shared)
        : m_front(front)
        , m_access(front->m_access)
        , m_kind(front->m_kind)
        , m_options(front->m_options)
        , m_shared(std::move(shared))
        , m_backoff(m_options.backoff)
    {
        m_flushTimer.setSingleShot(true);
        m_retryTimer.setSingleShot(true);
        connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
    }

    void run()
    {
        m_client = new KubeClient(m_access, this);
        m_shared->running = true;
        QString rv;
        {
            QMutexLocker lock(&m_shared->mutex);
            rv = m_shared->rv;
        }
        // A restarted reflector that has synced resumes its watch; otherwise it lists.
        if (m_shared->synced && m_options.watch && !rv.isEmpty()) {
            m_rv = rv;
            startWatch();
        } else {
            startList();
        }
    }

    void shutdown()
    {
        m_retryTimer.stop();
        m_flushTimer.stop();
        if (m_stream) {
            m_stream->abort();
            m_stream->deleteLater();
            m_stream = nullptr;
        }
        {
            QMutexLocker lock(&m_shared->cache->mutex);
            m_shared->cache->flush();
        }
        m_shared->running = false;
    }

private:
    bool cancelled() const { return m_shared->cancel.load(std::memory_order_relaxed); }

    QUrlQuery baseQuery() const
    {
        QUrlQuery q;
        if (!m_options.labelSelector.isEmpty())
            q.addQueryItem(QStringLiteral("labelSelector"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_options.labelSelector)));
        if (!m_options.fieldSelector.isEmpty())
            q.addQueryItem(QStringLiteral("fieldSelector"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_options.fieldSelector)));
        return q;
    }

    QString path() const { return resourcePath(m_kind, m_options.namespaceName); }

    // ---- list ----

    void startList()
    {
        m_continue.clear();
        m_fullList = false;
        m_firstPage = true;
        requestPage();
    }

    void requestPage()
    {
        if (cancelled())
            return;
        QUrlQuery q = baseQuery();
        if (!m_fullList)
            q.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
        if (!m_continue.isEmpty())
            q.addQueryItem(QStringLiteral("continue"),
                           QString::fromLatin1(QUrl::toPercentEncoding(m_continue)));
        ApiRequest r;
        r.path = path();
        r.query = q;
        m_client->send(r, this, [this](const ApiResult &result) { onPage(result); });
    }

    void onPage(const ApiResult &result)
    {
        if (cancelled())
            return;
        if (!result.ok()) {
            if (result.status.isGone() && !m_continue.isEmpty()) {
                // The continue token outlived the server's history: one unpaged list, as
                // client-go's pager falls back to (FullListIfExpired).
                qCInfo(lcKubeWatch).noquote()
                    << m_kind.plural << "continue token expired; listing in one request";
                m_shared->count([](ReflectorStats &s) { ++s.fullListFallbacks; });
                m_continue.clear();
                m_fullList = true;
                m_firstPage = true;
                requestPage();
                return;
            }
            listFailed(result.status);
            return;
        }
        const QByteArray &body = result.body;
        simdjson::dom::element root;
        const bool padded = body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
        if (m_listParser.parse(body.constData(), size_t(body.size()), !padded).get(root) ||
            !root.is_object()) {
            ApiStatus s;
            s.kind = ApiStatus::Kind::Decode;
            s.code = result.status.code;
            s.reason = QStringLiteral("Garbled");
            s.message =
                QStringLiteral("The cluster sent a %1 list that is not valid JSON.").arg(m_kind.plural);
            listFailed(s);
            return;
        }
        simdjson::dom::array items;
        if (root["items"].get_array().get(items))
            items = simdjson::dom::array();
        const QString listRv = fromUtf8(jsonText(root["metadata"]["resourceVersion"]));
        const QString next = fromUtf8(jsonText(root["metadata"]["continue"]));
        {
            ReflectorCache *cache = m_shared->cache.get();
            QMutexLocker lock(&cache->mutex);
            if (m_firstPage)
                cache->beginList();
            m_firstPage = false;
            for (simdjson::dom::element item : items)
                cache->listItem(item);
            if (next.isEmpty())
                cache->endList();
            if (cache->pending() >= m_options.maxBatch || next.isEmpty())
                cache->flush();
        }
        m_shared->count([](ReflectorStats &s) { ++s.pages; });
        m_listFailures = 0;
        if (!next.isEmpty()) {
            m_continue = next;
            requestPage();
            return;
        }
        // The list is complete. The parser grew to the largest page (tens of MB): give that back.
        m_listParser = simdjson::dom::parser();
        m_rv = listRv;
        m_shared->setRv(m_rv);
        m_shared->count([](ReflectorStats &s) { ++s.lists; });
        qCDebug(lcKubeWatch).noquote()
            << m_kind.plural << "listed" << m_shared->cache->size() << "at rv" << m_rv;
        if (!m_shared->synced.exchange(true)) {
            QPointer<Reflector> front = m_front;
            QMetaObject::invokeMethod(
                m_front, [front] { Q_EMIT front->synced(); }, Qt::QueuedConnection);
        }
        if (!m_options.watch) {
            finishLoop(ApiStatus::ok());
            return;
        }
        startWatch();
    }

    void listFailed(const ApiStatus &status)
    {
        m_shared->count([](ReflectorStats &s) { ++s.failures; });
        ++m_listFailures;
        const bool permanent = !status.isRetryableLater() && status.kind != ApiStatus::Kind::Decode;
        if (!m_options.watch && (permanent || m_listFailures >= m_options.listAttempts)) {
            finishLoop(status);
            return;
        }
        // A failed page is asked for again while its continue token lasts; anything else starts over.
        const bool samePage = !m_continue.isEmpty() && status.isRetryableLater();
        const auto wait = m_backoff.next(status.retryAfterSeconds);
        report(status, int(wait.count()));
        retryIn(wait, [this, samePage] {
            if (samePage)
                requestPage();
            else
                startList();
        });
    }

    // ---- watch ----

    void startWatch()
    {
        if (cancelled())
            return;
        m_decoder.reset();
        const int minTimeout = std::max(1, m_options.minWatchTimeoutSeconds);
        const int timeout = minTimeout + int(QRandomGenerator::global()->bounded(minTimeout));
        QUrlQuery q = baseQuery();
        q.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
        q.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
        q.addQueryItem(QStringLiteral("resourceVersion"), m_rv);
        q.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeout));
        ApiRequest r;
        r.path = path();
        r.query = q;
        r.idleTimeoutMs = (timeout + 60) * 1000;
        m_shared->count([](ReflectorStats &s) { ++s.watches; });
        m_watchStarted.start();
        m_stream = m_client->openStream(r, this);
        connect(m_stream, &KubeStream::data, this, [this](const QByteArray &chunk) { onWatchData(chunk); });
        connect(m_stream, &KubeStream::finished, this, [this](const ApiStatus &s) { onWatchFinished(s); });
    }

    void endWatch()
    {
        if (!m_stream)
            return;
        KubeStream *stream = m_stream;
        m_stream = nullptr;
        disconnect(stream, nullptr, this, nullptr);
        stream->abort();
        stream->deleteLater();
    }

    void onWatchData(const QByteArray &chunk)
    {
        if (cancelled() || !m_stream)
            return;
        m_decoder.feed(chunk);
        if (!drainDecoder(false))
            return;
        scheduleFlush();
    }

    // Applies every complete event. False when the watch ended (error event, garbled line).
    bool drainDecoder(bool atEnd)
    {
        ReflectorCache *cache = m_shared->cache.get();
        quint64 applied = 0;
        quint64 duplicates = 0;
        quint64 bookmarks = 0;
        bool keepGoing = true;
        {
            QMutexLocker lock(&cache->mutex);
            WatchDecoder::Event event;
            QString problem;
            while (!cancelled()) {
                const auto step =
                    atEnd ? m_decoder.finish(&event, &problem) : m_decoder.next(&event, &problem);
                if (step == WatchDecoder::Step::NeedMore)
                    break;
                if (step == WatchDecoder::Step::Truncated) {
                    // Never applied, so the next watch from m_rv sends it again.
                    qCInfo(lcKubeWatch).noquote() << m_kind.plural << "watch ended mid-event:" << problem;
                    m_shared->count([](ReflectorStats &s) { ++s.truncatedEvents; });
                    break;
                }
                if (step == WatchDecoder::Step::Garbled) {
                    lock.unlock();
                    resync(problem);
                    keepGoing = false;
                    break;
                }
                if (event.type == WatchDecoder::EventType::Bookmark) {
                    const QString rv = fromUtf8(jsonText(event.object["metadata"]["resourceVersion"]));
                    if (!rv.isEmpty())
                        m_rv = rv;
                    ++bookmarks;
                    continue;
                }
                if (event.type == WatchDecoder::EventType::Error) {
                    const qint64 code = jsonInt(event.object["code"]);
                    const QString message = fromUtf8(jsonText(event.object["message"]));
                    lock.unlock();
                    watchError(int(code), message);
                    keepGoing = false;
                    break;
                }
                QString rv;
                const ApplyResult r = cache->apply(event.type, event.object, &rv);
                if (r == ApplyResult::Invalid) {
                    lock.unlock();
                    resync(QStringLiteral("a %1 event whose object is not one of ours")
                               .arg(WatchDecoder::typeName(event.type)));
                    keepGoing = false;
                    break;
                }
                if (r == ApplyResult::Applied)
                    ++applied;
                else
                    ++duplicates;
                if (!rv.isEmpty())
                    m_rv = rv;
                if (cache->pending() >= m_options.maxBatch)
                    cache->flush();
            }
        }
        m_shared->count([&](ReflectorStats &s) {
            s.eventsApplied += applied;
            s.duplicates += duplicates;
            s.bookmarks += bookmarks;
        });
        m_shared->setRv(m_rv);
        return keepGoing;
    }

    void onWatchFinished(const ApiStatus &status)
    {
        if (cancelled())
            return;
        const bool wasOpen = m_stream && m_stream->isOpen();
        if (m_stream) {
            m_stream->deleteLater();
            m_stream = nullptr;
        }
        if (wasOpen) {
            if (!drainDecoder(true))
                return;
            scheduleFlush();
        }
        if (wasOpen && status.isOk()) {
            // The server ended the watch (timeoutSeconds): carry on from where it stopped.
            m_backoff.reset();
            startWatch();
            return;
        }
        m_shared->count([](ReflectorStats &s) { ++s.failures; });
        if (status.isGone()) {
            relistAfterGone(status.serverMessage);
            return;
        }
        if (wasOpen && m_watchStarted.elapsed() >= 1000) {
            // A dropped stream that had been working: resume at once from the last resourceVersion.
            qCInfo(lcKubeWatch).noquote() << m_kind.plural << "watch dropped after"
                                          << m_watchStarted.elapsed() << "ms; resuming from" << m_rv;
            report(status, 0);
            startWatch();
            return;
        }
        const auto wait = m_backoff.next(status.retryAfterSeconds);
        report(status, int(wait.count()));
        retryIn(wait, [this] { startWatch(); });
    }

    void watchError(int code, const QString &message)
    {
        endWatch();
        m_shared->count([](ReflectorStats &s) { ++s.failures; });
        if (code == 410) {
            relistAfterGone(message);
            return;
        }
        ApiStatus s = statusFromHttp(code > 0 ? code : 500, QByteArray(), -1);
        s.serverMessage = message;
        const auto wait = m_backoff.next();
        report(s, int(wait.count()));
        retryIn(wait, [this] { startWatch(); });
    }

    void relistAfterGone(const QString &message)
    {
        endWatch();
        qCInfo(lcKubeWatch).noquote()
            << m_kind.plural << "resourceVersion" << m_rv << "is gone (" << message << "); listing again";
        m_shared->count([](ReflectorStats &s) { ++s.relistsGone; });
        startList();
    }

    void resync(const QString &problem)
    {
        endWatch();
        qCWarning(lcKubeWatch).noquote() << m_kind.plural << "watch sent" << problem << "; listing again";
        m_shared->count([](ReflectorStats &s) {
            ++s.resyncs;
            ++s.failures;
        });
        ApiStatus s;
        s.kind = ApiStatus::Kind::Decode;
        s.reason = QStringLiteral("Garbled");
        s.message =
            QStringLiteral("The cluster's %1 watch sent %2; listing again.").arg(m_kind.plural, problem);
        const auto wait = m_backoff.next();
        report(s, int(wait.count()));
        retryIn(wait, [this] { startList(); });
    }

    // ---- plumbing ----

    void scheduleFlush()
    {
        ReflectorCache *cache = m_shared->cache.get();
        qsizetype pending;
        {
            QMutexLocker lock(&cache->mutex);
            pending = cache->pending();
        }
        if (pending > 0 && !m_flushTimer.isActive())
            m_flushTimer.start(m_options.batchIntervalMs);
    }

    void flush()
    {
        ReflectorCache *cache = m_shared->cache.get();
        QMutexLocker lock(&cache->mutex);
        cache->flush();
    }

    void retryIn(std::chrono::milliseconds wait, std::function<void()> then)
    {
        m_retryTimer.disconnect(this);
        connect(&m_retryTimer, &QTimer::timeout, this, [this, then = std::move(then)] {
            if (!cancelled())
                then();
        });
        m_retryTimer.start(wait);
    }

    void report(const ApiStatus &status, int retryInMs)
    {
        qCInfo(lcKubeWatch).noquote()
            << m_kind.plural << status.message << "- retrying in" << retryInMs << "ms";
        QPointer<Reflector> front = m_front;
        QMetaObject::invokeMethod(
            m_front, [front, status, retryInMs] { Q_EMIT front->problem(status, retryInMs); },
            Qt::QueuedConnection);
    }

    void finishLoop(const ApiStatus &status)
    {
        flush();
        m_shared->running = false;
        QPointer<Reflector> front = m_front;
        QMetaObject::invokeMethod(
            m_front, [front, status] { Q_EMIT front->stopped(status); }, Qt::QueuedConnection);
    }

    static std::string_view jsonText(simdjson::simdjson_result<simdjson::dom::element> field)
    {
        std::string_view v;
        return field.get_string().get(v) ? std::string_view() : v;
    }
    static qint64 jsonInt(simdjson::simdjson_result<simdjson::dom::element> field)
    {
        int64_t v = 0;
        return field.get_int64().get(v) ? 0 : qint64(v);
    }

    Reflector *m_front;
    std::shared_ptr<ClusterAccess> m_access;
    ResourceKind m_kind;
    ReflectorOptions m_options;
    std::shared_ptr<ReflectorShared> m_shared;
    KubeClient *m_client = nullptr;
    KubeStream *m_stream = nullptr;
    WatchDecoder m_decoder;
    simdjson::dom::parser m_listParser;
    Backoff m_backoff;
    // Children, so that moveToThread() takes them along.
    QTimer m_flushTimer{this};
    QTimer m_retryTimer{this};
    QElapsedTimer m_watchStarted;
    QString m_rv;
    QString m_continue;
    int m_listFailures = 0;
    bool m_fullList = false;
    bool m_firstPage = true;
};

// ---- the front --------------------------------------------------------------------

Reflector::Reflector(std::shared_ptr<ClusterAccess> access, const ResourceKind &kind,
                     const ReflectorOptions &options, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_kind(kind)
    , m_options(options)
    , m_shared(std::make_shared<ReflectorShared>())
{}

Reflector::~Reflector()
{
    stop();
}

void Reflector::setCache(std::unique_ptr<ReflectorCache> cache)
{
    m_shared->cache = std::move(cache);
}

ReflectorCache *Reflector::cache() const
{
    return m_shared->cache.get();
}

void Reflector::start()
{
    if (m_thread)
        return;
    m_shared->cancel = false;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("reflector-") + m_kind.plural);
    m_loop = new ReflectorLoop(this, m_shared);
    m_loop->moveToThread(m_thread);
    m_thread->start();
    ReflectorLoop *loop = m_loop;
    QMetaObject::invokeMethod(
        loop, [loop] { loop->run(); }, Qt::QueuedConnection);
}

void Reflector::stop()
{
    if (!m_thread)
        return;
    m_shared->cancel = true;
    ReflectorLoop *loop = m_loop;
    QThread *thread = m_thread;
    // The loop and its network objects are deleted in their own thread, which then ends.
    QMetaObject::invokeMethod(
        loop,
        [loop, thread] {
            loop->shutdown();
            delete loop;
            thread->quit();
        },
        Qt::QueuedConnection);
    thread->wait();
    delete thread;
    m_thread = nullptr;
    m_loop = nullptr;
}

bool Reflector::isRunning() const
{
    return m_thread && m_shared->running;
}

bool Reflector::isSynced() const
{
    return m_shared->synced;
}

QString Reflector::resourceVersion() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->rv;
}

qsizetype Reflector::size() const
{
    QMutexLocker lock(&m_shared->cache->mutex);
    return m_shared->cache->size();
}

ReflectorStats Reflector::stats() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->stats;
}

// ---- the kinds ----------------------------------------------------------------------

PodReflector::PodReflector(std::shared_ptr<ClusterAccess> access, const ReflectorOptions &options,
                           QObject *parent)
    : Reflector(std::move(access), kinds::pods, options, parent)
{
    setCache(std::make_unique<TypedCache<PodInfo>>([this](PodDeltas &&batch) {
        QMetaObject::invokeMethod(
            this, [this, batch = std::move(batch)] { Q_EMIT deltas(batch); }, Qt::QueuedConnection);
    }));
}

PodReflector::~PodReflector()
{
    stop();
}

QList<PodInfo> PodReflector::snapshot() const
{
    return static_cast<TypedCache<PodInfo> *>(cache())->snapshot();
}

void PodReflector::visit(const std::function<void(const PodInfo &)> &f) const
{
    static_cast<TypedCache<PodInfo> *>(cache())->visit(f);
}

DeploymentReflector::DeploymentReflector(std::shared_ptr<ClusterAccess> access,
                                         const ReflectorOptions &options, QObject *parent)
    : Reflector(std::move(access), kinds::deployments, options, parent)
{
    setCache(std::make_unique<TypedCache<DeploymentInfo>>([this](DeploymentDeltas &&batch) {
        QMetaObject::invokeMethod(
            this, [this, batch = std::move(batch)] { Q_EMIT deltas(batch); }, Qt::QueuedConnection);
    }));
}

DeploymentReflector::~DeploymentReflector()
{
    stop();
}

QList<DeploymentInfo> DeploymentReflector::snapshot() const
{
    return static_cast<TypedCache<DeploymentInfo> *>(cache())->snapshot();
}

void DeploymentReflector::visit(const std::function<void(const DeploymentInfo &)> &f) const
{
    static_cast<TypedCache<DeploymentInfo> *>(cache())->visit(f);
}

ServiceReflector::ServiceReflector(std::shared_ptr<ClusterAccess> access, const ReflectorOptions &options,
                                   QObject *parent)
    : Reflector(std::move(access), kinds::services, options, parent)
{
    setCache(std::make_unique<TypedCache<ServiceInfo>>([this](ServiceDeltas &&batch) {
        QMetaObject::invokeMethod(
            this, [this, batch = std::move(batch)] { Q_EMIT deltas(batch); }, Qt::QueuedConnection);
    }));
}

ServiceReflector::~ServiceReflector()
{
    stop();
}

QList<ServiceInfo> ServiceReflector::snapshot() const
{
    return static_cast<TypedCache<ServiceInfo> *>(cache())->snapshot();
}

void ServiceReflector::visit(const std::function<void(const ServiceInfo &)> &f) const
{
    static_cast<TypedCache<ServiceInfo> *>(cache())->visit(f);
}

} // namespace kube
