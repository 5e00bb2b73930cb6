// The REST client and the operations built on it, against the sandbox: every
// verb, and each with the error a user meets (401 and an exec plugin's stale
// token, wrong CA, wrong host, unreachable server, 403 from the read-only
// context, 404, 409), retries after 429/5xx, access reviews, rollout restart
// and status, and log streams. Tests assert what the server holds afterwards
// or what the user reads.
#include "../common/tcpproxy.h"
#include "fakeapiserver.h"
#include "kube/accessreview.h"
#include "kube/deploymentinfo.h"
#include "kube/logstream.h"
#include "kube/rollout.h"
#include "kubetestkit.h"

#include <QRegularExpression>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

// A CA that signed nothing the sandbox serves.
const QByteArray kOtherCa = R"(-----BEGIN CERTIFICATE-----
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
)";

const QString kConfigMaps = u"/api/v1/namespaces/students/configmaps"_s;

QString deploymentPath(const QString &name)
{
    return kube::resourcePath(kube::kinds::deployments, u"students"_s, name);
}

} // namespace

class TestKubeClient : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    Cluster m_cluster;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    std::shared_ptr<kube::ClusterAccess> m_ta;
    std::unique_ptr<kube::KubeClient> m_client;

    QString kubeconfig(const QString &name, const QString &userYaml, const QString &clusterExtra = {},
                       const QByteArray &ca = QByteArray("sandbox"), const QUrl &server = {})
    {
        return writeKubeconfig(m_sandbox.dir() + u'/' + name, server.isEmpty() ? m_cluster.server : server,
                               ca == "sandbox" ? m_cluster.caPem : ca, userYaml, clusterExtra);
    }

    QString podOf(const QString &login)
    {
        QUrlQuery q;
        q.addQueryItem(u"labelSelector"_s, u"courseops.io/student="_s + login);
        const auto items =
            json(get(*m_client, u"/api/v1/namespaces/students/pods"_s, q))[u"items"_s].toArray();
        return items.isEmpty() ? QString() : items.first()[u"metadata"_s][u"name"_s].toString();
    }

    QList<kube::LogLine> readLog(const QString &pod, const kube::LogOptions &o, kube::ApiStatus *status)
    {
        kube::LogStream log(m_admin, u"students"_s, pod, o);
        QList<kube::LogLine> lines;
        connect(&log, &kube::LogStream::lines, this, [&](const QList<kube::LogLine> &b) { lines += b; });
        QSignalSpy finished(&log, &kube::LogStream::finished);
        log.start();
        if (!finished.wait(10000))
            return {};
        *status = finished.constFirst().constFirst().value<kube::ApiStatus>();
        return lines;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString scenario = QDir(QDir::tempPath()).filePath(u"tst_kubeclient_scenario.yaml"_s);
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("student-000002: crash\n");
        f.close();
        QVERIFY(m_sandbox.start({u"--students"_s, u"6"_s, u"--runtime"_s, u"simulated"_s, u"--time-scale"_s,
                                 u"10"_s, u"--scenario"_s, scenario}));
        m_cluster = clusterOf(m_sandbox);
        QVERIFY(!m_cluster.adminToken.isEmpty());
        m_admin = accessFor(m_sandbox.kubeconfig(), u"sandbox-admin"_s);
        m_ta = accessFor(m_sandbox.kubeconfig(), u"sandbox-ta"_s);
        QVERIFY(m_admin && m_ta);
        m_client = std::make_unique<kube::KubeClient>(m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(!podOf(u"student-000006"_s).isEmpty(), 20000);
    }

    void getAndList()
    {
        const kube::ApiResult d = get(*m_client, deploymentPath(u"student-000001"_s));
        QVERIFY2(d.ok(), qPrintable(d.status.message));
        QCOMPARE(d.status.code, 200);
        QCOMPARE(json(d)[u"metadata"_s][u"name"_s].toString(), u"student-000001"_s);
        const auto info = kube::parseDeploymentJson(d.body);
        QVERIFY(info);
        QCOMPARE(info->label(u"courseops.io/student"), u"student-000001");

        QUrlQuery q;
        q.addQueryItem(u"limit"_s, u"4"_s);
        const kube::ApiResult page = get(*m_client, u"/api/v1/namespaces/students/services"_s, q);
        QVERIFY(page.ok());
        QCOMPARE(json(page)[u"items"_s].toArray().size(), 4);
        QVERIFY(!json(page)[u"metadata"_s][u"continue"_s].toString().isEmpty());
        // A label selector with characters that need escaping survives the trip.
        QUrlQuery selected;
        selected.addQueryItem(u"labelSelector"_s,
                              u"courseops.io/student in (student-000001,student-000003)"_s);
        QCOMPARE(json(get(*m_client, u"/api/v1/namespaces/students/services"_s, selected))[u"items"_s]
                     .toArray()
                     .size(),
                 2);
    }

    // create, update, the three patch types and delete, each checked on the server.
    void writesReachTheServer()
    {
        kube::ApiResult r;
        bool done = false;
        m_client->create(kConfigMaps, R"({"metadata":{"name":"cm-test"},"data":{"a":"1"}})", this,
                         [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QVERIFY2(r.ok(), qPrintable(r.status.message));
        QCOMPARE(r.status.code, 201);

        QJsonObject cm = json(r);
        cm[u"data"_s] = QJsonObject{{u"a"_s, u"2"_s}};
        done = false;
        m_client->update(kConfigMaps + u"/cm-test"_s, QJsonDocument(cm).toJson(), this,
                         [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QVERIFY2(r.ok(), qPrintable(r.status.message));
        QCOMPARE(json(get(*m_client, kConfigMaps + u"/cm-test"_s))[u"data"_s][u"a"_s].toString(), u"2"_s);

        // 409: the update still names the old resourceVersion.
        done = false;
        m_client->update(kConfigMaps + u"/cm-test"_s, QJsonDocument(cm).toJson(), this,
                         [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(r.status.code, 409);
        QCOMPARE(r.status.reason, u"Conflict"_s);
        QVERIFY2(
            r.status.message.startsWith(u"Could not update configmaps/cm-test in namespace students. Someone "
                                        "changed it in the meantime (409 Conflict): "_s),
            qPrintable(r.status.message));
        QVERIFY(r.status.message.contains(u"Reload it and apply your change again."_s));
        QCOMPARE(json(get(*m_client, kConfigMaps + u"/cm-test"_s))[u"data"_s][u"a"_s].toString(), u"2"_s);

        const struct
        {
            kube::PatchType type;
            QByteArray patch;
            QString key;
        } patches[] = {
            {kube::PatchType::Merge, R"({"data":{"merge":"yes"}})", u"merge"_s},
            {kube::PatchType::Strategic, R"({"data":{"strategic":"yes"}})", u"strategic"_s},
            {kube::PatchType::Json, R"([{"op":"add","path":"/data/json","value":"yes"}])", u"json"_s},
        };
        for (const auto &p : patches) {
            done = false;
            m_client->patch(kConfigMaps + u"/cm-test"_s, p.type, p.patch, this,
                            [&](const kube::ApiResult &x) { r = x, done = true; });
            QTRY_VERIFY(done);
            QVERIFY2(r.ok(), qPrintable(r.status.message));
            QCOMPARE(json(get(*m_client, kConfigMaps + u"/cm-test"_s))[u"data"_s][p.key].toString(),
                     u"yes"_s);
        }
        // A JSON patch whose test fails is refused, and the object stays as it was.
        done = false;
        m_client->patch(kConfigMaps + u"/cm-test"_s, kube::PatchType::Json,
                        R"([{"op":"test","path":"/data/a","value":"99"},{"op":"remove","path":"/data/a"}])",
                        this, [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QVERIFY(!r.ok());
        QCOMPARE(json(get(*m_client, kConfigMaps + u"/cm-test"_s))[u"data"_s][u"a"_s].toString(), u"2"_s);

        // 409 AlreadyExists.
        done = false;
        m_client->create(kConfigMaps, R"({"metadata":{"name":"cm-test"}})", this,
                         [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(r.status.reason, u"AlreadyExists"_s);
        QVERIFY2(r.status.message.contains(u"It already exists (409 Conflict)"_s),
                 qPrintable(r.status.message));

        done = false;
        m_client->remove(
            kConfigMaps + u"/cm-test"_s, this, [&](const kube::ApiResult &x) { r = x, done = true; },
            R"({"propagationPolicy":"Background"})");
        QTRY_VERIFY(done);
        QVERIFY2(r.ok(), qPrintable(r.status.message));
        const kube::ApiResult gone = get(*m_client, kConfigMaps + u"/cm-test"_s);
        QCOMPARE(gone.status.code, 404);
        QCOMPARE(gone.status.reason, u"NotFound"_s);
        QCOMPARE(gone.status.serverMessage, u"configmaps \"cm-test\" not found"_s);
        QVERIFY2(
            gone.status.message.contains(u"Not found (404 Not Found): configmaps \"cm-test\" not found."_s),
            qPrintable(gone.status.message));
    }

    // Results reach a receiver in another thread, in that thread.
    void callsFromAWorkerThread()
    {
        QThread worker;
        worker.start();
        QObject receiver;
        receiver.moveToThread(&worker);
        std::atomic<bool> inWorker{false};
        std::atomic<int> status{0};
        QMetaObject::invokeMethod(&receiver, [&] {
            m_client->get(deploymentPath(u"student-000001"_s), &receiver, [&](const kube::ApiResult &r) {
                inWorker = QThread::currentThread() == &worker;
                status = r.status.code;
            });
        });
        QTRY_COMPARE(status.load(), 200);
        QVERIFY(inWorker);
        worker.quit();
        worker.wait();
    }

    void forbiddenForTheReadOnlyContext()
    {
        kube::KubeClient ta(m_ta);
        QVERIFY(get(ta, deploymentPath(u"student-000001"_s)).ok()); // reading is allowed
        const kube::ApiResult r =
            send(ta, "PATCH", deploymentPath(u"student-000001"_s), R"({"metadata":{"labels":{"x":"y"}}})",
                 "application/merge-patch+json");
        QCOMPARE(r.status.code, 403);
        QCOMPARE(r.status.reason, u"Forbidden"_s);
        QVERIFY2(r.status.message.contains(
                     u"(403 Forbidden): deployments.apps \"student-000001\" is forbidden: User "
                     "\"course-ta\" cannot patch resource \"deployments\""_s),
                 qPrintable(r.status.message));
        QVERIFY(r.status.message.contains(u"Ask a course admin"_s));
        QVERIFY(!json(get(*m_client, deploymentPath(u"student-000001"_s)))[u"metadata"_s][u"labels"_s]
                     .toObject()
                     .contains(u"x"_s));
    }

    void unknownTokenIsRefused()
    {
        kube::KubeClient client(accessFor(kubeconfig(u"bad-token"_s, tokenUser(u"not-a-real-token"_s))));
        const kube::ApiResult r = get(client, deploymentPath(u"student-000001"_s));
        QCOMPARE(r.status.code, 401);
        QCOMPARE(r.status.message,
                 u"Cluster refused the token (401 Unauthorized). Log in again or pick another context."_s);
        QCOMPARE(client.retries(), 0); // a static token cannot be refreshed: no second try
    }

    // An exec plugin whose first token the cluster refuses (expired): the plugin
    // runs again once, and the request succeeds; the new token is then cached.
    void expiredPluginTokenIsRefreshed()
    {
        const QString counter = m_sandbox.dir() + u"/plugin-runs"_s;
        const QString script = m_sandbox.dir() + u"/token-plugin.sh"_s;
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "#!/bin/sh\n"
                    "n=$(cat '%1' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '%1'\n"
                    "if [ \"$n\" -eq 1 ]; then token=expired-token; else token='%2'; fi\n"
                    "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                    "\"status\":{\"token\":\"%s\"}}' \"$token\"\n")
                    .arg(counter, m_cluster.adminToken)
                    .toUtf8());
        f.close();
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        const QString user =
            QStringLiteral("      exec:\n        apiVersion: client.authentication.k8s.io/v1\n"
                           "        command: %1\n        interactiveMode: Never\n")
                .arg(script);
        auto access = accessFor(kubeconfig(u"plugin"_s, user));
        QVERIFY(access);
        kube::KubeClient client(access);
        const kube::ApiResult r = get(client, deploymentPath(u"student-000001"_s));
        QVERIFY2(r.ok(), qPrintable(r.status.message));
        QCOMPARE(access->pluginRuns(), 2);
        QCOMPARE(client.retries(), 1);
        QVERIFY(get(client, deploymentPath(u"student-000002"_s)).ok());
        QCOMPARE(access->pluginRuns(), 2); // cached
        QFile c(counter);
        QVERIFY(c.open(QIODevice::ReadOnly));
        QCOMPARE(c.readAll().trimmed(), QByteArray("2"));
    }

    void failingPluginExplains()
    {
        const QString script = m_sandbox.dir() + u"/failing-plugin.sh"_s;
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho 'error: you are not logged in; run: sso login' >&2\nexit 1\n");
        f.close();
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        kube::KubeClient client(accessFor(kubeconfig(
            u"failing-plugin"_s,
            QStringLiteral("      exec:\n        apiVersion: client.authentication.k8s.io/v1beta1\n"
                           "        command: %1\n")
                .arg(script))));
        const kube::ApiResult r = get(client, deploymentPath(u"student-000001"_s));
        QCOMPARE(r.status.kind, kube::ApiStatus::Kind::Credential);
        QVERIFY2(r.status.message.contains(
                     u"failed with exit code 1: error: you are not logged in; run: sso login"_s),
                 qPrintable(r.status.message));
    }

    void wrongCertificateAuthority()
    {
        kube::KubeClient client(
            accessFor(kubeconfig(u"other-ca"_s, tokenUser(m_cluster.adminToken), {}, kOtherCa)));
        const kube::ApiResult r = get(client, deploymentPath(u"student-000001"_s));
        QCOMPARE(r.status.kind, kube::ApiStatus::Kind::Tls);
        QCOMPARE(r.status.reason, u"UnknownAuthority"_s);
        QVERIFY2(
            r.status.message.contains(u"is not signed by a certificate authority the kubeconfig trusts"_s),
            qPrintable(r.status.message));
    }

    void wrongHostName()
    {
        kube::KubeClient wrong(accessFor(kubeconfig(u"wrong-host"_s, tokenUser(m_cluster.adminToken),
                                                    u"    tls-server-name: api.other.example\n"_s)));
        const kube::ApiResult r = get(wrong, deploymentPath(u"student-000001"_s));
        QCOMPARE(r.status.reason, u"HostNameMismatch"_s);
        QVERIFY2(r.status.message.contains(u"not api.other.example (TLS: wrong host)"_s),
                 qPrintable(r.status.message));
        QVERIFY(r.status.message.contains(u"localhost"_s)); // names what the certificate is for
        // tls-server-name is the name checked: one the certificate has makes the connection good.
        kube::KubeClient right(accessFor(kubeconfig(u"right-host"_s, tokenUser(m_cluster.adminToken),
                                                    u"    tls-server-name: localhost\n"_s)));
        const kube::ApiResult ok = get(right, deploymentPath(u"student-000001"_s));
        QVERIFY2(ok.ok(), qPrintable(ok.status.message));
    }

    void unreachableServer()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        kube::KubeClient client(accessFor(kubeconfig(u"unreachable"_s, tokenUser(m_cluster.adminToken), {},
                                                     "sandbox", QUrl(u"https://127.0.0.1:%1"_s.arg(port)))));
        const kube::ApiResult r = get(client, deploymentPath(u"student-000001"_s));
        QCOMPARE(r.status.kind, kube::ApiStatus::Kind::Network);
        QVERIFY2(r.status.message.startsWith(
                     u"Cannot reach the cluster at 127.0.0.1:%1: the connection was refused."_s.arg(port)),
                 qPrintable(r.status.message));
    }

    // Retry-After on 429 and 5xx is honoured up to ten times, as client-go does;
    // without it, and for other codes, the first answer stands.
    void retriesFollowRetryAfter()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.setHandler([&](const FakeApiServer::Request &r, QTcpSocket *s) {
            ++calls;
            const QByteArray status =
                R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"try later","reason":"TooManyRequests","code":429})";
            if (r.path.endsWith(u"/throttled-once"_s))
                FakeApiServer::reply(s, calls == 1 ? 429 : 200, calls == 1 ? status : R"({"kind":"Pod"})",
                                     calls == 1 ? "Retry-After: 0\r\n" : "");
            else if (r.path.endsWith(u"/always-500"_s))
                FakeApiServer::reply(
                    s, 500, R"({"kind":"Status","code":500,"reason":"InternalError","message":"boom"})",
                    "Retry-After: 0\r\n");
            else
                FakeApiServer::reply(s, 503, "busy");
        });
        kube::KubeClient client(
            accessFor(writeKubeconfig(m_sandbox.dir() + u"/fake"_s, server.url(), {}, tokenUser(u"t"_s))));
        QVERIFY(get(client, u"/api/v1/throttled-once"_s).ok());
        QCOMPARE(calls, 2);
        calls = 0;
        const kube::ApiResult r = get(client, u"/api/v1/always-500"_s);
        QCOMPARE(calls, 11); // the request and ten retries
        QCOMPARE(r.status.code, 500);
        QVERIFY(r.status.message.contains(u"boom"_s));
        calls = 0;
        const kube::ApiResult noHeader = get(client, u"/api/v1/no-retry-after"_s);
        QCOMPARE(calls, 1);
        QCOMPARE(noHeader.status.code, 503);
    }

    void accessReviews()
    {
        kube::KubeClient ta(m_ta);
        struct Case
        {
            kube::KubeClient *client;
            const char *verb, *group, *resource, *subresource;
            bool allowed;
        } cases[] = {
            {m_client.get(), "patch", "apps", "deployments", "", true},
            {m_client.get(), "create", "", "pods", "exec", true},
            {&ta, "list", "", "pods", "", true},
            {&ta, "get", "", "pods", "log", true},
            {&ta, "patch", "apps", "deployments", "", false},
            {&ta, "create", "", "pods", "exec", false},
            {&ta, "delete", "", "pods", "", false},
        };
        for (const Case &c : cases) {
            kube::AccessAnswer answer;
            bool done = false;
            kube::AccessReview::canI(c.client, QString::fromLatin1(c.verb), QString::fromLatin1(c.group),
                                     QString::fromLatin1(c.resource), QString::fromLatin1(c.subresource),
                                     u"students"_s, this,
                                     [&](const kube::AccessAnswer &a) { answer = a, done = true; });
            QTRY_VERIFY(done);
            QVERIFY2(answer.status.isOk(), qPrintable(answer.status.message));
            QVERIFY2(answer.allowed == c.allowed, c.verb);
            if (c.allowed)
                QVERIFY(answer.reason.startsWith(u"RBAC: allowed by"_s));
        }
    }

    // kubectl rollout restart: the template annotation changes on the server and the
    // rollout runs to "successfully rolled out".
    void rolloutRestartAndStatus()
    {
        const QString before = podOf(u"student-000003"_s);
        kube::ApiResult r;
        bool done = false;
        kube::rolloutRestart(m_client.get(), u"students"_s, u"student-000003"_s, this,
                             [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QVERIFY2(r.ok(), qPrintable(r.status.message));
        const auto held = kube::parseDeploymentJson(get(*m_client, deploymentPath(u"student-000003"_s)).body);
        QVERIFY(held);
        const QString restartedAt = held->restartedAt();
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$"_s)
                     .match(restartedAt)
                     .hasMatch(),
                 qPrintable(restartedAt));
        QVERIFY(qAbs(QDateTime::fromString(restartedAt, Qt::ISODate).secsTo(QDateTime::currentDateTime())) <
                600);

        kube::RolloutWatch watch(m_admin, u"students"_s, u"student-000003"_s);
        QSignalSpy finished(&watch, &kube::RolloutWatch::finished);
        watch.start();
        QVERIFY(finished.wait(30000));
        const auto status = finished.constFirst().at(0).value<kube::RolloutStatus>();
        QVERIFY2(finished.constFirst().at(1).value<kube::ApiStatus>().isOk(),
                 qPrintable(finished.constFirst().at(1).value<kube::ApiStatus>().message));
        QCOMPARE(status.phase, kube::RolloutPhase::Complete);
        QCOMPARE(status.message, u"deployment \"student-000003\" successfully rolled out"_s);
        QTRY_VERIFY_WITH_TIMEOUT(podOf(u"student-000003"_s) != before, 20000); // a new pod replaced the old
    }

    void pausedDeploymentIsNotRestarted()
    {
        QVERIFY(send(*m_client, "PATCH", deploymentPath(u"student-000004"_s), R"({"spec":{"paused":true}})",
                     "application/merge-patch+json")
                    .ok());
        kube::ApiResult r;
        bool done = false;
        kube::rolloutRestart(m_client.get(), u"students"_s, u"student-000004"_s, this,
                             [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(r.status.kind, kube::ApiStatus::Kind::Refused);
        QVERIFY2(r.status.message.contains(u"is paused"_s) &&
                     r.status.message.contains(u"kubectl rollout resume"_s),
                 qPrintable(r.status.message));
        const auto held = kube::parseDeploymentJson(get(*m_client, deploymentPath(u"student-000004"_s)).body);
        QVERIFY(held && held->restartedAt().isEmpty());
        // And the read-only context cannot restart at all.
        kube::KubeClient ta(m_ta);
        done = false;
        kube::rolloutRestart(&ta, u"students"_s, u"student-000005"_s, this,
                             [&](const kube::ApiResult &x) { r = x, done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(r.status.code, 403);
    }

    void rolloutStatusOfAMissingDeployment()
    {
        kube::RolloutWatch watch(m_admin, u"students"_s, u"nobody"_s);
        QSignalSpy finished(&watch, &kube::RolloutWatch::finished);
        watch.start();
        QVERIFY(finished.wait(10000));
        const auto error = finished.constFirst().at(1).value<kube::ApiStatus>();
        QCOMPARE(error.code, 404);
        QVERIFY2(error.message.contains(u"There is no Deployment nobody in namespace students"_s),
                 qPrintable(error.message));
    }

    void logs()
    {
        const QString pod = podOf(u"student-000001"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            json(get(*m_client, u"/api/v1/namespaces/students/pods/"_s + pod))[u"status"_s][u"phase"_s]
                    .toString() == u"Running"_s,
            20000);
        kube::ApiStatus status;
        kube::LogOptions o;
        o.container = u"app"_s;
        QList<kube::LogLine> lines;
        QTRY_VERIFY_WITH_TIMEOUT(!(lines = readLog(pod, o, &status)).isEmpty(), 10000);
        QVERIFY2(status.isOk(), qPrintable(status.message));
        QCOMPARE(lines.constLast().text, u"Server listening on port 3000"_s);
        QVERIFY(lines.constLast().timeNs > 0);
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z$"_s)
                     .match(lines.constLast().timestamp)
                     .hasMatch(),
                 qPrintable(lines.constLast().timestamp));

        // The crashing app: its previous container's stack trace.
        const QString crashing = podOf(u"student-000002"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            json(get(*m_client, u"/api/v1/namespaces/students/pods/"_s +
                                    crashing))[u"status"_s][u"containerStatuses"_s][0][u"restartCount"_s]
                    .toInt() >= 1,
            20000);
        o.previous = true;
        lines = readLog(crashing, o, &status);
        QVERIFY2(status.isOk(), qPrintable(status.message));
        QStringList texts;
        for (const auto &l : std::as_const(lines))
            texts << l.text;
        QVERIFY2(texts.contains(u"ReferenceError: express is not defined"_s), qPrintable(texts.join(u'\n')));
        o.tailLines = 1;
        lines = readLog(crashing, o, &status);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.constFirst().text, u"Node.js v20.11.1"_s);

        // What a user meets: no previous container, and no such pod.
        o.tailLines = -1;
        lines = readLog(pod, o, &status);
        QCOMPARE(status.code, 400);
        QVERIFY2(status.message.contains(u"previous terminated container \"app\" in pod"_s),
                 qPrintable(status.message));
        o.previous = false;
        readLog(u"nobody"_s, o, &status);
        QCOMPARE(status.code, 404);
    }

    // A followed log whose connection breaks is reopened from the last
    // timestamp, and the lines seen before are not shown again.
    void followedLogSurvivesADrop()
    {
        const QString pod = podOf(u"student-000001"_s);
        TcpProxy proxy(quint16(m_cluster.server.port()));
        QVERIFY(proxy.listen());
        auto access = accessFor(kubeconfig(u"via-proxy"_s, tokenUser(m_cluster.adminToken), {}, "sandbox",
                                           QUrl(u"https://127.0.0.1:%1"_s.arg(proxy.port()))));
        kube::LogOptions o;
        o.follow = true;
        kube::LogStream log(access, u"students"_s, pod, o);
        QList<kube::LogLine> lines;
        connect(&log, &kube::LogStream::lines, this, [&](const QList<kube::LogLine> &b) { lines += b; });
        QSignalSpy reconnecting(&log, &kube::LogStream::reconnecting);
        QSignalSpy finished(&log, &kube::LogStream::finished);
        log.start();
        QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), 10000);
        const QList<kube::LogLine> before = lines;
        proxy.dropAll();
        QVERIFY(reconnecting.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(proxy.open(), 1, 10000); // following again
        QCOMPARE(log.reconnects(), 1);
        QVERIFY(log.isRunning());
        QCOMPARE(finished.size(), 0);
        QCOMPARE(lines.size(), before.size()); // the same lines came again and were skipped
        QCOMPARE(lines.constLast().text, u"Server listening on port 3000"_s);
        // Deleting the pod ends its container, and with it the followed log.
        QVERIFY(send(*m_client, "DELETE", u"/api/v1/namespaces/students/pods/"_s + pod).ok());
        QVERIFY(finished.wait(20000));
    }

    // Two lines with the same timestamp, a drop between them and the next:
    // exactly the lines not yet seen are delivered after the reconnect.
    void logReconnectSkipsWhatWasShown()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        int connections = 0;
        QString since;
        QString tail;
        server.setHandler([&](const FakeApiServer::Request &r, QTcpSocket *s) {
            ++connections;
            FakeApiServer::beginStream(s, "text/plain");
            if (connections == 1) {
                tail = r.query.queryItemValue(u"tailLines"_s);
                FakeApiServer::streamChunk(s, "2026-01-02T10:00:00.100000000Z a\n"
                                              "2026-01-02T10:00:01.200000000Z x\n"
                                              "2026-01-02T10:00:01.500000000Z b\n"
                                              "2026-01-02T10:00:01.500000000Z c\n"
                                              "2026-01-02T10:00:01.700000000Z d (cut");
                QTimer::singleShot(200, s, [s] { FakeApiServer::dropStream(s); });
                return;
            }
            since = r.query.queryItemValue(u"sinceTime"_s);
            // From the start of the second of the last line seen, as a kubelet answers sinceTime.
            FakeApiServer::streamChunk(s, "2026-01-02T10:00:01.200000000Z x\n"
                                          "2026-01-02T10:00:01.500000000Z b\n"
                                          "2026-01-02T10:00:01.500000000Z c\n"
                                          "2026-01-02T10:00:01.700000000Z d (cut off before)\n"
                                          "2026-01-02T10:00:02.000000000Z e\n");
            FakeApiServer::endStream(s);
        });
        kube::LogOptions o;
        o.follow = true;
        o.tailLines = 50;
        kube::LogStream log(accessFor(writeKubeconfig(m_sandbox.dir() + u"/fake-logs"_s, server.url(), {},
                                                      tokenUser(u"t"_s))),
                            u"students"_s, u"p"_s, o);
        QStringList texts;
        connect(&log, &kube::LogStream::lines, this, [&](const QList<kube::LogLine> &b) {
            for (const auto &l : b)
                texts << l.text;
        });
        QSignalSpy finished(&log, &kube::LogStream::finished);
        log.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.constFirst().constFirst().value<kube::ApiStatus>().isOk());
        QCOMPARE(connections, 2);
        QCOMPARE(tail, u"50"_s);
        QCOMPARE(since, u"2026-01-02T10:00:01Z"_s);
        QCOMPARE(texts, (QStringList{u"a"_s, u"x"_s, u"b"_s, u"c"_s, u"d (cut off before)"_s, u"e"_s}));
        QCOMPARE(log.reconnects(), 1);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_admin.reset();
        m_ta.reset();
        m_sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
