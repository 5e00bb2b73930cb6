#pragma once

#include "course/courseconfig.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QTimer;

namespace github {
class GithubRepos;
}

namespace course {

// Keeps each student repository's HEAD commit known, so the fleet table can
// say which deployments are behind. It reads one repository's branch head at
// a time, a few in flight, round-robin over the students, wanted ones
// (selected in the table) first. Repeated reads carry the ETag of the last
// answer, so an unchanged branch costs no API quota.
class HeadTracker : public QObject
{
    Q_OBJECT

public:
    // Each student's repository is where `course` says (CourseConfig::repositoryOwner/Name).
    HeadTracker(github::GithubRepos *repos, const CourseConfig &course, QObject *parent = nullptr);

    void setStudents(const QStringList &logins);
    void setInterval(int ms);                    // one sweep over all students at most this often
    void setConcurrency(int n) { m_concurrency = qMax(1, n); }
    void start();
    void stop();
    // Read this student's HEAD next (e.g. the row a TA just selected).
    void want(const QString &login);

    QString head(const QString &login) const { return m_heads.value(login.toLower()); }

Q_SIGNALS:
    void headChanged(const QString &login, const QString &commit);
    // A read failed for a reason that will not go away by itself (bad token, no access).
    void problem(const QString &message);

private:
    void pump();
    void read(const QString &login);

    github::GithubRepos *m_repos;
    CourseConfig m_course;
    QStringList m_logins;
    QStringList m_wanted;
    QHash<QString, QString> m_heads;
    QTimer *m_sweep = nullptr;
    qsizetype m_next = 0;
    int m_inFlight = 0;
    int m_concurrency = 2;
    bool m_running = false;
    bool m_sweeping = false;
};

} // namespace course
