#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Pods in the shapes `kubectl get pods` must print, each with the STATUS,
// READY and RESTARTS that kubectl 1.32's printPod rules give for it, worked
// out by hand from those rules (not from our own output). Every timestamp is
// on 2025-01-15 and the expected text is read at kNow.
namespace podshapes {

constexpr qint64 kNow = 1736942400; // 2025-01-15T12:00:00Z

struct PodShape
{
    const char *tag;
    QByteArray json; // the whole Pod, as the API server returns it
    QString status;
    QString ready;
    QString restarts;
};

QList<PodShape> podShapes();

// Single pods the parser tests read.
extern const QByteArray kTypicalPod;  // a student's app, up and serving
extern const QByteArray kCrashingPod; // CrashLoopBackOff after 12 restarts
extern const QByteArray kGatedPod;    // held by a scheduling gate
extern const QByteArray kParsedPod;   // every kind of field at once

} // namespace podshapes
