#include "sandbox/jsonpatch.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QStringList>
#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <functional>

namespace sandbox {

namespace {

// A patch that cannot be applied. Thrown deep inside the recursive merges and
// caught at the public functions, which turn it into (error, status): every
// level would otherwise have to check and forward it.
struct PatchFailure
{
    int status;
    QString message;
};

[[noreturn]] void fail(int status, const QString &message)
{
    throw PatchFailure{status, message};
}

template<typename Apply>
std::optional<QJsonObject> reportFailure(Apply apply, QString *error, int *httpStatus)
{
    try {
        QJsonObject result = apply();
        if (httpStatus)
            *httpStatus = 200;
        return result;
    } catch (const PatchFailure &f) {
        if (error)
            *error = f.message;
        if (httpStatus)
            *httpStatus = f.status;
        return std::nullopt;
    }
}

// ---- JSON values as Go prints and compares them (messages quote Go's) ----

// fmt's %v of a float64: shortest digits, exponent form from 1e+06 and below 1e-04.
QString goFloat(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (d == 0)
        return std::signbit(d) ? QStringLiteral("-0") : QStringLiteral("0");
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const QString sci = QString::fromLatin1(buf, result.ptr - buf); // "-1.2345e+06"
    const qsizetype e = sci.indexOf(u'e');
    QString mantissa = sci.left(e);
    const int exponent = sci.mid(e + 1).toInt();
    const bool negative = mantissa.startsWith(u'-');
    if (negative)
        mantissa.remove(0, 1);
    const QString digits = QString(mantissa).remove(u'.');
    QString out;
    if (exponent < -4 || exponent >= 6) {
        out = digits.left(1);
        if (digits.size() > 1)
            out += u'.' + digits.mid(1);
        out += QStringLiteral("e%1%2")
                   .arg(QChar(exponent < 0 ? u'-' : u'+'))
                   .arg(std::abs(exponent), 2, 10, QLatin1Char('0'));
    } else if (exponent < 0) {
        out = QLatin1String("0.") + QString(-exponent - 1, u'0') + digits;
    } else if (digits.size() <= exponent + 1) {
        out = digits + QString(exponent + 1 - digits.size(), u'0');
    } else {
        out = digits.left(exponent + 1) + u'.' + digits.mid(exponent + 1);
    }
    return negative ? u'-' + out : out;
}

// fmt's %v of a decoded JSON value: map[a:1 b:[x y]].
QString goValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("<nil>");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return goFloat(v.toDouble());
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << goValue(e);
        return u'[' + parts.join(u' ') + u']';
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << it.key() + u':' + goValue(*it);
        return QLatin1String("map[") + parts.join(u' ') + u']';
    }
    }
    return {};
}

// reflect.TypeOf of a decoded JSON value, as %s prints it.
QString goTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("map[string]interface {}");
    case QJsonValue::Array:
        return QStringLiteral("[]interface {}");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("float64");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    default:
        return QStringLiteral("%!s(<nil>)");
    }
}

// %s of a value that should have been a string.
QString goString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("%!s(<nil>)");
    return QLatin1String("%!s(") + goTypeName(v) + u'=' + goValue(v) + u')';
}

// The word encoding/json uses for a value it cannot decode into a type.
QString jsonTypeWord(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    default:
        return QStringLiteral("null");
    }
}

// Deep equality with numbers compared by value (1 equals 1.0), as decoded Go values compare.
bool jsonEquals(const QJsonValue &a, const QJsonValue &b)
{
    const bool aNull = a.isNull() || a.isUndefined();
    const bool bNull = b.isNull() || b.isUndefined();
    if (aNull || bNull)
        return aNull && bNull;
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double:
        return a.toDouble() == b.toDouble();
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEquals(x[i], y[i]))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject();
        const QJsonObject y = b.toObject();
        if (x.size() != y.size())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            const auto other = y.constFind(it.key());
            if (other == y.constEnd() || !jsonEquals(*it, *other))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

// ---- RFC 6902 ----

// strconv.Atoi
std::optional<qint64> parseIndex(const QString &s, QString *error)
{
    bool ok = false;
    const QString digits = (s.startsWith(u'+') || s.startsWith(u'-')) ? s.mid(1) : s;
    const bool allDigits = !digits.isEmpty() && std::all_of(digits.begin(), digits.end(),
                                                            [](QChar c) { return c >= u'0' && c <= u'9'; });
    const qint64 v = allDigits ? s.toLongLong(&ok) : 0;
    if (!ok) {
        *error = QStringLiteral("strconv.Atoi: parsing %1: %2")
                     .arg(u'"' + s + u'"', allDigits ? QStringLiteral("value out of range")
                                                     : QStringLiteral("invalid syntax"));
        return std::nullopt;
    }
    return v;
}

QString invalidIndex(qint64 index)
{
    return QStringLiteral("Unable to access invalid index: %1: invalid index referenced").arg(index);
}

// One operation's target: the container holding it and the member or index in it.
class PointerTarget
{
public:
    // "/a/b~1c" -> ["a", "b/c"]. Like the server's library, the text before the
    // first '/' is ignored and a pointer with no '/' addresses nothing.
    static std::optional<QStringList> tokens(const QString &pointer)
    {
        QStringList parts = pointer.split(u'/');
        if (parts.size() < 2)
            return std::nullopt;
        parts.removeFirst();
        for (QString &p : parts)
            p.replace(QLatin1String("~1"), QLatin1String("/"))
                .replace(QLatin1String("~0"), QLatin1String("~"));
        return parts;
    }

    using Edit = std::function<void(QJsonValue &container, const QString &key)>;

    // Calls `edit` with the container of the pointer's last token, writing the
    // changed container back along the path. False when the path to it does
    // not exist (a missing member, a null, a bad index or a scalar on the way).
    static bool editParent(QJsonValue &node, const QStringList &tokens, qsizetype depth, const Edit &edit)
    {
        if (tokens.isEmpty() || (!node.isObject() && !node.isArray()))
            return false;
        if (depth == tokens.size() - 1) {
            edit(node, tokens.last());
            return true;
        }
        const QString &token = tokens[depth];
        if (node.isObject()) {
            QJsonObject object = node.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return false;
            QJsonValue child = *it;
            if (!editParent(child, tokens, depth + 1, edit))
                return false;
            node = QJsonValue();
            object.insert(token, child);
            node = object;
            return true;
        }
        QJsonArray array = node.toArray();
        QString ignored;
        const std::optional<qint64> index = parseIndex(token, &ignored);
        if (!index || *index < 0 || *index >= array.size())
            return false;
        QJsonValue child = array[*index];
        if (!editParent(child, tokens, depth + 1, edit))
            return false;
        node = QJsonValue();
        array.replace(*index, child);
        node = array;
        return true;
    }
};

// container.get(key): the member or element, nullopt for a missing member.
std::optional<QJsonValue> getMember(const QJsonValue &container, const QString &key, QString *error)
{
    if (container.isObject()) {
        const QJsonObject object = container.toObject();
        const auto it = object.constFind(key);
        if (it == object.constEnd() || it->isNull())
            return std::nullopt;
        return *it;
    }
    const QJsonArray array = container.toArray();
    const std::optional<qint64> index = parseIndex(key, error);
    if (!index)
        return std::nullopt;
    if (*index < 0 || *index >= array.size()) {
        *error = invalidIndex(*index);
        return std::nullopt;
    }
    return array[*index];
}

// container.add(key, value); empty on success, else the reason.
QString addMember(QJsonValue &container, const QString &key, const QJsonValue &value)
{
    if (container.isObject()) {
        QJsonObject object = container.toObject();
        object.insert(key, value);
        container = object;
        return {};
    }
    QJsonArray array = container.toArray();
    if (key == u'-') {
        array.append(value);
        container = array;
        return {};
    }
    QString error;
    std::optional<qint64> index = parseIndex(key, &error);
    if (!index)
        return QStringLiteral("value was not a proper array index: '%1': %2").arg(key, error);
    const qint64 size = array.size() + 1;
    if (*index >= size || *index < -size)
        return invalidIndex(*index);
    if (*index < 0)
        *index += size;
    array.insert(*index, value);
    container = array;
    return {};
}

QString removeMember(QJsonValue &container, const QString &key)
{
    if (container.isObject()) {
        QJsonObject object = container.toObject();
        if (!object.contains(key))
            return QStringLiteral("Unable to remove nonexistent key: %1: missing value").arg(key);
        object.remove(key);
        container = object;
        return {};
    }
    QJsonArray array = container.toArray();
    QString error;
    std::optional<qint64> index = parseIndex(key, &error);
    if (!index)
        return error;
    const qint64 size = array.size();
    if (*index >= size || *index < -size)
        return invalidIndex(*index);
    if (*index < 0)
        *index += size;
    array.removeAt(*index);
    container = array;
    return {};
}

QString stringField(const QJsonObject &op, QLatin1String name, bool *present)
{
    const QJsonValue v = op.value(name);
    *present = v.isString();
    return v.toString();
}

void applyOperation(QJsonValue &doc, const QJsonObject &op)
{
    const QJsonValue kindValue = op.value(QLatin1String("op"));
    const QString kind = kindValue.isString() ? kindValue.toString() : QStringLiteral("unknown");
    bool hasPath = false;
    const QString path = stringField(op, QLatin1String("path"), &hasPath);
    // A missing value is null, as the server's library reads it.
    const QJsonValue value =
        op.contains(QLatin1String("value")) ? op.value(QLatin1String("value")) : QJsonValue();
    const auto tokensOf = [](const QString &pointer) {
        return PointerTarget::tokens(pointer).value_or(QStringList());
    };

    if (kind == QLatin1String("add") || kind == QLatin1String("remove") || kind == QLatin1String("replace") ||
        kind == QLatin1String("test")) {
        if (!hasPath)
            fail(422, kind + QLatin1String(" operation failed to decode path: missing value"));
    }

    if (kind == QLatin1String("add")) {
        QString problem;
        const bool found =
            PointerTarget::editParent(doc, tokensOf(path), 0, [&](QJsonValue &c, const QString &key) {
                problem = addMember(c, key, value);
            });
        if (!found)
            fail(422,
                 QStringLiteral("add operation does not apply: doc is missing path: \"%1\": missing value")
                     .arg(path));
        if (!problem.isEmpty())
            fail(422, QStringLiteral("error in add for path: '%1': %2").arg(path, problem));
    } else if (kind == QLatin1String("remove")) {
        QString problem;
        const bool found =
            PointerTarget::editParent(doc, tokensOf(path), 0, [&](QJsonValue &c, const QString &key) {
                problem = removeMember(c, key);
            });
        if (!found)
            fail(422,
                 QStringLiteral("remove operation does not apply: doc is missing path: \"%1\": missing value")
                     .arg(path));
        if (!problem.isEmpty())
            fail(422, QStringLiteral("error in remove for path: '%1': %2").arg(path, problem));
    } else if (kind == QLatin1String("replace")) {
        bool missingKey = false;
        const bool found =
            PointerTarget::editParent(doc, tokensOf(path), 0, [&](QJsonValue &c, const QString &key) {
                if (c.isArray()) {
                    QString error;
                    QJsonArray array = c.toArray();
                    const std::optional<qint64> index = parseIndex(key, &error);
                    if (!index || *index < 0 || *index >= array.size()) {
                        missingKey = true;
                        return;
                    }
                    array.replace(*index, value);
                    c = array;
                } else {
                    // The server's library sets a missing member rather than failing.
                    QJsonObject object = c.toObject();
                    object.insert(key, value);
                    c = object;
                }
            });
        if (!found)
            fail(422,
                 QStringLiteral("replace operation does not apply: doc is missing path: %1: missing value")
                     .arg(path));
        if (missingKey)
            fail(422,
                 QStringLiteral("replace operation does not apply: doc is missing key: %1: missing value")
                     .arg(path));
    } else if (kind == QLatin1String("test")) {
        std::optional<QJsonValue> actual;
        QString problem;
        const bool found =
            PointerTarget::editParent(doc, tokensOf(path), 0, [&](QJsonValue &c, const QString &key) {
                actual = getMember(c, key, &problem);
            });
        if (!found)
            fail(422, QStringLiteral("test operation does not apply: is missing path: %1: missing value")
                          .arg(path));
        if (!problem.isEmpty())
            fail(422, QStringLiteral("error in test for path: '%1': %2").arg(path, problem));
        // A missing member equals null.
        if (!jsonEquals(actual.value_or(QJsonValue()), value))
            fail(422, QStringLiteral("testing value %1 failed: test failed").arg(path));
    } else if (kind == QLatin1String("move") || kind == QLatin1String("copy")) {
        bool hasFrom = false;
        const QString from = stringField(op, QLatin1String("from"), &hasFrom);
        if (!hasFrom)
            fail(422, kind + QLatin1String(" operation failed to decode from: missing value"));
        const bool move = kind == QLatin1String("move");
        std::optional<QJsonValue> moved;
        QString problem;
        const bool found =
            PointerTarget::editParent(doc, tokensOf(from), 0, [&](QJsonValue &c, const QString &key) {
                moved = getMember(c, key, &problem);
                if (problem.isEmpty() && move)
                    problem = removeMember(c, key);
            });
        if (!found)
            fail(422,
                 QStringLiteral("%1 operation does not apply: doc is missing from path: %2: missing value")
                     .arg(kind, from));
        if (!problem.isEmpty()) {
            fail(422, move ? QStringLiteral("error in move for path: '%1': %2")
                                 .arg(tokensOf(from).value(tokensOf(from).size() - 1), problem)
                           : QStringLiteral("error in copy for from: '%1': %2").arg(from, problem));
        }
        if (!hasPath)
            fail(422, kind + QLatin1String(" operation failed to decode path: missing value"));
        const bool destination =
            PointerTarget::editParent(doc, tokensOf(path), 0, [&](QJsonValue &c, const QString &key) {
                problem = addMember(c, key, moved.value_or(QJsonValue()));
            });
        if (!destination)
            fail(422, QStringLiteral(
                          "%1 operation does not apply: doc is missing destination path: %2: missing value")
                          .arg(kind, path));
        if (!problem.isEmpty()) {
            fail(422, move ? QStringLiteral("error in move for path: '%1': %2").arg(path, problem)
                           : QStringLiteral("error while adding value during copy: %1").arg(problem));
        }
    } else {
        fail(422, QLatin1String("Unexpected kind: ") + kind);
    }
}

// ---- strategic merge patch (apimachinery's strategicpatch, apply side) ----

const QLatin1String kDirective("$patch");
const QLatin1String kRetainKeys("$retainKeys");
const QLatin1String kSetElementOrder("$setElementOrder");
const QLatin1String kDeleteFromPrimitiveList("$deleteFromPrimitiveList");

enum class Strategy { Default, Merge, Replace };

struct TypeMeta;

// What a field's Go struct tags say: patchStrategy, patchMergeKey, and the
// type of its value (of the elements for a list).
struct FieldMeta
{
    Strategy strategy = Strategy::Default;
    QString mergeKey;
    const TypeMeta *type = nullptr;
};

struct TypeMeta
{
    QHash<QString, FieldMeta> fields;

    FieldMeta field(const QString &name) const { return fields.value(name); }
};

FieldMeta lookupField(const TypeMeta *type, const QString &name)
{
    return type ? type->field(name) : FieldMeta{};
}

// The patch metadata of the kinds the sandbox serves, from k8s.io/api's
// patchStrategy/patchMergeKey tags. Fields not listed merge maps and replace
// lists, as untagged fields do.
struct Schemas
{
    TypeMeta objectMeta, container, podSpec, podStatus, podTemplate, pod;
    TypeMeta deploymentSpec, deploymentStatus, deployment, replicaSetSpec, replicaSetStatus, replicaSet;
    TypeMeta serviceSpec, serviceStatus, service, namespaceStatus, namespaceKind, nodeSpec, nodeStatus, node;
    TypeMeta metadataOnly;
    QHash<QString, const TypeMeta *> kinds;

    Schemas()
    {
        const auto merge = [](const QString &key, const TypeMeta *type = nullptr) {
            return FieldMeta{Strategy::Merge, key, type};
        };
        const auto nested = [](const TypeMeta *type) { return FieldMeta{Strategy::Default, {}, type}; };
        const QString name = QStringLiteral("name");
        const QString type = QStringLiteral("type");

        objectMeta.fields = {{QStringLiteral("finalizers"), merge({})},
                             {QStringLiteral("ownerReferences"), merge(QStringLiteral("uid"))}};

        container.fields = {{QStringLiteral("ports"), merge(QStringLiteral("containerPort"))},
                            {QStringLiteral("env"), merge(name)},
                            {QStringLiteral("volumeMounts"), merge(QStringLiteral("mountPath"))},
                            {QStringLiteral("volumeDevices"), merge(QStringLiteral("devicePath"))}};

        podSpec.fields = {{QStringLiteral("volumes"), merge(name)}, // merge,retainKeys
                          {QStringLiteral("initContainers"), merge(name, &container)},
                          {QStringLiteral("containers"), merge(name, &container)},
                          {QStringLiteral("ephemeralContainers"), merge(name, &container)},
                          {QStringLiteral("imagePullSecrets"), merge(name)},
                          {QStringLiteral("hostAliases"), merge(QStringLiteral("ip"))},
                          {QStringLiteral("topologySpreadConstraints"), merge(QStringLiteral("topologyKey"))},
                          {QStringLiteral("schedulingGates"), merge(name)},
                          {QStringLiteral("resourceClaims"), merge(name)}}; // merge,retainKeys
        podStatus.fields = {{QStringLiteral("conditions"), merge(type)},
                            {QStringLiteral("podIPs"), merge(QStringLiteral("ip"))},
                            {QStringLiteral("hostIPs"), merge(QStringLiteral("ip"))},
                            {QStringLiteral("resourceClaimStatuses"), merge(name)}};
        podTemplate.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                              {QStringLiteral("spec"), nested(&podSpec)}};
        pod.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                      {QStringLiteral("spec"), nested(&podSpec)},
                      {QStringLiteral("status"), nested(&podStatus)}};

        // spec.strategy is retainKeys, which only matters to the client that builds the patch.
        deploymentSpec.fields = {{QStringLiteral("template"), nested(&podTemplate)}};
        deploymentStatus.fields = {{QStringLiteral("conditions"), merge(type)}};
        deployment.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                             {QStringLiteral("spec"), nested(&deploymentSpec)},
                             {QStringLiteral("status"), nested(&deploymentStatus)}};
        replicaSetSpec.fields = {{QStringLiteral("template"), nested(&podTemplate)}};
        replicaSetStatus.fields = {{QStringLiteral("conditions"), merge(type)}};
        replicaSet.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                             {QStringLiteral("spec"), nested(&replicaSetSpec)},
                             {QStringLiteral("status"), nested(&replicaSetStatus)}};

        serviceSpec.fields = {{QStringLiteral("ports"), merge(QStringLiteral("port"))}};
        serviceStatus.fields = {{QStringLiteral("conditions"), merge(type)}};
        service.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                          {QStringLiteral("spec"), nested(&serviceSpec)},
                          {QStringLiteral("status"), nested(&serviceStatus)}};

        namespaceStatus.fields = {{QStringLiteral("conditions"), merge(type)}};
        namespaceKind.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                                {QStringLiteral("status"), nested(&namespaceStatus)}};

        nodeSpec.fields = {{QStringLiteral("podCIDRs"), merge({})}};
        nodeStatus.fields = {{QStringLiteral("conditions"), merge(type)},
                             {QStringLiteral("addresses"), merge(type)}};
        node.fields = {{QStringLiteral("metadata"), nested(&objectMeta)},
                       {QStringLiteral("spec"), nested(&nodeSpec)},
                       {QStringLiteral("status"), nested(&nodeStatus)}};

        metadataOnly.fields = {{QStringLiteral("metadata"), nested(&objectMeta)}};

        kinds = {{QStringLiteral("Pod"), &pod},
                 {QStringLiteral("Deployment"), &deployment},
                 {QStringLiteral("ReplicaSet"), &replicaSet},
                 {QStringLiteral("Service"), &service},
                 {QStringLiteral("ConfigMap"), &metadataOnly},
                 {QStringLiteral("Namespace"), &namespaceKind},
                 {QStringLiteral("Node"), &node},
                 {QStringLiteral("Event"), &metadataOnly},
                 {QStringLiteral("Ingress"), &metadataOnly}};
    }

    Schemas(const Schemas &) = delete; // fields point into this object
    Schemas &operator=(const Schemas &) = delete;
};

const Schemas &schemas()
{
    static const Schemas s;
    return s;
}

[[noreturn]] void failBadArgType(const QString &expected, const QJsonValue &actual)
{
    fail(500, QStringLiteral("expected a %1, but received a %2").arg(expected, goTypeName(actual)));
}

[[noreturn]] void failNoMergeKey(const QJsonValue &map, const QString &key)
{
    fail(500, QStringLiteral("map: %1 does not contain declared merge key: %2").arg(goValue(map), key));
}

[[noreturn]] void failBadPatchType(const QJsonValue &directive, const QJsonValue &map)
{
    fail(500, QStringLiteral("unknown patch type: %1 in map: %2").arg(goString(directive), goValue(map)));
}

const QString kMapType = QStringLiteral("map[string]interface {}");

bool isDirectiveKey(const QString &key)
{
    return key == kDirective || key == kRetainKeys || key.startsWith(kSetElementOrder) ||
           key.startsWith(kDeleteFromPrimitiveList);
}

// A patch value taken whole (a field the original lacks, a replaced list):
// its nulls go, and so do maps carrying `$patch` and other directives, as the
// server drops them (discardNullValuesFromPatch, removeDirectives, and the
// typed decoding that ignores unknown `$` keys).
std::optional<QJsonValue> cleanTaken(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject object = v.toObject();
        if (object.contains(kDirective))
            return std::nullopt;
        QJsonObject out;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it->isNull() || isDirectiveKey(it.key()))
                continue;
            if (std::optional<QJsonValue> c = cleanTaken(*it))
                out.insert(it.key(), *c);
        }
        return out;
    }
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray()) {
            if (std::optional<QJsonValue> c = cleanTaken(e))
                out.append(*c);
        }
        return out;
    }
    return v;
}

QJsonArray cleanTakenList(const QJsonArray &list)
{
    return cleanTaken(list).value_or(QJsonArray()).toArray();
}

// "$setElementOrder/containers" -> "containers"
QString directiveField(const QString &key, QLatin1String prefix)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0 || QStringView(key).left(slash) != prefix) {
        if (prefix == kDeleteFromPrimitiveList)
            fail(400, QStringLiteral("invalid patch format of primitive list"));
        fail(400, QStringLiteral("invalid patch format of setElementOrder list"));
    }
    return key.mid(slash + 1);
}

// The Go type of list elements, which must agree across the lists.
QJsonValue::Type listElementType(std::initializer_list<const QJsonArray *> lists)
{
    std::optional<QJsonValue::Type> type;
    for (const QJsonArray *list : lists) {
        for (const QJsonValue &e : *list) {
            const QJsonValue::Type t = e.isUndefined() ? QJsonValue::Null : e.type();
            if (!type) {
                if (t == QJsonValue::Array)
                    fail(422, QStringLiteral("lists of lists are not supported"));
                type = t;
            } else if (*type != t) {
                QJsonArray all;
                for (const QJsonArray *l : lists)
                    all.append(*l);
                fail(500, QLatin1String("list element types are not identical: ") + goValue(all));
            }
        }
    }
    return type.value_or(QJsonValue::Undefined);
}

QJsonValue mergeKeyValue(const QJsonValue &item, const QString &mergeKey)
{
    return item.isObject() ? item.toObject().value(mergeKey) : QJsonValue();
}

// A text two values share exactly when jsonEquals() holds, to look values up
// in a hash: lists can be long, and comparing each pair would be quadratic.
QString identity(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("t") : QStringLiteral("f");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return u'd' + (d == 0 ? QStringLiteral("0") : QString::number(d, 'g', 17));
    }
    case QJsonValue::String:
        return u's' + v.toString();
    case QJsonValue::Array:
    case QJsonValue::Object: {
        // Nested numbers compare by value too: rebuild with canonical members.
        QString out = v.isArray() ? QStringLiteral("[") : QStringLiteral("{");
        // Length-prefixed parts, so no two different values run together alike.
        const auto part = [&out](const QString &text) { out += QString::number(text.size()) + u':' + text; };
        if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                part(identity(e));
        } else {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                part(it.key());
                part(identity(*it));
            }
        }
        return out;
    }
    default:
        return QStringLiteral("n");
    }
}

// The first place of each value (maps: of each merge key value) in a list.
// `mapsWithKey` counts only maps that have the merge key, as a search by
// key value does; otherwise a map without it is found by null, as Go's
// nil == nil has it in the ordering code.
class ListIndex
{
public:
    enum class Match { Values, MergeKeys, MapsWithKey };

    ListIndex(const QJsonArray &list, const QString &mergeKey, Match match)
        : m_mergeKey(mergeKey)
        , m_match(match)
    {
        for (qsizetype i = 0; i < list.size(); ++i)
            add(list[i], i);
    }

    void add(const QJsonValue &item, qsizetype at)
    {
        if (m_match == Match::MapsWithKey && !(item.isObject() && item.toObject().contains(m_mergeKey)))
            return;
        m_first.insert(keyOf(item), at); // keeps the first place: insert only when absent
    }

    qsizetype indexOf(const QJsonValue &item) const { return m_first.value(keyOf(item), -1); }

private:
    QString keyOf(const QJsonValue &item) const
    {
        return identity(m_match == Match::Values ? item : mergeKeyValue(item, m_mergeKey));
    }

    // QHash::insert replaces; this keeps the earliest place.
    struct FirstPlaces : QHash<QString, qsizetype>
    {
        void insert(const QString &key, qsizetype at)
        {
            if (!contains(key))
                QHash<QString, qsizetype>::insert(key, at);
        }
    };

    QString m_mergeKey;
    Match m_match;
    FirstPlaces m_first;
};

ListIndex::Match orderMatch(bool maps)
{
    return maps ? ListIndex::Match::MergeKeys : ListIndex::Match::Values;
}

void requireMergeKeys(const QString &mergeKey, std::initializer_list<const QJsonArray *> lists)
{
    for (const QJsonArray *list : lists) {
        for (const QJsonValue &item : *list) {
            if (!item.isObject())
                failBadArgType(kMapType, item);
            if (!item.toObject().contains(mergeKey))
                failNoMergeKey(item, mergeKey);
        }
    }
}

// Sorts `items` by their place in `order`; `$patch: delete` items go last.
QJsonArray sortByOrder(const QJsonArray &items, const QJsonArray &order, const QString &mergeKey, bool maps)
{
    QList<std::pair<qsizetype, QJsonValue>> kept; // (place in order, item); items not in it go last
    QList<QJsonValue> deleted;
    if (maps)
        requireMergeKeys(mergeKey, {&items, &order});
    const ListIndex places(order, mergeKey, orderMatch(maps));
    for (const QJsonValue &item : items) {
        if (maps && item.toObject().value(kDirective) == QLatin1String("delete")) {
            deleted.append(item);
        } else {
            const qsizetype at = places.indexOf(item);
            kept.append({at < 0 ? LLONG_MAX : at, item});
        }
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray out;
    for (const auto &[at, v] : std::as_const(kept))
        out.append(v);
    for (const QJsonValue &v : std::as_const(deleted))
        out.append(v);
    return out;
}

// Interleaves the server-only items (in the live order) with the patch's items
// (in the patch's order): a server item goes first only when the live list
// had it before the patch item it is compared with.
QJsonArray normalizeElementOrder(const QJsonArray &patchItems, const QJsonArray &serverOnly,
                                 const QJsonArray &patchOrder, const QJsonArray &serverOrder,
                                 const QString &mergeKey, bool maps)
{
    const QJsonArray right = sortByOrder(patchItems, patchOrder, mergeKey, maps);
    const QJsonArray left = sortByOrder(serverOnly, serverOrder, mergeKey, maps);
    const ListIndex live(serverOrder, mergeKey, orderMatch(maps));
    QJsonArray out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < left.size() || j < right.size()) {
        if (i >= left.size()) {
            out.append(right[j++]);
        } else if (j >= right.size()) {
            out.append(left[i++]);
        } else {
            const qsizetype li = live.indexOf(left[i]);
            const qsizetype ri = live.indexOf(right[j]);
            if (li >= 0 && ri >= 0 && li < ri)
                out.append(left[i++]);
            else
                out.append(right[j++]);
        }
    }
    return out;
}

// Splits `merged` into the items `partitionBy` names and the others.
void partition(const QJsonArray &merged, const QJsonArray &partitionBy, const QString &mergeKey,
               QJsonArray *inPatch, QJsonArray *serverOnly)
{
    if (!mergeKey.isEmpty()) {
        for (qsizetype i = 0; i < partitionBy.size(); ++i) {
            if (!partitionBy[i].isObject())
                fail(500, QStringLiteral("value for key %1 is not a map.").arg(i));
        }
    }
    const ListIndex named(partitionBy, mergeKey,
                          mergeKey.isEmpty() ? ListIndex::Match::Values : ListIndex::Match::MapsWithKey);
    for (const QJsonValue &v : merged) {
        if (!mergeKey.isEmpty()) {
            if (!v.isObject())
                failBadArgType(kMapType, v);
            if (!v.toObject().contains(mergeKey))
                failNoMergeKey(v, mergeKey);
        }
        (named.indexOf(v) >= 0 ? inPatch : serverOnly)->append(v);
    }
}

QJsonArray deleteFromList(const QJsonArray &list, const QJsonArray &toDelete)
{
    const ListIndex doomed(toDelete, {}, ListIndex::Match::Values);
    QJsonArray out;
    for (const QJsonValue &v : list) {
        if (doomed.indexOf(v) < 0)
            out.append(v);
    }
    return out;
}

QJsonObject mergeMap(QJsonObject original, QJsonObject patch, const TypeMeta *type);

QJsonArray mergeList(QJsonArray original, QJsonArray patch, const TypeMeta *elementType,
                     const QString &mergeKey, bool isDeleteList)
{
    if (original.isEmpty() && patch.isEmpty())
        return original;
    const QJsonValue::Type kind = listElementType({&original, &patch});
    QJsonArray merged;
    if (kind != QJsonValue::Object) {
        if (isDeleteList)
            return deleteFromList(original, patch);
        // A set: the union, each value once.
        ListIndex seen(merged, {}, ListIndex::Match::Values);
        for (const QJsonArray *list : {&original, &patch}) {
            for (const QJsonValue &v : *list) {
                if (seen.indexOf(v) < 0) {
                    seen.add(v, merged.size());
                    merged.append(v);
                }
            }
        }
    } else {
        if (mergeKey.isEmpty())
            fail(500, QStringLiteral("cannot merge lists without merge key for type string"));
        // Elements with `$patch` first: deletions by key, or a replacement of the list.
        QJsonArray plain;
        bool replace = false;
        for (const QJsonValue &v : std::as_const(patch)) {
            const QJsonObject item = v.toObject();
            const auto directive = item.constFind(kDirective);
            if (directive == item.constEnd()) {
                plain.append(v);
            } else if (*directive == QLatin1String("delete")) {
                if (!item.contains(mergeKey))
                    failNoMergeKey(v, mergeKey);
                // Every entry with that key goes.
                const QString doomed = identity(item.value(mergeKey));
                QJsonArray kept;
                for (const QJsonValue &e : std::as_const(original)) {
                    const QJsonObject o = e.toObject();
                    if (!o.contains(mergeKey) || identity(o.value(mergeKey)) != doomed)
                        kept.append(e);
                }
                original = kept;
            } else if (*directive == QLatin1String("replace")) {
                replace = true;
            } else if (*directive == QLatin1String("merge")) {
                fail(500, QStringLiteral("merging lists cannot yet be specified in the patch"));
            } else {
                failBadPatchType(*directive, v);
            }
        }
        if (replace) {
            original = cleanTakenList(plain);
            patch = {};
        } else {
            patch = plain;
        }
        merged = original;
        ListIndex byKey(merged, mergeKey, ListIndex::Match::MapsWithKey);
        for (const QJsonValue &v : std::as_const(patch)) {
            const QJsonObject item = v.toObject();
            if (!item.contains(mergeKey))
                failNoMergeKey(v, mergeKey);
            const qsizetype at = byKey.indexOf(v);
            if (at >= 0) {
                merged.replace(at, mergeMap(merged[at].toObject(), item, elementType));
            } else {
                byKey.add(v, merged.size());
                merged.append(cleanTaken(v).value_or(QJsonObject()));
            }
        }
    }
    QJsonArray inPatch;
    QJsonArray serverOnly;
    partition(merged, patch, mergeKey, &inPatch, &serverOnly);
    return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, kind == QJsonValue::Object);
}

// mergeSliceHandler: merge lists by key, replace the others.
QJsonArray mergeListField(const QJsonArray &original, const QJsonArray &patch, const FieldMeta &meta,
                          bool isDeleteList)
{
    if (meta.strategy == Strategy::Merge)
        return mergeList(original, patch, meta.type, meta.mergeKey, isDeleteList);
    if (isDeleteList)
        return deleteFromList(original, patch);
    return cleanTakenList(patch);
}

void checkSetElementOrder(const QJsonArray &patchList, const QJsonArray &order, const QString &mergeKey)
{
    if (order.isEmpty() || patchList.isEmpty())
        return;
    QJsonArray kept;
    if (mergeKey.isEmpty()) {
        kept = patchList;
    } else {
        for (const QJsonValue &v : patchList) {
            if (!v.isObject())
                failBadArgType(kMapType, v);
            if (v.toObject().value(kDirective) != QLatin1String("delete"))
                kept.append(v);
        }
    }
    qsizetype p = 0;
    qsizetype s = 0;
    while (p < kept.size() && s < order.size()) {
        if (kept[p].isObject() && kept[p].toObject().contains(kDirective)) {
            ++p;
            continue;
        }
        bool equal = false;
        if (mergeKey.isEmpty()) {
            equal = jsonEquals(kept[p], order[s]);
        } else {
            for (const QJsonValue &side : {QJsonValue(kept[p]), order[s]}) {
                if (!side.isObject())
                    failBadArgType(kMapType, side);
                if (!side.toObject().contains(mergeKey))
                    failNoMergeKey(side, mergeKey);
            }
            equal = jsonEquals(kept[p].toObject().value(mergeKey), order[s].toObject().value(mergeKey));
        }
        if (equal)
            ++p;
        ++s;
    }
    if (p < kept.size()) {
        fail(500, QStringLiteral("The order in patch list:\n%1\n doesn't match %2 list:\n%3\n")
                      .arg(goValue(patchList), kSetElementOrder, goValue(order)));
    }
}

// `$setElementOrder/<list>`: merges that list (when the patch has it) and puts
// it in the directive's order, server-only items kept near their live neighbours.
void applySetElementOrder(QJsonObject &original, QJsonObject &patch, const TypeMeta *type)
{
    const QStringList keys = patch.keys();
    for (const QString &key : keys) {
        if (!key.startsWith(kSetElementOrder))
            continue;
        const QJsonValue orderValue = patch.take(key);
        if (!orderValue.isArray())
            failBadArgType(QStringLiteral("[]interface {}"), orderValue);
        const QJsonArray order = orderValue.toArray();
        const QString field = directiveField(key, kSetElementOrder);

        const bool foundOriginal = original.contains(field);
        const bool foundPatch = patch.contains(field);
        QJsonArray originalList;
        QJsonArray patchList;
        if (foundOriginal) {
            const QJsonValue v = original.value(field);
            if (!v.isArray())
                failBadArgType(QStringLiteral("[]interface {}"), v);
            originalList = v.toArray();
        }
        if (foundPatch) {
            const QJsonValue v = patch.value(field);
            if (!v.isArray())
                failBadArgType(QStringLiteral("[]interface {}"), v);
            patchList = v.toArray();
        }
        const FieldMeta meta = lookupField(type, field);
        const QString mergeKey = meta.strategy == Strategy::Merge ? meta.mergeKey : QString();
        checkSetElementOrder(patchList, order, mergeKey);
        if (!foundOriginal && !foundPatch)
            continue;

        const QJsonArray merged =
            foundPatch ? mergeListField(originalList, patchList, meta, false) : originalList;
        patch.remove(field);
        const QJsonValue::Type kind = listElementType({&originalList, &patchList});
        const bool maps = kind == QJsonValue::Object;
        // Only lists merged by key, or of scalars, have an order to restore.
        if (kind == QJsonValue::Undefined || (maps && mergeKey.isEmpty())) {
            original.insert(field, merged);
            continue;
        }
        QJsonArray inPatch;
        QJsonArray serverOnly;
        partition(merged, order, mergeKey, &inPatch, &serverOnly);
        original.insert(field,
                        normalizeElementOrder(inPatch, serverOnly, order, originalList, mergeKey, maps));
    }
}

void applyRetainKeys(QJsonObject &original, QJsonObject &patch)
{
    if (!patch.contains(kRetainKeys))
        return;
    const QJsonValue retain = patch.take(kRetainKeys);
    if (!retain.isArray())
        fail(400, QStringLiteral("invalid patch format of retainKeys"));
    QSet<QString> keep;
    for (const QJsonValue &v : retain.toArray()) {
        if (v.isString())
            keep.insert(v.toString());
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->isNull() || it.key().startsWith(kDeleteFromPrimitiveList) ||
            it.key().startsWith(kSetElementOrder))
            continue;
        if (!keep.contains(it.key()))
            fail(400, QStringLiteral("invalid patch format of retainKeys"));
    }
    const QStringList keys = original.keys();
    for (const QString &key : keys) {
        if (!keep.contains(key))
            original.remove(key);
    }
}

void takeValue(QJsonObject &original, const QString &key, const QJsonValue &value)
{
    if (std::optional<QJsonValue> clean = cleanTaken(value))
        original.insert(key, *clean);
    else
        original.remove(key);
}

QJsonObject mergeMap(QJsonObject original, QJsonObject patch, const TypeMeta *type)
{
    if (patch.contains(kDirective)) {
        const QJsonValue directive = patch.value(kDirective);
        if (directive == QLatin1String("replace")) {
            patch.remove(kDirective);
            return cleanTaken(patch).value_or(QJsonObject()).toObject();
        }
        if (directive == QLatin1String("delete"))
            return {};
        failBadPatchType(directive, patch);
    }

    applyRetainKeys(original, patch);
    applySetElementOrder(original, patch, type);

    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        QString key = it.key();
        const QJsonValue &value = *it;
        bool isDeleteList = false;
        if (key.startsWith(kDeleteFromPrimitiveList)) {
            key = directiveField(key, kDeleteFromPrimitiveList);
            isDeleteList = true;
        }
        if (value.isNull()) {
            original.remove(key);
            continue;
        }
        const auto current = original.constFind(key);
        if (current == original.constEnd() || current->type() != value.type()) {
            if (!isDeleteList)
                takeValue(original, key, value);
            continue;
        }
        const FieldMeta meta = lookupField(type, key);
        if (current->isObject()) {
            if (meta.strategy == Strategy::Replace)
                takeValue(original, key, value);
            else
                original.insert(key, mergeMap(current->toObject(), value.toObject(), meta.type));
        } else if (current->isArray()) {
            original.insert(key, mergeListField(current->toArray(), value.toArray(), meta, isDeleteList));
        } else {
            original.insert(key, value);
        }
    }
    return original;
}

} // namespace

QJsonValue mergePatchValue(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject members = patch.toObject();
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it->isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatchValue(result.value(it.key()), *it));
    }
    return result;
}

std::optional<QJsonObject> applyMergePatch(const QJsonObject &original, const QJsonValue &patch,
                                           QString *error, int *httpStatus)
{
    return reportFailure(
        [&] {
            if (!patch.isObject())
                fail(400, QStringLiteral("Invalid JSON Patch"));
            return mergePatchValue(original, patch).toObject();
        },
        error, httpStatus);
}

std::optional<QJsonObject> applyJsonPatch(const QJsonObject &original, const QJsonValue &patch,
                                          QString *error, int *httpStatus)
{
    return reportFailure(
        [&] {
            if (patch.isNull())
                return original;
            if (!patch.isArray())
                fail(400, QStringLiteral("json: cannot unmarshal %1 into Go value of type jsonpatch.Patch")
                              .arg(jsonTypeWord(patch)));
            const QJsonArray operations = patch.toArray();
            for (const QJsonValue &op : operations) {
                if (!op.isObject() && !op.isNull())
                    fail(400,
                         QStringLiteral("json: cannot unmarshal %1 into Go value of type jsonpatch.Operation")
                             .arg(jsonTypeWord(op)));
            }
            constexpr qsizetype maxOperations = 10000;
            if (operations.size() > maxOperations)
                fail(413, QStringLiteral("The allowed maximum operations in a JSON patch is %1, got %2")
                              .arg(maxOperations)
                              .arg(operations.size()));
            QJsonValue doc = original;
            for (const QJsonValue &op : operations)
                applyOperation(doc, op.toObject());
            return doc.toObject();
        },
        error, httpStatus);
}

std::optional<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonValue &patch,
                                                    const QString &kind, QString *error, int *httpStatus)
{
    return reportFailure(
        [&] {
            if (patch.isNull())
                return original;
            if (!patch.isObject())
                fail(400, QStringLiteral("invalid JSON document"));
            const Schemas &s = schemas();
            return mergeMap(original, patch.toObject(), s.kinds.value(kind, &s.metadataOnly));
        },
        error, httpStatus);
}

bool knowsStrategicMergeKeys(QStringView kind)
{
    return schemas().kinds.contains(kind.toString());
}

} // namespace sandbox
