#include "kube/podstatus.h"

#include <algorithm>

namespace kube {

namespace {

bool isSidecar(const PodInfo &pod, const QString &initContainerName)
{
    for (const InitContainerSpec &spec : pod.initContainers) {
        if (spec.name == initContainerName)
            return spec.sidecar;
    }
    return false;
}

// What kubectl shows for a terminated container that gave no reason.
QString exitText(const ContainerStatus &c)
{
    if (c.signal != 0)
        return QStringLiteral("Signal:%1").arg(c.signal);
    return QStringLiteral("ExitCode:%1").arg(c.exitCode);
}

} // namespace

PodPrint printPod(const PodInfo &pod, qint64 nowEpochSeconds)
{
    PodPrint row;
    QString status = pod.reason.isEmpty() ? toString(pod.phase) : pod.reason;
    if (pod.schedulingGated)
        status = QStringLiteral("SchedulingGated");

    row.total = pod.containerCount;
    for (const InitContainerSpec &spec : pod.initContainers) {
        if (spec.sidecar)
            ++row.total;
    }

    // Init containers in order, up to the first one not done. Restarts count
    // every init container seen, but once the pod is initialised only the
    // sidecars' restarts stay in the sum, so both tallies are kept.
    int restarts = 0;
    qint64 lastRestartAt = 0;
    int sidecarRestarts = 0;
    qint64 lastSidecarRestartAt = 0;
    bool initializing = false;
    for (qsizetype i = 0; i < pod.initContainerStatuses.size(); ++i) {
        const ContainerStatus &c = pod.initContainerStatuses[i];
        const bool sidecar = isSidecar(pod, c.name);
        restarts += c.restartCount;
        if (c.hasLastTerminated)
            lastRestartAt = std::max(lastRestartAt, c.lastFinishedAt);
        if (sidecar) {
            sidecarRestarts += c.restartCount;
            if (c.hasLastTerminated)
                lastSidecarRestartAt = std::max(lastSidecarRestartAt, c.lastFinishedAt);
        }

        if (c.state == ContainerState::Terminated && c.exitCode == 0)
            continue; // finished its work
        if (sidecar && c.started) {
            if (c.ready)
                ++row.ready;
            continue; // a started sidecar lets the next one begin
        }
        if (c.state == ContainerState::Terminated)
            status = u"Init:" + (c.reason.isEmpty() ? exitText(c) : c.reason);
        else if (c.state == ContainerState::Waiting && !c.reason.isEmpty() &&
                 c.reason != QLatin1String("PodInitializing"))
            status = u"Init:" + c.reason;
        else
            status = QStringLiteral("Init:%1/%2").arg(i).arg(pod.initContainers.size());
        initializing = true;
        break;
    }

    if (!initializing || pod.initializedCondition) {
        restarts = sidecarRestarts;
        lastRestartAt = lastSidecarRestartAt;
        // Last to first, each overwriting: the first container with a state to
        // tell wins.
        bool hasRunning = false;
        for (qsizetype i = pod.containerStatuses.size() - 1; i >= 0; --i) {
            const ContainerStatus &c = pod.containerStatuses[i];
            restarts += c.restartCount;
            if (c.hasLastTerminated)
                lastRestartAt = std::max(lastRestartAt, c.lastFinishedAt);
            if (c.state == ContainerState::Waiting && !c.reason.isEmpty()) {
                status = c.reason;
            } else if (c.state == ContainerState::Terminated) {
                status = c.reason.isEmpty() ? exitText(c) : c.reason;
            } else if (c.ready && c.state == ContainerState::Running) {
                hasRunning = true;
                ++row.ready;
            }
        }
        // A finished container next to one still serving is not "Completed".
        if (hasRunning && status == QLatin1String("Completed"))
            status = pod.readyCondition ? QStringLiteral("Running") : QStringLiteral("NotReady");
    }

    if (pod.deletionTimestamp != 0) {
        if (pod.reason == QLatin1String("NodeLost"))
            status = QStringLiteral("Unknown");
        else if (pod.phase != PodPhase::Succeeded && pod.phase != PodPhase::Failed)
            status = QStringLiteral("Terminating");
    }

    row.status = status;
    row.readyText = QStringLiteral("%1/%2").arg(row.ready).arg(row.total);
    row.restarts = restarts;
    row.lastRestartAt = lastRestartAt;
    if (restarts != 0 && lastRestartAt != 0)
        row.restartsText =
            QStringLiteral("%1 (%2 ago)").arg(restarts).arg(humanDuration(nowEpochSeconds - lastRestartAt));
    else
        row.restartsText = QString::number(restarts);
    return row;
}

QString humanDuration(qint64 seconds)
{
    // Up to a second in the future counts as now, to forgive clock skew.
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 2 * 60)
        return QStringLiteral("%1s").arg(seconds);

    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        if (seconds % 60 == 0)
            return QStringLiteral("%1m").arg(minutes);
        return QStringLiteral("%1m%2s").arg(minutes).arg(seconds % 60);
    }
    if (minutes < 3 * 60)
        return QStringLiteral("%1m").arg(minutes);

    const qint64 hours = seconds / 3600;
    if (hours < 8) {
        if (minutes % 60 == 0)
            return QStringLiteral("%1h").arg(hours);
        return QStringLiteral("%1h%2m").arg(hours).arg(minutes % 60);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 8 * 24) {
        if (hours % 24 == 0)
            return QStringLiteral("%1d").arg(hours / 24);
        return QStringLiteral("%1d%2h").arg(hours / 24).arg(hours % 24);
    }
    const qint64 days = hours / 24;
    if (hours < 2 * 365 * 24)
        return QStringLiteral("%1d").arg(days);
    if (hours < 8 * 365 * 24) {
        if (days % 365 == 0)
            return QStringLiteral("%1y").arg(days / 365);
        return QStringLiteral("%1y%2d").arg(days / 365).arg(days % 365);
    }
    return QStringLiteral("%1y").arg(days / 365);
}

} // namespace kube
