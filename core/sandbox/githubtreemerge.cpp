#include "sandbox/githubtreemerge.h"

#include "sandbox/githubdiff.h"

#include <QMap>
#include <algorithm>

namespace sandbox {

namespace {

QMap<QString, GitTreeEntry> entriesOf(const GitStore &store, const GitId &treeId)
{
    QMap<QString, GitTreeEntry> byName;
    if (treeId.isEmpty())
        return byName;
    const std::optional<QList<GitTreeEntry>> entries = store.readTree(treeId);
    if (!entries)
        return byName;
    for (const GitTreeEntry &e : *entries)
        byName.insert(e.name, e);
    return byName;
}

void walk(const GitStore &store, const QString &prefix, const GitId &oldTree, const GitId &newTree,
          QList<TreeFileChange> *out)
{
    const QMap<QString, GitTreeEntry> before = entriesOf(store, oldTree);
    const QMap<QString, GitTreeEntry> after = entriesOf(store, newTree);
    QStringList names = before.keys();
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            names.append(it.key());
    }
    for (const QString &name : std::as_const(names)) {
        const auto o = before.constFind(name);
        const auto n = after.constFind(name);
        const bool hasOld = o != before.cend();
        const bool hasNew = n != after.cend();
        if (hasOld && hasNew && o->id == n->id && o->mode == n->mode)
            continue;
        const QString path = prefix + name;
        const bool oldIsTree = hasOld && o->type() == GitObjectType::Tree;
        const bool newIsTree = hasNew && n->type() == GitObjectType::Tree;
        if (oldIsTree || newIsTree)
            walk(store, path + u'/', oldIsTree ? o->id : GitId(), newIsTree ? n->id : GitId(), out);
        TreeFileChange change{path, std::nullopt, std::nullopt};
        if (hasOld && !oldIsTree)
            change.before = GitTreeEntry{o->mode, path, o->id};
        if (hasNew && !newIsTree)
            change.after = GitTreeEntry{n->mode, path, n->id};
        if (change.before || change.after)
            out->append(change);
    }
}

bool sameEntry(const std::optional<GitTreeEntry> &a, const std::optional<GitTreeEntry> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->id == b->id && a->mode == b->mode);
}

bool isRegularFile(const std::optional<GitTreeEntry> &e)
{
    return e && (e->mode == QLatin1String("100644") || e->mode == QLatin1String("100755"));
}

} // namespace

QList<TreeFileChange> diffTrees(const GitStore &store, const GitId &oldTree, const GitId &newTree)
{
    QList<TreeFileChange> changes;
    if (oldTree == newTree)
        return changes;
    walk(store, QString(), oldTree, newTree, &changes);
    std::sort(changes.begin(), changes.end(),
              [](const TreeFileChange &a, const TreeFileChange &b) { return a.path < b.path; });
    return changes;
}

TreeMerge mergeTrees(GitStore &store, const GitId &baseTree, const GitId &oursTree, const GitId &theirsTree)
{
    TreeMerge result;
    if (theirsTree == baseTree || theirsTree == oursTree) {
        result.tree = oursTree;
        return result;
    }
    if (oursTree == baseTree) {
        result.tree = theirsTree;
        return result;
    }
    QHash<QString, TreeFileChange> ours;
    for (const TreeFileChange &c : diffTrees(store, baseTree, oursTree))
        ours.insert(c.path, c);
    QList<GitTreeChange> changes;
    for (const TreeFileChange &theirs : diffTrees(store, baseTree, theirsTree)) {
        const auto mine = ours.constFind(theirs.path);
        if (mine == ours.cend()) {
            GitTreeChange change;
            change.path = theirs.path;
            if (theirs.after) {
                change.mode = theirs.after->mode;
                change.type = theirs.after->type();
                change.id = theirs.after->id;
            }
            changes.append(change);
            continue;
        }
        if (sameEntry(mine->after, theirs.after))
            continue;
        if (!isRegularFile(mine->after) || !isRegularFile(theirs.after) ||
            (theirs.before && !isRegularFile(theirs.before))) {
            result.conflicts.append(theirs.path);
            continue;
        }
        const QByteArray base =
            theirs.before ? store.blob(theirs.before->id).value_or(QByteArray()) : QByteArray();
        const LineMerge merged = mergeLines(base, store.blob(mine->after->id).value_or(QByteArray()),
                                            store.blob(theirs.after->id).value_or(QByteArray()));
        if (!merged.clean()) {
            result.conflicts.append(theirs.path);
            continue;
        }
        GitTreeChange change;
        change.path = theirs.path;
        change.mode = theirs.before && mine->after->mode == theirs.before->mode ? theirs.after->mode
                                                                                : mine->after->mode;
        change.content = merged.text;
        changes.append(change);
    }
    if (!result.conflicts.isEmpty())
        return result;
    QString error;
    result.tree = store.treeWithChanges(oursTree, changes, &error);
    if (result.tree.isEmpty())
        result.error = error;
    return result;
}

} // namespace sandbox
