#pragma once

#include "course/courseconfig.h"
#include "course/job.h"
#include "course/roster.h"

#include <QHash>
#include <memory>

namespace github {
class GithubRepos;
struct Repository;
}
namespace kube {
class KubeClient;
}

namespace course {

// Seeds a course from its roster, per student: the repository (generated from
// the template in the course organisation, or, in student-accounts mode, the
// fork the student made themselves, which is checked and never made: see
// CourseConfig::repositoryOwner), push access for the student, then the
// Deployment (cloning that repository at its head commit), the Service and the
// route (an Ingress, or the student's server block in the one nginx ConfigMap).
// Each step looks before it writes, so rerunning does nothing twice.
//
// With kubeOnly (`courseops-cli deploy`) it is the kube half alone, over
// repositories that exist: the Deployment, Service and route, and a
// Deployment at another commit than its repository's head is moved to the head.
class SeedJob : public Job
{
    Q_OBJECT

public:
    SeedJob(const CourseConfig &course, const Roster &roster, github::GithubRepos *github, kube::KubeClient *kube,
            QObject *parent = nullptr);

    QString kind() const override { return m_kubeOnly ? QStringLiteral("deploy") : QStringLiteral("seed"); }
    void setKubeOnly(bool on) { m_kubeOnly = on; }
    bool isKubeOnly() const { return m_kubeOnly; }
    QStringList steps() const override;
    void runStep(const QString &target, const QString &step, StepDone done) override;
    void planStep(const QString &target, const QString &step, PlanDone done) override;
    // Repository creations are content-creating requests: GitHub allows about
    // `creationsPerMinute` of them (80 by default).
    double estimateSeconds(const JobPlan &plan) const override;
    void setCreationsPerMinute(double perMinute) { m_creationsPerMinute = perMinute; }

    static QString stepRepository() { return QStringLiteral("repository"); }
    static QString stepAccess() { return QStringLiteral("access"); }
    static QString stepDeployment() { return QStringLiteral("deployment"); }
    static QString stepService() { return QStringLiteral("service"); }
    static QString stepRoute() { return QStringLiteral("route"); }

private:
    const Student *student(const QString &login) const;
    QString namespaceOf(const QString &login) const;
    QString repoOwner(const QString &login) const;
    QString repoName(const QString &login) const;
    // Student-accounts mode: the student's fork of the template; `problem` says
    // what to ask of the student when it is missing or is not such a fork.
    using ForkDone = std::function<void(const QString &problem, const github::Repository &fork)>;
    void findFork(const Student &s, ForkDone done);
    // Nginx routing: the ConfigMap every student's server block goes in.
    QString nginxNamespace() const;
    QString nginxPath() const;
    void planNginxRoute(const QString &target, const Student &s, PlanDone done);
    // Read, add the student's block, PUT with the resourceVersion read; a 409
    // (another step wrote first) starts over, so no step loses another's block.
    void runNginxRoute(const Student &s, StepDone done, int attempt = 0);
    void runRepository(const Student &s, StepDone done);
    void runDeployment(const Student &s, StepDone done);
    void moveDeployment(const Student &s, const QString &path, const QString &deployed, StepDone done);
    // The repository and its default branch's head commit.
    using HeadDone = std::function<void(const QString &error, const github::Repository &repo, const QString &head)>;
    void head(const Student &s, HeadDone done);
    void runKubeObject(const Student &s, const QString &step, StepDone done);
    void kubeObject(const Student &s, const QString &step, QString *collection, QString *path, QJsonObject *body) const;

    CourseConfig m_course;
    Roster m_roster;
    github::GithubRepos *m_github;
    kube::KubeClient *m_kube;
    QHash<QString, qsizetype> m_index; // login (lower case) -> roster position
    double m_creationsPerMinute = 80;
    bool m_kubeOnly = false;
};

} // namespace course
