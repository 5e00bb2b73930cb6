#include "jobjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <fcntl.h>
#include <unistd.h>

namespace course {

namespace {

const QString kJobFile = QStringLiteral("job.json");
const QString kJournalFile = QStringLiteral("journal.jsonl");

QString key(const QString &target, const QString &step)
{
    return target + u'\n' + step;
}

std::optional<JournalEntry::State> stateFrom(const QString &text)
{
    if (text == QLatin1String("done"))
        return JournalEntry::State::Done;
    if (text == QLatin1String("skipped"))
        return JournalEntry::State::Skipped;
    if (text == QLatin1String("failed"))
        return JournalEntry::State::Failed;
    return std::nullopt;
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

QString toString(JournalEntry::State state)
{
    switch (state) {
    case JournalEntry::State::Done:
        return QStringLiteral("done");
    case JournalEntry::State::Skipped:
        return QStringLiteral("skipped");
    case JournalEntry::State::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString JobJournal::defaultRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("jobs"));
}

bool JobJournal::create(const QString &dir, const QString &kind, const QJsonObject &parameters,
                        const QStringList &targets, QString *error)
{
    const QDir d(dir);
    if (d.exists(kJobFile)) {
        *error = QObject::tr("A job already exists in %1; resume it or choose another folder.")
                     .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    if (!QDir().mkpath(dir)) {
        *error = QObject::tr("Cannot create the job folder %1: check that the disk is writable.")
                     .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    m_dir = dir;
    m_kind = kind;
    m_parameters = parameters;
    m_targets = targets;
    m_created = QDateTime::currentDateTimeUtc();
    m_finished = false;
    m_entries.clear();
    m_last.clear();
    QSaveFile file(d.filePath(kJobFile));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QObject::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    const QJsonObject job{{QStringLiteral("kind"), kind},
                          {QStringLiteral("parameters"), parameters},
                          {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
                          {QStringLiteral("created"), m_created.toString(Qt::ISODateWithMs)}};
    file.write(QJsonDocument(job).toJson());
    if (!file.commit()) {
        *error = QObject::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool JobJournal::open(const QString &dir, QString *error)
{
    const QDir d(dir);
    QFile jobFile(d.filePath(kJobFile));
    if (!jobFile.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("No job in %1 (%2 is missing).").arg(QDir::toNativeSeparators(dir), kJobFile);
        return false;
    }
    QJsonParseError parseError;
    const QJsonObject job = QJsonDocument::fromJson(jobFile.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || job.value(QStringLiteral("kind")).toString().isEmpty()) {
        *error = QObject::tr("%1 is damaged (%2); the job cannot be resumed. Start it again in a new folder.")
                     .arg(jobFile.fileName(), parseError.errorString());
        return false;
    }
    m_dir = dir;
    m_kind = job.value(QStringLiteral("kind")).toString();
    m_parameters = job.value(QStringLiteral("parameters")).toObject();
    m_targets.clear();
    for (const QJsonValue &t : job.value(QStringLiteral("targets")).toArray())
        m_targets << t.toString();
    m_created = QDateTime::fromString(job.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    m_finished = false;
    m_entries.clear();
    m_last.clear();
    m_ignoredLines = 0;

    QFile journal(d.filePath(kJournalFile));
    if (!journal.exists())
        return true;
    if (!journal.open(QIODevice::ReadOnly)) {
        *error = QObject::tr("Cannot read %1: %2").arg(journal.fileName(), journal.errorString());
        return false;
    }
    qint64 complete = 0; // bytes up to the end of the last whole line
    while (!journal.atEnd()) {
        const QByteArray line = journal.readLine();
        if (!line.endsWith('\n')) { // torn by a crash mid-write: that step did not finish
            ++m_ignoredLines;
            break;
        }
        complete += line.size();
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("finished")).toBool()) {
            m_finished = true;
            continue;
        }
        const auto state = stateFrom(o.value(QStringLiteral("state")).toString());
        if (!state || o.value(QStringLiteral("target")).toString().isEmpty()) {
            ++m_ignoredLines;
            continue;
        }
        JournalEntry e;
        e.when = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        e.target = o.value(QStringLiteral("target")).toString();
        e.step = o.value(QStringLiteral("step")).toString();
        e.state = *state;
        e.detail = o.value(QStringLiteral("detail")).toString();
        record(e);
    }
    journal.close();
    // Cut a torn tail off, so the next line appended starts on a line of its own.
    if (m_ignoredLines && journal.size() > complete && !journal.resize(complete)) {
        *error = QObject::tr("Cannot repair the job journal %1: %2").arg(journal.fileName(), journal.errorString());
        return false;
    }
    return true;
}

void JobJournal::record(const JournalEntry &entry)
{
    m_last.insert(key(entry.target, entry.step), m_entries.size());
    m_entries.append(entry);
}

bool JobJournal::appendLine(const QJsonObject &line, QString *error)
{
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    const QByteArray path = QFile::encodeName(QDir(m_dir).filePath(kJournalFile));
    // O_APPEND with one write per line: a line is never interleaved with another
    // process's, and fdatasync makes it survive a power cut before we go on.
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        *error = QObject::tr("Cannot write the job journal %1: %2")
                     .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const ssize_t written = ::write(fd, bytes.constData(), size_t(bytes.size()));
    const int savedErrno = errno;
    ::fdatasync(fd);
    ::close(fd);
    if (written != bytes.size()) {
        *error = QObject::tr("Cannot write the job journal %1: %2 (is the disk full?)")
                     .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(savedErrno)));
        return false;
    }
    return true;
}

bool JobJournal::append(const JournalEntry &entry, QString *error)
{
    JournalEntry e = entry;
    if (!e.when.isValid())
        e.when = QDateTime::currentDateTimeUtc();
    const QJsonObject line{{QStringLiteral("time"), e.when.toString(Qt::ISODateWithMs)},
                           {QStringLiteral("target"), e.target},
                           {QStringLiteral("step"), e.step},
                           {QStringLiteral("state"), toString(e.state)},
                           {QStringLiteral("detail"), e.detail}};
    if (!appendLine(line, error))
        return false;
    record(e);
    return true;
}

bool JobJournal::finish(QString *error)
{
    if (!appendLine(QJsonObject{{QStringLiteral("finished"), true},
                                {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}},
                    error))
        return false;
    m_finished = true;
    return true;
}

bool JobJournal::isDone(const QString &target, const QString &step) const
{
    const auto it = m_last.constFind(key(target, step));
    return it != m_last.cend() && m_entries.at(*it).state != JournalEntry::State::Failed;
}

QList<JournalEntry> JobJournal::latest() const
{
    QHash<QString, qsizetype> order;
    for (qsizetype i = 0; i < m_targets.size(); ++i)
        order.insert(m_targets.at(i), i);
    QList<JournalEntry> out;
    out.reserve(m_last.size());
    for (qsizetype index : m_last)
        out.append(m_entries.at(index));
    std::stable_sort(out.begin(), out.end(), [&](const JournalEntry &a, const JournalEntry &b) {
        const qsizetype oa = order.value(a.target, -1), ob = order.value(b.target, -1);
        if (oa != ob)
            return oa < ob;
        return a.when < b.when;
    });
    return out;
}

QByteArray JobJournal::reportCsv() const
{
    QByteArray csv = "student,step,result,detail,time\n";
    for (const JournalEntry &e : latest()) {
        csv += csvField(e.target) + ',' + csvField(e.step) + ',' + toString(e.state).toUtf8() + ',' +
               csvField(e.detail) + ',' + e.when.toString(Qt::ISODate).toUtf8() + '\n';
    }
    return csv;
}

} // namespace course
