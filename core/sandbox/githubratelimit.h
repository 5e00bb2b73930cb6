#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <deque>

namespace sandbox {

// GitHub's published REST limits; tests scale counts and windows down.
struct GithubLimits
{
    int primaryPerHour = 5000;       // per user token
    int unauthenticatedPerHour = 60; // per client address
    qint64 primaryWindowMs = 3600 * 1000;
    int contentPerMinute = 80; // content-creating requests per user
    int contentPerHour = 500;
    int maxConcurrent = 100;   // requests in flight per user
    int pointsPerMinute = 900; // per user and endpoint: GET 1 point, writes 5
    qint64 minuteMs = 60 * 1000;
    qint64 hourMs = 3600 * 1000;
    int concurrencyRetryAfterSeconds = 60; // no window to point at: "wait at least a minute"

    // "content-per-minute=80,content-per-hour=500,minute=1s,hour=10s,points-per-minute=900,
    // concurrent=100,primary-per-hour=5000,primary-window=1h" (any subset; durations in
    // ms, s, m or h) over the defaults; for tests that scale the limits. Sets *error when bad.
    static GithubLimits parse(const QString &spec, QString *error);
};

// The server side of GitHub's rate limits: a fixed primary window per identity
// (reset at a known epoch second, as x-ratelimit-reset says) and sliding
// secondary windows. Identities are "user:<login>" or "ip:<address>".
class GithubRateLimiter
{
public:
    struct Primary
    {
        int limit = 0;
        int remaining = 0;
        int used = 0;
        qint64 resetEpochSeconds = 0;
    };

    struct Verdict
    {
        bool allowed = true;
        int status = 200; // 403 or 429 when refused
        int retryAfterSeconds = 0;
        QString reason; // for the log: which limit
    };

    void setLimits(const GithubLimits &limits) { m_limits = limits; }
    const GithubLimits &limits() const { return m_limits; }

    Primary primary(const QString &identity, bool authenticated, qint64 nowMs);
    void chargePrimary(const QString &identity, bool authenticated, qint64 nowMs);

    // Checks and, when allowed, records one request against the secondary limits.
    Verdict admitSecondary(const QString &identity, const QString &endpoint, bool mutating,
                           bool contentCreating, qint64 nowMs);

    bool acquireSlot(const QString &identity);
    void releaseSlot(const QString &identity);
    int inFlight(const QString &identity) const { return m_inFlight.value(identity); }

    // For GET /rate_limit and tests: the primary state without touching it.
    Primary peekPrimary(const QString &identity, bool authenticated, qint64 nowMs) const;

private:
    struct Window
    {
        qint64 startMs = -1;
        int used = 0;
    };
    struct Points
    {
        std::deque<std::pair<qint64, int>> entries;
        int total = 0;
    };

    static void expire(std::deque<qint64> &times, qint64 windowMs, qint64 nowMs);
    static int retryAfter(qint64 oldestMs, qint64 windowMs, qint64 nowMs);

    GithubLimits m_limits;
    QHash<QString, Window> m_primary;
    QHash<QString, std::deque<qint64>> m_contentMinute;
    QHash<QString, std::deque<qint64>> m_contentHour;
    QHash<QString, Points> m_points; // identity + '\n' + endpoint
    QHash<QString, int> m_inFlight;
};

} // namespace sandbox
