// Accessibility (issue 9): every control of every window has an accessible
// name, Tab reaches the main window's controls, and the frequent actions have
// the shortcuts the README lists (with none of them taken twice).

#include "everywindow.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

QString describe(const QWidget *w)
{
    return u"%1 \"%2\" in %3"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                     QString::fromLatin1(w->window()->metaObject()->className()));
}

// Parts of a Qt control that the control itself speaks for.
bool isPartOfAnother(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p))
            return true;
    }
    return false;
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
    if (!iface)
        return {};
    QString name = iface->text(QAccessible::Name);
    // A tab bar is a list of page tabs: each tab carries the name a screen reader speaks.
    if (name.isEmpty() && qobject_cast<QTabBar *>(w)) {
        auto *bar = static_cast<QTabBar *>(w);
        if (bar->count() == 0)
            return bar->accessibleName(); // no tab to speak of yet (the code window before a file is open)
        bool allNamed = bar->count() > 0;
        for (int i = 0; i < bar->count(); ++i)
            allNamed = allNamed && !bar->tabText(i).isEmpty();
        if (allNamed)
            name = bar->tabText(0);
    }
    return name;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"CourseOpsTest"_s);
        QApplication::setApplicationName(u"tst_accessibility"_s);
        QSettings().clear();
    }

    void everyFocusableControlHasAName()
    {
        EveryWindow all;
        all.build();
        QStringList unnamed;
        int checked = 0;
        for (QWidget *window : all.windows()) {
            QList<QWidget *> widgets = window->findChildren<QWidget *>();
            widgets.prepend(window);
            for (QWidget *w : widgets) {
                // A widget with a focus proxy (a tab widget's tab bar) is named by the proxy.
                if (!(w->focusPolicy() & Qt::TabFocus) || w->focusProxy() || qobject_cast<QMenu *>(w) ||
                    isPartOfAnother(w))
                    continue;
                ++checked;
                if (accessibleName(w).trimmed().isEmpty())
                    unnamed << describe(w);
            }
        }
        QVERIFY(checked > 50);
        for (const QString &u : std::as_const(unnamed))
            qWarning("no accessible name: %s", qPrintable(u));
        QVERIFY2(unnamed.isEmpty(), "controls without an accessible name (listed above)");
    }

    void tabReachesTheMainWindowsControls()
    {
        MainWindow w;
        QVERIFY(w.openCourse(u":/demo/course.yaml"_s, u":/demo/roster.csv"_s, true));
        w.resize(1100, 600);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto *filter = w.findChild<QLineEdit *>(u"filter"_s);
        QVERIFY(filter);
        filter->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), filter);

        QList<QWidget *> reached;
        for (int i = 0; i < 200; ++i) {
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus);
            // A label with links takes Tab to step through them before letting go.
            if (!reached.isEmpty() && focus == reached.last() && qobject_cast<QLabel *>(focus)) {
                QTest::keyClick(focus, Qt::Key_Tab);
                continue;
            }
            if (reached.contains(focus))
                break;
            reached.append(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
        }
        QCOMPARE(reached.first(), static_cast<QWidget *>(filter));
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(filter)); // the chain comes round again

        QStringList names;
        for (QWidget *r : reached)
            names << (r->objectName().isEmpty() ? QString::fromLatin1(r->metaObject()->className()) : r->objectName());
        const QString order = names.join(u", "_s);
        QVERIFY2(reached.contains(w.fleetView()), qPrintable(order));
        for (const char *chip : {"chipRunning", "chipCrashLoop", "chipPending", "chipFailed", "chipBehindHead"})
            QVERIFY2(reached.contains(w.findChild<QToolButton *>(QLatin1String(chip))), qPrintable(order));
        QVERIFY2(reached.contains(w.findChild<QListView *>(u"errorGroups"_s)), qPrintable(order));
        bool detailsTabs = false;
        for (QWidget *r : reached)
            detailsTabs = detailsTabs || (qobject_cast<QTabBar *>(r) && w.details()->isAncestorOf(r));
        QVERIFY2(detailsTabs, qPrintable(order));
        // Every control Tab can stop at on the way is a visible, enabled one.
        for (QWidget *r : reached)
            QVERIFY2(r->isVisible() && r->isEnabled(), qPrintable(describe(r)));
    }

    void frequentActionsHaveTheirShortcuts_data()
    {
        // README, "Using the console".
        QTest::addColumn<QString>("keys");
        for (const char *keys : {"Ctrl+F", "F8", "Ctrl+L", "Ctrl+T", "Ctrl+R", "Ctrl+Shift+R", "Ctrl+W", "Ctrl+E",
                                 "Ctrl+U", "Ctrl+H", "Ctrl+Shift+K", "Ctrl+O"})
            QTest::newRow(keys) << QString::fromLatin1(keys);
    }

    void frequentActionsHaveTheirShortcuts()
    {
        QFETCH(QString, keys);
        MainWindow w;
        QList<QAction *> actions = w.findChildren<QAction *>();
        QAction *found = nullptr;
        for (QAction *a : actions) {
            if (a->shortcuts().contains(QKeySequence(keys))) {
                if (found)
                    QFAIL(qPrintable(u"%1 is taken by both \"%2\" and \"%3\""_s.arg(keys, found->text(), a->text())));
                found = a;
            }
        }
        QVERIFY2(found, qPrintable(u"no action of the main window has %1"_s.arg(keys)));
        QVERIFY(!found->text().remove(u'&').isEmpty());
    }

    void noShortcutIsTakenTwice()
    {
        EveryWindow all;
        all.build(false);
        QStringList clashes;
        for (QWidget *window : all.windows()) {
            QMap<QKeySequence, QString> seen;
            for (QAction *a : window->findChildren<QAction *>()) {
                if (a->shortcutContext() == Qt::WidgetShortcut)
                    continue;
                for (const QKeySequence &k : a->shortcuts()) {
                    const QString text = a->text().remove(u'&');
                    if (seen.contains(k) && seen.value(k) != text)
                        clashes << u"%1: %2 for \"%3\" and \"%4\""_s.arg(
                            QString::fromLatin1(window->metaObject()->className()), k.toString(), seen.value(k), text);
                    seen.insert(k, text);
                }
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
