#pragma once

#include "kube/apistatus.h"
#include "kube/backoff.h"
#include "kube/clusteraccess.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace kube {

class KubeClient;
class KubeStream;

struct LogOptions
{
    QString container; // empty: the pod's only container
    bool follow = false;
    bool previous = false; // the last terminated container's log
    QDateTime sinceTime;   // invalid: from the start (or sinceSeconds)
    qint64 sinceSeconds = -1;
    qint64 tailLines = -1;
    qint64 limitBytes = -1;
    // A followed stream that drops is reopened this many times in a row at most.
    int maxReconnects = 10;
    BackoffPolicy backoff{std::chrono::milliseconds(500), std::chrono::milliseconds(10000),
                          std::chrono::milliseconds(60000), 2.0, 0.5};
};

struct LogLine
{
    qint64 timeNs = 0; // the kubelet's timestamp (epoch nanoseconds); 0 if the line had none
    QString timestamp; // as the kubelet wrote it: 2006-01-02T15:04:05.000000000Z
    QString text;      // the line, without its newline
};

// One container's log, as `kubectl logs` reads it (follow, previous,
// sinceTime, sinceSeconds, tailLines, limitBytes). It always asks for the
// kubelet's timestamps, so that a followed stream that drops can be reopened
// with sinceTime at the last timestamp seen, and lines already delivered are
// skipped rather than shown twice. Lives in the thread that creates it.
class LogStream : public QObject
{
    Q_OBJECT

public:
    LogStream(std::shared_ptr<ClusterAccess> access, const QString &ns, const QString &pod,
              const LogOptions &options, QObject *parent = nullptr);
    ~LogStream() override;

    void start();
    void stop(); // no finished() after stop()
    bool isRunning() const { return m_stream != nullptr || m_retrying; }
    int reconnects() const { return m_reconnects; }
    qint64 linesDelivered() const { return m_delivered; }

    // "2006-01-02T15:04:05.123456789Z" (or an offset) to epoch nanoseconds; 0 if not a timestamp.
    static qint64 parseTimestamp(QByteArrayView text);

Q_SIGNALS:
    void lines(const QList<kube::LogLine> &batch);
    void reconnecting(const kube::ApiStatus &why);
    // Ok when the log ended (not following, or the container stopped); else why it failed.
    void finished(const kube::ApiStatus &status);

private:
    void open();
    void onData(const QByteArray &chunk);
    void onFinished(const ApiStatus &status);
    void deliver(bool atEnd);

    std::shared_ptr<ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    LogOptions m_options;
    KubeClient *m_client = nullptr;
    KubeStream *m_stream = nullptr;
    Backoff m_backoff;
    QByteArray m_buffer;
    qint64 m_lastNs = 0;       // timestamp of the last line delivered
    int m_sameTimestamp = 0;   // lines delivered carrying exactly m_lastNs
    qint64 m_skipUntilNs = -1; // after a reconnect: skip what was delivered before
    int m_skipSame = 0;
    qint64 m_delivered = 0;
    int m_reconnects = 0;
    int m_failuresInRow = 0;
    qint64 m_deliveredAtCut = -1; // lines delivered when a stream last ended mid-line
    int m_cutsWithoutNews = 0;   // mid-line ends in a row that brought no new line
    bool m_reconnected = false;
    bool m_retrying = false;
    bool m_stopped = false;
};

} // namespace kube
