#include "fleetmodel.h"
#include "mainwindow.h"
#include "../common/screenshots.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("CourseOpsTest"));
        QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    }

    void shellShowsWhatAUserExpects()
    {
        MainWindow w;
        QVERIFY(w.openCourse(QStringLiteral(":/demo/course.yaml"), QStringLiteral(":/demo/roster.csv"), true));
        w.resize(1100, 500);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text().remove(u'&');
        QCOMPARE(menus, (QStringList{QStringLiteral("File"), QStringLiteral("View"), QStringLiteral("Student"),
                                     QStringLiteral("Fleet"), QStringLiteral("Help")}));

        QTableView *table = w.findChild<QTableView *>(QStringLiteral("fleetTable"));
        QVERIFY(table);
        QStringList headers;
        for (int c = 0; c < table->model()->columnCount(); ++c)
            headers << table->model()->headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers.first(), QStringLiteral("Student"));
        QVERIFY(headers.contains(QStringLiteral("Status")));
        QVERIFY(headers.contains(QStringLiteral("Restarts")));
        QVERIFY(headers.contains(QStringLiteral("Commit")));
        QVERIFY(headers.contains(QStringLiteral("Probe")));

        auto *course = w.findChild<QLabel *>(QStringLiteral("courseLabel"));
        QVERIFY(course->text().contains(QStringLiteral("students in the roster: 41")));
        auto *connection = w.findChild<QLabel *>(QStringLiteral("connectionIndicator"));
        QCOMPARE(connection->text(), QStringLiteral("Cluster: not connected"));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Web Apps 101 (demo)")));

        // Ctrl+F puts the cursor in the filter.
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(w.findChild<QLineEdit *>(QStringLiteral("filter"))->hasFocus());

        QVERIFY(w.grab().save(artifact(QStringLiteral("mainwindow-shell.png"))));
    }

    void geometryIsRemembered()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(913, 577);
            QTest::qWait(10);
            w.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(913, 577));
    }

    void fleetModelPassesTester()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FleetRow row;
        row.student = QStringLiteral("Mona");
        row.login = QStringLiteral("octocat");
        row.status = QStringLiteral("CrashLoopBackOff");
        row.readyContainers = 0;
        row.totalContainers = 1;
        model.setRows({row, row});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FleetModel::Ready).data().toString(), QStringLiteral("0/1"));
    }

    void openingABrokenRosterKeepsGoodRows()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("roster.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("login,name\nok1,A\nbad_login,B\nok2,C\n");
        f.close();
        MainWindow w;
        QVERIFY(!w.openCourse(QStringLiteral(":/demo/course.yaml"), f.fileName(), true));
        QCOMPARE(w.roster().size(), 2);
        QVERIFY(w.findChild<QLabel *>(QStringLiteral("courseLabel"))->text().contains(QStringLiteral("students in the roster: 2")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
