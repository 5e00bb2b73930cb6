#include "jobdialog.h"
#include "theme.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

enum PlanColumn { PlanTarget, PlanStep, PlanAction, PlanDetail };

QString titleFor(const QString &kind, int students)
{
    if (kind == QLatin1String("seed"))
        return JobDialog::tr("Seed the course for %n student(s)", nullptr, students);
    if (kind == QLatin1String("sync-template"))
        return JobDialog::tr("Sync the template to %n student(s)", nullptr, students);
    if (kind == QLatin1String("deploy"))
        return JobDialog::tr("Deploy %n student(s)", nullptr, students);
    return JobDialog::tr("Fleet job “%1” for %n student(s)", nullptr, students).arg(kind);
}

QTreeWidget *makeTable(QWidget *parent, const QString &objectName, const QString &accessibleName,
                       const QStringList &headers)
{
    auto *table = new QTreeWidget(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setHeaderLabels(headers);
    for (int c = 0; c + 1 < headers.size(); ++c)
        table->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table->header()->setStretchLastSection(true);
    return table;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    label->setAccessibleName(text);
    return label;
}

} // namespace

JobDialog::JobDialog(course::Job *job, const QStringList &targets, const QJsonObject &parameters, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
    , m_targets(targets)
    , m_parameters(parameters)
    , m_root(course::JobJournal::defaultRoot())
{
    const QString title = titleFor(job->kind(), int(targets.size()));
    setWindowTitle(title);
    setObjectName(QStringLiteral("jobDialog"));
    m_pages = new QStackedWidget(this);

    // Page 1: the plan.
    auto *planPage = new QWidget(m_pages);
    m_planStatus = new QLabel(tr("Looking at what each step would do (nothing is changed yet)…"), planPage);
    m_planStatus->setObjectName(QStringLiteral("planStatus"));
    m_planStatus->setWordWrap(true);
    m_planTable = makeTable(planPage, QStringLiteral("planTable"), tr("Plan"),
                            {tr("Student"), tr("Step"), tr("Action"), tr("Detail")});
    m_showLeave = new QCheckBox(tr("Show steps with &nothing to do"), planPage);
    m_showLeave->setObjectName(QStringLiteral("showLeave"));
    m_showLeave->setToolTip(tr("Steps whose result is already on the server are left alone"));
    m_startError = new QLabel(planPage);
    m_startError->setObjectName(QStringLiteral("startError"));
    m_startError->setWordWrap(true);
    m_startError->setStyleSheet(theme::cssColor(theme::Tone::Error));
    m_startError->hide();
    auto *planButtons = new QDialogButtonBox(planPage);
    m_start = planButtons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("start"));
    m_start->setEnabled(false);
    m_start->setDefault(true);
    planButtons->addButton(QDialogButtonBox::Close);
    connect(m_start, &QPushButton::clicked, this, &JobDialog::startRun);
    connect(planButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_showLeave, &QCheckBox::toggled, this, &JobDialog::fillPlanTable);
    auto *planLayout = new QVBoxLayout(planPage);
    planLayout->addWidget(heading(title, planPage));
    planLayout->addWidget(m_planStatus);
    planLayout->addWidget(m_planTable, 1);
    planLayout->addWidget(m_showLeave);
    planLayout->addWidget(m_startError);
    planLayout->addWidget(planButtons);

    // Page 2: the run.
    auto *runPage = new QWidget(m_pages);
    m_status = new QLabel(tr("Starting…"), runPage);
    m_status->setObjectName(QStringLiteral("status"));
    m_bar = new QProgressBar(runPage);
    m_bar->setObjectName(QStringLiteral("progress"));
    m_bar->setAccessibleName(tr("Progress"));
    m_bar->setFormat(tr("%v of %m steps"));
    m_failures = makeTable(runPage, QStringLiteral("failures"), tr("Failures"),
                           {tr("Student"), tr("Step"), tr("Why it failed")});
    m_pause = new QPushButton(tr("&Pause"), runPage);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_pause->setToolTip(tr("Starts no new steps until resumed; the running ones finish"));
    m_cancel = new QPushButton(tr("&Cancel…"), runPage);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setToolTip(tr("Stops the job; its journal keeps what was done, for a later resume"));
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_job)
            return;
        if (m_progress.paused)
            m_job->resume();
        else
            m_job->pause();
    });
    connect(m_cancel, &QPushButton::clicked, this, &JobDialog::askCancel);
    auto *runButtons = new QHBoxLayout;
    runButtons->addStretch(1);
    runButtons->addWidget(m_pause);
    runButtons->addWidget(m_cancel);
    auto *runLayout = new QVBoxLayout(runPage);
    runLayout->addWidget(heading(title, runPage));
    runLayout->addWidget(m_bar);
    runLayout->addWidget(m_status);
    auto *failuresLabel = new QLabel(tr("&Failures so far:"), runPage);
    failuresLabel->setBuddy(m_failures);
    runLayout->addWidget(failuresLabel);
    runLayout->addWidget(m_failures, 1);
    runLayout->addLayout(runButtons);

    // Page 3: the report.
    auto *reportPage = new QWidget(m_pages);
    m_report = new QLabel(reportPage);
    m_report->setObjectName(QStringLiteral("report"));
    m_report->setAccessibleName(tr("Report"));
    m_report->setWordWrap(true);
    m_report->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_reportFailures = makeTable(reportPage, QStringLiteral("reportFailures"), tr("Failed steps"),
                                 {tr("Student"), tr("Step"), tr("Why it failed")});
    auto *reportButtons = new QDialogButtonBox(reportPage);
    auto *save = reportButtons->addButton(tr("Save &Report…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveReport"));
    auto *folder = reportButtons->addButton(tr("Open &Journal Folder"), QDialogButtonBox::ActionRole);
    folder->setObjectName(QStringLiteral("openJournal"));
    reportButtons->addButton(QDialogButtonBox::Close);
    connect(save, &QPushButton::clicked, this, &JobDialog::saveReportDialog);
    connect(folder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_journal.dir())); });
    connect(reportButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *reportLayout = new QVBoxLayout(reportPage);
    reportLayout->addWidget(heading(title, reportPage));
    reportLayout->addWidget(m_report);
    auto *failedLabel = new QLabel(tr("F&ailed steps:"), reportPage);
    failedLabel->setBuddy(m_reportFailures);
    reportLayout->addWidget(failedLabel);
    reportLayout->addWidget(m_reportFailures, 1);
    reportLayout->addWidget(reportButtons);

    m_pages->addWidget(planPage);
    m_pages->addWidget(runPage);
    m_pages->addWidget(reportPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    resize(760, 520);

    connect(job, &course::Job::planned, this, &JobDialog::onPlanned);
    connect(job, &course::Job::progressChanged, this, &JobDialog::onProgress);
    connect(job, &course::Job::stepFinished, this, &JobDialog::onStep);
    connect(job, &course::Job::finished, this, &JobDialog::onFinished);
}

JobDialog::~JobDialog()
{
    // The job may outlive the dialog (or die after m_journal as its child):
    // stop it before the journal it writes to goes away.
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

JobDialog::Page JobDialog::page() const
{
    return Page(m_pages->currentIndex());
}

void JobDialog::setPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    Q_EMIT pageChanged(int(page));
}

void JobDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_planStarted)
        startPlan();
}

void JobDialog::startPlan()
{
    if (m_planStarted || !m_job)
        return;
    m_planStarted = true;
    if (!m_resumeDir.isEmpty())
        m_planStatus->setText(tr("Resuming the unfinished job in %1: steps it finished are not repeated. "
                                 "Looking at what the rest would do…")
                                  .arg(QDir::toNativeSeparators(m_resumeDir)));
    m_job->plan(m_targets);
}

void JobDialog::onPlanned(const course::JobPlan &plan)
{
    using A = course::PlanItem::Action;
    m_plan = plan;
    m_planned = true;
    m_planStatus->setText(planSummary());
    m_showLeave->setText(tr("Show steps with &nothing to do (%1)").arg(plan.count(A::Leave)));
    fillPlanTable();
    m_start->setEnabled(true);
    m_start->setFocus();
}

QString JobDialog::planSummary() const
{
    using A = course::PlanItem::Action;
    if (!m_planned)
        return m_planStatus->text();
    QString text = tr("%1 to create, %2 to change, %3 blocked, %4 with nothing to do.")
                       .arg(m_plan.count(A::Create))
                       .arg(m_plan.count(A::Change))
                       .arg(m_plan.count(A::Blocked))
                       .arg(m_plan.count(A::Leave));
    if (m_plan.count(A::Create) + m_plan.count(A::Change) == 0)
        text += u' ' + tr("Nothing needs doing; a run only records that.");
    else
        text += u' ' + tr("GitHub's rate limits make the run take about %1.").arg(formatDuration(m_plan.estimatedSeconds));
    if (m_plan.count(A::Blocked))
        text += u' ' + tr("Blocked steps will fail: see their detail.");
    if (!m_resumeDir.isEmpty())
        text += u' ' + tr("Resuming the job in %1.").arg(QDir::toNativeSeparators(m_resumeDir));
    return text;
}

void JobDialog::fillPlanTable()
{
    using A = course::PlanItem::Action;
    m_planTable->clear();
    QList<QTreeWidgetItem *> rows;
    for (const course::PlanItem &item : std::as_const(m_plan.items)) {
        if (item.action == A::Leave && !m_showLeave->isChecked())
            continue;
        auto *row = new QTreeWidgetItem({item.target, item.step, course::toString(item.action), item.detail});
        row->setToolTip(PlanDetail, item.detail);
        if (item.action == A::Blocked)
            row->setForeground(PlanAction, theme::foreground(theme::Tone::Error));
        rows << row;
    }
    m_planTable->addTopLevelItems(rows);
}

bool JobDialog::startRun()
{
    if (!m_job || m_running)
        return false;
    QString error;
    bool ok = false;
    if (!m_resumeDir.isEmpty()) {
        ok = m_journal.open(m_resumeDir, &error);
        if (ok && m_journal.kind() != m_job->kind()) {
            ok = false;
            error = tr("%1 holds a “%2” job, not a “%3” job").arg(m_resumeDir, m_journal.kind(), m_job->kind());
        }
    } else {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        QString dir = QDir(m_root).filePath(m_job->kind() + u'-' + stamp);
        // Two jobs started within the same second get their own folders.
        for (int n = 2; QFile::exists(dir); ++n)
            dir = QDir(m_root).filePath(m_job->kind() + u'-' + stamp + u'-' + QString::number(n));
        ok = m_journal.create(dir, m_job->kind(), m_parameters, m_targets, &error);
    }
    if (!ok) {
        m_startError->setText(tr("Cannot start: %1").arg(error));
        m_startError->show();
        return false;
    }
    m_running = true;
    setPage(RunPage);
    m_pause->setFocus();
    m_job->start(&m_journal);
    return true;
}

void JobDialog::onProgress(const course::JobProgress &p)
{
    m_progress = p;
    m_bar->setRange(0, qMax(1, p.stepsTotal));
    m_bar->setValue(p.stepsDone + p.stepsFailed);
    m_status->setText(statusText());
    m_status->setAccessibleName(statusText());
    m_pause->setText(p.paused ? tr("&Resume") : tr("&Pause"));
}

QString JobDialog::statusText() const
{
    const course::JobProgress &p = m_progress;
    QString text = tr("%1 of %2 steps, %3 failed").arg(p.stepsDone + p.stepsFailed).arg(p.stepsTotal).arg(p.stepsFailed);
    if (m_finished)
        return text;
    if (p.paused)
        return text + u", " + tr("paused: no new steps start until you resume");
    return text + u", " + tr("ETA %1").arg(p.etaSeconds < 0 ? tr("estimating…") : formatDuration(p.etaSeconds));
}

void JobDialog::onStep(const course::JournalEntry &entry)
{
    if (entry.state != course::JournalEntry::State::Failed)
        return;
    auto *row = new QTreeWidgetItem(m_failures, {entry.target, entry.step, entry.detail});
    row->setToolTip(2, entry.detail);
    m_failures->scrollToItem(row);
}

void JobDialog::onFinished(bool ok, const QString &message)
{
    m_running = false;
    m_finished = true;
    m_message = message;
    // Like the command line: the report lands next to the journal as well.
    QFile csv(QDir(m_journal.dir()).filePath(QStringLiteral("report.csv")));
    if (csv.open(QIODevice::WriteOnly))
        csv.write(m_journal.reportCsv());
    m_reportFailures->clear();
    for (const course::JournalEntry &e : m_journal.latest()) {
        if (e.state == course::JournalEntry::State::Failed) {
            auto *row = new QTreeWidgetItem(m_reportFailures, {e.target, e.step, e.detail});
            row->setToolTip(2, e.detail);
        }
    }
    m_report->setText(reportSummary());
    m_report->setStyleSheet(ok ? QString() : theme::cssColor(theme::Tone::Error));
    setPage(ReportPage);
    // The run page's buttons are hidden now: keep the keyboard on this page.
    if (auto *save = findChild<QPushButton *>(QStringLiteral("saveReport")))
        save->setFocus();
    Q_EMIT jobFinished(ok);
}

QString JobDialog::reportSummary() const
{
    const course::JobProgress &p = m_progress;
    QString text = tr("%1 done, %2 already there, %3 failed (of %4 steps for %5 students).")
                       .arg(p.stepsDone - p.stepsSkipped)
                       .arg(p.stepsSkipped)
                       .arg(p.stepsFailed)
                       .arg(p.stepsTotal)
                       .arg(p.targets);
    if (!m_message.isEmpty())
        text += u' ' + m_message;
    text += u'\n' + tr("Journal: %1").arg(QDir::toNativeSeparators(m_journal.dir()));
    return text;
}

void JobDialog::askCancel()
{
    if (!m_job || !m_running)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Cancel the job?"),
        tr("Stop the job now? Steps already running finish on the server; the journal keeps what was done, "
           "and Fleet offers to resume the job later."),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes && m_job)
        m_job->cancel();
}

void JobDialog::reject()
{
    if (m_running) {
        askCancel();
        if (m_running)
            return;
    }
    QDialog::reject();
}

void JobDialog::closeEvent(QCloseEvent *event)
{
    if (m_running) {
        askCancel();
        if (m_running) {
            event->ignore();
            return;
        }
    }
    QDialog::closeEvent(event);
}

bool JobDialog::saveReport(const QString &path, QString *error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_journal.reportCsv()) < 0 || !f.flush()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

void JobDialog::saveReportDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Report"),
                                                      QDir(m_journal.dir()).filePath(QStringLiteral("report.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveReport(path, &error))
        QMessageBox::warning(this, tr("Save Report"), tr("Cannot write %1: %2").arg(path, error));
}

QString JobDialog::unfinishedJournal(const QString &root, const QString &kind)
{
    QString newest;
    QDateTime newestCreated;
    const QDir dir(root);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString path = dir.filePath(name);
        if (!QFile::exists(QDir(path).filePath(QStringLiteral("job.json"))))
            continue;
        course::JobJournal journal;
        QString error;
        if (!journal.open(path, &error) || journal.kind() != kind || journal.isFinished())
            continue;
        if (newest.isEmpty() || journal.created() > newestCreated) {
            newest = path;
            newestCreated = journal.created();
        }
    }
    return newest;
}

QString JobDialog::formatDuration(double seconds)
{
    if (seconds < 0)
        return tr("?");
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}
