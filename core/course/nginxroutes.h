#pragma once

#include "course/courseconfig.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace course {

// Routing by subdomain with one nginx configuration (`routing: nginx`), as the
// course the project grew from did: a ConfigMap holding a `server` block per
// student (server_name <login>.<domain>, proxy_pass to the student's Service),
// for an nginx that includes it (mount the ConfigMap under
// /etc/nginx/conf.d/). The text is generated sorted by host, so the same
// students always give the same bytes, and it is read back from its own blocks,
// so the ConfigMap stays the one source of truth.
namespace nginx {

struct Route
{
    QString host;     // ana.apps.example.org
    QString upstream; // ana.students.svc.cluster.local:80
    friend bool operator==(const Route &, const Route &) = default;
};

QString configMapName(); // courseops-nginx
QString configKey();     // courseops.conf: the file name the mounted ConfigMap gives nginx

// The student's route: their Service (named like their Deployment) in `ns`.
Route routeFor(const CourseConfig &course, const QString &login, const QString &ns);

// The server blocks of a configuration render() wrote; anything else is ignored.
QList<Route> parse(const QString &config);
// One server block per host, sorted by host; a later route for a host replaces an earlier one.
QString render(const QList<Route> &routes);
// `routes` with `route` put in (replacing its host's old one).
QList<Route> withRoute(QList<Route> routes, const Route &route);

// A new ConfigMap holding `config`, to POST. An existing one is changed in
// place (its other keys and labels kept) and PUT with the resourceVersion read.
QJsonObject configMap(const CourseConfig &course, const QString &ns, const QString &config);

} // namespace nginx
} // namespace course
