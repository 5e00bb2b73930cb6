// The details panel against the sandbox's node runtime: the events of a
// crash-looping student (BackOff, as kubectl describe shows) arriving by
// watch, also across a dropped connection, the Deployment
// and Pod as YAML in the API's field order, and streams open only for the
// tab in view (shells excepted: they are kept).
#include "../common/tcpproxy.h"
#include "../integration/fakeapiserver.h"
#include "../integration/kubetestkit.h"
#include "detailspanel.h"
#include "eventsview.h"
#include "logmodel.h"
#include "logview.h"
#include "terminalwidget.h"
#include "yamlview.h"
#include "../common/screenshots.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

// A core/v1 Event about Deployment ns/d, as the API server writes it.
QByteArray fakeEvent(const QString &uid, const QString &reason, int count, int rv)
{
    return uR"({"kind":"Event","apiVersion":"v1","metadata":{"name":"d.%1","namespace":"ns","uid":"%1",)"
           uR"("resourceVersion":"%4"},"involvedObject":{"kind":"Deployment","name":"d","namespace":"ns"},)"
           uR"("reason":"%2","message":"%2 happened","type":"Normal","count":%3,)"
           uR"("firstTimestamp":"2026-01-01T00:00:00Z","lastTimestamp":"2026-01-01T00:00:0%3Z","source":{"component":"test"}})"_s
        .arg(uid, reason)
        .arg(count)
        .arg(rv)
        .toUtf8();
}

QByteArray watchLine(const char *type, const QByteArray &object)
{
    return "{\"type\":\"" + QByteArray(type) + "\",\"object\":" + object + "}\n";
}

} // namespace

class TestDetailsPanel : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    std::shared_ptr<kube::ClusterAccess> m_admin;
    QString m_healthyPod;
    QString m_crashingPod;

    QString podOf(kube::KubeClient &client, const QString &login)
    {
        QUrlQuery q;
        q.addQueryItem(u"labelSelector"_s, u"courseops.io/student="_s + login);
        return json(get(client, u"/api/v1/namespaces/students/pods"_s,
                        q))[u"items"_s][0][u"metadata"_s][u"name"_s]
            .toString();
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setFont(QFont(u"DejaVu Sans"_s, 9)); }

    void yamlKeepsTheApiOrderAndTypes()
    {
        QString error;
        const QString yaml = YamlView::jsonToYaml(
            R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"a","managedFields":[{"manager":"x"}],)"
            R"("labels":{"courseops.io/student":"a","version":"1.10","flag":"true","empty":""}},)"
            R"("spec":{"containers":[{"name":"app","args":["--port","3000"],"ports":[{"containerPort":3000}]}],)"
            R"("nodeSelector":{},"tolerations":[],"enableServiceLinks":true,"priority":null},)"
            R"("status":{"message":"line one\nline two","log":"first\nsecond\n","note":"key: value"}})",
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString expected = uR"(kind: Pod
apiVersion: v1
metadata:
  name: a
  labels:
    courseops.io/student: a
    version: '1.10'
    flag: 'true'
    empty: ''
spec:
  containers:
    - name: app
      args:
        - --port
        - '3000'
      ports:
        - containerPort: 3000
  nodeSelector: {}
  tolerations: []
  enableServiceLinks: true
  priority: null
status:
  message: "line one\nline two"
  log: |
    first
    second
  note: 'key: value'
)"_s;
        QVERIFY2(yaml == expected, qPrintable(yaml));
        QVERIFY(YamlView::jsonToYaml("{not json", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    // The events tab lists once and then watches: a watch the server ends is
    // resumed from the last resourceVersion (no list), 410 Gone lists again,
    // and nothing is read on a timer.
    void eventsWatchResumesAndRelistsOnlyWhenGone()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        int lists = 0;
        QStringList watchedFrom; // resourceVersion of each watch
        QPointer<QTcpSocket> open;
        server.setHandler([&](const FakeApiServer::Request &r, QTcpSocket *s) {
            QCOMPARE(r.query.queryItemValue(u"fieldSelector"_s),
                     u"involvedObject.kind=Deployment,involvedObject.name=d,involvedObject.namespace=ns"_s);
            if (!r.query.hasQueryItem(u"watch"_s)) {
                ++lists;
                QByteArray items = fakeEvent(u"e1"_s, u"ScalingReplicaSet"_s, 1, 5);
                if (lists > 1)
                    items += ',' + fakeEvent(u"e2"_s, u"Relisted"_s, 1, 18);
                FakeApiServer::reply(s, 200, R"({"kind":"EventList","apiVersion":"v1","metadata":{"resourceVersion":")" +
                                                 QByteArray::number(lists * 10) + R"("},"items":[)" + items + "]}");
                return;
            }
            watchedFrom << r.query.queryItemValue(u"resourceVersion"_s);
            FakeApiServer::beginStream(s);
            if (watchedFrom.size() == 1) { // the list's version is too old by now
                FakeApiServer::streamChunk(
                    s, R"j({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure",)j"
                       R"j("message":"too old resource version: 10 (15)","reason":"Expired","code":410}})j"
                       "\n");
                FakeApiServer::endStream(s);
            } else if (watchedFrom.size() == 2) { // one event, then the server's timeout ends the watch
                FakeApiServer::streamChunk(s, watchLine("ADDED", fakeEvent(u"e3"_s, u"Watched"_s, 1, 21)));
                FakeApiServer::endStream(s);
            } else {
                FakeApiServer::streamChunk(s, watchLine("MODIFIED", fakeEvent(u"e1"_s, u"ScalingReplicaSet"_s, 2, 22)));
                open = s; // stays open
            }
        });
        EventsView view;
        view.setTarget(accessFor(writeKubeconfig(m_dir.filePath(u"fake-events.yaml"_s), server.url(), {},
                                                 tokenUser(u"t"_s))),
                       u"ns"_s, QString(), u"d"_s);
        view.start();
        auto countOf = [&](const QString &reason) {
            for (const EventRow &e : view.events()) {
                if (e.reason == reason)
                    return e.count;
            }
            return 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(countOf(u"ScalingReplicaSet"_s) == 2, 20000);
        QCOMPARE(countOf(u"Relisted"_s), 1);
        QCOMPARE(countOf(u"Watched"_s), 1);
        QCOMPARE(view.events().size(), 3);
        QCOMPARE(lists, 2);                                        // the first list, and one after 410 Gone
        QCOMPARE(watchedFrom, (QStringList{u"10"_s, u"20"_s, u"21"_s})); // resumed where the last watch ended
        QVERIFY(open);
        view.stop();
        QTRY_VERIFY(!open || open->state() != QAbstractSocket::ConnectedState); // stop() lets go of the watch
    }

    void startSandbox()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
            QSKIP("node is not on PATH: the node runtime runs real node processes");
        QFile scenario(m_dir.filePath(u"scenario.yaml"_s));
        QVERIFY(scenario.open(QIODevice::WriteOnly));
        scenario.write("student-000002: crash\n");
        scenario.close();
        QVERIFY(m_sandbox.start({u"--students"_s, u"2"_s, u"--runtime"_s, u"node"_s, u"--time-scale"_s,
                                 u"10"_s, u"--scenario"_s, scenario.fileName()}));
        m_admin = accessFor(m_sandbox.kubeconfig(), u"sandbox-admin"_s);
        kube::KubeClient client(m_admin);
        QVERIFY(eventually(
            [&] {
                m_healthyPod = podOf(client, u"student-000001"_s);
                m_crashingPod = podOf(client, u"student-000002"_s);
                return !m_healthyPod.isEmpty() && !m_crashingPod.isEmpty();
            },
            60000));
    }

    void crashLoopingStudentShowsBackOff()
    {
        if (!m_admin)
            QSKIP("no sandbox");
        DetailsPanel panel;
        panel.resize(1000, 420);
        panel.setCurrentTab(DetailsPanel::EventsTab);
        panel.setTarget(m_admin, u"students"_s, m_crashingPod, u"student-000002"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.eventsView()->isActive());
        QVERIFY(!panel.logView()->isStreaming());
        QTreeWidget *tree = panel.eventsView()->tree();
        auto shows = [&](const QString &reason) {
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                if (tree->topLevelItem(i)->text(EventsView::Reason) == reason)
                    return tree->topLevelItem(i);
            }
            return static_cast<QTreeWidgetItem *>(nullptr);
        };
        QTRY_VERIFY_WITH_TIMEOUT(shows(u"BackOff"_s) != nullptr, 90000);
        QTreeWidgetItem *backOff = shows(u"BackOff"_s);
        QCOMPARE(backOff->text(EventsView::Type), u"Warning"_s);
        QCOMPARE(backOff->text(EventsView::Object), u"pod/"_s + m_crashingPod);
        QVERIFY2(backOff->text(EventsView::Message).contains(u"Back-off restarting failed container app"_s),
                 qPrintable(backOff->text(EventsView::Message)));
        // The Deployment's and ReplicaSet's own events are there too.
        bool deployment = false;
        bool replicaSet = false;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            deployment |= tree->topLevelItem(i)->text(EventsView::Object).startsWith(u"deployment/"_s);
            replicaSet |= tree->topLevelItem(i)->text(EventsView::Object).startsWith(u"replicaset/"_s);
        }
        QVERIFY(deployment);
        QVERIFY(replicaSet);
        // Newest first.
        const QList<EventRow> &events = panel.eventsView()->events();
        for (qsizetype i = 1; i < events.size(); ++i)
            QVERIFY(events.at(i - 1).last >= events.at(i).last);
        QTest::qWait(200);
        QVERIFY(panel.grab().save(artifact(u"details-events.png"_s)));

        // The previous container's log says why it crashed.
        panel.setCurrentTab(DetailsPanel::LogsTab);
        QVERIFY(!panel.eventsView()->isActive());
        panel.logView()->setShowPrevious(true);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.logView()->model()->search(u"SyntaxError"_s).isEmpty(), 30000);
        QVERIFY(panel.grab().save(artifact(u"details-previous-log.png"_s)));
    }

    // New events arrive by the watch, and a watch cut by the network resumes
    // from where it was: the event made while it was down comes, nothing twice.
    void eventsArriveByWatchAcrossADrop()
    {
        if (!m_admin)
            QSKIP("no sandbox");
        const Cluster cluster = clusterOf(m_sandbox);
        TcpProxy proxy(quint16(cluster.server.port()));
        QVERIFY(proxy.listen());
        const QString kubeconfig =
            writeKubeconfig(m_dir.filePath(u"via-proxy.yaml"_s), QUrl(u"https://127.0.0.1:%1"_s.arg(proxy.port())),
                            cluster.caPem, tokenUser(cluster.adminToken));
        EventsView view;
        view.resize(1000, 300);
        view.setTarget(accessFor(kubeconfig), u"students"_s, m_crashingPod, u"student-000002"_s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.start();
        QTRY_VERIFY_WITH_TIMEOUT(!view.events().isEmpty(), 30000);
        QVERIFY2(view.statusText().contains(u"watched live"_s), qPrintable(view.statusText()));

        kube::KubeClient client(m_admin);
        auto post = [&](const QString &name, const QString &message) {
            const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            const QJsonObject event{
                {u"metadata"_s, QJsonObject{{u"name"_s, name}}},
                {u"involvedObject"_s, QJsonObject{{u"kind"_s, u"Pod"_s}, {u"name"_s, m_crashingPod},
                                                  {u"namespace"_s, u"students"_s}, {u"apiVersion"_s, u"v1"_s}}},
                {u"type"_s, u"Normal"_s}, {u"reason"_s, u"TeachingNote"_s}, {u"message"_s, message},
                {u"source"_s, QJsonObject{{u"component"_s, u"tst_detailspanel"_s}}},
                {u"firstTimestamp"_s, now}, {u"lastTimestamp"_s, now}, {u"count"_s, 1}};
            return send(client, "POST", u"/api/v1/namespaces/students/events"_s,
                        QJsonDocument(event).toJson(QJsonDocument::Compact))
                .ok();
        };
        auto shown = [&](const QString &message) {
            int n = 0;
            for (int i = 0; i < view.tree()->topLevelItemCount(); ++i)
                n += view.tree()->topLevelItem(i)->text(EventsView::Message) == message;
            return n;
        };
        QVERIFY(post(u"note-1"_s, u"A first note"_s));
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"A first note"_s), 1, 20000);

        QVERIFY(proxy.open() > 0); // the watches
        proxy.dropAll();
        QVERIFY(post(u"note-2"_s, u"A second note, made while the watch was cut"_s));
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"A second note, made while the watch was cut"_s), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(proxy.open() > 0, 20000); // watching again
        QCOMPARE(shown(u"A first note"_s), 1);
        QTRY_VERIFY_WITH_TIMEOUT(view.statusText().contains(u"watched live"_s), 20000);
        QVERIFY(view.grab().save(artifact(u"details-events-watched.png"_s)));
        view.stop();
        QVERIFY(!view.isActive());
    }

    void tabsOpenStreamsOnlyWhileShown()
    {
        if (!m_admin)
            QSKIP("no sandbox");
        DetailsPanel panel;
        panel.resize(1000, 520);
        panel.setTarget(m_admin, u"students"_s, m_healthyPod, u"student-000001"_s);
        // Not shown: nothing open.
        QVERIFY(!panel.logView()->isStreaming());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.currentTab(), DetailsPanel::LogsTab);
        QVERIFY(panel.logView()->isStreaming());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.logView()->model()->search(u"Listening on port"_s).isEmpty(), 30000);

        // YAML: the Deployment and the Pod, fields in the API's order.
        QSignalSpy loaded(panel.yamlView(), &YamlView::loaded);
        panel.setCurrentTab(DetailsPanel::YamlTab);
        QVERIFY(!panel.logView()->isStreaming());
        QVERIFY(loaded.wait(20000));
        const QString yaml = panel.yamlView()->text();
        QVERIFY2(yaml.startsWith(u"# Deployment students/student-000001\n"_s), qPrintable(yaml.left(200)));
        QVERIFY(yaml.contains(u"\n---\n# Pod students/"_s + m_healthyPod + u'\n'));
        QVERIFY(yaml.contains(u"kind: Deployment\n"_s));
        QVERIFY(yaml.contains(u"\nmetadata:\n"_s));
        QVERIFY(yaml.contains(u"\n  name: student-000001\n"_s));
        QVERIFY(yaml.indexOf(u"apiVersion: apps/v1"_s) < yaml.indexOf(u"kind: Deployment"_s) ||
                yaml.indexOf(u"kind: Deployment"_s) < yaml.indexOf(u"apiVersion: apps/v1"_s));
        QVERIFY(yaml.contains(u"courseops.io/student: student-000001"_s));
        QVERIFY(!yaml.contains(u"managedFields"_s));
        QVERIFY(panel.yamlView()->editor()->isReadOnly());
        QVERIFY(panel.grab().save(artifact(u"details-yaml.png"_s)));

        // Terminal: a shell once the tab is shown, kept while another tab is.
        QCOMPARE(panel.terminal(), nullptr);
        panel.setCurrentTab(DetailsPanel::TerminalTab);
        TerminalWidget *terminal = panel.terminal();
        QVERIFY(terminal->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] { // the shell's prompt ("# " as root, "$ " otherwise)
                QStringList lines = terminal->screenLines();
                lines.removeAll(QString());
                return !lines.isEmpty() && (lines.last().endsWith(u'#') || lines.last().endsWith(u'$'));
            }(),
            30000);
        QTest::keyClicks(terminal, u"echo tab-$((40+2))"_s);
        QTest::keyClick(terminal, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(terminal->screenLines().contains(u"tab-42"_s), 20000);
        QVERIFY(panel.grab().save(artifact(u"details-terminal.png"_s)));
        panel.setCurrentTab(DetailsPanel::LogsTab);
        QVERIFY(terminal->isRunning());
        QCOMPARE(panel.keptShells(), 1);
        QVERIFY(panel.logView()->isStreaming());
        QVERIFY(panel.grab().save(artifact(u"details-logs.png"_s)));

        // Hiding the panel closes the stream; showing it opens it again.
        panel.hide();
        QVERIFY(!panel.logView()->isStreaming());
        panel.show();
        QVERIFY(panel.logView()->isStreaming());

        // Another student: the old streams go, the new one's open.
        panel.setTarget(m_admin, u"students"_s, m_crashingPod, u"student-000002"_s);
        QVERIFY(panel.logView()->isStreaming() ||
                panel.logView()->streamState() == LogView::StreamState::Ended);
        QVERIFY(panel.logView()->model()->search(u"Listening on port"_s).isEmpty());
        panel.setTarget(m_admin, u"students"_s, QString(), u"student-000002"_s);
        QVERIFY(!panel.tabs()->isTabEnabled(DetailsPanel::LogsTab));
        QVERIFY(!panel.tabs()->isTabEnabled(DetailsPanel::TerminalTab));
        QCOMPARE(panel.terminal(), nullptr);
        QVERIFY(terminal->isRunning()); // the first student's shell, kept
        // Other credentials: the shells opened with the old ones close.
        panel.setTarget(accessFor(m_sandbox.kubeconfig(), u"sandbox-ta"_s), u"students"_s, m_healthyPod,
                        u"student-000001"_s);
        QCOMPARE(panel.terminal(), nullptr);
        QCOMPARE(panel.keptShells(), 0);
    }

    void cleanupTestCase() { m_sandbox.stop(); }
};

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
