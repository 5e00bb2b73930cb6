#include "course/errorsignature.h"

#include <QTest>

using namespace Qt::StringLiterals;

// Error signatures group students with the same problem: the same input gives
// the same short text whatever the student, pod or node.
class TestErrorSignature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromState_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<bool>("weak");

        const QString missingModule = u"node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\n"
                                      u"Error: Cannot find module 'express'\nRequire stack:\n- /app/index.js\n"
                                      u"    at Module._resolveFilename (node:internal/modules/cjs/loader:1077:15)\n"
                                      u"    at Object.<anonymous> (/app/index.js:1:17) {\n"
                                      u"  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '/app/index.js' ]\n}\n\n"
                                      u"Node.js v20.11.1\n"_s;
        QTest::newRow("missing module") << u"Error"_s << missingModule << 1 << u"Cannot find module 'express'"_s << false;
        QTest::newRow("syntax error, token dropped")
            << u"Error"_s << u"/app/index.js:12\n  });\n  ^\n\nSyntaxError: Unexpected token '}'\n    at internalCompileFunction (node:internal/vm:73:18)\n\nNode.js v20.11.1\n"_s
            << 1 << u"SyntaxError: Unexpected token"_s << false;
        QTest::newRow("syntax error, other token groups with it")
            << u"Error"_s << u"SyntaxError: Unexpected token ')'\n"_s << 1 << u"SyntaxError: Unexpected token"_s << false;
        QTest::newRow("syntax error without a token")
            << u"Error"_s << u"/app/index.js:9\n  res.end(page();\n\nSyntaxError: missing ) after argument list\n"_s << 1
            << u"SyntaxError: missing ) after argument list"_s << false;
        QTest::newRow("type error with CRLF")
            << u"Error"_s << u"Listening\r\nTypeError: Cannot read properties of undefined (reading 'map')\r\n    at x\r\n"_s
            << 1 << u"TypeError: Cannot read properties of undefined (reading 'map')"_s << false;
        QTest::newRow("the last uncaught error wins")
            << u"Error"_s << u"ReferenceError: old handled thing\nstill running\nRangeError: Invalid array length\n"_s << 1
            << u"RangeError: Invalid array length"_s << false;
        QTest::newRow("error with a code")
            << u"Error"_s << u"Error [ERR_REQUIRE_ESM]: require() of ES Module /app/x.js not supported.\n"_s << 1
            << u"require() of ES Module /app/x.js not supported."_s << false;
        QTest::newRow("npm missing script")
            << u"Error"_s << u"npm ERR! Missing script: \"start\"\nnpm ERR!\nnpm ERR! A complete log of this run can be found in: /root/.npm/x.log\n"_s
            << 1 << u"Missing script: \"start\""_s << false;
        QTest::newRow("npm 10 skips noise")
            << u"Error"_s << u"npm error code ENOENT\nnpm error path /app/package.json\nnpm error enoent Could not read package.json\n"_s
            << 254 << u"enoent Could not read package.json"_s << false;
        QTest::newRow("oom") << u"OOMKilled"_s << u"Server listening on port 3000\n"_s << 137 << u"OOMKilled"_s << false;
        QTest::newRow("image pull back-off")
            << u"ImagePullBackOff"_s << u"Back-off pulling image \"node:20-alpine-typo\""_s << 0 << u"ImagePullBackOff"_s << false;
        QTest::newRow("err image pull groups with back-off")
            << u"ErrImagePull"_s << u"failed to pull and unpack image"_s << 0 << u"ImagePullBackOff"_s << false;
        QTest::newRow("insufficient memory")
            << u"FailedScheduling"_s
            << u"0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."_s
            << 0 << u"Insufficient memory"_s << false;
        QTest::newRow("several scheduling reasons")
            << u"Unschedulable"_s << u"0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {gpu: true}."_s
            << 0 << u"Insufficient cpu, node(s) had untolerated taint {gpu: true}"_s << false;
        QTest::newRow("unschedulable without a message") << u"Unschedulable"_s << QString() << 0 << u"Unschedulable"_s << true;
        QTest::newRow("crash loop without a message")
            << u"CrashLoopBackOff"_s << u"back-off 10s restarting failed container=app"_s << 1
            << u"CrashLoopBackOff (exit 1)"_s << true;
        QTest::newRow("error without a message") << u"Error"_s << QString() << 2 << u"Error (exit 2)"_s << true;
        QTest::newRow("config error") << u"CreateContainerConfigError"_s << u"secret \"db\" not found"_s << 0
                                      << u"CreateContainerConfigError"_s << false;
        QTest::newRow("completed is fine") << u"Completed"_s << QString() << 0 << QString() << false;
        QTest::newRow("nothing") << QString() << QString() << 0 << QString() << false;
    }

    void fromState()
    {
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(int, exitCode);
        QFETCH(QString, signature);
        QFETCH(bool, weak);
        const course::ErrorSignature s = course::errorSignature(reason, message, exitCode);
        QCOMPARE(s.text, signature);
        if (!signature.isEmpty())
            QCOMPARE(s.weak, weak);
    }

    void longLinesAreClipped()
    {
        const QString line = u"TypeError: "_s + QString(300, u'x');
        const QString s = course::appErrorLine(line);
        QCOMPARE(s.size(), 100);
        QVERIFY(s.startsWith(u"TypeError: xxx"_s));
    }

    void fromPod_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<bool>("weak");
        QTest::newRow("crash loop after OOM") << 0 << u"OOMKilled"_s << false;
        QTest::newRow("crash loop, exit 1") << 1 << u"CrashLoopBackOff (exit 1)"_s << true;
        QTest::newRow("terminated with its log") << 2 << u"Cannot find module 'express'"_s << false;
        QTest::newRow("pending with no node") << 3 << u"Unschedulable"_s << true;
        QTest::newRow("running and ready") << 4 << QString() << false;
        QTest::newRow("init container cannot pull") << 5 << u"ImagePullBackOff"_s << false;
        QTest::newRow("evicted") << 6 << u"Evicted"_s << false;
        QTest::newRow("crash loop, the last run's log names the error") << 7 << u"Cannot find module 'express'"_s << false;
        QTest::newRow("pending, the scheduler says why") << 8 << u"Insufficient memory"_s << false;
    }

    void fromPod()
    {
        QFETCH(int, scenario);
        QFETCH(QString, signature);
        QFETCH(bool, weak);
        kube::PodInfo pod;
        pod.name = u"p"_s;
        pod.phase = kube::PodPhase::Running;
        pod.nodeName = u"node-1"_s;
        pod.containerCount = 1;
        kube::ContainerStatus c;
        c.name = u"app"_s;
        switch (scenario) {
        case 0:
            c.state = kube::ContainerState::Waiting;
            c.reason = u"CrashLoopBackOff"_s;
            c.lastTerminatedReason = u"OOMKilled"_s;
            c.lastExitCode = 137;
            c.hasLastTerminated = true;
            break;
        case 1:
            c.state = kube::ContainerState::Waiting;
            c.reason = u"CrashLoopBackOff"_s;
            c.lastTerminatedReason = u"Error"_s;
            c.lastExitCode = 1;
            c.hasLastTerminated = true;
            break;
        case 2:
            c.state = kube::ContainerState::Terminated;
            c.reason = u"Error"_s;
            c.exitCode = 1;
            c.message = u"Error: Cannot find module 'express'\nRequire stack:\n"_s;
            break;
        case 3:
            pod.phase = kube::PodPhase::Pending;
            pod.nodeName.clear();
            pod.containerCount = 1;
            break;
        case 4:
            c.state = kube::ContainerState::Running;
            c.ready = true;
            break;
        case 5: {
            pod.phase = kube::PodPhase::Pending;
            kube::ContainerStatus init;
            init.name = u"fetch-code"_s;
            init.state = kube::ContainerState::Waiting;
            init.reason = u"ImagePullBackOff"_s;
            pod.initContainerStatuses.append(init);
            c.state = kube::ContainerState::Waiting;
            c.reason = u"PodInitializing"_s;
            break;
        }
        case 7:
            c.state = kube::ContainerState::Waiting;
            c.reason = u"CrashLoopBackOff"_s;
            c.lastTerminatedReason = u"Error"_s;
            c.lastExitCode = 1;
            c.hasLastTerminated = true;
            pod.problemMessage = u"node:internal/modules/cjs/loader:1080\n  throw err;\n  ^\n\n"
                                      u"Error: Cannot find module 'express'\nRequire stack:\n- /app/index.js\n"_s;
            break;
        case 8:
            pod.phase = kube::PodPhase::Pending;
            pod.nodeName.clear();
            pod.problemMessage = u"0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are "
                                    u"available: 3 No preemption victims found for incoming pod."_s;
            break;
        case 6:
            pod.phase = kube::PodPhase::Failed;
            pod.reason = u"Evicted"_s;
            c.state = kube::ContainerState::Terminated;
            c.reason = u"ContainerStatusUnknown"_s;
            c.exitCode = 0;
            break;
        }
        if (scenario != 3 && scenario != 8)
            pod.containerStatuses.append(c);
        const course::ErrorSignature s = course::podErrorSignature(pod);
        QCOMPARE(s.text, signature);
        if (!signature.isEmpty())
            QCOMPARE(s.weak, weak);
    }
};

QTEST_GUILESS_MAIN(TestErrorSignature)
#include "tst_errorsignature.moc"
