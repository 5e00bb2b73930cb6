#include "mainwindow.h"

#include "diagnosticsdialog.h"
#include "fleetmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new FleetModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("CourseOps"));
    setObjectName(QStringLiteral("MainWindow"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FleetModel::SortRole);
    m_proxy->setFilterRole(FleetModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_filter = new QLineEdit(central);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter students by name, login, status or error (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter students"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    layout->addWidget(m_filter);

    m_view = new QTableView(central);
    m_view->setObjectName(QStringLiteral("fleetTable"));
    m_view->setAccessibleName(tr("Students"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    layout->addWidget(m_view);
    setCentralWidget(central);

    m_connection = new QLabel(tr("Cluster: not connected"), this);
    m_connection->setObjectName(QStringLiteral("connectionIndicator"));
    m_courseLabel = new QLabel(this);
    m_courseLabel->setObjectName(QStringLiteral("courseLabel"));
    statusBar()->addWidget(m_courseLabel, 1);
    statusBar()->addPermanentWidget(m_connection);

    createMenus();
    updateStatus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainwindow/geometry")).toByteArray()))
        resize(1200, 720);
    m_view->horizontalHeader()->restoreState(settings.value(QStringLiteral("mainwindow/fleetHeader")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
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

    // Actions that need a cluster connection: present so people can find them,
    // disabled with the reason until a connection exists.
    const QString needsCluster = tr("Needs a connection to the cluster");
    auto pending = [&](QMenu *menu, const QString &text, const QKeySequence &shortcut = {}) {
        QAction *a = menu->addAction(text);
        a->setShortcut(shortcut);
        a->setEnabled(false);
        a->setStatusTip(needsCluster);
        a->setToolTip(needsCluster);
        return a;
    };
    pending(view, tr("Cluster &Health"), QKeySequence(Qt::CTRL | Qt::Key_H));

    QMenu *student = menuBar()->addMenu(tr("&Student"));
    pending(student, tr("Show &Logs"), QKeySequence(Qt::CTRL | Qt::Key_L));
    pending(student, tr("Open &Terminal"), QKeySequence(Qt::CTRL | Qt::Key_T));
    pending(student, tr("&Restart"), QKeySequence(Qt::CTRL | Qt::Key_R));
    pending(student, tr("Re&deploy at HEAD"));
    pending(student, tr("Open &Code"), QKeySequence(Qt::CTRL | Qt::Key_E));

    QMenu *fleet = menuBar()->addMenu(tr("F&leet"));
    pending(fleet, tr("&Seed Course…"));
    pending(fleet, tr("Redeploy in &Waves…"));
    pending(fleet, tr("Sync &Template…"));

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

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainwindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainwindow/fleetHeader"), m_view->horizontalHeader()->saveState());
    event->accept();
}
