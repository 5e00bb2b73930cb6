// Git helpers shared by the handlers, and the git-data API: refs, commits,
// trees and blobs.

#include "sandbox/githubdiff.h"
#include "sandbox/githubstate.h"
#include "sandbox/githubtreemerge.h"

#include <QRegularExpression>
#include <algorithm>
#include <queue>

namespace sandbox {

using namespace github;

namespace {

const QString kHeads = QStringLiteral("refs/heads/");

bool isHex(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]+$"));
    return hex.match(text).hasMatch();
}

// git check-ref-format, the parts that matter for names clients send.
bool isValidRefName(const QString &ref)
{
    if (!ref.startsWith(QLatin1String("refs/")) || ref.count(u'/') < 2 || ref.endsWith(u'/') ||
        ref.endsWith(QLatin1String(".lock")) || ref.endsWith(u'.') || ref.contains(QLatin1String("..")) ||
        ref.contains(QLatin1String("//")) || ref.contains(QLatin1String("@{")))
        return false;
    for (const QChar c : ref) {
        if (c.unicode() < 0x20 || c == u' ' || c == u'~' || c == u'^' || c == u':' || c == u'?' ||
            c == u'*' || c == u'[' || c == u'\\' || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

QJsonObject personJson(const GitSignature &s)
{
    return {{QStringLiteral("name"), s.name},
            {QStringLiteral("email"), s.email},
            {QStringLiteral("date"), isoTime(s.epochSeconds)}};
}

QJsonObject unsignedVerification()
{
    return {{QStringLiteral("verified"), false},
            {QStringLiteral("reason"), QStringLiteral("unsigned")},
            {QStringLiteral("signature"), QJsonValue::Null},
            {QStringLiteral("payload"), QJsonValue::Null},
            {QStringLiteral("verified_at"), QJsonValue::Null}};
}

} // namespace

// ---- git helpers ---------------------------------------------------------------------

GitId GithubApi::Private::resolveCommit(const Repo &repo, const QString &ref) const
{
    if (ref.isEmpty() || ref == QLatin1String("HEAD"))
        return repo.branch(repo.defaultBranch);
    if (ref.startsWith(QLatin1String("refs/")))
        return repo.refs.value(ref);
    for (const QString &candidate : {QString(QStringLiteral("refs/") + ref), QString(kHeads + ref),
                                     QString(QStringLiteral("refs/tags/") + ref)}) {
        const auto it = repo.refs.constFind(candidate);
        if (it != repo.refs.cend())
            return *it;
    }
    if (!isHex(ref) || ref.size() < 4 || ref.size() > 40)
        return {};
    const GitId wanted = ref.toLower().toLatin1();
    if (wanted.size() == 40)
        return store.typeOf(wanted) == GitObjectType::Commit ? wanted : GitId();
    // An abbreviated id: look among the commits this repository reaches.
    GitId found;
    for (const GitId &id : history(repo.refs.values())) {
        if (id.startsWith(wanted)) {
            if (!found.isEmpty() && found != id)
                return {}; // ambiguous
            found = id;
        }
    }
    return found;
}

void GithubApi::Private::setRef(Repo &repo, const QString &ref, const GitId &id)
{
    const GitId before = repo.refs.value(ref);
    if (repo.refs.isEmpty() && ref.startsWith(kHeads) && repo.branch(repo.defaultBranch).isEmpty())
        repo.defaultBranch = ref.mid(kHeads.size()); // the first branch pushed becomes the default
    repo.refs.insert(ref, id);
    repo.updatedAt = nowSeconds();
    if (ref.startsWith(kHeads))
        repo.pushedAt = repo.updatedAt;
    Q_EMIT q->refUpdated(repo.fullName(), ref, before, id);
}

void GithubApi::Private::deleteRef(Repo &repo, const QString &ref)
{
    const GitId before = repo.refs.take(ref);
    repo.updatedAt = nowSeconds();
    Q_EMIT q->refUpdated(repo.fullName(), ref, before, GitId());
}

GitSignature GithubApi::Private::signatureFor(const QString &login, qint64 when) const
{
    GitSignature s;
    s.epochSeconds = when;
    if (const Account *a = account(login)) {
        s.name = a->name.isEmpty() ? a->login : a->name;
        s.email = a->email.isEmpty() ? noreplyEmail(*a) : a->email;
    } else {
        s.name = QStringLiteral("GitHub");
        s.email = QStringLiteral("noreply@github.com");
    }
    return s;
}

GitSignature GithubApi::Private::signatureOf(const QJsonObject &person, const QString &fallbackLogin,
                                             QString *error) const
{
    if (person.isEmpty())
        return signatureFor(fallbackLogin, nowSeconds());
    GitSignature s;
    s.name = person.value(QStringLiteral("name")).toString();
    s.email = person.value(QStringLiteral("email")).toString();
    if (s.name.isEmpty() || s.email.isEmpty()) {
        *error = s.name.isEmpty() ? QStringLiteral("name") : QStringLiteral("email");
        return {};
    }
    const QString date = person.value(QStringLiteral("date")).toString();
    s.epochSeconds = nowSeconds();
    if (!date.isEmpty() && !parseIsoTime(date, &s.epochSeconds, &s.utcOffsetMinutes)) {
        *error = QStringLiteral("date");
        return {};
    }
    return s;
}

QList<GitId> GithubApi::Private::history(const QList<GitId> &tips, const QSet<GitId> &stopAt, int limit) const
{
    struct Item
    {
        qint64 time;
        qint64 order;
        GitId id;
        bool operator<(const Item &o) const { return time != o.time ? time < o.time : order > o.order; }
    };
    std::priority_queue<Item> queue;
    QSet<GitId> seen;
    qint64 order = 0;
    const auto push = [&](const GitId &id) {
        if (id.isEmpty() || seen.contains(id) || stopAt.contains(id))
            return;
        seen.insert(id);
        const std::optional<GitCommit> c = store.readCommit(id);
        if (c)
            queue.push(Item{c->committer.epochSeconds, order++, id});
    };
    for (const GitId &tip : tips)
        push(tip);
    QList<GitId> out;
    while (!queue.empty() && (limit < 0 || out.size() < limit)) {
        const Item item = queue.top();
        queue.pop();
        out.append(item.id);
        if (const std::optional<GitCommit> c = store.readCommit(item.id)) {
            for (const GitId &p : c->parents)
                push(p);
        }
    }
    return out;
}

bool GithubApi::Private::touchesPath(const GitId &commit, const QString &path) const
{
    const std::optional<GitCommit> c = store.readCommit(commit);
    if (!c)
        return false;
    const std::optional<GitTreeEntry> mine = store.entryAt(c->tree, path);
    if (c->parents.isEmpty())
        return mine.has_value();
    // As git log's default simplification: the same as any parent means untouched.
    for (const GitId &p : c->parents) {
        const std::optional<GitCommit> parent = store.readCommit(p);
        const std::optional<GitTreeEntry> theirs = parent ? store.entryAt(parent->tree, path) : std::nullopt;
        if (mine.has_value() == theirs.has_value() &&
            (!mine || (mine->id == theirs->id && mine->mode == theirs->mode)))
            return false;
    }
    return true;
}

// ---- JSON --------------------------------------------------------------------------------

QJsonObject GithubApi::Private::refJson(const Repo &repo, const QString &ref, const GitId &id) const
{
    const QString api = apiUrl(QStringLiteral("/repos/") + repo.fullName());
    const std::optional<GitObjectType> type = store.typeOf(id);
    const QString typeName = QString::fromLatin1(gitTypeName(type.value_or(GitObjectType::Commit)));
    return {{QStringLiteral("ref"), ref},
            {QStringLiteral("node_id"), nodeId(u"Ref", QString(repo.fullName() + u':' + ref).toUtf8())},
            {QStringLiteral("url"), QString(api + QStringLiteral("/git/") + ref)},
            {QStringLiteral("object"),
             QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(id)},
                         {QStringLiteral("type"), typeName},
                         {QStringLiteral("url"), QString(api + QStringLiteral("/git/") + typeName +
                                                         QStringLiteral("s/") + QString::fromLatin1(id))}}}};
}

QJsonObject GithubApi::Private::gitCommitJson(const Repo &repo, const GitId &id) const
{
    const std::optional<GitCommit> c = store.readCommit(id);
    if (!c)
        return {};
    const QString api = apiUrl(QStringLiteral("/repos/") + repo.fullName());
    const QString html = htmlUrl(QStringLiteral("/") + repo.fullName());
    QJsonArray parents;
    for (const GitId &p : c->parents) {
        parents.append(QJsonObject{
            {QStringLiteral("sha"), QString::fromLatin1(p)},
            {QStringLiteral("url"), QString(api + QStringLiteral("/git/commits/") + QString::fromLatin1(p))},
            {QStringLiteral("html_url"),
             QString(html + QStringLiteral("/commit/") + QString::fromLatin1(p))}});
    }
    return {
        {QStringLiteral("sha"), QString::fromLatin1(id)},
        {QStringLiteral("node_id"), nodeId(u"Commit", id)},
        {QStringLiteral("url"), QString(api + QStringLiteral("/git/commits/") + QString::fromLatin1(id))},
        {QStringLiteral("html_url"), QString(html + QStringLiteral("/commit/") + QString::fromLatin1(id))},
        {QStringLiteral("author"), personJson(c->author)},
        {QStringLiteral("committer"), personJson(c->committer)},
        {QStringLiteral("tree"),
         QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(c->tree)},
                     {QStringLiteral("url"),
                      QString(api + QStringLiteral("/git/trees/") + QString::fromLatin1(c->tree))}}},
        {QStringLiteral("message"), c->message},
        {QStringLiteral("parents"), parents},
        {QStringLiteral("verification"), unsignedVerification()}};
}

QJsonObject GithubApi::Private::restCommitJson(const Repo &repo, const GitId &id, bool withFiles) const
{
    const std::optional<GitCommit> c = store.readCommit(id);
    if (!c)
        return {};
    const QString api = apiUrl(QStringLiteral("/repos/") + repo.fullName());
    const QString html = htmlUrl(QStringLiteral("/") + repo.fullName());
    const QString sha = QString::fromLatin1(id);
    QJsonArray parents;
    for (const GitId &p : c->parents) {
        parents.append(QJsonObject{
            {QStringLiteral("sha"), QString::fromLatin1(p)},
            {QStringLiteral("url"), QString(api + QStringLiteral("/commits/") + QString::fromLatin1(p))},
            {QStringLiteral("html_url"),
             QString(html + QStringLiteral("/commit/") + QString::fromLatin1(p))}});
    }
    QJsonObject o{
        {QStringLiteral("sha"), sha},
        {QStringLiteral("node_id"), nodeId(u"Commit", id)},
        {QStringLiteral("commit"),
         QJsonObject{{QStringLiteral("author"), personJson(c->author)},
                     {QStringLiteral("committer"), personJson(c->committer)},
                     {QStringLiteral("message"), c->message},
                     {QStringLiteral("tree"),
                      QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(c->tree)},
                                  {QStringLiteral("url"), QString(api + QStringLiteral("/git/trees/") +
                                                                  QString::fromLatin1(c->tree))}}},
                     {QStringLiteral("url"), QString(api + QStringLiteral("/git/commits/") + sha)},
                     {QStringLiteral("comment_count"), 0},
                     {QStringLiteral("verification"), unsignedVerification()}}},
        {QStringLiteral("url"), QString(api + QStringLiteral("/commits/") + sha)},
        {QStringLiteral("html_url"), QString(html + QStringLiteral("/commit/") + sha)},
        {QStringLiteral("comments_url"),
         QString(api + QStringLiteral("/commits/") + sha + QStringLiteral("/comments"))},
        {QStringLiteral("author"), userByEmail(c->author.email)},
        {QStringLiteral("committer"), userByEmail(c->committer.email)},
        {QStringLiteral("parents"), parents}};
    if (withFiles) {
        GitId parentTree = GitStore::emptyTreeId();
        if (!c->parents.isEmpty()) {
            if (const std::optional<GitCommit> p = store.readCommit(c->parents.first()))
                parentTree = p->tree;
        }
        int additions = 0;
        int deletions = 0;
        const QJsonArray files = filesJson(repo, parentTree, c->tree, id, 300, &additions, &deletions);
        o.insert(QStringLiteral("stats"), QJsonObject{{QStringLiteral("total"), additions + deletions},
                                                      {QStringLiteral("additions"), additions},
                                                      {QStringLiteral("deletions"), deletions}});
        o.insert(QStringLiteral("files"), files);
    }
    return o;
}

QJsonArray GithubApi::Private::filesJson(const Repo &repo, const GitId &oldTree, const GitId &newTree,
                                         const GitId &commit, int limit, int *additions, int *deletions) const
{
    QList<TreeFileChange> changes = diffTrees(store, oldTree == GitStore::emptyTreeId() ? GitId() : oldTree,
                                              newTree == GitStore::emptyTreeId() ? GitId() : newTree);
    // Exact renames: a removed file whose blob turns up under a new name.
    QHash<GitId, qsizetype> removedByBlob;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes.at(i).before && !changes.at(i).after)
            removedByBlob.insert(changes.at(i).before->id, i);
    }
    QHash<qsizetype, QString> renamedFrom; // index of the added entry -> old path
    QSet<qsizetype> consumed;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const TreeFileChange &c = changes.at(i);
        if (!c.before && c.after) {
            const auto it = removedByBlob.constFind(c.after->id);
            if (it != removedByBlob.cend() && !consumed.contains(*it)) {
                consumed.insert(*it);
                renamedFrom.insert(i, changes.at(*it).path);
            }
        }
    }
    const QString html = htmlUrl(QStringLiteral("/") + repo.fullName());
    const QString api = apiUrl(QStringLiteral("/repos/") + repo.fullName());
    const QString sha = QString::fromLatin1(commit);
    QJsonArray out;
    for (qsizetype i = 0; i < changes.size() && out.size() < limit; ++i) {
        if (consumed.contains(i))
            continue;
        const TreeFileChange &c = changes.at(i);
        const bool renamed = renamedFrom.contains(i);
        const QString status = renamed     ? QStringLiteral("renamed")
                               : !c.before ? QStringLiteral("added")
                               : !c.after  ? QStringLiteral("removed")
                                           : QStringLiteral("modified");
        const QByteArray before =
            c.before && !renamed ? store.blob(c.before->id).value_or(QByteArray()) : QByteArray();
        const QByteArray after = c.after ? store.blob(c.after->id).value_or(QByteArray()) : QByteArray();
        QJsonObject f{
            {QStringLiteral("sha"), QString::fromLatin1(c.after ? c.after->id : c.before->id)},
            {QStringLiteral("filename"), c.path},
            {QStringLiteral("status"), status},
            {QStringLiteral("blob_url"), QString(html + QStringLiteral("/blob/") + sha + u'/' + c.path)},
            {QStringLiteral("raw_url"), QString(html + QStringLiteral("/raw/") + sha + u'/' + c.path)},
            {QStringLiteral("contents_url"),
             QString(api + QStringLiteral("/contents/") + c.path + QStringLiteral("?ref=") + sha)}};
        int add = 0;
        int del = 0;
        if (!renamed && !looksBinary(before) && !looksBinary(after) &&
            before.size() + after.size() < 4 * 1024 * 1024) {
            const UnifiedPatch patch = unifiedPatch(before, after);
            add = patch.additions;
            del = patch.deletions;
            if (!patch.text.isEmpty())
                f.insert(QStringLiteral("patch"), QString::fromUtf8(patch.text));
        }
        if (renamed)
            f.insert(QStringLiteral("previous_filename"), renamedFrom.value(i));
        f.insert(QStringLiteral("additions"), add);
        f.insert(QStringLiteral("deletions"), del);
        f.insert(QStringLiteral("changes"), add + del);
        *additions += add;
        *deletions += del;
        out.append(f);
    }
    return out;
}

// ---- refs -------------------------------------------------------------------------------

Reply GithubApi::Private::getRef(Call &call)
{
    const Repo *repo = call.repo;
    const QString ref = QStringLiteral("refs/") + call.param(QStringLiteral("ref"));
    const auto it = repo->refs.constFind(ref);
    if (it == repo->refs.cend())
        return notFound(call.docs);
    return jsonReply(200, refJson(*repo, ref, *it));
}

Reply GithubApi::Private::matchingRefs(Call &call)
{
    const Repo *repo = call.repo;
    const QString prefix = QStringLiteral("refs/") + call.param(QStringLiteral("ref"));
    QJsonArray out;
    for (auto it = repo->refs.cbegin(); it != repo->refs.cend(); ++it) {
        if (it.key().startsWith(prefix))
            out.append(refJson(*repo, it.key(), *it));
    }
    return jsonReply(200, out);
}

Reply GithubApi::Private::listRefs(Call &call)
{
    const Repo *repo = call.repo;
    const QString tail = call.param(QStringLiteral("ref"));
    const QString prefix = QStringLiteral("refs/") + tail;
    if (!tail.isEmpty()) {
        const auto exact = repo->refs.constFind(prefix);
        if (exact != repo->refs.cend())
            return jsonReply(200, refJson(*repo, prefix, *exact));
    }
    QJsonArray out;
    for (auto it = repo->refs.cbegin(); it != repo->refs.cend(); ++it) {
        if (tail.isEmpty() || it.key().startsWith(prefix + u'/'))
            out.append(refJson(*repo, it.key(), *it));
    }
    if (out.isEmpty())
        return notFound(call.docs);
    return jsonReply(200, out);
}

Reply GithubApi::Private::createRef(Call &call)
{
    Repo *repo = call.repo;
    const QString ref = call.body.value(QStringLiteral("ref")).toString();
    const GitId sha = call.body.value(QStringLiteral("sha")).toString().toLower().toLatin1();
    if (ref.isEmpty())
        return notSupplied(call.docs, u"ref");
    if (sha.isEmpty())
        return notSupplied(call.docs, u"sha");
    if (!isValidRefName(ref))
        return validationFailed(call.docs, {},
                                QStringLiteral("Reference name must be a full ref such as "
                                               "refs/heads/name, without spaces or ~^:?*[\\ and .."));
    if (repo->refs.contains(ref))
        return validationFailed(call.docs, {}, QStringLiteral("Reference already exists"));
    if (!GitStore::isValidId(sha) || !store.contains(sha))
        return validationFailed(call.docs, {}, QStringLiteral("Object does not exist"));
    setRef(*repo, ref, sha);
    Reply r = jsonReply(201, refJson(*repo, ref, sha));
    r.headers.append(
        {"location",
         apiUrl(QStringLiteral("/repos/") + repo->fullName() + QStringLiteral("/git/") + ref).toUtf8()});
    return r;
}

Reply GithubApi::Private::updateRef(Call &call)
{
    Repo *repo = call.repo;
    const QString ref = QStringLiteral("refs/") + call.param(QStringLiteral("ref"));
    const GitId sha = call.body.value(QStringLiteral("sha")).toString().toLower().toLatin1();
    if (sha.isEmpty())
        return notSupplied(call.docs, u"sha");
    const auto it = repo->refs.constFind(ref);
    if (it == repo->refs.cend())
        return validationFailed(call.docs, {}, QStringLiteral("Reference does not exist"));
    if (!GitStore::isValidId(sha) || !store.contains(sha))
        return validationFailed(call.docs, {}, QStringLiteral("Object does not exist"));
    const bool force = call.body.value(QStringLiteral("force")).toBool();
    if (!force && !store.isAncestor(*it, sha))
        return validationFailed(call.docs, {}, QStringLiteral("Update is not a fast forward"));
    setRef(*repo, ref, sha);
    return jsonReply(200, refJson(*repo, ref, sha));
}

Reply GithubApi::Private::deleteRefCall(Call &call)
{
    Repo *repo = call.repo;
    const QString ref = QStringLiteral("refs/") + call.param(QStringLiteral("ref"));
    if (!repo->refs.contains(ref))
        return validationFailed(call.docs, {}, QStringLiteral("Reference does not exist"));
    if (ref == kHeads + repo->defaultBranch)
        return validationFailed(call.docs, {}, QStringLiteral("Cannot delete the default branch"));
    deleteRef(*repo, ref);
    return Reply{204, {}, {}, {}};
}

// ---- commits -----------------------------------------------------------------------------

Reply GithubApi::Private::getGitCommit(Call &call)
{
    const Repo *repo = call.repo;
    const GitId sha = call.param(QStringLiteral("sha")).toLower().toLatin1();
    if (store.typeOf(sha) != GitObjectType::Commit)
        return notFound(call.docs);
    return jsonReply(200, gitCommitJson(*repo, sha));
}

Reply GithubApi::Private::createGitCommit(Call &call)
{
    Repo *repo = call.repo;
    const QJsonObject &b = call.body;
    if (!b.value(QStringLiteral("message")).isString())
        return notSupplied(call.docs, u"message");
    if (!b.value(QStringLiteral("tree")).isString())
        return notSupplied(call.docs, u"tree");
    GitCommit commit;
    commit.message = b.value(QStringLiteral("message")).toString();
    commit.tree = b.value(QStringLiteral("tree")).toString().toLower().toLatin1();
    if (store.typeOf(commit.tree) != GitObjectType::Tree)
        return validationFailed(call.docs, {}, QStringLiteral("Tree SHA does not exist"));
    for (const QJsonValue &p : b.value(QStringLiteral("parents")).toArray()) {
        const GitId parent = p.toString().toLower().toLatin1();
        if (store.typeOf(parent) != GitObjectType::Commit)
            return validationFailed(call.docs, {},
                                    QStringLiteral("Parent SHA does not exist or is not a commit object"));
        commit.parents.append(parent);
    }
    QString bad;
    const QJsonObject author = b.value(QStringLiteral("author")).toObject();
    const QJsonObject committer = b.value(QStringLiteral("committer")).toObject();
    commit.author = signatureOf(author, call.login, &bad);
    if (bad.isEmpty())
        commit.committer = committer.isEmpty() && !author.isEmpty()
                               ? commit.author
                               : signatureOf(committer, call.login, &bad);
    if (!bad.isEmpty())
        return validationFailed(
            call.docs, {},
            QStringLiteral("Invalid request.\n\n\"%1\" wasn't supplied or is not valid.").arg(bad));
    QString storeError;
    const GitId id = store.writeCommit(commit, &storeError);
    if (id.isEmpty())
        return validationFailed(call.docs, {}, storeError);
    Reply r = jsonReply(201, gitCommitJson(*repo, id));
    r.headers.append({"location", apiUrl(QStringLiteral("/repos/") + repo->fullName() +
                                         QStringLiteral("/git/commits/") + QString::fromLatin1(id))
                                      .toUtf8()});
    return r;
}

// ---- trees ---------------------------------------------------------------------------------

Reply GithubApi::Private::getTree(Call &call)
{
    const Repo *repo = call.repo;
    const QString name = call.param(QStringLiteral("sha"));
    GitId tree = name.toLower().toLatin1();
    if (store.typeOf(tree) != GitObjectType::Tree) {
        const std::optional<GitCommit> commit = store.readCommit(resolveCommit(*repo, name));
        if (!commit)
            return notFound(call.docs);
        tree = commit->tree;
    }
    // Any value of `recursive` turns recursion on, "0" and "false" included.
    const bool recursive = call.hasQuery(QStringLiteral("recursive"));
    const std::optional<QList<GitTreeListing>> listing = store.listTree(tree, recursive);
    if (!listing)
        return notFound(call.docs);
    const QString api = apiUrl(QStringLiteral("/repos/") + repo->fullName());
    QJsonArray entries;
    const bool truncated = listing->size() > options.treeEntryLimit;
    for (const GitTreeListing &l : *listing) {
        if (entries.size() >= options.treeEntryLimit)
            break;
        QJsonObject e{{QStringLiteral("path"), l.path},
                      {QStringLiteral("mode"), l.mode},
                      {QStringLiteral("type"), QString::fromLatin1(gitTypeName(l.type))},
                      {QStringLiteral("sha"), QString::fromLatin1(l.id)}};
        if (l.type == GitObjectType::Blob) {
            e.insert(QStringLiteral("size"), l.size);
            e.insert(QStringLiteral("url"),
                     QString(api + QStringLiteral("/git/blobs/") + QString::fromLatin1(l.id)));
        } else if (l.type == GitObjectType::Tree) {
            e.insert(QStringLiteral("url"),
                     QString(api + QStringLiteral("/git/trees/") + QString::fromLatin1(l.id)));
        }
        entries.append(e);
    }
    return jsonReply(200, QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(tree)},
                                      {QStringLiteral("url"), QString(api + QStringLiteral("/git/trees/") +
                                                                      QString::fromLatin1(tree))},
                                      {QStringLiteral("tree"), entries},
                                      {QStringLiteral("truncated"), truncated}});
}

Reply GithubApi::Private::createTree(Call &call)
{
    Repo *repo = call.repo;
    if (!call.body.value(QStringLiteral("tree")).isArray())
        return notSupplied(call.docs, u"tree");
    GitId baseTree;
    if (call.body.contains(QStringLiteral("base_tree")) &&
        !call.body.value(QStringLiteral("base_tree")).isNull()) {
        baseTree = call.body.value(QStringLiteral("base_tree")).toString().toLower().toLatin1();
        if (store.typeOf(baseTree) != GitObjectType::Tree) {
            // GitHub also takes a commit's id here and uses its tree.
            const std::optional<GitCommit> commit = store.readCommit(baseTree);
            if (!commit)
                return validationFailed(call.docs, {},
                                        QStringLiteral("base_tree %1 is not a tree or a commit")
                                            .arg(QString::fromLatin1(baseTree)));
            baseTree = commit->tree;
        }
    }
    QList<GitTreeChange> changes;
    const QJsonArray entries = call.body.value(QStringLiteral("tree")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const QString where = QStringLiteral("tree[%1]").arg(i);
        GitTreeChange change;
        change.path = e.value(QStringLiteral("path")).toString();
        change.mode = e.value(QStringLiteral("mode")).toString();
        if (change.path.isEmpty())
            return validationFailed(
                call.docs, {},
                QStringLiteral("Invalid request.\n\n\"path\" wasn't supplied in %1.").arg(where));
        if (change.mode.isEmpty())
            return validationFailed(
                call.docs, {},
                QStringLiteral("Invalid request.\n\n\"mode\" wasn't supplied in %1.").arg(where));
        const GitTreeEntry probe{change.mode, QString(), GitId()};
        change.type = probe.type();
        if (e.contains(QStringLiteral("type"))) {
            const std::optional<GitObjectType> t =
                gitTypeFromName(e.value(QStringLiteral("type")).toString().toLatin1());
            if (!t || *t != change.type)
                return validationFailed(
                    call.docs, {}, QStringLiteral("%1: type does not match mode %2").arg(where, change.mode));
            change.type = *t;
        }
        const bool hasSha = e.contains(QStringLiteral("sha"));
        const bool hasContent = e.contains(QStringLiteral("content"));
        if (hasSha && !e.value(QStringLiteral("sha")).isNull() && hasContent)
            return validationFailed(call.docs, {},
                                    QStringLiteral("%1: give either sha or content, not both").arg(where));
        if (hasContent) {
            change.content = e.value(QStringLiteral("content")).toString().toUtf8();
        } else if (hasSha && !e.value(QStringLiteral("sha")).isNull()) {
            change.id = e.value(QStringLiteral("sha")).toString().toLower().toLatin1();
        } else if (!hasSha) {
            return validationFailed(
                call.docs, {},
                QStringLiteral("%1: sha or content is required (sha: null deletes)").arg(where));
        }
        changes.append(change);
    }
    QString storeError;
    const GitId tree = store.treeWithChanges(baseTree, changes, &storeError);
    if (tree.isEmpty())
        return validationFailed(call.docs, {}, storeError);
    call.params.insert(QStringLiteral("sha"), QString::fromLatin1(tree));
    // The answer is the new tree's listing without recursion, as GitHub gives it.
    Reply r = getTree(call);
    if (r.status == 200)
        r.status = 201;
    r.headers.append({"location", apiUrl(QStringLiteral("/repos/") + repo->fullName() +
                                         QStringLiteral("/git/trees/") + QString::fromLatin1(tree))
                                      .toUtf8()});
    return r;
}

// ---- blobs ----------------------------------------------------------------------------------

Reply GithubApi::Private::getBlob(Call &call)
{
    const Repo *repo = call.repo;
    const GitId sha = call.param(QStringLiteral("sha")).toLower().toLatin1();
    const std::optional<QByteArray> content = store.blob(sha);
    if (!content)
        return notFound(call.docs);
    if (acceptsMedia(*call.request, u"raw"))
        return rawReply(*content);
    return jsonReply(200, QJsonObject{{QStringLiteral("sha"), QString::fromLatin1(sha)},
                                      {QStringLiteral("node_id"), nodeId(u"Blob", sha)},
                                      {QStringLiteral("size"), content->size()},
                                      {QStringLiteral("url"),
                                       apiUrl(QStringLiteral("/repos/") + repo->fullName() +
                                              QStringLiteral("/git/blobs/") + QString::fromLatin1(sha))},
                                      {QStringLiteral("content"), QString::fromLatin1(base64Lines(*content))},
                                      {QStringLiteral("encoding"), QStringLiteral("base64")}});
}

Reply GithubApi::Private::createBlob(Call &call)
{
    Repo *repo = call.repo;
    if (!call.body.value(QStringLiteral("content")).isString())
        return notSupplied(call.docs, u"content");
    const QString encoding = call.body.value(QStringLiteral("encoding")).toString(QStringLiteral("utf-8"));
    const QString text = call.body.value(QStringLiteral("content")).toString();
    QByteArray content;
    if (encoding == QLatin1String("base64")) {
        bool ok = false;
        content = decodeBase64(text.toLatin1(), &ok);
        if (!ok)
            return validationFailed(call.docs, {}, QStringLiteral("content is not valid Base64"));
    } else if (encoding == QLatin1String("utf-8") || encoding == QLatin1String("utf8")) {
        content = text.toUtf8();
    } else {
        return validationFailed(
            call.docs,
            {fieldError(QStringLiteral("Blob"), QStringLiteral("encoding"), QStringLiteral("invalid"))},
            QStringLiteral("encoding must be utf-8 or base64"));
    }
    const GitId sha = store.writeBlob(content);
    const QString url = apiUrl(QStringLiteral("/repos/") + repo->fullName() + QStringLiteral("/git/blobs/") +
                               QString::fromLatin1(sha));
    Reply r = jsonReply(
        201, QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("sha"), QString::fromLatin1(sha)}});
    r.headers.append({"location", url.toUtf8()});
    return r;
}

} // namespace sandbox
