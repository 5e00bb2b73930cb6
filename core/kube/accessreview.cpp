#include "kube/accessreview.h"

#include "kube/kubeclient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

QByteArray AccessReview::requestBody(const QString &verb, const QString &group, const QString &resource,
                                     const QString &subresource, const QString &ns, const QString &name)
{
    QJsonObject attributes{{QStringLiteral("verb"), verb}, {QStringLiteral("resource"), resource}};
    // Empty fields are left out, as kubectl does: "" and absent mean the same to the server.
    if (!group.isEmpty())
        attributes.insert(QStringLiteral("group"), group);
    if (!subresource.isEmpty())
        attributes.insert(QStringLiteral("subresource"), subresource);
    if (!ns.isEmpty())
        attributes.insert(QStringLiteral("namespace"), ns);
    if (!name.isEmpty())
        attributes.insert(QStringLiteral("name"), name);
    const QJsonObject review{
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("resourceAttributes"), attributes}}}};
    return QJsonDocument(review).toJson(QJsonDocument::Compact);
}

AccessAnswer AccessReview::parseAnswer(const QByteArray &body)
{
    AccessAnswer a;
    const QJsonObject status =
        QJsonDocument::fromJson(body).object().value(QLatin1String("status")).toObject();
    a.allowed = status.value(QLatin1String("allowed")).toBool();
    a.denied = status.value(QLatin1String("denied")).toBool();
    a.reason = status.value(QLatin1String("reason")).toString();
    a.evaluationError = status.value(QLatin1String("evaluationError")).toString();
    a.status = ApiStatus::ok(201);
    return a;
}

void AccessReview::canI(KubeClient *client, const QString &verb, const QString &group,
                        const QString &resource, const QString &subresource, const QString &ns,
                        QObject *context, std::function<void(const AccessAnswer &)> done, const QString &name)
{
    client->create(QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
                   requestBody(verb, group, resource, subresource, ns, name), context,
                   [done](const ApiResult &r) {
                       if (!r.ok()) {
                           AccessAnswer a;
                           a.status = r.status;
                           done(a);
                           return;
                       }
                       done(parseAnswer(r.body));
                   });
}

} // namespace kube
