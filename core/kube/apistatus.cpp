#include "kube/apistatus.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QStringList>
#include <algorithm>

namespace kube {

namespace {

QString hostOf(const QUrl &server)
{
    if (server.port() > 0)
        return server.host() + u':' + QString::number(server.port());
    return server.host();
}

// "message" when the server wrote one, else a stand-in naming the code.
QString quoted(const QString &serverMessage)
{
    return serverMessage.isEmpty() ? QString() : QStringLiteral(": ") + serverMessage;
}

} // namespace

ApiStatus ApiStatus::canceled()
{
    ApiStatus s;
    s.kind = Kind::Canceled;
    s.reason = QStringLiteral("Canceled");
    s.message = QStringLiteral("The request was canceled.");
    return s;
}

QString describeRequest(const QByteArray &verb, const QString &path)
{
    // /api/v1/namespaces/ns/pods/name[/sub] or /apis/g/v/namespaces/ns/res/name
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    qsizetype i = parts.value(0) == QLatin1String("api") ? 2 : 3;
    QString ns;
    if (parts.value(i) == QLatin1String("namespaces") && parts.size() > i + 2) {
        ns = parts.value(i + 1);
        i += 2;
    }
    const QString resource = parts.value(i);
    const QString name = parts.value(i + 1);
    const QString sub = parts.value(i + 2);
    QString v = QString::fromLatin1(verb).toLower();
    if (v == QLatin1String("get") && name.isEmpty())
        v = QStringLiteral("list");
    else if (v == QLatin1String("post"))
        v = QStringLiteral("create");
    else if (v == QLatin1String("put"))
        v = QStringLiteral("update");
    QString what = resource;
    if (!name.isEmpty())
        what += u'/' + name;
    if (!sub.isEmpty())
        what += u'/' + sub;
    if (!ns.isEmpty())
        what += QLatin1String(" in namespace ") + ns;
    return v + u' ' + what;
}

ApiStatus statusFromHttp(int httpStatus, const QByteArray &body, int retryAfterSeconds, const QString &what)
{
    ApiStatus s;
    s.kind = ApiStatus::Kind::Http;
    s.code = httpStatus;
    s.retryAfterSeconds = retryAfterSeconds;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.value(QLatin1String("kind")).toString() == QLatin1String("Status")) {
        s.reason = o.value(QLatin1String("reason")).toString();
        s.serverMessage = o.value(QLatin1String("message")).toString();
        const int code = o.value(QLatin1String("code")).toInt();
        if (code > 0)
            s.code = code;
    } else if (!body.isEmpty() && body.size() < 1000 && !body.contains('{')) {
        s.serverMessage = QString::fromUtf8(body).trimmed(); // a plain-text error (proxies, old servers)
    }
    const QString m = quoted(s.serverMessage);
    QString text;
    switch (s.code) {
    case 400:
        text = QStringLiteral("The cluster refused the request as malformed (400 Bad Request)%1.").arg(m);
        break;
    case 401:
        // Deliberately without the server's text: it never says more, and this is what to do.
        s.message = QStringLiteral(
            "Cluster refused the token (401 Unauthorized). Log in again or pick another context.");
        if (s.reason.isEmpty())
            s.reason = QStringLiteral("Unauthorized");
        return s;
    case 403:
        text = QStringLiteral("The cluster does not allow this (403 Forbidden)%1. Ask a course admin for the "
                              "rights you need, or pick a context whose user has them.")
                   .arg(m);
        break;
    case 404:
        text =
            QStringLiteral("Not found (404 Not Found)%1. It may have been deleted or renamed; refresh, and "
                           "check the namespace.")
                .arg(m);
        break;
    case 405:
        text = QStringLiteral("The cluster does not support this operation here (405 Method Not Allowed)%1.")
                   .arg(m);
        break;
    case 409:
        if (s.reason == QLatin1String("AlreadyExists"))
            text = QStringLiteral(
                       "It already exists (409 Conflict)%1. Pick another name, or edit the existing one.")
                       .arg(m);
        else
            text = QStringLiteral("Someone changed it in the meantime (409 Conflict)%1. Reload it and apply "
                                  "your change again.")
                       .arg(m);
        break;
    case 410:
        text =
            QStringLiteral("The cluster no longer keeps that version (410 Gone)%1. Reload the list.").arg(m);
        break;
    case 415:
        text = QStringLiteral("The cluster cannot read this kind of request (415 Unsupported Media Type)%1.")
                   .arg(m);
        break;
    case 422:
        text =
            QStringLiteral("The cluster rejected the change as invalid (422 Unprocessable Entity)%1. Fix the "
                           "fields it names and try again.")
                .arg(m);
        break;
    case 429:
        text =
            QStringLiteral("The cluster is overloaded and asked us to slow down (429 Too Many Requests)%1. "
                           "Wait a little and try again.")
                .arg(m);
        break;
    case 500:
        text = QStringLiteral(
                   "The cluster failed with an internal error (500 Internal Server Error)%1. Try again; "
                   "if it keeps failing, ask the cluster's admin to check the control plane.")
                   .arg(m);
        break;
    case 502:
    case 503:
    case 504:
        text =
            QStringLiteral("The cluster is not answering properly right now (%1)%2. Try again in a minute.")
                .arg(s.code)
                .arg(m);
        break;
    default:
        text = QStringLiteral("The cluster answered with HTTP status %1%2.").arg(s.code).arg(m);
        break;
    }
    if (s.reason.isEmpty())
        s.reason = QStringLiteral("HTTP%1").arg(s.code);
    s.message = what.isEmpty() ? text : QStringLiteral("Could not %1. %2").arg(what, text);
    return s;
}

ApiStatus statusFromNetworkError(QNetworkReply::NetworkError error, const QString &errorString,
                                 const QUrl &server)
{
    ApiStatus s;
    s.kind = ApiStatus::Kind::Network;
    const QString host = hostOf(server);
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        s.reason = QStringLiteral("ConnectionRefused");
        s.message =
            QStringLiteral("Cannot reach the cluster at %1: the connection was refused. Check that the "
                           "cluster is running and that the kubeconfig's server address is right, or "
                           "pick another context.")
                .arg(host);
        break;
    case QNetworkReply::HostNotFoundError:
        s.reason = QStringLiteral("HostNotFound");
        s.message =
            QStringLiteral("Cannot reach the cluster at %1: the host name is unknown. Check the server "
                           "address in the kubeconfig, and your network or VPN.")
                .arg(host);
        break;
    case QNetworkReply::TimeoutError:
        s.kind = ApiStatus::Kind::Timeout;
        s.reason = QStringLiteral("Timeout");
        s.message =
            QStringLiteral("The cluster at %1 did not answer in time. Check your network or VPN, then try "
                           "again.")
                .arg(host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        s.reason = QStringLiteral("ConnectionClosed");
        s.message =
            QStringLiteral("The cluster at %1 closed the connection before answering. Try again; if it "
                           "keeps happening, check the server address and any proxy in between.")
                .arg(host);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        s.kind = ApiStatus::Kind::Tls;
        s.reason = QStringLiteral("TlsHandshakeFailed");
        s.message =
            QStringLiteral("The secure connection to the cluster at %1 failed (%2). Check the client "
                           "certificate and key in the kubeconfig, or get a current kubeconfig from the "
                           "cluster's admin.")
                .arg(host, errorString);
        break;
    case QNetworkReply::OperationCanceledError:
        return ApiStatus::canceled();
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        s.reason = QStringLiteral("ProxyError");
        s.message =
            QStringLiteral("Cannot reach the cluster at %1 through the proxy (%2). Check proxy-url in the "
                           "kubeconfig.")
                .arg(host, errorString);
        break;
    default:
        s.reason = QStringLiteral("NetworkError");
        s.message = QStringLiteral("Cannot reach the cluster at %1 (%2). Check your network, and that the "
                                   "cluster is running.")
                        .arg(host, errorString);
        break;
    }
    return s;
}

ApiStatus statusFromSslErrors(const QList<QSslError> &errors, const QUrl &server,
                              const QString &tlsServerName)
{
    ApiStatus s;
    s.kind = ApiStatus::Kind::Tls;
    const QString host = hostOf(server);
    auto has = [&errors](std::initializer_list<QSslError::SslError> kinds, QSslError *found = nullptr) {
        for (const QSslError &e : errors) {
            for (const QSslError::SslError k : kinds) {
                if (e.error() == k) {
                    if (found)
                        *found = e;
                    return true;
                }
            }
        }
        return false;
    };
    QSslError e;
    const QString name = tlsServerName.isEmpty() ? server.host() : tlsServerName;
    if (has({QSslError::CertificateExpired}, &e)) {
        s.reason = QStringLiteral("CertificateExpired");
        s.message =
            QStringLiteral("The cluster's certificate at %1 expired on %2 (TLS: certificate expired). Ask "
                           "the cluster's admin to renew it, or correct this computer's clock if it is "
                           "wrong.")
                .arg(host, e.certificate().expiryDate().toUTC().toString(Qt::ISODate));
    } else if (has({QSslError::CertificateNotYetValid}, &e)) {
        s.reason = QStringLiteral("CertificateNotYetValid");
        s.message =
            QStringLiteral("The cluster's certificate at %1 is only valid from %2 (TLS: not yet valid). "
                           "Check this computer's clock.")
                .arg(host, e.certificate().effectiveDate().toUTC().toString(Qt::ISODate));
    } else if (has({QSslError::SelfSignedCertificate, QSslError::SelfSignedCertificateInChain,
                    QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToGetIssuerCertificate,
                    QSslError::UnableToVerifyFirstCertificate, QSslError::CertificateUntrusted,
                    QSslError::CertificateSignatureFailed, QSslError::InvalidCaCertificate},
                   &e)) {
        s.reason = QStringLiteral("UnknownAuthority");
        s.message =
            QStringLiteral("The cluster's certificate at %1 is not signed by a certificate authority the "
                           "kubeconfig trusts (TLS: unknown authority). Get a current kubeconfig for "
                           "this cluster from its admin (certificate-authority-data), or fix "
                           "certificate-authority in the kubeconfig.")
                .arg(host);
    } else if (has({QSslError::HostNameMismatch}, &e)) {
        s.reason = QStringLiteral("HostNameMismatch");
        // QMultiMap::values() gives the latest first; reversed, they read in the certificate's order.
        const auto alternatives = e.certificate().subjectAlternativeNames();
        QStringList names = alternatives.values(QSsl::DnsEntry);
        std::reverse(names.begin(), names.end());
        QStringList addresses = alternatives.values(QSsl::IpAddressEntry);
        std::reverse(addresses.begin(), addresses.end());
        names += addresses;
        if (names.isEmpty())
            names = e.certificate().subjectInfo(QSslCertificate::CommonName);
        s.message =
            QStringLiteral("The cluster's certificate is for %1, not %2 (TLS: wrong host). Use a server "
                           "address the certificate names, or set tls-server-name in the kubeconfig to "
                           "one of those names.")
                .arg(names.isEmpty() ? QStringLiteral("other hosts") : names.join(QLatin1String(", ")), name);
    } else if (has({QSslError::CertificateRevoked}, &e)) {
        s.reason = QStringLiteral("CertificateRevoked");
        s.message =
            QStringLiteral("The cluster's certificate at %1 has been revoked (TLS). Ask the cluster's admin "
                           "for a current kubeconfig.")
                .arg(host);
    } else {
        QStringList texts;
        for (const QSslError &x : errors)
            texts << x.errorString();
        s.reason = QStringLiteral("TlsError");
        s.message =
            QStringLiteral("The cluster's certificate at %1 failed the check (TLS: %2). Get a current "
                           "kubeconfig from the cluster's admin.")
                .arg(host, texts.join(QLatin1String("; ")));
    }
    return s;
}

ApiStatus statusFromCredentialError(const QString &error)
{
    ApiStatus s;
    s.kind = ApiStatus::Kind::Credential;
    s.reason = QStringLiteral("CredentialError");
    s.message = QStringLiteral("Could not get credentials for the cluster: %1").arg(error);
    return s;
}

} // namespace kube
