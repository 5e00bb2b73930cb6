// Chaos: every fault the sandbox injects is on (500s, 429s, watches dropped
// every 3 s, history compacted every 7 s) while the test changes a course of
// some hundreds of students for a minute: rollouts, deleted pods, scaled and
// relabelled deployments, services deleted and recreated. Afterwards the
// reflectors, and the consumers of their deltas, hold exactly what the server
// holds, object by object (uid and resourceVersion).
// COURSEOPS_CHAOS_SECONDS and COURSEOPS_CHAOS_STUDENTS change the run.
#include "kubetestkit.h"

#include <QRandomGenerator>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace kubetest;

class TestChaos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finalStateEqualsTheServers()
    {
        const int students = qEnvironmentVariableIsSet("COURSEOPS_CHAOS_STUDENTS")
                                 ? qEnvironmentVariableIntValue("COURSEOPS_CHAOS_STUDENTS")
                                 : 300;
        const int seconds = qEnvironmentVariableIsSet("COURSEOPS_CHAOS_SECONDS")
                                ? qEnvironmentVariableIntValue("COURSEOPS_CHAOS_SECONDS")
                                : 60;
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({u"--students"_s, QString::number(students), u"--runtime"_s, u"simulated"_s,
                               u"--time-scale"_s, u"10"_s, u"--faults"_s,
                               u"500=0.05,429=0.05,retry-after=1,drop-watch=3s,compact=7s"_s}));
        auto access = accessFor(sandbox.kubeconfig());
        QVERIFY(access);

        kube::PodReflector pods(access);
        kube::DeploymentReflector deployments(access);
        kube::ServiceReflector services(access);
        Mirror<kube::PodInfo> podMirror;
        Mirror<kube::DeploymentInfo> deploymentMirror;
        Mirror<kube::ServiceInfo> serviceMirror;
        connect(&pods, &kube::PodReflector::deltas, this,
                [&](const kube::PodDeltas &b) { podMirror.apply(b); });
        connect(&deployments, &kube::DeploymentReflector::deltas, this,
                [&](const kube::DeploymentDeltas &b) { deploymentMirror.apply(b); });
        connect(&services, &kube::ServiceReflector::deltas, this,
                [&](const kube::ServiceDeltas &b) { serviceMirror.apply(b); });
        int problems = 0;
        for (kube::Reflector *r :
             {static_cast<kube::Reflector *>(&pods), static_cast<kube::Reflector *>(&deployments),
              static_cast<kube::Reflector *>(&services)}) {
            connect(r, &kube::Reflector::problem, this, [&problems] { ++problems; });
            r->start();
        }
        QTRY_VERIFY_WITH_TIMEOUT(pods.isSynced() && deployments.isSynced() && services.isSynced(), 60000);

        // The traffic: twenty changes a second, each through the same faults.
        kube::KubeClient client(access);
        auto *rng = QRandomGenerator::global();
        const auto student = [&] {
            return u"student-%1"_s.arg(1 + rng->bounded(students), 6, 10, QLatin1Char('0'));
        };
        int made = 0;
        int refused = 0;
        int serial = 0;
        const auto done = [&](const kube::ApiResult &r) {
            ++made;
            if (!r.ok())
                ++refused; // 500s without Retry-After reach the caller, as in client-go
        };
        QTimer traffic;
        connect(&traffic, &QTimer::timeout, this, [&] {
            const QString login = student();
            const QString deployment = kube::resourcePath(kube::kinds::deployments, u"students"_s, login);
            const QString service = kube::resourcePath(kube::kinds::services, u"students"_s, login);
            ++serial;
            switch (rng->bounded(6)) {
            case 0: // a new commit deployed: a rollout replaces the pod
                client.patch(
                    deployment, kube::PatchType::Strategic,
                    "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"courseops.io/commit\":\"c" +
                        QByteArray::number(serial) + "\"}}}}}",
                    this, done);
                break;
            case 1: { // a pod deleted by hand: the ReplicaSet makes another
                QString pod;
                pods.visit([&](const kube::PodInfo &p) {
                    if (pod.isEmpty() && p.label(u"courseops.io/student") == login)
                        pod = p.name;
                });
                if (!pod.isEmpty())
                    client.remove(kube::resourcePath(kube::kinds::pods, u"students"_s, pod), this, done);
                break;
            }
            case 2: // scaled up and down
                client.patch(deployment, kube::PatchType::Merge,
                             "{\"spec\":{\"replicas\":" + QByteArray::number(1 + rng->bounded(2)) + "}}",
                             this, done);
                break;
            case 3: // relabelled
                client.patch(deployment, kube::PatchType::Merge,
                             "{\"metadata\":{\"labels\":{\"courseops.io/round\":\"r" +
                                 QByteArray::number(serial) + "\"}}}",
                             this, done);
                break;
            case 4: // a service deleted ...
                client.remove(service, this, done);
                break;
            case 5: // ... and one (re)created
                client.create(kube::resourcePath(kube::kinds::services, u"students"_s),
                              "{\"metadata\":{\"name\":\"" + login.toUtf8() +
                                  "\",\"labels\":{\"courseops.io/student\":\"" + login.toUtf8() +
                                  "\"}},\"spec\":{\"selector\":{\"courseops.io/student\":\"" +
                                  login.toUtf8() + "\"},\"ports\":[{\"port\":80,\"targetPort\":\"http\"}]}}",
                              this, done);
                break;
            }
        });
        traffic.start(50);
        QElapsedTimer clock;
        clock.start();
        eventually([&] { return clock.elapsed() >= seconds * 1000; }, (seconds + 10) * 1000);
        traffic.stop();
        qInfo("made %d changes (%d failed: injected faults, or the service already gone or there); the "
              "reflectors reported %d problems",
              made, refused, problems);

        // Settled: the state each reflector (and each consumer) holds is the server's.
        QString error;
        const auto settled = [&](const QString &path, const Identities &cache, const Identities &consumer) {
            const Identities server = serverIdentities(client, path, &error);
            if (server.isEmpty())
                return false; // the list itself met a fault: ask again
            error = firstDifference(cache, server);
            if (error.isEmpty())
                error = firstDifference(consumer, server).prepend(u"consumer: "_s);
            return cache == server && consumer == server;
        };
        QVERIFY2(eventually(
                     [&] {
                         return settled(u"/api/v1/pods"_s, identitiesOf(pods.snapshot()),
                                        identitiesOf(podMirror.objects));
                     },
                     90000),
                 qPrintable(u"pods: "_s + error));
        QVERIFY2(eventually(
                     [&] {
                         return settled(u"/apis/apps/v1/deployments"_s, identitiesOf(deployments.snapshot()),
                                        identitiesOf(deploymentMirror.objects));
                     },
                     30000),
                 qPrintable(u"deployments: "_s + error));
        QVERIFY2(eventually(
                     [&] {
                         return settled(u"/api/v1/services"_s, identitiesOf(services.snapshot()),
                                        identitiesOf(serviceMirror.objects));
                     },
                     30000),
                 qPrintable(u"services: "_s + error));
        QCOMPARE(podMirror.violations + deploymentMirror.violations + serviceMirror.violations, 0);

        // The faults really happened and were handled the intended way.
        const kube::ReflectorStats p = pods.stats();
        qInfo("pods: %llu lists, %llu watches, %llu relists after 410, %llu truncated events, %llu events "
              "applied, "
              "%llu duplicates skipped, %llu failures",
              p.lists, p.watches, p.relistsGone, p.truncatedEvents, p.eventsApplied, p.duplicates,
              p.failures);
        QVERIFY(made > seconds * 10);
        QVERIFY(p.watches >= quint64(seconds / 4)); // drop-watch=3s
        QVERIFY(p.eventsApplied > 0);
        QVERIFY(p.failures > 0);
        QCOMPARE(p.resyncs, 0u);
        // 410s come only when a compaction lands between the last event seen and the resumed
        // watch; relistAfterGone in tst_reflector makes that happen on purpose.
    }
};

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
