// The errors a person reads when a call to the cluster fails: each names what
// failed, why, and what to do, and keeps the server's own words where it has them.
#include "kube/apistatus.h"

#include <QSslCertificate>
#include <QTest>

using namespace Qt::StringLiterals;
using kube::ApiStatus;

namespace {

// Self-signed, valid 2026-11-25..26, for cluster.example, *.cluster.example and 10.0.0.1.
const QByteArray kCertificate = R"(-----BEGIN CERTIFICATE-----
MIIBvzCCAWagAwIBAgIUdIiZcqeR9aTqLwkZBai3sIu8hgMwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPY2x1c3Rlci5leGFtcGxlMB4XDTI2MTEyNTIzMjgwM1oXDTI2
MTEyNjIzMjgwM1owGjEYMBYGA1UEAwwPY2x1c3Rlci5leGFtcGxlMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEw4+wGkGESJzP0DXb+UD4qBu35MgkedXoYgtyYheD
GnRvD97uk8oHxs+eDS0yA8E0Ydae0JJn0uiT5NWLpXpd7aOBiTCBhjAdBgNVHQ4E
FgQUFHpFc1YL+P9D7i8HE+LwWlscERMwHwYDVR0jBBgwFoAUFHpFc1YL+P9D7i8H
E+LwWlscERMwDwYDVR0TAQH/BAUwAwEB/zAzBgNVHREELDAqgg9jbHVzdGVyLmV4
YW1wbGWCESouY2x1c3Rlci5leGFtcGxlhwQKAAABMAoGCCqGSM49BAMCA0cAMEQC
IGekk9ds5L0Pv+E5HINzQCB8UmMKsdzDktoTGvQP7XkXAiA8wMAjuX/dU3MdbZxo
j9lZLgsXF7lpDy7bvpDrHz7E4A==
-----END CERTIFICATE-----
-----END CERTIFICATE-----
)";

QByteArray status(int code, const char *reason, const char *message)
{
    return QByteArray(R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":")") +
           message + R"(","reason":")" + reason + R"(","code":)" + QByteArray::number(code) + "}";
}

const QUrl kServer(u"https://10.0.0.1:6443"_s);

} // namespace

class TestApiStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unauthorizedSaysWhatToDo()
    {
        const ApiStatus s =
            kube::statusFromHttp(401, status(401, "Unauthorized", "Unauthorized"), -1, u"list pods"_s);
        QCOMPARE(s.kind, ApiStatus::Kind::Http);
        QCOMPARE(s.code, 401);
        QCOMPARE(s.message,
                 u"Cluster refused the token (401 Unauthorized). Log in again or pick another context."_s);
    }

    void serverWordsAreQuoted_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QByteArray>("serverMessage");
        QTest::addColumn<QString>("mustSay");
        QTest::newRow("403")
            << 403 << QByteArray("Forbidden")
            << QByteArray(
                   R"(deployments.apps \"alice\" is forbidden: User \"course-ta\" cannot patch resource \"deployments\")")
            << u"403 Forbidden): deployments.apps \"alice\" is forbidden: User \"course-ta\" cannot patch resource \"deployments\". Ask a course admin"_s;
        QTest::newRow("404")
            << 404 << QByteArray("NotFound") << QByteArray(R"(pods \"nobody\" not found)")
            << u"Not found (404 Not Found): pods \"nobody\" not found. It may have been deleted"_s;
        QTest::newRow("409 conflict")
            << 409 << QByteArray("Conflict")
            << QByteArray(
                   R"(Operation cannot be fulfilled on deployments.apps \"alice\": the object has been modified; please apply your changes to the latest version and try again)")
            << u"Someone changed it in the meantime (409 Conflict): Operation cannot be fulfilled"_s;
        QTest::newRow("409 exists")
            << 409 << QByteArray("AlreadyExists") << QByteArray(R"(services \"alice\" already exists)")
            << u"It already exists (409 Conflict): services \"alice\" already exists. Pick another name"_s;
        QTest::newRow("410") << 410 << QByteArray("Expired")
                             << QByteArray("too old resource version: 5 (900)")
                             << u"(410 Gone): too old resource version: 5 (900). Reload the list."_s;
        QTest::newRow("422")
            << 422 << QByteArray("Invalid")
            << QByteArray(R"(Deployment.apps \"alice\" is invalid: spec.replicas: Invalid value: -1)")
            << u"rejected the change as invalid (422 Unprocessable Entity): Deployment.apps"_s;
        QTest::newRow("429") << 429 << QByteArray("TooManyRequests")
                             << QByteArray("Too many requests, please try again later.")
                             << u"asked us to slow down (429 Too Many Requests): Too many requests"_s;
        QTest::newRow("500")
            << 500 << QByteArray("InternalError") << QByteArray("Internal error occurred: injected fault")
            << u"internal error (500 Internal Server Error): Internal error occurred: injected fault. Try again"_s;
    }

    void serverWordsAreQuoted()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, serverMessage);
        QFETCH(QString, mustSay);
        const ApiStatus s =
            kube::statusFromHttp(code, status(code, reason.constData(), serverMessage.constData()), 3);
        QCOMPARE(s.code, code);
        QCOMPARE(s.reason, QString::fromLatin1(reason));
        QVERIFY2(s.message.contains(mustSay), qPrintable(s.message));
        QCOMPARE(s.retryAfterSeconds, 3);
        QCOMPARE(s.isRetryableLater(), code == 429 || code >= 500);
        QCOMPARE(s.isGone(), code == 410);
    }

    void withoutAStatusBody()
    {
        const ApiStatus s = kube::statusFromHttp(503, "upstream connect error", -1);
        QCOMPARE(s.code, 503);
        QVERIFY2(s.message.contains(u"(503): upstream connect error"_s), qPrintable(s.message));
        const ApiStatus html = kube::statusFromHttp(502, "<html><body>{bad gateway}</body></html>", -1);
        QVERIFY2(!html.message.contains(u"html"_s), qPrintable(html.message));
    }

    void networkErrors()
    {
        ApiStatus s = kube::statusFromNetworkError(QNetworkReply::ConnectionRefusedError,
                                                   u"Connection refused"_s, kServer);
        QCOMPARE(s.kind, ApiStatus::Kind::Network);
        QVERIFY2(
            s.message.startsWith(u"Cannot reach the cluster at 10.0.0.1:6443: the connection was refused."_s),
            qPrintable(s.message));
        s = kube::statusFromNetworkError(QNetworkReply::HostNotFoundError, QString(),
                                         QUrl(u"https://nowhere.example"_s));
        QVERIFY(s.message.contains(u"nowhere.example: the host name is unknown"_s));
        s = kube::statusFromNetworkError(QNetworkReply::TimeoutError, QString(), kServer);
        QCOMPARE(s.kind, ApiStatus::Kind::Timeout);
        QVERIFY(s.isRetryableLater());
        QCOMPARE(kube::statusFromNetworkError(QNetworkReply::OperationCanceledError, QString(), kServer).kind,
                 ApiStatus::Kind::Canceled);
    }

    void tlsErrorsNameTheProblem_data()
    {
        QTest::addColumn<QList<QSslError::SslError>>("errors");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("mustSay");
        QTest::newRow("expired") << QList<QSslError::SslError>{QSslError::CertificateExpired}
                                 << u"CertificateExpired"_s
                                 << u"expired on 2026-11-26T23:28:03Z (TLS: certificate expired)"_s;
        QTest::newRow("not yet valid") << QList<QSslError::SslError>{QSslError::CertificateNotYetValid}
                                       << u"CertificateNotYetValid"_s << u"Check this computer's clock"_s;
        QTest::newRow("unknown CA")
            << QList<QSslError::SslError>{QSslError::UnableToGetLocalIssuerCertificate,
                                          QSslError::UnableToVerifyFirstCertificate}
            << u"UnknownAuthority"_s << u"not signed by a certificate authority the kubeconfig trusts"_s;
        QTest::newRow("self-signed") << QList<QSslError::SslError>{QSslError::SelfSignedCertificate}
                                     << u"UnknownAuthority"_s << u"certificate-authority-data"_s;
        QTest::newRow("wrong host")
            << QList<QSslError::SslError>{QSslError::HostNameMismatch} << u"HostNameMismatch"_s
            << u"certificate is for cluster.example, *.cluster.example, 10.0.0.1, not api.other.example (TLS: wrong host)"_s;
        // The authority is the first thing to fix: a right name on an untrusted certificate proves nothing.
        QTest::newRow("wrong host and unknown CA")
            << QList<QSslError::SslError>{QSslError::HostNameMismatch, QSslError::SelfSignedCertificate}
            << u"UnknownAuthority"_s << u"unknown authority"_s;
    }

    void tlsErrorsNameTheProblem()
    {
        QFETCH(QList<QSslError::SslError>, errors);
        QFETCH(QString, reason);
        QFETCH(QString, mustSay);
        const QList<QSslCertificate> certs = QSslCertificate::fromData(kCertificate, QSsl::Pem);
        QCOMPARE(certs.size(), 1);
        QList<QSslError> list;
        for (const auto e : errors)
            list.append(QSslError(e, certs.first()));
        const ApiStatus s =
            kube::statusFromSslErrors(list, QUrl(u"https://api.other.example:6443"_s), QString());
        QCOMPARE(s.kind, ApiStatus::Kind::Tls);
        QCOMPARE(s.reason, reason);
        QVERIFY2(s.message.contains(mustSay), qPrintable(s.message));
        QVERIFY2(!s.message.contains(u"insecure"_s), "never advise switching verification off");
    }

    void tlsServerNameIsTheNameChecked()
    {
        const QList<QSslCertificate> certs = QSslCertificate::fromData(kCertificate, QSsl::Pem);
        const ApiStatus s = kube::statusFromSslErrors({QSslError(QSslError::HostNameMismatch, certs.first())},
                                                      kServer, u"kubernetes.internal"_s);
        QVERIFY2(s.message.contains(u"not kubernetes.internal"_s), qPrintable(s.message));
    }

    void describesRequests()
    {
        QCOMPARE(kube::describeRequest("GET", u"/api/v1/namespaces/students/pods"_s),
                 u"list pods in namespace students"_s);
        QCOMPARE(kube::describeRequest("PATCH", u"/apis/apps/v1/namespaces/students/deployments/alice"_s),
                 u"patch deployments/alice in namespace students"_s);
        QCOMPARE(kube::describeRequest("POST", u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s),
                 u"create selfsubjectaccessreviews"_s);
        QCOMPARE(kube::describeRequest("GET", u"/api/v1/namespaces/s/pods/p/log"_s),
                 u"get pods/p/log in namespace s"_s);
    }
};

QTEST_APPLESS_MAIN(TestApiStatus)
#include "tst_apistatus.moc"
