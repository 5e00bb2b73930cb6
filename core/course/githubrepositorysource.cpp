#include "githubrepositorysource.h"

#include "github/githubrepos.h"

namespace course {

namespace {

bool isCommitId(const QString &ref)
{
    if (ref.size() != 40)
        return false;
    for (QChar c : ref) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

GithubRepositorySource::GithubRepositorySource(github::GithubRepos *repos, const QString &owner, const QString &name,
                                               const QString &branch)
    : m_repos(repos)
    , m_owner(owner)
    , m_name(name)
    , m_branch(branch)
{
}

void GithubRepositorySource::listTree(const QString &ref, QObject *context,
                                      std::function<void(const RepositoryTree &)> done)
{
    auto readTree = [this, context, done](const QByteArray &commit) {
        m_repos->tree(m_owner, m_name, QString::fromLatin1(commit), context,
                      [done, commit](const github::GithubError &e, const github::Tree &tree) {
                          RepositoryTree out;
                          out.commit = commit;
                          if (!e.isOk()) {
                              out.error = e.message;
                          } else {
                              for (const github::TreeEntry &entry : tree.entries) {
                                  if (entry.type == QLatin1String("commit"))
                                      continue; // submodules are not files to edit
                                  out.entries.append({entry.path, entry.type == QLatin1String("tree"), entry.size});
                              }
                          }
                          done(out);
                      });
    };
    if (isCommitId(ref)) {
        readTree(ref.toLatin1());
        return;
    }
    // A branch: pin the commit it points at now, so files and the commit's base agree.
    m_repos->branchHead(m_owner, m_name, ref, context, [done, readTree](const github::GithubError &e, const QByteArray &head) {
        if (!e.isOk()) {
            RepositoryTree out;
            out.error = e.message;
            done(out);
            return;
        }
        readTree(head);
    });
}

void GithubRepositorySource::readFile(const QString &ref, const QString &path, QObject *context,
                                      std::function<void(const RepositoryFile &)> done)
{
    m_repos->readFile(m_owner, m_name, path, ref, context,
                      [done, path](const github::GithubError &e, const github::FileContent &file) {
                          RepositoryFile out;
                          out.path = path;
                          if (e.isOk()) {
                              out.exists = true;
                              out.content = file.content;
                          } else if (e.kind != github::GithubError::Kind::NotFound) {
                              out.error = e.message;
                          }
                          done(out);
                      });
}

void GithubRepositorySource::commit(const ChangeSet &changes, QObject *context,
                                    std::function<void(const CommitOutcome &)> done)
{
    github::CommitRequest request;
    request.owner = m_owner;
    request.repo = m_name;
    request.branch = m_branch;
    request.baseCommit = changes.baseCommit;
    for (const FileChange &c : changes.changes)
        request.changes.append({c.path, c.content, false});
    // The message already ends with the Co-authored-by trailer the TA saw.
    request.message = changes.message;
    request.author = {changes.author.name, changes.author.email, {}};
    request.committer = request.author;
    m_repos->commit(request, context, [done](const github::CommitResult &r) {
        CommitOutcome out;
        switch (r.outcome) {
        case github::CommitResult::Outcome::Committed:
            out.kind = CommitOutcome::Kind::Committed;
            out.newCommit = r.commitSha;
            break;
        case github::CommitResult::Outcome::BranchMoved:
            out.kind = CommitOutcome::Kind::BranchMoved;
            out.baseCommit = r.baseCommit;
            out.theirsCommit = r.theirsCommit;
            out.message = r.error.message;
            for (const github::MergeSides &s : r.sides)
                out.sides.append({s.path, s.base, s.theirs, s.mine});
            break;
        case github::CommitResult::Outcome::Failed:
            out.kind = CommitOutcome::Kind::Failed;
            out.message = r.error.message;
            break;
        }
        done(out);
    });
}

} // namespace course
