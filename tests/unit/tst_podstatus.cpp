#include "kube/podinfo.h"
#include "kube/podstatus.h"

#include <QTest>
#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using kube::ContainerState;
using kube::PodInfo;
using kube::PodPhase;

class TestPodStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // STATUS, READY and RESTARTS as `kubectl get pods` (1.32) prints them. The
    // expectations follow kubectl's printPod rules, worked out by hand per row.
    void printPod_data();
    void printPod();
    void restartAge();
    void humanDuration_data();
    void humanDuration();
    void rfc3339_data();
    void rfc3339();
    // Every field the console reads survives the parse.
    void parserKeepsFields();
    void parserRejects_data();
    void parserRejects();
    // A list item has no kind, and missing sections read as empty.
    void parserAcceptsBarePod();
    // What one typical student pod costs in memory; 100,000 of them are kept.
    void memoryPerPod();

private:
    // glibc's chunk for a request: 8 bytes of header, 16-byte steps, 32 at least.
    static qsizetype mallocChunk(qsizetype bytes)
    {
        return std::max<qsizetype>(32, (bytes + 8 + 15) / 16 * 16);
    }
    // Heap a string costs this pod alone: nothing when static, empty or shared.
    static qsizetype ownHeap(const QString &s);
    template<typename T> static qsizetype listHeap(const QList<T> &list)
    {
        if (!list.isDetached())
            return 0;
        return mallocChunk(16 + list.capacity() * qsizetype(sizeof(T)));
    }
    static qsizetype ownHeap(const kube::ContainerStatus &c);
    static qsizetype ownHeap(const PodInfo &p);
};

// Everything moc need not read: it misreads raw string literals, and the
// fixtures are full of them.
#ifndef Q_MOC_RUN

namespace {

constexpr qint64 kNow = 1736942400; // 2025-01-15T12:00:00Z; every fixture is read at this moment

// A student's app pod as the API server returns it; rows vary spec, status and
// extra metadata (deletionTimestamp). Created at 10:00:00, two hours before kNow.
QByteArray pod(QByteArrayView spec, QByteArrayView status, QByteArrayView extraMetadata = {})
{
    QByteArray json = R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"app-octocat-6d8f7c9b5d-x2x4z",
                      "generateName":"app-octocat-6d8f7c9b5d-","namespace":"students",
                      "uid":"5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70","resourceVersion":"482113",
                      "creationTimestamp":"2025-01-15T10:00:00Z",
                      "labels":{"app":"app-octocat","courseops.io/course":"webapps101",
                      "courseops.io/student":"octocat","pod-template-hash":"6d8f7c9b5d"},
                      "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"app-octocat-6d8f7c9b5d",
                      "uid":"0b9e6c1d-2a3f-4e5d-8c7b-6a5f4e3d2c1b","controller":true,"blockOwnerDeletion":true}])";
    if (!extraMetadata.isEmpty())
        json += ',' + extraMetadata.toByteArray();
    json += R"(},"spec":)" + spec.toByteArray() + R"(,"status":)" + status.toByteArray() + '}';
    return json;
}

// The fixtures and the table below are JSON data laid out by hand.
// clang-format off
// One Node.js container, scheduled.
const QByteArray kAppSpec = R"({"containers":[{"name":"app","image":"node:20-alpine",
  "ports":[{"name":"http","containerPort":3000,"protocol":"TCP"}],
  "resources":{"limits":{"cpu":"250m","memory":"128Mi"},"requests":{"cpu":"50m","memory":"64Mi"}},
  "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],
  "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst",
  "serviceAccountName":"default","nodeName":"node-a","schedulerName":"default-scheduler","priority":0})";

const QByteArray kUnscheduledSpec = R"({"containers":[{"name":"app","image":"node:20-alpine",
  "resources":{"requests":{"cpu":"50m","memory":"64Mi"}},"imagePullPolicy":"IfNotPresent"}],
  "restartPolicy":"Always","schedulerName":"default-scheduler","priority":0})";

const QByteArray kGatedSpec = R"({"containers":[{"name":"app","image":"node:20-alpine","imagePullPolicy":"IfNotPresent"}],
  "restartPolicy":"Always","schedulingGates":[{"name":"courseops.io/quota"}],"schedulerName":"default-scheduler"})";

// A run-to-completion pod (restartPolicy Never), as a grading job would be.
const QByteArray kJobSpec = R"({"containers":[{"name":"grader","image":"ghcr.io/webapps101/grader:1.4",
  "imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Never","nodeName":"node-a"})";

// Two ordinary init containers: clone the student's repository, then migrate.
const QByteArray kInitSpec = R"({"initContainers":[
  {"name":"clone","image":"alpine/git:2.45.2","args":["clone","--depth=1","git@github.com:webapps101/octocat.git","/src"],"imagePullPolicy":"IfNotPresent"},
  {"name":"migrate","image":"node:20-alpine","command":["npm","run","migrate"],"imagePullPolicy":"IfNotPresent"}],
  "containers":[{"name":"app","image":"node:20-alpine","imagePullPolicy":"IfNotPresent"}],
  "restartPolicy":"Always","nodeName":"node-a"})";

// An ordinary init container, then a sidecar (restartPolicy: Always) proxy.
const QByteArray kSidecarSpec = R"({"initContainers":[
  {"name":"clone","image":"alpine/git:2.45.2","imagePullPolicy":"IfNotPresent"},
  {"name":"proxy","image":"envoyproxy/envoy:v1.31.0","restartPolicy":"Always","imagePullPolicy":"IfNotPresent"}],
  "containers":[{"name":"app","image":"node:20-alpine","imagePullPolicy":"IfNotPresent"}],
  "restartPolicy":"Always","nodeName":"node-a"})";

// The app and a log shipper.
const QByteArray kTwoContainerSpec = R"({"containers":[
  {"name":"app","image":"node:20-alpine","imagePullPolicy":"IfNotPresent"},
  {"name":"logger","image":"fluent/fluent-bit:3.1","imagePullPolicy":"IfNotPresent"}],
  "restartPolicy":"Always","nodeName":"node-a"})";

// The usual conditions of a scheduled pod: Initialized True, Ready False.
#define CONDITIONS_NOT_READY \
    R"("conditions":[)" \
    R"({"type":"PodReadyToStartContainers","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:03Z"},)" \
    R"({"type":"Initialized","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z"},)" \
    R"({"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"ContainersNotReady","message":"containers with unready status: [app]"},)" \
    R"({"type":"ContainersReady","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"ContainersNotReady","message":"containers with unready status: [app]"},)" \
    R"({"type":"PodScheduled","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z"}])"

#define CONDITIONS_READY \
    R"("conditions":[)" \
    R"({"type":"PodReadyToStartContainers","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:03Z"},)" \
    R"({"type":"Initialized","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z"},)" \
    R"({"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:09Z"},)" \
    R"({"type":"ContainersReady","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:09Z"},)" \
    R"({"type":"PodScheduled","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z"}])"

// Init containers still running: Initialized False.
#define CONDITIONS_INITIALIZING \
    R"("conditions":[)" \
    R"({"type":"PodReadyToStartContainers","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:03Z"},)" \
    R"({"type":"Initialized","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"ContainersNotInitialized","message":"containers with incomplete status: [clone migrate]"},)" \
    R"({"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"ContainersNotReady","message":"containers with unready status: [app]"},)" \
    R"({"type":"ContainersReady","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"ContainersNotReady","message":"containers with unready status: [app]"},)" \
    R"({"type":"PodScheduled","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z"}])"

#define HOST R"("hostIP":"10.0.0.11","hostIPs":[{"ip":"10.0.0.11"}],"startTime":"2025-01-15T10:00:00Z")"
#define POD_IP R"("podIP":"10.244.1.17","podIPs":[{"ip":"10.244.1.17"}])"

// Container statuses that many rows share.
#define APP_RUNNING_READY \
    R"({"name":"app","state":{"running":{"startedAt":"2025-01-15T10:00:05Z"}},"lastState":{},"ready":true,)" \
    R"("restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"docker.io/library/node@sha256:b5e1a4c5",)" \
    R"("containerID":"containerd://3f1c9a7e","started":true})"
#define APP_PODINITIALIZING \
    R"({"name":"app","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,)" \
    R"("image":"node:20-alpine","imageID":"","started":false})"
#define CLONE_COMPLETED \
    R"({"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:01Z",)" \
    R"("finishedAt":"2025-01-15T10:00:03Z","containerID":"containerd://a1b2c3d4"}},"lastState":{},"ready":true,)" \
    R"("restartCount":0,"image":"docker.io/alpine/git:2.45.2","imageID":"docker.io/alpine/git@sha256:77c1",)" \
    R"("containerID":"containerd://a1b2c3d4","started":false})"

// A student's app, up and serving: what most of the 100,000 pods look like.
const QByteArray kTypicalPod = pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
  "containerStatuses":[)" APP_RUNNING_READY R"(],"qosClass":"Burstable"})");

const QByteArray kCrashingPod = pod(kAppSpec, R"({"phase":"Running",
  "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff"}},
  "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2025-01-15T11:55:00Z"}},
  "ready":false,"restartCount":12,"image":"node:20-alpine"}]})");

const QByteArray kGatedPod = pod(kGatedSpec, R"({"phase":"Pending","reason":"",
  "conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]})");

// Every kind of field at once: sidecar, waiting, terminated with a signal, last
// state, an empty status image, deletion.
const QByteArray kParsedPod = pod(kSidecarSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
  "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"proxy","state":{"waiting":{"reason":"CrashLoopBackOff",
  "message":"back-off 20s restarting failed container=proxy"}},
  "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:57:00Z","finishedAt":"2025-01-15T11:58:00Z"}},
  "ready":false,"restartCount":2,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
  "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"signal":9,"reason":"OOMKilled",
  "message":"killed at 128Mi","startedAt":"2025-01-15T11:56:10Z","finishedAt":"2025-01-15T11:56:50Z"}},
  "lastState":{},"ready":false,"restartCount":0,"image":"","imageID":"","started":false}],"qosClass":"Burstable"})",
  R"("deletionTimestamp":"2025-01-15T12:00:30Z","deletionGracePeriodSeconds":30)");

} // namespace

void TestPodStatus::printPod_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("ready");
    QTest::addColumn<QString>("restarts");

    // Phase and status.reason start the text.
    QTest::newRow("pending, unschedulable")
        << pod(kUnscheduledSpec, R"({"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False",
           "lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"Unschedulable",
           "message":"0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."}],
           "qosClass":"Burstable"})")
        << u"Pending"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("scheduling gated")
        << pod(kGatedSpec, R"({"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False",
           "lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"SchedulingGated",
           "message":"Scheduling is blocked due to non-empty scheduling gates"}],"qosClass":"BestEffort"})")
        << u"SchedulingGated"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("unknown phase")
        << pod(kAppSpec, R"({"phase":"Unknown",)" HOST R"(})") << u"Unknown"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("evicted, no container statuses")
        << pod(kAppSpec, R"({"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory. Threshold quantity: 100Mi, available: 91Mi. Container app was using 120Mi, request is 64Mi, has larger consumption of memory.",)" HOST R"(})")
        << u"Evicted"_s << u"0/1"_s << u"0"_s;
    // Newer kubelets mark the evicted container terminated; its reason wins.
    QTest::newRow("evicted, container status unknown")
        << pod(kAppSpec, R"({"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory.",)" HOST R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"reason":"ContainerStatusUnknown",
           "message":"The container could not be located when the pod was terminated","startedAt":null,"finishedAt":null}},
           "lastState":{},"ready":false,"restartCount":0,"image":"node:20-alpine","imageID":"","started":false}]})")
        << u"ContainerStatusUnknown"_s << u"0/1"_s << u"0"_s;

    // Waiting reasons of the one container.
    QTest::newRow("ContainerCreating")
        << pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"ContainerCreating"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"node:20-alpine","imageID":"","started":false}],"qosClass":"Burstable"})")
        << u"ContainerCreating"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("ImagePullBackOff")
        << pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"ImagePullBackOff",
           "message":"Back-off pulling image \"node:99-alpine\""}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:99-alpine","imageID":"","started":false}]})")
        << u"ImagePullBackOff"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("ErrImagePull")
        << pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"ErrImagePull",
           "message":"rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/node:99-alpine\": not found"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"node:99-alpine","imageID":"","started":false}]})")
        << u"ErrImagePull"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("CreateContainerConfigError")
        << pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CreateContainerConfigError",
           "message":"secret \"db-credentials\" not found"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}]})")
        << u"CreateContainerConfigError"_s << u"0/1"_s << u"0"_s;
    // Last crash finished at 11:55:00, five minutes before now.
    QTest::newRow("CrashLoopBackOff with restarts")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"json(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff",
           "message":"back-off 5m0s restarting failed container=app pod=app-octocat-6d8f7c9b5d-x2x4z_students(5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70)"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:54:58Z",
           "finishedAt":"2025-01-15T11:55:00Z","containerID":"containerd://9d8e7f6a"}},"ready":false,"restartCount":12,
           "image":"docker.io/library/node:20-alpine","imageID":"docker.io/library/node@sha256:b5e1a4c5",
           "containerID":"containerd://9d8e7f6a","started":false}]})json")
        << u"CrashLoopBackOff"_s << u"0/1"_s << u"12 (5m ago)"_s;
    // Previous kill at 11:53:40: 6m20s ago.
    QTest::newRow("OOMKilled")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"reason":"OOMKilled",
           "startedAt":"2025-01-15T11:56:10Z","finishedAt":"2025-01-15T11:56:50Z","containerID":"containerd://5e4d"}},
           "lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled","startedAt":"2025-01-15T11:53:00Z",
           "finishedAt":"2025-01-15T11:53:40Z","containerID":"containerd://4d3c"}},"ready":false,"restartCount":3,
           "image":"docker.io/library/node:20-alpine","imageID":"docker.io/library/node@sha256:b5e1a4c5",
           "containerID":"containerd://5e4d","started":false}]})")
        << u"OOMKilled"_s << u"0/1"_s << u"3 (6m20s ago)"_s;
    QTest::newRow("restarts without a last state")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2025-01-15T10:20:00Z"}},"lastState":{},
           "ready":true,"restartCount":2,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}]})")
        << u"Running"_s << u"1/1"_s << u"2"_s;

    // Terminated containers.
    QTest::newRow("Error")
        << pod(kJobSpec, R"({"phase":"Failed",)" HOST "," POD_IP R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:00:40Z","containerID":"containerd://7a6b"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"ghcr.io/webapps101/grader:1.4","imageID":"ghcr.io/webapps101/grader@sha256:12ab",
           "containerID":"containerd://7a6b","started":false}]})")
        << u"Error"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("Completed")
        << pod(kJobSpec, R"({"phase":"Succeeded",)" HOST "," POD_IP R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:01:10Z","containerID":"containerd://7a6b"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})")
        << u"Completed"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("exit code without reason")
        << pod(kJobSpec, R"({"phase":"Failed",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":2,"startedAt":"2025-01-15T10:00:02Z","finishedAt":"2025-01-15T10:00:05Z"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})")
        << u"ExitCode:2"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("signal without reason")
        << pod(kJobSpec, R"({"phase":"Failed",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":143,"signal":15,"startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:00:05Z"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})")
        << u"Signal:15"_s << u"0/1"_s << u"0"_s;

    // Running, ready or not.
    QTest::newRow("Running 1/1")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(],"qosClass":"Burstable"})")
        << u"Running"_s << u"1/1"_s << u"0"_s;
    QTest::newRow("Running but unready 0/1")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2025-01-15T10:00:05Z"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}]})")
        << u"Running"_s << u"0/1"_s << u"0"_s;
    // Servers omit unset states; a null one reads as absent too, as in Go.
    QTest::newRow("null states read as absent")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":null,"running":{"startedAt":"2025-01-15T10:00:05Z"},"terminated":null},
           "lastState":{"terminated":null},"ready":true,"restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}]})")
        << u"Running"_s << u"1/1"_s << u"0"_s;
    QTest::newRow("Running 2/2")
        << pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(,{"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},
           "lastState":{},"ready":true,"restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})")
        << u"Running"_s << u"2/2"_s << u"0"_s;
    // Restarts add up; the latest finish (11:50:00) gives the age.
    QTest::newRow("restarts summed over containers")
        << pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2025-01-15T11:00:01Z"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/library/node:20-alpine","imageID":"","started":true},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T11:50:02Z"}},
           "lastState":{"terminated":{"exitCode":139,"reason":"Error","startedAt":"2025-01-15T11:20:00Z","finishedAt":"2025-01-15T11:50:00Z"}},
           "ready":true,"restartCount":2,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})")
        << u"Running"_s << u"2/2"_s << u"3 (10m ago)"_s;

    // Several containers: walked last to first, so the first with a state wins.
    QTest::newRow("one of two crash-looping")
        << pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"json(,{"name":"logger","state":{"waiting":{"reason":"CrashLoopBackOff",
           "message":"back-off 2m40s restarting failed container=logger pod=app-octocat-6d8f7c9b5d-x2x4z_students(5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70)"}},
           "lastState":{"terminated":{"exitCode":255,"reason":"Error","startedAt":"2025-01-15T11:59:14Z","finishedAt":"2025-01-15T11:59:15Z"}},
           "ready":false,"restartCount":7,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":false}]})json")
        << u"CrashLoopBackOff"_s << u"1/2"_s << u"7 (45s ago)"_s;
    QTest::newRow("first container's reason wins")
        << pod(kTwoContainerSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST R"(,"containerStatuses":[
           {"name":"app","state":{"waiting":{"reason":"ErrImagePull","message":"manifest unknown"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"node:99-alpine","imageID":"","started":false},
           {"name":"logger","state":{"waiting":{"reason":"ContainerCreating"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"fluent/fluent-bit:3.1","imageID":"","started":false}]})")
        << u"ErrImagePull"_s << u"0/2"_s << u"0"_s;
    // app finished, logger still serving: Completed turns into NotReady or Running.
    QTest::newRow("Completed next to a running container, pod not ready")
        << pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},"lastState":{},"ready":true,
           "restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})")
        << u"NotReady"_s << u"1/2"_s << u"0"_s;
    QTest::newRow("Completed next to a running container, pod ready")
        << pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},"lastState":{},"ready":true,
           "restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})")
        << u"Running"_s << u"1/2"_s << u"0"_s;
    // Only a ready running container counts as still running.
    QTest::newRow("Completed next to an unready running container")
        << pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})")
        << u"Completed"_s << u"0/2"_s << u"0"_s;

    // Init containers.
    QTest::newRow("Init:0/2")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"running":{"startedAt":"2025-01-15T10:00:01Z"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":true},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:0/2"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("Init:1/2")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"migrate","state":{"running":{"startedAt":"2025-01-15T10:00:04Z"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:1/2"_s << u"0/1"_s << u"0"_s;
    // PodInitializing is no reason to show: the count is.
    QTest::newRow("init container waiting in PodInitializing")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:1/2"_s << u"0/1"_s << u"0"_s;
    // Init restarts count while initialising; the last ended at 11:58:30.
    QTest::newRow("Init:CrashLoopBackOff")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"json(,
           "initContainerStatuses":[{"name":"clone","state":{"waiting":{"reason":"CrashLoopBackOff",
           "message":"back-off 1m20s restarting failed container=clone pod=app-octocat-6d8f7c9b5d-x2x4z_students(5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70)"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T11:58:29Z","finishedAt":"2025-01-15T11:58:30Z"}},
           "ready":false,"restartCount":4,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)json" APP_PODINITIALIZING R"(]})")
        << u"Init:CrashLoopBackOff"_s << u"0/1"_s << u"4 (90s ago)"_s;
    QTest::newRow("Init:ImagePullBackOff")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[{"name":"clone","state":{"waiting":{"reason":"ImagePullBackOff",
           "message":"Back-off pulling image \"alpine/git:2.45.2\""}},"lastState":{},"ready":false,"restartCount":0,
           "image":"alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:ImagePullBackOff"_s << u"0/1"_s << u"0"_s;
    // Last failure ended 11:59:20, 40 s before now.
    QTest::newRow("Init:Error")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":128,"reason":"Error",
           "startedAt":"2025-01-15T11:59:58Z","finishedAt":"2025-01-15T11:59:59Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T11:59:19Z","finishedAt":"2025-01-15T11:59:20Z"}},
           "ready":false,"restartCount":2,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:Error"_s << u"0/1"_s << u"2 (40s ago)"_s;
    QTest::newRow("Init:ExitCode:1")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"migrate","state":{"terminated":{"exitCode":1,
           "startedAt":"2025-01-15T10:00:04Z","finishedAt":"2025-01-15T10:00:09Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:ExitCode:1"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("Init:Signal:9")
        << pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":137,"signal":9,
           "startedAt":"2025-01-15T10:00:01Z","finishedAt":"2025-01-15T10:00:30Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:Signal:9"_s << u"0/1"_s << u"0"_s;
    // Once initialised, ordinary init containers' restarts leave the sum.
    QTest::newRow("init restarts dropped once initialised")
        << pod(kInitSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:30Z","finishedAt":"2025-01-15T10:00:33Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T10:00:09Z","finishedAt":"2025-01-15T10:00:10Z"}},
           "ready":true,"restartCount":2,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:34Z",
           "finishedAt":"2025-01-15T10:00:40Z"}},"lastState":{},"ready":true,"restartCount":0,
           "image":"docker.io/library/node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_RUNNING_READY R"(]})")
        << u"Running"_s << u"1/1"_s << u"0"_s;

    // Sidecars: counted in READY and RESTARTS.
    // proxy restarted once, ending 10:00:30: 1h59m30s ago, which HumanDuration gives as 119m.
    QTest::newRow("sidecar running")
        << pod(kSidecarSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"proxy","state":{"running":{"startedAt":"2025-01-15T10:00:31Z"}},
           "lastState":{"terminated":{"exitCode":2,"reason":"Error","startedAt":"2025-01-15T10:00:04Z","finishedAt":"2025-01-15T10:00:30Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":true}],
           "containerStatuses":[)" APP_RUNNING_READY R"(]})")
        << u"Running"_s << u"2/2"_s << u"1 (119m ago)"_s;
    QTest::newRow("sidecar not started yet")
        << pod(kSidecarSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"proxy","state":{"running":{"startedAt":"2025-01-15T10:00:04Z"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:1/2"_s << u"0/2"_s << u"0"_s;
    // While initialising, every init restart counts: clone 1 (10:00:02) + proxy 3 (11:59:00).
    QTest::newRow("sidecar crash-looping during init")
        << pod(kSidecarSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T10:00:07Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T10:00:01Z","finishedAt":"2025-01-15T10:00:02Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"proxy","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s restarting failed container=proxy"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:58:59Z","finishedAt":"2025-01-15T11:59:00Z"}},
           "ready":false,"restartCount":3,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})")
        << u"Init:CrashLoopBackOff"_s << u"0/2"_s << u"4 (60s ago)"_s;
    // Initialised, then the sidecar crashes: the init reason stays, the app
    // still counts as ready, and only the sidecar's restarts (11:58:00) count.
    QTest::newRow("sidecar crash-looping after init")
        << pod(kSidecarSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:21Z","finishedAt":"2025-01-15T10:00:23Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T10:00:19Z","finishedAt":"2025-01-15T10:00:20Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"proxy","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 20s restarting failed container=proxy"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:57:00Z","finishedAt":"2025-01-15T11:58:00Z"}},
           "ready":false,"restartCount":2,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
           "containerStatuses":[)" APP_RUNNING_READY R"(]})")
        << u"Init:CrashLoopBackOff"_s << u"1/2"_s << u"2 (2m ago)"_s;

    // Deletion.
    QTest::newRow("Terminating")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,"containerStatuses":[)" APP_RUNNING_READY R"(]})",
               R"("deletionTimestamp":"2025-01-15T12:00:30Z","deletionGracePeriodSeconds":30)")
        << u"Terminating"_s << u"1/1"_s << u"0"_s;
    QTest::newRow("Terminating while crash-looping")
        << pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 2m40s"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:56:58Z","finishedAt":"2025-01-15T11:57:00Z"}},
           "ready":false,"restartCount":4,"image":"docker.io/library/node:20-alpine","imageID":"","started":false}]})",
               R"("deletionTimestamp":"2025-01-15T12:00:30Z","deletionGracePeriodSeconds":30)")
        << u"Terminating"_s << u"0/1"_s << u"4 (3m ago)"_s;
    QTest::newRow("deleted after success is not Terminating")
        << pod(kJobSpec, R"({"phase":"Succeeded",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:01:10Z"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})",
               R"("deletionTimestamp":"2025-01-15T11:59:50Z","deletionGracePeriodSeconds":0)")
        << u"Completed"_s << u"0/1"_s << u"0"_s;
    QTest::newRow("deleted after failure is not Terminating")
        << pod(kJobSpec, R"({"phase":"Failed",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:00:40Z"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})",
               R"("deletionTimestamp":"2025-01-15T11:59:50Z","deletionGracePeriodSeconds":0)")
        << u"Error"_s << u"0/1"_s << u"0"_s;
    // The node stopped reporting: its stale container status still says ready.
    QTest::newRow("NodeLost while deleting is Unknown")
        << pod(kAppSpec, R"({"phase":"Running","reason":"NodeLost","message":"Node node-a which was running pod app-octocat-6d8f7c9b5d-x2x4z is unresponsive",
           "conditions":[{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T11:50:00Z"}],)" HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(]})",
               R"("deletionTimestamp":"2025-01-15T11:55:00Z","deletionGracePeriodSeconds":30)")
        << u"Unknown"_s << u"1/1"_s << u"0"_s;
    QTest::newRow("NodeLost not deleting")
        << pod(kAppSpec, R"({"phase":"Running","reason":"NodeLost","message":"Node node-a which was running pod app-octocat-6d8f7c9b5d-x2x4z is unresponsive",
           "conditions":[{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T11:50:00Z"}],)" HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(]})")
        << u"NodeLost"_s << u"1/1"_s << u"0"_s;
}
// clang-format on

void TestPodStatus::printPod()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, status);
    QFETCH(QString, ready);
    QFETCH(QString, restarts);
    const std::optional<PodInfo> pod = kube::parsePodJson(json);
    QVERIFY2(pod, json.constData());
    const kube::PodPrint row = kube::printPod(*pod, kNow);
    QCOMPARE(row.status, status);
    QCOMPARE(row.readyText, ready);
    QCOMPARE(row.restartsText, restarts);
    QCOMPARE(QStringLiteral("%1/%2").arg(row.ready).arg(row.total), ready);
    QCOMPARE(QString::number(row.restarts), restarts.section(u' ', 0, 0));
}

void TestPodStatus::restartAge()
{
    // The counted time itself, for views that sort by it.
    const std::optional<PodInfo> crashing = kube::parsePodJson(kCrashingPod);
    QVERIFY(crashing);
    const kube::PodPrint row = kube::printPod(*crashing, kNow);
    QCOMPARE(row.restarts, 12);
    QCOMPARE(row.lastRestartAt, kNow - 300);
    // The same pod read later ages.
    QCOMPARE(kube::printPod(*crashing, kNow + 3 * 3600).restartsText, u"12 (3h5m ago)"_s);
}

void TestPodStatus::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    constexpr qint64 minute = 60, hour = 3600, day = 24 * hour, year = 365 * day;
    QTest::newRow("two seconds ahead") << qint64(-2) << u"<invalid>"_s;
    QTest::newRow("one second ahead") << qint64(-1) << u"0s"_s;
    QTest::newRow("now") << qint64(0) << u"0s"_s;
    QTest::newRow("1s") << qint64(1) << u"1s"_s;
    QTest::newRow("119s") << 2 * minute - 1 << u"119s"_s;
    QTest::newRow("2m") << 2 * minute << u"2m"_s;
    QTest::newRow("2m1s") << 2 * minute + 1 << u"2m1s"_s;
    QTest::newRow("9m59s") << 10 * minute - 1 << u"9m59s"_s;
    QTest::newRow("10m") << 10 * minute << u"10m"_s;
    QTest::newRow("10m59s drops seconds") << 10 * minute + 59 << u"10m"_s;
    QTest::newRow("179m") << 3 * hour - 1 << u"179m"_s;
    QTest::newRow("3h") << 3 * hour << u"3h"_s;
    QTest::newRow("3h1m") << 3 * hour + minute << u"3h1m"_s;
    QTest::newRow("7h59m") << 8 * hour - 1 << u"7h59m"_s;
    QTest::newRow("8h") << 8 * hour << u"8h"_s;
    QTest::newRow("8h59m drops minutes") << 9 * hour - 1 << u"8h"_s;
    QTest::newRow("47h") << 2 * day - 1 << u"47h"_s;
    QTest::newRow("2d") << 2 * day << u"2d"_s;
    QTest::newRow("2d1h") << 2 * day + hour << u"2d1h"_s;
    QTest::newRow("7d23h") << 8 * day - 1 << u"7d23h"_s;
    QTest::newRow("8d") << 8 * day << u"8d"_s;
    QTest::newRow("8d23h drops hours") << 9 * day - 1 << u"8d"_s;
    QTest::newRow("729d") << 2 * year - 1 << u"729d"_s;
    QTest::newRow("2y, no 0d") << 2 * year << u"2y"_s;
    QTest::newRow("2y0d under a day over") << 2 * year + 23 * hour << u"2y"_s;
    QTest::newRow("2y1d") << 2 * year + day << u"2y1d"_s;
    QTest::newRow("3y") << 3 * year << u"3y"_s;
    QTest::newRow("7y364d") << 8 * year - 1 << u"7y364d"_s;
    QTest::newRow("8y") << 8 * year << u"8y"_s;
    QTest::newRow("8y364d drops days") << 8 * year + 364 * day << u"8y"_s;
    QTest::newRow("9y") << 9 * year << u"9y"_s;
}

void TestPodStatus::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(kube::humanDuration(seconds), text);
}

void TestPodStatus::rfc3339_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("epoch");
    QTest::newRow("UTC") << QByteArray("2025-01-15T12:00:00Z") << kNow;
    QTest::newRow("epoch start") << QByteArray("1970-01-01T00:00:01Z") << qint64(1);
    QTest::newRow("fraction dropped") << QByteArray("2025-01-15T12:00:00.999999999Z") << kNow;
    QTest::newRow("east offset") << QByteArray("2025-01-15T14:30:00+02:30") << kNow;
    QTest::newRow("west offset") << QByteArray("2025-01-15T07:00:00-05:00") << kNow;
    QTest::newRow("lower case t and z") << QByteArray("2025-01-15t12:00:00z") << kNow;
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << qint64(1709164800);
    QTest::newRow("no leap day in 2023") << QByteArray("2023-02-29T00:00:00Z") << qint64(0);
    QTest::newRow("month 13") << QByteArray("2025-13-01T00:00:00Z") << qint64(0);
    QTest::newRow("hour 24") << QByteArray("2025-01-15T24:00:00Z") << qint64(0);
    QTest::newRow("no zone") << QByteArray("2025-01-15T12:00:00") << qint64(0);
    QTest::newRow("space for T") << QByteArray("2025-01-15 12:00:00Z") << qint64(0);
    QTest::newRow("empty fraction") << QByteArray("2025-01-15T12:00:00.Z") << qint64(0);
    QTest::newRow("short offset") << QByteArray("2025-01-15T12:00:00+02") << qint64(0);
    QTest::newRow("trailing text") << QByteArray("2025-01-15T12:00:00Zjunk") << qint64(0);
    QTest::newRow("date only") << QByteArray("2025-01-15") << qint64(0);
    QTest::newRow("empty") << QByteArray() << qint64(0);
}

void TestPodStatus::rfc3339()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, epoch);
    QCOMPARE(kube::parseRfc3339(std::string_view(text.constData(), size_t(text.size()))), epoch);
}

void TestPodStatus::parserKeepsFields()
{
    const std::optional<PodInfo> parsed = kube::parsePodJson(kParsedPod);
    QVERIFY(parsed);
    const PodInfo &p = *parsed;
    QCOMPARE(p.namespaceName, u"students"_s);
    QCOMPARE(p.name, u"app-octocat-6d8f7c9b5d-x2x4z"_s);
    QCOMPARE(p.uid.toString(QUuid::WithoutBraces), u"5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70"_s);
    QCOMPARE(p.resourceVersion, u"482113"_s);
    QCOMPARE(
        p.labels,
        u"app=app-octocat,courseops.io/course=webapps101,courseops.io/student=octocat,pod-template-hash=6d8f7c9b5d"_s);
    QCOMPARE(p.label(u"courseops.io/student").toString(), u"octocat"_s);
    QCOMPARE(p.label(u"app").toString(), u"app-octocat"_s);
    QCOMPARE(p.label(u"pod-template-hash").toString(), u"6d8f7c9b5d"_s);
    QVERIFY(p.label(u"courseops.io").isNull());
    QVERIFY(p.label(u"student").isNull());
    QCOMPARE(p.creationTimestamp, kNow - 2 * 3600);
    QCOMPARE(p.deletionTimestamp, kNow + 30);
    QCOMPARE(p.nodeName, u"node-a"_s);
    QVERIFY(p.phase == PodPhase::Running);
    QCOMPARE(kube::toString(p.phase), u"Running"_s);
    QVERIFY(p.reason.isEmpty());
    QVERIFY(!p.schedulingGated);
    QVERIFY(!p.readyCondition);
    QVERIFY(p.initializedCondition);
    QCOMPARE(p.containerCount, 1);

    QCOMPARE(p.initContainers.size(), 2);
    QCOMPARE(p.initContainers[0].name, u"clone"_s);
    QVERIFY(!p.initContainers[0].sidecar);
    QCOMPARE(p.initContainers[1].name, u"proxy"_s);
    QVERIFY(p.initContainers[1].sidecar);

    QCOMPARE(p.initContainerStatuses.size(), 2);
    const kube::ContainerStatus &clone = p.initContainerStatuses[0];
    QVERIFY(clone.state == ContainerState::Terminated);
    QCOMPARE(clone.reason, u"Completed"_s);
    QCOMPARE(clone.exitCode, 0);
    QCOMPARE(clone.finishedAt, kNow - 2 * 3600 + 3);
    QVERIFY(clone.ready);
    QVERIFY(!clone.hasLastTerminated);
    QCOMPARE(clone.image, u"docker.io/alpine/git:2.45.2"_s);
    const kube::ContainerStatus &proxy = p.initContainerStatuses[1];
    QCOMPARE(proxy.name, u"proxy"_s);
    QVERIFY(proxy.state == ContainerState::Waiting);
    QCOMPARE(proxy.reason, u"CrashLoopBackOff"_s);
    QCOMPARE(proxy.message, u"back-off 20s restarting failed container=proxy"_s);
    QCOMPARE(proxy.restartCount, 2);
    QVERIFY(proxy.hasLastTerminated);
    QCOMPARE(proxy.lastTerminatedReason, u"Error"_s);
    QCOMPARE(proxy.lastExitCode, 1);
    QCOMPARE(proxy.lastFinishedAt, kNow - 120);
    QVERIFY(!proxy.started);

    QCOMPARE(p.containerStatuses.size(), 1);
    const kube::ContainerStatus &app = p.containerStatuses[0];
    QCOMPARE(app.name, u"app"_s);
    QVERIFY(app.state == ContainerState::Terminated);
    QCOMPARE(app.reason, u"OOMKilled"_s);
    QCOMPARE(app.message, u"killed at 128Mi"_s);
    QCOMPARE(app.exitCode, 137);
    QCOMPARE(app.signal, 9);
    QCOMPARE(app.finishedAt, kNow - 190);
    // An empty status image falls back to the spec's.
    QCOMPARE(app.image, u"node:20-alpine"_s);

    const std::optional<PodInfo> running = kube::parsePodJson(kTypicalPod);
    QVERIFY(running);
    QVERIFY(running->containerStatuses[0].state == ContainerState::Running);
    QCOMPARE(running->containerStatuses[0].startedAt, kNow - 2 * 3600 + 5);
    QVERIFY(running->containerStatuses[0].started);
    QVERIFY(running->readyCondition);
    QCOMPARE(running->containerStatuses[0].image, u"docker.io/library/node:20-alpine"_s);

    const std::optional<PodInfo> gated = kube::parsePodJson(kGatedPod);
    QVERIFY(gated);
    QVERIFY(gated->schedulingGated);
    QVERIFY(gated->nodeName.isEmpty());
    QVERIFY(gated->phase == PodPhase::Pending);
}

void TestPodStatus::parserRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not JSON") << QByteArray("{\"kind\":\"Pod\",");
    QTest::newRow("array") << QByteArray(R"([{"metadata":{"name":"a"}}])");
    QTest::newRow("another kind") << QByteArray(
        R"({"kind":"Service","apiVersion":"v1","metadata":{"name":"app"}})");
    QTest::newRow("bookmark object") << QByteArray(
        R"({"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"482113"}})");
    QTest::newRow("name not a string") << QByteArray(R"({"metadata":{"name":7}})");
}

void TestPodStatus::parserRejects()
{
    QFETCH(QByteArray, json);
    QVERIFY(!kube::parsePodJson(json));
}

void TestPodStatus::parserAcceptsBarePod()
{
    const std::optional<PodInfo> p = kube::parsePodJson(R"({"metadata":{"name":"app-1"}})");
    QVERIFY(p);
    QCOMPARE(p->name, u"app-1"_s);
    QVERIFY(p->phase == PodPhase::None);
    QCOMPARE(kube::printPod(*p, kNow).status, QString());
    QCOMPARE(kube::printPod(*p, kNow).readyText, u"0/0"_s);
}

void TestPodStatus::memoryPerPod()
{
    const std::optional<PodInfo> first = kube::parsePodJson(kTypicalPod);
    QVERIFY(first);
    // Another pod shares namespace, node, image, container name and label keys.
    const std::optional<PodInfo> second = kube::parsePodJson(kTypicalPod);
    QVERIFY(second);
    QVERIFY(first->namespaceName.isSharedWith(second->namespaceName));
    QVERIFY(first->containerStatuses[0].image.isSharedWith(second->containerStatuses[0].image));
    QVERIFY(!first->name.isSharedWith(second->name));

    const qsizetype estimate = sizeof(PodInfo) + ownHeap(*first);
    qInfo("PodInfo: sizeof %zu bytes, ContainerStatus %zu; typical pod %lld bytes with its own heap",
          sizeof(PodInfo), sizeof(kube::ContainerStatus), qlonglong(estimate));
    QVERIFY2(estimate < 1024, qPrintable(QString::number(estimate)));

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
    // The same measured by the allocator over many pods, shared strings included.
    constexpr int count = 2000;
    QList<PodInfo> pods;
    pods.reserve(count);
    const size_t before = mallinfo2().uordblks;
    for (int i = 0; i < count; ++i)
        pods.append(*kube::parsePodJson(kTypicalPod));
    const size_t after = mallinfo2().uordblks;
    const qsizetype measured = qsizetype(sizeof(PodInfo) + (after - before) / count);
    qInfo("measured by malloc over %d pods: %lld bytes per pod", count, qlonglong(measured));
    QVERIFY2(measured < 1024, qPrintable(QString::number(measured)));
#endif
}

// Heap a string costs this pod alone: nothing when static, empty or shared.
qsizetype TestPodStatus::ownHeap(const QString &s)
{
    if (!s.isDetached())
        return 0;
    return mallocChunk(16 + (s.capacity() + 1) * qsizetype(sizeof(char16_t)));
}

qsizetype TestPodStatus::ownHeap(const kube::ContainerStatus &c)
{
    return ownHeap(c.name) + ownHeap(c.image) + ownHeap(c.reason) + ownHeap(c.message) +
           ownHeap(c.lastTerminatedReason);
}

qsizetype TestPodStatus::ownHeap(const PodInfo &p)
{
    qsizetype bytes = ownHeap(p.namespaceName) + ownHeap(p.name) + ownHeap(p.resourceVersion) +
                      ownHeap(p.nodeName) + ownHeap(p.reason) + ownHeap(p.labels);
    bytes += listHeap(p.initContainers) + listHeap(p.initContainerStatuses) + listHeap(p.containerStatuses);
    for (const kube::InitContainerSpec &spec : p.initContainers)
        bytes += ownHeap(spec.name);
    for (const kube::ContainerStatus &c : p.initContainerStatuses)
        bytes += ownHeap(c);
    for (const kube::ContainerStatus &c : p.containerStatuses)
        bytes += ownHeap(c);
    return bytes;
}

#endif // Q_MOC_RUN

QTEST_APPLESS_MAIN(TestPodStatus)
#include "tst_podstatus.moc"
