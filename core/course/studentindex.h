#pragma once

#include "course/courseconfig.h"
#include "course/errorsignature.h"
#include "course/prober.h"
#include "course/roster.h"
#include "kube/podstatus.h"
#include "kube/reflector.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QTimer;

namespace course {

// How a row's status reads for the status chips of the fleet table.
enum class StatusClass : quint8 {
    None,      // no pod (no Deployment yet, or scaled to zero)
    Running,   // "Running"
    CrashLoop, // CrashLoopBackOff, Error, OOMKilled: the app starts and dies
    Pending,   // Pending, ContainerCreating, Init:0/1, PodInitializing
    Failed,    // cannot start at all: ImagePullBackOff, CreateContainerConfigError, Failed, Evicted
    Other,     // Terminating, Completed, Unknown
};

StatusClass classifyStatus(QStringView status, kube::PodPhase phase);

// One student as the fleet table shows it: roster, Deployment and Pod joined.
struct StudentRow
{
    QString student; // name from the roster (empty when the student is not in it)
    QString login;   // lower case, as in the courseops.io/student label
    QString cohort;
    QString namespaceName;
    QString podName;
    QString status; // pod STATUS exactly as kubectl prints it; empty without a pod
    int readyContainers = 0;
    int totalContainers = 0;
    int restarts = 0;
    qint64 lastRestartAt = 0; // epoch s of the last restart; 0 if none
    qint64 createdAt = 0;     // pod creation, epoch s; 0 without a pod
    QString commit;           // deployed commit (courseops.io/commit), full id
    QString headCommit;       // the repository's HEAD, when known
    bool behindHead = false;
    bool hasDeployment = false;
    bool hasService = false;
    bool inRoster = false;
    StatusClass statusClass = StatusClass::None;
    kube::PodPhase phase = kube::PodPhase::None;
    QString lastError; // error signature; kept through restarts until the app runs ready
    QString url;
    ProbeResult probe;
};

// A coalesced batch of row changes, in the index's row order. Apply in this
// order: `removed` (positions before the batch, descending), then `changed`
// (positions after the removals), then `inserted`, appended at the end.
struct RowBatch
{
    QList<qint32> removed;
    QList<qint32> changedRows;
    QList<StudentRow> changed;
    QList<StudentRow> inserted;

    bool isEmpty() const { return removed.isEmpty() && changed.isEmpty() && inserted.isEmpty(); }
};

// Joins the cluster's objects to students by label (courseops.io/student=<login>)
// and keeps one compact row per student. Fed by the reflectors' delta batches
// (connect() does the wiring), the roster, HEAD commits from the GitHub side and
// probe results; each change costs work for the rows it touches only. Changed
// rows go out as coalesced batches (at most ~10 a second) by rowsChanged().
// Lives in one thread; move it to a worker so the GUI thread only applies batches.
class StudentIndex : public QObject
{
    Q_OBJECT

public:
    explicit StudentIndex(QObject *parent = nullptr);
    ~StudentIndex() override;

    // Feeds this index from the reflectors (queued if they live elsewhere).
    void connectReflectors(kube::PodReflector *pods, kube::DeploymentReflector *deployments,
                           kube::ServiceReflector *services);

    // Probes every row's URL with `prober` and puts the results in the rows (the
    // prober may live in another thread; it gets targets as rows appear).
    void attachProber(Prober *prober);

    void setCourse(const CourseConfig &course); // URLs: course.urlFor(login)
    void setRoster(const Roster &roster);       // every roster student gets a row
    // The repository's HEAD for a student; a deployed commit other than this is behind.
    void setHead(const QString &login, const QString &commit);
    void applyPods(const kube::PodDeltas &batch);
    void applyDeployments(const kube::DeploymentDeltas &batch);
    void applyServices(const kube::ServiceDeltas &batch);
    void applyProbes(const QList<course::ProbeOutcome> &batch);

    void setBatchInterval(int ms); // default 100
    // Sends what is pending now instead of at the next tick.
    void flush();

    qsizetype size() const { return m_rows.size(); }
    const StudentRow &row(qsizetype i) const { return m_rows.at(i); }
    qsizetype indexOf(const QString &login) const; // -1 when unknown
    QList<StudentRow> rows() const { return m_rows; }

Q_SIGNALS:
    void rowsChanged(const course::RowBatch &batch);

private:
    struct PodSlot
    {
        QString ns;
        QString name;
        qint64 created = 0;
        qint64 deleting = 0;
        kube::PodPrint print;
        kube::PodPhase phase = kube::PodPhase::None;
        ErrorSignature signature;
        bool ready = false; // Running with every container ready
    };
    struct Extra
    {
        QList<PodSlot> pods; // usually one; more during a rollout
        qint32 deployments = 0;
        qint32 services = 0;
    };

    qint32 rowFor(QStringView login);
    void refreshPod(qint32 index);
    void touch(qint32 index);
    void updateBehind(StudentRow &row);
    void maybeRemove(qint32 index);
    QString urlFor(const QString &login) const;

    QList<StudentRow> m_rows;
    QList<Extra> m_extra; // parallel to m_rows
    QList<bool> m_dirty;  // parallel to m_rows
    QHash<QString, qint32> m_byLogin;
    QHash<QString, QString> m_heads; // login -> HEAD commit, for students seen later
    QList<qint32> m_dirtyRows;
    QList<qint32> m_removed;
    qint32 m_published = 0; // rows the consumers know about
    CourseConfig m_course;
    bool m_haveCourse = false;
    QTimer *m_timer = nullptr;
};

} // namespace course

Q_DECLARE_METATYPE(course::RowBatch)
