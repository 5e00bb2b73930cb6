#include "seedjob.h"

#include "course/manifests.h"
#include "course/nginxroutes.h"
#include "github/githubrepos.h"
#include "kube/deploymentinfo.h"
#include "kube/kubeclient.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace course {

using State = JournalEntry::State;

namespace {

bool isNotFound(const kube::ApiStatus &status)
{
    return status.code == 404;
}

// Concurrent route steps each PUT the one nginx ConfigMap; one of every round
// of conflicting writers wins, so a few tries are enough for any concurrency
// the job runs at.
constexpr int kNginxAttempts = 12;

// The commit a Deployment's pods run (its template's courseops.io/commit).
QString deployedCommit(const QByteArray &deploymentJson)
{
    const QJsonObject d = QJsonDocument::fromJson(deploymentJson).object();
    return d[QLatin1String("spec")][QLatin1String("template")][QLatin1String("metadata")][QLatin1String("annotations")]
            [kube::kCommitAnnotation]
        .toString();
}

} // namespace

SeedJob::SeedJob(const CourseConfig &course, const Roster &roster, github::GithubRepos *github,
                 kube::KubeClient *kube, QObject *parent)
    : Job(parent)
    , m_course(course)
    , m_roster(roster)
    , m_github(github)
    , m_kube(kube)
{
    for (qsizetype i = 0; i < m_roster.students().size(); ++i)
        m_index.insert(m_roster.students().at(i).login.toLower(), i);
}

QStringList SeedJob::steps() const
{
    if (m_kubeOnly)
        return {stepDeployment(), stepService(), stepRoute()};
    return {stepRepository(), stepAccess(), stepDeployment(), stepService(), stepRoute()};
}

const Student *SeedJob::student(const QString &login) const
{
    const auto it = m_index.constFind(login.toLower());
    return it == m_index.cend() ? nullptr : &m_roster.students().at(*it);
}

QString SeedJob::namespaceOf(const QString &login) const
{
    return m_course.namespaceFor(int(m_index.value(login.toLower(), 0)));
}

QString SeedJob::repoOwner(const QString &login) const
{
    return m_course.repositoryOwner(login);
}

QString SeedJob::repoName(const QString &login) const
{
    return m_course.repositoryName(login);
}

QString SeedJob::nginxNamespace() const
{
    return m_course.namespaces.value(0, QStringLiteral("default"));
}

QString SeedJob::nginxPath() const
{
    return QStringLiteral("/api/v1/namespaces/%1/configmaps/%2").arg(nginxNamespace(), nginx::configMapName());
}

void SeedJob::findFork(const Student &s, ForkDone done)
{
    const QString owner = repoOwner(s.login);
    const QString name = repoName(s.login);
    m_github->getRepository(owner, name, this, [=, this](const github::GithubError &e, const github::Repository &repo) {
        if (e.kind == github::GithubError::Kind::NotFound)
            done(tr("%1/%2 does not exist: ask %1 to fork %3 into their account, keeping the name %2")
                     .arg(owner, name, m_course.templateRepo),
                 repo);
        else if (!e.isOk())
            done(e.message, repo);
        else if (!repo.isFork || repo.parentFullName.compare(m_course.templateRepo, Qt::CaseInsensitive) != 0)
            done(tr("%1 is not a fork of %2: ask %3 to rename it and fork %2").arg(repo.fullName, m_course.templateRepo,
                                                                                    s.login),
                 repo);
        else
            done({}, repo);
    });
}

double SeedJob::estimateSeconds(const JobPlan &plan) const
{
    int creations = 0;
    for (const PlanItem &item : plan.items) {
        // Content-creating GitHub requests: a new repository, an invitation.
        if (item.action == PlanItem::Action::Create && (item.step == stepRepository() || item.step == stepAccess()))
            ++creations;
    }
    return m_creationsPerMinute > 0 ? creations * 60.0 / m_creationsPerMinute : 0;
}

void SeedJob::kubeObject(const Student &s, const QString &step, QString *collection, QString *path,
                         QJsonObject *body) const
{
    const QString ns = namespaceOf(s.login);
    const QString name = manifests::objectName(s.login);
    if (step == stepService()) {
        *collection = QStringLiteral("/api/v1/namespaces/%1/services").arg(ns);
        if (body)
            *body = manifests::service(m_course, s, ns);
    } else if (step == stepRoute()) {
        *collection = QStringLiteral("/apis/networking.k8s.io/v1/namespaces/%1/ingresses").arg(ns);
        if (body)
            *body = manifests::ingress(m_course, s, ns);
    } else {
        *collection = QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(ns);
    }
    *path = *collection + u'/' + name;
}

void SeedJob::planStep(const QString &target, const QString &step, PlanDone done)
{
    const Student *s = student(target);
    if (!s) {
        done({PlanItem::Action::Blocked, target, step, tr("%1 is not in the roster").arg(target)});
        return;
    }
    const QString owner = repoOwner(s->login);
    const QString name = repoName(s->login);
    if (step == stepRepository() && m_course.repoMode == RepoMode::StudentAccounts) {
        findFork(*s, [=, this](const QString &problem, const github::Repository &fork) {
            if (problem.isEmpty())
                done({PlanItem::Action::Leave, target, step, tr("%1 is a fork of %2").arg(fork.fullName, m_course.templateRepo)});
            else
                done({PlanItem::Action::Blocked, target, step, problem});
        });
        return;
    }
    if (step == stepAccess() && m_course.repoMode == RepoMode::StudentAccounts) {
        done({PlanItem::Action::Leave, target, step, tr("%1 owns %1/%2").arg(s->login, name)});
        return;
    }
    if (step == stepRepository()) {
        m_github->getRepository(owner, name, this,
                                [=, this](const github::GithubError &e, const github::Repository &repo) {
                                    if (e.isOk())
                                        done({PlanItem::Action::Leave, target, step, tr("%1 exists").arg(repo.fullName)});
                                    else if (e.kind == github::GithubError::Kind::NotFound)
                                        done({PlanItem::Action::Create, target, step,
                                              tr("%1/%2 from %3").arg(owner, name, m_course.templateRepo)});
                                    else
                                        done({PlanItem::Action::Blocked, target, step, e.message});
                                });
        return;
    }
    if (step == stepAccess()) {
        const QString path = github::GithubRepos::repoPath(owner, name) + QStringLiteral("/collaborators/") + s->login;
        m_github->client()->get(path, this, [=](const github::GithubReply &reply) {
            if (reply.ok())
                done({PlanItem::Action::Leave, target, step, tr("%1 has access").arg(s->login)});
            else
                done({PlanItem::Action::Create, target, step, tr("invite %1 with push access").arg(s->login)});
        });
        return;
    }
    if (step == stepRoute() && m_course.routing == Routing::Nginx) {
        planNginxRoute(target, *s, done);
        return;
    }
    QString collection, path;
    kubeObject(*s, step, &collection, &path, nullptr);
    m_kube->get(path, this, [=, this](const kube::ApiResult &result) {
        if (result.ok() && m_kubeOnly && step == stepDeployment()) {
            const QString deployed = deployedCommit(result.body);
            head(*s, [=](const QString &error, const github::Repository &, const QString &commit) {
                if (!error.isEmpty())
                    done({PlanItem::Action::Blocked, target, step, error});
                else if (commit == deployed)
                    done({PlanItem::Action::Leave, target, step, tr("at %1").arg(commit.left(7))});
                else
                    done({PlanItem::Action::Change, target, step,
                          tr("%1 from %2 to %3").arg(path.section(u'/', -2), deployed.left(7), commit.left(7))});
            });
        } else if (result.ok())
            done({PlanItem::Action::Leave, target, step, tr("%1 exists").arg(path.section(u'/', -2))});
        else if (isNotFound(result.status))
            done({PlanItem::Action::Create, target, step, path.section(u'/', -2)});
        else
            done({PlanItem::Action::Blocked, target, step, result.status.message});
    });
}

void SeedJob::runStep(const QString &target, const QString &step, StepDone done)
{
    const Student *s = student(target);
    if (!s) {
        done(State::Failed, tr("%1 is not in the roster").arg(target));
        return;
    }
    if (step == stepRepository() && m_course.repoMode == RepoMode::StudentAccounts) {
        findFork(*s, [=, this](const QString &problem, const github::Repository &fork) {
            if (problem.isEmpty())
                done(State::Skipped, tr("%1 is a fork of %2").arg(fork.fullName, m_course.templateRepo));
            else
                done(State::Failed, problem);
        });
    } else if (step == stepAccess() && m_course.repoMode == RepoMode::StudentAccounts) {
        done(State::Skipped, tr("%1 owns %1/%2").arg(s->login, repoName(s->login)));
    } else if (step == stepRepository()) {
        runRepository(*s, done);
    } else if (step == stepAccess()) {
        m_github->addCollaborator(repoOwner(s->login), repoName(s->login), s->login, QStringLiteral("push"), this,
                                  [done, login = s->login](const github::GithubError &e, bool invited) {
                                      if (!e.isOk())
                                          done(State::Failed, e.message);
                                      else if (invited)
                                          done(State::Done, tr("invited %1").arg(login));
                                      else
                                          done(State::Skipped, tr("%1 already has access").arg(login));
                                  });
    } else if (step == stepDeployment()) {
        runDeployment(*s, done);
    } else if (step == stepRoute() && m_course.routing == Routing::Nginx) {
        runNginxRoute(*s, done);
    } else {
        runKubeObject(*s, step, done);
    }
}

void SeedJob::runRepository(const Student &s, StepDone done)
{
    const QString name = repoName(s.login);
    m_github->getRepository(repoOwner(s.login), name, this, [=, this](const github::GithubError &e, const github::Repository &repo) {
        if (e.isOk()) {
            done(State::Skipped, tr("%1 exists").arg(repo.fullName));
            return;
        }
        if (e.kind != github::GithubError::Kind::NotFound) {
            done(State::Failed, e.message);
            return;
        }
        const QString templateOwner = m_course.templateRepo.section(u'/', 0, 0);
        const QString templateName = m_course.templateRepo.section(u'/', 1);
        m_github->generateFromTemplate(templateOwner, templateName, repoOwner(s.login), name, m_course.privateRepos, this,
                                       [done](const github::GithubError &e, const github::Repository &made) {
                                           if (e.isOk())
                                               done(State::Done, tr("created %1").arg(made.fullName));
                                           else
                                               done(State::Failed, e.message);
                                       });
    });
}

void SeedJob::head(const Student &s, HeadDone done)
{
    m_github->getRepository(repoOwner(s.login), repoName(s.login), this,
                            [=, this](const github::GithubError &e, const github::Repository &repo) {
                                if (!e.isOk()) {
                                    done(e.kind == github::GithubError::Kind::NotFound && m_kubeOnly
                                             ? tr("%1/%2 does not exist: seed the student first")
                                                   .arg(repoOwner(s.login), repoName(s.login))
                                             : e.message,
                                         repo, {});
                                    return;
                                }
                                m_github->branchHead(repo.owner, repo.name, repo.defaultBranch, this,
                                                     [=](const github::GithubError &e, const QByteArray &commit) {
                                                         done(e.isOk() ? QString() : e.message, repo,
                                                              QString::fromLatin1(commit));
                                                     });
                            });
}

void SeedJob::runDeployment(const Student &s, StepDone done)
{
    QString collection, path;
    kubeObject(s, stepDeployment(), &collection, &path, nullptr);
    const QString name = manifests::objectName(s.login);
    m_kube->get(path, this, [=, this](const kube::ApiResult &existing) {
        if (existing.ok() && m_kubeOnly) {
            moveDeployment(s, path, deployedCommit(existing.body), done);
            return;
        }
        if (existing.ok()) {
            done(State::Skipped, tr("deployment %1 exists").arg(name));
            return;
        }
        if (!isNotFound(existing.status)) {
            done(State::Failed, existing.status.message);
            return;
        }
        // Pin the repository's head commit, so a redeploy is a deliberate act.
        head(s, [=, this](const QString &error, const github::Repository &repo, const QString &commit) {
            if (!error.isEmpty()) {
                done(State::Failed, error);
                return;
            }
            const QJsonObject body = manifests::deployment(m_course, s, namespaceOf(s.login), repo.cloneUrl, commit);
            m_kube->create(collection, QJsonDocument(body).toJson(QJsonDocument::Compact), this,
                           [=](const kube::ApiResult &r) {
                               if (r.ok())
                                   done(State::Done, tr("deployment %1 at %2").arg(name, commit.left(7)));
                               else if (r.status.code == 409)
                                   done(State::Skipped, tr("deployment %1 exists").arg(name));
                               else
                                   done(State::Failed, r.status.message);
                           });
        });
    });
}

void SeedJob::moveDeployment(const Student &s, const QString &path, const QString &deployed, StepDone done)
{
    const QString name = manifests::objectName(s.login);
    head(s, [=, this](const QString &error, const github::Repository &, const QString &commit) {
        if (!error.isEmpty()) {
            done(State::Failed, error);
            return;
        }
        if (commit == deployed) {
            done(State::Skipped, tr("deployment %1 is at %2").arg(name, commit.left(7)));
            return;
        }
        m_kube->patch(path, kube::PatchType::Strategic, manifests::redeployPatch(commit), this,
                      [=](const kube::ApiResult &r) {
                          if (r.ok())
                              done(State::Done, tr("deployment %1 moved from %2 to %3")
                                                    .arg(name, deployed.left(7), commit.left(7)));
                          else
                              done(State::Failed, r.status.message);
                      });
    });
}

void SeedJob::runKubeObject(const Student &s, const QString &step, StepDone done)
{
    QString collection, path;
    QJsonObject body;
    kubeObject(s, step, &collection, &path, &body);
    const QString what = path.section(u'/', -2);
    m_kube->get(path, this, [=, this](const kube::ApiResult &existing) {
        if (existing.ok()) {
            done(State::Skipped, tr("%1 exists").arg(what));
            return;
        }
        if (!isNotFound(existing.status)) {
            done(State::Failed, existing.status.message);
            return;
        }
        m_kube->create(collection, QJsonDocument(body).toJson(QJsonDocument::Compact), this, [=](const kube::ApiResult &r) {
            if (r.ok())
                done(State::Done, tr("created %1").arg(what));
            else if (r.status.code == 409) // made meanwhile by someone else, or by our own lost answer
                done(State::Skipped, tr("%1 exists").arg(what));
            else
                done(State::Failed, r.status.message);
        });
    });
}

void SeedJob::planNginxRoute(const QString &target, const Student &s, PlanDone done)
{
    const nginx::Route route = nginx::routeFor(m_course, s.login, namespaceOf(s.login));
    m_kube->get(nginxPath(), this, [=, this](const kube::ApiResult &existing) {
        const QString map = tr("configmap %1/%2").arg(nginxNamespace(), nginx::configMapName());
        if (isNotFound(existing.status)) {
            done({PlanItem::Action::Create, target, stepRoute(), tr("%1 with server %2").arg(map, route.host)});
            return;
        }
        if (!existing.ok()) {
            done({PlanItem::Action::Blocked, target, stepRoute(), existing.status.message});
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(existing.body).object();
        const QList<nginx::Route> routes =
            nginx::parse(object[QLatin1String("data")][nginx::configKey()].toString());
        if (routes.contains(route)) {
            done({PlanItem::Action::Leave, target, stepRoute(), tr("server %1 in %2").arg(route.host, map)});
            return;
        }
        const bool moved = std::any_of(routes.cbegin(), routes.cend(),
                                       [&](const nginx::Route &r) { return r.host == route.host; });
        done({PlanItem::Action::Change, target, stepRoute(),
              moved ? tr("server %1 to %2 in %3").arg(route.host, route.upstream, map)
                    : tr("add server %1 to %2").arg(route.host, map)});
    });
}

void SeedJob::runNginxRoute(const Student &s, StepDone done, int attempt)
{
    const nginx::Route route = nginx::routeFor(m_course, s.login, namespaceOf(s.login));
    const QString map = tr("configmap %1/%2").arg(nginxNamespace(), nginx::configMapName());
    auto again = [=, this] {
        if (attempt + 1 >= kNginxAttempts) {
            done(State::Failed, tr("%1 kept changing while adding server %2 (%3 tries): run the job again")
                                    .arg(map, route.host)
                                    .arg(kNginxAttempts));
            return;
        }
        // A little jitter, so the writers that lost this round do not collide again.
        QTimer::singleShot(QRandomGenerator::global()->bounded(20 + 20 * attempt), this,
                           [=, this] { runNginxRoute(s, done, attempt + 1); });
    };
    auto written = [=](const kube::ApiResult &r) {
        if (r.ok())
            done(State::Done, tr("server %1 in %2").arg(route.host, map));
        else if (r.status.code == 409) // another step wrote first: read its version and add ours to it
            again();
        else
            done(State::Failed, r.status.message);
    };
    m_kube->get(nginxPath(), this, [=, this](const kube::ApiResult &existing) {
        if (isNotFound(existing.status)) {
            const QJsonObject body = nginx::configMap(m_course, nginxNamespace(), nginx::render({route}));
            m_kube->create(nginxPath().section(u'/', 0, -2), QJsonDocument(body).toJson(QJsonDocument::Compact), this,
                           written);
            return;
        }
        if (!existing.ok()) {
            done(State::Failed, existing.status.message);
            return;
        }
        // Changed in place: the object as read keeps its resourceVersion (so a
        // write in between gets 409), its labels and any keys of its own.
        QJsonObject object = QJsonDocument::fromJson(existing.body).object();
        QJsonObject data = object[QLatin1String("data")].toObject();
        const QList<nginx::Route> routes = nginx::parse(data[nginx::configKey()].toString());
        if (routes.contains(route)) {
            done(State::Skipped, tr("server %1 is in %2").arg(route.host, map));
            return;
        }
        data.insert(nginx::configKey(), nginx::render(nginx::withRoute(routes, route)));
        object.insert(QStringLiteral("data"), data);
        m_kube->update(nginxPath(), QJsonDocument(object).toJson(QJsonDocument::Compact), this, written);
    });
}

} // namespace course
