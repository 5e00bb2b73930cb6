#pragma once

#include "course/jobjournal.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>

namespace course {

// What the dry run says a step would do to one target.
struct PlanItem
{
    enum class Action : quint8 { Create, Change, Leave, Blocked } action = Action::Leave;
    QString target;
    QString step;
    QString detail; // "repository webapps101/ana from webapps101/app-template", or why it is blocked
};
QString toString(PlanItem::Action action);

struct JobPlan
{
    QList<PlanItem> items;
    int count(PlanItem::Action action) const;
    double estimatedSeconds = 0; // how long the limits (GitHub's, the API's) make the run take
};

struct JobProgress
{
    int targets = 0;
    int targetsDone = 0; // every step done or skipped
    int targetsFailed = 0;
    int stepsDone = 0;
    int stepsSkipped = 0;
    int stepsFailed = 0;
    int stepsTotal = 0;
    double etaSeconds = -1; // -1: not known yet
    bool paused = false;
};

// A fleet operation over many students as a journaled job: a dry-run plan,
// then each target's steps in order (a target's later steps wait for its
// earlier ones), a few targets at a time, every finished step appended to the
// journal before the next starts. Pause stops starting new steps; cancel also
// forgets the in-flight ones (they finish on the server, and a resume finds
// them done). A resumed job skips what its journal holds, and steps check the
// server before they write, so a rerun of a finished job changes nothing.
class Job : public QObject
{
    Q_OBJECT

public:
    using StepDone = std::function<void(JournalEntry::State state, const QString &detail)>;
    using PlanDone = std::function<void(const PlanItem &item)>;

    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    virtual QString kind() const = 0;
    virtual QStringList steps() const = 0;
    // Performs one step; calls done exactly once (Skipped when there was nothing to do).
    virtual void runStep(const QString &target, const QString &step, StepDone done) = 0;
    // Looks at the server and says what runStep would do; calls done exactly once.
    virtual void planStep(const QString &target, const QString &step, PlanDone done) = 0;
    // Seconds the rate limits make `plan` take (Create and Change items).
    virtual double estimateSeconds(const JobPlan &plan) const { Q_UNUSED(plan); return 0; }

    void setConcurrency(int n) { m_concurrency = qMax(1, n); }
    int concurrency() const { return m_concurrency; }

    // Dry run over `targets`; emits planned() once every item is in.
    void plan(const QStringList &targets);
    // Runs (or resumes) the job recorded in `journal`, which outlives the run.
    void start(JobJournal *journal);
    void pause();
    void resume();
    void cancel();
    bool isRunning() const { return m_running; }
    JobProgress progress() const { return m_progress; }

Q_SIGNALS:
    void planned(const course::JobPlan &plan);
    void stepFinished(const course::JournalEntry &entry);
    void progressChanged(const course::JobProgress &progress);
    // ok: every step done or skipped; otherwise `message` says what failed or stopped it.
    void finished(bool ok, const QString &message);

private:
    void pump();
    void onStepDone(qsizetype targetIndex, const QString &step, JournalEntry::State state, const QString &detail);
    void finish(bool ok, const QString &message);
    void updateEta();

    int m_concurrency = 4;
    JobJournal *m_journal = nullptr;
    bool m_running = false;
    bool m_paused = false;
    QStringList m_steps;
    QList<int> m_nextStep;       // per target: index of its next step; steps().size() when through
    QSet<qsizetype> m_inFlight;  // targets with a step running
    QSet<qsizetype> m_failed;    // targets with a failed step (their later steps do not run)
    qsizetype m_cursor = 0;      // first target that may still have work
    quint64 m_generation = 0;    // bumps on cancel, so late answers are dropped
    JobProgress m_progress;
    QElapsedTimer m_clock;
    int m_stepsThisRun = 0;
};

} // namespace course
