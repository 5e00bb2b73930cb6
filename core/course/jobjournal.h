#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace course {

// What happened to one target (a student) in one step of a job.
struct JournalEntry
{
    QDateTime when;
    QString target;
    QString step;
    enum class State : quint8 { Done, Skipped, Failed } state = State::Done;
    QString detail; // what was made ("repo webapps101/ana"), or why it failed
};

// The on-disk record of a fleet job (seed, deploy, redeploy, template sync):
// what it was asked to do, and one line per finished step, appended and
// flushed to disk before the job goes on. A job that crashed, was killed or
// was paused resumes from it and never does a finished step twice.
//
// Layout: <dir>/job.json (kind, parameters, targets, created) and
// <dir>/journal.jsonl (one JSON object per line). A torn last line (the
// process died mid-write) is ignored.
class JobJournal
{
public:
    // Opens an existing journal in `dir`, or returns false with *error.
    bool open(const QString &dir, QString *error);
    // Creates a new journal in `dir` (which must not hold one yet).
    bool create(const QString &dir, const QString &kind, const QJsonObject &parameters, const QStringList &targets,
                QString *error);

    QString dir() const { return m_dir; }
    QString kind() const { return m_kind; }
    QJsonObject parameters() const { return m_parameters; }
    QStringList targets() const { return m_targets; }
    QDateTime created() const { return m_created; }
    bool isFinished() const { return m_finished; }

    // Appends and flushes one entry; false (with *error) when the disk refused.
    bool append(const JournalEntry &entry, QString *error);
    // Marks the job finished (a line of its own).
    bool finish(QString *error);

    // Whether `step` of `target` is done or skipped already (failed steps are retried).
    bool isDone(const QString &target, const QString &step) const;
    const QList<JournalEntry> &entries() const { return m_entries; }
    // The last entry per target and step, in target order.
    QList<JournalEntry> latest() const;
    int ignoredLines() const { return m_ignoredLines; }

    // A report: one CSV row per target and step (target, step, result, detail, time).
    QByteArray reportCsv() const;

    // Where jobs live by default: <AppDataLocation>/jobs.
    static QString defaultRoot();

private:
    bool appendLine(const QJsonObject &line, QString *error);
    void record(const JournalEntry &entry);

    QString m_dir;
    QString m_kind;
    QJsonObject m_parameters;
    QStringList m_targets;
    QDateTime m_created;
    bool m_finished = false;
    QList<JournalEntry> m_entries;
    QHash<QString, qsizetype> m_last; // "target\nstep" -> index in m_entries
    int m_ignoredLines = 0;
};

QString toString(JournalEntry::State state);

} // namespace course
