// `courseops-sandbox --state-dir` keeps the cluster and the repositories across a
// restart: what kubectl wrote before is there after, with the same
// resourceVersions and the same credentials.
#include "../common/sandboxprocess.h"

#include <QFile>
#include <QTest>

class TestSandboxState : public QObject
{
    Q_OBJECT

private:
    QString m_kubeconfig;
    QString m_home;
    QString m_manifest;

    QString kubectl(const QStringList &args, int *exitCode = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_kubeconfig);
        env.insert(QStringLiteral("HOME"), m_home);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("kubectl"), args);
        p.waitForFinished(60000);
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

private Q_SLOTS:
    void restartKeepsState()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not on PATH: this test drives the real kubectl");
        QTemporaryDir state;
        QTemporaryDir home;
        m_home = home.path();
        m_manifest = home.filePath(QStringLiteral("notes.yaml"));
        QFile manifest(m_manifest);
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: course-notes\ndata:\n  week: \"3\"\n");
        manifest.close();
        const QStringList args{QStringLiteral("--state-dir"), state.path(), QStringLiteral("--time-scale"),
                               QStringLiteral("10")};
        QString rv;
        QString token;
        {
            SandboxProcess first;
            QVERIFY(first.start(args));
            m_kubeconfig = first.kubeconfig();
            int code = -1;
            // From a manifest: the generic (JSON) path. The sandbox publishes no OpenAPI,
            // so validation is off, as it is against any server without it.
            kubectl({QStringLiteral("create"), QStringLiteral("-n"), QStringLiteral("students"),
                     QStringLiteral("--validate=false"), QStringLiteral("-f"), m_manifest},
                    &code);
            QCOMPARE(code, 0);
            kubectl({QStringLiteral("label"), QStringLiteral("deployment"), QStringLiteral("priya-iyer"),
                     QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("reviewed=yes")},
                    &code);
            QCOMPARE(code, 0);
            rv = kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("course-notes"),
                          QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.metadata.resourceVersion}")});
            QVERIFY(!rv.isEmpty());
            QFile kc(m_kubeconfig);
            QVERIFY(kc.open(QIODevice::ReadOnly));
            token = QString::fromUtf8(kc.readAll()).split(u'\n').filter(QStringLiteral("token:")).value(0).trimmed();
            first.stop(); // SIGTERM: the sandbox writes its state and exits
        }
        QVERIFY(QFile::exists(state.filePath(QStringLiteral("kube-objects.jsonl"))));

        SandboxProcess second;
        QVERIFY(second.start(args));
        m_kubeconfig = second.kubeconfig();
        QFile kc(m_kubeconfig);
        QVERIFY(kc.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(kc.readAll()).split(u'\n').filter(QStringLiteral("token:")).value(0).trimmed(), token);
        QCOMPARE(kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("course-notes"),
                          QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.data.week} {.metadata.resourceVersion}")}),
                 QStringLiteral("3 ") + rv);
        QCOMPARE(kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("priya-iyer"),
                          QStringLiteral("-n"), QStringLiteral("students"), QStringLiteral("-o"),
                          QStringLiteral("jsonpath={.metadata.labels.reviewed}")}),
                 QStringLiteral("yes"));
        // Still 41 students, not 82: the course was restored, not seeded again.
        QCOMPARE(kubectl({QStringLiteral("get"), QStringLiteral("deployments"), QStringLiteral("-n"),
                          QStringLiteral("students"), QStringLiteral("--no-headers")})
                     .split(u'\n')
                     .size(),
                 41);
    }
};

QTEST_GUILESS_MAIN(TestSandboxState)
#include "tst_sandboxstate.moc"
