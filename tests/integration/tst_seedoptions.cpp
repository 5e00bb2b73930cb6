// The seed job's two course-file options against the sandbox (run in this
// process, so the test can act as students on its GitHub half):
// - routing: nginx: ten students seeded at once end up as exactly ten server
//   blocks in the one nginx ConfigMap (concurrent steps losing none of each
//   other's), with no Ingress made; a second plan leaves every route alone.
// - github.mode: student-accounts: the students who forked the template get a
//   Deployment cloning their fork; the one who did not is reported failed with
//   what to ask of them; a rerun does nothing twice, and once that student
//   forks, it seeds them too.
#include "course/jobjournal.h"
#include "course/nginxroutes.h"
#include "course/seedjob.h"
#include "github/githubclient.h"
#include "github/githubrepos.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "sandbox/sandboxserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using course::JournalEntry;
using course::PlanItem;

namespace {

const QString kTemplate = u"webapps101/app-template"_s;
const QString kNs = u"students"_s;

QStringList logins(const QString &prefix, int n)
{
    QStringList l;
    for (int i = 1; i <= n; ++i)
        l << u"%1-%2"_s.arg(prefix).arg(i, 2, 10, QLatin1Char('0'));
    return l;
}

course::Roster rosterOf(const QStringList &logins)
{
    QByteArray csv = "login,name\n";
    for (const QString &l : logins)
        csv += l.toUtf8() + ",Student " + l.toUtf8() + '\n';
    course::Diagnostics problems;
    return course::Roster::parse(csv, u"roster.csv"_s, course::Roster::Format::Csv, &problems);
}

QString stateOf(JournalEntry::State s)
{
    return s == JournalEntry::State::Done      ? u"done"_s
           : s == JournalEntry::State::Skipped ? u"skipped"_s
                                               : u"failed"_s;
}

} // namespace

class TestSeedOptions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    sandbox::SandboxServer m_sandbox;
    std::unique_ptr<kube::KubeClient> m_kube;
    github::GithubConfig m_githubConfig;
    std::unique_ptr<github::GithubClient> m_staff;
    std::unique_ptr<github::GithubRepos> m_repos;

    course::CourseConfig course(course::RepoMode mode, course::Routing routing) const
    {
        course::CourseConfig c;
        c.name = u"Seed options"_s;
        c.id = u"seed-options"_s;
        c.domain = u"apps.courseops.test"_s;
        c.namespaces = {kNs};
        c.repoMode = mode;
        c.organization = u"webapps101"_s;
        c.templateRepo = kTemplate;
        c.routing = routing;
        return c;
    }

    // Runs a seed job over every student of `roster` with a fresh journal:
    // the last journal entry per "login/step".
    QHash<QString, JournalEntry> seed(const course::CourseConfig &c, const course::Roster &roster,
                                      const QString &name)
    {
        course::SeedJob job(c, roster, m_repos.get(), m_kube.get());
        job.setConcurrency(6);
        course::JobJournal journal;
        QString error;
        QStringList targets;
        for (const course::Student &s : roster.students())
            targets << s.login.toLower();
        if (!journal.create(m_dir.filePath(name), job.kind(), {}, targets, &error))
            qWarning() << error;
        bool finished = false;
        connect(&job, &course::Job::finished, this, [&] { finished = true; });
        job.start(&journal);
        if (!QTest::qWaitFor([&] { return finished; }, 60000))
            qWarning() << "the job did not finish";
        QHash<QString, JournalEntry> last;
        for (const JournalEntry &e : journal.latest())
            last.insert(e.target + u'/' + e.step, e);
        return last;
    }

    course::JobPlan plan(const course::CourseConfig &c, const course::Roster &roster)
    {
        course::SeedJob job(c, roster, m_repos.get(), m_kube.get());
        QStringList targets;
        for (const course::Student &s : roster.students())
            targets << s.login.toLower();
        std::optional<course::JobPlan> planned;
        connect(&job, &course::Job::planned, this, [&](const course::JobPlan &p) { planned = p; });
        job.plan(targets);
        if (!QTest::qWaitFor([&] { return planned.has_value(); }, 60000))
            qWarning() << "the plan did not finish";
        return planned.value_or(course::JobPlan{});
    }

    QJsonObject kubeGet(const QString &path)
    {
        kube::ApiRequest r;
        r.path = path;
        return QJsonDocument::fromJson(m_kube->sendAndWait(r).body).object();
    }

    // As the student does on github.com: fork the template into their account.
    bool forkAs(const QString &login)
    {
        github::GithubClient client(m_githubConfig);
        client.setToken(m_sandbox.github().issueToken(login, {u"repo"_s}));
        github::GithubRepos repos(&client);
        repos.setForkPolling(50, 20000);
        bool done = false;
        bool ok = false;
        repos.fork(u"webapps101"_s, u"app-template"_s, {}, {}, this,
                   [&](const github::GithubError &e, const github::Repository &) {
                       ok = e.isOk();
                       done = true;
                   });
        return QTest::qWaitFor([&] { return done; }, 30000) && ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // No student is seeded by the sandbox: the users exist on its GitHub, nothing else.
        QFile empty(m_dir.filePath(u"none.csv"_s));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.write("login,name\n");
        empty.close();
        QFile enrol(m_dir.filePath(u"enrol.csv"_s));
        QVERIFY(enrol.open(QIODevice::WriteOnly));
        enrol.write("login,name\n");
        for (const QString &l : logins(u"route"_s, 10) + logins(u"fork"_s, 5))
            enrol.write(l.toUtf8() + ",Student\n");
        enrol.close();

        sandbox::SandboxOptions o;
        o.rosterPath = empty.fileName();
        o.enrolPath = enrol.fileName();
        o.kubeconfigPath = m_dir.filePath(u"kubeconfig"_s);
        o.githubEnvPath = m_dir.filePath(u"github.env"_s);
        QString error;
        QVERIFY2(m_sandbox.start(o, &error), qPrintable(error));
        QString limitError;
        m_sandbox.github().setLimits(
            sandbox::GithubLimits::parse(u"content-per-minute=1000,content-per-hour=100000"_s, &limitError));
        sandbox::GithubOptions githubOptions = m_sandbox.github().options();
        githubOptions.forkDelayMs = 100;
        m_sandbox.github().setOptions(githubOptions);

        auto access = kube::ClusterAccess::fromKubeconfig({o.kubeconfigPath}, u"sandbox-admin"_s, &error);
        QVERIFY2(access, qPrintable(error));
        m_kube = std::make_unique<kube::KubeClient>(access);
        QByteArray token;
        QVERIFY2(github::GithubConfig::readEnvFile(o.githubEnvPath, &m_githubConfig, &token, &error),
                 qPrintable(error));
        m_githubConfig.limits.contentPerMinute = 1000;
        m_githubConfig.limits.contentPerHour = 100000;
        m_githubConfig.limits.safetyMarginMs = 0;
        m_staff = std::make_unique<github::GithubClient>(m_githubConfig);
        m_staff->setToken(token);
        m_repos = std::make_unique<github::GithubRepos>(m_staff.get());
    }

    void nginxRoutingOneConfigMap()
    {
        const QStringList students = logins(u"route"_s, 10);
        const course::Roster roster = rosterOf(students);
        const course::CourseConfig c = course(course::RepoMode::Organization, course::Routing::Nginx);

        const course::JobPlan before = plan(c, roster);
        QCOMPARE(before.count(PlanItem::Action::Blocked), 0);
        for (const PlanItem &item : before.items) {
            if (item.step == course::SeedJob::stepRoute())
                QCOMPARE(course::toString(item.action),
                         course::toString(PlanItem::Action::Create)); // no ConfigMap yet
        }

        const auto result = seed(c, roster, u"nginx-1"_s);
        for (const QString &l : students) {
            const JournalEntry e = result.value(l + u"/route"_s);
            QVERIFY2(e.state == JournalEntry::State::Done,
                     qPrintable(l + u": "_s + stateOf(e.state) + u' ' + e.detail));
        }

        // Exactly the ten blocks, each to its student's Service, and no Ingress.
        const QJsonObject map = kubeGet(u"/api/v1/namespaces/%1/configmaps/courseops-nginx"_s.arg(kNs));
        const QString text = map[u"data"_s][u"courseops.conf"_s].toString();
        QList<course::nginx::Route> expected;
        for (const QString &l : students)
            expected << course::nginx::routeFor(c, l, kNs);
        QCOMPARE(course::nginx::parse(text), expected); // sorted by host, as rendered
        QCOMPARE(text, course::nginx::render(expected));
        QCOMPARE(text.count(u"server {"_s), 10);
        const QJsonObject ingresses =
            kubeGet(u"/apis/networking.k8s.io/v1/namespaces/%1/ingresses"_s.arg(kNs));
        QCOMPARE(ingresses[u"items"_s].toArray().size(), 0);
        const QString version = map[u"metadata"_s][u"resourceVersion"_s].toString();

        // A second plan leaves every route alone; a second run writes nothing.
        const course::JobPlan after = plan(c, roster);
        QCOMPARE(after.count(PlanItem::Action::Create) + after.count(PlanItem::Action::Change), 0);
        const auto again = seed(c, roster, u"nginx-2"_s);
        for (const JournalEntry &e : again)
            QVERIFY2(e.state == JournalEntry::State::Skipped,
                     qPrintable(e.target + u'/' + e.step + u": "_s + e.detail));
        QCOMPARE(kubeGet(u"/api/v1/namespaces/%1/configmaps/courseops-nginx"_s.arg(
                     kNs))[u"metadata"_s][u"resourceVersion"_s]
                     .toString(),
                 version);

        // A student added later is a Change of the ConfigMap, and joins the ten.
        const course::Roster more = rosterOf(students + QStringList{u"fork-05"_s});
        bool sawChange = false;
        for (const PlanItem &item : plan(c, more).items) {
            if (item.step == course::SeedJob::stepRoute() && item.target == u"fork-05"_s)
                sawChange = item.action == PlanItem::Action::Change;
        }
        QVERIFY(sawChange);
    }

    void forkIntoStudentAccounts()
    {
        const QStringList students = logins(u"fork"_s, 5);
        const QString missing = students.last(); // never forks until the end
        for (const QString &l : students.mid(0, 4))
            QVERIFY2(forkAs(l), qPrintable(l));
        const course::Roster roster = rosterOf(students);
        const course::CourseConfig c = course(course::RepoMode::StudentAccounts, course::Routing::Ingress);

        const course::JobPlan before = plan(c, roster);
        for (const PlanItem &item : before.items) {
            if (item.step != course::SeedJob::stepRepository())
                continue;
            QVERIFY2(item.action ==
                         (item.target == missing ? PlanItem::Action::Blocked : PlanItem::Action::Leave),
                     qPrintable(item.target + u": "_s + item.detail));
        }

        const auto first = seed(c, roster, u"fork-1"_s);
        for (const QString &l : students.mid(0, 4)) {
            QCOMPARE(stateOf(first.value(l + u"/deployment"_s).state), u"done"_s);
            const QJsonObject d = kubeGet(u"/apis/apps/v1/namespaces/%1/deployments/%2"_s.arg(kNs, l));
            QString repoUrl;
            for (const QJsonValue &env :
                 d[u"spec"_s][u"template"_s][u"spec"_s][u"initContainers"_s][0][u"env"_s].toArray())
                if (env[u"name"_s].toString() == u"REPO_URL"_s)
                    repoUrl = env[u"value"_s].toString();
            QVERIFY2(repoUrl.endsWith(u"/%1/app-template.git"_s.arg(l)), qPrintable(repoUrl));
        }
        const JournalEntry failed = first.value(missing + u"/repository"_s);
        QCOMPARE(stateOf(failed.state), u"failed"_s);
        QVERIFY2(failed.detail.contains(u"ask %1 to fork %2"_s.arg(missing, kTemplate)),
                 qPrintable(failed.detail));
        QVERIFY(!first.contains(missing + u"/deployment"_s)); // its later steps did not run
        QCOMPARE(
            kubeGet(u"/apis/apps/v1/namespaces/%1/deployments/%2"_s.arg(kNs, missing))[u"code"_s].toInt(),
            404);
        // Nothing was made in the organisation for them.
        QVERIFY(!m_sandbox.github().hasRepository(u"webapps101"_s, students.first()));

        // A rerun does nothing twice: the forked students are all skipped, the missing one fails again.
        const auto second = seed(c, roster, u"fork-2"_s);
        for (const JournalEntry &e : second) {
            if (e.target == missing)
                QCOMPARE(stateOf(e.state), u"failed"_s);
            else
                QVERIFY2(e.state == JournalEntry::State::Skipped,
                         qPrintable(e.target + u'/' + e.step + u": "_s + e.detail));
        }

        // Once they fork, the next run seeds them.
        QVERIFY(forkAs(missing));
        const auto third = seed(c, roster, u"fork-3"_s);
        QCOMPARE(stateOf(third.value(missing + u"/deployment"_s).state), u"done"_s);
        QCOMPARE(stateOf(third.value(students.first() + u"/deployment"_s).state), u"skipped"_s);
    }
};

QTEST_GUILESS_MAIN(TestSeedOptions)
#include "tst_seedoptions.moc"
