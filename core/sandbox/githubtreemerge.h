#pragma once

#include "sandbox/gitstore.h"

#include <QStringList>
#include <optional>

namespace sandbox {

// One path whose file differs between two trees (directories are walked, not listed).
struct TreeFileChange
{
    QString path;
    std::optional<GitTreeEntry> before; // name holds the full path
    std::optional<GitTreeEntry> after;
};

// Changed files between two trees in path order; an empty id stands for the
// empty tree. Subtrees with equal ids are skipped without being read.
QList<TreeFileChange> diffTrees(const GitStore &store, const GitId &oldTree, const GitId &newTree);

// Three-way merge of trees: a path changed on one side takes that side; changed
// on both, text files are merged line by line (mergeLines); anything else
// that differs is a conflict. On conflicts no tree is written.
struct TreeMerge
{
    GitId tree;
    QStringList conflicts; // paths
    QString error;         // the store refused a tree (a file/directory clash counts as a conflict)
    bool clean() const { return conflicts.isEmpty() && error.isEmpty() && !tree.isEmpty(); }
};

TreeMerge mergeTrees(GitStore &store, const GitId &baseTree, const GitId &oursTree, const GitId &theirsTree);

} // namespace sandbox
