#pragma once

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
};

// What the console keeps of one Service.
struct ServiceInfo
{
    QString namespaceName;
    QString name;
    QUuid uid;
    QString resourceVersion;
    QString labels;   // "k=v,k=v"
    QString selector; // spec.selector, "k=v,k=v"
    QString type;     // "ClusterIP", "NodePort", ...
    QString clusterIP;
    QList<ServicePort> ports;
    qint64 creationTimestamp = 0;

    QStringView label(QStringView key) const;
};

bool parseService(simdjson::dom::element service, ServiceInfo *out);
std::optional<ServiceInfo> parseServiceJson(QByteArrayView json);

} // namespace kube
