// The cluster health view against the sandbox's demo course: the nodes, the
// pods by phase and the error reasons it shows are what the server holds, the
// API server's health line answers, the chart fills with samples, and a lost
// server shows as unhealthy. Screenshots go to artifacts/screenshots.
#include "../common/sandboxprocess.h"
#include "clusterhealthview.h"
#include "course/clusterhealth.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "../common/screenshots.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestClusterHealth : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    std::unique_ptr<kube::KubeClient> m_client;

    QJsonArray list(const QString &path)
    {
        kube::ApiRequest r;
        r.path = path;
        const kube::ApiResult result = m_client->sendAndWait(r);
        return QJsonDocument::fromJson(result.body).object().value(u"items"_s).toArray();
    }

    // The pods line as the server's own list says it should read.
    QString expectedPodsLine()
    {
        QHash<QString, int> phases;
        const QJsonArray pods = list(u"/api/v1/pods"_s);
        for (const QJsonValue &p : pods)
            ++phases[p[u"status"_s][u"phase"_s].toString()];
        return u"Pods: %1 in all — %2 Running, %3 Pending, %4 Failed, %5 Succeeded, %6 Unknown"_s
            .arg(pods.size())
            .arg(phases.value(u"Running"_s))
            .arg(phases.value(u"Pending"_s))
            .arg(phases.value(u"Failed"_s))
            .arg(phases.value(u"Succeeded"_s))
            .arg(phases.value(u"Unknown"_s));
    }

    // Pods whose container waits with `reason`, by the server's list.
    int waitingWith(const QStringList &reasons)
    {
        int n = 0;
        for (const QJsonValue &p : list(u"/api/v1/pods"_s)) {
            for (const QJsonValue &c : p[u"status"_s][u"containerStatuses"_s].toArray()) {
                if (reasons.contains(c[u"state"_s][u"waiting"_s][u"reason"_s].toString())) {
                    ++n;
                    break;
                }
            }
        }
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
        // The demo course: healthy apps beside crashing, out-of-memory, bad-image and unschedulable ones.
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--time-scale"_s, u"10"_s}));
        QString error;
        m_admin = kube::ClusterAccess::fromKubeconfig({m_sandbox.kubeconfig()}, u"sandbox-admin"_s, &error);
        QVERIFY2(m_admin, qPrintable(error));
        m_client = std::make_unique<kube::KubeClient>(m_admin);
    }

    void podErrorReasons()
    {
        kube::PodInfo pod;
        pod.phase = kube::PodPhase::Running;
        kube::ContainerStatus c;
        c.state = kube::ContainerState::Waiting;
        c.reason = u"CrashLoopBackOff"_s;
        c.restartCount = 3;
        c.hasLastTerminated = true;
        c.lastTerminatedReason = u"OOMKilled"_s;
        pod.containerStatuses = {c};
        QCOMPARE(course::podErrorReasons(pod), (QStringList{u"CrashLoopBackOff"_s, u"OOMKilled"_s}));
        c.reason = u"ContainerCreating"_s;
        c.restartCount = 0;
        pod.containerStatuses = {c};
        QVERIFY(course::podErrorReasons(pod).isEmpty());
        pod.reason = u"Evicted"_s;
        QCOMPARE(course::podErrorReasons(pod), QStringList{u"Evicted"_s});
    }

    void showsWhatTheServerHolds()
    {
        course::ClusterHealth::Options options;
        options.intervalMs = 1000;
        course::ClusterHealth health(m_admin, options);
        ClusterHealthView view;
        QAbstractItemModelTester tester(view.nodesModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setHealth(&health);
        view.resize(1100, 720);
        view.show();
        health.start();

        // Nodes: the same names and allocatable pods as the server lists.
        const QJsonArray nodes = list(u"/api/v1/nodes"_s);
        QVERIFY(!nodes.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(view.nodesModel()->rowCount(), int(nodes.size()), 30000);
        for (int row = 0; row < nodes.size(); ++row) {
            const QJsonObject node = nodes[row].toObject();
            const QString name = node[u"metadata"_s][u"name"_s].toString();
            const course::NodeHealth &shown = view.nodesModel()->node(row);
            QCOMPARE(shown.name, name);
            QCOMPARE(QString::number(shown.podsAllocatable),
                     node[u"status"_s][u"allocatable"_s][u"pods"_s].toString());
            QVERIFY(shown.ready);
            QCOMPARE(view.nodesModel()->index(row, NodeHealthModel::Status).data().toString(), u"Ready"_s);
        }
        // Metrics arrive (the sandbox serves metrics.k8s.io), and the use bars have a value.
        QTRY_VERIFY_WITH_TIMEOUT(view.nodesModel()->node(0).cpuUsageMilli > 0, 30000);
        QVERIFY(
            view.nodesModel()->index(0, NodeHealthModel::Cpu).data(NodeHealthModel::FractionRole).toDouble() >
            0);
        QVERIFY(!view.nodesModel()->index(0, NodeHealthModel::Memory).data().toString().startsWith(u"–"_s));

        // Pods by phase: what the server's list says, once the demo has settled.
        QTRY_VERIFY_WITH_TIMEOUT(health.snapshot().podsSynced, 30000);
        bool matched = false;
        for (int i = 0; i < 60 && !matched; ++i) {
            const QString expected = expectedPodsLine();
            matched = view.podsSummaryText() == expected;
            if (!matched)
                QTest::qWait(1000);
        }
        QVERIFY2(matched, qPrintable(view.podsSummaryText() + u" vs "_s + expectedPodsLine()));
        // Pods per node add up to the non-finished pods bound to nodes.
        qint64 onNodes = 0;
        for (int row = 0; row < view.nodesModel()->rowCount(); ++row)
            onNodes += view.nodesModel()->node(row).pods;
        QVERIFY(onNodes > 0);

        // The API server's health line.
        QTRY_VERIFY_WITH_TIMEOUT(view.apiHealthText().contains(u"ok (/readyz in"_s), 30000);

        // Top error reasons: the crash loops and the bad image are among them, counted as on the server.
        QTRY_VERIFY_WITH_TIMEOUT(view.reasonLines().join(u'\n').contains(u"CrashLoopBackOff"_s), 60000);
        bool reasonsMatch = false;
        for (int i = 0; i < 60 && !reasonsMatch; ++i) {
            const int crashLooping = waitingWith({u"CrashLoopBackOff"_s});
            const QStringList lines = view.reasonLines();
            reasonsMatch =
                crashLooping > 0 && lines.contains(u"CrashLoopBackOff — %1 pod%2"_s.arg(crashLooping)
                                                       .arg(crashLooping == 1 ? u""_s : u"s"_s));
            if (!reasonsMatch)
                QTest::qWait(500);
        }
        QVERIFY2(reasonsMatch, qPrintable(view.reasonLines().join(u"; "_s)));
        QTRY_VERIFY_WITH_TIMEOUT(view.reasonLines().join(u'\n').contains(u"ImagePullBackOff"_s) ||
                                     view.reasonLines().join(u'\n').contains(u"ErrImagePull"_s),
                                 60000);

        // The chart: a sample per refresh, the Running line at the running count.
        QTRY_VERIFY_WITH_TIMEOUT(view.series(kube::PodPhase::Running)->count() >= 3, 30000);
        const QList<QPointF> running = view.series(kube::PodPhase::Running)->points();
        QCOMPARE(qint64(running.last().y()),
                 health.snapshot().history.last().counts[kube::PodPhase::Running]);
        QVERIFY(running.last().y() > 0);

        QTest::qWait(300);
        QVERIFY(view.grab().save(artifact(u"clusterhealth.png"_s)));

        // The refresh interval can change while running.
        health.setIntervalMs(500);
        const qsizetype before = health.snapshot().history.size();
        QTRY_VERIFY_WITH_TIMEOUT(health.snapshot().history.size() >= before + 3, 20000);
        health.stop();
    }

    // The server goes away: the health line says so, with the cause.
    void lostServerShowsUnhealthy()
    {
        course::ClusterHealth::Options options;
        options.intervalMs = 500;
        options.watchPods = false;
        course::ClusterHealth health(m_admin, options);
        ClusterHealthView view;
        view.setHealth(&health);
        view.resize(1100, 720);
        view.show();
        health.start();
        QTRY_VERIFY_WITH_TIMEOUT(view.apiHealthText().contains(u"ok (/readyz"_s), 30000);
        m_sandbox.stop();
        QTRY_VERIFY_WITH_TIMEOUT(view.apiHealthText().contains(u"unhealthy"_s), 60000);
        QVERIFY(!health.snapshot().api.ok);
        QVERIFY(!health.snapshot().api.message.isEmpty());
        // The nodes still shown are marked as the last list, not live.
        QTRY_VERIFY_WITH_TIMEOUT(
            view.findChild<QLabel *>(u"notes"_s)->text().startsWith(u"Nodes as last listed at"_s), 30000);
        QVERIFY(view.grab().save(artifact(u"clusterhealth-lost.png"_s)));
        health.stop();
    }
};

QTEST_MAIN(TestClusterHealth)
#include "tst_clusterhealth.moc"
