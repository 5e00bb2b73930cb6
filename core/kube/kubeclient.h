#pragma once

#include "kube/apistatus.h"
#include "kube/clusteraccess.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace kube {

// One call to the API server.
struct ApiRequest
{
    QByteArray verb = "GET";
    QString path; // "/api/v1/namespaces/students/pods"; see resourcePath()
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType; // set when there is a body
    QByteArray accept = "application/json";
    // Give up when nothing arrives for this long; 0: never (streams that may be quiet).
    int idleTimeoutMs = 60000;
};

// The answer: the body on success, or an ApiStatus error (whose code is the
// HTTP status when the server answered). The body always has room for
// simdjson's padding after its end, so parsing it needs no copy.
struct ApiResult
{
    ApiStatus status;
    QByteArray body;
    bool ok() const { return status.isOk(); }
};

using ResultHandler = std::function<void(const ApiResult &)>;

enum class PatchType : quint8 { Merge, Strategic, Json };
QByteArray contentTypeOf(PatchType type);

// A resource kind as the REST paths name it.
struct ResourceKind
{
    QString group; // "" for the core group
    QString version;
    QString plural;
    bool namespaced = true;
};

namespace kinds {
inline const ResourceKind pods{QString(), QStringLiteral("v1"), QStringLiteral("pods"), true};
inline const ResourceKind services{QString(), QStringLiteral("v1"), QStringLiteral("services"), true};
inline const ResourceKind events{QString(), QStringLiteral("v1"), QStringLiteral("events"), true};
inline const ResourceKind nodes{QString(), QStringLiteral("v1"), QStringLiteral("nodes"), false};
inline const ResourceKind namespaces{QString(), QStringLiteral("v1"), QStringLiteral("namespaces"), false};
inline const ResourceKind deployments{QStringLiteral("apps"), QStringLiteral("v1"),
                                      QStringLiteral("deployments"), true};
} // namespace kinds

// "/apis/apps/v1/namespaces/ns/deployments/name/status"; an empty namespace
// means all namespaces (or a cluster-scoped kind), an empty name the collection.
QString resourcePath(const ResourceKind &kind, const QString &ns = {}, const QString &name = {},
                     const QString &subresource = {});

class KubeStream;

// REST client for one cluster context, on QNetworkAccessManager.
//
// It lives in the thread that created it. send() and the verbs may be called
// from any thread: calls from elsewhere are handed to the client's thread, and
// `done` always runs in `context`'s thread, from its event loop (never inside
// the call), and not at all once `context` is gone. Streams (watch, log
// follow) are opened in the client's own thread.
//
// Every request carries the context's credential and is verified against the
// kubeconfig's CA (peer name: tls-server-name when set); HTTP/2 is off, as
// streams and upgrades need HTTP/1.1. Like client-go it retries a 429 or 5xx
// that carries Retry-After (waiting that long, up to 10 times), and a GET whose
// connection was reset; after a 401 it runs the exec plugin again, once, and
// repeats the request.
class KubeClient : public QObject
{
    Q_OBJECT

public:
    explicit KubeClient(std::shared_ptr<ClusterAccess> access, QObject *parent = nullptr);
    ~KubeClient() override;

    std::shared_ptr<ClusterAccess> access() const { return m_access; }

    void send(const ApiRequest &request, QObject *context, ResultHandler done);

    void get(const QString &path, QObject *context, ResultHandler done, const QUrlQuery &query = {});
    void create(const QString &collectionPath, const QByteArray &json, QObject *context, ResultHandler done,
                const QUrlQuery &query = {});
    // PUT: a stale metadata.resourceVersion in `json` gets 409 Conflict.
    void update(const QString &path, const QByteArray &json, QObject *context, ResultHandler done,
                const QUrlQuery &query = {});
    void patch(const QString &path, PatchType type, const QByteArray &patch, QObject *context,
               ResultHandler done, const QUrlQuery &query = {});
    // `deleteOptions`: a DeleteOptions body (propagationPolicy, preconditions), or empty.
    void remove(const QString &path, QObject *context, ResultHandler done,
                const QByteArray &deleteOptions = {});

    // Runs the request and waits for the answer in a local event loop. For
    // command-line tools and tests; never on a GUI thread.
    ApiResult sendAndWait(const ApiRequest &request);

    // A response read as it arrives (watch, log follow). Call in the client's
    // thread. The stream belongs to `parent` (or the caller, when null).
    KubeStream *openStream(const ApiRequest &request, QObject *parent = nullptr);

    // Tests: requests that had to be repeated (Retry-After, reset, 401).
    int retries() const { return m_retries; }

private:
    friend class Exchange;
    QNetworkAccessManager *networkFor(bool stream);

    std::shared_ptr<ClusterAccess> m_access;
    QNetworkAccessManager *m_network = nullptr;
    int m_retries = 0;
};

// A streaming response. data() comes in network-sized chunks; finished() comes
// once, with Ok when the server ended the response cleanly, else the error
// (the HTTP error when the server refused, Network when the stream dropped).
class KubeStream : public QObject
{
    Q_OBJECT

public:
    ~KubeStream() override;
    void abort(); // finished() is not emitted after abort()
    bool isOpen() const { return m_open; }

Q_SIGNALS:
    void opened(); // 2xx headers arrived
    void data(const QByteArray &chunk);
    void finished(const kube::ApiStatus &status);

private:
    friend class Exchange;
    friend class KubeClient;
    explicit KubeStream(QObject *parent);
    QPointer<QObject> m_exchange;
    bool m_open = false;
};

} // namespace kube
