#include "kube/podinfo.h"

#include "kube/jsonfields.h"

#include <QDate>
#include <utility>
#include <vector>

namespace kube {

using namespace kube::json;

namespace {

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

// The pods of a course come from a few templates and start in waves, so pods
// next to each other in a list often report the very same containers (same
// states, same times to the second): such a pod shares the list of the one
// before it (`previous`, one per thread and list) instead of its own copy.
template<typename T> void shareWithPrevious(QList<T> *list, QList<T> *previous)
{
    if (*list == *previous)
        *list = *previous;
    else
        *previous = *list;
}

QList<ContainerStatus> readContainerStatuses(Field statuses, const SpecImages &specImages,
                                             QList<ContainerStatus> *previous)
{
    QList<ContainerStatus> result;
    array list;
    if (statuses.get_array().get(list))
        return result;
    result.reserve(qsizetype(list.size()));
    for (element status : list)
        result.append(readContainerStatus(status, specImages));
    shareWithPrevious(&result, previous);
    return result;
}

// The first lastState.terminated.message among the init and app containers.
std::string_view firstLastTerminatedMessage(Field status)
{
    for (const char *key : {"initContainerStatuses", "containerStatuses"}) {
        array list;
        if (status[key].get_array().get(list))
            continue;
        for (element container : list) {
            const std::string_view message = text(container["lastState"]["terminated"]["message"]);
            if (!message.empty())
                return message;
        }
    }
    return {};
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

bool operator==(const ContainerStatus &a, const ContainerStatus &b)
{
    return a.startedAt == b.startedAt && a.finishedAt == b.finishedAt &&
           a.lastFinishedAt == b.lastFinishedAt && a.restartCount == b.restartCount &&
           a.exitCode == b.exitCode && a.signal == b.signal && a.lastExitCode == b.lastExitCode &&
           a.state == b.state && a.ready == b.ready && a.started == b.started &&
           a.hasLastTerminated == b.hasLastTerminated && a.name == b.name && a.image == b.image &&
           a.reason == b.reason && a.message == b.message && a.lastTerminatedReason == b.lastTerminatedReason;
}

QStringView PodInfo::label(QStringView key) const
{
    return labels.value(key);
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
    if (!readObjectMeta(pod, "Pod", out))
        return false;
    PodInfo &p = *out;
    p.deletionTimestamp = timestamp(pod["metadata"]["deletionTimestamp"]);

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
        thread_local QList<InitContainerSpec> previous;
        shareWithPrevious(&p.initContainers, &previous);
    }

    const Field status = pod["status"];
    p.phase = phaseFromText(text(status["phase"]));
    p.reason = sharedString(text(status["reason"]));
    array conditions;
    std::string_view schedulingMessage;
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
            if (type == "PodScheduled" && !isTrue)
                schedulingMessage = text(condition["message"]);
        }
    }
    thread_local QList<ContainerStatus> previousInit;
    thread_local QList<ContainerStatus> previousApp;
    p.initContainerStatuses = readContainerStatuses(status["initContainerStatuses"],
                                                    readSpecImages(spec["initContainers"]), &previousInit);
    p.containerStatuses =
        readContainerStatuses(status["containerStatuses"], readSpecImages(spec["containers"]), &previousApp);
    p.problemMessage = ownString(firstLastTerminatedMessage(status));
    if (p.problemMessage.isEmpty() && p.nodeName.isEmpty())
        p.problemMessage = ownString(schedulingMessage);
    return true;
}

std::optional<PodInfo> parsePodJson(QByteArrayView json)
{
    return parseJsonWith(json, &parsePod);
}

} // namespace kube
