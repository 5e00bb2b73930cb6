// Contents (one commit per call), commit listings and compare.

#include "sandbox/githubstate.h"

namespace sandbox {

using namespace github;

namespace {

constexpr qsizetype kInlineContentLimit = 1024 * 1024; // larger files come with encoding "none"

QString contentType(const QString &mode)
{
    if (mode == QLatin1String("040000"))
        return QStringLiteral("dir");
    if (mode == QLatin1String("120000"))
        return QStringLiteral("symlink");
    if (mode == QLatin1String("160000"))
        return QStringLiteral("submodule");
    return QStringLiteral("file");
}

} // namespace

QJsonObject GithubApi::Private::contentJson(const Repo &repo, const QString &path, const GitTreeEntry &entry,
                                            const QString &ref, bool withContent) const
{
    const QString type = contentType(entry.mode);
    const QString api = apiUrl(QStringLiteral("/repos/") + repo.fullName());
    const QString html = htmlUrl(QStringLiteral("/") + repo.fullName());
    const QString sha = QString::fromLatin1(entry.id);
    const QString self = api + QStringLiteral("/contents/") + path + QStringLiteral("?ref=") + ref;
    const QString git =
        api + (type == QLatin1String("dir") ? QStringLiteral("/git/trees/") : QStringLiteral("/git/blobs/")) +
        sha;
    const QString htmlPath =
        html + (type == QLatin1String("dir") ? QStringLiteral("/tree/") : QStringLiteral("/blob/")) + ref +
        u'/' + path;
    qint64 size = 0;
    std::optional<QByteArray> content;
    if (type == QLatin1String("file") || type == QLatin1String("symlink")) {
        content = store.blob(entry.id);
        size = content ? content->size() : 0;
    }
    QJsonObject o{
        {QStringLiteral("type"), type},
        {QStringLiteral("size"), size},
        {QStringLiteral("name"), path.section(u'/', -1)},
        {QStringLiteral("path"), path},
        {QStringLiteral("sha"), sha},
        {QStringLiteral("url"), self},
        {QStringLiteral("git_url"), git},
        {QStringLiteral("html_url"), htmlPath},
        {QStringLiteral("download_url"), type == QLatin1String("file")
                                             ? QJsonValue(QString(base + QStringLiteral("/raw/") +
                                                                  repo.fullName() + u'/' + ref + u'/' + path))
                                             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("_links"), QJsonObject{{QStringLiteral("self"), self},
                                               {QStringLiteral("git"), git},
                                               {QStringLiteral("html"), htmlPath}}}};
    if (withContent && content) {
        if (content->size() > kInlineContentLimit) {
            o.insert(QStringLiteral("content"), QString());
            o.insert(QStringLiteral("encoding"), QStringLiteral("none"));
        } else {
            o.insert(QStringLiteral("content"), QString::fromLatin1(base64Lines(*content)));
            o.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
        }
        if (type == QLatin1String("symlink"))
            o.insert(QStringLiteral("target"), QString::fromUtf8(*content));
    }
    return o;
}

// ---- contents ------------------------------------------------------------------------

GitId GithubApi::Private::commitContentsChange(Repo &repo, const Call &call, const QString &branch,
                                               const GitId &parent, const GitId &parentTree,
                                               const GitTreeChange &change, Reply *error)
{
    QString bad;
    GitCommit commit;
    commit.committer = signatureOf(call.body.value(QStringLiteral("committer")).toObject(), call.login, &bad);
    if (bad.isEmpty()) {
        const QJsonObject author = call.body.value(QStringLiteral("author")).toObject();
        commit.author = author.isEmpty() ? commit.committer : signatureOf(author, call.login, &bad);
    }
    if (!bad.isEmpty()) {
        *error = validationFailed(
            call.docs, {},
            QStringLiteral("Invalid request.\n\n\"%1\" wasn't supplied or is not valid.").arg(bad));
        return {};
    }
    QString storeError;
    commit.tree = store.treeWithChanges(parentTree, {change}, &storeError);
    if (!commit.tree.isEmpty()) {
        if (!parent.isEmpty())
            commit.parents = {parent};
        commit.message = call.body.value(QStringLiteral("message")).toString();
        const GitId id = store.writeCommit(commit, &storeError);
        if (!id.isEmpty()) {
            setRef(repo, QStringLiteral("refs/heads/") + branch, id);
            return id;
        }
    }
    *error = validationFailed(call.docs, {}, storeError);
    return {};
}

Reply GithubApi::Private::getContents(Call &call)
{
    const Repo *repo = call.repo;
    if (repo->isEmpty())
        return errorReply(404, QStringLiteral("This repository is empty."), call.docs);
    const QString ref = call.query(QStringLiteral("ref"));
    const GitId commit = resolveCommit(*repo, ref);
    const std::optional<GitCommit> c = store.readCommit(commit);
    if (!c)
        return errorReply(404, QStringLiteral("No commit found for the ref %1").arg(ref), call.docs);
    const QString path = call.param(QStringLiteral("path"));
    const std::optional<GitTreeEntry> entry = store.entryAt(c->tree, path);
    if (!entry)
        return notFound(call.docs);
    const QString refName = ref.isEmpty() ? repo->defaultBranch : ref;
    if (entry->type() == GitObjectType::Tree) {
        const std::optional<QList<GitTreeEntry>> entries = store.readTree(entry->id);
        QJsonArray out;
        for (const GitTreeEntry &e : entries.value_or(QList<GitTreeEntry>())) {
            if (out.size() >= options.directoryEntryLimit)
                break;
            out.append(contentJson(*repo, path.isEmpty() ? e.name : QString(path + u'/' + e.name), e, refName,
                                   false));
        }
        if (acceptsMedia(*call.request, u"object")) {
            // The object media type: the directory itself, its listing under `entries`.
            QJsonObject self = contentJson(*repo, path, *entry, refName, false);
            self.insert(QStringLiteral("entries"), out);
            return jsonReply(200, self);
        }
        return jsonReply(200, out);
    }
    if (acceptsMedia(*call.request, u"raw"))
        return rawReply(store.blob(entry->id).value_or(QByteArray()));
    return jsonReply(200, contentJson(*repo, path, *entry, refName, true));
}

Reply GithubApi::Private::getReadme(Call &call)
{
    const Repo *repo = call.repo;
    const QString ref = call.query(QStringLiteral("ref"));
    const std::optional<GitCommit> c = store.readCommit(resolveCommit(*repo, ref));
    if (!c)
        return notFound(call.docs);
    const QString refName = ref.isEmpty() ? repo->defaultBranch : ref;
    // The first README* file GitHub would show: in the folder asked for, else the
    // root, .github and docs.
    const QString dir = call.param(QStringLiteral("dir"));
    const QStringList folders =
        dir.isEmpty() ? QStringList{QString(), QStringLiteral(".github"), QStringLiteral("docs")}
                      : QStringList{dir};
    for (const QString &folder : folders) {
        const std::optional<GitTreeEntry> tree = store.entryAt(c->tree, folder);
        if (!tree || tree->type() != GitObjectType::Tree)
            continue;
        for (const GitTreeEntry &e : store.readTree(tree->id).value_or(QList<GitTreeEntry>())) {
            if (e.type() != GitObjectType::Blob ||
                !(e.name.compare(QLatin1String("readme"), Qt::CaseInsensitive) == 0 ||
                  e.name.startsWith(QLatin1String("readme."), Qt::CaseInsensitive)))
                continue;
            if (acceptsMedia(*call.request, u"raw"))
                return rawReply(store.blob(e.id).value_or(QByteArray()));
            return jsonReply(200,
                             contentJson(*repo, folder.isEmpty() ? e.name : QString(folder + u'/' + e.name),
                                         e, refName, true));
        }
    }
    return notFound(call.docs);
}

Reply GithubApi::Private::putContents(Call &call)
{
    Repo *repo = call.repo;
    const QJsonObject &b = call.body;
    const QString path = call.param(QStringLiteral("path"));
    if (!b.value(QStringLiteral("message")).isString())
        return notSupplied(call.docs, u"message");
    if (!b.value(QStringLiteral("content")).isString())
        return notSupplied(call.docs, u"content");
    bool ok = false;
    const QByteArray content = decodeBase64(b.value(QStringLiteral("content")).toString().toLatin1(), &ok);
    if (!ok)
        return validationFailed(call.docs, {}, QStringLiteral("content is not valid Base64"));
    const QString branch = b.value(QStringLiteral("branch")).toString(repo->defaultBranch);
    const GitId parent = repo->branch(branch);
    if (parent.isEmpty() && !repo->isEmpty())
        return errorReply(404, QStringLiteral("Branch %1 not found").arg(branch), call.docs);
    const std::optional<GitCommit> parentCommit = store.readCommit(parent);
    const GitId parentTree = parentCommit ? parentCommit->tree : GitId();
    const std::optional<GitTreeEntry> existing =
        parentTree.isEmpty() ? std::nullopt : store.entryAt(parentTree, path);
    if (existing && existing->type() != GitObjectType::Blob)
        return validationFailed(call.docs, {}, QStringLiteral("%1 is a directory, not a file").arg(path));
    if (existing) {
        const QString sha = b.value(QStringLiteral("sha")).toString();
        if (sha.isEmpty())
            return notSupplied(call.docs, u"sha");
        if (sha.toLower().toLatin1() != existing->id)
            return errorReply(409, QStringLiteral("%1 does not match %2").arg(path, sha), call.docs);
    }
    GitTreeChange change;
    change.path = path;
    change.mode = existing ? existing->mode : QStringLiteral("100644");
    change.content = content;
    Reply error;
    const GitId id = commitContentsChange(*repo, call, branch, parent, parentTree, change, &error);
    if (id.isEmpty())
        return error;
    const std::optional<GitTreeEntry> written = store.entryAt(store.readCommit(id)->tree, path);
    return jsonReply(existing ? 200 : 201, QJsonObject{{QStringLiteral("content"),
                                                        contentJson(*repo, path, *written, branch, false)},
                                                       {QStringLiteral("commit"), gitCommitJson(*repo, id)}});
}

Reply GithubApi::Private::deleteContents(Call &call)
{
    Repo *repo = call.repo;
    const QJsonObject &b = call.body;
    const QString path = call.param(QStringLiteral("path"));
    if (!b.value(QStringLiteral("message")).isString())
        return notSupplied(call.docs, u"message");
    const QString sha = b.value(QStringLiteral("sha")).toString();
    if (sha.isEmpty())
        return notSupplied(call.docs, u"sha");
    const QString branch = b.value(QStringLiteral("branch")).toString(repo->defaultBranch);
    const GitId parent = repo->branch(branch);
    const std::optional<GitCommit> parentCommit = store.readCommit(parent);
    if (!parentCommit)
        return errorReply(404, QStringLiteral("Branch %1 not found").arg(branch), call.docs);
    const std::optional<GitTreeEntry> existing = store.entryAt(parentCommit->tree, path);
    if (!existing || existing->type() != GitObjectType::Blob)
        return notFound(call.docs);
    if (sha.toLower().toLatin1() != existing->id)
        return errorReply(409, QStringLiteral("%1 does not match %2").arg(path, sha), call.docs);
    GitTreeChange change;
    change.path = path; // neither id nor content: a delete
    Reply error;
    const GitId id = commitContentsChange(*repo, call, branch, parent, parentCommit->tree, change, &error);
    if (id.isEmpty())
        return error;
    return jsonReply(200, QJsonObject{{QStringLiteral("content"), QJsonValue::Null},
                                      {QStringLiteral("commit"), gitCommitJson(*repo, id)}});
}

// ---- commits ----------------------------------------------------------------------------

Reply GithubApi::Private::listCommits(Call &call)
{
    const Repo *repo = call.repo;
    const QString sha = call.query(QStringLiteral("sha"));
    const GitId tip = resolveCommit(*repo, sha);
    if (tip.isEmpty())
        return errorReply(404, QStringLiteral("No commit found for SHA: %1").arg(sha), call.docs);
    const QString path = call.query(QStringLiteral("path"));
    const QString author = call.query(QStringLiteral("author"));
    qint64 since = 0;
    qint64 until = 0;
    int ignored = 0;
    if (call.hasQuery(QStringLiteral("since")) &&
        !parseIsoTime(call.query(QStringLiteral("since")), &since, &ignored))
        return validationFailed(call.docs, {}, QStringLiteral("since is not an ISO 8601 time"));
    if (call.hasQuery(QStringLiteral("until")) &&
        !parseIsoTime(call.query(QStringLiteral("until")), &until, &ignored))
        return validationFailed(call.docs, {}, QStringLiteral("until is not an ISO 8601 time"));
    const Account *authorAccount = account(author);
    QList<GitId> commits;
    for (const GitId &id : history({tip})) {
        if (!path.isEmpty() && !touchesPath(id, path))
            continue;
        if (!author.isEmpty() || since > 0 || until > 0) {
            const std::optional<GitCommit> c = store.readCommit(id);
            if (!author.isEmpty()) {
                const QString email = c->author.email;
                const bool matches =
                    authorAccount ? (email.compare(authorAccount->email, Qt::CaseInsensitive) == 0 ||
                                     email.compare(noreplyEmail(*authorAccount), Qt::CaseInsensitive) == 0)
                                  : email.compare(author, Qt::CaseInsensitive) == 0;
                if (!matches)
                    continue;
            }
            if (since > 0 && c->committer.epochSeconds < since)
                continue;
            if (until > 0 && c->committer.epochSeconds > until)
                continue;
        }
        commits.append(id);
    }
    return pagedReply(call, commits, [&](const GitId &id) { return restCommitJson(*repo, id, false); });
}

Reply GithubApi::Private::getCommit(Call &call)
{
    const Repo *repo = call.repo;
    const QString ref = call.param(QStringLiteral("ref"));
    const GitId id = resolveCommit(*repo, ref);
    if (id.isEmpty())
        return validationFailed(call.docs, {}, QStringLiteral("No commit found for SHA: %1").arg(ref));
    return jsonReply(200, restCommitJson(*repo, id, true));
}

Reply GithubApi::Private::compare(Call &call)
{
    const Repo *repo = call.repo;
    if (repo->isEmpty())
        return notFound(call.docs);
    const QString basehead = call.param(QStringLiteral("basehead"));
    qsizetype dots = basehead.indexOf(QLatin1String("..."));
    qsizetype dotsLength = 3;
    if (dots < 0) {
        dots = basehead.indexOf(QLatin1String(".."));
        dotsLength = 2;
    }
    if (dots <= 0 || dots + dotsLength >= basehead.size())
        return notFound(call.docs);
    const QString root = repo->source.isEmpty() ? repo->fullName() : repo->source;
    // "ref", "owner:ref" or "owner:repo:ref"; other owners mean repositories of the same network.
    const auto resolve = [&](const QString &side, const Repo **in) -> GitId {
        const QStringList parts = side.split(u':');
        const Repo *target = repo;
        QString ref = side;
        if (parts.size() == 3) {
            target = findRepo(parts.at(0), parts.at(1));
            ref = parts.at(2);
        } else if (parts.size() == 2) {
            ref = parts.at(1);
            target = findRepo(parts.at(0), repo->name);
            if (!target || (target->source.isEmpty() ? target->fullName() : target->source) != root) {
                target = nullptr;
                for (const Repo *r : reposByOwner.value(parts.at(0).toLower())) {
                    if ((r->source.isEmpty() ? r->fullName() : r->source) == root) {
                        target = r;
                        break;
                    }
                }
            }
        }
        if (!target || !allows(call, *target, Access::Read))
            return {};
        *in = target;
        return resolveCommit(*target, ref);
    };
    const Repo *baseRepo = nullptr;
    const Repo *headRepo = nullptr;
    const QString baseName = basehead.left(dots);
    const QString headName = basehead.mid(dots + dotsLength);
    const GitId base = resolve(baseName, &baseRepo);
    const GitId head = resolve(headName, &headRepo);
    if (base.isEmpty() || head.isEmpty())
        return notFound(call.docs);
    const GitId mergeBase = store.mergeBase(base, head);
    if (mergeBase.isEmpty())
        return errorReply(
            404, QStringLiteral("No common ancestor between %1 and %2.").arg(baseName, headName), call.docs);
    const QList<GitId> baseHistory = history({base});
    const QList<GitId> headHistory = history({head});
    const QSet<GitId> reachableFromBase(baseHistory.cbegin(), baseHistory.cend());
    const QSet<GitId> reachableFromHead(headHistory.cbegin(), headHistory.cend());
    QList<GitId> ahead;
    for (const GitId &id : headHistory) {
        if (!reachableFromBase.contains(id))
            ahead.prepend(id); // oldest first
    }
    int behindBy = 0;
    for (const GitId &id : baseHistory)
        behindBy += reachableFromHead.contains(id) ? 0 : 1;
    const int aheadBy = int(ahead.size());
    const QString status = aheadBy == 0 && behindBy == 0 ? QStringLiteral("identical")
                           : behindBy == 0               ? QStringLiteral("ahead")
                           : aheadBy == 0                ? QStringLiteral("behind")
                                                         : QStringLiteral("diverged");
    const Page page = pageOf(call, options.compareCommitLimit, options.compareCommitLimit);
    QJsonArray commits;
    for (qsizetype i = qsizetype(page.page - 1) * page.perPage;
         i < ahead.size() && commits.size() < page.perPage; ++i)
        commits.append(restCommitJson(*headRepo, ahead.at(i), false));
    QJsonArray files;
    if (page.page == 1) {
        const std::optional<GitCommit> from = store.readCommit(mergeBase);
        const std::optional<GitCommit> to = store.readCommit(head);
        int additions = 0;
        int deletions = 0;
        files = filesJson(*headRepo, from->tree, to->tree, head, options.compareFileLimit, &additions,
                          &deletions);
    }
    const QString html = htmlUrl(QStringLiteral("/") + repo->fullName());
    const QString api = apiUrl(QStringLiteral("/repos/") + repo->fullName());
    Reply r = jsonReply(
        200, QJsonObject{{QStringLiteral("url"), QString(api + QStringLiteral("/compare/") + basehead)},
                         {QStringLiteral("html_url"), QString(html + QStringLiteral("/compare/") + basehead)},
                         {QStringLiteral("permalink_url"),
                          QString(html + QStringLiteral("/compare/") + baseRepo->owner + u':' +
                                  QString::fromLatin1(base.left(7)) + QStringLiteral("...") +
                                  headRepo->owner + u':' + QString::fromLatin1(head.left(7)))},
                         {QStringLiteral("diff_url"),
                          QString(html + QStringLiteral("/compare/") + basehead + QStringLiteral(".diff"))},
                         {QStringLiteral("patch_url"),
                          QString(html + QStringLiteral("/compare/") + basehead + QStringLiteral(".patch"))},
                         {QStringLiteral("base_commit"), restCommitJson(*baseRepo, base, false)},
                         {QStringLiteral("merge_base_commit"), restCommitJson(*repo, mergeBase, false)},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("ahead_by"), aheadBy},
                         {QStringLiteral("behind_by"), behindBy},
                         {QStringLiteral("total_commits"), aheadBy},
                         {QStringLiteral("commits"), commits},
                         {QStringLiteral("files"), files}});
    if (call.hasQuery(QStringLiteral("page")) || call.hasQuery(QStringLiteral("per_page")) ||
        ahead.size() > page.perPage)
        paginate(call, aheadBy, page, &r);
    return r;
}

} // namespace sandbox
