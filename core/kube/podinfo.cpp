#include "kube/podinfo.h"

#include <QDate>
#include <QHash>
#include <QMutex>
#include <simdjson.h>
#include <string>
#include <utility>
#include <vector>

namespace kube {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;
using Field = simdjson::simdjson_result<element>;

// Namespaces, node names, images, container names, label keys and reasons come
// from small sets shared by thousands of pods: keep one copy of each and let
// every PodInfo share it. The cap keeps an unusual cluster from growing the
// pool without end; past it strings are simply not shared.
QString sharedString(std::string_view utf8)
{
    if (utf8.empty())
        return {};
    constexpr qsizetype kMaxShared = 20000;
    static QMutex mutex;
    static QHash<QByteArray, QString> pool;
    const qsizetype size = qsizetype(utf8.size());
    QMutexLocker lock(&mutex);
    const auto it = pool.constFind(QByteArray::fromRawData(utf8.data(), size));
    if (it != pool.cend())
        return *it;
    QString value = QString::fromUtf8(utf8.data(), size);
    if (pool.size() < kMaxShared)
        pool.insert(QByteArray(utf8.data(), size), value);
    return value;
}

QString ownString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

// Field readers: a missing field or one of another type reads as empty/0/false,
// as Go's zero values do when kubectl decodes the same JSON.
std::string_view text(Field field)
{
    std::string_view value;
    return field.get_string().get(value) ? std::string_view() : value;
}

qint32 int32(Field field)
{
    int64_t value = 0;
    return field.get_int64().get(value) ? 0 : qint32(value);
}

bool boolean(Field field)
{
    bool value = false;
    return field.get_bool().get(value) ? false : value;
}

qint64 timestamp(Field field)
{
    return parseRfc3339(text(field));
}

// False when the field is missing, null or not an object, as a nil pointer in Go.
bool objectAt(Field field, object *out)
{
    return !field.get_object().get(*out);
}

PodPhase phaseFromText(std::string_view phase)
{
    if (phase == "Pending")
        return PodPhase::Pending;
    if (phase == "Running")
        return PodPhase::Running;
    if (phase == "Succeeded")
        return PodPhase::Succeeded;
    if (phase == "Failed")
        return PodPhase::Failed;
    if (phase == "Unknown")
        return PodPhase::Unknown;
    return PodPhase::None;
}

using SpecImages = std::vector<std::pair<std::string_view, std::string_view>>;

ContainerStatus readContainerStatus(element status, const SpecImages &specImages)
{
    ContainerStatus c;
    c.name = sharedString(text(status["name"]));
    std::string_view image = text(status["image"]);
    if (image.empty()) {
        const std::string_view name = text(status["name"]);
        for (const auto &[specName, specImage] : specImages) {
            if (specName == name) {
                image = specImage;
                break;
            }
        }
    }
    c.image = sharedString(image);
    c.ready = boolean(status["ready"]);
    c.started = boolean(status["started"]);
    c.restartCount = int32(status["restartCount"]);

    // Only one state is ever set; should a server set several, waiting wins,
    // as it does in kubectl's walk over the containers.
    object state;
    if (objectAt(status["state"], &state)) {
        object waiting;
        object running;
        object terminated;
        if (objectAt(state["waiting"], &waiting)) {
            c.state = ContainerState::Waiting;
            c.reason = sharedString(text(waiting["reason"]));
            c.message = ownString(text(waiting["message"]));
        } else if (objectAt(state["terminated"], &terminated)) {
            c.state = ContainerState::Terminated;
            c.reason = sharedString(text(terminated["reason"]));
            c.message = ownString(text(terminated["message"]));
            c.exitCode = int32(terminated["exitCode"]);
            c.signal = int32(terminated["signal"]);
            c.finishedAt = timestamp(terminated["finishedAt"]);
        } else if (objectAt(state["running"], &running)) {
            c.state = ContainerState::Running;
            c.startedAt = timestamp(running["startedAt"]);
        }
    }

    object last;
    if (objectAt(status["lastState"]["terminated"], &last)) {
        c.hasLastTerminated = true;
        c.lastTerminatedReason = sharedString(text(last["reason"]));
        c.lastExitCode = int32(last["exitCode"]);
        c.lastFinishedAt = timestamp(last["finishedAt"]);
    }
    return c;
}

QList<ContainerStatus> readContainerStatuses(Field statuses, const SpecImages &specImages)
{
    QList<ContainerStatus> result;
    array list;
    if (statuses.get_array().get(list))
        return result;
    result.reserve(qsizetype(list.size()));
    for (element status : list)
        result.append(readContainerStatus(status, specImages));
    return result;
}

SpecImages readSpecImages(Field containers)
{
    SpecImages images;
    array list;
    if (!containers.get_array().get(list)) {
        for (element container : list)
            images.emplace_back(text(container["name"]), text(container["image"]));
    }
    return images;
}

// Labels become one "k=v,k=v" string: one allocation instead of two per label.
QString readLabels(Field labels)
{
    object map;
    if (labels.get_object().get(map))
        return {};
    std::string flat;
    for (const auto &entry : map) {
        std::string_view value;
        if (entry.value.get_string().get(value))
            continue;
        const std::string_view key = entry.key;
        // Such labels fail the API server's validation; they would break the format.
        if (key.find_first_of(",=") != std::string_view::npos || value.find(',') != std::string_view::npos)
            continue;
        if (!flat.empty())
            flat += ',';
        flat.append(key).append(1, '=').append(value);
    }
    return ownString(flat);
}

// Reads "NN..." of exactly `width` digits at text[pos].
bool readDigits(std::string_view text, size_t pos, size_t width, int *value)
{
    if (pos + width > text.size())
        return false;
    int result = 0;
    for (size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        result = result * 10 + (text[i] - '0');
    }
    *value = result;
    return true;
}

} // namespace

QString toString(PodPhase phase)
{
    switch (phase) {
    case PodPhase::None:
        return {};
    case PodPhase::Pending:
        return QStringLiteral("Pending");
    case PodPhase::Running:
        return QStringLiteral("Running");
    case PodPhase::Succeeded:
        return QStringLiteral("Succeeded");
    case PodPhase::Failed:
        return QStringLiteral("Failed");
    case PodPhase::Unknown:
        return QStringLiteral("Unknown");
    }
    return {};
}

QStringView PodInfo::label(QStringView key) const
{
    for (const QStringView entry : QStringView(labels).tokenize(u',')) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals >= 0 && entry.first(equals) == key)
            return entry.sliced(equals + 1);
    }
    return {};
}

qint64 parseRfc3339(std::string_view text)
{
    // 2006-01-02T15:04:05[.999999999](Z|+07:00)
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || !readDigits(text, 0, 4, &year) || text[4] != '-' ||
        !readDigits(text, 5, 2, &month) || text[7] != '-' || !readDigits(text, 8, 2, &day) ||
        (text[10] != 'T' && text[10] != 't') || !readDigits(text, 11, 2, &hour) || text[13] != ':' ||
        !readDigits(text, 14, 2, &minute) || text[16] != ':' || !readDigits(text, 17, 2, &second))
        return 0;
    if (hour > 23 || minute > 59 || second > 59)
        return 0;
    const QDate date(year, month, day);
    if (!date.isValid())
        return 0;

    size_t pos = 19;
    if (text[pos] == '.') {
        ++pos;
        const size_t digitsStart = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
            ++pos;
        if (pos == digitsStart)
            return 0;
    }
    if (pos >= text.size())
        return 0;
    int offsetSeconds = 0;
    if (text[pos] == 'Z' || text[pos] == 'z') {
        ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
        int offsetHours = 0, offsetMinutes = 0;
        if (!readDigits(text, pos + 1, 2, &offsetHours) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
            !readDigits(text, pos + 4, 2, &offsetMinutes) || offsetHours > 23 || offsetMinutes > 59)
            return 0;
        offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60 * (text[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return 0;
    }
    if (pos != text.size())
        return 0;

    constexpr qint64 kUnixEpochJulianDay = 2440588; // 1970-01-01
    const qint64 days = date.toJulianDay() - kUnixEpochJulianDay;
    return days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
}

bool parsePod(element pod, PodInfo *out)
{
    *out = PodInfo{};
    if (!pod.is_object())
        return false;
    const std::string_view kind = text(pod["kind"]);
    if (!kind.empty() && kind != "Pod")
        return false;
    const std::string_view name = text(pod["metadata"]["name"]);
    if (name.empty())
        return false;

    PodInfo &p = *out;
    const Field metadata = pod["metadata"];
    p.name = ownString(name);
    p.namespaceName = sharedString(text(metadata["namespace"]));
    const std::string_view uid = text(metadata["uid"]);
    p.uid = QUuid::fromString(QLatin1String(uid.data(), qsizetype(uid.size())));
    p.resourceVersion = ownString(text(metadata["resourceVersion"]));
    p.labels = readLabels(metadata["labels"]);
    p.creationTimestamp = timestamp(metadata["creationTimestamp"]);
    p.deletionTimestamp = timestamp(metadata["deletionTimestamp"]);

    const Field spec = pod["spec"];
    p.nodeName = sharedString(text(spec["nodeName"]));
    array containers;
    if (!spec["containers"].get_array().get(containers))
        p.containerCount = qint32(containers.size());
    array initContainers;
    if (!spec["initContainers"].get_array().get(initContainers)) {
        p.initContainers.reserve(qsizetype(initContainers.size()));
        for (element container : initContainers)
            p.initContainers.append(
                {sharedString(text(container["name"])), text(container["restartPolicy"]) == "Always"});
    }

    const Field status = pod["status"];
    p.phase = phaseFromText(text(status["phase"]));
    p.reason = sharedString(text(status["reason"]));
    array conditions;
    if (!status["conditions"].get_array().get(conditions)) {
        bool sawInitialized = false;
        for (element condition : conditions) {
            const std::string_view type = text(condition["type"]);
            const bool isTrue = text(condition["status"]) == "True";
            if (type == "Ready" && isTrue)
                p.readyCondition = true;
            // kubectl reads only the first Initialized condition.
            if (type == "Initialized" && !sawInitialized) {
                sawInitialized = true;
                p.initializedCondition = isTrue;
            }
            if (type == "PodScheduled" && text(condition["reason"]) == "SchedulingGated")
                p.schedulingGated = true;
        }
    }
    p.initContainerStatuses =
        readContainerStatuses(status["initContainerStatuses"], readSpecImages(spec["initContainers"]));
    p.containerStatuses =
        readContainerStatuses(status["containerStatuses"], readSpecImages(spec["containers"]));
    return true;
}

std::optional<PodInfo> parsePodJson(QByteArrayView json)
{
    simdjson::dom::parser parser;
    element root;
    if (parser.parse(json.data(), size_t(json.size())).get(root))
        return std::nullopt;
    PodInfo pod;
    if (!parsePod(root, &pod))
        return std::nullopt;
    return pod;
}

} // namespace kube
