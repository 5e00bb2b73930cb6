// The wave dialog against the sandbox: the options page, then the progress
// panel mid-run (progress bar, ETA, per-wave results, a failure with its
// cause), pause and resume from its button, and the final summary. Each
// state is saved as a screenshot under artifacts/screenshots.
#include "../common/sandboxprocess.h"
#include "course/auditlog.h"
#include "course/waverunner.h"
#include "kube/clusteraccess.h"
#include "wavedialog.h"
#include "../common/screenshots.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

QString login(int i)
{
    return u"student-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
}

} // namespace

class TestWaveDialog : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    std::shared_ptr<kube::ClusterAccess> m_admin;

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
        // One student of the second wave crashes whatever is deployed.
        const QString scenario = m_dir.filePath(u"scenario.yaml"_s);
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("student-000004: crash\n");
        f.close();
        QVERIFY(m_sandbox.start({u"--students"_s, u"10"_s, u"--runtime"_s, u"simulated"_s, u"--time-scale"_s,
                                 u"10"_s, u"--scenario"_s, scenario}));
        QString error;
        m_admin = kube::ClusterAccess::fromKubeconfig({m_sandbox.kubeconfig()}, u"sandbox-admin"_s, &error);
        QVERIFY2(m_admin, qPrintable(error));
    }

    void progressPanelMidRun()
    {
        QList<course::WaveTarget> targets;
        for (int i = 1; i <= 10; ++i)
            targets.append({u"students"_s, login(i), login(i), {}});
        course::AuditLog audit(m_dir.filePath(u"audit.jsonl"_s));
        course::WaveRunner runner(m_admin, &audit);
        WaveDialog dialog(&runner, targets, course::WaveAction::Restart);
        dialog.resize(700, 560);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        course::WaveOptions o;
        o.canarySize = 1;
        o.batchSize = 3;
        o.pauseBetweenWavesMs = 2000;
        o.maxFailureFraction = 0.5;
        o.rolloutTimeoutMs = 6000;
        dialog.setOptions(o);
        QCOMPARE(
            dialog.findChild<QLabel *>(u"plan"_s)->text(),
            u"4 waves: a canary of 1, then up to 3 at a time, 2 s apart.\nThe run stops by itself when more than 50 % of a wave fails."_s);
        QVERIFY(dialog.grab().save(artifact(u"wavedialog-options.png"_s)));
        QCOMPARE(dialog.options().batchSize, 3);
        QCOMPARE(dialog.options().rolloutTimeoutMs, 6000);

        QSignalSpy finished(&runner, &course::WaveRunner::finished);
        QTest::mouseClick(dialog.findChild<QPushButton *>(u"start"_s), Qt::LeftButton);
        QVERIFY(runner.state() == course::WaveRunState::Running);
        QCOMPARE(dialog.waveTable()->topLevelItemCount(), 4);
        QCOMPARE(dialog.waveTable()->topLevelItem(0)->text(0), u"1 (canary)"_s);

        // Mid-run: the second wave (with the crashing student) done, the run waiting before the third.
        QTRY_VERIFY_WITH_TIMEOUT(runner.waveResults().size() >= 2, 120000);
        const auto second = runner.waveResults().at(1);
        QCOMPARE(second.size, 3);
        QCOMPARE(second.failed, 1);
        QVERIFY(!second.stoppedRun);
        QCOMPARE(dialog.waveTable()->topLevelItem(1)->text(3), u"1"_s);
        QCOMPARE(dialog.waveTable()->topLevelItem(1)->text(4), u"done, failures within the bound"_s);
        QCOMPARE(dialog.failureList()->topLevelItemCount(), 1);
        QCOMPARE(dialog.failureList()->topLevelItem(0)->text(0), u"students/"_s + login(4));
        QVERIFY2(dialog.failureList()->topLevelItem(0)->text(2).contains(u"did not roll out within 6 s"_s),
                 qPrintable(dialog.failureList()->topLevelItem(0)->text(2)));
        QCOMPARE(dialog.progressBar()->value(), 4);
        QCOMPARE(dialog.progressBar()->maximum(), 10);
        QVERIFY2(dialog.etaText().startsWith(u"Time left: about"_s), qPrintable(dialog.etaText()));
        QVERIFY2(dialog.statusText().contains(u"3 rolled out, 1 failed, 6 to go"_s),
                 qPrintable(dialog.statusText()));
        QVERIFY(finished.isEmpty());
        QVERIFY(dialog.grab().save(artifact(u"wavedialog-progress.png"_s)));

        // Pause from the button: no writes until resumed.
        QTest::mouseClick(dialog.pauseButton(), Qt::LeftButton);
        QVERIFY(runner.state() == course::WaveRunState::Paused);
        QCOMPARE(dialog.pauseButton()->text(), u"Resume"_s);
        QVERIFY2(dialog.statusText().contains(u"paused"_s), qPrintable(dialog.statusText()));
        const int written = int(audit.read().size());
        QTest::qWait(3000); // longer than the pause between waves
        QCOMPARE(int(audit.read().size()), written);
        QCOMPARE(runner.waveResults().size(), 2);
        QVERIFY(dialog.grab().save(artifact(u"wavedialog-paused.png"_s)));
        QTest::mouseClick(dialog.pauseButton(), Qt::LeftButton);
        QCOMPARE(dialog.pauseButton()->text(), u"Pause"_s);

        QVERIFY(finished.wait(180000));
        QCOMPARE(runner.progress().done, 9);
        QCOMPARE(runner.progress().failed, 1);
        QCOMPARE(dialog.progressBar()->value(), 10);
        QVERIFY2(dialog.summaryText().contains(u"9 rolled out, 1 failed"_s),
                 qPrintable(dialog.summaryText()));
        QVERIFY(!dialog.pauseButton()->isEnabled());
        QCOMPARE(dialog.etaText(), u"Finished"_s);
        QCOMPARE(int(audit.read().size()), 10);
        QVERIFY(dialog.grab().save(artifact(u"wavedialog-finished.png"_s)));
    }

    void startErrorIsShown()
    {
        course::WaveRunner runner(m_admin, nullptr);
        WaveDialog dialog(&runner, {{u"students"_s, login(1), login(1), {}}}, course::WaveAction::Redeploy);
        dialog.show();
        QVERIFY(!dialog.startRun());
        bool shown = false;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            shown = shown || (l->isVisible() && l->text().contains(u"No commit is known"_s));
        QVERIFY(shown);
    }
};

QTEST_MAIN(TestWaveDialog)
#include "tst_wavedialog.moc"
