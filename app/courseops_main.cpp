#include "mainwindow.h"
#include "settingsdialog.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CourseOps"));
    QApplication::setApplicationName(QStringLiteral("courseops"));
    QApplication::setApplicationVersion(QStringLiteral(COURSEOPS_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("CourseOps"));
    // Desktops match the window to io.courseops.CourseOps.desktop and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.courseops.CourseOps"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The console for the staff of very large programming courses."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption courseOption(QStringLiteral("course"), QStringLiteral("Course file (YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/course.yaml"));
    const QCommandLineOption rosterOption(QStringLiteral("roster"), QStringLiteral("Roster (CSV or YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/roster.csv"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language of the interface: hi, de or en (default: the "
                                                       "system's)."),
                                        QStringLiteral("code"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
                                         QStringLiteral("Colours for this run: system, light, dark or high-contrast "
                                                        "(default: the one chosen in Settings)."),
                                         QStringLiteral("name"));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
                                              QStringLiteral("Connect to a cluster with this kubeconfig."),
                                              QStringLiteral("file"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           QStringLiteral("The kubeconfig context to use (default: its current one)."),
                                           QStringLiteral("name"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
                                           QStringLiteral("Start the built-in sandbox with the demo course and "
                                                          "connect to it."));
    const QCommandLineOption offlineOption(QStringLiteral("offline"), QStringLiteral("Do not connect at start."));
    parser.addOption(themeOption);
    parser.addPositionalArgument(QStringLiteral("open"),
                                 QStringLiteral("`open LOGIN`: open that student's code in the code window."),
                                 QStringLiteral("[open LOGIN]"));
    parser.addOptions({courseOption, rosterOption, langOption, kubeconfigOption, contextOption, sandboxOption,
                       offlineOption});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    QString openLogin;
    if (args.size() == 2 && args.first() == QLatin1String("open")) {
        openLogin = args.at(1);
    } else if (!args.isEmpty()) {
        std::fprintf(stderr, "courseops: unknown command '%s'; the one command is `courseops open LOGIN`\n",
                     qPrintable(args.join(u' ')));
        return 2;
    }

    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale();
    QLocale::setDefault(locale);
    const std::optional<theme::Theme> chosenTheme =
        parser.isSet(themeOption) ? theme::fromKey(parser.value(themeOption)) : ConsoleSettings::load().theme;
    if (!chosenTheme) {
        qCritical("courseops: unknown --theme %s (system, light, dark or high-contrast)",
                  qPrintable(parser.value(themeOption)));
        return 2;
    }
    theme::apply(*chosenTheme);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("courseops"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    MainWindow window;
    window.openCourse(parser.value(courseOption), parser.value(rosterOption));
    window.show();
    // With no choice on the command line, connect where the user did last time
    // (the first time: the built-in sandbox with the demo course).
    ConnectionChoice choice = ConnectionChoice::load();
    if (parser.isSet(sandboxOption)) {
        choice.sandbox = true;
    } else if (parser.isSet(kubeconfigOption) || parser.isSet(contextOption)) {
        choice.sandbox = false;
        choice.kubeconfigFiles = parser.isSet(kubeconfigOption) ? QStringList{parser.value(kubeconfigOption)}
                                                                : QStringList();
        choice.context = parser.value(contextOption);
    }
    if (!parser.isSet(offlineOption))
        window.connectTo(choice);
    if (!openLogin.isEmpty())
        window.openCodeWhenReady(openLogin);
    return app.exec();
}
