#pragma once

#include "sandbox/controllers.h"
#include "sandbox/kubeapi.h"
#include "sandbox/objectstore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace sandbox {

// What a container does when started, decided by the engine that runs it.
struct ContainerOutcome
{
    enum class Kind { Runs, Exits, ImagePullFails, ConfigError };
    Kind kind = Kind::Runs;
    int exitCode = 0;
    QString reason;           // for exits: "Error", "OOMKilled", "Completed"
    qint64 afterMs = 0;       // how long it runs before exiting
    qint64 readyAfterMs = 0;  // Runs: when the readiness probe first passes; -1: the engine reports it
    QList<QByteArray> log;    // what the container prints when it starts (simulated runtime)
};

// A log line as the runtime captured it.
struct LogLine
{
    qint64 timeNs = 0; // epoch nanoseconds
    QByteArray text;   // without the newline
};

// The simulated kubelet: drives every scheduled pod's status through the phases
// a real kubelet reports (ContainerCreating, Running/ready, CrashLoopBackOff with
// exponential back-off, OOMKilled, ImagePullBackOff, graceful termination), and
// serves logs and usage. Which outcome a container has is asked of decide(): the
// simulated runtime reads it from the pod, the node runtime from a real process.
class Kubelet : public QObject, public PodRuntime
{
    Q_OBJECT

public:
    Kubelet(ObjectStore *store, EventRecorder *events, QObject *parent = nullptr);

    // Divides every delay (start-up, back-off, grace) by this, for tests.
    void setTimeScale(double scale) { m_timeScale = scale > 0 ? scale : 1; }
    void setRecordRoutineEvents(bool on) { m_routineEvents = on; }

    void streamLogs(const QJsonObject &pod, const LogOptions &options, HttpResponse *response) override;
    void exec(const QJsonObject &pod, const QString &container, const QStringList &command, bool stdinOn, bool tty,
              QWebSocket *socket) override;
    QList<Usage> usage(const QJsonObject &pod) override;

    // Takes over a pod that is already running (bulk seeding, restore): records it
    // and writes the status a running, ready pod has into *pod.
    void adoptRunning(QJsonObject *pod);

    // Appends to a container's log (the node runtime feeds process output here).
    void appendLog(const QString &podKey, const QString &container, const QByteArray &text);

protected:
    // How the container will behave on this start. The default reads the pod
    // annotation sandbox.courseops.io/behaviour: healthy, crash, oom, slow-start,
    // needs-secret (exits while COURSE_API_KEY is unset).
    virtual ContainerOutcome decide(const QJsonObject &pod, const QJsonObject &container, int restartCount);
    // The container's environment as the kubelet builds it at each start:
    // envFrom, then env (later names win), with valueFrom read from the Secrets,
    // ConfigMaps and pod fields as they are now. A missing optional reference
    // leaves the variable unset; a missing required one fails the start with
    // the message kubectl shows under CreateContainerConfigError.
    bool resolveEnv(const QJsonObject &pod, const QJsonObject &container, QList<std::pair<QString, QString>> *env,
                    QString *error) const;
    // Starts and stops the real thing, if there is one. `container` carries the
    // resolved environment: env holds name/value pairs only.
    virtual void startContainer(const QString &podKey, const QJsonObject &pod, const QJsonObject &container) {}
    virtual void stopContainer(const QString &podKey, const QString &container) {}
    // Reports an exit the engine observed (the node runtime's processes).
    void containerExited(const QString &podKey, const QString &container, int exitCode, const QString &reason);
    void containerReady(const QString &podKey, const QString &container, bool ready);

    ObjectStore *store() const { return m_store; }
    qint64 scaled(qint64 ms) const { return qint64(ms / m_timeScale); }

private:
    struct Container
    {
        QString name;
        int restartCount = 0;
        enum class State { Waiting, Running, Terminated } state = State::Waiting;
        QString waitingReason = QStringLiteral("ContainerCreating");
        QString waitingMessage;
        QString startedAt;
        bool ready = false;
        int lastExitCode = 0;
        QString lastReason;
        QString lastStartedAt;
        QString lastFinishedAt;
        QString lastMessage; // terminated.message: the log tail under FallbackToLogsOnError
        bool hasLast = false;
        bool restarting = false; // terminated, and the kubelet will start it again
        QJsonObject previousTerminated; // lastState.terminated while `restarting`: the exit before this one
        QList<LogLine> log;
        QList<LogLine> previousLog;
        QList<QPointer<HttpResponse>> followers;
        qint64 generation = 0; // bumps on each start, so stale timers do nothing
    };
    struct Pod
    {
        QString ns;
        QString name;
        QString uid;
        QString node;
        QString podIp;
        QString startTime;
        QList<Container> containers;
        QStringList initContainers;
        bool initialized = false;
        bool terminating = false;
    };

    void onChanged(const ObjectStore::Event &event);
    void admit(const QJsonObject &pod);
    void startContainerNow(const QString &key, int index);
    void crash(const QString &key, int index, int exitCode, const QString &reason);
    void publish(const QString &key);
    void fillStatus(const Pod &pod, QJsonObject *podObject) const;
    void terminate(const QString &key);
    Container *find(const QString &key, const QString &container, Pod **pod = nullptr);
    void emitLog(Container &c, const QByteArray &text);

    ObjectStore *m_store;
    EventRecorder *m_events;
    QHash<QString, Pod> m_pods;
    double m_timeScale = 1;
    bool m_routineEvents = true;
    quint32 m_nextPodIp = 0;
};

} // namespace sandbox
