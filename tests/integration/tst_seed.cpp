// `courseops-cli seed` against the sandbox, as an instructor runs it: killed
// halfway (SIGKILL, no chance to tidy up), resumed from its journal, run again.
// The sandbox's GitHub limits are scaled (a "minute" of one second) so the run
// takes seconds; the client is told the same limits.
#include "../common/sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int kStudents = 120;
const QString kLimits = u"content-per-minute=40,minute=1s,content-per-hour=100000,hour=1h"_s;

QStringList journalLines(const QString &dir)
{
    QFile f(dir + u"/journal.jsonl"_s);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList lines;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.isEmpty())
            lines << QString::fromUtf8(l);
    return lines;
}

} // namespace

class TestSeed : public QObject
{
    Q_OBJECT

    SandboxProcess m_sandbox;
    QString m_roster;
    QString m_env;
    QByteArray m_sandboxLog;

    QProcess *seed(const QStringList &extra)
    {
        auto *p = new QProcess(this);
        p->setProgram(QStringLiteral(COURSEOPS_CLI_BINARY));
        p->setArguments(QStringList{u"seed"_s, u"--roster"_s, m_roster, u"--kubeconfig"_s, m_sandbox.kubeconfig(),
                                    u"--context"_s, u"sandbox-admin"_s, u"--github-env"_s, m_env,
                                    u"--github-limits"_s, kLimits, u"--concurrency"_s, u"6"_s} +
                        extra);
        p->start();
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_roster = m_sandbox.dir() + u"/roster.csv"_s;
        QFile f(m_roster);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("login,name,email,cohort\n");
        for (int i = 1; i <= kStudents; ++i)
            f.write(QStringLiteral("seed-%1,Student %1,seed-%1@students.example.org,%2\n")
                        .arg(i, 4, 10, QLatin1Char('0'))
                        .arg(i % 2 ? u"morning"_s : u"evening"_s)
                        .toUtf8());
        f.close();
        m_env = m_sandbox.dir() + u"/github.env"_s;
        // Every secondary-limit answer is logged at debug level: the test counts them.
        qputenv("QT_LOGGING_RULES", "courseops.sandbox.github.debug=true");
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--enrol"_s, m_roster, u"--write-github-env"_s, m_env,
                                 u"--github-limits"_s, kLimits}));
        qunsetenv("QT_LOGGING_RULES");
    }

    void killedHalfwayThenResumedThenNothingToDo()
    {
        const QString job = m_sandbox.dir() + u"/job"_s;
        const int steps = kStudents * 5;

        // First run: killed without warning once about 40% of the steps are journaled.
        QProcess *first = seed({u"--job"_s, job});
        QVERIFY(first->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(journalLines(job).size() >= steps * 2 / 5 || first->state() == QProcess::NotRunning,
                                 180000);
        QCOMPARE(first->state(), QProcess::Running); // it was still working when killed
        first->kill();
        QVERIFY(first->waitForFinished(10000));
        const int before = int(journalLines(job).size());
        QVERIFY2(before < steps, qPrintable(QString::number(before)));

        // Resumed from the same journal: finishes, and nothing failed.
        QProcess *second = seed({u"--job"_s, job});
        QVERIFY(second->waitForFinished(300000));
        const QString out = QString::fromUtf8(second->readAllStandardOutput());
        const QString err = QString::fromUtf8(second->readAllStandardError());
        QVERIFY2(second->exitCode() == 0, qPrintable(out + err));
        QVERIFY2(out.contains(u"resuming the job"_s), qPrintable(out));
        QVERIFY2(out.contains(u"failed 0"_s), qPrintable(out));

        // The journal holds each step of each student done once: a step the
        // kill cut off between the server and the journal shows as "already
        // there" (skipped), never as a second creation.
        QHash<QString, int> done;
        QSet<QString> finished;
        for (const QString &line : journalLines(job)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(u"finished"_s).toBool())
                continue;
            const QString key = o.value(u"target"_s).toString() + u'/' + o.value(u"step"_s).toString();
            finished.insert(key);
            if (o.value(u"state"_s).toString() == u"done"_s)
                done[key] += 1;
            QVERIFY2(o.value(u"state"_s).toString() != u"failed"_s, qPrintable(line));
        }
        QCOMPARE(int(finished.size()), steps);
        for (auto it = done.cbegin(); it != done.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));

        // What the servers hold: every student's repository, Deployment, Service and Ingress.
        const QString kubeconfig = m_sandbox.kubeconfig();
        for (const QString &kind : {u"deployments"_s, u"services"_s, u"ingresses"_s}) {
            QProcess kubectl;
            kubectl.start(u"kubectl"_s, {u"--kubeconfig"_s, kubeconfig, u"--context"_s, u"sandbox-admin"_s, u"get"_s,
                                         kind, u"-n"_s, u"students"_s, u"-o"_s, u"name"_s});
            if (!kubectl.waitForStarted())
                QSKIP("kubectl is not on PATH; the object check needs it (kubectl 1.32 is on these machines)");
            QVERIFY(kubectl.waitForFinished(60000));
            const QString names = QString::fromUtf8(kubectl.readAllStandardOutput());
            int seeded = 0;
            for (const QString &n : names.split(u'\n', Qt::SkipEmptyParts))
                seeded += n.contains(u"/seed-"_s);
            QVERIFY2(seeded == kStudents, qPrintable(kind + u": "_s + QString::number(seeded)));
        }
        // No secondary-limit answer: the client paced itself under the limits.
        m_sandboxLog += m_sandbox.stderrOutput();
        QCOMPARE(int(m_sandboxLog.count("secondary rate limit for")), 0);

        // A second run of the finished job, and a fresh run, change nothing.
        auto steppedLines = [&] {
            int n = 0;
            for (const QString &line : journalLines(job))
                n += !line.contains(u"\"finished\""_s);
            return n;
        };
        const int stepped = steppedLines();
        QProcess *again = seed({u"--job"_s, job});
        QVERIFY(again->waitForFinished(120000));
        QCOMPARE(again->exitCode(), 0);
        QCOMPARE(steppedLines(), stepped);
        QProcess *fresh = seed({u"--job"_s, m_sandbox.dir() + u"/job2"_s});
        QVERIFY(fresh->waitForFinished(300000));
        const QString freshOut = QString::fromUtf8(fresh->readAllStandardOutput());
        QCOMPARE(fresh->exitCode(), 0);
        QVERIFY2(freshOut.contains(QStringLiteral("done 0, already there %1").arg(steps)), qPrintable(freshOut));

        // The dry run agrees: nothing to create.
        QProcess *plan = seed({u"--dry-run"_s});
        QVERIFY(plan->waitForFinished(300000));
        const QString planOut = QString::fromUtf8(plan->readAllStandardOutput());
        QVERIFY2(planOut.contains(QStringLiteral("plan: 0 to create, 0 to change, %1 to leave alone").arg(steps)),
                 qPrintable(planOut));
    }
};

QTEST_GUILESS_MAIN(TestSeed)
#include "tst_seed.moc"
