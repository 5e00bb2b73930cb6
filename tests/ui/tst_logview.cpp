// The log model and viewer: the model's contract (QAbstractItemModelTester),
// its bound, timestamps and search; the viewer following a live app in the
// sandbox's node runtime, search highlights as drawn, follow that stops when
// the user scrolls up, save.
#include "../integration/kubetestkit.h"
#include "logmodel.h"
#include "logview.h"
#include "../common/screenshots.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

QList<kube::LogLine> lines(int from, int count, const QString &prefix = u"line"_s)
{
    QList<kube::LogLine> out;
    for (int i = from; i < from + count; ++i) {
        kube::LogLine l;
        l.timeNs = 1'790'000'000'000'000'000LL + qint64(i) * 1000;
        l.text = prefix + u' ' + QString::number(i);
        out.append(l);
    }
    return out;
}

// Whether the image holds a pixel of this colour (search highlights are drawn in fixed colours).
bool hasColour(const QImage &image, QColor colour)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            if (qRed(row[x]) == colour.red() && qGreen(row[x]) == colour.green() &&
                qBlue(row[x]) == colour.blue())
                return true;
        }
    }
    return false;
}

// Whether the model's row is inside the list's viewport.
bool rowVisible(QListView *list, int row)
{
    const QRect r = list->visualRect(list->model()->index(row, 0));
    return r.isValid() && list->viewport()->rect().intersects(r);
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    QString m_pod;

    // Requests the app through the sandbox's subdomain router, as a visitor
    // would; the app logs each request ("GET /path").
    bool request(const QString &path)
    {
        QNetworkAccessManager nam;
        QNetworkRequest r{QUrl(m_sandbox.router() + path)};
        r.setRawHeader("Host", "student-000001.apps.courseops.test");
        QNetworkReply *reply = nam.get(r);
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok =
            done.wait(20000) && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
        reply->deleteLater();
        return ok;
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setFont(QFont(u"DejaVu Sans"_s, 9)); }

    void modelPassesTester()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxLines(1000);
        model.append(lines(0, 600));
        QCOMPARE(model.rowCount(), 600);
        model.append(lines(600, 600)); // 200 of the oldest go
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.droppedLines(), 200);
        QCOMPARE(model.index(0).data().toString(), u"line 200"_s);
        QCOMPARE(model.index(999).data().toString(), u"line 1199"_s);
        // A batch larger than the bound keeps its newest lines only.
        model.append(lines(2000, 2500));
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(0).data().toString(), u"line 3500"_s);
        QCOMPARE(model.droppedLines(), 200 + 1000 + 1500);
        model.setShowTimestamps(true);
        QVERIFY(model.index(0).data().toString().endsWith(u"Z line 3500"_s));
        QCOMPARE(model.index(0).data(LogModel::TextRole).toString(), u"line 3500"_s);
        model.setMaxLines(10);
        QCOMPARE(model.rowCount(), 10);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedLines(), 0);
    }

    void modelParsesTimestampsAndSearches()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendText("2026-11-26T01:02:03.123456789Z Server listening on port 3000\n"
                         "2026-11-26T01:02:04.000000001Z GET /api/notes 200\r\n"
                         "not a timestamp here\n"
                         "2026-11-26T01:02:05.5Z Error: Cannot find module 'express'\n"
                         "ünïcödé and ERROR in capitals",
                         true);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.lineText(0), u"Server listening on port 3000"_s);
        QCOMPARE(model.lineText(1), u"GET /api/notes 200"_s);
        QCOMPARE(model.lineTime(2), 0);
        QCOMPARE(model.lineText(2), u"not a timestamp here"_s);
        QCOMPARE(LogModel::formatTimestamp(model.lineTime(0)), u"2026-11-26T01:02:03.123456789Z"_s);
        QCOMPARE(LogModel::formatTimestamp(model.lineTime(3)), u"2026-11-26T01:02:05.500000000Z"_s);
        QCOMPARE(model.lineText(4), u"ünïcödé and ERROR in capitals"_s);
        QCOMPARE(model.search(u"error"_s), (QList<int>{3, 4}));
        QCOMPARE(model.search(u"error"_s, Qt::CaseSensitive), QList<int>());
        QCOMPARE(model.search(u"Error"_s, Qt::CaseSensitive), (QList<int>{3}));
        QCOMPARE(model.search(u"ünïcödé"_s), (QList<int>{4}));
        QCOMPARE(model.search(u"e"_s, Qt::CaseInsensitive, 2), (QList<int>{2, 3, 4}));
        QCOMPARE(model.search(u"3000\nGET"_s), QList<int>()); // never across lines
        QCOMPARE(model.search(u"port 3000"_s), (QList<int>{0}));
        // Lines longer than the vector width, matches at both ends.
        const QString longLine = u"needle"_s + QString(200, u'x') + u"NEEDLE"_s;
        model.appendText(longLine.toUtf8(), false);
        QCOMPARE(model.search(u"needle"_s), (QList<int>{5}));
        QCOMPARE(model.search(u"xNEEDLE"_s, Qt::CaseSensitive), (QList<int>{5}));
        // The same answers as the simple way, on many lines of mixed case.
        LogModel big;
        QStringList reference;
        QList<kube::LogLine> batch;
        for (int i = 0; i < 20000; ++i) {
            kube::LogLine l;
            l.text = (i % 7 == 0 ? u"Warn"_s : u"info"_s) + u" request "_s + QString::number(i) +
                     (i % 13 == 0 ? u" TIMEOUT"_s : QString());
            reference << l.text;
            batch << l;
        }
        big.append(batch);
        for (const QString &needle : {u"timeout"_s, u"warn request 7"_s, u"1234"_s, u"q"_s, u"nothing"_s}) {
            QList<int> expected;
            for (int i = 0; i < reference.size(); ++i) {
                if (reference.at(i).contains(needle, Qt::CaseInsensitive))
                    expected << i;
            }
            QCOMPARE(big.search(needle), expected);
        }
    }

    void followStopsWhenScrolledUpAndResumes()
    {
        LogView view;
        view.resize(700, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.model()->append(lines(0, 500));
        QListView *list = view.listView();
        QTRY_VERIFY(rowVisible(list, 499));
        QVERIFY(view.isFollowing());
        // The user drags the scroll bar to the top: following stops.
        list->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
        QVERIFY(!view.isFollowing());
        QVERIFY(!view.findChild<QToolButton *>(u"followButton"_s)->isChecked());
        view.model()->append(lines(500, 100));
        QTest::qWait(50);
        QVERIFY(rowVisible(list, 0));
        QVERIFY(!rowVisible(list, 599));
        // Follow again: the newest line is in view, and stays there as lines come.
        view.findChild<QToolButton *>(u"followButton"_s)->click();
        QVERIFY(view.isFollowing());
        view.model()->append(lines(600, 10));
        QTRY_VERIFY(rowVisible(list, 609));
        // Pause holds lines back and says so; resuming shows them.
        view.setPaused(true);
        QVERIFY(view.statusText().contains(u"paused"_s));
    }

    void boundAndSave()
    {
        LogView view;
        view.setMaxLines(100);
        view.model()->append(lines(0, 250));
        QCOMPARE(view.model()->rowCount(), 100);
        QTRY_VERIFY(view.statusText().startsWith(u"100 lines held (at most 100), 150 dropped"_s));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"app.log"_s);
        QString error;
        QVERIFY2(view.saveTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> saved = f.readAll().split('\n');
        QCOMPARE(saved.size(), 101); // 100 lines and the empty piece after the last newline
        QCOMPARE(saved.first(), QByteArray("line 150"));
        QCOMPARE(saved.at(99), QByteArray("line 249"));
        QVERIFY(!view.saveTo(dir.filePath(u"missing/dir/app.log"_s), &error));
        QVERIFY2(error.contains(u"Could not save the log"_s) && error.contains(u"Choose a folder"_s),
                 qPrintable(error));
    }

    void followsALiveApp()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QVERIFY(m_sandbox.start(
            {u"--students"_s, u"1"_s, u"--runtime"_s, u"node"_s, u"--time-scale"_s, u"10"_s}));
        m_admin = accessFor(m_sandbox.kubeconfig(), u"sandbox-admin"_s);
        kube::KubeClient client(m_admin);
        QVERIFY(eventually(
            [&] {
                const auto items =
                    json(get(client, u"/api/v1/namespaces/students/pods"_s))[u"items"_s].toArray();
                if (items.isEmpty() ||
                    !items.first()[u"status"_s][u"containerStatuses"_s][0][u"ready"_s].toBool())
                    return false;
                m_pod = items.first()[u"metadata"_s][u"name"_s].toString();
                return true;
            },
            60000));

        LogView view;
        view.resize(900, 420);
        view.setSource(m_admin, u"students"_s, m_pod);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.start();
        // What the app printed when it started.
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->search(u"Listening on port"_s).isEmpty(), 30000);
        QTRY_COMPARE(view.streamState(), LogView::StreamState::Following);
        QVERIFY2(view.statusText().contains(u"following"_s), qPrintable(view.statusText()));

        // A visitor requests the app while the view follows: the app's log line arrives and is in view.
        QVERIFY(request(u"/from-the-test"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!view.model()->search(u"GET /from-the-test"_s).isEmpty(), 30000);
        const int row = view.model()->search(u"GET /from-the-test"_s).constFirst();
        QCOMPARE(view.model()->lineText(row), u"GET /from-the-test"_s);
        QVERIFY(view.model()->lineTime(row) > 0);
        QTRY_VERIFY(rowVisible(view.listView(), view.model()->rowCount() - 1));

        // Search: both lines found, the matches drawn highlighted.
        view.setSearchText(u"port"_s);
        QCOMPARE(view.matchRows().size(), 1);
        QVERIFY(view.findChild<QLabel *>(u"matchLabel"_s)->text() == u"1 of 1"_s);
        view.setShowTimestamps(true);
        QTest::qWait(100);
        QVERIFY(hasColour(view.listView()->viewport()->grab().toImage(), QColor(255, 150, 50)));
        // The status line counts what is held (the app keeps logging its probes, so not an exact number).
        QTRY_VERIFY2(view.statusText().section(u' ', 0, 0).toInt() >= 2 &&
                         view.statusText().contains(u" lines held"_s),
                     qPrintable(view.statusText()));
        QVERIFY(view.grab().save(artifact(u"logview-following.png"_s)));

        // A new matching line extends the matches as it arrives.
        QVERIFY(request(u"/another/port"_s));
        QTRY_COMPARE_WITH_TIMEOUT(view.matchRows().size(), 2, 30000);
        // The search started at the newest match then; F3 steps to the next one, Shift+F3 back.
        QCOMPARE(view.currentMatchRow(), view.matchRows().at(0));
        QTest::keyClick(view.listView(), Qt::Key_F3);
        QCOMPARE(view.currentMatchRow(), view.matchRows().at(1));
        QCOMPARE(view.findChild<QLabel *>(u"matchLabel"_s)->text(), u"2 of 2"_s);
        QTest::keyClick(view.listView(), Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(view.currentMatchRow(), view.matchRows().at(0));
        QVERIFY(!view.isFollowing()); // looking at a match keeps it in view
        QVERIFY(rowVisible(view.listView(), view.matchRows().at(0)));

        view.stop();
        QVERIFY(!view.isStreaming());
        QVERIFY2(view.statusText().contains(u"not streaming"_s), qPrintable(view.statusText()));
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
