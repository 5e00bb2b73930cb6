#pragma once

#include "kube/clusteraccess.h"

#include <QWidget>
#include <memory>

class EventsView;
class LogView;
class QLabel;
class QPushButton;
class QTabWidget;
class TerminalWidget;
class YamlView;

// Details of one student's app: Logs, Events, YAML and Terminal tabs. Only the
// tab in view has a stream open (log follow, events poll, exec session); it
// is closed when the tab or the panel is hidden, or the target changes.
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
    TerminalWidget *terminal() const { return m_terminal; }
    void setLogBufferLines(qsizetype lines);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void activate();
    void deactivateAll();

    QLabel *m_title = nullptr;
    QTabWidget *m_tabs = nullptr;
    LogView *m_logs = nullptr;
    EventsView *m_events = nullptr;
    YamlView *m_yaml = nullptr;
    TerminalWidget *m_terminal = nullptr;
    QLabel *m_terminalStatus = nullptr;
    QPushButton *m_reconnect = nullptr;

    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_deployment;
    QString m_container;
    bool m_terminalOpened = false; // for this target
};
