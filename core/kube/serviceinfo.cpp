#include "kube/serviceinfo.h"

#include "kube/jsonfields.h"

namespace kube {

using namespace kube::json;

QStringView ServiceInfo::label(QStringView key) const
{
    return labels.value(key);
}

bool parseService(element s, ServiceInfo *out)
{
    *out = ServiceInfo{};
    if (!readObjectMeta(s, "Service", out))
        return false;
    ServiceInfo &x = *out;
    const Field spec = s["spec"];
    x.selector = readLabels(spec["selector"]);
    if (x.selector.values == x.labels.values) // a Service usually selects by its own labels
        x.selector.values = x.labels.values;
    x.type = sharedString(text(spec["type"]));
    x.clusterIP = ownString(text(spec["clusterIP"]));
    array ports;
    if (!spec["ports"].get_array().get(ports)) {
        x.ports.reserve(qsizetype(ports.size()));
        for (element p : ports) {
            ServicePort port;
            port.name = sharedString(text(p["name"]));
            port.protocol = sharedString(text(p["protocol"]));
            port.port = qint32(int64(p["port"]));
            port.nodePort = qint32(int64(p["nodePort"]));
            int64_t number = 0;
            if (!p["targetPort"].get_int64().get(number))
                port.targetPort = sharedString(std::to_string(number));
            else
                port.targetPort = sharedString(text(p["targetPort"]));
            x.ports.append(port);
        }
        // A course's Services come from one template: services in a row with the
        // same ports share one list.
        thread_local QList<ServicePort> previous;
        if (x.ports == previous)
            x.ports = previous;
        else
            previous = x.ports;
    }
    return true;
}

std::optional<ServiceInfo> parseServiceJson(QByteArrayView json)
{
    return parseJsonWith(json, &parseService);
}

} // namespace kube
