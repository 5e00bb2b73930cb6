#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace course {

// What the sandbox wrote for its clients once it serves.
struct SandboxEndpoints
{
    QUrl kubernetes;     // https://127.0.0.1:PORT
    QString kubeconfig;  // path of the kubeconfig it wrote (contexts sandbox-admin, sandbox-ta)
    QString githubEnv;   // path of the COURSEOPS_GITHUB_* file it wrote
    QUrl github;         // GitHub API base URL
    QString router;      // host:port of the subdomain router; empty with the simulated runtime
};

// Runs `courseops-sandbox` as a child process for the console's default,
// no-configuration start: the demo course on a local Kubernetes and GitHub.
// State (certificates, objects, repositories) lives in a folder that survives
// restarts, so the demo looks the same the next day. The child ends with the
// console, even when the console crashes.
class EmbeddedSandbox : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString binary;   // empty: findBinary()
        QString stateDir; // empty: <AppLocalDataLocation>/sandbox
        QString runtime;  // empty: "node" when `node` is on PATH, else "simulated"
        QString roster;   // empty: the sandbox's demo roster
        QStringList extraArguments;
    };

    explicit EmbeddedSandbox(QObject *parent = nullptr);
    ~EmbeddedSandbox() override; // stops the child (SIGTERM, so it saves its state)

    // The courseops-sandbox next to this program, else $COURSEOPS_SANDBOX_BINARY,
    // else on PATH; empty when there is none.
    static QString findBinary();

    void start(const Options &options);
    void stop();
    bool isRunning() const;
    const SandboxEndpoints &endpoints() const { return m_endpoints; }
    QString runtime() const { return m_runtime; }

Q_SIGNALS:
    void ready(const course::SandboxEndpoints &endpoints);
    // Start-up failed or the sandbox ended; `message` says why and what to do.
    void failed(const QString &message);

private:
    void onOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess *m_process = nullptr;
    SandboxEndpoints m_endpoints;
    QString m_runtime;
    QByteArray m_stdout;
    QByteArray m_stderrTail;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace course
