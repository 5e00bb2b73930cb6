#include "sandbox/tables.h"

#include "kube/podstatus.h"

#include <QDateTime>
#include <QJsonDocument>

namespace sandbox {

namespace {

QJsonObject column(const char *name, const char *type, const char *description, int priority = 0,
                   const char *format = "")
{
    return {{QStringLiteral("name"), QLatin1String(name)},
            {QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("format"), QLatin1String(format)},
            {QStringLiteral("description"), QLatin1String(description)},
            {QStringLiteral("priority"), priority}};
}

QString str(const QJsonObject &o, const char *path)
{
    QJsonValue v = o;
    for (const QString &part : QString::fromLatin1(path).split(u'.'))
        v = v.toObject().value(part);
    return v.isString() ? v.toString() : (v.isDouble() ? QString::number(v.toInteger()) : QString());
}

qint64 num(const QJsonObject &o, const char *path)
{
    QJsonValue v = o;
    for (const QString &part : QString::fromLatin1(path).split(u'.'))
        v = v.toObject().value(part);
    return v.toInteger();
}

QString age(const QJsonObject &object, qint64 now)
{
    const QString created = str(object, "metadata.creationTimestamp");
    if (created.isEmpty())
        return QStringLiteral("<unknown>");
    const qint64 t = QDateTime::fromString(created, Qt::ISODate).toSecsSinceEpoch();
    return kube::humanDuration(now - t);
}

QString selectorText(const QJsonObject &matchLabels)
{
    QStringList parts;
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
        parts << it.key() + u'=' + it.value().toString();
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(u',');
}

QPair<QString, QString> containersAndImages(const QJsonObject &podSpec)
{
    QStringList names, images;
    for (const QJsonValue &c : podSpec.value(QStringLiteral("containers")).toArray()) {
        names << c[QStringLiteral("name")].toString();
        images << c[QStringLiteral("image")].toString();
    }
    return {names.join(u','), images.join(u',')};
}

QString servicePorts(const QJsonObject &spec)
{
    QStringList parts;
    for (const QJsonValue &p : spec.value(QStringLiteral("ports")).toArray()) {
        QString s = QString::number(p[QStringLiteral("port")].toInteger());
        if (p[QStringLiteral("nodePort")].toInteger() > 0)
            s += u':' + QString::number(p[QStringLiteral("nodePort")].toInteger());
        s += u'/' + p[QStringLiteral("protocol")].toString(QStringLiteral("TCP"));
        parts << s;
    }
    return parts.isEmpty() ? QStringLiteral("<none>") : parts.join(u',');
}

QString nodeStatus(const QJsonObject &node)
{
    QString ready = QStringLiteral("Unknown");
    for (const QJsonValue &c : node[QStringLiteral("status")][QStringLiteral("conditions")].toArray()) {
        if (c[QStringLiteral("type")].toString() == QLatin1String("Ready"))
            ready = c[QStringLiteral("status")].toString() == QLatin1String("True") ? QStringLiteral("Ready")
                                                                                   : QStringLiteral("NotReady");
    }
    if (node[QStringLiteral("spec")][QStringLiteral("unschedulable")].toBool())
        ready += QLatin1String(",SchedulingDisabled");
    return ready;
}

QString nodeRoles(const QJsonObject &node)
{
    QStringList roles;
    const QJsonObject labels = node[QStringLiteral("metadata")][QStringLiteral("labels")].toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        static const QString prefix = QStringLiteral("node-role.kubernetes.io/");
        if (it.key().startsWith(prefix))
            roles << it.key().mid(prefix.size());
    }
    return roles.isEmpty() ? QStringLiteral("<none>") : roles.join(u',');
}

QString nodeAddress(const QJsonObject &node, const char *type)
{
    for (const QJsonValue &a : node[QStringLiteral("status")][QStringLiteral("addresses")].toArray()) {
        if (a[QStringLiteral("type")].toString() == QLatin1String(type))
            return a[QStringLiteral("address")].toString();
    }
    return QStringLiteral("<none>");
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

} // namespace

QJsonArray tableColumns(const ResourceType &type)
{
    const char *nameDoc = "Name must be unique within a namespace.";
    const char *ageDoc = "CreationTimestamp is a timestamp representing the server time when this object was created.";
    const QString kind = type.kind;
    if (kind == QLatin1String("Pod"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
                column("Status", "string", "The aggregate status of the containers in this pod."),
                column("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
                column("Age", "string", ageDoc),
                column("IP", "string", "IP address allocated to the pod. Routable at least within the cluster.", 1),
                column("Node", "string", "NodeName is a request to schedule this pod onto a specific node.", 1),
                column("Nominated Node", "string", "nominatedNodeName is set when this pod preempts other pods on the node.", 1),
                column("Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod readiness.", 1)};
    if (kind == QLatin1String("Deployment"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Ready", "string", "Number of the pod with ready state"),
                column("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
                column("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
                column("Age", "string", ageDoc),
                column("Containers", "string", "Names of each container in the template.", 1),
                column("Images", "string", "Images referenced by each container in the template.", 1),
                column("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1)};
    if (kind == QLatin1String("ReplicaSet"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Desired", "integer", "Replicas is the number of desired replicas."),
                column("Current", "integer", "Replicas is the most recently observed number of replicas."),
                column("Ready", "integer", "The number of ready replicas for this replica set."),
                column("Age", "string", ageDoc),
                column("Containers", "string", "Names of each container in the template.", 1),
                column("Images", "string", "Images referenced by each container in the template.", 1),
                column("Selector", "string", "Selector is a label query over pods that should match the replica count.", 1)};
    if (kind == QLatin1String("Service"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Type", "string", "type determines how the Service is exposed."),
                column("Cluster-IP", "string", "clusterIP is the IP address of the service."),
                column("External-IP", "string", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
                column("Port(s)", "string", "The list of ports that are exposed by this service."),
                column("Age", "string", ageDoc),
                column("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1)};
    if (kind == QLatin1String("Node"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Status", "string", "The status of the node"),
                column("Roles", "string", "The roles of the node"),
                column("Age", "string", ageDoc),
                column("Version", "string", "Kubelet Version reported by the node."),
                column("Internal-IP", "string", "List of addresses reachable to the node.", 1),
                column("External-IP", "string", "List of addresses reachable to the node.", 1),
                column("OS-Image", "string", "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).", 1),
                column("Kernel-Version", "string", "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
                column("Container-Runtime", "string", "Container runtime version reported by the node.", 1)};
    if (kind == QLatin1String("Namespace"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Status", "string", "The status of the namespace"),
                column("Age", "string", ageDoc)};
    if (kind == QLatin1String("Event"))
        return {column("Last Seen", "string", "Time when last event occurred"),
                column("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future."),
                column("Reason", "string", "Reason is why the action was taken. It is human-readable. This field can have at most 128 characters."),
                column("Object", "string", "Object this event is about."),
                column("Subobject", "string", "Subobject this event is about.", 1),
                column("Source", "string", "Source component of this event.", 1),
                column("Message", "string", "A human-readable description of the status of this operation."),
                column("First Seen", "string", "Time when first event occurred.", 1),
                column("Count", "string", "Number of times this event has occurred.", 1),
                column("Name", "string", nameDoc, 1, "name")};
    if (kind == QLatin1String("ConfigMap"))
        return {column("Name", "string", nameDoc, 0, "name"), column("Data", "string", "Number of data items."),
                column("Age", "string", ageDoc)};
    if (kind == QLatin1String("Secret"))
        return {column("Name", "string", nameDoc, 0, "name"), column("Type", "string", "The type of the secret"),
                column("Data", "string", "Number of data items."), column("Age", "string", ageDoc)};
    if (kind == QLatin1String("Ingress"))
        return {column("Name", "string", nameDoc, 0, "name"),
                column("Class", "string", "The name of the IngressClass resource that should be used for ingress."),
                column("Hosts", "string", "Hosts that incoming requests are matched against before the ingress rule"),
                column("Address", "string", "Address is a list containing ingress points for the load-balancer"),
                column("Ports", "string", "Ports of TLS configurations that open"),
                column("Age", "string", ageDoc)};
    return {column("Name", "string", nameDoc, 0, "name"), column("Created At", "date", ageDoc)};
}

QJsonArray tableCells(const ResourceType &type, const QJsonObject &o, QByteArrayView json, qint64 now)
{
    const QString kind = type.kind;
    const QString name = str(o, "metadata.name");
    const QJsonObject spec = o.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = o.value(QStringLiteral("status")).toObject();
    if (kind == QLatin1String("Pod")) {
        const auto pod = kube::parsePodJson(json);
        const kube::PodPrint p = pod ? kube::printPod(*pod, now) : kube::PodPrint{};
        QString gates = QStringLiteral("<none>");
        const QJsonArray readinessGates = spec.value(QStringLiteral("readinessGates")).toArray();
        if (!readinessGates.isEmpty()) {
            int trueCount = 0;
            for (const QJsonValue &g : readinessGates) {
                for (const QJsonValue &c : status.value(QStringLiteral("conditions")).toArray()) {
                    if (c[QStringLiteral("type")] == g[QStringLiteral("conditionType")] &&
                        c[QStringLiteral("status")].toString() == QLatin1String("True"))
                        ++trueCount;
                }
            }
            gates = QStringLiteral("%1/%2").arg(trueCount).arg(readinessGates.size());
        }
        return {name,
                p.readyText,
                p.status,
                p.restartsText,
                age(o, now),
                orNone(str(o, "status.podIP")),
                orNone(str(o, "spec.nodeName")),
                orNone(str(o, "status.nominatedNodeName")),
                gates};
    }
    if (kind == QLatin1String("Deployment")) {
        const auto [containers, images] =
            containersAndImages(spec[QStringLiteral("template")][QStringLiteral("spec")].toObject());
        return {name,
                QStringLiteral("%1/%2").arg(status[QStringLiteral("readyReplicas")].toInteger())
                    .arg(spec.value(QStringLiteral("replicas")).toInteger(1)),
                status[QStringLiteral("updatedReplicas")].toInteger(),
                status[QStringLiteral("availableReplicas")].toInteger(),
                age(o, now),
                containers,
                images,
                selectorText(spec[QStringLiteral("selector")][QStringLiteral("matchLabels")].toObject())};
    }
    if (kind == QLatin1String("ReplicaSet")) {
        const auto [containers, images] =
            containersAndImages(spec[QStringLiteral("template")][QStringLiteral("spec")].toObject());
        return {name,
                spec.value(QStringLiteral("replicas")).toInteger(1),
                status[QStringLiteral("replicas")].toInteger(),
                status[QStringLiteral("readyReplicas")].toInteger(),
                age(o, now),
                containers,
                images,
                selectorText(spec[QStringLiteral("selector")][QStringLiteral("matchLabels")].toObject())};
    }
    if (kind == QLatin1String("Service")) {
        const QString svcType = spec.value(QStringLiteral("type")).toString(QStringLiteral("ClusterIP"));
        QString external = QStringLiteral("<none>");
        const QJsonArray ingress = status[QStringLiteral("loadBalancer")][QStringLiteral("ingress")].toArray();
        if (svcType == QLatin1String("LoadBalancer"))
            external = ingress.isEmpty() ? QStringLiteral("<pending>") : ingress.first()[QStringLiteral("ip")].toString();
        return {name,
                svcType,
                orNone(spec.value(QStringLiteral("clusterIP")).toString()),
                external,
                servicePorts(spec),
                age(o, now),
                selectorText(spec.value(QStringLiteral("selector")).toObject())};
    }
    if (kind == QLatin1String("Node")) {
        const QJsonObject info = status.value(QStringLiteral("nodeInfo")).toObject();
        return {name,
                nodeStatus(o),
                nodeRoles(o),
                age(o, now),
                info.value(QStringLiteral("kubeletVersion")).toString(),
                nodeAddress(o, "InternalIP"),
                nodeAddress(o, "ExternalIP"),
                info.value(QStringLiteral("osImage")).toString(),
                info.value(QStringLiteral("kernelVersion")).toString(),
                info.value(QStringLiteral("containerRuntimeVersion")).toString()};
    }
    if (kind == QLatin1String("Namespace"))
        return {name, status.value(QStringLiteral("phase")).toString(QStringLiteral("Active")), age(o, now)};
    if (kind == QLatin1String("Event")) {
        const QJsonObject involved = o.value(QStringLiteral("involvedObject")).toObject();
        const QString last = str(o, "lastTimestamp").isEmpty() ? str(o, "eventTime") : str(o, "lastTimestamp");
        auto since = [now](const QString &t) {
            return t.isEmpty() ? QStringLiteral("<unknown>")
                               : kube::humanDuration(now - QDateTime::fromString(t, Qt::ISODate).toSecsSinceEpoch());
        };
        const QString source = str(o, "source.component");
        return {since(last),
                o.value(QStringLiteral("type")).toString(),
                o.value(QStringLiteral("reason")).toString(),
                QString(involved.value(QStringLiteral("kind")).toString().toLower() + u'/' +
                        involved.value(QStringLiteral("name")).toString()),
                involved.value(QStringLiteral("fieldPath")).toString(),
                source.isEmpty() ? QString()
                                 : QString(source + (str(o, "source.host").isEmpty() ? QString()
                                                                                     : QString(u", " + str(o, "source.host")))),
                o.value(QStringLiteral("message")).toString(),
                since(str(o, "firstTimestamp")),
                QString::number(std::max<qint64>(1, num(o, "count"))),
                name};
    }
    if (kind == QLatin1String("Secret"))
        return {name, o.value(QStringLiteral("type")).toString(),
                QString::number(o.value(QStringLiteral("data")).toObject().size()), age(o, now)};
    if (kind == QLatin1String("ConfigMap"))
        return {name, QString::number(o.value(QStringLiteral("data")).toObject().size() +
                                      o.value(QStringLiteral("binaryData")).toObject().size()),
                age(o, now)};
    if (kind == QLatin1String("Ingress")) {
        QStringList hosts;
        for (const QJsonValue &r : spec.value(QStringLiteral("rules")).toArray())
            hosts << r[QStringLiteral("host")].toString(QStringLiteral("*"));
        return {name, orNone(spec.value(QStringLiteral("ingressClassName")).toString()),
                hosts.isEmpty() ? QStringLiteral("*") : hosts.join(u','), QString(),
                spec.contains(QStringLiteral("tls")) ? QStringLiteral("80, 443") : QStringLiteral("80"), age(o, now)};
    }
    return {name, str(o, "metadata.creationTimestamp")};
}

QJsonObject tableRow(const ResourceType &type, const QJsonObject &object, QByteArrayView json, IncludeObject include,
                     qint64 now)
{
    QJsonObject row{{QStringLiteral("cells"), tableCells(type, object, json, now)}};
    if (include == IncludeObject::Metadata) {
        row.insert(QStringLiteral("object"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                               {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                               {QStringLiteral("metadata"), object.value(QStringLiteral("metadata"))}});
    } else if (include == IncludeObject::Object) {
        row.insert(QStringLiteral("object"), object);
    }
    return row;
}

} // namespace sandbox
