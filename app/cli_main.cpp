#include "cli_jobs.h"
#include "cli_status.h"
#include "course/courseconfig.h"
#include "course/roster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

// courseops-cli: the console's operations, headless. For now it validates a
// course and roster; the cluster and GitHub commands arrive with their issues.
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
        "  report   the CSV report of a job (--job DIR)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));
    const QCommandLineOption courseOption(QStringLiteral("course"), QStringLiteral("Course file (YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/course.yaml"));
    const QCommandLineOption rosterOption(QStringLiteral("roster"), QStringLiteral("Roster (CSV or YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/roster.csv"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
                                              QStringLiteral("status: kubeconfig file(s), ':'-separated (default: "
                                                             "$KUBECONFIG or ~/.kube/config)."),
                                              QStringLiteral("path"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           QStringLiteral("status: kubeconfig context (default: the current one)."),
                                           QStringLiteral("name"));
    const QCommandLineOption namespaceOption({QStringLiteral("n"), QStringLiteral("namespace")},
                                             QStringLiteral("status: only this namespace (default: all)."),
                                             QStringLiteral("namespace"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("status: table or json."), QStringLiteral("format"),
                                          QStringLiteral("table"));
    const QCommandLineOption jobOption(QStringLiteral("job"),
                                       QStringLiteral("seed, report: the job's journal folder (resumes the job in it)."),
                                       QStringLiteral("dir"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QStringLiteral("seed: print what would be created, changed or left alone."));
    const QCommandLineOption githubEnvOption(QStringLiteral("github-env"),
                                             QStringLiteral("seed: a file of COURSEOPS_GITHUB_API, _TOKEN and _CA lines "
                                                            "(default: those environment variables)."),
                                             QStringLiteral("file"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               QStringLiteral("seed: students worked on at once."), QStringLiteral("n"),
                                               QStringLiteral("4"));
    const QCommandLineOption limitsOption(QStringLiteral("github-limits"),
                                          QStringLiteral("seed: GitHub's secondary limits to pace against (default: "
                                                         "GitHub's), e.g. content-per-minute=80,content-per-hour=500,"
                                                         "minute=60s,hour=1h."),
                                          QStringLiteral("spec"));
    parser.addOptions({courseOption, rosterOption, kubeconfigOption, contextOption, namespaceOption, outputOption,
                       jobOption, dryRunOption, githubEnvOption, concurrencyOption, limitsOption});
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
    if (args.first() == QLatin1String("seed") || args.first() == QLatin1String("report")) {
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
        return args.first() == QLatin1String("seed") ? runSeedCommand(options, out, err)
                                                      : runReportCommand(options, out, err);
    }
    err << "courseops-cli: unknown command '" << args.first() << "'; see courseops-cli --help\n";
    return 2;
}
