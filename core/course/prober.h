#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <deque>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace course {

// What one HTTP request to a student's app found.
struct ProbeResult
{
    enum class State : quint8 { None, Answers, ServerError, TimedOut, Unreachable };
    State state = State::None;
    qint16 httpStatus = 0; // Answers and ServerError
    qint32 latencyMs = 0;  // until the answer, or until giving up
    qint64 at = 0;         // epoch seconds of the probe; 0: never probed
    QString error;         // Unreachable: what the network said ("Connection refused")

    // "200 · 12 ms", "503 · 4 ms", "timed out (5 s)", "unreachable: Connection refused".
    QString toText() const;
    bool operator==(const ProbeResult &o) const
    {
        return state == o.state && httpStatus == o.httpStatus && latencyMs == o.latencyMs && at == o.at &&
               error == o.error;
    }
};

struct ProbeOutcome
{
    QString login;
    ProbeResult result;
};

// Probes each student's URL with a GET on an interval, at most `concurrency`
// requests at a time, oldest-due first; results go out in batches. Works
// against a real cluster (the plain URL through DNS) and against a local
// router: setConnectVia(host, port) sends every request there while keeping
// the Host header of the student's URL, as a subdomain router needs.
class Prober : public QObject
{
    Q_OBJECT

public:
    explicit Prober(QObject *parent = nullptr);
    ~Prober() override;

    void setTarget(const QString &login, const QUrl &url); // adds, or changes the URL
    void removeTarget(const QString &login);
    qsizetype targetCount() const { return m_targets.size(); }

    void setInterval(int ms) { m_intervalMs = ms; }
    void setConcurrency(int n) { m_concurrency = std::max(1, n); }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setConnectVia(const QString &host, quint16 port);

    void start();
    void stop(); // aborts requests in flight
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // At most one batch every ~100 ms.
    void results(const QList<course::ProbeOutcome> &batch);

private:
    struct Target
    {
        QUrl url;
        qint64 dueMs = 0;
        quint32 generation = 0; // bumps when the URL changes or the target goes
        bool inFlight = false;
    };
    void pump();
    void launch(const QString &login, Target &target);
    void finish(const QString &login, quint32 generation, ProbeResult result);
    void flush();

    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_flush = nullptr;
    QHash<QString, Target> m_targets;
    std::deque<QString> m_queue; // logins by due time (all share one interval)
    QElapsedTimer m_clock;
    QList<ProbeOutcome> m_pending;
    QString m_viaHost;
    quint16 m_viaPort = 0;
    int m_intervalMs = 30000;
    int m_concurrency = 16;
    int m_timeoutMs = 5000;
    int m_inFlight = 0;
    bool m_running = false;
};

} // namespace course

Q_DECLARE_METATYPE(course::ProbeOutcome)
