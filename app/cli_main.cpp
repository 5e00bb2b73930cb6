#include "cli_jobs.h"
#include "cli_status.h"
#include "cli_sync.h"
#include "cli_waves.h"
#include "course/courseconfig.h"
#include "course/roster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

// courseops-cli: the console's operations, headless: check a course, print the
// fleet's status, and run the fleet jobs with the same journal the console uses.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CourseOps"));
    QCoreApplication::setApplicationName(QStringLiteral("courseops-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COURSEOPS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "CourseOps from the command line.\n\nCommands:\n"
        "  check    validate a course file and roster (exit 1 when either has errors)\n"
        "  status   one row per student: pod status, ready, restarts, age, rollout (exit 1 when the\n"
        "           kubeconfig or the cluster fails)\n"
        "  seed     make every roster student's repository from the template, give them access, and\n"
        "           create their Deployment, Service and Ingress; journaled and resumable (--job DIR).\n"
        "           --dry-run prints the plan. Exit 0 done, 1 some students failed, 2 bad settings,\n"
        "           3 interrupted (resume with --job)\n"
        "  report   the CSV report of a job (--job DIR)\n"
        "  deploy   create or update every roster student's Deployment (at their repository's head),\n"
        "           Service and route; journaled like seed\n"
        "  redeploy redeploy at each repository's head, in waves: --students a,b / --cohort X / everyone,\n"
        "           --canary N --batch N --pause 30s --max-failure 0.2; journaled (--job DIR resumes\n"
        "           without redoing finished students); exit 1 when a wave's failures stop the run\n"
        "  restart  rollout restart, in waves, with the same options as redeploy\n"
        "  sync-template  --from SHA [--to REF]: the template's change from..to (default: its default\n"
        "           branch head) as a pull request in every student's repository, merged three-way with\n"
        "           their work; students whose work conflicts get none and are listed. Journaled like seed"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));
    const QCommandLineOption courseOption(QStringLiteral("course"), QStringLiteral("Course file (YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/course.yaml"));
    const QCommandLineOption rosterOption(QStringLiteral("roster"), QStringLiteral("Roster (CSV or YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/roster.csv"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
                                              QStringLiteral("kubeconfig file(s), ':'-separated (default: "
                                                             "$KUBECONFIG or ~/.kube/config)."),
                                              QStringLiteral("path"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           QStringLiteral("kubeconfig context (default: the current one)."),
                                           QStringLiteral("name"));
    const QCommandLineOption namespaceOption({QStringLiteral("n"), QStringLiteral("namespace")},
                                             QStringLiteral("status: only this namespace (default: all)."),
                                             QStringLiteral("namespace"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("status: table or json."), QStringLiteral("format"),
                                          QStringLiteral("table"));
    const QCommandLineOption jobOption(QStringLiteral("job"),
                                       QStringLiteral("jobs (seed, deploy, redeploy, restart, sync-template) and report: the job's journal folder (resumes the job in it)."),
                                       QStringLiteral("dir"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QStringLiteral("jobs: print what would be done (the plan, or the waves)."));
    const QCommandLineOption githubEnvOption(QStringLiteral("github-env"),
                                             QStringLiteral("jobs: a file of COURSEOPS_GITHUB_API, _TOKEN and _CA lines "
                                                            "(default: those environment variables)."),
                                             QStringLiteral("file"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               QStringLiteral("jobs: students worked on at once."), QStringLiteral("n"),
                                               QStringLiteral("4"));
    const QCommandLineOption limitsOption(QStringLiteral("github-limits"),
                                          QStringLiteral("jobs: GitHub's secondary limits to pace against (default: "
                                                         "GitHub's), e.g. content-per-minute=80,content-per-hour=500,"
                                                         "minute=60s,hour=1h."),
                                          QStringLiteral("spec"));
    parser.addOptions({courseOption, rosterOption, kubeconfigOption, contextOption, namespaceOption, outputOption,
                       jobOption, dryRunOption, githubEnvOption, concurrencyOption, limitsOption});
    // redeploy, restart: which students, and the waves.
    const QCommandLineOption studentsOption(QStringLiteral("students"),
                                            QStringLiteral("redeploy, restart: only these logins (comma-separated)."),
                                            QStringLiteral("logins"));
    const QCommandLineOption cohortOption(QStringLiteral("cohort"),
                                          QStringLiteral("redeploy, restart: only this cohort."), QStringLiteral("name"));
    const QCommandLineOption canaryOption(QStringLiteral("canary"),
                                          QStringLiteral("redeploy, restart: students in the first wave (0: none)."),
                                          QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("redeploy, restart: students in each later wave."),
                                         QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption pauseOption(QStringLiteral("pause"),
                                         QStringLiteral("redeploy, restart: wait between waves, e.g. 30s."),
                                         QStringLiteral("duration"), QStringLiteral("0s"));
    const QCommandLineOption maxFailureOption(QStringLiteral("max-failure"),
                                              QStringLiteral("redeploy, restart: stop when a wave's failed share passes "
                                                             "this (0..1)."),
                                              QStringLiteral("fraction"), QStringLiteral("0.2"));
    const QCommandLineOption rolloutTimeoutOption(QStringLiteral("rollout-timeout"),
                                                  QStringLiteral("redeploy, restart: a student not rolled out this long "
                                                                 "after the write failed."),
                                                  QStringLiteral("duration"), QStringLiteral("5m"));
    parser.addOptions({studentsOption, cohortOption, canaryOption, batchOption, pauseOption, maxFailureOption,
                       rolloutTimeoutOption});
    // sync-template: which template change.
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        QStringLiteral("sync-template: the template commit the course was seeded "
                                                       "from (or last synced to)."),
                                        QStringLiteral("sha"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("sync-template: the template commit to bring (default: its "
                                                     "default branch head)."),
                                      QStringLiteral("ref"));
    parser.addOptions({fromOption, toOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        parser.showHelp(0);
    }
    if (args.first() == QLatin1String("check")) {
        course::Diagnostics problems;
        const auto config = course::CourseConfig::load(parser.value(courseOption), &problems);
        const auto roster = course::Roster::load(parser.value(rosterOption), &problems);
        for (const course::Diagnostic &d : problems)
            err << d.toString() << '\n';
        out << "course: " << (config.name.isEmpty() ? QStringLiteral("(not loaded)") : config.name) << '\n'
            << "students: " << roster.size() << '\n';
        return course::hasErrors(problems) ? 1 : 0;
    }
    if (args.first() == QLatin1String("status")) {
        StatusCommandOptions options;
        if (parser.isSet(kubeconfigOption))
            options.kubeconfigFiles = parser.value(kubeconfigOption).split(u':', Qt::SkipEmptyParts);
        options.context = parser.value(contextOption);
        options.namespaceName = parser.value(namespaceOption);
        options.output = parser.value(outputOption);
        return runStatusCommand(options, out, err);
    }
    static const QStringList waveCommands{QStringLiteral("deploy"), QStringLiteral("redeploy"), QStringLiteral("restart")};
    if (args.first() == QLatin1String("seed") || args.first() == QLatin1String("report") ||
        args.first() == QLatin1String("sync-template") || waveCommands.contains(args.first())) {
        JobCommandOptions options;
        options.coursePath = parser.value(courseOption);
        options.rosterPath = parser.value(rosterOption);
        if (parser.isSet(kubeconfigOption))
            options.kubeconfigFiles = parser.value(kubeconfigOption).split(u':', Qt::SkipEmptyParts);
        options.context = parser.value(contextOption);
        options.githubEnv = parser.value(githubEnvOption);
        options.jobDir = parser.value(jobOption);
        options.dryRun = parser.isSet(dryRunOption);
        options.concurrency = qMax(1, parser.value(concurrencyOption).toInt());
        options.githubLimits = parser.value(limitsOption);
        if (waveCommands.contains(args.first())) {
            options.students = parser.value(studentsOption).split(u',', Qt::SkipEmptyParts);
            options.cohort = parser.value(cohortOption);
            bool ok[5] = {};
            options.canary = parser.value(canaryOption).toInt(&ok[0]);
            options.batch = parser.value(batchOption).toInt(&ok[1]);
            options.maxFailure = parser.value(maxFailureOption).toDouble(&ok[2]);
            options.pauseMs = parseWaveDuration(parser.value(pauseOption), &ok[3]);
            options.rolloutTimeoutMs = parseWaveDuration(parser.value(rolloutTimeoutOption), &ok[4]);
            if (!(ok[0] && ok[1] && ok[2] && ok[3] && ok[4]) || options.canary < 0 ||
                options.batch < 1 || options.maxFailure < 0 || options.maxFailure > 1) {
                err << "courseops-cli: --canary, --batch, --pause, --max-failure or --rollout-timeout is not "
                       "understood: write e.g. --canary 1 --batch 10 --pause 30s --max-failure 0.2\n";
                return 2;
            }
            if (args.first() == QLatin1String("deploy"))
                return runDeployCommand(options, out, err);
            return runWaveCommand(args.first() == QLatin1String("redeploy") ? course::WaveAction::Redeploy
                                                                           : course::WaveAction::Restart,
                                  options, out, err);
        }
        if (args.first() == QLatin1String("sync-template")) {
            options.templateFrom = parser.value(fromOption);
            options.templateTo = parser.value(toOption);
            return runSyncTemplateCommand(options, out, err);
        }
        return args.first() == QLatin1String("seed") ? runSeedCommand(options, out, err)
                                                      : runReportCommand(options, out, err);
    }
    err << "courseops-cli: unknown command '" << args.first() << "'; see courseops-cli --help\n";
    return 2;
}
