#pragma once

#include "kube/kubeconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QNetworkProxy>
#include <QPointer>
#include <QSslConfiguration>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace kube {

class ExecCredentialPlugin;

// What a request presents to the cluster: the Authorization header and the TLS
// configuration (which carries a client certificate when there is one).
// Holds secrets: never log it.
struct Credential
{
    QByteArray authorization; // "Bearer ...", "Basic ..." or empty
    QSslConfiguration ssl;
    quint64 generation = 0; // which credential this is; a 401 names it in rejectCredential()
};

// Everything shared by the clients, streams and exec sessions of one context:
// the server, TLS settings and the credential. Thread-safe; share it with
// std::shared_ptr across threads. An exec plugin runs in a thread of its own,
// once for all waiting requests, and its answer is cached until it expires or
// the cluster refuses it (401), as client-go does.
class ClusterAccess
{
public:
    // nullptr and *error set when the credentials cannot be used (bad PEM data).
    static std::shared_ptr<ClusterAccess> create(const ClusterCredentials &credentials, QString *error);
    // The kubeconfig files (empty: $KUBECONFIG or ~/.kube/config) and context
    // (empty: the current one), with the error a person sees when they fail.
    static std::shared_ptr<ClusterAccess> fromKubeconfig(const QStringList &files, const QString &context,
                                                         QString *error);
    ~ClusterAccess();
    ClusterAccess(const ClusterAccess &) = delete;
    ClusterAccess &operator=(const ClusterAccess &) = delete;

    QUrl server() const { return m_server; }
    QString tlsServerName() const { return m_tlsServerName; }
    QString contextName() const { return m_contextName; }
    QString userName() const { return m_userName; }
    QString defaultNamespace() const { return m_namespace; }
    std::optional<QNetworkProxy> proxy() const { return m_proxy; }
    bool hasExecPlugin() const { return m_plugin != nullptr; }

    // server + path + query, e.g. url("/api/v1/pods", {{"limit","500"}}).
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;

    // The credential to use now, when one is at hand without running anything.
    std::optional<Credential> currentCredential() const;
    // Delivers the credential to `done` in `context`'s thread, running the exec
    // plugin first when it has none (one run shared by every caller). `done`
    // gets nullopt and the plugin's error when that fails.
    void requestCredential(QObject *context,
                           std::function<void(const std::optional<Credential> &, const QString &error)> done);
    // The cluster answered 401 to this credential: forget it, so the next
    // request runs the plugin again. Later generations are kept.
    void rejectCredential(quint64 generation);
    // Whether a rejected credential can be replaced (only an exec plugin can).
    bool canRefresh() const { return hasExecPlugin(); }

    // A user's tokenFile is read again, as client-go does, so that a rotated
    // token (a projected service-account token, a helper that rewrites the
    // file) is used without restarting: at once when the file changes (its
    // modification time or size), at least every tokenFileRereadMs otherwise,
    // and on the next request after the cluster refused the token (401). An
    // unreadable or empty file keeps the token in use.
    static constexpr int tokenFileRereadMs = 60000;

    // Tests: how often the plugin has been run.
    int pluginRuns() const;

private:
    ClusterAccess() = default;
    void onPluginReady(const QString &token, const QByteArray &certPem, const QByteArray &keyPem,
                       const QDateTime &expiry);
    void onPluginFailed(const QString &error);
    void rereadTokenFileLocked() const; // m_mutex held

    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const std::optional<Credential> &, const QString &)> done;
    };

    QUrl m_server;
    QString m_tlsServerName;
    QString m_contextName;
    QString m_userName;
    QString m_namespace;
    std::optional<QNetworkProxy> m_proxy;
    ClusterCredentials m_credentials; // the kubeconfig's, for building TLS configurations

    mutable QMutex m_mutex;
    mutable std::optional<Credential> m_credential; // guarded by m_mutex
    QDateTime m_expiry;                             // of m_credential (exec); invalid: none
    mutable quint64 m_generation = 0;
    // tokenFile, when the credential came from one (guarded by m_mutex).
    QString m_tokenFile;
    mutable QDateTime m_tokenFileModified;
    mutable qint64 m_tokenFileSize = -1;
    mutable QElapsedTimer m_tokenFileRead; // invalid: read it on the next request
    bool m_pluginRunning = false;
    int m_pluginRuns = 0;
    QList<Waiter> m_waiters;

    QThread *m_pluginThread = nullptr;
    ExecCredentialPlugin *m_plugin = nullptr; // lives in m_pluginThread
};

} // namespace kube
