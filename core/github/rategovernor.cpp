#include "github/rategovernor.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>

namespace github {

RateGovernor::RateGovernor(const GovernorLimits &limits)
    : m_limits(limits)
{}

qint64 RateGovernor::now() const
{
    return m_now ? m_now() : QDateTime::currentMSecsSinceEpoch();
}

double RateGovernor::contentSpacingMs() const
{
    return windowMs(m_limits.minuteMs) / std::max(1, m_limits.contentPerMinute);
}

double RateGovernor::windowMs(qint64 githubWindowMs) const
{
    return double(githubWindowMs) * (1 + m_limits.safetyMargin) + std::max(0, m_limits.safetyMarginMs);
}

double RateGovernor::contentRatePerSecond() const
{
    const double perMinute = m_limits.contentPerMinute * 1000.0 / double(m_limits.minuteMs);
    const double perHour = m_limits.contentPerHour * 1000.0 / double(m_limits.hourMs);
    return std::min(perMinute, perHour);
}

qint64 RateGovernor::waitBefore(bool write, bool contentCreating) const
{
    if (m_inFlight >= std::max(1, m_limits.maxConcurrent))
        return -1;
    if (write && m_writesInFlight >= std::max(1, m_limits.maxWritesInFlight))
        return -1;
    const qint64 t = now();
    qint64 earliest = t;
    earliest = std::max(earliest, m_holdAllUntil);
    if (write)
        earliest = std::max(earliest, m_holdWritesUntil);
    // The primary limit: once GitHub says nothing remains, wait for its reset.
    if (m_primaryRemaining >= 0 && m_primaryRemaining <= m_inFlight && m_primaryResetMs > t)
        earliest = std::max(earliest, m_primaryResetMs);
    if (contentCreating && !m_contentStarts.empty()) {
        // Spaced from the previous request's slot, not from when its timer happened to fire,
        // so late timers on a busy machine do not add up; the windows below still bound bursts.
        earliest = std::max(earliest, qint64(std::ceil(m_lastSlot + contentSpacingMs())));
        const auto windowed = [&](int limit, qint64 windowMs) {
            const auto n = qsizetype(m_contentStarts.size());
            if (limit <= 0 || n < limit)
                return;
            // The limit-th most recent start must leave the window first.
            const qint64 oldest = m_contentStarts[size_t(n - limit)];
            earliest = std::max(earliest, oldest + qint64(std::ceil(this->windowMs(windowMs))));
        };
        windowed(m_limits.contentPerMinute, m_limits.minuteMs);
        windowed(m_limits.contentPerHour, m_limits.hourMs);
    }
    return std::max<qint64>(0, earliest - t);
}

void RateGovernor::started(bool write, bool contentCreating)
{
    ++m_inFlight;
    if (write)
        ++m_writesInFlight;
    if (!contentCreating)
        return;
    const qint64 t = now();
    const double slot = m_lastSlot + contentSpacingMs();
    // Behind by more than one slot (idle, or held back): start a new schedule from now.
    m_lastSlot = m_contentStarts.empty() || double(t) > slot + contentSpacingMs()
                     ? double(t)
                     : std::max(slot, double(t) - contentSpacingMs());
    m_contentStarts.push_back(t);
    const qint64 keep = qint64(std::ceil(windowMs(std::max(m_limits.hourMs, m_limits.minuteMs))));
    while (!m_contentStarts.empty() && m_contentStarts.front() + keep <= t)
        m_contentStarts.pop_front();
}

void RateGovernor::finished(bool write)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    if (write)
        m_writesInFlight = std::max(0, m_writesInFlight - 1);
}

void RateGovernor::notePrimary(int remaining, qint64 resetEpochSeconds)
{
    // A second past the reset, so the new window has surely begun.
    const qint64 resetMs = resetEpochSeconds * 1000 + 1000;
    // Answers arrive out of order: within one window only the lowest count is news.
    if (resetMs == m_primaryResetMs && m_primaryRemaining >= 0)
        m_primaryRemaining = std::min(m_primaryRemaining, remaining);
    else
        m_primaryRemaining = remaining;
    m_primaryResetMs = resetMs;
}

void RateGovernor::holdUntil(qint64 untilMs, bool writesOnly)
{
    if (writesOnly)
        m_holdWritesUntil = std::max(m_holdWritesUntil, untilMs);
    else
        m_holdAllUntil = std::max(m_holdAllUntil, untilMs);
}

} // namespace github
