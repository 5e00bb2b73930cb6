#include "kube/logstream.h"

#include "kube/kubeclient.h"
#include "kube/kubelog.h"
#include "kube/podinfo.h"

#include <QTimer>

namespace kube {

LogStream::LogStream(std::shared_ptr<ClusterAccess> access, const QString &ns, const QString &pod,
                     const LogOptions &options, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_namespace(ns)
    , m_pod(pod)
    , m_options(options)
    , m_client(new KubeClient(m_access, this))
    , m_backoff(options.backoff)
{}

LogStream::~LogStream()
{
    stop();
}

qint64 LogStream::parseTimestamp(QByteArrayView text)
{
    const std::string_view view(text.data(), size_t(text.size()));
    const qint64 seconds = parseRfc3339(view);
    if (seconds == 0)
        return 0;
    qint64 nanos = 0;
    if (text.size() > 19 && text[19] == '.') {
        int digits = 0;
        for (qsizetype i = 20; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            if (digits < 9) {
                nanos = nanos * 10 + (text[i] - '0');
                ++digits;
            }
        }
        for (; digits < 9; ++digits)
            nanos *= 10;
    }
    return seconds * 1'000'000'000LL + nanos;
}

void LogStream::start()
{
    m_stopped = false;
    open();
}

void LogStream::stop()
{
    m_stopped = true;
    m_retrying = false;
    if (m_stream) {
        KubeStream *stream = m_stream;
        m_stream = nullptr;
        disconnect(stream, nullptr, this, nullptr);
        stream->abort();
        stream->deleteLater();
    }
}

void LogStream::open()
{
    if (m_stopped)
        return;
    m_retrying = false;
    QUrlQuery q;
    if (!m_options.container.isEmpty())
        q.addQueryItem(QStringLiteral("container"), m_options.container);
    if (m_options.follow)
        q.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
    if (m_options.previous)
        q.addQueryItem(QStringLiteral("previous"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("true"));
    if (m_reconnected) {
        // From the second of the last line seen (the API's sinceTime has whole seconds);
        // the lines of that second already shown are skipped as they come again.
        const QDateTime since = QDateTime::fromSecsSinceEpoch(m_lastNs / 1'000'000'000LL, Qt::UTC);
        q.addQueryItem(QStringLiteral("sinceTime"), since.toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ")));
    } else {
        if (m_options.sinceTime.isValid())
            q.addQueryItem(QStringLiteral("sinceTime"),
                           m_options.sinceTime.toUTC().toString(QStringLiteral("yyyy-MM-ddThh:mm:ssZ")));
        else if (m_options.sinceSeconds >= 0)
            q.addQueryItem(QStringLiteral("sinceSeconds"), QString::number(m_options.sinceSeconds));
        if (m_options.tailLines >= 0)
            q.addQueryItem(QStringLiteral("tailLines"), QString::number(m_options.tailLines));
    }
    if (m_options.limitBytes >= 0)
        q.addQueryItem(QStringLiteral("limitBytes"), QString::number(m_options.limitBytes));
    ApiRequest r;
    r.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_namespace)),
                      QString::fromLatin1(QUrl::toPercentEncoding(m_pod)));
    r.query = q;
    r.accept = "text/plain, */*";
    r.idleTimeoutMs = m_options.follow ? 0 : 60000; // a followed log may be quiet for hours
    m_buffer.clear();
    m_stream = m_client->openStream(r, this);
    connect(m_stream, &KubeStream::data, this, &LogStream::onData);
    connect(m_stream, &KubeStream::finished, this, &LogStream::onFinished);
}

void LogStream::onData(const QByteArray &chunk)
{
    m_buffer += chunk;
    m_failuresInRow = 0;
    deliver(false);
}

void LogStream::deliver(bool atEnd)
{
    QList<LogLine> batch;
    qsizetype pos = 0;
    for (;;) {
        qsizetype newline = m_buffer.indexOf('\n', pos);
        if (newline < 0) {
            if (!atEnd || pos >= m_buffer.size())
                break;
            newline =
                m_buffer.size(); // a last line without newline (limitBytes, or a container that ended so)
        }
        const QByteArrayView line(m_buffer.constData() + pos, newline - pos);
        pos = newline + 1;
        LogLine l;
        const qsizetype space = line.indexOf(' ');
        const qint64 ns = space > 0 ? parseTimestamp(line.first(space)) : 0;
        if (ns > 0) {
            l.timeNs = ns;
            l.timestamp = QString::fromLatin1(line.first(space));
            l.text = QString::fromUtf8(line.sliced(space + 1));
        } else {
            l.text = QString::fromUtf8(line);
        }
        if (m_skipUntilNs >= 0 && ns > 0) {
            if (ns < m_skipUntilNs)
                continue;
            if (ns == m_skipUntilNs && m_skipSame > 0) {
                --m_skipSame;
                continue;
            }
            m_skipUntilNs = -1; // past what was shown before the drop
        }
        if (ns > 0) {
            if (ns == m_lastNs) {
                ++m_sameTimestamp;
            } else {
                m_lastNs = ns;
                m_sameTimestamp = 1;
            }
        }
        batch.append(std::move(l));
    }
    m_buffer.remove(0, std::min(pos, m_buffer.size()));
    if (!batch.isEmpty()) {
        m_delivered += batch.size();
        Q_EMIT lines(batch);
    }
}

void LogStream::onFinished(const ApiStatus &status)
{
    const bool wasOpen = m_stream && m_stream->isOpen();
    if (m_stream) {
        m_stream->deleteLater();
        m_stream = nullptr;
    }
    if (m_stopped)
        return;
    // A stream that ends in the middle of a line was cut off, whatever the
    // transport made of the close (Qt may report an aborted chunked reply as done).
    // A container whose output really ends without a newline would look the
    // same, so this is tried only while reconnects keep bringing new lines.
    bool cutMidLine = status.isOk() && wasOpen && !m_buffer.isEmpty();
    if (cutMidLine) {
        if (m_delivered == m_deliveredAtCut)
            ++m_cutsWithoutNews;
        else
            m_cutsWithoutNews = 0;
        m_deliveredAtCut = m_delivered;
        cutMidLine = m_cutsWithoutNews < 2;
    }
    const bool dropped =
        status.kind == ApiStatus::Kind::Network || status.kind == ApiStatus::Kind::Timeout || cutMidLine;
    if (m_options.follow && dropped && m_failuresInRow < m_options.maxReconnects) {
        // Whatever partial line the drop cut off comes again after the reconnect.
        m_buffer.clear();
        ++m_failuresInRow;
        if (wasOpen || m_lastNs > 0) {
            if (m_lastNs > 0) {
                m_reconnected = true;
                m_skipUntilNs = m_lastNs;
                m_skipSame = m_sameTimestamp;
            }
            ++m_reconnects;
        }
        const auto wait = m_failuresInRow == 1 && wasOpen ? std::chrono::milliseconds(0) : m_backoff.next();
        qCInfo(lcKubeHttp).noquote() << "log stream of" << m_namespace + u'/' + m_pod
                                     << "dropped:" << status.message << "- reopening in" << wait.count()
                                     << "ms";
        Q_EMIT reconnecting(status);
        m_retrying = true;
        QTimer::singleShot(wait, this, [this] {
            if (m_retrying)
                open();
        });
        return;
    }
    if (wasOpen)
        deliver(true);
    Q_EMIT finished(status);
}

} // namespace kube
