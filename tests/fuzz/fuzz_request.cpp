// Feeds arbitrary request text to what the sandbox parses from a client before
// it looks at any object: the query string, label and field selectors, and
// the three patch bodies. Crashes, leaks and undefined behaviour are the
// sanitizers' to find; the checks below abort on broken invariants.
//
// Input: the whole text is a query string and a selector; split at the first
// "\n---\n" it is also an original object and a patch (no split: the patch
// alone, on {}). The strategic merge runs once for each kind.

#include "sandbox/jsonpatch.h"
#include "sandbox/selector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

// Any JSON value, scalars included; Undefined when the text is not one value.
QJsonValue parseValue(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().first();
}

QByteArray serialized(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void fuzzLabelSelector(const QString &text)
{
    const std::optional<sandbox::LabelSelector> s = sandbox::LabelSelector::parse(text);
    if (!s)
        return;
    const QHash<QString, QString> labels = {{QStringLiteral("app"), QStringLiteral("web")},
                                            {QStringLiteral("n"), QStringLiteral("7")},
                                            {QStringLiteral("empty"), QString()}};
    const bool hashMatch = s->matches(labels);
    QJsonObject json;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        json.insert(it.key(), it.value());
    require(s->matches(json) == hashMatch);
    // The server's printed form parses back to itself.
    const QString canonical = s->toString();
    const std::optional<sandbox::LabelSelector> again = sandbox::LabelSelector::parse(canonical);
    require(again && again->toString() == canonical && again->matches(labels) == hashMatch);
    for (const sandbox::LabelSelector::Requirement &r : s->requirements())
        (void)s->requiredValue(r.key);
}

void fuzzFieldSelector(const QString &text)
{
    const std::optional<sandbox::FieldSelector> s = sandbox::FieldSelector::parse(text);
    if (!s)
        return;
    const QHash<QString, QString> fields = {{QStringLiteral("metadata.name"), QStringLiteral("web-1")},
                                            {QStringLiteral("status.phase"), QStringLiteral("Running")}};
    const bool match = s->matches(fields);
    QString error;
    (void)s->checkFields(fields.keys(), &error);
    // Printing escapes values, so the printed form parses; after one round it is stable.
    const std::optional<sandbox::FieldSelector> once = sandbox::FieldSelector::parse(s->toString());
    require(once && once->matches(fields) == match && once->fields() == s->fields());
    const std::optional<sandbox::FieldSelector> twice = sandbox::FieldSelector::parse(once->toString());
    require(twice && twice->toString() == once->toString());
}

void fuzzQuery(const QString &text)
{
    const QUrlQuery query(text);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("labelSelector"))
            fuzzLabelSelector(value);
        else if (key == QLatin1String("fieldSelector"))
            fuzzFieldSelector(value);
    }
    (void)query.queryItemValue(QStringLiteral("limit"), QUrl::FullyDecoded).toLongLong();
    (void)query.allQueryItemValues(QStringLiteral("command"), QUrl::FullyDecoded);
}

void fuzzPatches(const QByteArray &input)
{
    static const QString kinds[] = {QStringLiteral("Pod"),        QStringLiteral("Deployment"),
                                    QStringLiteral("ReplicaSet"), QStringLiteral("Service"),
                                    QStringLiteral("ConfigMap"),  QStringLiteral("Namespace"),
                                    QStringLiteral("Node"),       QStringLiteral("Widget")};
    const qsizetype split = input.indexOf("\n---\n");
    const QJsonValue originalValue = split < 0 ? QJsonValue(QJsonObject()) : parseValue(input.left(split));
    const QJsonValue patch = parseValue(split < 0 ? input : input.mid(split + 5));
    if (!originalValue.isObject() || patch.isUndefined())
        return;
    const QJsonObject original = originalValue.toObject();

    QString error;
    int status = 0;
    if (const std::optional<QJsonObject> merged =
            sandbox::applyMergePatch(original, patch, &error, &status)) {
        require(status == 200);
        // RFC 7386 patches are idempotent.
        const std::optional<QJsonObject> twice = sandbox::applyMergePatch(*merged, patch);
        require(twice && serialized(*twice) == serialized(*merged));
    } else {
        require(status == 400 && !error.isEmpty());
    }

    if (const std::optional<QJsonObject> patched = sandbox::applyJsonPatch(original, patch, &error, &status))
        (void)serialized(*patched);
    else
        require((status == 400 || status == 413 || status == 422) && !error.isEmpty());

    for (const QString &kind : kinds) {
        if (const std::optional<QJsonObject> patched =
                sandbox::applyStrategicMergePatch(original, patch, kind, &error, &status)) {
            (void)serialized(*patched);
        } else {
            require((status == 400 || status == 422 || status == 500) && !error.isEmpty());
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString text = QString::fromUtf8(input);
    fuzzLabelSelector(text);
    fuzzFieldSelector(text);
    fuzzQuery(text);
    fuzzPatches(input);
    return 0;
}
