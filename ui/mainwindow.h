#pragma once

#include "connectdialog.h"
#include "course/clustersession.h"
#include "course/courseconfig.h"
#include "course/embeddedsandbox.h"
#include "course/roster.h"

#include "fleetmodel.h"

#include <QMainWindow>
#include <functional>
#include <memory>

namespace github {
class GithubClient;
class GithubRepos;
class TokenStore;
struct GithubConfig;
struct User;
} // namespace github
namespace course {
class HeadTracker;
enum class WaveAction : quint8;
}

class CodeWindow;
class DetailsPanel;
class ErrorGroupModel;
class FleetFilter;
class FleetModel;
class QListView;
class QSplitter;
namespace course {
class AuditLog;
class ClusterHealth;
class Prober;
class StudentIndex;
} // namespace course
class QAction;
class QLabel;
class QLineEdit;
class QTableView;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a course file and roster; problems are listed in a dialog unless `quiet`.
    bool openCourse(const QString &coursePath, const QString &rosterPath, bool quiet = false);

    const course::CourseConfig &course() const { return m_course; }
    const course::Roster &roster() const { return m_roster; }
    QTableView *fleetView() const { return m_view; }
    FleetModel *fleetModel() const { return m_model; }
    FleetFilter *fleetFilter() const { return m_proxy; }
    DetailsPanel *details() const { return m_details; }
    // The code window for a student's repository (needs GitHub); nullptr without it.
    CodeWindow *openCodeFor(const QString &login);
    // `courseops open LOGIN`: selects the student and opens their code as soon
    // as GitHub is signed in and the student's row is in (the connection may
    // still be starting).
    void openCodeWhenReady(const QString &login);

    // Connects to the built-in sandbox or to a kubeconfig's context (and
    // remembers the choice). Problems show in the status bar and a dialog.
    void connectTo(const ConnectionChoice &choice);
    course::ClusterSession *session() const { return m_session; }
    // How the built-in sandbox is started (state folder, runtime, roster); tests and --sandbox-* options.
    void setSandboxOptions(const course::EmbeddedSandbox::Options &options) { m_sandboxOptions = options; }
    course::EmbeddedSandbox *sandbox() const { return m_sandbox; }
    github::GithubRepos *githubRepos() const { return m_repos; }
    // Uses GitHub with this token (already checked, or from the sandbox).
    void useGithub(const github::GithubConfig &config, const QByteArray &token);

    enum ActionId {
        ActNextFailing, ActHealth, ActLogs, ActTerminal, ActRestart, ActRedeploy, ActOpenApp, ActOpenRepo,
        ActOpenCode, ActSeed, ActWaves, ActRestartWaves, ActSyncTemplate, ActAuditLog, ActionCount
    };
    QAction *action(ActionId id) const { return m_actions[id]; }
    // The logins of the selected rows, in view order.
    QStringList selectedLogins() const;

Q_SIGNALS:
    void sessionStarted(course::ClusterSession *session);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void updateStatus();
    void openCourseDialog();
    void importRosterDialog();
    void showAbout();
    void connectDialog();
    void startSession(std::shared_ptr<kube::ClusterAccess> access);
    void showConnectionProblem(const QString &message);
    void updateConnectionIndicator();
    void updateActions();
    void showSettings();
    void applySettings();
    void startIndex();
    void stopIndex();
    void showSelected();
    QString namespaceOf(const FleetRow &row) const;
    QString namespaceOfLogin(const QString &login) const;
    // Patches the student's Deployment to run `commit`, audits the write, then calls `then`.
    void redeployStudent(const QString &login, const QString &commit,
                         std::function<void(const kube::ApiResult &)> then);
    course::AuditLog *audit();
    void redeployAndFollow(CodeWindow *window, const QString &login, const QString &commit);
    // Marks in `window` where the student's last stack trace points: from the
    // log the details panel shows for them, else their pod's termination message.
    void markLastStackTrace(CodeWindow *window, const QString &login);
    void signInToGithub();
    void updateGithubIndicator();
    void selectNextFailing();
    void showHealth();
    void showLogs();
    void openTerminal();
    void restartSelected();
    void redeploySelected();
    void openApp();
    void openRepository();
    void openCode();
    void seedCourse();
    void redeployInWaves(); // at each repository's HEAD
    void restartInWaves();
    void startWaves(course::WaveAction action);
    void syncTemplate();
    // Fleet jobs (issue 8) in a JobDialog; `resumeDir`: an unfinished journal to resume.
    void startSeedJob(const QString &resumeDir);
    void startSyncJob(const QString &resumeDir);
    void showAuditLog();
    QString appUrl(const QString &login) const;

    course::CourseConfig m_course;
    course::Roster m_roster;
    QString m_coursePath;
    FleetModel *m_model = nullptr;
    FleetFilter *m_proxy = nullptr;
    ErrorGroupModel *m_groups = nullptr;
    QListView *m_groupView = nullptr;
    DetailsPanel *m_details = nullptr;
    QSplitter *m_vertical = nullptr;
    QSplitter *m_horizontal = nullptr;
    QThread *m_indexThread = nullptr;
    course::StudentIndex *m_index = nullptr; // lives in m_indexThread
    course::Prober *m_prober = nullptr;
    course::AuditLog *m_audit = nullptr;
    course::ClusterHealth *m_health = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_courseLabel = nullptr;
    course::EmbeddedSandbox *m_sandbox = nullptr;
    course::ClusterSession *m_session = nullptr;
    ConnectionChoice m_choice;
    course::EmbeddedSandbox::Options m_sandboxOptions;
    QAction *m_actions[ActionCount] = {};
    github::GithubClient *m_github = nullptr;
    github::GithubRepos *m_repos = nullptr;
    github::TokenStore *m_tokens = nullptr;
    course::HeadTracker *m_heads = nullptr;
    QString m_githubLogin;
    QString m_githubName;
    QString m_githubEmail;
    QLabel *m_githubLabel = nullptr;
};
