#pragma once

#include "sandbox/httpserver.h"
#include "sandbox/objectstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QWebSocket;

namespace sandbox {

struct ApiUser
{
    QString name;
    QStringList groups;
    bool readOnly = false; // the TA role: may read everything, write nothing
};

// Injected faults, for tests of clients: see parseFaults() for the syntax.
struct Faults
{
    double errorRate = 0;     // share of non-watch requests answered 500
    double throttleRate = 0;  // share answered 429 with Retry-After
    int retryAfterSeconds = 1;
    int latencyMs = 0;        // added before every answer
    int dropWatchesAfterMs = 0; // watches are cut (no final chunk) after this long
    int compactEveryMs = 0;   // history is compacted this often: old resourceVersions get 410
    // Flow control as an API server's: a token bucket of `qps` requests a second
    // (holding `burst`, default qps); a request that finds it empty gets 429 with
    // Retry-After. Watches are not counted (they are long-running requests).
    double qps = 0;
    int burst = 0;

    // "500=0.05,429=0.1,retry-after=2,latency=20ms,drop-watch=30s,compact=60s,qps=50,burst=50"
    static Faults parse(const QString &spec, QString *error);
};

// What serves pods' logs, exec and metrics: the node runtime or the simulated one.
class PodRuntime
{
public:
    virtual ~PodRuntime() = default;

    struct LogOptions
    {
        QString container;
        bool follow = false;
        bool previous = false;
        bool timestamps = false;
        qint64 sinceSeconds = -1;
        QString sinceTime;
        qint64 tailLines = -1;
        qint64 limitBytes = -1;
    };
    // Answers the whole request: 400 with a Status when the container has no log yet.
    virtual void streamLogs(const QJsonObject &pod, const LogOptions &options, HttpResponse *response) = 0;
    // Runs a command in the pod's container and speaks the channel protocol on `socket`.
    virtual void exec(const QJsonObject &pod, const QString &container, const QStringList &command, bool stdinOn,
                      bool tty, QWebSocket *socket) = 0;
    // Per-container {name, cpu nanocores, memory bytes}; empty when the pod has no running containers.
    struct Usage
    {
        QString container;
        qint64 cpuNanoCores = 0;
        qint64 memoryBytes = 0;
    };
    virtual QList<Usage> usage(const QJsonObject &pod) = 0;
};

// The Kubernetes API on top of the object store: discovery, authentication and
// authorisation, get/list/watch (JSON and Table), writes and patches, reviews,
// metrics, logs and exec.
class KubeApi : public QObject
{
    Q_OBJECT

public:
    explicit KubeApi(ObjectStore *store, QObject *parent = nullptr);
    ~KubeApi() override;

    void addUser(const QByteArray &token, const ApiUser &user);
    void setFaults(const Faults &faults);
    void setRuntime(PodRuntime *runtime) { m_runtime = runtime; }
    // Server-side watch timeout when the client sets none (kube-apiserver: 30-60 min).
    void setDefaultWatchTimeout(int minSeconds, int maxSeconds);
    void setExternalAddress(const QString &address) { m_externalAddress = address; }

    static bool handles(const QByteArray &path);
    void handle(const HttpRequest &request, HttpResponse *response);
    bool acceptUpgrade(const HttpRequest &request, HttpResponse *refusal);
    void handleWebSocket(QWebSocket *socket);

    bool allowed(const ApiUser &user, const QString &verb, const QString &group, const QString &resource,
                 const QString &subresource, const QString &ns) const;
    qsizetype watchCount() const;

private:
    struct Watcher;
    struct Route;

    const ApiUser *authenticate(const HttpRequest &request) const;
    void serve(const HttpRequest &request, HttpResponse *response, const ApiUser &user);
    void serveDiscovery(const HttpRequest &request, HttpResponse *response, const QStringList &segments);
    void serveList(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveWatch(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveGet(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveCreate(const HttpRequest &request, HttpResponse *response, const Route &route, const ApiUser &user);
    void serveUpdate(const HttpRequest &request, HttpResponse *response, const Route &route);
    void servePatch(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveDelete(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveDeleteCollection(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveLogs(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveMetrics(const HttpRequest &request, HttpResponse *response, const Route &route);
    void serveReview(const HttpRequest &request, HttpResponse *response, const Route &route, const ApiUser &user);

    void onChanged(const ObjectStore::Event &event);
    void sendBookmarks();
    void dropWatcher(Watcher *watcher);

    ObjectStore *m_store;
    PodRuntime *m_runtime = nullptr;
    QHash<QByteArray, ApiUser> m_users;
    Faults m_faults;
    double m_tokens = 0;       // the qps bucket
    qint64 m_tokensAtMs = -1;  // on m_bucketClock, when m_tokens was last filled
    QElapsedTimer m_bucketClock;
    quint64 m_throttled = 0;   // 429s the bucket gave
    QHash<QString, QList<Watcher *>> m_watchers; // by kind key
    QTimer m_bookmarkTimer;
    QTimer m_compactTimer;
    int m_watchTimeoutMin = 1800;
    int m_watchTimeoutMax = 3600;
    QString m_externalAddress;
};

QByteArray statusJson(const ApiError &error);

} // namespace sandbox
