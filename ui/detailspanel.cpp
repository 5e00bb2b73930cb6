#include "detailspanel.h"

#include "eventsview.h"
#include "logview.h"
#include "terminalwidget.h"
#include "yamlview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_logs(new LogView(this))
    , m_events(new EventsView(this))
    , m_yaml(new YamlView(this))
{
    setObjectName(u"detailsPanel"_s);
    m_title->setObjectName(u"detailsTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(u"detailsTabs"_s);
    m_tabs->setDocumentMode(true);

    auto *terminalPage = new QWidget(this);
    m_terminals = new QStackedWidget(terminalPage);
    m_terminals->setObjectName(u"terminals"_s);
    m_noTerminal = new QLabel(m_terminals);
    m_noTerminal->setAlignment(Qt::AlignCenter);
    m_terminals->addWidget(m_noTerminal);
    m_terminalStatus = new QLabel(terminalPage);
    m_terminalStatus->setObjectName(u"terminalStatus"_s);
    m_terminalStatus->setWordWrap(true);
    m_reconnect = new QPushButton(tr("Open a new shell"), terminalPage);
    m_reconnect->setObjectName(u"terminalReconnect"_s);
    m_reconnect->setEnabled(false);
    auto *terminalBar = new QHBoxLayout;
    terminalBar->addWidget(m_terminalStatus, 1);
    terminalBar->addWidget(m_reconnect);
    auto *terminalLayout = new QVBoxLayout(terminalPage);
    terminalLayout->setContentsMargins(4, 4, 4, 4);
    terminalLayout->addWidget(m_terminals, 1);
    terminalLayout->addLayout(terminalBar);

    m_tabs->insertTab(LogsTab, m_logs, tr("Logs"));
    m_tabs->insertTab(EventsTab, m_events, tr("Events"));
    m_tabs->insertTab(YamlTab, m_yaml, tr("YAML"));
    m_tabs->insertTab(TerminalTab, terminalPage, tr("Terminal"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { activate(); });
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        if (!m_terminal)
            return;
        m_terminal->reopen();
        m_terminal->setFocus();
    });
    clearTarget();
}

DetailsPanel::~DetailsPanel()
{
    deactivateAll();
    closeTerminals();
}

int DetailsPanel::keptShells() const
{
    int n = 0;
    for (const auto &[key, terminal] : m_kept)
        n += terminal->isRunning();
    return n;
}

QString DetailsPanel::terminalKey() const
{
    return m_namespace + u'/' + m_pod + u'/' + m_container;
}

void DetailsPanel::closeTerminals()
{
    for (const auto &[key, terminal] : std::as_const(m_kept)) {
        terminal->close();
        terminal->deleteLater();
    }
    m_kept.clear();
    showTerminal(nullptr);
}

// Puts `terminal` (the current pod's, or none) in view, with its state below it.
void DetailsPanel::showTerminal(TerminalWidget *terminal)
{
    m_terminal = terminal;
    m_terminals->setCurrentWidget(terminal ? static_cast<QWidget *>(terminal) : m_noTerminal);
    m_reconnect->setEnabled(false);
    if (m_pod.isEmpty()) {
        m_terminalStatus->setText(m_access ? tr("There is no pod to open a shell in.") : tr("No student selected."));
        m_noTerminal->clear();
    } else if (!terminal) {
        m_terminalStatus->setText(tr("A shell opens in %1 when this tab is shown.").arg(m_pod));
        m_noTerminal->setText(m_terminalStatus->text());
    } else if (terminal->isRunning()) {
        m_terminalStatus->setText(
            tr("Shell in %1, kept open while you look elsewhere. Ctrl+Shift+C copies, Ctrl+Shift+V pastes.")
                .arg(m_pod));
    } else {
        m_terminalStatus->setText(terminal->endMessage());
        m_reconnect->setEnabled(true);
    }
}

void DetailsPanel::setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns,
                             const QString &pod, const QString &deployment, const QString &container)
{
    deactivateAll();
    // Shells opened with other credentials do not outlive them.
    if (access != m_access)
        closeTerminals();
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_deployment = deployment;
    m_container = container;
    m_title->setText(pod.isEmpty()
                         ? tr("<b>%1</b> in %2 — no pod").arg(deployment.toHtmlEscaped(), ns.toHtmlEscaped())
                         : tr("<b>%1</b> in %2 — pod %3")
                               .arg(deployment.toHtmlEscaped(), ns.toHtmlEscaped(), pod.toHtmlEscaped()));
    m_logs->setSource(m_access, ns, pod, container);
    m_events->setTarget(m_access, ns, pod, deployment);
    m_yaml->setTarget(m_access, ns, pod, deployment);
    TerminalWidget *kept = nullptr;
    for (qsizetype i = 0; i < m_kept.size() && !pod.isEmpty(); ++i) {
        if (m_kept.at(i).first == terminalKey()) {
            kept = m_kept.at(i).second;
            m_kept.move(i, m_kept.size() - 1); // the most recently looked at
            break;
        }
    }
    showTerminal(kept);
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabEnabled(i, true);
    if (pod.isEmpty()) {
        m_tabs->setTabEnabled(LogsTab, false);
        m_tabs->setTabEnabled(TerminalTab, false);
    }
    activate();
}

void DetailsPanel::clearTarget()
{
    deactivateAll();
    closeTerminals();
    m_access.reset();
    m_pod.clear();
    m_deployment.clear();
    m_title->setText(tr("Select a student to see their app's logs, events, YAML and a terminal."));
    m_logs->setSource(nullptr, {}, {}, {});
    m_events->setTarget(nullptr, {}, {}, {});
    m_yaml->setTarget(nullptr, {}, {}, {});
    showTerminal(nullptr);
}

void DetailsPanel::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

DetailsPanel::Tab DetailsPanel::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void DetailsPanel::setLogBufferLines(qsizetype lines)
{
    m_logs->setMaxLines(lines);
}

void DetailsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    activate();
}

void DetailsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    deactivateAll();
}

void DetailsPanel::deactivateAll()
{
    m_logs->stop();
    m_events->stop();
    m_yaml->stop();
}

void DetailsPanel::activate()
{
    const Tab tab = currentTab();
    // Everything not in view lets go of its stream.
    if (tab != LogsTab)
        m_logs->stop();
    if (tab != EventsTab)
        m_events->stop();
    if (tab != YamlTab)
        m_yaml->stop();
    if (!isVisible() || !m_access)
        return;
    switch (tab) {
    case LogsTab:
        if (!m_pod.isEmpty())
            m_logs->start();
        break;
    case EventsTab:
        m_events->start();
        break;
    case YamlTab:
        m_yaml->start();
        break;
    case TerminalTab:
        if (m_pod.isEmpty())
            break;
        if (!m_terminal)
            openTerminal();
        m_terminal->setFocus();
        break;
    }
}

void DetailsPanel::openTerminal()
{
    // A few shells are kept; the one looked at longest ago goes first.
    constexpr int kKept = 4;
    while (m_kept.size() >= kKept) {
        TerminalWidget *oldest = m_kept.takeFirst().second;
        oldest->close();
        oldest->deleteLater();
    }
    auto *terminal = new TerminalWidget(m_terminals);
    terminal->setObjectName(u"terminal"_s);
    m_terminals->addWidget(terminal);
    m_kept.append({terminalKey(), terminal});
    connect(terminal, &TerminalWidget::sessionStarted, this, [this, terminal](const QString &protocol) {
        if (terminal != m_terminal)
            return;
        m_terminalStatus->setText(
            tr("Shell in %1 (%2). Ctrl+Shift+C copies, Ctrl+Shift+V pastes.").arg(m_pod, protocol));
        m_reconnect->setEnabled(false);
    });
    connect(terminal, &TerminalWidget::sessionEnded, this, [this, terminal](const QString &message) {
        if (terminal != m_terminal)
            return;
        m_terminalStatus->setText(message);
        m_reconnect->setEnabled(true);
    });
    showTerminal(terminal);
    terminal->open(m_access, m_namespace, m_pod, m_container);
}
