#pragma once

#include "kube/clusteraccess.h"

#include <QDateTime>
#include <QList>
#include <QWidget>
#include <memory>

class QLabel;
class QTimer;
class QTreeWidget;

namespace kube {
class KubeClient;
}

// One core/v1 Event as `kubectl describe` lists it.
struct EventRow
{
    QString type; // Normal, Warning
    QString reason;
    QString message;
    QString kind; // of the involved object: Pod, ReplicaSet, Deployment
    QString objectName;
    QString source; // the reporting component ("kubelet", "deployment-controller")
    int count = 1;
    qint64 first = 0; // epoch seconds
    qint64 last = 0;  // epoch seconds
};

// The events of one student's Deployment, its ReplicaSet and its Pod, newest
// first, with type, reason, age ("3m (x5 over 10m)" as kubectl prints it),
// count, object and message. Each object's events are listed with
// kubectl describe's fieldSelector (involvedObject kind, name, namespace), so
// the cost does not grow with the namespace; the list is read again every few
// seconds between start() and stop().
class EventsView : public QWidget
{
    Q_OBJECT

public:
    enum Column { Type, Reason, Age, Count, Object, Message, ColumnCount };

    explicit EventsView(QWidget *parent = nullptr);
    ~EventsView() override;

    void setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                   const QString &deployment);
    void start();
    void stop();
    bool isActive() const;
    void refresh();
    void setInterval(int ms);

    const QList<EventRow> &events() const { return m_events; }
    QTreeWidget *tree() const { return m_tree; }
    QString statusText() const;

    // kubectl describe's AGE for an event: "45s", or "3m (x5 over 10m)" when it repeated.
    static QString ageText(const EventRow &event, qint64 now);

Q_SIGNALS:
    void refreshed();

private:
    void listEvents(const QString &replicaSet, quint64 generation);
    void show(QList<EventRow> rows, const QString &error);

    QTreeWidget *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_poll = nullptr;
    kube::KubeClient *m_client = nullptr;
    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_deployment;
    QList<EventRow> m_events;
    QDateTime m_updated;
    quint64 m_generation = 0; // answers to older requests are dropped
    bool m_busy = false;
};
