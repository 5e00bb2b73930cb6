#pragma once

#include "kube/apistatus.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "kube/rolloutstatus.h"

#include <QDateTime>
#include <QObject>
#include <memory>

namespace kube {

class DeploymentReflector;

// Go's time.RFC3339 for a local time, as kubectl writes restartedAt:
// "2026-01-02T15:04:05+01:00" (whole seconds, the local offset; "Z" in UTC).
QString rfc3339Local(const QDateTime &time);

// The strategic-merge patch `kubectl rollout restart` sends.
QByteArray restartPatch(const QDateTime &now);

// `kubectl rollout restart deployment/NAME`: reads the Deployment, refuses a
// paused one (as kubectl does: resume it first), else patches the pod template
// annotation kubectl.kubernetes.io/restartedAt (strategic merge, fieldManager
// kubectl-rollout), which makes the controller replace every pod. `done` gets
// the patched Deployment.
void rolloutRestart(KubeClient *client, const QString &ns, const QString &name, QObject *context,
                    ResultHandler done);

// `kubectl rollout status deployment/NAME`: lists and watches the one
// Deployment (fieldSelector metadata.name) and reports each change by
// kubectl's rules until it is rolled out or has failed.
class RolloutWatch : public QObject
{
    Q_OBJECT

public:
    RolloutWatch(std::shared_ptr<ClusterAccess> access, const QString &ns, const QString &name,
                 QObject *parent = nullptr);
    ~RolloutWatch() override;

    void start();
    void stop();
    RolloutStatus current() const { return m_current; }

Q_SIGNALS:
    void progress(const kube::RolloutStatus &status);
    // The rollout completed or failed (error empty/Ok), or the watch could not go on
    // (the Deployment is missing or was deleted, or access was refused).
    void finished(const kube::RolloutStatus &status, const kube::ApiStatus &error);

private:
    void finish(const ApiStatus &error);

    QString m_namespace;
    QString m_name;
    DeploymentReflector *m_reflector = nullptr;
    RolloutStatus m_current;
    bool m_seen = false;
    bool m_done = false;
};

} // namespace kube
