#include "course/waverunner.h"

#include "course/auditlog.h"
#include "kube/kubeclient.h"
#include "kube/reflector.h"
#include "kube/rollout.h"
#include "kube/rolloutstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QTimer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcWaves, "courseops.course.waves", QtInfoMsg)

namespace course {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', ms % 1000 ? 1 : 0) + QLatin1String(" s");
}

} // namespace

QString toString(WaveOutcome outcome)
{
    switch (outcome) {
    case WaveOutcome::Completed:
        return QStringLiteral("completed");
    case WaveOutcome::StoppedByFailureRate:
        return QStringLiteral("stopped by failure rate");
    case WaveOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

WaveRunner::WaveRunner(std::shared_ptr<kube::ClusterAccess> access, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_audit(audit)
{
    qRegisterMetaType<course::WaveProgress>();
    qRegisterMetaType<course::WaveMemberResult>();
    qRegisterMetaType<course::WaveResult>();
    qRegisterMetaType<course::WaveOutcome>();
    m_client = new kube::KubeClient(m_access, this);
    m_who = m_access->userName().isEmpty() ? m_access->contextName() : m_access->userName();
    m_ticker = new QTimer(this);
    m_ticker->setInterval(250);
    connect(m_ticker, &QTimer::timeout, this, &WaveRunner::checkTimeouts);
    m_between = new QTimer(this);
    m_between->setSingleShot(true);
    connect(m_between, &QTimer::timeout, this, [this] {
        m_betweenWaves = false;
        if (m_state == WaveRunState::Running)
            startWave();
        else
            emitProgress();
    });
}

WaveRunner::~WaveRunner()
{
    for (kube::DeploymentReflector *r : std::as_const(m_watches)) {
        r->disconnect(this);
        r->stop();
        delete r;
    }
    m_watches.clear();
}

QList<int> WaveRunner::planWaves(int count, const WaveOptions &options)
{
    QList<int> waves;
    int left = count;
    if (options.canarySize > 0 && left > 0) {
        waves.append(std::min(options.canarySize, left));
        left -= waves.last();
    }
    const int batch = std::max(1, options.batchSize);
    while (left > 0) {
        waves.append(std::min(batch, left));
        left -= waves.last();
    }
    return waves;
}

bool WaveRunner::start(const QList<WaveTarget> &targets, WaveAction action, const WaveOptions &options,
                       QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_state == WaveRunState::Running || m_state == WaveRunState::Paused)
        return fail(
            QStringLiteral("A wave run is already in progress. Wait for it to finish or cancel it first."));
    if (targets.isEmpty())
        return fail(
            QStringLiteral("There is nothing to run: no Deployments were selected. Select students first."));
    if (options.batchSize < 1 || options.canarySize < 0 || options.concurrency < 1 ||
        options.maxAttempts < 1 || options.rolloutTimeoutMs < 1 || options.pauseBetweenWavesMs < 0)
        return fail(
            QStringLiteral("The wave options are out of range: batch size, concurrency, attempts and the "
                           "rollout timeout must be at least 1, the canary and the pause at least 0."));
    if (!(options.maxFailureFraction >= 0.0 && options.maxFailureFraction <= 1.0))
        return fail(QStringLiteral("The failure bound must be between 0 % and 100 %."));
    if (action == WaveAction::Redeploy) {
        for (const WaveTarget &t : targets) {
            if (t.commit.isEmpty())
                return fail(
                    QStringLiteral("No commit is known for %1/%2, so it cannot be redeployed. Refresh the "
                                   "repository's HEAD or leave the student out.")
                        .arg(t.namespaceName, t.name));
        }
    }
    m_members.clear();
    m_members.reserve(targets.size());
    for (const WaveTarget &t : targets) {
        Member m;
        m.target = t;
        m_members.append(std::move(m));
    }
    m_action = action;
    m_options = options;
    m_plan = planWaves(int(targets.size()), options);
    m_wave = -1;
    m_waveBegin = m_waveEnd = 0;
    m_inFlight = m_done = m_failed = 0;
    m_waveResults.clear();
    m_holdUntilMs = 0;
    m_activeMs = 0;
    m_betweenWaves = false;
    m_clock.start();
    m_activeSince = 0;
    m_state = WaveRunState::Running;
    m_ticker->start();
    qCInfo(lcWaves) << "wave run of" << targets.size() << "deployments in" << m_plan.size() << "waves";
    // After the caller has had a chance to connect.
    QMetaObject::invokeMethod(this, &WaveRunner::startWave, Qt::QueuedConnection);
    return true;
}

void WaveRunner::pause()
{
    if (m_state != WaveRunState::Running)
        return;
    m_activeMs += m_clock.elapsed() - m_activeSince;
    m_activeSince = -1;
    m_state = WaveRunState::Paused;
    emitProgress();
}

void WaveRunner::resume()
{
    if (m_state != WaveRunState::Paused)
        return;
    m_activeSince = m_clock.elapsed();
    m_state = WaveRunState::Running;
    if (m_wave >= 0 && m_wave < m_plan.size() && !m_betweenWaves && !m_between->isActive()) {
        bool waveOpen = false;
        for (int i = m_waveBegin; i < m_waveEnd && !waveOpen; ++i)
            waveOpen = m_members[i].state != MemberState::Done && m_members[i].state != MemberState::Failed;
        if (!waveOpen) {
            // The pause between waves ended while paused.
            startWave();
            return;
        }
    }
    emitProgress();
    pump();
}

void WaveRunner::cancel()
{
    if (m_state != WaveRunState::Running && m_state != WaveRunState::Paused)
        return;
    finish(WaveOutcome::Cancelled);
}

WaveProgress WaveRunner::progress() const
{
    WaveProgress p;
    p.done = m_done;
    p.failed = m_failed;
    p.total = int(m_members.size());
    p.wave = m_wave + 1;
    p.waves = int(m_plan.size());
    p.canary = m_wave == 0 && m_options.canarySize > 0;
    p.paused = m_state == WaveRunState::Paused;
    p.waitingBetweenWaves = m_betweenWaves;
    const int resolved = m_done + m_failed;
    const qint64 active = m_activeMs + (m_activeSince >= 0 ? m_clock.elapsed() - m_activeSince : 0);
    if (resolved > 0 && active > 0 && m_state != WaveRunState::Finished) {
        const double msPerMember = double(active) / resolved;
        const int remaining = p.total - resolved;
        const qint64 gaps = std::max<qint64>(0, m_plan.size() - 1 - std::max(m_wave, 0));
        p.etaMs = qint64(msPerMember * remaining) + gaps * m_options.pauseBetweenWavesMs;
    } else if (m_state == WaveRunState::Finished) {
        p.etaMs = 0;
    }
    return p;
}

void WaveRunner::startWave()
{
    if (m_state != WaveRunState::Running)
        return;
    ++m_wave;
    if (m_wave >= m_plan.size()) {
        finish(WaveOutcome::Completed);
        return;
    }
    m_waveBegin = m_waveEnd;
    m_waveEnd = m_waveBegin + m_plan[m_wave];
    m_index.clear();
    for (int i = m_waveBegin; i < m_waveEnd; ++i)
        m_index.insert(m_members[i].target.key(), i);
    const bool canary = m_wave == 0 && m_options.canarySize > 0;
    qCInfo(lcWaves) << "wave" << m_wave + 1 << "of" << m_plan.size() << "with" << m_plan[m_wave] << "members"
                    << (canary ? "(canary)" : "");
    watchWave();
    Q_EMIT waveStarted(m_wave + 1, m_plan[m_wave], canary);
    emitProgress();
    pump();
}

void WaveRunner::watchWave()
{
    // One watch per namespace of the wave, narrowed to the wave's students
    // when every member names one.
    QMap<QString, QStringList> students;
    QSet<QString> unnamed;
    for (int i = m_waveBegin; i < m_waveEnd; ++i) {
        const WaveTarget &t = m_members[i].target;
        if (t.student.isEmpty())
            unnamed.insert(t.namespaceName);
        students[t.namespaceName].append(t.student);
    }
    for (auto it = students.cbegin(); it != students.cend(); ++it) {
        kube::ReflectorOptions o;
        o.namespaceName = it.key();
        o.batchIntervalMs = 50;
        if (!unnamed.contains(it.key())) {
            QStringList logins = it.value();
            logins.removeDuplicates();
            o.labelSelector =
                QString(kube::kStudentLabel) + QLatin1String(" in (") + logins.join(u',') + u')';
        }
        auto *r = new kube::DeploymentReflector(m_access, o, this);
        connect(r, &kube::DeploymentReflector::deltas, this, [this](const kube::DeploymentDeltas &batch) {
            for (const kube::DeploymentDelta &d : batch) {
                const auto found = m_index.constFind(d.object.namespaceName + u'/' + d.object.name);
                if (found == m_index.cend())
                    continue;
                const int i = *found;
                Member &m = m_members[i];
                if (m.state == MemberState::Done || m.state == MemberState::Failed)
                    continue;
                if (d.type == kube::DeltaType::Deleted) {
                    if (m.state == MemberState::Rolling)
                        resolve(i, false,
                                QStringLiteral("Deployment %1 was deleted while its rollout was watched.")
                                    .arg(m.target.key()));
                    continue;
                }
                if (!m.latest || d.object.generation >= m.latest->generation)
                    m.latest = d.object;
                evaluate(i);
            }
        });
        m_watches.append(r);
        r->start();
    }
}

void WaveRunner::stopWatches()
{
    for (kube::DeploymentReflector *r : std::as_const(m_watches)) {
        r->disconnect(this);
        // Not from inside the reflector's own signal.
        QMetaObject::invokeMethod(
            r,
            [r] {
                r->stop();
                r->deleteLater();
            },
            Qt::QueuedConnection);
    }
    m_watches.clear();
}

void WaveRunner::pump()
{
    if (m_state != WaveRunState::Running || m_betweenWaves || m_wave < 0 || m_wave >= m_plan.size())
        return;
    const qint64 now = m_clock.elapsed();
    if (now < m_holdUntilMs) {
        QTimer::singleShot(int(m_holdUntilMs - now) + 1, this, &WaveRunner::pump);
        return;
    }
    for (int i = m_waveBegin; i < m_waveEnd && m_inFlight < m_options.concurrency; ++i) {
        if (m_members[i].state != MemberState::Queued)
            continue;
        m_members[i].state = MemberState::Writing;
        ++m_inFlight;
        write(i);
    }
}

void WaveRunner::write(int index)
{
    ++m_members[index].attempts;
    if (m_action == WaveAction::Restart)
        writeRestart(index);
    else
        writeRedeploy(index);
}

void WaveRunner::writeRestart(int index)
{
    const WaveTarget &t = m_members[index].target;
    kube::rolloutRestart(m_client, t.namespaceName, t.name, this,
                         [this, index](const kube::ApiResult &r) { written(index, r); });
}

void WaveRunner::writeRedeploy(int index)
{
    const WaveTarget t = m_members[index].target;
    const QString path = kube::resourcePath(kube::kinds::deployments, t.namespaceName, t.name);
    m_client->get(path, this, [this, index, path, t](const kube::ApiResult &got) {
        if (!got.ok()) {
            writeFailed(index, got.status);
            return;
        }
        // The init container that fetches the code is the one with a COMMIT variable.
        const QJsonObject deployment = QJsonDocument::fromJson(got.body).object();
        const QJsonObject meta = deployment.value(QLatin1String("metadata")).toObject();
        QString initName;
        const QJsonArray inits = deployment[QLatin1String("spec")][QLatin1String("template")]
                                           [QLatin1String("spec")][QLatin1String("initContainers")]
                                               .toArray();
        for (const QJsonValue &c : inits) {
            for (const QJsonValue &e : c[QLatin1String("env")].toArray()) {
                if (e[QLatin1String("name")].toString() == QLatin1String("COMMIT"))
                    initName = c[QLatin1String("name")].toString();
            }
        }
        if (initName.isEmpty()) {
            kube::ApiStatus s;
            s.kind = kube::ApiStatus::Kind::Refused;
            s.reason = QStringLiteral("NoCodeInitContainer");
            s.message =
                QStringLiteral("Deployment %1 has no init container with a COMMIT variable, so it was not "
                               "deployed by CourseOps and cannot be redeployed at a commit. Restart it "
                               "instead, or deploy the student again.")
                    .arg(t.key());
            writeFailed(index, s);
            return;
        }
        // The resourceVersion makes the patch refuse (409) when someone changed
        // the Deployment since it was read; it is then read again.
        const QJsonObject env{{QStringLiteral("name"), QStringLiteral("COMMIT")},
                              {QStringLiteral("value"), t.commit}};
        const QJsonObject init{{QStringLiteral("name"), initName}, {QStringLiteral("env"), QJsonArray{env}}};
        const QJsonObject templ{
            {QStringLiteral("metadata"),
             QJsonObject{
                 {QStringLiteral("annotations"), QJsonObject{{QString(kube::kCommitAnnotation), t.commit}}}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("initContainers"), QJsonArray{init}}}}};
        const QJsonObject patch{
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("resourceVersion"), meta.value(QLatin1String("resourceVersion"))}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("template"), templ}}}};
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("fieldManager"), QStringLiteral("courseops"));
        m_client->patch(
            path, kube::PatchType::Strategic, QJsonDocument(patch).toJson(QJsonDocument::Compact), this,
            [this, index](const kube::ApiResult &r) { written(index, r); }, q);
    });
}

QString WaveRunner::describe(const Member &m) const
{
    const QString wave = QStringLiteral("wave %1/%2").arg(m_wave + 1).arg(m_plan.size());
    if (m_action == WaveAction::Redeploy)
        return QStringLiteral("commit %1 (%2)").arg(m.target.commit, wave);
    return QStringLiteral("rollout restart (%1)").arg(wave);
}

void WaveRunner::audit(const Member &m, const QString &result, const QString &detail)
{
    if (!m_audit)
        return;
    const QString what =
        m_action == WaveAction::Redeploy ? QStringLiteral("redeploy") : QStringLiteral("rollout restart");
    QString error;
    if (!m_audit->append(m_who, what, QLatin1String("deployment ") + m.target.key(), result, detail, &error))
        qCWarning(lcWaves).noquote() << error;
}

void WaveRunner::written(int index, const kube::ApiResult &result)
{
    if (!result.ok()) {
        writeFailed(index, result.status);
        return;
    }
    Member &m = m_members[index];
    --m_inFlight;
    const auto info = kube::parseDeploymentJson(result.body);
    QString detail = describe(m);
    if (info && m_action == WaveAction::Restart)
        detail += QLatin1String(": restartedAt ") + info->restartedAt();
    audit(m, QStringLiteral("ok"), detail);
    if (m_state == WaveRunState::Finished || m.state != MemberState::Writing)
        return;
    m.state = MemberState::Rolling;
    m.writtenAtMs = m_clock.elapsed();
    if (info) {
        m.generation = info->generation;
        if (!m.latest || info->generation >= m.latest->generation)
            m.latest = *info;
    }
    evaluate(index);
    pump();
}

void WaveRunner::writeFailed(int index, const kube::ApiStatus &status)
{
    Member &m = m_members[index];
    --m_inFlight;
    const bool conflict = status.kind == kube::ApiStatus::Kind::Http && status.code == 409;
    const bool retry = (conflict || status.isRetryableLater()) && m.attempts < m_options.maxAttempts &&
                       m_state != WaveRunState::Finished;
    if (status.kind != kube::ApiStatus::Kind::Refused ||
        status.reason != QLatin1String("NoCodeInitContainer"))
        audit(m,
              status.kind == kube::ApiStatus::Kind::Refused ? QStringLiteral("refused")
                                                            : QStringLiteral("failed"),
              describe(m) + QLatin1String(": ") + status.message +
                  (retry ? QLatin1String(" (retrying)") : QString()));
    if (m_state == WaveRunState::Finished || m.state != MemberState::Writing)
        return;
    if (retry) {
        m.state = MemberState::Queued;
        if (conflict) {
            // Someone else wrote it: read it again at once.
            pump();
            return;
        }
        qint64 waitMs = status.retryAfterSeconds >= 0 ? qint64(status.retryAfterSeconds) * 1000
                                                      : std::min<qint64>(30000, 1000LL << (m.attempts - 1));
        if (status.code == 429)
            m_holdUntilMs =
                std::max(m_holdUntilMs, m_clock.elapsed() + waitMs); // the server asked everyone to wait
        QTimer::singleShot(int(waitMs), this, &WaveRunner::pump);
        return;
    }
    resolve(index, false, status.message);
    pump();
}

void WaveRunner::evaluate(int index)
{
    Member &m = m_members[index];
    if (m.state != MemberState::Rolling || !m.latest || m.latest->generation < m.generation)
        return;
    const kube::RolloutStatus s = kube::rolloutStatus(*m.latest);
    if (s.phase == kube::RolloutPhase::Complete)
        resolve(index, true, QString());
    else if (s.phase == kube::RolloutPhase::Failed)
        resolve(
            index, false,
            QStringLiteral("The rollout of %1 failed: it %2 (its new pods never became available). Look at "
                           "the student's pod events and logs.")
                .arg(m.target.key(), s.summary));
}

void WaveRunner::checkTimeouts()
{
    if (m_state == WaveRunState::Finished || m_wave < 0 || m_wave >= m_plan.size())
        return;
    const qint64 now = m_clock.elapsed();
    for (int i = m_waveBegin; i < m_waveEnd && m_state != WaveRunState::Finished; ++i) {
        const Member &m = m_members[i];
        if (m.state != MemberState::Rolling || now - m.writtenAtMs < m_options.rolloutTimeoutMs)
            continue;
        const QString last = m.latest ? kube::rolloutStatus(*m.latest).summary : QString();
        resolve(i, false,
                QStringLiteral("%1 did not roll out within %2%3. Look at the student's pod (status, events, "
                               "logs), or allow a longer rollout timeout.")
                    .arg(m.target.key(), seconds(m_options.rolloutTimeoutMs),
                         last.isEmpty() ? QString() : QLatin1String(" (last: ") + last + u')'));
    }
    if (m_state != WaveRunState::Finished)
        emitProgress();
}

void WaveRunner::resolve(int index, bool ok, const QString &error)
{
    Member &m = m_members[index];
    m.state = ok ? MemberState::Done : MemberState::Failed;
    ok ? ++m_done : ++m_failed;
    WaveMemberResult r;
    r.target = m.target;
    r.wave = m_wave + 1;
    r.ok = ok;
    r.error = error;
    r.ms = m.writtenAtMs >= 0 ? m_clock.elapsed() - m.writtenAtMs : 0;
    if (!ok)
        qCInfo(lcWaves).noquote() << m.target.key() << "failed:" << error;
    Q_EMIT memberFinished(r);
    emitProgress();
    for (int i = m_waveBegin; i < m_waveEnd; ++i) {
        if (m_members[i].state != MemberState::Done && m_members[i].state != MemberState::Failed)
            return;
    }
    waveDone();
}

void WaveRunner::waveDone()
{
    stopWatches();
    WaveResult r;
    r.wave = m_wave + 1;
    r.canary = m_wave == 0 && m_options.canarySize > 0;
    r.size = m_waveEnd - m_waveBegin;
    for (int i = m_waveBegin; i < m_waveEnd; ++i)
        m_members[i].state == MemberState::Done ? ++r.succeeded : ++r.failed;
    r.stoppedRun = double(r.failed) / double(r.size) > m_options.maxFailureFraction;
    m_waveResults.append(r);
    Q_EMIT waveFinished(r);
    if (r.stoppedRun) {
        finish(WaveOutcome::StoppedByFailureRate);
        return;
    }
    if (m_wave + 1 >= m_plan.size()) {
        finish(WaveOutcome::Completed);
        return;
    }
    if (m_options.pauseBetweenWavesMs > 0) {
        m_betweenWaves = true;
        m_between->start(m_options.pauseBetweenWavesMs);
        emitProgress();
        return;
    }
    if (m_state == WaveRunState::Running)
        QMetaObject::invokeMethod(this, &WaveRunner::startWave, Qt::QueuedConnection);
}

void WaveRunner::finish(WaveOutcome outcome)
{
    if (m_state == WaveRunState::Finished)
        return;
    if (m_activeSince >= 0)
        m_activeMs += m_clock.elapsed() - m_activeSince;
    m_activeSince = -1;
    m_state = WaveRunState::Finished;
    m_betweenWaves = false;
    m_ticker->stop();
    m_between->stop();
    stopWatches();
    const int untouched = int(std::count_if(m_members.cbegin(), m_members.cend(),
                                            [](const Member &m) { return m.state == MemberState::Queued; }));
    QString summary;
    switch (outcome) {
    case WaveOutcome::Completed:
        summary = QStringLiteral("All %1 waves ran: %2 rolled out, %3 failed.")
                      .arg(m_plan.size())
                      .arg(m_done)
                      .arg(m_failed);
        break;
    case WaveOutcome::StoppedByFailureRate: {
        const WaveResult &w = m_waveResults.last();
        summary =
            QStringLiteral("Stopped after %1wave %2: %3 of its %4 members failed, more than the bound of "
                           "%5 %. %6 Deployments were left untouched. Fix the failures (see each member's "
                           "error), then run the rest again.")
                .arg(w.canary ? QStringLiteral("the canary ") : QString())
                .arg(w.wave)
                .arg(w.failed)
                .arg(w.size)
                .arg(m_options.maxFailureFraction * 100.0, 0, 'g', 3)
                .arg(untouched);
        break;
    }
    case WaveOutcome::Cancelled:
        summary = QStringLiteral("Cancelled in wave %1 of %2: %3 rolled out, %4 failed, %5 left untouched.")
                      .arg(std::max(m_wave + 1, 1))
                      .arg(m_plan.size())
                      .arg(m_done)
                      .arg(m_failed)
                      .arg(untouched);
        break;
    }
    qCInfo(lcWaves).noquote() << "wave run" << toString(outcome) << "-" << summary;
    emitProgress();
    Q_EMIT finished(outcome, summary);
}

void WaveRunner::emitProgress()
{
    Q_EMIT progressChanged(progress());
}

} // namespace course
