#include "kube/deploymentinfo.h"

#include "kube/jsonfields.h"

namespace kube {

using namespace kube::json;

QStringView DeploymentInfo::label(QStringView key) const
{
    return labels.value(key);
}

QString DeploymentInfo::templateAnnotation(QAnyStringView key) const
{
    for (const auto &[k, v] : templateAnnotations) {
        if (QAnyStringView(k) == key)
            return v;
    }
    return {};
}

QString DeploymentInfo::restartedAt() const
{
    return templateAnnotation(kRestartedAtAnnotation);
}

QString DeploymentInfo::commit() const
{
    return templateAnnotation(kCommitAnnotation);
}

bool parseDeployment(element d, DeploymentInfo *out)
{
    *out = DeploymentInfo{};
    if (!readObjectMeta(d, "Deployment", out))
        return false;
    DeploymentInfo &x = *out;
    x.generation = int64(d["metadata"]["generation"]);

    const Field spec = d["spec"];
    x.specReplicas = qint32(int64(spec["replicas"], -1));
    x.paused = boolean(spec["paused"]);
    object annotations;
    if (objectAt(spec["template"]["metadata"]["annotations"], &annotations)) {
        for (const auto &entry : annotations) {
            std::string_view value;
            if (entry.value.get_string().get(value))
                continue;
            x.templateAnnotations.append({sharedString(entry.key), ownString(value)});
        }
    }

    const Field status = d["status"];
    x.observedGeneration = int64(status["observedGeneration"]);
    x.replicas = qint32(int64(status["replicas"]));
    x.updatedReplicas = qint32(int64(status["updatedReplicas"]));
    x.readyReplicas = qint32(int64(status["readyReplicas"]));
    x.availableReplicas = qint32(int64(status["availableReplicas"]));
    array conditions;
    if (!status["conditions"].get_array().get(conditions)) {
        for (element c : conditions) {
            const std::string_view type = text(c["type"]);
            if (type == "Progressing" && !x.hasProgressing) { // kubectl reads the first one
                x.hasProgressing = true;
                x.progressingReason = sharedString(text(c["reason"]));
            } else if (type == "Available") {
                x.available = text(c["status"]) == "True";
            }
        }
    }
    return true;
}

std::optional<DeploymentInfo> parseDeploymentJson(QByteArrayView json)
{
    return parseJsonWith(json, &parseDeployment);
}

} // namespace kube
