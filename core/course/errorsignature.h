#pragma once

#include "kube/podinfo.h"

#include <QString>
#include <QStringView>

namespace course {

// A short, stable text naming what went wrong with a student's app, so that
// students with the same problem group together: "Cannot find module 'express'",
// "SyntaxError: Unexpected token", "OOMKilled", "ImagePullBackOff",
// "Insufficient memory", "CrashLoopBackOff (exit 1)". Empty when nothing is wrong.
struct ErrorSignature
{
    QString text;
    // Weak signatures ("CrashLoopBackOff (exit 1)", "Unschedulable") say only
    // that something fails; a strong one (the app's own error line, OOMKilled,
    // an image that cannot be pulled) says what. A weak one does not replace a
    // strong one seen earlier on the same pod.
    bool weak = false;

    bool isEmpty() const { return text.isEmpty(); }
};

// From a container state's reason and message (state.waiting or
// state.terminated, or lastState.terminated), with the exit code when it ended.
// `message` may be a termination message filled from the log tail
// (terminationMessagePolicy: FallbackToLogsOnError) or a FailedScheduling text.
ErrorSignature errorSignature(QStringView reason, QStringView message, int exitCode = 0);

// The error line of an app's output (a termination message or a log tail):
// the last uncaught JavaScript error ("TypeError: x is not a function"; plain
// "Error: " is dropped), else npm's complaint ("Missing script: \"start\"").
// Empty when there is none.
QString appErrorLine(QStringView log);

// "0/3 nodes are available: 3 Insufficient memory. preemption: ..." -> "Insufficient memory".
QString schedulingSignature(QStringView message);

// The pod's current problem as far as its status tells: the first container
// (init containers first) that is waiting or terminated with an error; an
// unscheduled pending pod is "Unschedulable".
ErrorSignature podErrorSignature(const kube::PodInfo &pod);

} // namespace course
