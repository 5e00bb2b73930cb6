#include "course/studentindex.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using course::RowBatch;
using course::StatusClass;
using course::StudentIndex;

namespace {

kube::PodInfo pod(const QString &login, const QString &name, qint64 created, const QString &cohort = {})
{
    kube::PodInfo p;
    p.namespaceName = u"students"_s;
    p.name = name;
    p.uid = QUuid::createUuid();
    p.labels = QString(u"courseops.io/student="_s + login +
                       (cohort.isEmpty() ? QString() : QString(u",courseops.io/cohort="_s + cohort)) + u",pod-template-hash=abc"_s);
    p.creationTimestamp = created;
    p.nodeName = u"sandbox-node-1"_s;
    p.containerCount = 1;
    p.phase = kube::PodPhase::Running;
    return p;
}

kube::PodInfo running(kube::PodInfo p, bool ready = true)
{
    kube::ContainerStatus c;
    c.name = u"app"_s;
    c.state = kube::ContainerState::Running;
    c.ready = ready;
    c.started = true;
    c.startedAt = p.creationTimestamp + 2;
    p.containerStatuses = {c};
    p.readyCondition = ready;
    p.initializedCondition = true;
    return p;
}

kube::PodInfo crashed(kube::PodInfo p, const QString &message, int restarts)
{
    kube::ContainerStatus c;
    c.name = u"app"_s;
    c.state = kube::ContainerState::Terminated;
    c.reason = u"Error"_s;
    c.exitCode = 1;
    c.message = message;
    c.restartCount = restarts;
    p.containerStatuses = {c};
    p.initializedCondition = true;
    return p;
}

kube::PodInfo backingOff(kube::PodInfo p, int restarts, qint64 lastFinished)
{
    kube::ContainerStatus c;
    c.name = u"app"_s;
    c.state = kube::ContainerState::Waiting;
    c.reason = u"CrashLoopBackOff"_s;
    c.message = u"back-off 20s restarting failed container=app"_s;
    c.restartCount = restarts;
    c.hasLastTerminated = true;
    c.lastTerminatedReason = u"Error"_s;
    c.lastExitCode = 1;
    c.lastFinishedAt = lastFinished;
    p.containerStatuses = {c};
    p.initializedCondition = true;
    return p;
}

kube::DeploymentInfo deployment(const QString &login, const QString &commit)
{
    kube::DeploymentInfo d;
    d.namespaceName = u"students"_s;
    d.name = login;
    d.uid = QUuid::createUuid();
    d.labels = QString(u"courseops.io/student="_s + login);
    if (!commit.isEmpty())
        d.templateAnnotations.append({QString(kube::kCommitAnnotation), commit});
    return d;
}

template<typename T> QList<kube::Delta<T>> one(kube::DeltaType type, const T &object)
{
    return {kube::Delta<T>{type, object}};
}

course::Roster roster(const QByteArray &csv)
{
    course::Diagnostics d;
    return course::Roster::parse(csv, u"roster.csv"_s, course::Roster::Format::Csv, &d);
}

// The consumers' view: rows as the batches build them.
struct Mirror
{
    QList<course::StudentRow> rows;
    int batches = 0;
    int lastChanged = 0;
    void apply(const RowBatch &b)
    {
        ++batches;
        for (qint32 r : b.removed)
            rows.removeAt(r);
        for (qsizetype i = 0; i < b.changedRows.size(); ++i)
            rows[b.changedRows[i]] = b.changed[i];
        rows.append(b.inserted);
        lastChanged = int(b.changed.size());
    }
    const course::StudentRow *find(const QString &login) const
    {
        for (const auto &r : rows) {
            if (r.login == login)
                return &r;
        }
        return nullptr;
    }
};

} // namespace

class TestStudentIndex : public QObject
{
    Q_OBJECT

    StudentIndex *index = nullptr;
    Mirror mirror;
    qint64 now = 0;

private Q_SLOTS:
    void init()
    {
        index = new StudentIndex;
        mirror = {};
        connect(index, &StudentIndex::rowsChanged, index, [this](const RowBatch &b) { mirror.apply(b); });
        now = QDateTime::currentSecsSinceEpoch();
    }
    void cleanup()
    {
        delete index;
        index = nullptr;
    }

    void rosterStudentsHaveRowsWithoutPods()
    {
        course::CourseConfig c;
        c.domain = u"apps.example.edu"_s;
        index->setCourse(c);
        index->setRoster(roster("login,name,cohort\nPriya-Iyer,Priya Iyer,mon\nlee,Lee Chen,tue\n"));
        index->flush();
        QCOMPARE(mirror.rows.size(), 2);
        const auto *p = mirror.find(u"priya-iyer"_s);
        QVERIFY(p);
        QCOMPARE(p->student, u"Priya Iyer"_s);
        QCOMPARE(p->cohort, u"mon"_s);
        QCOMPARE(p->url, u"http://priya-iyer.apps.example.edu/"_s);
        QVERIFY(p->status.isEmpty());
        QCOMPARE(p->statusClass, StatusClass::None);
        QVERIFY(p->inRoster);
    }

    void podDeploymentAndHeadJoinByLabel()
    {
        index->setRoster(roster("login,name\nlee,Lee Chen\n"));
        index->applyPods(one(kube::DeltaType::Added, running(pod(u"lee"_s, u"lee-5d9c-x1"_s, now - 300))));
        index->applyDeployments(one(kube::DeltaType::Added, deployment(u"lee"_s, u"1111111aaaa"_s)));
        index->flush();
        QCOMPARE(mirror.rows.size(), 1);
        const course::StudentRow &r = mirror.rows[0];
        QCOMPARE(r.status, u"Running"_s);
        QCOMPARE(r.statusClass, StatusClass::Running);
        QCOMPARE(r.readyContainers, 1);
        QCOMPARE(r.totalContainers, 1);
        QCOMPARE(r.createdAt, now - 300);
        QCOMPARE(r.commit, u"1111111aaaa"_s);
        QVERIFY(r.hasDeployment);
        QVERIFY(!r.behindHead); // HEAD unknown

        index->setHead(u"Lee"_s, u"2222222bbbb"_s);
        index->flush();
        QVERIFY(mirror.rows[0].behindHead);
        index->setHead(u"lee"_s, u"1111111"_s); // an abbreviated id of the same commit
        index->flush();
        QVERIFY(!mirror.rows[0].behindHead);
    }

    void headSetBeforeTheStudentAppearsCounts()
    {
        index->setHead(u"late"_s, u"cccc"_s);
        index->applyDeployments(one(kube::DeltaType::Added, deployment(u"late"_s, u"dddd"_s)));
        index->flush();
        QVERIFY(mirror.find(u"late"_s)->behindHead);
    }

    void batchesCarryOnlyTouchedRows()
    {
        QByteArray csv = "login\n";
        for (int i = 0; i < 1000; ++i)
            csv += "s" + QByteArray::number(i) + '\n';
        index->setRoster(roster(csv));
        kube::PodDeltas all;
        for (int i = 0; i < 1000; ++i)
            all.append({kube::DeltaType::Added, running(pod(u"s%1"_s.arg(i), u"p%1"_s.arg(i), now - 60))});
        index->applyPods(all);
        index->flush();
        QCOMPARE(mirror.batches, 1);
        QCOMPARE(mirror.rows.size(), 1000);

        // Three changes to one student and one to another: one batch, two rows.
        kube::PodInfo p = running(pod(u"s500"_s, u"p500"_s, now - 60), false);
        index->applyPods(one(kube::DeltaType::Modified, p));
        index->applyPods(one(kube::DeltaType::Modified, running(p, true)));
        index->applyPods(one(kube::DeltaType::Modified, running(p, false)));
        index->applyPods(one(kube::DeltaType::Modified, running(pod(u"s7"_s, u"p7"_s, now - 60), false)));
        index->flush();
        QCOMPARE(mirror.batches, 2);
        QCOMPARE(mirror.lastChanged, 2);
        QCOMPARE(mirror.find(u"s500"_s)->readyContainers, 0);
        QCOMPARE(mirror.find(u"s7"_s)->readyContainers, 0);
        QCOMPARE(mirror.find(u"s8"_s)->readyContainers, 1);
    }

    void changesAreCoalescedOnATimer()
    {
        index->setBatchInterval(100);
        QSignalSpy spy(index, &StudentIndex::rowsChanged);
        for (int i = 0; i < 50; ++i)
            index->applyPods(one(kube::DeltaType::Added, running(pod(u"t%1"_s.arg(i), u"q%1"_s.arg(i), now))));
        QCOMPARE(spy.count(), 0); // nothing until the tick
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<RowBatch>().inserted.size(), 50);
    }

    void rolloutShowsTheNewestLivePod()
    {
        const kube::PodInfo old = running(pod(u"ana"_s, u"ana-old"_s, now - 3600));
        index->applyPods(one(kube::DeltaType::Added, old));
        kube::PodInfo fresh = pod(u"ana"_s, u"ana-new"_s, now - 5);
        fresh.phase = kube::PodPhase::Pending;
        kube::ContainerStatus waiting;
        waiting.name = u"app"_s;
        waiting.state = kube::ContainerState::Waiting;
        waiting.reason = u"ContainerCreating"_s;
        fresh.containerStatuses = {waiting};
        index->applyPods(one(kube::DeltaType::Added, fresh));
        index->flush();
        QCOMPARE(mirror.find(u"ana"_s)->podName, u"ana-new"_s);
        QCOMPARE(mirror.find(u"ana"_s)->status, u"ContainerCreating"_s);
        QCOMPARE(mirror.find(u"ana"_s)->statusClass, StatusClass::Pending);

        // The new pod is deleted (terminating) while the old one still runs: the live one wins.
        kube::PodInfo terminating = fresh;
        terminating.deletionTimestamp = now;
        index->applyPods(one(kube::DeltaType::Modified, terminating));
        index->flush();
        QCOMPARE(mirror.find(u"ana"_s)->podName, u"ana-old"_s);
        QCOMPARE(mirror.find(u"ana"_s)->status, u"Running"_s);

        index->applyPods(one(kube::DeltaType::Deleted, old));
        index->flush();
        QCOMPARE(mirror.find(u"ana"_s)->podName, u"ana-new"_s);
        QCOMPARE(mirror.find(u"ana"_s)->status, u"Terminating"_s);
    }

    void theAppsErrorOutlivesTheBackOff()
    {
        kube::PodInfo p = pod(u"yuki"_s, u"yuki-1"_s, now - 100);
        index->applyPods(one(kube::DeltaType::Added, crashed(p, u"Error: Cannot find module 'express'\nRequire stack:\n"_s, 0)));
        index->flush();
        QCOMPARE(mirror.find(u"yuki"_s)->status, u"Error"_s);
        QCOMPARE(mirror.find(u"yuki"_s)->statusClass, StatusClass::CrashLoop);
        QCOMPARE(mirror.find(u"yuki"_s)->lastError, u"Cannot find module 'express'"_s);

        index->applyPods(one(kube::DeltaType::Modified, backingOff(p, 1, now - 10)));
        index->flush();
        const course::StudentRow *r = mirror.find(u"yuki"_s);
        QCOMPARE(r->status, u"CrashLoopBackOff"_s);
        QCOMPARE(r->restarts, 1);
        QCOMPARE(r->lastRestartAt, now - 10);
        QCOMPARE(r->lastError, u"Cannot find module 'express'"_s); // not "CrashLoopBackOff (exit 1)"

        // Running again but not ready yet: still the last error.
        index->applyPods(one(kube::DeltaType::Modified, running(p, false)));
        index->flush();
        QCOMPARE(mirror.find(u"yuki"_s)->lastError, u"Cannot find module 'express'"_s);

        // A fixed pod replaces it and serves: the error is gone.
        index->applyPods(one(kube::DeltaType::Deleted, p));
        index->applyPods(one(kube::DeltaType::Added, running(pod(u"yuki"_s, u"yuki-2"_s, now))));
        index->flush();
        QCOMPARE(mirror.find(u"yuki"_s)->lastError, QString());
        QCOMPARE(mirror.find(u"yuki"_s)->statusClass, StatusClass::Running);
    }

    void aCrashLoopSeenOnlyInBackOffSaysSo()
    {
        index->applyPods(one(kube::DeltaType::Added, backingOff(pod(u"zed"_s, u"zed-1"_s, now - 100), 4, now - 30)));
        index->flush();
        QCOMPARE(mirror.find(u"zed"_s)->lastError, u"CrashLoopBackOff (exit 1)"_s);
    }

    void studentsOutsideTheRosterComeAndGo()
    {
        index->setRoster(roster("login\nkept\n"));
        const kube::PodInfo p = running(pod(u"guest"_s, u"guest-1"_s, now, u"fri"_s));
        const kube::DeploymentInfo d = deployment(u"guest"_s, u"abc"_s);
        index->applyPods(one(kube::DeltaType::Added, p));
        index->applyDeployments(one(kube::DeltaType::Added, d));
        index->flush();
        QCOMPARE(mirror.rows.size(), 2);
        QCOMPARE(mirror.find(u"guest"_s)->cohort, u"fri"_s); // from the label
        QVERIFY(!mirror.find(u"guest"_s)->inRoster);

        index->applyPods(one(kube::DeltaType::Deleted, p));
        index->flush();
        QCOMPARE(mirror.rows.size(), 2); // its Deployment is still there
        QCOMPARE(mirror.find(u"guest"_s)->status, QString());
        index->applyDeployments(one(kube::DeltaType::Deleted, d));
        index->flush();
        QCOMPARE(mirror.rows.size(), 1);
        QCOMPARE(mirror.rows[0].login, u"kept"_s);
        QCOMPARE(index->indexOf(u"kept"_s), 0);
        QCOMPARE(index->indexOf(u"guest"_s), -1);

        // A roster student keeps the row without objects.
        index->applyPods(one(kube::DeltaType::Added, running(pod(u"kept"_s, u"kept-1"_s, now))));
        index->applyPods(one(kube::DeltaType::Deleted, running(pod(u"kept"_s, u"kept-1"_s, now))));
        index->flush();
        QCOMPARE(mirror.rows.size(), 1);
    }

    void deletesOfUnknownObjectsAreIgnored()
    {
        index->applyPods(one(kube::DeltaType::Deleted, running(pod(u"ghost"_s, u"ghost-1"_s, now))));
        kube::PodInfo unlabelled = running(pod(u"x"_s, u"system-pod"_s, now));
        unlabelled.labels = QString(u"app=coredns"_s);
        index->applyPods(one(kube::DeltaType::Added, unlabelled));
        index->flush();
        QCOMPARE(mirror.rows.size(), 0);
        QCOMPARE(index->size(), 0);
    }

    void probeResultsReachTheRow()
    {
        index->setRoster(roster("login\nlee\n"));
        course::ProbeResult r;
        r.state = course::ProbeResult::State::ServerError;
        r.httpStatus = 503;
        r.latencyMs = 12;
        index->applyProbes({{u"lee"_s, r}, {u"nobody"_s, r}});
        index->flush();
        QCOMPARE(mirror.rows[0].probe.state, course::ProbeResult::State::ServerError);
        QCOMPARE(mirror.rows[0].probe.toText(), u"503 \u00b7 12 ms"_s);
        QCOMPARE(mirror.batches, 1);
        index->applyProbes({{u"lee"_s, r}}); // unchanged: nothing to send
        index->flush();
        QCOMPARE(mirror.batches, 1);
    }

    void statusClasses_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("phase");
        QTest::addColumn<int>("expected");
        QTest::newRow("running") << u"Running"_s << int(kube::PodPhase::Running) << int(StatusClass::Running);
        QTest::newRow("crash loop") << u"CrashLoopBackOff"_s << int(kube::PodPhase::Running) << int(StatusClass::CrashLoop);
        QTest::newRow("error") << u"Error"_s << int(kube::PodPhase::Running) << int(StatusClass::CrashLoop);
        QTest::newRow("oom") << u"OOMKilled"_s << int(kube::PodPhase::Running) << int(StatusClass::CrashLoop);
        QTest::newRow("init crash loop") << u"Init:CrashLoopBackOff"_s << int(kube::PodPhase::Pending) << int(StatusClass::CrashLoop);
        QTest::newRow("image pull") << u"ImagePullBackOff"_s << int(kube::PodPhase::Pending) << int(StatusClass::Failed);
        QTest::newRow("failed phase") << u"Error"_s << int(kube::PodPhase::Failed) << int(StatusClass::Failed);
        QTest::newRow("evicted") << u"Evicted"_s << int(kube::PodPhase::Failed) << int(StatusClass::Failed);
        QTest::newRow("pending") << u"Pending"_s << int(kube::PodPhase::Pending) << int(StatusClass::Pending);
        QTest::newRow("creating") << u"ContainerCreating"_s << int(kube::PodPhase::Pending) << int(StatusClass::Pending);
        QTest::newRow("init") << u"Init:0/1"_s << int(kube::PodPhase::Pending) << int(StatusClass::Pending);
        QTest::newRow("terminating") << u"Terminating"_s << int(kube::PodPhase::Running) << int(StatusClass::Other);
        QTest::newRow("none") << QString() << int(kube::PodPhase::None) << int(StatusClass::None);
    }

    void statusClasses()
    {
        QFETCH(QString, status);
        QFETCH(int, phase);
        QFETCH(int, expected);
        QCOMPARE(int(course::classifyStatus(status, kube::PodPhase(phase))), expected);
    }
};

QTEST_GUILESS_MAIN(TestStudentIndex)
#include "tst_studentindex.moc"
