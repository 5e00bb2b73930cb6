#include "kube/execcredential.h"

#include "kube/kubelog.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTimeZone>
#include <QTimer>

namespace kube {

namespace {

const QLatin1String kKind("ExecCredential");
const QLatin1String kInstallDocs(
    "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins");
constexpr qsizetype kMaxStderrInError = 2000;

// RFC 3339 as Go's time.RFC3339 reads it (metav1.Time): fractional seconds of any length, 'Z' or an offset.
QDateTime parseRfc3339(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?:([Zz])|([+-"
                       "])(\\d{2}):(\\d{2}))$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int ms = m.captured(7).isEmpty() ? 0 : QString(m.captured(7) + QLatin1String("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid())
        return {};
    int offset = 0;
    if (m.captured(8).isEmpty()) {
        offset = (m.captured(10).toInt() * 60 + m.captured(11).toInt()) * 60;
        if (m.captured(9) == QLatin1String("-"))
            offset = -offset;
    }
    return QDateTime(date, time, QTimeZone(offset)).toUTC();
}

bool isUsablePrivateKey(const QByteArray &pem)
{
    return !QSslKey(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey).isNull() ||
           !QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey).isNull();
}

} // namespace

void ExecCredential::applyTo(ClusterCredentials *credentials) const
{
    if (!token.isEmpty())
        credentials->bearerToken = token;
    if (!clientCertificatePem.isEmpty()) {
        credentials->clientCertificatePem = clientCertificatePem;
        credentials->clientKeyPem = clientKeyPem;
    }
}

ExecCredentialPlugin::ExecCredentialPlugin(const ClusterCredentials &credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_exec(credentials.exec.value_or(ExecConfig{}))
    , m_process(new QProcess(this))
    , m_timer(new QTimer(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ExecCredentialPlugin::onTimeout);
    connect(m_process, &QProcess::finished, this, &ExecCredentialPlugin::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &ExecCredentialPlugin::onProcessError);
}

ExecCredentialPlugin::~ExecCredentialPlugin()
{
    disconnect(m_process, nullptr, this, nullptr);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

QString ExecCredentialPlugin::pluginName() const
{
    return QStringLiteral("exec plugin '%1' of user '%2'").arg(m_exec.command, m_credentials.userName);
}

QString ExecCredentialPlugin::notFoundMessage(const QString &detail) const
{
    const QString fix =
        m_exec.installHint.trimmed().isEmpty()
            ? QStringLiteral("Install it, or fix exec.command in the kubeconfig (see %1)").arg(kInstallDocs)
            : m_exec.installHint.trimmed();
    return QStringLiteral("%1 %2. %3").arg(pluginName(), detail, fix);
}

QByteArray ExecCredentialPlugin::execInfo() const
{
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (m_exec.provideClusterInfo) {
        QJsonObject cluster{{QStringLiteral("server"), m_credentials.server.toString()}};
        if (!m_credentials.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), m_credentials.tlsServerName);
        if (m_credentials.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!m_credentials.certificateAuthorityPem.isEmpty()) {
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(m_credentials.certificateAuthorityPem.toBase64()));
        }
        if (!m_credentials.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), m_credentials.proxyUrl.toString());
        if (!m_credentials.execClusterConfig.isNull() && !m_credentials.execClusterConfig.isUndefined())
            cluster.insert(QStringLiteral("config"), m_credentials.execClusterConfig);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("apiVersion"), m_exec.apiVersion},
                           {QStringLiteral("kind"), kKind},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

std::optional<ExecCredential> ExecCredentialPlugin::cachedCredential() const
{
    if (m_cached && !m_cached->isExpiredAt(m_now()))
        return m_cached;
    return std::nullopt;
}

void ExecCredentialPlugin::invalidate()
{
    if (m_cached)
        qCDebug(lcKubeConfig).noquote()
            << pluginName() << "credential dropped; the next request runs the plugin";
    m_cached.reset();
}

bool ExecCredentialPlugin::start(QString *error)
{
    if (!m_credentials.exec) {
        *error = QStringLiteral("user '%1' has no exec plugin in the kubeconfig").arg(m_credentials.userName);
        return false;
    }
    if (m_exec.interactiveMode == ExecInteractiveMode::Always) {
        *error = QStringLiteral(
                     "%1 needs a terminal (interactiveMode: Always), which the console cannot give it: log "
                     "in by running the plugin in a terminal first, or set interactiveMode to IfAvailable "
                     "if the plugin can work without one")
                     .arg(pluginName());
        return false;
    }
    // Found up front so a missing plugin gets the install hint rather than a bare start failure.
    QString program;
    if (m_exec.command.contains(u'/')) {
        const QFileInfo info(m_exec.command);
        if (!info.exists()) {
            *error = notFoundMessage(QStringLiteral("was not found at '%1'").arg(m_exec.command));
            return false;
        }
        if (!info.isExecutable() || info.isDir()) {
            *error = QStringLiteral("%1 is not an executable file: make it executable (chmod +x '%2') or fix "
                                    "exec.command")
                         .arg(pluginName(), m_exec.command);
            return false;
        }
        program = m_exec.command;
    } else {
        program = QStandardPaths::findExecutable(m_exec.command);
        if (program.isEmpty()) {
            *error = notFoundMessage(QStringLiteral("was not found on PATH"));
            return false;
        }
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : m_exec.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));

    m_process->setProgram(program);
    m_process->setArguments(m_exec.args);
    m_process->setProcessEnvironment(env);
    m_process->setStandardInputFile(QProcess::nullDevice()); // spec.interactive is false
    m_runDone = false;
    m_timedOut = false;
    m_runError.clear();
    m_starting = true;
    qCDebug(lcKubeConfig).noquote() << "running" << pluginName();
    m_process->start();
    m_starting = false;
    if (m_runDone) { // failed inside start()
        *error = m_runError;
        return false;
    }
    m_timer->start(m_timeout);
    return true;
}

std::optional<ExecCredential> ExecCredentialPlugin::credential(QString *error)
{
    if (auto cached = cachedCredential())
        return cached;
    if (m_process->state() == QProcess::NotRunning) {
        QString startError;
        if (!start(&startError)) {
            if (error)
                *error = startError;
            return std::nullopt;
        }
    }
    if (!m_runDone && !m_process->waitForFinished(int(m_timeout.count())) && !m_runDone) {
        onTimeout();
        m_process->waitForFinished();
    }
    if (!m_runDone) // the process would not even die; report the timeout anyway
        finishRun(std::nullopt, m_runError);
    if (m_runError.isEmpty() && m_cached)
        return m_cached;
    if (error)
        *error = m_runError;
    return std::nullopt;
}

void ExecCredentialPlugin::requestCredential()
{
    if (auto cached = cachedCredential()) {
        QMetaObject::invokeMethod(
            this, [this, c = *cached] { Q_EMIT credentialReady(c); }, Qt::QueuedConnection);
        return;
    }
    if (m_process->state() != QProcess::NotRunning)
        return; // the running plugin answers everyone
    QString startError;
    if (!start(&startError)) {
        m_runError = startError;
        QMetaObject::invokeMethod(
            this, [this, startError] { Q_EMIT credentialFailed(startError); }, Qt::QueuedConnection);
    }
}

void ExecCredentialPlugin::onTimeout()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_timedOut = true;
    m_runError =
        QStringLiteral("%1 did not finish within %2 s; it may be waiting for a login or for input. Run it "
                       "in a terminal once, then retry")
            .arg(pluginName())
            .arg(m_timeout.count() / 1000.0);
    m_process->kill();
}

void ExecCredentialPlugin::onProcessError()
{
    if (m_process->error() != QProcess::FailedToStart)
        return; // crashes and timeouts end in finished()
    const QString message =
        notFoundMessage(QStringLiteral("could not be started (%1)").arg(m_process->errorString()));
    if (m_starting) { // start() reports it to its caller
        m_runDone = true;
        m_runError = message;
        return;
    }
    finishRun(std::nullopt, message);
}

void ExecCredentialPlugin::onProcessFinished()
{
    const QByteArray out = m_process->readAllStandardOutput();
    QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    if (m_cached && !m_cached->token.isEmpty())
        err.replace(m_cached->token, QStringLiteral("[redacted]"));
    if (err.size() > kMaxStderrInError)
        err = QStringLiteral("...") + err.right(kMaxStderrInError);

    if (m_timedOut) {
        finishRun(std::nullopt, m_runError);
        return;
    }
    if (m_process->exitStatus() == QProcess::CrashExit) {
        finishRun(std::nullopt,
                  QStringLiteral("%1 crashed%2")
                      .arg(pluginName(), err.isEmpty() ? QString() : QStringLiteral(": ") + err));
        return;
    }
    if (m_process->exitCode() != 0) {
        finishRun(std::nullopt,
                  QStringLiteral("%1 failed with exit code %2: %3")
                      .arg(pluginName())
                      .arg(m_process->exitCode())
                      .arg(err.isEmpty() ? QStringLiteral("it printed nothing on stderr") : err));
        return;
    }
    QString error;
    auto credential = parseOutput(out, &error);
    finishRun(credential, error);
}

void ExecCredentialPlugin::finishRun(const std::optional<ExecCredential> &credential, const QString &error)
{
    m_timer->stop();
    m_runDone = true;
    if (credential) {
        m_runError.clear();
        m_cached = credential;
        qCDebug(lcKubeConfig).noquote()
            << pluginName() << "returned a" << (credential->token.isEmpty() ? "client certificate" : "token")
            << (credential->expiration.isValid()
                    ? QStringLiteral("valid until ") + credential->expiration.toString(Qt::ISODate)
                    : QStringLiteral("without expiry"));
        Q_EMIT credentialReady(*credential);
    } else {
        m_runError = error;
        qCWarning(lcKubeConfig).noquote() << error;
        Q_EMIT credentialFailed(error);
    }
}

std::optional<ExecCredential> ExecCredentialPlugin::parseOutput(const QByteArray &stdoutBytes,
                                                                QString *error) const
{
    // Messages never quote standard output: it carries the token.
    if (stdoutBytes.trimmed().isEmpty()) {
        *error =
            QStringLiteral("%1 printed nothing on standard output; it must print an ExecCredential (JSON)")
                .arg(pluginName());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(stdoutBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral(
                     "%1 printed something that is not an ExecCredential JSON object (%2 at offset %3): "
                     "check that nothing else writes to its standard output")
                     .arg(pluginName(), parseError.error != QJsonParseError::NoError
                                            ? parseError.errorString()
                                            : QStringLiteral("not an object"))
                     .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind != kKind) {
        *error = QStringLiteral("%1 printed kind '%2', expected ExecCredential").arg(pluginName(), kind);
        return std::nullopt;
    }
    const QString apiVersion = o.value(QLatin1String("apiVersion")).toString();
    if (apiVersion != m_exec.apiVersion) {
        *error = QStringLiteral(
                     "%1 answered in apiVersion '%2', but the kubeconfig asks for '%3': set exec.apiVersion "
                     "to what the plugin speaks, or update the plugin")
                     .arg(pluginName(), apiVersion, m_exec.apiVersion);
        return std::nullopt;
    }
    const QJsonValue statusValue = o.value(QLatin1String("status"));
    if (!statusValue.isObject()) {
        *error = QStringLiteral("%1 returned an ExecCredential without a status").arg(pluginName());
        return std::nullopt;
    }
    const QJsonObject status = statusValue.toObject();
    ExecCredential c;
    c.token = status.value(QLatin1String("token")).toString();
    c.clientCertificatePem = status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    c.clientKeyPem = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    if (c.token.isEmpty() && c.clientCertificatePem.isEmpty() && c.clientKeyPem.isEmpty()) {
        *error =
            QStringLiteral("%1 returned neither a token nor a client certificate and key").arg(pluginName());
        return std::nullopt;
    }
    if (c.clientCertificatePem.isEmpty() != c.clientKeyPem.isEmpty()) {
        *error =
            QStringLiteral("%1 returned only one of clientCertificateData and clientKeyData; both are needed")
                .arg(pluginName());
        return std::nullopt;
    }
    if (!c.clientCertificatePem.isEmpty() &&
        (QSslCertificate::fromData(c.clientCertificatePem, QSsl::Pem).isEmpty() ||
         !isUsablePrivateKey(c.clientKeyPem))) {
        *error = QStringLiteral(
                     "%1 returned a client certificate or key that is not PEM (an RSA or EC key is needed)")
                     .arg(pluginName());
        return std::nullopt;
    }
    const QJsonValue expiry = status.value(QLatin1String("expirationTimestamp"));
    if (expiry.isString() && !expiry.toString().isEmpty()) {
        c.expiration = parseRfc3339(expiry.toString());
        if (!c.expiration.isValid()) {
            *error =
                QStringLiteral("%1 returned expirationTimestamp '%2', which is not an RFC 3339 time like "
                               "2030-01-02T15:04:05Z")
                    .arg(pluginName(), expiry.toString());
            return std::nullopt;
        }
    } else if (!expiry.isUndefined() && !expiry.isNull() && !expiry.isString()) {
        *error = QStringLiteral("%1 returned an expirationTimestamp that is not a string").arg(pluginName());
        return std::nullopt;
    }
    return c;
}

} // namespace kube
