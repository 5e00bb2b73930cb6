#include "sandbox/githubratelimit.h"

#include <algorithm>

namespace sandbox {

namespace {

constexpr int kReadPoints = 1;
constexpr int kWritePoints = 5;

} // namespace

GithubRateLimiter::Primary GithubRateLimiter::peekPrimary(const QString &identity, bool authenticated,
                                                          qint64 nowMs) const
{
    Primary p;
    p.limit = authenticated ? m_limits.primaryPerHour : m_limits.unauthenticatedPerHour;
    const Window w = m_primary.value(identity);
    if (w.startMs < 0 || nowMs >= w.startMs + m_limits.primaryWindowMs) {
        // A fresh window starts with the next request; until then the reset is an hour out.
        p.remaining = p.limit;
        p.resetEpochSeconds = (nowMs + m_limits.primaryWindowMs + 999) / 1000;
        return p;
    }
    p.used = w.used;
    p.remaining = std::max(0, p.limit - w.used);
    p.resetEpochSeconds = (w.startMs + m_limits.primaryWindowMs + 999) / 1000;
    return p;
}

GithubRateLimiter::Primary GithubRateLimiter::primary(const QString &identity, bool authenticated,
                                                      qint64 nowMs)
{
    Window &w = m_primary[identity];
    if (w.startMs < 0 || nowMs >= w.startMs + m_limits.primaryWindowMs)
        w = Window{nowMs, 0};
    return peekPrimary(identity, authenticated, nowMs);
}

void GithubRateLimiter::chargePrimary(const QString &identity, bool authenticated, qint64 nowMs)
{
    primary(identity, authenticated, nowMs);
    ++m_primary[identity].used;
}

void GithubRateLimiter::expire(std::deque<qint64> &times, qint64 windowMs, qint64 nowMs)
{
    while (!times.empty() && times.front() + windowMs <= nowMs)
        times.pop_front();
}

int GithubRateLimiter::retryAfter(qint64 oldestMs, qint64 windowMs, qint64 nowMs)
{
    const qint64 waitMs = oldestMs + windowMs - nowMs;
    return int(std::max<qint64>(1, (waitMs + 999) / 1000));
}

GithubRateLimiter::Verdict GithubRateLimiter::admitSecondary(const QString &identity, const QString &endpoint,
                                                             bool mutating, bool contentCreating,
                                                             qint64 nowMs)
{
    Verdict v;
    const int cost = mutating ? kWritePoints : kReadPoints;
    Points &points = m_points[QString(identity % u'\n' % endpoint)];
    while (!points.entries.empty() && points.entries.front().first + m_limits.minuteMs <= nowMs) {
        points.total -= points.entries.front().second;
        points.entries.pop_front();
    }
    if (points.total + cost > m_limits.pointsPerMinute) {
        v.allowed = false;
        v.status = 403;
        v.retryAfterSeconds =
            points.entries.empty() ? 1 : retryAfter(points.entries.front().first, m_limits.minuteMs, nowMs);
        v.reason = QStringLiteral("%1 points per minute on %2").arg(m_limits.pointsPerMinute).arg(endpoint);
        return v;
    }
    if (contentCreating) {
        std::deque<qint64> &minute = m_contentMinute[identity];
        std::deque<qint64> &hour = m_contentHour[identity];
        expire(minute, m_limits.minuteMs, nowMs);
        expire(hour, m_limits.hourMs, nowMs);
        if (int(minute.size()) >= m_limits.contentPerMinute) {
            v.allowed = false;
            v.status = 403;
            v.retryAfterSeconds = minute.empty() ? 1 : retryAfter(minute.front(), m_limits.minuteMs, nowMs);
            v.reason =
                QStringLiteral("%1 content-creating requests per minute").arg(m_limits.contentPerMinute);
            return v;
        }
        if (int(hour.size()) >= m_limits.contentPerHour) {
            v.allowed = false;
            v.status = 403;
            v.retryAfterSeconds = hour.empty() ? 1 : retryAfter(hour.front(), m_limits.hourMs, nowMs);
            v.reason = QStringLiteral("%1 content-creating requests per hour").arg(m_limits.contentPerHour);
            return v;
        }
        minute.push_back(nowMs);
        hour.push_back(nowMs);
    }
    points.entries.emplace_back(nowMs, cost);
    points.total += cost;
    return v;
}

bool GithubRateLimiter::acquireSlot(const QString &identity)
{
    int &n = m_inFlight[identity];
    if (n >= m_limits.maxConcurrent)
        return false;
    ++n;
    return true;
}

void GithubRateLimiter::releaseSlot(const QString &identity)
{
    auto it = m_inFlight.find(identity);
    if (it == m_inFlight.end())
        return;
    if (--*it <= 0)
        m_inFlight.erase(it);
}

} // namespace sandbox
