#pragma once

#include "course/waverunner.h"

#include <QDialog>
#include <QPointer>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeWidget;

// Restart or redeploy a selection in waves: first the options (canary, batch
// size, pause between waves, failure bound, rollout timeout), then a progress
// panel with a progress bar, the ETA, each wave's result, the members that
// failed and why, and pause/resume/cancel. The runner is the caller's (it
// carries the cluster access and the audit log); the dialog drives it.
class WaveDialog : public QDialog
{
    Q_OBJECT

public:
    WaveDialog(course::WaveRunner *runner, const QList<course::WaveTarget> &targets,
               course::WaveAction action, QWidget *parent = nullptr);

    course::WaveOptions options() const;
    void setOptions(const course::WaveOptions &options);
    // What the Start button does; false (with the reason shown) when the run cannot start.
    bool startRun();

    // For tests and the main window.
    QProgressBar *progressBar() const { return m_bar; }
    QString statusText() const;
    QString etaText() const;
    QString summaryText() const;
    QTreeWidget *waveTable() const { return m_waves; }
    QTreeWidget *failureList() const { return m_failures; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }

    static QString formatEta(qint64 ms);

private:
    void updatePlan();
    void onProgress(const course::WaveProgress &p);
    void onWaveStarted(int wave, int size, bool canary);
    void onMember(const course::WaveMemberResult &r);
    void onWaveFinished(const course::WaveResult &r);
    void onFinished(course::WaveOutcome outcome, const QString &summary);

    QPointer<course::WaveRunner> m_runner;
    QList<course::WaveTarget> m_targets;
    course::WaveAction m_action;

    QStackedWidget *m_pages = nullptr;
    // options
    QSpinBox *m_canary = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_pauseSeconds = nullptr;
    QDoubleSpinBox *m_bound = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QLabel *m_plan = nullptr;
    QLabel *m_startError = nullptr;
    // progress
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_eta = nullptr;
    QTreeWidget *m_waves = nullptr;
    QTreeWidget *m_failures = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
};
