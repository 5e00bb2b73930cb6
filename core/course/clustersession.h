#pragma once

#include "kube/reflector.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

class QTimer;

namespace kube {
class ClusterAccess;
class KubeClient;
} // namespace kube

namespace course {

// What the signed-in user may do, from SelfSubjectAccessReviews. Each denied
// action carries the reason a disabled menu item shows.
struct Permissions
{
    enum Action { Restart, Redeploy, Exec, Logs, Scale, ActionCount };
    bool known = false; // the reviews have answered
    bool allowed[ActionCount] = {};
    QString reason[ActionCount];
    bool can(Action a) const { return known && allowed[a]; }
    QString why(Action a) const; // empty when allowed
};

// One connection to one cluster: the pod, deployment and service reflectors of
// the course's namespaces, a heartbeat, and what the connection is worth right
// now. A laptop that slept never shows old data as live: the session notices
// the jump in wall-clock time, marks the data stale and resumes its watches.
class ClusterSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, Live, Reconnecting, Stale, Stopped };
    Q_ENUM(State)

    struct Options
    {
        QStringList namespaces{QStringLiteral("students")}; // empty: every namespace
        int heartbeatMs = 5000;
        int staleAfterMs = 30000; // nothing heard for this long: stale
        int reflectorBatchMs = 100;
    };

    ClusterSession(std::shared_ptr<kube::ClusterAccess> access, const Options &options, QObject *parent = nullptr);
    ~ClusterSession() override;

    void start();
    void stop();

    State state() const { return m_state; }
    // Why the state is not Live ("the watch of pods failed: ..."); empty when live.
    QString problem() const { return m_problem; }
    // When the server last answered (an event, a bookmark, a list or the heartbeat).
    QDateTime lastHeard() const { return m_lastHeard; }
    // "Live", "Reconnecting · data 42 s old", ... for a status bar.
    QString describe() const;

    std::shared_ptr<kube::ClusterAccess> access() const { return m_access; }
    kube::KubeClient *client() const { return m_client; }
    kube::PodReflector *pods() const { return m_pods; }
    kube::DeploymentReflector *deployments() const { return m_deployments; }
    kube::ServiceReflector *services() const { return m_services; }
    const Permissions &permissions() const { return m_permissions; }
    QString namespaceForChecks() const;

    // For tests: treat the next tick as if the machine had slept.
    void simulateSleep() { m_simulateSleep = true; }

Q_SIGNALS:
    void stateChanged(course::ClusterSession::State state);
    void permissionsChanged();
    void synced(); // all three kinds have listed

private:
    void heard();
    void tick();
    void beat();
    void setState(State state, const QString &problem = {});
    void onProblem(const QString &kind, const kube::ApiStatus &status, int retryInMs);
    void checkPermissions();
    void evaluate();

    std::shared_ptr<kube::ClusterAccess> m_access;
    Options m_options;
    kube::KubeClient *m_client = nullptr;
    kube::PodReflector *m_pods = nullptr;
    kube::DeploymentReflector *m_deployments = nullptr;
    kube::ServiceReflector *m_services = nullptr;
    QTimer *m_ticker = nullptr;
    State m_state = State::Stopped;
    QString m_problem;
    QDateTime m_lastHeard;
    qint64 m_problemUntilMs = 0; // a reflector is retrying until about then
    qint64 m_lastTickWallMs = 0;
    QElapsedTimer m_sinceTick;
    qint64 m_lastBeatMs = 0;
    bool m_beatInFlight = false;
    bool m_beatFailing = false;
    bool m_resyncing = false; // after a sleep: stale until every reflector lists again
    bool m_simulateSleep = false;
    int m_syncedKinds = 0;
    Permissions m_permissions;
};

} // namespace course
