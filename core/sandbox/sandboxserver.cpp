#include "sandbox/sandboxserver.h"

#include "course/roster.h"
#include "sandbox/sandboxlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QUuid>

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

QJsonObject deploymentFor(const SeedStudent &s, const QString &ns, const QString &repoUrl = {},
                          const QString &commit = QStringLiteral("HEAD"))
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
    // The commit the pod runs, for the console to compare with the repository's HEAD.
    if (!commit.isEmpty() && commit != QLatin1String("HEAD"))
        annotations.insert(QStringLiteral("courseops.io/commit"), commit);
    QJsonArray env{QJsonObject{{QStringLiteral("name"), QStringLiteral("PORT")}, {QStringLiteral("value"), QStringLiteral("3000")}}};
    // The course's API key comes from a Secret the staff make; optional, so the
    // pod starts without it and the app says what is missing.
    if (s.behaviour == QLatin1String("needs-secret"))
        env.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("COURSE_API_KEY")},
                               {QStringLiteral("valueFrom"),
                                QJsonObject{{QStringLiteral("secretKeyRef"),
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("course-api")},
                                                         {QStringLiteral("key"), QStringLiteral("api-key")},
                                                         {QStringLiteral("optional"), true}}}}}});
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
                                {QStringLiteral("value"), repoUrl.isEmpty() ? QStringLiteral("https://github.com/webapps101/%1").arg(login) : repoUrl}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("COMMIT")},
                                {QStringLiteral("value"), commit}}}},
        {QStringLiteral("volumeMounts"), QJsonArray{codeMount}}};
    const QJsonObject container{
        {QStringLiteral("name"), QStringLiteral("app")},
        {QStringLiteral("image"), image},
        {QStringLiteral("workingDir"), QStringLiteral("/app")},
        {QStringLiteral("command"), QJsonArray{QStringLiteral("npm"), QStringLiteral("start")}},
        // A crashed app's last words (its log tail) land in the container status.
        {QStringLiteral("terminationMessagePolicy"), QStringLiteral("FallbackToLogsOnError")},
        {QStringLiteral("env"), env},
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

bool SandboxServer::restoreState(const SandboxOptions &options, QString *error)
{
    if (!m_github.load(m_stateDir, error))
        return false;
    m_githubSeed.org = QStringLiteral("webapps101");
    m_githubSeed.staffLogin = QStringLiteral("webapps101-staff");
    m_githubSeed.staffToken = m_github.tokenFor(m_githubSeed.staffLogin);
    m_githubSeed.taLogin = QStringLiteral("webapps101-ta");
    m_githubSeed.taToken = m_github.tokenFor(m_githubSeed.taLogin);
    m_controllers->setBulkLoading(true);
    const bool ok = m_store.restore(m_stateDir + QLatin1String("/kube-objects.jsonl"), error);
    m_controllers->setBulkLoading(false);
    if (ok)
        qCInfo(lcSandboxKube) << "restored the cluster and repositories from" << options.stateDir;
    return ok;
}

bool SandboxServer::saveState(QString *error)
{
    if (m_stateDir.isEmpty())
        return true;
    QDir().mkpath(m_stateDir);
    QSaveFile tokens(m_stateDir + QLatin1String("/tokens.json"));
    if (!tokens.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write to %1: check that the state folder is writable").arg(m_stateDir);
        return false;
    }
    tokens.write(QJsonDocument(QJsonObject{{QStringLiteral("admin"), QString::fromLatin1(m_adminToken)},
                                           {QStringLiteral("ta"), QString::fromLatin1(m_taToken)}})
                     .toJson());
    tokens.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return tokens.commit() && m_github.save(m_stateDir, error) &&
           m_store.save(m_stateDir + QLatin1String("/kube-objects.jsonl"), error);
}

QString SandboxServer::githubUrl() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(m_githubHttp.port());
}

bool SandboxServer::writeGithubEnv(const QString &path, QString *error) const
{
    const QString dir = QFileInfo(path).absolutePath();
    QDir().mkpath(dir);
    const QString caPath = dir + QLatin1String("/courseops-sandbox-ca.pem");
    QSaveFile ca(caPath);
    QSaveFile env(path);
    if (!ca.open(QIODevice::WriteOnly) || !env.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the GitHub environment to %1: check that the folder is writable").arg(path);
        return false;
    }
    ca.write(m_certificates.caCertPem);
    env.write("COURSEOPS_GITHUB_API=" + githubUrl().toUtf8() + "\nCOURSEOPS_GITHUB_TOKEN=" + m_githubSeed.staffToken +
              "\nCOURSEOPS_GITHUB_CA=" + caPath.toUtf8() + '\n');
    env.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!ca.commit() || !env.commit()) {
        *error = QStringLiteral("cannot write the GitHub environment to %1").arg(path);
        return false;
    }
    return true;
}

QString SandboxServer::url() const
{
    return QStringLiteral("https://127.0.0.1:%1").arg(port());
}

QList<SeedStudent> SandboxServer::demoMix(const QList<SeedStudent> &roster)
{
    // A realistic course: most apps are fine; a few of each way to break. The
    // 41st student's app needs the course-api Secret, which the staff have not
    // made yet.
    static const char *mix[] = {"healthy", "healthy", "crash", "healthy", "healthy", "oom", "healthy",
                                "image-pull", "healthy", "slow-start", "healthy", "unschedulable", "healthy",
                                "healthy", "missing-module", "healthy", "healthy", "old-commit", "healthy", "healthy"};
    QList<SeedStudent> out = roster;
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i].behaviour = i == 40 ? QStringLiteral("needs-secret") : QLatin1String(mix[i % (sizeof mix / sizeof *mix)]);
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
        m_code = std::make_unique<GitCodeSource>(root + QLatin1String("/code"));
        nodeRuntime = new NodeRuntime(&m_store, &m_controllers->events(), m_code.get(), root + QLatin1String("/run"));
        m_kubelet.reset(nodeRuntime);
        m_codeRoot = root + QLatin1String("/code");
    } else {
        m_kubelet = std::make_unique<Kubelet>(&m_store, &m_controllers->events());
    }
    m_kubelet->setTimeScale(options.timeScale);
    if (options.students > 1000)
        m_controllers->events().setRecordNormalEvents(false);
    m_api = std::make_unique<KubeApi>(&m_store);
    m_api->setRuntime(m_kubelet.get());
    m_api->setFaults(faults);

    m_stateDir = options.stateDir;
    m_adminToken = randomToken();
    m_taToken = randomToken();
    const bool restoring = !m_stateDir.isEmpty() && QFile::exists(m_stateDir + QLatin1String("/kube-objects.jsonl"));
    if (restoring) {
        QFile tokens(m_stateDir + QLatin1String("/tokens.json"));
        if (tokens.open(QIODevice::ReadOnly)) {
            const QJsonObject t = QJsonDocument::fromJson(tokens.readAll()).object();
            m_adminToken = t.value(QStringLiteral("admin")).toString().toLatin1();
            m_taToken = t.value(QStringLiteral("ta")).toString().toLatin1();
        }
    }
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

    QList<SeedStudent> roster;
    if (options.students > 0) {
        for (int i = 1; i <= options.students; ++i) {
            SeedStudent s;
            s.login = QStringLiteral("student-%1").arg(i, 6, 10, QLatin1Char('0'));
            s.name = QStringLiteral("Student %1").arg(i);
            s.email = s.login + QLatin1String("@students.example.org");
            s.cohort = i % 2 ? QStringLiteral("morning") : QStringLiteral("evening");
            roster.append(s);
        }
    } else {
        course::Diagnostics problems;
        const course::Roster file = course::Roster::load(options.rosterPath, &problems);
        for (const course::Student &st : file.students())
            roster.append({st.login, st.name, st.email, st.cohort, {}});
    }
    QList<SeedStudent> students = demoMix(roster);
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
    // The GitHub half: one CA signs both servers.
    if (!m_githubHttp.listen(QHostAddress::LocalHost, options.githubPort, m_certificates.serverConfiguration())) {
        *error = QStringLiteral("cannot listen for the GitHub API on 127.0.0.1:%1 (%2): pick another --github-port")
                     .arg(options.githubPort)
                     .arg(m_githubHttp.errorString());
        return false;
    }
    m_github.setBaseUrl(QUrl(githubUrl()));
    m_github.setFaults(GithubFaults::parse(options.faults, &faultError));
    m_githubHttp.setHandler([this](const HttpRequest &request, HttpResponse *response) { m_github.handle(request, response); });
    if (restoring) {
        if (!restoreState(options, error))
            return false;
    } else {
        // A large generated course gets its organisation and template; repositories
        // for 100,000 students would only slow the start of a Kubernetes benchmark.
        QList<GithubSeedStudent> repos;
        if (students.size() <= 1000) {
            for (const SeedStudent &s : students)
                repos.append({s.login, s.name, s.email, s.behaviour});
        }
        m_githubSeed = m_github.seedCourse(QStringLiteral("webapps101"), QStringLiteral("app-template"), repos);
        // Students who have GitHub accounts but whose course is not seeded yet:
        // what `courseops-cli seed` starts from.
        if (!options.enrolPath.isEmpty()) {
            course::Diagnostics problems;
            const course::Roster enrol = course::Roster::load(options.enrolPath, &problems);
            if (course::hasErrors(problems)) {
                *error = QStringLiteral("cannot read the --enrol roster: %1").arg(problems.constFirst().toString());
                return false;
            }
            for (const course::Student &st : enrol.students())
                m_github.addUser(st.login, st.name, st.email);
        }
    }
    if (nodeRuntime)
        static_cast<GitCodeSource *>(m_code.get())->setGithub(&m_github);

    if (!restoring)
        seed(students, options);

    if (!options.githubEnvPath.isEmpty() && !writeGithubEnv(options.githubEnvPath, error))
        return false;

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
    if (students.size() > 1000 && options.runtime == QLatin1String("simulated")) {
        seedSettled(students, options);
    } else {
        for (const SeedStudent &s : students) {
            const QString repo = m_github.studentRepository(s.login);
        const GitId commit = m_github.deployCommit(s.login);
        m_store.create(type("apps/v1", "deployments"), options.ns,
                       repo.isEmpty() ? deploymentFor(s, options.ns)
                                      : deploymentFor(s, options.ns, githubUrl() + u'/' + repo + QLatin1String(".git"),
                                                      QString::fromLatin1(commit)),
                       &error);
            m_store.create(type("v1", "services"), options.ns, serviceFor(s, options.ns), &error);
        }
    }
    qCInfo(lcSandboxKube) << "seeded" << students.size() << "students on" << nodes << "nodes";
}

void SandboxServer::seedSettled(const QList<SeedStudent> &students, const SandboxOptions &options)
{
    // A large course starts as it would be found on a running cluster: every
    // Deployment rolled out, its ReplicaSet and Pod in place, each Service with
    // its cluster IP. Written in final form, not reconciled step by step, so
    // 100,000 students are up in seconds.
    const QStringList nodes = m_controllers->nodeNames();
    const QString now = ObjectStore::now();
    auto condition = [&](const char *t, const char *reason, const QString &message) {
        return QJsonObject{{QStringLiteral("type"), QLatin1String(t)},
                           {QStringLiteral("status"), QStringLiteral("True")},
                           {QStringLiteral("lastUpdateTime"), now},
                           {QStringLiteral("lastTransitionTime"), now},
                           {QStringLiteral("reason"), QLatin1String(reason)},
                           {QStringLiteral("message"), message}};
    };
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    m_controllers->setBulkLoading(true);
    quint32 ip = 0;
    for (qsizetype i = 0; i < students.size(); ++i) {
        const SeedStudent &s = students[i];
        QJsonObject deployment = deploymentFor(s, options.ns);
        QJsonObject dMeta = deployment.value(QStringLiteral("metadata")).toObject();
        const QString deployUid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        dMeta.insert(QStringLiteral("uid"), deployUid);
        dMeta.insert(QStringLiteral("generation"), 1);
        dMeta.insert(QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("deployment.kubernetes.io/revision"), QStringLiteral("1")}});
        deployment.insert(QStringLiteral("metadata"), dMeta);
        const QJsonObject spec = deployment.value(QStringLiteral("spec")).toObject();
        const QJsonObject podTemplate = spec.value(QStringLiteral("template")).toObject();
        const QString hash = podTemplateHash(podTemplate);
        const QString name = dMeta.value(QStringLiteral("name")).toString();
        const QString rsName = name + u'-' + hash;
        deployment.insert(
            QStringLiteral("status"),
            QJsonObject{{QStringLiteral("observedGeneration"), 1},
                        {QStringLiteral("replicas"), 1},
                        {QStringLiteral("updatedReplicas"), 1},
                        {QStringLiteral("readyReplicas"), 1},
                        {QStringLiteral("availableReplicas"), 1},
                        {QStringLiteral("conditions"),
                         QJsonArray{condition("Available", "MinimumReplicasAvailable",
                                              QStringLiteral("Deployment has minimum availability.")),
                                    condition("Progressing", "NewReplicaSetAvailable",
                                              QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName))}}});
        m_store.put(type("apps/v1", "deployments"), deployment);

        QJsonObject labels = podTemplate[QStringLiteral("metadata")][QStringLiteral("labels")].toObject();
        labels.insert(QStringLiteral("pod-template-hash"), hash);
        QJsonObject rsTemplate = podTemplate;
        QJsonObject rsTemplateMeta = rsTemplate.value(QStringLiteral("metadata")).toObject();
        rsTemplateMeta.insert(QStringLiteral("labels"), labels);
        rsTemplate.insert(QStringLiteral("metadata"), rsTemplateMeta);
        QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
        QJsonObject matchLabels = selector.value(QStringLiteral("matchLabels")).toObject();
        matchLabels.insert(QStringLiteral("pod-template-hash"), hash);
        selector.insert(QStringLiteral("matchLabels"), matchLabels);
        const QString rsUid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto owner = [](const char *kind, const char *apiVersion, const QString &ownerName, const QString &uid) {
            return QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QLatin1String(apiVersion)},
                                          {QStringLiteral("kind"), QLatin1String(kind)},
                                          {QStringLiteral("name"), ownerName},
                                          {QStringLiteral("uid"), uid},
                                          {QStringLiteral("controller"), true},
                                          {QStringLiteral("blockOwnerDeletion"), true}}};
        };
        const QJsonObject rs{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), rsName},
                         {QStringLiteral("namespace"), options.ns},
                         {QStringLiteral("uid"), rsUid},
                         {QStringLiteral("generation"), 1},
                         {QStringLiteral("labels"), labels},
                         {QStringLiteral("annotations"),
                          QJsonObject{{QStringLiteral("deployment.kubernetes.io/revision"), QStringLiteral("1")},
                                      {QStringLiteral("deployment.kubernetes.io/desired-replicas"), QStringLiteral("1")},
                                      {QStringLiteral("deployment.kubernetes.io/max-replicas"), QStringLiteral("2")}}},
                         {QStringLiteral("ownerReferences"), owner("Deployment", "apps/v1", name, deployUid)}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), 1},
                                                 {QStringLiteral("selector"), selector},
                                                 {QStringLiteral("template"), rsTemplate}}},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), 1},
                                                   {QStringLiteral("fullyLabeledReplicas"), 1},
                                                   {QStringLiteral("readyReplicas"), 1},
                                                   {QStringLiteral("availableReplicas"), 1},
                                                   {QStringLiteral("observedGeneration"), 1}}}};
        m_store.put(type("apps/v1", "replicasets"), rs);

        QString suffix;
        quint32 x = quint32(i) * 2654435761u;
        for (int k = 0; k < 5; ++k, x /= 27)
            suffix += QLatin1Char(alphabet[x % 27]);
        QJsonObject podSpec = rsTemplate.value(QStringLiteral("spec")).toObject();
        podSpec.insert(QStringLiteral("nodeName"), nodes.at(int(i % nodes.size())));
        podSpec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
        podSpec.insert(QStringLiteral("terminationGracePeriodSeconds"), 30);
        QJsonObject pod{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QString(rsName + u'-' + suffix)},
                                     {QStringLiteral("generateName"), QString(rsName + u'-')},
                                     {QStringLiteral("namespace"), options.ns},
                                     {QStringLiteral("generation"), 1},
                                     {QStringLiteral("labels"), labels},
                                     {QStringLiteral("ownerReferences"), owner("ReplicaSet", "apps/v1", rsName, rsUid)}}},
                        {QStringLiteral("spec"), podSpec},
                        {QStringLiteral("status"), QJsonObject{{QStringLiteral("qosClass"), QStringLiteral("Burstable")}}}};
        m_kubelet->adoptRunning(&pod);
        m_store.put(type("v1", "pods"), pod);

        QJsonObject service = serviceFor(s, options.ns);
        QJsonObject svcSpec = service.value(QStringLiteral("spec")).toObject();
        const quint32 n = ++ip + 1;
        const QString clusterIp = QStringLiteral("10.%1.%2.%3").arg(96 + (n >> 16)).arg((n >> 8) & 0xff).arg(n & 0xff);
        svcSpec.insert(QStringLiteral("clusterIP"), clusterIp);
        svcSpec.insert(QStringLiteral("clusterIPs"), QJsonArray{clusterIp});
        svcSpec.insert(QStringLiteral("type"), QStringLiteral("ClusterIP"));
        QJsonArray ports = svcSpec.value(QStringLiteral("ports")).toArray();
        QJsonObject port = ports.first().toObject();
        port.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
        ports[0] = port;
        svcSpec.insert(QStringLiteral("ports"), ports);
        service.insert(QStringLiteral("spec"), svcSpec);
        m_store.put(type("v1", "services"), service);
    }
    m_controllers->setBulkLoading(false);
    m_controllers->skipClusterIps(ip);
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
