// Restarts and redeploys in waves against the sandbox: what the server holds
// afterwards (restartedAt, the commit, rolled-out status) for the members and
// for everyone else, a canary that fails stopping the run by itself, pause and
// resume, and the audit log's record of every write.
#include "course/auditlog.h"
#include "course/waverunner.h"
#include "kube/rolloutstatus.h"
#include "kubetestkit.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

const QString kNs = u"students"_s;

QString login(int i)
{
    return u"student-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
}

} // namespace

class TestWaveRunner : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    std::unique_ptr<kube::KubeClient> m_client;
    QTemporaryDir m_dir;

    kube::DeploymentInfo deployment(const QString &name)
    {
        const auto r = get(*m_client, kube::resourcePath(kube::kinds::deployments, kNs, name));
        if (!r.ok())
            qWarning().noquote() << r.status.message;
        return kube::parseDeploymentJson(r.body).value_or(kube::DeploymentInfo{});
    }

    QJsonObject deploymentJson(const QString &name)
    {
        return json(get(*m_client, kube::resourcePath(kube::kinds::deployments, kNs, name)));
    }

    // The cohort as the server labels it, in roster order.
    QList<course::WaveTarget> cohort(const QString &name)
    {
        QUrlQuery q;
        q.addQueryItem(u"labelSelector"_s, u"courseops.io/cohort="_s + name);
        QList<course::WaveTarget> out;
        for (const QJsonValue &d :
             json(get(*m_client, kube::resourcePath(kube::kinds::deployments, kNs), q))[u"items"_s]
                 .toArray()) {
            course::WaveTarget t;
            t.namespaceName = kNs;
            t.name = d[u"metadata"_s][u"name"_s].toString();
            t.student = d[u"metadata"_s][u"labels"_s][u"courseops.io/student"_s].toString();
            out.append(t);
        }
        std::sort(out.begin(), out.end(),
                  [](const course::WaveTarget &a, const course::WaveTarget &b) { return a.name < b.name; });
        return out;
    }

    QHash<QString, QString> restartedAtAll()
    {
        QHash<QString, QString> out;
        for (int i = 1; i <= 12; ++i)
            out.insert(login(i), deployment(login(i)).restartedAt());
        return out;
    }

    bool allRolledOut(const QList<int> &students)
    {
        for (int i : students) {
            if (kube::rolloutStatus(deployment(login(i))).phase != kube::RolloutPhase::Complete)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Two of the morning cohort cannot run: their new pods never become available.
        const QString scenario = m_dir.filePath(u"scenario.yaml"_s);
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("student-000001: image-pull\nstudent-000003: crash\n");
        f.close();
        QVERIFY(m_sandbox.start({u"--students"_s, u"12"_s, u"--runtime"_s, u"simulated"_s, u"--time-scale"_s,
                                 u"10"_s, u"--scenario"_s, scenario}));
        m_admin = accessFor(m_sandbox.kubeconfig(), u"sandbox-admin"_s);
        QVERIFY(m_admin);
        m_client = std::make_unique<kube::KubeClient>(m_admin);
        // The healthy ones start rolled out.
        QVERIFY(eventually([&] { return allRolledOut({2, 4, 5, 6, 7, 8, 9, 10, 11, 12}); }, 60000));
    }

    void plan()
    {
        course::WaveOptions o;
        o.canarySize = 1;
        o.batchSize = 4;
        QCOMPARE(course::WaveRunner::planWaves(10, o), (QList<int>{1, 4, 4, 1}));
        o.canarySize = 0;
        QCOMPARE(course::WaveRunner::planWaves(3, o), (QList<int>{3}));
        o.canarySize = 5;
        QCOMPARE(course::WaveRunner::planWaves(3, o), (QList<int>{3}));
        QVERIFY(course::WaveRunner::planWaves(0, o).isEmpty());
    }

    // A wave restart of the evening cohort: each of its Deployments gets a new
    // restartedAt and rolls out; the morning cohort is not touched.
    void restartCohort()
    {
        const auto before = restartedAtAll();
        const auto evening = cohort(u"evening"_s);
        QCOMPARE(evening.size(), 6);
        course::AuditLog audit(m_dir.filePath(u"restart.jsonl"_s));
        course::WaveRunner runner(m_admin, &audit);
        QSignalSpy finished(&runner, &course::WaveRunner::finished);
        QSignalSpy waves(&runner, &course::WaveRunner::waveStarted);
        QSignalSpy members(&runner, &course::WaveRunner::memberFinished);
        QList<course::WaveProgress> progress;
        connect(&runner, &course::WaveRunner::progressChanged, this,
                [&](const course::WaveProgress &p) { progress.append(p); });
        course::WaveOptions o;
        o.canarySize = 1;
        o.batchSize = 2;
        o.rolloutTimeoutMs = 120000;
        QString error;
        QVERIFY2(runner.start(evening, course::WaveAction::Restart, o, &error), qPrintable(error));
        QVERIFY(finished.wait(180000));
        QCOMPARE(course::toString(finished.constFirst().at(0).value<course::WaveOutcome>()),
                 course::toString(course::WaveOutcome::Completed));
        QCOMPARE(waves.size(), 4); // 1 + 2 + 2 + 1
        QVERIFY(waves.constFirst().at(2).toBool());
        QCOMPARE(members.size(), 6);
        for (const auto &m : members)
            QVERIFY2(m.at(0).value<course::WaveMemberResult>().ok,
                     qPrintable(m.at(0).value<course::WaveMemberResult>().error));
        QCOMPARE(runner.progress().done, 6);
        QCOMPARE(runner.progress().failed, 0);
        QVERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const auto &p) { return p.etaMs > 0; }));

        const auto after = restartedAtAll();
        for (int i = 1; i <= 12; ++i) {
            const QString name = login(i);
            if (i % 2 == 0) {
                QVERIFY2(!after[name].isEmpty() && after[name] != before[name], qPrintable(name));
                const auto d = deployment(name);
                QCOMPARE(kube::rolloutStatus(d).summary, u"successfully rolled out"_s);
                QCOMPARE(d.observedGeneration, d.generation);
                QVERIFY(d.generation >= 2);
            } else {
                QCOMPARE(after[name], before[name]);
            }
        }

        // The audit log has one "ok" entry per write, naming the kubeconfig user.
        const auto entries = audit.read();
        QCOMPARE(entries.size(), 6);
        QSet<QString> targets;
        for (const auto &e : entries) {
            QCOMPARE(e.what, u"rollout restart"_s);
            QCOMPARE(e.result, u"ok"_s);
            QVERIFY(!e.who.isEmpty());
            QVERIFY2(e.detail.contains(u"restartedAt"_s), qPrintable(e.detail));
            targets.insert(e.target);
        }
        for (const auto &t : evening)
            QVERIFY(targets.contains(u"deployment students/"_s + t.name));
    }

    // A redeploy whose canary cannot start stops by itself after the canary
    // wave: the canary got the new commit on the server, later waves did not.
    void failingCanaryStopsTheRun()
    {
        auto morning = cohort(u"morning"_s); // student-000001 and -000003 first: the broken ones
        QCOMPARE(morning.size(), 6);
        QCOMPARE(morning[0].name, login(1));
        QCOMPARE(morning[1].name, login(3));
        const QString commit = u"0123456789abcdef0123456789abcdef01234567"_s;
        for (auto &t : morning)
            t.commit = commit;
        QHash<QString, QString> commitsBefore;
        for (const auto &t : morning)
            commitsBefore.insert(t.name, deployment(t.name).commit());

        course::AuditLog audit(m_dir.filePath(u"canary.jsonl"_s));
        course::WaveRunner runner(m_admin, &audit);
        QSignalSpy finished(&runner, &course::WaveRunner::finished);
        QSignalSpy waves(&runner, &course::WaveRunner::waveStarted);
        QSignalSpy members(&runner, &course::WaveRunner::memberFinished);
        course::WaveOptions o;
        o.canarySize = 2;
        o.batchSize = 2;
        o.maxFailureFraction = 0.5;
        o.rolloutTimeoutMs = 8000;
        QVERIFY(runner.start(morning, course::WaveAction::Redeploy, o));
        QVERIFY(finished.wait(120000));
        QCOMPARE(course::toString(finished.constFirst().at(0).value<course::WaveOutcome>()),
                 course::toString(course::WaveOutcome::StoppedByFailureRate));
        const QString summary = finished.constFirst().at(1).toString();
        QVERIFY2(summary.contains(u"canary"_s) && summary.contains(u"4 Deployments were left untouched"_s),
                 qPrintable(summary));
        QCOMPARE(waves.size(), 1);
        QCOMPARE(members.size(), 2);
        for (const auto &m : members) {
            const auto r = m.at(0).value<course::WaveMemberResult>();
            QVERIFY(!r.ok);
            QVERIFY2(r.error.contains(u"did not roll out within 8 s"_s), qPrintable(r.error));
        }
        QCOMPARE(runner.waveResults().size(), 1);
        QVERIFY(runner.waveResults().first().stoppedRun);

        // The server: the canary runs the new commit (annotation and init
        // container), the rest still the old one.
        for (int k = 0; k < morning.size(); ++k) {
            const QString name = morning[k].name;
            const QJsonObject d = deploymentJson(name);
            const QJsonObject tmpl = d[u"spec"_s][u"template"_s].toObject();
            const QString annotation =
                tmpl[u"metadata"_s][u"annotations"_s][u"courseops.io/commit"_s].toString();
            QString env;
            for (const QJsonValue &e : tmpl[u"spec"_s][u"initContainers"_s][0][u"env"_s].toArray()) {
                if (e[u"name"_s].toString() == u"COMMIT"_s)
                    env = e[u"value"_s].toString();
            }
            if (k < 2) {
                QCOMPARE(annotation, commit);
                QCOMPARE(env, commit);
            } else {
                QCOMPARE(annotation, commitsBefore[name]);
                QVERIFY2(env != commit, qPrintable(name));
                QCOMPARE(deployment(name).generation, 1);
            }
        }
        const auto entries = audit.read();
        QCOMPARE(entries.size(), 2);
        for (const auto &e : entries) {
            QCOMPARE(e.what, u"redeploy"_s);
            QVERIFY(e.detail.contains(commit));
        }
    }

    // Paused after the second wave: no further writes until resumed; then it finishes.
    void pauseAndResume()
    {
        const auto evening = cohort(u"evening"_s);
        course::AuditLog audit(m_dir.filePath(u"pause.jsonl"_s));
        course::WaveRunner runner(m_admin, &audit);
        QSignalSpy finished(&runner, &course::WaveRunner::finished);
        QSignalSpy waves(&runner, &course::WaveRunner::waveStarted);
        connect(&runner, &course::WaveRunner::waveFinished, this, [&](const course::WaveResult &w) {
            if (w.wave == 2)
                runner.pause();
        });
        course::WaveOptions o;
        o.canarySize = 1;
        o.batchSize = 1;
        o.rolloutTimeoutMs = 120000;
        QVERIFY(runner.start(evening, course::WaveAction::Restart, o));
        QTRY_VERIFY_WITH_TIMEOUT(runner.state() == course::WaveRunState::Paused, 120000);
        const auto atPause = restartedAtAll();
        QTest::qWait(3000);
        QVERIFY(runner.state() == course::WaveRunState::Paused);
        QVERIFY(runner.progress().paused);
        QCOMPARE(waves.size(), 2);
        QCOMPARE(runner.progress().done, 2);
        QCOMPARE(audit.read().size(), 2);
        QCOMPARE(restartedAtAll(), atPause); // nothing written while paused
        QVERIFY(finished.isEmpty());

        runner.resume();
        QVERIFY(finished.wait(180000));
        QCOMPARE(course::toString(finished.constFirst().at(0).value<course::WaveOutcome>()),
                 course::toString(course::WaveOutcome::Completed));
        QCOMPARE(waves.size(), 6);
        QCOMPARE(runner.progress().done, 6);
        QCOMPARE(audit.read().size(), 6);
    }

    void cancel()
    {
        const auto evening = cohort(u"evening"_s);
        course::AuditLog audit(m_dir.filePath(u"cancel.jsonl"_s));
        course::WaveRunner runner(m_admin, &audit);
        QSignalSpy finished(&runner, &course::WaveRunner::finished);
        connect(&runner, &course::WaveRunner::waveFinished, this, [&](const course::WaveResult &w) {
            if (w.wave == 1)
                runner.cancel();
        });
        course::WaveOptions o;
        o.canarySize = 1;
        o.batchSize = 5;
        o.pauseBetweenWavesMs = 60000;
        QVERIFY(runner.start(evening, course::WaveAction::Restart, o));
        QVERIFY(finished.wait(120000));
        QCOMPARE(course::toString(finished.constFirst().at(0).value<course::WaveOutcome>()),
                 course::toString(course::WaveOutcome::Cancelled));
        QVERIFY2(finished.constFirst().at(1).toString().contains(u"5 left untouched"_s),
                 qPrintable(finished.constFirst().at(1).toString()));
        QCOMPARE(audit.read().size(), 1);
    }

    // A server that throttles (429 with Retry-After) and fails (500) some
    // requests: the run still restarts every member, each exactly once.
    void throttledServer()
    {
        SandboxProcess faulty;
        QVERIFY(faulty.start({u"--students"_s, u"6"_s, u"--runtime"_s, u"simulated"_s, u"--time-scale"_s,
                              u"10"_s, u"--faults"_s, u"429=0.2,500=0.1,retry-after=1"_s}));
        auto access = accessFor(faulty.kubeconfig(), u"sandbox-admin"_s);
        QVERIFY(access);
        kube::KubeClient client(access);
        auto restartedAt = [&](const QString &name) {
            for (int attempt = 0; attempt < 20; ++attempt) {
                const auto r = get(client, kube::resourcePath(kube::kinds::deployments, kNs, name));
                if (r.ok())
                    return kube::parseDeploymentJson(r.body).value_or(kube::DeploymentInfo{}).restartedAt();
            }
            return u"unreadable"_s;
        };
        QList<course::WaveTarget> targets;
        for (int i = 1; i <= 6; ++i)
            targets.append({kNs, login(i), login(i), {}});
        course::AuditLog audit(m_dir.filePath(u"faults.jsonl"_s));
        course::WaveRunner runner(access, &audit);
        QSignalSpy finished(&runner, &course::WaveRunner::finished);
        course::WaveOptions o;
        o.canarySize = 1;
        o.batchSize = 5;
        o.concurrency = 5;
        o.rolloutTimeoutMs = 120000;
        QVERIFY(runner.start(targets, course::WaveAction::Restart, o));
        QVERIFY(finished.wait(180000));
        QCOMPARE(course::toString(finished.constFirst().at(0).value<course::WaveOutcome>()),
                 course::toString(course::WaveOutcome::Completed));
        QCOMPARE(runner.progress().done, 6);
        for (int i = 1; i <= 6; ++i) {
            const QString at = restartedAt(login(i));
            QVERIFY2(!at.isEmpty() && at != u"unreadable"_s, qPrintable(login(i)));
        }
        // One successful write per member in the audit log (retries, if any, are marked).
        int ok = 0;
        for (const auto &e : audit.read()) {
            if (e.result == u"ok"_s)
                ++ok;
            else
                QVERIFY2(e.detail.contains(u"(retrying)"_s), qPrintable(e.detail));
        }
        QCOMPARE(ok, 6);
    }

    void refusesBadStarts()
    {
        course::WaveRunner runner(m_admin, nullptr);
        QString error;
        QVERIFY(!runner.start({}, course::WaveAction::Restart, {}, &error));
        QVERIFY(error.contains(u"Select students"_s));
        course::WaveTarget t{kNs, login(2), login(2), {}};
        QVERIFY(!runner.start({t}, course::WaveAction::Redeploy, {}, &error));
        QVERIFY2(error.contains(u"No commit is known"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestWaveRunner)
#include "tst_waverunner.moc"
