#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

class QTimer;

namespace course {

// One unsaved buffer as the journal keeps it.
struct JournaledBuffer
{
    QString path;                      // the file's path in the repository
    QByteArray baseCommit;             // the commit the buffer was opened at
    std::optional<QByteArray> content; // nullopt: the TA deleted the file
    bool isNew = false;                // the file is not in the repository at baseCommit
    QDateTime savedAt;                 // UTC, when this version reached the disk
};

// The journal of a code window's unsaved buffers, so that a crash, a closed
// laptop or a failed commit loses nothing. Each buffer is one small JSON file
// under <root>/<repository>/, written atomically (QSaveFile: the old version
// or the new one, never half of either) about 300 ms after the last change,
// and removed once the change is committed or discarded.
class BufferJournal : public QObject
{
    Q_OBJECT

public:
    // `repository` ("course/alice") names the folder; `root` empty: defaultRoot().
    explicit BufferJournal(const QString &repository, const QString &root = {}, QObject *parent = nullptr);
    ~BufferJournal() override; // writes what is still pending

    // <AppDataLocation>/journal
    static QString defaultRoot();
    QString directory() const { return m_dir; }

    void setDebounce(int ms) { m_debounceMs = ms; }

    // A buffer changed; written after the debounce (an entry for the same path replaces the pending one).
    void record(const JournaledBuffer &entry);
    // The buffer is back to what the repository holds: drop it from the journal.
    void forget(const QString &path);
    // Writes every pending entry now. False with *error (cause and fix) when one could not be written.
    bool flush(QString *error = nullptr);
    // Removes every entry (after a successful commit, or when the TA discards).
    void clear();

    // What the journal holds on disk, sorted by path. Unreadable files are
    // skipped and counted in *skipped.
    QList<JournaledBuffer> entries(int *skipped = nullptr) const;
    bool isEmpty() const;

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // Entries reached the disk.
    void written(const QStringList &paths);
    // An entry could not be written: the message says why and what to do.
    void writeFailed(const QString &message);

private:
    QString fileFor(const QString &path) const;

    QString m_dir;
    int m_debounceMs = 300;
    QTimer *m_timer = nullptr;
    QHash<QString, JournaledBuffer> m_pending;
    QString m_lastError;
};

} // namespace course
