#pragma once

#include "kube/logstream.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QList>
#include <vector>

// One container's log as rows, held compactly: every line's UTF-8 text in one
// buffer (each followed by '\n', so a search never matches across lines), an
// offset and a kubelet timestamp per line. When more than maxLines() are held
// the oldest go, ring-style (the buffer is compacted once half of it is dead),
// so memory stays bounded however long a log is followed. Lines come in
// batches, one beginInsertRows per batch.
class LogModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TextRole = Qt::UserRole + 1, // the line without its timestamp
        TimestampRole,               // epoch nanoseconds (qint64); 0 when the line had none
    };

    static constexpr qsizetype DefaultMaxLines = 200'000;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Lines as LogStream delivers them.
    void append(const QList<kube::LogLine> &lines);
    // Raw log text, one line per '\n' (a last line without one is kept too).
    // With `timestamps`, each line's RFC 3339 prefix and its space are parsed
    // into the line's timestamp, as the API writes them with timestamps=true.
    void appendText(QByteArrayView text, bool timestamps);
    void clear();

    qsizetype maxLines() const { return m_maxLines; }
    void setMaxLines(qsizetype lines);
    qsizetype lineCount() const { return qsizetype(m_offsets.size()) - m_first; }
    // Lines dropped from the front since the last clear() to stay within maxLines().
    qint64 droppedLines() const { return m_dropped; }
    // Bytes held for the lines (text buffer, offsets, timestamps), capacity included.
    qint64 memoryBytes() const;

    bool showTimestamps() const { return m_showTimestamps; }
    void setShowTimestamps(bool show);

    // The line's text (UTF-8, without timestamp or newline); row in [0, lineCount()).
    QByteArrayView lineBytes(qsizetype row) const;
    QString lineText(qsizetype row) const { return QString::fromUtf8(lineBytes(row)); }
    qint64 lineTime(qsizetype row) const { return m_times[size_t(m_first + row)]; }
    // What the view shows: the line, after its timestamp when those are shown.
    QString displayText(qsizetype row) const;
    // The longest line held, in bytes (for the view's width without wrapping).
    qsizetype longestLine() const { return m_longest; }

    // Rows from `fromRow` on whose text contains `needle` (ASCII letters match
    // either case unless `cs` is CaseSensitive). Scans the buffer, not QStrings.
    QList<int> search(const QString &needle, Qt::CaseSensitivity cs = Qt::CaseInsensitive,
                      int fromRow = 0) const;

    // "2026-11-26T01:02:03.123456789Z", the form the kubelet writes.
    static QString formatTimestamp(qint64 ns);

Q_SIGNALS:
    // `count` rows were dropped from the front to make room (after rowsRemoved).
    void linesDropped(int count);

private:
    struct Pending
    {
        QByteArray bytes; // lines, each followed by '\n'
        std::vector<qint64> starts;
        std::vector<qint64> times;
    };
    void commit(Pending &pending);
    void dropFront(qsizetype count);
    void compact();

    QByteArray m_data;             // every held line, each followed by '\n'
    std::vector<qint64> m_offsets; // start of each line in m_data; [m_first, size) are held
    std::vector<qint64> m_times;   // timestamp of each line (parallel to m_offsets)
    qsizetype m_first = 0;         // the oldest held line
    qsizetype m_maxLines = DefaultMaxLines;
    qsizetype m_longest = 0;
    qint64 m_dropped = 0;
    bool m_showTimestamps = false;
};
