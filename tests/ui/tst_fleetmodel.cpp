// The fleet table's models: FleetModel applying the index's batches, the
// FleetFilter proxy (text, status chips, error group, sorting on raw values),
// the error groups, a selection and scroll position that stay with the student
// while rows stream in, and the demo course from the sandbox on screen.
#include "../common/sandboxprocess.h"
#include "course/studentindex.h"
#include "fleetfilter.h"
#include "fleetmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using course::StatusClass;

namespace {

FleetRow student(const QString &login, const QString &status, StatusClass cls, const QString &error = {},
                 int restarts = 0)
{
    FleetRow r;
    r.login = login;
    r.student = login.left(1).toUpper() + login.mid(1) + u" Example"_s;
    r.cohort = u"morning"_s;
    r.status = status;
    r.statusClass = cls;
    r.lastError = error;
    r.restarts = restarts;
    r.readyContainers = cls == StatusClass::Running ? 1 : 0;
    r.totalContainers = 1;
    r.createdAt = QDateTime::currentSecsSinceEpoch() - 3600;
    r.commit = u"0123456789abcdef0123456789abcdef01234567"_s;
    r.hasDeployment = true;
    r.url = u"http://"_s + login + u".apps.example.edu/"_s;
    return r;
}

course::RowBatch inserting(const QList<FleetRow> &rows)
{
    course::RowBatch b;
    b.inserted = rows;
    return b;
}

QList<FleetRow> sampleFleet()
{
    return {
        student(u"ana"_s, u"Running"_s, StatusClass::Running),
        student(u"ben"_s, u"CrashLoopBackOff"_s, StatusClass::CrashLoop, u"Cannot find module 'express'"_s, 7),
        student(u"cleo"_s, u"Pending"_s, StatusClass::Pending, u"Unschedulable"_s),
        student(u"dev"_s, u"ImagePullBackOff"_s, StatusClass::Failed, u"ImagePullBackOff"_s),
        student(u"eli"_s, u"CrashLoopBackOff"_s, StatusClass::CrashLoop, u"Cannot find module 'express'"_s, 3),
        student(u"fay"_s, u"Running"_s, StatusClass::Running),
        student(u"gus"_s, u"CrashLoopBackOff"_s, StatusClass::CrashLoop, u"OOMKilled"_s, 12),
    };
}

QStringList logins(const QAbstractItemModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.index(i, FleetModel::Login).data().toString();
    return out;
}

QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("COURSEOPS_ARTIFACTS", QDir::tempPath()) + u"/screenshots"_s;
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelsPassTheTester()
    {
        FleetModel model;
        FleetFilter filter;
        filter.setSourceModel(&model);
        filter.sort(FleetModel::Restarts, Qt::DescendingOrder);
        ErrorGroupModel groups(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(groups.sortedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.applyBatch(inserting(sampleFleet()));
        QCOMPARE(inserts.count(), 1); // one range for the whole batch
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(filter.rowCount(), 7);
        QCOMPARE(groups.rowCount(), 4);
        QCOMPARE(groups.countOf(u"Cannot find module 'express'"_s), 2);

        // Rows 1, 2, 3 and 5 change: two ranges, two dataChanged.
        course::RowBatch b;
        b.changedRows = {1, 2, 3, 5};
        b.changed = {student(u"ben"_s, u"Running"_s, StatusClass::Running),
                     student(u"cleo"_s, u"ContainerCreating"_s, StatusClass::Pending),
                     student(u"dev"_s, u"ErrImagePull"_s, StatusClass::Failed, u"ImagePullBackOff"_s),
                     student(u"fay"_s, u"Error"_s, StatusClass::CrashLoop, u"OOMKilled"_s, 1)};
        b.inserted = {student(u"hal"_s, u"Running"_s, StatusClass::Running)};
        model.applyBatch(b);
        QCOMPARE(changes.count(), 2);
        QCOMPARE(changes.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changes.at(0).at(1).value<QModelIndex>().row(), 3);
        QCOMPARE(changes.at(1).at(0).value<QModelIndex>().row(), 5);
        QCOMPARE(inserts.count(), 2);
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(1, FleetModel::Status).data().toString(), u"Running"_s);
        QCOMPARE(groups.countOf(u"Cannot find module 'express'"_s), 1);
        QCOMPARE(groups.countOf(u"OOMKilled"_s), 2);
        QCOMPARE(groups.countOf(u"Unschedulable"_s), 0);
        QCOMPARE(groups.rowCount(), 3);
        QCOMPARE(groups.sortedModel()->index(0, 0).data(ErrorGroupModel::SignatureRole).toString(), u"OOMKilled"_s);

        course::RowBatch removal;
        removal.removed = {6, 5, 0};
        model.applyBatch(removal);
        QCOMPARE(logins(model), (QStringList{u"ben"_s, u"cleo"_s, u"dev"_s, u"eli"_s, u"hal"_s}));
        QCOMPARE(groups.countOf(u"OOMKilled"_s), 0);

        model.setRows(sampleFleet());
        QCOMPARE(filter.rowCount(), 7);
        QCOMPARE(groups.countOf(u"Cannot find module 'express'"_s), 2);
    }

    void displayIsKubectlsAndSortIsRaw()
    {
        FleetModel model;
        FleetRow r = student(u"ben"_s, u"CrashLoopBackOff"_s, StatusClass::CrashLoop, {}, 7);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        r.createdAt = now - (3 * 86400 + 4 * 3600 + 100);
        r.lastRestartAt = now - 300;
        r.headCommit = u"fedcba9876543210"_s;
        r.behindHead = true;
        model.setRows({r});
        QCOMPARE(model.index(0, FleetModel::Age).data().toString(), u"3d4h"_s);
        QCOMPARE(model.index(0, FleetModel::Restarts).data().toString(), u"7 (5m ago)"_s);
        QCOMPARE(model.index(0, FleetModel::Restarts).data(FleetModel::SortRole).toInt(), 7);
        QCOMPARE(model.index(0, FleetModel::Commit).data().toString(), u"0123456 (behind)"_s);
        QCOMPARE(model.index(0, FleetModel::Ready).data().toString(), u"0/1"_s);
        QVERIFY(model.index(0, FleetModel::Status).data(Qt::ForegroundRole).isValid()); // coloured
        QVERIFY(model.index(0, FleetModel::Commit).data(Qt::ToolTipRole).toString().contains(u"fedcba9876543210"_s));
    }

    void filterByTextChipsAndGroup()
    {
        FleetModel model;
        FleetFilter filter;
        filter.setSourceModel(&model);
        filter.sort(FleetModel::Login);
        model.applyBatch(inserting(sampleFleet()));

        filter.setText(u"EXPRESS"_s); // the error, case-insensitive
        QCOMPARE(logins(filter), (QStringList{u"ben"_s, u"eli"_s}));
        filter.setText(u"Cleo Ex"_s); // every word must match: name
        QCOMPARE(logins(filter), QStringList{u"cleo"_s});
        filter.setText({});

        filter.setChip(FleetFilter::CrashLoop, true);
        QCOMPARE(logins(filter), (QStringList{u"ben"_s, u"eli"_s, u"gus"_s}));
        filter.setChip(FleetFilter::Pending, true); // status chips widen
        QCOMPARE(logins(filter), (QStringList{u"ben"_s, u"cleo"_s, u"eli"_s, u"gus"_s}));
        filter.setText(u"module"_s); // text narrows
        QCOMPARE(logins(filter), (QStringList{u"ben"_s, u"eli"_s}));
        filter.setText({});
        filter.setChips(FleetFilter::Failed);
        QCOMPARE(logins(filter), QStringList{u"dev"_s});

        // Behind HEAD narrows whatever else is chosen.
        course::RowBatch b;
        FleetRow fay = student(u"fay"_s, u"Running"_s, StatusClass::Running);
        fay.behindHead = true;
        b.changedRows = {5};
        b.changed = {fay};
        model.applyBatch(b);
        filter.setChips(FleetFilter::BehindHead);
        QCOMPARE(logins(filter), QStringList{u"fay"_s});
        filter.setChips(FleetFilter::BehindHead | FleetFilter::CrashLoop);
        QCOMPARE(logins(filter), QStringList());
        filter.setChips(FleetFilter::Running | FleetFilter::BehindHead);
        QCOMPARE(logins(filter), QStringList{u"fay"_s});
        filter.setChips(FleetFilter::NoChips);

        // A group picked from the error list.
        ErrorGroupModel groups(&model);
        const QModelIndex top = groups.sortedModel()->index(0, 0);
        QCOMPARE(top.data(ErrorGroupModel::CountRole).toInt(), 2);
        filter.setErrorSignature(top.data(ErrorGroupModel::SignatureRole).toString());
        QCOMPARE(logins(filter), (QStringList{u"ben"_s, u"eli"_s}));
        filter.setErrorSignature({});
        QCOMPARE(filter.rowCount(), 7);

        // A row that changes into the filter's set appears, one that leaves goes.
        filter.setChips(FleetFilter::Running);
        QCOMPARE(logins(filter), (QStringList{u"ana"_s, u"fay"_s}));
        course::RowBatch c;
        c.changedRows = {0, 1};
        c.changed = {student(u"ana"_s, u"Error"_s, StatusClass::CrashLoop, u"OOMKilled"_s),
                     student(u"ben"_s, u"Running"_s, StatusClass::Running)};
        model.applyBatch(c);
        QCOMPARE(logins(filter), (QStringList{u"ben"_s, u"fay"_s}));
    }

    void sortsOnRawValues()
    {
        FleetModel model;
        FleetFilter filter;
        filter.setSourceModel(&model);
        QList<FleetRow> rows = sampleFleet();
        rows[0].restarts = 100; // "100" sorts after "12" as text, not as a number
        model.applyBatch(inserting(rows));
        filter.sort(FleetModel::Restarts, Qt::DescendingOrder);
        QCOMPARE(logins(filter).mid(0, 4), (QStringList{u"ana"_s, u"gus"_s, u"ben"_s, u"eli"_s}));
        filter.sort(FleetModel::Status, Qt::AscendingOrder); // by class: Running, CrashLoop, Pending, Failed
        QCOMPARE(logins(filter).first(), u"ana"_s);
        QCOMPARE(logins(filter).last(), u"dev"_s);
        filter.sort(FleetModel::LastError, Qt::AscendingOrder); // empty last
        QCOMPARE(logins(filter).first(), u"ben"_s);
        QCOMPARE(logins(filter).last(), u"fay"_s);
    }

    void selectionAndScrollStayWithTheStudent()
    {
        FleetModel model;
        FleetFilter filter;
        filter.setSourceModel(&model);
        QTableView view;
        view.setModel(&filter);
        view.setSortingEnabled(true);
        view.sortByColumn(FleetModel::Login, Qt::AscendingOrder);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        new FleetViewAnchor(&view);
        view.resize(800, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QList<FleetRow> rows;
        for (int i = 0; i < 200; ++i)
            rows << student(u"m%1"_s.arg(i * 2, 4, 10, QChar(u'0')), u"Running"_s, StatusClass::Running);
        model.applyBatch(inserting(rows));
        QTest::qWait(50); // the view lays the rows out

        // The user scrolls down and selects a student.
        const int chosenRow = 120;
        const QString chosen = filter.index(chosenRow, FleetModel::Login).data().toString();
        view.scrollTo(filter.index(110, 0), QAbstractItemView::PositionAtTop);
        QTest::qWait(50);
        view.selectionModel()->select(filter.index(chosenRow, 0),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view.selectionModel()->setCurrentIndex(filter.index(chosenRow, 0), QItemSelectionModel::NoUpdate);
        QTest::qWait(50);
        const QString topBefore = view.indexAt(QPoint(1, 1)).siblingAtColumn(FleetModel::Login).data().toString();
        QVERIFY(topBefore > u"m0200"_s); // scrolled well away from the top

        // A batch changes other rows (one of them re-sorts) and inserts rows that sort before it.
        course::RowBatch b;
        b.changedRows = {3, 150};
        b.changed = {student(u"m0006"_s, u"CrashLoopBackOff"_s, StatusClass::CrashLoop, u"OOMKilled"_s, 2),
                     student(u"m0300"_s, u"Error"_s, StatusClass::CrashLoop, u"OOMKilled"_s, 1)};
        for (int i = 0; i < 30; ++i)
            b.inserted << student(u"m%1"_s.arg(i * 2 + 1, 4, 10, QChar(u'0')), u"Pending"_s, StatusClass::Pending);
        model.applyBatch(b);
        QTest::qWait(50);

        const QModelIndexList selected = view.selectionModel()->selectedRows(FleetModel::Login);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data().toString(), chosen);
        QCOMPARE(view.selectionModel()->currentIndex().siblingAtColumn(FleetModel::Login).data().toString(), chosen);
        QVERIFY(filter.mapToSource(selected.first()).row() == model.rowOf(chosen));
        const QString topAfter = view.indexAt(QPoint(1, 1)).siblingAtColumn(FleetModel::Login).data().toString();
        QCOMPARE(topAfter, topBefore); // the rows above grew, the view did not move
        view.grab().save(screenshotPath(u"fleet-selection-kept.png"_s));

        // Sorting by another column moves rows, not the selection.
        view.sortByColumn(FleetModel::Restarts, Qt::DescendingOrder);
        QCOMPARE(view.selectionModel()->selectedRows(FleetModel::Login).first().data().toString(), chosen);
    }

    void demoFleetOnScreen()
    {
        // The sandbox's demo course (every way to break), through reflectors and
        // the index, as the console shows it.
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({u"--runtime"_s, u"simulated"_s, u"--time-scale"_s, u"10"_s}));
        QString error;
        auto access = kube::ClusterAccess::fromKubeconfig({sandbox.kubeconfig()}, {}, &error);
        QVERIFY2(access, qPrintable(error));
        course::Diagnostics problems;
        course::CourseConfig config = course::CourseConfig::load(QStringLiteral(COURSEOPS_SOURCE_DIR "/resources/demo/course.yaml"), &problems);
        const course::Roster roster = course::Roster::load(QStringLiteral(COURSEOPS_SOURCE_DIR "/resources/demo/roster.csv"), &problems);

        kube::ReflectorOptions o;
        o.labelSelector = QString(kube::kStudentLabel);
        kube::PodReflector pods(access, o);
        kube::DeploymentReflector deployments(access, o);
        kube::ServiceReflector services(access, o);
        course::StudentIndex index;
        FleetModel model;
        QObject::connect(&index, &course::StudentIndex::rowsChanged, &model, &FleetModel::applyBatch);
        index.setCourse(config);
        index.setRoster(roster);
        index.connectReflectors(&pods, &deployments, &services);
        pods.start();
        deployments.start();
        services.start();

        FleetFilter filter;
        filter.setSourceModel(&model);
        ErrorGroupModel groups(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QWidget window;
        window.setWindowTitle(u"CourseOps fleet"_s);
        auto *layout = new QHBoxLayout(&window);
        auto *groupList = new QListView(&window);
        groupList->setModel(groups.sortedModel());
        groupList->setFixedWidth(330);
        groupList->setTextElideMode(Qt::ElideMiddle);
        auto *table = new QTableView(&window);
        table->setModel(&filter);
        table->setSortingEnabled(true);
        table->sortByColumn(FleetModel::Status, Qt::DescendingOrder);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setAlternatingRowColors(true);
        table->setTextElideMode(Qt::ElideMiddle);
        table->verticalHeader()->hide();
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
        table->horizontalHeader()->setStretchLastSection(true);
        layout->addWidget(groupList);
        layout->addWidget(table, 1);
        window.resize(1500, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Settled: the missing-module pair grouped, the image pull failing.
        QTRY_VERIFY_WITH_TIMEOUT(groups.countOf(u"Cannot find module 'express'"_s) == 2, 90000);
        QTRY_VERIFY_WITH_TIMEOUT(groups.countOf(u"ImagePullBackOff"_s) == 2, 90000);
        QTRY_VERIFY_WITH_TIMEOUT(groups.countOf(u"OOMKilled"_s) == 2, 90000);
        QCOMPARE(model.rowCount(), 41);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(model.rowOf(u"aarav-shar"_s), FleetModel::Status).data().toString(),
                                  u"Running"_s, 60000);
        QCOMPARE(model.index(model.rowOf(u"aarav-shar"_s), FleetModel::Student).data().toString(), u"Aarav Sharma"_s);
        for (int c = 0; c < FleetModel::Probe; ++c)
            table->resizeColumnToContents(c);
        QTest::qWait(100);
        QVERIFY(window.grab().save(screenshotPath(u"fleet-demo.png"_s)));

        // A click on a group shows only that group.
        filter.setErrorSignature(u"Cannot find module 'express'"_s);
        QCOMPARE(filter.rowCount(), 2);
        QVERIFY(window.grab().save(screenshotPath(u"fleet-demo-group.png"_s)));
        filter.setErrorSignature({});
        filter.setChips(FleetFilter::CrashLoop);
        QVERIFY(filter.rowCount() >= 4);
        for (int i = 0; i < filter.rowCount(); ++i)
            QCOMPARE(filter.index(i, 0).data(FleetModel::StatusClassRole).toInt(), int(StatusClass::CrashLoop));

        pods.stop();
        deployments.stop();
        services.stop();
    }
};

QTEST_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"
