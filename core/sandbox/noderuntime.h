#pragma once

#include "sandbox/kubelet.h"

#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QTcpServer>

namespace sandbox {

// Where a pod's code comes from: the sandbox's GitHub store when it has the
// repository, else a folder per student.
class CodeSource
{
public:
    virtual ~CodeSource() = default;
    // Fills `directory` with the code the pod runs; false (and why) when it cannot.
    virtual bool checkout(const QJsonObject &pod, const QString &directory, QString *error) = 0;
};

// A folder per student under a root: <root>/<login>/, made from the demo app
// with the fault a student's behaviour names (syntax error, missing module, ...).
class FolderCodeSource : public CodeSource
{
public:
    explicit FolderCodeSource(const QString &root)
        : m_root(root)
    {
    }
    bool checkout(const QJsonObject &pod, const QString &directory, QString *error) override;
    // Writes the demo app for one student, broken as `behaviour` says.
    static bool writeDemoApp(const QString &directory, const QString &behaviour, QString *error);

private:
    QString m_root;
};

class GithubApi;

// The code a pod's init container would check out: the student's repository in
// the sandbox's GitHub at the pinned commit (the COMMIT variable of the init
// container, or the deploy commit); students without a repository get the
// demo app from a folder.
class GitCodeSource : public FolderCodeSource
{
public:
    using FolderCodeSource::FolderCodeSource;
    void setGithub(const GithubApi *github) { m_github = github; }
    bool checkout(const QJsonObject &pod, const QString &directory, QString *error) override;

private:
    const GithubApi *m_github = nullptr;
};

// The `node` runtime: each container is a real node process running the
// student's code in its own folder, with PORT set, its output as the container
// log, an HTTP readiness probe, the memory limit enforced as the OOM killer
// would, and exec into a real shell (a PTY when tty is asked for).
class NodeRuntime : public Kubelet
{
    Q_OBJECT

public:
    NodeRuntime(ObjectStore *store, EventRecorder *events, CodeSource *code, const QString &workDir,
                QObject *parent = nullptr);
    ~NodeRuntime() override;

    void exec(const QJsonObject &pod, const QString &container, const QStringList &command, bool stdinOn, bool tty,
              QWebSocket *socket) override;
    QList<Usage> usage(const QJsonObject &pod) override;

    // The local port of a student's ready app, or 0: what the router forwards to.
    quint16 appPortFor(const QString &login) const;

protected:
    ContainerOutcome decide(const QJsonObject &pod, const QJsonObject &container, int restartCount) override;
    void startContainer(const QString &podKey, const QJsonObject &pod, const QJsonObject &container) override;
    void stopContainer(const QString &podKey, const QString &container) override;

private:
    struct App;
    void probe(App *app);
    void checkMemory(App *app);
    App *appFor(const QString &podKey, const QString &container) const;

    CodeSource *m_code;
    QString m_workDir;
    QHash<QString, App *> m_apps; // "ns/pod/container"
};

// Serves http://<login>.<domain>/ from that student's app: a byte pipe to the
// app's local port after reading the Host header; 503 when no app is ready.
class SubdomainRouter : public QObject
{
    Q_OBJECT

public:
    SubdomainRouter(NodeRuntime *runtime, const QString &domain, QObject *parent = nullptr);
    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }

private:
    void accept();

    NodeRuntime *m_runtime;
    QString m_domain;
    QTcpServer m_server;
};

} // namespace sandbox
