#include "sandbox/githubratelimit.h"

#include <algorithm>

namespace sandbox {

namespace {

constexpr int kReadPoints = 1;
constexpr int kWritePoints = 5;

// "250ms", "2s", "1.5m", "1h" -> milliseconds; -1 when not a duration.
qint64 durationMs(const QString &value)
{
    static const std::pair<const char *, double> units[] = {{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}};
    for (const auto &[suffix, factor] : units) {
        if (!value.endsWith(QLatin1String(suffix)))
            continue;
        bool ok = false;
        const double n = value.chopped(qsizetype(qstrlen(suffix))).toDouble(&ok);
        // "1m" also ends with "m" but "ms" was tried first, so "5ms" never reads as minutes.
        return ok && n > 0 ? qint64(n * factor) : -1;
    }
    return -1;
}

} // namespace

GithubLimits GithubLimits::parse(const QString &spec, QString *error)
{
    GithubLimits limits;
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        const QString value = part.section(u'=', 1).trimmed();
        bool ok = false;
        const int count = value.toInt(&ok);
        const bool countOk = ok && count > 0;
        const qint64 ms = durationMs(value);
        if (key == QLatin1String("content-per-minute") && countOk)
            limits.contentPerMinute = count;
        else if (key == QLatin1String("content-per-hour") && countOk)
            limits.contentPerHour = count;
        else if (key == QLatin1String("points-per-minute") && countOk)
            limits.pointsPerMinute = count;
        else if (key == QLatin1String("concurrent") && countOk)
            limits.maxConcurrent = count;
        else if (key == QLatin1String("primary-per-hour") && countOk)
            limits.primaryPerHour = count;
        else if (key == QLatin1String("minute") && ms > 0)
            limits.minuteMs = ms;
        else if (key == QLatin1String("hour") && ms > 0)
            limits.hourMs = ms;
        else if (key == QLatin1String("primary-window") && ms > 0)
            limits.primaryWindowMs = ms;
        else if (error) {
            *error = QStringLiteral("bad GitHub limit \"%1\": use content-per-minute=N, content-per-hour=N, "
                                    "points-per-minute=N, concurrent=N, primary-per-hour=N, minute=1s, hour=10s "
                                    "or primary-window=1h")
                         .arg(part);
        }
    }
    return limits;
}

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
