#include "course/prober.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace course {

QString ProbeResult::toText() const
{
    switch (state) {
    case State::None:
        return {};
    case State::Answers:
    case State::ServerError:
        return QStringLiteral("%1 \u00b7 %2 ms").arg(httpStatus).arg(latencyMs);
    case State::TimedOut:
        return QStringLiteral("timed out (%1 s)").arg(double(latencyMs) / 1000.0, 0, 'g', 2);
    case State::Unreachable:
        return error.isEmpty() ? QStringLiteral("unreachable") : QStringLiteral("unreachable: ") + error;
    }
    return {};
}

Prober::Prober(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_tick(new QTimer(this))
    , m_flush(new QTimer(this))
{
    qRegisterMetaType<QList<course::ProbeOutcome>>();
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a 302 is an answer
    m_tick->setInterval(50);
    connect(m_tick, &QTimer::timeout, this, &Prober::pump);
    m_flush->setSingleShot(true);
    m_flush->setInterval(100);
    connect(m_flush, &QTimer::timeout, this, &Prober::flush);
    m_clock.start();
}

Prober::~Prober()
{
    stop();
}

void Prober::setConnectVia(const QString &host, quint16 port)
{
    m_viaHost = host;
    m_viaPort = port;
}

void Prober::setTarget(const QString &login, const QUrl &url)
{
    auto it = m_targets.find(login);
    if (it != m_targets.end()) {
        if (it->url != url) {
            it->url = url;
            ++it->generation; // a request in flight for the old URL no longer counts
            if (it->inFlight) {
                it->inFlight = false;
                --m_inFlight;
                m_queue.push_back(login);
            }
            it->dueMs = 0;
        }
        return;
    }
    Target t;
    t.url = url;
    m_targets.insert(login, t);
    m_queue.push_back(login);
}

void Prober::removeTarget(const QString &login)
{
    auto it = m_targets.find(login);
    if (it == m_targets.end())
        return;
    if (it->inFlight)
        --m_inFlight;
    m_targets.erase(it); // its queue entry is skipped when it comes up
}

void Prober::start()
{
    m_running = true;
    m_tick->start();
    pump();
}

void Prober::stop()
{
    m_running = false;
    m_tick->stop();
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *r : replies) {
        r->disconnect(this);
        if (r->isRunning())
            r->abort();
        r->deleteLater();
    }
    for (Target &t : m_targets) {
        if (t.inFlight) {
            t.inFlight = false;
            ++t.generation;
        }
    }
    m_inFlight = 0;
    flush();
}

void Prober::pump()
{
    if (!m_running)
        return;
    const qint64 now = m_clock.elapsed();
    // The queue is in due order: every target waits one interval after its last answer.
    qsizetype looked = 0;
    const qsizetype queued = qsizetype(m_queue.size());
    while (m_inFlight < m_concurrency && !m_queue.empty() && looked < queued) {
        ++looked;
        const QString login = m_queue.front();
        auto it = m_targets.find(login);
        if (it == m_targets.end() || it->inFlight) {
            m_queue.pop_front(); // removed, or queued twice by a URL change
            continue;
        }
        if (it->dueMs > now)
            break;
        m_queue.pop_front();
        launch(login, *it);
    }
}

void Prober::launch(const QString &login, Target &target)
{
    QUrl url = target.url;
    QNetworkRequest request;
    if (!m_viaHost.isEmpty()) {
        // The router decides by Host which app answers: keep the student's.
        const QString host = url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
        request.setRawHeader("Host", host.toUtf8());
        url.setHost(m_viaHost);
        url.setPort(m_viaPort);
    }
    request.setUrl(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("courseops-probe"));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    target.inFlight = true;
    ++m_inFlight;
    const quint32 generation = target.generation;
    QNetworkReply *reply = m_network->get(request);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    auto *timeout = new QTimer(reply);
    timeout->setSingleShot(true);
    timeout->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
    // The reply is reported once: at its status line, at its end, or at the timeout.
    auto reported = std::make_shared<bool>(false);
    connect(timeout, &QTimer::timeout, this, [this, reply, login, generation, started, reported] {
        ProbeResult r;
        r.state = ProbeResult::State::TimedOut;
        r.latencyMs = qint32(started->elapsed());
        *reported = true;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        finish(login, generation, r);
    });
    timeout->start(m_timeoutMs);
    // The status line is enough to report; the rest of the page is left to arrive.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, login, generation, started, reported, timeout] {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() || *reported)
            return;
        ProbeResult r;
        r.httpStatus = qint16(status.toInt());
        r.state = r.httpStatus >= 500 ? ProbeResult::State::ServerError : ProbeResult::State::Answers;
        r.latencyMs = qint32(started->elapsed());
        *reported = true;
        timeout->stop();
        finish(login, generation, r);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, login, generation, started, reported] {
        reply->deleteLater();
        if (*reported)
            return;
        ProbeResult r;
        r.latencyMs = qint32(started->elapsed());
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            r.httpStatus = qint16(status.toInt());
            r.state = r.httpStatus >= 500 ? ProbeResult::State::ServerError : ProbeResult::State::Answers;
        } else {
            r.state = ProbeResult::State::Unreachable;
            r.error = reply->errorString();
        }
        *reported = true;
        finish(login, generation, r);
    });
}

void Prober::finish(const QString &login, quint32 generation, ProbeResult result)
{
    auto it = m_targets.find(login);
    if (it == m_targets.end() || it->generation != generation)
        return; // removed or re-pointed while in flight
    it->inFlight = false;
    --m_inFlight;
    it->dueMs = m_clock.elapsed() + m_intervalMs;
    m_queue.push_back(login);
    result.at = QDateTime::currentSecsSinceEpoch();
    m_pending.append({login, result});
    if (!m_flush->isActive())
        m_flush->start();
    QTimer::singleShot(0, this, &Prober::pump);
}

void Prober::flush()
{
    m_flush->stop();
    if (m_pending.isEmpty())
        return;
    Q_EMIT results(std::exchange(m_pending, {}));
}

} // namespace course
