#include "job.h"

#include "courselog.h"

#include <QPointer>
#include <QTimer>
#include <memory>

namespace course {

QString toString(PlanItem::Action action)
{
    switch (action) {
    case PlanItem::Action::Create:
        return QObject::tr("create");
    case PlanItem::Action::Change:
        return QObject::tr("change");
    case PlanItem::Action::Leave:
        return QObject::tr("leave alone");
    case PlanItem::Action::Blocked:
        return QObject::tr("blocked");
    }
    return {};
}

int JobPlan::count(PlanItem::Action action) const
{
    int n = 0;
    for (const PlanItem &item : items)
        n += item.action == action;
    return n;
}

Job::Job(QObject *parent)
    : QObject(parent)
{
}

Job::~Job() = default;

void Job::plan(const QStringList &targets)
{
    const QStringList stepNames = steps();
    struct State
    {
        JobPlan plan;
        qsizetype next = 0;
        qsizetype pending = 0;
    };
    auto state = std::make_shared<State>();
    const qsizetype total = targets.size() * stepNames.size();
    state->plan.items.resize(total);
    if (total == 0) {
        Q_EMIT planned(state->plan);
        return;
    }
    auto launch = std::make_shared<std::function<void()>>();
    *launch = [this, state, targets, stepNames, total, launch] {
        while (state->pending < m_concurrency && state->next < total) {
            const qsizetype i = state->next++;
            ++state->pending;
            const QString target = targets.at(i / stepNames.size());
            const QString step = stepNames.at(i % stepNames.size());
            planStep(target, step, [this, state, i, target, step, total, launch](const PlanItem &item) {
                PlanItem filled = item;
                filled.target = target;
                filled.step = step;
                state->plan.items[i] = filled;
                --state->pending;
                if (state->next == total && state->pending == 0) {
                    state->plan.estimatedSeconds = estimateSeconds(state->plan);
                    Q_EMIT planned(state->plan);
                    *launch = nullptr; // break the cycle
                    return;
                }
                (*launch)();
            });
        }
    };
    (*launch)();
}

void Job::start(JobJournal *journal)
{
    m_journal = journal;
    m_steps = steps();
    const QStringList targets = journal->targets();
    m_nextStep = QList<int>(targets.size(), 0);
    m_inFlight.clear();
    m_failed.clear();
    m_cursor = 0;
    m_progress = {};
    m_progress.targets = int(targets.size());
    m_progress.stepsTotal = int(targets.size() * m_steps.size());
    for (qsizetype t = 0; t < targets.size(); ++t) {
        int s = 0;
        while (s < m_steps.size() && journal->isDone(targets.at(t), m_steps.at(s)))
            ++s;
        m_nextStep[t] = s;
        m_progress.stepsDone += s;
        if (s == m_steps.size())
            ++m_progress.targetsDone;
    }
    m_running = true;
    m_paused = false;
    m_stepsThisRun = 0;
    m_clock.start();
    qCInfo(lcCourse).noquote() << kind() << "job: resuming with" << m_progress.stepsDone << "of"
                               << m_progress.stepsTotal << "steps done";
    Q_EMIT progressChanged(m_progress);
    QTimer::singleShot(0, this, &Job::pump);
}

void Job::pause()
{
    if (!m_running || m_paused)
        return;
    m_paused = true;
    m_progress.paused = true;
    Q_EMIT progressChanged(m_progress);
}

void Job::resume()
{
    if (!m_running || !m_paused)
        return;
    m_paused = false;
    m_progress.paused = false;
    Q_EMIT progressChanged(m_progress);
    pump();
}

void Job::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    m_inFlight.clear();
    finish(false, tr("Cancelled. The journal keeps what was done; resume the job to finish it."));
}

void Job::pump()
{
    if (!m_running || m_paused)
        return;
    const QStringList &targets = m_journal->targets();
    while (m_cursor < targets.size() &&
           (m_nextStep.at(m_cursor) == m_steps.size() || m_failed.contains(m_cursor)) && !m_inFlight.contains(m_cursor))
        ++m_cursor;
    for (qsizetype t = m_cursor; t < targets.size() && m_inFlight.size() < m_concurrency; ++t) {
        if (m_inFlight.contains(t) || m_failed.contains(t) || m_nextStep.at(t) == m_steps.size())
            continue;
        m_inFlight.insert(t);
        const QString step = m_steps.at(m_nextStep.at(t));
        const quint64 generation = m_generation;
        runStep(targets.at(t), step,
                [this, t, step, generation, guard = QPointer<Job>(this)](JournalEntry::State state, const QString &detail) {
                    if (!guard || generation != m_generation)
                        return;
                    onStepDone(t, step, state, detail);
                });
    }
    if (m_inFlight.isEmpty()) {
        const bool anyFailed = !m_failed.isEmpty();
        finish(!anyFailed, anyFailed ? tr("%n student(s) failed; see the report for why. Resume the job to retry "
                                          "them.",
                                          nullptr, int(m_failed.size()))
                                     : QString());
    }
}

void Job::onStepDone(qsizetype t, const QString &step, JournalEntry::State state, const QString &detail)
{
    m_inFlight.remove(t);
    JournalEntry entry;
    entry.target = m_journal->targets().at(t);
    entry.step = step;
    entry.state = state;
    entry.detail = detail;
    QString error;
    if (!m_journal->append(entry, &error)) {
        // Going on without a journal could do a student twice after a crash.
        ++m_generation;
        m_inFlight.clear();
        finish(false, tr("Stopped: %1").arg(error));
        return;
    }
    ++m_stepsThisRun;
    switch (state) {
    case JournalEntry::State::Failed:
        m_failed.insert(t);
        ++m_progress.stepsFailed;
        ++m_progress.targetsFailed;
        break;
    case JournalEntry::State::Skipped:
        ++m_progress.stepsSkipped;
        [[fallthrough]];
    case JournalEntry::State::Done:
        ++m_progress.stepsDone;
        if (++m_nextStep[t] == m_steps.size())
            ++m_progress.targetsDone;
        break;
    }
    updateEta();
    Q_EMIT stepFinished(m_journal->entries().constLast());
    Q_EMIT progressChanged(m_progress);
    pump();
}

void Job::updateEta()
{
    const double elapsed = m_clock.elapsed() / 1000.0;
    if (m_stepsThisRun < 3 || elapsed <= 0)
        return;
    const int left = m_progress.stepsTotal - m_progress.stepsDone - m_progress.stepsFailed;
    m_progress.etaSeconds = left * elapsed / m_stepsThisRun;
}

void Job::finish(bool ok, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    QString error;
    if (ok && !m_journal->finish(&error)) {
        ok = false;
        qCWarning(lcCourse).noquote() << error;
    }
    m_progress.etaSeconds = 0;
    Q_EMIT progressChanged(m_progress);
    Q_EMIT finished(ok, ok ? tr("Every step is done.") : message);
}

} // namespace course
