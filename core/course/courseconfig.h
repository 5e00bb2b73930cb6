#pragma once

#include "course/diagnostic.h"
#include "kube/quantity.h"

#include <QList>
#include <QMap>
#include <QString>

namespace course {

// How student repositories are made: generated into the course organisation,
// or forked by each student into their own account (see repositoryOwner()).
enum class RepoMode { Organization, StudentAccounts };

// How a student's subdomain reaches the app: an Ingress per student, or one
// nginx configuration listing every student (as the founding course did).
enum class Routing { Ingress, Nginx };

struct Resources
{
    kube::Quantity cpuRequest = kube::Quantity::fromMilli(50);
    kube::Quantity cpuLimit = kube::Quantity::fromMilli(250);
    kube::Quantity memoryRequest = kube::Quantity::fromMilli(64LL * 1024 * 1024 * 1000);
    kube::Quantity memoryLimit = kube::Quantity::fromMilli(128LL * 1024 * 1024 * 1000);
};

struct CourseConfig
{
    QString name;                   // "Full Stack Web Development 2026"
    QString id;                     // short slug used in labels: "fswd-2026"
    QString domain;                 // students are served at <login>.<domain>
    QStringList namespaces{QStringLiteral("students")};
    RepoMode repoMode = RepoMode::Organization;
    QString organization;           // GitHub organisation that owns the repos (Organization mode)
    QString templateRepo;           // "owner/name" of the template repository
    bool privateRepos = true;
    QString image = QStringLiteral("node:20-alpine");
    int port = 3000;
    Resources resources;
    QMap<QString, QString> labels;  // extra labels on every object we create
    Routing routing = Routing::Ingress;

    // Where a student's objects live: namespaces are filled round-robin by roster order.
    QString namespaceFor(int rosterIndex) const;
    QString urlFor(const QString &login) const;
    // Where a student's repository lives. Organization mode: <organization>/<login>.
    // Student-accounts mode: the student's own fork of the template, which keeps the
    // template's name (<login>/<template name>). GitHub forks only into the token's
    // own account or an organisation it belongs to, and moving a repository to a
    // user waits for that user to accept, so the student forks it themselves.
    QString repositoryOwner(const QString &login) const;
    QString repositoryName(const QString &login) const;

    // Parses YAML. Errors carry file, line and column; fields that fail keep their
    // defaults so the rest of the file still loads. `file` names the source in messages.
    static CourseConfig parse(const QByteArray &yaml, const QString &file, Diagnostics *diagnostics);
    static CourseConfig load(const QString &path, Diagnostics *diagnostics);
};

} // namespace course
