#include "sandbox/sandboxserver.h"

#include "course/roster.h"
#include "sandbox/sandboxlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace sandbox {

namespace {

QByteArray randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    for (char &b : bytes)
        b = char(QRandomGenerator::system()->bounded(256));
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

const ResourceType &type(const char *gv, const char *plural)
{
    return *findResourceType(QString::fromLatin1(gv), QString::fromLatin1(plural));
}

QJsonObject deploymentFor(const SeedStudent &s, const QString &ns)
{
    const QString login = s.login.toLower();
    const QJsonObject labels{{QStringLiteral("courseops.io/student"), login},
                             {QStringLiteral("courseops.io/cohort"), s.cohort},
                             {QStringLiteral("app.kubernetes.io/name"), QStringLiteral("student-app")}};
    QString image = QStringLiteral("node:20-alpine");
    QString memoryRequest = QStringLiteral("64Mi");
    QString memoryLimit = QStringLiteral("128Mi");
    if (s.behaviour == QLatin1String("image-pull"))
        image = QStringLiteral("node:20-alpine-typo");
    if (s.behaviour == QLatin1String("unschedulable")) {
        memoryRequest = QStringLiteral("512Gi");
        memoryLimit = QStringLiteral("512Gi");
    }
    QJsonObject annotations;
    if (!s.behaviour.isEmpty() && s.behaviour != QLatin1String("healthy"))
        annotations.insert(QStringLiteral("sandbox.courseops.io/behaviour"), s.behaviour);
    const QJsonObject codeMount{{QStringLiteral("name"), QStringLiteral("code")},
                                {QStringLiteral("mountPath"), QStringLiteral("/app")}};
    const QJsonObject initContainer{
        {QStringLiteral("name"), QStringLiteral("fetch-code")},
        {QStringLiteral("image"), QStringLiteral("alpine/git:2.45.2")},
        {QStringLiteral("command"), QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"),
                                              QStringLiteral("git init -q /app && cd /app && git fetch -q --depth 1 "
                                                             "\"$REPO_URL\" \"$COMMIT\" && git checkout -q FETCH_HEAD")}},
        {QStringLiteral("env"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("REPO_URL")},
                                {QStringLiteral("value"), QStringLiteral("https://github.com/webapps101/%1").arg(login)}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("COMMIT")},
                                {QStringLiteral("value"), QStringLiteral("HEAD")}}}},
        {QStringLiteral("volumeMounts"), QJsonArray{codeMount}}};
    const QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("app")},
        {QStringLiteral("image"), image},
        {QStringLiteral("workingDir"), QStringLiteral("/app")},
        {QStringLiteral("command"), QJsonArray{QStringLiteral("npm"), QStringLiteral("start")}},
        {QStringLiteral("env"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PORT")},
                                                       {QStringLiteral("value"), QStringLiteral("3000")}}}},
        {QStringLiteral("ports"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                                         {QStringLiteral("containerPort"), 3000},
                                                         {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("readinessProbe"),
         QJsonObject{{QStringLiteral("httpGet"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/")},
                                                             {QStringLiteral("port"), QStringLiteral("http")}}},
                     {QStringLiteral("periodSeconds"), 5}}},
        {QStringLiteral("resources"),
         QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("50m")},
                                                              {QStringLiteral("memory"), memoryRequest}}},
                     {QStringLiteral("limits"), QJsonObject{{QStringLiteral("cpu"), QStringLiteral("250m")},
                                                            {QStringLiteral("memory"), memoryLimit}}}}},
        {QStringLiteral("volumeMounts"), QJsonArray{codeMount}}};
    QJsonObject templateMeta{{QStringLiteral("labels"), labels}};
    if (!annotations.isEmpty())
        templateMeta.insert(QStringLiteral("annotations"), annotations);
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), login}, {QStringLiteral("namespace"), ns}, {QStringLiteral("labels"), labels}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"), 1},
                         {QStringLiteral("revisionHistoryLimit"), 2},
                         {QStringLiteral("progressDeadlineSeconds"), 600},
                         {QStringLiteral("selector"),
                          QJsonObject{{QStringLiteral("matchLabels"),
                                       QJsonObject{{QStringLiteral("courseops.io/student"), login}}}}},
                         {QStringLiteral("template"),
                          QJsonObject{{QStringLiteral("metadata"), templateMeta},
                                      {QStringLiteral("spec"),
                                       QJsonObject{{QStringLiteral("initContainers"), QJsonArray{initContainer}},
                                                   {QStringLiteral("containers"), QJsonArray{container}},
                                                   {QStringLiteral("volumes"),
                                                    QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("code")},
                                                                           {QStringLiteral("emptyDir"), QJsonObject()}}}}}}}}}}};
}

QJsonObject serviceFor(const SeedStudent &s, const QString &ns)
{
    const QString login = s.login.toLower();
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), login},
                         {QStringLiteral("namespace"), ns},
                         {QStringLiteral("labels"), QJsonObject{{QStringLiteral("courseops.io/student"), login}}}}},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("selector"), QJsonObject{{QStringLiteral("courseops.io/student"), login}}},
                         {QStringLiteral("ports"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("http")},
                                                 {QStringLiteral("port"), 80},
                                                 {QStringLiteral("targetPort"), QStringLiteral("http")}}}}}}};
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
{
}

SandboxServer::~SandboxServer() = default;

quint16 SandboxServer::routerPort() const
{
    return m_router ? m_router->port() : 0;
}

QString SandboxServer::url() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(port());
}

QList<SeedStudent> SandboxServer::demoMix(const QStringList &logins, const QStringList &cohorts)
{
    // A realistic course: most apps are fine; a few of each way to break.
    static const char *mix[] = {"healthy", "healthy", "crash", "healthy", "healthy", "oom", "healthy",
                                "image-pull", "healthy", "slow-start", "healthy", "unschedulable", "healthy",
                                "healthy", "missing-module", "healthy", "healthy", "healthy", "healthy", "healthy"};
    QList<SeedStudent> out;
    for (qsizetype i = 0; i < logins.size(); ++i) {
        SeedStudent s;
        s.login = logins[i];
        s.cohort = cohorts.value(i);
        s.behaviour = QLatin1String(mix[i % (sizeof mix / sizeof *mix)]);
        out.append(s);
    }
    return out;
}

bool SandboxServer::start(const SandboxOptions &options, QString *error)
{
    m_certificates = Certificates::loadOrCreate(options.stateDir, {QStringLiteral("localhost"), options.domain,
                                                                   QStringLiteral("*.") + options.domain},
                                                error);
    if (m_certificates.isNull())
        return false;
    QString faultError;
    const Faults faults = Faults::parse(options.faults, &faultError);
    if (!faultError.isEmpty()) {
        *error = faultError;
        return false;
    }
    if (options.runtime != QLatin1String("simulated") && options.runtime != QLatin1String("node")) {
        *error = QStringLiteral("--runtime must be 'node' or 'simulated', not '%1'").arg(options.runtime);
        return false;
    }

    m_controllers = std::make_unique<Controllers>(&m_store);
    NodeRuntime *nodeRuntime = nullptr;
    if (options.runtime == QLatin1String("node")) {
        QString root = options.stateDir;
        if (root.isEmpty()) {
            m_scratch = std::make_unique<QTemporaryDir>();
            root = m_scratch->path();
        }
        m_code = std::make_unique<FolderCodeSource>(root + QLatin1String("/code"));
        nodeRuntime = new NodeRuntime(&m_store, &m_controllers->events(), m_code.get(), root + QLatin1String("/run"));
        m_kubelet.reset(nodeRuntime);
        m_codeRoot = root + QLatin1String("/code");
    } else {
        m_kubelet = std::make_unique<Kubelet>(&m_store, &m_controllers->events());
    }
    m_kubelet->setTimeScale(options.timeScale);
    m_api = std::make_unique<KubeApi>(&m_store);
    m_api->setRuntime(m_kubelet.get());
    m_api->setFaults(faults);

    m_adminToken = randomToken();
    m_taToken = randomToken();
    m_api->addUser(m_adminToken, {QStringLiteral("course-staff"), {QStringLiteral("course:staff")}, false});
    m_api->addUser(m_taToken, {QStringLiteral("course-ta"), {QStringLiteral("course:tas")}, true});

    m_http.setHandler([this](const HttpRequest &request, HttpResponse *response) {
        if (KubeApi::handles(request.path)) {
            m_api->handle(request, response);
            return;
        }
        response->send(404, "application/json",
                       statusJson({404, QStringLiteral("NotFound"),
                                   QStringLiteral("the server could not find the requested resource"), {}}));
    });
    m_http.setWebSocketHandling(
        {QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io"), QStringLiteral("v3.channel.k8s.io"),
         QStringLiteral("v2.channel.k8s.io"), QStringLiteral("channel.k8s.io")},
        [this](const HttpRequest &request, HttpResponse *refusal) { return m_api->acceptUpgrade(request, refusal); },
        [this](QWebSocket *socket) { m_api->handleWebSocket(socket); });
    if (!m_http.listen(QHostAddress::LocalHost, options.port, m_certificates.serverConfiguration())) {
        *error = QStringLiteral("cannot listen on 127.0.0.1:%1 (%2): pick another --port")
                     .arg(options.port)
                     .arg(m_http.errorString());
        return false;
    }
    m_api->setExternalAddress(QStringLiteral("127.0.0.1:%1").arg(port()));
    if (nodeRuntime) {
        m_router = std::make_unique<SubdomainRouter>(nodeRuntime, options.domain);
        if (!m_router->listen(options.routerPort)) {
            *error = QStringLiteral("cannot listen for the subdomain router on 127.0.0.1:%1: pick another "
                                    "--router-port")
                         .arg(options.routerPort);
            return false;
        }
    }

    QStringList logins, cohorts;
    if (options.students > 0) {
        for (int i = 1; i <= options.students; ++i) {
            logins << QStringLiteral("student-%1").arg(i, 6, 10, QLatin1Char('0'));
            cohorts << (i % 2 ? QStringLiteral("morning") : QStringLiteral("evening"));
        }
    } else {
        course::Diagnostics problems;
        const course::Roster roster = course::Roster::load(options.rosterPath, &problems);
        for (const course::Student &s : roster.students()) {
            logins << s.login;
            cohorts << s.cohort;
        }
    }
    QList<SeedStudent> students = demoMix(logins, cohorts);
    if (options.students > 0) {
        for (SeedStudent &s : students)
            s.behaviour = QStringLiteral("healthy");
    }
    if (!options.scenarioPath.isEmpty()) {
        try {
            const YAML::Node root = YAML::LoadFile(options.scenarioPath.toStdString());
            for (auto it = root.begin(); it != root.end(); ++it) {
                const QString login = QString::fromStdString(it->first.as<std::string>());
                for (SeedStudent &s : students) {
                    if (s.login.compare(login, Qt::CaseInsensitive) == 0)
                        s.behaviour = QString::fromStdString(it->second.as<std::string>());
                }
            }
        } catch (const YAML::Exception &e) {
            *error = QStringLiteral("cannot read the scenario file %1: %2").arg(options.scenarioPath,
                                                                               QString::fromStdString(e.what()));
            return false;
        }
    }
    if (!m_codeRoot.isEmpty()) {
        for (const SeedStudent &s : students) {
            if (!FolderCodeSource::writeDemoApp(m_codeRoot + u'/' + s.login.toLower(), s.behaviour, error))
                return false;
        }
    }
    seed(students, options);

    if (!options.kubeconfigPath.isEmpty()) {
        QDir().mkpath(QFileInfo(options.kubeconfigPath).absolutePath());
        QSaveFile f(options.kubeconfigPath);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write the kubeconfig to %1: %2").arg(options.kubeconfigPath, f.errorString());
            return false;
        }
        f.write(kubeconfig());
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.commit();
    }
    return true;
}

void SandboxServer::seed(const QList<SeedStudent> &students, const SandboxOptions &options)
{
    const int nodes = std::max(3, int((students.size() + 249) / 250));
    m_controllers->addNodes(nodes, 16000, 64LL * 1024 * 1024 * 1024, 300);
    ApiError error;
    for (const char *ns : {"default", "kube-system", "kube-public"})
        m_store.create(type("v1", "namespaces"), {}, QJsonObject{{QStringLiteral("metadata"),
                                                                  QJsonObject{{QStringLiteral("name"), QLatin1String(ns)}}}},
                       &error);
    m_store.create(type("v1", "namespaces"), {},
                   QJsonObject{{QStringLiteral("metadata"),
                                QJsonObject{{QStringLiteral("name"), options.ns},
                                            {QStringLiteral("labels"),
                                             QJsonObject{{QStringLiteral("courseops.io/course"), QStringLiteral("demo")}}}}},
                               {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}}}},
                   &error);
    for (const SeedStudent &s : students) {
        m_store.create(type("apps/v1", "deployments"), options.ns, deploymentFor(s, options.ns), &error);
        m_store.create(type("v1", "services"), options.ns, serviceFor(s, options.ns), &error);
    }
    qCInfo(lcSandboxKube) << "seeded" << students.size() << "students on" << nodes << "nodes";
}

QByteArray SandboxServer::kubeconfig() const
{
    const QByteArray ca = m_certificates.caCertPem.toBase64();
    const QByteArray server = url().toUtf8();
    return "apiVersion: v1\n"
           "kind: Config\n"
           "preferences: {}\n"
           "clusters:\n"
           "- name: courseops-sandbox\n"
           "  cluster:\n"
           "    server: " + server + "\n"
           "    certificate-authority-data: " + ca + "\n"
           "users:\n"
           "- name: course-staff\n"
           "  user:\n"
           "    token: " + m_adminToken + "\n"
           "- name: course-ta\n"
           "  user:\n"
           "    token: " + m_taToken + "\n"
           "contexts:\n"
           "- name: sandbox-admin\n"
           "  context:\n"
           "    cluster: courseops-sandbox\n"
           "    user: course-staff\n"
           "    namespace: students\n"
           "- name: sandbox-ta\n"
           "  context:\n"
           "    cluster: courseops-sandbox\n"
           "    user: course-ta\n"
           "    namespace: students\n"
           "current-context: sandbox-admin\n";
}

} // namespace sandbox
