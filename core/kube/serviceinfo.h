#pragma once

#include "kube/labels.h"
#include "kube/resourceversion.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>

namespace simdjson::dom {
class element;
}

namespace kube {

struct ServicePort
{
    QString name;
    QString protocol;   // "TCP", "UDP", "SCTP"
    QString targetPort; // a number or a container port's name, as written
    qint32 port = 0;
    qint32 nodePort = 0;

    friend bool operator==(const ServicePort &a, const ServicePort &b)
    {
        return a.port == b.port && a.nodePort == b.nodePort && a.name == b.name && a.protocol == b.protocol &&
               a.targetPort == b.targetPort;
    }
};

// What the console keeps of one Service.
struct ServiceInfo
{
    QString namespaceName;
    QString name;
    QUuid uid;
    ResourceVersion resourceVersion;
    Labels labels;   // as PodInfo::labels
    Labels selector; // spec.selector; its values share the labels' when they are the same
    QString type;     // "ClusterIP", "NodePort", ...
    QString clusterIP;
    QList<ServicePort> ports;
    qint64 creationTimestamp = 0;

    QStringView label(QStringView key) const;
};

bool parseService(simdjson::dom::element service, ServiceInfo *out);
std::optional<ServiceInfo> parseServiceJson(QByteArrayView json);

} // namespace kube
