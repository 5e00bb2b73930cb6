// `kubectl rollout status` for Deployments, rule by rule, and the compact
// Deployment and Service parsed from the API's JSON. The expected words are
// kubectl's (DeploymentStatusViewer), not ours.
#include "kube/deploymentinfo.h"
#include "kube/rollout.h"
#include "kube/rolloutstatus.h"
#include "kube/serviceinfo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using kube::DeploymentInfo;
using kube::RolloutPhase;

Q_DECLARE_METATYPE(kube::RolloutPhase)

namespace {

DeploymentInfo deployment(qint64 generation, qint64 observed, int spec, int replicas, int updated,
                          int available, const QString &progressing = u"NewReplicaSetAvailable"_s)
{
    DeploymentInfo d;
    d.name = u"alice"_s;
    d.namespaceName = u"students"_s;
    d.generation = generation;
    d.observedGeneration = observed;
    d.specReplicas = spec;
    d.replicas = replicas;
    d.updatedReplicas = updated;
    d.availableReplicas = available;
    d.hasProgressing = !progressing.isEmpty();
    d.progressingReason = progressing;
    return d;
}

} // namespace

class TestRolloutStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<DeploymentInfo>("d");
        QTest::addColumn<RolloutPhase>("phase");
        QTest::addColumn<QString>("message");

        QTest::newRow("rolled out") << deployment(2, 2, 1, 1, 1, 1) << RolloutPhase::Complete
                                    << u"deployment \"alice\" successfully rolled out"_s;
        QTest::newRow("spec not observed yet") << deployment(3, 2, 1, 1, 1, 1) << RolloutPhase::WaitingForSpec
                                               << u"Waiting for deployment spec update to be observed..."_s;
        // Even a failed one waits for the controller to see the new spec first.
        QTest::newRow("spec not observed beats deadline")
            << deployment(3, 2, 1, 1, 0, 0, u"ProgressDeadlineExceeded"_s) << RolloutPhase::WaitingForSpec
            << u"Waiting for deployment spec update to be observed..."_s;
        QTest::newRow("deadline exceeded")
            << deployment(2, 2, 1, 2, 1, 1, u"ProgressDeadlineExceeded"_s) << RolloutPhase::Failed
            << u"deployment \"alice\" exceeded its progress deadline"_s;
        QTest::newRow("deadline beats counts")
            << deployment(2, 2, 3, 1, 0, 0, u"ProgressDeadlineExceeded"_s) << RolloutPhase::Failed
            << u"deployment \"alice\" exceeded its progress deadline"_s;
        QTest::newRow("new replicas not updated")
            << deployment(2, 2, 3, 3, 1, 3, u"ReplicaSetUpdated"_s) << RolloutPhase::Progressing
            << u"Waiting for deployment \"alice\" rollout to finish: 1 out of 3 new replicas have been updated..."_s;
        QTest::newRow("none updated")
            << deployment(2, 2, 1, 1, 0, 1) << RolloutPhase::Progressing
            << u"Waiting for deployment \"alice\" rollout to finish: 0 out of 1 new replicas have been updated..."_s;
        QTest::newRow("old replicas pending termination")
            << deployment(2, 2, 1, 2, 1, 1) << RolloutPhase::Progressing
            << u"Waiting for deployment \"alice\" rollout to finish: 1 old replicas are pending termination..."_s;
        QTest::newRow("updated not available")
            << deployment(2, 2, 2, 2, 2, 1) << RolloutPhase::Progressing
            << u"Waiting for deployment \"alice\" rollout to finish: 1 of 2 updated replicas are available..."_s;
        // spec.replicas unset: kubectl skips the first count rule.
        QTest::newRow("replicas unset, rolled out") << deployment(1, 1, -1, 1, 1, 1) << RolloutPhase::Complete
                                                    << u"deployment \"alice\" successfully rolled out"_s;
        QTest::newRow("replicas unset, old pending")
            << deployment(1, 1, -1, 2, 1, 1) << RolloutPhase::Progressing
            << u"Waiting for deployment \"alice\" rollout to finish: 1 old replicas are pending termination..."_s;
        QTest::newRow("scaled to zero") << deployment(4, 4, 0, 0, 0, 0) << RolloutPhase::Complete
                                        << u"deployment \"alice\" successfully rolled out"_s;
        QTest::newRow("no progressing condition")
            << deployment(1, 1, 1, 1, 1, 1, QString()) << RolloutPhase::Complete
            << u"deployment \"alice\" successfully rolled out"_s;
        QTest::newRow("observed ahead of generation")
            << deployment(1, 2, 1, 1, 1, 1) << RolloutPhase::Complete
            << u"deployment \"alice\" successfully rolled out"_s;
        QTest::newRow("other progressing reason still rolls out")
            << deployment(2, 2, 1, 1, 1, 1, u"FoundNewReplicaSet"_s) << RolloutPhase::Complete
            << u"deployment \"alice\" successfully rolled out"_s;
    }

    void rules()
    {
        QFETCH(DeploymentInfo, d);
        QFETCH(RolloutPhase, phase);
        QFETCH(QString, message);
        const kube::RolloutStatus s = kube::rolloutStatus(d);
        QCOMPARE(s.phase, phase);
        QCOMPARE(s.message, message);
        QVERIFY(!s.summary.isEmpty());
        QVERIFY2(message.contains(s.summary, Qt::CaseInsensitive), qPrintable(s.summary));
    }

    void parsesDeployment()
    {
        const QByteArray json = R"({"kind":"Deployment","apiVersion":"apps/v1",
          "metadata":{"name":"alice","namespace":"students","uid":"6a4c3e1d-6b7e-4d3a-9b1e-0d5c1f2a3b4c",
            "resourceVersion":"4711","generation":3,"creationTimestamp":"2025-01-15T12:00:00Z",
            "labels":{"courseops.io/student":"alice","app.kubernetes.io/name":"student-app"}},
          "spec":{"replicas":2,"paused":true,"template":{"metadata":{"annotations":{
            "kubectl.kubernetes.io/restartedAt":"2025-01-16T09:30:00+01:00","courseops.io/commit":"0123abc"}}}},
          "status":{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"readyReplicas":2,"availableReplicas":2,
            "conditions":[{"type":"Available","status":"True"},
                          {"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded"}]}})";
        const auto d = kube::parseDeploymentJson(json);
        QVERIFY(d);
        QCOMPARE(d->name, u"alice"_s);
        QCOMPARE(d->namespaceName, u"students"_s);
        QCOMPARE(d->uid.toString(QUuid::WithoutBraces), u"6a4c3e1d-6b7e-4d3a-9b1e-0d5c1f2a3b4c"_s);
        QCOMPARE(d->resourceVersion.toString(), u"4711"_s);
        QCOMPARE(d->generation, 3);
        QCOMPARE(d->observedGeneration, 2);
        QCOMPARE(d->specReplicas, 2);
        QCOMPARE(d->replicas, 3);
        QCOMPARE(d->updatedReplicas, 1);
        QCOMPARE(d->readyReplicas, 2);
        QCOMPARE(d->availableReplicas, 2);
        QVERIFY(d->paused);
        QVERIFY(d->available);
        QCOMPARE(d->progressingReason, u"ProgressDeadlineExceeded"_s);
        QCOMPARE(d->label(u"courseops.io/student"), u"alice");
        QCOMPARE(d->restartedAt(), u"2025-01-16T09:30:00+01:00"_s);
        QCOMPARE(d->commit(), u"0123abc"_s);
        QCOMPARE(d->creationTimestamp, 1736942400);
        QCOMPARE(kube::rolloutStatus(*d).phase, RolloutPhase::WaitingForSpec);
    }

    void rejectsOtherKinds()
    {
        QVERIFY(!kube::parseDeploymentJson(R"({"kind":"Pod","metadata":{"name":"x"}})"));
        QVERIFY(!kube::parseDeploymentJson(R"({"kind":"Deployment","metadata":{}})"));
        QVERIFY(!kube::parseDeploymentJson("[]"));
        QVERIFY(!kube::parseServiceJson(R"({"kind":"Deployment","metadata":{"name":"x"}})"));
        // A list item has no kind and still reads.
        const auto bare = kube::parseDeploymentJson(R"({"metadata":{"name":"x"}})");
        QVERIFY(bare);
        QCOMPARE(bare->specReplicas, -1);
    }

    void parsesService()
    {
        const QByteArray json = R"({"kind":"Service","apiVersion":"v1",
          "metadata":{"name":"alice","namespace":"students","uid":"6a4c3e1d-6b7e-4d3a-9b1e-0d5c1f2a3b4d",
            "resourceVersion":"12","labels":{"courseops.io/student":"alice"}},
          "spec":{"type":"NodePort","clusterIP":"10.96.0.12","selector":{"courseops.io/student":"alice"},
            "ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":"http","nodePort":30080},
                     {"protocol":"UDP","port":53,"targetPort":5353}]}})";
        const auto s = kube::parseServiceJson(json);
        QVERIFY(s);
        QCOMPARE(s->clusterIP, u"10.96.0.12"_s);
        QCOMPARE(s->type, u"NodePort"_s);
        QCOMPARE(s->selector.toString(), u"courseops.io/student=alice"_s);
        QCOMPARE(s->ports.size(), 2);
        QCOMPARE(s->ports[0].name, u"http"_s);
        QCOMPARE(s->ports[0].port, 80);
        QCOMPARE(s->ports[0].targetPort, u"http"_s);
        QCOMPARE(s->ports[0].nodePort, 30080);
        QCOMPARE(s->ports[1].protocol, u"UDP"_s);
        QCOMPARE(s->ports[1].targetPort, u"5353"_s);
        QCOMPARE(s->label(u"courseops.io/student"), u"alice");
    }

    // kubectl writes time.Now().Format(time.RFC3339): whole seconds and the local offset.
    void restartPatchAsKubectl()
    {
        const QDateTime utc(QDate(2026, 3, 1), QTime(9, 5, 7, 250), QTimeZone::utc());
        const QString text = kube::rfc3339Local(utc);
        QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$"_s)
                     .match(text)
                     .hasMatch(),
                 qPrintable(text));
        QCOMPARE(QDateTime::fromString(text, Qt::ISODate).toUTC(), utc.addMSecs(-250));
        const QJsonObject patch = QJsonDocument::fromJson(kube::restartPatch(utc)).object();
        QCOMPARE(patch[u"spec"_s][u"template"_s][u"metadata"_s][u"annotations"_s]
                      [u"kubectl.kubernetes.io/restartedAt"_s]
                          .toString(),
                 text);
        QCOMPARE(patch.size(), 1);
    }
};

QTEST_APPLESS_MAIN(TestRolloutStatus)
#include "tst_rolloutstatus.moc"
