#include "kube/podinfo.h"
#include "kube/podstatus.h"
#include "kube/serviceinfo.h"
#include "tst_podstatus_shapes.h"

#include <QTest>
#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using kube::ContainerState;
using kube::PodInfo;
using kube::PodPhase;

class TestPodStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // STATUS, READY and RESTARTS as `kubectl get pods` (1.32) prints them. The
    // expectations follow kubectl's printPod rules, worked out by hand per row.
    void printPod_data();
    void printPod();
    void restartAge();
    void humanDuration_data();
    void humanDuration();
    void rfc3339_data();
    void rfc3339();
    // Every field the console reads survives the parse.
    void parserKeepsFields();
    void parserRejects_data();
    void parserRejects();
    // A list item has no kind, and missing sections read as empty.
    void parserAcceptsBarePod();
    // What one typical student pod costs in memory; 100,000 of them are kept.
    void memoryPerPod();
    // Labels as keys and values: lookups, empty values, the flat text both ways.
    void labels();

private:
    // glibc's chunk for a request: 8 bytes of header, 16-byte steps, 32 at least.
    static qsizetype mallocChunk(qsizetype bytes)
    {
        return std::max<qsizetype>(32, (bytes + 8 + 15) / 16 * 16);
    }
    // Heap a string costs this pod alone: nothing when static, empty or shared.
    static qsizetype ownHeap(const QString &s);
    template<typename T> static qsizetype listHeap(const QList<T> &list)
    {
        if (!list.isDetached())
            return 0;
        return mallocChunk(16 + list.capacity() * qsizetype(sizeof(T)));
    }
    static qsizetype ownHeap(const kube::ResourceVersion &rv)
    {
        return rv.isEmpty() || rv.isCompact()
                   ? 0
                   : mallocChunk(sizeof(QString)) + mallocChunk(16 + (rv.toString().size() + 1) * 2);
    }
    static qsizetype ownHeap(const kube::ContainerStatus &c);
    static qsizetype ownHeap(const PodInfo &p);
};

// Everything moc need not read: it misreads raw string literals.
#ifndef Q_MOC_RUN

using podshapes::kCrashingPod;
using podshapes::kGatedPod;
using podshapes::kNow;
using podshapes::kParsedPod;
using podshapes::kTypicalPod;

void TestPodStatus::printPod_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("ready");
    QTest::addColumn<QString>("restarts");
    const QList<podshapes::PodShape> shapes = podshapes::podShapes();
    QVERIFY(shapes.size() >= 30);
    for (const podshapes::PodShape &s : shapes)
        QTest::newRow(s.tag) << s.json << s.status << s.ready << s.restarts;
}

void TestPodStatus::printPod()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, status);
    QFETCH(QString, ready);
    QFETCH(QString, restarts);
    const std::optional<PodInfo> pod = kube::parsePodJson(json);
    QVERIFY2(pod, json.constData());
    const kube::PodPrint row = kube::printPod(*pod, kNow);
    QCOMPARE(row.status, status);
    QCOMPARE(row.readyText, ready);
    QCOMPARE(row.restartsText, restarts);
    QCOMPARE(QStringLiteral("%1/%2").arg(row.ready).arg(row.total), ready);
    QCOMPARE(QString::number(row.restarts), restarts.section(u' ', 0, 0));
}

void TestPodStatus::restartAge()
{
    // The counted time itself, for views that sort by it.
    const std::optional<PodInfo> crashing = kube::parsePodJson(kCrashingPod);
    QVERIFY(crashing);
    const kube::PodPrint row = kube::printPod(*crashing, kNow);
    QCOMPARE(row.restarts, 12);
    QCOMPARE(row.lastRestartAt, kNow - 300);
    // The same pod read later ages.
    QCOMPARE(kube::printPod(*crashing, kNow + 3 * 3600).restartsText, u"12 (3h5m ago)"_s);
}

void TestPodStatus::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    constexpr qint64 minute = 60, hour = 3600, day = 24 * hour, year = 365 * day;
    QTest::newRow("two seconds ahead") << qint64(-2) << u"<invalid>"_s;
    QTest::newRow("one second ahead") << qint64(-1) << u"0s"_s;
    QTest::newRow("now") << qint64(0) << u"0s"_s;
    QTest::newRow("1s") << qint64(1) << u"1s"_s;
    QTest::newRow("119s") << 2 * minute - 1 << u"119s"_s;
    QTest::newRow("2m") << 2 * minute << u"2m"_s;
    QTest::newRow("2m1s") << 2 * minute + 1 << u"2m1s"_s;
    QTest::newRow("9m59s") << 10 * minute - 1 << u"9m59s"_s;
    QTest::newRow("10m") << 10 * minute << u"10m"_s;
    QTest::newRow("10m59s drops seconds") << 10 * minute + 59 << u"10m"_s;
    QTest::newRow("179m") << 3 * hour - 1 << u"179m"_s;
    QTest::newRow("3h") << 3 * hour << u"3h"_s;
    QTest::newRow("3h1m") << 3 * hour + minute << u"3h1m"_s;
    QTest::newRow("7h59m") << 8 * hour - 1 << u"7h59m"_s;
    QTest::newRow("8h") << 8 * hour << u"8h"_s;
    QTest::newRow("8h59m drops minutes") << 9 * hour - 1 << u"8h"_s;
    QTest::newRow("47h") << 2 * day - 1 << u"47h"_s;
    QTest::newRow("2d") << 2 * day << u"2d"_s;
    QTest::newRow("2d1h") << 2 * day + hour << u"2d1h"_s;
    QTest::newRow("7d23h") << 8 * day - 1 << u"7d23h"_s;
    QTest::newRow("8d") << 8 * day << u"8d"_s;
    QTest::newRow("8d23h drops hours") << 9 * day - 1 << u"8d"_s;
    QTest::newRow("729d") << 2 * year - 1 << u"729d"_s;
    QTest::newRow("2y, no 0d") << 2 * year << u"2y"_s;
    QTest::newRow("2y0d under a day over") << 2 * year + 23 * hour << u"2y"_s;
    QTest::newRow("2y1d") << 2 * year + day << u"2y1d"_s;
    QTest::newRow("3y") << 3 * year << u"3y"_s;
    QTest::newRow("7y364d") << 8 * year - 1 << u"7y364d"_s;
    QTest::newRow("8y") << 8 * year << u"8y"_s;
    QTest::newRow("8y364d drops days") << 8 * year + 364 * day << u"8y"_s;
    QTest::newRow("9y") << 9 * year << u"9y"_s;
}

void TestPodStatus::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(kube::humanDuration(seconds), text);
}

void TestPodStatus::rfc3339_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("epoch");
    QTest::newRow("UTC") << QByteArray("2025-01-15T12:00:00Z") << kNow;
    QTest::newRow("epoch start") << QByteArray("1970-01-01T00:00:01Z") << qint64(1);
    QTest::newRow("fraction dropped") << QByteArray("2025-01-15T12:00:00.999999999Z") << kNow;
    QTest::newRow("east offset") << QByteArray("2025-01-15T14:30:00+02:30") << kNow;
    QTest::newRow("west offset") << QByteArray("2025-01-15T07:00:00-05:00") << kNow;
    QTest::newRow("lower case t and z") << QByteArray("2025-01-15t12:00:00z") << kNow;
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << qint64(1709164800);
    QTest::newRow("no leap day in 2023") << QByteArray("2023-02-29T00:00:00Z") << qint64(0);
    QTest::newRow("month 13") << QByteArray("2025-13-01T00:00:00Z") << qint64(0);
    QTest::newRow("hour 24") << QByteArray("2025-01-15T24:00:00Z") << qint64(0);
    QTest::newRow("no zone") << QByteArray("2025-01-15T12:00:00") << qint64(0);
    QTest::newRow("space for T") << QByteArray("2025-01-15 12:00:00Z") << qint64(0);
    QTest::newRow("empty fraction") << QByteArray("2025-01-15T12:00:00.Z") << qint64(0);
    QTest::newRow("short offset") << QByteArray("2025-01-15T12:00:00+02") << qint64(0);
    QTest::newRow("trailing text") << QByteArray("2025-01-15T12:00:00Zjunk") << qint64(0);
    QTest::newRow("date only") << QByteArray("2025-01-15") << qint64(0);
    QTest::newRow("empty") << QByteArray() << qint64(0);
}

void TestPodStatus::rfc3339()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, epoch);
    QCOMPARE(kube::parseRfc3339(std::string_view(text.constData(), size_t(text.size()))), epoch);
}

void TestPodStatus::parserKeepsFields()
{
    const std::optional<PodInfo> parsed = kube::parsePodJson(kParsedPod);
    QVERIFY(parsed);
    const PodInfo &p = *parsed;
    QCOMPARE(p.namespaceName, u"students"_s);
    QCOMPARE(p.name, u"app-octocat-6d8f7c9b5d-x2x4z"_s);
    QCOMPARE(p.uid.toString(QUuid::WithoutBraces), u"5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70"_s);
    QCOMPARE(p.resourceVersion.toString(), u"482113"_s);
    QVERIFY(p.resourceVersion.isCompact());
    QCOMPARE(
        p.labels.toString(),
        u"app=app-octocat,courseops.io/course=webapps101,courseops.io/student=octocat,pod-template-hash=6d8f7c9b5d"_s);
    QCOMPARE(p.label(u"courseops.io/student").toString(), u"octocat"_s);
    QCOMPARE(p.label(u"app").toString(), u"app-octocat"_s);
    QCOMPARE(p.label(u"pod-template-hash").toString(), u"6d8f7c9b5d"_s);
    QVERIFY(p.label(u"courseops.io").isNull());
    QVERIFY(p.label(u"student").isNull());
    QCOMPARE(p.creationTimestamp, kNow - 2 * 3600);
    QCOMPARE(p.deletionTimestamp, kNow + 30);
    QCOMPARE(p.nodeName, u"node-a"_s);
    QVERIFY(p.phase == PodPhase::Running);
    QCOMPARE(kube::toString(p.phase), u"Running"_s);
    QVERIFY(p.reason.isEmpty());
    QVERIFY(!p.schedulingGated);
    QVERIFY(!p.readyCondition);
    QVERIFY(p.initializedCondition);
    QCOMPARE(p.containerCount, 1);

    QCOMPARE(p.initContainers.size(), 2);
    QCOMPARE(p.initContainers[0].name, u"clone"_s);
    QVERIFY(!p.initContainers[0].sidecar);
    QCOMPARE(p.initContainers[1].name, u"proxy"_s);
    QVERIFY(p.initContainers[1].sidecar);

    QCOMPARE(p.initContainerStatuses.size(), 2);
    const kube::ContainerStatus &clone = p.initContainerStatuses[0];
    QVERIFY(clone.state == ContainerState::Terminated);
    QCOMPARE(clone.reason, u"Completed"_s);
    QCOMPARE(clone.exitCode, 0);
    QCOMPARE(clone.finishedAt, kNow - 2 * 3600 + 3);
    QVERIFY(clone.ready);
    QVERIFY(!clone.hasLastTerminated);
    QCOMPARE(clone.image, u"docker.io/alpine/git:2.45.2"_s);
    const kube::ContainerStatus &proxy = p.initContainerStatuses[1];
    QCOMPARE(proxy.name, u"proxy"_s);
    QVERIFY(proxy.state == ContainerState::Waiting);
    QCOMPARE(proxy.reason, u"CrashLoopBackOff"_s);
    QCOMPARE(proxy.message, u"back-off 20s restarting failed container=proxy"_s);
    QCOMPARE(proxy.restartCount, 2);
    QVERIFY(proxy.hasLastTerminated);
    QCOMPARE(proxy.lastTerminatedReason, u"Error"_s);
    QCOMPARE(proxy.lastExitCode, 1);
    QCOMPARE(proxy.lastFinishedAt, kNow - 120);
    QVERIFY(!proxy.started);

    QCOMPARE(p.containerStatuses.size(), 1);
    const kube::ContainerStatus &app = p.containerStatuses[0];
    QCOMPARE(app.name, u"app"_s);
    QVERIFY(app.state == ContainerState::Terminated);
    QCOMPARE(app.reason, u"OOMKilled"_s);
    QCOMPARE(app.message, u"killed at 128Mi"_s);
    QCOMPARE(app.exitCode, 137);
    QCOMPARE(app.signal, 9);
    QCOMPARE(app.finishedAt, kNow - 190);
    // An empty status image falls back to the spec's.
    QCOMPARE(app.image, u"node:20-alpine"_s);

    const std::optional<PodInfo> running = kube::parsePodJson(kTypicalPod);
    QVERIFY(running);
    QVERIFY(running->containerStatuses[0].state == ContainerState::Running);
    QCOMPARE(running->containerStatuses[0].startedAt, kNow - 2 * 3600 + 5);
    QVERIFY(running->containerStatuses[0].started);
    QVERIFY(running->readyCondition);
    QCOMPARE(running->containerStatuses[0].image, u"docker.io/library/node:20-alpine"_s);

    const std::optional<PodInfo> gated = kube::parsePodJson(kGatedPod);
    QVERIFY(gated);
    QVERIFY(gated->schedulingGated);
    QVERIFY(gated->nodeName.isEmpty());
    QVERIFY(gated->phase == PodPhase::Pending);
}

void TestPodStatus::parserRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << QByteArray("{\"kind\":\"Pod\",");
    QTest::newRow("array") << QByteArray(R"([{"metadata":{"name":"a"}}])");
    QTest::newRow("another kind") << QByteArray(
        R"({"kind":"Service","apiVersion":"v1","metadata":{"name":"app"}})");
    QTest::newRow("bookmark object") << QByteArray(
        R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"482113"}})");
    QTest::newRow("name not a string") << QByteArray(R"({"metadata":{"name":7}})");
}

void TestPodStatus::parserRejects()
{
    QFETCH(QByteArray, json);
    QVERIFY(!kube::parsePodJson(json));
}

void TestPodStatus::parserAcceptsBarePod()
{
    const std::optional<PodInfo> p = kube::parsePodJson(R"({"metadata":{"name":"app-1"}})");
    QVERIFY(p);
    QCOMPARE(p->name, u"app-1"_s);
    QVERIFY(p->phase == PodPhase::None);
    QCOMPARE(kube::printPod(*p, kNow).status, QString());
    QCOMPARE(kube::printPod(*p, kNow).readyText, u"0/0"_s);
}

void TestPodStatus::memoryPerPod()
{
    const std::optional<PodInfo> first = kube::parsePodJson(kTypicalPod);
    QVERIFY(first);
    // Another pod shares namespace, node, image, container name and label keys.
    const std::optional<PodInfo> second = kube::parsePodJson(kTypicalPod);
    QVERIFY(second);
    QVERIFY(first->namespaceName.isSharedWith(second->namespaceName));
    QVERIFY(first->labels.keys.isSharedWith(second->labels.keys));
    QVERIFY(first->containerStatuses[0].image.isSharedWith(second->containerStatuses[0].image));
    QVERIFY(!first->name.isSharedWith(second->name));
    // Pods in a row with the same container statuses share one list.
    QVERIFY(first->containerStatuses.isSharedWith(second->containerStatuses));
    QVERIFY(second->resourceVersion.isCompact());
    // One started a second later keeps its own.
    const std::optional<PodInfo> later =
        kube::parsePodJson(QByteArray(kTypicalPod).replace("10:00:05Z", "10:00:06Z"));
    QVERIFY(later);
    QVERIFY(!later->containerStatuses.isSharedWith(second->containerStatuses));
    QCOMPARE(later->containerStatuses[0].startedAt, second->containerStatuses[0].startedAt + 1);

    const qsizetype estimate = sizeof(PodInfo) + ownHeap(*first);
    qInfo("PodInfo: sizeof %zu bytes, ContainerStatus %zu; typical pod %lld bytes with its own heap",
          sizeof(PodInfo), sizeof(kube::ContainerStatus), qlonglong(estimate));
    QVERIFY2(estimate < 1024, qPrintable(QString::number(estimate)));

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    // The same measured by the allocator over many pods, shared strings included.
    constexpr int count = 2000;
    QList<PodInfo> pods;
    pods.reserve(count);
    const size_t before = mallinfo2().uordblks;
    for (int i = 0; i < count; ++i)
        pods.append(*kube::parsePodJson(kTypicalPod));
    const size_t after = mallinfo2().uordblks;
    const qsizetype measured = qsizetype(sizeof(PodInfo) + (after - before) / count);
    qInfo("measured by malloc over %d pods: %lld bytes per pod", count, qlonglong(measured));
    QVERIFY2(measured < 1024, qPrintable(QString::number(measured)));
#endif
}

void TestPodStatus::labels()
{
    const kube::Labels l(u"app=web,empty=,courseops.io/student=octocat"_s);
    QCOMPARE(l.keys, u"app,empty,courseops.io/student"_s);
    QCOMPARE(l.values, u"web,,octocat"_s);
    QCOMPARE(l.size(), 3);
    QCOMPARE(l.value(u"app").toString(), u"web"_s);
    QCOMPARE(l.value(u"courseops.io/student").toString(), u"octocat"_s);
    QVERIFY(l.value(u"empty").isEmpty());
    QVERIFY(!l.value(u"empty").isNull());
    QVERIFY(l.value(u"courseops.io").isNull());
    QVERIFY(l.value(u"").isNull());
    QCOMPARE(l.toString(), u"app=web,empty=,courseops.io/student=octocat"_s);
    QVERIFY(kube::Labels(l.toString()) == l);
    // The same keys elsewhere share one string.
    QVERIFY(kube::Labels(u"app=api,empty=x,courseops.io/student=hubot"_s).keys.isSharedWith(l.keys));

    const kube::Labels one(u"only="_s);
    QVERIFY(!one.value(u"only").isNull());
    QVERIFY(one.value(u"only").isEmpty());
    QCOMPARE(one.toString(), u"only="_s);
    const kube::Labels none;
    QVERIFY(none.isEmpty());
    QVERIFY(none.value(u"app").isNull());
    QCOMPARE(none.toString(), QString());
    QCOMPARE(kube::Labels(u"=x,noequals"_s).toString(), QString());

    // Parsed: a Service's selector shares its values with its labels.
    const auto service = kube::parseServiceJson(
        R"({"kind":"Service","metadata":{"name":"octocat","namespace":"students","labels":{"courseops.io/student":"octocat"}},)"
        R"("spec":{"selector":{"courseops.io/student":"octocat"},"ports":[{"port":80,"targetPort":3000}]}})");
    QVERIFY(service);
    QCOMPARE(service->selector.toString(), u"courseops.io/student=octocat"_s);
    QVERIFY(service->selector.values.isSharedWith(service->labels.values));
    QVERIFY(service->selector.keys.isSharedWith(service->labels.keys));
}

// Heap a string costs this pod alone: nothing when static, empty or shared.
qsizetype TestPodStatus::ownHeap(const QString &s)
{
    if (!s.isDetached())
        return 0;
    return mallocChunk(16 + (s.capacity() + 1) * qsizetype(sizeof(char16_t)));
}

qsizetype TestPodStatus::ownHeap(const kube::ContainerStatus &c)
{
    return ownHeap(c.name) + ownHeap(c.image) + ownHeap(c.reason) + ownHeap(c.message) +
           ownHeap(c.lastTerminatedReason);
}

qsizetype TestPodStatus::ownHeap(const PodInfo &p)
{
    qsizetype bytes = ownHeap(p.namespaceName) + ownHeap(p.name) + ownHeap(p.resourceVersion) +
                      ownHeap(p.nodeName) + ownHeap(p.reason) + ownHeap(p.labels.keys) +
                      ownHeap(p.labels.values);
    bytes += listHeap(p.initContainers) + listHeap(p.initContainerStatuses) + listHeap(p.containerStatuses);
    for (const kube::InitContainerSpec &spec : p.initContainers)
        bytes += ownHeap(spec.name);
    for (const kube::ContainerStatus &c : p.initContainerStatuses)
        bytes += ownHeap(c);
    for (const kube::ContainerStatus &c : p.containerStatuses)
        bytes += ownHeap(c);
    return bytes;
}

#endif // Q_MOC_RUN

QTEST_APPLESS_MAIN(TestPodStatus)
#include "tst_podstatus.moc"
