#include "kube/serviceinfo.h"

#include "kube/jsonfields.h"
#include "kube/podinfo.h"

namespace kube {

using namespace kube::json;

QStringView ServiceInfo::label(QStringView key) const
{
    return flatLabel(labels, key);
}

bool parseService(element s, ServiceInfo *out)
{
    *out = ServiceInfo{};
    if (!s.is_object())
        return false;
    const std::string_view kind = text(s["kind"]);
    if (!kind.empty() && kind != "Service")
        return false;
    const Field metadata = s["metadata"];
    const std::string_view name = text(metadata["name"]);
    if (name.empty())
        return false;
    ServiceInfo &x = *out;
    x.name = ownString(name);
    x.namespaceName = sharedString(text(metadata["namespace"]));
    x.uid = uuid(text(metadata["uid"]));
    x.resourceVersion = ownString(text(metadata["resourceVersion"]));
    x.labels = flatLabels(metadata["labels"]);
    x.creationTimestamp = parseRfc3339(text(metadata["creationTimestamp"]));
    const Field spec = s["spec"];
    x.selector = flatLabels(spec["selector"]);
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
    }
    return true;
}

std::optional<ServiceInfo> parseServiceJson(QByteArrayView json)
{
    simdjson::dom::parser parser;
    element root;
    if (parser.parse(json.data(), size_t(json.size())).get(root))
        return std::nullopt;
    ServiceInfo s;
    if (!parseService(root, &s))
        return std::nullopt;
    return s;
}

} // namespace kube
