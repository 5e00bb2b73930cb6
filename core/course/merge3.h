#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace course {

// Text as lines, each keeping its line terminator ("\n", "\r\n"); the last line
// has none when the text does not end with a newline. Joining the lines gives
// the text back exactly, so a merge never changes line endings.
QStringList splitLines(const QString &text);

// One region where two line lists differ: old[oldStart, oldStart + oldCount)
// became new[newStart, newStart + newCount). A count of 0 is a pure insertion
// (old side) or deletion (new side). Hunks come in order, never touch each
// other (at least one equal line between two), and are as small as the
// shortest edit script allows.
struct DiffHunk
{
    int oldStart = 0;
    int oldCount = 0;
    int newStart = 0;
    int newCount = 0;

    friend bool operator==(const DiffHunk &, const DiffHunk &) = default;
};

// Myers' O((N+M)D) shortest edit script between two line lists, after the
// common head and tail are taken off.
QList<DiffHunk> diffLines(const QStringList &oldLines, const QStringList &newLines);

// A piece of a three-way merge, in base order.
struct MergeChunk
{
    enum class Kind : quint8 {
        Unchanged, // nobody changed these base lines
        Ours,      // only ours changed them: take ours
        Theirs,    // only theirs changed them: take theirs
        Both,      // both made the same change
        Conflict,  // both changed the same (or touching) lines differently
    };
    Kind kind = Kind::Unchanged;
    QStringList base;
    QStringList ours;
    QStringList theirs;
    // Where the chunk starts in each version (0-based line numbers).
    int baseLine = 0;
    int oursLine = 0;
    int theirsLine = 0;

    // The lines a clean chunk contributes to the result (empty for a conflict).
    const QStringList &resolved() const;
};

// The result of merge3(): the chunks in order.
struct Merge3Result
{
    QList<MergeChunk> chunks;

    int conflictCount() const;
    bool isClean() const { return conflictCount() == 0; }

    // The merged text. Conflicts are written between git's markers:
    //   <<<<<<< ours (conflict N)
    //   ...ours...
    //   =======
    //   ...theirs...
    //   >>>>>>> theirs (conflict N)
    // N counts from 1. Without conflicts this is the clean merge.
    QString text() const;
};

// Line-based three-way merge. Changes each side made to the base are taken
// when they do not overlap; changes to the same or to touching base lines
// (git's rule: an edit right next to another edit conflicts) are a conflict
// unless both sides made the identical change.
Merge3Result merge3(const QString &base, const QString &ours, const QString &theirs);

// The conflict-marker blocks still in a text that merge3().text() produced
// (the user may have resolved some by hand).
struct ConflictBlock
{
    int startLine = 0;  // the "<<<<<<<" line
    int middleLine = 0; // the "=======" line
    int endLine = 0;    // the ">>>>>>>" line
    int number = 0;     // N from "(conflict N)", 0 when the label was edited away
};
QList<ConflictBlock> findConflictBlocks(const QStringList &lines);

enum class ConflictPick : quint8 { Ours, Theirs, OursThenTheirs, TheirsThenOurs };
// `lines` with the block replaced by the chosen side(s). The block must be one
// findConflictBlocks() returned for these lines.
QStringList resolveConflictBlock(const QStringList &lines, const ConflictBlock &block, ConflictPick pick);

} // namespace course
