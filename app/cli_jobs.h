#pragma once

#include "course/courseconfig.h"
#include "course/roster.h"
#include "github/githubclient.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class QTextStream;

namespace course {
class Job;
class JobJournal;
}
namespace github {
class GithubRepos;
}
namespace kube {
class ClusterAccess;
class KubeClient;
}

// `courseops-cli seed` and `courseops-cli report`: fleet jobs, headless, with
// the same on-disk journal the console uses.
struct JobCommandOptions
{
    QString coursePath;
    QString rosterPath;
    QStringList kubeconfigFiles; // empty: $KUBECONFIG or ~/.kube/config
    QString context;
    QString githubEnv;  // a COURSEOPS_GITHUB_* file; empty: the environment
    QString jobDir;     // the job's journal folder; empty: a new one under the default root
    bool dryRun = false;
    int concurrency = 4;
    // GitHub's secondary limits to pace against, as `courseops-sandbox --github-limits`
    // takes them: "content-per-minute=80,content-per-hour=500,minute=60s,hour=1h".
    QString githubLimits;
    // sync-template (app/cli_sync.h): the template commits to bring to the students.
    QString templateFrom; // the commit (or ref) the course was seeded from or last synced to
    QString templateTo;   // empty: the template's default branch head
    // redeploy and restart (app/cli_waves.h): which students, and the waves.
    bool needsGithub = true;  // restart works on the cluster alone
    bool needsCluster = true; // sync-template works on GitHub alone
    QStringList students;    // empty: everyone, or the cohort
    QString cohort;
    int canary = 1;
    int batch = 10;
    qint64 pauseMs = 0;
    double maxFailure = 0.2;
    qint64 rolloutTimeoutMs = 5 * 60000;
};

// Exit codes scripts can rely on.
enum JobExit {
    JobOk = 0,          // every step done (or nothing to do)
    JobFailures = 1,    // finished, some students failed (see the report)
    JobUsage = 2,       // bad options, course, roster, kubeconfig or GitHub settings
    JobInterrupted = 3, // stopped by a signal; resume with --job
};

// What a job command works with: the course, its roster, GitHub and the cluster.
struct JobClients
{
    JobClients();
    ~JobClients();
    // Loads the course and roster and connects both clients; prints what is
    // wrong and returns false when something is missing.
    bool connect(const JobCommandOptions &options, QTextStream &err);
    // Repository creations per minute the tighter of GitHub's content windows allows.
    double creationsPerMinute() const;
    QStringList rosterLogins() const; // lower case, roster order

    course::CourseConfig config;
    course::Roster roster;
    github::GithubConfig githubConfig;
    std::unique_ptr<github::GithubClient> githubClient;
    std::unique_ptr<github::GithubRepos> repos;
    std::shared_ptr<kube::ClusterAccess> access;
    std::unique_ptr<kube::KubeClient> kube;
};

// Runs `job` over `targets` the way every job command does: --dry-run prints
// the plan; otherwise a new journal (or the one --job names, resumed), a
// progress bar on a terminal or a line every few seconds in a log, SIGINT and
// SIGTERM stop cleanly, and report.csv lands next to the journal. Returns a JobExit.
// Writes the job's report.csv next to its journal and says where (or why not).
void writeReport(const course::JobJournal &journal, const QString &dir, QTextStream &out, QTextStream &err);

// SIGINT and SIGTERM call `stop` on the event loop while `context` lives
// (then the default handling is back).
void onStopSignal(QObject *context, std::function<void()> stop);

int runJournaledJob(course::Job &job, const QStringList &targets, const JobCommandOptions &options,
                    const QJsonObject &parameters, QTextStream &out, QTextStream &err);

int runSeedCommand(const JobCommandOptions &options, QTextStream &out, QTextStream &err);
int runReportCommand(const JobCommandOptions &options, QTextStream &out, QTextStream &err);
