#pragma once

#include "course/repositorysource.h"

namespace github {
class GithubRepos;
}

namespace course {

// A student repository on GitHub as the code window sees it: trees and files
// through the REST API, and one commit per change set through the git-data
// API (blobs, tree, commit, then the ref moved without force).
class GithubRepositorySource : public RepositorySource
{
public:
    GithubRepositorySource(github::GithubRepos *repos, const QString &owner, const QString &name,
                           const QString &branch = QStringLiteral("main"));

    QString repositoryName() const override { return m_owner + u'/' + m_name; }
    QString branch() const override { return m_branch; }
    void listTree(const QString &ref, QObject *context, std::function<void(const RepositoryTree &)> done) override;
    void readFile(const QString &ref, const QString &path, QObject *context,
                  std::function<void(const RepositoryFile &)> done) override;
    void commit(const ChangeSet &changes, QObject *context, std::function<void(const CommitOutcome &)> done) override;

private:
    github::GithubRepos *m_repos;
    QString m_owner;
    QString m_name;
    QString m_branch;
};

} // namespace course
