#pragma once

// Field readers for the compact value types (internal to courseops_kube: it
// pulls in simdjson.h). A missing field, or one of another type, reads as
// empty/0/false, as Go's zero values do when client-go decodes the same JSON.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>
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

// "k=v,k=v" in API order; entries that would break the format are dropped
// (the API server refuses such labels anyway).
QString flatLabels(Field labels);

// The value of `key` in a flatLabels() string; a null view when absent.
QStringView flatLabel(const QString &flat, QStringView key);

} // namespace kube::json
