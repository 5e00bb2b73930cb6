#include "detailspanel.h"

#include "eventsview.h"
#include "logview.h"
#include "terminalwidget.h"
#include "yamlview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
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
    , m_terminal(new TerminalWidget(this))
{
    setObjectName(u"detailsPanel"_s);
    m_title->setObjectName(u"detailsTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(u"detailsTabs"_s);
    m_tabs->setDocumentMode(true);

    auto *terminalPage = new QWidget(this);
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
    terminalLayout->addWidget(m_terminal, 1);
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
    connect(m_terminal, &TerminalWidget::sessionStarted, this, [this](const QString &protocol) {
        m_terminalStatus->setText(
            tr("Shell in %1 (%2). Ctrl+Shift+C copies, Ctrl+Shift+V pastes.").arg(m_pod, protocol));
        m_reconnect->setEnabled(false);
    });
    connect(m_terminal, &TerminalWidget::sessionEnded, this, [this](const QString &message) {
        m_terminalStatus->setText(message);
        m_reconnect->setEnabled(m_access != nullptr && !m_pod.isEmpty());
    });
    connect(m_reconnect, &QPushButton::clicked, this, [this] {
        m_terminal->reopen();
        m_terminal->setFocus();
    });
    clearTarget();
}

DetailsPanel::~DetailsPanel()
{
    deactivateAll();
}

void DetailsPanel::setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns,
                             const QString &pod, const QString &deployment, const QString &container)
{
    deactivateAll();
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_deployment = deployment;
    m_container = container;
    m_terminalOpened = false;
    m_title->setText(pod.isEmpty()
                         ? tr("<b>%1</b> in %2 — no pod").arg(deployment.toHtmlEscaped(), ns.toHtmlEscaped())
                         : tr("<b>%1</b> in %2 — pod %3")
                               .arg(deployment.toHtmlEscaped(), ns.toHtmlEscaped(), pod.toHtmlEscaped()));
    m_logs->setSource(m_access, ns, pod, container);
    m_events->setTarget(m_access, ns, pod, deployment);
    m_yaml->setTarget(m_access, ns, pod, deployment);
    m_terminalStatus->setText(pod.isEmpty() ? tr("There is no pod to open a shell in.")
                                            : tr("A shell opens in %1 when this tab is shown.").arg(pod));
    m_reconnect->setEnabled(false);
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
    m_access.reset();
    m_pod.clear();
    m_deployment.clear();
    m_title->setText(tr("Select a student to see their app's logs, events, YAML and a terminal."));
    m_logs->setSource(nullptr, {}, {}, {});
    m_events->setTarget(nullptr, {}, {}, {});
    m_yaml->setTarget(nullptr, {}, {}, {});
    m_terminalStatus->setText(tr("No student selected."));
    m_reconnect->setEnabled(false);
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
    if (m_terminal->isRunning())
        m_terminal->close(
            tr("The shell was closed when the Terminal tab was hidden. Press Enter or \"Open a new "
               "shell\" to start another."));
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
    if (tab != TerminalTab && m_terminal->isRunning())
        m_terminal->close(
            tr("The shell was closed when the Terminal tab was hidden. Press Enter or \"Open a new "
               "shell\" to start another."));
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
        if (!m_terminalOpened) {
            m_terminalOpened = true;
            m_terminal->open(m_access, m_namespace, m_pod, m_container);
        } else if (!m_terminal->isRunning()) {
            m_terminal->reopen();
        }
        m_terminal->setFocus();
        break;
    }
}
