#pragma once

#include "kube/apistatus.h"
#include "kube/clusteraccess.h"

#include <QDateTime>
#include <QList>
#include <QWidget>
#include <memory>

class QLabel;
class QThread;
class QTimer;
class QTreeWidget;

namespace kube {
class KubeClient;
}

// One core/v1 Event as `kubectl describe` lists it.
struct EventRow
{
    QString uid;  // of the Event object
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

// Lists and watches the events of a few objects (kubectl describe's
// fieldSelector: involvedObject kind, name and namespace, so the cost does not
// grow with the namespace). Lives in a worker thread with a client of its own:
// the replies are parsed there and only finished rows reach the GUI thread.
// A watch that ends or drops resumes from the last resourceVersion (after a
// jittered backoff on errors); 410 Gone lists again.
class EventWatch : public QObject
{
    Q_OBJECT

public:
    explicit EventWatch(QObject *parent = nullptr);
    ~EventWatch() override;

    // Call in the worker's thread. `generation` comes back with each snapshot.
    void watch(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
               const QString &deployment, quint64 generation);
    void stop();

Q_SIGNALS:
    // Every event of the watched objects, unsorted; `problem` when a request
    // failed and the watch retries (the rows are what was last seen).
    void snapshot(quint64 generation, const QList<EventRow> &rows, const QString &problem);

private:
    struct Source;
    void list(int index);
    void openWatch(int index);
    void onData(int index, const QByteArray &chunk);
    void onFinished(int index, const kube::ApiStatus &status);
    void retry(int index, const QString &problem, bool relist, int retryAfterSeconds = -1);
    void schedulePublish();
    bool current(quint64 run) const { return run == m_run; }

    std::shared_ptr<kube::ClusterAccess> m_access;
    kube::KubeClient *m_client = nullptr;
    QString m_namespace;
    QList<std::shared_ptr<Source>> m_sources;
    QTimer *m_publish = nullptr;
    QString m_problem;
    quint64 m_generation = 0;
    quint64 m_run = 0; // bumps on watch() and stop(): answers to older requests are dropped
};

// The events of one student's Deployment, its ReplicaSet and its Pod, newest
// first, with type, reason, age ("3m (x5 over 10m)" as kubectl prints it),
// count, object and message. Watched (not polled) between start() and stop()
// by an EventWatch in a thread of its own.
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
    bool isActive() const { return m_active; }
    void refresh(); // lists again and watches from there

    const QList<EventRow> &events() const { return m_events; }
    QTreeWidget *tree() const { return m_tree; }
    QString statusText() const;

    // kubectl describe's AGE for an event: "45s", or "3m (x5 over 10m)" when it repeated.
    static QString ageText(const EventRow &event, qint64 now);

Q_SIGNALS:
    void refreshed();

private:
    void display(QList<EventRow> rows, const QString &problem);

    QTreeWidget *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_ages = nullptr;
    QThread *m_thread = nullptr;
    EventWatch *m_watch = nullptr;
    std::shared_ptr<kube::ClusterAccess> m_access;
    QString m_namespace;
    QString m_pod;
    QString m_deployment;
    QList<EventRow> m_events;
    QDateTime m_since;
    quint64 m_generation = 0; // snapshots of older targets are dropped
    bool m_active = false;
};
