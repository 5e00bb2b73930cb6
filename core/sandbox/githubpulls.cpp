// Pull requests: create (across forks), list, get (with mergeability from a
// three-way merge), update, merge (merge, squash, rebase).

#include "sandbox/githubstate.h"
#include "sandbox/githubtreemerge.h"

#include <QTimer>
#include <algorithm>

namespace sandbox {

using namespace github;

namespace {

QString headLabel(const QString &fullName, const QString &ref)
{
    return fullName.section(u'/', 0, 0) + u':' + ref;
}

} // namespace

void GithubApi::Private::refreshPull(Repo &repo, Pull &pull) const
{
    if (!pull.open)
        return;
    if (const Repo *head = findRepo(pull.headRepo)) {
        const GitId tip = head->branch(pull.headRef);
        if (!tip.isEmpty())
            pull.headSha = tip;
    }
    const GitId base = repo.branch(pull.baseRef);
    if (!base.isEmpty())
        pull.baseSha = base;
}

std::optional<bool> GithubApi::Private::computeMergeable(Repo &repo, Pull &pull)
{
    refreshPull(repo, pull);
    const QByteArray key = pull.headSha + pull.baseSha;
    bool mergeable = false;
    const GitId mergeBase = store.mergeBase(pull.baseSha, pull.headSha);
    if (!mergeBase.isEmpty()) {
        const std::optional<GitCommit> base = store.readCommit(mergeBase);
        const std::optional<GitCommit> ours = store.readCommit(pull.baseSha);
        const std::optional<GitCommit> theirs = store.readCommit(pull.headSha);
        mergeable = base && ours && theirs && mergeTrees(store, base->tree, ours->tree, theirs->tree).clean();
    }
    pull.mergeableKey = key;
    pull.mergeable = mergeable;
    pull.computing = false;
    return pull.mergeable;
}

void GithubApi::Private::scheduleMergeability(const QString &repoFullName, int number)
{
    QTimer::singleShot(options.mergeabilityDelayMs, q, [this, repoFullName, number] {
        Repo *repo = findRepo(repoFullName);
        if (!repo || !repo->pulls.contains(number))
            return;
        Pull &pull = repo->pulls[number];
        if (pull.open)
            computeMergeable(*repo, pull);
        pull.computing = false;
    });
}

QJsonObject GithubApi::Private::pullJson(Repo &repo, Pull &pull, bool full)
{
    refreshPull(repo, pull);
    const QString api = apiUrl(QStringLiteral("/repos/") + repo.fullName());
    const QString html = htmlUrl(QStringLiteral("/") + repo.fullName());
    const QString n = QString::number(pull.number);
    const Repo *headRepo = findRepo(pull.headRepo);
    const auto side = [&](const Repo *r, const QString &fullName, const QString &ref, const GitId &sha) {
        return QJsonObject{{QStringLiteral("label"), headLabel(fullName, ref)},
                           {QStringLiteral("ref"), ref},
                           {QStringLiteral("sha"), QString::fromLatin1(sha)},
                           {QStringLiteral("user"), userOrNull(fullName.section(u'/', 0, 0))},
                           {QStringLiteral("repo"),
                            r ? QJsonValue(repoJson(*r, nullptr, false)) : QJsonValue(QJsonValue::Null)}};
    };
    QString association = QStringLiteral("NONE");
    if (pull.author.compare(repo.owner, Qt::CaseInsensitive) == 0)
        association = QStringLiteral("OWNER");
    else if (const Account *org = account(repo.owner); org && org->members.contains(pull.author.toLower()))
        association = QStringLiteral("MEMBER");
    else if (repo.collaborators.contains(pull.author.toLower()))
        association = QStringLiteral("COLLABORATOR");
    QJsonObject o{
        {QStringLiteral("url"), QString(api + QStringLiteral("/pulls/") + n)},
        {QStringLiteral("id"), pull.id},
        {QStringLiteral("node_id"), nodeId(u"PullRequest", pull.id)},
        {QStringLiteral("html_url"), QString(html + QStringLiteral("/pull/") + n)},
        {QStringLiteral("diff_url"), QString(html + QStringLiteral("/pull/") + n + QStringLiteral(".diff"))},
        {QStringLiteral("patch_url"),
         QString(html + QStringLiteral("/pull/") + n + QStringLiteral(".patch"))},
        {QStringLiteral("issue_url"), QString(api + QStringLiteral("/issues/") + n)},
        {QStringLiteral("commits_url"),
         QString(api + QStringLiteral("/pulls/") + n + QStringLiteral("/commits"))},
        {QStringLiteral("statuses_url"),
         QString(api + QStringLiteral("/statuses/") + QString::fromLatin1(pull.headSha))},
        {QStringLiteral("number"), pull.number},
        {QStringLiteral("state"), pull.open ? QStringLiteral("open") : QStringLiteral("closed")},
        {QStringLiteral("locked"), false},
        {QStringLiteral("title"), pull.title},
        {QStringLiteral("user"), userOrNull(pull.author)},
        {QStringLiteral("body"), pull.body.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(pull.body)},
        {QStringLiteral("labels"), QJsonArray()},
        {QStringLiteral("milestone"), QJsonValue::Null},
        {QStringLiteral("active_lock_reason"), QJsonValue::Null},
        {QStringLiteral("created_at"), isoTime(pull.createdAt)},
        {QStringLiteral("updated_at"), isoTime(pull.updatedAt)},
        {QStringLiteral("closed_at"),
         pull.closedAt ? QJsonValue(isoTime(pull.closedAt)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("merged_at"),
         pull.mergedAt ? QJsonValue(isoTime(pull.mergedAt)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("merge_commit_sha"), pull.mergeCommit.isEmpty()
                                                 ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(QString::fromLatin1(pull.mergeCommit))},
        {QStringLiteral("assignee"), QJsonValue::Null},
        {QStringLiteral("assignees"), QJsonArray()},
        {QStringLiteral("requested_reviewers"), QJsonArray()},
        {QStringLiteral("requested_teams"), QJsonArray()},
        {QStringLiteral("head"), side(headRepo, pull.headRepo, pull.headRef, pull.headSha)},
        {QStringLiteral("base"), side(&repo, repo.fullName(), pull.baseRef, pull.baseSha)},
        {QStringLiteral("_links"),
         QJsonObject{{QStringLiteral("self"),
                      QJsonObject{{QStringLiteral("href"), QString(api + QStringLiteral("/pulls/") + n)}}},
                     {QStringLiteral("html"),
                      QJsonObject{{QStringLiteral("href"), QString(html + QStringLiteral("/pull/") + n)}}}}},
        {QStringLiteral("author_association"), association},
        {QStringLiteral("auto_merge"), QJsonValue::Null},
        {QStringLiteral("draft"), pull.draft}};
    if (!full)
        return o;
    QJsonValue mergeable = QJsonValue::Null;
    QString state = QStringLiteral("unknown");
    if (pull.open) {
        if (pull.mergeableKey == pull.headSha + pull.baseSha && pull.mergeable) {
            mergeable = *pull.mergeable;
            state = !*pull.mergeable ? QStringLiteral("dirty")
                    : pull.draft     ? QStringLiteral("draft")
                                     : QStringLiteral("clean");
        } else if (!pull.computing) {
            // Not known for these heads yet: a background job works it out, as on GitHub.
            pull.computing = true;
            scheduleMergeability(repo.fullName(), pull.number);
        }
    }
    int commits = 0;
    int additions = 0;
    int deletions = 0;
    int changedFiles = 0;
    const GitId mergeBase = store.mergeBase(pull.baseSha, pull.headSha);
    if (!mergeBase.isEmpty()) {
        const QList<GitId> baseHistory = history({pull.baseSha});
        commits = int(history({pull.headSha}, QSet<GitId>(baseHistory.cbegin(), baseHistory.cend())).size());
        const std::optional<GitCommit> from = store.readCommit(mergeBase);
        const std::optional<GitCommit> to = store.readCommit(pull.headSha);
        if (from && to && headRepo)
            changedFiles =
                int(filesJson(*headRepo, from->tree, to->tree, pull.headSha, 3000, &additions, &deletions)
                        .size());
    }
    o.insert(QStringLiteral("merged"), pull.merged);
    o.insert(QStringLiteral("mergeable"), mergeable);
    o.insert(QStringLiteral("rebaseable"), mergeable);
    o.insert(QStringLiteral("mergeable_state"), state);
    o.insert(QStringLiteral("merged_by"),
             pull.mergedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : userOrNull(pull.mergedBy));
    o.insert(QStringLiteral("comments"), 0);
    o.insert(QStringLiteral("review_comments"), 0);
    o.insert(QStringLiteral("maintainer_can_modify"), pull.maintainerCanModify);
    o.insert(QStringLiteral("commits"), commits);
    o.insert(QStringLiteral("additions"), additions);
    o.insert(QStringLiteral("deletions"), deletions);
    o.insert(QStringLiteral("changed_files"), changedFiles);
    return o;
}

// ---- handlers ------------------------------------------------------------------------

Reply GithubApi::Private::createPull(Call &call)
{
    Repo *repo = call.repo;
    if (call.login.isEmpty())
        return errorReply(401, QStringLiteral("Requires authentication"), call.docs);
    const QJsonObject &b = call.body;
    const QString title = b.value(QStringLiteral("title")).toString();
    const QString head = b.value(QStringLiteral("head")).toString();
    const QString baseRef = b.value(QStringLiteral("base")).toString();
    QJsonArray missing;
    for (const auto &[field, value] :
         {std::pair{"title", title}, std::pair{"head", head}, std::pair{"base", baseRef}}) {
        if (value.isEmpty())
            missing.append(fieldError(QStringLiteral("PullRequest"), QLatin1String(field),
                                      QStringLiteral("missing_field")));
    }
    if (!missing.isEmpty())
        return validationFailed(call.docs, missing);
    const QString root = repo->source.isEmpty() ? repo->fullName() : repo->source;
    const Repo *headRepo = repo;
    QString headRef = head;
    if (head.contains(u':')) {
        const QString owner = head.section(u':', 0, 0);
        headRef = head.section(u':', 1);
        const QString named = b.value(QStringLiteral("head_repo")).toString();
        headRepo = findRepo(owner, named.isEmpty() ? repo->name : named);
        if (!headRepo || (headRepo->source.isEmpty() ? headRepo->fullName() : headRepo->source) != root) {
            headRepo = nullptr;
            for (const Repo *r : reposByOwner.value(owner.toLower())) {
                if ((r->source.isEmpty() ? r->fullName() : r->source) == root || r == repo) {
                    headRepo = r;
                    break;
                }
            }
        }
    }
    const GitId baseSha = repo->branch(baseRef);
    if (baseSha.isEmpty())
        return validationFailed(call.docs, {fieldError(QStringLiteral("PullRequest"), QStringLiteral("base"),
                                                       QStringLiteral("invalid"))});
    const GitId headSha =
        headRepo && allows(call, *headRepo, Access::Read) ? headRepo->branch(headRef) : GitId();
    if (headSha.isEmpty())
        return validationFailed(call.docs, {fieldError(QStringLiteral("PullRequest"), QStringLiteral("head"),
                                                       QStringLiteral("invalid"))});
    for (const Pull &p : std::as_const(repo->pulls)) {
        if (p.open && p.headRepo == headRepo->fullName() && p.headRef == headRef && p.baseRef == baseRef)
            return validationFailed(call.docs,
                                    {QJsonObject{{QStringLiteral("resource"), QStringLiteral("PullRequest")},
                                                 {QStringLiteral("code"), QStringLiteral("custom")},
                                                 {QStringLiteral("message"),
                                                  QStringLiteral("A pull request already exists for %1.")
                                                      .arg(headLabel(headRepo->fullName(), headRef))}}});
    }
    const auto custom = [&](const QString &message) {
        return validationFailed(call.docs,
                                {QJsonObject{{QStringLiteral("resource"), QStringLiteral("PullRequest")},
                                             {QStringLiteral("code"), QStringLiteral("custom")},
                                             {QStringLiteral("message"), message}}});
    };
    if (store.mergeBase(baseSha, headSha).isEmpty())
        return custom(QStringLiteral("The %1 branch has no history in common with %2").arg(baseRef, head));
    if (store.isAncestor(headSha, baseSha))
        return custom(QStringLiteral("No commits between %1 and %2").arg(baseRef, head));
    Pull pull;
    pull.number = repo->nextNumber++;
    pull.id = ++nextId;
    pull.title = title;
    pull.body = b.value(QStringLiteral("body")).toString();
    pull.author = account(call.login)->login;
    pull.draft = b.value(QStringLiteral("draft")).toBool();
    pull.maintainerCanModify = b.value(QStringLiteral("maintainer_can_modify")).toBool();
    pull.headRepo = headRepo->fullName();
    pull.headRef = headRef;
    pull.baseRef = baseRef;
    pull.headSha = headSha;
    pull.baseSha = baseSha;
    pull.createdAt = pull.updatedAt = nowSeconds();
    Pull &stored = repo->pulls[pull.number] = pull;
    Reply r = jsonReply(201, pullJson(*repo, stored, true));
    r.headers.append({"location", apiUrl(QStringLiteral("/repos/") + repo->fullName() +
                                         QStringLiteral("/pulls/") + QString::number(pull.number))
                                      .toUtf8()});
    return r;
}

Reply GithubApi::Private::listPulls(Call &call)
{
    Repo *repo = call.repo;
    const QString state = call.query(QStringLiteral("state")).isEmpty() ? QStringLiteral("open")
                                                                        : call.query(QStringLiteral("state"));
    const QString head = call.query(QStringLiteral("head"));
    const QString base = call.query(QStringLiteral("base"));
    const QString sort = call.query(QStringLiteral("sort"));
    const bool asc = call.query(QStringLiteral("direction")) == QLatin1String("asc");
    QList<Pull *> pulls;
    for (Pull &p : repo->pulls) {
        refreshPull(*repo, p);
        if ((state == QLatin1String("open") && !p.open) || (state == QLatin1String("closed") && p.open))
            continue;
        if (!head.isEmpty() && headLabel(p.headRepo, p.headRef).compare(head, Qt::CaseInsensitive) != 0)
            continue;
        if (!base.isEmpty() && p.baseRef != base)
            continue;
        pulls.append(&p);
    }
    std::stable_sort(pulls.begin(), pulls.end(), [&](const Pull *a, const Pull *b) {
        const qint64 ka = sort == QLatin1String("updated") ? a->updatedAt : a->createdAt;
        const qint64 kb = sort == QLatin1String("updated") ? b->updatedAt : b->createdAt;
        if (ka == kb)
            return asc ? a->number < b->number : a->number > b->number;
        return asc ? ka < kb : ka > kb;
    });
    return pagedReply(call, pulls, [&](Pull *pull) { return pullJson(*repo, *pull, false); });
}

Reply GithubApi::Private::getPull(Call &call)
{
    Repo *repo = call.repo;
    return jsonReply(200, pullJson(*repo, *call.pull, true));
}

Reply GithubApi::Private::updatePull(Call &call)
{
    Repo *repo = call.repo;
    Pull &pull = *call.pull;
    if (pull.author.compare(call.login, Qt::CaseInsensitive) != 0 && !allows(call, *repo, Access::Write))
        return errorReply(
            403, QStringLiteral("Only the author or people with write access may change a pull request."),
            call.docs);
    const QJsonObject &b = call.body;
    if (b.contains(QStringLiteral("title")))
        pull.title = b.value(QStringLiteral("title")).toString();
    if (b.contains(QStringLiteral("body")))
        pull.body = b.value(QStringLiteral("body")).toString();
    if (b.contains(QStringLiteral("base"))) {
        const QString base = b.value(QStringLiteral("base")).toString();
        if (repo->branch(base).isEmpty())
            return validationFailed(call.docs,
                                    {fieldError(QStringLiteral("PullRequest"), QStringLiteral("base"),
                                                QStringLiteral("invalid"))});
        pull.baseRef = base;
    }
    if (b.contains(QStringLiteral("state"))) {
        const QString state = b.value(QStringLiteral("state")).toString();
        if (state == QLatin1String("closed") && pull.open) {
            refreshPull(*repo, pull);
            pull.open = false;
            pull.closedAt = nowSeconds();
        } else if (state == QLatin1String("open") && !pull.open) {
            if (pull.merged)
                return validationFailed(call.docs, {},
                                        QStringLiteral("A merged pull request cannot be reopened"));
            pull.open = true;
            pull.closedAt = 0;
        } else if (state != QLatin1String("open") && state != QLatin1String("closed")) {
            return validationFailed(call.docs,
                                    {fieldError(QStringLiteral("PullRequest"), QStringLiteral("state"),
                                                QStringLiteral("invalid"))});
        }
    }
    pull.updatedAt = nowSeconds();
    return jsonReply(200, pullJson(*repo, pull, true));
}

Reply GithubApi::Private::checkPullMerged(Call &call)
{
    if (!call.pull->merged)
        return notFound(call.docs);
    return Reply{204, {}, {}, {}};
}

Reply GithubApi::Private::mergePull(Call &call)
{
    Repo *repo = call.repo;
    Pull &pull = *call.pull;
    const QJsonObject &b = call.body;
    const QString method = b.value(QStringLiteral("merge_method")).toString(QStringLiteral("merge"));
    if (method != QLatin1String("merge") && method != QLatin1String("squash") &&
        method != QLatin1String("rebase"))
        return validationFailed(call.docs,
                                {fieldError(QStringLiteral("PullRequest"), QStringLiteral("merge_method"),
                                            QStringLiteral("invalid"))});
    const auto notMergeable = [&] {
        return errorReply(405, QStringLiteral("Pull Request is not mergeable"), call.docs);
    };
    if (!pull.open)
        return notMergeable();
    refreshPull(*repo, pull);
    const QString expected = b.value(QStringLiteral("sha")).toString();
    if (!expected.isEmpty() && expected.toLower().toLatin1() != pull.headSha)
        return errorReply(409, QStringLiteral("Head branch was modified. Review and try the merge again."),
                          call.docs);
    if (!computeMergeable(*repo, pull).value_or(false))
        return notMergeable();

    const GitId mergeBase = store.mergeBase(pull.baseSha, pull.headSha);
    const std::optional<GitCommit> baseCommit = store.readCommit(mergeBase);
    const std::optional<GitCommit> ours = store.readCommit(pull.baseSha);
    const std::optional<GitCommit> theirs = store.readCommit(pull.headSha);
    const GitSignature merger = signatureFor(call.login, nowSeconds());
    const GitSignature web = signatureFor(QString(), nowSeconds()); // GitHub <noreply@github.com>
    const QList<GitId> baseHistory = history({pull.baseSha});
    QList<GitId> ahead = history({pull.headSha}, QSet<GitId>(baseHistory.cbegin(), baseHistory.cend()));
    std::reverse(ahead.begin(), ahead.end()); // oldest first
    GitId result;
    if (method == QLatin1String("rebase")) {
        GitId current = pull.baseSha;
        for (const GitId &id : std::as_const(ahead)) {
            const std::optional<GitCommit> c = store.readCommit(id);
            if (!c || c->parents.size() != 1)
                return errorReply(405, QStringLiteral("This branch can't be rebased"), call.docs);
            const std::optional<GitCommit> parent = store.readCommit(c->parents.first());
            const std::optional<GitCommit> onto = store.readCommit(current);
            const TreeMerge step = mergeTrees(store, parent->tree, onto->tree, c->tree);
            if (!step.clean())
                return errorReply(405, QStringLiteral("This branch can't be rebased"), call.docs);
            GitCommit replayed = *c;
            replayed.tree = step.tree;
            replayed.parents = {current};
            replayed.committer = web;
            current = store.writeCommit(replayed);
        }
        result = current;
    } else {
        const TreeMerge merged = mergeTrees(store, baseCommit->tree, ours->tree, theirs->tree);
        if (!merged.clean())
            return notMergeable();
        GitCommit commit;
        commit.tree = merged.tree;
        commit.author = merger;
        commit.committer = web;
        QString title = b.value(QStringLiteral("commit_title")).toString();
        QString message = b.value(QStringLiteral("commit_message")).toString();
        if (method == QLatin1String("merge")) {
            commit.parents = {pull.baseSha, pull.headSha};
            if (title.isEmpty())
                title = QStringLiteral("Merge pull request #%1 from %2/%3")
                            .arg(pull.number)
                            .arg(pull.headRepo.section(u'/', 0, 0), pull.headRef);
            if (!b.contains(QStringLiteral("commit_message")))
                message = pull.title;
        } else {
            commit.parents = {pull.baseSha};
            if (title.isEmpty())
                title = QStringLiteral("%1 (#%2)").arg(pull.title).arg(pull.number);
            if (!b.contains(QStringLiteral("commit_message"))) {
                QStringList lines;
                for (const GitId &id : std::as_const(ahead)) {
                    if (const std::optional<GitCommit> c = store.readCommit(id))
                        lines.append(QStringLiteral("* ") + c->message.section(u'\n', 0, 0));
                }
                message = lines.join(QStringLiteral("\n\n"));
            }
        }
        commit.message = message.isEmpty() ? QString(title + u'\n')
                                           : QString(title + QStringLiteral("\n\n") + message + u'\n');
        result = store.writeCommit(commit);
    }
    setRef(*repo, QStringLiteral("refs/heads/") + pull.baseRef, result);
    pull.open = false;
    pull.merged = true;
    pull.mergedAt = pull.closedAt = pull.updatedAt = nowSeconds();
    pull.mergeCommit = result;
    pull.mergedBy = account(call.login) ? account(call.login)->login : call.login;
    return jsonReply(
        200, QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(result)},
                         {QStringLiteral("merged"), true},
                         {QStringLiteral("message"), QStringLiteral("Pull Request successfully merged")}});
}

Reply GithubApi::Private::listPullCommits(Call &call)
{
    Repo *repo = call.repo;
    Pull &pull = *call.pull;
    refreshPull(*repo, pull);
    const Repo *headRepo = findRepo(pull.headRepo);
    const QList<GitId> baseHistory = history({pull.baseSha});
    QList<GitId> ahead = history({pull.headSha}, QSet<GitId>(baseHistory.cbegin(), baseHistory.cend()), 250);
    std::reverse(ahead.begin(), ahead.end());
    return pagedReply(call, ahead, [&](const GitId &id) {
        return restCommitJson(headRepo ? *headRepo : *repo, id, false);
    });
}

Reply GithubApi::Private::listPullFiles(Call &call)
{
    Repo *repo = call.repo;
    Pull &pull = *call.pull;
    refreshPull(*repo, pull);
    const Repo *headRepo = findRepo(pull.headRepo);
    const GitId mergeBase = store.mergeBase(pull.baseSha, pull.headSha);
    const std::optional<GitCommit> from = store.readCommit(mergeBase);
    const std::optional<GitCommit> to = store.readCommit(pull.headSha);
    QJsonArray files;
    int additions = 0;
    int deletions = 0;
    if (from && to)
        files = filesJson(headRepo ? *headRepo : *repo, from->tree, to->tree, pull.headSha, 3000, &additions,
                          &deletions);
    return pagedReply(call, files, [](const QJsonValue &file) { return file; });
}

} // namespace sandbox
