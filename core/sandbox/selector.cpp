#include "sandbox/selector.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace sandbox {

namespace {

// Go orders strings by their UTF-8 bytes; the server sorts values and terms
// that way, which decides which error a bad selector reports first.
bool utf8Less(const QString &a, const QString &b)
{
    return a.toUtf8() < b.toUtf8();
}

// Go's %q, enough for the values a selector can hold.
QString goQuote(QStringView s)
{
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            continue;
        case '\\':
            out += QLatin1String("\\\\");
            continue;
        case '\a':
            out += QLatin1String("\\a");
            continue;
        case '\b':
            out += QLatin1String("\\b");
            continue;
        case '\f':
            out += QLatin1String("\\f");
            continue;
        case '\n':
            out += QLatin1String("\\n");
            continue;
        case '\r':
            out += QLatin1String("\\r");
            continue;
        case '\t':
            out += QLatin1String("\\t");
            continue;
        case '\v':
            out += QLatin1String("\\v");
            continue;
        default:
            break;
        }
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        } else if (c.isSurrogate()) {
            if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
                out += c;
                out += s[++i];
            } else {
                out += QLatin1String("\\ufffd");
            }
        } else if (!c.isPrint() && c.unicode() >= 0x80) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += u'"';
    return out;
}

bool isAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool isQualifiedNamePart(QStringView s)
{
    if (s.isEmpty() || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](QChar c) { return isAlnum(c) || c == u'-' || c == u'_' || c == u'.'; });
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*
bool matchesDns1123Subdomain(QStringView s)
{
    for (QStringView label : s.split(u'.')) {
        if (label.isEmpty() || !isLowerAlnum(label.front()) || !isLowerAlnum(label.back()))
            return false;
        if (!std::all_of(label.begin(), label.end(), [](QChar c) { return isLowerAlnum(c) || c == u'-'; }))
            return false;
    }
    return true;
}

qsizetype byteLength(QStringView s)
{
    return s.toUtf8().size();
}

// The texts of apimachinery's validation helpers (Kubernetes 1.32).
QString maxLenError(int length)
{
    return QStringLiteral("must be no more than %1 characters").arg(length);
}

QString regexError(const QString &message, QLatin1String regex, std::initializer_list<QLatin1String> examples)
{
    QString out = message + QLatin1String(" (e.g. ");
    bool first = true;
    for (QLatin1String e : examples) {
        if (!first)
            out += QLatin1String(" or ");
        first = false;
        out += u'\'' + QString(e) + QLatin1String("', ");
    }
    out += QLatin1String("regex used for validation is '") + regex + QLatin1String("')");
    return out;
}

const QLatin1String kQualifiedNameFormat("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
const QLatin1String kLabelValueFormat("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
const QLatin1String
    kDns1123SubdomainFormat("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

QString qualifiedNameMessage()
{
    return regexError(
        QStringLiteral("must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                       "end with an alphanumeric character"),
        kQualifiedNameFormat, {QLatin1String("MyName"), QLatin1String("my.name"), QLatin1String("123-abc")});
}

// validation.IsQualifiedName: what a label key must be.
QStringList labelKeyErrors(QStringView key)
{
    QStringList errors;
    const QList<QStringView> parts = key.split(u'/');
    QStringView name;
    if (parts.size() == 1) {
        name = parts[0];
    } else if (parts.size() == 2) {
        const QStringView prefix = parts[0];
        name = parts[1];
        if (prefix.isEmpty()) {
            errors << QStringLiteral("prefix part must be non-empty");
        } else {
            if (byteLength(prefix) > 253)
                errors << QLatin1String("prefix part ") + maxLenError(253);
            if (!matchesDns1123Subdomain(prefix)) {
                errors << QLatin1String("prefix part ") +
                              regexError(
                                  QStringLiteral("a lowercase RFC 1123 subdomain must consist of lower case "
                                                 "alphanumeric characters, '-' or '.', and must start and "
                                                 "end with an alphanumeric character"),
                                  kDns1123SubdomainFormat, {QLatin1String("example.com")});
            }
        }
    } else {
        errors << QLatin1String("a qualified name ") + qualifiedNameMessage() +
                      QLatin1String(
                          " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errors;
    }
    if (name.isEmpty())
        errors << QStringLiteral("name part must be non-empty");
    else if (byteLength(name) > 63)
        errors << QLatin1String("name part ") + maxLenError(63);
    if (!isQualifiedNamePart(name))
        errors << QLatin1String("name part ") + qualifiedNameMessage();
    return errors;
}

// validation.IsValidLabelValue.
QStringList labelValueErrors(QStringView value)
{
    QStringList errors;
    if (byteLength(value) > 63)
        errors << maxLenError(63);
    if (!value.isEmpty() && !isQualifiedNamePart(value)) {
        errors << regexError(
            QStringLiteral("a valid label must be an empty string or consist of alphanumeric "
                           "characters, '-', '_' or '.', and must start and end with an "
                           "alphanumeric character"),
            kLabelValueFormat, {QLatin1String("MyValue"), QLatin1String("my_value"), QLatin1String("12345")});
    }
    return errors;
}

// field.Invalid(path, value, detail).Error()
QString invalidValue(const QString &path, QStringView value, const QString &detail)
{
    return path + QLatin1String(": Invalid value: ") + goQuote(value) + QLatin1String(": ") + detail;
}

// utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets.
QString aggregate(const QStringList &messages)
{
    if (messages.size() == 1)
        return messages.first();
    QStringList unique;
    for (const QString &m : messages) {
        if (!unique.contains(m))
            unique << m;
    }
    if (unique.size() == 1)
        return unique.first();
    return u'[' + unique.join(QLatin1String(", ")) + u']';
}

// strconv.ParseInt(s, 10, 64)
std::optional<qint64> parseGoInt(QStringView s)
{
    const QByteArray bytes = s.toUtf8();
    if (bytes.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    if (bytes[0] == '+' || bytes[0] == '-')
        ++i;
    if (i == bytes.size())
        return std::nullopt;
    for (qsizetype j = i; j < bytes.size(); ++j) {
        if (bytes[j] < '0' || bytes[j] > '9')
            return std::nullopt;
    }
    errno = 0;
    char *end = nullptr;
    const long long v = std::strtoll(bytes.constData(), &end, 10);
    if (errno == ERANGE || end != bytes.constData() + bytes.size())
        return std::nullopt;
    return v;
}

// ---- the label selector lexer and parser (apimachinery's labels.Parse) ----

enum class Token {
    Error,
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar,
};

struct Item
{
    Token token = Token::EndOfString;
    QString literal;
};

std::optional<Token> literalToken(QStringView s)
{
    static const QHash<QString, Token> tokens = {
        {QStringLiteral(")"), Token::ClosedPar},    {QStringLiteral(","), Token::Comma},
        {QStringLiteral("!"), Token::DoesNotExist}, {QStringLiteral("=="), Token::DoubleEquals},
        {QStringLiteral("="), Token::Equals},       {QStringLiteral(">"), Token::GreaterThan},
        {QStringLiteral("in"), Token::In},          {QStringLiteral("<"), Token::LessThan},
        {QStringLiteral("!="), Token::NotEquals},   {QStringLiteral("notin"), Token::NotIn},
        {QStringLiteral("("), Token::OpenPar},
    };
    const auto it = tokens.constFind(s.toString());
    if (it == tokens.cend())
        return std::nullopt;
    return *it;
}

bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isSpecialSymbol(QChar c)
{
    switch (c.unicode()) {
    case '=':
    case '!':
    case '(':
    case ')':
    case ',':
    case '>':
    case '<':
        return true;
    default:
        return false;
    }
}

// Reads the selector one character at a time; NUL reads as the end, as the
// server's byte-wise lexer sees it.
class Lexer
{
public:
    explicit Lexer(QStringView text)
        : m_text(text)
    {}

    Item next()
    {
        const QChar c = skipWhitespace(read());
        if (c.isNull())
            return {Token::EndOfString, {}};
        unread();
        return isSpecialSymbol(c) ? scanSpecialSymbol() : scanIdentifierOrKeyword();
    }

private:
    QChar read()
    {
        if (m_pos < m_text.size())
            return m_text[m_pos++];
        return QChar();
    }
    void unread() { --m_pos; }

    QChar skipWhitespace(QChar c)
    {
        while (isWhitespace(c))
            c = read();
        return c;
    }

    Item scanIdentifierOrKeyword()
    {
        QString buffer;
        for (;;) {
            const QChar c = read();
            if (c.isNull())
                break;
            if (isSpecialSymbol(c) || isWhitespace(c)) {
                unread();
                break;
            }
            buffer += c;
        }
        if (const auto token = literalToken(buffer))
            return {*token, buffer};
        return {Token::Identifier, buffer};
    }

    // The longest operator made of special symbols: "!=" rather than "!".
    Item scanSpecialSymbol()
    {
        QString buffer;
        std::optional<Item> last;
        for (;;) {
            const QChar c = read();
            if (c.isNull())
                break;
            if (!isSpecialSymbol(c)) {
                unread();
                break;
            }
            buffer += c;
            if (const auto token = literalToken(buffer)) {
                last = Item{*token, buffer};
            } else if (last) {
                unread();
                break;
            }
        }
        if (!last)
            return {Token::Error, QStringLiteral("error expected: keyword found '%1'").arg(buffer)};
        return *last;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

using Operator = LabelSelector::Operator;
using Requirement = LabelSelector::Requirement;

// In a value position `in` and `notin` are plain words: `a in (in)`.
enum class Context { KeyAndOperator, Values };

class Parser
{
public:
    explicit Parser(QStringView text)
    {
        Lexer lexer(text);
        for (;;) {
            Item item = lexer.next();
            const bool end = item.token == Token::EndOfString;
            m_items.append(std::move(item));
            if (end)
                break;
        }
    }

    std::optional<QList<Requirement>> parse(QString *error)
    {
        QList<Requirement> requirements;
        for (;;) {
            const Item ahead = lookahead(Context::Values);
            switch (ahead.token) {
            case Token::Identifier:
            case Token::DoesNotExist: {
                QString message;
                std::optional<Requirement> r = parseRequirement(&message);
                if (!r) {
                    *error = QLatin1String("unable to parse requirement: ") + message;
                    return std::nullopt;
                }
                requirements.append(std::move(*r));
                const Item after = consume(Context::Values);
                if (after.token == Token::EndOfString)
                    return requirements;
                if (after.token != Token::Comma) {
                    *error =
                        QStringLiteral("found '%1', expected: ',' or 'end of string'").arg(after.literal);
                    return std::nullopt;
                }
                const Item next = lookahead(Context::Values);
                if (next.token != Token::Identifier && next.token != Token::DoesNotExist) {
                    *error = QStringLiteral("found '%1', expected: identifier after ','").arg(next.literal);
                    return std::nullopt;
                }
                break;
            }
            case Token::EndOfString:
                return requirements;
            default:
                *error = QStringLiteral("found '%1', expected: !, identifier, or 'end of string'")
                             .arg(ahead.literal);
                return std::nullopt;
            }
        }
    }

private:
    Item item(Context context, qsizetype at) const
    {
        Item it = at < m_items.size() ? m_items[at] : m_items.last();
        if (context == Context::Values && (it.token == Token::In || it.token == Token::NotIn))
            it.token = Token::Identifier;
        return it;
    }
    Item lookahead(Context context) const { return item(context, m_position); }
    Item consume(Context context)
    {
        Item it = item(context, m_position);
        if (m_position < m_items.size())
            ++m_position;
        return it;
    }

    std::optional<Requirement> parseRequirement(QString *error)
    {
        Requirement r;
        bool unary = false;
        Item key = consume(Context::Values);
        if (key.token == Token::DoesNotExist) {
            r.op = Operator::DoesNotExist;
            unary = true;
            key = consume(Context::Values);
        }
        if (key.token != Token::Identifier) {
            *error = QStringLiteral("found '%1', expected: identifier").arg(key.literal);
            return std::nullopt;
        }
        if (const QStringList errors = labelKeyErrors(key.literal); !errors.isEmpty()) {
            *error = invalidValue(QStringLiteral("<nil>"), key.literal, errors.join(QLatin1String("; ")));
            return std::nullopt;
        }
        r.key = key.literal;
        const Token ahead = lookahead(Context::Values).token;
        if (!unary && (ahead == Token::EndOfString || ahead == Token::Comma)) {
            r.op = Operator::Exists;
            unary = true;
        }
        if (unary)
            return r;

        const Item op = consume(Context::KeyAndOperator);
        switch (op.token) {
        case Token::In:
            r.op = Operator::In;
            break;
        case Token::Equals:
            r.op = Operator::Equals;
            break;
        case Token::DoubleEquals:
            r.op = Operator::DoubleEquals;
            break;
        case Token::GreaterThan:
            r.op = Operator::GreaterThan;
            break;
        case Token::LessThan:
            r.op = Operator::LessThan;
            break;
        case Token::NotIn:
            r.op = Operator::NotIn;
            break;
        case Token::NotEquals:
            r.op = Operator::NotEquals;
            break;
        default:
            *error = QStringLiteral("found '%1', expected: in, notin, =, ==, !=, gt, lt").arg(op.literal);
            return std::nullopt;
        }

        std::optional<QStringList> values =
            (r.op == Operator::In || r.op == Operator::NotIn) ? parseValues(error) : parseExactValue(error);
        if (!values)
            return std::nullopt;
        std::sort(values->begin(), values->end(), utf8Less);
        values->erase(std::unique(values->begin(), values->end()), values->end());
        r.values = std::move(*values);

        // labels.NewRequirement's checks, in its order.
        QStringList errors;
        if (r.op == Operator::GreaterThan || r.op == Operator::LessThan) {
            for (qsizetype i = 0; i < r.values.size(); ++i) {
                if (!parseGoInt(r.values[i])) {
                    errors << invalidValue(
                        QStringLiteral("values[%1]").arg(i), r.values[i],
                        QStringLiteral("for 'Gt', 'Lt' operators, the value must be an integer"));
                }
            }
        }
        for (qsizetype i = 0; i < r.values.size(); ++i) {
            if (const QStringList e = labelValueErrors(r.values[i]); !e.isEmpty()) {
                errors << invalidValue(QStringLiteral("values[%1][%2]").arg(i).arg(r.key), r.values[i],
                                       e.join(QLatin1String("; ")));
            }
        }
        if (!errors.isEmpty()) {
            *error = aggregate(errors);
            return std::nullopt;
        }
        return r;
    }

    // ( value, value, ... ); empty entries are the empty value.
    std::optional<QStringList> parseValues(QString *error)
    {
        const Item open = consume(Context::Values);
        if (open.token != Token::OpenPar) {
            *error = QStringLiteral("found '%1' expected: '('").arg(open.literal);
            return std::nullopt;
        }
        const Item ahead = lookahead(Context::Values);
        switch (ahead.token) {
        case Token::Identifier:
        case Token::Comma: {
            std::optional<QStringList> values = parseIdentifierList(error);
            if (!values)
                return std::nullopt;
            if (consume(Context::Values).token != Token::ClosedPar) {
                *error = QStringLiteral("found '%1', expected: ')'").arg(ahead.literal);
                return std::nullopt;
            }
            return values;
        }
        case Token::ClosedPar:
            consume(Context::Values);
            return QStringList{QString()};
        default:
            *error = QStringLiteral("found '%1', expected: ',', ')' or identifier").arg(ahead.literal);
            return std::nullopt;
        }
    }

    std::optional<QStringList> parseIdentifierList(QString *error)
    {
        QStringList values;
        for (;;) {
            const Item it = consume(Context::Values);
            if (it.token == Token::Identifier) {
                values << it.literal;
                const Item next = lookahead(Context::Values);
                if (next.token == Token::Comma)
                    continue;
                if (next.token == Token::ClosedPar)
                    return values;
                *error = QStringLiteral("found '%1', expected: ',' or ')'").arg(next.literal);
                return std::nullopt;
            }
            if (it.token == Token::Comma) {
                if (values.isEmpty())
                    values << QString(); // "(," starts with an empty value
                const Token next = lookahead(Context::Values).token;
                if (next == Token::ClosedPar) {
                    values << QString(); // ",)" ends with one
                    return values;
                }
                if (next == Token::Comma) {
                    consume(Context::Values);
                    values << QString(); // ",," has one between
                }
                continue;
            }
            *error = QStringLiteral("found '%1', expected: ',', or identifier").arg(it.literal);
            return std::nullopt;
        }
    }

    std::optional<QStringList> parseExactValue(QString *error)
    {
        const Token ahead = lookahead(Context::Values).token;
        if (ahead == Token::EndOfString || ahead == Token::Comma)
            return QStringList{QString()};
        const Item it = consume(Context::Values);
        if (it.token == Token::Identifier)
            return QStringList{it.literal};
        *error = QStringLiteral("found '%1', expected: identifier").arg(it.literal);
        return std::nullopt;
    }

    QList<Item> m_items;
    qsizetype m_position = 0;
};

template<typename Lookup> bool requirementMatches(const Requirement &r, const Lookup &lookup)
{
    const std::optional<QString> value = lookup(r.key);
    switch (r.op) {
    case Operator::In:
    case Operator::Equals:
    case Operator::DoubleEquals:
        return value && r.values.contains(*value);
    case Operator::NotIn:
    case Operator::NotEquals:
        return !value || !r.values.contains(*value);
    case Operator::Exists:
        return value.has_value();
    case Operator::DoesNotExist:
        return !value.has_value();
    case Operator::GreaterThan:
    case Operator::LessThan: {
        if (!value || r.values.size() != 1)
            return false;
        const std::optional<qint64> have = parseGoInt(*value);
        const std::optional<qint64> want = parseGoInt(r.values.first());
        if (!have || !want)
            return false;
        return r.op == Operator::GreaterThan ? *have > *want : *have < *want;
    }
    }
    return false;
}

template<typename Lookup> bool allMatch(const QList<Requirement> &requirements, const Lookup &lookup)
{
    return std::all_of(requirements.begin(), requirements.end(),
                       [&](const Requirement &r) { return requirementMatches(r, lookup); });
}

template<typename Map> auto mapLookup(const Map &map)
{
    return [&map](QStringView key) -> std::optional<QString> {
        const auto it = map.constFind(key.toString());
        if (it == map.cend())
            return std::nullopt;
        return *it;
    };
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(QStringView text, QString *error)
{
    QString message;
    Parser parser(text);
    std::optional<QList<Requirement>> requirements = parser.parse(&message);
    if (!requirements) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    // Sorted by key, stably, as the server does for a deterministic order.
    std::stable_sort(requirements->begin(), requirements->end(),
                     [](const Requirement &a, const Requirement &b) { return utf8Less(a.key, b.key); });
    LabelSelector selector;
    selector.m_requirements = std::move(*requirements);
    return selector;
}

bool LabelSelector::matches(const SelectorLookup &label) const
{
    return allMatch(m_requirements, label);
}

bool LabelSelector::matches(const QMap<QString, QString> &labels) const
{
    return allMatch(m_requirements, mapLookup(labels));
}

bool LabelSelector::matches(const QHash<QString, QString> &labels) const
{
    return allMatch(m_requirements, mapLookup(labels));
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    return allMatch(m_requirements, [&labels](QStringView key) -> std::optional<QString> {
        const auto it = labels.constFind(key);
        if (it == labels.constEnd())
            return std::nullopt;
        return it->toString();
    });
}

std::optional<QString> LabelSelector::requiredValue(QStringView key) const
{
    for (const Requirement &r : m_requirements) {
        if (r.key != key)
            continue;
        const bool exact = r.op == Operator::Equals || r.op == Operator::DoubleEquals || r.op == Operator::In;
        if (exact && r.values.size() == 1)
            return r.values.first();
        return std::nullopt;
    }
    return std::nullopt;
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (const Requirement &r : m_requirements) {
        QString s;
        if (r.op == Operator::DoesNotExist)
            s += u'!';
        s += r.key;
        const QString values = r.values.join(u',');
        switch (r.op) {
        case Operator::Equals:
            s += u'=' + values;
            break;
        case Operator::DoubleEquals:
            s += QLatin1String("==") + values;
            break;
        case Operator::NotEquals:
            s += QLatin1String("!=") + values;
            break;
        case Operator::In:
            s += QLatin1String(" in (") + values + u')';
            break;
        case Operator::NotIn:
            s += QLatin1String(" notin (") + values + u')';
            break;
        case Operator::GreaterThan:
            s += u'>' + values;
            break;
        case Operator::LessThan:
            s += u'<' + values;
            break;
        case Operator::Exists:
        case Operator::DoesNotExist:
            break;
        }
        parts << s;
    }
    return parts.join(u',');
}

// ---- field selectors (apimachinery's fields.ParseSelector) ----

std::optional<FieldSelector> FieldSelector::parse(QStringView text, QString *error)
{
    // Terms split at commas that are not escaped; escapes stay for unescapeValue.
    QStringList terms;
    if (!text.isEmpty()) {
        qsizetype start = 0;
        bool inSlash = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (inSlash) {
                inSlash = false;
            } else if (c == u'\\') {
                inSlash = true;
            } else if (c == u',') {
                terms << text.mid(start, i - start).toString();
                start = i + 1;
            }
        }
        terms << text.mid(start).toString();
    }
    std::sort(terms.begin(), terms.end(), utf8Less);

    FieldSelector selector;
    for (const QString &term : std::as_const(terms)) {
        if (term.isEmpty())
            continue;
        // The field is never escaped: the first operator splits the term.
        qsizetype at = -1;
        Operator op = Operator::Equals;
        qsizetype opLength = 0;
        for (qsizetype i = 0; i < term.size() && at < 0; ++i) {
            const QStringView rest = QStringView(term).mid(i);
            if (rest.startsWith(QLatin1String("!="))) {
                op = Operator::NotEquals;
                opLength = 2;
            } else if (rest.startsWith(QLatin1String("=="))) {
                op = Operator::DoubleEquals;
                opLength = 2;
            } else if (rest.startsWith(u'=')) {
                op = Operator::Equals;
                opLength = 1;
            } else {
                continue;
            }
            at = i;
        }
        if (at < 0) {
            if (error)
                *error = QStringLiteral("invalid selector: '%1'; can't understand '%2'").arg(text, term);
            return std::nullopt;
        }
        std::optional<QString> value = unescapeValue(QStringView(term).mid(at + opLength), error);
        if (!value)
            return std::nullopt;
        selector.m_requirements.append({term.left(at), op, std::move(*value)});
    }
    return selector;
}

QString FieldSelector::escapeValue(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\' || c == u',' || c == u'=')
            out += u'\\';
        out += c;
    }
    return out;
}

std::optional<QString> FieldSelector::unescapeValue(QStringView value, QString *error)
{
    QString out;
    out.reserve(value.size());
    bool inSlash = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (inSlash) {
            inSlash = false;
            if (c == u'\\' || c == u',' || c == u'=') {
                out += c;
                continue;
            }
            QString sequence = QStringLiteral("\\") + c;
            if (c.isHighSurrogate() && i + 1 < value.size())
                sequence += value[i + 1];
            if (error)
                *error = QLatin1String("invalid field selector: invalid escape sequence: ") + sequence;
            return std::nullopt;
        }
        if (c == u'\\') {
            inSlash = true;
        } else if (c == u',' || c == u'=') {
            // Go prints the rune as its number here.
            if (error)
                *error = QStringLiteral("invalid field selector: unescaped character in value: %1")
                             .arg(c.unicode());
            return std::nullopt;
        } else {
            out += c;
        }
    }
    if (inSlash) {
        if (error)
            *error = QStringLiteral("invalid field selector: invalid escape sequence: \\");
        return std::nullopt;
    }
    return out;
}

QStringList FieldSelector::fields() const
{
    QStringList out;
    for (const Requirement &r : m_requirements) {
        if (!out.contains(r.field))
            out << r.field;
    }
    std::sort(out.begin(), out.end(), utf8Less);
    return out;
}

std::optional<QString> FieldSelector::unsupportedField(const QStringList &supported) const
{
    for (const Requirement &r : m_requirements) {
        if (!supported.contains(r.field))
            return r.field;
    }
    return std::nullopt;
}

bool FieldSelector::checkFields(const QStringList &supported, QString *error) const
{
    const std::optional<QString> field = unsupportedField(supported);
    if (field && error)
        *error = QLatin1String("field label not supported: ") + *field;
    return !field;
}

bool FieldSelector::matches(const SelectorLookup &field) const
{
    return std::all_of(m_requirements.begin(), m_requirements.end(), [&](const Requirement &r) {
        const QString value = field(r.field).value_or(QString());
        return r.op == Operator::NotEquals ? value != r.value : value == r.value;
    });
}

bool FieldSelector::matches(const QHash<QString, QString> &fields) const
{
    return matches(SelectorLookup(mapLookup(fields)));
}

std::optional<QString> FieldSelector::requiredValue(QStringView field) const
{
    for (const Requirement &r : m_requirements) {
        if (r.field == field && r.op != Operator::NotEquals)
            return r.value;
    }
    return std::nullopt;
}

QString FieldSelector::toString() const
{
    QStringList parts;
    for (const Requirement &r : m_requirements)
        parts << r.field + (r.op == Operator::NotEquals ? QLatin1String("!=") : QLatin1String("=")) +
                     escapeValue(r.value);
    return parts.join(u',');
}

} // namespace sandbox
