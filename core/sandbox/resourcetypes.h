#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sandbox {

// One kind of object the sandbox's API serves, with what discovery says of it.
struct ResourceType
{
    QString group;    // "" for the core group
    QString version;  // "v1"
    QString plural;   // "pods"
    QString singular; // "pod"
    QString kind;     // "Pod"
    bool namespaced = true;
    QStringList shortNames;
    QStringList verbs;
    QStringList categories;
    QStringList subresources;  // "status", "log", "exec", "scale"
    QStringList fieldSelectors; // beyond metadata.name and metadata.namespace
    bool listable = true;      // false for virtual kinds (reviews, metrics)

    QString groupVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    QString apiVersion() const { return groupVersion(); }
    QString listKind() const { return kind + QLatin1String("List"); }
    QString key() const { return group.isEmpty() ? plural : plural + u'.' + group; } // "deployments.apps"
};

// The kinds this sandbox serves, in discovery order.
const QList<ResourceType> &resourceTypes();
const ResourceType *findResourceType(QStringView groupVersion, QStringView plural);
const ResourceType *findResourceKind(QStringView kind);

} // namespace sandbox
