#include "cli_sync.h"

#include "course/jobjournal.h"
#include "course/templatesync.h"
#include "github/githubrepos.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

int runSyncTemplateCommand(const JobCommandOptions &o, QTextStream &out, QTextStream &err)
{
    // A resumed job syncs what it started with, even if the template moved on since.
    QString from = o.templateFrom;
    QString to = o.templateTo;
    if (!o.jobDir.isEmpty() && QFile::exists(QDir(o.jobDir).filePath(QStringLiteral("job.json")))) {
        course::JobJournal journal;
        QString error;
        if (journal.open(o.jobDir, &error) && journal.kind() == QLatin1String("sync-template")) {
            from = journal.parameters().value(QStringLiteral("from")).toString();
            to = journal.parameters().value(QStringLiteral("to")).toString();
        }
    }
    if (from.isEmpty()) {
        err << "courseops-cli: sync-template needs --from: the template commit the course was seeded from "
               "(or last synced to)\n";
        return JobUsage;
    }
    JobCommandOptions githubOnly = o; // pull requests need no cluster
    githubOnly.needsCluster = false;
    JobClients clients;
    if (!clients.connect(githubOnly, err))
        return JobUsage;
    if (clients.config.repoMode == course::RepoMode::StudentAccounts) {
        // The staff's token cannot push a branch to a repository a student owns.
        err << "courseops-cli: in this course the students own their forks of the template; they bring its "
               "changes in themselves with GitHub's \"Sync fork\" (sync-template works on repositories in the "
               "course organisation)\n";
        return JobUsage;
    }
    if (clients.config.templateRepo.isEmpty()) {
        err << "courseops-cli: the course file names no template (github: template: owner/name)\n";
        return JobUsage;
    }

    QEventLoop loop;
    github::GithubError loadError;
    course::TemplateChange change;
    course::loadTemplateChange(clients.repos.get(), clients.config.templateRepo, from, to, &loop,
                               [&](const github::GithubError &e, const course::TemplateChange &c) {
                                   loadError = e;
                                   change = c;
                                   loop.quit();
                               });
    loop.exec();
    if (!loadError.isOk()) {
        err << "courseops-cli: " << loadError.message << '\n';
        return JobUsage;
    }
    if (change.files.isEmpty()) {
        out << "the template " << change.templateRepo << " did not change between " << change.shortRange()
            << ": nothing to sync\n";
        return JobOk;
    }
    out << "template change " << change.templateRepo << ' ' << change.shortRange() << ": "
        << change.files.size() << " file(s); pull requests from " << change.branchName() << '\n';

    course::TemplateSyncJob job(clients.config, change, clients.repos.get());
    job.setConcurrency(o.concurrency);
    job.setCreationsPerMinute(clients.creationsPerMinute());
    // The students whose work conflicts, for the list at the end.
    QStringList conflicts;
    QObject::connect(&job, &course::Job::stepFinished, &job, [&](const course::JournalEntry &e) {
        if (e.state == course::JournalEntry::State::Failed &&
            e.step == course::TemplateSyncJob::stepMerge() &&
            e.detail.startsWith(QLatin1String("conflict in ")))
            conflicts << e.target + u'\t' + e.detail;
    });
    const int exit = runJournaledJob(job, clients.rosterLogins(), o,
                                     {{QStringLiteral("course"), o.coursePath},
                                      {QStringLiteral("roster"), o.rosterPath},
                                      {QStringLiteral("template"), change.templateRepo},
                                      {QStringLiteral("from"), QString::fromLatin1(change.fromCommit)},
                                      {QStringLiteral("to"), QString::fromLatin1(change.toCommit)}},
                                     out, err);
    if (!conflicts.isEmpty()) {
        conflicts.sort();
        out << conflicts.size() << " student(s) conflict with the template change and got no pull request:\n";
        for (const QString &line : std::as_const(conflicts))
            out << "  " << line << '\n';
    }
    return exit;
}
