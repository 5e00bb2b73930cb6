#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

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
};

// Exit codes scripts can rely on.
enum JobExit {
    JobOk = 0,          // every step done (or nothing to do)
    JobFailures = 1,    // finished, some students failed (see the report)
    JobUsage = 2,       // bad options, course, roster, kubeconfig or GitHub settings
    JobInterrupted = 3, // stopped by a signal; resume with --job
};

int runSeedCommand(const JobCommandOptions &options, QTextStream &out, QTextStream &err);
int runReportCommand(const JobCommandOptions &options, QTextStream &out, QTextStream &err);
