// Fidelity of courseops-sandbox's Kubernetes API, proved with a client nobody
// here wrote: drives the kubectl on PATH (1.32 on the project's machines) and
// checks what it prints. Skips where kubectl or node is missing.
#include "../common/sandboxprocess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestKubectl : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

    Run kubectl(const QStringList &args, const QByteArray &stdinData = {}, const QString &context = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        env.insert(QStringLiteral("HOME"), m_sandbox.dir()); // a fresh discovery cache
        p.setProcessEnvironment(env);
        QStringList all = args;
        if (!context.isEmpty())
            all.prepend(QStringLiteral("--context=") + context);
        p.start(QStringLiteral("kubectl"), all);
        p.waitForStarted();
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString podOf(const QString &login)
    {
        return kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("students"),
                        QStringLiteral("-l"), QStringLiteral("courseops.io/student=") + login, QStringLiteral("-o"),
                        QStringLiteral("jsonpath={.items[0].metadata.name}")})
            .out;
    }

    QString podField(const QString &login, const QString &jsonpath)
    {
        return kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("students"),
                        QStringLiteral("-l"), QStringLiteral("courseops.io/student=") + login, QStringLiteral("-o"),
                        QStringLiteral("jsonpath={.items[0]") + jsonpath + u'}'})
            .out;
    }

    // The STATUS column of `kubectl get pods` for one student.
    QString statusOf(const QString &login)
    {
        const Run r = kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"),
                               QStringLiteral("students"), QStringLiteral("-l"),
                               QStringLiteral("courseops.io/student=") + login, QStringLiteral("--no-headers")});
        return r.out.simplified().section(u' ', 2, 2);
    }

    // Waits until kubectl has shown `status` for the student once. (QTRY_COMPARE
    // looks again after success, and these states alternate with others.)
    bool showsEventually(const QString &login, const QString &status)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000) {
            if (statusOf(login) == status)
                return true;
            QTest::qWait(100);
        }
        qWarning() << login << "never showed" << status << "; last:" << statusOf(login);
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not on PATH: these tests drive the real kubectl");
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QVERIFY(m_sandbox.start({QStringLiteral("--runtime"), QStringLiteral("node"), QStringLiteral("--time-scale"),
                                 QStringLiteral("10")}));
        // Every healthy app up before the checks start.
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(QStringLiteral("aarav-shar")) == QLatin1String("Running") &&
                                     podField(QStringLiteral("aarav-shar"), QStringLiteral(".status.containerStatuses[0].ready")) ==
                                         QLatin1String("true"),
                                 60000);
    }

    void getPodsAllNamespaces()
    {
        const Run r = kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.first().simplified() == QLatin1String("NAMESPACE NAME READY STATUS RESTARTS AGE"),
                 qPrintable(lines.first()));
        QCOMPARE(lines.size(), 42); // header + the demo course's 41 students
        QVERIFY(lines.at(1).startsWith(QLatin1String("students ")));
    }

    void getDeploymentsAndServicesWide()
    {
        const Run r = kubectl({QStringLiteral("get"), QStringLiteral("deploy,svc"), QStringLiteral("-n"),
                               QStringLiteral("students"), QStringLiteral("-o"), QStringLiteral("wide")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral(
            "NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE\\s+CONTAINERS\\s+IMAGES\\s+SELECTOR"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral(
            "deployment.apps/aarav-shar\\s+1/1\\s+1\\s+1\\s+\\S+\\s+app\\s+node:20-alpine\\s+courseops.io/student=aarav-shar"))));
        QVERIFY(r.out.contains(QRegularExpression(
            QStringLiteral("NAME\\s+TYPE\\s+CLUSTER-IP\\s+EXTERNAL-IP\\s+PORT\\(S\\)\\s+AGE\\s+SELECTOR"))));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                     "service/aarav-shar\\s+ClusterIP\\s+10\\.96\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP\\s+\\S+\\s+courseops.io/student=aarav-shar"))),
                 qPrintable(r.out));
    }

    void brokenAppsShowWhatKubectlWouldShow()
    {
        // A syntax error: crash loop, and the real stack trace in the logs.
        QVERIFY(showsEventually(QStringLiteral("rohan-meht"), QStringLiteral("CrashLoopBackOff")));
        const Run logs = kubectl({QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("students"),
                                  podOf(QStringLiteral("rohan-meht")), QStringLiteral("--previous")});
        QVERIFY2(logs.out.contains(QLatin1String("SyntaxError: missing ) after argument list")), qPrintable(logs.out));
        // A missing module.
        QVERIFY(showsEventually(QStringLiteral("yuki-tana"), QStringLiteral("CrashLoopBackOff")));
        QVERIFY(kubectl({QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("students"),
                         podOf(QStringLiteral("yuki-tana")), QStringLiteral("--previous")})
                    .out.contains(QLatin1String("Error: Cannot find module 'express'")));
        // Over its memory limit: killed as the OOM killer does.
        QTRY_COMPARE_WITH_TIMEOUT(podField(QStringLiteral("meera-gupt"),
                                           QStringLiteral(".status.containerStatuses[0].lastState.terminated.reason")),
                                  QStringLiteral("OOMKilled"), 60000);
        QCOMPARE(podField(QStringLiteral("meera-gupt"),
                          QStringLiteral(".status.containerStatuses[0].lastState.terminated.exitCode")),
                 QStringLiteral("137"));
        // An image that does not exist.
        QVERIFY(showsEventually(QStringLiteral("kavya-rao"), QStringLiteral("ImagePullBackOff")));
        // More memory than any node has.
        QCOMPARE(statusOf(QStringLiteral("jonas-beck")), QStringLiteral("Pending"));
        const Run describe = kubectl({QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("-n"),
                                      QStringLiteral("students"), podOf(QStringLiteral("jonas-beck"))});
        QVERIFY2(describe.out.contains(QRegularExpression(
                     QStringLiteral("Warning\\s+FailedScheduling\\s+.*0/3 nodes are available: 3 Insufficient memory"))),
                 qPrintable(describe.out));
    }

    void describeShowsStateAndEvents()
    {
        QTRY_VERIFY_WITH_TIMEOUT(podField(QStringLiteral("rohan-meht"), QStringLiteral(".status.containerStatuses[0].restartCount"))
                                         .toInt() >= 1,
                                 60000);
        const Run r = kubectl({QStringLiteral("describe"), QStringLiteral("pod"), QStringLiteral("-n"),
                               QStringLiteral("students"), podOf(QStringLiteral("rohan-meht"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Controlled By:\\s+ReplicaSet/rohan-meht-"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Last State:\\s+Terminated\\s+Reason:\\s+Error\\s+Message:[\\s\\S]*?Exit Code:\\s+1"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Normal\\s+Scheduled\\s+.*Successfully assigned students/rohan-meht-"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Warning\\s+BackOff\\s+.*Back-off restarting failed container app"))));
    }

    void logsFollowWithTimestamps()
    {
        const QString pod = podOf(QStringLiteral("aarav-shar"));
        const Run r = kubectl({QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("students"), pod,
                               QStringLiteral("--timestamps")});
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression line(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (Server l|L)istening on port \\d+$"),
            QRegularExpression::MultilineOption);
        QVERIFY2(r.out.contains(line), qPrintable(r.out));

        // -f keeps the stream open: a request to the app, logged by a SIGTERM-free app,
        // is not printed by this demo app, so follow until kubectl is stopped.
        QProcess follow;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        env.insert(QStringLiteral("HOME"), m_sandbox.dir());
        follow.setProcessEnvironment(env);
        follow.start(QStringLiteral("kubectl"), {QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("--timestamps"),
                                                QStringLiteral("-n"), QStringLiteral("students"), pod});
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += follow.readAllStandardOutput()).contains("istening on port"), 30000);
        QCOMPARE(follow.state(), QProcess::Running); // still following
        // A restart ends the followed stream, as the container it follows stops.
        kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), QStringLiteral("students"), pod});
        QVERIFY(follow.waitForFinished(60000));
    }

    void execReturnsTheExitCode()
    {
        const QString pod = podOf(QStringLiteral("priya-iyer"));
        Run r = kubectl({QStringLiteral("exec"), QStringLiteral("-n"), QStringLiteral("students"), pod,
                         QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("ls; echo oops >&2; exit 3")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.contains(QLatin1String("index.js")));
        QVERIFY(r.err.contains(QLatin1String("oops")));
        QVERIFY(r.err.contains(QLatin1String("command terminated with exit code 3")));
        r = kubectl({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("-n"), QStringLiteral("students"), pod,
                     QStringLiteral("--"), QStringLiteral("cat")},
                    "hello from stdin\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("hello from stdin\n"));
    }

    void execInteractiveShellWithTty()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
            QSKIP("script(1) is needed to give kubectl a terminal");
        const QString pod = podOf(QStringLiteral("priya-iyer"));
        // `script` gives kubectl a terminal, so -it negotiates a TTY end to end.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        env.insert(QStringLiteral("HOME"), m_sandbox.dir());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("script"),
                {QStringLiteral("-qec"),
                 QStringLiteral("kubectl exec -it -n students %1 -- sh").arg(pod), QStringLiteral("/dev/null")});
        QVERIFY(p.waitForStarted());
        p.write("tty; echo \"cols=$(tput cols 2>/dev/null || stty size)\"; exit 7\n");
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("/dev/pts/")), qPrintable(out));
        QCOMPARE(p.exitCode(), 7);
    }

    void rolloutRestartAndStatus()
    {
        const QString before = podOf(QStringLiteral("ishaan-bose"));
        Run r = kubectl({QStringLiteral("rollout"), QStringLiteral("restart"), QStringLiteral("deployment/ishaan-bose"),
                         QStringLiteral("-n"), QStringLiteral("students")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("deployment.apps/ishaan-bose restarted"));
        const QString annotation =
            kubectl({QStringLiteral("get"), QStringLiteral("deploy"), QStringLiteral("ishaan-bose"), QStringLiteral("-n"),
                     QStringLiteral("students"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}")})
                .out;
        QVERIFY2(QDateTime::fromString(annotation, Qt::ISODate).isValid(), qPrintable(annotation));
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/ishaan-bose"),
                     QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("--timeout=120s")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("deployment \"ishaan-bose\" successfully rolled out")), qPrintable(r.out));
        // The old pod is gone once its grace period ends.
        QTRY_VERIFY_WITH_TIMEOUT(podOf(QStringLiteral("ishaan-bose")) != before, 30000);
    }

    void watchPrintsChanges()
    {
        QProcess watch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        env.insert(QStringLiteral("HOME"), m_sandbox.dir());
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral("kubectl"), {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-w"),
                                               QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("-l"),
                                               QStringLiteral("courseops.io/student=lea-more")});
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).contains("Running"), 30000);
        QVERIFY(seen.startsWith("NAME"));
        kubectl({QStringLiteral("rollout"), QStringLiteral("restart"), QStringLiteral("deployment/lea-more"),
                 QStringLiteral("-n"), QStringLiteral("students")});
        // The new pod appears in the watch, then the old one goes.
        QTRY_VERIFY_WITH_TIMEOUT((seen += watch.readAllStandardOutput()).count("lea-more-") >= 3, 60000);
        QVERIFY2(seen.contains("ContainerCreating") || seen.contains("Init:0/1") || seen.contains("Pending"),
                 seen.constData());
        watch.kill();
        watch.waitForFinished();
    }

    void accessReviewsForBothRoles()
    {
        Run r = kubectl({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods"),
                         QStringLiteral("-n"), QStringLiteral("students")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        QCOMPARE(r.exitCode, 0);
        r = kubectl({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("delete"), QStringLiteral("pods"),
                     QStringLiteral("-n"), QStringLiteral("students")},
                    {}, QStringLiteral("sandbox-ta"));
        QCOMPARE(r.out.trimmed(), QStringLiteral("no"));
        QCOMPARE(r.exitCode, 1);
        r = kubectl({QStringLiteral("auth"), QStringLiteral("can-i"), QStringLiteral("get"), QStringLiteral("pods/log"),
                     QStringLiteral("-n"), QStringLiteral("students")},
                    {}, QStringLiteral("sandbox-ta"));
        QCOMPARE(r.out.trimmed(), QStringLiteral("yes"));
        // And the read-only role really is refused a write.
        r = kubectl({QStringLiteral("delete"), QStringLiteral("deployment"), QStringLiteral("aarav-shar"),
                     QStringLiteral("-n"), QStringLiteral("students")},
                    {}, QStringLiteral("sandbox-ta"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Error from server (Forbidden): deployments.apps \"aarav-shar\" is "
                                              "forbidden: User \"course-ta\" cannot delete resource \"deployments\" in "
                                              "API group \"apps\" in the namespace \"students\"")),
                 qPrintable(r.err));
        QCOMPARE(statusOf(QStringLiteral("aarav-shar")), QStringLiteral("Running"));
    }

    void topPods()
    {
        const Run r = kubectl({QStringLiteral("top"), QStringLiteral("pods"), QStringLiteral("-n"), QStringLiteral("students")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("NAME\\s+CPU\\(cores\\)\\s+MEMORY\\(bytes\\)"))));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("aarav-shar-\\S+\\s+\\d+m\\s+\\d+Mi"))), qPrintable(r.out));
    }

    void missingObjectIsNotFound()
    {
        const Run r = kubectl({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("nobody-here"),
                               QStringLiteral("-n"), QStringLiteral("students")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(), QStringLiteral("Error from server (NotFound): pods \"nobody-here\" not found"));
    }

    void healthyAppsAnswerThroughTheRouter()
    {
        QVERIFY(!m_sandbox.router().isEmpty());
        QNetworkAccessManager nam;
        auto get = [&](const QString &login) {
            QNetworkRequest request{QUrl(m_sandbox.router() + QStringLiteral("/"))};
            request.setRawHeader("Host", (login + QStringLiteral(".apps.courseops.test")).toUtf8());
            QNetworkReply *reply = nam.get(request);
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(20000);
            const auto result = std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                                          QString::fromUtf8(reply->readAll())};
            reply->deleteLater();
            return result;
        };
        const auto [status, body] = get(QStringLiteral("priya-iyer"));
        QCOMPARE(status, 200);
        // The app is the student's own repository at its deployed commit.
        QVERIFY2(body.contains(QLatin1String("Hello from Priya Iyer")), qPrintable(body));
        QCOMPARE(get(QStringLiteral("rohan-meht")).first, 503); // crash-looping: nothing to route to

        // A request whose last header is Connection reaches the app intact
        // (the router replaces that header with its own).
        QTcpSocket raw;
        const QUrl router(m_sandbox.router());
        raw.connectToHost(router.host(), quint16(router.port()));
        QVERIFY(raw.waitForConnected(10000));
        raw.write("GET / HTTP/1.1\r\nHost: priya-iyer.apps.courseops.test\r\nAccept: */*\r\n"
                  "Connection: keep-alive\r\n\r\n");
        QByteArray answer;
        while (!answer.contains("Hello from Priya Iyer") && raw.waitForReadyRead(10000))
            answer += raw.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
    }

    void secretsReachTheEnvironmentAtContainerStart()
    {
        // The demo's 41st student reads COURSE_API_KEY from the optional
        // course-api Secret, which nobody has made: unset, so the app exits.
        const QString login = QStringLiteral("sofia-ross");
        QVERIFY(showsEventually(login, QStringLiteral("CrashLoopBackOff")));
        QTRY_VERIFY_WITH_TIMEOUT(kubectl({QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("students"),
                                          podOf(login), QStringLiteral("-c"), QStringLiteral("app")})
                                     .out.contains(QLatin1String("Error: COURSE_API_KEY is not set")),
                                 30000);
        Run r = kubectl({QStringLiteral("create"), QStringLiteral("secret"), QStringLiteral("generic"),
                         QStringLiteral("course-api"), QStringLiteral("-n"), QStringLiteral("students"),
                         QStringLiteral("--from-literal=api-key=k-123")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("secret/course-api created"));
        r = kubectl({QStringLiteral("get"), QStringLiteral("secrets"), QStringLiteral("-n"), QStringLiteral("students")});
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("course-api\\s+Opaque\\s+1\\s"))), qPrintable(r.out));
        QCOMPARE(kubectl({QStringLiteral("rollout"), QStringLiteral("restart"), QStringLiteral("deployment/") + login,
                          QStringLiteral("-n"), QStringLiteral("students")})
                     .exitCode,
                 0);
        r = kubectl({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("deployment/") + login,
                     QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("--timeout=120s")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(login), QStringLiteral("Running"), 30000);
        QCOMPARE(kubectl({QStringLiteral("exec"), QStringLiteral("-n"), QStringLiteral("students"), podOf(login),
                          QStringLiteral("-c"), QStringLiteral("app"), QStringLiteral("--"), QStringLiteral("printenv"),
                          QStringLiteral("COURSE_API_KEY")})
                     .out.trimmed(),
                 QStringLiteral("k-123"));

        // A required reference to a missing ConfigMap holds the container back,
        // as the kubelet does, until the ConfigMap exists.
        const QByteArray pod = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"env-check","namespace":"students",
            "labels":{"courseops.io/student":"farah-rahm"}},"spec":{"containers":[{"name":"app","image":"node:20-alpine",
            "env":[{"name":"GREETING","valueFrom":{"configMapKeyRef":{"name":"greetings","key":"hello"}}},
                   {"name":"POD_NAME","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}},
                   {"name":"OPTIONAL","valueFrom":{"secretKeyRef":{"name":"nothing","key":"x","optional":true}}}]}]}})";
        // No OpenAPI document in the sandbox: kubectl cannot validate on the client.
        r = kubectl({QStringLiteral("create"), QStringLiteral("--validate=false"), QStringLiteral("-f"), QStringLiteral("-")}, pod);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto podStatus = [&] {
            return kubectl({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("env-check"), QStringLiteral("-n"),
                            QStringLiteral("students"), QStringLiteral("--no-headers")})
                .out.simplified()
                .section(u' ', 2, 2);
        };
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(), QStringLiteral("CreateContainerConfigError"), 30000);
        r = kubectl({QStringLiteral("get"), QStringLiteral("events"), QStringLiteral("-n"), QStringLiteral("students"),
                     QStringLiteral("--field-selector"), QStringLiteral("involvedObject.name=env-check,reason=Failed")});
        QVERIFY2(r.out.contains(QLatin1String("Error: configmap \"greetings\" not found")), qPrintable(r.out));
        QCOMPARE(kubectl({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("greetings"),
                          QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("--from-literal=hello=hi")})
                     .exitCode,
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(), QStringLiteral("Running"), 30000);
        r = kubectl({QStringLiteral("exec"), QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("env-check"),
                     QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("echo \"$GREETING $POD_NAME ${OPTIONAL-unset}\"")});
        QCOMPARE(r.out.trimmed(), QStringLiteral("hi env-check unset"));
        kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("env-check"), QStringLiteral("-n"),
                 QStringLiteral("students"), QStringLiteral("--wait=false")});
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_GUILESS_MAIN(TestKubectl)
#include "tst_kubectl.moc"
