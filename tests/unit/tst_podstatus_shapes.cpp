// The pod shapes of the STATUS/READY/RESTARTS table: shared by the unit test
// (tst_podstatus) and the kubectl comparison (tests/sandbox/tst_podstatus_kubectl).
#include "tst_podstatus_shapes.h"

using namespace Qt::StringLiterals;

namespace podshapes {

namespace {


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

} // namespace

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

QList<PodShape> podShapes()
{
    QList<PodShape> shapes;

    // Phase and status.reason start the text.
    shapes.append({"pending, unschedulable", pod(kUnscheduledSpec, R"({"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False",
           "lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"Unschedulable",
           "message":"0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."}],
           "qosClass":"Burstable"})"), u"Pending"_s, u"0/1"_s, u"0"_s});
    shapes.append({"scheduling gated", pod(kGatedSpec, R"({"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False",
           "lastProbeTime":null,"lastTransitionTime":"2025-01-15T10:00:00Z","reason":"SchedulingGated",
           "message":"Scheduling is blocked due to non-empty scheduling gates"}],"qosClass":"BestEffort"})"), u"SchedulingGated"_s, u"0/1"_s, u"0"_s});
    shapes.append({"unknown phase", pod(kAppSpec, R"({"phase":"Unknown",)" HOST R"(})"), u"Unknown"_s, u"0/1"_s, u"0"_s});
    shapes.append({"evicted, no container statuses", pod(kAppSpec, R"({"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory. Threshold quantity: 100Mi, available: 91Mi. Container app was using 120Mi, request is 64Mi, has larger consumption of memory.",)" HOST R"(})"), u"Evicted"_s, u"0/1"_s, u"0"_s});
    // Newer kubelets mark the evicted container terminated; its reason wins.
    shapes.append({"evicted, container status unknown", pod(kAppSpec, R"({"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory.",)" HOST R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"reason":"ContainerStatusUnknown",
           "message":"The container could not be located when the pod was terminated","startedAt":null,"finishedAt":null}},
           "lastState":{},"ready":false,"restartCount":0,"image":"node:20-alpine","imageID":"","started":false}]})"), u"ContainerStatusUnknown"_s, u"0/1"_s, u"0"_s});

    // Waiting reasons of the one container.
    shapes.append({"ContainerCreating", pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"ContainerCreating"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"node:20-alpine","imageID":"","started":false}],"qosClass":"Burstable"})"), u"ContainerCreating"_s, u"0/1"_s, u"0"_s});
    shapes.append({"ImagePullBackOff", pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"ImagePullBackOff",
           "message":"Back-off pulling image \"node:99-alpine\""}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:99-alpine","imageID":"","started":false}]})"), u"ImagePullBackOff"_s, u"0/1"_s, u"0"_s});
    shapes.append({"ErrImagePull", pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"ErrImagePull",
           "message":"rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/node:99-alpine\": not found"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"node:99-alpine","imageID":"","started":false}]})"), u"ErrImagePull"_s, u"0/1"_s, u"0"_s});
    shapes.append({"CreateContainerConfigError", pod(kAppSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CreateContainerConfigError",
           "message":"secret \"db-credentials\" not found"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}]})"), u"CreateContainerConfigError"_s, u"0/1"_s, u"0"_s});
    // Last crash finished at 11:55:00, five minutes before now.
    shapes.append({"CrashLoopBackOff with restarts", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"json(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff",
           "message":"back-off 5m0s restarting failed container=app pod=app-octocat-6d8f7c9b5d-x2x4z_students(5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70)"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:54:58Z",
           "finishedAt":"2025-01-15T11:55:00Z","containerID":"containerd://9d8e7f6a"}},"ready":false,"restartCount":12,
           "image":"docker.io/library/node:20-alpine","imageID":"docker.io/library/node@sha256:b5e1a4c5",
           "containerID":"containerd://9d8e7f6a","started":false}]})json"), u"CrashLoopBackOff"_s, u"0/1"_s, u"12 (5m ago)"_s});
    // Previous kill at 11:53:40: 6m20s ago.
    shapes.append({"OOMKilled", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"reason":"OOMKilled",
           "startedAt":"2025-01-15T11:56:10Z","finishedAt":"2025-01-15T11:56:50Z","containerID":"containerd://5e4d"}},
           "lastState":{"terminated":{"exitCode":137,"reason":"OOMKilled","startedAt":"2025-01-15T11:53:00Z",
           "finishedAt":"2025-01-15T11:53:40Z","containerID":"containerd://4d3c"}},"ready":false,"restartCount":3,
           "image":"docker.io/library/node:20-alpine","imageID":"docker.io/library/node@sha256:b5e1a4c5",
           "containerID":"containerd://5e4d","started":false}]})"), u"OOMKilled"_s, u"0/1"_s, u"3 (6m20s ago)"_s});
    shapes.append({"restarts without a last state", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2025-01-15T10:20:00Z"}},"lastState":{},
           "ready":true,"restartCount":2,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}]})"), u"Running"_s, u"1/1"_s, u"2"_s});

    // Terminated containers.
    shapes.append({"Error", pod(kJobSpec, R"({"phase":"Failed",)" HOST "," POD_IP R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:00:40Z","containerID":"containerd://7a6b"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"ghcr.io/webapps101/grader:1.4","imageID":"ghcr.io/webapps101/grader@sha256:12ab",
           "containerID":"containerd://7a6b","started":false}]})"), u"Error"_s, u"0/1"_s, u"0"_s});
    shapes.append({"Completed", pod(kJobSpec, R"({"phase":"Succeeded",)" HOST "," POD_IP R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:01:10Z","containerID":"containerd://7a6b"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})"), u"Completed"_s, u"0/1"_s, u"0"_s});
    shapes.append({"exit code without reason", pod(kJobSpec, R"({"phase":"Failed",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":2,"startedAt":"2025-01-15T10:00:02Z","finishedAt":"2025-01-15T10:00:05Z"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})"), u"ExitCode:2"_s, u"0/1"_s, u"0"_s});
    shapes.append({"signal without reason", pod(kJobSpec, R"({"phase":"Failed",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":143,"signal":15,"startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:00:05Z"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})"), u"Signal:15"_s, u"0/1"_s, u"0"_s});

    // Running, ready or not.
    shapes.append({"Running 1/1", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(],"qosClass":"Burstable"})"), u"Running"_s, u"1/1"_s, u"0"_s});
    shapes.append({"Running but unready 0/1", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2025-01-15T10:00:05Z"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}]})"), u"Running"_s, u"0/1"_s, u"0"_s});
    // Servers omit unset states; a null one reads as absent too, as in Go.
    shapes.append({"null states read as absent", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":null,"running":{"startedAt":"2025-01-15T10:00:05Z"},"terminated":null},
           "lastState":{"terminated":null},"ready":true,"restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}]})"), u"Running"_s, u"1/1"_s, u"0"_s});
    shapes.append({"Running 2/2", pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(,{"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},
           "lastState":{},"ready":true,"restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})"), u"Running"_s, u"2/2"_s, u"0"_s});
    // Restarts add up; the latest finish (11:50:00) gives the age.
    shapes.append({"restarts summed over containers", pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"running":{"startedAt":"2025-01-15T11:00:01Z"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/library/node:20-alpine","imageID":"","started":true},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T11:50:02Z"}},
           "lastState":{"terminated":{"exitCode":139,"reason":"Error","startedAt":"2025-01-15T11:20:00Z","finishedAt":"2025-01-15T11:50:00Z"}},
           "ready":true,"restartCount":2,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})"), u"Running"_s, u"2/2"_s, u"3 (10m ago)"_s});

    // Several containers: walked last to first, so the first with a state wins.
    shapes.append({"one of two crash-looping", pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"json(,{"name":"logger","state":{"waiting":{"reason":"CrashLoopBackOff",
           "message":"back-off 2m40s restarting failed container=logger pod=app-octocat-6d8f7c9b5d-x2x4z_students(5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70)"}},
           "lastState":{"terminated":{"exitCode":255,"reason":"Error","startedAt":"2025-01-15T11:59:14Z","finishedAt":"2025-01-15T11:59:15Z"}},
           "ready":false,"restartCount":7,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":false}]})json"), u"CrashLoopBackOff"_s, u"1/2"_s, u"7 (45s ago)"_s});
    shapes.append({"first container's reason wins", pod(kTwoContainerSpec, R"({"phase":"Pending",)" CONDITIONS_NOT_READY "," HOST R"(,"containerStatuses":[
           {"name":"app","state":{"waiting":{"reason":"ErrImagePull","message":"manifest unknown"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"node:99-alpine","imageID":"","started":false},
           {"name":"logger","state":{"waiting":{"reason":"ContainerCreating"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"fluent/fluent-bit:3.1","imageID":"","started":false}]})"), u"ErrImagePull"_s, u"0/2"_s, u"0"_s});
    // app finished, logger still serving: Completed turns into NotReady or Running.
    shapes.append({"Completed next to a running container, pod not ready", pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},"lastState":{},"ready":true,
           "restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})"), u"NotReady"_s, u"1/2"_s, u"0"_s});
    shapes.append({"Completed next to a running container, pod ready", pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},"lastState":{},"ready":true,
           "restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})"), u"Running"_s, u"1/2"_s, u"0"_s});
    // Only a ready running container counts as still running.
    shapes.append({"Completed next to an unready running container", pod(kTwoContainerSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T11:00:00Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false},
           {"name":"logger","state":{"running":{"startedAt":"2025-01-15T10:00:06Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/fluent/fluent-bit:3.1","imageID":"","started":true}]})"), u"Completed"_s, u"0/2"_s, u"0"_s});

    // Init containers.
    shapes.append({"Init:0/2", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"running":{"startedAt":"2025-01-15T10:00:01Z"}},"lastState":{},
           "ready":false,"restartCount":0,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":true},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:0/2"_s, u"0/1"_s, u"0"_s});
    shapes.append({"Init:1/2", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"migrate","state":{"running":{"startedAt":"2025-01-15T10:00:04Z"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":true}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:1/2"_s, u"0/1"_s, u"0"_s});
    // PodInitializing is no reason to show: the count is.
    shapes.append({"init container waiting in PodInitializing", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:1/2"_s, u"0/1"_s, u"0"_s});
    // Init restarts count while initialising; the last ended at 11:58:30.
    shapes.append({"Init:CrashLoopBackOff", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"json(,
           "initContainerStatuses":[{"name":"clone","state":{"waiting":{"reason":"CrashLoopBackOff",
           "message":"back-off 1m20s restarting failed container=clone pod=app-octocat-6d8f7c9b5d-x2x4z_students(5f0c2a3e-8d1b-4c7a-9e2f-1b3c4d5e6f70)"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T11:58:29Z","finishedAt":"2025-01-15T11:58:30Z"}},
           "ready":false,"restartCount":4,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)json" APP_PODINITIALIZING R"(]})"), u"Init:CrashLoopBackOff"_s, u"0/1"_s, u"4 (90s ago)"_s});
    shapes.append({"Init:ImagePullBackOff", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[{"name":"clone","state":{"waiting":{"reason":"ImagePullBackOff",
           "message":"Back-off pulling image \"alpine/git:2.45.2\""}},"lastState":{},"ready":false,"restartCount":0,
           "image":"alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:ImagePullBackOff"_s, u"0/1"_s, u"0"_s});
    // Last failure ended 11:59:20, 40 s before now.
    shapes.append({"Init:Error", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":128,"reason":"Error",
           "startedAt":"2025-01-15T11:59:58Z","finishedAt":"2025-01-15T11:59:59Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T11:59:19Z","finishedAt":"2025-01-15T11:59:20Z"}},
           "ready":false,"restartCount":2,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:Error"_s, u"0/1"_s, u"2 (40s ago)"_s});
    shapes.append({"Init:ExitCode:1", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"migrate","state":{"terminated":{"exitCode":1,
           "startedAt":"2025-01-15T10:00:04Z","finishedAt":"2025-01-15T10:00:09Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:ExitCode:1"_s, u"0/1"_s, u"0"_s});
    shapes.append({"Init:Signal:9", pod(kInitSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":137,"signal":9,
           "startedAt":"2025-01-15T10:00:01Z","finishedAt":"2025-01-15T10:00:30Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"waiting":{"reason":"PodInitializing"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:Signal:9"_s, u"0/1"_s, u"0"_s});
    // Once initialised, ordinary init containers' restarts leave the sum.
    shapes.append({"init restarts dropped once initialised", pod(kInitSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:30Z","finishedAt":"2025-01-15T10:00:33Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T10:00:09Z","finishedAt":"2025-01-15T10:00:10Z"}},
           "ready":true,"restartCount":2,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"migrate","state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:34Z",
           "finishedAt":"2025-01-15T10:00:40Z"}},"lastState":{},"ready":true,"restartCount":0,
           "image":"docker.io/library/node:20-alpine","imageID":"","started":false}],
           "containerStatuses":[)" APP_RUNNING_READY R"(]})"), u"Running"_s, u"1/1"_s, u"0"_s});

    // Sidecars: counted in READY and RESTARTS.
    // proxy restarted once, ending 10:00:30: 1h59m30s ago, which HumanDuration gives as 119m.
    shapes.append({"sidecar running", pod(kSidecarSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"proxy","state":{"running":{"startedAt":"2025-01-15T10:00:31Z"}},
           "lastState":{"terminated":{"exitCode":2,"reason":"Error","startedAt":"2025-01-15T10:00:04Z","finishedAt":"2025-01-15T10:00:30Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":true}],
           "containerStatuses":[)" APP_RUNNING_READY R"(]})"), u"Running"_s, u"2/2"_s, u"1 (119m ago)"_s});
    shapes.append({"sidecar not started yet", pod(kSidecarSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[)" CLONE_COMPLETED R"(,{"name":"proxy","state":{"running":{"startedAt":"2025-01-15T10:00:04Z"}},
           "lastState":{},"ready":false,"restartCount":0,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:1/2"_s, u"0/2"_s, u"0"_s});
    // While initialising, every init restart counts: clone 1 (10:00:02) + proxy 3 (11:59:00).
    shapes.append({"sidecar crash-looping during init", pod(kSidecarSpec, R"({"phase":"Pending",)" CONDITIONS_INITIALIZING "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:05Z","finishedAt":"2025-01-15T10:00:07Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T10:00:01Z","finishedAt":"2025-01-15T10:00:02Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"proxy","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 40s restarting failed container=proxy"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:58:59Z","finishedAt":"2025-01-15T11:59:00Z"}},
           "ready":false,"restartCount":3,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
           "containerStatuses":[)" APP_PODINITIALIZING R"(]})"), u"Init:CrashLoopBackOff"_s, u"0/2"_s, u"4 (60s ago)"_s});
    // Initialised, then the sidecar crashes: the init reason stays, the app
    // still counts as ready, and only the sidecar's restarts (11:58:00) count.
    shapes.append({"sidecar crash-looping after init", pod(kSidecarSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "initContainerStatuses":[{"name":"clone","state":{"terminated":{"exitCode":0,"reason":"Completed",
           "startedAt":"2025-01-15T10:00:21Z","finishedAt":"2025-01-15T10:00:23Z"}},
           "lastState":{"terminated":{"exitCode":128,"reason":"Error","startedAt":"2025-01-15T10:00:19Z","finishedAt":"2025-01-15T10:00:20Z"}},
           "ready":true,"restartCount":1,"image":"docker.io/alpine/git:2.45.2","imageID":"","started":false},
           {"name":"proxy","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 20s restarting failed container=proxy"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:57:00Z","finishedAt":"2025-01-15T11:58:00Z"}},
           "ready":false,"restartCount":2,"image":"docker.io/envoyproxy/envoy:v1.31.0","imageID":"","started":false}],
           "containerStatuses":[)" APP_RUNNING_READY R"(]})"), u"Init:CrashLoopBackOff"_s, u"1/2"_s, u"2 (2m ago)"_s});

    // Deletion.
    shapes.append({"Terminating", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_READY "," HOST "," POD_IP R"(,"containerStatuses":[)" APP_RUNNING_READY R"(]})",
               R"("deletionTimestamp":"2025-01-15T12:00:30Z","deletionGracePeriodSeconds":30)"), u"Terminating"_s, u"1/1"_s, u"0"_s});
    shapes.append({"Terminating while crash-looping", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 2m40s"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T11:56:58Z","finishedAt":"2025-01-15T11:57:00Z"}},
           "ready":false,"restartCount":4,"image":"docker.io/library/node:20-alpine","imageID":"","started":false}]})",
               R"("deletionTimestamp":"2025-01-15T12:00:30Z","deletionGracePeriodSeconds":30)"), u"Terminating"_s, u"0/1"_s, u"4 (3m ago)"_s});
    shapes.append({"deleted after success is not Terminating", pod(kJobSpec, R"({"phase":"Succeeded",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":0,"reason":"Completed","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:01:10Z"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})",
               R"("deletionTimestamp":"2025-01-15T11:59:50Z","deletionGracePeriodSeconds":0)"), u"Completed"_s, u"0/1"_s, u"0"_s});
    shapes.append({"deleted after failure is not Terminating", pod(kJobSpec, R"({"phase":"Failed",)" HOST R"(,"containerStatuses":[{"name":"grader",
           "state":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2025-01-15T10:00:02Z",
           "finishedAt":"2025-01-15T10:00:40Z"}},"lastState":{},"ready":false,"restartCount":0,
           "image":"ghcr.io/webapps101/grader:1.4","imageID":"","started":false}]})",
               R"("deletionTimestamp":"2025-01-15T11:59:50Z","deletionGracePeriodSeconds":0)"), u"Error"_s, u"0/1"_s, u"0"_s});
    // The node stopped reporting: its stale container status still says ready.
    shapes.append({"NodeLost while deleting is Unknown", pod(kAppSpec, R"({"phase":"Running","reason":"NodeLost","message":"Node node-a which was running pod app-octocat-6d8f7c9b5d-x2x4z is unresponsive",
           "conditions":[{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T11:50:00Z"}],)" HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(]})",
               R"("deletionTimestamp":"2025-01-15T11:55:00Z","deletionGracePeriodSeconds":30)"), u"Unknown"_s, u"1/1"_s, u"0"_s});
    shapes.append({"NodeLost not deleting", pod(kAppSpec, R"({"phase":"Running","reason":"NodeLost","message":"Node node-a which was running pod app-octocat-6d8f7c9b5d-x2x4z is unresponsive",
           "conditions":[{"type":"Ready","status":"False","lastProbeTime":null,"lastTransitionTime":"2025-01-15T11:50:00Z"}],)" HOST "," POD_IP R"(,
           "containerStatuses":[)" APP_RUNNING_READY R"(]})"), u"NodeLost"_s, u"1/1"_s, u"0"_s});

    // A main container killed by a signal, with no reason given: the signal shows.
    shapes.append({"Signal:9", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":137,"signal":9,
           "startedAt":"2025-01-15T11:58:00Z","finishedAt":"2025-01-15T11:59:30Z"}},"lastState":{},"ready":false,
           "restartCount":0,"image":"docker.io/library/node:20-alpine","imageID":"","started":false}]})"), u"Signal:9"_s, u"0/1"_s, u"0"_s});
    // Exit code 1 with no reason, after earlier crashes: 11:40:00 was 20 minutes ago.
    shapes.append({"ExitCode:1 after restarts", pod(kAppSpec, R"({"phase":"Running",)" CONDITIONS_NOT_READY "," HOST "," POD_IP R"(,
           "containerStatuses":[{"name":"app","state":{"terminated":{"exitCode":1,
           "startedAt":"2025-01-15T11:58:00Z","finishedAt":"2025-01-15T11:59:30Z"}},
           "lastState":{"terminated":{"exitCode":1,"startedAt":"2025-01-15T11:39:00Z","finishedAt":"2025-01-15T11:40:00Z"}},
           "ready":false,"restartCount":5,"image":"docker.io/library/node:20-alpine","imageID":"","started":false}]})"), u"ExitCode:1"_s, u"0/1"_s, u"5 (20m ago)"_s});
    return shapes;
}
// clang-format on

} // namespace podshapes
