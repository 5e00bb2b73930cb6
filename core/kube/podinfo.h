#pragma once

#include "kube/labels.h"
#include "kube/resourceversion.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUuid>
#include <optional>
#include <string_view>

// Declared here so users of PodInfo need not compile simdjson's large header.
namespace simdjson::dom {
class element;
}

namespace kube {

enum class PodPhase : quint8 { None, Pending, Running, Succeeded, Failed, Unknown };

QString toString(PodPhase phase); // "Pending", ...; empty for None

// A container's state is one of waiting, running or terminated (the API allows
// only one), so reason/message serve whichever of waiting and terminated is set.
enum class ContainerState : quint8 { None, Waiting, Running, Terminated };

struct ContainerStatus
{
    QString name;
    QString image;
    QString reason;  // state.waiting.reason or state.terminated.reason
    QString message; // state.waiting.message or state.terminated.message
    QString lastTerminatedReason;
    qint64 startedAt = 0;      // state.running.startedAt, epoch seconds
    qint64 finishedAt = 0;     // state.terminated.finishedAt
    qint64 lastFinishedAt = 0; // lastState.terminated.finishedAt
    qint32 restartCount = 0;
    qint32 exitCode = 0;     // state.terminated.exitCode
    qint32 signal = 0;       // state.terminated.signal
    qint32 lastExitCode = 0; // lastState.terminated.exitCode
    ContainerState state = ContainerState::None;
    bool ready = false;
    bool started = false;
    bool hasLastTerminated = false; // lastState.terminated is present

    friend bool operator==(const ContainerStatus &a, const ContainerStatus &b);
    friend bool operator!=(const ContainerStatus &a, const ContainerStatus &b) { return !(a == b); }
};

struct InitContainerSpec
{
    QString name;
    bool sidecar = false; // restartPolicy: Always, a sidecar that keeps running

    friend bool operator==(const InitContainerSpec &a, const InitContainerSpec &b)
    {
        return a.sidecar == b.sidecar && a.name == b.name;
    }
};

// What the console keeps of one Pod. 100,000 of these stay in memory, so
// strings that repeat across pods (namespace, node, image, container names,
// label keys, reasons) are shared, and labels are one flat string.
struct PodInfo
{
    QString namespaceName;
    QString name;
    // The API server always sets a UUID; 16 bytes here instead of a 36-character
    // string. uid.toString(QUuid::WithoutBraces) gives the API's text back.
    QUuid uid;
    ResourceVersion resourceVersion; // .toString() for the text
    QString nodeName;
    QString reason; // status.reason, e.g. "Evicted", "NodeLost"
    // In API order; the keys are shared with every pod that has the same ones.
    // labels.toString() gives "key=value,key=value" as `kubectl get --show-labels` prints it.
    Labels labels;
    QList<InitContainerSpec> initContainers;
    QList<ContainerStatus> initContainerStatuses;
    QList<ContainerStatus> containerStatuses;
    qint64 creationTimestamp = 0; // epoch seconds
    qint64 deletionTimestamp = 0; // 0: not being deleted
    qint32 containerCount = 0;    // spec.containers, with or without a status yet
    PodPhase phase = PodPhase::None;
    bool schedulingGated = false;      // a PodScheduled condition has reason SchedulingGated
    bool readyCondition = false;       // a Ready condition has status True
    bool initializedCondition = false; // the Initialized condition has status True
    // Why the pod does not run, in the cluster's words; empty for most pods. The
    // first container's lastState.terminated.message (with FallbackToLogsOnError
    // the tail of the log that ended its last run), else, while the pod cannot be
    // scheduled, the PodScheduled condition's message ("0/3 nodes are available: ...").
    // One string per pod, not per container: 100,000 of these stay in memory.
    QString problemMessage;

    // The value of label `key`; a null view when the pod has no such label.
    QStringView label(QStringView key) const;
};

// Reads a Pod object (as in a list's items, a watch event's object or a GET).
// Returns false, leaving *out empty, when it is not a named Pod object.
bool parsePod(simdjson::dom::element pod, PodInfo *out);
std::optional<PodInfo> parsePodJson(QByteArrayView json);

// RFC 3339 date-time ("2025-01-15T12:00:00Z", "...T12:00:00.5+02:00") to epoch
// seconds, fractions dropped; 0 when the text is not such a time.
qint64 parseRfc3339(std::string_view text);

} // namespace kube
