#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onTerminate(int)
{
    const char c = 1;
    (void)!write(g_signalPipe[1], &c, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("courseops-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COURSEOPS_VERSION));
    // A client that hangs up mid-write must not end the server.
    std::signal(SIGPIPE, SIG_IGN);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local Kubernetes API server (and, as it lands, GitHub API) for CourseOps, its tests and its demo.\n"
        "Prints a line starting with 'ready' once it serves."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption students(QStringLiteral("students"),
                                      QStringLiteral("Seed N generated students instead of the demo roster."),
                                      QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption roster(QStringLiteral("roster"), QStringLiteral("Roster to seed (CSV or YAML)."),
                                    QStringLiteral("file"), QStringLiteral(":/demo/roster.csv"));
    const QCommandLineOption kubeconfig(QStringLiteral("write-kubeconfig"),
                                        QStringLiteral("Write a kubeconfig for the sandbox's users to PATH."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption githubEnv(QStringLiteral("write-github-env"),
                                       QStringLiteral("Write COURSEOPS_GITHUB_API, _TOKEN (staff) and _CA lines to PATH."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption githubPort(QStringLiteral("github-port"),
                                        QStringLiteral("Port of the GitHub API (default: any free one)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption stateDir(QStringLiteral("state-dir"),
                                      QStringLiteral("Keep certificates and state in DIR across restarts."),
                                      QStringLiteral("DIR"));
    const QCommandLineOption runtime(QStringLiteral("runtime"),
                                     QStringLiteral("How pods run: 'node' (real node processes) or 'simulated'."),
                                     QStringLiteral("node|simulated"), QStringLiteral("simulated"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("YAML map of login to behaviour (healthy, crash, oom, "
                                                     "slow-start, image-pull, unschedulable, needs-secret)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption enrol(QStringLiteral("enrol"),
                                   QStringLiteral("Roster (CSV or YAML) of students who get GitHub accounts only: "
                                                  "no repository, no Deployment (to seed with courseops-cli)."),
                                   QStringLiteral("file"));
    const QCommandLineOption faults(QStringLiteral("faults"),
                                    QStringLiteral("Injected faults, e.g. 500=0.05,429=0.1,retry-after=2,latency=20ms,"
                                                   "drop-watch=30s,compact=60s."),
                                    QStringLiteral("SPEC"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to serve on (default: any free one)."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption routerPort(QStringLiteral("router-port"),
                                        QStringLiteral("Port of the subdomain router (node runtime; default: any)."),
                                        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
                                       QStringLiteral("Run start-up, back-off and grace periods this many times "
                                                      "faster (tests)."),
                                       QStringLiteral("FACTOR"), QStringLiteral("1"));
    const QCommandLineOption githubLimits(QStringLiteral("github-limits"),
                                          QStringLiteral("GitHub rate limits over GitHub's own, e.g. content-per-minute=80,"
                                                         "content-per-hour=500,minute=1s,hour=10s (tests)."),
                                          QStringLiteral("SPEC"));
    parser.addOptions({students, roster, kubeconfig, stateDir, runtime, scenario, enrol, faults, port, routerPort, timeScale, githubEnv, githubPort, githubLimits});
    parser.process(app);

    sandbox::SandboxOptions options;
    options.students = parser.value(students).toInt();
    options.rosterPath = parser.value(roster);
    options.kubeconfigPath = parser.value(kubeconfig);
    options.stateDir = parser.value(stateDir);
    options.runtime = parser.value(runtime);
    options.scenarioPath = parser.value(scenario);
    options.enrolPath = parser.value(enrol);
    options.faults = parser.value(faults);
    options.port = quint16(parser.value(port).toUInt());
    options.timeScale = parser.value(timeScale).toDouble();
    options.routerPort = quint16(parser.value(routerPort).toUInt());
    options.githubEnvPath = parser.value(githubEnv);
    options.githubPort = quint16(parser.value(githubPort).toUInt());

    sandbox::SandboxServer server;
    QString error;
    if (parser.isSet(githubLimits)) {
        const sandbox::GithubLimits limits = sandbox::GithubLimits::parse(parser.value(githubLimits), &error);
        if (!error.isEmpty()) {
            QTextStream(stderr) << "courseops-sandbox: " << error << '\n';
            return 1;
        }
        server.github().setLimits(limits);
    }
    if (!server.start(options, &error)) {
        QTextStream(stderr) << "courseops-sandbox: " << error << '\n';
        return 1;
    }
    QTextStream out(stdout);
    out << "ready " << server.url();
    if (!options.kubeconfigPath.isEmpty())
        out << " kubeconfig=" << options.kubeconfigPath;
    out << " github=" << server.githubUrl();
    if (server.routerPort())
        out << " router=http://127.0.0.1:" << server.routerPort();
    out << Qt::endl;
    // SIGTERM and SIGINT end the event loop, so --state-dir is written before exit.
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
        std::signal(SIGTERM, onTerminate);
        std::signal(SIGINT, onTerminate);
    }
    const int code = app.exec();
    if (!server.saveState(&error)) {
        QTextStream(stderr) << "courseops-sandbox: the state was not saved: " << error << '\n';
        return 1;
    }
    return code;
}
