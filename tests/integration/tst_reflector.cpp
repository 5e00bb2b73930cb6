// Reflectors against the sandbox and against a scripted server: the first
// sync, changes as they happen, and every way a watch ends (server timeout,
// dropped stream, 410 Gone, an expired continue token, 429, a garbled or
// truncated event). Each test compares what the reflector (and a consumer of
// its deltas) holds with what the server holds, object by object.
#include "fakeapiserver.h"
#include "kubetestkit.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace kubetest;
using kube::DeltaType;

namespace {

const QString kPods = u"/api/v1/pods"_s;
const QString kDeployments = u"/apis/apps/v1/deployments"_s;
const QString kServices = u"/api/v1/services"_s;

QByteArray fakePod(const char *name, const char *uid, int rv)
{
    return QByteArray(R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":")") + name +
           R"(","namespace":"students","uid":")" + uid + R"(","resourceVersion":")" + QByteArray::number(rv) +
           R"(","labels":{"courseops.io/student":")" + name + R"("}},"status":{"phase":"Running"}})";
}

QByteArray fakeList(const QList<QByteArray> &items, int rv)
{
    return R"({"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":")" + QByteArray::number(rv) +
           R"("},"items":[)" + items.join(',') + "]}";
}

QByteArray watchLine(const char *type, const QByteArray &object)
{
    return QByteArray(R"({"type":")") + type + R"(","object":)" + object + "}\n";
}

const char kUidA[] = "00000000-0000-4000-8000-00000000000a";
const char kUidB[] = "00000000-0000-4000-8000-00000000000b";
const char kUidC[] = "00000000-0000-4000-8000-00000000000c";
const char kUidD[] = "00000000-0000-4000-8000-00000000000d";

} // namespace

class TestReflector : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_access;
    std::unique_ptr<kube::KubeClient> m_client;

    std::shared_ptr<kube::ClusterAccess> fakeAccess(const FakeApiServer &server)
    {
        const QString path = m_sandbox.dir() + u"/fake-kubeconfig"_s;
        writeKubeconfig(path, server.url(), {}, tokenUser(u"fake-token"_s));
        return accessFor(path);
    }

    // Waits until the server refuses a watch from `rv` with 410: its history has been compacted past it.
    static bool historyCompactedPast(kube::KubeClient &client, const QString &path, const QString &rv)
    {
        QUrlQuery q;
        q.addQueryItem(u"watch"_s, u"1"_s);
        q.addQueryItem(u"resourceVersion"_s, rv);
        q.addQueryItem(u"timeoutSeconds"_s, u"1"_s);
        kube::ApiRequest r;
        r.path = path;
        r.query = q;
        QByteArray body;
        bool ended = false;
        kube::KubeStream *stream = client.openStream(r);
        QObject::connect(stream, &kube::KubeStream::data, stream, [&](const QByteArray &b) {
            body += b;
            if (body.contains("\"ERROR\""))
                stream->abort(), ended = true;
        });
        QObject::connect(stream, &kube::KubeStream::finished, stream, [&] { ended = true; });
        QElapsedTimer waited;
        waited.start();
        while (!ended && waited.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        delete stream;
        return body.contains("\"code\":410");
    }

    // Waits until `mine` (what a reflector or a consumer holds) is what the server holds.
    static bool matchesServer(const std::function<Identities()> &mine, kube::KubeClient &client,
                              const QString &path, int timeoutMs)
    {
        QString why;
        const bool same = eventually(
            [&] {
                why = firstDifference(mine(), serverIdentities(client, path));
                return why.isEmpty();
            },
            timeoutMs);
        if (!same)
            qWarning().noquote() << path << "differs:" << why;
        return same;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start(
            {u"--students"_s, u"30"_s, u"--runtime"_s, u"simulated"_s, u"--time-scale"_s, u"20"_s}));
        m_access = accessFor(m_sandbox.kubeconfig());
        QVERIFY(m_access);
        m_client = std::make_unique<kube::KubeClient>(m_access);
        // Every pod running and ready: the tests start from a settled course.
        QVERIFY(eventually(
            [&] {
                const auto items = json(get(*m_client, kPods))[u"items"_s].toArray();
                if (items.size() != 30)
                    return false;
                for (const QJsonValue &p : items) {
                    if (!p[u"status"_s][u"containerStatuses"_s][0][u"ready"_s].toBool())
                        return false;
                }
                return true;
            },
            30000));
    }

    // A paged first list, then the deltas a consumer gets add up to the server's state.
    void initialSyncMatchesServer()
    {
        kube::ReflectorOptions o;
        o.pageSize = 7; // 30 objects: five pages
        kube::PodReflector pods(m_access, o);
        kube::DeploymentReflector deployments(m_access, o);
        kube::ServiceReflector services(m_access, o);
        Mirror<kube::PodInfo> podMirror;
        Mirror<kube::DeploymentInfo> deploymentMirror;
        Mirror<kube::ServiceInfo> serviceMirror;
        connect(&pods, &kube::PodReflector::deltas, this,
                [&](const kube::PodDeltas &b) { podMirror.apply(b); });
        connect(&deployments, &kube::DeploymentReflector::deltas, this,
                [&](const kube::DeploymentDeltas &b) { deploymentMirror.apply(b); });
        connect(&services, &kube::ServiceReflector::deltas, this,
                [&](const kube::ServiceDeltas &b) { serviceMirror.apply(b); });
        QSignalSpy synced(&pods, &kube::Reflector::synced);
        pods.start();
        deployments.start();
        services.start();
        QVERIFY(synced.wait(10000));
        QTRY_VERIFY(deployments.isSynced() && services.isSynced());
        QTRY_COMPARE(podMirror.objects.size(), 30);
        QCOMPARE(pods.stats().pages, 5u);
        QCOMPARE(pods.stats().lists, 1u);

        QVERIFY(matchesServer([&] { return identitiesOf(podMirror.objects); }, *m_client, kPods, 10000));
        QCOMPARE(identitiesOf(pods.snapshot()), identitiesOf(podMirror.objects));
        QVERIFY(matchesServer([&] { return identitiesOf(deploymentMirror.objects); }, *m_client, kDeployments,
                              5000));
        QVERIFY(
            matchesServer([&] { return identitiesOf(serviceMirror.objects); }, *m_client, kServices, 5000));
        QCOMPARE(podMirror.violations + deploymentMirror.violations + serviceMirror.violations, 0);

        // What a person sees: the student label and the kubectl status of a settled pod.
        const kube::PodInfo &any = podMirror.objects.begin().value();
        QVERIFY(any.label(u"courseops.io/student").startsWith(u"student-"));
        const QString ip = serviceMirror.objects.value(u"students/student-000001"_s).clusterIP;
        QVERIFY2(ip.startsWith(u"10.9"_s), qPrintable(ip));
    }

    // Changes reach the consumer: a patch, a delete, a controller replacing a pod.
    void watchDeliversChanges()
    {
        kube::PodReflector pods(m_access);
        kube::DeploymentReflector deployments(m_access);
        Mirror<kube::PodInfo> podMirror;
        Mirror<kube::DeploymentInfo> deploymentMirror;
        connect(&pods, &kube::PodReflector::deltas, this,
                [&](const kube::PodDeltas &b) { podMirror.apply(b); });
        connect(&deployments, &kube::DeploymentReflector::deltas, this,
                [&](const kube::DeploymentDeltas &b) { deploymentMirror.apply(b); });
        pods.start();
        deployments.start();
        QTRY_VERIFY_WITH_TIMEOUT(pods.isSynced() && deployments.isSynced(), 10000);

        const kube::ApiResult patched =
            send(*m_client, "PATCH",
                 kube::resourcePath(kube::kinds::deployments, u"students"_s, u"student-000005"_s),
                 R"({"spec":{"template":{"metadata":{"annotations":{"courseops.io/commit":"feedbeef"}}}}})",
                 "application/merge-patch+json");
        QVERIFY2(patched.ok(), qPrintable(patched.status.message));
        QTRY_COMPARE_WITH_TIMEOUT(deploymentMirror.objects.value(u"students/student-000005"_s).commit(),
                                  u"feedbeef"_s, 10000);

        // Not student-000005's pod: the patch above rolls that one out, so it may already be gone.
        QString victim;
        for (const kube::PodInfo &pod : std::as_const(podMirror.objects)) {
            if (!pod.name.startsWith(u"student-000005-"))
                victim = pod.name;
        }
        QVERIFY(!victim.isEmpty());
        const kube::ApiResult deleted =
            send(*m_client, "DELETE", kube::resourcePath(kube::kinds::pods, u"students"_s, victim));
        QVERIFY2(deleted.ok(), qPrintable(deleted.status.message));
        QTRY_VERIFY_WITH_TIMEOUT(!podMirror.objects.contains(u"students/"_s + victim), 20000);
        // The rollout and the replacement settle; then the consumer holds what the server holds.
        QVERIFY(matchesServer([&] { return identitiesOf(podMirror.objects); }, *m_client, kPods, 30000));
        QVERIFY(matchesServer([&] { return identitiesOf(deploymentMirror.objects); }, *m_client, kDeployments,
                              5000));
        QCOMPARE(podMirror.violations + deploymentMirror.violations, 0);
        QVERIFY(pods.stats().eventsApplied > 0);
    }

    void selectorsAndNamespace()
    {
        kube::ReflectorOptions o;
        o.namespaceName = u"students"_s;
        o.labelSelector = u"courseops.io/student=student-000003"_s;
        kube::DeploymentReflector one(m_access, o);
        one.start();
        QTRY_VERIFY_WITH_TIMEOUT(one.isSynced(), 10000);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.snapshot().constFirst().name, u"student-000003"_s);
        o.namespaceName = u"kube-system"_s;
        o.labelSelector.clear();
        kube::DeploymentReflector none(m_access, o);
        none.start();
        QTRY_VERIFY_WITH_TIMEOUT(none.isSynced(), 10000);
        QCOMPARE(none.size(), 0);
    }

    // A stopped reflector keeps its state and resumes its watch where it stopped.
    void stopAndResume()
    {
        kube::ServiceReflector services(m_access);
        Mirror<kube::ServiceInfo> mirror;
        connect(&services, &kube::ServiceReflector::deltas, this,
                [&](const kube::ServiceDeltas &b) { mirror.apply(b); });
        services.start();
        QTRY_VERIFY_WITH_TIMEOUT(services.isSynced(), 10000);
        services.stop();
        for (int i = 1; i <= 3; ++i) {
            const kube::ApiResult r = send(
                *m_client, "PATCH",
                kube::resourcePath(kube::kinds::services, u"students"_s, u"student-00001%1"_s.arg(i)),
                R"({"metadata":{"labels":{"courseops.io/touched":"yes"}}})", "application/merge-patch+json");
            QVERIFY2(r.ok(), qPrintable(r.status.message));
        }
        QVERIFY(send(*m_client, "DELETE",
                     kube::resourcePath(kube::kinds::services, u"students"_s, u"student-000020"_s))
                    .ok());
        services.start();
        QVERIFY(matchesServer([&] { return identitiesOf(mirror.objects); }, *m_client, kServices, 10000));
        QCOMPARE(services.stats().lists, 1u); // resumed, not listed again
        QCOMPARE(mirror.objects.value(u"students/student-000012"_s).label(u"courseops.io/touched"), u"yes");
        QCOMPARE(mirror.violations, 0);
    }

    // 410 Gone: the watch resumes from a resourceVersion the server has compacted away.
    void relistAfterGone()
    {
        SandboxProcess compacting;
        QVERIFY(compacting.start({u"--students"_s, u"5"_s, u"--faults"_s, u"compact=2s"_s}));
        auto access = accessFor(compacting.kubeconfig());
        kube::KubeClient client(access);
        kube::DeploymentReflector deployments(access);
        Mirror<kube::DeploymentInfo> mirror;
        connect(&deployments, &kube::DeploymentReflector::deltas, this,
                [&](const kube::DeploymentDeltas &b) { mirror.apply(b); });
        deployments.start();
        QTRY_VERIFY_WITH_TIMEOUT(deployments.isSynced(), 10000);
        deployments.stop();
        const QString stoppedAt = deployments.resourceVersion();
        QVERIFY(send(client, "PATCH",
                     kube::resourcePath(kube::kinds::deployments, u"students"_s, u"student-000002"_s),
                     R"({"metadata":{"labels":{"x":"1"}}})", "application/merge-patch+json")
                    .ok());
        QVERIFY(send(client, "DELETE",
                     kube::resourcePath(kube::kinds::deployments, u"students"_s, u"student-000004"_s))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(historyCompactedPast(client, kDeployments, stoppedAt), 15000);
        deployments.start();
        QTRY_VERIFY_WITH_TIMEOUT(deployments.stats().relistsGone >= 1, 15000);
        QVERIFY(matchesServer([&] { return identitiesOf(mirror.objects); }, client, kDeployments, 15000));
        QVERIFY(!mirror.objects.contains(u"students/student-000004"_s)); // the relist's diff deleted it
        QCOMPARE(mirror.violations, 0);
    }

    // What a person listing by hand meets: a continue token the server no longer honours.
    void continueTokenExpires()
    {
        SandboxProcess compacting;
        QVERIFY(compacting.start({u"--students"_s, u"5"_s, u"--faults"_s, u"compact=1s"_s}));
        kube::KubeClient client(accessFor(compacting.kubeconfig()));
        QUrlQuery q;
        q.addQueryItem(u"limit"_s, u"2"_s);
        const kube::ApiResult first = get(client, kServices, q);
        QVERIFY(first.ok());
        const QString token = json(first)[u"metadata"_s][u"continue"_s].toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(send(client, "PATCH",
                     kube::resourcePath(kube::kinds::services, u"students"_s, u"student-000001"_s),
                     R"({"metadata":{"labels":{"x":"1"}}})", "application/merge-patch+json")
                    .ok());
        q.addQueryItem(u"continue"_s, token);
        kube::ApiResult next;
        QTRY_VERIFY_WITH_TIMEOUT((next = get(client, kServices, q)).status.isGone(), 10000);
        QCOMPARE(next.status.reason, u"Expired"_s);
        QVERIFY2(next.status.message.contains(u"(410 Gone)"_s) && next.status.message.contains(u"continue"_s),
                 qPrintable(next.status.message));
    }

    // A list slower than the server's compaction: the token expires mid-list and
    // the reflector lists in one request instead, as client-go's pager does.
    void fullListWhenContinueExpires()
    {
        SandboxProcess slow;
        QVERIFY(slow.start({u"--students"_s, u"10"_s, u"--faults"_s, u"compact=1s,latency=150ms"_s}));
        auto access = accessFor(slow.kubeconfig());
        kube::KubeClient client(access);
        QTimer writer; // keeps the resourceVersion moving, so compaction leaves tokens behind
        int n = 0;
        connect(&writer, &QTimer::timeout, this, [&] {
            client.patch(kube::resourcePath(kube::kinds::deployments, u"students"_s, u"student-000001"_s),
                         kube::PatchType::Merge,
                         "{\"metadata\":{\"labels\":{\"n\":\"" + QByteArray::number(++n) + "\"}}}", this,
                         [](const kube::ApiResult &) {});
        });
        writer.start(100);
        kube::ReflectorOptions o;
        o.pageSize = 1;
        kube::ServiceReflector services(access, o);
        services.start();
        QTRY_VERIFY_WITH_TIMEOUT(services.isSynced(), 30000);
        writer.stop();
        QVERIFY(services.stats().fullListFallbacks >= 1);
        QCOMPARE(services.size(), 10);
        QVERIFY(matchesServer([&] { return identitiesOf(services.snapshot()); }, client, kServices, 10000));
    }

    // The server drops every watch after a second: each is resumed from the last
    // resourceVersion, never relisted, and no change is lost.
    void droppedWatchesResume()
    {
        SandboxProcess dropping;
        QVERIFY(dropping.start({u"--students"_s, u"6"_s, u"--faults"_s, u"drop-watch=1s"_s}));
        auto access = accessFor(dropping.kubeconfig());
        kube::KubeClient client(access);
        kube::DeploymentReflector deployments(access);
        Mirror<kube::DeploymentInfo> mirror;
        connect(&deployments, &kube::DeploymentReflector::deltas, this,
                [&](const kube::DeploymentDeltas &b) { mirror.apply(b); });
        deployments.start();
        QTRY_VERIFY_WITH_TIMEOUT(deployments.isSynced(), 10000);
        for (int round = 0; round < 4; ++round) {
            const quint64 watches = deployments.stats().watches;
            for (int i = 1; i <= 6; ++i) {
                QVERIFY(send(client, "PATCH",
                             kube::resourcePath(kube::kinds::deployments, u"students"_s,
                                                u"student-00000%1"_s.arg(i)),
                             "{\"metadata\":{\"labels\":{\"round\":\"" + QByteArray::number(round) + "\"}}}",
                             "application/merge-patch+json")
                            .ok());
            }
            QTRY_VERIFY_WITH_TIMEOUT(deployments.stats().watches > watches, 10000); // dropped and resumed
        }
        QVERIFY(matchesServer([&] { return identitiesOf(mirror.objects); }, client, kDeployments, 10000));
        for (const kube::DeploymentInfo &d : std::as_const(mirror.objects))
            QCOMPARE(d.label(u"round"), u"3");
        const kube::ReflectorStats s = deployments.stats();
        QCOMPARE(s.lists, 1u);
        QCOMPARE(s.relistsGone, 0u);
        QVERIFY(s.failures >= 4);
        QCOMPARE(mirror.violations, 0);
    }

    // 429 with Retry-After: the client waits and asks again; the list completes.
    void throttledListCompletes()
    {
        SandboxProcess throttling;
        QVERIFY(throttling.start({u"--students"_s, u"12"_s, u"--faults"_s, u"429=0.3,retry-after=1"_s}));
        auto access = accessFor(throttling.kubeconfig());
        kube::ReflectorOptions o;
        o.pageSize = 2;
        kube::PodReflector pods(access, o);
        QSignalSpy problems(&pods, &kube::Reflector::problem);
        pods.start();
        QTRY_VERIFY_WITH_TIMEOUT(pods.isSynced(), 60000);
        QCOMPARE(pods.size(), 12);
        QCOMPARE(pods.stats().lists, 1u);
        QCOMPARE(problems.size(), 0); // every 429 was absorbed by the client's retries
        kube::KubeClient client(access);
        int ok = 0;
        for (int i = 0; i < 10; ++i)
            ok += get(client, kPods).ok() ? 1 : 0;
        QCOMPARE(ok, 10);
        QVERIFY2(client.retries() > 0, "30 % of requests are throttled; some must have been retried");
    }

    // A garbled line: the reflector lists again and diffs, so nothing is lost or doubled.
    void garbledEventResyncs()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        int lists = 0;
        int watches = 0;
        server.setHandler([&](const FakeApiServer::Request &r, QTcpSocket *s) {
            if (!r.query.hasQueryItem(u"watch"_s)) {
                ++lists;
                if (lists == 1)
                    FakeApiServer::reply(s, 200,
                                         fakeList({fakePod("a", kUidA, 5), fakePod("b", kUidB, 6)}, 10));
                else // b is gone, c is new, a moved on
                    FakeApiServer::reply(s, 200,
                                         fakeList({fakePod("a", kUidA, 12), fakePod("c", kUidC, 13)}, 13));
                return;
            }
            ++watches;
            FakeApiServer::beginStream(s);
            if (watches == 1) {
                FakeApiServer::streamChunk(s, watchLine("MODIFIED", fakePod("a", kUidA, 11)));
                FakeApiServer::streamChunk(s,
                                           "{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"Pod\" garbage\n");
                // Never applied: after the garbled line the stream is not trusted.
                FakeApiServer::streamChunk(s, watchLine("ADDED", fakePod("d", kUidD, 12)));
            }
            // Later watches stay open and quiet.
        });
        auto access = fakeAccess(server);
        kube::PodReflector pods(access);
        Mirror<kube::PodInfo> mirror;
        connect(&pods, &kube::PodReflector::deltas, this, [&](const kube::PodDeltas &b) { mirror.apply(b); });
        QSignalSpy problems(&pods, &kube::Reflector::problem);
        pods.start();
        QTRY_VERIFY_WITH_TIMEOUT(pods.stats().resyncs == 1 && lists == 2 && watches == 2, 10000);
        QTRY_COMPARE(mirror.objects.size(), 2);
        QStringList keys = mirror.objects.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"students/a"_s, u"students/c"_s}));
        QCOMPARE(mirror.objects.value(u"students/a"_s).resourceVersion.toString(), u"12"_s);
        QCOMPARE(mirror.violations, 0);
        QCOMPARE(pods.resourceVersion(), u"13"_s);
        QVERIFY(problems.size() >= 1);
        QCOMPARE(problems.constFirst().constFirst().value<kube::ApiStatus>().reason, u"Garbled"_s);

        // What went over the wire, as client-go sends it.
        const auto listRequests = server.requestsTo(kPods, false);
        QCOMPARE(listRequests.constFirst().query.queryItemValue(u"limit"_s), u"500"_s);
        QVERIFY(!listRequests.constFirst().query.hasQueryItem(u"resourceVersion"_s));
        QCOMPARE(listRequests.constFirst().authorization, QByteArray("Bearer fake-token"));
        const auto watchRequests = server.requestsTo(kPods, true);
        const QUrlQuery w = watchRequests.constFirst().query;
        QCOMPARE(w.queryItemValue(u"resourceVersion"_s), u"10"_s);
        QCOMPARE(w.queryItemValue(u"allowWatchBookmarks"_s), u"true"_s);
        const int timeout = w.queryItemValue(u"timeoutSeconds"_s).toInt();
        QVERIFY2(timeout >= 300 && timeout < 600, qPrintable(QString::number(timeout)));
        QCOMPARE(watchRequests.at(1).query.queryItemValue(u"resourceVersion"_s), u"13"_s);
    }

    // A stream cut inside an event: the next watch resumes from the last event
    // applied, which resends the cut one. No relist.
    void truncatedEventResumes()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        int watches = 0;
        server.setHandler([&](const FakeApiServer::Request &r, QTcpSocket *s) {
            if (!r.query.hasQueryItem(u"watch"_s)) {
                FakeApiServer::reply(s, 200, fakeList({fakePod("a", kUidA, 10)}, 10));
                return;
            }
            ++watches;
            FakeApiServer::beginStream(s);
            if (watches == 1) {
                const QByteArray cut = watchLine("MODIFIED", fakePod("a", kUidA, 12));
                FakeApiServer::streamChunk(s, watchLine("MODIFIED", fakePod("a", kUidA, 11)) +
                                                  cut.left(cut.size() / 2));
                QTimer::singleShot(1200, s, [s] { FakeApiServer::dropStream(s); });
            } else if (r.query.queryItemValue(u"resourceVersion"_s) == u"11"_s) {
                FakeApiServer::streamChunk(
                    s,
                    watchLine("MODIFIED", fakePod("a", kUidA, 12)) +
                        watchLine("BOOKMARK",
                                  R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"15"}})"));
            }
        });
        kube::PodReflector pods(fakeAccess(server));
        Mirror<kube::PodInfo> mirror;
        connect(&pods, &kube::PodReflector::deltas, this, [&](const kube::PodDeltas &b) { mirror.apply(b); });
        pods.start();
        QTRY_COMPARE_WITH_TIMEOUT(pods.resourceVersion(), u"15"_s, 10000);
        // The batch follows.
        QTRY_COMPARE(mirror.objects.value(u"students/a"_s).resourceVersion.toString(), u"12"_s);
        const kube::ReflectorStats s = pods.stats();
        QCOMPARE(s.lists, 1u);
        QCOMPARE(s.truncatedEvents, 1u);
        QCOMPARE(s.bookmarks, 1u);
        QCOMPARE(server.requestsTo(kPods, true).at(1).query.queryItemValue(u"resourceVersion"_s), u"11"_s);
        QCOMPARE(mirror.violations, 0);
    }

    // A watch refused with HTTP 410 (not an ERROR event) also means: list again.
    void watchRefusedWithGone()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        int lists = 0;
        server.setHandler([&](const FakeApiServer::Request &r, QTcpSocket *s) {
            if (!r.query.hasQueryItem(u"watch"_s)) {
                ++lists;
                FakeApiServer::reply(s, 200, fakeList({fakePod("a", kUidA, 10 * lists)}, 10 * lists));
                return;
            }
            if (lists == 1) {
                FakeApiServer::reply(
                    s, 410,
                    R"json({"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 10 (15)","reason":"Expired","code":410})json");
                return;
            }
            FakeApiServer::beginStream(s);
        });
        kube::PodReflector pods(fakeAccess(server));
        pods.start();
        QTRY_COMPARE_WITH_TIMEOUT(lists, 2, 10000);
        QTRY_COMPARE(pods.resourceVersion(), u"20"_s);
        QCOMPARE(pods.stats().relistsGone, 1u);
        QCOMPARE(pods.snapshot().constFirst().resourceVersion.toString(), u"20"_s);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_access.reset();
        m_sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestReflector)
#include "tst_reflector.moc"
