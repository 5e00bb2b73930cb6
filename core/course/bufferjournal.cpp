#include "course/bufferjournal.h"

#include "course/courselog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace course {

namespace {

// One folder per path component of the repository name, each made safe.
QString folderFor(const QString &repository)
{
    QStringList parts;
    for (const QString &part : repository.split(u'/', Qt::SkipEmptyParts)) {
        QString safe;
        for (QChar c : part)
            safe +=
                (c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_' || c == u'.' ? c : u'_';
        if (safe == u"."_s || safe == u".."_s)
            safe = u"_"_s;
        parts << safe;
    }
    return parts.isEmpty() ? u"_"_s : parts.join(u'/');
}

} // namespace

BufferJournal::BufferJournal(const QString &repository, const QString &root, QObject *parent)
    : QObject(parent)
    , m_dir((root.isEmpty() ? defaultRoot() : root) + u'/' + folderFor(repository))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { flush(); });
}

BufferJournal::~BufferJournal()
{
    flush();
}

QString BufferJournal::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/journal"_s;
}

QString BufferJournal::fileFor(const QString &path) const
{
    return m_dir + u'/' +
           QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex()) +
           u".json"_s;
}

void BufferJournal::record(const JournaledBuffer &entry)
{
    m_pending.insert(entry.path, entry);
    m_timer->start(m_debounceMs);
}

void BufferJournal::forget(const QString &path)
{
    m_pending.remove(path);
    QFile::remove(fileFor(path));
}

bool BufferJournal::flush(QString *error)
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return true;
    if (!QDir().mkpath(m_dir)) {
        m_lastError = tr("Cannot create the journal folder %1, so unsaved edits are not protected against a "
                         "crash. Check that the folder is writable and the disk has space.")
                          .arg(m_dir);
        if (error)
            *error = m_lastError;
        Q_EMIT writeFailed(m_lastError);
        return false;
    }
    QStringList done;
    bool ok = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const JournaledBuffer &e = it.value();
        QJsonObject o{{u"path"_s, e.path},
                      {u"base"_s, QString::fromLatin1(e.baseCommit)},
                      {u"new"_s, e.isNew},
                      {u"deleted"_s, !e.content.has_value()},
                      {u"savedAt"_s, now.toString(Qt::ISODateWithMs)}};
        if (e.content)
            o.insert(u"content"_s, QString::fromUtf8(*e.content));
        QSaveFile file(fileFor(e.path));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
            m_lastError =
                tr("Cannot write the journal file for %1 (%2): %3. Unsaved edits to it are not protected "
                   "against a crash; free some disk space or fix the folder's permissions.")
                    .arg(e.path, file.fileName(), file.errorString());
            qCWarning(lcCourse).noquote() << m_lastError;
            ok = false;
            ++it;
            continue;
        }
        done << e.path;
        it = m_pending.erase(it);
    }
    if (!done.isEmpty())
        Q_EMIT written(done);
    if (!ok) {
        if (error)
            *error = m_lastError;
        Q_EMIT writeFailed(m_lastError);
    }
    return ok;
}

void BufferJournal::clear()
{
    m_timer->stop();
    m_pending.clear();
    QDir dir(m_dir);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files))
        dir.remove(name);
}

QList<JournaledBuffer> BufferJournal::entries(int *skipped) const
{
    if (skipped)
        *skipped = 0;
    QList<JournaledBuffer> out;
    QDir dir(m_dir);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files)) {
        QFile file(dir.filePath(name));
        QJsonParseError parseError;
        const QJsonDocument doc = file.open(QIODevice::ReadOnly)
                                      ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                      : QJsonDocument();
        const QJsonObject o = doc.object();
        if (doc.isNull() || !o.value(u"path"_s).isString()) {
            if (skipped)
                ++*skipped;
            continue;
        }
        JournaledBuffer e;
        e.path = o.value(u"path"_s).toString();
        e.baseCommit = o.value(u"base"_s).toString().toLatin1();
        e.isNew = o.value(u"new"_s).toBool();
        if (!o.value(u"deleted"_s).toBool())
            e.content = o.value(u"content"_s).toString().toUtf8();
        e.savedAt = QDateTime::fromString(o.value(u"savedAt"_s).toString(), Qt::ISODateWithMs);
        out.append(std::move(e));
    }
    std::sort(out.begin(), out.end(),
              [](const JournaledBuffer &a, const JournaledBuffer &b) { return a.path < b.path; });
    return out;
}

bool BufferJournal::isEmpty() const
{
    return m_pending.isEmpty() && QDir(m_dir).entryList({u"*.json"_s}, QDir::Files).isEmpty();
}

} // namespace course
