#include "course/studentindex.h"

#include "kube/deploymentinfo.h"
#include "kube/podstatus.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>

namespace course {

namespace {

bool commitsMatch(const QString &a, const QString &b)
{
    // Either side may be an abbreviated id.
    return a.size() <= b.size() ? b.startsWith(a) : a.startsWith(b);
}

// The pod a person means by "the student's pod", as kubectl users pick it: a
// live one before a terminating one, then the newest.
bool better(const auto &candidate, const auto &current)
{
    const bool candidateLive = candidate.deleting == 0;
    const bool currentLive = current.deleting == 0;
    if (candidateLive != currentLive)
        return candidateLive;
    if (candidate.created != current.created)
        return candidate.created > current.created;
    return candidate.name > current.name;
}

} // namespace

StatusClass classifyStatus(QStringView s, kube::PodPhase phase)
{
    if (s.isEmpty())
        return StatusClass::None;
    if (s == u"Running")
        return StatusClass::Running;
    if (s == u"Terminating" || s == u"Completed" || s == u"Unknown")
        return StatusClass::Other;
    if (phase == kube::PodPhase::Failed || s == u"Failed" || s == u"Evicted" || s.contains(u"ImagePull") ||
        s.contains(u"ErrImage") || s.contains(u"InvalidImageName") || s.contains(u"CreateContainer") ||
        s.contains(u"RunContainerError"))
        return StatusClass::Failed;
    if (s.contains(u"CrashLoopBackOff") || s.endsWith(u"Error") || s == u"OOMKilled" || s.contains(u"ExitCode:") ||
        s.contains(u"Signal:"))
        return StatusClass::CrashLoop;
    if (phase == kube::PodPhase::Pending || s == u"Pending" || s == u"ContainerCreating" || s == u"PodInitializing" ||
        s.startsWith(u"Init:") || s == u"SchedulingGated")
        return StatusClass::Pending;
    return StatusClass::Other;
}

StudentIndex::StudentIndex(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<course::RowBatch>();
    qRegisterMetaType<QList<course::ProbeOutcome>>();
    m_timer->setSingleShot(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &StudentIndex::flush);
}

StudentIndex::~StudentIndex() = default;

void StudentIndex::connectReflectors(kube::PodReflector *pods, kube::DeploymentReflector *deployments,
                                     kube::ServiceReflector *services)
{
    if (pods)
        connect(pods, &kube::PodReflector::deltas, this, &StudentIndex::applyPods);
    if (deployments)
        connect(deployments, &kube::DeploymentReflector::deltas, this, &StudentIndex::applyDeployments);
    if (services)
        connect(services, &kube::ServiceReflector::deltas, this, &StudentIndex::applyServices);
}

void StudentIndex::attachProber(Prober *prober)
{
    auto targets = [prober](const RowBatch &batch) {
        for (const QList<StudentRow> *rows : {&batch.inserted, &batch.changed}) {
            for (const StudentRow &r : *rows) {
                if (!r.url.isEmpty())
                    prober->setTarget(r.login, QUrl(r.url));
            }
        }
    };
    connect(this, &StudentIndex::rowsChanged, prober, targets);
    connect(prober, &Prober::results, this, &StudentIndex::applyProbes);
    RowBatch known; // rows sent before the prober came
    known.inserted = m_rows.mid(0, m_published);
    QMetaObject::invokeMethod(prober, [targets, known] { targets(known); });
}

void StudentIndex::setBatchInterval(int ms)
{
    m_timer->setInterval(ms);
}

qsizetype StudentIndex::indexOf(const QString &login) const
{
    return m_byLogin.value(login.toLower(), -1);
}

QString StudentIndex::urlFor(const QString &login) const
{
    return m_haveCourse && !m_course.domain.isEmpty() ? m_course.urlFor(login) : QString();
}

qint32 StudentIndex::rowFor(QStringView login)
{
    const QString key = login.toString().toLower();
    const auto it = m_byLogin.constFind(key);
    if (it != m_byLogin.constEnd())
        return *it;
    const qint32 index = qint32(m_rows.size());
    StudentRow row;
    row.login = key;
    row.url = urlFor(key);
    row.headCommit = m_heads.value(key);
    m_rows.append(std::move(row));
    m_extra.append(Extra());
    m_dirty.append(false);
    m_byLogin.insert(key, index);
    touch(index);
    return index;
}

void StudentIndex::touch(qint32 index)
{
    if (!m_dirty[index]) {
        m_dirty[index] = true;
        m_dirtyRows.append(index);
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void StudentIndex::setCourse(const CourseConfig &course)
{
    m_course = course;
    m_haveCourse = true;
    for (qint32 i = 0; i < m_rows.size(); ++i) {
        const QString url = urlFor(m_rows[i].login);
        if (url != m_rows[i].url) {
            m_rows[i].url = url;
            touch(i);
        }
    }
}

void StudentIndex::setRoster(const Roster &roster)
{
    QList<bool> listed(m_rows.size(), false);
    for (const Student &s : roster.students()) {
        const qint32 i = rowFor(s.login);
        if (i >= listed.size())
            listed.resize(i + 1, false);
        listed[i] = true;
        StudentRow &row = m_rows[i];
        const QString cohort = s.cohort.isEmpty() ? row.cohort : s.cohort;
        if (!row.inRoster || row.student != s.name || row.cohort != cohort) {
            row.inRoster = true;
            row.student = s.name;
            row.cohort = cohort;
            touch(i);
        }
    }
    // Students no longer in the roster keep their rows while they have objects.
    for (qint32 i = qint32(m_rows.size()) - 1; i >= 0; --i) {
        if (i < listed.size() && listed[i])
            continue;
        if (m_rows[i].inRoster) {
            m_rows[i].inRoster = false;
            m_rows[i].student.clear();
            touch(i);
            maybeRemove(i);
        }
    }
}

void StudentIndex::setHead(const QString &login, const QString &commit)
{
    const QString key = login.toLower();
    m_heads.insert(key, commit);
    const auto it = m_byLogin.constFind(key);
    if (it == m_byLogin.constEnd())
        return;
    StudentRow &row = m_rows[*it];
    if (row.headCommit == commit)
        return;
    row.headCommit = commit;
    updateBehind(row);
    touch(*it);
}

void StudentIndex::updateBehind(StudentRow &row)
{
    row.behindHead = !row.commit.isEmpty() && !row.headCommit.isEmpty() && !commitsMatch(row.commit, row.headCommit);
}

void StudentIndex::applyPods(const kube::PodDeltas &batch)
{
    const QString studentLabel(kube::kStudentLabel);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const kube::PodDelta &delta : batch) {
        const kube::PodInfo &pod = delta.object;
        const QStringView login = pod.label(studentLabel);
        if (login.isEmpty())
            continue;
        if (delta.type == kube::DeltaType::Deleted && !m_byLogin.contains(login.toString().toLower()))
            continue;
        const qint32 index = rowFor(login);
        QList<PodSlot> &pods = m_extra[index].pods;
        auto slot = std::find_if(pods.begin(), pods.end(), [&](const PodSlot &s) {
            return s.name == pod.name && s.ns == pod.namespaceName;
        });
        if (delta.type == kube::DeltaType::Deleted) {
            if (slot != pods.end())
                pods.erase(slot);
        } else {
            if (slot == pods.end()) {
                pods.append(PodSlot());
                slot = pods.end() - 1;
                slot->ns = pod.namespaceName;
                slot->name = pod.name;
            }
            slot->created = pod.creationTimestamp;
            slot->deleting = pod.deletionTimestamp;
            slot->print = kube::printPod(pod, now);
            slot->phase = pod.phase;
            slot->signature = podErrorSignature(pod);
            slot->ready = pod.phase == kube::PodPhase::Running && slot->print.total > 0 &&
                          slot->print.ready == slot->print.total;
            if (m_rows[index].cohort.isEmpty())
                m_rows[index].cohort = pod.label(u"courseops.io/cohort").toString();
        }
        refreshPod(index);
        if (delta.type == kube::DeltaType::Deleted)
            maybeRemove(index);
    }
}

void StudentIndex::refreshPod(qint32 index)
{
    StudentRow &row = m_rows[index];
    Extra &extra = m_extra[index];
    touch(index);
    const PodSlot *best = nullptr;
    for (const PodSlot &s : extra.pods) {
        if (!best || better(s, *best))
            best = &s;
    }
    if (!best) {
        row.namespaceName = extra.deployments ? row.namespaceName : QString();
        row.podName.clear();
        row.status.clear();
        row.readyContainers = row.totalContainers = row.restarts = 0;
        row.lastRestartAt = row.createdAt = 0;
        row.phase = kube::PodPhase::None;
        row.statusClass = StatusClass::None;
        return;
    }
    const bool samePod = row.podName == best->name;
    row.namespaceName = best->ns;
    row.podName = best->name;
    row.status = best->print.status;
    row.readyContainers = best->print.ready;
    row.totalContainers = best->print.total;
    row.restarts = best->print.restarts;
    row.lastRestartAt = best->print.lastRestartAt;
    row.createdAt = best->created;
    row.phase = best->phase;
    row.statusClass = classifyStatus(row.status, row.phase);
    const ErrorSignature &sig = best->signature;
    if (!sig.isEmpty()) {
        // A crash loop's waiting state only says "CrashLoopBackOff"; the app's own
        // error, seen when the container ended, says more and stays.
        if (!sig.weak || row.lastError.isEmpty() || !samePod)
            row.lastError = sig.text;
    } else if (best->ready || best->phase == kube::PodPhase::Succeeded) {
        row.lastError.clear();
    }
}

void StudentIndex::applyDeployments(const kube::DeploymentDeltas &batch)
{
    const QString studentLabel(kube::kStudentLabel);
    for (const kube::DeploymentDelta &delta : batch) {
        const kube::DeploymentInfo &d = delta.object;
        const QStringView login = d.label(studentLabel);
        if (login.isEmpty())
            continue;
        if (delta.type == kube::DeltaType::Deleted && !m_byLogin.contains(login.toString().toLower()))
            continue;
        const qint32 index = rowFor(login);
        StudentRow &row = m_rows[index];
        Extra &extra = m_extra[index];
        if (delta.type == kube::DeltaType::Deleted) {
            extra.deployments = 0;
            row.commit.clear();
            row.hasDeployment = false;
        } else {
            extra.deployments = 1; // one per student; a relist may send Added again
            row.hasDeployment = true;
            row.commit = d.commit();
            if (row.namespaceName.isEmpty())
                row.namespaceName = d.namespaceName;
            if (row.cohort.isEmpty())
                row.cohort = d.label(u"courseops.io/cohort").toString();
        }
        updateBehind(row);
        touch(index);
        if (delta.type == kube::DeltaType::Deleted)
            maybeRemove(index);
    }
}

void StudentIndex::applyServices(const kube::ServiceDeltas &batch)
{
    const QString studentLabel(kube::kStudentLabel);
    for (const kube::ServiceDelta &delta : batch) {
        const kube::ServiceInfo &s = delta.object;
        const QStringView login = s.label(studentLabel);
        if (login.isEmpty())
            continue;
        if (delta.type == kube::DeltaType::Deleted && !m_byLogin.contains(login.toString().toLower()))
            continue;
        const qint32 index = rowFor(login);
        Extra &extra = m_extra[index];
        const bool had = m_rows[index].hasService;
        extra.services = delta.type == kube::DeltaType::Deleted ? 0 : 1;
        m_rows[index].hasService = extra.services > 0;
        if (had != m_rows[index].hasService)
            touch(index);
        if (delta.type == kube::DeltaType::Deleted)
            maybeRemove(index);
    }
}

void StudentIndex::applyProbes(const QList<ProbeOutcome> &batch)
{
    for (const ProbeOutcome &o : batch) {
        const auto it = m_byLogin.constFind(o.login.toLower());
        if (it == m_byLogin.constEnd())
            continue;
        if (m_rows[*it].probe == o.result)
            continue;
        m_rows[*it].probe = o.result;
        touch(*it);
    }
}

void StudentIndex::maybeRemove(qint32 index)
{
    const StudentRow &row = m_rows[index];
    const Extra &extra = m_extra[index];
    if (row.inRoster || !extra.pods.isEmpty() || extra.deployments > 0 || extra.services > 0)
        return;
    // Rare (a student outside the roster whose objects are all gone): send what
    // is pending so positions agree, then the removal on its own.
    flush();
    if (index < m_published) {
        m_rows.removeAt(index);
        m_extra.removeAt(index);
        m_dirty.removeAt(index);
        m_byLogin.clear();
        for (qint32 i = 0; i < m_rows.size(); ++i)
            m_byLogin.insert(m_rows[i].login, i);
        --m_published;
        RowBatch batch;
        batch.removed.append(index);
        Q_EMIT rowsChanged(batch);
    }
}

void StudentIndex::flush()
{
    m_timer->stop();
    if (m_dirtyRows.isEmpty())
        return;
    RowBatch batch;
    std::sort(m_dirtyRows.begin(), m_dirtyRows.end());
    for (const qint32 i : std::as_const(m_dirtyRows)) {
        m_dirty[i] = false;
        if (i < m_published) {
            batch.changedRows.append(i);
            batch.changed.append(m_rows[i]);
        }
    }
    m_dirtyRows.clear();
    if (m_published < m_rows.size()) {
        batch.inserted.reserve(m_rows.size() - m_published);
        for (qsizetype i = m_published; i < m_rows.size(); ++i)
            batch.inserted.append(m_rows[i]);
        m_published = qint32(m_rows.size());
    }
    if (!batch.isEmpty())
        Q_EMIT rowsChanged(batch);
}

} // namespace course
