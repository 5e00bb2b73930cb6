#pragma once

#include <QtGlobal>
#include <deque>
#include <functional>

namespace github {

// The client's share of GitHub's limits. The defaults are GitHub's published
// secondary limits for content creation (about 80 a minute and 500 an hour)
// and a small number of requests in flight (GitHub allows 100).
struct GovernorLimits
{
    int maxConcurrent = 4;
    int contentPerMinute = 80;
    qint64 minuteMs = 60 * 1000;
    int contentPerHour = 500;
    qint64 hourMs = 3600 * 1000;
    // Windows are taken this much longer than GitHub's, so requests that travel
    // at different speeds still arrive inside the limit.
    double safetyMargin = 0.02;
    // ... plus this long: what a busy server may add to one request's arrival and not another's.
    int safetyMarginMs = 1000;
    // Writes (POST/PATCH/PUT/DELETE) leave one at a time, in order and spaced as
    // above; this many may await their answers at once, so a slow answer does not
    // stretch the spacing (1: each waits for the previous answer).
    int maxWritesInFlight = 3;
};

// Decides when the next request may start. Content-creating requests are
// spread evenly over the minute window (never a burst) and, over the hour
// window, never more than the hour's share; everything waits while the primary
// limit is used up or after GitHub said to back off. Pure bookkeeping with an
// injectable clock (epoch milliseconds); GithubClient drives it.
class RateGovernor
{
public:
    explicit RateGovernor(const GovernorLimits &limits = {});

    void setLimits(const GovernorLimits &limits) { m_limits = limits; }
    const GovernorLimits &limits() const { return m_limits; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    qint64 now() const;

    // Milliseconds until a request of this kind may start (0: now; -1: only once
    // a request in flight has finished).
    qint64 waitBefore(bool write, bool contentCreating) const;
    void started(bool write, bool contentCreating);
    void finished(bool write);

    // From each answer's x-ratelimit-remaining and x-ratelimit-reset (epoch seconds).
    void notePrimary(int remaining, qint64 resetEpochSeconds);
    // After a rate-limit answer: nothing of the kind starts before `untilMs`.
    void holdUntil(qint64 untilMs, bool writesOnly);

    int inFlight() const { return m_inFlight; }
    // The steady rate the limits allow for content creation, per second.
    double contentRatePerSecond() const;
    // The even spacing between content-creating requests, in milliseconds.
    double contentSpacingMs() const;
    // A window as this client keeps it: GitHub's plus the margins.
    double windowMs(qint64 githubWindowMs) const;

private:
    GovernorLimits m_limits;
    std::function<qint64()> m_now;
    std::deque<qint64> m_contentStarts; // within the hour window
    double m_lastSlot = 0;              // the schedule's time of the last content-creating start
    int m_inFlight = 0;
    int m_writesInFlight = 0;
    int m_primaryRemaining = -1;
    qint64 m_primaryResetMs = 0;
    qint64 m_holdAllUntil = 0;
    qint64 m_holdWritesUntil = 0;
};

} // namespace github
