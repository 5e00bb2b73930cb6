#pragma once

#include "kube/deploymentinfo.h"

#include <QString>

namespace kube {

// Where a Deployment's rollout stands, by `kubectl rollout status`'s rules.
enum class RolloutPhase : quint8 {
    WaitingForSpec, // metadata.generation > status.observedGeneration
    Progressing,    // some replicas not updated, old ones not gone, or updated ones not available
    Complete,       // successfully rolled out
    Failed,         // Progressing condition with reason ProgressDeadlineExceeded
};

struct RolloutStatus
{
    RolloutPhase phase = RolloutPhase::WaitingForSpec;
    // kubectl's own line, without the trailing newline: "Waiting for deployment
    // \"x\" rollout to finish: 0 out of 1 new replicas have been updated...",
    // "deployment \"x\" successfully rolled out", "deployment \"x\" exceeded its
    // progress deadline" (kubectl prints that one as an error).
    QString message;
    // The same words for a table cell: "0 out of 1 new replicas have been
    // updated", "successfully rolled out", "exceeded its progress deadline".
    QString summary;

    bool isFinal() const { return phase == RolloutPhase::Complete || phase == RolloutPhase::Failed; }
};

RolloutStatus rolloutStatus(const DeploymentInfo &deployment);

} // namespace kube
