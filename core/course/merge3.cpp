#include "course/merge3.h"

#include <QHash>
#include <QRegularExpression>
#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace course {

QStringList splitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf(u'\n', start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        lines.append(text.mid(start, end - start));
        start = end;
    }
    return lines;
}

namespace {

// Beyond this many inserted plus deleted lines the diff gives up on minimality
// (the trace would hold D^2 ints: 16 MB at this bound).
constexpr int kMaxEditDistance = 2000;

// Myers' greedy forward algorithm on integer ids, with the whole V trace kept
// for the walk back. The inputs are already trimmed of common head and tail,
// so D stays small for the edits a TA makes.
void myers(const std::vector<int> &a, const std::vector<int> &b, std::vector<char> &aChanged,
           std::vector<char> &bChanged)
{
    const int n = int(a.size());
    const int m = int(b.size());
    if (n == 0 || m == 0) {
        std::fill(aChanged.begin(), aChanged.end(), 1);
        std::fill(bChanged.begin(), bChanged.end(), 1);
        return;
    }
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    // trace[d] holds V for diagonals -d..d as round d found it (D^2 ints in all).
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        if (d > kMaxEditDistance) {
            // Two unrelated texts: the trace would cost D^2 memory. One
            // replacement of the whole middle is a correct (if not minimal) script.
            std::fill(aChanged.begin(), aChanged.end(), 1);
            std::fill(bChanged.begin(), bChanged.end(), 1);
            return;
        }
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)]; // down: an insertion
            else
                x = v[size_t(offset + k - 1)] + 1; // right: a deletion
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    // Walk back through the trace, marking the lines each step skipped.
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &trail = trace[size_t(d)];
        auto pv = [&trail, d](int k) { return trail[size_t(k + d)]; };
        const int k = x - y;
        int prevK;
        if (k == -d || (k != d && pv(k - 1) < pv(k + 1)))
            prevK = k + 1;
        else
            prevK = k - 1;
        const int prevX = pv(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
        }
        if (x == prevX)
            bChanged[size_t(prevY)] = 1; // insertion of b[prevY]
        else
            aChanged[size_t(prevX)] = 1; // deletion of a[prevX]
        x = prevX;
        y = prevY;
    }
}

} // namespace

QList<DiffHunk> diffLines(const QStringList &oldLines, const QStringList &newLines)
{
    const int n = int(oldLines.size());
    const int m = int(newLines.size());
    int head = 0;
    while (head < n && head < m && oldLines[head] == newLines[head])
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && oldLines[n - 1 - tail] == newLines[m - 1 - tail])
        ++tail;

    // Lines as ids, so the inner loop compares ints.
    QHash<QString, int> ids;
    auto idOf = [&ids](const QString &line) {
        auto it = ids.constFind(line);
        if (it != ids.constEnd())
            return *it;
        const int id = int(ids.size());
        ids.insert(line, id);
        return id;
    };
    std::vector<int> a;
    std::vector<int> b;
    a.reserve(size_t(n - head - tail));
    b.reserve(size_t(m - head - tail));
    for (int i = head; i < n - tail; ++i)
        a.push_back(idOf(oldLines[i]));
    for (int i = head; i < m - tail; ++i)
        b.push_back(idOf(newLines[i]));
    std::vector<char> aChanged(a.size(), 0);
    std::vector<char> bChanged(b.size(), 0);
    myers(a, b, aChanged, bChanged);

    // Both change flags walk in step over the equal lines; each run of
    // changes between two equal lines is one hunk.
    QList<DiffHunk> hunks;
    size_t i = 0;
    size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && !aChanged[i] && !bChanged[j]) {
            ++i;
            ++j;
            continue;
        }
        DiffHunk h;
        h.oldStart = head + int(i);
        h.newStart = head + int(j);
        while (i < a.size() && aChanged[i])
            ++i;
        while (j < b.size() && bChanged[j])
            ++j;
        h.oldCount = head + int(i) - h.oldStart;
        h.newCount = head + int(j) - h.newStart;
        hunks.append(h);
    }
    return hunks;
}

const QStringList &MergeChunk::resolved() const
{
    static const QStringList none;
    switch (kind) {
    case Kind::Unchanged:
        return base;
    case Kind::Ours:
    case Kind::Both:
        return ours;
    case Kind::Theirs:
        return theirs;
    case Kind::Conflict:
        break;
    }
    return none;
}

int Merge3Result::conflictCount() const
{
    return int(std::count_if(chunks.cbegin(), chunks.cend(),
                             [](const MergeChunk &c) { return c.kind == MergeChunk::Kind::Conflict; }));
}

QString Merge3Result::text() const
{
    QString out;
    int conflict = 0;
    auto appendSide = [&out](const QStringList &lines) {
        for (const QString &line : lines)
            out += line;
        // A marker must start on its own line even when the side's last line had no newline.
        if (!out.isEmpty() && !out.endsWith(u'\n'))
            out += u'\n';
    };
    for (const MergeChunk &c : chunks) {
        if (c.kind != MergeChunk::Kind::Conflict) {
            for (const QString &line : c.resolved())
                out += line;
            continue;
        }
        ++conflict;
        if (!out.isEmpty() && !out.endsWith(u'\n'))
            out += u'\n';
        out += u"<<<<<<< ours (conflict "_s + QString::number(conflict) + u")\n"_s;
        appendSide(c.ours);
        out += u"=======\n"_s;
        appendSide(c.theirs);
        out += u">>>>>>> theirs (conflict "_s + QString::number(conflict) + u")\n"_s;
    }
    return out;
}

Merge3Result merge3(const QString &baseText, const QString &oursText, const QString &theirsText)
{
    const QStringList base = splitLines(baseText);
    const QStringList ours = splitLines(oursText);
    const QStringList theirs = splitLines(theirsText);
    const QList<DiffHunk> ho = diffLines(base, ours);
    const QList<DiffHunk> ht = diffLines(base, theirs);

    Merge3Result result;
    int basePos = 0;   // base lines before this are emitted
    int deltaOurs = 0; // ours line = base line + delta, outside ours' hunks
    int deltaTheirs = 0;
    qsizetype io = 0;
    qsizetype it = 0;
    auto emitUnchanged = [&](int upTo) {
        if (upTo <= basePos)
            return;
        MergeChunk c;
        c.kind = MergeChunk::Kind::Unchanged;
        c.base = base.mid(basePos, upTo - basePos);
        c.ours = c.base;
        c.theirs = c.base;
        c.baseLine = basePos;
        c.oursLine = basePos + deltaOurs;
        c.theirsLine = basePos + deltaTheirs;
        result.chunks.append(std::move(c));
        basePos = upTo;
    };

    while (io < ho.size() || it < ht.size()) {
        // The region starts at the earliest hunk and grows while a hunk of
        // either side overlaps or touches it.
        int start;
        if (it >= ht.size() || (io < ho.size() && ho[io].oldStart <= ht[it].oldStart))
            start = ho[io].oldStart;
        else
            start = ht[it].oldStart;
        int end = start;
        const qsizetype firstO = io;
        const qsizetype firstT = it;
        bool grew = true;
        while (grew) {
            grew = false;
            if (io < ho.size() && ho[io].oldStart <= end) {
                end = std::max(end, ho[io].oldStart + ho[io].oldCount);
                ++io;
                grew = true;
            }
            if (it < ht.size() && ht[it].oldStart <= end) {
                end = std::max(end, ht[it].oldStart + ht[it].oldCount);
                ++it;
                grew = true;
            }
        }
        emitUnchanged(start);

        // Each side's lines for base[start, end): the side's offset before the
        // region, plus what its hunks in the region added or removed.
        auto sideRange = [&](const QList<DiffHunk> &hunks, qsizetype first, qsizetype last, int &delta,
                             int &from, int &to) {
            from = start + delta;
            for (qsizetype h = first; h < last; ++h)
                delta += hunks[h].newCount - hunks[h].oldCount;
            to = end + delta;
        };
        int oFrom, oTo, tFrom, tTo;
        sideRange(ho, firstO, io, deltaOurs, oFrom, oTo);
        sideRange(ht, firstT, it, deltaTheirs, tFrom, tTo);

        MergeChunk c;
        c.base = base.mid(start, end - start);
        c.ours = ours.mid(oFrom, oTo - oFrom);
        c.theirs = theirs.mid(tFrom, tTo - tFrom);
        c.baseLine = start;
        c.oursLine = oFrom;
        c.theirsLine = tFrom;
        const bool oursChanged = io > firstO;
        const bool theirsChanged = it > firstT;
        if (oursChanged && !theirsChanged)
            c.kind = MergeChunk::Kind::Ours;
        else if (theirsChanged && !oursChanged)
            c.kind = MergeChunk::Kind::Theirs;
        else if (c.ours == c.theirs)
            c.kind = MergeChunk::Kind::Both;
        else
            c.kind = MergeChunk::Kind::Conflict;
        result.chunks.append(std::move(c));
        basePos = end;
    }
    emitUnchanged(int(base.size()));
    return result;
}

QList<ConflictBlock> findConflictBlocks(const QStringList &lines)
{
    static const QRegularExpression number(u"\\(conflict (\\d+)\\)"_s);
    QList<ConflictBlock> blocks;
    ConflictBlock open;
    enum { Outside, InOurs, InTheirs } state = Outside;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (line.startsWith(u"<<<<<<<"_s)) {
            open = ConflictBlock{};
            open.startLine = i;
            const auto m = number.match(line);
            open.number = m.hasMatch() ? m.captured(1).toInt() : 0;
            state = InOurs;
        } else if (state == InOurs &&
                   (line == u"=======\n"_s || line == u"=======\r\n"_s || line == u"======="_s)) {
            open.middleLine = i;
            state = InTheirs;
        } else if (state == InTheirs && line.startsWith(u">>>>>>>"_s)) {
            open.endLine = i;
            blocks.append(open);
            state = Outside;
        }
    }
    return blocks;
}

QStringList resolveConflictBlock(const QStringList &lines, const ConflictBlock &block, ConflictPick pick)
{
    const QStringList oursPart = lines.mid(block.startLine + 1, block.middleLine - block.startLine - 1);
    const QStringList theirsPart = lines.mid(block.middleLine + 1, block.endLine - block.middleLine - 1);
    QStringList chosen;
    switch (pick) {
    case ConflictPick::Ours:
        chosen = oursPart;
        break;
    case ConflictPick::Theirs:
        chosen = theirsPart;
        break;
    case ConflictPick::OursThenTheirs:
        chosen = oursPart + theirsPart;
        break;
    case ConflictPick::TheirsThenOurs:
        chosen = theirsPart + oursPart;
        break;
    }
    QStringList out = lines.mid(0, block.startLine);
    out += chosen;
    out += lines.mid(block.endLine + 1);
    return out;
}

} // namespace course
