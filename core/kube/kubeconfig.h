#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>
#include <utility>

namespace kube {

// A problem in a kubeconfig a person can fix: where it is (yaml-cpp marks,
// 1-based) and a message naming the cause and the fix.
struct KubeConfigError
{
    QString file;   // empty when no file is to blame (e.g. an unknown context name)
    int line = 0;   // 0 when the problem is the whole file or has no place
    int column = 0; // 0 when unknown
    QString message;

    // "/home/ta/.kube/config:12:7: message", the form editors can jump to.
    QString toString() const;
};

using KubeConfigErrors = QList<KubeConfigError>;

// users[].user.exec.interactiveMode: whether the plugin may read standard input.
enum class ExecInteractiveMode { Never, IfAvailable, Always };

// users[].user.exec, checked: apiVersion is v1 or v1beta1, command is set, and
// v1 names an interactiveMode (v1beta1 defaults it to IfAvailable).
struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or /v1beta1
    QString command;    // made absolute when the kubeconfig wrote a path ("./x", "bin/x")
    QStringList args;
    QList<std::pair<QString, QString>> env; // added to the console's environment, in order
    bool provideClusterInfo = false;
    ExecInteractiveMode interactiveMode = ExecInteractiveMode::IfAvailable;
    QString installHint; // shown when the command cannot be found
};

// Everything needed to talk to one cluster as one user, as kubectl would for
// that context. Holds secrets: never log it.
struct ClusterCredentials
{
    QString contextName;
    QString clusterName;
    QString userName;

    // Cluster
    QUrl server; // without a scheme in the file: https when TLS is configured, else http
    QByteArray certificateAuthorityPem; // empty: use the system's roots
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;        // the name to verify (and send as SNI): QNetworkRequest::setPeerVerifyName
    QUrl proxyUrl;                // http, https or socks5; empty: none configured
    QJsonValue execClusterConfig; // clusters[].cluster.extensions[client.authentication.k8s.io/exec]

    // Context
    QString namespaceName = QStringLiteral("default");

    // User. At most one of token and username/password; the client certificate may join either.
    QString bearerToken; // tokenFile's content when readable (read on every resolve()), else token
    QString tokenFile;   // absolute; empty when the user has none
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString username;
    QString password;
    // Set only when the user has no token, basic auth or client certificate:
    // client-go skips the plugin when any of those is present.
    std::optional<ExecConfig> exec;
};

// The merged kubeconfig files, as client-go's loading rules merge them: for
// clusters, users and contexts the first file to define a name wins (the whole
// entry: fields of a later same-named entry are not mixed in); current-context
// comes from the first file that sets it. Missing files are skipped; a file
// that cannot be parsed is reported in errors() and skipped, so the other
// files' contexts stay usable. Relative paths resolve against the directory of
// the file that names them. Immutable after loading; copies are cheap.
class KubeConfig
{
public:
    KubeConfig();

    // The files $KUBECONFIG names (':'-separated, empty entries and repeats
    // dropped), or ~/.kube/config when it is unset or empty.
    static QStringList defaultFiles();
    static QStringList splitFileList(const QString &kubeconfigVariable);

    static KubeConfig load(const QStringList &files);
    static KubeConfig loadDefault() { return load(defaultFiles()); }
    // One document from memory; `file` names it in errors and anchors relative paths.
    static KubeConfig parse(const QByteArray &yaml, const QString &file);

    QStringList files() const;        // files read, in precedence order
    QStringList missingFiles() const; // named but absent (not an error, as for kubectl)
    QStringList contexts() const;     // sorted
    QString currentContext() const;   // empty when no file sets it
    bool hasContext(const QString &name) const;

    // Problems found while reading: syntax, wrong types, bad base64, invalid
    // exec sections. Entries shadowed by an earlier file are not checked.
    KubeConfigErrors errors() const;

    // The credentials for a context (the current one when `contextName` is
    // empty), with every referenced file read now. nullopt and *error set when
    // the context cannot be used as written.
    std::optional<ClusterCredentials> resolve(const QString &contextName,
                                              KubeConfigError *error = nullptr) const;

    struct Data;

private:
    std::shared_ptr<const Data> m_data;
};

// TLS settings for the cluster: the CA set (only the kubeconfig's CAs when it
// names any, as client-go does), the client certificate chain and key (RSA or
// EC, PEM), no peer verification when insecure-skip-tls-verify is set, TLS 1.2
// or later, and ALPN limited to http/1.1: watches and exec upgrades need
// HTTP/1.1, so HTTP/2 is never offered. tlsServerName is not part of
// QSslConfiguration: set it per request with QNetworkRequest::setPeerVerifyName.
// Returns a null configuration and sets *error when the PEM data is unusable.
QSslConfiguration toSslConfiguration(const ClusterCredentials &credentials, QString *error);

} // namespace kube
