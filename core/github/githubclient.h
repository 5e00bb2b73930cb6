#pragma once

#include "github/githuberror.h"
#include "github/rategovernor.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace github {

// Where GitHub is and how to reach it.
struct GithubConfig
{
    QUrl apiUrl{QStringLiteral("https://api.github.com")};
    QUrl webUrl{QStringLiteral("https://github.com")}; // the device flow lives here
    QList<QSslCertificate> caCertificates;             // added to the system's (Enterprise, sandbox)
    GovernorLimits limits;
    int maxAttempts = 8;      // per request, for retries after 5xx, resets and rate limits
    int etagCacheSize = 4096; // GET answers kept for If-None-Match

    // COURSEOPS_GITHUB_API (the web host is the same for the sandbox and Enterprise),
    // COURSEOPS_GITHUB_CA; the token in *token when COURSEOPS_GITHUB_TOKEN is set.
    // A file in the format `courseops-sandbox --write-github-env` writes can be read
    // with readEnvFile. False with *error when the CA cannot be read.
    static bool fromEnvironment(GithubConfig *config, QByteArray *token, QString *error);
    static bool readEnvFile(const QString &path, GithubConfig *config, QByteArray *token, QString *error);
};

struct GithubRequest
{
    QByteArray verb = "GET";
    QString path; // "/repos/o/r/git/trees/abc", or a full URL (Link pagination)
    QUrlQuery query;
    QByteArray body; // JSON
    QByteArray accept = "application/vnd.github+json";
    bool web = false;      // the web host (device flow) instead of the API
    bool authorize = true; // send the token
    // Safe to send again after a 5xx or a dropped connection. GET/HEAD/PUT/DELETE
    // are; a POST that creates content-addressed objects (blobs, trees) is too.
    std::optional<bool> idempotent;
    // Counted against the content-creation limits; default: POST/PATCH/PUT/DELETE.
    std::optional<bool> contentCreating;
    QString what;       // for messages: "create repository webapps101/alice"
    QString repository; // owner/name, for a 404's message
};

struct GithubReply
{
    GithubError error;
    int status = 0;
    QByteArray body;
    Headers headers;
    bool fromCache = false; // a 304: the body is the cached one
    bool ok() const { return error.isOk(); }
};

using ReplyHandler = std::function<void(const GithubReply &)>;

// Counters for tests and the status bar.
struct GithubStats
{
    int requests = 0;          // sent over the network, retries included
    int notModified = 0;       // 304 answers served from the cache
    int rateLimited = 0;       // 403/429 rate-limit answers received
    int retries = 0;           // attempts repeated (5xx, reset, rate limit)
    int maxInFlight = 0;       // the most requests in flight at once
    int primaryRemaining = -1; // last x-ratelimit-remaining seen
};

// The REST client for one account on one GitHub (github.com, Enterprise, the
// sandbox), on QNetworkAccessManager.
//
// It lives in the thread that created it; send() may be called from any thread
// and `done` runs in `context`'s thread, from its event loop, and not at all
// once `context` is gone. Every request goes through the RateGovernor: at most
// `limits.maxConcurrent` in flight, writes one at a time and spaced so the
// secondary limits are never hit, everything held while the primary limit is
// used up. A 403/429 rate-limit answer waits for retry-after (or the reset, or
// a minute) and repeats with exponential backoff; a 5xx or a reset connection
// is repeated with backoff when the request is idempotent. GET answers are
// cached by ETag, so a repeated GET that comes back 304 costs no quota.
class GithubClient : public QObject
{
    Q_OBJECT

public:
    explicit GithubClient(const GithubConfig &config, QObject *parent = nullptr);
    ~GithubClient() override;

    const GithubConfig &config() const { return m_config; }
    // Never logged. Changing it empties the ETag cache.
    void setToken(const QByteArray &token);
    bool hasToken() const { return !m_token.isEmpty(); }

    void send(const GithubRequest &request, QObject *context, ReplyHandler done);
    void get(const QString &path, QObject *context, ReplyHandler done, const QUrlQuery &query = {});
    // Follows Link rel="next" from `path` (per_page=100 unless given) and hands
    // over every page's body, in order; stops at the first error.
    void getAllPages(const QString &path, const QUrlQuery &query, QObject *context,
                     std::function<void(const GithubError &, const QList<QByteArray> &pages)> done);

    // For command-line tools and tests, never on a GUI thread.
    GithubReply sendAndWait(const GithubRequest &request);

    GithubStats stats() const;
    RateGovernor &governor() { return m_governor; }
    QUrl urlFor(const GithubRequest &request) const;

    // Waits between attempts: first retry after `initialMs`, doubling to `capMs`,
    // each with up to 100 % jitter; a rate limit without retry-after or reset
    // waits `secondaryDefaultMs` (GitHub: "at least a minute"). Tests shorten them.
    struct RetryPolicy
    {
        int initialMs = 1000;
        int capMs = 60000;
        int secondaryDefaultMs = 60000;
    };
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }

private:
    friend class GithubExchange;
    struct CacheEntry
    {
        QByteArray etag;
        QByteArray body;
        Headers headers;
        quint64 age = 0;
    };
    QNetworkAccessManager *network();
    void pump();
    void noteHeaders(const Headers &headers);
    void remember(const QString &key, const QByteArray &etag, const QByteArray &body, const Headers &headers);

    GithubConfig m_config;
    QByteArray m_token;
    QNetworkAccessManager *m_network = nullptr;
    RateGovernor m_governor;
    RetryPolicy m_retry;
    QList<QPointer<QObject>> m_waiting; // exchanges waiting for the governor, in order
    QHash<QString, CacheEntry> m_cache;
    quint64 m_cacheClock = 0;
    GithubStats m_stats;
    QTimer *m_pumpTimer = nullptr;
};

} // namespace github
