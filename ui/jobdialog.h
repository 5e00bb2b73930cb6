#pragma once

#include "course/job.h"
#include "course/jobjournal.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

// A fleet job (seed, template sync) in three pages: the plan (the job's dry
// run: what each step would do to each student, and how long the rate limits
// make it take), the run (progress, ETA, pause/resume, cancel, the failures as
// they come) and the report (counts, failures, the CSV from the journal). The
// journal is a new folder under the journal root, or an unfinished one given
// to resume; either way a crash or a cancel leaves it for the next resume.
// The job is the caller's (parent it to the dialog to hand it over).
class JobDialog : public QDialog
{
    Q_OBJECT

public:
    enum Page { PlanPage, RunPage, ReportPage };

    // `parameters` go into a new journal's job.json (what the job was asked to do).
    JobDialog(course::Job *job, const QStringList &targets, const QJsonObject &parameters,
              QWidget *parent = nullptr);
    ~JobDialog() override;

    // Resume the unfinished journal in `dir` instead of starting a new one.
    void setResumeFrom(const QString &dir) { m_resumeDir = dir; }
    // Where new journals go (default: JobJournal::defaultRoot()).
    void setJournalRoot(const QString &root) { m_root = root; }
    // Runs the plan (page 1); the dialog calls it when first shown.
    void startPlan();
    // What Start does; false (with the reason shown) when the journal cannot be made.
    bool startRun();

    Page page() const;
    const course::JobPlan &plan() const { return m_plan; }
    bool isPlanned() const { return m_planned; }
    bool isFinished() const { return m_finished; }
    QString journalDir() const { return m_journal.dir(); }
    const course::JobJournal &journal() const { return m_journal; }
    QString planSummary() const;
    QString statusText() const;
    QString reportSummary() const;
    QTreeWidget *planTable() const { return m_planTable; }
    QTreeWidget *failureList() const { return m_failures; }
    QTreeWidget *reportFailures() const { return m_reportFailures; }
    QCheckBox *showLeaveBox() const { return m_showLeave; }
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *startButton() const { return m_start; }
    // Writes the journal's report CSV to `path`; false with *error.
    bool saveReport(const QString &path, QString *error) const;

    // The newest unfinished journal of `kind` under `root` (empty: none).
    static QString unfinishedJournal(const QString &root, const QString &kind);
    // "42s", "3m 05s", "1h 20m"; "?" when not known.
    static QString formatDuration(double seconds);

Q_SIGNALS:
    void pageChanged(int page);
    void jobFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void onPlanned(const course::JobPlan &plan);
    void fillPlanTable();
    void onProgress(const course::JobProgress &p);
    void onStep(const course::JournalEntry &entry);
    void onFinished(bool ok, const QString &message);
    void askCancel();
    void saveReportDialog();
    void setPage(Page page);

    QPointer<course::Job> m_job;
    QStringList m_targets;
    QJsonObject m_parameters;
    QString m_resumeDir;
    QString m_root;
    course::JobJournal m_journal;
    course::JobPlan m_plan;
    course::JobProgress m_progress;
    bool m_planStarted = false;
    bool m_planned = false;
    bool m_running = false;
    bool m_finished = false;
    QString m_message;

    QStackedWidget *m_pages = nullptr;
    // plan
    QLabel *m_planStatus = nullptr;
    QTreeWidget *m_planTable = nullptr;
    QCheckBox *m_showLeave = nullptr;
    QLabel *m_startError = nullptr;
    QPushButton *m_start = nullptr;
    // run
    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QTreeWidget *m_failures = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    // report
    QLabel *m_report = nullptr;
    QTreeWidget *m_reportFailures = nullptr;
};
