#include "cli_jobs.h"

#include "course/courseconfig.h"
#include "course/roster.h"
#include "course/seedjob.h"
#include "github/githubclient.h"
#include "github/githubrepos.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

QString formatDuration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

qint64 parseDuration(QStringView text, bool *ok)
{
    struct Unit
    {
        const char *suffix;
        qint64 ms;
    };
    static const Unit units[] = {{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}};
    for (const Unit &u : units) {
        if (text.endsWith(QLatin1String(u.suffix))) {
            const double n = text.chopped(qsizetype(strlen(u.suffix))).toDouble(ok);
            return qint64(n * double(u.ms));
        }
    }
    *ok = false;
    return 0;
}

// "content-per-minute=80,content-per-hour=500,minute=60s,hour=1h" over GitHub's defaults.
bool parseGovernorLimits(const QString &spec, github::GovernorLimits *limits, QString *error)
{
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0).trimmed();
        const QString value = part.section(u'=', 1).trimmed();
        bool ok = false;
        if (key == QLatin1String("content-per-minute"))
            limits->contentPerMinute = value.toInt(&ok);
        else if (key == QLatin1String("content-per-hour"))
            limits->contentPerHour = value.toInt(&ok);
        else if (key == QLatin1String("minute"))
            limits->minuteMs = parseDuration(value, &ok);
        else if (key == QLatin1String("hour"))
            limits->hourMs = parseDuration(value, &ok);
        else if (key == QLatin1String("concurrent"))
            limits->maxConcurrent = value.toInt(&ok);
        if (!ok) {
            *error = QStringLiteral("--github-limits: cannot read '%1'; write e.g. content-per-minute=80,"
                                    "content-per-hour=500,minute=60s,hour=1h")
                         .arg(part);
            return false;
        }
    }
    return true;
}

bool loadCourse(const JobCommandOptions &o, course::CourseConfig *config, course::Roster *roster, QTextStream &err)
{
    course::Diagnostics problems;
    *config = course::CourseConfig::load(o.coursePath, &problems);
    *roster = course::Roster::load(o.rosterPath, &problems);
    for (const course::Diagnostic &d : problems)
        err << d.toString() << '\n';
    if (course::hasErrors(problems)) {
        err << "courseops-cli: fix the course file and roster first (courseops-cli check shows the problems)\n";
        return false;
    }
    return true;
}

} // namespace

bool JobClients::connect(const JobCommandOptions &o, QTextStream &err)
{
    if (!loadCourse(o, &config, &roster, err))
        return false;
    QString error;
    auto fail = [&err](const QString &message) {
        err << "courseops-cli: " << message << '\n';
        return false;
    };
    if (o.needsCluster) {
        access = kube::ClusterAccess::fromKubeconfig(o.kubeconfigFiles, o.context, &error);
        if (!access)
            return fail(error);
        kube = std::make_unique<kube::KubeClient>(access);
    }
    if (!o.needsGithub)
        return true;

    QByteArray token;
    const bool githubOk = o.githubEnv.isEmpty() ? github::GithubConfig::fromEnvironment(&githubConfig, &token, &error)
                                                : github::GithubConfig::readEnvFile(o.githubEnv, &githubConfig, &token, &error);
    if (!githubOk)
        return fail(error);
    if (token.isEmpty())
        return fail(QStringLiteral("no GitHub token: set COURSEOPS_GITHUB_TOKEN (a token with the repo and admin:org "
                                   "scopes) or pass --github-env FILE"));
    if (!parseGovernorLimits(o.githubLimits, &githubConfig.limits, &error))
        return fail(error);
    githubClient = std::make_unique<github::GithubClient>(githubConfig);
    githubClient->setToken(token);
    repos = std::make_unique<github::GithubRepos>(githubClient.get());
    return true;
}

void writeReport(const course::JobJournal &journal, const QString &dir, QTextStream &out, QTextStream &err)
{
    const QString report = QDir(dir).filePath(QStringLiteral("report.csv"));
    QFile csv(report);
    if (!csv.open(QIODevice::WriteOnly) || csv.write(journal.reportCsv()) < 0) {
        err << "courseops-cli: cannot write " << report << ": " << csv.errorString()
            << " (the journal still has everything: courseops-cli report --job " << dir << ")\n";
        return;
    }
    out << "report: " << report << '\n';
}

void onStopSignal(QObject *context, std::function<void()> stop)
{
    // The handler only writes a byte; the event loop reads it and stops the run.
    if (g_signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, stop = std::move(stop)] {
        char byte;
        [[maybe_unused]] const auto n = ::read(notifier->socket(), &byte, 1);
        stop();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QObject::connect(context, &QObject::destroyed, [] {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    });
}

JobClients::JobClients() = default;
JobClients::~JobClients() = default;

double JobClients::creationsPerMinute() const
{
    // The pace the tighter of GitHub's two content-creation windows allows.
    const github::GovernorLimits &limits = githubConfig.limits;
    return qMin(limits.contentPerMinute * 60000.0 / double(qMax<qint64>(1, limits.minuteMs)),
                limits.contentPerHour * 60000.0 / double(qMax<qint64>(1, limits.hourMs)));
}

QStringList JobClients::rosterLogins() const
{
    QStringList targets;
    for (const course::Student &s : roster.students())
        targets << s.login.toLower();
    return targets;
}

int runJournaledJob(course::Job &job, const QStringList &targets, const JobCommandOptions &o,
                    const QJsonObject &parameters, QTextStream &out, QTextStream &err)
{
    QString error;
    if (o.dryRun) {
        QEventLoop loop;
        course::JobPlan plan;
        QObject::connect(&job, &course::Job::planned, &loop, [&](const course::JobPlan &p) {
            plan = p;
            loop.quit();
        });
        job.plan(targets);
        loop.exec();
        for (const course::PlanItem &item : plan.items) {
            if (item.action != course::PlanItem::Action::Leave)
                out << item.target << '\t' << item.step << '\t' << course::toString(item.action) << '\t' << item.detail
                    << '\n';
        }
        out << "plan: " << plan.count(course::PlanItem::Action::Create) << " to create, "
            << plan.count(course::PlanItem::Action::Change) << " to change, "
            << plan.count(course::PlanItem::Action::Leave) << " to leave alone, "
            << plan.count(course::PlanItem::Action::Blocked) << " blocked; the rate limits make it take about "
            << formatDuration(plan.estimatedSeconds) << '\n';
        return plan.count(course::PlanItem::Action::Blocked) ? JobFailures : JobOk;
    }

    course::JobJournal journal;
    QString dir = o.jobDir;
    if (!dir.isEmpty() && QFile::exists(QDir(dir).filePath(QStringLiteral("job.json")))) {
        if (!journal.open(dir, &error)) {
            err << "courseops-cli: " << error << '\n';
            return JobUsage;
        }
        if (journal.kind() != job.kind()) {
            err << "courseops-cli: " << dir << " holds a '" << journal.kind() << "' job, not a " << job.kind() << '\n';
            return JobUsage;
        }
        out << "resuming the job in " << dir << '\n';
    } else {
        if (dir.isEmpty())
            dir = QDir(course::JobJournal::defaultRoot())
                      .filePath(job.kind() + u'-' +
                                QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss")));
        if (!journal.create(dir, job.kind(), parameters, targets, &error)) {
            err << "courseops-cli: " << error << '\n';
            return JobUsage;
        }
        out << "job journal: " << dir << " (resume with --job " << dir << ")\n";
    }
    out.flush();

    // SIGINT/SIGTERM: stop taking new steps, let the running ones land in the
    // journal, and exit so that --job resumes exactly there.
    bool interrupted = false;
    onStopSignal(&job, [&] {
        interrupted = true;
        job.cancel();
    });

    const bool tty = ::isatty(STDOUT_FILENO);
    qint64 lastLine = 0;
    bool finalPrinted = false;
    QObject::connect(&job, &course::Job::progressChanged, &job, [&](const course::JobProgress &p) {
        const int finished = p.stepsDone + p.stepsFailed;
        if (tty) {
            const int width = 30;
            const int filled = p.stepsTotal ? width * finished / p.stepsTotal : width;
            out << '\r' << '[' << QString(filled, u'#') << QString(width - filled, u'.') << "] " << finished << '/'
                << p.stepsTotal << " steps, " << p.stepsFailed << " failed, ETA " << formatDuration(p.etaSeconds)
                << "   ";
            out.flush();
        } else {
            // A log gets a line every few seconds and the last one once.
            const bool last = finished == p.stepsTotal;
            if ((last && !finalPrinted) || (!last && QDateTime::currentMSecsSinceEpoch() - lastLine > 5000)) {
                finalPrinted = last;
                lastLine = QDateTime::currentMSecsSinceEpoch();
                out << "progress " << finished << '/' << p.stepsTotal << " failed " << p.stepsFailed << " eta "
                    << formatDuration(p.etaSeconds) << '\n';
                out.flush();
            }
        }
    });
    QObject::connect(&job, &course::Job::stepFinished, &job, [&](const course::JournalEntry &e) {
        if (e.state == course::JournalEntry::State::Failed) {
            if (tty)
                out << '\n';
            err << e.target << ' ' << e.step << " failed: " << e.detail << '\n';
            err.flush();
        }
    });
    QEventLoop loop;
    bool ok = false;
    QString message;
    QObject::connect(&job, &course::Job::finished, &loop, [&](bool success, const QString &text) {
        ok = success;
        message = text;
        loop.quit();
    });
    job.start(&journal);
    loop.exec();
    if (tty)
        out << '\n';
    const course::JobProgress p = job.progress();
    out << "done " << p.stepsDone - p.stepsSkipped << ", already there " << p.stepsSkipped << ", failed "
        << p.stepsFailed << " (of " << p.stepsTotal << " steps for " << p.targets << " students)\n";
    if (!ok)
        err << "courseops-cli: " << message << '\n';
    writeReport(journal, dir, out, err);
    if (interrupted)
        return JobInterrupted;
    return ok ? JobOk : JobFailures;
}

int runSeedCommand(const JobCommandOptions &o, QTextStream &out, QTextStream &err)
{
    JobClients clients;
    if (!clients.connect(o, err))
        return JobUsage;
    course::SeedJob job(clients.config, clients.roster, clients.repos.get(), clients.kube.get());
    job.setConcurrency(o.concurrency);
    job.setCreationsPerMinute(clients.creationsPerMinute());
    return runJournaledJob(job, clients.rosterLogins(), o,
                           {{QStringLiteral("course"), o.coursePath}, {QStringLiteral("roster"), o.rosterPath}}, out, err);
}

int runReportCommand(const JobCommandOptions &o, QTextStream &out, QTextStream &err)
{
    if (o.jobDir.isEmpty()) {
        err << "courseops-cli: report needs --job DIR (the folder a job printed when it started)\n";
        return JobUsage;
    }
    course::JobJournal journal;
    QString error;
    if (!journal.open(o.jobDir, &error)) {
        err << "courseops-cli: " << error << '\n';
        return JobUsage;
    }
    out << QString::fromUtf8(journal.reportCsv());
    int failed = 0;
    for (const course::JournalEntry &e : journal.latest())
        failed += e.state == course::JournalEntry::State::Failed;
    return failed ? JobFailures : JobOk;
}
