#pragma once

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Runs courseops-sandbox as a child process for a test: waits for its `ready`
// line and tells where it serves. The binary's path comes from the build
// (COURSEOPS_SANDBOX_BINARY).
class SandboxProcess
{
public:
    ~SandboxProcess() { stop(); }

    bool start(const QStringList &extraArgs, int timeoutMs = 60000)
    {
        m_kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QStringList args{QStringLiteral("--write-kubeconfig"), m_kubeconfig};
        args << extraArgs;
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(COURSEOPS_SANDBOX_BINARY), args);
        if (!m_process.waitForStarted())
            return false;
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < timeoutMs) {
            if (!m_process.waitForReadyRead(1000) && m_process.state() != QProcess::Running)
                break;
            out += m_process.readAllStandardOutput();
        }
        m_readyLine = QString::fromUtf8(out).trimmed();
        if (!m_readyLine.startsWith(QLatin1String("ready "))) {
            qWarning().noquote() << "sandbox did not start:" << m_readyLine << m_process.readAllStandardError();
            return false;
        }
        for (const QString &part : m_readyLine.split(u' ')) {
            if (part.startsWith(QLatin1String("https://")))
                m_url = part;
            else if (part.startsWith(QLatin1String("router=")))
                m_router = part.mid(7);
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    QString kubeconfig() const { return m_kubeconfig; }
    QString url() const { return m_url; }
    QString router() const { return m_router; }
    QString readyLine() const { return m_readyLine; }
    QString dir() const { return m_dir.path(); }
    qint64 pid() const { return m_process.processId(); }
    QByteArray stderrOutput() { return m_process.readAllStandardError(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_kubeconfig;
    QString m_url;
    QString m_router;
    QString m_readyLine;
};
