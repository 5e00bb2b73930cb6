// The command palette (Ctrl+Shift+P): every menu action listed with its menu
// and shortcut, disabled ones with why, filtered by what is typed, and Enter
// running the chosen action; and in the console's own window.
#include "commandpalette.h"
#include "mainwindow.h"
#include "../common/screenshots.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

CommandPalette *paletteOf(QMainWindow &w)
{
    return w.findChild<CommandPalette *>(QString(), Qt::FindDirectChildrenOnly);
}

QTreeWidgetItem *rowFor(CommandPalette *palette, const QString &command)
{
    for (int i = 0; i < palette->list()->topLevelItemCount(); ++i) {
        if (palette->list()->topLevelItem(i)->text(CommandPalette::Command) == command)
            return palette->list()->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestCommandPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"CourseOpsTest"_s);
        QApplication::setApplicationName(u"tst_commandpalette"_s);
        QSettings().clear();
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
    }

    void filtersAndRunsTheChosenAction()
    {
        QMainWindow w;
        QMenu *student = w.menuBar()->addMenu(u"&Student"_s);
        QAction *restart = student->addAction(u"&Restart"_s);
        restart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
        QAction *redeploy = student->addAction(u"Re&deploy at HEAD"_s);
        redeploy->setEnabled(false);
        redeploy->setStatusTip(u"Select a student in the table first"_s);
        student->addSeparator();
        QMenu *more = student->addMenu(u"&More"_s);
        QAction *logs = more->addAction(u"Show &Logs"_s);
        QMenu *view = w.menuBar()->addMenu(u"&View"_s);
        CommandPalette::addTo(view, &w);
        w.resize(900, 500);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));

        QTest::keyClick(&w, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        CommandPalette *palette = nullptr;
        QTRY_VERIFY((palette = paletteOf(w)) && palette->isVisible());
        // Every action, with its menu; not the palette's own, no separators.
        QCOMPARE(palette->shownCommands(), QStringList({u"Student ▸ Restart"_s, u"Student ▸ Redeploy at HEAD"_s,
                                                        u"Student ▸ More ▸ Show Logs"_s}));
        QCOMPARE(rowFor(palette, u"Student ▸ Restart"_s)->text(CommandPalette::Shortcut),
                 QKeySequence(Qt::CTRL | Qt::Key_R).toString(QKeySequence::NativeText));
        QCOMPARE(rowFor(palette, u"Student ▸ Redeploy at HEAD"_s)->text(CommandPalette::Note),
                 u"Select a student in the table first"_s);
        QVERIFY(rowFor(palette, u"Student ▸ Restart"_s)->text(CommandPalette::Note).isEmpty());

        // Typing filters: every word must match.
        QSignalSpy ranLogs(logs, &QAction::triggered);
        QTest::keyClicks(palette->filterEdit(), u"stu log"_s);
        QCOMPARE(palette->shownCommands(), QStringList{u"Student ▸ More ▸ Show Logs"_s});
        QVERIFY(palette->grab().save(artifact(u"command-palette.png"_s)));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QVERIFY(ranLogs.wait(5000));
        QVERIFY(!palette->isVisible());

        // A disabled action is listed with its reason, and Enter does not run it.
        QSignalSpy ranRedeploy(redeploy, &QAction::triggered);
        QSignalSpy ranRestart(restart, &QAction::triggered);
        palette->popUp();
        QVERIFY(palette->filterEdit()->text().isEmpty());
        palette->setFilter(u"deploy"_s);
        QCOMPARE(palette->currentCommand(), u"Student ▸ Redeploy at HEAD"_s);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTest::qWait(50);
        QCOMPARE(ranRedeploy.size(), 0);
        QVERIFY(palette->isVisible());

        // The first enabled match is chosen; Up/Down move while typing.
        palette->setFilter(QString());
        QCOMPARE(palette->currentCommand(), u"Student ▸ Restart"_s);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
        QCOMPARE(palette->currentCommand(), u"Student ▸ Redeploy at HEAD"_s);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Up);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Enter);
        QVERIFY(ranRestart.wait(5000));
        QCOMPARE(ranLogs.size(), 1);
    }

    void consoleWindowHasIt()
    {
        MainWindow w;
        w.resize(1200, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        CommandPalette *palette = nullptr;
        QTRY_VERIFY((palette = paletteOf(w)) && palette->isVisible());
        // Not connected: Restart is there, disabled, saying what it needs.
        QTreeWidgetItem *restart = rowFor(palette, u"Student ▸ Restart"_s);
        QVERIFY(restart);
        QVERIFY2(restart->text(CommandPalette::Note).contains(u"connection"_s),
                 qPrintable(restart->text(CommandPalette::Note)));
        QVERIFY(rowFor(palette, u"View ▸ Filter Students"_s));
        QVERIFY(palette->grab().save(artifact(u"command-palette-console.png"_s)));
        // Enter on "Filter Students" puts the focus in the filter, as Ctrl+F does.
        palette->setFilter(u"filter students"_s);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(w.findChild<QLineEdit *>(u"filter"_s)->hasFocus());
    }
};

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
