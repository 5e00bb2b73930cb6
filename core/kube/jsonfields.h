#pragma once

// Field readers for the compact value types (internal to courseops_kube: it
// pulls in simdjson.h). A missing field, or one of another type, reads as
// empty/0/false, as Go's zero values do when client-go decodes the same JSON.

#include "kube/labels.h"
#include "kube/podinfo.h" // parseRfc3339

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>
#include <simdjson.h>
#include <string_view>

namespace kube::json {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;
using Field = simdjson::simdjson_result<element>;

inline std::string_view text(Field field)
{
    std::string_view value;
    return field.get_string().get(value) ? std::string_view() : value;
}

inline qint64 int64(Field field, qint64 fallback = 0)
{
    int64_t value = 0;
    return field.get_int64().get(value) ? fallback : qint64(value);
}

inline qint32 int32(Field field)
{
    return qint32(int64(field));
}

inline bool boolean(Field field)
{
    bool value = false;
    return field.get_bool().get(value) ? false : value;
}

inline bool objectAt(Field field, object *out)
{
    return !field.get_object().get(*out);
}

inline QString ownString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

inline QUuid uuid(std::string_view text)
{
    return QUuid::fromString(QLatin1String(text.data(), qsizetype(text.size())));
}

// One shared copy of strings that repeat across objects (namespaces, label
// keys, reasons, protocols); bounded, past the bound strings are not shared.
QString sharedString(std::string_view utf8);

// A labels (or selector) map in API order, its keys shared; entries that
// would break the format are dropped (the API server refuses such labels anyway).
Labels readLabels(Field labels);

inline qint64 timestamp(Field field)
{
    return parseRfc3339(text(field));
}

// Checks that `object` is a named object of `kind` (list items carry no kind)
// and reads the metadata every compact type keeps: namespace, name, uid,
// resourceVersion, labels and creation time.
template<typename T> bool readObjectMeta(element object, std::string_view kind, T *out)
{
    if (!object.is_object())
        return false;
    const std::string_view objectKind = text(object["kind"]);
    if (!objectKind.empty() && objectKind != kind)
        return false;
    const Field metadata = object["metadata"];
    const std::string_view name = text(metadata["name"]);
    if (name.empty())
        return false;
    out->name = ownString(name);
    out->namespaceName = sharedString(text(metadata["namespace"]));
    out->uid = uuid(text(metadata["uid"]));
    out->resourceVersion = ownString(text(metadata["resourceVersion"]));
    out->labels = readLabels(metadata["labels"]);
    out->creationTimestamp = timestamp(metadata["creationTimestamp"]);
    return true;
}

// One object from its JSON text, with one of the parseX functions.
template<typename T> std::optional<T> parseJsonWith(QByteArrayView json, bool (*parse)(element, T *))
{
    simdjson::dom::parser parser;
    element root;
    if (parser.parse(json.data(), size_t(json.size())).get(root))
        return std::nullopt;
    T object;
    if (!parse(root, &object))
        return std::nullopt;
    return object;
}

} // namespace kube::json
