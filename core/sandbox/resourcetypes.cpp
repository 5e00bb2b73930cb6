#include "sandbox/resourcetypes.h"

namespace sandbox {

namespace {

QStringList allVerbs()
{
    return {QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
            QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("patch"), QStringLiteral("update"),
            QStringLiteral("watch")};
}

QList<ResourceType> makeTypes()
{
    const QString v1 = QStringLiteral("v1");
    QList<ResourceType> t;
    auto add = [&](QString group, QString version, QString plural, QString singular, QString kind, bool namespaced,
                   QStringList shortNames, QStringList subresources = {}, QStringList categories = {}) -> ResourceType & {
        ResourceType r;
        r.group = std::move(group);
        r.version = std::move(version);
        r.plural = std::move(plural);
        r.singular = std::move(singular);
        r.kind = std::move(kind);
        r.namespaced = namespaced;
        r.shortNames = std::move(shortNames);
        r.verbs = allVerbs();
        r.subresources = std::move(subresources);
        r.categories = std::move(categories);
        t.append(r);
        return t.last();
    };
    const QStringList all{QStringLiteral("all")};
    add({}, v1, QStringLiteral("namespaces"), QStringLiteral("namespace"), QStringLiteral("Namespace"), false,
        {QStringLiteral("ns")}, {QStringLiteral("status")})
        .fieldSelectors = {QStringLiteral("status.phase")};
    add({}, v1, QStringLiteral("nodes"), QStringLiteral("node"), QStringLiteral("Node"), false, {QStringLiteral("no")},
        {QStringLiteral("status")})
        .fieldSelectors = {QStringLiteral("spec.unschedulable")};
    add({}, v1, QStringLiteral("pods"), QStringLiteral("pod"), QStringLiteral("Pod"), true, {QStringLiteral("po")},
        {QStringLiteral("status"), QStringLiteral("log"), QStringLiteral("exec")}, all)
        .fieldSelectors = {QStringLiteral("spec.nodeName"), QStringLiteral("spec.restartPolicy"),
                           QStringLiteral("spec.schedulerName"), QStringLiteral("spec.serviceAccountName"),
                           QStringLiteral("status.phase"), QStringLiteral("status.podIP"),
                           QStringLiteral("status.nominatedNodeName")};
    add({}, v1, QStringLiteral("services"), QStringLiteral("service"), QStringLiteral("Service"), true,
        {QStringLiteral("svc")}, {QStringLiteral("status")}, all);
    add({}, v1, QStringLiteral("configmaps"), QStringLiteral("configmap"), QStringLiteral("ConfigMap"), true,
        {QStringLiteral("cm")});
    add({}, v1, QStringLiteral("secrets"), QStringLiteral("secret"), QStringLiteral("Secret"), true, {})
        .fieldSelectors = {QStringLiteral("type")};
    add({}, v1, QStringLiteral("events"), QStringLiteral("event"), QStringLiteral("Event"), true, {QStringLiteral("ev")})
        .fieldSelectors = {QStringLiteral("involvedObject.kind"), QStringLiteral("involvedObject.namespace"),
                           QStringLiteral("involvedObject.name"), QStringLiteral("involvedObject.uid"),
                           QStringLiteral("involvedObject.apiVersion"), QStringLiteral("involvedObject.resourceVersion"),
                           QStringLiteral("involvedObject.fieldPath"), QStringLiteral("reason"),
                           QStringLiteral("reportingComponent"), QStringLiteral("source"), QStringLiteral("type")};
    const QString apps = QStringLiteral("apps");
    add(apps, v1, QStringLiteral("deployments"), QStringLiteral("deployment"), QStringLiteral("Deployment"), true,
        {QStringLiteral("deploy")}, {QStringLiteral("status"), QStringLiteral("scale")}, all);
    add(apps, v1, QStringLiteral("replicasets"), QStringLiteral("replicaset"), QStringLiteral("ReplicaSet"), true,
        {QStringLiteral("rs")}, {QStringLiteral("status"), QStringLiteral("scale")}, all);
    add(QStringLiteral("networking.k8s.io"), v1, QStringLiteral("ingresses"), QStringLiteral("ingress"),
        QStringLiteral("Ingress"), true, {QStringLiteral("ing")}, {QStringLiteral("status")});

    const QStringList createOnly{QStringLiteral("create")};
    ResourceType &ssar = add(QStringLiteral("authorization.k8s.io"), v1, QStringLiteral("selfsubjectaccessreviews"),
                             QString(), QStringLiteral("SelfSubjectAccessReview"), false, {});
    ssar.verbs = createOnly;
    ssar.listable = false;
    ResourceType &ssrr = add(QStringLiteral("authorization.k8s.io"), v1, QStringLiteral("selfsubjectrulesreviews"),
                             QString(), QStringLiteral("SelfSubjectRulesReview"), false, {});
    ssrr.verbs = createOnly;
    ssrr.listable = false;

    const QStringList readOnly{QStringLiteral("get"), QStringLiteral("list")};
    ResourceType &nodeMetrics = add(QStringLiteral("metrics.k8s.io"), QStringLiteral("v1beta1"), QStringLiteral("nodes"),
                                    QString(), QStringLiteral("NodeMetrics"), false, {});
    nodeMetrics.verbs = readOnly;
    nodeMetrics.listable = false;
    ResourceType &podMetrics = add(QStringLiteral("metrics.k8s.io"), QStringLiteral("v1beta1"), QStringLiteral("pods"),
                                   QString(), QStringLiteral("PodMetrics"), true, {});
    podMetrics.verbs = readOnly;
    podMetrics.listable = false;
    return t;
}

} // namespace

const QList<ResourceType> &resourceTypes()
{
    static const QList<ResourceType> types = makeTypes();
    return types;
}

const ResourceType *findResourceType(QStringView groupVersion, QStringView plural)
{
    for (const ResourceType &t : resourceTypes()) {
        if (t.plural == plural && t.groupVersion() == groupVersion)
            return &t;
    }
    return nullptr;
}

const ResourceType *findResourceKind(QStringView kind)
{
    for (const ResourceType &t : resourceTypes()) {
        if (t.kind == kind && t.listable)
            return &t;
    }
    return nullptr;
}

} // namespace sandbox
