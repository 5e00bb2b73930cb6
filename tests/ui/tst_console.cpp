// The console as a TA and a staff member use it, against the built-in sandbox
// started the way `courseops` starts it (real node processes for the apps).
#include "codeeditor.h"
#include "codewindow.h"
#include "commitdialog.h"
#include "detailspanel.h"
#include "diffview.h"
#include "mergeview.h"
#include "fleetfilter.h"
#include "fleetmodel.h"
#include "logmodel.h"
#include "logview.h"
#include "mainwindow.h"
#include "wavedialog.h"
#include "course/clustersession.h"
#include "course/embeddedsandbox.h"
#include "course/stacktrace.h"
#include "course/waverunner.h"
#include "github/githubclient.h"
#include "github/githubrepos.h"
#include "kube/clusteraccess.h"
#include "kube/deploymentinfo.h"
#include "kube/kubeclient.h"
#include "../common/screenshots.h"

#include <QAction>
#include <algorithm>
#include <QApplication>
#include <QListView>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QToolButton>

namespace {

// The first `n` students of the demo roster keep their demo behaviours
// (crash at 2, oom at 5, image-pull at 7, slow-start at 9, unschedulable at 11,
// missing-module at 14) with fewer node processes; the last student, whose app
// needs the course-api Secret, comes too (16 rows).
QString demoRoster(const QString &dir, int n)
{
    QFile in(QStringLiteral(":/demo/roster.csv"));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = in.readAll().split('\n');
    QByteArray out;
    int students = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (students > n && !line.startsWith("sofia-ross,"))
            continue;
        out += line + '\n';
        if (!line.startsWith('#'))
            ++students;
    }
    const QString path = dir + QStringLiteral("/roster.csv");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(out);
    return path;
}

int rowOf(MainWindow &w, const QString &login)
{
    return w.fleetModel()->rowOf(login);
}

QString statusOf(MainWindow &w, const QString &login)
{
    const int r = rowOf(w, login);
    return r < 0 ? QString() : w.fleetModel()->row(r).status;
}

void selectLogin(MainWindow &w, const QString &login)
{
    const int source = rowOf(w, login);
    const QModelIndex proxy = w.fleetFilter()->mapFromSource(w.fleetModel()->index(source, 0));
    w.fleetView()->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
}

QString loginAt(MainWindow &w, int proxyRow)
{
    return w.fleetModel()->row(w.fleetFilter()->mapToSource(w.fleetFilter()->index(proxyRow, 0)).row()).login;
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

    QTemporaryDir m_state;
    QString m_roster;
    std::unique_ptr<MainWindow> m_window;

    MainWindow &window() { return *m_window; }

    std::shared_ptr<kube::ClusterAccess> adminAccess()
    {
        QString error;
        auto access = kube::ClusterAccess::fromKubeconfig({window().sandbox()->endpoints().kubeconfig},
                                                          QStringLiteral("sandbox-admin"), &error);
        if (!access)
            qWarning() << error;
        return access;
    }

    // The student's side of GitHub: a client with the sandbox's staff token.
    struct Github
    {
        std::unique_ptr<github::GithubClient> client;
        std::unique_ptr<github::GithubRepos> repos;
    };
    Github github()
    {
        github::GithubConfig config;
        QByteArray token;
        QString error;
        if (!github::GithubConfig::readEnvFile(window().sandbox()->endpoints().githubEnv, &config, &token, &error))
            qWarning() << error;
        Github g;
        g.client = std::make_unique<github::GithubClient>(config);
        g.client->setToken(token);
        g.repos = std::make_unique<github::GithubRepos>(g.client.get());
        return g;
    }
    QByteArray readFile(github::GithubRepos *repos, const QString &repo, const QString &path)
    {
        QByteArray content;
        bool done = false;
        repos->readFile(QStringLiteral("webapps101"), repo, path, {}, this,
                        [&](const github::GithubError &e, const github::FileContent &file) {
                            if (!e.isOk())
                                qWarning() << e.message;
                            content = file.content;
                            done = true;
                        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("GitHub did not answer in 20 s");
        return content;
    }
    QByteArray push(github::GithubRepos *repos, const QString &repo, const QString &path, const QByteArray &content,
                    const QString &message, const QString &name)
    {
        github::CommitRequest c;
        c.owner = QStringLiteral("webapps101");
        c.repo = repo;
        c.branch = QStringLiteral("main");
        c.changes = {{path, content, false}};
        c.message = message;
        c.author = {name, repo + QStringLiteral("@students.example.org"), {}};
        QByteArray sha;
        bool done = false;
        repos->commit(c, this, [&](const github::CommitResult &r) {
            if (r.outcome != github::CommitResult::Outcome::Committed)
                qWarning() << r.error.message;
            sha = r.commitSha;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("GitHub did not answer in 20 s");
        return sha;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("CourseOpsTest"));
        QApplication::setApplicationName(QStringLiteral("tst_console"));
        QSettings().clear();
        QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
        qputenv("COURSEOPS_SANDBOX_BINARY", COURSEOPS_SANDBOX_BINARY);
        m_roster = demoRoster(m_state.path(), 15);
        QVERIFY(!m_roster.isEmpty());

        m_window = std::make_unique<MainWindow>();
        MainWindow &w = window();
        QVERIFY(w.openCourse(QStringLiteral(":/demo/course.yaml"), m_roster, true));
        course::EmbeddedSandbox::Options options;
        options.stateDir = m_state.filePath(QStringLiteral("sandbox"));
        options.roster = m_roster;
        // Sofia is the demo course's 41st student: the scenario keeps her behaviour.
        QFile scenario(m_state.filePath(QStringLiteral("scenario.yaml")));
        QVERIFY(scenario.open(QIODevice::WriteOnly) && scenario.write("sofia-ross: needs-secret\n") > 0);
        scenario.close();
        options.extraArguments = {QStringLiteral("--time-scale"), QStringLiteral("5"), QStringLiteral("--scenario"),
                                  scenario.fileName()};
        w.setSandboxOptions(options);
        w.resize(1400, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ConnectionChoice sandbox;
        sandbox.sandbox = true;
        w.connectTo(sandbox);
        QTRY_VERIFY_WITH_TIMEOUT(w.session() != nullptr, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->state(), course::ClusterSession::State::Live, 60000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }

    void fleetShowsEveryStudentAsKubectlWould()
    {
        MainWindow &w = window();
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetModel()->rowCount(), 16, 30000);
        // The demo's broken students, as kubectl prints them.
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(w, QStringLiteral("jonas-beck")) == QLatin1String("Pending"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(w, QStringLiteral("kavya-rao")).contains(QLatin1String("ImagePull")) ||
                                     statusOf(w, QStringLiteral("kavya-rao")) == QLatin1String("ErrImagePull"),
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, QStringLiteral("yuki-tana"))).lastError.contains(
                                     QLatin1String("Cannot find module")),
                                 90000);
        const int healthy = rowOf(w, QStringLiteral("aarav-shar"));
        QVERIFY(healthy >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetModel()->row(healthy).status, QStringLiteral("Running"), 60000);
        // The probe reaches the healthy app through the sandbox's router.
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, QStringLiteral("aarav-shar"))).probe.toText().contains(
                                     QLatin1String("200")),
                                 60000);
        auto *connection = w.findChild<QLabel *>(QStringLiteral("connectionIndicator"));
        QVERIFY2(connection->text().contains(QStringLiteral("Live")), qPrintable(connection->text()));
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-fleet.png"))));
    }

    void filterAndSort()
    {
        MainWindow &w = window();
        auto *filter = w.findChild<QLineEdit *>(QStringLiteral("filter"));
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("cannot find"));
        QTRY_COMPARE(w.fleetFilter()->rowCount(), 1);
        QCOMPARE(loginAt(w, 0), QStringLiteral("yuki-tana"));
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-filtered.png"))));
        filter->clear();
        QCOMPARE(w.fleetFilter()->rowCount(), 16);

        // The Pending chip: only the unschedulable student (and any still starting).
        auto *pending = w.findChild<QToolButton *>(QStringLiteral("chipPending"));
        pending->click();
        QVERIFY(w.fleetFilter()->rowCount() >= 1);
        bool sawJonas = false;
        for (int r = 0; r < w.fleetFilter()->rowCount(); ++r)
            sawJonas |= loginAt(w, r) == QLatin1String("jonas-beck");
        QVERIFY(sawJonas);
        pending->click();
        QCOMPARE(w.fleetFilter()->rowCount(), 16);

        // Sort by restarts, most first: the top row has the most.
        w.fleetView()->sortByColumn(FleetModel::Restarts, Qt::DescendingOrder);
        int most = 0;
        for (int r = 0; r < w.fleetModel()->rowCount(); ++r)
            most = qMax(most, w.fleetModel()->row(r).restarts);
        QCOMPARE(w.fleetModel()->row(rowOf(w, loginAt(w, 0))).restarts, most);
        w.fleetView()->sortByColumn(FleetModel::Student, Qt::AscendingOrder);
        QVERIFY(loginAt(w, 0) < loginAt(w, 1) || w.fleetModel()->row(rowOf(w, loginAt(w, 0))).student <=
                                                     w.fleetModel()->row(rowOf(w, loginAt(w, 1))).student);
    }

    void logsFollowALiveApp()
    {
        MainWindow &w = window();
        selectLogin(w, QStringLiteral("aarav-shar"));
        w.action(MainWindow::ActLogs)->trigger();
        LogView *logs = w.details()->logView();
        QTRY_VERIFY_WITH_TIMEOUT(logs->model()->rowCount() > 0, 30000);
        const int before = logs->model()->rowCount();
        // A visit to the app through the router makes it log a line.
        QNetworkAccessManager nam;
        const QString router = w.sandbox()->endpoints().router;
        QNetworkRequest request(QUrl(QStringLiteral("http://%1/console-test-visit").arg(router)));
        request.setRawHeader("Host", "aarav-shar.apps.courseops.test");
        QNetworkReply *reply = nam.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        reply->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT(logs->model()->rowCount() > before, 30000);
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-logs.png"))));
    }

    void taFixesTheSyntaxErrorStudentEndToEnd()
    {
        MainWindow &w = window();
        const QString login = QStringLiteral("rohan-meht");
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(w, login) == QLatin1String("CrashLoopBackOff") ||
                                     statusOf(w, login) == QLatin1String("Error"),
                                 90000);
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, login)).lastError.contains(QLatin1String("SyntaxError")),
                                 60000);
        // From the table: select the student, Student ▸ Open Code.
        selectLogin(w, login);
        QTRY_VERIFY(w.action(MainWindow::ActOpenCode)->isEnabled());
        w.action(MainWindow::ActOpenCode)->trigger();
        CodeWindow *code = nullptr;
        QTRY_VERIFY((code = QApplication::topLevelWidgets().isEmpty() ? nullptr : [] {
            for (QWidget *t : QApplication::topLevelWidgets())
                if (auto *c = qobject_cast<CodeWindow *>(t))
                    return c;
            return static_cast<CodeWindow *>(nullptr);
        }()) != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(code->isLoaded(), 30000);
        QVERIFY(code->treePaths().contains(QStringLiteral("index.js")));
        // It opens where the last stack trace points: the line Node could not parse.
        QTRY_VERIFY_WITH_TIMEOUT(code->editor(QStringLiteral("index.js")) &&
                                     code->editor(QStringLiteral("index.js"))->errorLine() > 0,
                                 30000);
        CodeEditor *editor = code->editor(QStringLiteral("index.js"));
        QVERIFY(editor->text().contains(QStringLiteral("res.end(page();")));
        const QString source = editor->text();
        QCOMPARE(editor->errorLine(),
                 int(source.left(source.indexOf(QStringLiteral("res.end(page();"))).count(u'\n')) + 1);
        QCOMPARE(editor->replaceAll(QStringLiteral("res.end(page();"), QStringLiteral("res.end(page());")), 1);
        QVERIFY(editor->differsFromBase());
        QVERIFY(code->grab().save(artifact(QStringLiteral("console-code-editor.png"))));
        DiffView *diff = code->showDiff(QStringLiteral("index.js"));
        QVERIFY(diff);
        QTest::qWait(100);
        QVERIFY(diff->window()->grab().save(artifact(QStringLiteral("console-code-diff.png"))));
        if (diff->window() != code)
            diff->window()->close();

        // Meanwhile the student pushes a README change.
        Github gh = github();
        const QByteArray readme = readFile(gh.repos.get(), login, QStringLiteral("README.md"));
        const QByteArray studentHead = push(gh.repos.get(), login, QStringLiteral("README.md"),
                                            readme + "\nI am still working on this.\n", QStringLiteral("Note in the README"),
                                            QStringLiteral("Rohan Mehta"));
        QVERIFY(!studentHead.isEmpty());

        // Commit and Redeploy: the branch moved, so the merge view comes first.
        auto *commitAndRedeploy = code->findChild<QAction *>(QStringLiteral("commitAndRedeployAction"));
        QVERIFY(commitAndRedeploy && commitAndRedeploy->isEnabled());
        QSignalSpy mergeNeeded(code, &CodeWindow::mergeNeeded);
        commitAndRedeploy->trigger();
        CommitDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = code->findChild<CommitDialog *>()) != nullptr && dialog->isVisible());
        QTest::keyClicks(dialog->messageEdit(), QStringLiteral("Close the call to res.end"));
        QVERIFY(dialog->messageEdit()->toPlainText().contains(QStringLiteral("Co-authored-by: Rohan Mehta")) ||
                dialog->findChild<QPushButton *>(QStringLiteral("commitButton")));
        dialog->findChild<QPushButton *>(QStringLiteral("commitButton"))->click();
        QVERIFY(mergeNeeded.wait(30000));
        MergeView *merge = code->mergeView();
        QVERIFY(merge);
        QTRY_VERIFY(merge->isVisible());
        QCOMPARE(merge->totalConflictsLeft(), 0); // different files: nothing conflicts
        merge->resize(1200, 700);
        QTest::qWait(50);
        QVERIFY(merge->grab().save(artifact(QStringLiteral("console-code-merge.png"))));
        if (!merge->allResolved())
            merge->findChild<QPushButton *>(QStringLiteral("markResolved"))->click();
        QSignalSpy committed(code, &CodeWindow::committed);
        merge->findChild<QPushButton *>(QStringLiteral("commitMerge"))->click();
        QVERIFY(committed.wait(30000));
        const QByteArray fix = committed.at(0).at(0).toByteArray();

        // The repository holds one new commit on top of the student's, with both changes.
        const QByteArray index = readFile(gh.repos.get(), login, QStringLiteral("index.js"));
        QVERIFY(index.contains("res.end(page());"));
        QVERIFY(readFile(gh.repos.get(), login, QStringLiteral("README.md")).contains("still working on this"));

        // The window follows the rollout until the app answers.
        QTRY_VERIFY_WITH_TIMEOUT(code->property("fixLive").toBool(), 120000);
        QVERIFY2(code->property("fixStatus").toString().contains(QStringLiteral("The fix is live")),
                 qPrintable(code->property("fixStatus").toString()));
        QVERIFY(code->grab().save(artifact(QStringLiteral("console-code-live.png"))));
        const FleetRow &row = w.fleetModel()->row(rowOf(w, login));
        QCOMPARE(row.status, QStringLiteral("Running"));
        QCOMPARE(row.commit, QString::fromLatin1(fix));
        QVERIFY(row.probe.toText().startsWith(QLatin1String("200")));
        code->close();
    }

    // `courseops open LOGIN` ends here: the row is selected and the code window opens.
    void openCodeFromTheCommandLine()
    {
        MainWindow &w = window();
        const QString login = QStringLiteral("aarav-shar");
        w.openCodeWhenReady(login.toUpper());
        CodeWindow *code = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (QWidget *t : QApplication::topLevelWidgets())
                if (auto *c = qobject_cast<CodeWindow *>(t); c && c->isVisible())
                    code = c;
            return code != nullptr;
        }(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(code->isLoaded(), 30000);
        QVERIFY(code->treePaths().contains(QStringLiteral("index.js")));
        QCOMPARE(w.selectedLogins(), QStringList{login});
        code->close();
    }

    void missingModuleStudentRunsAfterRedeployAtHead()
    {
        MainWindow &w = window();
        const QString login = QStringLiteral("yuki-tana");
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(w, login) == QLatin1String("CrashLoopBackOff") ||
                                     statusOf(w, login) == QLatin1String("Error"),
                                 90000);
        // A stack-trace line in the log opens the code at that line.
        selectLogin(w, login);
        w.details()->setCurrentTab(DetailsPanel::LogsTab);
        LogView *logs = w.details()->logView();
        const auto frameRow = [logs] {
            for (int r = logs->model()->rowCount() - 1; r >= 0; --r)
                if (course::sourceLocationIn(logs->model()->lineText(r)).path.endsWith(QLatin1String("/index.js")))
                    return r;
            return -1;
        };
        if (!QTest::qWaitFor([&] { return frameRow() >= 0; }, 20000))
            logs->setShowPrevious(true); // the crashed run's log, as kubectl logs --previous
        QTRY_VERIFY_WITH_TIMEOUT(frameRow() >= 0, 30000);
        const QModelIndex frame = logs->model()->index(frameRow(), 0);
        const int frameLine = course::sourceLocationIn(logs->model()->lineText(frame.row())).line;
        QVERIFY(logs->model()->data(frame, Qt::ToolTipRole).toString().contains(QStringLiteral("line %1").arg(frameLine)));
        logs->listView()->scrollTo(frame);
        const QPoint at = logs->listView()->visualRect(frame).center();
        QTest::mouseClick(logs->listView()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(logs->listView()->viewport(), Qt::LeftButton, {}, at);
        const auto openCodeWindow = [] {
            for (QWidget *t : QApplication::topLevelWidgets())
                if (auto *c = qobject_cast<CodeWindow *>(t); c && c->isVisible())
                    return c;
            return static_cast<CodeWindow *>(nullptr);
        };
        CodeWindow *fromLog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((fromLog = openCodeWindow()) != nullptr, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(fromLog->editor(QStringLiteral("index.js")) &&
                                     fromLog->editor(QStringLiteral("index.js"))->errorLine() == frameLine,
                                 30000);
        // Node names the require() of the missing module.
        const QString code = fromLog->editor(QStringLiteral("index.js"))->text();
        QCOMPARE(frameLine, int(code.left(code.indexOf(QLatin1String("require('express')"))).count(u'\n')) + 1);
        QCOMPARE(fromLog->currentEditor(), fromLog->editor(QStringLiteral("index.js")));
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-log-stack-trace.png"))));
        QVERIFY(fromLog->grab().save(artifact(QStringLiteral("console-code-at-stack-trace.png"))));
        fromLog->close();
        QTRY_VERIFY(openCodeWindow() == nullptr);

        // The student fixes their app and pushes: their repository's HEAD moves.
        Github gh = github();
        QByteArray js = readFile(gh.repos.get(), login, QStringLiteral("index.js"));
        QVERIFY(js.contains("require('express')"));
        js.replace("const express = require('express');\n", "");
        QVERIFY(!push(gh.repos.get(), login, QStringLiteral("index.js"), js, QStringLiteral("Not yet express"),
                      QStringLiteral("Yuki Tanaka"))
                     .isEmpty());

        // The console sees the new HEAD: the row is behind it.
        selectLogin(w, login);
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, login)).behindHead, 60000);
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-behind-head.png"))));
        QTRY_VERIFY(w.action(MainWindow::ActRedeploy)->isEnabled());
        w.action(MainWindow::ActRedeploy)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(w, login), QStringLiteral("Running"), 90000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.fleetModel()->row(rowOf(w, login)).behindHead, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, login)).probe.toText().contains(QLatin1String("200")),
                                 60000);
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-fixed.png"))));
    }

    void waveRedeployOfACohort()
    {
        MainWindow &w = window();
        // Every running student of one cohort pushes a commit: their rows fall behind HEAD.
        const QString cohort = w.fleetModel()->row(0).cohort;
        QHash<QString, QString> pushed; // login -> the new HEAD
        Github gh = github();
        for (int r = 0; r < w.fleetModel()->rowCount(); ++r) {
            const FleetRow &row = w.fleetModel()->row(r);
            if (row.cohort != cohort || row.statusClass != course::StatusClass::Running)
                continue;
            const QByteArray readme = readFile(gh.repos.get(), row.login, QStringLiteral("README.md"));
            const QByteArray head = push(gh.repos.get(), row.login, QStringLiteral("README.md"),
                                         readme + "\nWeek 2 notes.\n", QStringLiteral("Week 2 notes"), row.student);
            QVERIFY(!head.isEmpty());
            pushed.insert(row.login, QString::fromLatin1(head));
        }
        QVERIFY2(pushed.size() >= 2, qPrintable(pushed.keys().join(u',')));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(pushed.keyBegin(), pushed.keyEnd(), [&](const QString &login) {
                                     return w.fleetModel()->row(rowOf(w, login)).headCommit == pushed.value(login);
                                 }),
                                 90000);

        // What the server holds for everyone else before the run.
        kube::KubeClient client(adminAccess());
        auto deployedCommits = [&client] {
            QHash<QString, QString> commits;
            const kube::ApiResult list = client.sendAndWait({"GET", QStringLiteral("/apis/apps/v1/namespaces/students/deployments"),
                                                             {}, {}, {}, "application/json", 60000});
            for (const QJsonValue &item : QJsonDocument::fromJson(list.body).object().value(QStringLiteral("items")).toArray())
                commits.insert(item[QStringLiteral("metadata")][QStringLiteral("name")].toString(),
                               item[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("metadata")]
                                   [QStringLiteral("annotations")][QStringLiteral("courseops.io/commit")]
                                       .toString());
            return commits;
        };
        const QHash<QString, QString> before = deployedCommits();
        QVERIFY(!before.isEmpty());

        // Select the cohort's members; Fleet ▸ Redeploy at HEAD in Waves.
        w.fleetView()->selectionModel()->clearSelection();
        for (int r = 0; r < w.fleetFilter()->rowCount(); ++r) {
            if (pushed.contains(loginAt(w, r)))
                w.fleetView()->selectionModel()->select(w.fleetFilter()->index(r, 0), QItemSelectionModel::Select |
                                                                                          QItemSelectionModel::Rows);
        }
        QCOMPARE(w.selectedLogins().size(), pushed.size());
        QTRY_VERIFY(w.action(MainWindow::ActWaves)->isEnabled());
        w.action(MainWindow::ActWaves)->trigger();
        WaveDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<WaveDialog *>()) != nullptr);
        course::WaveOptions options = dialog->options();
        options.canarySize = 1;
        options.batchSize = 2;
        dialog->setOptions(options);
        auto *runner = dialog->findChild<course::WaveRunner *>();
        QVERIFY(runner);
        QSignalSpy finished(runner, &course::WaveRunner::finished);
        QVERIFY(dialog->startRun());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->progressBar()->value() > 0, 60000);
        QVERIFY(dialog->grab().save(artifact(QStringLiteral("console-wave-running.png"))));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 180000);
        QVERIFY2(finished.at(0).at(0).value<course::WaveOutcome>() == course::WaveOutcome::Completed,
                 qPrintable(dialog->summaryText()));
        QVERIFY(dialog->grab().save(artifact(QStringLiteral("console-wave-done.png"))));

        // The server runs every member at their new HEAD and nobody else changed.
        const QHash<QString, QString> after = deployedCommits();
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (pushed.contains(it.key()))
                QCOMPARE(it.value(), pushed.value(it.key()));
            else
                QCOMPARE(it.value(), before.value(it.key()));
        }
        // And the table shows them caught up and running.
        for (const QString &login : pushed.keys()) {
            QTRY_VERIFY_WITH_TIMEOUT(!w.fleetModel()->row(rowOf(w, login)).behindHead &&
                                         statusOf(w, login) == QLatin1String("Running"),
                                     90000);
        }
        dialog->close();
        w.fleetView()->selectionModel()->clearSelection();
    }

    // After the wave run, whose check wants the others left alone.
    void crashLoopToRunningAfterRestart()
    {
        MainWindow &w = window();
        // Sofia's app exits while COURSE_API_KEY (from the course-api Secret) is unset.
        const QString login = QStringLiteral("sofia-ross");
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(w, login), QStringLiteral("CrashLoopBackOff"), 90000);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.fleetModel()->row(rowOf(w, login)).lastError.contains(QLatin1String("COURSE_API_KEY is not set")), 30000);
        selectLogin(w, login);
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-crashloop.png"))));
        const QString crashingPod = w.fleetModel()->row(rowOf(w, login)).podName;

        // The staff make the Secret; the crashing pod does not have it yet.
        kube::KubeClient client(adminAccess());
        const QJsonObject secret{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                 {QStringLiteral("kind"), QStringLiteral("Secret")},
                                 {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("course-api")}}},
                                 {QStringLiteral("stringData"), QJsonObject{{QStringLiteral("api-key"), QStringLiteral("k-123")}}}};
        const kube::ApiResult created =
            client.sendAndWait({"POST", QStringLiteral("/api/v1/namespaces/students/secrets"), {},
                                QJsonDocument(secret).toJson(QJsonDocument::Compact), "application/json", "application/json",
                                60000});
        QVERIFY2(created.ok(), qPrintable(created.status.message));

        // Student ▸ Restart, with its shortcut (another window was the active one).
        QTRY_VERIFY(w.action(MainWindow::ActRestart)->isEnabled());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.fleetView()->setFocus();
        QTest::keyClick(w.fleetView(), Qt::Key_R, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(QLatin1String("sofia-ross restarted")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, login)).podName != crashingPod &&
                                     statusOf(w, login) == QLatin1String("Running"),
                                 60000);
        QTRY_VERIFY_WITH_TIMEOUT(w.fleetModel()->row(rowOf(w, login)).probe.toText().contains(QLatin1String("200")),
                                 60000);
        // The details follow the new pod.
        QTRY_COMPARE(w.details()->pod(), w.fleetModel()->row(rowOf(w, login)).podName);
        // The restart did it: the Deployment carries the console's restartedAt.
        const kube::ApiResult deployment = client.sendAndWait(
            {"GET", QStringLiteral("/apis/apps/v1/namespaces/students/deployments/sofia-ross"), {}, {}, {},
             "application/json", 60000});
        QVERIFY(deployment.ok());
        QVERIFY(QJsonDocument::fromJson(deployment.body)
                    .object()[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("metadata")]
                             [QStringLiteral("annotations")][QString(kube::kRestartedAtAnnotation)]
                    .isString());
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-restarted.png"))));
    }

    void settingsAreKeptAndApplied()
    {
        MainWindow &w = window();
        QAction *settings = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text().remove(u'&') == QStringLiteral("Settings…"))
                settings = a;
        QVERIFY(settings);
        // The dialog is modal: answer it once it shows.
        QTimer::singleShot(0, &w, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            for (QSpinBox *box : dialog->findChildren<QSpinBox *>()) {
                if (box->accessibleName() == QLatin1String("Log buffer"))
                    box->setValue(50000);
            }
            QVERIFY(dialog->grab().save(artifact(QStringLiteral("console-settings.png"))));
            QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
        });
        settings->trigger();
        QCOMPARE(w.details()->logView()->model()->maxLines(), 50000);
        QCOMPARE(QSettings().value(QStringLiteral("settings/logBufferLines")).toInt(), 50000);
    }

    void roleWithoutRightsSeesActionsDisabled()
    {
        MainWindow &w = window();
        ConnectionChoice ta;
        ta.sandbox = true; // the same built-in sandbox, as its read-only TA user
        ta.context = QStringLiteral("sandbox-ta");
        w.connectTo(ta);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->state(), course::ClusterSession::State::Live, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(w.session()->permissions().known, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(w.fleetModel()->rowCount(), 16, 30000);
        selectLogin(w, QStringLiteral("aarav-shar"));
        QTRY_VERIFY(!w.action(MainWindow::ActRestart)->isEnabled());
        QVERIFY2(w.action(MainWindow::ActRestart)->statusTip().contains(QStringLiteral("may not")),
                 qPrintable(w.action(MainWindow::ActRestart)->statusTip()));
        QVERIFY(!w.action(MainWindow::ActTerminal)->isEnabled());
        QVERIFY(!w.action(MainWindow::ActWaves)->isEnabled());
        // Reading is allowed.
        QVERIFY(w.action(MainWindow::ActLogs)->isEnabled());
        QVERIFY(w.action(MainWindow::ActOpenApp)->isEnabled());
        // What a TA sees when they open the Student menu.
        QMenu *student = nullptr;
        for (QAction *a : w.menuBar()->actions()) {
            if (a->text().remove(u'&') == QLatin1String("Student"))
                student = a->menu();
        }
        QVERIFY(student);
        student->popup(w.mapToGlobal(QPoint(200, 30)));
        QTRY_VERIFY(student->isVisible());
        student->setActiveAction(w.action(MainWindow::ActRestart));
        QVERIFY(student->grab().save(artifact(QStringLiteral("console-ta-student-menu.png"))));
        student->hide();
        QVERIFY(w.grab().save(artifact(QStringLiteral("console-ta.png"))));
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
