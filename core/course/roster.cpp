#include "course/roster.h"

#include "course/courselog.h"
#include "kube/names.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace course {

namespace {

const QStringList kColumns = {QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("email"),
                              QStringLiteral("cohort")};

struct Field
{
    QString text;
    int column = 0; // 1-based character column where the field starts
};

// Splits one CSV record (RFC 4180). `pos` advances past the record's line end;
// a quoted field may span lines, which `line` counts. Returns false on a quote
// that never closes.
bool readRecord(const QString &text, qsizetype &pos, int &line, QList<Field> *fields, int *errorColumn)
{
    fields->clear();
    Field current;
    int column = 1;
    current.column = 1;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int quoteColumn = 0;
    while (pos < text.size()) {
        const QChar c = text[pos];
        if (quoted) {
            if (c == u'"') {
                if (pos + 1 < text.size() && text[pos + 1] == u'"') {
                    current.text += u'"';
                    pos += 2;
                    column += 2;
                    continue;
                }
                quoted = false;
            } else {
                if (c == u'\n') {
                    ++line;
                    column = 0;
                }
                current.text += c;
            }
            ++pos;
            ++column;
            continue;
        }
        if (c == u'"' && current.text.trimmed().isEmpty() && !fieldWasQuoted) {
            quoted = true;
            fieldWasQuoted = true;
            quoteColumn = column;
            current.text.clear();
        } else if (c == u',') {
            fields->append(current);
            current = Field{};
            current.column = column + 1;
            fieldWasQuoted = false;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && pos + 1 < text.size() && text[pos + 1] == u'\n')
                ++pos;
            ++pos;
            fields->append(current);
            return true;
        } else if (!fieldWasQuoted) {
            current.text += c;
        }
        ++pos;
        ++column;
    }
    if (quoted) {
        *errorColumn = quoteColumn;
        return false;
    }
    fields->append(current);
    return true;
}

class RosterBuilder
{
public:
    RosterBuilder(const QString &file, Diagnostics *out)
        : m_file(file)
        , m_out(out)
    {
    }

    void report(Diagnostic::Severity severity, int line, int column, const QString &message)
    {
        if (m_out)
            m_out->append({severity, m_file, line, column, message});
    }
    void error(int line, int column, const QString &message) { report(Diagnostic::Severity::Error, line, column, message); }

    // Validates one student; reports and returns false when the row cannot be used.
    bool add(Student s, int loginColumn, int emailColumn, int cohortColumn, QList<Student> *students)
    {
        s.login = s.login.trimmed();
        s.name = s.name.trimmed();
        s.email = s.email.trimmed();
        s.cohort = s.cohort.trimmed();
        if (s.login.isEmpty()) {
            error(s.line, loginColumn, QStringLiteral("the login is empty: every student needs their GitHub login"));
            return false;
        }
        if (s.login.startsWith(u'@'))
            s.login.remove(0, 1);
        if (s.login.size() > 39) {
            error(s.line, loginColumn, QStringLiteral("login '%1' is %2 characters long; GitHub logins have at most 39")
                                           .arg(s.login)
                                           .arg(s.login.size()));
            return false;
        }
        if (!Roster::isValidLogin(s.login)) {
            error(s.line, loginColumn, QStringLiteral("'%1' is not a valid GitHub login: use letters, digits and single "
                                                      "hyphens, not starting or ending with a hyphen")
                                           .arg(s.login));
            return false;
        }
        const QString key = s.login.toLower();
        if (const auto it = m_seen.constFind(key); it != m_seen.constEnd()) {
            error(s.line, loginColumn, QStringLiteral("duplicate login '%1', first seen on line %2: remove one of the "
                                                      "two rows")
                                           .arg(s.login)
                                           .arg(*it));
            return false;
        }
        static const QRegularExpression emailRe(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!s.email.isEmpty() && !emailRe.match(s.email).hasMatch()) {
            error(s.line, emailColumn, QStringLiteral("'%1' is not an email address: write it like name@example.org, "
                                                      "or leave it empty")
                                           .arg(s.email));
            return false;
        }
        if (!kube::names::isLabelValue(s.cohort)) {
            error(s.line, cohortColumn, QStringLiteral("cohort '%1' cannot be a Kubernetes label: use at most 63 "
                                                       "letters, digits, '-', '_' or '.'")
                                            .arg(s.cohort));
            return false;
        }
        m_seen.insert(key, s.line);
        students->append(s);
        return true;
    }

private:
    QString m_file;
    Diagnostics *m_out;
    QHash<QString, int> m_seen;
};

void parseCsv(const QString &text, RosterBuilder &b, QList<Student> *students)
{
    qsizetype pos = 0;
    int line = 1;
    QList<Field> fields;
    int errorColumn = 0;

    // Skip blank lines and '#' comments before the header.
    auto skipBlank = [&] {
        while (pos < text.size()) {
            qsizetype end = text.indexOf(u'\n', pos);
            if (end < 0)
                end = text.size();
            const QStringView l = QStringView(text).mid(pos, end - pos).trimmed();
            if (!l.isEmpty() && !l.startsWith(u'#'))
                return;
            pos = end + 1;
            ++line;
        }
    };

    skipBlank();
    if (pos >= text.size()) {
        b.error(0, 0, QStringLiteral("the roster is empty: add a header line 'login,name,email,cohort' and one line "
                                     "per student"));
        return;
    }
    const int headerLine = line;
    if (!readRecord(text, pos, line, &fields, &errorColumn)) {
        b.error(headerLine, errorColumn, QStringLiteral("a quoted field in the header is never closed: add the closing '\"'"));
        return;
    }
    ++line;
    int index[4] = {-1, -1, -1, -1};
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QString name = fields[i].text.trimmed().toLower();
        if (name == QLatin1String("github") || name == QLatin1String("username") || name == QLatin1String("github login"))
            name = QStringLiteral("login");
        const qsizetype known = kColumns.indexOf(name);
        if (known < 0) {
            b.report(Diagnostic::Severity::Warning, headerLine, fields[i].column,
                     QStringLiteral("unknown column '%1' is ignored (known columns: login, name, email, cohort)")
                         .arg(fields[i].text.trimmed()));
            continue;
        }
        if (index[known] >= 0) {
            b.error(headerLine, fields[i].column,
                    QStringLiteral("column '%1' appears twice in the header: keep one").arg(name));
            return;
        }
        index[known] = int(i);
    }
    if (index[0] < 0) {
        b.error(headerLine, 1, QStringLiteral("the header has no 'login' column: the first line must name the columns, "
                                              "e.g. 'login,name,email,cohort'"));
        return;
    }
    const qsizetype width = fields.size();

    while (true) {
        skipBlank();
        if (pos >= text.size())
            break;
        const int recordLine = line;
        if (!readRecord(text, pos, line, &fields, &errorColumn)) {
            b.error(recordLine, errorColumn,
                    QStringLiteral("a quoted field is never closed: add the closing '\"' (the rest of the file was "
                                   "read as part of this field)"));
            break;
        }
        ++line;
        if (fields.size() != width) {
            b.error(recordLine, fields.size() > width ? fields[width].column : 1,
                    QStringLiteral("this row has %1 fields but the header has %2: quote fields that contain commas")
                        .arg(fields.size())
                        .arg(width));
            continue;
        }
        Student s;
        s.line = recordLine;
        auto at = [&](int k) { return index[k] >= 0 ? fields[index[k]].text : QString(); };
        auto col = [&](int k) { return index[k] >= 0 ? fields[index[k]].column : 0; };
        s.login = at(0);
        s.name = at(1);
        s.email = at(2);
        s.cohort = at(3);
        b.add(s, col(0), col(2), col(3), students);
    }
}

void parseYaml(const QByteArray &data, const QString &file, RosterBuilder &b, QList<Student> *students)
{
    YAML::Node root;
    try {
        root = YAML::Load(data.toStdString());
    } catch (const YAML::ParserException &e) {
        b.error(e.mark.line + 1, e.mark.column + 1,
                QStringLiteral("YAML syntax error: %1; check the indentation and quoting here")
                    .arg(QString::fromStdString(e.msg)));
        return;
    }
    YAML::Node list = root;
    if (root.IsMap() && root["students"].IsDefined())
        list = root["students"];
    if (root.IsNull() || (list.IsSequence() && list.size() == 0)) {
        b.error(0, 0, QStringLiteral("the roster is empty: list the students under 'students:', one map per student"));
        return;
    }
    if (!list.IsSequence()) {
        b.error(list.Mark().line + 1, list.Mark().column + 1,
                QStringLiteral("expected a list of students (or a map with a 'students' list), each with 'login', "
                               "'name', 'email' and 'cohort'"));
        return;
    }
    Q_UNUSED(file);
    for (const YAML::Node &item : list) {
        const int line = item.Mark().line + 1;
        const int column = item.Mark().column + 1;
        if (!item.IsMap()) {
            b.error(line, column, QStringLiteral("each student must be a map like '{login: octocat, name: ..., email: "
                                                 "..., cohort: ...}'"));
            continue;
        }
        Student s;
        s.line = line;
        bool ok = true;
        int columns[4] = {column, column, column, column};
        QString *targets[4] = {&s.login, &s.name, &s.email, &s.cohort};
        for (auto it = item.begin(); it != item.end(); ++it) {
            const QString key = QString::fromStdString(it->first.Scalar());
            const qsizetype k = kColumns.indexOf(key);
            if (k < 0) {
                b.report(Diagnostic::Severity::Warning, it->first.Mark().line + 1, it->first.Mark().column + 1,
                         QStringLiteral("unknown key '%1' is ignored (known keys: login, name, email, cohort)").arg(key));
                continue;
            }
            if (!it->second.IsScalar()) {
                b.error(it->second.Mark().line + 1, it->second.Mark().column + 1,
                        QStringLiteral("'%1' must be a single value").arg(key));
                ok = false;
                continue;
            }
            *targets[k] = QString::fromStdString(it->second.Scalar());
            columns[k] = it->second.Mark().column + 1;
            if (k == 0)
                s.line = it->second.Mark().line + 1;
        }
        if (ok)
            b.add(s, columns[0], columns[2], columns[3], students);
    }
}

} // namespace

bool Roster::isValidLogin(QStringView login)
{
    if (login.isEmpty() || login.size() > 39 || login.front() == u'-' || login.back() == u'-')
        return false;
    QChar previous;
    for (QChar c : login) {
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (!alnum && c != u'-')
            return false;
        if (c == u'-' && previous == u'-')
            return false;
        previous = c;
    }
    return true;
}

qsizetype Roster::indexOf(const QString &login) const
{
    for (qsizetype i = 0; i < m_students.size(); ++i) {
        if (m_students[i].login.compare(login, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

Roster Roster::parse(const QByteArray &data, const QString &file, Format format, Diagnostics *diagnostics)
{
    Roster roster;
    RosterBuilder builder(file, diagnostics);
    if (format == Format::Auto) {
        const QString suffix = QFileInfo(file).suffix().toLower();
        if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
            format = Format::Yaml;
        else
            format = Format::Csv;
    }
    if (format == Format::Yaml) {
        parseYaml(data, file, builder, &roster.m_students);
    } else {
        QString text = QString::fromUtf8(data);
        if (text.startsWith(QChar(0xFEFF))) // a byte-order mark, as spreadsheet exports write
            text.remove(0, 1);
        parseCsv(text, builder, &roster.m_students);
    }
    qCDebug(lcCourseRoster) << "loaded" << roster.size() << "students from" << file;
    return roster;
}

Roster Roster::load(const QString &path, Diagnostics *diagnostics)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (diagnostics) {
            diagnostics->append({Diagnostic::Severity::Error, path, 0, 0,
                                 QStringLiteral("cannot read the roster (%1): check the path and its permissions")
                                     .arg(f.errorString())});
        }
        return {};
    }
    return parse(f.readAll(), path, Format::Auto, diagnostics);
}

} // namespace course
