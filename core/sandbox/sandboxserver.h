#pragma once

#include "sandbox/certificates.h"
#include "sandbox/controllers.h"
#include "sandbox/githubapi.h"
#include "sandbox/httpserver.h"
#include "sandbox/kubeapi.h"
#include "sandbox/kubelet.h"
#include "sandbox/noderuntime.h"
#include "sandbox/objectstore.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace sandbox {

struct SandboxOptions
{
    int students = 0;              // 0: the demo course's roster
    QString rosterPath = QStringLiteral(":/demo/roster.csv");
    QString kubeconfigPath;        // written when set
    QString githubEnvPath;         // COURSEOPS_GITHUB_API/TOKEN/CA lines, written when set
    quint16 githubPort = 0;        // the GitHub API; 0: any free port
    QString stateDir;              // certificates (and later repositories) survive restarts here
    QString runtime = QStringLiteral("simulated"); // or "node"
    QString scenarioPath;          // YAML: login -> behaviour; default: the demo mix
    QString enrolPath;             // roster of GitHub users to add with nothing seeded for them
    QString faults;
    quint16 port = 0;              // 0: any free port
    quint16 routerPort = 0;        // the subdomain router (node runtime); 0: any free port
    double timeScale = 1;
    QString ns = QStringLiteral("students");
    QString domain = QStringLiteral("apps.courseops.test");
};

// One student as the sandbox seeds it.
struct SeedStudent
{
    QString login;
    QString name;
    QString email;
    QString cohort;
    QString behaviour; // healthy, crash, oom, slow-start, image-pull, unschedulable, needs-secret
};

// courseops-sandbox put together: the HTTPS server, the API, the controllers and
// the kubelet, seeded with a course's students.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    bool start(const SandboxOptions &options, QString *error);
    quint16 port() const { return m_http.port(); }
    quint16 routerPort() const;
    QString url() const;
    QString githubUrl() const;
    QByteArray githubStaffToken() const { return m_githubSeed.staffToken; }
    GithubApi &github() { return m_github; }
    QByteArray adminToken() const { return m_adminToken; }
    QByteArray taToken() const { return m_taToken; }
    const Certificates &certificates() const { return m_certificates; }
    ObjectStore &store() { return m_store; }
    KubeApi &api() { return *m_api; }

    QByteArray kubeconfig() const;
    // Writes objects, repositories and tokens to --state-dir (a no-op without one).
    bool saveState(QString *error);
    static QList<SeedStudent> demoMix(const QList<SeedStudent> &roster);

private:
    void seed(const QList<SeedStudent> &students, const SandboxOptions &options);
    void seedSettled(const QList<SeedStudent> &students, const SandboxOptions &options);
    bool writeGithubEnv(const QString &path, QString *error) const;
    bool restoreState(const SandboxOptions &options, QString *error);
    QString m_stateDir;

    ObjectStore m_store;
    HttpServer m_http;
    GithubApi m_github;
    HttpServer m_githubHttp;
    GithubSeed m_githubSeed;
    std::unique_ptr<Controllers> m_controllers;
    std::unique_ptr<CodeSource> m_code;
    std::unique_ptr<Kubelet> m_kubelet;
    std::unique_ptr<SubdomainRouter> m_router;
    std::unique_ptr<QTemporaryDir> m_scratch;
    std::unique_ptr<KubeApi> m_api;
    Certificates m_certificates;
    QByteArray m_adminToken;
    QByteArray m_taToken;
    QString m_codeRoot; // node runtime: a folder per student
};

} // namespace sandbox
