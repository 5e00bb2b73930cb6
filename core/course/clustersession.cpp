#include "clustersession.h"

#include "courselog.h"
#include "kube/accessreview.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"

#include <QTimer>

namespace course {

namespace {

constexpr int kTickMs = 1000;
// A tick this much later than the monotonic clock says (suspend) or this late
// at all (a stopped process): the machine slept, the watches may be dead.
constexpr qint64 kSleepJumpMs = 5000;

} // namespace

QString Permissions::why(Action a) const
{
    if (!known)
        return QObject::tr("Checking what your account may do…");
    return allowed[a] ? QString() : reason[a];
}

ClusterSession::ClusterSession(std::shared_ptr<kube::ClusterAccess> access, const Options &options, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_options(options)
{
    m_client = new kube::KubeClient(m_access, this);
    kube::ReflectorOptions ro;
    if (m_options.namespaces.size() == 1)
        ro.namespaceName = m_options.namespaces.constFirst();
    else
        ro.labelSelector = QString(kube::kStudentLabel);
    ro.batchIntervalMs = m_options.reflectorBatchMs;
    m_pods = new kube::PodReflector(m_access, ro, this);
    m_deployments = new kube::DeploymentReflector(m_access, ro, this);
    m_services = new kube::ServiceReflector(m_access, ro, this);

    connect(m_pods, &kube::PodReflector::deltas, this, &ClusterSession::heard);
    connect(m_deployments, &kube::DeploymentReflector::deltas, this, &ClusterSession::heard);
    connect(m_services, &kube::ServiceReflector::deltas, this, &ClusterSession::heard);
    const auto onSynced = [this] {
        heard();
        if (++m_syncedKinds == 3)
            Q_EMIT synced();
        evaluate();
    };
    connect(m_pods, &kube::Reflector::synced, this, onSynced);
    connect(m_deployments, &kube::Reflector::synced, this, onSynced);
    connect(m_services, &kube::Reflector::synced, this, onSynced);
    connect(m_pods, &kube::Reflector::problem, this,
            [this](const kube::ApiStatus &s, int retry) { onProblem(tr("pods"), s, retry); });
    connect(m_deployments, &kube::Reflector::problem, this,
            [this](const kube::ApiStatus &s, int retry) { onProblem(tr("deployments"), s, retry); });
    connect(m_services, &kube::Reflector::problem, this,
            [this](const kube::ApiStatus &s, int retry) { onProblem(tr("services"), s, retry); });

    m_ticker = new QTimer(this);
    m_ticker->setInterval(kTickMs);
    connect(m_ticker, &QTimer::timeout, this, &ClusterSession::tick);
}

ClusterSession::~ClusterSession()
{
    stop();
}

QString ClusterSession::namespaceForChecks() const
{
    return m_options.namespaces.size() == 1 ? m_options.namespaces.constFirst() : QString();
}

void ClusterSession::start()
{
    m_syncedKinds = 0;
    m_problem.clear();
    setState(State::Connecting);
    m_pods->start();
    m_deployments->start();
    m_services->start();
    m_lastTickWallMs = QDateTime::currentMSecsSinceEpoch();
    m_sinceTick.start();
    m_ticker->start();
    beat();
    checkPermissions();
}

void ClusterSession::stop()
{
    if (m_state == State::Stopped)
        return;
    m_ticker->stop();
    m_pods->stop();
    m_deployments->stop();
    m_services->stop();
    setState(State::Stopped);
}

void ClusterSession::heard()
{
    m_lastHeard = QDateTime::currentDateTimeUtc();
}

void ClusterSession::onProblem(const QString &kind, const kube::ApiStatus &status, int retryInMs)
{
    m_problemUntilMs = QDateTime::currentMSecsSinceEpoch() + retryInMs + 2 * kTickMs;
    m_problem = tr("watching %1 failed: %2 (retrying in %3 s)")
                    .arg(kind, status.message, QString::number((retryInMs + 999) / 1000));
    qCInfo(lcCourse).noquote() << "cluster session:" << m_problem;
    evaluate();
}

void ClusterSession::tick()
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const qint64 monotonic = m_sinceTick.restart();
    const qint64 wallGap = wall - m_lastTickWallMs;
    m_lastTickWallMs = wall;
    if (m_simulateSleep || wallGap - monotonic > kSleepJumpMs || monotonic > kTickMs + kSleepJumpMs) {
        m_simulateSleep = false;
        qCInfo(lcCourse) << "the machine slept for about" << wallGap / 1000 << "s; resuming the watches";
        // The watch connections may have died silently while we slept: end them
        // and resume from the last resourceVersion (a relist if it is too old).
        m_resyncing = true;
        setState(State::Stale, tr("the computer slept; catching up with the cluster"));
        m_pods->stop();
        m_deployments->stop();
        m_services->stop();
        m_pods->start();
        m_deployments->start();
        m_services->start();
        m_lastBeatMs = 0;
    }
    if (wall - m_lastBeatMs >= m_options.heartbeatMs)
        beat();
    evaluate();
}

void ClusterSession::beat()
{
    if (m_beatInFlight)
        return;
    m_beatInFlight = true;
    m_lastBeatMs = QDateTime::currentMSecsSinceEpoch();
    kube::ApiRequest request;
    request.path = QStringLiteral("/version");
    request.idleTimeoutMs = m_options.heartbeatMs;
    m_client->send(request, this, [this](const kube::ApiResult &result) {
        m_beatInFlight = false;
        m_beatFailing = !result.ok();
        if (result.ok()) {
            heard();
            m_resyncing = false;
        } else {
            m_problem = tr("the cluster does not answer: %1").arg(result.status.message);
        }
        evaluate();
    });
}

void ClusterSession::evaluate()
{
    if (m_state == State::Stopped)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 age = m_lastHeard.isValid() ? now - m_lastHeard.toMSecsSinceEpoch() : -1;
    if (m_resyncing) {
        setState(State::Stale, m_problem);
    } else if (m_syncedKinds < 3 && !m_lastHeard.isValid()) {
        setState(State::Connecting, m_beatFailing || now < m_problemUntilMs ? m_problem : QString());
    } else if (age < 0 || age > m_options.staleAfterMs) {
        setState(State::Stale, m_problem.isEmpty() ? tr("nothing heard from the cluster") : m_problem);
    } else if (m_beatFailing || now < m_problemUntilMs) {
        setState(State::Reconnecting, m_problem);
    } else if (m_syncedKinds < 3) {
        setState(State::Connecting);
    } else {
        setState(State::Live);
    }
}

void ClusterSession::setState(State state, const QString &problem)
{
    const bool changed = state != m_state || (state != State::Live && problem != m_problem);
    m_state = state;
    if (state == State::Live)
        m_problem.clear();
    else if (!problem.isEmpty())
        m_problem = problem;
    if (changed)
        Q_EMIT stateChanged(state);
}

QString ClusterSession::describe() const
{
    const QString age = m_lastHeard.isValid()
                            ? tr("data %1 s old").arg(m_lastHeard.secsTo(QDateTime::currentDateTimeUtc()))
                            : tr("no data yet");
    switch (m_state) {
    case State::Connecting:
        return tr("Connecting to %1…").arg(m_access->contextName());
    case State::Live:
        return tr("Live · %1").arg(m_access->contextName());
    case State::Reconnecting:
        return tr("Reconnecting · %1").arg(age);
    case State::Stale:
        return tr("Stale · %1").arg(age);
    case State::Stopped:
        return tr("Disconnected");
    }
    return {};
}

void ClusterSession::checkPermissions()
{
    struct Check
    {
        Permissions::Action action;
        const char *verb;
        const char *group;
        const char *resource;
        const char *subresource;
    };
    static const Check checks[] = {
        {Permissions::Restart, "patch", "apps", "deployments", ""},
        {Permissions::Redeploy, "patch", "apps", "deployments", ""},
        {Permissions::Exec, "create", "", "pods", "exec"},
        {Permissions::Logs, "get", "", "pods", "log"},
        {Permissions::Scale, "patch", "apps", "deployments", "scale"},
    };
    m_permissions = {};
    auto pending = std::make_shared<int>(int(std::size(checks)));
    const QString ns = namespaceForChecks();
    for (const Check &c : checks) {
        const Permissions::Action action = c.action;
        const QString what = QString::fromLatin1(c.verb) + u' ' + QString::fromLatin1(c.resource) +
                             (*c.subresource ? u'/' + QString::fromLatin1(c.subresource) : QString());
        kube::AccessReview::canI(
            m_client, QString::fromLatin1(c.verb), QString::fromLatin1(c.group), QString::fromLatin1(c.resource),
            QString::fromLatin1(c.subresource), ns, this, [this, action, what, pending](const kube::AccessAnswer &a) {
                m_permissions.allowed[action] = a.allowed;
                if (!a.allowed) {
                    if (!a.status.isOk())
                        m_permissions.reason[action] =
                            tr("Could not check whether your account may %1: %2").arg(what, a.status.message);
                    else
                        m_permissions.reason[action] =
                            tr("Your account (%1) may not %2 here%3. Ask a course admin for the role.")
                                .arg(m_access->userName(), what,
                                     a.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(a.reason));
                }
                if (--*pending == 0) {
                    m_permissions.known = true;
                    Q_EMIT permissionsChanged();
                }
            });
    }
}

} // namespace course
