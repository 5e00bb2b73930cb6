#include "kube/rollout.h"

#include "kube/reflector.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace kube {

QString rfc3339Local(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    const int offset = local.offsetFromUtc();
    QString text = local.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss"));
    if (offset == 0)
        return text + u'Z';
    const int minutes = std::abs(offset) / 60;
    return text + (offset < 0 ? u'-' : u'+') +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QByteArray restartPatch(const QDateTime &now)
{
    const QJsonObject annotations{{QString(kRestartedAtAnnotation), rfc3339Local(now)}};
    const QJsonObject patch{
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("template"),
                      QJsonObject{{QStringLiteral("metadata"),
                                   QJsonObject{{QStringLiteral("annotations"), annotations}}}}}}}};
    return QJsonDocument(patch).toJson(QJsonDocument::Compact);
}

void rolloutRestart(KubeClient *client, const QString &ns, const QString &name, QObject *context,
                    ResultHandler done)
{
    const QString path = resourcePath(kinds::deployments, ns, name);
    QPointer<KubeClient> guard(client);
    client->get(path, context, [guard, path, ns, name, context, done](const ApiResult &got) {
        if (!got.ok() || !guard) {
            done(got);
            return;
        }
        const auto deployment = parseDeploymentJson(got.body);
        if (deployment && deployment->paused) {
            ApiResult refused;
            refused.status.kind = ApiStatus::Kind::Refused;
            refused.status.reason = QStringLiteral("Paused");
            refused.status.message =
                QStringLiteral(
                    "Deployment %1/%2 is paused, and kubectl refuses to restart a paused deployment. "
                    "Resume it first (kubectl rollout resume deployment/%2 -n %1), then restart it.")
                    .arg(ns, name);
            done(refused);
            return;
        }
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("kubectl-rollout"));
        guard->patch(path, PatchType::Strategic, restartPatch(QDateTime::currentDateTime()), context, done,
                     q);
    });
}

RolloutWatch::RolloutWatch(std::shared_ptr<ClusterAccess> access, const QString &ns, const QString &name,
                           QObject *parent)
    : QObject(parent)
    , m_namespace(ns)
    , m_name(name)
{
    ReflectorOptions options;
    options.namespaceName = ns;
    options.fieldSelector = QStringLiteral("metadata.name=") + name;
    options.batchIntervalMs = 20;
    m_reflector = new DeploymentReflector(std::move(access), options, this);
    connect(m_reflector, &DeploymentReflector::deltas, this, [this](const DeploymentDeltas &batch) {
        for (const DeploymentDelta &d : batch) {
            if (m_done || d.object.name != m_name)
                continue;
            if (d.type == DeltaType::Deleted) {
                ApiStatus s = statusFromHttp(404, QByteArray(), -1);
                s.reason = QStringLiteral("NotFound");
                s.message = QStringLiteral("Deployment %1/%2 was deleted while its rollout was watched.")
                                .arg(m_namespace, m_name);
                finish(s);
                return;
            }
            m_seen = true;
            const RolloutStatus status = rolloutStatus(d.object);
            if (status.message == m_current.message && status.phase == m_current.phase)
                continue;
            m_current = status;
            Q_EMIT progress(status);
            if (status.isFinal()) {
                finish(ApiStatus::ok());
                return;
            }
        }
    });
    connect(m_reflector, &Reflector::synced, this, [this] {
        if (!m_seen && !m_done) {
            // kubectl: Error from server (NotFound): deployments.apps "x" not found
            ApiStatus s = statusFromHttp(404, QByteArray(), -1);
            s.reason = QStringLiteral("NotFound");
            s.serverMessage = QStringLiteral("deployments.apps \"%1\" not found").arg(m_name);
            s.message =
                QStringLiteral("There is no Deployment %1 in namespace %2 (404 Not Found). Check the name "
                               "and the namespace.")
                    .arg(m_name, m_namespace);
            finish(s);
        }
    });
    connect(m_reflector, &Reflector::problem, this, [this](const ApiStatus &s, int) {
        // Answers that will not change by waiting end the watch; the rest are retried.
        if (s.kind == ApiStatus::Kind::Http && !s.isRetryableLater() && !s.isGone())
            finish(s);
        else if (s.kind == ApiStatus::Kind::Tls || s.kind == ApiStatus::Kind::Credential)
            finish(s);
    });
}

RolloutWatch::~RolloutWatch()
{
    stop();
}

void RolloutWatch::start()
{
    m_done = false;
    m_reflector->start();
}

void RolloutWatch::stop()
{
    m_reflector->stop();
}

void RolloutWatch::finish(const ApiStatus &error)
{
    if (m_done)
        return;
    m_done = true;
    // Stopped from the event loop, not from inside the reflector's own signal.
    QMetaObject::invokeMethod(
        this, [this] { m_reflector->stop(); }, Qt::QueuedConnection);
    Q_EMIT finished(m_current, error);
}

} // namespace kube
