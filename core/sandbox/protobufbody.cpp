#include "sandbox/protobufbody.h"

#include <QMultiMap>

namespace sandbox {

namespace {

// The fields of one protobuf message: number -> raw bytes of length-delimited
// fields, or the varint value as a decimal string.
using Fields = QMultiMap<int, QByteArray>;

bool readVarint(const QByteArray &data, qsizetype &pos, quint64 *out)
{
    quint64 value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= data.size())
            return false;
        const quint8 byte = quint8(data[pos++]);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *out = value;
            return true;
        }
    }
    return false;
}

std::optional<Fields> readMessage(const QByteArray &data)
{
    Fields fields;
    qsizetype pos = 0;
    while (pos < data.size()) {
        quint64 key = 0;
        if (!readVarint(data, pos, &key))
            return std::nullopt;
        const int number = int(key >> 3);
        switch (key & 7) {
        case 0: {
            quint64 v = 0;
            if (!readVarint(data, pos, &v))
                return std::nullopt;
            fields.insert(number, QByteArray::number(v));
            break;
        }
        case 1:
            pos += 8;
            break;
        case 2: {
            quint64 len = 0;
            if (!readVarint(data, pos, &len) || len > quint64(data.size() - pos))
                return std::nullopt;
            fields.insert(number, data.mid(pos, qsizetype(len)));
            pos += qsizetype(len);
            break;
        }
        case 5:
            pos += 4;
            break;
        default:
            return std::nullopt;
        }
        if (pos > data.size())
            return std::nullopt;
    }
    return fields;
}

QString text(const Fields &f, int number)
{
    return QString::fromUtf8(f.value(number));
}

} // namespace

std::optional<QJsonObject> decodeProtobufReview(const QByteArray &body, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<QJsonObject> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!body.startsWith(QByteArrayView("k8s\0", 4)))
        return fail(QStringLiteral("the protobuf body lacks the 'k8s\\0' prefix"));
    const auto unknown = readMessage(body.mid(4));
    if (!unknown)
        return fail(QStringLiteral("the protobuf body is truncated or malformed"));
    const auto typeMeta = readMessage(unknown->value(1));
    if (!typeMeta)
        return fail(QStringLiteral("the protobuf body has no type"));
    const QString kind = text(*typeMeta, 2);
    const auto object = readMessage(unknown->value(2));
    if (!object)
        return fail(QStringLiteral("the protobuf object is malformed"));
    QJsonObject json{{QStringLiteral("kind"), kind}, {QStringLiteral("apiVersion"), text(*typeMeta, 1)}};
    if (kind == QLatin1String("Secret") || kind == QLatin1String("ConfigMap")) {
        // kubectl create secret/configmap: metadata = 1; Secret: data = 2 (bytes),
        // type = 3, stringData = 4; ConfigMap: data = 2, binaryData = 3 (bytes).
        const bool secret = kind == QLatin1String("Secret");
        const auto meta = readMessage(object->value(1));
        if (!meta)
            return fail(QStringLiteral("the protobuf metadata is malformed"));
        QJsonObject metaJson;
        const char *metaNames[] = {nullptr, "name", "generateName", "namespace"};
        for (int i = 1; i <= 3; ++i) {
            if (meta->contains(i))
                metaJson.insert(QLatin1String(metaNames[i]), text(*meta, i));
        }
        auto map = [](const Fields &f, int number, bool bytes) -> std::optional<QJsonObject> {
            QJsonObject out;
            const QList<QByteArray> entries = f.values(number);
            for (const QByteArray &e : entries) {
                const auto entry = readMessage(e);
                if (!entry)
                    return std::nullopt;
                out.insert(text(*entry, 1), bytes ? QString::fromLatin1(entry->value(2).toBase64()) : text(*entry, 2));
            }
            return out;
        };
        const auto labels = map(*meta, 11, false);
        const auto annotations = map(*meta, 12, false);
        const auto data = map(*object, 2, secret);
        const auto extra = map(*object, secret ? 4 : 3, !secret);
        if (!labels || !annotations || !data || !extra)
            return fail(QStringLiteral("the protobuf %1 is malformed").arg(kind));
        if (!labels->isEmpty())
            metaJson.insert(QStringLiteral("labels"), *labels);
        if (!annotations->isEmpty())
            metaJson.insert(QStringLiteral("annotations"), *annotations);
        json.insert(QStringLiteral("metadata"), metaJson);
        if (!data->isEmpty())
            json.insert(QStringLiteral("data"), *data);
        if (!extra->isEmpty())
            json.insert(secret ? QStringLiteral("stringData") : QStringLiteral("binaryData"), *extra);
        if (secret && object->contains(3))
            json.insert(QStringLiteral("type"), text(*object, 3));
        return json;
    }
    const auto spec = readMessage(object->value(2));
    if (!spec)
        return fail(QStringLiteral("the protobuf spec is malformed"));
    if (kind == QLatin1String("SelfSubjectAccessReview")) {
        QJsonObject specJson;
        if (spec->contains(1)) {
            const auto attrs = readMessage(spec->value(1));
            if (!attrs)
                return fail(QStringLiteral("the resource attributes are malformed"));
            const char *names[] = {nullptr, "namespace", "verb", "group", "version", "resource", "subresource", "name"};
            QJsonObject a;
            for (int i = 1; i <= 7; ++i) {
                if (attrs->contains(i))
                    a.insert(QLatin1String(names[i]), text(*attrs, i));
            }
            specJson.insert(QStringLiteral("resourceAttributes"), a);
        }
        if (spec->contains(2)) {
            const auto attrs = readMessage(spec->value(2));
            if (!attrs)
                return fail(QStringLiteral("the non-resource attributes are malformed"));
            specJson.insert(QStringLiteral("nonResourceAttributes"),
                            QJsonObject{{QStringLiteral("path"), text(*attrs, 1)}, {QStringLiteral("verb"), text(*attrs, 2)}});
        }
        json.insert(QStringLiteral("spec"), specJson);
        return json;
    }
    if (kind == QLatin1String("SelfSubjectRulesReview")) {
        json.insert(QStringLiteral("spec"), QJsonObject{{QStringLiteral("namespace"), text(*spec, 1)}});
        return json;
    }
    return fail(QStringLiteral("the sandbox reads protobuf only for access reviews, Secrets and ConfigMaps; send %1 "
                               "as application/json")
                    .arg(kind.isEmpty() ? QStringLiteral("this object") : kind));
}

} // namespace sandbox
