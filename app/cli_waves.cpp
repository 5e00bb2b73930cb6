#include "cli_waves.h"

#include "course/auditlog.h"
#include "course/jobjournal.h"
#include "course/manifests.h"
#include "course/seedjob.h"
#include "github/githubrepos.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QTextStream>

#include <unistd.h>

namespace {

QString stepOf(course::WaveAction action)
{
    return action == course::WaveAction::Redeploy ? QStringLiteral("redeploy") : QStringLiteral("restart");
}

// Each login's repository head, a few lookups at a time (GitHub's client
// paces them further); `failed` gets why for those without one.
void resolveHeads(JobClients &clients, const QStringList &logins, int concurrency, QHash<QString, QString> *heads,
                  QHash<QString, QString> *failed)
{
    QEventLoop loop;
    qsizetype next = 0;
    int inFlight = 0;
    std::function<void()> pump = [&] {
        while (inFlight < concurrency && next < logins.size()) {
            const QString login = logins.at(next++);
            // The organisation's repository, or the student's own fork (github.mode).
            const QString owner = clients.config.repositoryOwner(login);
            const QString name = clients.config.repositoryName(login);
            ++inFlight;
            auto land = [&, login](const QString &error, const QString &head) {
                if (error.isEmpty())
                    heads->insert(login, head);
                else
                    failed->insert(login, error);
                --inFlight;
                pump();
            };
            clients.repos->getRepository(
                owner, name, &loop, [&, land, owner](const github::GithubError &e, const github::Repository &repo) {
                    if (!e.isOk()) {
                        land(e.message, {});
                        return;
                    }
                    clients.repos->branchHead(repo.owner, repo.name, repo.defaultBranch, &loop,
                                              [land](const github::GithubError &e, const QByteArray &head) {
                                                  land(e.isOk() ? QString() : e.message, QString::fromLatin1(head));
                                              });
                });
        }
        if (inFlight == 0 && next == logins.size())
            loop.quit();
    };
    QMetaObject::invokeMethod(&loop, pump, Qt::QueuedConnection);
    loop.exec();
}

} // namespace

qint64 parseWaveDuration(const QString &text, bool *ok)
{
    static const std::pair<QLatin1String, qint64> units[] = {
        {QLatin1String("ms"), 1}, {QLatin1String("s"), 1000}, {QLatin1String("m"), 60000}, {QLatin1String("h"), 3600000}};
    const QString t = text.trimmed();
    for (const auto &[suffix, ms] : units) {
        if (t.endsWith(suffix)) {
            const double n = t.chopped(suffix.size()).toDouble(ok);
            *ok = *ok && n >= 0;
            return qint64(n * double(ms));
        }
    }
    const double n = t.toDouble(ok);
    *ok = *ok && n >= 0;
    return qint64(n * 1000.0);
}

bool selectStudents(const course::Roster &roster, const QStringList &logins, const QString &cohort,
                    QStringList *selected, QString *error)
{
    QSet<QString> wanted;
    for (const QString &l : logins)
        wanted.insert(l.trimmed().toLower());
    wanted.remove(QString());
    QSet<QString> known;
    for (const course::Student &s : roster.students()) {
        const QString login = s.login.toLower();
        known.insert(login);
        if ((wanted.isEmpty() || wanted.contains(login)) && (cohort.isEmpty() || s.cohort == cohort))
            selected->append(login);
    }
    for (const QString &l : std::as_const(wanted)) {
        if (!known.contains(l)) {
            *error = QStringLiteral("--students: %1 is not in the roster").arg(l);
            return false;
        }
    }
    if (selected->isEmpty()) {
        *error = cohort.isEmpty() ? QStringLiteral("the roster has no students")
                                  : QStringLiteral("--cohort: no selected student is in cohort '%1'").arg(cohort);
        return false;
    }
    return true;
}

int runDeployCommand(const JobCommandOptions &o, QTextStream &out, QTextStream &err)
{
    JobClients clients;
    if (!clients.connect(o, err))
        return JobUsage;
    course::SeedJob job(clients.config, clients.roster, clients.repos.get(), clients.kube.get());
    job.setKubeOnly(true);
    job.setConcurrency(o.concurrency);
    return runJournaledJob(job, clients.rosterLogins(), o,
                           {{QStringLiteral("course"), o.coursePath}, {QStringLiteral("roster"), o.rosterPath}}, out, err);
}

int runWaveCommand(course::WaveAction action, const JobCommandOptions &o, QTextStream &out, QTextStream &err)
{
    const QString kind = stepOf(action);
    const QString step = kind;
    JobCommandOptions connectOptions = o;
    connectOptions.needsGithub = action == course::WaveAction::Redeploy;
    JobClients clients;
    if (!clients.connect(connectOptions, err))
        return JobUsage;

    QString error;
    course::JobJournal journal;
    QString dir = o.jobDir;
    const bool resuming = !dir.isEmpty() && QFile::exists(QDir(dir).filePath(QStringLiteral("job.json")));
    QStringList targets;
    if (resuming) {
        if (!journal.open(dir, &error)) {
            err << "courseops-cli: " << error << '\n';
            return JobUsage;
        }
        if (journal.kind() != kind) {
            err << "courseops-cli: " << dir << " holds a '" << journal.kind() << "' job, not a " << kind << '\n';
            return JobUsage;
        }
        targets = journal.targets();
    } else if (!selectStudents(clients.roster, o.students, o.cohort, &targets, &error)) {
        err << "courseops-cli: " << error << '\n';
        return JobUsage;
    }

    QHash<QString, int> rosterIndex;
    for (qsizetype i = 0; i < clients.roster.students().size(); ++i)
        rosterIndex.insert(clients.roster.students().at(i).login.toLower(), int(i));
    QStringList todo;
    for (const QString &login : std::as_const(targets)) {
        if (!resuming || !journal.isDone(login, step))
            todo << login;
    }

    QHash<QString, QString> heads, headFailures;
    if (action == course::WaveAction::Redeploy && !todo.isEmpty())
        resolveHeads(clients, todo, o.concurrency, &heads, &headFailures);

    course::WaveOptions waves;
    waves.canarySize = o.canary;
    waves.batchSize = o.batch;
    waves.pauseBetweenWavesMs = int(o.pauseMs);
    waves.maxFailureFraction = o.maxFailure;
    waves.rolloutTimeoutMs = int(o.rolloutTimeoutMs);
    waves.concurrency = o.concurrency;
    QList<course::WaveTarget> members;
    for (const QString &login : std::as_const(todo)) {
        if (headFailures.contains(login))
            continue;
        course::WaveTarget t;
        t.namespaceName = clients.config.namespaceFor(rosterIndex.value(login, 0));
        t.name = course::manifests::objectName(login);
        t.student = login;
        t.commit = heads.value(login);
        members << t;
    }

    if (o.dryRun) {
        const QList<int> plan = course::WaveRunner::planWaves(int(members.size()), waves);
        qsizetype m = 0;
        for (int w = 0; w < plan.size(); ++w) {
            for (int i = 0; i < plan.at(w); ++i, ++m) {
                const course::WaveTarget &t = members.at(m);
                out << t.student << '\t' << kind << "\twave " << w + 1
                    << (w == 0 && waves.canarySize > 0 ? " (canary)" : "") << '\t' << t.key()
                    << (t.commit.isEmpty() ? QString() : QLatin1String(" at ") + t.commit.left(7)) << '\n';
            }
        }
        for (auto it = headFailures.cbegin(); it != headFailures.cend(); ++it)
            out << it.key() << '\t' << kind << "\tblocked\t" << it.value() << '\n';
        out << "plan: " << members.size() << " to " << kind << " in " << plan.size() << " waves, "
            << targets.size() - todo.size() << " done already, " << headFailures.size() << " blocked\n";
        return headFailures.isEmpty() ? JobOk : JobFailures;
    }

    if (resuming) {
        out << "resuming the job in " << dir << '\n';
    } else {
        if (dir.isEmpty())
            dir = QDir(course::JobJournal::defaultRoot())
                      .filePath(kind + u'-' + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss")));
        const QJsonObject parameters{{QStringLiteral("course"), o.coursePath},
                                     {QStringLiteral("roster"), o.rosterPath},
                                     {QStringLiteral("students"), QJsonArray::fromStringList(o.students)},
                                     {QStringLiteral("cohort"), o.cohort},
                                     {QStringLiteral("canary"), o.canary},
                                     {QStringLiteral("batch"), o.batch},
                                     {QStringLiteral("pauseMs"), o.pauseMs},
                                     {QStringLiteral("maxFailure"), o.maxFailure}};
        if (!journal.create(dir, kind, parameters, targets, &error)) {
            err << "courseops-cli: " << error << '\n';
            return JobUsage;
        }
        out << "job journal: " << dir << " (resume with --job " << dir << ")\n";
    }
    out.flush();

    auto journalEntry = [&](const QString &login, bool ok, const QString &detail) {
        course::JournalEntry e;
        e.target = login;
        e.step = step;
        e.state = ok ? course::JournalEntry::State::Done : course::JournalEntry::State::Failed;
        e.detail = detail;
        QString why;
        if (!journal.append(e, &why)) {
            err << "courseops-cli: " << why << '\n';
            return false;
        }
        return true;
    };
    for (auto it = headFailures.cbegin(); it != headFailures.cend(); ++it) {
        err << it.key() << ' ' << step << " failed: " << it.value() << '\n';
        if (!journalEntry(it.key(), false, it.value()))
            return JobFailures;
    }

    int done = 0;
    int failed = int(headFailures.size());
    bool interrupted = false;
    bool stopped = false;
    QString summary;
    if (members.isEmpty()) {
        out << "nothing to do: every selected student is " << (kind == QLatin1String("redeploy") ? "redeployed" : "restarted")
            << " already\n";
    } else {
        course::AuditLog audit;
        course::WaveRunner runner(clients.access, &audit);
        onStopSignal(&runner, [&] {
            interrupted = true;
            runner.cancel();
        });
        const bool tty = ::isatty(STDOUT_FILENO);
        QObject::connect(&runner, &course::WaveRunner::waveStarted, &runner, [&](int wave, int size, bool canary) {
            out << (tty ? "\n" : "") << "wave " << wave << '/' << runner.progress().waves << (canary ? " (canary)" : "")
                << ": " << size << " students\n";
            out.flush();
        });
        QObject::connect(&runner, &course::WaveRunner::memberFinished, &runner, [&](const course::WaveMemberResult &r) {
            r.ok ? ++done : ++failed;
            if (!r.ok) {
                err << (tty ? "\n" : "") << r.target.student << ' ' << step << " failed: " << r.error << '\n';
                err.flush();
            }
            if (!journalEntry(r.target.student, r.ok,
                              r.ok ? (action == course::WaveAction::Redeploy
                                          ? QStringLiteral("%1 at %2").arg(r.target.key(), r.target.commit.left(7))
                                          : QStringLiteral("%1 restarted").arg(r.target.key()))
                                   : r.error))
                runner.cancel(); // going on without a journal could do a student twice
        });
        QObject::connect(&runner, &course::WaveRunner::waveFinished, &runner, [&](const course::WaveResult &r) {
            out << (tty ? "\n" : "") << "wave " << r.wave << ": " << r.succeeded << " rolled out, " << r.failed
                << " failed\n";
            out.flush();
        });
        if (tty) {
            QObject::connect(&runner, &course::WaveRunner::progressChanged, &runner, [&](const course::WaveProgress &p) {
                const int width = 30;
                const int finished = p.done + p.failed;
                const int filled = p.total ? width * finished / p.total : width;
                out << '\r' << '[' << QString(filled, u'#') << QString(width - filled, u'.') << "] " << finished << '/'
                    << p.total << ", " << p.failed << " failed, wave " << p.wave << '/' << p.waves
                    << (p.waitingBetweenWaves ? " (pause)" : "") << "   ";
                out.flush();
            });
        }
        QEventLoop loop;
        QObject::connect(&runner, &course::WaveRunner::finished, &loop,
                         [&](course::WaveOutcome outcome, const QString &text) {
                             stopped = outcome == course::WaveOutcome::StoppedByFailureRate;
                             summary = text;
                             loop.quit();
                         });
        if (!runner.start(members, action, waves, &error)) {
            err << "courseops-cli: " << error << '\n';
            return JobUsage;
        }
        loop.exec();
        if (tty)
            out << '\n';
    }

    // Finished when every target has its step done (a stopped or failed run resumes).
    bool complete = true;
    for (const QString &login : std::as_const(targets))
        complete = complete && journal.isDone(login, step);
    if (complete && !journal.finish(&error))
        err << "courseops-cli: " << error << '\n';
    out << "done " << done << ", already done " << targets.size() - todo.size() << ", failed " << failed << " (of "
        << targets.size() << " students)\n";
    if (stopped)
        err << "courseops-cli: stopped by the failure bound: " << summary << '\n';
    else if (!summary.isEmpty() && !complete)
        err << "courseops-cli: " << summary << '\n';
    writeReport(journal, dir, out, err);
    if (interrupted)
        return JobInterrupted;
    return complete ? JobOk : JobFailures;
}
