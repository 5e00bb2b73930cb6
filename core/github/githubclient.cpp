#include "github/githubclient.h"

#include "github/githubjson.h"
#include "github/githublog.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace github {

namespace {

bool isWrite(const QByteArray &verb)
{
    return verb != "GET" && verb != "HEAD";
}

bool loadCa(const QString &path, GithubConfig *config, QString *error)
{
    if (path.isEmpty())
        return true;
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error =
                QStringLiteral("Cannot read a PEM CA certificate from %1 (COURSEOPS_GITHUB_CA). Check the "
                               "path, or unset it to trust the system's authorities only.")
                    .arg(path);
        return false;
    }
    config->caCertificates = certs;
    return true;
}

bool applyApiUrl(const QString &value, GithubConfig *config, QString *error)
{
    if (value.isEmpty())
        return true;
    const QUrl url(value);
    if (!url.isValid() || url.scheme() != QLatin1String("https")) {
        if (error)
            *error =
                QStringLiteral("COURSEOPS_GITHUB_API is not an https URL: \"%1\". Set it to the API address, "
                               "e.g. https://api.github.com.")
                    .arg(value);
        return false;
    }
    config->apiUrl = url;
    // github.com serves the API on its own host; Enterprise and the sandbox on the web host.
    config->webUrl = url.host() == QLatin1String("api.github.com")
                         ? QUrl(QStringLiteral("https://github.com"))
                         : QUrl(url.toString(QUrl::RemovePath));
    return true;
}

} // namespace

bool GithubConfig::fromEnvironment(GithubConfig *config, QByteArray *token, QString *error)
{
    if (!applyApiUrl(qEnvironmentVariable("COURSEOPS_GITHUB_API"), config, error))
        return false;
    if (token && qEnvironmentVariableIsSet("COURSEOPS_GITHUB_TOKEN"))
        *token = qgetenv("COURSEOPS_GITHUB_TOKEN").trimmed();
    return loadCa(qEnvironmentVariable("COURSEOPS_GITHUB_CA"), config, error);
}

bool GithubConfig::readEnvFile(const QString &path, GithubConfig *config, QByteArray *token, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot read the GitHub settings in %1 (%2). Check the path.")
                         .arg(path, f.errorString());
        return false;
    }
    QString api;
    QString ca;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = line.left(eq).trimmed();
        const QByteArray value = line.mid(eq + 1).trimmed();
        if (key == "COURSEOPS_GITHUB_API")
            api = QString::fromUtf8(value);
        else if (key == "COURSEOPS_GITHUB_CA")
            ca = QString::fromUtf8(value);
        else if (key == "COURSEOPS_GITHUB_TOKEN" && token)
            *token = value;
    }
    return applyApiUrl(api, config, error) && loadCa(ca, config, error);
}

// One logical request: waits for the governor, sends, retries, delivers. Lives
// in the client's thread; deletes itself when done.
class GithubExchange : public QObject
{
public:
    GithubExchange(GithubClient *client, const GithubRequest &request, QObject *context, ReplyHandler done)
        : QObject(client)
        , m_client(client)
        , m_request(request)
        , m_context(context)
        , m_done(std::move(done))
    {
        m_write = isWrite(m_request.verb);
        m_contentCreating = m_request.contentCreating.value_or(m_write);
        m_idempotent = m_request.idempotent.value_or(m_request.verb == "GET" || m_request.verb == "HEAD" ||
                                                     m_request.verb == "PUT" || m_request.verb == "DELETE");
        m_retryTimer.setSingleShot(true);
        connect(&m_retryTimer, &QTimer::timeout, this, [this] {
            m_client->m_waiting.append(this);
            m_client->pump();
        });
    }

    ~GithubExchange() override
    {
        if (m_reply) {
            QNetworkReply *reply = m_reply.data();
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
        }
    }

    bool write() const { return m_write; }
    bool contentCreating() const { return m_contentCreating; }

    void fire()
    {
        const QUrl url = m_client->urlFor(m_request);
        m_cacheKey = url.toString(QUrl::FullyEncoded);
        QNetworkRequest r(url);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_client->m_config.caCertificates.isEmpty())
            ssl.addCaCertificates(m_client->m_config.caCertificates);
        r.setSslConfiguration(ssl);
        r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        r.setRawHeader("Accept", m_request.accept);
        r.setRawHeader("User-Agent", "courseops/" COURSEOPS_VERSION);
        if (!m_request.web)
            r.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        if (m_request.authorize && !m_client->m_token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + m_client->m_token);
        if (!m_request.body.isEmpty())
            r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (m_request.verb == "GET") {
            const auto it = m_client->m_cache.constFind(m_cacheKey);
            if (it != m_client->m_cache.cend())
                r.setRawHeader("If-None-Match", it->etag);
        }
        r.setTransferTimeout(120000);
        ++m_attempt;
        ++m_client->m_stats.requests;
        m_client->m_stats.maxInFlight =
            std::max(m_client->m_stats.maxInFlight, m_client->m_governor.inFlight());
        m_sslErrors.clear();
        qCDebug(lcGithubHttp).noquote()
            << m_request.verb << url.path()
            << (m_attempt > 1 ? QStringLiteral("(attempt %1)").arg(m_attempt) : QString());
        QNetworkAccessManager *network = m_client->network();
        if (m_request.verb == "GET" && m_request.body.isEmpty())
            m_reply = network->get(r);
        else
            m_reply = network->sendCustomRequest(r, m_request.verb, m_request.body);
        connect(m_reply, &QNetworkReply::finished, this, &GithubExchange::onFinished);
        connect(m_reply, &QNetworkReply::sslErrors, this,
                [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    }

    void cancel()
    {
        finish(GithubReply{GithubError::make(GithubError::Kind::Canceled,
                                             QStringLiteral("The GitHub request was canceled.")),
                           0,
                           {},
                           {},
                           false});
    }

private:
    void onFinished()
    {
        QNetworkReply *reply = m_reply;
        if (!reply)
            return;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->deleteLater();
        m_client->m_governor.finished(m_write);

        GithubReply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            out.headers.insert(name.toLower(), value);
        m_client->noteHeaders(out.headers);
        const QNetworkReply::NetworkError netError = reply->error();
        const QString errorString = reply->errorString();

        if (out.status == 0) {
            if (!m_sslErrors.isEmpty()) {
                out.error = errorFromSsl(m_sslErrors, reply->url());
                finish(out);
                return;
            }
            const bool transient = netError == QNetworkReply::RemoteHostClosedError ||
                                   netError == QNetworkReply::TemporaryNetworkFailureError ||
                                   netError == QNetworkReply::TimeoutError ||
                                   netError == QNetworkReply::UnknownNetworkError;
            if (transient && m_idempotent && retryAfterMs(backoffMs()))
                return;
            out.error = errorFromNetwork(netError, errorString, reply->url());
            finish(out);
            return;
        }
        if (out.status == 304) {
            const auto it = m_client->m_cache.find(m_cacheKey);
            if (it != m_client->m_cache.end()) {
                ++m_client->m_stats.notModified;
                it->age = ++m_client->m_cacheClock;
                out.status = 200;
                out.body = it->body;
                Headers merged = it->headers;
                for (auto h = out.headers.cbegin(); h != out.headers.cend(); ++h)
                    merged.insert(h.key(), h.value());
                out.headers = merged;
                out.fromCache = true;
                finish(out);
                return;
            }
        }
        if (out.status >= 200 && out.status < 300) {
            if (m_request.verb == "GET" && out.headers.contains("etag"))
                m_client->remember(m_cacheKey, out.headers.value("etag"), out.body, out.headers);
            finish(out);
            return;
        }
        if (isRateLimitAnswer(out.status, out.headers, out.body)) {
            ++m_client->m_stats.rateLimited;
            const qint64 now = m_client->m_governor.now();
            bool ok = false;
            const int retryAfter = out.headers.value("retry-after").trimmed().toInt(&ok);
            qint64 wait = 0;
            if (ok && retryAfter >= 0)
                wait = qint64(retryAfter) * 1000;
            else if (out.headers.value("x-ratelimit-remaining") == "0")
                wait = std::max<qint64>(0, out.headers.value("x-ratelimit-reset").toLongLong() * 1000 + 1000 -
                                               now);
            else
                wait = std::max<qint64>(m_client->m_retry.secondaryDefaultMs, backoffMs());
            if (m_attempt > 1)
                wait = std::max(wait, backoffMs()); // repeated: back off further
            qCInfo(lcGithubHttp).noquote()
                << "rate limited:" << m_request.verb << m_request.path << "waiting" << wait << "ms";
            // GitHub asks for no requests at all until then, not just no repeat of this one.
            m_client->m_governor.holdUntil(now + wait, false);
            if (retryAfterMs(wait))
                return;
        } else if (out.status >= 500 && m_idempotent && retryAfterMs(backoffMs())) {
            return;
        }
        out.error = errorFromHttp(out.status, out.headers, out.body, m_request.what, m_request.repository);
        finish(out);
    }

    qint64 backoffMs() const
    {
        const auto &p = m_client->m_retry;
        const double base =
            std::min<double>(p.capMs, p.initialMs * std::pow(2.0, std::max(0, m_attempt - 1)));
        return qint64(base * (1.0 + QRandomGenerator::global()->generateDouble()));
    }

    bool retryAfterMs(qint64 ms)
    {
        if (m_attempt >= m_client->m_config.maxAttempts)
            return false;
        ++m_client->m_stats.retries;
        qCDebug(lcGithubHttp).noquote()
            << "retrying" << m_request.verb << m_request.path << "in" << ms << "ms";
        m_retryTimer.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
        m_client->pump();
        return true;
    }

    void finish(const GithubReply &reply)
    {
        m_client->m_waiting.removeAll(QPointer<QObject>(this));
        if (m_context) {
            ReplyHandler done = std::move(m_done);
            QMetaObject::invokeMethod(
                m_context, [done, reply] { done(reply); }, Qt::QueuedConnection);
        }
        deleteLater();
        m_client->pump();
    }

    GithubClient *m_client;
    GithubRequest m_request;
    QPointer<QObject> m_context;
    ReplyHandler m_done;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QString m_cacheKey;
    QTimer m_retryTimer;
    int m_attempt = 0;
    bool m_write = false;
    bool m_contentCreating = false;
    bool m_idempotent = false;
};

GithubClient::GithubClient(const GithubConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_governor(config.limits)
{
    m_pumpTimer = new QTimer(this);
    m_pumpTimer->setSingleShot(true);
    m_pumpTimer->setTimerType(Qt::PreciseTimer);
    connect(m_pumpTimer, &QTimer::timeout, this, &GithubClient::pump);
}

GithubClient::~GithubClient()
{
    // Exchanges are children; they go with us, their replies aborted.
    m_waiting.clear();
}

void GithubClient::setToken(const QByteArray &token)
{
    if (token != m_token)
        m_cache.clear();
    m_token = token;
}

QNetworkAccessManager *GithubClient::network()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setAutoDeleteReplies(false);
        m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return m_network;
}

QUrl GithubClient::urlFor(const GithubRequest &request) const
{
    if (request.path.startsWith(QLatin1String("https://")) ||
        request.path.startsWith(QLatin1String("http://")))
        return QUrl(request.path); // a Link header's next page, query included
    QUrl url = request.web ? m_config.webUrl : m_config.apiUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + request.path, QUrl::TolerantMode);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

void GithubClient::send(const GithubRequest &request, QObject *context, ReplyHandler done)
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
    auto *exchange = new GithubExchange(this, request, context, std::move(done));
    m_waiting.append(exchange);
    pump();
}

void GithubClient::pump()
{
    qint64 soonest = -1;
    bool writeBlocked = false;
    for (qsizetype i = 0; i < m_waiting.size();) {
        auto *exchange = static_cast<GithubExchange *>(m_waiting.at(i).data());
        if (!exchange) {
            m_waiting.removeAt(i);
            continue;
        }
        if (exchange->write() && writeBlocked) { // writes keep their order
            ++i;
            continue;
        }
        const qint64 wait = m_governor.waitBefore(exchange->write(), exchange->contentCreating());
        if (wait != 0) {
            if (wait > 0)
                soonest = soonest < 0 ? wait : std::min(soonest, wait);
            if (exchange->write())
                writeBlocked = true;
            ++i;
            continue;
        }
        m_waiting.removeAt(i);
        m_governor.started(exchange->write(), exchange->contentCreating());
        exchange->fire();
    }
    if (soonest >= 0 && (!m_pumpTimer->isActive() || m_pumpTimer->remainingTime() > soonest))
        m_pumpTimer->start(int(std::min<qint64>(soonest, std::numeric_limits<int>::max())));
}

void GithubClient::noteHeaders(const Headers &headers)
{
    const auto it = headers.constFind("x-ratelimit-remaining");
    if (it == headers.cend())
        return;
    bool ok = false;
    const int remaining = it->toInt(&ok);
    if (!ok)
        return;
    m_stats.primaryRemaining = remaining;
    m_governor.notePrimary(remaining, headers.value("x-ratelimit-reset").toLongLong());
}

void GithubClient::remember(const QString &key, const QByteArray &etag, const QByteArray &body,
                            const Headers &headers)
{
    if (m_config.etagCacheSize <= 0)
        return;
    if (m_cache.size() >= m_config.etagCacheSize && !m_cache.contains(key)) {
        // Drop the least recently used quarter in one go.
        QList<quint64> ages;
        ages.reserve(m_cache.size());
        for (const CacheEntry &e : std::as_const(m_cache))
            ages.append(e.age);
        std::sort(ages.begin(), ages.end());
        const quint64 cut = ages.at(ages.size() / 4);
        m_cache.removeIf([cut](const auto &it) { return it.value().age <= cut; });
    }
    m_cache.insert(key, CacheEntry{etag, body, headers, ++m_cacheClock});
}

GithubStats GithubClient::stats() const
{
    return m_stats;
}

void GithubClient::get(const QString &path, QObject *context, ReplyHandler done, const QUrlQuery &query)
{
    GithubRequest r;
    r.path = path;
    r.query = query;
    send(r, context, std::move(done));
}

namespace {

struct PageState
{
    QPointer<QObject> context;
    std::function<void(const GithubError &, const QList<QByteArray> &)> done;
    QList<QByteArray> pages;
};

void fetchPage(GithubClient *client, const std::shared_ptr<PageState> &state, const GithubRequest &request)
{
    client->send(request, client, [client, state](const GithubReply &reply) {
        const auto deliver = [state](const GithubError &error) {
            if (!state->context)
                return;
            QMetaObject::invokeMethod(
                state->context, [done = state->done, error, pages = state->pages] { done(error, pages); },
                Qt::QueuedConnection);
        };
        if (!reply.ok()) {
            deliver(reply.error);
            return;
        }
        state->pages.append(reply.body);
        const QString nextUrl = linkTarget(reply.headers.value("link"));
        if (nextUrl.isEmpty() || !state->context) {
            deliver(GithubError::ok());
            return;
        }
        GithubRequest next;
        next.path = nextUrl;
        fetchPage(client, state, next);
    });
}

} // namespace

void GithubClient::getAllPages(const QString &path, const QUrlQuery &query, QObject *context,
                               std::function<void(const GithubError &, const QList<QByteArray> &)> done)
{
    auto state = std::make_shared<PageState>();
    state->context = context;
    state->done = std::move(done);
    GithubRequest first;
    first.path = path;
    first.query = query;
    if (!first.query.hasQueryItem(QStringLiteral("per_page")))
        first.query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    fetchPage(this, state, first);
}

GithubReply GithubClient::sendAndWait(const GithubRequest &request)
{
    QEventLoop loop;
    GithubReply result;
    QObject receiver;
    send(request, &receiver, [&](const GithubReply &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace github
