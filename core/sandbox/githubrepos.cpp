// Repositories: access, JSON, create/generate/fork, merge-upstream,
// collaborators and branches.

#include "sandbox/githubstate.h"
#include "sandbox/githubtreemerge.h"
#include "sandbox/sandboxlog.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>

namespace sandbox {

using namespace github;

namespace {

const QStringList kPermissions{QStringLiteral("pull"), QStringLiteral("triage"), QStringLiteral("push"),
                               QStringLiteral("maintain"), QStringLiteral("admin")};

int rankOf(const QString &permission)
{
    return int(kPermissions.indexOf(permission)) + 1; // 0 for none
}

QString permissionOfRank(int rank)
{
    return rank <= 0 ? QString() : kPermissions.at(std::min<qsizetype>(rank, kPermissions.size()) - 1);
}

int requiredRank(Access access)
{
    switch (access) {
    case Access::Read:
        return 1;
    case Access::Write:
        return 3;
    case Access::Admin:
        return 5;
    }
    return 5;
}

QJsonObject permissionsJson(int rank)
{
    return {{QStringLiteral("admin"), rank >= 5},
            {QStringLiteral("maintain"), rank >= 4},
            {QStringLiteral("push"), rank >= 3},
            {QStringLiteral("triage"), rank >= 2},
            {QStringLiteral("pull"), rank >= 1}};
}

// The role GitHub names for a permission: read and write for pull and push.
QString roleName(const QString &permission)
{
    if (permission == QLatin1String("pull"))
        return QStringLiteral("read");
    if (permission == QLatin1String("push"))
        return QStringLiteral("write");
    return permission.isEmpty() ? QStringLiteral("none") : permission;
}

// GitHub keeps letters, digits, '.', '-' and '_' and turns anything else into '-'.
QString cleanRepoName(const QString &name)
{
    QString out = name.trimmed();
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9._-]"));
    out.replace(invalid, QStringLiteral("-"));
    return out;
}

} // namespace

// ---- lookup and access --------------------------------------------------------------

Repo *GithubApi::Private::findRepo(const QString &owner, const QString &name) const
{
    return findRepo(owner + u'/' + name);
}

Repo *GithubApi::Private::findRepo(const QString &fullName) const
{
    const auto it = repos.find(fullName.toLower());
    return it == repos.end() ? nullptr : it->second.get();
}

QString GithubApi::Private::permission(const Repo &repo, const QString &login) const
{
    int best = repo.isPrivate ? 0 : 1;
    if (!login.isEmpty()) {
        const QString lower = login.toLower();
        if (repo.owner.toLower() == lower)
            return QStringLiteral("admin");
        if (const Account *owner = account(repo.owner); owner && owner->organization) {
            const QString role = owner->members.value(lower);
            if (role == QLatin1String("admin"))
                return QStringLiteral("admin");
            if (!role.isEmpty())
                best = std::max(best, 1); // the organisation's base permission: read
        }
        best = std::max(best, rankOf(repo.collaborators.value(lower)));
    }
    return permissionOfRank(best);
}

bool GithubApi::Private::allows(const Call &call, const Repo &repo, Access access) const
{
    if (rankOf(permission(repo, call.login)) < requiredRank(access))
        return false;
    if (!call.login.isEmpty()) {
        // Classic tokens: private repositories need `repo`; writes to public ones `public_repo` at least.
        const bool repoScope = call.scopes.contains(QLatin1String("repo"));
        if (repo.isPrivate && !repoScope)
            return false;
        if (access != Access::Read && !repoScope && !call.scopes.contains(QLatin1String("public_repo")))
            return false;
    }
    return true;
}

Repo *GithubApi::Private::repoFor(Call &call, Access access, Reply *error) const
{
    Repo *repo = findRepo(call.param(QStringLiteral("owner")), call.param(QStringLiteral("repo")));
    if (!repo || !allows(call, *repo, Access::Read)) {
        *error = notFound(call.docs); // private repositories one cannot see do not exist
        return nullptr;
    }
    if (!allows(call, *repo, access)) {
        *error = access == Access::Admin
                     ? errorReply(403, QStringLiteral("Must have admin rights to Repository."), call.docs)
                     : notFound(call.docs);
        return nullptr;
    }
    return repo;
}

bool GithubApi::Private::canCreateIn(const QString &owner, const Call &call) const
{
    if (call.login.isEmpty())
        return false;
    if (owner.compare(call.login, Qt::CaseInsensitive) == 0)
        return true;
    const Account *org = account(owner);
    return org && org->organization && org->members.contains(call.login.toLower());
}

const Account *GithubApi::Private::newRepoOwner(const Call &call, const QString &key, Reply *error) const
{
    const QString owner = call.body.value(key).toString(call.login);
    const Account *ownerAccount = account(owner);
    if (!ownerAccount) {
        *error = notFound(call.docs);
        return nullptr;
    }
    if (!canCreateIn(owner, call)) {
        *error = errorReply(
            403, QStringLiteral("You do not have permission to create repositories in %1.").arg(owner),
            call.docs);
        return nullptr;
    }
    return ownerAccount;
}

QString GithubApi::Private::newRepoName(const Call &call, const QString &owner, Reply *error) const
{
    const QString name = cleanRepoName(call.body.value(QStringLiteral("name")).toString());
    const QString code = name.isEmpty()          ? QStringLiteral("missing_field")
                         : findRepo(owner, name) ? QStringLiteral("custom")
                                                 : QString();
    if (code.isEmpty())
        return name;
    *error = validationFailed(
        call.docs,
        {fieldError(QStringLiteral("Repository"), QStringLiteral("name"), code,
                    name.isEmpty() ? QString() : QStringLiteral("name already exists on this account"))},
        QStringLiteral("Repository creation failed."));
    return {};
}

Repo *GithubApi::Private::addRepo(const QString &owner, const QString &name)
{
    const Account *a = account(owner);
    auto repo = std::make_unique<Repo>();
    repo->id = ++nextId;
    repo->owner = a ? a->login : owner;
    repo->name = name;
    repo->createdAt = repo->updatedAt = repo->pushedAt = nowSeconds();
    Repo *raw = repo.get();
    repos[raw->fullName().toLower()] = std::move(repo);
    reposByOwner[raw->owner.toLower()].append(raw);
    return raw;
}

void GithubApi::Private::removeRepo(Repo *repo)
{
    if (!repo->parent.isEmpty())
        --forkCounts[repo->parent.toLower()];
    reposByOwner[repo->owner.toLower()].removeOne(repo);
    repos.erase(repo->fullName().toLower());
}

QString GithubApi::Private::uniqueRepoName(const QString &owner, const QString &name) const
{
    if (!findRepo(owner, name))
        return name;
    for (int i = 1;; ++i) {
        const QString candidate = name + u'-' + QString::number(i);
        if (!findRepo(owner, candidate))
            return candidate;
    }
}

bool GithubApi::createRepository(const QString &owner, const QString &name, bool isPrivate, QString *error)
{
    if (!d->account(owner)) {
        if (error)
            *error = QStringLiteral("there is no user or organisation '%1'").arg(owner);
        return false;
    }
    if (d->findRepo(owner, name) || cleanRepoName(name) != name || name.isEmpty()) {
        if (error)
            *error = QStringLiteral("'%1/%2' exists already or is not a valid name").arg(owner, name);
        return false;
    }
    d->addRepo(owner, name)->isPrivate = isPrivate;
    return true;
}

bool GithubApi::hasRepository(const QString &owner, const QString &name) const
{
    return d->findRepo(owner, name) != nullptr;
}

QString GithubApi::defaultBranch(const QString &owner, const QString &name) const
{
    const Repo *repo = d->findRepo(owner, name);
    return repo ? repo->defaultBranch : QString();
}

GitId GithubApi::branchHead(const QString &owner, const QString &name, const QString &branch) const
{
    const Repo *repo = d->findRepo(owner, name);
    if (!repo)
        return {};
    return repo->branch(branch.isEmpty() ? repo->defaultBranch : branch);
}

QStringList GithubApi::repositoriesOf(const QString &owner) const
{
    QStringList names;
    for (const Repo *r : d->reposByOwner.value(owner.toLower()))
        names.append(r->fullName());
    return names;
}

// ---- JSON --------------------------------------------------------------------------

QJsonObject GithubApi::Private::repoJson(const Repo &repo, const Call *call, bool full) const
{
    const QString path = QStringLiteral("/repos/") + repo.fullName();
    const QString api = apiUrl(path);
    const QString html = htmlUrl(QStringLiteral("/") + repo.fullName());
    const Account *ownerAccount = account(repo.owner);
    Account fallback;
    fallback.login = repo.owner;
    const GitId tip = repo.branch(repo.defaultBranch);
    if (tip != repo.sizeFor) {
        repo.sizeFor = tip;
        qint64 bytes = 0;
        if (const auto commit = store.readCommit(tip)) {
            if (const auto listing = store.listTree(commit->tree, true)) {
                for (const GitTreeListing &l : *listing)
                    bytes += std::max<qint64>(0, l.size);
            }
        }
        repo.sizeKb = (bytes + 1023) / 1024;
    }
    int openPulls = 0;
    for (const Pull &p : repo.pulls)
        openPulls += p.open ? 1 : 0;
    const int forks = forkCounts.value(repo.fullName().toLower());
    QString hostPath = base;
    hostPath.remove(QRegularExpression(QStringLiteral("^[a-z]+://")));
    QJsonObject o{
        {QStringLiteral("id"), repo.id},
        {QStringLiteral("node_id"), nodeId(u"Repository", repo.id)},
        {QStringLiteral("name"), repo.name},
        {QStringLiteral("full_name"), repo.fullName()},
        {QStringLiteral("private"), repo.isPrivate},
        {QStringLiteral("owner"), simpleUser(ownerAccount ? *ownerAccount : fallback)},
        {QStringLiteral("html_url"), html},
        {QStringLiteral("description"),
         repo.description.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(repo.description)},
        {QStringLiteral("fork"), !repo.parent.isEmpty()},
        {QStringLiteral("url"), api},
        {QStringLiteral("forks_url"), QString(api + QStringLiteral("/forks"))},
        {QStringLiteral("collaborators_url"), QString(api + QStringLiteral("/collaborators{/collaborator}"))},
        {QStringLiteral("branches_url"), QString(api + QStringLiteral("/branches{/branch}"))},
        {QStringLiteral("blobs_url"), QString(api + QStringLiteral("/git/blobs{/sha}"))},
        {QStringLiteral("git_refs_url"), QString(api + QStringLiteral("/git/refs{/sha}"))},
        {QStringLiteral("trees_url"), QString(api + QStringLiteral("/git/trees{/sha}"))},
        {QStringLiteral("git_commits_url"), QString(api + QStringLiteral("/git/commits{/sha}"))},
        {QStringLiteral("commits_url"), QString(api + QStringLiteral("/commits{/sha}"))},
        {QStringLiteral("compare_url"), QString(api + QStringLiteral("/compare/{base}...{head}"))},
        {QStringLiteral("contents_url"), QString(api + QStringLiteral("/contents/{+path}"))},
        {QStringLiteral("merges_url"), QString(api + QStringLiteral("/merges"))},
        {QStringLiteral("pulls_url"), QString(api + QStringLiteral("/pulls{/number}"))},
        {QStringLiteral("created_at"), isoTime(repo.createdAt)},
        {QStringLiteral("updated_at"), isoTime(repo.updatedAt)},
        {QStringLiteral("pushed_at"), isoTime(repo.pushedAt)},
        {QStringLiteral("git_url"),
         QString(QStringLiteral("git://") + hostPath + u'/' + repo.fullName() + QStringLiteral(".git"))},
        {QStringLiteral("ssh_url"), QString(QStringLiteral("git@") + hostPath.section(u':', 0, 0) + u':' +
                                            repo.fullName() + QStringLiteral(".git"))},
        {QStringLiteral("clone_url"), QString(html + QStringLiteral(".git"))},
        {QStringLiteral("svn_url"), html},
        {QStringLiteral("homepage"), QJsonValue::Null},
        {QStringLiteral("size"), repo.sizeKb},
        {QStringLiteral("stargazers_count"), 0},
        {QStringLiteral("watchers_count"), 0},
        {QStringLiteral("language"),
         repo.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QStringLiteral("JavaScript"))},
        {QStringLiteral("has_issues"), true},
        {QStringLiteral("has_projects"), true},
        {QStringLiteral("has_downloads"), true},
        {QStringLiteral("has_wiki"), true},
        {QStringLiteral("has_pages"), false},
        {QStringLiteral("has_discussions"), false},
        {QStringLiteral("forks_count"), forks},
        {QStringLiteral("mirror_url"), QJsonValue::Null},
        {QStringLiteral("archived"), false},
        {QStringLiteral("disabled"), false},
        {QStringLiteral("open_issues_count"), openPulls},
        {QStringLiteral("license"), QJsonValue::Null},
        {QStringLiteral("allow_forking"), true},
        {QStringLiteral("is_template"), repo.isTemplate},
        {QStringLiteral("web_commit_signoff_required"), false},
        {QStringLiteral("topics"), QJsonArray()},
        {QStringLiteral("visibility"), repo.isPrivate ? QStringLiteral("private") : QStringLiteral("public")},
        {QStringLiteral("forks"), forks},
        {QStringLiteral("open_issues"), openPulls},
        {QStringLiteral("watchers"), 0},
        {QStringLiteral("default_branch"), repo.defaultBranch}};
    if (call && !call->login.isEmpty())
        o.insert(QStringLiteral("permissions"), permissionsJson(rankOf(permission(repo, call->login))));
    if (full) {
        o.insert(QStringLiteral("network_count"), forks);
        o.insert(QStringLiteral("subscribers_count"), 0);
        o.insert(QStringLiteral("allow_merge_commit"), true);
        o.insert(QStringLiteral("allow_squash_merge"), true);
        o.insert(QStringLiteral("allow_rebase_merge"), true);
        o.insert(QStringLiteral("allow_auto_merge"), false);
        o.insert(QStringLiteral("delete_branch_on_merge"), false);
        if (ownerAccount && ownerAccount->organization)
            o.insert(QStringLiteral("organization"), simpleUser(*ownerAccount));
        if (const Repo *parent = findRepo(repo.parent))
            o.insert(QStringLiteral("parent"), repoJson(*parent, call, false));
        if (const Repo *source = findRepo(repo.source))
            o.insert(QStringLiteral("source"), repoJson(*source, call, false));
        const Repo *templ = findRepo(repo.templateRepo);
        o.insert(QStringLiteral("template_repository"),
                 templ ? QJsonValue(repoJson(*templ, call, false)) : QJsonValue(QJsonValue::Null));
    }
    return o;
}

// ---- repositories --------------------------------------------------------------------

Reply GithubApi::Private::getRepo(Call &call)
{
    const Repo *repo = call.repo;
    return jsonReply(200, repoJson(*repo, &call, true));
}

Reply GithubApi::Private::updateRepo(Call &call)
{
    Repo *repo = call.repo;
    const QJsonObject &b = call.body;
    if (b.contains(QStringLiteral("name")) && b.value(QStringLiteral("name")).toString() != repo->name)
        return validationFailed(
            call.docs,
            {fieldError(QStringLiteral("Repository"), QStringLiteral("name"), QStringLiteral("custom"),
                        QStringLiteral("the sandbox does not rename repositories"))});
    if (b.contains(QStringLiteral("default_branch"))) {
        const QString branch = b.value(QStringLiteral("default_branch")).toString();
        if (!repo->isEmpty() && repo->branch(branch).isEmpty())
            return validationFailed(
                call.docs, {fieldError(QStringLiteral("Repository"), QStringLiteral("default_branch"),
                                       QStringLiteral("invalid"))});
        repo->defaultBranch = branch;
    }
    if (b.contains(QStringLiteral("description")))
        repo->description = b.value(QStringLiteral("description")).toString();
    if (b.contains(QStringLiteral("private")))
        repo->isPrivate = b.value(QStringLiteral("private")).toBool();
    if (b.contains(QStringLiteral("visibility")))
        repo->isPrivate = b.value(QStringLiteral("visibility")).toString() != QLatin1String("public");
    if (b.contains(QStringLiteral("is_template")))
        repo->isTemplate = b.value(QStringLiteral("is_template")).toBool();
    repo->updatedAt = nowSeconds();
    return jsonReply(200, repoJson(*repo, &call, true));
}

Reply GithubApi::Private::deleteRepo(Call &call)
{
    Repo *repo = call.repo;
    removeRepo(repo);
    return Reply{204, {}, {}, {}};
}

Reply GithubApi::Private::listRepos(Call &call, QList<Repo *> list, const QString &defaultSort)
{
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Repo *r) { return !allows(call, *r, Access::Read); }),
               list.end());
    const QString type = call.query(QStringLiteral("type"));
    const QString visibility = call.query(QStringLiteral("visibility"));
    list.erase(
        std::remove_if(list.begin(), list.end(),
                       [&](const Repo *r) {
                           if (type == QLatin1String("public") || visibility == QLatin1String("public"))
                               return r->isPrivate;
                           if (type == QLatin1String("private") || visibility == QLatin1String("private"))
                               return !r->isPrivate;
                           if (type == QLatin1String("forks"))
                               return r->parent.isEmpty();
                           if (type == QLatin1String("sources"))
                               return !r->parent.isEmpty();
                           return false;
                       }),
        list.end());
    QString sort = call.query(QStringLiteral("sort"));
    if (sort.isEmpty())
        sort = defaultSort;
    QString direction = call.query(QStringLiteral("direction"));
    if (direction.isEmpty())
        direction = sort == QLatin1String("full_name") ? QStringLiteral("asc") : QStringLiteral("desc");
    const bool asc = direction == QLatin1String("asc");
    std::stable_sort(list.begin(), list.end(), [&](const Repo *a, const Repo *b) {
        const auto key = [&](const Repo *r) -> std::pair<qint64, QString> {
            if (sort == QLatin1String("updated"))
                return {r->updatedAt, QString()};
            if (sort == QLatin1String("pushed"))
                return {r->pushedAt, QString()};
            if (sort == QLatin1String("full_name"))
                return {0, r->fullName().toLower()};
            return {r->createdAt, QString()};
        };
        const auto ka = key(a);
        const auto kb = key(b);
        if (ka == kb)
            return asc ? a->id < b->id : a->id > b->id;
        return asc ? ka < kb : kb < ka;
    });
    return pagedReply(call, list, [&](const Repo *repo) { return repoJson(*repo, &call, false); });
}

Reply GithubApi::Private::listOrgRepos(Call &call)
{
    const Account *org = account(call.param(QStringLiteral("org")));
    if (!org || !org->organization)
        return notFound(call.docs);
    return listRepos(call, reposByOwner.value(org->login.toLower()), QStringLiteral("created"));
}

Reply GithubApi::Private::listUserRepos(Call &call)
{
    const Account *user = account(call.param(QStringLiteral("username")));
    if (!user)
        return notFound(call.docs);
    return listRepos(call, reposByOwner.value(user->login.toLower()), QStringLiteral("full_name"));
}

Reply GithubApi::Private::listMyRepos(Call &call)
{
    if (call.login.isEmpty())
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    const QString me = call.login.toLower();
    QString affiliation = call.query(QStringLiteral("affiliation"));
    if (affiliation.isEmpty())
        affiliation = QStringLiteral("owner,collaborator,organization_member");
    const QStringList kinds = affiliation.split(u',');
    QList<Repo *> list;
    for (const auto &[key, repo] : repos) {
        const bool owner = repo->owner.toLower() == me;
        const bool collaborator = repo->collaborators.contains(me);
        const Account *org = account(repo->owner);
        const bool member = org && org->organization && org->members.contains(me);
        if ((owner && kinds.contains(QLatin1String("owner"))) ||
            (collaborator && kinds.contains(QLatin1String("collaborator"))) ||
            (member && kinds.contains(QLatin1String("organization_member"))))
            list.append(repo.get());
    }
    return listRepos(call, list, QStringLiteral("full_name"));
}

Reply GithubApi::Private::createRepoFor(Call &call, const QString &owner)
{
    if (!canCreateIn(owner, call))
        return call.login.isEmpty() ? errorReply(401, QStringLiteral("Requires authentication"), call.docs)
                                    : errorReply(403,
                                                 QStringLiteral("You need admin access to the organization "
                                                                "before adding a repository to it."),
                                                 call.docs);
    if (!call.scopes.contains(QLatin1String("repo")) && !call.scopes.contains(QLatin1String("public_repo")))
        return notFound(call.docs);
    Reply error;
    const QString name = newRepoName(call, owner, &error);
    if (name.isEmpty())
        return error;
    Repo *repo = addRepo(owner, name);
    repo->description = call.body.value(QStringLiteral("description")).toString();
    const QString visibility = call.body.value(QStringLiteral("visibility")).toString();
    repo->isPrivate = visibility.isEmpty() ? call.body.value(QStringLiteral("private")).toBool()
                                           : visibility != QLatin1String("public");
    repo->isTemplate = call.body.value(QStringLiteral("is_template")).toBool();
    if (call.body.value(QStringLiteral("auto_init")).toBool()) {
        QByteArray readme = "# " + name.toUtf8() + '\n';
        if (!repo->description.isEmpty())
            readme += '\n' + repo->description.toUtf8() + '\n';
        commitFiles(*repo, repo->defaultBranch, {{QStringLiteral("README.md"), readme}},
                    QStringLiteral("Initial commit"), signatureFor(call.login, nowSeconds()));
    }
    return jsonReply(201, repoJson(*repo, &call, true));
}

Reply GithubApi::Private::createOrgRepo(Call &call)
{
    const Account *org = account(call.param(QStringLiteral("org")));
    if (!org || !org->organization)
        return notFound(call.docs);
    return createRepoFor(call, org->login);
}

Reply GithubApi::Private::createMyRepo(Call &call)
{
    if (call.login.isEmpty())
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    return createRepoFor(call, call.login);
}

Reply GithubApi::Private::generateRepo(Call &call)
{
    const Repo *templ = call.repo;
    if (!templ->isTemplate)
        return validationFailed(
            call.docs,
            {fieldError(QStringLiteral("Repository"), QStringLiteral("template"), QStringLiteral("invalid"),
                        QStringLiteral("%1 is not a template repository").arg(templ->fullName()))});
    Reply error;
    const Account *ownerAccount = newRepoOwner(call, QStringLiteral("owner"), &error);
    if (!ownerAccount)
        return error;
    const QString name = newRepoName(call, ownerAccount->login, &error);
    if (name.isEmpty())
        return error;
    // The new repository starts its own history: one commit per copied branch
    // holding the template's files, made by the person who asked.
    const GitSignature who = signatureFor(call.login, nowSeconds());
    QMap<QString, GitId> refs;
    const bool allBranches = call.body.value(QStringLiteral("include_all_branches")).toBool();
    for (auto it = templ->refs.cbegin(); it != templ->refs.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("refs/heads/")))
            continue;
        if (!allBranches && it.key() != QStringLiteral("refs/heads/") + templ->defaultBranch)
            continue;
        const std::optional<GitCommit> source = store.readCommit(*it);
        if (!source)
            continue;
        GitCommit commit;
        commit.tree = source->tree;
        commit.author = commit.committer = who;
        commit.message = QStringLiteral("Initial commit");
        refs.insert(it.key(), store.writeCommit(commit));
    }
    Repo *repo = addRepo(ownerAccount->login, name);
    repo->description = call.body.value(QStringLiteral("description")).toString(templ->description);
    repo->isPrivate = call.body.value(QStringLiteral("private")).toBool();
    repo->templateRepo = templ->fullName();
    repo->defaultBranch = templ->defaultBranch;
    for (auto it = refs.cbegin(); it != refs.cend(); ++it)
        setRef(*repo, it.key(), *it);
    return jsonReply(201, repoJson(*repo, &call, true));
}

void GithubApi::Private::finishFork(Repo &fork)
{
    fork.forkPending = false;
    for (auto it = fork.pendingRefs.cbegin(); it != fork.pendingRefs.cend(); ++it)
        setRef(fork, it.key(), *it);
    fork.pendingRefs.clear();
}

Reply GithubApi::Private::createFork(Call &call)
{
    const Repo *source = call.repo;
    if (call.login.isEmpty())
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    Reply error;
    const Account *ownerAccount = newRepoOwner(call, QStringLiteral("organization"), &error);
    if (!ownerAccount)
        return error;
    if (ownerAccount->login.compare(source->owner, Qt::CaseInsensitive) == 0)
        return validationFailed(
            call.docs,
            {fieldError(QStringLiteral("Fork"), QStringLiteral("organization"), QStringLiteral("invalid"),
                        QStringLiteral("A repository cannot be forked into its own owner"))});
    // Asking again answers with the fork that exists.
    for (const Repo *r : reposByOwner.value(ownerAccount->login.toLower())) {
        if (r->parent == source->fullName())
            return jsonReply(202, repoJson(*r, &call, true));
    }
    const QString name = uniqueRepoName(
        ownerAccount->login, cleanRepoName(call.body.value(QStringLiteral("name")).toString(source->name)));
    const bool defaultOnly = call.body.value(QStringLiteral("default_branch_only")).toBool();
    Repo *fork = addRepo(ownerAccount->login, name);
    fork->description = source->description;
    fork->isPrivate = source->isPrivate;
    fork->defaultBranch = source->defaultBranch;
    fork->parent = source->fullName();
    fork->source = source->source.isEmpty() ? source->fullName() : source->source;
    fork->forkPending = true;
    ++forkCounts[source->fullName().toLower()];
    for (auto it = source->refs.cbegin(); it != source->refs.cend(); ++it) {
        if (!defaultOnly || it.key() == QStringLiteral("refs/heads/") + source->defaultBranch)
            fork->pendingRefs.insert(it.key(), *it);
    }
    const QString key = fork->fullName();
    const qint64 id = fork->id;
    QTimer::singleShot(options.forkDelayMs, q, [this, key, id] {
        Repo *r = findRepo(key);
        if (r && r->id == id && r->forkPending)
            finishFork(*r);
    });
    return jsonReply(202, repoJson(*fork, &call, true));
}

Reply GithubApi::Private::listForks(Call &call)
{
    const Repo *repo = call.repo;
    QList<Repo *> forks;
    for (const auto &[key, other] : repos) {
        if (other->parent == repo->fullName())
            forks.append(other.get());
    }
    return listRepos(call, forks, QStringLiteral("created"));
}

Reply GithubApi::Private::mergeUpstream(Call &call)
{
    Repo *repo = call.repo;
    const QString branch = call.body.value(QStringLiteral("branch")).toString();
    if (branch.isEmpty())
        return validationFailed(call.docs, {fieldError(QStringLiteral("Branch"), QStringLiteral("branch"),
                                                       QStringLiteral("missing_field"))});
    const Repo *upstream = findRepo(repo->parent);
    if (!upstream)
        return validationFailed(call.docs, {}, QStringLiteral("%1 is not a fork.").arg(repo->fullName()));
    const GitId mine = repo->branch(branch);
    const GitId theirs = upstream->branch(branch);
    if (mine.isEmpty() || theirs.isEmpty())
        return validationFailed(call.docs, {},
                                QStringLiteral("Branch %1 does not exist in both %2 and %3.")
                                    .arg(branch, repo->fullName(), upstream->fullName()));
    const QString baseBranch = upstream->owner + u':' + branch;
    const auto answer = [&](const QString &message, const char *type) {
        return jsonReply(200, QJsonObject{{QStringLiteral("message"), message},
                                          {QStringLiteral("merge_type"), QLatin1String(type)},
                                          {QStringLiteral("base_branch"), baseBranch}});
    };
    if (store.isAncestor(theirs, mine))
        return answer(QStringLiteral("This branch is not behind the upstream %1.").arg(baseBranch), "none");
    if (store.isAncestor(mine, theirs)) {
        setRef(*repo, QStringLiteral("refs/heads/") + branch, theirs);
        return answer(
            QStringLiteral("Successfully fetched and fast-forwarded from upstream %1.").arg(baseBranch),
            "fast-forward");
    }
    const GitId baseCommit = store.mergeBase(mine, theirs);
    const std::optional<GitCommit> mineCommit = store.readCommit(mine);
    const std::optional<GitCommit> theirCommit = store.readCommit(theirs);
    const std::optional<GitCommit> base = store.readCommit(baseCommit);
    const TreeMerge merged =
        mergeTrees(store, base ? base->tree : GitStore::emptyTreeId(), mineCommit->tree, theirCommit->tree);
    if (!merged.clean())
        return errorReply(
            409,
            QStringLiteral("There are merge conflicts: %1")
                .arg(merged.conflicts.isEmpty() ? merged.error : merged.conflicts.join(QStringLiteral(", "))),
            call.docs);
    GitCommit commit;
    commit.tree = merged.tree;
    commit.parents = {mine, theirs};
    commit.author = commit.committer = signatureFor(call.login, nowSeconds());
    commit.message = QStringLiteral("Merge branch '%1' of %2 into %1\n")
                         .arg(branch, htmlUrl(QStringLiteral("/") + upstream->fullName()));
    const GitId id = store.writeCommit(commit);
    setRef(*repo, QStringLiteral("refs/heads/") + branch, id);
    return answer(QStringLiteral("Successfully fetched and merged from upstream %1.").arg(baseBranch),
                  "merge");
}

// ---- collaborators --------------------------------------------------------------------

Reply GithubApi::Private::listCollaborators(Call &call)
{
    const Repo *repo = call.repo;
    const QString affiliation = call.query(QStringLiteral("affiliation"));
    QList<const Account *> people;
    const auto add = [&](const QString &login) {
        const Account *a = account(login);
        if (a && !a->organization && !people.contains(a))
            people.append(a);
    };
    if (affiliation != QLatin1String("outside")) {
        add(repo->owner);
        if (const Account *org = account(repo->owner); org && org->organization) {
            for (auto it = org->members.cbegin(); it != org->members.cend(); ++it)
                add(it.key());
        }
    }
    for (auto it = repo->collaborators.cbegin(); it != repo->collaborators.cend(); ++it)
        add(it.key());
    std::sort(people.begin(), people.end(), [](const Account *a, const Account *b) { return a->id < b->id; });
    return pagedReply(call, people, [&](const Account *a) {
        const QString perm = permission(*repo, a->login);
        QJsonObject o = simpleUser(*a);
        o.insert(QStringLiteral("permissions"), permissionsJson(rankOf(perm)));
        o.insert(QStringLiteral("role_name"), roleName(perm));
        return o;
    });
}

Reply GithubApi::Private::checkCollaborator(Call &call)
{
    const Repo *repo = call.repo;
    const Account *user = account(call.param(QStringLiteral("username")));
    if (!user)
        return notFound(call.docs);
    Repo privateView = *repo; // public access alone does not make a collaborator
    privateView.isPrivate = true;
    if (rankOf(permission(privateView, user->login)) > 0)
        return Reply{204, {}, {}, {}};
    return notFound(call.docs);
}

Reply GithubApi::Private::addCollaborator(Call &call)
{
    Repo *repo = call.repo;
    const Account *user = account(call.param(QStringLiteral("username")));
    if (!user || user->organization)
        return notFound(call.docs);
    QString perm = call.body.value(QStringLiteral("permission")).toString(QStringLiteral("push"));
    if (perm == QLatin1String("read"))
        perm = QStringLiteral("pull");
    else if (perm == QLatin1String("write"))
        perm = QStringLiteral("push");
    if (rankOf(perm) == 0)
        return validationFailed(call.docs,
                                {fieldError(QStringLiteral("Repository"), QStringLiteral("permission"),
                                            QStringLiteral("invalid"))});
    const QString lower = user->login.toLower();
    const bool existing = repo->collaborators.value(lower) == perm;
    const Account *org = account(repo->owner);
    const bool member = org && org->organization && org->members.contains(lower);
    // The sandbox accepts invitations at once: the person has access right away.
    repo->collaborators.insert(lower, perm);
    if (existing || member)
        return Reply{204, {}, {}, {}};
    const qint64 id = ++nextId;
    const Account *inviter = account(call.login);
    return jsonReply(
        201,
        QJsonObject{{QStringLiteral("id"), id},
                    {QStringLiteral("node_id"), nodeId(u"RepositoryInvitation", id)},
                    {QStringLiteral("repository"), repoJson(*repo, nullptr, false)},
                    {QStringLiteral("invitee"), simpleUser(*user)},
                    {QStringLiteral("inviter"), inviter ? QJsonValue(simpleUser(*inviter)) : QJsonValue()},
                    {QStringLiteral("permissions"), perm == QLatin1String("pull")   ? QStringLiteral("read")
                                                    : perm == QLatin1String("push") ? QStringLiteral("write")
                                                                                    : perm},
                    {QStringLiteral("created_at"), isoTime(nowSeconds())},
                    {QStringLiteral("expired"), false},
                    {QStringLiteral("url"),
                     apiUrl(QStringLiteral("/user/repository_invitations/") + QString::number(id))},
                    {QStringLiteral("html_url"),
                     htmlUrl(QStringLiteral("/") + repo->fullName() + QStringLiteral("/invitations"))}});
}

Reply GithubApi::Private::removeCollaborator(Call &call)
{
    Repo *repo = call.repo;
    repo->collaborators.remove(call.param(QStringLiteral("username")).toLower());
    return Reply{204, {}, {}, {}};
}

Reply GithubApi::Private::collaboratorPermission(Call &call)
{
    const Repo *repo = call.repo;
    const Account *user = account(call.param(QStringLiteral("username")));
    if (!user || user->organization)
        return notFound(call.docs);
    const QString perm = permission(*repo, user->login);
    const int rank = rankOf(perm);
    const QString legacy = rank >= 5   ? QStringLiteral("admin")
                           : rank >= 3 ? QStringLiteral("write")
                           : rank >= 1 ? QStringLiteral("read")
                                       : QStringLiteral("none");
    QJsonObject u = simpleUser(*user);
    u.insert(QStringLiteral("permissions"), permissionsJson(rank));
    u.insert(QStringLiteral("role_name"), perm.isEmpty() ? QStringLiteral("none") : perm);
    return jsonReply(200, QJsonObject{{QStringLiteral("permission"), legacy},
                                      {QStringLiteral("role_name"), roleName(perm)},
                                      {QStringLiteral("user"), u}});
}

// ---- branches --------------------------------------------------------------------------

Reply GithubApi::Private::listBranches(Call &call)
{
    const Repo *repo = call.repo;
    const QString prefix = QStringLiteral("refs/heads/");
    const bool protectedOnly = isTrueParam(call.query(QStringLiteral("protected")));
    QList<QPair<QString, GitId>> branches;
    if (!protectedOnly) {
        for (auto it = repo->refs.cbegin(); it != repo->refs.cend(); ++it) {
            if (it.key().startsWith(prefix))
                branches.append({it.key().mid(prefix.size()), *it});
        }
    }
    return pagedReply(call, branches, [&](const QPair<QString, GitId> &branch) {
        const QString sha = QString::fromLatin1(branch.second);
        return QJsonObject{
            {QStringLiteral("name"), branch.first},
            {QStringLiteral("commit"),
             QJsonObject{{QStringLiteral("sha"), sha},
                         {QStringLiteral("url"), apiUrl(QStringLiteral("/repos/") + repo->fullName() +
                                                        QStringLiteral("/commits/") + sha)}}},
            {QStringLiteral("protected"), false}};
    });
}

Reply GithubApi::Private::getBranch(Call &call)
{
    const Repo *repo = call.repo;
    const QString name = call.param(QStringLiteral("branch"));
    const GitId sha = repo->branch(name);
    if (sha.isEmpty())
        return errorReply(404, QStringLiteral("Branch not found"), call.docs);
    const QString api =
        apiUrl(QStringLiteral("/repos/") + repo->fullName() + QStringLiteral("/branches/") + name);
    return jsonReply(
        200,
        QJsonObject{{QStringLiteral("name"), name},
                    {QStringLiteral("commit"), restCommitJson(*repo, sha, false)},
                    {QStringLiteral("_links"),
                     QJsonObject{{QStringLiteral("self"), api},
                                 {QStringLiteral("html"), htmlUrl(QStringLiteral("/") + repo->fullName() +
                                                                  QStringLiteral("/tree/") + name)}}},
                    {QStringLiteral("protected"), false},
                    {QStringLiteral("protection"),
                     QJsonObject{{QStringLiteral("enabled"), false},
                                 {QStringLiteral("required_status_checks"),
                                  QJsonObject{{QStringLiteral("enforcement_level"), QStringLiteral("off")},
                                              {QStringLiteral("contexts"), QJsonArray()},
                                              {QStringLiteral("checks"), QJsonArray()}}}}},
                    {QStringLiteral("protection_url"), QString(api + QStringLiteral("/protection"))}});
}

} // namespace sandbox
