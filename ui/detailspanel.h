#pragma once

#include "kube/clusteraccess.h"

#include <QList>
#include <QWidget>
#include <memory>

class EventsView;
class LogView;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class TerminalWidget;
class YamlView;

// Details of one student's app: Logs, Events, YAML and Terminal tabs. The log
// follow and the events watch are open only while their tab is in view; they
// close when the tab or the panel is hidden, or the target changes. A shell is
// kept instead: going to another tab or student and back to the same pod finds
// the same session (for the last few pods; a change of cluster or user closes
// them all).
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Tab { LogsTab, EventsTab, YamlTab, TerminalTab };

    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    // The student's pod (may be empty when there is none), Deployment and container.
    void setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                   const QString &deployment, const QString &container = {});
    void clearTarget();
    QString pod() const { return m_pod; }
    QString deployment() const { return m_deployment; }

    void setCurrentTab(Tab tab);
    Tab currentTab() const;

    QTabWidget *tabs() const { return m_tabs; }
    LogView *logView() const { return m_logs; }
    EventsView *eventsView() const { return m_events; }
    YamlView *yamlView() const { return m_yaml; }
    // The terminal of the current pod; null until its tab has been shown.
    TerminalWidget *terminal() const { return m_terminal; }
    // Shells kept open, the current pod's among them.
    int keptShells() const;
    void setLogBufferLines(qsizetype lines);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void activate();
    void deactivateAll();
    QString terminalKey() const;
    void showTerminal(TerminalWidget *terminal);
    void openTerminal();
    void closeTerminals();

    QLabel *m_title = nullptr;
    QTabWidget *m_tabs = nullptr;
    LogView *m_logs = nullptr;
    EventsView *m_events = nullptr;
    YamlView *m_yaml = nullptr;
    TerminalWidget *m_terminal = nullptr;
    QStackedWidget *m_terminals = nullptr;
    QLabel *m_noTerminal = nullptr;
    QList<std::pair<QString, TerminalWidget *>> m_kept; // "ns/pod/container", most recent last
    QLabel *m_terminalStatus = nullptr;
    QPushButton *m_reconnect = nullptr;

    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_deployment;
    QString m_container;
};
