#include "kube/rolloutstatus.h"

namespace kube {

RolloutStatus rolloutStatus(const DeploymentInfo &d)
{
    RolloutStatus s;
    if (d.generation > d.observedGeneration) {
        s.phase = RolloutPhase::WaitingForSpec;
        s.message = QStringLiteral("Waiting for deployment spec update to be observed...");
        s.summary = QStringLiteral("waiting for deployment spec update to be observed");
        return s;
    }
    if (d.hasProgressing && d.progressingReason == QLatin1String("ProgressDeadlineExceeded")) {
        s.phase = RolloutPhase::Failed;
        s.summary = QStringLiteral("exceeded its progress deadline");
        s.message = QStringLiteral("deployment \"%1\" exceeded its progress deadline").arg(d.name);
        return s;
    }
    s.phase = RolloutPhase::Progressing;
    if (d.specReplicas >= 0 && d.updatedReplicas < d.specReplicas) {
        s.summary = QStringLiteral("%1 out of %2 new replicas have been updated")
                        .arg(d.updatedReplicas)
                        .arg(d.specReplicas);
    } else if (d.replicas > d.updatedReplicas) {
        s.summary =
            QStringLiteral("%1 old replicas are pending termination").arg(d.replicas - d.updatedReplicas);
    } else if (d.availableReplicas < d.updatedReplicas) {
        s.summary = QStringLiteral("%1 of %2 updated replicas are available")
                        .arg(d.availableReplicas)
                        .arg(d.updatedReplicas);
    } else {
        s.phase = RolloutPhase::Complete;
        s.summary = QStringLiteral("successfully rolled out");
        s.message = QStringLiteral("deployment \"%1\" successfully rolled out").arg(d.name);
        return s;
    }
    s.message =
        QStringLiteral("Waiting for deployment \"%1\" rollout to finish: %2...").arg(d.name, s.summary);
    return s;
}

} // namespace kube
