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
        "  check    validate a course file and roster (exit 1 when either has errors)"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));
    const QCommandLineOption courseOption(QStringLiteral("course"), QStringLiteral("Course file (YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/course.yaml"));
    const QCommandLineOption rosterOption(QStringLiteral("roster"), QStringLiteral("Roster (CSV or YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/roster.csv"));
    parser.addOptions({courseOption, rosterOption});
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
    err << "courseops-cli: unknown command '" << args.first() << "'; see courseops-cli --help\n";
    return 2;
}
