#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <optional>

namespace course {

// One write the console made, as the audit log keeps it.
struct AuditEntry
{
    QDateTime when; // UTC
    QString who;    // the kubeconfig user, or the GitHub login for GitHub writes
    QString what;   // "rollout restart", "redeploy", ...
    QString target; // "deployment students/alice", "repo webapps101/alice"
    QString result; // "ok", "failed", "refused"
    QString detail; // what was changed, or the error a person reads

    // One JSON object on one line, without the newline:
    // {"when":"2026-01-02T03:04:05.678Z","who":..,"what":..,"target":..,"result":..,"detail":..}
    QByteArray toJsonLine() const;
    static std::optional<AuditEntry> fromJsonLine(QByteArrayView line);
};

// The audit log: an append-only file of JSON lines, one per write. Several
// processes (the console, courseops-cli) may append to the same file at once:
// the file is opened with O_APPEND and each entry goes out in one write(), so
// lines never interleave. Thread-safe.
class AuditLog
{
public:
    // `path` empty: defaultPath().
    explicit AuditLog(const QString &path = {});
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // <AppDataLocation>/audit.jsonl ("~/.local/share/CourseOps/courseops/audit.jsonl").
    static QString defaultPath();
    QString path() const { return m_path; }

    // Appends one entry (its `when` set to now when invalid). False, with a
    // message that says why and what to do, when the file cannot be written.
    bool append(const AuditEntry &entry, QString *error = nullptr);
    // Shorthand: who/what/target/result/detail, stamped now.
    bool append(const QString &who, const QString &what, const QString &target, const QString &result,
                const QString &detail, QString *error = nullptr);

    // The entries in file order; with `last` >= 0 only the newest `last`.
    // Lines that are not entries (a torn last line after a crash, hand edits)
    // are skipped and counted in *skipped. A missing file is an empty log.
    QList<AuditEntry> read(qsizetype last = -1, int *skipped = nullptr, QString *error = nullptr) const;

private:
    bool openLocked(QString *error);

    QString m_path;
    mutable QMutex m_mutex;
    int m_fd = -1;
};

} // namespace course
