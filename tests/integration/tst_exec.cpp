// kubectl exec over a WebSocket: the node runtime runs real processes, so the
// exit code, stdout, stderr and stdin are real. Also the errors a user meets:
// the read-only context, a missing pod, a runtime with nothing to exec into.
#include "kube/execsession.h"
#include "kubetestkit.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

struct ExecRun
{
    int exitCode = -2;
    kube::ApiStatus status;
    QString protocol;
    QByteArray out;
    QByteArray err;
};

ExecRun runExec(std::shared_ptr<kube::ClusterAccess> access, const QString &pod, const kube::ExecOptions &o,
                const std::function<void(kube::ExecSession &)> &onStart = {})
{
    ExecRun run;
    kube::ExecSession session(std::move(access), u"students"_s, pod, o);
    QObject::connect(&session, &kube::ExecSession::output, &session,
                     [&](const QByteArray &b) { run.out += b; });
    QObject::connect(&session, &kube::ExecSession::errorOutput, &session,
                     [&](const QByteArray &b) { run.err += b; });
    QObject::connect(&session, &kube::ExecSession::started, &session, [&](const QString &p) {
        run.protocol = p;
        if (onStart)
            onStart(session);
    });
    QSignalSpy finished(&session, &kube::ExecSession::finished);
    session.start();
    if (!finished.wait(30000))
        return run;
    run.exitCode = finished.constFirst().at(0).toInt();
    run.status = finished.constFirst().at(1).value<kube::ApiStatus>();
    return run;
}

} // namespace

class TestExec : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    QString m_pod;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QVERIFY(m_sandbox.start(
            {u"--students"_s, u"1"_s, u"--runtime"_s, u"node"_s, u"--time-scale"_s, u"10"_s}));
        m_admin = accessFor(m_sandbox.kubeconfig(), u"sandbox-admin"_s);
        kube::KubeClient client(m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto items =
                    json(get(client, u"/api/v1/namespaces/students/pods"_s))[u"items"_s].toArray();
                if (items.isEmpty() ||
                    !items.first()[u"status"_s][u"containerStatuses"_s][0][u"ready"_s].toBool())
                    return false;
                m_pod = items.first()[u"metadata"_s][u"name"_s].toString();
                return true;
            }(),
            60000);
    }

    void exitCodeAndStreams()
    {
        kube::ExecOptions o;
        o.command = {u"sh"_s, u"-c"_s, u"echo out; echo err >&2; exit 3"_s};
        const ExecRun run = runExec(m_admin, m_pod, o);
        QCOMPARE(run.protocol, u"v5.channel.k8s.io"_s);
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.out, QByteArray("out\n"));
        QCOMPARE(run.err, QByteArray("err\n"));
        QVERIFY(run.status.isOk());
    }

    void successIsZero()
    {
        kube::ExecOptions o;
        o.command = {u"ls"_s}; // the app's directory
        const ExecRun run = runExec(m_admin, m_pod, o);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("index.js"), run.out.constData());
    }

    // v5 closes stdin with [255, 0], so `cat` sees its input end and exits.
    void inputAndItsEnd()
    {
        kube::ExecOptions o;
        o.command = {u"cat"_s};
        o.input = true;
        const ExecRun run = runExec(m_admin, m_pod, o, [](kube::ExecSession &s) {
            s.writeInput("hello from the console\n");
            s.closeInput();
        });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("hello from the console\n"));
    }

    // A client that offers only v4 gets v4: same channels, exit code from the Status.
    void protocolFallback()
    {
        kube::ExecOptions o;
        o.protocols = {u"v4.channel.k8s.io"_s};
        o.command = {u"sh"_s, u"-c"_s, u"echo v4; exit 7"_s};
        const ExecRun run = runExec(m_admin, m_pod, o, [](kube::ExecSession &s) { s.resize(120, 40); });
        QCOMPARE(run.protocol, u"v4.channel.k8s.io"_s);
        QCOMPARE(run.exitCode, 7);
        QCOMPARE(run.out, QByteArray("v4\n"));
    }

    void readOnlyContextIsRefused()
    {
        kube::ExecOptions o;
        o.command = {u"true"_s};
        const ExecRun run = runExec(accessFor(m_sandbox.kubeconfig(), u"sandbox-ta"_s), m_pod, o);
        QCOMPARE(run.exitCode, -1);
        QCOMPARE(run.status.code, 403);
        QVERIFY2(run.status.message.contains(u"(403 Forbidden)"_s) &&
                     run.status.message.contains(u"exec in pod"_s),
                 qPrintable(run.status.message));
    }

    void missingPod()
    {
        kube::ExecOptions o;
        o.command = {u"true"_s};
        const ExecRun run = runExec(m_admin, u"nobody"_s, o);
        QCOMPARE(run.exitCode, -1);
        QCOMPARE(run.status.code, 404);
    }

    // The exec ran but the command could not: the Status says why, and there is no exit code.
    void runtimeWithoutAShell()
    {
        SandboxProcess simulated;
        QVERIFY(simulated.start({u"--students"_s, u"1"_s, u"--runtime"_s, u"simulated"_s}));
        auto access = accessFor(simulated.kubeconfig());
        kube::KubeClient client(access);
        QString pod;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(pod = json(get(client,
                             u"/api/v1/namespaces/students/pods"_s))[u"items"_s][0][u"metadata"_s][u"name"_s]
                        .toString())
                 .isEmpty(),
            10000);
        kube::ExecOptions o;
        o.command = {u"sh"_s};
        const ExecRun run = runExec(access, pod, o);
        QCOMPARE(run.exitCode, -1);
        QVERIFY2(
            run.status.message.startsWith(u"The command could not run in the container: container app has no "
                                          "shell in the simulated runtime"_s),
            qPrintable(run.status.message));
    }

    void exitCodesFromStatus()
    {
        kube::ApiStatus error;
        QCOMPARE(kube::ExecSession::exitCodeFromStatus(R"({"metadata":{},"status":"Success"})", &error), 0);
        QCOMPARE(
            kube::ExecSession::exitCodeFromStatus(
                R"({"status":"Failure","reason":"NonZeroExitCode","message":"command terminated with non-zero exit code: 300",)"
                R"("details":{"causes":[{"reason":"ExitCode","message":"300"}]}})",
                &error),
            300 & 0xff);
        QCOMPARE(kube::ExecSession::exitCodeFromStatus(
                     R"({"status":"Failure","reason":"InternalError","message":"boom"})", &error),
                 -1);
        QCOMPARE(error.serverMessage, u"boom"_s);
    }
};

QTEST_GUILESS_MAIN(TestExec)
#include "tst_exec.moc"
