// The pod-status table (tests/unit/tst_podstatus_shapes.cpp) against the real
// kubectl: the sandbox serves every shape as a pod, and `kubectl get pods`
// must print the STATUS, READY and RESTARTS that the table expects and that
// our printPod gives for the pod the server holds.
//
// The pods are bound to a node that no kubelet runs (the sandbox's simulated
// kubelet only runs its own Node objects), so nothing overwrites their status:
// it is written through the pods/status subresource, as a kubelet does.
// Shapes being deleted are deleted with a grace period first, which leaves
// them Terminating for good, with no kubelet to finish the deletion.
#include "../common/sandboxprocess.h"
#include "../unit/tst_podstatus_shapes.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "kube/podinfo.h"
#include "kube/podstatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kNamespace = u"podshapes"_s;
const QString kNoKubeletNode = u"node-without-kubelet"_s;

// Moves every RFC 3339 time in `json` by `seconds`, so that relative times
// ("5m ago") come out as the table expects them at kNow.
QByteArray shiftTimes(const QByteArray &json, qint64 seconds)
{
    static const QRegularExpression time(u"\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?Z\""_s);
    QString text = QString::fromUtf8(json);
    QString out;
    qsizetype last = 0;
    auto it = time.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QDateTime t = QDateTime::fromString(m.captured(1) + u'Z', Qt::ISODate);
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += u'"' + t.addSecs(seconds).toUTC().toString(Qt::ISODate) + u'"';
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

struct Printed
{
    QString ready, status, restarts;
};

// `kubectl get pods` output by column, found from the header's positions
// (RESTARTS may hold spaces: "3 (5m ago)").
QHash<QString, Printed> parseTable(const QString &text, QString *problem)
{
    QHash<QString, Printed> rows;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    if (lines.isEmpty()) {
        *problem = u"kubectl printed nothing"_s;
        return rows;
    }
    const QString &header = lines.first();
    const qsizetype ready = header.indexOf(u"READY"), status = header.indexOf(u"STATUS"),
                    restarts = header.indexOf(u"RESTARTS"), age = header.indexOf(u"AGE");
    if (ready < 0 || status < 0 || restarts < 0 || age < 0) {
        *problem = u"unexpected header: "_s + header;
        return rows;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        rows.insert(line.left(ready).trimmed(),
                    {line.mid(ready, status - ready).trimmed(), line.mid(status, restarts - status).trimmed(),
                     line.mid(restarts, age - restarts).trimmed()});
    }
    return rows;
}

} // namespace

class TestPodStatusKubectl : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    std::shared_ptr<kube::ClusterAccess> m_access;
    std::unique_ptr<kube::KubeClient> m_client;

    kube::ApiResult call(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        kube::ApiRequest r;
        r.verb = verb;
        r.path = path;
        if (!body.isEmpty()) {
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            r.contentType = "application/json";
        }
        return m_client->sendAndWait(r);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"kubectl"_s).isEmpty())
            QSKIP("kubectl is not on PATH: this test compares our pod status with the real kubectl's");
        QVERIFY(m_sandbox.start({u"--runtime"_s, u"simulated"_s}));
        QString error;
        m_access = kube::ClusterAccess::fromKubeconfig({m_sandbox.kubeconfig()}, QString(), &error);
        QVERIFY2(m_access, qPrintable(error));
        m_client = std::make_unique<kube::KubeClient>(m_access);
        const kube::ApiResult ns = call("POST", kube::resourcePath(kube::kinds::namespaces),
                                        {{u"apiVersion"_s, u"v1"_s},
                                         {u"kind"_s, u"Namespace"_s},
                                         {u"metadata"_s, QJsonObject{{u"name"_s, kNamespace}}}});
        QVERIFY2(ns.ok(), qPrintable(ns.status.message));
        const kube::ApiResult node =
            call("GET", kube::resourcePath(kube::kinds::nodes, QString(), kNoKubeletNode));
        QCOMPARE(node.status.code, 404); // no Node, so no kubelet for it
    }

    void kubectlPrintsTheTable()
    {
        const QList<podshapes::PodShape> shapes = podshapes::podShapes();
        QVERIFY(shapes.size() >= 30);
        // Times move so that "now" is kNow; kubectl reads them a few seconds later.
        const qint64 shift = QDateTime::currentSecsSinceEpoch() - podshapes::kNow;
        QHash<QString, QByteArray> served; // pod name -> the JSON the server holds
        QHash<QString, const podshapes::PodShape *> shapeOf;
        for (qsizetype i = 0; i < shapes.size(); ++i) {
            const podshapes::PodShape &shape = shapes.at(i);
            const QString name = u"shape-%1"_s.arg(i, 2, 10, QLatin1Char('0'));
            shapeOf.insert(name, &shape);
            const QJsonObject fixture = QJsonDocument::fromJson(shiftTimes(shape.json, shift)).object();
            QVERIFY2(!fixture.isEmpty(), shape.tag);
            QJsonObject spec = fixture.value(u"spec"_s).toObject();
            if (spec.contains(u"nodeName"_s))
                spec.insert(u"nodeName"_s, kNoKubeletNode);
            else if (!spec.contains(u"schedulingGates"_s))
                spec.insert(u"schedulerName"_s,
                            u"courseops-no-such-scheduler"_s); // stays Pending, unscheduled
            const QJsonObject metadata{{u"name"_s, name}, {u"labels"_s, fixture[u"metadata"_s][u"labels"_s]}};
            const QString path = kube::resourcePath(kube::kinds::pods, kNamespace, name);
            const kube::ApiResult created = call("POST", kube::resourcePath(kube::kinds::pods, kNamespace),
                                                 {{u"apiVersion"_s, u"v1"_s},
                                                  {u"kind"_s, u"Pod"_s},
                                                  {u"metadata"_s, metadata},
                                                  {u"spec"_s, spec}});
            QVERIFY2(created.ok(),
                     qPrintable(u"%1: %2"_s.arg(QLatin1String(shape.tag), created.status.message)));

            if (fixture[u"metadata"_s].toObject().contains(u"deletionTimestamp"_s)) {
                const kube::ApiResult deleted = call("DELETE", path,
                                                     {{u"apiVersion"_s, u"v1"_s},
                                                      {u"kind"_s, u"DeleteOptions"_s},
                                                      {u"gracePeriodSeconds"_s, 30}});
                QVERIFY2(deleted.ok(), qPrintable(deleted.status.message));
            }
            // As a kubelet reports: the pod as read, with the new status, to pods/status.
            const kube::ApiResult current = call("GET", path);
            QVERIFY2(current.ok(), qPrintable(current.status.message));
            QJsonObject pod = QJsonDocument::fromJson(current.body).object();
            pod.insert(u"status"_s, fixture.value(u"status"_s));
            const kube::ApiResult written = call("PUT", path + u"/status"_s, pod);
            QVERIFY2(written.ok(),
                     qPrintable(u"%1: %2"_s.arg(QLatin1String(shape.tag), written.status.message)));
            served.insert(name, written.body);
        }

        // Held as written: no kubelet or scheduler touched them since.
        for (auto it = served.cbegin(); it != served.cend(); ++it) {
            const kube::ApiResult now =
                call("GET", kube::resourcePath(kube::kinds::pods, kNamespace, it.key()));
            QVERIFY2(now.ok(), qPrintable(now.status.message));
            QCOMPARE(QJsonDocument::fromJson(now.body).object()[u"metadata"_s][u"resourceVersion"_s],
                     QJsonDocument::fromJson(it.value()).object()[u"metadata"_s][u"resourceVersion"_s]);
        }

        QProcess kubectl;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"KUBECONFIG"_s, m_sandbox.kubeconfig());
        env.insert(u"HOME"_s, m_sandbox.dir()); // a fresh discovery cache
        kubectl.setProcessEnvironment(env);
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        kubectl.start(u"kubectl"_s, {u"get"_s, u"pods"_s, u"-n"_s, kNamespace});
        QVERIFY(kubectl.waitForFinished(120000));
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        const QString output = QString::fromUtf8(kubectl.readAllStandardOutput());
        QVERIFY2(kubectl.exitCode() == 0, kubectl.readAllStandardError().constData());
        const QString artifacts = qEnvironmentVariable("COURSEOPS_ARTIFACTS");
        if (!artifacts.isEmpty() && QDir().mkpath(artifacts)) { // what kubectl printed, for a person to read
            QFile saved(artifacts + u"/podshapes-kubectl.txt"_s);
            if (saved.open(QIODevice::WriteOnly))
                saved.write(output.toUtf8());
        }
        QString problem;
        const QHash<QString, Printed> printed = parseTable(output, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(printed.size(), shapes.size());

        int agreed = 0;
        QStringList disagreements;
        for (auto it = shapeOf.cbegin(); it != shapeOf.cend(); ++it) {
            const podshapes::PodShape &shape = *it.value();
            const Printed row = printed.value(it.key());
            const std::optional<kube::PodInfo> pod = kube::parsePodJson(served.value(it.key()));
            QVERIFY2(pod, shape.tag);
            // Our printPod at some moment while kubectl ran.
            bool oursAgrees = false;
            QString ours;
            for (qint64 t = before - 1; t <= after + 1 && !oursAgrees; ++t) {
                const kube::PodPrint p = kube::printPod(*pod, t);
                ours = p.status + u" | "_s + p.readyText + u" | "_s + p.restartsText;
                oursAgrees =
                    p.status == row.status && p.readyText == row.ready && p.restartsText == row.restarts;
            }
            // The table's expectation (restart ages move on while kubectl runs; the count does not).
            const bool tableAgrees = row.status == shape.status && row.ready == shape.ready &&
                                     row.restarts.section(u' ', 0, 0) == shape.restarts.section(u' ', 0, 0) &&
                                     row.restarts.contains(u'(') == shape.restarts.contains(u'(');
            if (oursAgrees && tableAgrees) {
                ++agreed;
                continue;
            }
            disagreements
                << u"%1 (%2): kubectl printed %3 | %4 | %5; the table expects %6 | %7 | %8; printPod gives %9"_s
                       .arg(QLatin1String(shape.tag), it.key(), row.status, row.ready, row.restarts,
                            shape.status, shape.ready, shape.restarts, ours);
        }
        qInfo("kubectl and the table agree on %d of %lld pod shapes", agreed, qlonglong(shapes.size()));
        QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u'\n')));
    }

    void cleanupTestCase() { m_client.reset(); }
};

QTEST_GUILESS_MAIN(TestPodStatusKubectl)
#include "tst_podstatus_kubectl.moc"
