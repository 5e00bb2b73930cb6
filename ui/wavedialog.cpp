#include "wavedialog.h"
#include "theme.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum WaveColumn { WaveName, WaveMembers, WaveDone, WaveFailed, WaveState };

QString actionWords(course::WaveAction action)
{
    return action == course::WaveAction::Redeploy ? QObject::tr("Redeploy") : QObject::tr("Restart");
}

} // namespace

WaveDialog::WaveDialog(course::WaveRunner *runner, const QList<course::WaveTarget> &targets,
                       course::WaveAction action, QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_targets(targets)
    , m_action(action)
{
    const QString title = targets.size() == 1
                              ? tr("%1 1 Deployment in waves").arg(actionWords(action))
                              : tr("%1 %2 Deployments in waves").arg(actionWords(action)).arg(targets.size());
    setWindowTitle(title);
    m_pages = new QStackedWidget(this);

    // Page 1: the options.
    auto *optionsPage = new QWidget(m_pages);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), optionsPage);
    QStringList names;
    for (qsizetype i = 0; i < targets.size() && i < 6; ++i)
        names << targets[i].name;
    if (targets.size() > 6)
        names << tr("and %1 more").arg(targets.size() - 6);
    auto *who = new QLabel(names.join(QLatin1String(", ")), optionsPage);
    who->setWordWrap(true);
    const course::WaveOptions defaults;
    m_canary = new QSpinBox(optionsPage);
    m_canary->setRange(0, 1000);
    m_canary->setToolTip(
        tr("The first wave; 0 for none. Its failures stop the run before anyone else is touched."));
    m_batch = new QSpinBox(optionsPage);
    m_batch->setRange(1, 100000);
    m_batch->setSuffix(tr(" per wave"));
    m_pauseSeconds = new QSpinBox(optionsPage);
    m_pauseSeconds->setRange(0, 24 * 3600);
    m_pauseSeconds->setSuffix(tr(" s"));
    m_bound = new QDoubleSpinBox(optionsPage);
    m_bound->setRange(0, 100);
    m_bound->setDecimals(0);
    m_bound->setSuffix(tr(" % of a wave"));
    m_timeout = new QSpinBox(optionsPage);
    m_timeout->setRange(5, 24 * 3600);
    m_timeout->setSuffix(tr(" s"));
    m_concurrency = new QSpinBox(optionsPage);
    m_concurrency->setRange(1, 64);
    m_plan = new QLabel(optionsPage);
    m_plan->setObjectName(QStringLiteral("plan"));
    m_startError = new QLabel(optionsPage);
    m_startError->setWordWrap(true);
    m_startError->setStyleSheet(theme::cssColor(theme::Tone::Error));
    m_startError->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Canary wave size:"), m_canary);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Pause between waves:"), m_pauseSeconds);
    form->addRow(tr("Stop when failures exceed:"), m_bound);
    form->addRow(tr("Rollout timeout per Deployment:"), m_timeout);
    form->addRow(tr("Writes at once:"), m_concurrency);
    auto *optionButtons = new QDialogButtonBox(optionsPage);
    auto *start = optionButtons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    start->setObjectName(QStringLiteral("start"));
    optionButtons->addButton(QDialogButtonBox::Cancel);
    connect(start, &QPushButton::clicked, this, &WaveDialog::startRun);
    connect(optionButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *optionsLayout = new QVBoxLayout(optionsPage);
    optionsLayout->addWidget(heading);
    optionsLayout->addWidget(who);
    optionsLayout->addLayout(form);
    optionsLayout->addWidget(m_plan);
    optionsLayout->addWidget(m_startError);
    optionsLayout->addStretch(1);
    optionsLayout->addWidget(optionButtons);
    setOptions(defaults);
    for (QSpinBox *box : {m_canary, m_batch, m_pauseSeconds})
        connect(box, &QSpinBox::valueChanged, this, &WaveDialog::updatePlan);
    connect(m_bound, &QDoubleSpinBox::valueChanged, this, &WaveDialog::updatePlan);

    // Page 2: progress.
    auto *progressPage = new QWidget(m_pages);
    m_title = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), progressPage);
    m_status = new QLabel(tr("Starting…"), progressPage);
    m_status->setObjectName(QStringLiteral("status"));
    m_bar = new QProgressBar(progressPage);
    m_bar->setRange(0, int(targets.size()));
    m_bar->setValue(0);
    m_bar->setFormat(tr("%v of %m"));
    m_eta = new QLabel(tr("Time left: estimating…"), progressPage);
    m_eta->setObjectName(QStringLiteral("eta"));
    m_waves = new QTreeWidget(progressPage);
    m_waves->setObjectName(QStringLiteral("waves"));
    m_waves->setAccessibleName(tr("Waves"));
    m_waves->setRootIsDecorated(false);
    m_waves->setHeaderLabels({tr("Wave"), tr("Deployments"), tr("Rolled out"), tr("Failed"), tr("Result")});
    m_waves->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_waves->header()->setStretchLastSection(true);
    m_failures = new QTreeWidget(progressPage);
    m_failures->setObjectName(QStringLiteral("failures"));
    m_failures->setAccessibleName(tr("Failures"));
    m_failures->setRootIsDecorated(false);
    m_failures->setHeaderLabels({tr("Deployment"), tr("Wave"), tr("Why it failed")});
    m_failures->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_failures->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_failures->setWordWrap(true);
    m_summary = new QLabel(progressPage);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->hide();
    m_pause = new QPushButton(tr("Pause"), progressPage);
    m_pause->setObjectName(QStringLiteral("pause"));
    m_cancel = new QPushButton(tr("Cancel run"), progressPage);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_close = new QPushButton(tr("Close"), progressPage);
    m_close->setEnabled(false);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (!m_runner)
            return;
        if (m_runner->state() == course::WaveRunState::Paused)
            m_runner->resume();
        else
            m_runner->pause();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_runner)
            m_runner->cancel();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pause);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *progressLayout = new QVBoxLayout(progressPage);
    progressLayout->addWidget(m_title);
    progressLayout->addWidget(m_status);
    progressLayout->addWidget(m_bar);
    progressLayout->addWidget(m_eta);
    progressLayout->addWidget(new QLabel(tr("Waves"), progressPage));
    progressLayout->addWidget(m_waves, 2);
    progressLayout->addWidget(new QLabel(tr("Failures"), progressPage));
    progressLayout->addWidget(m_failures, 1);
    progressLayout->addWidget(m_summary);
    progressLayout->addLayout(buttons);

    m_pages->addWidget(optionsPage);
    m_pages->addWidget(progressPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    resize(640, 520);

    if (m_runner) {
        connect(m_runner, &course::WaveRunner::progressChanged, this, &WaveDialog::onProgress);
        connect(m_runner, &course::WaveRunner::waveStarted, this, &WaveDialog::onWaveStarted);
        connect(m_runner, &course::WaveRunner::memberFinished, this, &WaveDialog::onMember);
        connect(m_runner, &course::WaveRunner::waveFinished, this, &WaveDialog::onWaveFinished);
        connect(m_runner, &course::WaveRunner::finished, this, &WaveDialog::onFinished);
    }
}

course::WaveOptions WaveDialog::options() const
{
    course::WaveOptions o;
    o.canarySize = m_canary->value();
    o.batchSize = m_batch->value();
    o.pauseBetweenWavesMs = m_pauseSeconds->value() * 1000;
    o.maxFailureFraction = m_bound->value() / 100.0;
    o.rolloutTimeoutMs = m_timeout->value() * 1000;
    o.concurrency = m_concurrency->value();
    return o;
}

void WaveDialog::setOptions(const course::WaveOptions &o)
{
    m_canary->setValue(o.canarySize);
    m_batch->setValue(o.batchSize);
    m_pauseSeconds->setValue(o.pauseBetweenWavesMs / 1000);
    m_bound->setValue(o.maxFailureFraction * 100.0);
    m_timeout->setValue(o.rolloutTimeoutMs / 1000);
    m_concurrency->setValue(o.concurrency);
    updatePlan();
}

void WaveDialog::updatePlan()
{
    const course::WaveOptions o = options();
    const QList<int> waves = course::WaveRunner::planWaves(int(m_targets.size()), o);
    QString text = waves.size() == 1 ? tr("1 wave") : tr("%1 waves").arg(waves.size());
    if (o.canarySize > 0 && !waves.isEmpty())
        text += tr(": a canary of %1, then up to %2 at a time").arg(waves.first()).arg(o.batchSize);
    else
        text += tr(" of up to %1").arg(o.batchSize);
    if (o.pauseBetweenWavesMs > 0)
        text += tr(", %1 s apart").arg(o.pauseBetweenWavesMs / 1000);
    text += QLatin1String(".\n") +
            tr("The run stops by itself when more than %1 % of a wave fails.").arg(m_bound->value());
    m_plan->setText(text);
}

bool WaveDialog::startRun()
{
    if (!m_runner)
        return false;
    QString error;
    const course::WaveOptions o = options();
    if (!m_runner->start(m_targets, m_action, o, &error)) {
        m_startError->setText(error);
        m_startError->show();
        return false;
    }
    m_startError->hide();
    m_waves->clear();
    const QList<int> plan = course::WaveRunner::planWaves(int(m_targets.size()), o);
    for (int i = 0; i < plan.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_waves);
        const bool canary = i == 0 && o.canarySize > 0;
        item->setText(WaveName, canary ? tr("%1 (canary)").arg(i + 1) : QString::number(i + 1));
        item->setText(WaveMembers, QString::number(plan[i]));
        item->setText(WaveDone, QStringLiteral("0"));
        item->setText(WaveFailed, QStringLiteral("0"));
        item->setText(WaveState, tr("waiting"));
        item->setForeground(WaveState, palette().color(QPalette::Disabled, QPalette::Text));
    }
    m_pages->setCurrentIndex(1);
    return true;
}

QString WaveDialog::formatEta(qint64 ms)
{
    if (ms < 0)
        return tr("Time left: estimating…");
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return tr("Time left: about %1 s").arg(s);
    if (s < 3600)
        return tr("Time left: about %1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("Time left: about %1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

void WaveDialog::onProgress(const course::WaveProgress &p)
{
    m_bar->setMaximum(p.total);
    m_bar->setValue(p.done + p.failed);
    QString where = p.wave > 0 ? tr("Wave %1 of %2").arg(p.wave).arg(p.waves) : tr("Starting");
    if (p.canary)
        where += tr(" (canary)");
    if (p.waitingBetweenWaves)
        where = tr("Waiting before wave %1 of %2").arg(p.wave + 1).arg(p.waves);
    QString text = tr("%1 — %2 rolled out, %3 failed, %4 to go")
                       .arg(where)
                       .arg(p.done)
                       .arg(p.failed)
                       .arg(p.total - p.done - p.failed);
    if (p.paused)
        text += tr(" — paused: no new writes until you resume");
    m_status->setText(text);
    m_eta->setText(m_runner && m_runner->state() == course::WaveRunState::Finished ? tr("Finished")
                                                                                   : formatEta(p.etaMs));
    m_pause->setText(p.paused ? tr("Resume") : tr("Pause"));
}

void WaveDialog::onWaveStarted(int wave, int, bool)
{
    if (QTreeWidgetItem *item = m_waves->topLevelItem(wave - 1)) {
        item->setText(WaveState, tr("running"));
        item->setForeground(WaveState, palette().color(QPalette::Text));
        m_waves->scrollToItem(item);
    }
}

void WaveDialog::onMember(const course::WaveMemberResult &r)
{
    if (QTreeWidgetItem *item = m_waves->topLevelItem(r.wave - 1)) {
        const int column = r.ok ? WaveDone : WaveFailed;
        item->setText(column, QString::number(item->text(column).toInt() + 1));
    }
    if (!r.ok) {
        auto *item = new QTreeWidgetItem(m_failures);
        item->setText(0, r.target.key());
        item->setText(1, QString::number(r.wave));
        item->setText(2, r.error);
        item->setToolTip(2, r.error);
    }
}

void WaveDialog::onWaveFinished(const course::WaveResult &r)
{
    if (QTreeWidgetItem *item = m_waves->topLevelItem(r.wave - 1)) {
        item->setText(WaveDone, QString::number(r.succeeded));
        item->setText(WaveFailed, QString::number(r.failed));
        item->setText(WaveState, r.stoppedRun ? tr("too many failures: run stopped")
                                 : r.failed   ? tr("done, failures within the bound")
                                              : tr("done"));
        item->setForeground(WaveState, theme::foreground(r.stoppedRun ? theme::Tone::Error : theme::Tone::Ok, palette()));
    }
}

void WaveDialog::onFinished(course::WaveOutcome outcome, const QString &summary)
{
    for (int i = 0; i < m_waves->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_waves->topLevelItem(i);
        if (item->text(WaveState) == tr("waiting") || item->text(WaveState) == tr("running"))
            item->setText(WaveState,
                          outcome == course::WaveOutcome::Cancelled ? tr("cancelled") : tr("not run"));
    }
    m_summary->setText(summary);
    m_summary->setStyleSheet(outcome == course::WaveOutcome::Completed && m_runner &&
                                     m_runner->progress().failed == 0
                                 ? theme::cssColor(theme::Tone::Ok)
                                 : theme::cssColor(theme::Tone::Error));
    m_summary->show();
    m_eta->setText(tr("Finished"));
    m_pause->setEnabled(false);
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
}

QString WaveDialog::statusText() const
{
    return m_status->text();
}

QString WaveDialog::etaText() const
{
    return m_eta->text();
}

QString WaveDialog::summaryText() const
{
    return m_summary->isVisible() || !m_summary->text().isEmpty() ? m_summary->text() : QString();
}
