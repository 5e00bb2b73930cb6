#pragma once

#include "course/courseconfig.h"
#include "course/job.h"
#include "github/githubjson.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace github {
class GithubRepos;
struct GithubError;
} // namespace github

namespace course {

// One file the template changed between two of its commits.
struct TemplateFile
{
    QString path;
    std::optional<QByteArray> before; // at the `from` commit (nullopt: not there)
    std::optional<QByteArray> after;  // at the `to` commit (nullopt: removed)
    QByteArray beforeBlob;            // git blob ids, empty where the file is not there
    QByteArray afterBlob;
    bool executable = false; // the mode at `to`
};

// What the template changed: every file whose blob differs between `from` and
// `to` (a rename shows as a removal and an addition; a mode-only change is not a change).
struct TemplateChange
{
    QString templateRepo; // owner/name
    QByteArray fromCommit;
    QByteArray toCommit;
    QList<TemplateFile> files;

    // The branch each student's merge goes on: "courseops/template-<short to>".
    QString branchName() const;
    QString shortRange() const; // "abc1234..def5678"
};

// What the sync does to one file of a student's repository.
struct FileSync
{
    enum class Outcome : quint8 {
        AlreadyThere, // the student's file already is what the merge gives
        Write,        // write `content`
        Delete,       // the template removed it and the student had not touched it
        Conflict,     // `reason` says why; the student is skipped
    };
    Outcome outcome = Outcome::AlreadyThere;
    QByteArray content;
    QString reason;
};

// The three-way decision for one file: base = the template before, ours = the
// template after, theirs = the student's version (nullopt: they have no such
// file). Text merges line by line (merge3); a file that is not UTF-8 text only
// merges when one side left it alone.
FileSync syncFile(const TemplateFile &file, const std::optional<QByteArray> &student);

// Reads what `templateRepo` changed between `from` and `to` (shas, branches or
// tags; an empty `to` is the default branch's head).
void loadTemplateChange(github::GithubRepos *github, const QString &templateRepo, const QString &from,
                        const QString &to, QObject *context,
                        std::function<void(const github::GithubError &, const TemplateChange &)> done);

// Brings a template change to every student as a pull request, per student:
// "merge" merges the change three-way into their default branch's files and
// commits the result on a new branch (one atomic commit); "pull-request" opens
// the pull request from that branch into their default branch. A student
// whose work conflicts with the change fails "merge" with the conflicting
// paths and gets no pull request. Each step looks first: a branch that already
// holds the change, an existing pull request (open, closed or merged), or a
// repository that already has the change make it Skipped, so a rerun changes nothing.
class TemplateSyncJob : public Job
{
    Q_OBJECT

public:
    TemplateSyncJob(const CourseConfig &course, const TemplateChange &change, github::GithubRepos *github,
                    QObject *parent = nullptr);
    ~TemplateSyncJob() override;

    QString kind() const override { return QStringLiteral("sync-template"); }
    QStringList steps() const override { return {stepMerge(), stepPullRequest()}; }
    void runStep(const QString &target, const QString &step, StepDone done) override;
    // The plan looks once per student for both steps; a plan is for one moment,
    // so plan a new job rather than planning this one again later.
    void planStep(const QString &target, const QString &step, PlanDone done) override;
    // Every write (ref, blobs, tree, commit, branch move, pull request) counts
    // against GitHub's content-creation limits, about `creationsPerMinute` (80).
    double estimateSeconds(const JobPlan &plan) const override;
    void setCreationsPerMinute(double perMinute) { m_creationsPerMinute = perMinute; }

    QString pullRequestTitle() const;
    QString pullRequestBody() const;

    static QString stepMerge() { return QStringLiteral("merge"); }
    static QString stepPullRequest() { return QStringLiteral("pull-request"); }

private:
    // What a student's repository holds, as the steps see it.
    struct StudentLook
    {
        QString error; // could not look: why
        QString defaultBranch;
        QByteArray defaultHead;
        QByteArray branchHead;                   // the sync branch; empty when there is none
        std::optional<github::PullRequest> pull; // from the sync branch, in any state
        // With the merge worked out: the commit it applies to (the sync branch
        // when it exists, else the default branch's head), what to write, and
        // the conflicts ("index.js (both changed the same lines)").
        QByteArray mergedOnto;
        QList<std::pair<QString, FileSync>> files;
        QStringList conflicts;
        int changeCount() const;
    };

    using LookDone = std::function<void(const StudentLook &)>;
    struct PendingLook;

    QString repoName(const QString &login) const;
    void look(const QString &login, bool withMerge, LookDone done);
    void lookAtFiles(const QString &login, const std::shared_ptr<StudentLook> &l, LookDone done);
    void plannedLook(const QString &login, LookDone done);
    void runMerge(const QString &login, StepDone done);
    void runPullRequest(const QString &login, StepDone done);
    void ensureBranch(const QString &login, const StudentLook &l,
                      std::function<void(const QString &error)> then);

    CourseConfig m_course;
    TemplateChange m_change;
    github::GithubRepos *m_github;
    double m_creationsPerMinute = 80;
    QHash<QString, std::shared_ptr<PendingLook>> m_planLooks; // login -> the plan's look
    QHash<QString, int> m_plannedWrites;                      // login -> writes its merge step needs
};

} // namespace course
