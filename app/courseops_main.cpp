#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CourseOps"));
    QApplication::setApplicationName(QStringLiteral("courseops"));
    QApplication::setApplicationVersion(QStringLiteral(COURSEOPS_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("CourseOps"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The console for the staff of very large programming courses."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption courseOption(QStringLiteral("course"), QStringLiteral("Course file (YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/course.yaml"));
    const QCommandLineOption rosterOption(QStringLiteral("roster"), QStringLiteral("Roster (CSV or YAML)."),
                                          QStringLiteral("file"), QStringLiteral(":/demo/roster.csv"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language of the interface, e.g. hi or en (default: the "
                                                       "system's)."),
                                        QStringLiteral("code"));
    parser.addOptions({courseOption, rosterOption, langOption});
    parser.process(app);

    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale();
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
    return app.exec();
}
