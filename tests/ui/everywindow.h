#pragma once

// Every window and dialog of the console, built offline (no cluster, no GitHub
// calls), for the tests that look at all of them: translations, accessibility.

#include "clusterhealthview.h"
#include "codewindow.h"
#include "commandpalette.h"
#include "commitdialog.h"
#include "connectdialog.h"
#include "course/repositorysource.h"
#include "course/waverunner.h"
#include "detailspanel.h"
#include "diagnosticsdialog.h"
#include "diffview.h"
#include "github/githubclient.h"
#include "githublogindialog.h"
#include "mainwindow.h"
#include "mergeview.h"
#include "settingsdialog.h"
#include "wavedialog.h"

#include <QDateTime>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// A repository that never answers: the code window stays at "Reading the tree…".
class SilentRepository : public course::RepositorySource
{
public:
    QString repositoryName() const override { return QStringLiteral("webapps101/priya-iyer"); }
    QString branch() const override { return QStringLiteral("main"); }
    void listTree(const QString &, QObject *, std::function<void(const course::RepositoryTree &)>) override {}
    void readFile(const QString &, const QString &, QObject *, std::function<void(const course::RepositoryFile &)>) override
    {
    }
    void commit(const course::ChangeSet &, QObject *, std::function<void(const course::CommitOutcome &)>) override {}
};

// A few rows in every state, so screenshots show the table's colours and widths.
inline QList<FleetRow> sampleRows()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto row = [now](const char *name, const char *login, const char *status, course::StatusClass cls, int restarts,
                     const char *error) {
        FleetRow r;
        r.student = QString::fromUtf8(name);
        r.login = QString::fromLatin1(login);
        r.cohort = QStringLiteral("morning");
        r.namespaceName = QStringLiteral("students");
        r.podName = r.login + QStringLiteral("-7d9f8c6b5-x2x4z");
        r.status = QString::fromLatin1(status);
        r.statusClass = cls;
        r.readyContainers = cls == course::StatusClass::Running ? 1 : 0;
        r.totalContainers = 1;
        r.restarts = restarts;
        r.lastRestartAt = restarts ? now - 180 : 0;
        r.createdAt = now - 3600;
        r.commit = QStringLiteral("4f1c2a9e0b7d3c5a6e8f9a0b1c2d3e4f5a6b7c8d");
        r.hasDeployment = r.hasService = r.inRoster = true;
        r.lastError = QString::fromLatin1(error);
        r.url = QStringLiteral("http://%1.apps.courseops.test").arg(r.login);
        return r;
    };
    QList<FleetRow> rows{
        row("Aarav Sharma", "aarav-sharma", "Running", course::StatusClass::Running, 0, ""),
        row("Priya Iyer", "priya-iyer", "CrashLoopBackOff", course::StatusClass::CrashLoop, 7,
            "Cannot find module 'express'"),
        row("Sara Lindqvist", "saralindqvist10", "ContainerCreating", course::StatusClass::Pending, 0, ""),
        row("Arjun Rao", "arjun-rao", "ImagePullBackOff", course::StatusClass::Failed, 0, "ErrImagePull"),
        row("Meera Nair", "meera-nair", "Running", course::StatusClass::Running, 1, ""),
    };
    rows[4].behindHead = true;
    rows[4].headCommit = QStringLiteral("9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b");
    return rows;
}

struct EveryWindow
{
    QTemporaryDir journal;
    SilentRepository repository;
    std::unique_ptr<github::GithubClient> github;
    std::unique_ptr<MainWindow> main;
    std::vector<std::unique_ptr<QWidget>> others;
    DetailsPanel *details = nullptr; // one of others: the panel on its own, without a student

    // Builds them all (and opens every menu, so lazily filled ones are filled); shows them when `show`.
    void build(bool show = true)
    {
        main = std::make_unique<MainWindow>();
        main->openCourse(QStringLiteral(":/demo/course.yaml"), QStringLiteral(":/demo/roster.csv"), true);
        main->resize(1100, 600);
        main->fleetModel()->setRows(sampleRows());
        new CommandPalette(main.get()); // a child of the main window, like the one its menu makes
        github = std::make_unique<github::GithubClient>(github::GithubConfig{});

        others.emplace_back(new ConnectDialog(ConnectionChoice{}));
        others.emplace_back(new GithubLoginDialog(github.get(), QStringLiteral("Iv1.demo")));
        others.emplace_back(new SettingsDialog(ConsoleSettings{}));
        const QList<course::WaveTarget> targets{{QStringLiteral("students"), QStringLiteral("priya-iyer"),
                                                 QStringLiteral("priya-iyer"), {}},
                                                {QStringLiteral("students"), QStringLiteral("arjun-rao"),
                                                 QStringLiteral("arjun-rao"), {}}};
        others.emplace_back(new WaveDialog(nullptr, targets, course::WaveAction::Redeploy));
        others.emplace_back(new WaveDialog(nullptr, targets.mid(0, 1), course::WaveAction::Restart));
        auto *code = new CodeWindow(&repository, nullptr, journal.path());
        code->resize(900, 600);
        others.emplace_back(code);
        others.emplace_back(new CommitDialog(
            QStringLiteral("webapps101/priya-iyer"), QStringLiteral("main"),
            {{QStringLiteral("server.js"), CommitDialog::File::Status::Modified},
             {QStringLiteral("public/about.html"), CommitDialog::File::Status::Added},
             {QStringLiteral("old.js"), CommitDialog::File::Status::Deleted}},
            {QStringLiteral("Asha TA"), QStringLiteral("asha@example.org")},
            {QStringLiteral("Priya Iyer"), QStringLiteral("priya@example.org")}));
        auto *health = new ClusterHealthView;
        health->resize(900, 650);
        others.emplace_back(health);
        course::Diagnostic problem;
        problem.file = QStringLiteral("roster.csv");
        problem.line = 3;
        problem.message = QStringLiteral("bad login");
        others.emplace_back(new DiagnosticsDialog(QStringLiteral("roster"), QStringLiteral("summary"), {problem}));
        details = new DetailsPanel;
        details->resize(800, 400);
        others.emplace_back(details);
        others.emplace_back(new MergeView);
        others.emplace_back(new DiffView);

        if (show) {
            main->show();
            for (auto &w : others)
                w->show();
        }
        for (QMenu *menu : menus()) {
            menu->popup(QPoint(0, 0));
            QCoreApplication::processEvents();
            menu->hide();
        }
        // Each details tab builds its page when first shown.
        for (DetailsPanel *panel : {main->details(), details}) {
            for (DetailsPanel::Tab tab :
                 {DetailsPanel::LogsTab, DetailsPanel::EventsTab, DetailsPanel::YamlTab, DetailsPanel::TerminalTab}) {
                panel->setCurrentTab(tab);
                QCoreApplication::processEvents();
            }
            panel->setCurrentTab(DetailsPanel::LogsTab);
        }
    }

    QList<QWidget *> windows() const
    {
        QList<QWidget *> all{main.get()};
        for (const auto &w : others)
            all.append(w.get());
        return all;
    }

    QList<QMenu *> menus() const
    {
        QList<QMenu *> all;
        for (QWidget *w : windows())
            all += w->findChildren<QMenu *>();
        return all;
    }
};
