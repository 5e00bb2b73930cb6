#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

// The `labelSelector` and `fieldSelector` query parameters of list and watch
// requests, parsed and matched as the API server does (apimachinery's labels
// and fields packages), with the server's error texts so a 400 reads the same.
namespace sandbox {

// Returns the value of one label or field, or nullopt when the object has none.
using SelectorLookup = std::function<std::optional<QString>(QStringView name)>;

class LabelSelector
{
public:
    enum class Operator {
        Equals,
        DoubleEquals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan
    };

    struct Requirement
    {
        QString key;
        Operator op = Operator::Exists;
        QStringList values; // sorted and unique, as the server keeps them

        friend bool operator==(const Requirement &, const Requirement &) = default;
    };

    // `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`,
    // `a<1`, comma-joined; empty text selects everything. On error returns
    // nullopt and sets *error to the server's message ("unable to parse
    // requirement: ..."), which the caller sends as a 400.
    static std::optional<LabelSelector> parse(QStringView text, QString *error = nullptr);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    const QList<Requirement> &requirements() const { return m_requirements; } // sorted by key

    bool matches(const SelectorLookup &label) const;
    bool matches(const QMap<QString, QString> &labels) const;
    bool matches(const QHash<QString, QString> &labels) const;
    bool matches(const QJsonObject &labels) const; // an object's metadata.labels

    // The one value `key` must have (from `=`, `==` or a one-value `in`), so a
    // caller can answer from an index instead of scanning every object.
    std::optional<QString> requiredValue(QStringView key) const;

    // Canonical form, as the server prints a selector (keys sorted).
    QString toString() const;

private:
    QList<Requirement> m_requirements;
};

class FieldSelector
{
public:
    enum class Operator { Equals, DoubleEquals, NotEquals };

    struct Requirement
    {
        QString field;
        Operator op = Operator::Equals;
        QString value; // unescaped

        friend bool operator==(const Requirement &, const Requirement &) = default;
    };

    // `k=v`, `k==v`, `k!=v`, comma-joined; `\,`, `\=` and `\\` escape those
    // characters in values. On error returns nullopt and sets *error to the
    // server's message.
    static std::optional<FieldSelector> parse(QStringView text, QString *error = nullptr);

    // What a client does to put an arbitrary string in a selector value.
    static QString escapeValue(QStringView value);
    static std::optional<QString> unescapeValue(QStringView value, QString *error = nullptr);

    bool isEmpty() const { return m_requirements.isEmpty(); }
    const QList<Requirement> &requirements() const { return m_requirements; }

    // The fields this selector uses, sorted and unique.
    QStringList fields() const;
    // The first field not in `supported`, in the order the server checks them.
    std::optional<QString> unsupportedField(const QStringList &supported) const;
    // False with "field label not supported: x" (the core API's 400 text) when
    // a field is not in `supported`.
    bool checkFields(const QStringList &supported, QString *error) const;

    // A missing field reads as "", as on the server.
    bool matches(const SelectorLookup &field) const;
    bool matches(const QHash<QString, QString> &fields) const;

    std::optional<QString> requiredValue(QStringView field) const;
    QString toString() const;

private:
    QList<Requirement> m_requirements;
};

} // namespace sandbox
