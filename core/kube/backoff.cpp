#include "kube/backoff.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>

namespace kube {

Backoff::Backoff(Policy policy)
    : m_policy(policy)
    , m_base(policy.initial)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
    , m_now([] {
        static QElapsedTimer clock = [] {
            QElapsedTimer t;
            t.start();
            return t;
        }();
        return clock.elapsed();
    })
{}

void Backoff::reset()
{
    m_base = m_policy.initial;
    m_failures = 0;
    m_lastFailure = -1;
}

std::chrono::milliseconds Backoff::next(int retryAfterSeconds)
{
    const qint64 now = m_now();
    if (m_lastFailure >= 0 && now - m_lastFailure > m_policy.resetAfter.count())
        reset();
    m_lastFailure = now;
    ++m_failures;
    const auto base = m_base;
    const auto grown = std::chrono::milliseconds(qint64(double(m_base.count()) * m_policy.factor));
    m_base = std::min(grown, m_policy.cap);
    auto wait =
        std::chrono::milliseconds(qint64(double(base.count()) * (1.0 + m_policy.jitter * m_random())));
    if (retryAfterSeconds >= 0)
        wait = std::max(wait, std::chrono::milliseconds(qint64(retryAfterSeconds) * 1000));
    return wait;
}

} // namespace kube
