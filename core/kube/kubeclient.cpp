#include "kube/kubeclient.h"

#include "kube/kubelog.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QPointer>
#include <QTimer>
#include <algorithm>

namespace kube {

namespace {

constexpr int kMaxRetries = 10; // client-go's maxRetries
// simdjson reads up to this many bytes past the end of a document (SIMDJSON_PADDING).
constexpr qsizetype kJsonPadding = 64;

int retryAfterOf(const QNetworkReply *reply)
{
    const QByteArray h = reply->rawHeader("Retry-After").trimmed();
    bool ok = false;
    const int seconds = h.toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

// Appends what the reply has, keeping kJsonPadding spare bytes allocated after the end.
void readInto(QByteArray *buffer, QNetworkReply *reply)
{
    const qint64 available = reply->bytesAvailable();
    if (available <= 0)
        return;
    const qsizetype old = buffer->size();
    const qsizetype needed = old + qsizetype(available) + kJsonPadding;
    if (buffer->capacity() < needed)
        buffer->reserve(std::max(needed, buffer->capacity() * 2));
    buffer->resize(old + qsizetype(available));
    const qint64 got = reply->read(buffer->data() + old, available);
    buffer->resize(old + qsizetype(std::max<qint64>(got, 0)));
}

} // namespace

QByteArray contentTypeOf(PatchType type)
{
    switch (type) {
    case PatchType::Merge:
        return "application/merge-patch+json";
    case PatchType::Strategic:
        return "application/strategic-merge-patch+json";
    case PatchType::Json:
        return "application/json-patch+json";
    }
    return {};
}

QString resourcePath(const ResourceKind &kind, const QString &ns, const QString &name,
                     const QString &subresource)
{
    QString path = kind.group.isEmpty() ? QString(QLatin1String("/api/") + kind.version)
                                        : QString(QLatin1String("/apis/") + kind.group + u'/' + kind.version);
    if (kind.namespaced && !ns.isEmpty())
        path += QLatin1String("/namespaces/") + QString::fromLatin1(QUrl::toPercentEncoding(ns));
    path += u'/' + kind.plural;
    if (!name.isEmpty())
        path += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(name));
    if (!subresource.isEmpty())
        path += u'/' + subresource;
    return path;
}

// One logical request: its attempts (credential, retries, re-login) and its
// reply. Lives in the client's thread; deletes itself when done.
class Exchange : public QObject
{
public:
    Exchange(KubeClient *client, const ApiRequest &request, QObject *context, ResultHandler done,
             KubeStream *stream)
        : QObject(client)
        , m_client(client)
        , m_request(request)
        , m_context(context)
        , m_done(std::move(done))
        , m_stream(stream)
    {
        m_retryTimer.setSingleShot(true);
        connect(&m_retryTimer, &QTimer::timeout, this, &Exchange::start);
    }

    ~Exchange() override { dropReply(); }

    void start()
    {
        if (m_cancelled)
            return;
        if (const auto c = m_client->access()->currentCredential()) {
            sendWith(*c);
            return;
        }
        m_client->access()->requestCredential(
            this, [this](const std::optional<Credential> &c, const QString &error) {
                if (m_cancelled)
                    return;
                if (!c) {
                    finish({statusFromCredentialError(error), {}});
                    return;
                }
                sendWith(*c);
            });
    }

    void cancel()
    {
        m_cancelled = true;
        m_retryTimer.stop();
        dropReply();
        deleteLater();
    }

private:
    void dropReply()
    {
        if (!m_reply)
            return;
        QNetworkReply *reply = m_reply.data();
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }

    void sendWith(const Credential &credential)
    {
        const auto access = m_client->access();
        QNetworkRequest r(access->url(m_request.path, m_request.query));
        r.setSslConfiguration(credential.ssl);
        if (!access->tlsServerName().isEmpty())
            r.setPeerVerifyName(access->tlsServerName());
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        r.setRawHeader("Accept", m_request.accept);
        r.setRawHeader("User-Agent", "courseops/" COURSEOPS_VERSION);
        if (!credential.authorization.isEmpty())
            r.setRawHeader("Authorization", credential.authorization);
        if (!m_request.contentType.isEmpty())
            r.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
        r.setTransferTimeout(m_request.idleTimeoutMs);
        m_generation = credential.generation;
        m_sslErrors.clear();
        m_body.clear();
        m_httpStatus = 0;
        qCDebug(lcKubeHttp).noquote()
            << m_request.verb << r.url().path() << r.url().query()
            << (m_attempt ? QStringLiteral("(attempt %1)").arg(m_attempt + 1) : QString());

        QNetworkAccessManager *network = m_streamNetwork;
        if (!network) {
            network = m_client->networkFor(m_stream != nullptr);
            if (m_stream) {
                // Each stream gets its own connection pool: QNetworkAccessManager opens at most
                // six connections per host, and long watches would starve every other request.
                m_streamNetwork = network;
                m_streamNetwork->setParent(this);
            }
        }
        if (m_request.body.isEmpty() && m_request.verb == "GET")
            m_reply = network->get(r);
        else
            m_reply = network->sendCustomRequest(r, m_request.verb, m_request.body);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, &Exchange::onMetaData);
        connect(m_reply, &QNetworkReply::readyRead, this, &Exchange::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &Exchange::onFinished);
        connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            m_sslErrors += errors; // not ignored: the reply fails, and the message names the problem
        });
    }

    void onMetaData()
    {
        m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_stream && m_httpStatus >= 200 && m_httpStatus < 300 && !m_stream->m_open) {
            m_stream->m_open = true;
            if (m_reply->header(QNetworkRequest::ContentLengthHeader).isNull())
                m_reply->setReadBufferSize(4 << 20); // a slow reader holds the server back, not our memory
            Q_EMIT m_stream->opened();
        }
    }

    void onReadyRead()
    {
        if (m_stream && m_stream->m_open) {
            QPointer<KubeStream> stream = m_stream;
            const QByteArray chunk = m_reply->readAll();
            if (!chunk.isEmpty())
                Q_EMIT stream->data(chunk);
            return;
        }
        readInto(&m_body, m_reply);
    }

    void onFinished()
    {
        QNetworkReply *reply = m_reply;
        if (!reply)
            return;
        if (!(m_stream && m_stream->m_open))
            readInto(&m_body, reply);
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        const QString errorString = reply->errorString();
        const int retryAfter = retryAfterOf(reply);
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->deleteLater();

        const auto access = m_client->access();
        const bool streamWasOpen = m_stream && m_stream->m_open;
        if (streamWasOpen) {
            // Headers were 2xx: what remains is how the stream ended.
            ApiStatus s = ApiStatus::ok(m_httpStatus);
            if (error != QNetworkReply::NoError)
                s = statusFromNetworkError(error, errorString, access->server());
            finish({s, {}});
            return;
        }

        if (m_httpStatus == 0) {
            if (!m_sslErrors.isEmpty()) {
                finish({statusFromSslErrors(m_sslErrors, access->server(), access->tlsServerName()), {}});
                return;
            }
            // A reset or closed connection before any answer: GETs are safe to repeat (client-go does).
            const bool reset = error == QNetworkReply::RemoteHostClosedError ||
                               error == QNetworkReply::TemporaryNetworkFailureError;
            if (reset && m_request.verb == "GET" && m_attempt < kMaxRetries) {
                retryAfterSeconds(1);
                return;
            }
            finish({statusFromNetworkError(error, errorString, access->server()), {}});
            return;
        }
        if (m_httpStatus >= 200 && m_httpStatus < 300) {
            finish({ApiStatus::ok(m_httpStatus), m_body});
            return;
        }
        if (m_httpStatus == 401 && access->canRefresh() && !m_refreshed) {
            m_refreshed = true;
            ++m_client->m_retries;
            access->rejectCredential(m_generation);
            start();
            return;
        }
        if ((m_httpStatus == 429 || m_httpStatus >= 500) && retryAfter >= 0 && m_attempt < kMaxRetries) {
            retryAfterSeconds(retryAfter);
            return;
        }
        if (m_httpStatus == 401)
            access->rejectCredential(m_generation); // a tokenFile is read again for the next request
        ApiStatus s =
            statusFromHttp(m_httpStatus, m_body, retryAfter, describeRequest(m_request.verb, m_request.path));
        if (m_httpStatus == 401)
            s.message =
                QStringLiteral("Cluster refused the token (401 Unauthorized). Log in again or pick another "
                               "context.");
        finish({s, m_body});
    }

    void retryAfterSeconds(int seconds)
    {
        ++m_attempt;
        ++m_client->m_retries;
        qCDebug(lcKubeHttp).noquote()
            << "retrying" << m_request.verb << m_request.path << "in" << seconds << "s";
        m_retryTimer.start(seconds * 1000);
    }

    void finish(const ApiResult &result)
    {
        if (m_stream) {
            QPointer<KubeStream> stream = m_stream;
            m_stream->m_exchange = nullptr;
            m_stream = nullptr;
            deleteLater();
            if (stream)
                Q_EMIT stream->finished(result.status);
            return;
        }
        if (m_context) {
            ResultHandler done = std::move(m_done);
            QMetaObject::invokeMethod(
                m_context, [done, result] { done(result); }, Qt::QueuedConnection);
        }
        deleteLater();
    }

    KubeClient *m_client;
    ApiRequest m_request;
    QPointer<QObject> m_context;
    ResultHandler m_done;
    QPointer<KubeStream> m_stream;
    QNetworkAccessManager *m_streamNetwork = nullptr;
    QPointer<QNetworkReply> m_reply; // the network manager may go first when the client is destroyed
    QList<QSslError> m_sslErrors;
    QByteArray m_body;
    QTimer m_retryTimer;
    quint64 m_generation = 0;
    int m_attempt = 0;
    int m_httpStatus = 0;
    bool m_refreshed = false;
    bool m_cancelled = false;
};

KubeClient::KubeClient(std::shared_ptr<ClusterAccess> access, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
{}

KubeClient::~KubeClient() = default;

QNetworkAccessManager *KubeClient::networkFor(bool stream)
{
    auto make = [this](QObject *parent) {
        auto *network = new QNetworkAccessManager(parent);
        network->setAutoDeleteReplies(false);
        network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        if (const auto proxy = m_access->proxy())
            network->setProxy(*proxy);
        else
            network->setProxy(QNetworkProxy::NoProxy);
        return network;
    };
    if (stream)
        return make(nullptr);
    if (!m_network)
        m_network = make(this);
    return m_network;
}

void KubeClient::send(const ApiRequest &request, QObject *context, ResultHandler done)
{
    if (QThread::currentThread() != thread()) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [this, request, guard, done = std::move(done)]() mutable {
                if (guard)
                    send(request, guard, std::move(done));
            },
            Qt::QueuedConnection);
        return;
    }
    auto *exchange = new Exchange(this, request, context, std::move(done), nullptr);
    exchange->start();
}

void KubeClient::get(const QString &path, QObject *context, ResultHandler done, const QUrlQuery &query)
{
    ApiRequest r;
    r.path = path;
    r.query = query;
    send(r, context, std::move(done));
}

void KubeClient::create(const QString &collectionPath, const QByteArray &json, QObject *context,
                        ResultHandler done, const QUrlQuery &query)
{
    ApiRequest r;
    r.verb = "POST";
    r.path = collectionPath;
    r.query = query;
    r.body = json;
    r.contentType = "application/json";
    send(r, context, std::move(done));
}

void KubeClient::update(const QString &path, const QByteArray &json, QObject *context, ResultHandler done,
                        const QUrlQuery &query)
{
    ApiRequest r;
    r.verb = "PUT";
    r.path = path;
    r.query = query;
    r.body = json;
    r.contentType = "application/json";
    send(r, context, std::move(done));
}

void KubeClient::patch(const QString &path, PatchType type, const QByteArray &patch, QObject *context,
                       ResultHandler done, const QUrlQuery &query)
{
    ApiRequest r;
    r.verb = "PATCH";
    r.path = path;
    r.query = query;
    r.body = patch;
    r.contentType = contentTypeOf(type);
    send(r, context, std::move(done));
}

void KubeClient::remove(const QString &path, QObject *context, ResultHandler done,
                        const QByteArray &deleteOptions)
{
    ApiRequest r;
    r.verb = "DELETE";
    r.path = path;
    r.body = deleteOptions;
    if (!deleteOptions.isEmpty())
        r.contentType = "application/json";
    send(r, context, std::move(done));
}

ApiResult KubeClient::sendAndWait(const ApiRequest &request)
{
    QEventLoop loop;
    ApiResult result;
    send(request, &loop, [&](const ApiResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

KubeStream *KubeClient::openStream(const ApiRequest &request, QObject *parent)
{
    Q_ASSERT(QThread::currentThread() == thread());
    auto *stream = new KubeStream(parent);
    auto *exchange = new Exchange(this, request, nullptr, {}, stream);
    stream->m_exchange = exchange;
    exchange->start();
    return stream;
}

KubeStream::KubeStream(QObject *parent)
    : QObject(parent)
{}

KubeStream::~KubeStream()
{
    abort();
}

void KubeStream::abort()
{
    if (auto *exchange = static_cast<Exchange *>(m_exchange.data())) {
        m_exchange = nullptr;
        exchange->cancel();
    }
}

} // namespace kube
