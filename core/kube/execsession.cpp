#include "kube/execsession.h"

#include "kube/kubelog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace kube {

namespace {

enum Channel : quint8 { Stdin = 0, Stdout = 1, Stderr = 2, Error = 3, Resize = 4, Close = 255 };

bool hostMatches(const QString &pattern, const QString &host)
{
    if (pattern.compare(host, Qt::CaseInsensitive) == 0)
        return true;
    // One wildcard label at the front, as TLS allows.
    if (pattern.startsWith(QLatin1String("*."))) {
        const qsizetype dot = host.indexOf(u'.');
        return dot > 0 && host.mid(dot).compare(pattern.mid(1), Qt::CaseInsensitive) == 0;
    }
    return false;
}

} // namespace

ExecSession::ExecSession(std::shared_ptr<ClusterAccess> access, const QString &ns, const QString &pod,
                         const ExecOptions &options, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_namespace(ns)
    , m_pod(pod)
    , m_options(options)
{
    m_ping.setInterval(options.pingIntervalMs);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        if (!m_socket)
            return;
        if (m_sincePong.isValid() && m_sincePong.elapsed() > m_options.pongTimeoutMs) {
            ApiStatus s;
            s.kind = ApiStatus::Kind::Timeout;
            s.reason = QStringLiteral("Timeout");
            s.message =
                QStringLiteral("The exec session in %1/%2 stopped answering for %3 s; it was closed. Run "
                               "the command again.")
                    .arg(m_namespace, m_pod)
                    .arg(m_options.pongTimeoutMs / 1000);
            finish(-1, s);
            return;
        }
        m_socket->ping();
    });
}

ExecSession::~ExecSession()
{
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

int ExecSession::exitCodeFromStatus(QByteArrayView statusJson, ApiStatus *error)
{
    const QJsonObject o = QJsonDocument::fromJson(statusJson.toByteArray()).object();
    const QString status = o.value(QLatin1String("status")).toString();
    if (status == QLatin1String("Success"))
        return 0;
    const QString reason = o.value(QLatin1String("reason")).toString();
    if (reason == QLatin1String("NonZeroExitCode")) {
        const QJsonArray causes =
            o.value(QLatin1String("details")).toObject().value(QLatin1String("causes")).toArray();
        for (const QJsonValue &c : causes) {
            if (c.toObject().value(QLatin1String("reason")).toString() == QLatin1String("ExitCode")) {
                bool ok = false;
                const int code = c.toObject().value(QLatin1String("message")).toString().toInt(&ok);
                if (ok)
                    return code & 0xff; // kubectl reads it as a uint8
            }
        }
    }
    if (error) {
        *error = ApiStatus();
        error->kind = ApiStatus::Kind::Http;
        error->code = o.value(QLatin1String("code")).toInt();
        error->reason = reason.isEmpty() ? QStringLiteral("ExecFailed") : reason;
        error->serverMessage = o.value(QLatin1String("message")).toString();
        error->message =
            QStringLiteral("The command could not run in the container: %1").arg(error->serverMessage);
    }
    return -1;
}

void ExecSession::start()
{
    m_finished = false;
    m_gotStatus = false;
    if (const auto c = m_access->currentCredential()) {
        open(*c);
        return;
    }
    m_access->requestCredential(this, [this](const std::optional<Credential> &c, const QString &error) {
        if (!c) {
            finish(-1, statusFromCredentialError(error));
            return;
        }
        open(*c);
    });
}

void ExecSession::open(const Credential &credential)
{
    QUrl url = m_access->server();
    url.setScheme(url.scheme() == QLatin1String("http") ? QStringLiteral("ws") : QStringLiteral("wss"));
    QString base = url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec").arg(m_namespace, m_pod));
    QUrlQuery q;
    for (const QString &arg : m_options.command)
        q.addQueryItem(QStringLiteral("command"), QString::fromLatin1(QUrl::toPercentEncoding(arg)));
    if (!m_options.container.isEmpty())
        q.addQueryItem(QStringLiteral("container"), m_options.container);
    const auto flag = [](bool on) { return on ? QStringLiteral("true") : QStringLiteral("false"); };
    q.addQueryItem(QStringLiteral("stdin"), flag(m_options.input));
    q.addQueryItem(QStringLiteral("stdout"), flag(m_options.output));
    q.addQueryItem(QStringLiteral("stderr"), flag(m_options.errorOutput && !m_options.tty));
    q.addQueryItem(QStringLiteral("tty"), flag(m_options.tty));
    url.setQuery(q);

    QNetworkRequest request(url);
    if (!credential.authorization.isEmpty())
        request.setRawHeader("Authorization", credential.authorization);
    m_generation = credential.generation;
    m_sslErrors.clear();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setSslConfiguration(credential.ssl);
    if (const auto proxy = m_access->proxy())
        m_socket->setProxy(*proxy);
    else
        m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        // QWebSocket checks the URL's host; with tls-server-name the certificate must name
        // that instead, so a mismatch alone is accepted when it does.
        const QString name = m_access->tlsServerName();
        bool onlyNameMismatch = !name.isEmpty();
        for (const QSslError &e : errors) {
            if (e.error() != QSslError::HostNameMismatch)
                onlyNameMismatch = false;
        }
        if (onlyNameMismatch) {
            const QSslCertificate cert = errors.first().certificate();
            QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
            names += cert.subjectInfo(QSslCertificate::CommonName);
            for (const QString &n : std::as_const(names)) {
                if (hostMatches(n, name)) {
                    m_socket->ignoreSslErrors(errors);
                    return;
                }
            }
        }
        m_sslErrors += errors;
    });
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_protocol = m_socket->subprotocol();
        if (!m_options.protocols.contains(m_protocol)) {
            ApiStatus s;
            s.kind = ApiStatus::Kind::Decode;
            s.reason = QStringLiteral("NoProtocol");
            s.message =
                QStringLiteral("The cluster did not agree on an exec stream protocol (offered %1, got '%2'). "
                               "It may be too old or behind a proxy that strips WebSocket headers.")
                    .arg(m_options.protocols.join(QLatin1String(", ")), m_protocol);
            finish(-1, s);
            return;
        }
        m_sincePong.start();
        m_ping.start();
        qCDebug(lcKubeHttp).noquote() << "exec in" << m_namespace + u'/' + m_pod << "speaks" << m_protocol;
        Q_EMIT started(m_protocol);
    });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sincePong.restart(); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ExecSession::onBinary);
    connect(m_socket, &QWebSocket::disconnected, this, &ExecSession::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ExecSession::onError);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(m_options.protocols);
    m_socket->open(request, options);
}

void ExecSession::send(quint8 channel, const QByteArray &data)
{
    if (!m_socket || m_protocol.isEmpty())
        return;
    m_socket->sendBinaryMessage(QByteArray(1, char(channel)) + data);
}

void ExecSession::writeInput(const QByteArray &data)
{
    send(Stdin, data);
}

void ExecSession::closeInput()
{
    if (m_protocol == QLatin1String("v5.channel.k8s.io"))
        send(Close, QByteArray(1, char(Stdin)));
}

void ExecSession::resize(int columns, int rows)
{
    send(Resize,
         QJsonDocument(QJsonObject{{QStringLiteral("Width"), columns}, {QStringLiteral("Height"), rows}})
             .toJson(QJsonDocument::Compact));
}

void ExecSession::close()
{
    if (!m_socket)
        return;
    m_closingByUs = true;
    m_socket->close();
}

void ExecSession::onBinary(const QByteArray &message)
{
    m_sincePong.restart(); // any traffic shows the session is alive
    if (message.isEmpty())
        return;
    const quint8 channel = quint8(message.at(0));
    const QByteArray payload = message.mid(1);
    switch (channel) {
    case Stdout:
        Q_EMIT output(payload);
        break;
    case Stderr:
        Q_EMIT errorOutput(payload);
        break;
    case Error: {
        ApiStatus error;
        m_exitCode = exitCodeFromStatus(payload, &error);
        m_status = m_exitCode >= 0 ? ApiStatus::ok(101) : error;
        m_gotStatus = true;
        break;
    }
    default:
        break; // v4/v5 servers send nothing else
    }
}

void ExecSession::onDisconnected()
{
    if (m_gotStatus) {
        finish(m_exitCode, m_status);
        return;
    }
    if (m_closingByUs) {
        finish(-1, ApiStatus::canceled());
        return;
    }
    ApiStatus s;
    s.kind = ApiStatus::Kind::Network;
    s.reason = QStringLiteral("ConnectionClosed");
    s.message = QStringLiteral("The exec session in %1/%2 closed before the command's exit status arrived.")
                    .arg(m_namespace, m_pod);
    finish(-1, s);
}

void ExecSession::onError()
{
    if (!m_socket || m_finished)
        return;
    const QString text = m_socket->errorString();
    if (!m_sslErrors.isEmpty()) {
        finish(-1, statusFromSslErrors(m_sslErrors, m_access->server(), m_access->tlsServerName()));
        return;
    }
    // QWebSocket reports a refused upgrade only in its error text: "...status code: 403 (Forbidden)".
    static const QRegularExpression statusCode(QStringLiteral("status code: (\\d{3})"));
    const QRegularExpressionMatch m = statusCode.match(text);
    if (m.hasMatch()) {
        const int code = m.captured(1).toInt();
        if (code == 401 && m_access->canRefresh() && !m_refreshed) {
            m_refreshed = true;
            m_access->rejectCredential(m_generation);
            QWebSocket *old = m_socket;
            m_socket = nullptr;
            disconnect(old, nullptr, this, nullptr);
            old->deleteLater();
            start();
            return;
        }
        ApiStatus s = statusFromHttp(
            code, QByteArray(), -1, QStringLiteral("exec in pod %1 in namespace %2").arg(m_pod, m_namespace));
        finish(-1, s);
        return;
    }
    if (m_socket->state() == QAbstractSocket::ConnectedState && m_gotStatus)
        return; // the normal close after the Status follows
    if (m_gotStatus) {
        finish(m_exitCode, m_status);
        return;
    }
    finish(-1, statusFromNetworkError(m_socket->error() == QAbstractSocket::ConnectionRefusedError
                                          ? QNetworkReply::ConnectionRefusedError
                                      : m_socket->error() == QAbstractSocket::HostNotFoundError
                                          ? QNetworkReply::HostNotFoundError
                                          : QNetworkReply::UnknownNetworkError,
                                      text, m_access->server()));
}

void ExecSession::finish(int exitCode, const ApiStatus &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_ping.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
        socket->deleteLater();
    }
    Q_EMIT finished(exitCode, status);
}

} // namespace kube
