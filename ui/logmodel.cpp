#include "logmodel.h"

#include "course/stacktrace.h"

#include <QDateTime>
#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c;
}

constexpr bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether `hay` (at least needle.size() bytes) starts with the needle.
inline bool matchesAt(const char *hay, QByteArrayView needle, bool foldCase)
{
    if (!foldCase)
        return std::memcmp(hay, needle.data(), size_t(needle.size())) == 0;
    for (qsizetype j = 0; j < needle.size(); ++j) {
        if (asciiLower(hay[j]) != needle[j])
            return false;
    }
    return true;
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(lineCount());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row());
    case TextRole:
        return lineText(index.row());
    case TimestampRole:
        return lineTime(index.row());
    case Qt::ToolTipRole: {
        const course::SourceLocation loc = course::sourceLocationIn(lineText(index.row()));
        if (!loc.isValid())
            return {};
        return tr("Double-click to open %1 at line %2 in the student's code").arg(loc.path).arg(loc.line);
    }
    default:
        return {};
    }
}

QByteArrayView LogModel::lineBytes(qsizetype row) const
{
    const size_t i = size_t(m_first + row);
    const qint64 start = m_offsets[i];
    const qint64 end = i + 1 < m_offsets.size() ? m_offsets[i + 1] : m_data.size();
    return QByteArrayView(m_data.constData() + start, end - start - 1); // without its '\n'
}

QString LogModel::displayText(qsizetype row) const
{
    const qint64 ns = lineTime(row);
    if (m_showTimestamps && ns != 0)
        return formatTimestamp(ns) + u' ' + lineText(row);
    return lineText(row);
}

QString LogModel::formatTimestamp(qint64 ns)
{
    qint64 seconds = ns / 1'000'000'000LL;
    qint64 nanos = ns % 1'000'000'000LL;
    if (nanos < 0) {
        nanos += 1'000'000'000LL;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(u"yyyy-MM-ddThh:mm:ss"_s) + u'.' +
           QString::number(nanos).rightJustified(9, u'0') + u'Z';
}

qint64 LogModel::memoryBytes() const
{
    return m_data.capacity() + qint64(m_offsets.capacity() * sizeof(qint64)) +
           qint64(m_times.capacity() * sizeof(qint64));
}

void LogModel::append(const QList<kube::LogLine> &lines)
{
    if (lines.isEmpty())
        return;
    Pending pending;
    pending.times.reserve(size_t(lines.size()));
    pending.starts.reserve(size_t(lines.size()));
    for (const kube::LogLine &line : lines) {
        pending.starts.push_back(pending.bytes.size());
        QByteArray text = line.text.toUtf8();
        if (text.endsWith('\r'))
            text.chop(1);
        text.replace('\n', ' '); // one row per line, whatever the stream did
        pending.bytes += text;
        pending.bytes += '\n';
        pending.times.push_back(line.timeNs);
    }
    commit(pending);
}

void LogModel::appendText(QByteArrayView text, bool timestamps)
{
    if (text.isEmpty())
        return;
    Pending pending;
    pending.bytes.reserve(text.size() + 1);
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype newline = text.indexOf('\n', pos);
        if (newline < 0)
            newline = text.size();
        QByteArrayView line = text.sliced(pos, newline - pos);
        pos = newline + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        qint64 ns = 0;
        if (timestamps) {
            const qsizetype space = line.indexOf(' ');
            if (space > 0 && (ns = kube::LogStream::parseTimestamp(line.first(space))) != 0)
                line = line.sliced(space + 1);
        }
        pending.starts.push_back(pending.bytes.size());
        pending.bytes.append(line.data(), line.size());
        pending.bytes += '\n';
        pending.times.push_back(ns);
    }
    commit(pending);
}

void LogModel::commit(Pending &pending)
{
    const qsizetype count = qsizetype(pending.times.size());
    if (count == 0)
        return;
    // A batch larger than the bound keeps only its newest lines.
    const qsizetype skip = std::max<qsizetype>(0, count - m_maxLines);
    const qsizetype keep = count - skip;
    const qsizetype overflow = lineCount() + keep - m_maxLines;
    if (overflow > 0)
        dropFront(overflow);
    if (skip > 0) {
        m_dropped += skip;
        Q_EMIT linesDropped(int(skip));
    }

    const qint64 from = pending.starts[size_t(skip)];
    const qint64 base = m_data.size() - from;
    const qsizetype first = lineCount();
    beginInsertRows({}, int(first), int(first + keep - 1));
    m_data.append(pending.bytes.constData() + from, pending.bytes.size() - from);
    m_offsets.reserve(m_offsets.size() + size_t(keep));
    m_times.reserve(m_times.size() + size_t(keep));
    for (qsizetype i = skip; i < count; ++i) {
        const qint64 start = pending.starts[size_t(i)];
        const qint64 end = i + 1 < count ? pending.starts[size_t(i + 1)] : pending.bytes.size();
        m_longest = std::max<qsizetype>(m_longest, end - start - 1);
        m_offsets.push_back(base + start);
        m_times.push_back(pending.times[size_t(i)]);
    }
    endInsertRows();
}

void LogModel::dropFront(qsizetype count)
{
    count = std::min(count, lineCount());
    if (count <= 0)
        return;
    beginRemoveRows({}, 0, int(count - 1));
    m_first += count;
    m_dropped += count;
    if (m_first > 4096 && m_first * 2 > qsizetype(m_offsets.size()))
        compact();
    endRemoveRows();
    Q_EMIT linesDropped(int(count));
}

void LogModel::compact()
{
    if (m_first == 0)
        return;
    const qint64 byteStart = size_t(m_first) < m_offsets.size() ? m_offsets[size_t(m_first)] : m_data.size();
    m_data.remove(0, byteStart);
    m_offsets.erase(m_offsets.begin(), m_offsets.begin() + m_first);
    m_times.erase(m_times.begin(), m_times.begin() + m_first);
    for (qint64 &o : m_offsets)
        o -= byteStart;
    m_first = 0;
}

void LogModel::clear()
{
    beginResetModel();
    m_data = QByteArray();
    m_offsets = {};
    m_times = {};
    m_first = 0;
    m_longest = 0;
    m_dropped = 0;
    endResetModel();
}

void LogModel::setMaxLines(qsizetype lines)
{
    m_maxLines = std::max<qsizetype>(1, lines);
    if (lineCount() > m_maxLines)
        dropFront(lineCount() - m_maxLines);
}

void LogModel::setShowTimestamps(bool show)
{
    if (m_showTimestamps == show)
        return;
    m_showTimestamps = show;
    if (lineCount() > 0)
        Q_EMIT dataChanged(index(0), index(int(lineCount() - 1)), {Qt::DisplayRole});
}

QList<int> LogModel::search(const QString &needleText, Qt::CaseSensitivity cs, int fromRow) const
{
    QList<int> rows;
    QByteArray needle = needleText.toUtf8();
    needle.replace('\n', ' ');
    if (needle.isEmpty() || fromRow >= lineCount())
        return rows;
    const bool fold = cs == Qt::CaseInsensitive;
    if (fold) {
        for (char &c : needle)
            c = asciiLower(c);
    }
    const qsizetype k = needle.size();
    const char *data = m_data.constData();
    const qint64 end = m_data.size();
    size_t line = size_t(m_first + std::max(0, fromRow));
    qint64 i = m_offsets[line];
    const size_t lines = m_offsets.size();

    // A match at `pos`: note its row, then go on from the start of the next line.
    auto found = [&](qint64 pos) {
        while (line + 1 < lines && m_offsets[line + 1] <= pos)
            ++line;
        rows.append(int(qsizetype(line) - m_first));
        i = line + 1 < lines ? m_offsets[line + 1] : end;
        ++line;
    };

#if defined(__SSE2__)
    // Candidates where the first and the last byte of the needle match, sixteen
    // positions at a time (letters folded with | 0x20, then checked exactly).
    const char firstByte = needle.front();
    const char lastByte = needle.back();
    const __m128i first = _mm_set1_epi8(firstByte);
    const __m128i last = _mm_set1_epi8(lastByte);
    const __m128i foldFirst = _mm_set1_epi8(fold && isAsciiLetter(firstByte) ? 0x20 : 0);
    const __m128i foldLast = _mm_set1_epi8(fold && isAsciiLetter(lastByte) ? 0x20 : 0);
    while (i + k - 1 + 16 <= end) {
        const __m128i a =
            _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i)), foldFirst);
        const __m128i b =
            _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i + k - 1)), foldLast);
        unsigned mask =
            unsigned(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
        bool matched = false;
        while (mask != 0) {
            const int bit = __builtin_ctz(mask);
            mask &= mask - 1;
            if (matchesAt(data + i + bit, needle, fold)) {
                found(i + bit);
                matched = true;
                break;
            }
        }
        if (!matched)
            i += 16;
    }
#endif
    for (; i + k <= end;) {
        if (matchesAt(data + i, needle, fold))
            found(i);
        else
            ++i;
    }
    return rows;
}
