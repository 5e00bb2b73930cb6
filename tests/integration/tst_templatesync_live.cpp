// `courseops-cli sync-template` against the sandbox, as an instructor runs it:
// twenty students seeded from the template, some of them edit their work (the
// same file elsewhere, the same lines, a deleted file), the template changes,
// and the sync is killed halfway, resumed, and run again. What the sandbox's
// GitHub holds afterwards is the judge: one pull request per student whose
// work merges, holding both the template's change and theirs; none for the
// conflicting ones, who are listed.
#include "../common/sandboxprocess.h"
#include "github/githubclient.h"
#include "github/githubrepos.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace github;

namespace {

constexpr int kStudents = 20;
// A "minute" of one second: the sync takes seconds, slow enough to be killed halfway.
const QString kLimits = u"content-per-minute=12,minute=1s,content-per-hour=100000,hour=1h"_s;
const QString kOrg = u"webapps101"_s;
const QString kTemplate = u"app-template"_s;
const QString kTemplateLine = u"// Template v2: the course's new header line.\n"_s;
const QByteArray kStyleAddition = "\n/* Template v2: print styles come next term. */\n";
const QByteArray kNewFile = "# Changes\n\n- v2: a new header line and a note in the stylesheet.\n";

QString login(int i)
{
    return QStringLiteral("sync-%1").arg(i, 2, 10, QLatin1Char('0'));
}

// Who does what to their repository before the template changes.
enum class Edit { None, Elsewhere, SameLines, DeleteStyle, Readme };
Edit editOf(int i)
{
    if (i <= 9)
        return Edit::None;
    if (i <= 13)
        return Edit::Elsewhere; // the end of index.js: merges with the template's first line
    if (i <= 16)
        return Edit::SameLines; // the first line of index.js: conflicts
    if (i <= 18)
        return Edit::DeleteStyle; // deletes a file the template changes: conflicts
    return Edit::Readme;          // a file the template leaves alone
}
bool conflicts(int i)
{
    return editOf(i) == Edit::SameLines || editOf(i) == Edit::DeleteStyle;
}

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

QString replaceFirstLine(const QString &text, const QString &line)
{
    return line + text.mid(text.indexOf(u'\n') + 1);
}

} // namespace

class TestTemplateSync : public QObject
{
    Q_OBJECT

    SandboxProcess m_sandbox;
    QString m_roster;
    QString m_env;
    std::unique_ptr<GithubClient> m_client;
    std::unique_ptr<GithubRepos> m_repos;
    QByteArray m_from; // the template before the change
    QByteArray m_to;   // and after
    QString m_indexBefore;

    QProcess *cli(const QStringList &args)
    {
        auto *p = new QProcess(this);
        p->setProgram(QStringLiteral(COURSEOPS_CLI_BINARY));
        p->setArguments(args + QStringList{u"--roster"_s, m_roster, u"--kubeconfig"_s, m_sandbox.kubeconfig(),
                                           u"--context"_s, u"sandbox-admin"_s, u"--github-env"_s, m_env,
                                           u"--github-limits"_s, kLimits, u"--concurrency"_s, u"4"_s});
        p->start();
        return p;
    }
    // Waits for a command with the event loop running, so the sandbox's log keeps being read.
    static bool finish(QProcess *p)
    {
        return QTest::qWaitFor([p] { return p->state() == QProcess::NotRunning; }, 300000);
    }
    QProcess *sync(const QStringList &extra)
    {
        return cli(QStringList{u"sync-template"_s, u"--from"_s, QString::fromLatin1(m_from)} + extra);
    }

    // A file through the contents API; nullopt when it is not there.
    std::optional<QByteArray> read(const QString &repo, const QString &path, const QString &ref)
    {
        std::optional<QByteArray> out;
        bool done = false;
        QObject ctx;
        m_repos->readFile(kOrg, repo, path, ref, &ctx, [&](const GithubError &e, const FileContent &f) {
            if (e.isOk())
                out = f.content;
            done = true;
        });
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return done; }, 60000);
        return out;
    }

    bool commit(const QString &repo, const QList<FileChange> &changes, const QString &message)
    {
        CommitRequest request;
        request.owner = kOrg;
        request.repo = repo;
        request.branch = u"main"_s;
        request.changes = changes;
        request.message = message;
        request.author = {u"Test"_s, u"test@example.org"_s, {}};
        std::optional<CommitResult> result;
        QObject ctx;
        m_repos->commit(request, &ctx, [&](const CommitResult &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return false;
        if (result->outcome != CommitResult::Outcome::Committed)
            qWarning() << repo << result->error.message;
        return result->outcome == CommitResult::Outcome::Committed;
    }

    QByteArray head(const QString &repo)
    {
        QByteArray sha;
        bool done = false;
        QObject ctx;
        m_repos->branchHead(kOrg, repo, u"main"_s, &ctx, [&](const GithubError &, const QByteArray &s) {
            sha = s;
            done = true;
        });
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return done; }, 60000);
        return sha;
    }

    QList<PullRequest> pulls(const QString &repo, const QString &state)
    {
        QList<PullRequest> out;
        bool done = false;
        QObject ctx;
        m_repos->listPullRequests(kOrg, repo, state, &ctx,
                                  [&](const GithubError &, const QList<PullRequest> &p) {
                                      out = p;
                                      done = true;
                                  });
        [[maybe_unused]] const bool answered = QTest::qWaitFor([&] { return done; }, 60000);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_roster = m_sandbox.dir() + u"/roster.csv"_s;
        QFile f(m_roster);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("login,name,email,cohort\n");
        for (int i = 1; i <= kStudents; ++i)
            f.write(QStringLiteral("%1,Student %2,%1@students.example.org,morning\n")
                        .arg(login(i))
                        .arg(i)
                        .toUtf8());
        f.close();
        m_env = m_sandbox.dir() + u"/github.env"_s;
        // Every secondary-limit answer is logged at debug level: the test counts them.
        qputenv("QT_LOGGING_RULES", "courseops.sandbox.github.debug=true");
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--enrol"_s, m_roster,
                                 u"--write-github-env"_s, m_env, u"--github-limits"_s, kLimits}));

        GithubConfig config;
        QByteArray token;
        QString error;
        QVERIFY2(GithubConfig::readEnvFile(m_env, &config, &token, &error), qPrintable(error));
        config.limits.contentPerMinute = 12;
        config.limits.minuteMs = 1000;
        config.limits.contentPerHour = 100000;
        m_client = std::make_unique<GithubClient>(config);
        m_client->setToken(token);
        m_repos = std::make_unique<GithubRepos>(m_client.get());

        // Every student's repository from the template, as the course is seeded.
        QProcess *seed = cli({u"seed"_s});
        QVERIFY(finish(seed));
        QVERIFY2(seed->exitCode() == 0, seed->readAllStandardError().constData());
        m_from = head(kTemplate);
        QVERIFY(!m_from.isEmpty());
        const std::optional<QByteArray> index = read(kTemplate, u"index.js"_s, {});
        QVERIFY(index);
        m_indexBefore = QString::fromUtf8(*index);
        const std::optional<QByteArray> readme = read(kTemplate, u"README.md"_s, {});
        QVERIFY(readme);

        // The students' own work.
        for (int i = 1; i <= kStudents; ++i) {
            const QString repo = login(i);
            switch (editOf(i)) {
            case Edit::None:
                break;
            case Edit::Elsewhere:
                QVERIFY(commit(
                    repo, {{u"index.js"_s, (m_indexBefore + u"// "_s + repo + u" was here\n"_s).toUtf8()}},
                    u"my note at the end"_s));
                break;
            case Edit::SameLines:
                QVERIFY(commit(repo,
                               {{u"index.js"_s,
                                 replaceFirstLine(m_indexBefore, u"// "_s + repo + u"'s app\n"_s).toUtf8()}},
                               u"my own header"_s));
                break;
            case Edit::DeleteStyle:
                QVERIFY(commit(repo, {{u"public/style.css"_s, std::nullopt}}, u"no styles for me"_s));
                break;
            case Edit::Readme:
                QVERIFY(commit(repo, {{u"README.md"_s, *readme + "\nMy notes.\n"}}, u"notes"_s));
                break;
            }
        }

        // The template changes: a line of index.js, the stylesheet, a new file; one commit.
        const std::optional<QByteArray> style = read(kTemplate, u"public/style.css"_s, {});
        QVERIFY(style);
        QVERIFY(commit(kTemplate,
                       {{u"index.js"_s, replaceFirstLine(m_indexBefore, kTemplateLine).toUtf8()},
                        {u"public/style.css"_s, *style + kStyleAddition},
                        {u"CHANGES.md"_s, kNewFile}},
                       u"Template v2"_s));
        m_to = head(kTemplate);
        QVERIFY(m_to != m_from);
    }

    void dryRunPlansEveryStudent()
    {
        QProcess *plan = sync({u"--dry-run"_s});
        QVERIFY(finish(plan));
        const QString out = QString::fromUtf8(plan->readAllStandardOutput());
        int clean = 0;
        for (int i = 1; i <= kStudents; ++i)
            clean += !conflicts(i);
        // A merge and a pull request to create for each clean student; each conflicting one is blocked.
        QVERIFY2(out.contains(QStringLiteral("plan: %1 to create").arg(2 * clean)), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("%1 blocked").arg(kStudents - clean)), qPrintable(out));
        QVERIFY2(out.contains(u"sync-14\tmerge\tblocked\tconflict in index.js"_s), qPrintable(out));
        // Nothing was written.
        for (int i = 1; i <= kStudents; ++i)
            QVERIFY(pulls(login(i), u"all"_s).isEmpty());
    }

    void killedHalfwayThenResumed()
    {
        const QString job = m_sandbox.dir() + u"/sync-job"_s;
        const int steps = kStudents * 2;
        m_sandbox.stderrOutput(); // from here on only the sync writes: count its secondary-limit answers

        QProcess *first = sync({u"--job"_s, job});
        QVERIFY(first->waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            journalLines(job).size() >= steps / 3 || first->state() == QProcess::NotRunning, 180000);
        QCOMPARE(first->state(), QProcess::Running); // still working when killed
        first->kill();
        QVERIFY(first->waitForFinished(10000));
        QVERIFY(journalLines(job).size() < steps);

        QProcess *second = sync({u"--job"_s, job});
        QVERIFY(finish(second));
        const QString out = QString::fromUtf8(second->readAllStandardOutput());
        const QString err = QString::fromUtf8(second->readAllStandardError());
        QVERIFY2(out.contains(u"resuming the job"_s), qPrintable(out));
        QCOMPARE(second->exitCode(), 1); // the conflicting students failed

        // The conflicting students are listed at the end, with their paths.
        QVERIFY2(out.contains(u"5 student(s) conflict with the template change"_s), qPrintable(out + err));
        for (int i = 1; i <= kStudents; ++i) {
            const QString line = QStringLiteral("  %1\tconflict in ").arg(login(i));
            QCOMPARE(out.contains(line), conflicts(i));
        }
        QVERIFY(out.contains(u"  sync-14\tconflict in index.js"_s));
        QVERIFY(out.contains(u"  sync-17\tconflict in public/style.css"_s));

        // The report says the same.
        QFile report(job + u"/report.csv"_s);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(report.readAll());
        for (int i = 1; i <= kStudents; ++i) {
            bool listed = false;
            for (const QString &row : csv.split(u'\n'))
                listed |= row.startsWith(login(i) + u",merge,failed,"_s) && row.contains(u"conflict in"_s);
            QVERIFY2(listed == conflicts(i), qPrintable(login(i) + u"\n"_s + csv));
        }

        // No step was done twice across the kill.
        QHash<QString, int> done;
        for (const QString &line : journalLines(job)) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (o.value(u"state"_s).toString() == u"done"_s)
                done[o.value(u"target"_s).toString() + u'/' + o.value(u"step"_s).toString()] += 1;
        }
        for (auto it = done.cbegin(); it != done.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

    void serverHoldsOnePullRequestPerCleanStudent()
    {
        const QString branch = u"courseops/template-"_s + QString::fromLatin1(m_to.left(7));
        for (int i = 1; i <= kStudents; ++i) {
            const QString repo = login(i);
            const QList<PullRequest> open = pulls(repo, u"open"_s);
            if (conflicts(i)) {
                QVERIFY2(pulls(repo, u"all"_s).isEmpty(), qPrintable(repo));
                continue;
            }
            QVERIFY2(open.size() == 1, qPrintable(repo + u": "_s + QString::number(open.size())));
            QCOMPARE(open.first().headRef, branch);
            QCOMPARE(open.first().baseRef, u"main"_s);
            QVERIFY(open.first().title.contains(QString::fromLatin1(m_to.left(7))));

            // The pull request's head holds the template's change and the student's work.
            const QString index = QString::fromUtf8(read(repo, u"index.js"_s, branch).value_or(QByteArray()));
            QVERIFY2(index.startsWith(kTemplateLine), qPrintable(repo + u"\n"_s + index));
            QCOMPARE(index.endsWith(u"// "_s + repo + u" was here\n"_s), editOf(i) == Edit::Elsewhere);
            QVERIFY(
                read(repo, u"public/style.css"_s, branch).value_or(QByteArray()).endsWith(kStyleAddition));
            QCOMPARE(read(repo, u"CHANGES.md"_s, branch).value_or(QByteArray()), kNewFile);
            QCOMPARE(read(repo, u"README.md"_s, branch).value_or(QByteArray()).endsWith("\nMy notes.\n"),
                     editOf(i) == Edit::Readme);
            // The student's default branch is left to them.
            QVERIFY(!read(repo, u"CHANGES.md"_s, u"main"_s));
        }
    }

    void secondRunHasNothingToDo()
    {
        QProcess *again = sync({u"--job"_s, m_sandbox.dir() + u"/sync-job-2"_s});
        QVERIFY(finish(again));
        const QString out = QString::fromUtf8(again->readAllStandardOutput());
        int clean = 0;
        for (int i = 1; i <= kStudents; ++i)
            clean += !conflicts(i);
        // Nothing done; the clean students' steps are already there; the conflicts are listed again.
        QVERIFY2(
            out.contains(
                QStringLiteral("done 0, already there %1, failed %2").arg(2 * clean).arg(kStudents - clean)),
            qPrintable(out));
        QVERIFY(out.contains(u"5 student(s) conflict"_s));
        for (int i = 1; i <= kStudents; ++i)
            QCOMPARE(pulls(login(i), u"all"_s).size(), conflicts(i) ? 0 : 1);

        QProcess *plan = sync({u"--dry-run"_s});
        QVERIFY(finish(plan));
        const QString planOut = QString::fromUtf8(plan->readAllStandardOutput());
        QVERIFY2(planOut.contains(
                     QStringLiteral("plan: 0 to create, 0 to change, %1 to leave alone").arg(2 * clean + 5)),
                 qPrintable(planOut));

        // No secondary-limit answer: the syncs paced themselves under the sandbox's limits.
        QTest::qWait(200);
        QCOMPARE(int(m_sandbox.stderrOutput().count("secondary rate limit for")), 0);
    }
};

QTEST_GUILESS_MAIN(TestTemplateSync)
#include "tst_templatesync_live.moc"
