#include "mainwindow.h"

#include "diagnosticsdialog.h"
#include "clusterhealthview.h"
#include "codewindow.h"
#include "commandpalette.h"
#include "diffview.h"
#include "mergeview.h"
#include "course/githubrepositorysource.h"
#include "detailspanel.h"
#include "fleetfilter.h"
#include "fleetmodel.h"
#include "wavedialog.h"
#include "jobdialog.h"
#include "course/seedjob.h"
#include "course/templatesync.h"
#include "course/auditlog.h"
#include "course/clusterhealth.h"
#include "course/prober.h"
#include "course/studentindex.h"
#include "course/waverunner.h"
#include "githublogindialog.h"
#include "settingsdialog.h"
#include "course/headtracker.h"
#include "github/githubclient.h"
#include "github/githublogin.h"
#include "github/githubrepos.h"
#include "github/tokenstore.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "kube/rollout.h"
#include "course/manifests.h"
#include "course/errorsignature.h"
#include "course/stacktrace.h"
#include "logmodel.h"
#include "logview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QHBoxLayout>
#include <QDir>
#include <QInputDialog>
#include <QMenu>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QTimer>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new FleetModel(this))
    , m_proxy(new FleetFilter(this))
{
    setWindowTitle(tr("CourseOps"));
    setObjectName(QStringLiteral("MainWindow"));

    m_proxy->setSourceModel(m_model);
    m_groups = new ErrorGroupModel(m_model, this);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    auto *filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(central);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter students by name, login or error (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter students"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &FleetFilter::setText);
    filterRow->addWidget(m_filter, 1);
    // Status chips: a click narrows the table to students in that state.
    const struct
    {
        FleetFilter::Chip chip;
        QString text;
        const char *name;
    } chips[] = {
        {FleetFilter::Running, tr("Running"), "chipRunning"},
        {FleetFilter::CrashLoop, tr("CrashLoop"), "chipCrashLoop"},
        {FleetFilter::Pending, tr("Pending"), "chipPending"},
        {FleetFilter::Failed, tr("Failed"), "chipFailed"},
        {FleetFilter::BehindHead, tr("Behind HEAD"), "chipBehindHead"},
    };
    for (const auto &c : chips) {
        auto *chip = new QToolButton(central);
        chip->setText(c.text);
        chip->setObjectName(QLatin1String(c.name));
        chip->setCheckable(true);
        chip->setAutoRaise(false);
        chip->setAccessibleName(tr("Show only: %1").arg(c.text));
        chip->setToolTip(tr("Show only students whose app is %1 (combine chips to widen)").arg(c.text));
        const FleetFilter::Chip which = c.chip;
        connect(chip, &QToolButton::toggled, m_proxy, [this, which](bool on) { m_proxy->setChip(which, on); });
        filterRow->addWidget(chip);
    }
    layout->addLayout(filterRow);

    m_view = new QTableView(central);
    m_view->setObjectName(QStringLiteral("fleetTable"));
    m_view->setAccessibleName(tr("Students"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FleetModel::Student, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    new FleetViewAnchor(m_view);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelected);
    // After a restart or redeploy the details follow the student's new pod once
    // its containers have started (before that it has no log to follow).
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!m_session || !current.isValid())
            return;
        const FleetRow &row = m_model->row(m_proxy->mapToSource(current).row());
        if (!row.podName.isEmpty() && row.podName != m_details->pod() && row.login == m_details->deployment() &&
            row.phase != kube::PodPhase::Pending)
            showSelected();
    });

    // Error groups: every signature with its count; a click shows that group.
    m_groupView = new QListView(central);
    m_groupView->setObjectName(QStringLiteral("errorGroups"));
    m_groupView->setAccessibleName(tr("Error groups"));
    m_groupView->setModel(m_groups->sortedModel());
    m_groupView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_groupView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_proxy->setErrorSignature(current.isValid() ? current.data(ErrorGroupModel::SignatureRole).toString()
                                                             : QString());
            });
    auto *groupBox = new QWidget(central);
    auto *groupLayout = new QVBoxLayout(groupBox);
    groupLayout->setContentsMargins(0, 0, 0, 0);
    auto *groupTitle = new QLabel(tr("Errors"), groupBox);
    groupTitle->setBuddy(m_groupView);
    auto *allGroups = new QPushButton(tr("Show &all"), groupBox);
    connect(allGroups, &QPushButton::clicked, this, [this] {
        m_groupView->selectionModel()->clear();
        m_proxy->setErrorSignature({});
    });
    groupLayout->addWidget(groupTitle);
    groupLayout->addWidget(m_groupView, 1);
    groupLayout->addWidget(allGroups);

    m_details = new DetailsPanel(central);
    m_details->setObjectName(QStringLiteral("details"));
    // A stack-trace line in the log opens the student's code at that line.
    connect(m_details->logView(), &LogView::sourceLocationActivated, this, [this](const course::SourceLocation &loc) {
        if (CodeWindow *window = openCodeFor(m_details->deployment()))
            window->showSourceLocation(loc);
    });
    m_vertical = new QSplitter(Qt::Vertical, central);
    m_vertical->addWidget(m_view);
    m_vertical->addWidget(m_details);
    m_vertical->setStretchFactor(0, 3);
    m_vertical->setStretchFactor(1, 2);
    m_horizontal = new QSplitter(Qt::Horizontal, central);
    m_horizontal->addWidget(groupBox);
    m_horizontal->addWidget(m_vertical);
    m_horizontal->setStretchFactor(0, 1);
    m_horizontal->setStretchFactor(1, 5);
    m_horizontal->setSizes({220, 980});
    layout->addWidget(m_horizontal, 1);
    setCentralWidget(central);

    m_connection = new QLabel(tr("Cluster: not connected"), this);
    m_connection->setObjectName(QStringLiteral("connectionIndicator"));
    m_courseLabel = new QLabel(this);
    m_courseLabel->setObjectName(QStringLiteral("courseLabel"));
    statusBar()->addWidget(m_courseLabel, 1);
    m_connection->setTextFormat(Qt::RichText);
    m_githubLabel = new QLabel(this);
    m_githubLabel->setObjectName(QStringLiteral("githubIndicator"));
    m_githubLabel->setTextFormat(Qt::RichText);
    m_githubLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_githubLabel, &QLabel::linkActivated, this, &MainWindow::signInToGithub);
    statusBar()->addPermanentWidget(m_githubLabel);
    statusBar()->addPermanentWidget(m_connection);
    m_tokens = new github::TokenStore(QStringLiteral("CourseOps"), this);
    updateGithubIndicator();
    auto *indicatorTimer = new QTimer(this);
    indicatorTimer->setInterval(1000);
    connect(indicatorTimer, &QTimer::timeout, this, &MainWindow::updateConnectionIndicator);
    // Ages ("3m", "2h") are computed when painted: repaint the visible rows now and then.
    connect(indicatorTimer, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    indicatorTimer->start();

    createMenus();
    updateStatus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainwindow/geometry")).toByteArray()))
        resize(1200, 720);
    if (!m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("mainwindow/fleetHeader")).toByteArray())) {
        // First start: room for the longest usual values ("CrashLoopBackOff", "4 (12m ago)").
        const QFontMetrics fm = m_view->fontMetrics();
        const struct
        {
            int column;
            const char *sample;
        } widths[] = {
            {FleetModel::Student, "Aarav Sharma xx"},       {FleetModel::Login, "saralindqvist10"},
            {FleetModel::Cohort, "morning x"},              {FleetModel::Status, "CrashLoopBackOff xx"},
            {FleetModel::Ready, "Ready x"},                 {FleetModel::Restarts, "12 (59m ago) x"},
            {FleetModel::Age, "Age xx"},                    {FleetModel::Commit, "0123456 x"},
            {FleetModel::LastError, "Cannot find module 'express' xx"}, {FleetModel::Url, "http://saralindqvist10.apps.x"},
        };
        // Translated headers can be longer than the values ("Neustarts"): room for them and the sort arrow.
        const QFontMetrics headerFm = m_view->horizontalHeader()->fontMetrics();
        for (const auto &w : widths) {
            const QString header = m_model->headerData(w.column, Qt::Horizontal, Qt::DisplayRole).toString();
            m_view->horizontalHeader()->resizeSection(
                w.column, qMax(fm.horizontalAdvance(QLatin1String(w.sample)), headerFm.horizontalAdvance(header) + 28));
        }
    }
    m_vertical->restoreState(settings.value(QStringLiteral("mainwindow/vertical")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("mainwindow/horizontal")).toByteArray());
}

MainWindow::~MainWindow()
{
    // Children outlive this part of the object: nothing may call back into it.
    m_view->selectionModel()->disconnect(this);
    m_groupView->selectionModel()->disconnect(this);
    stopIndex();
    delete m_health;
    delete m_session;
    m_session = nullptr;
    delete m_sandbox; // stops the sandbox, which saves its state
    m_sandbox = nullptr;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect…"), this, &MainWindow::connectDialog);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connectAction->setStatusTip(tr("Connect to the built-in sandbox or to a cluster from a kubeconfig"));
    file->addAction(tr("Sign in to &GitHub…"), this, &MainWindow::signInToGithub);
    QAction *settingsAction = file->addAction(tr("S&ettings…"), this, &MainWindow::showSettings);
    settingsAction->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction *open = file->addAction(tr("&Open Course…"), this, &MainWindow::openCourseDialog);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("&Import Roster…"), this, &MainWindow::importRosterDialog);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filter = view->addAction(tr("&Filter Students"), this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    CommandPalette::addTo(view, this);

    // Actions that need a connection, a selection or a right are always present,
    // so people can find them, and disabled with the reason when they cannot run.
    auto action = [this](QMenu *menu, ActionId id, const QString &text, const QKeySequence &shortcut,
                         void (MainWindow::*slot)()) {
        QAction *a = menu->addAction(text, this, slot);
        a->setShortcut(shortcut);
        a->setObjectName(QStringLiteral("action%1").arg(int(id)));
        m_actions[id] = a;
        return a;
    };
    view->addSeparator();
    action(view, ActNextFailing, tr("&Next Failing Student"), QKeySequence(Qt::Key_F8), &MainWindow::selectNextFailing);
    action(view, ActHealth, tr("Cluster &Health"), QKeySequence(Qt::CTRL | Qt::Key_H), &MainWindow::showHealth);

    QMenu *student = menuBar()->addMenu(tr("&Student"));
    action(student, ActLogs, tr("Show &Logs"), QKeySequence(Qt::CTRL | Qt::Key_L), &MainWindow::showLogs);
    action(student, ActTerminal, tr("Open &Terminal"), QKeySequence(Qt::CTRL | Qt::Key_T), &MainWindow::openTerminal);
    student->addSeparator();
    action(student, ActRestart, tr("&Restart"), QKeySequence(Qt::CTRL | Qt::Key_R), &MainWindow::restartSelected);
    action(student, ActRedeploy, tr("Re&deploy at HEAD"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
           &MainWindow::redeploySelected);
    student->addSeparator();
    action(student, ActOpenApp, tr("Open the &App"), QKeySequence(Qt::CTRL | Qt::Key_U), &MainWindow::openApp);
    action(student, ActOpenRepo, tr("Open the Re&pository"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
           &MainWindow::openRepository);
    action(student, ActOpenCode, tr("Open &Code"), QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::openCode);

    QMenu *fleet = menuBar()->addMenu(tr("F&leet"));
    action(fleet, ActSeed, tr("&Seed Course…"), {}, &MainWindow::seedCourse);
    action(fleet, ActWaves, tr("Redeploy at HEAD in &Waves…"), QKeySequence(Qt::CTRL | Qt::Key_W),
           &MainWindow::redeployInWaves);
    action(fleet, ActRestartWaves, tr("R&estart in Waves…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
           &MainWindow::restartInWaves);
    action(fleet, ActSyncTemplate, tr("Sync &Template…"), {}, &MainWindow::syncTemplate);
    // A job a crash, reboot or cancel left unfinished is offered here, from its journal.
    QAction *resumeJob = fleet->addAction(QString());
    resumeJob->setObjectName(QStringLiteral("actionResumeJob"));
    connect(fleet, &QMenu::aboutToShow, this, [this, resumeJob] {
        const QString root = course::JobJournal::defaultRoot();
        const QString seed = JobDialog::unfinishedJournal(root, QStringLiteral("seed"));
        const QString sync = seed.isEmpty() ? JobDialog::unfinishedJournal(root, QStringLiteral("sync-template")) : QString();
        resumeJob->setVisible(!seed.isEmpty() || !sync.isEmpty());
        if (resumeJob->isVisible())
            resumeJob->setText(!seed.isEmpty() ? tr("&Resume Seed Job…") : tr("&Resume Template Sync Job…"));
        resumeJob->setData(seed.isEmpty() ? sync : seed);
        resumeJob->setEnabled(m_actions[seed.isEmpty() ? ActSyncTemplate : ActSeed]->isEnabled());
    });
    connect(resumeJob, &QAction::triggered, this, [this, resumeJob] {
        course::JobJournal journal;
        QString error;
        if (!journal.open(resumeJob->data().toString(), &error))
            statusBar()->showMessage(error, 10000);
        else if (journal.kind() == QLatin1String("seed"))
            startSeedJob(journal.dir());
        else
            startSyncJob(journal.dir());
    });
    resumeJob->setVisible(false);
    fleet->addSeparator();
    action(fleet, ActAuditLog, tr("&Audit Log"), {}, &MainWindow::showAuditLog);
    updateActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About CourseOps"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

bool MainWindow::openCourse(const QString &coursePath, const QString &rosterPath, bool quiet)
{
    course::Diagnostics problems;
    course::CourseConfig config = course::CourseConfig::load(coursePath, &problems);
    course::Roster roster = course::Roster::load(rosterPath, &problems);
    const bool configOk = !config.name.isEmpty();
    if (configOk) {
        m_course = config;
        m_coursePath = coursePath;
    }
    if (roster.size() > 0 || !course::hasErrors(problems))
        m_roster = roster;
    updateStatus();
    if (!problems.isEmpty() && !quiet) {
        const QString summary = tr("Students loaded from the roster: %1. Fix the lines below and open the files "
                                   "again; the rows listed were skipped.")
                                    .arg(roster.size());
        DiagnosticsDialog(tr("Problems in the course files"), summary, problems, this).exec();
    }
    return configOk && !course::hasErrors(problems);
}

void MainWindow::updateStatus()
{
    if (m_course.name.isEmpty()) {
        m_courseLabel->setText(tr("No course open — File ▸ Open Course (Ctrl+O)"));
        setWindowTitle(tr("CourseOps"));
        return;
    }
    m_courseLabel->setText(tr("%1 · students in the roster: %2 · %3")
                               .arg(m_course.name, QString::number(m_roster.size()), m_course.domain));
    setWindowTitle(tr("%1 — CourseOps").arg(m_course.name));
}

void MainWindow::openCourseDialog()
{
    const QString coursePath =
        QFileDialog::getOpenFileName(this, tr("Open Course"), {}, tr("Course files (*.yaml *.yml)"));
    if (coursePath.isEmpty())
        return;
    const QString rosterPath = QFileDialog::getOpenFileName(this, tr("Open Roster"), {},
                                                            tr("Rosters (*.csv *.yaml *.yml)"));
    if (rosterPath.isEmpty())
        return;
    openCourse(coursePath, rosterPath);
}

void MainWindow::importRosterDialog()
{
    if (m_coursePath.isEmpty()) {
        QMessageBox::information(this, tr("Import Roster"), tr("Open a course first (File ▸ Open Course)."));
        return;
    }
    const QString rosterPath = QFileDialog::getOpenFileName(this, tr("Import Roster"), {},
                                                            tr("Rosters (*.csv *.yaml *.yml)"));
    if (!rosterPath.isEmpty())
        openCourse(m_coursePath, rosterPath);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CourseOps"),
                       tr("<h3>CourseOps %1</h3><p>A console for the staff of very large programming courses: "
                          "every student's app in one live table, their code one click away.</p>")
                           .arg(QLatin1String(COURSEOPS_VERSION)));
}

void MainWindow::connectDialog()
{
    ConnectDialog dialog(m_choice.sandbox || m_choice.context.isEmpty() ? ConnectionChoice::load() : m_choice, this);
    if (dialog.exec() == QDialog::Accepted)
        connectTo(dialog.choice());
}

void MainWindow::connectTo(const ConnectionChoice &choice)
{
    m_choice = choice;
    choice.save();
    stopIndex();
    m_details->clearTarget();
    delete m_health;
    m_health = nullptr;
    delete m_session;
    m_session = nullptr;
    if (!choice.sandbox) {
        if (m_sandbox)
            m_sandbox->stop();
        QString error;
        auto access = kube::ClusterAccess::fromKubeconfig(choice.kubeconfigFiles, choice.context, &error);
        if (!access) {
            showConnectionProblem(error);
            return;
        }
        startSession(std::move(access));
        // GitHub as the user signed in last time, with the token from the keychain.
        const QString account = QSettings().value(QStringLiteral("github/account")).toString();
        if (!account.isEmpty()) {
            m_tokens->load(account, this, [this, account](const QByteArray &token) {
                if (token.isEmpty()) {
                    if (!m_tokens->notice().isEmpty())
                        statusBar()->showMessage(m_tokens->notice(), 30000);
                    return;
                }
                github::GithubConfig config;
                config.apiUrl.setHost(account.section(u'/', 0, 0));
                useGithub(config, token);
            });
        }
        return;
    }
    if (!m_sandbox) {
        m_sandbox = new course::EmbeddedSandbox(this);
        connect(m_sandbox, &course::EmbeddedSandbox::failed, this, &MainWindow::showConnectionProblem);
        connect(m_sandbox, &course::EmbeddedSandbox::ready, this, [this](const course::SandboxEndpoints &endpoints) {
            QString error;
            // The sandbox's kubeconfig has an admin and a read-only TA context.
            const QString context = m_choice.context == QLatin1String("sandbox-ta") ? m_choice.context
                                                                                    : QStringLiteral("sandbox-admin");
            auto access = kube::ClusterAccess::fromKubeconfig({endpoints.kubeconfig}, context, &error);
            if (!access) {
                showConnectionProblem(error);
                return;
            }
            startSession(std::move(access));
            github::GithubConfig config;
            QByteArray token;
            QString githubError;
            if (github::GithubConfig::readEnvFile(endpoints.githubEnv, &config, &token, &githubError))
                useGithub(config, token);
            else
                statusBar()->showMessage(githubError, 30000);
        });
    }
    if (m_course.name.isEmpty())
        openCourse(QStringLiteral(":/demo/course.yaml"), QStringLiteral(":/demo/roster.csv"), true);
    m_connection->setText(tr("Starting the built-in sandbox…"));
    if (m_sandbox->isRunning())
        Q_EMIT m_sandbox->ready(m_sandbox->endpoints());
    else
        m_sandbox->start(m_sandboxOptions);
}

void MainWindow::startSession(std::shared_ptr<kube::ClusterAccess> access)
{
    course::ClusterSession::Options options;
    if (!m_course.namespaces.isEmpty())
        options.namespaces = m_course.namespaces;
    m_session = new course::ClusterSession(std::move(access), options, this);
    connect(m_session, &course::ClusterSession::stateChanged, this, &MainWindow::updateConnectionIndicator);
    startIndex();
    connect(m_session, &course::ClusterSession::permissionsChanged, this, &MainWindow::updateActions);
    m_session->start();
    updateConnectionIndicator();
    updateActions();
    Q_EMIT sessionStarted(m_session);
}

void MainWindow::showConnectionProblem(const QString &message)
{
    m_connection->setText(tr("<span style='color:#b00020'>●</span> Not connected"));
    m_connection->setToolTip(message);
    statusBar()->showMessage(message, 30000);
}

void MainWindow::updateConnectionIndicator()
{
    if (!m_session)
        return;
    using State = course::ClusterSession::State;
    const State state = m_session->state();
    const char *colour = state == State::Live          ? "#1b873f"
                         : state == State::Connecting  ? "#8a8a8a"
                         : state == State::Reconnecting ? "#c77c00"
                                                        : "#b00020";
    m_connection->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                              .arg(QLatin1String(colour), m_session->describe().toHtmlEscaped()));
    const QString problem = m_session->problem();
    m_connection->setToolTip(problem.isEmpty() ? tr("Connected to %1 as %2")
                                                     .arg(m_session->access()->server().toString(),
                                                          m_session->access()->userName())
                                               : problem);
    m_connection->setAccessibleName(m_session->describe());
}

QStringList MainWindow::selectedLogins() const
{
    QStringList logins;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        logins << m_model->row(m_proxy->mapToSource(index).row()).login;
    return logins;
}

void MainWindow::updateActions()
{
    if (!m_actions[0])
        return;
    const qsizetype selected = m_view->selectionModel()->selectedRows().size();
    const QString noCluster = tr("Needs a connection to the cluster (File ▸ Connect)");
    const QString noSelection = tr("Select a student in the table first");
    const QString oneOnly = tr("Select exactly one student");
    auto set = [this](ActionId id, const QString &reason) {
        QAction *a = m_actions[id];
        a->setEnabled(reason.isEmpty());
        const QString tip = reason.isEmpty() ? a->text().remove(u'&').remove(QStringLiteral("…")) : reason;
        a->setStatusTip(tip);
        a->setToolTip(tip);
    };
    using P = course::Permissions;
    auto needs = [&](P::Action right, bool single) -> QString {
        if (!m_session)
            return noCluster;
        if (selected == 0)
            return noSelection;
        if (single && selected != 1)
            return oneOnly;
        return m_session->permissions().why(right);
    };
    set(ActNextFailing, m_model->rowCount() ? QString() : tr("No students in the table"));
    set(ActHealth, m_session ? QString() : noCluster);
    set(ActLogs, needs(P::Logs, true));
    set(ActTerminal, needs(P::Exec, true));
    set(ActRestart, needs(P::Restart, false));
    set(ActRedeploy, !m_heads ? tr("Sign in to GitHub to know each repository's HEAD") : needs(P::Redeploy, false));
    set(ActOpenApp, selected == 1 ? QString() : (selected ? oneOnly : noSelection));
    set(ActOpenRepo, !m_repos ? tr("Sign in to GitHub to open a student's repository")
                               : selected == 1 ? QString() : (selected ? oneOnly : noSelection));
    set(ActOpenCode, !m_repos ? tr("Sign in to GitHub to open a student's code")
                               : selected == 1 ? QString() : (selected ? oneOnly : noSelection));
    set(ActSeed, !m_repos ? tr("Sign in to GitHub to create the students' repositories")
                          : !m_session ? noCluster : QString());
    set(ActWaves, !m_session ? noCluster
                   : !m_heads ? tr("Sign in to GitHub to know each repository's HEAD")
                              : m_session->permissions().why(P::Redeploy));
    set(ActRestartWaves, !m_session ? noCluster : m_session->permissions().why(P::Restart));
    set(ActSyncTemplate, !m_repos ? tr("Sign in to GitHub to sync the template")
                         : m_course.templateRepo.isEmpty() ? tr("The course file names no template (github: template)")
                         : m_course.repoMode == course::RepoMode::StudentAccounts
                             ? tr("The students own their forks: they bring template changes in with GitHub's "
                                  "Sync fork")
                             : QString());
    set(ActAuditLog, QString());
}

void MainWindow::selectNextFailing()
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_view->currentIndex();
    const int from = current.isValid() ? current.row() : -1;
    for (int step = 1; step <= rows; ++step) {
        const int r = (from + step) % rows;
        const FleetRow &row = m_model->row(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
        const bool healthy = row.status == QLatin1String("Running") && row.readyContainers == row.totalContainers;
        if (!healthy && !row.status.isEmpty()) {
            m_view->selectionModel()->setCurrentIndex(m_proxy->index(r, 0), QItemSelectionModel::ClearAndSelect |
                                                                                 QItemSelectionModel::Rows);
            m_view->scrollTo(m_proxy->index(r, 0));
            return;
        }
    }
    statusBar()->showMessage(tr("Every student in the table is running and ready."), 5000);
}

void MainWindow::openRepository()
{
    const QStringList logins = selectedLogins();
    if (logins.size() != 1 || !m_repos)
        return;
    // GitHub says where the repository's page is (github.com, or an Enterprise host).
    m_repos->getRepository(m_course.repositoryOwner(logins.first()), m_course.repositoryName(logins.first()), this,
                           [this](const github::GithubError &error, const github::Repository &repo) {
                               if (!error.isOk()) {
                                   statusBar()->showMessage(error.message, 10000);
                                   return;
                               }
                               statusBar()->showMessage(tr("Opening %1").arg(repo.htmlUrl), 5000);
                               QDesktopServices::openUrl(QUrl(repo.htmlUrl));
                           });
}
void MainWindow::seedCourse()
{
    // An unfinished seed (a crash, a reboot, a cancel) is finished first, unless the user says otherwise.
    const QString unfinished = JobDialog::unfinishedJournal(course::JobJournal::defaultRoot(), QStringLiteral("seed"));
    if (!unfinished.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Seed Course"),
            tr("An unfinished seed job is in %1. Resume it? (No starts a new one; steps already done are "
               "found on the server and left alone.)")
                .arg(QDir::toNativeSeparators(unfinished)),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel)
            return;
        startSeedJob(answer == QMessageBox::Yes ? unfinished : QString());
        return;
    }
    startSeedJob(QString());
}

void MainWindow::startSeedJob(const QString &resumeDir)
{
    if (!m_repos || !m_session)
        return;
    QStringList targets;
    for (const course::Student &s : m_roster.students())
        targets << s.login.toLower();
    course::JobJournal journal;
    QString error;
    if (!resumeDir.isEmpty() && journal.open(resumeDir, &error))
        targets = journal.targets();
    if (targets.isEmpty()) {
        QMessageBox::information(this, tr("Seed Course"), tr("The roster has no students (File ▸ Import Roster)."));
        return;
    }
    auto *job = new course::SeedJob(m_course, m_roster, m_repos, m_session->client());
    auto *dialog = new JobDialog(job, targets, {{QStringLiteral("course"), m_coursePath}}, this);
    job->setParent(dialog);
    dialog->setResumeFrom(resumeDir);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::syncTemplate()
{
    const QString unfinished =
        JobDialog::unfinishedJournal(course::JobJournal::defaultRoot(), QStringLiteral("sync-template"));
    if (!unfinished.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, tr("Sync Template"),
            tr("An unfinished template sync is in %1. Resume it? (No starts a new one.)")
                .arg(QDir::toNativeSeparators(unfinished)),
            QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Yes) {
            startSyncJob(unfinished);
            return;
        }
    }
    startSyncJob(QString());
}

void MainWindow::startSyncJob(const QString &resumeDir)
{
    if (!m_repos || m_course.templateRepo.isEmpty())
        return;
    // The commit the students' repositories last had from the template, per course.
    const QString key = QStringLiteral("templateSync/%1/lastCommit").arg(m_course.id);
    QString from;
    QString to;
    QStringList targets;
    for (const course::Student &s : m_roster.students())
        targets << s.login.toLower();
    if (!resumeDir.isEmpty()) {
        // A resumed job syncs what it started with, even if the template moved on since.
        course::JobJournal journal;
        QString error;
        if (!journal.open(resumeDir, &error)) {
            QMessageBox::warning(this, tr("Sync Template"), error);
            return;
        }
        from = journal.parameters().value(QStringLiteral("from")).toString();
        to = journal.parameters().value(QStringLiteral("to")).toString();
        targets = journal.targets();
    } else {
        bool ok = false;
        from = QInputDialog::getText(this, tr("Sync Template"),
                                     tr("Bring the students the changes %1 made since which commit?\n"
                                        "(a SHA, branch or tag: the one their repositories were made from or "
                                        "last synced to)")
                                         .arg(m_course.templateRepo),
                                     QLineEdit::Normal, QSettings().value(key).toString(), &ok)
                   .trimmed();
        if (!ok || from.isEmpty())
            return;
    }
    statusBar()->showMessage(tr("Reading what %1 changed…").arg(m_course.templateRepo));
    course::loadTemplateChange(
        m_repos, m_course.templateRepo, from, to, this,
        [this, key, targets, resumeDir](const github::GithubError &error, const course::TemplateChange &change) {
            statusBar()->clearMessage();
            if (!error.isOk()) {
                QMessageBox::warning(this, tr("Sync Template"), error.message);
                return;
            }
            if (change.files.isEmpty()) {
                QMessageBox::information(this, tr("Sync Template"),
                                         tr("%1 did not change in %2: nothing to sync.")
                                             .arg(change.templateRepo, change.shortRange()));
                return;
            }
            auto *job = new course::TemplateSyncJob(m_course, change, m_repos);
            const QJsonObject parameters{{QStringLiteral("course"), m_coursePath},
                                         {QStringLiteral("template"), change.templateRepo},
                                         {QStringLiteral("from"), QString::fromLatin1(change.fromCommit)},
                                         {QStringLiteral("to"), QString::fromLatin1(change.toCommit)}};
            auto *dialog = new JobDialog(job, targets, parameters, this);
            job->setParent(dialog);
            dialog->setResumeFrom(resumeDir);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            const QString synced = QString::fromLatin1(change.toCommit);
            connect(dialog, &JobDialog::jobFinished, this, [key, synced](bool ok) {
                if (ok)
                    QSettings().setValue(key, synced);
            });
            dialog->show();
        });
}

void MainWindow::startIndex()
{
    stopIndex();
    m_model->setRows({});
    auto *index = new course::StudentIndex;
    index->setCourse(m_course);
    index->setRoster(m_roster);
    index->connectReflectors(m_session->pods(), m_session->deployments(), m_session->services());
    m_indexThread = new QThread(this);
    m_indexThread->setObjectName(QStringLiteral("student index"));
    index->moveToThread(m_indexThread);
    connect(m_indexThread, &QThread::finished, index, &QObject::deleteLater);
    connect(index, &course::StudentIndex::rowsChanged, m_model, &FleetModel::applyBatch);
    connect(index, &course::StudentIndex::rowsChanged, this, &MainWindow::updateActions);
    m_index = index;
    m_indexThread->start();

    // Whether each app answers: probed over HTTP, through the sandbox's router
    // when the cluster is the built-in one.
    m_prober = new course::Prober(this);
    if (m_choice.sandbox && m_sandbox && !m_sandbox->endpoints().router.isEmpty()) {
        const QString router = m_sandbox->endpoints().router;
        m_prober->setConnectVia(router.section(u':', 0, 0), quint16(router.section(u':', -1).toUInt()));
    }
    for (const course::Student &student : m_roster.students())
        m_prober->setTarget(student.login.toLower(), QUrl(m_course.urlFor(student.login)));
    connect(m_prober, &course::Prober::results, index, &course::StudentIndex::applyProbes);
    applySettings();
    m_prober->start();
    if (m_heads) {
        for (const course::Student &student : m_roster.students()) {
            const QString head = m_heads->head(student.login);
            if (!head.isEmpty())
                QMetaObject::invokeMethod(index, [index, login = student.login, head] { index->setHead(login, head); });
        }
    }
}

void MainWindow::stopIndex()
{
    delete m_prober;
    m_prober = nullptr;
    if (m_indexThread) {
        m_indexThread->quit();
        m_indexThread->wait();
        delete m_indexThread;
        m_indexThread = nullptr;
    }
    m_index = nullptr;
}

QString MainWindow::namespaceOf(const FleetRow &row) const
{
    return row.namespaceName.isEmpty() ? m_course.namespaces.value(0, QStringLiteral("default")) : row.namespaceName;
}

void MainWindow::showSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_session || !current.isValid()) {
        m_details->clearTarget();
        return;
    }
    const FleetRow &row = m_model->row(m_proxy->mapToSource(current).row());
    if (m_heads)
        m_heads->want(row.login);
    if (m_details->pod() == row.podName && m_details->deployment() == row.login && !row.podName.isEmpty())
        return;
    m_details->setTarget(m_session->access(), namespaceOf(row), row.podName, row.login, QStringLiteral("app"));
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(ConsoleSettings::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.settings().save();
    applySettings();
}

void MainWindow::applySettings()
{
    const ConsoleSettings s = ConsoleSettings::load();
    m_details->setLogBufferLines(s.logBufferLines);
    if (m_prober)
        m_prober->setInterval(s.probeIntervalSeconds * 1000);
    if (m_health)
        m_health->setIntervalMs(s.healthRefreshSeconds * 1000);
    if (course::StudentIndex *index = m_index)
        QMetaObject::invokeMethod(index, [index, ms = s.tableRefreshMs] { index->setBatchInterval(ms); });
}

void MainWindow::showLogs()
{
    m_details->setCurrentTab(DetailsPanel::LogsTab);
    m_details->setFocus();
}

void MainWindow::openTerminal()
{
    m_details->setCurrentTab(DetailsPanel::TerminalTab);
}

void MainWindow::showHealth()
{
    if (!m_session)
        return;
    if (!m_health) {
        m_health = new course::ClusterHealth(m_session->access(), this);
        m_health->setIntervalMs(ConsoleSettings::load().healthRefreshSeconds * 1000);
        m_health->start();
    }
    auto *view = new ClusterHealthView;
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowTitle(tr("Cluster Health — %1").arg(m_session->access()->contextName()));
    view->setObjectName(QStringLiteral("clusterHealthWindow"));
    view->setHealth(m_health);
    view->resize(900, 640);
    view->show();
}

course::AuditLog *MainWindow::audit()
{
    if (!m_audit)
        m_audit = new course::AuditLog;
    return m_audit;
}

void MainWindow::redeployInWaves()
{
    startWaves(course::WaveAction::Redeploy);
}

void MainWindow::restartInWaves()
{
    startWaves(course::WaveAction::Restart);
}

void MainWindow::startWaves(course::WaveAction action)
{
    if (!m_session || (action == course::WaveAction::Redeploy && !m_heads))
        return;
    // The selection, or every student the table shows now (the filter's cohort or group).
    QList<course::WaveTarget> targets;
    QStringList unknownHeads;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    auto add = [&](const QModelIndex &proxyIndex) {
        const FleetRow &row = m_model->row(m_proxy->mapToSource(proxyIndex).row());
        if (!row.hasDeployment)
            return;
        course::WaveTarget t;
        t.namespaceName = namespaceOf(row);
        t.name = row.login;
        t.student = row.login;
        if (action == course::WaveAction::Redeploy) {
            t.commit = m_heads->head(row.login);
            if (t.commit.isEmpty()) {
                unknownHeads << row.login;
                m_heads->want(row.login);
                return;
            }
        }
        targets.append(t);
    };
    if (selected.size() > 1) {
        for (const QModelIndex &i : selected)
            add(i);
    } else {
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            add(m_proxy->index(r, 0));
    }
    const QString title = action == course::WaveAction::Redeploy ? tr("Redeploy in Waves") : tr("Restart in Waves");
    if (targets.isEmpty()) {
        QMessageBox::information(this, title,
                                 unknownHeads.isEmpty()
                                     ? tr("No student in the table has a Deployment.")
                                     : tr("The repositories' HEAD is not known yet; try again in a moment."));
        return;
    }
    if (!unknownHeads.isEmpty())
        statusBar()->showMessage(tr("Left out, their repository's HEAD is not known yet: %1").arg(unknownHeads.join(u", ")),
                                 15000);
    auto *runner = new course::WaveRunner(m_session->access(), audit());
    auto *dialog = new WaveDialog(runner, targets, action, this);
    runner->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("waveDialog"));
    dialog->show();
}

void MainWindow::redeploySelected()
{
    const QStringList logins = selectedLogins();
    if (!m_session || logins.isEmpty() || !m_heads)
        return;
    for (const QString &login : logins) {
        const QString head = m_heads->head(login);
        if (head.isEmpty()) {
            statusBar()->showMessage(tr("The HEAD of %1's repository is not known yet; try again in a moment.").arg(login), 8000);
            m_heads->want(login);
            continue;
        }
        redeployStudent(login, head, [this, login, head](const kube::ApiResult &result) {
            if (result.ok())
                statusBar()->showMessage(tr("deployment.apps/%1 redeploying at %2").arg(login, head.left(7)), 8000);
            else
                QMessageBox::warning(this, tr("Redeploy"), tr("Could not redeploy %1: %2").arg(login, result.status.message));
        });
    }
}

QString MainWindow::namespaceOfLogin(const QString &login) const
{
    const int source = m_model->rowOf(login);
    return source >= 0 ? namespaceOf(m_model->row(source)) : m_course.namespaces.value(0);
}

void MainWindow::redeployStudent(const QString &login, const QString &commit,
                                 std::function<void(const kube::ApiResult &)> then)
{
    const QString ns = namespaceOfLogin(login);
    const QString path = QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2").arg(ns, login);
    const QString who = m_session->access()->userName();
    m_session->client()->patch(path, kube::PatchType::Strategic, course::manifests::redeployPatch(commit), this,
                               [this, login, ns, commit, who, then](const kube::ApiResult &result) {
                                   audit()->append(who, QStringLiteral("redeploy"),
                                                   QStringLiteral("deployment %1/%2").arg(ns, login),
                                                   result.ok() ? QStringLiteral("ok") : QStringLiteral("failed"),
                                                   result.ok() ? QStringLiteral("commit %1").arg(commit)
                                                               : result.status.message);
                                   then(result);
                               });
}

void MainWindow::showAuditLog()
{
    int skipped = 0;
    QString error;
    const QList<course::AuditEntry> entries = audit()->read(500, &skipped, &error);
    QStringList lines;
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        lines << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(it->when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), it->who, it->what,
                          it->target, it->result, it->detail);
    QMessageBox box(this);
    box.setWindowTitle(tr("Audit Log"));
    box.setText(tr("The last %n write(s) made from this computer, newest first. The file: %1", nullptr,
                   int(entries.size()))
                    .arg(audit()->path()));
    box.setDetailedText(lines.isEmpty() ? (error.isEmpty() ? tr("Nothing yet.") : error) : lines.join(u'\n'));
    box.exec();
}

void MainWindow::openCode()
{
    const QStringList logins = selectedLogins();
    if (logins.size() != 1 || !m_repos)
        return;
    openCodeFor(logins.first());
}

CodeWindow *MainWindow::openCodeFor(const QString &login)
{
    if (!m_repos) {
        statusBar()->showMessage(tr("Sign in to GitHub (File ▸ Sign in to GitHub) to open a student's code"), 8000);
        return nullptr;
    }
    if (login.isEmpty())
        return nullptr;
    const QString name = login.toLower();
    auto *source = new course::GithubRepositorySource(m_repos, m_course.repositoryOwner(name), m_course.repositoryName(name));
    course::GithubRepositorySource *templateSource = nullptr;
    if (m_course.templateRepo.contains(u'/'))
        templateSource = new course::GithubRepositorySource(m_repos, m_course.templateRepo.section(u'/', 0, 0),
                                                            m_course.templateRepo.section(u'/', 1));
    auto *window = new CodeWindow(source);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(QStringLiteral("codeWindow"));
    connect(window, &QObject::destroyed, this, [source, templateSource] {
        delete source;
        delete templateSource;
    });
    if (templateSource)
        window->setTemplateSource(templateSource);
    window->setAuthor({m_githubName.isEmpty() ? m_githubLogin : m_githubName,
                       m_githubEmail.isEmpty() ? m_githubLogin + QStringLiteral("@users.noreply.github.com")
                                               : m_githubEmail});
    const qsizetype r = m_roster.indexOf(login);
    if (r >= 0)
        window->setStudent({m_roster.students().at(r).name, m_roster.students().at(r).email});

    // "Commit and Redeploy": after the commit, the student's Deployment runs it,
    // and the window says plainly whether the fix is live.
    auto *redeploy = new QAction(tr("Commit and &Redeploy…"), window);
    redeploy->setObjectName(QStringLiteral("commitAndRedeployAction"));
    redeploy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    redeploy->setEnabled(m_session && m_session->permissions().can(course::Permissions::Redeploy));
    redeploy->setStatusTip(redeploy->isEnabled() ? tr("Commit, then roll the student's app out at the new commit")
                                                 : m_session ? m_session->permissions().why(course::Permissions::Redeploy)
                                                             : tr("Needs a connection to the cluster"));
    auto wantsRedeploy = std::make_shared<bool>(false);
    connect(redeploy, &QAction::triggered, window, [window, wantsRedeploy] {
        *wantsRedeploy = true;
        if (QAction *commit = window->findChild<QAction *>(QStringLiteral("commitAction")))
            commit->trigger();
    });
    if (auto *bar = window->findChild<QToolBar *>(QStringLiteral("codeToolBar")))
        bar->addAction(redeploy);
    connect(window, &CodeWindow::committed, this, [this, window, name, wantsRedeploy](const QByteArray &commit) {
        audit()->append(m_githubLogin, QStringLiteral("commit"),
                        QStringLiteral("repo %1/%2").arg(m_course.repositoryOwner(name), m_course.repositoryName(name)), QStringLiteral("ok"),
                        QString::fromLatin1(commit));
        if (m_heads)
            m_heads->want(name);
        if (!*wantsRedeploy)
            return;
        *wantsRedeploy = false;
        redeployAndFollow(window, name, QString::fromLatin1(commit));
    });
    window->resize(1100, 720);
    window->show();
    window->reload();
    markLastStackTrace(window, name);
    return window;
}

void MainWindow::openCodeWhenReady(const QString &login)
{
    const QString name = login.toLower();
    if (m_roster.indexOf(name) < 0) {
        QMessageBox::warning(this, tr("Open Code"),
                             tr("There is no student \"%1\" in the roster of %2. Check the login (it is the "
                                "student's GitHub login) or open the course they are in.")
                                 .arg(login, m_course.name));
        return;
    }
    statusBar()->showMessage(tr("Opening %1's code once GitHub and the cluster answer…").arg(name));
    auto *poll = new QTimer(this);
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    connect(poll, &QTimer::timeout, this, [this, poll, waited, name] {
        const int source = m_model->rowOf(name);
        const bool ready = m_repos && !m_githubLogin.isEmpty() && source >= 0;
        // Without a cluster the code still opens, once GitHub is there.
        const bool giveUpOnRow = m_repos && !m_githubLogin.isEmpty() && waited->elapsed() > 20000;
        if (!ready && !giveUpOnRow) {
            if (waited->elapsed() > 180000) {
                poll->deleteLater();
                statusBar()->showMessage(tr("Could not open %1's code: GitHub did not answer. Sign in with File ▸ "
                                            "Sign in to GitHub and press Ctrl+E on the student's row.")
                                             .arg(name));
            }
            return;
        }
        poll->deleteLater();
        if (source >= 0) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->index(source, 0));
            if (index.isValid()) {
                m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                     QItemSelectionModel::Rows);
                m_view->scrollTo(index);
            }
        }
        openCodeFor(name);
    });
    poll->start(200);
}

void MainWindow::markLastStackTrace(CodeWindow *window, const QString &login)
{
    if (m_details->deployment() == login) {
        const LogModel *log = m_details->logView()->model();
        QStringList lines;
        for (int row = qMax(0, log->rowCount() - 400); row < log->rowCount(); ++row)
            lines << log->lineText(row);
        const course::SourceLocation loc = course::lastStackLocation(lines);
        if (loc.isValid()) {
            window->showSourceLocation(loc, course::appErrorLine(lines.join(u'\n')));
            return;
        }
    }
    const int r = m_model->rowOf(login);
    if (!m_session || r < 0 || m_model->row(r).podName.isEmpty())
        return;
    const FleetRow &row = m_model->row(r);
    QPointer<CodeWindow> guard(window);
    m_session->client()->get(
        QStringLiteral("/api/v1/namespaces/%1/pods/%2").arg(namespaceOf(row), row.podName), window,
        [guard](const kube::ApiResult &result) {
            if (!guard || !result.ok())
                return;
            // With terminationMessagePolicy FallbackToLogsOnError a crashed
            // container's message is the tail of its log, stack trace included.
            const QJsonObject status = QJsonDocument::fromJson(result.body).object().value(u"status").toObject();
            for (const QJsonValue &container : status.value(u"containerStatuses").toArray()) {
                for (const char16_t *state : {u"state", u"lastState"}) {
                    const QString message = container.toObject()
                                                .value(QStringView(state))
                                                .toObject()
                                                .value(u"terminated")
                                                .toObject()
                                                .value(u"message")
                                                .toString();
                    const course::SourceLocation loc = course::lastStackLocation(message.split(u'\n'));
                    if (loc.isValid()) {
                        guard->showSourceLocation(loc, course::appErrorLine(message));
                        return;
                    }
                }
            }
        });
}

void MainWindow::redeployAndFollow(CodeWindow *window, const QString &login, const QString &commit)
{
    if (!m_session)
        return;
    QPointer<CodeWindow> guard(window);
    window->statusBar()->showMessage(tr("Committed %1; redeploying %2…").arg(commit.left(7), login));
    redeployStudent(login, commit, [this, guard, login, commit](const kube::ApiResult &result) {
            if (!guard)
                return;
            if (!result.ok()) {
                guard->statusBar()->showMessage(tr("The commit is in the repository, but the redeploy failed: %1")
                                                    .arg(result.status.message));
                return;
            }
            // Follow the row: the new commit deployed, the pod ready, the app answering.
            auto *timer = new QTimer(guard);
            auto started = std::make_shared<QElapsedTimer>();
            started->start();
            timer->setInterval(500);
            connect(timer, &QTimer::timeout, guard, [this, guard, timer, login, commit, started] {
                const int r = m_model->rowOf(login);
                if (r < 0 || !guard)
                    return;
                const FleetRow &row = m_model->row(r);
                const bool deployed = row.commit == commit;
                const bool ready = deployed && row.status == QLatin1String("Running") &&
                                   row.readyContainers == row.totalContainers && row.totalContainers > 0;
                const bool answers = ready && row.probe.toText().startsWith(QLatin1String("2"));
                QString text;
                if (answers) {
                    text = tr("The fix is live: %1 runs commit %2 and its app answers (%3).")
                               .arg(login, commit.left(7), row.probe.toText());
                    timer->stop();
                    timer->deleteLater();
                } else if (started->elapsed() > 5 * 60 * 1000) {
                    text = tr("Not live after 5 minutes: %1 is %2%3. Check the logs in the main window.")
                               .arg(login, row.status.isEmpty() ? tr("without a pod") : row.status,
                                    row.lastError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(row.lastError));
                    timer->stop();
                    timer->deleteLater();
                } else if (!deployed) {
                    text = tr("Rolling out %1 at %2… (now %3)").arg(login, commit.left(7), row.status);
                } else if (!ready) {
                    text = tr("New pod of %1: %2%3").arg(login, row.status,
                                                         row.lastError.isEmpty() ? QString()
                                                                                 : QStringLiteral(" — %1").arg(row.lastError));
                } else {
                    text = tr("%1 is running at %2; waiting for the app to answer…").arg(login, commit.left(7));
                }
                guard->statusBar()->showMessage(text);
                guard->setProperty("fixStatus", text);
                guard->setProperty("fixLive", answers);
            });
            timer->start();
        });
}

void MainWindow::restartSelected()
{
    const QStringList logins = selectedLogins();
    if (!m_session || logins.isEmpty())
        return;
    if (logins.size() > 5) {
        restartInWaves();
        return;
    }
    for (const QString &login : logins) {
        const QString name = login.toLower();
        const QString ns = namespaceOfLogin(name);
        const QString who = m_session->access()->userName();
        kube::rolloutRestart(m_session->client(), ns, name, this, [this, name, ns, who](const kube::ApiResult &result) {
            audit()->append(who, QStringLiteral("rollout restart"), QStringLiteral("deployment %1/%2").arg(ns, name),
                            result.ok() ? QStringLiteral("ok") : QStringLiteral("failed"),
                            result.ok() ? QString() : result.status.message);
            if (result.ok())
                statusBar()->showMessage(tr("deployment.apps/%1 restarted").arg(name), 8000);
            else
                QMessageBox::warning(this, tr("Restart"),
                                     tr("Could not restart %1: %2").arg(name, result.status.message));
        });
    }
}

QString MainWindow::appUrl(const QString &login) const
{
    // The built-in sandbox routes <login>.localhost on its router port, which a
    // browser resolves without any DNS set-up.
    if (m_choice.sandbox && m_sandbox && !m_sandbox->endpoints().router.isEmpty()) {
        const QString port = m_sandbox->endpoints().router.section(u':', -1);
        return QStringLiteral("http://%1.localhost:%2/").arg(login.toLower(), port);
    }
    return m_course.urlFor(login);
}

void MainWindow::openApp()
{
    const QStringList logins = selectedLogins();
    if (logins.size() == 1)
        QDesktopServices::openUrl(QUrl(appUrl(logins.first())));
}

void MainWindow::useGithub(const github::GithubConfig &config, const QByteArray &token)
{
    delete m_heads;
    m_heads = nullptr;
    delete m_repos;
    delete m_github;
    m_github = new github::GithubClient(config, this);
    m_github->setToken(token);
    m_repos = new github::GithubRepos(m_github, this);
    m_githubLogin.clear();
    github::verifyToken(m_github, this, [this](const github::GithubError &error, const github::User &user, const QStringList &) {
        if (!error.isOk()) {
            m_githubLabel->setText(tr("GitHub: <a href=\"signin\">sign in</a>"));
            m_githubLabel->setToolTip(error.message);
            return;
        }
        m_githubLogin = user.login;
        m_githubName = user.name;
        m_githubEmail = user.email;
        updateGithubIndicator();
        updateActions();
    });
    if (m_course.repoMode == course::RepoMode::StudentAccounts || !m_course.organization.isEmpty()) {
        m_heads = new course::HeadTracker(m_repos, m_course, this);
        QStringList logins;
        for (const course::Student &s : m_roster.students())
            logins << s.login;
        m_heads->setStudents(logins);
        connect(m_heads, &course::HeadTracker::headChanged, this, [this](const QString &login, const QString &commit) {
            if (course::StudentIndex *index = m_index)
                QMetaObject::invokeMethod(index, [index, login, commit] { index->setHead(login, commit); });
        });
        connect(m_heads, &course::HeadTracker::problem, this,
                [this](const QString &message) { statusBar()->showMessage(message, 30000); });
        m_heads->start();
    }
    updateActions();
}

void MainWindow::signInToGithub()
{
    github::GithubConfig config = m_github ? m_github->config() : github::GithubConfig();
    auto *probe = new github::GithubClient(config, this);
    GithubLoginDialog dialog(probe, QSettings().value(QStringLiteral("github/clientId")).toString(), this);
    if (dialog.exec() == QDialog::Accepted) {
        const QString account = config.apiUrl.host() + u'/' + dialog.user().login;
        QSettings().setValue(QStringLiteral("github/account"), account);
        m_tokens->save(account, dialog.token(), this, [this](bool persisted) {
            if (!persisted)
                statusBar()->showMessage(m_tokens->notice(), 30000);
        });
        useGithub(config, dialog.token());
    }
    probe->deleteLater();
}

void MainWindow::updateGithubIndicator()
{
    if (m_githubLogin.isEmpty()) {
        m_githubLabel->setText(tr("GitHub: <a href=\"signin\">sign in</a>"));
        m_githubLabel->setToolTip(tr("Sign in to GitHub to see the repositories' HEAD and to patch code"));
        return;
    }
    m_githubLabel->setText(tr("GitHub: %1").arg(m_githubLogin.toHtmlEscaped()));
    m_githubLabel->setToolTip(tr("Signed in to %1 as %2").arg(m_github->config().apiUrl.host(), m_githubLogin));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainwindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainwindow/fleetHeader"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("mainwindow/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("mainwindow/horizontal"), m_horizontal->saveState());
    event->accept();
}
