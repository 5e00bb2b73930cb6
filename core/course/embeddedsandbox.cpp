#include "embeddedsandbox.h"

#include "courselog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>

namespace course {

namespace {

constexpr qsizetype kStderrKept = 4096;

QString sandboxName()
{
    return QStringLiteral("courseops-sandbox");
}

} // namespace

EmbeddedSandbox::EmbeddedSandbox(QObject *parent)
    : QObject(parent)
{
}

EmbeddedSandbox::~EmbeddedSandbox()
{
    stop();
}

QString EmbeddedSandbox::findBinary()
{
    const QString fromEnv = qEnvironmentVariable("COURSEOPS_SANDBOX_BINARY");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable())
        return fromEnv;
    const QString nextToUs = QDir(QCoreApplication::applicationDirPath()).filePath(sandboxName());
    if (QFileInfo(nextToUs).isExecutable())
        return nextToUs;
    return QStandardPaths::findExecutable(sandboxName());
}

bool EmbeddedSandbox::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void EmbeddedSandbox::start(const Options &options)
{
    stop();
    const QString binary = options.binary.isEmpty() ? findBinary() : options.binary;
    if (binary.isEmpty()) {
        Q_EMIT failed(tr("The built-in sandbox (courseops-sandbox) was not found next to this program or on "
                         "PATH. Reinstall CourseOps, or connect to a cluster with a kubeconfig (File ▸ Connect)."));
        return;
    }
    QString stateDir = options.stateDir;
    if (stateDir.isEmpty())
        stateDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("sandbox"));
    if (!QDir().mkpath(stateDir)) {
        Q_EMIT failed(tr("Cannot create the sandbox's folder %1. Check that the disk is writable and not full.")
                          .arg(QDir::toNativeSeparators(stateDir)));
        return;
    }
    m_runtime = options.runtime;
    if (m_runtime.isEmpty())
        m_runtime = QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty() ? QStringLiteral("simulated")
                                                                                    : QStringLiteral("node");
    const QDir dir(stateDir);
    m_endpoints = {};
    m_endpoints.kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    m_endpoints.githubEnv = dir.filePath(QStringLiteral("github.env"));
    QStringList arguments{QStringLiteral("--state-dir"), stateDir,
                          QStringLiteral("--write-kubeconfig"), m_endpoints.kubeconfig,
                          QStringLiteral("--write-github-env"), m_endpoints.githubEnv,
                          QStringLiteral("--runtime"), m_runtime};
    if (!options.roster.isEmpty())
        arguments << QStringLiteral("--roster") << options.roster;
    arguments << options.extraArguments;

    m_ready = false;
    m_stopping = false;
    m_stdout.clear();
    m_stderrTail.clear();
    m_process = new QProcess(this);
    m_process->setProgram(binary);
    m_process->setArguments(arguments);
    // The sandbox must not outlive the console, even when the console crashes.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &EmbeddedSandbox::onOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderrTail += m_process->readAllStandardError();
        if (m_stderrTail.size() > kStderrKept)
            m_stderrTail = m_stderrTail.right(kStderrKept);
    });
    connect(m_process, &QProcess::finished, this, &EmbeddedSandbox::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this, binary](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("The built-in sandbox %1 could not be started: %2.")
                              .arg(QDir::toNativeSeparators(binary), m_process->errorString()));
    });
    qCInfo(lcCourse) << "starting the sandbox:" << binary << arguments;
    m_process->start();
}

void EmbeddedSandbox::onOutput()
{
    m_stdout += m_process->readAllStandardOutput();
    if (m_ready)
        return;
    const qsizetype end = m_stdout.indexOf('\n');
    if (end < 0)
        return;
    const QString line = QString::fromUtf8(m_stdout.left(end)).trimmed();
    if (!line.startsWith(QLatin1String("ready "))) {
        m_stdout.remove(0, end + 1);
        onOutput();
        return;
    }
    for (const QString &part : line.split(u' ', Qt::SkipEmptyParts)) {
        if (part.startsWith(QLatin1String("https://")))
            m_endpoints.kubernetes = QUrl(part);
        else if (part.startsWith(QLatin1String("github=")))
            m_endpoints.github = QUrl(part.mid(7));
        else if (part.startsWith(QLatin1String("router=")))
            m_endpoints.router = QUrl(part.mid(7)).authority();
    }
    m_ready = true;
    m_stdout.clear();
    qCInfo(lcCourse) << "sandbox ready at" << m_endpoints.kubernetes.toString();
    Q_EMIT ready(m_endpoints);
}

void EmbeddedSandbox::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping)
        return;
    QString why = QString::fromUtf8(m_stderrTail).trimmed();
    if (why.isEmpty())
        why = status == QProcess::CrashExit ? tr("it crashed") : tr("it exited with code %1").arg(exitCode);
    const QString where = m_process ? m_process->arguments().value(1) : QString();
    if (m_ready)
        Q_EMIT failed(tr("The built-in sandbox stopped: %1. Reconnect (File ▸ Connect) to start it again.").arg(why));
    else
        Q_EMIT failed(tr("The built-in sandbox did not start: %1. If its saved state is damaged, delete the "
                         "folder %2 and start again.")
                          .arg(why, QDir::toNativeSeparators(where)));
}

void EmbeddedSandbox::stop()
{
    if (!m_process)
        return;
    m_stopping = true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: the sandbox saves its state and exits
        if (!m_process->waitForFinished(15000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    delete m_process;
    m_process = nullptr;
    m_ready = false;
}

} // namespace course
