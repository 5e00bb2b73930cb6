#pragma once

#include <QtGlobal>
#include <chrono>
#include <functional>

namespace kube {

// Jittered exponential backoff as client-go's reflector uses it (initial
// 800 ms, doubling, capped at 30 s, jitter factor 1.0: each wait is the base
// plus up to 100 % more), reset to the initial step after two minutes without
// a failure. A server's Retry-After is honoured by waiting at least that long.
struct BackoffPolicy
{
    std::chrono::milliseconds initial{800};
    std::chrono::milliseconds cap{30000};
    std::chrono::milliseconds resetAfter{120000};
    double factor = 2.0;
    double jitter = 1.0;
};

class Backoff
{
public:
    using Policy = BackoffPolicy;

    explicit Backoff(Policy policy = Policy{});

    // The wait before the next attempt; each call is one more failure.
    std::chrono::milliseconds next(int retryAfterSeconds = -1);
    void reset();
    int failures() const { return m_failures; }
    const Policy &policy() const { return m_policy; }

    // Tests: a random source in [0, 1) and a monotonic clock in milliseconds.
    void setRandom(std::function<double()> random) { m_random = std::move(random); }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

private:
    Policy m_policy;
    std::chrono::milliseconds m_base;
    qint64 m_lastFailure = -1;
    int m_failures = 0;
    std::function<double()> m_random;
    std::function<qint64()> m_now;
};

} // namespace kube
