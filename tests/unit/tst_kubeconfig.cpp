#include "kube/clusteraccess.h"
#include "kube/execcredential.h"
#include "kube/kubeconfig.h"

#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using kube::ClusterCredentials;
using kube::ExecCredentialPlugin;
using kube::KubeConfig;
using kube::KubeConfigError;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(COURSEOPS_SOURCE_DIR "/tests/data/kubeconfig/") + name;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray base64Of(const QString &fixtureName)
{
    return readFile(fixture(fixtureName)).toBase64();
}

QString commonName(const QSslCertificate &cert)
{
    return cert.subjectInfo(QSslCertificate::CommonName).value(0);
}

// Three files that overlap in every section, to show which definition wins.
const QByteArray kFirst = R"(current-context: alpha
clusters:
- name: shared
  cluster: {server: https://first.example.test}
users:
- name: shared
  user: {token: first-token}
contexts:
- name: alpha
  context: {cluster: shared, user: shared}
- name: both
  context: {cluster: shared, user: shared, namespace: from-first}
)";

const QByteArray kSecond = R"(current-context: beta
clusters:
- name: shared
  cluster: {server: https://second.example.test}
- name: second
  cluster: {server: https://second-only.example.test}
users:
- name: shared
  user: {token: second-token}
- name: second
  user: {token: second-user-token}
contexts:
- name: both
  context: {cluster: second, user: second, namespace: from-second}
- name: beta
  context: {cluster: second, user: shared}
)";

const QByteArray kThird = R"(clusters:
- name: third
  cluster: {server: https://third.example.test}
contexts:
- name: gamma
  context: {cluster: third, user: second}
- name: beta
  context: {cluster: third, user: second}
)";

const QByteArray kNoCurrentContext = R"(apiVersion: v1
kind: Config
contexts: []
)";

const QByteArray kBroken = "clusters:\n- name: broken\n  cluster: {server: [unclosed\n";

// A one-context kubeconfig: cluster 'c', user 'u', context 'ctx'. Line 3 holds
// the cluster map, line 6 the user map, line 9 the context map.
QByteArray singleContext(const QByteArray &cluster, const QByteArray &user,
                         const QByteArray &context = "{cluster: c, user: u}")
{
    return "clusters:\n- name: c\n  cluster: " + cluster + "\nusers:\n- name: u\n  user: " + user +
           "\ncontexts:\n- name: ctx\n  context: " + context + "\n";
}

QJsonObject execSection(const QString &apiVersion, const QString &interactiveMode, const QStringList &args,
                        const QString &countFile, const QString &expiry = {})
{
    QJsonObject exec{{QStringLiteral("apiVersion"), apiVersion},
                     {QStringLiteral("command"), fixture(QStringLiteral("exec-plugin.sh"))},
                     {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
    if (!interactiveMode.isEmpty())
        exec.insert(QStringLiteral("interactiveMode"), interactiveMode);
    QJsonArray env{QJsonObject{{QStringLiteral("name"), QStringLiteral("PLUGIN_COUNT_FILE")},
                               {QStringLiteral("value"), countFile}}};
    if (!expiry.isEmpty())
        env.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("PLUGIN_EXPIRY")},
                               {QStringLiteral("value"), expiry}});
    exec.insert(QStringLiteral("env"), env);
    return exec;
}

// JSON is YAML, so the exec section goes in as a flow map.
QByteArray execKubeconfig(const QJsonObject &exec, const QByteArray &cluster = {})
{
    const QByteArray clusterYaml =
        cluster.isEmpty()
            ? QByteArray("{server: 'https://c.example.test:6443', tls-server-name: api.internal}")
            : cluster;
    return singleContext(clusterYaml, "{exec: " + QJsonDocument(exec).toJson(QJsonDocument::Compact) + "}");
}

int runCount(const QString &countFile)
{
    return readFile(countFile).trimmed().toInt();
}

QJsonObject execInfoSeen(const QString &countFile)
{
    return QJsonDocument::fromJson(readFile(countFile + QLatin1String(".info"))).object();
}

} // namespace

class TestKubeConfig : public QObject
{
    Q_OBJECT

    // Writes `yaml` to <dir>/config and resolves context 'ctx'; the test fails when it does not resolve.
    std::optional<ClusterCredentials> resolveIn(const QTemporaryDir &dir, const QByteArray &yaml)
    {
        const QString path = dir.filePath(QStringLiteral("config"));
        if (!writeFile(path, yaml))
            return std::nullopt;
        const KubeConfig config = KubeConfig::load({path});
        KubeConfigError error;
        auto credentials = config.resolve(QStringLiteral("ctx"), &error);
        if (!credentials)
            qWarning().noquote() << "resolve failed:" << error.toString();
        return credentials;
    }

private Q_SLOTS:
    void splitFileList_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("one") << QStringLiteral("/a/config") << QStringList{QStringLiteral("/a/config")};
        QTest::newRow("order kept, repeats and empty entries dropped")
            << QStringLiteral("/b:/a::/b:/c:")
            << QStringList{QStringLiteral("/b"), QStringLiteral("/a"), QStringLiteral("/c")};
        QTest::newRow("empty") << QString() << QStringList{};
    }

    void splitFileList()
    {
        QFETCH(QString, variable);
        QFETCH(QStringList, files);
        QCOMPARE(KubeConfig::splitFileList(variable), files);
    }

    void defaultFilesFollowKubeconfigVariable()
    {
        const QByteArray saved = qgetenv("KUBECONFIG");
        qputenv("KUBECONFIG", "/x/one:/x/two");
        QCOMPARE(KubeConfig::defaultFiles(),
                 (QStringList{QStringLiteral("/x/one"), QStringLiteral("/x/two")}));
        qputenv("KUBECONFIG", "");
        QCOMPARE(KubeConfig::defaultFiles(), QStringList{QDir::homePath() + QLatin1String("/.kube/config")});
        if (saved.isNull())
            qunsetenv("KUBECONFIG");
        else
            qputenv("KUBECONFIG", saved);
    }

    // client-go's merge: the first file to define a name wins the whole entry,
    // current-context comes from the first file that sets one.
    void merge_data()
    {
        QTest::addColumn<QStringList>("documents"); // keys below; "missing" names a file that does not exist
        QTest::addColumn<QStringList>("contexts");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("resolve");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<int>("errorCount");

        const QStringList firstSecond{QStringLiteral("first"), QStringLiteral("second")};
        const QStringList allContexts{QStringLiteral("alpha"), QStringLiteral("beta"),
                                      QStringLiteral("both")};
        QTest::newRow("two files: the first file's context wins whole")
            << firstSecond << allContexts << QStringLiteral("alpha") << QStringLiteral("both")
            << QStringLiteral("https://first.example.test") << QStringLiteral("first-token")
            << QStringLiteral("from-first") << 0;
        QTest::newRow("two files: a context from the second uses the first's user")
            << firstSecond << allContexts << QStringLiteral("alpha") << QStringLiteral("beta")
            << QStringLiteral("https://second-only.example.test") << QStringLiteral("first-token")
            << QStringLiteral("default") << 0;
        QTest::newRow("two files reversed")
            << QStringList{QStringLiteral("second"), QStringLiteral("first")} << allContexts
            << QStringLiteral("beta") << QStringLiteral("both")
            << QStringLiteral("https://second-only.example.test") << QStringLiteral("second-user-token")
            << QStringLiteral("from-second") << 0;
        QTest::newRow("current-context from the first file that sets one")
            << QStringList{QStringLiteral("nocurrent"), QStringLiteral("second"), QStringLiteral("first")}
            << allContexts << QStringLiteral("beta") << QString()
            << QStringLiteral("https://second-only.example.test") << QStringLiteral("second-token")
            << QStringLiteral("default") << 0;
        QTest::newRow("three files: the third adds a context using the second's user")
            << QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")}
            << QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("both"),
                           QStringLiteral("gamma")}
            << QStringLiteral("alpha") << QStringLiteral("gamma")
            << QStringLiteral("https://third.example.test") << QStringLiteral("second-user-token")
            << QStringLiteral("default") << 0;
        QTest::newRow("three files: the third's same-named context loses")
            << QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")}
            << QStringList{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("both"),
                           QStringLiteral("gamma")}
            << QStringLiteral("alpha") << QStringLiteral("beta")
            << QStringLiteral("https://second-only.example.test") << QStringLiteral("first-token")
            << QStringLiteral("default") << 0;
        QTest::newRow("a broken file does not stop the others")
            << QStringList{QStringLiteral("broken"), QStringLiteral("second"), QStringLiteral("third")}
            << QStringList{QStringLiteral("beta"), QStringLiteral("both"), QStringLiteral("gamma")}
            << QStringLiteral("beta") << QStringLiteral("gamma")
            << QStringLiteral("https://third.example.test") << QStringLiteral("second-user-token")
            << QStringLiteral("default") << 1;
        QTest::newRow("a missing file is skipped")
            << QStringList{QStringLiteral("missing"), QStringLiteral("first")}
            << QStringList{QStringLiteral("alpha"), QStringLiteral("both")} << QStringLiteral("alpha")
            << QString() << QStringLiteral("https://first.example.test") << QStringLiteral("first-token")
            << QStringLiteral("default") << 0;
    }

    void merge()
    {
        QFETCH(QStringList, documents);
        QFETCH(QStringList, contexts);
        QFETCH(QString, current);
        QFETCH(QString, resolve);
        QFETCH(QString, server);
        QFETCH(QString, token);
        QFETCH(QString, ns);
        QFETCH(int, errorCount);

        const QMap<QString, QByteArray> texts{{QStringLiteral("first"), kFirst},
                                              {QStringLiteral("second"), kSecond},
                                              {QStringLiteral("third"), kThird},
                                              {QStringLiteral("nocurrent"), kNoCurrentContext},
                                              {QStringLiteral("broken"), kBroken}};
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList files;
        for (const QString &key : documents) {
            const QString path = dir.filePath(key + QLatin1String(".yaml"));
            if (key != QLatin1String("missing"))
                QVERIFY(writeFile(path, texts.value(key)));
            files << path;
        }

        const KubeConfig config = KubeConfig::load(files);
        QCOMPARE(config.contexts(), contexts);
        QCOMPARE(config.currentContext(), current);
        QCOMPARE(config.errors().size(), errorCount);
        if (errorCount > 0)
            QCOMPARE(config.errors().first().file, files.first());
        QCOMPARE(config.missingFiles().size(), int(documents.count(QStringLiteral("missing"))));

        KubeConfigError error;
        const auto credentials = config.resolve(resolve, &error);
        QVERIFY2(credentials, qPrintable(error.toString()));
        QCOMPARE(credentials->contextName, resolve.isEmpty() ? current : resolve);
        QCOMPARE(credentials->server, QUrl(server));
        QCOMPARE(credentials->bearerToken, token);
        QCOMPARE(credentials->namespaceName, ns);
    }

    void relativePathsResolveAgainstTheirFile()
    {
        const KubeConfig config = KubeConfig::load({fixture(QStringLiteral("nested/config"))});
        QVERIFY(config.errors().isEmpty());
        QCOMPARE(config.currentContext(), QStringLiteral("files"));

        KubeConfigError error;
        auto files = config.resolve({}, &error);
        QVERIFY2(files, qPrintable(error.toString()));
        QCOMPARE(files->certificateAuthorityPem, readFile(fixture(QStringLiteral("ca.crt"))));
        QCOMPARE(files->clientCertificatePem, readFile(fixture(QStringLiteral("client-rsa.crt"))));
        QCOMPARE(files->clientKeyPem, readFile(fixture(QStringLiteral("client-rsa.key"))));
        QCOMPARE(files->tlsServerName, QStringLiteral("kubernetes.default"));
        QCOMPARE(files->namespaceName, QStringLiteral("staff"));

        auto tokenFile = config.resolve(QStringLiteral("token-file"), &error);
        QVERIFY2(tokenFile, qPrintable(error.toString()));
        QCOMPARE(tokenFile->bearerToken, QStringLiteral("token-from-file"));
        QCOMPARE(tokenFile->tokenFile, QDir::cleanPath(fixture(QStringLiteral("token"))));

        auto plugin = config.resolve(QStringLiteral("relative-plugin"), &error);
        QVERIFY2(plugin && plugin->exec, qPrintable(error.toString()));
        QCOMPARE(plugin->exec->command, QDir::cleanPath(fixture(QStringLiteral("exec-plugin.sh"))));

        // A bare command name is looked up on PATH, not in the kubeconfig's folder.
        auto onPath = config.resolve(QStringLiteral("path-plugin"), &error);
        QVERIFY2(onPath && onPath->exec, qPrintable(error.toString()));
        QCOMPARE(onPath->exec->command, QStringLiteral("sh"));
    }

    // A context in one folder's file using a user from another folder's file
    // reads the user's tokenFile from the user's folder.
    void relativePathsAcrossFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(
            dir.filePath(QStringLiteral("a/config")),
            "current-context: a\n"
            "clusters:\n- name: a\n  cluster: {server: https://a.test, certificate-authority: ca.pem}\n"
            "contexts:\n- name: a\n  context: {cluster: a, user: b-user}\n"));
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("a/ca.pem")), readFile(fixture(QStringLiteral("ca.crt")))));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a/token")), "token-beside-a\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b/config")),
                          "users:\n- name: b-user\n  user: {tokenFile: token}\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b/token")), "token-beside-b\n"));

        const KubeConfig config = KubeConfig::load(
            {dir.filePath(QStringLiteral("a/config")), dir.filePath(QStringLiteral("b/config"))});
        KubeConfigError error;
        auto credentials = config.resolve({}, &error);
        QVERIFY2(credentials, qPrintable(error.toString()));
        QCOMPARE(credentials->bearerToken, QStringLiteral("token-beside-b"));
        QCOMPARE(credentials->certificateAuthorityPem, readFile(fixture(QStringLiteral("ca.crt"))));
    }

    // client-go reads tokenFile on use and prefers what it reads to 'token'; 'token' is the fallback.
    void tokenAndTokenFile_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("fileContent"); // null: no file
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("error");

        QTest::newRow("token only") << QByteArray("{token: inline-token}") << QByteArray()
                                    << QStringLiteral("inline-token") << QString();
        QTest::newRow("tokenFile only, trimmed")
            << QByteArray("{tokenFile: tok}") << QByteArray("file-token\n") << QStringLiteral("file-token")
            << QString();
        QTest::newRow("readable tokenFile wins over token")
            << QByteArray("{token: inline-token, tokenFile: tok}") << QByteArray("file-token")
            << QStringLiteral("file-token") << QString();
        QTest::newRow("token when tokenFile is missing")
            << QByteArray("{token: inline-token, tokenFile: tok}") << QByteArray()
            << QStringLiteral("inline-token") << QString();
        QTest::newRow("token when tokenFile is empty")
            << QByteArray("{token: inline-token, tokenFile: tok}") << QByteArray("\n")
            << QStringLiteral("inline-token") << QString();
        QTest::newRow("missing tokenFile, no token")
            << QByteArray("{tokenFile: tok}") << QByteArray() << QString()
            << QStringLiteral("tokenFile '%DIR%/tok' of user 'u' cannot be read: ");
        QTest::newRow("empty tokenFile, no token")
            << QByteArray("{tokenFile: tok}") << QByteArray("  \n") << QString()
            << QStringLiteral("tokenFile '%DIR%/tok' of user 'u' is empty");
        QTest::newRow("no credentials: anonymous")
            << QByteArray("{}") << QByteArray() << QString() << QString();
    }

    void tokenAndTokenFile()
    {
        QFETCH(QByteArray, user);
        QFETCH(QByteArray, fileContent);
        QFETCH(QString, token);
        QFETCH(QString, error);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (!fileContent.isNull())
            QVERIFY(writeFile(dir.filePath(QStringLiteral("tok")), fileContent));
        const QString path = dir.filePath(QStringLiteral("config"));
        QVERIFY(writeFile(path, singleContext("{server: https://c.test}", user)));
        const KubeConfig config = KubeConfig::load({path});
        QVERIFY(config.errors().isEmpty());

        KubeConfigError e;
        const auto credentials = config.resolve(QStringLiteral("ctx"), &e);
        if (error.isEmpty()) {
            QVERIFY2(credentials, qPrintable(e.toString()));
            QCOMPARE(credentials->bearerToken, token);
        } else {
            QVERIFY(!credentials);
            const QString expected = QString(error).replace(QLatin1String("%DIR%"), dir.path());
            QVERIFY2(e.message.startsWith(expected), qPrintable(e.message));
            QCOMPARE(e.file, path);
            QCOMPARE(e.line, 6);
            QCOMPARE(e.column, 21);
        }
    }

    void tokenFileIsReadOnEveryResolve()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config"));
        QVERIFY(writeFile(path, singleContext("{server: https://c.test}", "{tokenFile: tok}")));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("tok")), "first-rotation"));
        const KubeConfig config = KubeConfig::load({path});
        QCOMPARE(config.resolve(QStringLiteral("ctx"))->bearerToken, QStringLiteral("first-rotation"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("tok")), "second-rotation"));
        QCOMPARE(config.resolve(QStringLiteral("ctx"))->bearerToken, QStringLiteral("second-rotation"));
    }

    // During a session (one ClusterAccess, as every client of a context shares)
    // a rotated tokenFile is picked up on the next request, as client-go does;
    // a file that vanishes or is emptied mid-rotation keeps the token in use;
    // after a 401 the file is read again even when it looks unchanged.
    void tokenFileRotatesDuringSession()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config"));
        const QString tok = dir.filePath(QStringLiteral("tok"));
        QVERIFY(writeFile(path, singleContext("{server: https://c.test, insecure-skip-tls-verify: true}",
                                              "{tokenFile: tok}")));
        QVERIFY(writeFile(tok, "first-rotation\n"));
        QString error;
        const auto access = kube::ClusterAccess::fromKubeconfig({path}, QStringLiteral("ctx"), &error);
        QVERIFY2(access, qPrintable(error));
        auto authorization = [&access] {
            const auto c = access->currentCredential();
            return c ? c->authorization : QByteArray("<none>");
        };
        QCOMPARE(authorization(), QByteArray("Bearer first-rotation"));
        const quint64 firstGeneration = access->currentCredential()->generation;

        // Rewritten, as a kubelet rotates a projected token: the next request has the new one.
        QVERIFY(writeFile(tok, "second-rotation-token\n"));
        QCOMPARE(authorization(), QByteArray("Bearer second-rotation-token"));
        QVERIFY(access->currentCredential()->generation > firstGeneration);

        // Emptied or gone: the token read before stays in use (with a warning).
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("tokenFile .* is empty")));
        QVERIFY(writeFile(tok, ""));
        QCOMPARE(authorization(), QByteArray("Bearer second-rotation-token"));
        QVERIFY(QFile::remove(tok));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("tokenFile .* cannot be read")));
        QCOMPARE(authorization(), QByteArray("Bearer second-rotation-token"));

        // Same size and modification time, so it looks unchanged: a 401 makes it read anyway.
        QVERIFY(writeFile(tok, "third-rotation-token!\n"));
        const QDateTime stamp = QFileInfo(tok).lastModified();
        QCOMPARE(authorization(), QByteArray("Bearer third-rotation-token!"));
        QVERIFY(writeFile(tok, "fourth-rotation-token\n"));
        QFile touched(tok);
        QVERIFY(touched.open(QIODevice::ReadWrite));
        QVERIFY(touched.setFileTime(stamp, QFileDevice::FileModificationTime));
        touched.close();
        QCOMPARE(authorization(), QByteArray("Bearer third-rotation-token!"));
        access->rejectCredential(access->currentCredential()->generation);
        QCOMPARE(authorization(), QByteArray("Bearer fourth-rotation-token"));
    }

    void certificateAuthority_data()
    {
        QTest::addColumn<QByteArray>(
            "cluster"); // %DATA% is ca.crt in base64; ca.crt is copied beside the config
        QTest::addColumn<bool>("expectCa");
        QTest::addColumn<bool>("verifyNone");
        QTest::addColumn<QString>("error"); // resolve or toSslConfiguration error

        QTest::newRow("certificate-authority-data")
            << QByteArray("{server: https://c.test, certificate-authority-data: %DATA%}") << true << false
            << QString();
        QTest::newRow("certificate-authority file")
            << QByteArray("{server: https://c.test, certificate-authority: ca.crt}") << true << false
            << QString();
        QTest::newRow("neither: system roots")
            << QByteArray("{server: https://c.test}") << false << false << QString();
        QTest::newRow("insecure-skip-tls-verify")
            << QByteArray("{server: https://c.test, insecure-skip-tls-verify: true}") << false << true
            << QString();
        QTest::newRow("both data and file")
            << QByteArray("{server: https://c.test, certificate-authority: ca.crt, "
                          "certificate-authority-data: %DATA%}")
            << false << false
            << QStringLiteral("cluster 'c' sets both certificate-authority and certificate-authority-data");
        QTest::newRow("insecure with a CA")
            << QByteArray(
                   "{server: https://c.test, certificate-authority: ca.crt, insecure-skip-tls-verify: true}")
            << false << false
            << QStringLiteral(
                   "cluster 'c' sets insecure-skip-tls-verify together with a certificate authority");
        QTest::newRow("data that is no certificate")
            << QByteArray("{server: https://c.test, certificate-authority-data: aGVsbG8=}") << false << false
            << QStringLiteral("the certificate authority of cluster 'c' holds no PEM certificate");
    }

    void certificateAuthority()
    {
        QFETCH(QByteArray, cluster);
        QFETCH(bool, expectCa);
        QFETCH(bool, verifyNone);
        QFETCH(QString, error);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("ca.crt")), readFile(fixture(QStringLiteral("ca.crt")))));
        cluster.replace("%DATA%", base64Of(QStringLiteral("ca.crt")));
        const QString path = dir.filePath(QStringLiteral("config"));
        QVERIFY(writeFile(path, singleContext(cluster, "{token: t}")));
        const KubeConfig config = KubeConfig::load({path});

        KubeConfigError e;
        const auto credentials = config.resolve(QStringLiteral("ctx"), &e);
        QString sslError;
        QSslConfiguration ssl;
        if (credentials)
            ssl = kube::toSslConfiguration(*credentials, &sslError);
        if (!error.isEmpty()) {
            const QString got = credentials ? sslError : e.message;
            QVERIFY2(got.startsWith(error), qPrintable(got));
            if (credentials)
                QVERIFY(ssl.isNull());
            return;
        }
        QVERIFY2(credentials, qPrintable(e.toString()));
        QVERIFY2(!ssl.isNull(), qPrintable(sslError));
        QCOMPARE(credentials->insecureSkipTlsVerify, verifyNone);
        QCOMPARE(ssl.peerVerifyMode(), verifyNone ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
        if (expectCa) {
            QCOMPARE(credentials->certificateAuthorityPem, readFile(fixture(QStringLiteral("ca.crt"))));
            QCOMPARE(ssl.caCertificates().size(), 1);
            QCOMPARE(commonName(ssl.caCertificates().first()), QStringLiteral("courseops-test-ca"));
        } else {
            QVERIFY(credentials->certificateAuthorityPem.isEmpty());
            QCOMPARE(ssl.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
        }
        // Never offer HTTP/2: watches and exec upgrades need HTTP/1.1.
        QCOMPARE(ssl.allowedNextProtocols(), QList<QByteArray>{QByteArrayLiteral("http/1.1")});
    }

    void clientCertificates_data()
    {
        QTest::addColumn<QByteArray>("user"); // %CERT%/%KEY%: base64 of the named fixtures
        QTest::addColumn<QString>("certFixture");
        QTest::addColumn<QString>("keyFixture");
        QTest::addColumn<QString>("commonName");
        QTest::addColumn<int>("algorithm"); // QSsl::KeyAlgorithm

        const QByteArray data = "{client-certificate-data: %CERT%, client-key-data: %KEY%}";
        const QByteArray files = "{client-certificate: %CERTFILE%, client-key: %KEYFILE%}";
        QTest::newRow("RSA (PKCS#1) as data")
            << data << QStringLiteral("client-rsa.crt") << QStringLiteral("client-rsa.key")
            << QStringLiteral("staff-admin") << int(QSsl::Rsa);
        QTest::newRow("RSA (PKCS#8) as data")
            << data << QStringLiteral("client-rsa.crt") << QStringLiteral("client-rsa-pkcs8.key")
            << QStringLiteral("staff-admin") << int(QSsl::Rsa);
        QTest::newRow("RSA as files")
            << files << QStringLiteral("client-rsa.crt") << QStringLiteral("client-rsa.key")
            << QStringLiteral("staff-admin") << int(QSsl::Rsa);
        QTest::newRow("EC as data") << data << QStringLiteral("client-ec.crt")
                                    << QStringLiteral("client-ec.key") << QStringLiteral("staff-ec")
                                    << int(QSsl::Ec);
        QTest::newRow("EC as files") << files << QStringLiteral("client-ec.crt")
                                     << QStringLiteral("client-ec.key") << QStringLiteral("staff-ec")
                                     << int(QSsl::Ec);
    }

    void clientCertificates()
    {
        QFETCH(QByteArray, user);
        QFETCH(QString, certFixture);
        QFETCH(QString, keyFixture);
        QFETCH(QString, commonName);
        QFETCH(int, algorithm);

        user.replace("%CERT%", base64Of(certFixture))
            .replace("%KEY%", base64Of(keyFixture))
            .replace("%CERTFILE%", fixture(certFixture).toUtf8())
            .replace("%KEYFILE%", fixture(keyFixture).toUtf8());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto credentials = resolveIn(dir, singleContext("{server: https://c.test}", user));
        QVERIFY(credentials);
        QCOMPARE(credentials->clientCertificatePem, readFile(fixture(certFixture)));
        QCOMPARE(credentials->clientKeyPem, readFile(fixture(keyFixture)));
        QVERIFY(credentials->bearerToken.isEmpty());

        QString error;
        const QSslConfiguration ssl = kube::toSslConfiguration(*credentials, &error);
        QVERIFY2(!ssl.isNull(), qPrintable(error));
        QCOMPARE(::commonName(ssl.localCertificate()), commonName);
        QCOMPARE(int(ssl.privateKey().algorithm()), algorithm);
        QCOMPARE(ssl.privateKey().type(), QSsl::PrivateKey);
    }

    void unusableClientKey()
    {
        ClusterCredentials credentials;
        credentials.userName = QStringLiteral("u");
        credentials.clientCertificatePem = readFile(fixture(QStringLiteral("client-rsa.crt")));
        credentials.clientKeyPem = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n";
        QString error;
        QVERIFY(kube::toSslConfiguration(credentials, &error).isNull());
        QVERIFY2(error.startsWith(
                     QStringLiteral("the client key of user 'u' is not an unencrypted RSA or EC private "
                                    "key")),
                 qPrintable(error));
    }

    void serverScheme_data()
    {
        QTest::addColumn<QByteArray>("cluster");
        QTest::addColumn<QString>("server");
        QTest::newRow("https as written") << QByteArray("{server: 'https://10.0.0.1:6443/prefix'}")
                                          << QStringLiteral("https://10.0.0.1:6443/prefix");
        QTest::newRow("no scheme, no TLS: http")
            << QByteArray("{server: 'localhost:8080'}") << QStringLiteral("http://localhost:8080");
        QTest::newRow("no scheme with TLS settings: https")
            << QByteArray("{server: 'kube.test:6443', insecure-skip-tls-verify: true}")
            << QStringLiteral("https://kube.test:6443");
    }

    void serverScheme()
    {
        QFETCH(QByteArray, cluster);
        QFETCH(QString, server);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto credentials = resolveIn(dir, singleContext(cluster, "{}"));
        QVERIFY(credentials);
        QCOMPARE(credentials->server, QUrl(server));
    }

    void clusterDetails()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto credentials = resolveIn(
            dir, "clusters:\n- name: c\n  cluster:\n    server: https://c.test\n    proxy-url: "
                 "socks5://127.0.0.1:1080\n"
                 "    tls-server-name: api.internal\n    extensions:\n    - name: "
                 "client.authentication.k8s.io/exec\n"
                 "      extension: {audience: courseops, retries: 3, verbose: true}\n"
                 "users:\n- name: u\n  user: {username: ta, password: 'p@ss'}\n"
                 "contexts:\n- name: ctx\n  context: {cluster: c, user: u, namespace: students-a}\n");
        QVERIFY(credentials);
        QCOMPARE(credentials->proxyUrl, QUrl(QStringLiteral("socks5://127.0.0.1:1080")));
        QCOMPARE(credentials->tlsServerName, QStringLiteral("api.internal"));
        QCOMPARE(credentials->username, QStringLiteral("ta"));
        QCOMPARE(credentials->password, QStringLiteral("p@ss"));
        QCOMPARE(credentials->namespaceName, QStringLiteral("students-a"));
        QCOMPARE(credentials->contextName, QStringLiteral("ctx"));
        QCOMPARE(credentials->clusterName, QStringLiteral("c"));
        QCOMPARE(credentials->userName, QStringLiteral("u"));
        const QJsonObject extension = credentials->execClusterConfig.toObject();
        QCOMPARE(extension.value(QLatin1String("audience")).toString(), QStringLiteral("courseops"));
        QCOMPARE(extension.value(QLatin1String("retries")).toInt(), 3);
        QCOMPARE(extension.value(QLatin1String("verbose")).toBool(), true);
    }

    void execConfigIsRead()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto credentials = resolveIn(
            dir, singleContext(
                     "{server: https://c.test}",
                     "\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n"
                     "      command: gke-gcloud-auth-plugin\n      args: [--verbosity, '2']\n"
                     "      env:\n      - {name: CLOUDSDK_CORE_PROJECT, value: course}\n"
                     "      - {name: EMPTY}\n      provideClusterInfo: true\n"
                     "      installHint: Install gke-gcloud-auth-plugin with gcloud components install"));
        QVERIFY(credentials);
        QVERIFY(credentials->exec);
        const kube::ExecConfig &exec = *credentials->exec;
        QCOMPARE(exec.apiVersion, QStringLiteral("client.authentication.k8s.io/v1beta1"));
        QCOMPARE(exec.command, QStringLiteral("gke-gcloud-auth-plugin"));
        QCOMPARE(exec.args, (QStringList{QStringLiteral("--verbosity"), QStringLiteral("2")}));
        QCOMPARE(exec.env.size(), 2);
        QCOMPARE(exec.env.at(0).first, QStringLiteral("CLOUDSDK_CORE_PROJECT"));
        QCOMPARE(exec.env.at(0).second, QStringLiteral("course"));
        QCOMPARE(exec.env.at(1).second, QString());
        QVERIFY(exec.provideClusterInfo);
        QCOMPARE(exec.interactiveMode, kube::ExecInteractiveMode::IfAvailable); // the v1beta1 default
        QVERIFY(exec.installHint.startsWith(QStringLiteral("Install gke-gcloud-auth-plugin")));
    }

    // client-go skips the plugin when the user also has a token, basic auth or a certificate.
    void execIgnoredBesideStaticCredentials()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto credentials = resolveIn(
            dir, singleContext("{server: https://c.test}",
                               "{token: static, exec: {apiVersion: client.authentication.k8s.io/v1beta1, "
                               "command: plugin}}"));
        QVERIFY(credentials);
        QCOMPARE(credentials->bearerToken, QStringLiteral("static"));
        QVERIFY(!credentials->exec);
    }

    // Each malformed input gets its own message at its place. With `context`
    // empty the error is the first load error; else resolving it must fail so.
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("context");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message"); // the start of it; %DIR% is the config's folder
        QTest::addColumn<bool>("inFile");     // the error names the config file

        const QByteArray server = "{server: https://c.test}";
        const QByteArray v1 = "client.authentication.k8s.io/v1";
        QTest::newRow("YAML syntax") << QByteArray("clusters:\n- name: c\n  cluster: {server: [unclosed\n")
                                     << QString() << 4 << 1 << QStringLiteral("YAML syntax error: ") << true;
        QTest::newRow("root is a list")
            << QByteArray("- clusters\n- users\n") << QString() << 1 << 1
            << QStringLiteral("a kubeconfig must be a map with 'clusters', 'users' and "
                              "'contexts'; found a list")
            << true;
        QTest::newRow("clusters is a map")
            << QByteArray("clusters:\n  c: {server: https://c.test}\n") << QString() << 2 << 3
            << QStringLiteral(
                   "'clusters' must be a list of entries, each '- name: <name>' with a 'cluster:' map")
            << true;
        QTest::newRow("entry without a name")
            << QByteArray("clusters:\n- cluster: {server: https://c.test}\n") << QString() << 2 << 3
            << QStringLiteral("an entry under 'clusters' has no name: add 'name: <name>'") << true;
        QTest::newRow("name defined twice")
            << QByteArray("users:\n- name: u\n  user: {token: a}\n- name: u\n  user: {token: b}\n")
            << QString() << 4 << 9
            << QStringLiteral("user 'u' is defined twice in this file (first at line 2)") << true;
        QTest::newRow("bad base64")
            << singleContext("{server: https://c.test, certificate-authority-data: 'LS0t*LS0t'}", "{}")
            << QStringLiteral("ctx") << 3 << 65
            << QStringLiteral(
                   "certificate-authority-data of cluster 'c' is not valid base64: character '*' at "
                   "offset 4 is not in the base64 alphabet")
            << true;
        QTest::newRow("base64 cut short")
            << singleContext(server, "{client-certificate-data: TFMwdA, client-key-data: TFMwdA==}")
            << QStringLiteral("ctx") << 6 << 35
            << QStringLiteral(
                   "client-certificate-data of user 'u' is not valid base64: its length (6 characters) "
                   "is not a multiple of 4")
            << true;
        QTest::newRow("PEM pasted where base64 belongs")
            << singleContext(
                   "{server: https://c.test, certificate-authority-data: '-----BEGIN CERTIFICATE-----'}",
                   "{}")
            << QStringLiteral("ctx") << 3 << 65
            << QStringLiteral(
                   "certificate-authority-data of cluster 'c' is not valid base64: it holds PEM text")
            << true;
        QTest::newRow("insecure-skip-tls-verify not a bool")
            << singleContext("{server: https://c.test, insecure-skip-tls-verify: maybe}", "{}")
            << QStringLiteral("ctx") << 3 << 63
            << QStringLiteral("'insecure-skip-tls-verify' of cluster 'c' must be true or false") << true;
        QTest::newRow("server is a list")
            << singleContext("{server: [a, b]}", "{}") << QStringLiteral("ctx") << 3 << 21
            << QStringLiteral("'server' of cluster 'c' must be a single value, not a list") << true;
        QTest::newRow("no server") << singleContext("{insecure-skip-tls-verify: true}", "{}")
                                   << QStringLiteral("ctx") << 2 << 3
                                   << QStringLiteral(
                                          "cluster 'c' has no server: add 'server: https://<host>:<port>'")
                                   << true;
        QTest::newRow("server not http(s)")
            << singleContext("{server: 'ftp://files.c.test'}", "{}") << QStringLiteral("ctx") << 3 << 21
            << QStringLiteral("server 'ftp://files.c.test' of cluster 'c' is not an http(s) URL") << true;
        QTest::newRow("unknown context")
            << singleContext(server, "{}") << QStringLiteral("prod") << 0 << 0
            << QStringLiteral("context 'prod' is not defined in any kubeconfig file (defined: ctx)") << false;
        QTest::newRow("context names an undefined user")
            << singleContext(server, "{}", "{cluster: c, user: alice}") << QStringLiteral("ctx") << 9 << 31
            << QStringLiteral(
                   "context 'ctx' names user 'alice', which no kubeconfig file defines: add it under "
                   "users or pick another context")
            << true;
        QTest::newRow("context names an undefined cluster")
            << singleContext(server, "{}", "{cluster: prod, user: u}") << QStringLiteral("ctx") << 9 << 22
            << QStringLiteral("context 'ctx' names cluster 'prod', which no kubeconfig file defines") << true;
        QTest::newRow("current-context names an undefined context")
            << QByteArray("current-context: gone\n" + singleContext(server, "{}")) << QString() << 1 << 18
            << QStringLiteral("current-context 'gone' names a context no kubeconfig file defines") << true;
        QTest::newRow("no current context")
            << singleContext(server, "{}") << QString() << 0 << 0
            << QStringLiteral("no context chosen: no kubeconfig file sets "
                              "current-context; pick a context (defined: ctx)")
            << false;
        QTest::newRow("exec v1 without interactiveMode")
            << singleContext(server, "{exec: {apiVersion: " + v1 + ", command: plugin}}")
            << QStringLiteral("ctx") << 6 << 16
            << QStringLiteral("exec apiVersion 'client.authentication.k8s.io/v1' requires interactiveMode")
            << true;
        QTest::newRow("exec without command")
            << singleContext(server, "{exec: {apiVersion: " + v1 + ", interactiveMode: Never}}")
            << QStringLiteral("ctx") << 6 << 16
            << QStringLiteral("the exec plugin of user 'u' has no command: name the plugin program") << true;
        QTest::newRow("exec v1alpha1")
            << singleContext(server,
                             "{exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: p}}")
            << QStringLiteral("ctx") << 6 << 29
            << QStringLiteral(
                   "exec apiVersion 'client.authentication.k8s.io/v1alpha1' is no longer supported")
            << true;
        QTest::newRow("exec interactiveMode unknown")
            << singleContext(server,
                             "{exec: {apiVersion: " + v1 + ", command: p, interactiveMode: Sometimes}}")
            << QStringLiteral("ctx") << 6 << 91
            << QStringLiteral(
                   "interactiveMode 'Sometimes' of the exec plugin of user 'u' is not known: use Never, "
                   "IfAvailable or Always")
            << true;
        QTest::newRow("exec env without name")
            << singleContext(server, "{exec: {apiVersion: " + v1 +
                                         ", command: p, interactiveMode: Never, env: [{value: x}]}}")
            << QStringLiteral("ctx") << 6 << 104
            << QStringLiteral("an 'env' entry of the exec plugin of user 'u' has no name") << true;
        QTest::newRow("certificate-authority file missing")
            << singleContext("{server: https://c.test, certificate-authority: certs/ca.crt}", "{}")
            << QStringLiteral("ctx") << 3 << 60
            << QStringLiteral(
                   "certificate-authority file '%DIR%/certs/ca.crt' of cluster 'c' cannot be read: ")
            << true;
        QTest::newRow("token and basic auth")
            << singleContext(server, "{token: t, username: ta, password: p}") << QStringLiteral("ctx") << 6
            << 17 << QStringLiteral("user 'u' sets both a token and username/password: keep one") << true;
        QTest::newRow("client certificate without key")
            << singleContext(server, "{client-certificate: c.crt}") << QStringLiteral("ctx") << 6 << 30
            << QStringLiteral("user 'u' has a client certificate but no key") << true;
        QTest::newRow("namespace not a DNS label")
            << singleContext(server, "{}", "{cluster: c, user: u, namespace: Staff_NS}")
            << QStringLiteral("ctx") << 9 << 45
            << QStringLiteral("namespace 'Staff_NS' of context 'ctx' is not a valid namespace name") << true;
        QTest::newRow("proxy-url with an unknown scheme")
            << singleContext("{server: https://c.test, proxy-url: 'ftp://proxy.test'}", "{}")
            << QStringLiteral("ctx") << 3 << 48
            << QStringLiteral("proxy-url 'ftp://proxy.test' of cluster 'c' is not a usable proxy") << true;
        QTest::newRow("user is not a map")
            << singleContext(server, "alice") << QStringLiteral("ctx") << 6 << 9
            << QStringLiteral("'user' of user 'u' must be a map; found a value") << true;
    }

    void malformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, context);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        QFETCH(bool, inFile);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config"));
        const KubeConfig config = KubeConfig::parse(yaml, path);

        KubeConfigError error;
        if (context.isEmpty() && !config.errors().isEmpty()) {
            error = config.errors().first();
        } else {
            QVERIFY(!config.resolve(context, &error));
        }
        const QString expected = QString(message).replace(QLatin1String("%DIR%"), dir.path());
        QVERIFY2(error.message.startsWith(expected), qPrintable(error.toString()));
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
        QCOMPARE(error.file, inFile ? path : QString());
        if (inFile && line > 0)
            QVERIFY(
                error.toString().startsWith(QStringLiteral("%1:%2:%3: ").arg(path).arg(line).arg(column)));
    }

    // An entry's problem spoils only the contexts that use it.
    void brokenEntryLeavesOtherContexts()
    {
        const QByteArray yaml =
            "clusters:\n- name: good\n  cluster: {server: https://good.test}\n"
            "- name: bad\n  cluster: {server: https://bad.test, certificate-authority-data: '!'}\n"
            "contexts:\n- name: good\n  context: {cluster: good}\n"
            "- name: bad\n  context: {cluster: bad}\n";
        const KubeConfig config = KubeConfig::parse(yaml, QStringLiteral("/k/config"));
        QCOMPARE(config.errors().size(), 1);
        QVERIFY(config.resolve(QStringLiteral("good")));
        KubeConfigError error;
        QVERIFY(!config.resolve(QStringLiteral("bad"), &error));
        QCOMPARE(error.line, 5);
    }

    // --- exec credential plugin -------------------------------------------------

    void execCachesUntilExpiry()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        const QDateTime start = QDateTime::currentDateTimeUtc();
        const QDateTime expiry = start.addSecs(5);
        const auto credentials =
            resolveIn(dir, execKubeconfig(execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                                      QStringLiteral("Never"), {QStringLiteral("token")},
                                                      countFile, expiry.toString(Qt::ISODate))));
        QVERIFY(credentials && credentials->exec);

        ExecCredentialPlugin plugin(*credentials);
        QDateTime now = start;
        plugin.setClock([&now] { return now; });
        QString error;

        auto first = plugin.credential(&error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->token, QStringLiteral("plugin-token-1"));
        QCOMPARE(first->expiration.toSecsSinceEpoch(), expiry.toSecsSinceEpoch());
        QCOMPARE(runCount(countFile), 1);

        now = start.addSecs(4); // still valid: answered from the cache
        auto second = plugin.credential(&error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->token, QStringLiteral("plugin-token-1"));
        QCOMPARE(runCount(countFile), 1);

        now = start.addSecs(6); // expired: the plugin runs again
        QVERIFY(!plugin.cachedCredential());
        auto third = plugin.credential(&error);
        QVERIFY2(third, qPrintable(error));
        QCOMPARE(third->token, QStringLiteral("plugin-token-2"));
        QCOMPARE(runCount(countFile), 2);
    }

    void execRerunsAfterInvalidate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        const auto credentials = resolveIn(
            dir, execKubeconfig(execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                            QStringLiteral("Never"), {QStringLiteral("token")}, countFile)));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QString error;
        QCOMPARE(plugin.credential(&error)->token, QStringLiteral("plugin-token-1"));
        QVERIFY(!plugin.cachedCredential()->expiration.isValid()); // no expiry: kept until invalidated
        QCOMPARE(plugin.credential(&error)->token, QStringLiteral("plugin-token-1"));
        QCOMPARE(runCount(countFile), 1);

        plugin.invalidate(); // what the client does after a 401
        QVERIFY(!plugin.cachedCredential());
        QCOMPARE(plugin.credential(&error)->token, QStringLiteral("plugin-token-2"));
        QCOMPARE(runCount(countFile), 2);
    }

    void execAsync()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        const auto credentials = resolveIn(
            dir, execKubeconfig(execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                            QStringLiteral("Never"), {QStringLiteral("token")}, countFile)));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QSignalSpy ready(&plugin, &ExecCredentialPlugin::credentialReady);
        QSignalSpy failed(&plugin, &ExecCredentialPlugin::credentialFailed);

        plugin.requestCredential();
        plugin.requestCredential(); // joins the running plugin
        QVERIFY(ready.wait(60000));
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.first().first().value<kube::ExecCredential>().token, QStringLiteral("plugin-token-1"));
        QCOMPARE(runCount(countFile), 1);

        plugin.requestCredential(); // from the cache, still through the event loop
        QCOMPARE(ready.size(), 1);
        QVERIFY(ready.wait(60000));
        QCOMPARE(runCount(countFile), 1);
        QCOMPARE(failed.size(), 0);
    }

    void execAsyncFailure()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        const auto credentials = resolveIn(
            dir, execKubeconfig(execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                            QStringLiteral("Never"), {QStringLiteral("fail")}, countFile)));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QSignalSpy failed(&plugin, &ExecCredentialPlugin::credentialFailed);
        plugin.requestCredential();
        QVERIFY(failed.wait(60000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("failed with exit code 3")));
        QVERIFY(!plugin.cachedCredential());
    }

    void execVersions_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("interactiveMode");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("error");

        const QString v1 = QStringLiteral("client.authentication.k8s.io/v1");
        const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
        QTest::newRow("v1 with interactiveMode Never")
            << v1 << QStringLiteral("Never") << QStringLiteral("token") << QString();
        QTest::newRow("v1 with IfAvailable")
            << v1 << QStringLiteral("IfAvailable") << QStringLiteral("token") << QString();
        QTest::newRow("v1beta1, interactiveMode defaulted")
            << v1beta1 << QString() << QStringLiteral("token") << QString();
        QTest::newRow("v1beta1 plugin answering v1beta1")
            << v1beta1 << QString() << QStringLiteral("v1beta1") << QString();
        QTest::newRow("v1 asked, v1beta1 answered")
            << v1 << QStringLiteral("Never") << QStringLiteral("v1beta1")
            << QStringLiteral(
                   "answered in apiVersion 'client.authentication.k8s.io/v1beta1', but the kubeconfig "
                   "asks for 'client.authentication.k8s.io/v1'");
    }

    void execVersions()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, interactiveMode);
        QFETCH(QString, mode);
        QFETCH(QString, error);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        const auto credentials =
            resolveIn(dir, execKubeconfig(execSection(apiVersion, interactiveMode, {mode}, countFile)));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QString got;
        const auto credential = plugin.credential(&got);
        QCOMPARE(runCount(countFile), 1);

        // What the plugin was told: the configured version, not interactive, no cluster unless asked.
        const QJsonObject info = execInfoSeen(countFile);
        QCOMPARE(info.value(QLatin1String("apiVersion")).toString(), apiVersion);
        QCOMPARE(info.value(QLatin1String("kind")).toString(), QStringLiteral("ExecCredential"));
        const QJsonObject spec = info.value(QLatin1String("spec")).toObject();
        QCOMPARE(spec.value(QLatin1String("interactive")), QJsonValue(false));
        QVERIFY(!spec.contains(QLatin1String("cluster")));

        if (error.isEmpty()) {
            QVERIFY2(credential, qPrintable(got));
            QCOMPARE(credential->token, QStringLiteral("plugin-token-1"));
        } else {
            QVERIFY(!credential);
            QVERIFY2(got.contains(error), qPrintable(got));
        }
    }

    void execProvidesClusterInfo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        QJsonObject exec = execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                       QStringLiteral("Never"), {QStringLiteral("token")}, countFile);
        exec.insert(QStringLiteral("provideClusterInfo"), true);
        const QByteArray cluster =
            "\n    server: https://c.example.test:6443\n    tls-server-name: api.internal\n"
            "    certificate-authority-data: " +
            base64Of(QStringLiteral("ca.crt")) +
            "\n    extensions:\n    - name: client.authentication.k8s.io/exec\n"
            "      extension: {audience: courseops}";
        const auto credentials = resolveIn(dir, execKubeconfig(exec, cluster));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QString error;
        QVERIFY2(plugin.credential(&error), qPrintable(error));

        const QJsonObject seen = execInfoSeen(countFile)
                                     .value(QLatin1String("spec"))
                                     .toObject()
                                     .value(QLatin1String("cluster"))
                                     .toObject();
        QCOMPARE(seen.value(QLatin1String("server")).toString(),
                 QStringLiteral("https://c.example.test:6443"));
        QCOMPARE(seen.value(QLatin1String("tls-server-name")).toString(), QStringLiteral("api.internal"));
        QCOMPARE(seen.value(QLatin1String("certificate-authority-data")).toString().toLatin1(),
                 base64Of(QStringLiteral("ca.crt")));
        QCOMPARE(seen.value(QLatin1String("config")).toObject().value(QLatin1String("audience")).toString(),
                 QStringLiteral("courseops"));
        QVERIFY(!seen.contains(QLatin1String("insecure-skip-tls-verify")));
    }

    void execClientCertificate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        QJsonObject exec = execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                       QStringLiteral("Never"), {QStringLiteral("cert")}, countFile);
        QJsonArray env = exec.value(QLatin1String("env")).toArray();
        env.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("PLUGIN_CERT")},
                               {QStringLiteral("value"), fixture(QStringLiteral("client-ec.crt"))}});
        env.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("PLUGIN_KEY")},
                               {QStringLiteral("value"), fixture(QStringLiteral("client-ec.key"))}});
        exec.insert(QStringLiteral("env"), env);
        auto credentials = resolveIn(dir, execKubeconfig(exec));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QString error;
        const auto credential = plugin.credential(&error);
        QVERIFY2(credential, qPrintable(error));
        QVERIFY(credential->token.isEmpty());
        QCOMPARE(credential->clientCertificatePem, readFile(fixture(QStringLiteral("client-ec.crt"))));

        credential->applyTo(&*credentials);
        const QSslConfiguration ssl = kube::toSslConfiguration(*credentials, &error);
        QVERIFY2(!ssl.isNull(), qPrintable(error));
        QCOMPARE(commonName(ssl.localCertificate()), QStringLiteral("staff-ec"));
        QCOMPARE(ssl.privateKey().algorithm(), QSsl::Ec);
    }

    void execExpiry_data()
    {
        QTest::addColumn<QString>("timestamp");
        QTest::addColumn<QDateTime>("expiration"); // invalid: an error is expected
        const QDateTime utc(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
        QTest::newRow("Z") << QStringLiteral("2030-01-02T03:04:05Z") << utc;
        QTest::newRow("nanoseconds") << QStringLiteral("2030-01-02T03:04:05.123456789Z") << utc.addMSecs(123);
        QTest::newRow("offset") << QStringLiteral("2030-01-02T05:04:05+02:00") << utc;
        QTest::newRow("no zone") << QStringLiteral("2030-01-02T03:04:05") << QDateTime();
        QTest::newRow("not a time") << QStringLiteral("tomorrow") << QDateTime();
    }

    void execExpiry()
    {
        QFETCH(QString, timestamp);
        QFETCH(QDateTime, expiration);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        const auto credentials =
            resolveIn(dir, execKubeconfig(execSection(QStringLiteral("client.authentication.k8s.io/v1"),
                                                      QStringLiteral("Never"), {QStringLiteral("token")},
                                                      countFile, timestamp)));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QString error;
        const auto credential = plugin.credential(&error);
        if (expiration.isValid()) {
            QVERIFY2(credential, qPrintable(error));
            QCOMPARE(credential->expiration, expiration);
        } else {
            QVERIFY(!credential);
            QVERIFY2(error.contains(QStringLiteral("which is not an RFC 3339 time")), qPrintable(error));
        }
    }

    void execFailures_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("command"); // empty: the fixture plugin
        QTest::addColumn<QString>("installHint");
        QTest::addColumn<QString>("interactiveMode");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QStringList>("mustContain");
        QTest::addColumn<QStringList>("mustNotContain");
        QTest::addColumn<int>("runs");

        QTest::newRow("non-zero exit carries stderr, never stdout")
            << QStringLiteral("fail") << QString() << QString() << QStringLiteral("Never") << 60000
            << QStringList{QStringLiteral("failed with exit code 3"),
                           QStringLiteral("the refresh token has expired; run 'acme-cloud login' again")}
            << QStringList{QStringLiteral("stdout-secret")} << 1;
        QTest::newRow("output that is not JSON")
            << QStringLiteral("badjson") << QString() << QString() << QStringLiteral("Never") << 60000
            << QStringList{QStringLiteral("printed something that is not an ExecCredential JSON object")}
            << QStringList{QStringLiteral("Opening a browser")} << 1;
        QTest::newRow("missing command with installHint")
            << QStringLiteral("token") << QStringLiteral("courseops-no-such-auth-plugin")
            << QStringLiteral("Install it with: apt install acme-auth") << QStringLiteral("Never") << 60000
            << QStringList{QStringLiteral(
                               "exec plugin 'courseops-no-such-auth-plugin' of user 'u' was not found on "
                               "PATH"),
                           QStringLiteral("Install it with: apt install acme-auth")}
            << QStringList{} << 0;
        QTest::newRow("missing path without installHint")
            << QStringLiteral("token") << QStringLiteral("/nonexistent/courseops/plugin") << QString()
            << QStringLiteral("Never") << 60000
            << QStringList{QStringLiteral("was not found at '/nonexistent/courseops/plugin'"),
                           QStringLiteral("client-go-credential-plugins")}
            << QStringList{} << 0;
        QTest::newRow("interactiveMode Always")
            << QStringLiteral("token") << QString() << QString() << QStringLiteral("Always") << 60000
            << QStringList{QStringLiteral("needs a terminal (interactiveMode: Always)")} << QStringList{}
            << 0;
        QTest::newRow("a plugin that never answers")
            << QStringLiteral("hang") << QString() << QString() << QStringLiteral("Never") << 300
            << QStringList{QStringLiteral("did not finish within 0.3 s")} << QStringList{} << 1;
    }

    void execFailures()
    {
        QFETCH(QString, mode);
        QFETCH(QString, command);
        QFETCH(QString, installHint);
        QFETCH(QString, interactiveMode);
        QFETCH(int, timeoutMs);
        QFETCH(QStringList, mustContain);
        QFETCH(QStringList, mustNotContain);
        QFETCH(int, runs);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        QJsonObject exec = execSection(QStringLiteral("client.authentication.k8s.io/v1"), interactiveMode,
                                       {mode}, countFile);
        if (!command.isEmpty())
            exec.insert(QStringLiteral("command"), command);
        if (!installHint.isEmpty())
            exec.insert(QStringLiteral("installHint"), installHint);
        const auto credentials = resolveIn(dir, execKubeconfig(exec));
        QVERIFY(credentials);

        ExecCredentialPlugin plugin(*credentials);
        plugin.setTimeout(std::chrono::milliseconds(timeoutMs));
        QString error;
        QVERIFY(!plugin.credential(&error));
        for (const QString &part : mustContain)
            QVERIFY2(error.contains(part), qPrintable(error));
        for (const QString &part : mustNotContain)
            QVERIFY2(!error.contains(part), qPrintable(error));
        QVERIFY(!plugin.cachedCredential());
        if (mode != QLatin1String("hang")) // a killed plugin may not have written its count yet
            QCOMPARE(runCount(countFile), runs);
    }

    void execRelativeCommandRuns()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString countFile = dir.filePath(QStringLiteral("runs"));
        qputenv("PLUGIN_COUNT_FILE", countFile.toLocal8Bit()); // the fixture's exec has no env of its own
        const KubeConfig config = KubeConfig::load({fixture(QStringLiteral("nested/config"))});
        const auto credentials = config.resolve(QStringLiteral("relative-plugin"));
        QVERIFY(credentials);
        ExecCredentialPlugin plugin(*credentials);
        QString error;
        const auto credential = plugin.credential(&error);
        qunsetenv("PLUGIN_COUNT_FILE");
        QVERIFY2(credential, qPrintable(error));
        QCOMPARE(credential->token, QStringLiteral("plugin-token-1"));
    }
};

QTEST_GUILESS_MAIN(TestKubeConfig)
#include "tst_kubeconfig.moc"
