#include "manifests.h"

#include "kube/deploymentinfo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace course::manifests {

namespace {

const QString kAppName = QStringLiteral("student-app");
const QString kInitName = QStringLiteral("fetch-code");
const QString kGitSecret = QStringLiteral("courseops-git");

QJsonObject nameValue(const QString &name, const QString &value)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

QJsonObject metadata(const CourseConfig &course, const Student &student, const QString &ns)
{
    return {{QStringLiteral("name"), objectName(student.login)},
            {QStringLiteral("namespace"), ns},
            {QStringLiteral("labels"), labels(course, student)}};
}

} // namespace

QString objectName(const QString &login)
{
    // GitHub logins are letters, digits and single hyphens: already a DNS label
    // once lower-cased.
    return login.toLower();
}

QJsonObject labels(const CourseConfig &course, const Student &student)
{
    QJsonObject l;
    for (auto it = course.labels.cbegin(); it != course.labels.cend(); ++it)
        l.insert(it.key(), it.value());
    l.insert(QString(kube::kStudentLabel), student.login.toLower());
    if (!student.cohort.isEmpty())
        l.insert(QStringLiteral("courseops.io/cohort"), student.cohort);
    l.insert(QStringLiteral("app.kubernetes.io/name"), kAppName);
    return l;
}

QJsonObject deployment(const CourseConfig &course, const Student &student, const QString &ns,
                       const QString &repoCloneUrl, const QString &commit)
{
    const QJsonObject codeMount{{QStringLiteral("name"), QStringLiteral("code")},
                                {QStringLiteral("mountPath"), QStringLiteral("/app")}};
    // The token, when the Secret has one, goes in as a header, never into the
    // URL, so it does not show in `git` error messages or the pod's logs.
    const QString fetch = QStringLiteral(
        "set -e; git init -q /app; cd /app; "
        "if [ -n \"$GIT_TOKEN\" ]; then auth=\"-c http.extraHeader=Authorization: Bearer $GIT_TOKEN\"; fi; "
        "git $auth fetch -q --depth 1 \"$REPO_URL\" \"$COMMIT\"; git checkout -q FETCH_HEAD");
    const QJsonObject tokenEnv{
        {QStringLiteral("name"), QStringLiteral("GIT_TOKEN")},
        {QStringLiteral("valueFrom"),
         QJsonObject{{QStringLiteral("secretKeyRef"), QJsonObject{{QStringLiteral("name"), kGitSecret},
                                                                  {QStringLiteral("key"), QStringLiteral("token")},
                                                                  {QStringLiteral("optional"), true}}}}}};
    const QJsonObject init{
        {QStringLiteral("name"), kInitName},
        {QStringLiteral("image"), QStringLiteral("alpine/git:2.45.2")},
        {QStringLiteral("command"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), fetch}},
        {QStringLiteral("env"), QJsonArray{nameValue(QStringLiteral("REPO_URL"), repoCloneUrl),
                                           nameValue(QStringLiteral("COMMIT"), commit), tokenEnv}},
        {QStringLiteral("volumeMounts"), QJsonArray{codeMount}}};
    const Resources &r = course.resources;
    const QJsonObject app{
        {QStringLiteral("name"), QStringLiteral("app")},
        {QStringLiteral("image"), course.image},
        {QStringLiteral("workingDir"), QStringLiteral("/app")},
        {QStringLiteral("command"), QJsonArray{QStringLiteral("npm"), QStringLiteral("start")}},
        {QStringLiteral("env"), QJsonArray{nameValue(QStringLiteral("PORT"), QString::number(course.port))}},
        {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                                         {QStringLiteral("containerPort"), course.port},
                                                         {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("readinessProbe"),
         QJsonObject{{QStringLiteral("httpGet"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/")},
                                                             {QStringLiteral("port"), QStringLiteral("http")}}},
                     {QStringLiteral("periodSeconds"), 5}}},
        {QStringLiteral("terminationMessagePolicy"), QStringLiteral("FallbackToLogsOnError")},
        {QStringLiteral("resources"),
         QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("cpu"), r.cpuRequest.toCpuString()},
                                                              {QStringLiteral("memory"), r.memoryRequest.toMemoryString()}}},
                     {QStringLiteral("limits"), QJsonObject{{QStringLiteral("cpu"), r.cpuLimit.toCpuString()},
                                                            {QStringLiteral("memory"), r.memoryLimit.toMemoryString()}}}}},
        {QStringLiteral("volumeMounts"), QJsonArray{codeMount}}};
    const QJsonObject podLabels = labels(course, student);
    const QJsonObject templateMeta{
        {QStringLiteral("labels"), podLabels},
        {QStringLiteral("annotations"), QJsonObject{{QString(kube::kCommitAnnotation), commit}}}};
    return {{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("Deployment")},
            {QStringLiteral("metadata"), metadata(course, student, ns)},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"), 1},
                         {QStringLiteral("revisionHistoryLimit"), 2},
                         {QStringLiteral("progressDeadlineSeconds"), 600},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("matchLabels"),
                                       QJsonObject{{QString(kube::kStudentLabel), student.login.toLower()}}}}},
                         {QStringLiteral("template"),
                          QJsonObject{{QStringLiteral("metadata"), templateMeta},
                                      {QStringLiteral("spec"),
                                       QJsonObject{{QStringLiteral("initContainers"), QJsonArray{init}},
                                                   {QStringLiteral("containers"), QJsonArray{app}},
                                                   {QStringLiteral("volumes"),
                                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("code")},
                                                                           {QStringLiteral("emptyDir"), QJsonObject()}}}}}}}}}}};
}

QJsonObject service(const CourseConfig &course, const Student &student, const QString &ns)
{
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"), metadata(course, student, ns)},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("selector"), QJsonObject{{QString(kube::kStudentLabel), student.login.toLower()}}},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                                 {QStringLiteral("port"), 80},
                                                 {QStringLiteral("targetPort"), QStringLiteral("http")},
                                                 {QStringLiteral("protocol"), QStringLiteral("TCP")}}}}}}};
}

QJsonObject ingress(const CourseConfig &course, const Student &student, const QString &ns)
{
    const QString host = objectName(student.login) + u'.' + course.domain;
    const QJsonObject backend{
        {QStringLiteral("service"), QJsonObject{{QStringLiteral("name"), objectName(student.login)},
                                                {QStringLiteral("port"), QJsonObject{{QStringLiteral("number"), 80}}}}}};
    return {{QStringLiteral("apiVersion"), QStringLiteral("networking.k8s.io/v1")},
            {QStringLiteral("kind"), QStringLiteral("Ingress")},
            {QStringLiteral("metadata"), metadata(course, student, ns)},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("rules"),
                          QJsonArray{QJsonObject{
                              {QStringLiteral("host"), host},
                              {QStringLiteral("http"),
                               QJsonObject{{QStringLiteral("paths"),
                                            QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("/")},
                                                                   {QStringLiteral("pathType"), QStringLiteral("Prefix")},
                                                                   {QStringLiteral("backend"), backend}}}}}}}}}}}};
}

QByteArray redeployPatch(const QString &commit)
{
    // Strategic merge: containers and env merge by name, so only COMMIT changes.
    const QJsonObject patch{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("template"),
                      QJsonObject{{QStringLiteral("metadata"),
                                   QJsonObject{{QStringLiteral("annotations"),
                                                QJsonObject{{QString(kube::kCommitAnnotation), commit}}}}},
                                  {QStringLiteral("spec"),
                                   QJsonObject{{QStringLiteral("initContainers"),
                                                QJsonArray{QJsonObject{
                                                    {QStringLiteral("name"), kInitName},
                                                    {QStringLiteral("env"),
                                                     QJsonArray{nameValue(QStringLiteral("COMMIT"), commit)}}}}}}}}}}}};
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

} // namespace course::manifests
