#pragma once

#include "kube/apistatus.h"
#include "kube/clusteraccess.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>

class QWebSocket;

namespace kube {

struct ExecOptions
{
    QString container; // empty: the pod's only container
    QStringList command;
    bool input = false;      // stdin
    bool output = true;      // stdout
    bool errorOutput = true; // stderr (ignored with tty: a terminal has one stream)
    bool tty = false;
    // Offered in this order; the server picks one. v5 adds closing stdin.
    QStringList protocols{QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io")};
    int pingIntervalMs = 5000;
    int pongTimeoutMs = 61000;
};

// `kubectl exec` over a WebSocket: the GET .../pods/NAME/exec upgrade, binary
// frames whose first byte is the channel (0 stdin, 1 stdout, 2 stderr, 3 the
// final Status, 4 terminal size, 255 close a stream in v5), the exit code read
// from the channel-3 Status, and a ping every 5 s (given up after 61 s without
// an answer). Lives in the thread that creates it.
class ExecSession : public QObject
{
    Q_OBJECT

public:
    ExecSession(std::shared_ptr<ClusterAccess> access, const QString &ns, const QString &pod,
                const ExecOptions &options, QObject *parent = nullptr);
    ~ExecSession() override;

    void start();
    void writeInput(const QByteArray &data);
    // End of stdin. v5 tells the server ([255, 0]); v4 has no way to, so the
    // command only sees its input end when the session closes.
    void closeInput();
    void resize(int columns, int rows);
    void close(); // hang up; finished() follows

    QString protocol() const { return m_protocol; }
    bool isRunning() const { return m_socket != nullptr; }

    // Reads the channel-3 Status: 0 for Success, the command's exit code for
    // NonZeroExitCode, -1 (and *error set) when the exec itself failed.
    static int exitCodeFromStatus(QByteArrayView statusJson, ApiStatus *error);

Q_SIGNALS:
    void started(const QString &protocol);
    void output(const QByteArray &data);
    void errorOutput(const QByteArray &data);
    // exitCode -1: the command's outcome is unknown; status says why.
    void finished(int exitCode, const kube::ApiStatus &status);

private:
    void open(const Credential &credential);
    void onBinary(const QByteArray &message);
    void onDisconnected();
    void onError();
    void finish(int exitCode, const ApiStatus &status);
    void send(quint8 channel, const QByteArray &data);

    std::shared_ptr<ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    ExecOptions m_options;
    QWebSocket *m_socket = nullptr;
    QTimer m_ping;
    QElapsedTimer m_sincePong;
    QList<QSslError> m_sslErrors;
    QString m_protocol;
    quint64 m_generation = 0;
    int m_exitCode = -1;
    ApiStatus m_status;
    bool m_gotStatus = false;
    bool m_refreshed = false;
    bool m_finished = false;
    bool m_closingByUs = false;
};

} // namespace kube
