#include "course/auditlog.h"

#include "course/courselog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QStandardPaths>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace course {

namespace {

QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QByteArray AuditEntry::toJsonLine() const
{
    const QJsonObject o{
        {QStringLiteral("when"), isoUtc(when.isValid() ? when : QDateTime::currentDateTimeUtc())},
        {QStringLiteral("who"), who},
        {QStringLiteral("what"), what},
        {QStringLiteral("target"), target},
        {QStringLiteral("result"), result},
        {QStringLiteral("detail"), detail}};
    // Compact JSON escapes newlines inside strings, so one entry is one line.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<AuditEntry> AuditEntry::fromJsonLine(QByteArrayView line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    AuditEntry e;
    e.when = QDateTime::fromString(o.value(QLatin1String("when")).toString(), Qt::ISODateWithMs);
    if (!e.when.isValid() || !o.value(QLatin1String("what")).isString())
        return std::nullopt;
    e.when = e.when.toUTC();
    e.who = o.value(QLatin1String("who")).toString();
    e.what = o.value(QLatin1String("what")).toString();
    e.target = o.value(QLatin1String("target")).toString();
    e.result = o.value(QLatin1String("result")).toString();
    e.detail = o.value(QLatin1String("detail")).toString();
    return e;
}

AuditLog::AuditLog(const QString &path)
    : m_path(path.isEmpty() ? defaultPath() : path)
{}

AuditLog::~AuditLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString AuditLog::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QLatin1String("/audit.jsonl");
}

bool AuditLog::openLocked(QString *error)
{
    if (m_fd >= 0)
        return true;
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        if (error)
            *error =
                QStringLiteral("Cannot create the folder %1 for the audit log. Check that it is writable, or "
                               "choose another audit log path.")
                    .arg(dir);
        return false;
    }
    const QByteArray native = QFile::encodeName(m_path);
    m_fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        if (error)
            *error =
                QStringLiteral("Cannot open the audit log %1: %2. Check its permissions and the free disk "
                               "space; writes are not made without an audit record.")
                    .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

bool AuditLog::append(const AuditEntry &entry, QString *error)
{
    QByteArray line = entry.toJsonLine();
    line.append('\n');
    QMutexLocker lock(&m_mutex);
    if (!openLocked(error))
        return false;
    // One write() per line: with O_APPEND the kernel places it at the end as a
    // whole, so entries from other processes never land inside it.
    for (;;) {
        const ssize_t n = ::write(m_fd, line.constData(), size_t(line.size()));
        if (n == line.size())
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        const QString why = n < 0
                                ? QString::fromLocal8Bit(std::strerror(errno))
                                : QStringLiteral("only %1 of %2 bytes were written").arg(n).arg(line.size());
        if (error)
            *error = QStringLiteral("Cannot write to the audit log %1: %2. Free some disk space or fix the "
                                    "file's permissions.")
                         .arg(m_path, why);
        qCWarning(lcCourse).noquote() << "audit log write failed:" << why;
        return false;
    }
}

bool AuditLog::append(const QString &who, const QString &what, const QString &target, const QString &result,
                      const QString &detail, QString *error)
{
    return append(AuditEntry{QDateTime::currentDateTimeUtc(), who, what, target, result, detail}, error);
}

QList<AuditEntry> AuditLog::read(qsizetype last, int *skipped, QString *error) const
{
    if (skipped)
        *skipped = 0;
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot read the audit log %1: %2. Check its permissions.")
                         .arg(m_path, file.errorString());
        return {};
    }
    const QByteArray data = file.readAll();
    QList<AuditEntry> out;
    qsizetype end = data.size();
    // Read from the end, so `last` costs only the lines it keeps.
    while (end > 0 && (last < 0 || out.size() < last)) {
        qsizetype start = data.lastIndexOf('\n', end - 1);
        const QByteArrayView line(data.constData() + start + 1, end - start - 1);
        end = start < 0 ? 0 : start;
        if (line.trimmed().isEmpty())
            continue;
        if (auto e = AuditEntry::fromJsonLine(line))
            out.append(std::move(*e));
        else if (skipped)
            ++*skipped;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace course
