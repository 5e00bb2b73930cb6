#include "github/githubrepos.h"

#include "github/githublog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace github {

namespace {

QString enc(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// "src/app.js" -> "src/app.js" with each segment encoded.
QString encPath(const QString &path)
{
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = enc(p);
    return parts.join(u'/');
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

template<typename T>
void deliver(const QPointer<QObject> &context, const Done<T> &done, const GithubError &error, const T &value)
{
    if (!context)
        return;
    QMetaObject::invokeMethod(
        context, [done, error, value] { done(error, value); }, Qt::QueuedConnection);
}

GithubError decodeError(const QString &what)
{
    return GithubError::make(
        GithubError::Kind::Decode,
        QStringLiteral("Could not ") + what +
            QStringLiteral(": GitHub's answer was not the JSON it documents. Try again; if it "
                           "keeps happening, check that the API address points at GitHub."));
}

QJsonObject signatureJson(const Signature &s)
{
    const QDateTime when = s.date.isValid() ? s.date : QDateTime::currentDateTimeUtc();
    return QJsonObject{{QStringLiteral("name"), s.name},
                       {QStringLiteral("email"), s.email},
                       {QStringLiteral("date"), when.toString(Qt::ISODate)}};
}

// GET and decode with `parse`, delivering a T.
template<typename T, typename Parse>
void fetch(GithubClient *client, const GithubRequest &request, QObject *context, Done<T> done, Parse parse)
{
    QPointer<QObject> ctx(context);
    client->send(request, client, [ctx, done, parse, what = request.what](const GithubReply &reply) {
        T value{};
        if (!reply.ok()) {
            deliver(ctx, done, reply.error, value);
            return;
        }
        if (!parse(reply.body, &value)) {
            deliver(ctx, done, decodeError(what), value);
            return;
        }
        deliver(ctx, done, GithubError::ok(reply.status), value);
    });
}

} // namespace

GithubRepos::GithubRepos(GithubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QString GithubRepos::repoPath(const QString &owner, const QString &repo)
{
    return QStringLiteral("/repos/") + enc(owner) + u'/' + enc(repo);
}

void GithubRepos::getRepository(const QString &owner, const QString &repo, QObject *context,
                                Done<Repository> done)
{
    GithubRequest r;
    r.path = repoPath(owner, repo);
    r.what = QStringLiteral("read repository ") + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    fetch<Repository>(m_client, r, context, std::move(done), &parseRepository);
}

void GithubRepos::listRepositories(const QString &owner, OwnerKind kind, QObject *context,
                                   Done<QList<Repository>> done)
{
    const QString path =
        (kind == OwnerKind::Organization ? QStringLiteral("/orgs/") : QStringLiteral("/users/")) +
        enc(owner) + QStringLiteral("/repos");
    QPointer<QObject> ctx(context);
    m_client->getAllPages(
        path, {}, m_client, [ctx, done, owner](const GithubError &error, const QList<QByteArray> &pages) {
            QList<Repository> repos;
            if (!error.isOk()) {
                GithubError e = error;
                if (e.kind == GithubError::Kind::NotFound)
                    e.message = QStringLiteral("Could not list the repositories of ") + owner +
                                QStringLiteral(": GitHub knows no such account (404). Check the "
                                               "organisation or user name.");
                deliver(ctx, done, e, repos);
                return;
            }
            for (const QByteArray &page : pages) {
                if (!parseRepositoryList(page, &repos)) {
                    deliver(ctx, done, decodeError(QStringLiteral("list repositories")), QList<Repository>{});
                    return;
                }
            }
            deliver(ctx, done, GithubError::ok(), repos);
        });
}

void GithubRepos::branchHead(const QString &owner, const QString &repo, const QString &branch,
                             QObject *context, Done<QByteArray> done)
{
    GithubRequest r;
    r.path = repoPath(owner, repo) + QStringLiteral("/git/ref/heads/") + encPath(branch);
    r.what = QStringLiteral("read branch ") + branch + QStringLiteral(" of ") + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    fetch<QByteArray>(m_client, r, context, std::move(done), [](const QByteArray &body, QByteArray *sha) {
        Ref ref;
        if (!parseRef(body, &ref))
            return false;
        *sha = ref.sha;
        return true;
    });
}

void GithubRepos::tree(const QString &owner, const QString &repo, const QString &ref, QObject *context,
                       Done<Tree> done)
{
    GithubRequest r;
    r.path = repoPath(owner, repo) + QStringLiteral("/git/trees/") + encPath(ref);
    r.query.addQueryItem(QStringLiteral("recursive"), QStringLiteral("1"));
    r.what = QStringLiteral("list the files of ") + owner + u'/' + repo + QStringLiteral(" at ") + ref;
    r.repository = owner + u'/' + repo;
    fetch<Tree>(m_client, r, context, std::move(done), &parseTree);
}

void GithubRepos::readFile(const QString &owner, const QString &repo, const QString &path, const QString &ref,
                           QObject *context, Done<FileContent> done)
{
    GithubRequest r;
    r.path = repoPath(owner, repo) + QStringLiteral("/contents/") + encPath(path);
    if (!ref.isEmpty())
        r.query.addQueryItem(QStringLiteral("ref"), ref);
    r.what = QStringLiteral("read ") + path + QStringLiteral(" in ") + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    QPointer<QObject> ctx(context);
    GithubClient *client = m_client;
    client->send(r, client, [client, ctx, done, r, owner, repo](const GithubReply &reply) {
        FileContent file;
        if (!reply.ok()) {
            GithubError e = reply.error;
            if (e.kind == GithubError::Kind::NotFound)
                e.message =
                    QStringLiteral("Could not ") + r.what +
                    QStringLiteral(": the file is not there (404), or ") + owner + u'/' + repo +
                    QStringLiteral(" does not exist or this account has no access to it. Check the path and "
                                   "the branch.");
            deliver(ctx, done, e, file);
            return;
        }
        if (!parseFileContent(reply.body, &file)) {
            deliver(ctx, done, decodeError(r.what), file);
            return;
        }
        if (!file.content.isEmpty() || file.size == 0 || file.sha.isEmpty()) {
            deliver(ctx, done, GithubError::ok(), file);
            return;
        }
        // Over 1 MB the contents API leaves `content` empty: read the blob.
        GithubRequest blob;
        blob.path = repoPath(owner, repo) + QStringLiteral("/git/blobs/") + QString::fromLatin1(file.sha);
        blob.what = r.what;
        blob.repository = r.repository;
        client->send(blob, client, [ctx, done, file, what = r.what](const GithubReply &b) {
            FileContent out = file;
            if (!b.ok()) {
                deliver(ctx, done, b.error, out);
                return;
            }
            FileContent decoded;
            if (!parseBlob(b.body, &decoded)) {
                deliver(ctx, done, decodeError(what), out);
                return;
            }
            out.content = decoded.content;
            deliver(ctx, done, GithubError::ok(), out);
        });
    });
}

// ---- the atomic multi-file commit ---------------------------------------------------

namespace {

struct CommitJob
{
    GithubClient *client = nullptr;
    CommitRequest request;
    QPointer<QObject> context;
    std::function<void(const CommitResult &)> done;
    CommitResult result;
    QByteArray baseTree;
    QHash<QString, QByteArray> blobs; // path -> blob sha
    qsizetype nextBlob = 0;
    qsizetype nextSide = 0;
    QString repoPath;
    QString repoName;
};
using Job = std::shared_ptr<CommitJob>;

void finishCommit(const Job &job)
{
    if (!job->context)
        return;
    QMetaObject::invokeMethod(
        job->context, [done = job->done, result = job->result] { done(result); }, Qt::QueuedConnection);
}

void fail(const Job &job, const GithubError &error)
{
    job->result.outcome = CommitResult::Outcome::Failed;
    job->result.error = error;
    finishCommit(job);
}

GithubRequest post(const Job &job, const QString &path, const QJsonObject &body, const QString &what)
{
    GithubRequest r;
    r.verb = "POST";
    r.path = job->repoPath + path;
    r.body = json(body);
    r.what = what + QStringLiteral(" in ") + job->repoName;
    r.repository = job->repoName;
    // Git objects are content-addressed: sending the same one twice makes the same object.
    r.idempotent = true;
    return r;
}

// The three versions of each touched path, read one after another.
void readSides(const Job &job)
{
    if (job->nextSide >= job->request.changes.size()) {
        finishCommit(job);
        return;
    }
    const FileChange &change = job->request.changes.at(job->nextSide);
    MergeSides sides;
    sides.path = change.path;
    sides.mine = change.content;
    const auto readAt = [job](const QString &path, const QByteArray &commit,
                              std::function<void(bool ok, std::optional<QByteArray>)> then) {
        GithubRequest r;
        r.path = job->repoPath + QStringLiteral("/contents/") + encPath(path);
        r.query.addQueryItem(QStringLiteral("ref"), QString::fromLatin1(commit));
        r.what = QStringLiteral("read ") + path + QStringLiteral(" in ") + job->repoName;
        r.repository = job->repoName;
        job->client->send(r, job->client, [then](const GithubReply &reply) {
            if (reply.error.kind == GithubError::Kind::NotFound) {
                then(true, std::nullopt);
                return;
            }
            FileContent file;
            if (!reply.ok() || !parseFileContent(reply.body, &file)) {
                then(false, std::nullopt);
                return;
            }
            then(true, file.content);
        });
    };
    readAt(
        change.path, job->result.baseCommit, [job, sides, readAt](bool ok, std::optional<QByteArray> base) {
            if (!ok) {
                fail(job,
                     GithubError::make(GithubError::Kind::Network,
                                       QStringLiteral("The branch moved, and the files to merge could not be "
                                                      "read. Reload the file and make the change again.")));
                return;
            }
            MergeSides s = sides;
            s.base = base;
            readAt(s.path, job->result.theirsCommit, [job, s](bool ok, std::optional<QByteArray> theirs) {
                if (!ok) {
                    fail(job, GithubError::make(
                                  GithubError::Kind::Network,
                                  QStringLiteral("The branch moved, and the files to merge could not be "
                                                 "read. Reload the file and make the change again.")));
                    return;
                }
                MergeSides done = s;
                done.theirs = theirs;
                job->result.sides.append(done);
                ++job->nextSide;
                readSides(job);
            });
        });
}

void branchMoved(const Job &job)
{
    GithubRequest r;
    r.path = job->repoPath + QStringLiteral("/git/ref/heads/") + encPath(job->request.branch);
    r.what = QStringLiteral("read branch ") + job->request.branch + QStringLiteral(" of ") + job->repoName;
    r.repository = job->repoName;
    job->client->send(r, job->client, [job](const GithubReply &reply) {
        Ref ref;
        if (!reply.ok() || !parseRef(reply.body, &ref)) {
            fail(job, reply.ok() ? decodeError(QStringLiteral("read the branch")) : reply.error);
            return;
        }
        if (ref.sha == job->result.commitSha) { // our own update went through on an earlier attempt
            job->result.outcome = CommitResult::Outcome::Committed;
            job->result.error = GithubError::ok();
            finishCommit(job);
            return;
        }
        job->result.theirsCommit = ref.sha;
        job->result.outcome = CommitResult::Outcome::BranchMoved;
        job->result.error =
            GithubError::make(GithubError::Kind::Conflict,
                              QStringLiteral("Nothing was saved: someone committed to ") +
                                  job->request.branch + QStringLiteral(" of ") + job->repoName +
                                  QStringLiteral(" since you opened the files (it is now at ") +
                                  QString::fromLatin1(ref.sha.left(7)) +
                                  QStringLiteral("). Merge your changes with theirs and commit again."));
        readSides(job);
    });
}

void updateRef(const Job &job)
{
    GithubRequest r;
    r.verb = "PATCH";
    r.path = job->repoPath + QStringLiteral("/git/refs/heads/") + encPath(job->request.branch);
    r.body = json(QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(job->result.commitSha)},
                              {QStringLiteral("force"), false}});
    r.what = QStringLiteral("move branch ") + job->request.branch + QStringLiteral(" of ") + job->repoName;
    r.repository = job->repoName;
    r.idempotent = true; // the same fast-forward again is refused or a no-op; branchMoved() tells which
    job->client->send(r, job->client, [job](const GithubReply &reply) {
        if (reply.ok()) {
            job->result.outcome = CommitResult::Outcome::Committed;
            job->result.error = GithubError::ok(reply.status);
            qCInfo(lcGithubHttp).noquote()
                << "committed" << job->result.commitSha << "to" << job->repoName << job->request.branch;
            finishCommit(job);
            return;
        }
        if (reply.status == 422 || reply.status == 409) {
            branchMoved(job);
            return;
        }
        fail(job, reply.error);
    });
}

void createCommit(const Job &job)
{
    const Signature committer =
        job->request.committer.email.isEmpty() ? job->request.author : job->request.committer;
    Signature author = job->request.author;
    if (!author.date.isValid())
        author.date = QDateTime::currentDateTimeUtc();
    Signature by = committer;
    if (!by.date.isValid())
        by.date = author.date;
    const QJsonObject body{
        {QStringLiteral("message"), withCoAuthors(job->request.message, job->request.coAuthors)},
        {QStringLiteral("tree"), QString::fromLatin1(job->result.treeSha)},
        {QStringLiteral("parents"), QJsonArray{QString::fromLatin1(job->result.baseCommit)}},
        {QStringLiteral("author"), signatureJson(author)},
        {QStringLiteral("committer"), signatureJson(by)}};
    // With both dates fixed, a repeated request makes the same commit.
    job->client->send(post(job, QStringLiteral("/git/commits"), body, QStringLiteral("create the commit")),
                      job->client, [job](const GithubReply &reply) {
                          if (!reply.ok()) {
                              fail(job, reply.error);
                              return;
                          }
                          job->result.commitSha = parseSha(reply.body);
                          if (job->result.commitSha.isEmpty()) {
                              fail(job, decodeError(QStringLiteral("create the commit")));
                              return;
                          }
                          updateRef(job);
                      });
}

void createTree(const Job &job)
{
    QJsonArray entries;
    for (const FileChange &c : std::as_const(job->request.changes)) {
        const QString mode = c.executable ? QStringLiteral("100755") : QStringLiteral("100644");
        QJsonObject e{{QStringLiteral("path"), c.path},
                      {QStringLiteral("mode"), mode},
                      {QStringLiteral("type"), QStringLiteral("blob")}};
        e.insert(QStringLiteral("sha"), c.content ? QJsonValue(QString::fromLatin1(job->blobs.value(c.path)))
                                                  : QJsonValue(QJsonValue::Null));
        entries.append(e);
    }
    const QJsonObject body{{QStringLiteral("base_tree"), QString::fromLatin1(job->baseTree)},
                           {QStringLiteral("tree"), entries}};
    job->client->send(post(job, QStringLiteral("/git/trees"), body, QStringLiteral("create the tree")),
                      job->client, [job](const GithubReply &reply) {
                          if (!reply.ok()) {
                              fail(job, reply.error);
                              return;
                          }
                          job->result.treeSha = parseSha(reply.body);
                          if (job->result.treeSha.isEmpty()) {
                              fail(job, decodeError(QStringLiteral("create the tree")));
                              return;
                          }
                          createCommit(job);
                      });
}

void createBlobs(const Job &job)
{
    while (job->nextBlob < job->request.changes.size() && !job->request.changes.at(job->nextBlob).content)
        ++job->nextBlob;
    if (job->nextBlob >= job->request.changes.size()) {
        createTree(job);
        return;
    }
    const FileChange &c = job->request.changes.at(job->nextBlob);
    const QJsonObject body{{QStringLiteral("content"), QString::fromLatin1(c.content->toBase64())},
                           {QStringLiteral("encoding"), QStringLiteral("base64")}};
    const QString path = c.path;
    job->client->send(post(job, QStringLiteral("/git/blobs"), body, QStringLiteral("upload ") + path),
                      job->client, [job, path](const GithubReply &reply) {
                          if (!reply.ok()) {
                              fail(job, reply.error);
                              return;
                          }
                          const QByteArray sha = parseSha(reply.body);
                          if (sha.isEmpty()) {
                              fail(job, decodeError(QStringLiteral("upload ") + path));
                              return;
                          }
                          job->blobs.insert(path, sha);
                          ++job->nextBlob;
                          createBlobs(job);
                      });
}

void readBase(const Job &job)
{
    GithubRequest r;
    r.path = job->repoPath + QStringLiteral("/git/commits/") + QString::fromLatin1(job->result.baseCommit);
    r.what = QStringLiteral("read commit ") + QString::fromLatin1(job->result.baseCommit.left(7)) +
             QStringLiteral(" of ") + job->repoName;
    r.repository = job->repoName;
    job->client->send(r, job->client, [job](const GithubReply &reply) {
        GitCommit commit;
        if (!reply.ok()) {
            fail(job, reply.error);
            return;
        }
        if (!parseGitCommit(reply.body, &commit)) {
            fail(job, decodeError(QStringLiteral("read the base commit")));
            return;
        }
        job->baseTree = commit.treeSha;
        createBlobs(job);
    });
}

} // namespace

void GithubRepos::commit(const CommitRequest &request, QObject *context,
                         std::function<void(const CommitResult &)> done)
{
    auto job = std::make_shared<CommitJob>();
    job->client = m_client;
    job->request = request;
    job->context = context;
    job->done = std::move(done);
    job->repoPath = repoPath(request.owner, request.repo);
    job->repoName = request.owner + u'/' + request.repo;
    job->result.baseCommit = request.baseCommit;
    if (request.changes.isEmpty() || request.branch.isEmpty()) {
        fail(job,
             GithubError::make(GithubError::Kind::Validation,
                               QStringLiteral("Nothing to commit: name the branch and at least one changed "
                                              "file.")));
        return;
    }
    if (!request.baseCommit.isEmpty()) {
        QMetaObject::invokeMethod(
            m_client, [job] { readBase(job); }, Qt::QueuedConnection);
        return;
    }
    branchHead(request.owner, request.repo, request.branch, m_client,
               [job](const GithubError &e, const QByteArray &sha) {
                   if (!e.isOk()) {
                       fail(job, e);
                       return;
                   }
                   job->result.baseCommit = sha;
                   readBase(job);
               });
}

// ---- the rest ---------------------------------------------------------------------------

void GithubRepos::compare(const QString &owner, const QString &repo, const QString &base, const QString &head,
                          QObject *context, Done<Comparison> done)
{
    GithubRequest r;
    r.path = repoPath(owner, repo) + QStringLiteral("/compare/") + encPath(base) + QStringLiteral("...") +
             encPath(head);
    r.what = QStringLiteral("compare ") + base + QStringLiteral("...") + head + QStringLiteral(" in ") +
             owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    fetch<Comparison>(m_client, r, context, std::move(done), &parseComparison);
}

void GithubRepos::generateFromTemplate(const QString &templateOwner, const QString &templateRepo,
                                       const QString &owner, const QString &name, bool isPrivate,
                                       QObject *context, Done<Repository> done)
{
    GithubRequest r;
    r.verb = "POST";
    r.path = repoPath(templateOwner, templateRepo) + QStringLiteral("/generate");
    r.body = json(QJsonObject{{QStringLiteral("owner"), owner},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("private"), isPrivate},
                              {QStringLiteral("include_all_branches"), false}});
    r.what = QStringLiteral("create repository ") + owner + u'/' + name + QStringLiteral(" from ") +
             templateOwner + u'/' + templateRepo;
    r.repository = templateOwner + u'/' + templateRepo;
    fetch<Repository>(m_client, r, context, std::move(done), &parseRepository);
}

void GithubRepos::fork(const QString &owner, const QString &repo, const QString &organization,
                       const QString &name, QObject *context, Done<Repository> done)
{
    QJsonObject body{{QStringLiteral("default_branch_only"), true}};
    if (!organization.isEmpty())
        body.insert(QStringLiteral("organization"), organization);
    if (!name.isEmpty())
        body.insert(QStringLiteral("name"), name);
    GithubRequest r;
    r.verb = "POST";
    r.path = repoPath(owner, repo) + QStringLiteral("/forks");
    r.body = json(body);
    r.what = QStringLiteral("fork ") + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    QPointer<QObject> ctx(context);
    GithubClient *client = m_client;
    const int pollMs = m_forkPollMs;
    const int timeoutMs = m_forkTimeoutMs;
    client->send(r, client, [client, ctx, done, pollMs, timeoutMs, what = r.what](const GithubReply &reply) {
        Repository fork;
        if (!reply.ok()) {
            deliver(ctx, done, reply.error, fork);
            return;
        }
        if (!parseRepository(reply.body, &fork)) {
            deliver(ctx, done, decodeError(what), fork);
            return;
        }
        // 202: GitHub makes the fork in the background. It is ready once its default branch answers.
        auto waited = std::make_shared<QElapsedTimer>();
        waited->start();
        auto poll = std::make_shared<std::function<void()>>();
        std::weak_ptr<std::function<void()>> weakPoll = poll;
        *poll = [client, ctx, done, fork, pollMs, timeoutMs, waited, weakPoll]() {
            GithubRequest ref;
            ref.path = repoPath(fork.owner, fork.name) + QStringLiteral("/git/ref/heads/") +
                       encPath(fork.defaultBranch);
            ref.what = QStringLiteral("wait for the fork ") + fork.fullName;
            ref.repository = fork.fullName;
            const auto again = weakPoll.lock();
            client->send(
                ref, client,
                [client, ctx, done, fork, pollMs, timeoutMs, waited, again](const GithubReply &r) {
                    if (r.ok()) {
                        GithubRequest get;
                        get.path = repoPath(fork.owner, fork.name);
                        get.what = QStringLiteral("read the fork ") + fork.fullName;
                        get.repository = fork.fullName;
                        fetch<Repository>(client, get, ctx, done, &parseRepository);
                        return;
                    }
                    const bool pending = r.error.kind == GithubError::Kind::NotFound ||
                                         r.error.kind == GithubError::Kind::Conflict;
                    if (!pending) {
                        deliver(ctx, done, r.error, fork);
                        return;
                    }
                    if (waited->elapsed() > timeoutMs) {
                        deliver(ctx, done,
                                GithubError::make(
                                    GithubError::Kind::Server,
                                    QStringLiteral("GitHub accepted the fork ") + fork.fullName +
                                        QStringLiteral(" but it was not ready after %1 s. It may still "
                                                       "appear; check it on GitHub before forking again.")
                                            .arg(timeoutMs / 1000)),
                                fork);
                        return;
                    }
                    QTimer::singleShot(pollMs, client, [again] { (*again)(); });
                });
        };
        (*poll)();
    });
}

void GithubRepos::mergeUpstream(const QString &owner, const QString &repo, const QString &branch,
                                QObject *context, Done<MergeUpstream> done)
{
    GithubRequest r;
    r.verb = "POST";
    r.path = repoPath(owner, repo) + QStringLiteral("/merge-upstream");
    r.body = json(QJsonObject{{QStringLiteral("branch"), branch}});
    r.what = QStringLiteral("update ") + owner + u'/' + repo + QStringLiteral(" from its upstream");
    r.repository = owner + u'/' + repo;
    fetch<MergeUpstream>(m_client, r, context, std::move(done), &parseMergeUpstream);
}

void GithubRepos::createPullRequest(const QString &owner, const QString &repo, const QString &title,
                                    const QString &head, const QString &base, const QString &body,
                                    QObject *context, Done<PullRequest> done)
{
    GithubRequest r;
    r.verb = "POST";
    r.path = repoPath(owner, repo) + QStringLiteral("/pulls");
    r.body = json(QJsonObject{{QStringLiteral("title"), title},
                              {QStringLiteral("head"), head},
                              {QStringLiteral("base"), base},
                              {QStringLiteral("body"), body}});
    r.what =
        QStringLiteral("open a pull request from ") + head + QStringLiteral(" in ") + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    fetch<PullRequest>(m_client, r, context, std::move(done), &parsePullRequest);
}

void GithubRepos::listPullRequests(const QString &owner, const QString &repo, const QString &state,
                                   QObject *context, Done<QList<PullRequest>> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("state"), state.isEmpty() ? QStringLiteral("open") : state);
    QPointer<QObject> ctx(context);
    m_client->getAllPages(repoPath(owner, repo) + QStringLiteral("/pulls"), q, m_client,
                          [ctx, done](const GithubError &error, const QList<QByteArray> &pages) {
                              QList<PullRequest> pulls;
                              if (!error.isOk()) {
                                  deliver(ctx, done, error, pulls);
                                  return;
                              }
                              for (const QByteArray &page : pages) {
                                  if (!parsePullRequestList(page, &pulls)) {
                                      deliver(ctx, done, decodeError(QStringLiteral("list pull requests")),
                                              QList<PullRequest>{});
                                      return;
                                  }
                              }
                              deliver(ctx, done, GithubError::ok(), pulls);
                          });
}

void GithubRepos::getPullRequest(const QString &owner, const QString &repo, int number, QObject *context,
                                 Done<PullRequest> done)
{
    GithubRequest r;
    r.path = repoPath(owner, repo) + QStringLiteral("/pulls/") + QString::number(number);
    r.what = QStringLiteral("read pull request #%1 of ").arg(number) + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    fetch<PullRequest>(m_client, r, context, std::move(done), &parsePullRequest);
}

void GithubRepos::mergePullRequest(const QString &owner, const QString &repo, int number,
                                   const QString &method, const QByteArray &expectedHead, QObject *context,
                                   Done<MergeResult> done)
{
    QJsonObject body{{QStringLiteral("merge_method"), method.isEmpty() ? QStringLiteral("merge") : method}};
    if (!expectedHead.isEmpty())
        body.insert(QStringLiteral("sha"), QString::fromLatin1(expectedHead));
    GithubRequest r;
    r.verb = "PUT";
    r.path = repoPath(owner, repo) + QStringLiteral("/pulls/") + QString::number(number) +
             QStringLiteral("/merge");
    r.body = json(body);
    r.idempotent = false; // a merge that went through must not be reported as a failure on a retry
    r.what = QStringLiteral("merge pull request #%1 of ").arg(number) + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    fetch<MergeResult>(m_client, r, context, std::move(done), &parseMergeResult);
}

void GithubRepos::addCollaborator(const QString &owner, const QString &repo, const QString &login,
                                  const QString &permission, QObject *context, Done<bool> done)
{
    GithubRequest r;
    r.verb = "PUT";
    r.path = repoPath(owner, repo) + QStringLiteral("/collaborators/") + enc(login);
    r.body = json(QJsonObject{
        {QStringLiteral("permission"), permission.isEmpty() ? QStringLiteral("push") : permission}});
    r.what = QStringLiteral("add ") + login + QStringLiteral(" as a collaborator on ") + owner + u'/' + repo;
    r.repository = owner + u'/' + repo;
    QPointer<QObject> ctx(context);
    m_client->send(r, m_client, [ctx, done](const GithubReply &reply) {
        // 201: an invitation was sent; 204: already a collaborator or an org member.
        deliver(ctx, done, reply.error, reply.ok() && reply.status == 201);
    });
}

} // namespace github
