#include "sandbox/noderuntime.h"

#include "kube/quantity.h"
#include "sandbox/githubapi.h"
#include "sandbox/sandboxlog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <csignal>
#include <pty.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sandbox {

namespace {

QString studentOf(const QJsonObject &pod)
{
    return pod[QStringLiteral("metadata")][QStringLiteral("labels")][QStringLiteral("courseops.io/student")].toString();
}

QString podKeyOf(const QJsonObject &pod)
{
    return ObjectStore::keyOf(pod[QStringLiteral("metadata")][QStringLiteral("namespace")].toString(),
                              pod[QStringLiteral("metadata")][QStringLiteral("name")].toString());
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

qint64 memoryLimit(const QJsonObject &container)
{
    const QString limit = container[QStringLiteral("resources")][QStringLiteral("limits")][QStringLiteral("memory")].toString();
    const auto q = kube::Quantity::parse(limit);
    return q ? q->value() : 0;
}

// The file `npm start` would run: "node <file>" from scripts.start, else main, else index.js.
QStringList startCommand(const QString &dir)
{
    QFile f(dir + QLatin1String("/package.json"));
    QString file = QStringLiteral("index.js");
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonObject pkg = QJsonDocument::fromJson(f.readAll()).object();
        const QString start = pkg[QStringLiteral("scripts")][QStringLiteral("start")].toString();
        if (start.startsWith(QLatin1String("node ")))
            return start.mid(5).split(u' ', Qt::SkipEmptyParts);
        if (pkg.contains(QStringLiteral("main")))
            file = pkg.value(QStringLiteral("main")).toString();
    }
    return {file};
}

QByteArray execStatus(int exitCode, const QStringList &command)
{
    if (exitCode == 0)
        return R"({"metadata":{},"status":"Success"})";
    const QJsonObject status{
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), QStringLiteral("command terminated with non-zero exit code: error executing command "
                                                   "[%1], exit code %2")
                                        .arg(command.join(u' '))
                                        .arg(exitCode)},
        {QStringLiteral("reason"), QStringLiteral("NonZeroExitCode")},
        {QStringLiteral("details"),
         QJsonObject{{QStringLiteral("causes"),
                      QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                             {QStringLiteral("message"), QString::number(exitCode)}}}}}}};
    return QJsonDocument(status).toJson(QJsonDocument::Compact);
}

// One `kubectl exec` session: the channel protocol (v4/v5) over a WebSocket,
// bridged to a process, through a PTY when tty is asked for.
class ExecSession : public QObject
{
public:
    ExecSession(QWebSocket *socket, const QString &dir, const QStringList &command, bool stdinOn, bool tty,
                const QProcessEnvironment &env)
        : QObject(socket)
        , m_socket(socket)
        , m_command(command)
    {
        connect(socket, &QWebSocket::binaryMessageReceived, this, &ExecSession::onMessage);
        connect(socket, &QWebSocket::disconnected, this, &ExecSession::kill);
        if (tty)
            startPty(dir, env);
        else
            startPipes(dir, stdinOn, env);
    }

    ~ExecSession() override { kill(); }

private:
    void startPipes(const QString &dir, bool stdinOn, const QProcessEnvironment &env)
    {
        m_process = new QProcess(this);
        m_process->setWorkingDirectory(dir);
        m_process->setProcessEnvironment(env);
        connect(m_process, &QProcess::readyReadStandardOutput, this,
                [this] { send(1, m_process->readAllStandardOutput()); });
        connect(m_process, &QProcess::readyReadStandardError, this,
                [this] { send(2, m_process->readAllStandardError()); });
        connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
            send(1, m_process->readAllStandardOutput());
            send(2, m_process->readAllStandardError());
            finish(status == QProcess::CrashExit ? 137 : code);
        });
        connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart) {
                send(2, "exec: \"" + m_command.value(0).toUtf8() + "\": executable file not found in $PATH\n");
                finish(127);
            }
        });
        m_process->start(m_command.value(0), m_command.mid(1));
        if (!stdinOn)
            m_process->closeWriteChannel();
    }

    void startPty(const QString &dir, const QProcessEnvironment &env)
    {
        struct winsize size {};
        size.ws_row = 24;
        size.ws_col = 80;
        int master = -1;
        const pid_t pid = forkpty(&master, nullptr, nullptr, &size);
        if (pid < 0) {
            send(2, "cannot allocate a terminal\n");
            finish(1);
            return;
        }
        if (pid == 0) {
            if (chdir(dir.toLocal8Bit().constData()) != 0)
                _exit(126);
            const QStringList vars = env.toStringList();
            clearenv();
            for (const QString &v : vars)
                putenv(strdup(v.toLocal8Bit().constData()));
            setenv("TERM", "xterm-256color", 1);
            QList<QByteArray> args;
            for (const QString &a : m_command)
                args << a.toLocal8Bit();
            std::vector<char *> argv;
            for (QByteArray &a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            execvp(argv[0], argv.data());
            const QByteArray msg = "exec: \"" + args.value(0) + "\": executable file not found in $PATH\r\n";
            (void)!write(STDERR_FILENO, msg.constData(), size_t(msg.size()));
            _exit(127);
        }
        m_pid = pid;
        m_master = master;
        m_notifier = new QSocketNotifier(master, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char buffer[16384];
            const ssize_t n = read(m_master, buffer, sizeof buffer);
            if (n > 0) {
                send(1, QByteArray(buffer, n));
                return;
            }
            // EIO: the shell is gone and the terminal closed.
            m_notifier->setEnabled(false);
            int status = 0;
            waitpid(m_pid, &status, 0);
            m_pid = -1;
            finish(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
        });
    }

    void onMessage(const QByteArray &message)
    {
        if (message.isEmpty())
            return;
        const int channel = quint8(message[0]);
        const QByteArray data = message.mid(1);
        switch (channel) {
        case 0: // stdin
            if (m_process)
                m_process->write(data);
            else if (m_master >= 0)
                (void)!write(m_master, data.constData(), size_t(data.size()));
            break;
        case 4: { // resize
            const QJsonObject size = QJsonDocument::fromJson(data).object();
            if (m_master >= 0) {
                struct winsize ws {};
                ws.ws_col = quint16(size.value(QStringLiteral("Width")).toInt());
                ws.ws_row = quint16(size.value(QStringLiteral("Height")).toInt());
                ioctl(m_master, TIOCSWINSZ, &ws);
            }
            break;
        }
        case 255: // v5: the client closed one of its streams
            if (!data.isEmpty() && data.at(0) == 0) {
                if (m_process)
                    m_process->closeWriteChannel();
                else if (m_master >= 0)
                    (void)!write(m_master, "\x04", 1);
            }
            break;
        }
    }

    void send(int channel, const QByteArray &data)
    {
        if (!data.isEmpty() && m_socket)
            m_socket->sendBinaryMessage(QByteArray(1, char(channel)) + data);
    }

    void finish(int exitCode)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_socket) {
            m_socket->sendBinaryMessage(QByteArray(1, char(3)) + execStatus(exitCode, m_command));
            m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        }
    }

    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
        if (m_master >= 0) {
            if (m_notifier)
                m_notifier->setEnabled(false);
            close(m_master);
            m_master = -1;
        }
    }

    QPointer<QWebSocket> m_socket;
    QStringList m_command;
    QProcess *m_process = nullptr;
    pid_t m_pid = -1;
    int m_master = -1;
    QSocketNotifier *m_notifier = nullptr;
    bool m_finished = false;
};

} // namespace

// ---- code -------------------------------------------------------------------

bool FolderCodeSource::writeDemoApp(const QString &directory, const QString &behaviour, QString *error)
{
    QDir().mkpath(directory);
    QFile templateJs(QStringLiteral(":/demo/app/index.js"));
    QFile templatePkg(QStringLiteral(":/demo/app/package.json"));
    if (!templateJs.open(QIODevice::ReadOnly) || !templatePkg.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the demo app is missing from the sandbox's resources");
        return false;
    }
    QByteArray js = templateJs.readAll();
    if (behaviour == QLatin1String("crash"))
        js.replace("res.end(JSON.stringify(notes));", "res.end(JSON.stringify(notes);");
    else if (behaviour == QLatin1String("missing-module"))
        js.prepend("const express = require('express');\n");
    else if (behaviour == QLatin1String("needs-secret"))
        js.replace("const port = Number(process.env.PORT) || 3000;\n",
                   "const port = Number(process.env.PORT) || 3000;\n"
                   "if (!process.env.COURSE_API_KEY) {\n"
                   "  console.error('Error: COURSE_API_KEY is not set. It comes from the course-api Secret: ask the "
                   "course staff.');\n"
                   "  process.exit(1);\n"
                   "}\n");
    else if (behaviour == QLatin1String("oom"))
        js.append("\n// Keeps every request's data forever.\nconst cache = [];\nsetInterval(() => {\n"
                  "  for (let i = 0; i < 16; i++) cache.push(Buffer.alloc(1024 * 1024, 1));\n}, 100);\n");
    else if (behaviour == QLatin1String("slow-start"))
        js.replace("server.listen(port, () => {", "setTimeout(() => server.listen(port, () => {")
            .replace("  console.log(`Server listening on port ${port}`);\n});",
                     "  console.log(`Server listening on port ${port}`);\n}), 20000);");
    for (const auto &[name, bytes] : {std::pair{"index.js", js}, std::pair{"package.json", templatePkg.readAll()}}) {
        QFile out(directory + u'/' + QLatin1String(name));
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
            *error = QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString());
            return false;
        }
    }
    return true;
}

bool FolderCodeSource::checkout(const QJsonObject &pod, const QString &directory, QString *error)
{
    const QString login = studentOf(pod);
    const QDir source(m_root + u'/' + login);
    if (login.isEmpty() || !source.exists()) {
        *error = QStringLiteral("no code for this pod: it has no courseops.io/student label or %1 does not exist")
                     .arg(source.path());
        return false;
    }
    QDir(directory).removeRecursively();
    QDir().mkpath(directory);
    for (const QString &name : source.entryList(QDir::Files)) {
        if (!QFile::copy(source.filePath(name), directory + u'/' + name)) {
            *error = QStringLiteral("cannot copy %1 into %2").arg(name, directory);
            return false;
        }
    }
    return true;
}

bool GitCodeSource::checkout(const QJsonObject &pod, const QString &directory, QString *error)
{
    const QString login = studentOf(pod);
    QByteArray commit;
    QString repo;
    for (const QJsonValue &init : pod[QStringLiteral("spec")][QStringLiteral("initContainers")].toArray()) {
        for (const QJsonValue &e : init[QStringLiteral("env")].toArray()) {
            if (e[QStringLiteral("name")].toString() == QLatin1String("COMMIT"))
                commit = e[QStringLiteral("value")].toString().toLatin1();
            // The clone URL of a repository this sandbox serves (…/owner/name.git).
            if (e[QStringLiteral("name")].toString() == QLatin1String("REPO_URL")) {
                const QStringList parts = QUrl(e[QStringLiteral("value")].toString()).path().split(u'/', Qt::SkipEmptyParts);
                if (parts.size() == 2 && m_github) {
                    QString name = parts.at(1);
                    if (name.endsWith(QLatin1String(".git")))
                        name.chop(4);
                    if (m_github->hasRepository(parts.at(0), name))
                        repo = parts.at(0) + u'/' + name;
                }
            }
        }
    }
    if (repo.isEmpty() && m_github)
        repo = m_github->studentRepository(login);
    if (!m_github || repo.isEmpty())
        return FolderCodeSource::checkout(pod, directory, error);
    if (!GitStore::isValidId(commit)) {
        commit = m_github->branchHead(repo.section(u'/', 0, 0), repo.section(u'/', 1));
    }
    if (!m_github->store().exportCommit(commit, directory, error)) {
        *error = QStringLiteral("cannot check out %1 at %2: %3").arg(login, QString::fromLatin1(commit), *error);
        return false;
    }
    return true;
}

// ---- runtime -----------------------------------------------------------------

struct NodeRuntime::App
{
    QString podKey;
    QString container;
    QString login;
    QString dir;
    quint16 port = 0;
    qint64 memoryLimit = 0;
    QProcess *process = nullptr;
    QTimer *timer = nullptr;
    QByteArray partialOut;
    QByteArray partialErr;
    bool oomKilled = false;
    bool stopping = false;
    bool ready = false;
    bool probing = false;
    qint64 lastCpuTicks = -1;
    qint64 lastSampleMs = 0;
    qint64 cpuNanoCores = 0;
};

NodeRuntime::NodeRuntime(ObjectStore *store, EventRecorder *events, CodeSource *code, const QString &workDir,
                         QObject *parent)
    : Kubelet(store, events, parent)
    , m_code(code)
    , m_workDir(workDir)
{
    QDir().mkpath(workDir);
}

NodeRuntime::~NodeRuntime()
{
    for (App *app : std::as_const(m_apps)) {
        if (app->process) {
            app->process->kill();
            app->process->waitForFinished(2000);
        }
        delete app;
    }
}

NodeRuntime::App *NodeRuntime::appFor(const QString &podKey, const QString &container) const
{
    return m_apps.value(podKey + u'/' + container);
}

ContainerOutcome NodeRuntime::decide(const QJsonObject &pod, const QJsonObject &container, int restartCount)
{
    ContainerOutcome o = Kubelet::decide(pod, container, restartCount);
    if (o.kind == ContainerOutcome::Kind::ImagePullFails)
        return o;
    // What happens now is up to the student's code: the process and the probe tell.
    ContainerOutcome real;
    real.kind = ContainerOutcome::Kind::Runs;
    real.readyAfterMs = -1;
    return real;
}

void NodeRuntime::startContainer(const QString &podKey, const QJsonObject &pod, const QJsonObject &container)
{
    const QString name = container.value(QStringLiteral("name")).toString();
    stopContainer(podKey, name);
    auto *app = new App;
    app->podKey = podKey;
    app->container = name;
    app->login = studentOf(pod);
    app->dir = m_workDir + u'/' + QString(podKey).replace(u'/', u'_') + u'/' + name;
    app->memoryLimit = memoryLimit(container);
    app->port = freePort();
    m_apps.insert(podKey + u'/' + name, app);

    QString error;
    if (!m_code->checkout(pod, app->dir, &error)) {
        appendLog(podKey, name, "courseops-sandbox: " + error.toUtf8());
        QTimer::singleShot(0, this, [this, podKey, name] { containerExited(podKey, name, 1, QStringLiteral("Error")); });
        return;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QJsonValue &e : container.value(QStringLiteral("env")).toArray())
        env.insert(e[QStringLiteral("name")].toString(), e[QStringLiteral("value")].toString());
    env.insert(QStringLiteral("PORT"), QString::number(app->port)); // the pod's port, mapped to a free local one
    env.insert(QStringLiteral("STUDENT"), app->login);
    env.insert(QStringLiteral("HOSTNAME"), podKey.section(u'/', 1));

    app->process = new QProcess(this);
    app->process->setWorkingDirectory(app->dir);
    app->process->setProcessEnvironment(env);
    auto lines = [this, app](QByteArray &partial, const QByteArray &data) {
        partial += data;
        qsizetype nl;
        while ((nl = partial.indexOf('\n')) >= 0) {
            appendLog(app->podKey, app->container, partial.left(nl));
            partial.remove(0, nl + 1);
        }
    };
    connect(app->process, &QProcess::readyReadStandardOutput, this,
            [app, lines] { lines(app->partialOut, app->process->readAllStandardOutput()); });
    connect(app->process, &QProcess::readyReadStandardError, this,
            [app, lines] { lines(app->partialErr, app->process->readAllStandardError()); });
    connect(app->process, &QProcess::finished, this, [this, app](int code, QProcess::ExitStatus status) {
        if (!app->partialOut.isEmpty())
            appendLog(app->podKey, app->container, app->partialOut);
        if (!app->partialErr.isEmpty())
            appendLog(app->podKey, app->container, app->partialErr);
        if (app->stopping)
            return;
        if (app->timer)
            app->timer->stop();
        const int exitCode = app->oomKilled ? 137 : (status == QProcess::CrashExit ? 139 : code);
        const QString reason = app->oomKilled ? QStringLiteral("OOMKilled")
                                              : (exitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error"));
        // Copies: the exit stops the container, which deletes `app`.
        const QString key = app->podKey;
        const QString name = app->container;
        containerExited(key, name, exitCode, reason);
    });
    app->process->start(QStringLiteral("node"), startCommand(app->dir));
    if (!app->process->waitForStarted(5000)) {
        appendLog(podKey, name, "courseops-sandbox: cannot start node: " + app->process->errorString().toUtf8());
        QTimer::singleShot(0, this, [this, podKey, name] { containerExited(podKey, name, 127, QStringLiteral("Error")); });
        return;
    }
    app->timer = new QTimer(this);
    connect(app->timer, &QTimer::timeout, this, [this, app] {
        checkMemory(app);
        probe(app);
    });
    app->timer->start(int(std::max<qint64>(100, scaled(1000))));
}

void NodeRuntime::stopContainer(const QString &podKey, const QString &container)
{
    App *app = m_apps.take(podKey + u'/' + container);
    if (!app)
        return;
    app->stopping = true;
    if (app->timer) {
        // A timeout already queued must not reach the App deleted below.
        app->timer->stop();
        app->timer->disconnect();
        app->timer->deleteLater();
    }
    if (app->process) {
        QProcess *p = app->process;
        p->disconnect(this); // its output and exit no longer belong to a container
        if (p->state() != QProcess::NotRunning) {
            p->terminate(); // SIGTERM first, as the kubelet does; SIGKILL after the grace period
            QTimer::singleShot(2000, p, [p] {
                if (p->state() != QProcess::NotRunning)
                    p->kill();
            });
            connect(p, &QProcess::finished, p, &QObject::deleteLater);
        } else {
            p->deleteLater();
        }
    }
    delete app;
}

void NodeRuntime::probe(App *app)
{
    if (app->probing || !app->process || app->process->state() != QProcess::Running)
        return;
    app->probing = true;
    // An HTTP GET / as the readiness probe does: any 2xx or 3xx answer is ready.
    auto *socket = new QTcpSocket(this);
    auto done = [this, socket, key = app->podKey, container = app->container](bool ok) {
        socket->deleteLater();
        App *a = appFor(key, container);
        if (!a)
            return;
        a->probing = false;
        if (a->ready != ok) {
            a->ready = ok;
            containerReady(key, container, ok);
        }
    };
    connect(socket, &QTcpSocket::connected, socket, [socket] {
        socket->write("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: kube-probe/1.32\r\nConnection: close\r\n\r\n");
    });
    connect(socket, &QTcpSocket::readyRead, socket, [socket, done] {
        const QByteArray head = socket->peek(16);
        if (head.size() >= 12) {
            const int status = head.mid(9, 3).toInt();
            socket->disconnect();
            done(status >= 200 && status < 400);
        }
    });
    connect(socket, &QTcpSocket::errorOccurred, socket, [socket, done] {
        socket->disconnect();
        done(false);
    });
    QTimer::singleShot(1000, socket, [socket, done] {
        socket->disconnect();
        done(false);
    });
    socket->connectToHost(QHostAddress::LocalHost, app->port);
}

void NodeRuntime::checkMemory(App *app)
{
    if (!app->process || app->process->state() != QProcess::Running)
        return;
    const qint64 pid = app->process->processId();
    QFile statm(QStringLiteral("/proc/%1/statm").arg(pid));
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> f = statm.readAll().split(' ');
        const qint64 rss = f.value(1).toLongLong() * sysconf(_SC_PAGESIZE);
        if (app->memoryLimit > 0 && rss > app->memoryLimit) {
            // What the kernel's OOM killer does to a container over its cgroup limit.
            app->oomKilled = true;
            ::kill(pid_t(pid), SIGKILL);
            return;
        }
    }
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
        const qint64 ticks = f.value(11).toLongLong() + f.value(12).toLongLong(); // utime + stime
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        if (app->lastCpuTicks >= 0 && nowMs > app->lastSampleMs) {
            const double seconds = double(ticks - app->lastCpuTicks) / double(sysconf(_SC_CLK_TCK));
            app->cpuNanoCores = qint64(seconds / ((nowMs - app->lastSampleMs) / 1000.0) * 1e9);
        }
        app->lastCpuTicks = ticks;
        app->lastSampleMs = nowMs;
    }
}

QList<PodRuntime::Usage> NodeRuntime::usage(const QJsonObject &pod)
{
    QList<Usage> out;
    const QString key = podKeyOf(pod);
    for (const QJsonValue &c : pod[QStringLiteral("spec")][QStringLiteral("containers")].toArray()) {
        App *app = appFor(key, c[QStringLiteral("name")].toString());
        if (!app || !app->process || app->process->state() != QProcess::Running)
            continue;
        QFile statm(QStringLiteral("/proc/%1/statm").arg(app->process->processId()));
        qint64 rss = 0;
        if (statm.open(QIODevice::ReadOnly))
            rss = statm.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE);
        out.append({app->container, app->cpuNanoCores, rss});
    }
    return out;
}

quint16 NodeRuntime::appPortFor(const QString &login) const
{
    for (const App *app : m_apps) {
        if (app->login == login && app->ready)
            return app->port;
    }
    return 0;
}

void NodeRuntime::exec(const QJsonObject &pod, const QString &container, const QStringList &command, bool stdinOn,
                       bool tty, QWebSocket *socket)
{
    App *app = appFor(podKeyOf(pod), container);
    if (!app || !app->process || app->process->state() != QProcess::Running) {
        const QByteArray status = statusJson({500, QStringLiteral("InternalError"),
                                              QStringLiteral("unable to upgrade connection: container not found "
                                                             "(\"%1\")")
                                                  .arg(container),
                                              {}});
        socket->sendBinaryMessage(QByteArray(1, char(3)) + status);
        socket->close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    QProcessEnvironment env = app->process->processEnvironment();
    new ExecSession(socket, app->dir, command.isEmpty() ? QStringList{QStringLiteral("sh")} : command, stdinOn, tty, env);
}

// ---- router ------------------------------------------------------------------

SubdomainRouter::SubdomainRouter(NodeRuntime *runtime, const QString &domain, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_domain(domain)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SubdomainRouter::accept);
}

bool SubdomainRouter::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void SubdomainRouter::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        connect(client, &QTcpSocket::readyRead, this, [this, client] {
            if (client->property("piped").toBool())
                return;
            const QByteArray head = client->peek(64 * 1024);
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            QByteArray host;
            for (const QByteArray &line : head.left(end).split('\n')) {
                if (line.toLower().startsWith("host:"))
                    host = line.mid(5).trimmed().toLower();
            }
            host = host.left(host.indexOf(':') < 0 ? host.size() : host.indexOf(':'));
            const QByteArray suffix = '.' + m_domain.toUtf8();
            auto answer = [client](const QByteArray &status, const QByteArray &body) {
                client->write("HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                client->disconnectFromHost();
            };
            // <login>.localhost also reaches the app: browsers resolve *.localhost to
            // this machine, so "open the app" works without a DNS entry for the domain.
            const QByteArray localSuffix = ".localhost";
            const QByteArray &matched = host.endsWith(suffix) ? suffix : localSuffix;
            if (!host.endsWith(matched)) {
                answer("404 Not Found", "<h1>404</h1><p>No course app is served at this host.</p>\n");
                return;
            }
            const QString login = QString::fromUtf8(host.left(host.size() - matched.size()));
            const quint16 port = m_runtime->appPortFor(login);
            if (!port) {
                answer("503 Service Unavailable",
                       "<h1>503 Service Unavailable</h1><p>No app is running for " + login.toHtmlEscaped().toUtf8() +
                           " right now.</p>\n");
                return;
            }
            client->setProperty("piped", true);
            auto *upstream = new QTcpSocket(client);
            // One request per connection: the Host of a second one could name another student.
            QByteArray pending = client->readAll();
            QList<QByteArray> headLines;
            for (const QByteArray &line : pending.left(end).split('\n'))
                headLines << (line.endsWith('\r') ? line.chopped(1) : line);
            headLines.removeIf([](const QByteArray &l) { return l.toLower().startsWith("connection:"); });
            headLines << "Connection: close";
            pending = headLines.join("\r\n") + pending.mid(end);
            connect(upstream, &QTcpSocket::connected, upstream, [upstream, pending] { upstream->write(pending); });
            connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
            connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            connect(upstream, &QTcpSocket::errorOccurred, client, [client, answer](QAbstractSocket::SocketError) {
                if (client->bytesToWrite() == 0)
                    answer("502 Bad Gateway", "<h1>502 Bad Gateway</h1>\n");
            });
            upstream->connectToHost(QHostAddress::LocalHost, port);
        });
    }
}

} // namespace sandbox
