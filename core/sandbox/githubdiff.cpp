#include "sandbox/githubdiff.h"

#include <QHash>
#include <algorithm>
#include <vector>

namespace sandbox {

namespace {

// Beyond this many differences the middle is one replaced block: the trace
// Myers keeps grows with the square of the distance.
constexpr int kMaxEditDistance = 2000;

// Lines replaced by small integers, so the inner loop compares ints.
void intern(const QList<QByteArray> &a, const QList<QByteArray> &b, std::vector<int> *ia,
            std::vector<int> *ib)
{
    QHash<QByteArray, int> ids;
    ids.reserve(a.size() + b.size());
    const auto idOf = [&ids](const QByteArray &line) {
        auto it = ids.constFind(line);
        if (it != ids.cend())
            return *it;
        const int id = int(ids.size());
        ids.insert(line, id);
        return id;
    };
    ia->reserve(size_t(a.size()));
    ib->reserve(size_t(b.size()));
    for (const QByteArray &l : a)
        ia->push_back(idOf(l));
    for (const QByteArray &l : b)
        ib->push_back(idOf(l));
}

// Matched (old, new) index pairs of a shortest edit script over a[lo..] and b[lo..],
// appended in increasing order; false when the distance is beyond the cap.
bool myersMatches(const int *a, int n, const int *b, int m, std::vector<std::pair<int, int>> *matches)
{
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(size_t(2 * max + 3), 0);
    std::vector<std::vector<int>> trace; // trace[d][k + d]: furthest x on diagonal k after step d
    int found = -1;
    for (int d = 0; d <= max && d <= kMaxEditDistance; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                x = v[size_t(offset + k + 1)];
            else
                x = v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
        }
        std::vector<int> slice(size_t(2 * d + 1));
        for (int k = -d; k <= d; ++k)
            slice[size_t(k + d)] = v[size_t(offset + k)];
        trace.push_back(std::move(slice));
        if (v[size_t(offset + n - m)] >= n && n - m >= -d && n - m <= d && ((n - m + d) % 2 == 0)) {
            found = d;
            break;
        }
    }
    if (found < 0)
        return false;

    std::vector<std::pair<int, int>> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &prev = trace[size_t(d - 1)];
        const auto at = [&](int k) { return prev[size_t(k + d - 1)]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = at(prevK);
        const int prevY = prevX - prevK;
        const int midX = down ? prevX : prevX + 1;
        while (x > midX) {
            reversed.emplace_back(x - 1, y - 1);
            --x;
            --y;
        }
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        reversed.emplace_back(x - 1, y - 1);
        --x;
        --y;
    }
    matches->insert(matches->end(), reversed.rbegin(), reversed.rend());
    return true;
}

QByteArray rangeText(qsizetype start, qsizetype count)
{
    if (count == 0)
        return QByteArray::number(start) + ",0";
    if (count == 1)
        return QByteArray::number(start + 1);
    return QByteArray::number(start + 1) + ',' + QByteArray::number(count);
}

void appendPatchLine(QByteArray *out, char prefix, const QByteArray &line)
{
    if (!out->isEmpty())
        out->append('\n');
    out->append(prefix);
    if (line.endsWith('\n')) {
        out->append(line.constData(), line.size() - 1);
    } else {
        out->append(line);
        out->append("\n\\ No newline at end of file");
    }
}

void appendLines(QByteArray *out, const QList<QByteArray> &lines, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i)
        out->append(lines.at(i));
}

} // namespace

QList<QByteArray> splitLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype nl = text.indexOf('\n', start);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        lines.append(text.mid(start, end - start));
        start = end;
    }
    return lines;
}

bool looksBinary(const QByteArray &content)
{
    return QByteArrayView(content).first(std::min<qsizetype>(content.size(), 8000)).contains('\0');
}

QList<LineHunk> diffLines(const QList<QByteArray> &oldLines, const QList<QByteArray> &newLines)
{
    std::vector<int> a;
    std::vector<int> b;
    intern(oldLines, newLines, &a, &b);
    int n = int(a.size());
    int m = int(b.size());
    int prefix = 0;
    while (prefix < n && prefix < m && a[size_t(prefix)] == b[size_t(prefix)])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix &&
           a[size_t(n - 1 - suffix)] == b[size_t(m - 1 - suffix)])
        ++suffix;

    std::vector<std::pair<int, int>> matches;
    for (int i = 0; i < prefix; ++i)
        matches.emplace_back(i, i);
    const int midN = n - prefix - suffix;
    const int midM = m - prefix - suffix;
    std::vector<std::pair<int, int>> middle;
    if (midN > 0 && midM > 0 && myersMatches(a.data() + prefix, midN, b.data() + prefix, midM, &middle)) {
        for (const auto &[i, j] : middle)
            matches.emplace_back(i + prefix, j + prefix);
    }
    for (int i = 0; i < suffix; ++i)
        matches.emplace_back(n - suffix + i, m - suffix + i);
    matches.emplace_back(n, m); // sentinel: closes a trailing hunk

    QList<LineHunk> hunks;
    int oi = 0;
    int ni = 0;
    for (const auto &[i, j] : matches) {
        if (i > oi || j > ni)
            hunks.append(LineHunk{oi, i - oi, ni, j - ni});
        oi = i + 1;
        ni = j + 1;
    }
    return hunks;
}

UnifiedPatch unifiedPatch(const QByteArray &oldText, const QByteArray &newText, int context)
{
    const QList<QByteArray> oldLines = splitLines(oldText);
    const QList<QByteArray> newLines = splitLines(newText);
    const QList<LineHunk> hunks = diffLines(oldLines, newLines);
    UnifiedPatch patch;
    qsizetype delta = 0; // new index minus old index before the current group
    for (qsizetype first = 0; first < hunks.size();) {
        qsizetype last = first;
        while (last + 1 < hunks.size() &&
               hunks.at(last + 1).oldStart - (hunks.at(last).oldStart + hunks.at(last).oldCount) <=
                   2 * context)
            ++last;
        const qsizetype start = std::max<qsizetype>(0, hunks.at(first).oldStart - context);
        const qsizetype end =
            std::min<qsizetype>(oldLines.size(), hunks.at(last).oldStart + hunks.at(last).oldCount + context);
        qsizetype groupDelta = 0;
        for (qsizetype h = first; h <= last; ++h)
            groupDelta += hunks.at(h).newCount - hunks.at(h).oldCount;
        const qsizetype oldCount = end - start;
        const qsizetype newCount = oldCount + groupDelta;
        QByteArray header =
            "@@ -" + rangeText(start, oldCount) + " +" + rangeText(start + delta, newCount) + " @@";
        if (!patch.text.isEmpty())
            patch.text.append('\n');
        patch.text.append(header);
        QByteArray body;
        qsizetype pos = start;
        for (qsizetype h = first; h <= last; ++h) {
            const LineHunk &hunk = hunks.at(h);
            for (; pos < hunk.oldStart; ++pos)
                appendPatchLine(&body, ' ', oldLines.at(pos));
            for (qsizetype i = 0; i < hunk.oldCount; ++i)
                appendPatchLine(&body, '-', oldLines.at(hunk.oldStart + i));
            for (qsizetype i = 0; i < hunk.newCount; ++i)
                appendPatchLine(&body, '+', newLines.at(hunk.newStart + i));
            patch.deletions += int(hunk.oldCount);
            patch.additions += int(hunk.newCount);
            pos = hunk.oldStart + hunk.oldCount;
        }
        for (; pos < end; ++pos)
            appendPatchLine(&body, ' ', oldLines.at(pos));
        patch.text.append('\n');
        patch.text.append(body);
        delta += groupDelta;
        first = last + 1;
    }
    return patch;
}

LineMerge mergeLines(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs,
                     const QByteArray &oursLabel, const QByteArray &theirsLabel)
{
    LineMerge merge;
    if (ours == theirs) {
        merge.text = ours;
        return merge;
    }
    if (base == ours) {
        merge.text = theirs;
        return merge;
    }
    if (base == theirs) {
        merge.text = ours;
        return merge;
    }
    if (looksBinary(base) || looksBinary(ours) || looksBinary(theirs)) {
        merge.text = ours;
        merge.conflicts = 1;
        return merge;
    }
    const QList<QByteArray> baseLines = splitLines(base);
    const QList<QByteArray> ourLines = splitLines(ours);
    const QList<QByteArray> theirLines = splitLines(theirs);
    const QList<LineHunk> ourHunks = diffLines(baseLines, ourLines);
    const QList<LineHunk> theirHunks = diffLines(baseLines, theirLines);

    qsizetype oi = 0;
    qsizetype ti = 0;
    qsizetype ourDelta = 0;
    qsizetype theirDelta = 0;
    qsizetype pos = 0;
    while (oi < ourHunks.size() || ti < theirHunks.size()) {
        // A group starts at the earliest hunk and takes in every hunk of either
        // side that overlaps or touches it, until it stops growing.
        qsizetype groupStart;
        qsizetype groupEnd;
        if (ti >= theirHunks.size() ||
            (oi < ourHunks.size() && ourHunks.at(oi).oldStart <= theirHunks.at(ti).oldStart)) {
            groupStart = ourHunks.at(oi).oldStart;
            groupEnd = groupStart + ourHunks.at(oi).oldCount;
        } else {
            groupStart = theirHunks.at(ti).oldStart;
            groupEnd = groupStart + theirHunks.at(ti).oldCount;
        }
        qsizetype oEnd = oi;
        qsizetype tEnd = ti;
        qsizetype ourGroupDelta = 0;
        qsizetype theirGroupDelta = 0;
        for (bool grew = true; grew;) {
            grew = false;
            while (oEnd < ourHunks.size() && ourHunks.at(oEnd).oldStart <= groupEnd) {
                const LineHunk &h = ourHunks.at(oEnd);
                groupEnd = std::max(groupEnd, h.oldStart + h.oldCount);
                ourGroupDelta += h.newCount - h.oldCount;
                ++oEnd;
                grew = true;
            }
            while (tEnd < theirHunks.size() && theirHunks.at(tEnd).oldStart <= groupEnd) {
                const LineHunk &h = theirHunks.at(tEnd);
                groupEnd = std::max(groupEnd, h.oldStart + h.oldCount);
                theirGroupDelta += h.newCount - h.oldCount;
                ++tEnd;
                grew = true;
            }
        }
        appendLines(&merge.text, baseLines, pos, groupStart);
        const qsizetype ourFrom = groupStart + ourDelta;
        const qsizetype ourTo = groupEnd + ourDelta + ourGroupDelta;
        const qsizetype theirFrom = groupStart + theirDelta;
        const qsizetype theirTo = groupEnd + theirDelta + theirGroupDelta;
        const bool oursChanged = oEnd > oi;
        const bool theirsChanged = tEnd > ti;
        const QList<QByteArray> ourPart = ourLines.mid(ourFrom, ourTo - ourFrom);
        const QList<QByteArray> theirPart = theirLines.mid(theirFrom, theirTo - theirFrom);
        if (!theirsChanged || (oursChanged && ourPart == theirPart)) {
            appendLines(&merge.text, ourPart, 0, ourPart.size());
        } else if (!oursChanged) {
            appendLines(&merge.text, theirPart, 0, theirPart.size());
        } else {
            ++merge.conflicts;
            const auto side = [&merge](const QList<QByteArray> &part) {
                appendLines(&merge.text, part, 0, part.size());
                if (!part.isEmpty() && !part.last().endsWith('\n'))
                    merge.text.append('\n');
            };
            merge.text.append("<<<<<<< " + oursLabel + '\n');
            side(ourPart);
            merge.text.append("=======\n");
            side(theirPart);
            merge.text.append(">>>>>>> " + theirsLabel + '\n');
        }
        ourDelta += ourGroupDelta;
        theirDelta += theirGroupDelta;
        oi = oEnd;
        ti = tEnd;
        pos = groupEnd;
    }
    appendLines(&merge.text, baseLines, pos, baseLines.size());
    return merge;
}

} // namespace sandbox
