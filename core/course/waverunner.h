#pragma once

#include "kube/apistatus.h"
#include "kube/clusteraccess.h"
#include "kube/deploymentinfo.h"
#include "kube/kubeclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace kube {
class DeploymentReflector;
} // namespace kube

namespace course {

class AuditLog;

// One Deployment a wave run acts on.
struct WaveTarget
{
    QString namespaceName;
    QString name;
    // The student's login (the courseops.io/student label). When every member of
    // a wave has one, its rollouts are watched with one label selector for the
    // wave; otherwise the whole namespace is watched.
    QString student;
    // Redeploy: the commit to deploy for this student (a full git id).
    QString commit;

    QString key() const { return namespaceName + u'/' + name; }
};

enum class WaveAction : quint8 {
    Restart,  // `kubectl rollout restart`: the kubectl.kubernetes.io/restartedAt template annotation
    Redeploy, // the template annotation courseops.io/commit and the code init container's COMMIT variable
};

struct WaveOptions
{
    int canarySize = 1;               // members of the first wave; 0: no canary wave
    int batchSize = 10;               // members of each later wave
    int pauseBetweenWavesMs = 0;      // wait after a wave before the next one starts
    double maxFailureFraction = 0.2;  // a wave with more failed/size than this stops the run
    int rolloutTimeoutMs = 5 * 60000; // a member not rolled out this long after its write failed
    int concurrency = 4;              // writes in flight at once
    int maxAttempts = 5;              // per write: 409 (re-read), 429/5xx/network (wait) retries
};

enum class WaveOutcome : quint8 { Completed, StoppedByFailureRate, Cancelled };
QString toString(WaveOutcome outcome);

enum class WaveRunState : quint8 { Idle, Running, Paused, Finished };

struct WaveProgress
{
    int done = 0;   // members rolled out
    int failed = 0; // members that failed
    int total = 0;
    int wave = 0; // the current wave, 1-based; 0 before the first
    int waves = 0;
    bool canary = false; // the current wave is the canary wave
    bool paused = false;
    bool waitingBetweenWaves = false;
    qint64 etaMs = -1; // from the measured rate; -1 until there is one
};

struct WaveMemberResult
{
    WaveTarget target;
    int wave = 0;
    bool ok = false;
    QString error; // why it failed, for a person
    qint64 ms = 0; // from its write to the end of its rollout
};

struct WaveResult
{
    int wave = 0;
    bool canary = false;
    int size = 0;
    int succeeded = 0;
    int failed = 0;
    bool stoppedRun = false; // its failure rate passed the bound
};

// Restarts or redeploys a list of Deployments in waves: a canary wave, then
// batches. Each member gets its write (bounded concurrency; 409 re-reads and
// retries, 429 and 5xx wait Retry-After or back off), then its rollout is
// watched until `kubectl rollout status` would call it complete, or failed
// (ProgressDeadlineExceeded, the timeout, the Deployment gone). A wave whose
// failure fraction passes the bound stops the run; waves after it are not
// touched. The run can be paused (no new writes or waves; rollouts already
// started are still watched), resumed and cancelled. Every write, and its
// result, goes to the audit log.
//
// Lives in the thread that created it (it may be moved to a worker thread
// before start()); no widgets.
class WaveRunner : public QObject
{
    Q_OBJECT

public:
    WaveRunner(std::shared_ptr<kube::ClusterAccess> access, AuditLog *audit, QObject *parent = nullptr);
    ~WaveRunner() override;

    // Who the audit log names; default: the kubeconfig user (or the context).
    void setWho(const QString &who) { m_who = who; }
    QString who() const { return m_who; }

    // The waves for `count` members: the canary (when canarySize > 0), then batches.
    static QList<int> planWaves(int count, const WaveOptions &options);

    // False (and *error) when the run cannot start: nothing to do, a redeploy
    // target without a commit, bad options.
    bool start(const QList<WaveTarget> &targets, WaveAction action, const WaveOptions &options,
               QString *error = nullptr);
    void pause();
    void resume();
    void cancel();

    WaveRunState state() const { return m_state; }
    WaveProgress progress() const;
    WaveAction action() const { return m_action; }
    const WaveOptions &options() const { return m_options; }
    const QList<WaveResult> &waveResults() const { return m_waveResults; }

Q_SIGNALS:
    void progressChanged(const course::WaveProgress &progress);
    void waveStarted(int wave, int size, bool canary);
    void waveFinished(const course::WaveResult &result);
    void memberFinished(const course::WaveMemberResult &result);
    void finished(course::WaveOutcome outcome, const QString &summary);

private:
    enum class MemberState : quint8 { Queued, Writing, Rolling, Done, Failed };
    struct Member
    {
        WaveTarget target;
        MemberState state = MemberState::Queued;
        int attempts = 0;
        qint64 generation = 0;                      // metadata.generation our write produced
        qint64 writtenAtMs = -1;                    // on m_clock
        std::optional<kube::DeploymentInfo> latest; // last seen by the wave's watch
    };

    void startWave();
    void pump();
    void write(int index);
    void writeRestart(int index);
    void writeRedeploy(int index);
    void written(int index, const kube::ApiResult &result);
    void writeFailed(int index, const kube::ApiStatus &status);
    void evaluate(int index);
    void resolve(int index, bool ok, const QString &error);
    void checkTimeouts();
    void waveDone();
    void finish(WaveOutcome outcome);
    void watchWave();
    void stopWatches();
    void audit(const Member &m, const QString &result, const QString &detail);
    void emitProgress();
    QString describe(const Member &m) const;

    std::shared_ptr<kube::ClusterAccess> m_access;
    AuditLog *m_audit = nullptr;
    kube::KubeClient *m_client = nullptr;
    QString m_who;

    QList<Member> m_members;
    QList<int> m_plan;   // wave sizes
    int m_wave = -1;     // index into m_plan
    int m_waveBegin = 0; // first member of the current wave
    int m_waveEnd = 0;
    int m_inFlight = 0;
    int m_done = 0;
    int m_failed = 0;
    WaveAction m_action = WaveAction::Restart;
    WaveOptions m_options;
    WaveRunState m_state = WaveRunState::Idle;
    bool m_betweenWaves = false;
    QList<WaveResult> m_waveResults;
    QHash<QString, int> m_index; // namespace/name -> member, for the current wave
    QList<kube::DeploymentReflector *> m_watches;

    QElapsedTimer m_clock;
    qint64 m_holdUntilMs = 0; // no writes before this (Retry-After)
    qint64 m_activeMs = 0;    // time spent running (not paused), up to m_activeSince
    qint64 m_activeSince = -1;
    QTimer *m_ticker = nullptr;
    QTimer *m_between = nullptr;
};

} // namespace course

Q_DECLARE_METATYPE(course::WaveProgress)
Q_DECLARE_METATYPE(course::WaveMemberResult)
Q_DECLARE_METATYPE(course::WaveResult)
Q_DECLARE_METATYPE(course::WaveOutcome)
