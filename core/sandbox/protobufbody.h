#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace sandbox {

// Reads a request body in the API server's protobuf encoding ("k8s\0" magic,
// then a runtime.Unknown wrapping the object) for the few kinds clients send
// that way to the sandbox: kubectl auth can-i posts its SelfSubjectAccessReview
// and SelfSubjectRulesReview as protobuf, kubectl create secret/configmap their
// objects. Returns the object as JSON.
std::optional<QJsonObject> decodeProtobufReview(const QByteArray &body, QString *error);

} // namespace sandbox
