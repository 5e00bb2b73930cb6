#include "templatesync.h"

#include "course/manifests.h"
#include "course/merge3.h"
#include "github/githubrepos.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <utility>

namespace course {

using State = JournalEntry::State;
using github::GithubError;

namespace {

QString shortSha(const QByteArray &sha)
{
    return QString::fromLatin1(sha.left(7));
}

// Text that survives a round trip through QString unchanged; anything else is merged as binary.
std::optional<QString> asText(const QByteArray &bytes)
{
    if (bytes.contains('\0'))
        return std::nullopt;
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::nullopt;
    return text;
}

FileSync take(const std::optional<QByteArray> &content)
{
    FileSync s;
    s.outcome = content ? FileSync::Outcome::Write : FileSync::Outcome::Delete;
    if (content)
        s.content = *content;
    return s;
}

FileSync conflict(const QString &reason)
{
    FileSync s;
    s.outcome = FileSync::Outcome::Conflict;
    s.reason = reason;
    return s;
}

} // namespace

QString TemplateChange::branchName() const
{
    return QStringLiteral("courseops/template-") + shortSha(toCommit);
}

QString TemplateChange::shortRange() const
{
    return shortSha(fromCommit) + QStringLiteral("..") + shortSha(toCommit);
}

FileSync syncFile(const TemplateFile &file, const std::optional<QByteArray> &student)
{
    if (student == file.after)
        return {};
    if (student == file.before) // untouched by the student: the template's version as it is
        return take(file.after);
    if (!student)
        return conflict(QObject::tr("deleted in the student's repository"));
    if (!file.after)
        return conflict(QObject::tr("removed from the template, changed by the student"));
    // Both sides have the file and both changed it: merge the lines. A file the
    // template added that the student also added merges against an empty base.
    const std::optional<QString> base = asText(file.before.value_or(QByteArray()));
    const std::optional<QString> ours = asText(*file.after);
    const std::optional<QString> theirs = asText(*student);
    if (!base || !ours || !theirs)
        return conflict(QObject::tr("binary file changed on both sides"));
    const Merge3Result merged = merge3(*base, *ours, *theirs);
    if (!merged.isClean())
        return conflict(file.before ? QObject::tr("both changed the same lines")
                                    : QObject::tr("added on both sides with different content"));
    const QByteArray content = merged.text().toUtf8();
    if (content == *student)
        return {};
    return take(content);
}

// ---- loading the template's change ------------------------------------------------------

namespace {

struct ChangeLoad
{
    github::GithubRepos *github = nullptr;
    QPointer<QObject> context;
    std::function<void(const GithubError &, const TemplateChange &)> done;
    QString owner;
    QString name;
    TemplateChange change;
    github::Tree fromTree;
    int pendingReads = 0;
    bool failed = false;
};
using Load = std::shared_ptr<ChangeLoad>;

void finishLoad(const Load &load, const GithubError &error)
{
    if (load->failed || !load->context)
        return;
    load->failed = !error.isOk();
    load->done(error, error.isOk() ? load->change : TemplateChange{});
}

// GET /repos/o/r/commits/{ref}: the commit a sha, branch or tag names.
void resolveCommit(const Load &load, const QString &ref, std::function<void(const QByteArray &sha)> then)
{
    github::GithubRequest r;
    r.path = github::GithubRepos::repoPath(load->owner, load->name) + QStringLiteral("/commits/") +
             QString::fromLatin1(QUrl::toPercentEncoding(ref, "/"));
    r.what = QStringLiteral("find commit %1 of %2").arg(ref, load->change.templateRepo);
    r.repository = load->change.templateRepo;
    load->github->client()->send(r, load->context, [load, ref, then](const github::GithubReply &reply) {
        const QByteArray sha = reply.ok() ? github::parseSha(reply.body) : QByteArray();
        if (!reply.ok() || sha.isEmpty()) {
            GithubError e =
                reply.ok() ? GithubError::make(GithubError::Kind::Decode, QString()) : reply.error;
            e.message =
                QObject::tr("The template %1 has no commit, branch or tag '%2' (%3). Give --from and --to "
                            "as commits of the template.")
                    .arg(load->change.templateRepo, ref,
                         reply.ok() ? QObject::tr("no sha in the answer") : reply.error.message);
            finishLoad(load, e);
            return;
        }
        then(sha);
    });
}

// The files of a tree; symbolic links (mode 120000) are left out, as the commit writes plain files.
QHash<QString, github::TreeEntry> blobsOf(const github::Tree &tree)
{
    QHash<QString, github::TreeEntry> blobs;
    for (const github::TreeEntry &e : tree.entries) {
        if (e.type == QLatin1String("blob") && e.mode != QLatin1String("120000"))
            blobs.insert(e.path, e);
    }
    return blobs;
}

void readContent(const Load &load, qsizetype index, bool before)
{
    TemplateFile &file = load->change.files[index];
    ++load->pendingReads;
    load->github->readFile(load->owner, load->name, file.path,
                           QString::fromLatin1(before ? load->change.fromCommit : load->change.toCommit),
                           load->context,
                           [load, index, before](const GithubError &e, const github::FileContent &f) {
                               if (load->failed)
                                   return;
                               if (!e.isOk()) {
                                   finishLoad(load, e);
                                   return;
                               }
                               TemplateFile &file = load->change.files[index];
                               (before ? file.before : file.after) = f.content;
                               if (--load->pendingReads == 0)
                                   finishLoad(load, GithubError::ok());
                           });
}

void diffTrees(const Load &load, const github::Tree &toTree)
{
    if (load->fromTree.truncated || toTree.truncated) {
        finishLoad(load,
                   GithubError::make(GithubError::Kind::Validation,
                                     QObject::tr("The template %1 has more files than GitHub lists in one "
                                                 "tree; template sync handles smaller templates only.")
                                         .arg(load->change.templateRepo)));
        return;
    }
    const QHash<QString, github::TreeEntry> from = blobsOf(load->fromTree);
    const QHash<QString, github::TreeEntry> to = blobsOf(toTree);
    QStringList paths = from.keys();
    for (auto it = to.cbegin(); it != to.cend(); ++it) {
        if (!from.contains(it.key()))
            paths << it.key();
    }
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const QByteArray beforeBlob = from.value(path).sha;
        const QByteArray afterBlob = to.value(path).sha;
        if (beforeBlob == afterBlob)
            continue;
        TemplateFile file;
        file.path = path;
        file.beforeBlob = beforeBlob;
        file.afterBlob = afterBlob;
        file.executable = to.value(path).mode == QLatin1String("100755");
        load->change.files.append(file);
    }
    if (load->change.files.isEmpty()) {
        finishLoad(load, GithubError::ok());
        return;
    }
    // Answers arrive queued, so every read is counted before the first one lands.
    for (qsizetype i = 0; i < load->change.files.size(); ++i) {
        const TemplateFile &file = load->change.files.at(i);
        if (!file.beforeBlob.isEmpty())
            readContent(load, i, true);
        if (!file.afterBlob.isEmpty())
            readContent(load, i, false);
    }
}

void loadTrees(const Load &load)
{
    const auto treeAt = [load](const QByteArray &commit, std::function<void(const github::Tree &)> then) {
        load->github->tree(load->owner, load->name, QString::fromLatin1(commit), load->context,
                           [load, then](const GithubError &e, const github::Tree &tree) {
                               if (e.isOk())
                                   then(tree);
                               else
                                   finishLoad(load, e);
                           });
    };
    treeAt(load->change.fromCommit, [load, treeAt](const github::Tree &fromTree) {
        load->fromTree = fromTree;
        treeAt(load->change.toCommit, [load](const github::Tree &toTree) { diffTrees(load, toTree); });
    });
}

void resolveTo(const Load &load, const QString &to)
{
    resolveCommit(load, to, [load](const QByteArray &sha) {
        load->change.toCommit = sha;
        loadTrees(load);
    });
}

} // namespace

void loadTemplateChange(github::GithubRepos *github, const QString &templateRepo, const QString &from,
                        const QString &to, QObject *context,
                        std::function<void(const github::GithubError &, const TemplateChange &)> done)
{
    auto load = std::make_shared<ChangeLoad>();
    load->github = github;
    load->context = context;
    load->done = std::move(done);
    load->owner = templateRepo.section(u'/', 0, 0);
    load->name = templateRepo.section(u'/', 1);
    load->change.templateRepo = templateRepo;
    resolveCommit(load, from, [load, to](const QByteArray &sha) {
        load->change.fromCommit = sha;
        if (!to.isEmpty()) {
            resolveTo(load, to);
            return;
        }
        load->github->getRepository(load->owner, load->name, load->context,
                                    [load](const GithubError &e, const github::Repository &repo) {
                                        if (e.isOk())
                                            resolveTo(load, repo.defaultBranch);
                                        else
                                            finishLoad(load, e);
                                    });
    });
}

// ---- the job ---------------------------------------------------------------------------

// A plan looks once per student; the two steps' plans wait for the same look.
struct TemplateSyncJob::PendingLook
{
    bool ready = false;
    StudentLook look;
    QList<LookDone> waiting;
};

int TemplateSyncJob::StudentLook::changeCount() const
{
    int n = 0;
    for (const auto &[path, sync] : files)
        n += sync.outcome == FileSync::Outcome::Write || sync.outcome == FileSync::Outcome::Delete;
    return n;
}

TemplateSyncJob::TemplateSyncJob(const CourseConfig &course, const TemplateChange &change,
                                 github::GithubRepos *github, QObject *parent)
    : Job(parent)
    , m_course(course)
    , m_change(change)
    , m_github(github)
{}

TemplateSyncJob::~TemplateSyncJob() = default;

QString TemplateSyncJob::repoName(const QString &login) const
{
    return manifests::objectName(login);
}

QString TemplateSyncJob::pullRequestTitle() const
{
    return tr("Template update %1 from %2").arg(m_change.shortRange(), m_change.templateRepo);
}

QString TemplateSyncJob::pullRequestBody() const
{
    QString body = tr("The course template %1 changed (%2). This pull request brings the change into your "
                      "repository, merged with your own work; nothing of yours was overwritten.\n\nFiles:\n")
                       .arg(m_change.templateRepo, m_change.shortRange());
    for (const TemplateFile &f : m_change.files) {
        const QString how = !f.before ? tr("added") : !f.after ? tr("removed") : tr("changed");
        body += QStringLiteral("- `%1` (%2)\n").arg(f.path, how);
    }
    return body;
}

double TemplateSyncJob::estimateSeconds(const JobPlan &plan) const
{
    int writes = 0;
    for (const PlanItem &item : plan.items) {
        if (item.action != PlanItem::Action::Create)
            continue;
        writes += item.step == stepMerge() ? m_plannedWrites.value(item.target, 4) : 1;
    }
    return m_creationsPerMinute > 0 ? writes * 60.0 / m_creationsPerMinute : 0;
}

void TemplateSyncJob::look(const QString &login, bool withMerge, LookDone done)
{
    auto l = std::make_shared<StudentLook>();
    const QString owner = m_course.organization;
    const QString name = repoName(login);
    const QString branch = m_change.branchName();
    const auto fail = [l, done](const QString &error) {
        l->error = error;
        done(*l);
    };
    m_github->getRepository(
        owner, name, this, [=, this](const GithubError &e, const github::Repository &repo) {
            if (!e.isOk()) {
                fail(e.kind == GithubError::Kind::NotFound
                         ? tr("%1/%2 does not exist: seed the course first").arg(owner, name)
                         : e.message);
                return;
            }
            l->defaultBranch = repo.defaultBranch;
            m_github->branchHead(
                owner, name, repo.defaultBranch, this,
                [=, this](const GithubError &e, const QByteArray &head) {
                    if (!e.isOk()) {
                        fail(e.message);
                        return;
                    }
                    l->defaultHead = head;
                    m_github->branchHead(
                        owner, name, branch, this,
                        [=, this](const GithubError &e, const QByteArray &branchHead) {
                            if (!e.isOk() && e.kind != GithubError::Kind::NotFound) {
                                fail(e.message);
                                return;
                            }
                            l->branchHead = e.isOk() ? branchHead : QByteArray();
                            m_github->listPullRequests(
                                owner, name, QStringLiteral("all"), this,
                                [=, this](const GithubError &e, const QList<github::PullRequest> &pulls) {
                                    if (!e.isOk()) {
                                        fail(e.message);
                                        return;
                                    }
                                    for (const github::PullRequest &p : pulls) {
                                        if (p.headRef == branch) {
                                            l->pull = p;
                                            break;
                                        }
                                    }
                                    if (!withMerge || l->pull) {
                                        done(*l);
                                        return;
                                    }
                                    lookAtFiles(login, l, done);
                                });
                        });
                });
        });
}

// The merge against the sync branch when an earlier run made it, else against the default branch.
void TemplateSyncJob::lookAtFiles(const QString &login, const std::shared_ptr<StudentLook> &l, LookDone done)
{
    const QString owner = m_course.organization;
    const QString name = repoName(login);
    l->mergedOnto = l->branchHead.isEmpty() ? l->defaultHead : l->branchHead;
    m_github->tree(
        owner, name, QString::fromLatin1(l->mergedOnto), this,
        [=, this](const GithubError &e, const github::Tree &tree) {
            if (!e.isOk() || tree.truncated) {
                l->error = e.isOk()
                               ? tr("%1/%2 has more files than GitHub lists in one tree").arg(owner, name)
                               : e.message;
                done(*l);
                return;
            }
            QHash<QString, QByteArray> blobs;
            QSet<QString> others; // folders and submodules
            for (const github::TreeEntry &entry : tree.entries) {
                if (entry.type == QLatin1String("blob"))
                    blobs.insert(entry.path, entry.sha);
                else
                    others.insert(entry.path);
            }
            // Blob ids settle most files without reading them; the rest are read and merged.
            QList<qsizetype> toRead;
            l->files.resize(m_change.files.size());
            for (qsizetype i = 0; i < m_change.files.size(); ++i) {
                const TemplateFile &f = m_change.files.at(i);
                const QByteArray blob = blobs.value(f.path);
                l->files[i].first = f.path;
                if (others.contains(f.path))
                    l->files[i].second =
                        FileSync{FileSync::Outcome::Conflict, {}, tr("a folder in the student's repository")};
                else if (blob == f.afterBlob)
                    l->files[i].second = FileSync{};
                else if (blob == f.beforeBlob)
                    l->files[i].second = syncFile(f, f.before);
                else
                    toRead << i;
            }
            const auto finish = [l, done] {
                for (const auto &[path, sync] : std::as_const(l->files)) {
                    if (sync.outcome == FileSync::Outcome::Conflict)
                        l->conflicts << QStringLiteral("%1 (%2)").arg(path, sync.reason);
                }
                done(*l);
            };
            if (toRead.isEmpty()) {
                finish();
                return;
            }
            auto pending = std::make_shared<qsizetype>(toRead.size());
            for (const qsizetype i : std::as_const(toRead)) {
                const TemplateFile &f = m_change.files.at(i);
                m_github->readFile(
                    owner, name, f.path, QString::fromLatin1(l->mergedOnto), this,
                    [=, this](const GithubError &e, const github::FileContent &content) {
                        if (!e.isOk() && e.kind != GithubError::Kind::NotFound && l->error.isEmpty())
                            l->error = e.message;
                        const std::optional<QByteArray> theirs =
                            e.isOk() ? std::optional<QByteArray>(content.content) : std::nullopt;
                        l->files[i].second = syncFile(m_change.files.at(i), theirs);
                        if (--*pending == 0)
                            finish();
                    });
            }
        });
}

void TemplateSyncJob::plannedLook(const QString &login, LookDone done)
{
    std::shared_ptr<PendingLook> &pending = m_planLooks[login];
    if (pending) {
        if (pending->ready)
            done(pending->look);
        else
            pending->waiting << done;
        return;
    }
    pending = std::make_shared<PendingLook>();
    pending->waiting << done;
    look(login, true, [this, p = pending, login](const StudentLook &l) {
        p->ready = true;
        p->look = l;
        int writes = 4; // the branch, the tree, the commit, the branch moved
        for (const auto &[path, sync] : l.files)
            writes += sync.outcome == FileSync::Outcome::Write;
        m_plannedWrites.insert(login, writes);
        const QList<LookDone> waiting = std::exchange(p->waiting, {});
        for (const LookDone &d : waiting)
            d(l);
    });
}

void TemplateSyncJob::planStep(const QString &target, const QString &step, PlanDone done)
{
    plannedLook(target, [this, target, step, done](const StudentLook &l) {
        const QString branch = m_change.branchName();
        const auto item = [&](PlanItem::Action action, const QString &detail) {
            done({action, target, step, detail});
        };
        if (!l.error.isEmpty())
            item(PlanItem::Action::Blocked, l.error);
        else if (l.pull)
            item(PlanItem::Action::Leave,
                 tr("pull request #%1 exists (%2)").arg(l.pull->number).arg(l.pull->state));
        else if (!l.conflicts.isEmpty())
            item(step == stepMerge() ? PlanItem::Action::Blocked : PlanItem::Action::Leave,
                 tr("conflict in %1").arg(l.conflicts.join(QStringLiteral(", "))));
        else if (step == stepMerge() && l.changeCount() > 0)
            item(PlanItem::Action::Create,
                 tr("merge %n file(s) onto branch %1", nullptr, l.changeCount()).arg(branch));
        else if (step == stepMerge())
            item(PlanItem::Action::Leave, l.branchHead.isEmpty()
                                              ? tr("already has the template change")
                                              : tr("branch %1 has the template change").arg(branch));
        else if (l.changeCount() > 0 || !l.branchHead.isEmpty())
            item(PlanItem::Action::Create, tr("pull request from %1 into %2").arg(branch, l.defaultBranch));
        else
            item(PlanItem::Action::Leave, tr("nothing to propose: already has the template change"));
    });
}

void TemplateSyncJob::runStep(const QString &target, const QString &step, StepDone done)
{
    if (step == stepMerge())
        runMerge(target, std::move(done));
    else
        runPullRequest(target, std::move(done));
}

void TemplateSyncJob::runMerge(const QString &login, StepDone done)
{
    look(login, true, [this, login, done](const StudentLook &l) {
        const QString branch = m_change.branchName();
        if (!l.error.isEmpty()) {
            done(State::Failed, l.error);
            return;
        }
        if (l.pull) {
            done(State::Skipped, tr("pull request #%1 exists (%2)").arg(l.pull->number).arg(l.pull->state));
            return;
        }
        if (!l.conflicts.isEmpty()) {
            done(State::Failed, tr("conflict in %1").arg(l.conflicts.join(QStringLiteral(", "))));
            return;
        }
        QList<github::FileChange> changes;
        for (qsizetype i = 0; i < l.files.size(); ++i) {
            const FileSync &sync = l.files.at(i).second;
            if (sync.outcome == FileSync::Outcome::Write)
                changes.append({l.files.at(i).first, sync.content, m_change.files.at(i).executable});
            else if (sync.outcome == FileSync::Outcome::Delete)
                changes.append({l.files.at(i).first, std::nullopt, false});
        }
        if (changes.isEmpty()) {
            done(State::Skipped, l.branchHead.isEmpty()
                                     ? tr("already has the template change")
                                     : tr("branch %1 has the template change").arg(branch));
            return;
        }
        ensureBranch(login, l, [this, login, l, changes, branch, done](const QString &error) {
            if (!error.isEmpty()) {
                done(State::Failed, error);
                return;
            }
            github::CommitRequest request;
            request.owner = m_course.organization;
            request.repo = repoName(login);
            request.branch = branch;
            request.baseCommit = l.mergedOnto;
            request.changes = changes;
            request.message =
                tr("Merge template change %1 from %2").arg(m_change.shortRange(), m_change.templateRepo);
            request.author = {
                QStringLiteral("CourseOps"), QStringLiteral("courseops@users.noreply.github.com"), {}};
            m_github->commit(
                request, this, [done, branch, n = changes.size()](const github::CommitResult &r) {
                    switch (r.outcome) {
                    case github::CommitResult::Outcome::Committed:
                        done(State::Done, tr("committed %n file(s) to %1 (%2)", nullptr, int(n))
                                              .arg(branch, shortSha(r.commitSha)));
                        return;
                    case github::CommitResult::Outcome::BranchMoved:
                        done(State::Failed,
                             tr("someone else moved %1 while it was being merged; run the job again")
                                 .arg(branch));
                        return;
                    case github::CommitResult::Outcome::Failed:
                        done(State::Failed, r.error.message);
                        return;
                    }
                });
        });
    });
}

// The sync branch at the commit the merge applies to. Creating it again after
// a lost answer is refused (422): the commit then finds it where it expects it.
void TemplateSyncJob::ensureBranch(const QString &login, const StudentLook &l,
                                   std::function<void(const QString &error)> then)
{
    if (!l.branchHead.isEmpty()) {
        then({});
        return;
    }
    github::GithubRequest r;
    r.verb = "POST";
    r.path =
        github::GithubRepos::repoPath(m_course.organization, repoName(login)) + QStringLiteral("/git/refs");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("ref"),
                                        QString(QStringLiteral("refs/heads/") + m_change.branchName())},
                                       {QStringLiteral("sha"), QString::fromLatin1(l.mergedOnto)}})
                 .toJson(QJsonDocument::Compact);
    r.idempotent = true;
    r.what =
        tr("create branch %1 in %2/%3").arg(m_change.branchName(), m_course.organization, repoName(login));
    r.repository = m_course.organization + u'/' + repoName(login);
    m_github->client()->send(r, this, [then](const github::GithubReply &reply) {
        if (reply.ok() || reply.error.kind == GithubError::Kind::Validation)
            then({});
        else
            then(reply.error.message);
    });
}

void TemplateSyncJob::runPullRequest(const QString &login, StepDone done)
{
    look(login, false, [this, login, done](const StudentLook &l) {
        const QString branch = m_change.branchName();
        if (!l.error.isEmpty()) {
            done(State::Failed, l.error);
            return;
        }
        if (l.pull) {
            done(State::Skipped, tr("pull request #%1 exists (%2)").arg(l.pull->number).arg(l.pull->state));
            return;
        }
        if (l.branchHead.isEmpty() || l.branchHead == l.defaultHead) {
            done(State::Skipped, tr("nothing to propose: already has the template change"));
            return;
        }
        m_github->createPullRequest(m_course.organization, repoName(login), pullRequestTitle(), branch,
                                    l.defaultBranch, pullRequestBody(), this,
                                    [done](const GithubError &e, const github::PullRequest &pull) {
                                        if (e.isOk())
                                            done(State::Done, tr("opened pull request #%1").arg(pull.number));
                                        else
                                            done(State::Failed, e.message);
                                    });
    });
}

} // namespace course
