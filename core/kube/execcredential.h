#pragma once

#include "kube/kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

class QProcess;
class QTimer;

namespace kube {

// What an exec plugin returned (ExecCredential.status). Holds secrets: never log it.
struct ExecCredential
{
    QString token;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expiration; // UTC; invalid: valid until invalidated

    bool isExpiredAt(const QDateTime &now) const { return expiration.isValid() && now > expiration; }
    // Puts the token or the client certificate and key into the credentials the client uses.
    void applyTo(ClusterCredentials *credentials) const;
};

// Runs a kubeconfig user's exec credential plugin as client-go does: the
// command with its args, the console's environment plus the config's env and
// KUBERNETES_EXEC_INFO (an ExecCredential with spec.interactive false and,
// with provideClusterInfo, spec.cluster), no standard input. The answer is
// cached until its expirationTimestamp; after a 401 the client calls
// invalidate() so the next request runs the plugin again. Errors never carry
// the plugin's standard output (it holds the token); they carry its stderr.
// Lives in one thread; not thread-safe.
class ExecCredentialPlugin : public QObject
{
    Q_OBJECT

public:
    // `credentials.exec` must be set; the rest supplies spec.cluster and names in messages.
    explicit ExecCredentialPlugin(const ClusterCredentials &credentials, QObject *parent = nullptr);
    ~ExecCredentialPlugin() override;

    // The cached credential, or the plugin's fresh answer, waiting at most
    // timeout(). nullopt and *error set when the plugin fails.
    std::optional<ExecCredential> credential(QString *error);

    // Asynchronous form: emits credentialReady or credentialFailed, always
    // from the event loop (also when the cache answers). Concurrent requests
    // share one plugin run.
    void requestCredential();

    // Drops the cached credential: the next request runs the plugin.
    void invalidate();
    std::optional<ExecCredential> cachedCredential() const;

    // How long a run may take; a plugin waiting for a login that never comes is killed.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // The clock expiry is judged by (UTC); tests move it forward.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    // The KUBERNETES_EXEC_INFO document the plugin receives.
    QByteArray execInfo() const;

Q_SIGNALS:
    void credentialReady(const kube::ExecCredential &credential);
    void credentialFailed(const QString &error);

private:
    bool start(QString *error);
    void finishRun(const std::optional<ExecCredential> &credential, const QString &error);
    void onProcessFinished();
    void onProcessError();
    void onTimeout();
    std::optional<ExecCredential> parseOutput(const QByteArray &stdoutBytes, QString *error) const;
    QString pluginName() const;
    QString notFoundMessage(const QString &detail) const;

    ClusterCredentials m_credentials;
    ExecConfig m_exec;
    QProcess *m_process = nullptr;
    QTimer *m_timer = nullptr;
    std::optional<ExecCredential> m_cached;
    QString m_runError; // set when the current run failed before finishing (not found, timeout)
    bool m_runDone = false;
    bool m_timedOut = false;
    bool m_starting = false; // inside QProcess::start(), where a failure is reported to start()'s caller
    std::chrono::milliseconds m_timeout = std::chrono::seconds(60);
    std::function<QDateTime()> m_now;
};

} // namespace kube
