// courseops-cli status as a person runs it: one row per student whose STATUS,
// READY and RESTARTS are what kubectl prints for the same pod, and whose
// ROLLOUT is what kubectl rollout status says; and the exit codes and messages
// for a bad kubeconfig, an unknown context and an unreachable server.
#include "kubetestkit.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace kubetest;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QString &home = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"KUBECONFIG"_s);
    if (!home.isEmpty())
        env.insert(u"HOME"_s, home);
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

    Run cli(const QStringList &args)
    {
        return run(QStringLiteral(COURSEOPS_CLI_BINARY), QStringList{u"status"_s} + args);
    }
    Run kubectl(const QStringList &args)
    {
        return run(u"kubectl"_s, QStringList{u"--kubeconfig"_s, m_sandbox.kubeconfig()} + args,
                   m_sandbox.dir());
    }

    // pod name -> {READY, STATUS, RESTARTS without "(5m ago)"} as kubectl prints them.
    QHash<QString, QStringList> kubectlPods()
    {
        const Run r = kubectl({u"get"_s, u"pods"_s, u"-n"_s, u"students"_s, u"--no-headers"_s});
        QHash<QString, QStringList> out;
        for (const QString &line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList cols = line.split(QRegularExpression(u"\\s{2,}"_s));
            if (cols.size() >= 5)
                out.insert(cols[0], {cols[1], cols[2], cols[3].section(u' ', 0, 0)});
        }
        return out;
    }

    // Both clients looked at the same moment; true when every pod row agrees.
    bool agreesWithKubectl(QString *why)
    {
        const QHash<QString, QStringList> theirs = kubectlPods();
        const Run mine = cli({u"--kubeconfig"_s, m_sandbox.kubeconfig(), u"-o"_s, u"json"_s});
        const QJsonArray items = QJsonDocument::fromJson(mine.out.toUtf8()).object()[u"items"_s].toArray();
        if (items.size() != 41) {
            *why = u"%1 rows: %2"_s.arg(items.size()).arg(mine.err);
            return false;
        }
        for (const QJsonValue &v : items) {
            const QJsonObject row = v.toObject();
            const QString pod = row[u"pod"_s].toString();
            const QStringList expected = theirs.value(pod);
            const QStringList actual{row[u"ready"_s].toString(), row[u"status"_s].toString(),
                                     row[u"restarts"_s].toString().section(u' ', 0, 0)};
            if (expected != actual) {
                *why = u"%1 (%2): kubectl %3, courseops %4"_s.arg(row[u"login"_s].toString(), pod,
                                                                  expected.join(u' '), actual.join(u' '));
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"kubectl"_s).isEmpty())
            QSKIP("kubectl is not on PATH: these tests compare with what it prints");
        // The demo course: 41 students, some of whose apps crash, run out of
        // memory, cannot pull their image, cannot be scheduled or lack a Secret.
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s, u"--time-scale"_s, u"2"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(
            kubectl({u"get"_s, u"pods"_s, u"-n"_s, u"students"_s}).out.contains(u"CrashLoopBackOff"_s),
            60000);
    }

    void statusAgreesWithKubectl()
    {
        QString why;
        // Crash loops change state every few seconds; the two reads agree once they fall between changes.
        QVERIFY2(eventually([&] { return agreesWithKubectl(&why); }, 30000), qPrintable(why));
        const QString table = cli({u"--kubeconfig"_s, m_sandbox.kubeconfig()}).out;
        for (const char *status : {"Running", "CrashLoopBackOff", "Pending", "ImagePullBackOff"})
            QVERIFY2(table.contains(QLatin1String(status)), status);
    }

    void tableAsAPersonReadsIt()
    {
        const Run r = cli({u"--kubeconfig"_s, m_sandbox.kubeconfig(), u"--context"_s, u"sandbox-ta"_s});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 42);
        QVERIFY2(
            QRegularExpression(
                u"^LOGIN\\s{3,}NAMESPACE\\s{3,}STATUS\\s{3,}READY\\s{3,}RESTARTS\\s{3,}AGE\\s{3,}ROLLOUT$"_s)
                .match(lines.first())
                .hasMatch(),
            qPrintable(lines.first()));
        QStringList logins;
        for (const QString &l : lines.mid(1))
            logins << l.section(u' ', 0, 0);
        QStringList sorted = logins;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(logins, sorted);
        QVERIFY2(
            QRegularExpression(
                u"\\naarav-shar\\s+students\\s+Running\\s+1/1\\s+0\\s+\\d+[smh]\\s+successfully rolled out\\n"_s)
                .match(r.out)
                .hasMatch(),
            qPrintable(r.out));
    }

    // The ROLLOUT column carries kubectl rollout status's words.
    void rolloutAgreesWithKubectl()
    {
        const QJsonArray items =
            QJsonDocument::fromJson(
                cli({u"--kubeconfig"_s, m_sandbox.kubeconfig(), u"-o"_s, u"json"_s}).out.toUtf8())
                .object()[u"items"_s]
                .toArray();
        int checked = 0;
        for (const QJsonValue &v : items) {
            const QString login = v[u"login"_s].toString();
            if (login != u"aarav-shar"_s && login != u"kavya-rao"_s && login != u"jonas-beck"_s)
                continue;
            const Run r = kubectl({u"rollout"_s, u"status"_s, u"-n"_s, u"students"_s,
                                   u"deployment/"_s + login, u"--watch=false"_s});
            QVERIFY2(r.out.contains(v[u"rollout"_s].toString()),
                     qPrintable(u"%1: kubectl says '%2', courseops '%3'"_s.arg(login, r.out.trimmed(),
                                                                               v[u"rollout"_s].toString())));
            ++checked;
        }
        QCOMPARE(checked, 3);
    }

    void noStudentsInANamespace()
    {
        const Run r = cli({u"--kubeconfig"_s, m_sandbox.kubeconfig(), u"-n"_s, u"kube-system"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(u"No students found"_s) && r.err.contains(u"namespace kube-system"_s),
                 qPrintable(r.err));
    }

    void badKubeconfig()
    {
        const QString path = m_sandbox.dir() + u"/broken-kubeconfig"_s;
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nclusters:\n- name: [unclosed\n");
        f.close();
        const Run r = cli({u"--kubeconfig"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"courseops-cli: "_s + path + u':'), qPrintable(r.err));
        const Run missing = cli({u"--kubeconfig"_s, m_sandbox.dir() + u"/nothing-here"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"No kubeconfig found"_s), qPrintable(missing.err));
        const Run context = cli({u"--kubeconfig"_s, m_sandbox.kubeconfig(), u"--context"_s, u"nope"_s});
        QCOMPARE(context.exitCode, 1);
        QVERIFY2(context.err.contains(u"nope"_s), qPrintable(context.err));
        QCOMPARE(cli({u"--kubeconfig"_s, m_sandbox.kubeconfig(), u"-o"_s, u"yaml"_s}).exitCode, 2);
    }

    void unreachableServer()
    {
        const Cluster c = clusterOf(m_sandbox);
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const QString path =
            writeKubeconfig(m_sandbox.dir() + u"/unreachable"_s, QUrl(u"https://127.0.0.1:%1"_s.arg(port)),
                            c.caPem, tokenUser(c.adminToken));
        const Run r = cli({u"--kubeconfig"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.startsWith(
                u"courseops-cli: Cannot reach the cluster at 127.0.0.1:%1: the connection was refused."_s.arg(
                    port)),
            qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
