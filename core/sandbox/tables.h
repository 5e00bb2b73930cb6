#pragma once

#include "sandbox/resourcetypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sandbox {

// meta.k8s.io/v1 Table output, as the API server's printers make it for
// `kubectl get`: the same columns (priority 1 = `-o wide` only) and cell texts.
QJsonArray tableColumns(const ResourceType &type);
QJsonArray tableCells(const ResourceType &type, const QJsonObject &object, QByteArrayView json, qint64 nowEpochSeconds);

enum class IncludeObject { None, Metadata, Object };
QJsonObject tableRow(const ResourceType &type, const QJsonObject &object, QByteArrayView json, IncludeObject include,
                     qint64 nowEpochSeconds);

} // namespace sandbox
