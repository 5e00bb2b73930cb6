// The fleet job dialog against the sandbox (issue 8): seeding ten students
// from a roster through its three pages. The plan shows ten repositories to
// create; the run is paused and resumed once from its button; the report says
// nothing failed, and GitHub and the cluster hold the repositories and
// Deployments. Planned again, the job has nothing to create. Each page is
// saved as a screenshot under artifacts/screenshots.
#include "../common/sandboxprocess.h"
#include "course/courseconfig.h"
#include "course/roster.h"
#include "course/seedjob.h"
#include "github/githubclient.h"
#include "github/githubrepos.h"
#include "jobdialog.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "mainwindow.h"
#include "../common/screenshots.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStudents = 10;
// The demo course's organisation and template, which the sandbox serves.
constexpr char kCourse[] = R"(course:
  name: Job Dialog Test
  id: webapps101
domain: apps.courseops.test
namespaces: [students]
github:
  mode: organization
  organization: webapps101
  template: webapps101/app-template
)";

QString login(int i)
{
    return u"job-%1"_s.arg(i, 2, 10, QLatin1Char('0'));
}

} // namespace

class TestJobDialog : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_journals;
    course::CourseConfig m_course;
    course::Roster m_roster;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    std::unique_ptr<kube::KubeClient> m_kube;
    std::unique_ptr<github::GithubClient> m_githubClient;
    std::unique_ptr<github::GithubRepos> m_github;
    QString m_env;
    QString m_coursePath;
    QString m_rosterPath;

    QStringList targets() const
    {
        QStringList logins;
        for (const course::Student &s : m_roster.students())
            logins << s.login.toLower();
        return logins;
    }

    // Shows a dialog for a fresh seed job and waits for its plan.
    void planSeed(JobDialog *&dialog, course::SeedJob *&job)
    {
        job = new course::SeedJob(m_course, m_roster, m_github.get(), m_kube.get());
        job->setConcurrency(2);
        dialog = new JobDialog(job, targets(), {{u"roster"_s, u"test"_s}});
        job->setParent(dialog);
        dialog->setJournalRoot(m_journals.path());
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanned(), 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
        // The console's settings and default journal root go to a test location.
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"CourseOpsTest"_s);
        QApplication::setApplicationName(u"tst_jobdialog"_s);
        QSettings().clear();
        QDir(course::JobJournal::defaultRoot()).removeRecursively();
        const QString roster = m_sandbox.dir() + u"/roster.csv"_s;
        const QString nobody = m_sandbox.dir() + u"/no-one.csv"_s;
        const QString env = m_sandbox.dir() + u"/github.env"_s;
        m_env = env;
        m_rosterPath = roster;
        m_coursePath = m_sandbox.dir() + u"/course.yaml"_s;
        {
            QFile c(m_coursePath);
            QVERIFY(c.open(QIODevice::WriteOnly));
            c.write(kCourse);
        }
        {
            QFile f(roster);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("login,name,email,cohort\n");
            for (int i = 1; i <= kStudents; ++i)
                f.write(u"%1,Job Student %2,%1@students.example.org,morning\n"_s.arg(login(i)).arg(i).toUtf8());
            QFile n(nobody);
            QVERIFY(n.open(QIODevice::WriteOnly));
            n.write("login,name,email,cohort\n");
        }
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--roster"_s, nobody, u"--enrol"_s, roster,
                                 u"--write-github-env"_s, env}));
        course::Diagnostics problems;
        m_course = course::CourseConfig::parse(kCourse, u"course.yaml"_s, &problems);
        m_roster = course::Roster::load(roster, &problems);
        QVERIFY2(!course::hasErrors(problems), qPrintable(problems.value(0).toString()));
        QCOMPARE(m_roster.size(), kStudents);

        QString error;
        m_admin = kube::ClusterAccess::fromKubeconfig({m_sandbox.kubeconfig()}, u"sandbox-admin"_s, &error);
        QVERIFY2(m_admin, qPrintable(error));
        m_kube = std::make_unique<kube::KubeClient>(m_admin);
        github::GithubConfig config;
        QByteArray token;
        QVERIFY2(github::GithubConfig::readEnvFile(env, &config, &token, &error), qPrintable(error));
        m_githubClient = std::make_unique<github::GithubClient>(config);
        m_githubClient->setToken(token);
        m_github = std::make_unique<github::GithubRepos>(m_githubClient.get());
    }

    void formatDuration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << -1.0 << u"?"_s;
        QTest::newRow("seconds") << 42.4 << u"42 s"_s;
        QTest::newRow("minutes") << 185.0 << u"3 min 05 s"_s;
        QTest::newRow("hours") << 4830.0 << u"1 h 20 min"_s;
    }

    void formatDuration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(JobDialog::formatDuration(seconds), text);
    }

    void seedTenStudentsPauseResumeAndRerun()
    {
        using A = course::PlanItem::Action;
        JobDialog *dialog = nullptr;
        course::SeedJob *job = nullptr;
        planSeed(dialog, job);
        std::unique_ptr<JobDialog> owner(dialog);
        if (QTest::currentTestFailed())
            return;

        // Page 1: ten repositories to create, nothing blocked; "leave" rows hidden until asked for.
        QCOMPARE(dialog->page(), JobDialog::PlanPage);
        const course::JobPlan &plan = dialog->plan();
        int repositories = 0;
        for (const course::PlanItem &item : plan.items)
            repositories += item.step == course::SeedJob::stepRepository() && item.action == A::Create;
        QCOMPARE(repositories, kStudents);
        QCOMPARE(plan.count(A::Blocked), 0);
        QVERIFY2(dialog->planSummary().contains(u"to create"_s), qPrintable(dialog->planSummary()));
        QVERIFY(dialog->planSummary().contains(u"take about"_s));
        const int visible = dialog->planTable()->topLevelItemCount();
        QCOMPARE(visible, int(plan.items.size()) - plan.count(A::Leave));
        QVERIFY(dialog->startButton()->isEnabled());
        QVERIFY(dialog->grab().save(artifact(u"jobdialog-plan.png"_s)));
        // Every control a Tab reaches, on every page, has a name a screen reader speaks.
        int focusable = 0;
        for (QWidget *w : dialog->findChildren<QWidget *>()) {
            bool part = false;
            for (QWidget *p = w->parentWidget(); p && p != dialog; p = p->parentWidget())
                part |= qobject_cast<QAbstractItemView *>(p) != nullptr;
            if (!(w->focusPolicy() & Qt::TabFocus) || w->focusProxy() || part)
                continue;
            ++focusable;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY2(iface && !iface->text(QAccessible::Name).trimmed().isEmpty(),
                     qPrintable(QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName()));
        }
        QVERIFY(focusable >= 10); // three tables, a check box, the labels and buttons of three pages

        // Page 2: paused after the first finished step, resumed from the same button.
        QSignalSpy steps(job, &course::Job::stepFinished);
        QSignalSpy finished(dialog, &JobDialog::jobFinished);
        bool pausedOnce = false;
        connect(job, &course::Job::stepFinished, dialog, [&] {
            if (!pausedOnce) {
                pausedOnce = true;
                dialog->pauseButton()->click();
            }
        });
        QTest::keyClick(dialog->startButton(), Qt::Key_Space);
        QCOMPARE(dialog->page(), JobDialog::RunPage);
        QVERIFY(QFile::exists(dialog->journalDir() + u"/job.json"_s));
        QVERIFY(dialog->journalDir().startsWith(m_journals.path() + u"/seed-"_s));
        QTRY_VERIFY_WITH_TIMEOUT(pausedOnce, 60000);
        QVERIFY(dialog->statusText().contains(u"paused"_s));
        QCOMPARE(dialog->pauseButton()->text(), u"&Resume"_s);
        // The steps already running land; no new one starts while paused.
        QTest::qWait(1500);
        const qsizetype whilePaused = steps.size();
        QTest::qWait(1000);
        QCOMPARE(steps.size(), whilePaused);
        QVERIFY(whilePaused < qsizetype(plan.items.size()));
        QCOMPARE(finished.size(), 0);
        QVERIFY(dialog->progressBar()->value() > 0);
        QVERIFY(dialog->progressBar()->value() < dialog->progressBar()->maximum());
        QVERIFY(dialog->grab().save(artifact(u"jobdialog-run.png"_s)));
        dialog->pauseButton()->click();
        QCOMPARE(dialog->pauseButton()->text(), u"&Pause"_s);
        QVERIFY(dialog->statusText().contains(u"ETA"_s));

        // Page 3: the report.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(dialog->page(), JobDialog::ReportPage);
        QVERIFY2(dialog->reportSummary().contains(u", 0 failed"_s), qPrintable(dialog->reportSummary()));
        QVERIFY2(dialog->reportSummary().contains(u"of %1 steps for %2 students"_s.arg(plan.items.size()).arg(kStudents)),
                 qPrintable(dialog->reportSummary()));
        QCOMPARE(dialog->reportFailures()->topLevelItemCount(), 0);
        QCOMPARE(dialog->failureList()->topLevelItemCount(), 0);
        QVERIFY(dialog->journal().isFinished());
        QVERIFY(dialog->grab().save(artifact(u"jobdialog-report.png"_s)));

        // The CSV: a header and one row per student and step, none failed.
        const QString csvPath = m_journals.filePath(u"saved-report.csv"_s);
        QString error;
        QVERIFY2(dialog->saveReport(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), plan.items.size() + 1);
        for (const QByteArray &line : lines)
            QVERIFY2(!line.contains(",failed,"), line.constData());
        QVERIFY(QFile::exists(dialog->journalDir() + u"/report.csv"_s));
        // A finished job is not offered for resuming.
        QCOMPARE(JobDialog::unfinishedJournal(m_journals.path(), u"seed"_s), QString());

        // What the servers hold: every student's repository and Deployment.
        int repos = 0;
        int deployments = 0;
        for (const QString &name : targets()) {
            m_github->getRepository(m_course.organization, name, this,
                                    [&](const github::GithubError &e, const github::Repository &) { repos += e.isOk(); });
            m_kube->get(u"/apis/apps/v1/namespaces/students/deployments/%1"_s.arg(name), this,
                        [&](const kube::ApiResult &r) { deployments += r.ok(); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(repos, kStudents, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(deployments, kStudents, 30000);
        owner.reset();

        // Planned again: nothing to create or change.
        planSeed(dialog, job);
        owner.reset(dialog);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(dialog->plan().count(A::Create), 0);
        QCOMPARE(dialog->plan().count(A::Change), 0);
        QCOMPARE(dialog->plan().count(A::Leave), int(dialog->plan().items.size()));
        QCOMPARE(dialog->planTable()->topLevelItemCount(), 0);
        QVERIFY2(dialog->planSummary().contains(u"Nothing needs doing"_s), qPrintable(dialog->planSummary()));
        dialog->showLeaveBox()->setChecked(true);
        QCOMPARE(dialog->planTable()->topLevelItemCount(), int(dialog->plan().items.size()));
    }

    void cancelledJobIsOfferedForResume()
    {
        // A new journal, cancelled before any step (its folder holds an
        // unfinished job), then resumed through a second dialog to the end.
        JobDialog *dialog = nullptr;
        course::SeedJob *job = nullptr;
        planSeed(dialog, job);
        std::unique_ptr<JobDialog> owner(dialog);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(dialog->startRun());
        const QString dir = dialog->journalDir();
        job->cancel();
        QTRY_COMPARE(dialog->page(), JobDialog::ReportPage);
        QVERIFY(!dialog->journal().isFinished());
        QCOMPARE(JobDialog::unfinishedJournal(m_journals.path(), u"seed"_s), dir);
        QCOMPARE(JobDialog::unfinishedJournal(m_journals.path(), u"sync-template"_s), QString());
        owner.reset();

        job = new course::SeedJob(m_course, m_roster, m_github.get(), m_kube.get());
        dialog = new JobDialog(job, targets(), {});
        job->setParent(dialog);
        owner.reset(dialog);
        dialog->setResumeFrom(dir);
        dialog->show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanned(), 60000);
        QVERIFY(dialog->planSummary().contains(u"Resuming"_s));
        QSignalSpy finished(dialog, &JobDialog::jobFinished);
        QVERIFY(dialog->startRun());
        QCOMPARE(dialog->journalDir(), dir);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(JobDialog::unfinishedJournal(m_journals.path(), u"seed"_s), QString());
    }

    void consoleSeedsAndOffersTheUnfinishedJob()
    {
        MainWindow w;
        QVERIFY(w.openCourse(m_coursePath, m_rosterPath, true));
        QAction *seed = w.action(MainWindow::ActSeed);
        QAction *sync = w.action(MainWindow::ActSyncTemplate);
        QVERIFY(!seed->isEnabled());
        QVERIFY2(seed->toolTip().contains(u"GitHub"_s), qPrintable(seed->toolTip()));
        QVERIFY(!sync->isEnabled());

        github::GithubConfig config;
        QByteArray token;
        QString error;
        QVERIFY2(github::GithubConfig::readEnvFile(m_env, &config, &token, &error), qPrintable(error));
        w.useGithub(config, token);
        QTRY_VERIFY(sync->isEnabled());
        QVERIFY2(seed->toolTip().contains(u"cluster"_s), qPrintable(seed->toolTip()));
        ConnectionChoice choice;
        choice.sandbox = false;
        choice.kubeconfigFiles = {m_sandbox.kubeconfig()};
        choice.context = u"sandbox-admin"_s;
        w.connectTo(choice);
        QTRY_VERIFY(seed->isEnabled());

        // A seed job left unfinished (a crash before any step): Fleet offers to resume it.
        const QString dir = course::JobJournal::defaultRoot() + u"/seed-crashed"_s;
        course::JobJournal crashed;
        QVERIFY2(crashed.create(dir, u"seed"_s, {}, targets(), &error), qPrintable(error));
        QMenu *fleet = nullptr;
        for (QAction *a : w.menuBar()->actions())
            if (a->menu() && a->menu()->actions().contains(seed))
                fleet = a->menu();
        QVERIFY(fleet);
        auto *resume = w.findChild<QAction *>(u"actionResumeJob"_s);
        QVERIFY(resume);
        Q_EMIT fleet->aboutToShow();
        QVERIFY(resume->isVisible());
        QVERIFY(resume->isEnabled());
        QCOMPARE(resume->text(), u"&Resume Seed Job…"_s);
        resume->trigger();
        auto *dialog = w.findChild<JobDialog *>(u"jobDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isPlanned(), 60000);
        // Everything is on the servers already (the test before seeded it).
        QCOMPARE(dialog->plan().count(course::PlanItem::Action::Create), 0);
        QSignalSpy finished(dialog, &JobDialog::jobFinished);
        QVERIFY(dialog->startRun());
        QCOMPARE(dialog->journalDir(), dir);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(dialog->reportSummary().startsWith(u"0 done, 50 already there, 0 failed"_s));
        dialog->close();
        Q_EMIT fleet->aboutToShow();
        QVERIFY(!resume->isVisible());
    }
};

QTEST_MAIN(TestJobDialog)
#include "tst_jobdialog.moc"
