#pragma once

#include <QByteArray>
#include <QList>

namespace sandbox {

// Lines as git sees them: each keeps its '\n'; a last line without one stays
// without, so "a" and "a\n" differ.
QList<QByteArray> splitLines(const QByteArray &text);

// Git's own test: a NUL in the first 8000 bytes makes a file binary.
bool looksBinary(const QByteArray &content);

// One replaced region: `oldCount` lines at `oldStart` became `newCount` lines
// at `newStart` (0-based). Hunks come in order and never touch each other.
struct LineHunk
{
    qsizetype oldStart = 0;
    qsizetype oldCount = 0;
    qsizetype newStart = 0;
    qsizetype newCount = 0;
};

// A shortest edit script (Myers), from which the hunks are read. Past a few
// thousand differences the middle is taken as one replaced block, as a diff
// that large is not read line by line anyway.
QList<LineHunk> diffLines(const QList<QByteArray> &oldLines, const QList<QByteArray> &newLines);

struct UnifiedPatch
{
    QByteArray
        text; // "@@ -1,3 +1,4 @@\n ..." without file headers and without a final newline, as GitHub's `patch`
    int additions = 0;
    int deletions = 0;
};

UnifiedPatch unifiedPatch(const QByteArray &oldText, const QByteArray &newText, int context = 3);

// Line-based three-way merge (diff3 rules: changes from both sides that
// overlap or touch conflict unless they are the same change). Conflicting
// regions are written with git's markers so a person can resolve them.
struct LineMerge
{
    QByteArray text;
    int conflicts = 0;
    bool clean() const { return conflicts == 0; }
};

LineMerge mergeLines(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs,
                     const QByteArray &oursLabel = "ours", const QByteArray &theirsLabel = "theirs");

} // namespace sandbox
