// The terminal widget: libvterm's screen as drawn (colours, attributes,
// scrollback, selection), and a real shell in a pod of the sandbox's node
// runtime driven by keystrokes: a command's output read back from the screen,
// Ctrl+C, the new size after a resize, the message when the shell exits; in
// the details panel, the same shell found again after other tabs and students.
#include "../integration/kubetestkit.h"
#include "detailspanel.h"
#include "terminalwidget.h"
#include "../common/screenshots.h"

#include <QApplication>
#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

// How many pixels are close to the colour (text is antialiased, so "close").
int pixelsNear(const QImage &image, QColor colour, int tolerance = 40)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            if (std::abs(qRed(row[x]) - colour.red()) + std::abs(qGreen(row[x]) - colour.green()) +
                    std::abs(qBlue(row[x]) - colour.blue()) <
                tolerance)
                ++count;
        }
    }
    return count;
}

bool screenHasLine(const TerminalWidget &t, const QString &line)
{
    return t.screenLines().contains(line);
}

} // namespace

class TestTerminal : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    QString m_pod;
    QString m_otherPod;

    bool startSandbox()
    {
        if (!m_pod.isEmpty())
            return true;
        if (!m_sandbox.start(
                {u"--students"_s, u"2"_s, u"--runtime"_s, u"node"_s, u"--time-scale"_s, u"10"_s}))
            return false;
        m_admin = accessFor(m_sandbox.kubeconfig(), u"sandbox-admin"_s);
        kube::KubeClient client(m_admin);
        return eventually(
            [&] {
                const auto items =
                    json(get(client, u"/api/v1/namespaces/students/pods"_s))[u"items"_s].toArray();
                if (items.size() < 2)
                    return false;
                for (const QJsonValue &pod : items) {
                    if (!pod[u"status"_s][u"containerStatuses"_s][0][u"ready"_s].toBool())
                        return false;
                }
                m_pod = items.at(0)[u"metadata"_s][u"name"_s].toString();
                m_otherPod = items.at(1)[u"metadata"_s][u"name"_s].toString();
                return true;
            },
            60000);
    }

    // Types a line as a user would, key by key, then Enter.
    static void type(TerminalWidget &t, const QString &text)
    {
        QTest::keyClicks(&t, text);
        QTest::keyClick(&t, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setFont(QFont(u"DejaVu Sans"_s, 9)); }

    void drawsColoursAndAttributes()
    {
        TerminalWidget t;
        t.resize(640, 240);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        t.feed("plain \x1b[1;31mbold red\x1b[0m \x1b[4munderlined\x1b[0m \x1b[7mreversed\x1b[0m\r\n"
               "\x1b[42m green background \x1b[0m\r\n"
               "\x1b[38;2;0;120;255mtruecolour blue\x1b[0m\r\n");
        QCOMPARE(t.screenLines().at(0), u"plain bold red underlined reversed"_s);
        QCOMPARE(t.screenLines().at(1), u" green background"_s);
        const QImage image = t.viewport()->grab().toImage();
        QVERIFY(pixelsNear(image, QColor(205, 0, 0), 60) > 5);   // libvterm's palette red
        QVERIFY(pixelsNear(image, QColor(0, 205, 0), 60) > 200); // a filled green background
        QVERIFY(pixelsNear(image, QColor(0, 120, 255), 60) > 5);
        QVERIFY(t.grab().save(artifact(u"terminal-colours.png"_s)));

        // Lines that scroll off the top are kept, and selection copies them as text.
        for (int i = 0; i < 100; ++i)
            t.feed(QByteArray("scrolled line " + QByteArray::number(i) + "\r\n"));
        QVERIFY(t.scrollbackLines() > 50);
        QCOMPARE(t.verticalScrollBar()->value(), t.verticalScrollBar()->maximum());
        t.selectAll();
        const QString all = t.selectedText();
        QVERIFY(all.startsWith(u"plain bold red underlined reversed\n"_s));
        QVERIFY(all.contains(u"scrolled line 0\nscrolled line 1\n"_s));
        t.copy();
        QCOMPARE(QApplication::clipboard()->text(), all);
    }

    void typesIntoAShellInThePod()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QVERIFY(startSandbox());
        TerminalWidget t;
        t.resize(800, 400);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        t.setFocus();
        QSignalSpy started(&t, &TerminalWidget::sessionStarted);
        QSignalSpy ended(&t, &TerminalWidget::sessionEnded);
        t.open(m_admin, u"students"_s, m_pod);
        QVERIFY(started.wait(30000));
        QCOMPARE(started.constFirst().at(0).toString(), u"v5.channel.k8s.io"_s);

        // The shell's arithmetic, not the typed text: only the output reads hello-42.
        type(t, u"echo hello-$((6*7))"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(t, u"hello-42"_s), qPrintable(t.screenLines().join(u'|')),
                                  20000);

        // The pod's terminal has the widget's size, and learns a new one.
        type(t, u"stty size"_s);
        const QString size = QString::number(t.rows()) + u' ' + QString::number(t.columns());
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(t, size), 20000);
        t.resize(640, 300);
        QTRY_VERIFY(QString::number(t.rows()) + u' ' + QString::number(t.columns()) != size);
        const QString newSize = QString::number(t.rows()) + u' ' + QString::number(t.columns());
        QTest::qWait(200);
        type(t, u"clear; stty size"_s);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(t, newSize), 20000);

        // Ctrl+C interrupts a running command; the shell answers again.
        type(t, u"sleep 60"_s);
        QTest::qWait(300);
        QTest::keyClick(&t, Qt::Key_C, Qt::ControlModifier);
        // The shell's prompt again, after the ^C the terminal echoed.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QStringList lines = t.screenLines();
                lines.removeAll(QString());
                return lines.size() >= 2 &&
                       lines.last().trimmed().endsWith(u'#') + lines.last().trimmed().endsWith(u'$') &&
                       lines.at(lines.size() - 2).contains(u"^C"_s);
            }(),
            20000);
        type(t, u"echo after-$((1+1))"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(screenHasLine(t, u"after-2"_s), qPrintable(t.screenLines().join(u"|"_s)),
                                  20000);

        // Colours from a real program.
        type(t, u"printf '\\033[1;32mgreen-ok\\033[0m\\n'"_s);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(t, u"green-ok"_s), 20000);
        QVERIFY(pixelsNear(t.viewport()->grab().toImage(), QColor(0, 205, 0), 80) > 5);

        // Paste goes to the shell as typed text.
        t.paste(u"echo pasted-$((2+3))\n"_s);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(t, u"pasted-5"_s), 20000);
        QVERIFY(t.grab().save(artifact(u"terminal-shell.png"_s)));

        // The shell exits: the screen says so and how to go on.
        type(t, u"exit 3"_s);
        QVERIFY(ended.wait(20000));
        QVERIFY2(ended.constFirst().at(0).toString().contains(u"exited with code 3"_s),
                 qPrintable(ended.constFirst().at(0).toString()));
        QVERIFY(!t.isRunning());
        // (The message wraps at the terminal's width: compare without the breaks and spaces.)
        QTRY_VERIFY(t.screenLines().join(QString()).remove(u' ').contains(
            u"exitedwithcode3.PressEntertoopenanewone."_s));
        QVERIFY(t.grab().save(artifact(u"terminal-ended.png"_s)));
        // Enter opens a new shell.
        QTest::keyClick(&t, Qt::Key_Return);
        QVERIFY(started.wait(30000));
        type(t, u"echo again-$((3*3))"_s);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(t, u"again-9"_s), 20000);
        t.close();
    }

    void refusedSessionSaysWhy()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QVERIFY(startSandbox());
        TerminalWidget t;
        QSignalSpy ended(&t, &TerminalWidget::sessionEnded);
        t.open(accessFor(m_sandbox.kubeconfig(), u"sandbox-ta"_s), u"students"_s, m_pod);
        QVERIFY(ended.wait(30000));
        const QString message = ended.constFirst().at(0).toString();
        QVERIFY2(message.contains(u"403"_s) && message.contains(u"Press Enter to try again."_s),
                 qPrintable(message));
    }

    // Going to another tab or student and back finds the same shell: the
    // variable set before is still there, and no second session started.
    void panelKeepsTheShellAcrossTabsAndStudents()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QVERIFY(startSandbox());
        DetailsPanel panel;
        panel.resize(900, 480);
        panel.setTarget(m_admin, u"students"_s, m_pod, u"student-000001"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setCurrentTab(DetailsPanel::TerminalTab);
        TerminalWidget *shell = panel.terminal();
        QVERIFY(shell);
        QSignalSpy started(shell, &TerminalWidget::sessionStarted);
        QVERIFY(started.wait(30000));
        type(*shell, u"KEPT=$((20+22)); echo set-$KEPT"_s);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(*shell, u"set-42"_s), 20000);

        // Another tab and back.
        panel.setCurrentTab(DetailsPanel::EventsTab);
        QVERIFY(shell->isRunning());
        panel.setCurrentTab(DetailsPanel::TerminalTab);
        QCOMPARE(panel.terminal(), shell);

        // Another student, who gets a shell of their own, and back.
        panel.setTarget(m_admin, u"students"_s, m_otherPod, u"student-000002"_s);
        TerminalWidget *other = panel.terminal();
        QVERIFY(other && other != shell);
        QSignalSpy otherStarted(other, &TerminalWidget::sessionStarted);
        QVERIFY(otherStarted.wait(30000));
        QVERIFY(shell->isRunning());
        QCOMPARE(panel.keptShells(), 2);
        panel.setTarget(m_admin, u"students"_s, m_pod, u"student-000001"_s);
        QCOMPARE(panel.terminal(), shell);
        QVERIFY(shell->isVisible());
        type(*shell, u"echo still-$KEPT"_s);
        QTRY_VERIFY_WITH_TIMEOUT(screenHasLine(*shell, u"still-42"_s), 20000);
        QCOMPARE(started.size(), 1); // the same session all along
        QVERIFY(panel.grab().save(artifact(u"terminal-kept.png"_s)));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_MAIN(TestTerminal)
#include "tst_terminal.moc"
