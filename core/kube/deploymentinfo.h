#pragma once

#include "kube/labels.h"
#include "kube/resourceversion.h"

#include <QAnyStringView>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>
#include <utility>

namespace simdjson::dom {
class element;
}

namespace kube {

// What the console keeps of one Deployment: identity, the numbers rollout
// status reads, the pod template's annotations (restartedAt, the deployed
// commit) and labels. Strings that repeat across students are shared.
struct DeploymentInfo
{
    QString namespaceName;
    QString name;
    QUuid uid;
    ResourceVersion resourceVersion;
    Labels labels; // as PodInfo::labels
    // spec.template.metadata.annotations, in API order.
    QList<std::pair<QString, QString>> templateAnnotations;
    QString progressingReason; // reason of the Progressing condition ("ProgressDeadlineExceeded", ...)
    qint64 creationTimestamp = 0;
    qint64 generation = 0;         // metadata.generation
    qint64 observedGeneration = 0; // status.observedGeneration
    qint32 specReplicas = -1;      // spec.replicas; -1 when unset
    qint32 replicas = 0;           // status.replicas
    qint32 updatedReplicas = 0;
    qint32 readyReplicas = 0;
    qint32 availableReplicas = 0;
    bool paused = false;
    bool available = false;      // the Available condition is True
    bool hasProgressing = false; // there is a Progressing condition

    QStringView label(QStringView key) const;
    QString templateAnnotation(QAnyStringView key) const;
    // kubectl.kubernetes.io/restartedAt: when `rollout restart` last ran.
    QString restartedAt() const;
    // courseops.io/commit: the student commit this Deployment runs.
    QString commit() const;
};

bool parseDeployment(simdjson::dom::element deployment, DeploymentInfo *out);
std::optional<DeploymentInfo> parseDeploymentJson(QByteArrayView json);

inline const QLatin1String kRestartedAtAnnotation("kubectl.kubernetes.io/restartedAt");
inline const QLatin1String kCommitAnnotation("courseops.io/commit");
inline const QLatin1String kStudentLabel("courseops.io/student");

} // namespace kube
