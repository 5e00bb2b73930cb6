#include "headtracker.h"

#include "github/githubrepos.h"

#include <QTimer>

namespace course {

HeadTracker::HeadTracker(github::GithubRepos *repos, const CourseConfig &course, QObject *parent)
    : QObject(parent)
    , m_repos(repos)
    , m_course(course)
    , m_sweep(new QTimer(this))
{
    m_sweep->setInterval(60000);
    connect(m_sweep, &QTimer::timeout, this, [this] {
        m_sweeping = true;
        m_next = 0;
        pump();
    });
}

void HeadTracker::setStudents(const QStringList &logins)
{
    m_logins.clear();
    for (const QString &l : logins)
        m_logins << l.toLower();
    m_next = 0;
}

void HeadTracker::setInterval(int ms)
{
    m_sweep->setInterval(ms);
}

void HeadTracker::start()
{
    m_running = true;
    m_sweeping = true;
    m_next = 0;
    m_sweep->start();
    pump();
}

void HeadTracker::stop()
{
    m_running = false;
    m_sweep->stop();
}

void HeadTracker::want(const QString &login)
{
    const QString l = login.toLower();
    m_wanted.removeAll(l);
    m_wanted.prepend(l);
    pump();
}

void HeadTracker::pump()
{
    while (m_running && m_inFlight < m_concurrency) {
        QString login;
        if (!m_wanted.isEmpty()) {
            login = m_wanted.takeFirst();
        } else if (m_sweeping && m_next < m_logins.size()) {
            login = m_logins.at(m_next++);
        } else {
            m_sweeping = false;
            return;
        }
        read(login);
    }
}

void HeadTracker::read(const QString &login)
{
    ++m_inFlight;
    const QString owner = m_course.repositoryOwner(login);
    const QString name = m_course.repositoryName(login);
    m_repos->getRepository(owner, name, this, [this, login](const github::GithubError &e, const github::Repository &repo) {
        if (!e.isOk()) {
            --m_inFlight;
            if (e.kind == github::GithubError::Kind::Unauthorized || e.kind == github::GithubError::Kind::Forbidden)
                Q_EMIT problem(e.message);
            pump();
            return;
        }
        m_repos->branchHead(repo.owner, repo.name, repo.defaultBranch, this,
                            [this, login](const github::GithubError &e, const QByteArray &sha) {
                                --m_inFlight;
                                if (e.isOk()) {
                                    const QString commit = QString::fromLatin1(sha);
                                    if (m_heads.value(login) != commit) {
                                        m_heads.insert(login, commit);
                                        Q_EMIT headChanged(login, commit);
                                    }
                                }
                                pump();
                            });
    });
}

} // namespace course
