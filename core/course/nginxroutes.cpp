#include "nginxroutes.h"

#include "course/manifests.h"

#include <QRegularExpression>
#include <algorithm>

namespace course::nginx {

QString configMapName()
{
    return QStringLiteral("courseops-nginx");
}

QString configKey()
{
    return QStringLiteral("courseops.conf");
}

Route routeFor(const CourseConfig &course, const QString &login, const QString &ns)
{
    const QString name = manifests::objectName(login);
    // The Service listens on 80 (manifests::service); its cluster DNS name
    // works from any namespace nginx runs in.
    return {name + u'.' + course.domain, name + u'.' + ns + QLatin1String(".svc.cluster.local:80")};
}

QList<Route> parse(const QString &config)
{
    // render()'s blocks: the server_name line, then the proxy_pass line.
    static const QRegularExpression block(
        QStringLiteral(R"(server\s*\{[^{}]*?server_name\s+([^\s;]+)\s*;[^{}]*location\s+/\s*\{[^{}]*?)"
                       R"(proxy_pass\s+http://([^\s;/]+)\s*;)"));
    QList<Route> routes;
    for (auto it = block.globalMatch(config); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        routes.append({m.captured(1), m.captured(2)});
    }
    return routes;
}

QList<Route> withRoute(QList<Route> routes, const Route &route)
{
    routes.removeIf([&](const Route &r) { return r.host == route.host; });
    routes.append(route);
    return routes;
}

QString render(const QList<Route> &routes)
{
    QList<Route> sorted;
    for (const Route &r : routes)
        sorted = withRoute(sorted, r);
    std::sort(sorted.begin(), sorted.end(), [](const Route &a, const Route &b) { return a.host < b.host; });
    QString text = QStringLiteral("# Written by CourseOps (routing: nginx): one server block per student.\n"
                                  "# Seeding rewrites this file; edits made here are lost.\n");
    for (const Route &r : sorted) {
        text += QLatin1String("\nserver {\n"
                              "    listen 80;\n"
                              "    server_name ") +
                r.host +
                QLatin1String(";\n"
                              "    location / {\n"
                              "        proxy_pass http://") +
                r.upstream +
                QLatin1String(";\n"
                              "        proxy_http_version 1.1;\n"
                              "        proxy_set_header Host $host;\n"
                              "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                              "        proxy_set_header X-Forwarded-Proto $scheme;\n"
                              "    }\n"
                              "}\n");
    }
    return text;
}

QJsonObject configMap(const CourseConfig &course, const QString &ns, const QString &config)
{
    QJsonObject labels;
    for (auto it = course.labels.cbegin(); it != course.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    labels.insert(QStringLiteral("app.kubernetes.io/name"), QStringLiteral("courseops-nginx"));
    labels.insert(QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("courseops"));
    const QJsonObject metadata{{QStringLiteral("name"), configMapName()},
                               {QStringLiteral("namespace"), ns},
                               {QStringLiteral("labels"), labels}};
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("data"), QJsonObject{{configKey(), config}}}};
}

} // namespace course::nginx
