#pragma once

#include "course/diagnostic.h"

#include <QList>
#include <QString>

namespace course {

struct Student
{
    QString login;  // GitHub login, as written in the roster
    QString name;
    QString email;
    QString cohort; // used as a Kubernetes label value, so it follows label rules
    int line = 0;   // where the student stands in the roster file
};

// Loads a roster from CSV (header: login,name,email,cohort) or YAML (a list of
// maps with those keys, or a map with a 'students' list). A bad row is reported
// and skipped; every good row still loads.
class Roster
{
public:
    enum class Format { Auto, Csv, Yaml };

    static Roster parse(const QByteArray &data, const QString &file, Format format, Diagnostics *diagnostics);
    static Roster load(const QString &path, Diagnostics *diagnostics);

    const QList<Student> &students() const { return m_students; }
    qsizetype size() const { return m_students.size(); }
    qsizetype indexOf(const QString &login) const; // case-insensitive, as GitHub treats logins

    // GitHub's rule for user names: 1-39 characters, letters, digits and single
    // hyphens, not starting or ending with a hyphen.
    static bool isValidLogin(QStringView login);

private:
    QList<Student> m_students;
};

} // namespace course
