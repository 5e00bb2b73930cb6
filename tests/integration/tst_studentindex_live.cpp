// The student index against the sandbox's demo course: every way a demo app
// breaks shows the status kubectl would print and an error signature that
// groups it with the students who broke the same way; a crash-looping student
// turns Running once the Deployment is fixed. Then the HTTP prober against the
// node runtime's subdomain router and against servers that refuse or stall.
#include "course/prober.h"
#include "course/studentindex.h"
#include "kubetestkit.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

const QString kDemoRoster = QStringLiteral(COURSEOPS_SOURCE_DIR "/resources/demo/roster.csv");

// The fleet as the GUI would hold it: rows rebuilt from the index's batches.
struct Fleet
{
    QList<course::StudentRow> rows;
    void apply(const course::RowBatch &b)
    {
        for (qint32 r : b.removed)
            rows.removeAt(r);
        for (qsizetype i = 0; i < b.changedRows.size(); ++i)
            rows[b.changedRows[i]] = b.changed[i];
        rows.append(b.inserted);
    }
    course::StudentRow row(const QString &login) const
    {
        for (const auto &r : rows) {
            if (r.login == login)
                return r;
        }
        return {};
    }
    QStringList withError(const QString &signature) const
    {
        QStringList out;
        for (const auto &r : rows) {
            if (r.lastError == signature)
                out << r.login;
        }
        out.sort();
        return out;
    }
};

} // namespace

class TestStudentIndexLive : public QObject
{
    Q_OBJECT

    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_access;
    std::unique_ptr<kube::KubeClient> m_client;
    QHash<QString, QString> m_behaviour; // login -> the sandbox's demo behaviour

    QStringList studentsWho(const char *behaviour) const
    {
        QStringList out;
        for (auto it = m_behaviour.cbegin(); it != m_behaviour.cend(); ++it) {
            if (it.value() == QLatin1String(behaviour))
                out << it.key();
        }
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--time-scale"_s, u"10"_s}));
        m_access = accessFor(m_sandbox.kubeconfig());
        QVERIFY(m_access);
        m_client = std::make_unique<kube::KubeClient>(m_access);
        const auto items = json(get(*m_client, u"/apis/apps/v1/deployments"_s))[u"items"_s].toArray();
        QCOMPARE(items.size(), 41);
        for (const QJsonValue &d : items) {
            const QString behaviour = d[u"spec"_s][u"template"_s][u"metadata"_s][u"annotations"_s]
                                       [u"sandbox.courseops.io/behaviour"_s]
                                           .toString();
            m_behaviour.insert(d[u"metadata"_s][u"name"_s].toString(), behaviour.isEmpty() ? u"healthy"_s : behaviour);
        }
    }

    void demoCourseShowsEveryWayToBreak()
    {
        course::Diagnostics problems;
        const course::Roster roster = course::Roster::load(kDemoRoster, &problems);
        QCOMPARE(roster.size(), 41);
        course::CourseConfig config;
        config.domain = u"apps.courseops.test"_s;

        kube::ReflectorOptions o;
        o.labelSelector = QString(kube::kStudentLabel);
        kube::PodReflector pods(m_access, o);
        kube::DeploymentReflector deployments(m_access, o);
        kube::ServiceReflector services(m_access, o);
        course::StudentIndex index;
        Fleet fleet;
        int batches = 0;
        connect(&index, &course::StudentIndex::rowsChanged, &index, [&](const course::RowBatch &b) {
            ++batches;
            fleet.apply(b);
        });
        index.setCourse(config);
        index.setRoster(roster);
        index.connectReflectors(&pods, &deployments, &services);
        pods.start();
        deployments.start();
        services.start();

        const QStringList healthy = studentsWho("healthy");
        const QStringList crash = studentsWho("crash");
        const QStringList missing = studentsWho("missing-module");
        const QStringList oom = studentsWho("oom");
        const QStringList imagePull = studentsWho("image-pull");
        const QStringList unschedulable = studentsWho("unschedulable");
        QCOMPARE(missing.size(), 2);
        QVERIFY(!crash.isEmpty() && !oom.isEmpty() && !imagePull.isEmpty() && !unschedulable.isEmpty());

        // The missing-module students group under the module's name, the crashing
        // ones under their app's error (from the log tail the kubelet put in the
        // termination message), the rest under what the cluster says.
        QVERIFY2(eventually([&] { return fleet.withError(u"Cannot find module 'express'"_s) == missing; }, 60000),
                 qPrintable(fleet.withError(u"Cannot find module 'express'"_s).join(u' ')));
        QVERIFY(eventually([&] { return fleet.withError(u"ReferenceError: express is not defined"_s) == crash; }, 60000));
        QVERIFY(eventually([&] { return fleet.withError(u"OOMKilled"_s) == oom; }, 60000));
        QVERIFY(eventually([&] { return fleet.withError(u"ImagePullBackOff"_s) == imagePull; }, 60000));
        // The scheduler's reason, without its node counts.
        QVERIFY(eventually([&] { return fleet.withError(u"Insufficient memory"_s) == unschedulable; }, 60000));

        QVERIFY(eventually(
            [&] {
                for (const QString &login : healthy) {
                    const course::StudentRow r = fleet.row(login);
                    if (r.status != u"Running"_s || r.readyContainers != 1 || !r.lastError.isEmpty())
                        return false;
                }
                return true;
            },
            60000));
        QVERIFY(eventually([&] { return fleet.row(missing.first()).status == u"CrashLoopBackOff"_s; }, 60000));
        QCOMPARE(fleet.row(missing.first()).statusClass, course::StatusClass::CrashLoop);
        QVERIFY(eventually([&] { return fleet.row(imagePull.first()).status == u"ImagePullBackOff"_s; }, 60000));
        QCOMPARE(fleet.row(imagePull.first()).statusClass, course::StatusClass::Failed);
        QCOMPARE(fleet.row(unschedulable.first()).status, u"Pending"_s);
        QCOMPARE(fleet.row(unschedulable.first()).statusClass, course::StatusClass::Pending);

        // Joined with the roster and the course: names, cohorts, URLs, the deployed commit.
        QCOMPARE(fleet.rows.size(), 41);
        const course::StudentRow aarav = fleet.row(u"aarav-shar"_s);
        QCOMPARE(aarav.student, u"Aarav Sharma"_s);
        QCOMPARE(aarav.cohort, u"morning"_s);
        QCOMPARE(aarav.url, u"http://aarav-shar.apps.courseops.test/"_s);
        QCOMPARE(aarav.commit.size(), 40); // the courseops.io/commit annotation: a full git id
        QVERIFY(aarav.hasDeployment && aarav.hasService);
        QCOMPARE(aarav.restarts, 0);

        // The crash loop restarts: the count climbs and the app's error stays.
        const QString looping = missing.first();
        QVERIFY(eventually([&] { return fleet.row(looping).restarts >= 2; }, 90000));
        QCOMPARE(fleet.row(looping).lastError, u"Cannot find module 'express'"_s);
        QVERIFY(eventually([&] { return fleet.row(looping).lastRestartAt > 0; }, 30000)); // "(5s ago)"

        // Fix the Deployment (the behaviour annotation is what the simulated kubelet
        // runs): a new pod rolls out, turns Running and the error clears.
        const QByteArray patch =
            R"({"spec":{"template":{"metadata":{"annotations":{"sandbox.courseops.io/behaviour":"healthy"}}}}})";
        const kube::ApiResult patched =
            send(*m_client, "PATCH", u"/apis/apps/v1/namespaces/students/deployments/"_s + looping, patch,
                 "application/strategic-merge-patch+json");
        QVERIFY2(patched.ok(), patched.body.constData());
        QVERIFY2(eventually(
                     [&] {
                         const course::StudentRow r = fleet.row(looping);
                         return r.status == u"Running"_s && r.readyContainers == 1 && r.lastError.isEmpty() &&
                                r.restarts == 0;
                     },
                     90000),
                 qPrintable(fleet.row(looping).status + u" / "_s + fleet.row(looping).lastError));
        QVERIFY(fleet.withError(u"Cannot find module 'express'"_s) == QStringList{missing.last()});
        QVERIFY(batches > 0);

        pods.stop();
        deployments.stop();
        services.stop();
    }

    void proberAnswersFailsAndTimesOut()
    {
        // The node runtime: real apps behind the subdomain router.
        SandboxProcess node;
        QVERIFY(node.start({u"--students"_s, u"2"_s, u"--runtime"_s, u"node"_s, u"--time-scale"_s, u"10"_s}));
        const QUrl router(node.router());
        QVERIFY(router.port() > 0);

        // A server that accepts and never answers, and a port nobody listens on.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] { held << silent.nextPendingConnection(); });
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();

        course::Prober routed;
        routed.setConnectVia(router.host(), quint16(router.port()));
        routed.setInterval(200);
        routed.setConcurrency(2);
        routed.setTimeout(3000);
        routed.setTarget(u"student-000001"_s, QUrl(u"http://student-000001.apps.courseops.test/"_s));
        routed.setTarget(u"nobody"_s, QUrl(u"http://nobody.apps.courseops.test/"_s));
        course::Prober direct;
        direct.setInterval(200);
        direct.setTimeout(1500);
        direct.setTarget(u"silent"_s, QUrl(u"http://127.0.0.1:%1/"_s.arg(silent.serverPort())));
        direct.setTarget(u"closed"_s, QUrl(u"http://127.0.0.1:%1/"_s.arg(closedPort)));

        QHash<QString, course::ProbeResult> latest;
        auto collect = [&](const QList<course::ProbeOutcome> &batch) {
            for (const course::ProbeOutcome &o : batch)
                latest.insert(o.login, o.result);
        };
        connect(&routed, &course::Prober::results, &routed, collect);
        connect(&direct, &course::Prober::results, &direct, collect);
        routed.start();
        direct.start();

        // The student's app answers once it is up (the router keeps the Host header).
        QVERIFY2(eventually([&] { return latest.value(u"student-000001"_s).state == course::ProbeResult::State::Answers; },
                            60000),
                 qPrintable(latest.value(u"student-000001"_s).toText()));
        QCOMPARE(latest.value(u"student-000001"_s).httpStatus, 200);
        QVERIFY(latest.value(u"student-000001"_s).at > 0);
        // No app for that name: the router's 503.
        QVERIFY(eventually([&] { return latest.contains(u"nobody"_s); }, 30000));
        QCOMPARE(latest.value(u"nobody"_s).state, course::ProbeResult::State::ServerError);
        QCOMPARE(latest.value(u"nobody"_s).httpStatus, 503);
        QVERIFY(eventually([&] { return latest.contains(u"silent"_s) && latest.contains(u"closed"_s); }, 30000));
        QCOMPARE(latest.value(u"silent"_s).state, course::ProbeResult::State::TimedOut);
        QVERIFY(latest.value(u"silent"_s).latencyMs >= 1500);
        QCOMPARE(latest.value(u"closed"_s).state, course::ProbeResult::State::Unreachable);
        QVERIFY2(latest.value(u"closed"_s).toText().contains(u"refused"_s, Qt::CaseInsensitive),
                 qPrintable(latest.value(u"closed"_s).toText()));

        // Through the index: the row of a student shows what the probe found.
        course::StudentIndex index;
        course::CourseConfig config;
        config.domain = u"apps.courseops.test"_s;
        index.setCourse(config);
        course::Diagnostics problems;
        index.setRoster(course::Roster::parse("login\nstudent-000002\n", u"roster.csv"_s, course::Roster::Format::Csv,
                                              &problems));
        course::Prober rowProber;
        rowProber.setConnectVia(router.host(), quint16(router.port()));
        rowProber.setInterval(200);
        index.attachProber(&rowProber);
        rowProber.start();
        index.flush();
        QVERIFY2(eventually(
                     [&] {
                         const qsizetype i = index.indexOf(u"student-000002"_s);
                         return i >= 0 && index.row(i).probe.state == course::ProbeResult::State::Answers;
                     },
                     60000),
                 qPrintable(index.row(0).probe.toText()));
        QCOMPARE(index.row(index.indexOf(u"student-000002"_s)).probe.httpStatus, 200);
        rowProber.stop();

        // Probing goes on: the next round comes after the interval.
        const qint64 first = latest.value(u"student-000001"_s).at;
        QVERIFY(eventually([&] { return latest.value(u"student-000001"_s).at > first; }, 10000));
        routed.stop();
        direct.stop();
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestStudentIndexLive)
#include "tst_studentindex_live.moc"
