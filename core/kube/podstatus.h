#pragma once

#include "kube/podinfo.h"

#include <QString>

namespace kube {

// One row of `kubectl get pods` as kubectl 1.32 prints it (printPod).
struct PodPrint
{
    QString status; // STATUS: "Running", "CrashLoopBackOff", "Init:1/2", ...
    int ready = 0;
    int total = 0;     // containers plus sidecar init containers
    QString readyText; // READY: "1/2"
    int restarts = 0;
    qint64 lastRestartAt = 0; // latest lastState.terminated.finishedAt counted; 0 if none
    QString restartsText;     // RESTARTS: "0", "3", "3 (5m ago)"
};

PodPrint printPod(const PodInfo &pod, qint64 nowEpochSeconds);

// apimachinery's duration.HumanDuration, as kubectl prints AGE and "(5m ago)":
// "45s", "2m1s", "17m", "3h10m", "20h", "3d4h", "120d", "2y31d", "9y".
QString humanDuration(qint64 seconds);

} // namespace kube
