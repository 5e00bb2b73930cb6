#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

// The three patch bodies of PATCH requests, applied to stored objects as the
// API server applies them. On failure each returns nullopt, sets *error to the
// server's message and *httpStatus to the code it answers with: 400 for a
// malformed patch, 422 for one that does not apply, 413 for too many JSON
// patch operations, 500 where the server fails in the same way.
namespace sandbox {

// application/merge-patch+json (RFC 7386). `patch` must be an object.
std::optional<QJsonObject> applyMergePatch(const QJsonObject &original, const QJsonValue &patch,
                                           QString *error = nullptr, int *httpStatus = nullptr);

// RFC 7386's MergePatch(target, patch) on any values.
QJsonValue mergePatchValue(const QJsonValue &target, const QJsonValue &patch);

// application/json-patch+json (RFC 6902): an array of add, remove, replace,
// move, copy and test operations with JSON pointers (RFC 6901: "~1" is '/',
// "~0" is '~', "-" is past the end of an array). Like the server's library it
// lets `replace` set a missing member and accepts negative array indices in
// add and remove, counted from the end.
std::optional<QJsonObject> applyJsonPatch(const QJsonObject &original, const QJsonValue &patch,
                                          QString *error = nullptr, int *httpStatus = nullptr);

// application/strategic-merge-patch+json for an object of `kind` ("Pod",
// "Deployment", ...): lists with a patch merge key (containers by name, env by
// name, ports by containerPort or port, ...) are merged by that key, `finalizers`
// and `podCIDRs` as sets, other lists replaced. Understands `$patch:
// replace|delete`, `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`
// and `$retainKeys`; `null` deletes a member. `$patch: merge` is refused, as the
// server refuses it. A kind the sandbox does not know gets ObjectMeta's rules only.
std::optional<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonValue &patch,
                                                    const QString &kind, QString *error = nullptr,
                                                    int *httpStatus = nullptr);

// True for the kinds whose merge keys the sandbox knows.
bool knowsStrategicMergeKeys(QStringView kind);

} // namespace sandbox
