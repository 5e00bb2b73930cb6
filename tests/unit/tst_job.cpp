#include "course/job.h"
#include "course/jobjournal.h"

#include <QFile>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace course;

namespace {

// An in-memory "server" the job writes to, so the test can count what was
// really done: a step creates a thing once; doing it again finds it there.
struct FakeServer
{
    QHash<QString, int> writes; // "target/step" -> times written
    QSet<QString> failOnce;     // "target/step" that fails the first time
};

class CountingJob : public Job
{
public:
    explicit CountingJob(FakeServer *server)
        : m_server(server)
    {
    }
    QString kind() const override { return QStringLiteral("test"); }
    QStringList steps() const override { return {QStringLiteral("repository"), QStringLiteral("deployment")}; }
    void runStep(const QString &target, const QString &step, StepDone done) override
    {
        const QString key = target + u'/' + step;
        // Answer later, as a network call would.
        QTimer::singleShot(1, this, [this, key, done] {
            if (m_server->failOnce.remove(key)) {
                done(JournalEntry::State::Failed, QStringLiteral("server said 500"));
                return;
            }
            if (m_server->writes.value(key) > 0) {
                done(JournalEntry::State::Skipped, QStringLiteral("already there"));
                return;
            }
            m_server->writes[key] += 1;
            done(JournalEntry::State::Done, QStringLiteral("made ") + key);
        });
    }
    void planStep(const QString &target, const QString &step, PlanDone done) override
    {
        const QString key = target + u'/' + step;
        PlanItem item;
        item.action = m_server->writes.value(key) ? PlanItem::Action::Leave : PlanItem::Action::Create;
        QTimer::singleShot(1, this, [item, done] { done(item); });
    }
    double estimateSeconds(const JobPlan &plan) const override
    {
        return plan.count(PlanItem::Action::Create) * 0.75; // 80 creations a minute
    }

private:
    FakeServer *m_server;
};

QStringList students(int n)
{
    QStringList out;
    for (int i = 0; i < n; ++i)
        out << QStringLiteral("student%1").arg(i, 3, 10, QLatin1Char('0'));
    return out;
}

} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planSaysWhatWouldHappen()
    {
        FakeServer server;
        server.writes.insert(QStringLiteral("student001/repository"), 1);
        CountingJob job(&server);
        QSignalSpy planned(&job, &Job::planned);
        job.plan(students(3));
        QVERIFY(planned.wait(5000));
        const JobPlan plan = planned.at(0).at(0).value<JobPlan>();
        QCOMPARE(plan.items.size(), 6);
        QCOMPARE(plan.count(PlanItem::Action::Create), 5);
        QCOMPARE(plan.count(PlanItem::Action::Leave), 1);
        QCOMPARE(plan.items.at(2).target, QStringLiteral("student001"));
        QVERIFY(plan.items.at(2).action == PlanItem::Action::Leave);
        QCOMPARE(plan.estimatedSeconds, 5 * 0.75);
        QCOMPARE(server.writes.size(), 1); // a dry run writes nothing
    }

    void killedHalfwayResumesWithoutDuplicates()
    {
        QTemporaryDir dir;
        FakeServer server;
        const QStringList targets = students(50);
        {
            JobJournal journal;
            QString error;
            QVERIFY2(journal.create(dir.path(), QStringLiteral("test"), {}, targets, &error), qPrintable(error));
            CountingJob job(&server);
            job.setConcurrency(3);
            int steps = 0;
            connect(&job, &Job::stepFinished, &job, [&] {
                if (++steps == 37)
                    job.cancel(); // as if the process died here
            });
            QSignalSpy finished(&job, &Job::finished);
            job.start(&journal);
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.at(0).at(0).toBool(), false);
            QCOMPARE(journal.entries().size(), 37);
        }
        // Simulate a torn last line from a crash mid-write.
        {
            QFile f(dir.filePath(QStringLiteral("journal.jsonl")));
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"time\":\"2026-11-26T00:00:00Z\",\"target\":\"student0");
        }
        JobJournal journal;
        QString error;
        QVERIFY2(journal.open(dir.path(), &error), qPrintable(error));
        QCOMPARE(journal.ignoredLines(), 1);
        QCOMPARE(journal.entries().size(), 37);
        CountingJob job(&server);
        QSignalSpy finished(&job, &Job::finished);
        job.start(&journal);
        QCOMPARE(job.progress().stepsDone, 37);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        // Every step was written on the server exactly once.
        QCOMPARE(server.writes.size(), 100);
        for (auto it = server.writes.cbegin(); it != server.writes.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QVERIFY(journal.isFinished());

        // A second run of the finished job finds nothing to do.
        JobJournal again;
        QVERIFY(again.open(dir.path(), &error));
        CountingJob rerun(&server);
        QSignalSpy rerunFinished(&rerun, &Job::finished);
        QSignalSpy rerunSteps(&rerun, &Job::stepFinished);
        rerun.start(&again);
        QVERIFY(rerunFinished.wait(5000));
        QCOMPARE(rerunSteps.size(), 0);
        QCOMPARE(server.writes.size(), 100);
    }

    void failedStepsStopTheirStudentAndAreRetriedOnResume()
    {
        QTemporaryDir dir;
        FakeServer server;
        server.failOnce.insert(QStringLiteral("student002/repository"));
        JobJournal journal;
        QString error;
        QVERIFY(journal.create(dir.path(), QStringLiteral("test"), {}, students(4), &error));
        CountingJob job(&server);
        QSignalSpy finished(&job, &Job::finished);
        job.start(&journal);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("1 student(s) failed")));
        QCOMPARE(job.progress().targetsFailed, 1);
        // The failed student's deployment was not attempted after its repository failed.
        QVERIFY(!server.writes.contains(QStringLiteral("student002/deployment")));
        const QByteArray csv = journal.reportCsv();
        QVERIFY(csv.contains("student002,repository,failed,server said 500"));

        CountingJob resumed(&server);
        QSignalSpy resumedFinished(&resumed, &Job::finished);
        resumed.start(&journal);
        QVERIFY(resumedFinished.wait(5000));
        QVERIFY(resumedFinished.at(0).at(0).toBool());
        QCOMPARE(server.writes.value(QStringLiteral("student002/deployment")), 1);
        QVERIFY(journal.reportCsv().contains("student002,repository,done"));
    }

    void pauseStopsNewSteps()
    {
        QTemporaryDir dir;
        FakeServer server;
        JobJournal journal;
        QString error;
        QVERIFY(journal.create(dir.path(), QStringLiteral("test"), {}, students(20), &error));
        CountingJob job(&server);
        job.setConcurrency(2);
        QSignalSpy finished(&job, &Job::finished);
        connect(&job, &Job::stepFinished, &job, [&] {
            if (journal.entries().size() == 6)
                job.pause();
        });
        job.start(&journal);
        QTRY_VERIFY(job.progress().paused);
        QTest::qWait(200);
        // In-flight steps finish, nothing new starts.
        const qsizetype whilePaused = journal.entries().size();
        QVERIFY(whilePaused <= 6 + 2);
        QTest::qWait(200);
        QCOMPARE(journal.entries().size(), whilePaused);
        QVERIFY(finished.isEmpty());
        job.resume();
        QVERIFY(finished.wait(5000));
        QCOMPARE(server.writes.size(), 40);
    }

    void damagedJobFileIsExplained()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("job.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        JobJournal journal;
        QString error;
        QVERIFY(!journal.open(dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("damaged")) && error.contains(QStringLiteral("new folder")),
                 qPrintable(error));
        QVERIFY(!journal.create(dir.path(), QStringLiteral("test"), {}, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
