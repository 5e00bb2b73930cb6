#include "sandbox/gitstore.h"

#include "sandbox/sandboxlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

namespace sandbox {

namespace {

constexpr qsizetype kRawIdSize = 20;
const QByteArray kTreeMode = QByteArrayLiteral("40000");
const QByteArray kSubmoduleMode = QByteArrayLiteral("160000");
const QByteArray kSymlinkMode = QByteArrayLiteral("120000");
const QByteArray kExecutableMode = QByteArrayLiteral("100755");

// Pack file: a header line, then per object: type (git's pack numbering),
// body size (32-bit big-endian), 20-byte id, body.
const QByteArray kPackMagic = QByteArrayLiteral("CourseOps gitstore 1\n");
const QString kPackFile = QStringLiteral("gitobjects.pack");
constexpr qsizetype kRecordHeaderSize = 1 + 4 + kRawIdSize;

QByteArray rawIdFromHex(QByteArrayView hex)
{
    if (!GitStore::isValidId(hex))
        return {};
    return QByteArray::fromHex(hex.toByteArray());
}

QByteArray rawHash(GitObjectType type, const QByteArray &body)
{
    QByteArray header = gitTypeName(type);
    header.append(' ');
    header.append(QByteArray::number(body.size()));
    header.append('\0');
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(header);
    hash.addData(body);
    return hash.result();
}

quint8 packTypeCode(GitObjectType type)
{
    switch (type) {
    case GitObjectType::Commit:
        return 1;
    case GitObjectType::Tree:
        return 2;
    case GitObjectType::Blob:
        return 3;
    case GitObjectType::Tag:
        return 4;
    }
    return 0;
}

std::optional<GitObjectType> typeFromPackCode(quint8 code)
{
    switch (code) {
    case 1:
        return GitObjectType::Commit;
    case 2:
        return GitObjectType::Tree;
    case 3:
        return GitObjectType::Blob;
    case 4:
        return GitObjectType::Tag;
    }
    return std::nullopt;
}

struct RawTreeEntry
{
    QByteArray mode; // as stored: "40000" for trees
    QByteArray name; // UTF-8
    QByteArray rawId;
};

bool isTreeMode(const QByteArray &mode)
{
    return mode == kTreeMode;
}

GitObjectType typeForMode(const QByteArray &mode)
{
    if (mode == kTreeMode)
        return GitObjectType::Tree;
    if (mode == kSubmoduleMode)
        return GitObjectType::Commit;
    return GitObjectType::Blob;
}

// The mode git writes for a mode a client sends; empty when git has no such mode.
QByteArray canonicalMode(QStringView mode)
{
    if (mode == u"040000" || mode == u"40000")
        return kTreeMode;
    if (mode == u"100644" || mode == u"100755" || mode == u"120000" || mode == u"160000")
        return mode.toLatin1();
    return {};
}

QString displayMode(const QByteArray &mode)
{
    return mode == kTreeMode ? QStringLiteral("040000") : QString::fromLatin1(mode);
}

// Names a checkout could not hold or that would step outside it.
bool isSafeName(const QByteArray &name)
{
    if (name.isEmpty() || name == "." || name == ".." || name.compare(".git", Qt::CaseInsensitive) == 0)
        return false;
    return !name.contains('/') && !name.contains('\0');
}

// Git's order: byte-wise on the name, a tree's name compared as if it ended in '/'.
bool gitOrderLess(const RawTreeEntry &a, const RawTreeEntry &b)
{
    const qsizetype common = std::min(a.name.size(), b.name.size());
    const int c = std::memcmp(a.name.constData(), b.name.constData(), size_t(common));
    if (c != 0)
        return c < 0;
    const auto next = [common](const RawTreeEntry &e) -> uchar {
        if (common < e.name.size())
            return uchar(e.name.at(common));
        return isTreeMode(e.mode) ? uchar('/') : uchar('\0');
    };
    return next(a) < next(b);
}

bool parseTree(const QByteArray &body, QList<RawTreeEntry> *out)
{
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype space = body.indexOf(' ', pos);
        if (space <= pos)
            return false;
        const qsizetype nul = body.indexOf('\0', space + 1);
        if (nul <= space + 1 || nul + 1 + kRawIdSize > body.size())
            return false;
        RawTreeEntry e;
        e.mode = body.mid(pos, space - pos);
        for (char c : std::as_const(e.mode)) {
            if (c < '0' || c > '7')
                return false;
        }
        e.name = body.mid(space + 1, nul - space - 1);
        e.rawId = body.mid(nul + 1, kRawIdSize);
        out->append(e);
        pos = nul + 1 + kRawIdSize;
    }
    return true;
}

// Sorts into git's order and serialises; refuses duplicate names.
bool serialiseTree(QList<RawTreeEntry> entries, QByteArray *body, QString *error)
{
    QSet<QByteArray> names;
    for (const RawTreeEntry &e : std::as_const(entries)) {
        if (names.contains(e.name)) {
            *error = QStringLiteral("the tree has two entries named '%1'").arg(QString::fromUtf8(e.name));
            return false;
        }
        names.insert(e.name);
    }
    std::sort(entries.begin(), entries.end(), gitOrderLess);
    body->clear();
    for (const RawTreeEntry &e : std::as_const(entries)) {
        body->append(e.mode);
        body->append(' ');
        body->append(e.name);
        body->append('\0');
        body->append(e.rawId);
    }
    return true;
}

// git's ident cleaning: "crud" (control characters, space and .,:;<>"\')
// is trimmed from both ends, and '<', '>' and newlines are dropped inside,
// so the line always parses back.
bool isCrud(uchar c)
{
    return c <= 32 || c == '.' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' || c == '"' ||
           c == '\\' || c == '\'';
}

QByteArray cleanIdentPart(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    qsizetype begin = 0;
    qsizetype end = utf8.size();
    while (begin < end && isCrud(uchar(utf8.at(begin))))
        ++begin;
    while (end > begin && isCrud(uchar(utf8.at(end - 1))))
        --end;
    QByteArray out;
    out.reserve(end - begin);
    for (qsizetype i = begin; i < end; ++i) {
        const char c = utf8.at(i);
        if (c != '\n' && c != '<' && c != '>')
            out.append(c);
    }
    return out;
}

QByteArray formatOffset(int minutes)
{
    const int magnitude = minutes < 0 ? -minutes : minutes;
    QByteArray out(1, minutes < 0 ? '-' : '+');
    out.append(QByteArray::number(magnitude / 60).rightJustified(2, '0'));
    out.append(QByteArray::number(magnitude % 60).rightJustified(2, '0'));
    return out;
}

bool formatIdent(const GitSignature &who, const char *role, QByteArray *out, QString *error)
{
    const QByteArray name = cleanIdentPart(who.name);
    const QByteArray email = cleanIdentPart(who.email);
    if (name.isEmpty()) {
        *error = QStringLiteral("the %1's name is empty").arg(QLatin1String(role));
        return false;
    }
    if (who.utcOffsetMinutes <= -100 * 60 || who.utcOffsetMinutes >= 100 * 60) {
        *error = QStringLiteral("the %1's UTC offset of %2 minutes does not fit git's +HHMM")
                     .arg(QLatin1String(role))
                     .arg(who.utcOffsetMinutes);
        return false;
    }
    out->append(role);
    out->append(' ');
    out->append(name);
    out->append(" <");
    out->append(email);
    out->append("> ");
    out->append(QByteArray::number(who.epochSeconds));
    out->append(' ');
    out->append(formatOffset(who.utcOffsetMinutes));
    out->append('\n');
    return true;
}

// "Name <email> 1700000000 +0530"
GitSignature parseIdent(const QByteArray &text)
{
    GitSignature who;
    const qsizetype lt = text.indexOf('<');
    const qsizetype gt = text.indexOf('>', lt + 1);
    if (lt < 0 || gt < 0) {
        who.name = QString::fromUtf8(text.trimmed());
        return who;
    }
    who.name = QString::fromUtf8(text.left(lt).trimmed());
    who.email = QString::fromUtf8(text.mid(lt + 1, gt - lt - 1));
    const QList<QByteArray> when = text.mid(gt + 1).simplified().split(' ');
    if (!when.isEmpty())
        who.epochSeconds = when.at(0).toLongLong();
    if (when.size() > 1 && when.at(1).size() == 5) {
        const QByteArray &tz = when.at(1);
        const int minutes = tz.mid(1, 2).toInt() * 60 + tz.mid(3, 2).toInt();
        who.utcOffsetMinutes = tz.at(0) == '-' ? -minutes : minutes;
    }
    return who;
}

struct ParsedCommit
{
    QByteArray tree; // hex, as written
    QList<QByteArray> parents;
    QByteArray author;
    QByteArray committer;
    QByteArray message;
};

// Header lines up to the first empty line; unknown headers (encoding, gpgsig
// and its indented continuation lines, mergetag) are skipped.
bool parseCommit(const QByteArray &body, ParsedCommit *out, bool headersOnly = false)
{
    qsizetype pos = 0;
    while (true) {
        const qsizetype end = body.indexOf('\n', pos);
        if (end < 0)
            return false;
        if (end == pos) {
            if (!headersOnly)
                out->message = body.mid(end + 1);
            break;
        }
        const QByteArrayView line(body.constData() + pos, end - pos);
        if (line.startsWith("tree ") && pos == 0)
            out->tree = line.sliced(5).toByteArray();
        else if (line.startsWith("parent "))
            out->parents.append(line.sliced(7).toByteArray());
        else if (line.startsWith("author "))
            out->author = line.sliced(7).toByteArray();
        else if (line.startsWith("committer "))
            out->committer = line.sliced(10).toByteArray();
        pos = end + 1;
    }
    if (!GitStore::isValidId(out->tree))
        return false;
    return std::all_of(out->parents.cbegin(), out->parents.cend(),
                       [](const QByteArray &p) { return GitStore::isValidId(p); });
}

// The working copy of one directory while applying create-tree changes.
struct EditDir;
struct EditItem
{
    QByteArray mode;
    QByteArray rawId;             // empty for a directory created by the edit
    std::unique_ptr<EditDir> dir; // loaded once a change walks into it
};
struct EditDir
{
    std::map<QByteArray, EditItem> items;
    bool dirty = false;
};

// Applies GitHub create-tree changes without touching the store: new trees and
// inline blobs collect in newObjects() for the caller to store on success.
class TreeEditor
{
public:
    using Lookup = std::function<std::optional<GitObject>(const QByteArray &rawId)>;

    explicit TreeEditor(Lookup lookup)
        : m_lookup(std::move(lookup))
    {}

    bool start(const GitId &baseTreeId, QString *error)
    {
        if (baseTreeId.isEmpty())
            return true;
        const QByteArray raw = rawIdFromHex(baseTreeId);
        if (raw.isEmpty() || !load(raw, &m_root)) {
            *error = QStringLiteral("base_tree %1 is not a tree in this repository")
                         .arg(QString::fromLatin1(baseTreeId));
            return false;
        }
        m_baseRawId = raw;
        return true;
    }

    bool apply(const GitTreeChange &change, QString *error)
    {
        const QString where = QStringLiteral("tree entry '%1': ").arg(change.path);
        const QList<QByteArray> parts = change.path.toUtf8().split('/');
        for (const QByteArray &part : parts) {
            if (!isSafeName(part)) {
                *error = where % QStringLiteral("the path has an empty, '.', '..' or '.git' component; "
                                                "give a relative path like 'src/app.js'");
                return false;
            }
        }
        if (change.isDelete())
            return remove(parts, where, error);

        const QByteArray mode = canonicalMode(change.mode);
        if (mode.isEmpty()) {
            *error = where % QStringLiteral("mode '%1' is not one of 100644, 100755, 040000, 120000, 160000")
                                 .arg(change.mode);
            return false;
        }
        if (typeForMode(mode) != change.type) {
            *error = where % QStringLiteral("type '%1' does not match mode '%2'")
                                 .arg(QString::fromLatin1(gitTypeName(change.type)), change.mode);
            return false;
        }
        QByteArray rawId;
        if (change.content) {
            if (!change.id.isEmpty()) {
                *error = where % QStringLiteral("give either sha or content, not both");
                return false;
            }
            if (change.type != GitObjectType::Blob) {
                *error = where % QStringLiteral("content can only make a blob, not a %1")
                                     .arg(QString::fromLatin1(gitTypeName(change.type)));
                return false;
            }
            rawId = rawHash(GitObjectType::Blob, *change.content);
            m_new.insert(rawId, GitObject{GitObjectType::Blob, *change.content});
        } else {
            rawId = rawIdFromHex(change.id);
            if (rawId.isEmpty()) {
                *error = where % QStringLiteral("sha '%1' is not a 40-digit hex object id")
                                     .arg(QString::fromLatin1(change.id));
                return false;
            }
            // A submodule points into another repository, so its commit need not be here.
            if (change.type != GitObjectType::Commit) {
                const std::optional<GitObject> target = find(rawId);
                if (!target || target->type != change.type) {
                    *error = where % QStringLiteral("sha %1 is not a %2 in this repository")
                                         .arg(QString::fromLatin1(change.id),
                                              QString::fromLatin1(gitTypeName(change.type)));
                    return false;
                }
            }
        }

        QList<EditDir *> path{&m_root};
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            EditDir *dir = path.last();
            auto it = dir->items.find(parts.at(i));
            if (it == dir->items.end()) {
                EditItem item;
                item.mode = kTreeMode;
                item.dir = std::make_unique<EditDir>();
                it = dir->items.emplace(parts.at(i), std::move(item)).first;
            } else if (!enter(it->second, parts, i, where, error)) {
                return false;
            }
            path.append(it->second.dir.get());
        }
        EditItem &item = path.last()->items[parts.last()];
        item.mode = mode;
        item.rawId = rawId;
        item.dir.reset();
        for (EditDir *dir : std::as_const(path))
            dir->dirty = true;
        return true;
    }

    // Writes the changed directories bottom-up; returns the root's raw id.
    QByteArray finish()
    {
        if (!m_root.dirty && !m_baseRawId.isEmpty())
            return m_baseRawId;
        const QByteArray root = write(m_root);
        return root.isEmpty() ? store(GitObjectType::Tree, QByteArray()) : root;
    }

    const QHash<QByteArray, GitObject> &newObjects() const { return m_new; }

private:
    std::optional<GitObject> find(const QByteArray &rawId) const
    {
        const auto it = m_new.constFind(rawId);
        if (it != m_new.cend())
            return *it;
        return m_lookup(rawId);
    }

    bool load(const QByteArray &rawId, EditDir *into) const
    {
        const std::optional<GitObject> tree = find(rawId);
        QList<RawTreeEntry> entries;
        if (!tree || tree->type != GitObjectType::Tree || !parseTree(tree->body, &entries))
            return false;
        for (const RawTreeEntry &e : std::as_const(entries))
            into->items[e.name] = EditItem{e.mode, e.rawId, nullptr};
        return true;
    }

    // Walks into an existing entry on the way to a deeper path.
    bool enter(EditItem &item, const QList<QByteArray> &parts, qsizetype i, const QString &where,
               QString *error) const
    {
        const QString prefix = QString::fromUtf8(parts.mid(0, i + 1).join('/'));
        if (!isTreeMode(item.mode)) {
            *error = where % QStringLiteral("'%1' is a file, not a directory").arg(prefix);
            return false;
        }
        if (!item.dir) {
            auto dir = std::make_unique<EditDir>();
            if (!load(item.rawId, dir.get())) {
                *error =
                    where % QStringLiteral("directory '%1' points at a tree this repository does not have")
                                .arg(prefix);
                return false;
            }
            item.dir = std::move(dir);
        }
        return true;
    }

    bool remove(const QList<QByteArray> &parts, const QString &where, QString *error)
    {
        QList<EditDir *> path{&m_root};
        const auto missing = [&] {
            *error = where % QStringLiteral("cannot delete it: there is no such path in the base tree");
            return false;
        };
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            EditDir *dir = path.last();
            const auto it = dir->items.find(parts.at(i));
            if (it == dir->items.end())
                return missing();
            if (!enter(it->second, parts, i, where, error))
                return false;
            path.append(it->second.dir.get());
        }
        if (path.last()->items.erase(parts.last()) == 0)
            return missing();
        for (EditDir *dir : std::as_const(path))
            dir->dirty = true;
        return true;
    }

    // Returns the directory's new raw id, or empty when nothing is left in it.
    QByteArray write(EditDir &dir)
    {
        QList<RawTreeEntry> entries;
        for (auto it = dir.items.begin(); it != dir.items.end();) {
            EditItem &item = it->second;
            if (item.dir && item.dir->dirty) {
                item.rawId = write(*item.dir);
                if (item.rawId.isEmpty()) {
                    it = dir.items.erase(it);
                    continue;
                }
            }
            entries.append(RawTreeEntry{item.mode, it->first, item.rawId});
            ++it;
        }
        if (entries.isEmpty())
            return {};
        QByteArray body;
        QString ignored; // names come from a map and were checked: no duplicates
        serialiseTree(entries, &body, &ignored);
        return store(GitObjectType::Tree, body);
    }

    QByteArray store(GitObjectType type, const QByteArray &body)
    {
        const QByteArray rawId = rawHash(type, body);
        m_new.insert(rawId, GitObject{type, body});
        return rawId;
    }

    Lookup m_lookup;
    EditDir m_root;
    QByteArray m_baseRawId;
    QHash<QByteArray, GitObject> m_new;
};

struct ExportFile
{
    QString path; // relative to the export root
    QByteArray mode;
    QByteArray content;
};

bool writeExportFile(const QString &root, const ExportFile &file, QString *error)
{
    const QString target = root % u'/' % file.path;
    const QString parent = QFileInfo(target).path();
    if (!QDir().mkpath(parent)) {
        *error = QStringLiteral("could not create folder %1").arg(parent);
        return false;
    }
    if (file.mode == kSubmoduleMode) {
        // git checks out a submodule it does not fetch as an empty folder.
        if (!QDir().mkpath(target)) {
            *error = QStringLiteral("could not create folder %1").arg(target);
            return false;
        }
        return true;
    }
    if (file.mode == kSymlinkMode) {
        // Only links that stay below their own folder become links: without
        // '..' or a leading '/' no chain of them can leave the checkout.
        // Others are written as a file holding the target, as git does where
        // links are unsupported.
        const QString linkTarget = QString::fromUtf8(file.content);
        const bool staysInside = !linkTarget.isEmpty() && !linkTarget.startsWith(u'/') &&
                                 !linkTarget.split(u'/').contains(QStringLiteral(".."));
        if (staysInside) {
            if (!QFile::link(linkTarget, target)) {
                *error = QStringLiteral("could not create the symbolic link %1").arg(target);
                return false;
            }
            return true;
        }
    }
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(file.content) != file.content.size()) {
        *error = QStringLiteral("could not write %1: %2").arg(target, out.errorString());
        return false;
    }
    out.close();
    QFileDevice::Permissions permissions =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (file.mode == kExecutableMode)
        permissions |= QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    if (!out.setPermissions(permissions)) {
        *error = QStringLiteral("could not set permissions on %1").arg(target);
        return false;
    }
    return true;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QByteArray gitTypeName(GitObjectType type)
{
    switch (type) {
    case GitObjectType::Blob:
        return QByteArrayLiteral("blob");
    case GitObjectType::Tree:
        return QByteArrayLiteral("tree");
    case GitObjectType::Commit:
        return QByteArrayLiteral("commit");
    case GitObjectType::Tag:
        return QByteArrayLiteral("tag");
    }
    return {};
}

std::optional<GitObjectType> gitTypeFromName(QByteArrayView name)
{
    if (name == "blob")
        return GitObjectType::Blob;
    if (name == "tree")
        return GitObjectType::Tree;
    if (name == "commit")
        return GitObjectType::Commit;
    if (name == "tag")
        return GitObjectType::Tag;
    return std::nullopt;
}

GitObjectType GitTreeEntry::type() const
{
    const QByteArray canonical = canonicalMode(mode);
    return typeForMode(canonical.isEmpty() ? mode.toLatin1() : canonical);
}

bool GitStore::isValidId(QByteArrayView id)
{
    if (id.size() != 2 * kRawIdSize)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

GitId GitStore::hashObject(GitObjectType type, const QByteArray &body)
{
    return rawHash(type, body).toHex();
}

GitId GitStore::emptyTreeId()
{
    return hashObject(GitObjectType::Tree, QByteArray());
}

const GitStore::Stored *GitStore::findLocked(const QByteArray &rawId) const
{
    const auto it = m_objects.constFind(rawId);
    return it == m_objects.cend() ? nullptr : &*it;
}

void GitStore::insertLocked(const QByteArray &rawId, GitObjectType type, const QByteArray &body)
{
    if (m_objects.contains(rawId))
        return;
    m_objects.insert(rawId, Stored{body, type});
    m_storedBytes += body.size();
    m_unsaved.append(rawId);
}

GitId GitStore::writeObject(GitObjectType type, const QByteArray &body, QString *error)
{
    if (type == GitObjectType::Tree) {
        QList<RawTreeEntry> entries;
        if (!parseTree(body, &entries)) {
            setError(error,
                     QStringLiteral("not a git tree: each entry must be '<mode> <name>\\0<20-byte id>'"));
            return {};
        }
    } else if (type == GitObjectType::Commit) {
        ParsedCommit parsed;
        if (!parseCommit(body, &parsed, true)) {
            setError(error, QStringLiteral("not a git commit: it needs a 'tree <id>' line, "
                                           "valid parent ids and an empty line before the message"));
            return {};
        }
    }
    const QByteArray rawId = rawHash(type, body);
    QWriteLocker locker(&m_lock);
    insertLocked(rawId, type, body);
    return rawId.toHex();
}

GitId GitStore::writeBlob(const QByteArray &content)
{
    return writeObject(GitObjectType::Blob, content);
}

GitId GitStore::writeTree(const QList<GitTreeEntry> &entries, QString *error)
{
    QList<RawTreeEntry> raw;
    raw.reserve(entries.size());
    for (const GitTreeEntry &e : entries) {
        RawTreeEntry r{canonicalMode(e.mode), e.name.toUtf8(), rawIdFromHex(e.id)};
        if (r.mode.isEmpty()) {
            setError(error,
                     QStringLiteral("entry '%1': mode '%2' is not one of 100644, 100755, 040000, 120000, "
                                    "160000")
                         .arg(e.name, e.mode));
            return {};
        }
        if (!isSafeName(r.name)) {
            setError(error, QStringLiteral("entry '%1': a name must be one path component, not '.', '..' or "
                                           "'.git'")
                                .arg(e.name));
            return {};
        }
        if (r.rawId.isEmpty()) {
            setError(error, QStringLiteral("entry '%1': '%2' is not a 40-digit hex object id")
                                .arg(e.name, QString::fromLatin1(e.id)));
            return {};
        }
        raw.append(r);
    }
    QByteArray body;
    QString message;
    if (!serialiseTree(raw, &body, &message)) {
        setError(error, message);
        return {};
    }
    return writeObject(GitObjectType::Tree, body, error);
}

GitId GitStore::writeCommit(const GitCommit &commit, QString *error)
{
    QString message;
    QByteArray body;
    const QByteArray tree = rawIdFromHex(commit.tree);
    {
        QReadLocker locker(&m_lock);
        const Stored *treeObject = tree.isEmpty() ? nullptr : findLocked(tree);
        if (!treeObject || treeObject->type != GitObjectType::Tree) {
            setError(error, QStringLiteral("tree %1 is not a tree in this repository")
                                .arg(QString::fromLatin1(commit.tree)));
            return {};
        }
        for (const GitId &parent : commit.parents) {
            const QByteArray raw = rawIdFromHex(parent);
            const Stored *parentObject = raw.isEmpty() ? nullptr : findLocked(raw);
            if (!parentObject || parentObject->type != GitObjectType::Commit) {
                setError(error, QStringLiteral("parent %1 is not a commit in this repository")
                                    .arg(QString::fromLatin1(parent)));
                return {};
            }
        }
    }
    body.append("tree ");
    body.append(commit.tree.toLower());
    body.append('\n');
    for (const GitId &parent : commit.parents) {
        body.append("parent ");
        body.append(parent.toLower());
        body.append('\n');
    }
    if (!formatIdent(commit.author, "author", &body, &message) ||
        !formatIdent(commit.committer, "committer", &body, &message)) {
        setError(error, message);
        return {};
    }
    body.append('\n');
    body.append(commit.message.toUtf8());
    return writeObject(GitObjectType::Commit, body, error);
}

bool GitStore::contains(const GitId &id) const
{
    return typeOf(id).has_value();
}

std::optional<GitObjectType> GitStore::typeOf(const GitId &id) const
{
    const QByteArray raw = rawIdFromHex(id);
    QReadLocker locker(&m_lock);
    const Stored *stored = raw.isEmpty() ? nullptr : findLocked(raw);
    if (!stored)
        return std::nullopt;
    return stored->type;
}

std::optional<GitObject> GitStore::object(const GitId &id) const
{
    const QByteArray raw = rawIdFromHex(id);
    QReadLocker locker(&m_lock);
    const Stored *stored = raw.isEmpty() ? nullptr : findLocked(raw);
    if (!stored)
        return std::nullopt;
    return GitObject{stored->type, stored->body};
}

std::optional<QByteArray> GitStore::blob(const GitId &id) const
{
    const std::optional<GitObject> o = object(id);
    if (!o || o->type != GitObjectType::Blob)
        return std::nullopt;
    return o->body;
}

std::optional<QList<GitTreeEntry>> GitStore::readTree(const GitId &id) const
{
    const std::optional<GitObject> o = object(id);
    QList<RawTreeEntry> raw;
    if (!o || o->type != GitObjectType::Tree || !parseTree(o->body, &raw))
        return std::nullopt;
    QList<GitTreeEntry> entries;
    entries.reserve(raw.size());
    for (const RawTreeEntry &r : std::as_const(raw))
        entries.append(GitTreeEntry{displayMode(r.mode), QString::fromUtf8(r.name), r.rawId.toHex()});
    return entries;
}

std::optional<GitCommit> GitStore::readCommit(const GitId &id) const
{
    const std::optional<GitObject> o = object(id);
    ParsedCommit parsed;
    if (!o || o->type != GitObjectType::Commit || !parseCommit(o->body, &parsed))
        return std::nullopt;
    GitCommit commit;
    commit.tree = parsed.tree.toLower();
    for (const QByteArray &p : std::as_const(parsed.parents))
        commit.parents.append(p.toLower());
    commit.author = parseIdent(parsed.author);
    commit.committer = parseIdent(parsed.committer);
    commit.message = QString::fromUtf8(parsed.message);
    return commit;
}

GitId GitStore::treeWithChanges(const GitId &baseTreeId, const QList<GitTreeChange> &changes, QString *error)
{
    QString message;
    QWriteLocker locker(&m_lock);
    TreeEditor editor([this](const QByteArray &rawId) -> std::optional<GitObject> {
        const Stored *stored = findLocked(rawId);
        if (!stored)
            return std::nullopt;
        return GitObject{stored->type, stored->body};
    });
    if (!editor.start(baseTreeId, &message)) {
        setError(error, message);
        return {};
    }
    for (const GitTreeChange &change : changes) {
        if (!editor.apply(change, &message)) {
            setError(error, message);
            return {};
        }
    }
    const QByteArray root = editor.finish();
    const QHash<QByteArray, GitObject> &created = editor.newObjects();
    for (auto it = created.cbegin(); it != created.cend(); ++it)
        insertLocked(it.key(), it->type, it->body);
    return root.toHex();
}

std::optional<QList<GitTreeListing>> GitStore::listTree(const GitId &treeId, bool recursive) const
{
    QList<GitTreeListing> out;
    QReadLocker locker(&m_lock);
    const std::function<bool(const QByteArray &, const QString &)> list = [&](const QByteArray &rawId,
                                                                              const QString &prefix) {
        const Stored *tree = findLocked(rawId);
        QList<RawTreeEntry> entries;
        if (!tree || tree->type != GitObjectType::Tree || !parseTree(tree->body, &entries))
            return false;
        for (const RawTreeEntry &e : std::as_const(entries)) {
            GitTreeListing line;
            line.path = prefix % QString::fromUtf8(e.name);
            line.mode = displayMode(e.mode);
            line.type = typeForMode(e.mode);
            line.id = e.rawId.toHex();
            if (line.type == GitObjectType::Blob) {
                const Stored *blob = findLocked(e.rawId);
                line.size = blob ? blob->body.size() : -1;
            }
            out.append(line);
            if (recursive && line.type == GitObjectType::Tree && !list(e.rawId, line.path % u'/'))
                return false;
        }
        return true;
    };
    const QByteArray raw = rawIdFromHex(treeId);
    if (raw.isEmpty() || !list(raw, QString()))
        return std::nullopt;
    return out;
}

std::optional<GitTreeEntry> GitStore::entryAt(const GitId &treeId, QStringView path) const
{
    GitTreeEntry current{QStringLiteral("040000"), QString(), treeId.toLower()};
    if (path.isEmpty())
        return typeOf(treeId) == GitObjectType::Tree ? std::optional(current) : std::nullopt;
    const QList<QStringView> parts = path.split(u'/');
    for (const QStringView &part : parts) {
        if (current.type() != GitObjectType::Tree)
            return std::nullopt;
        const std::optional<QList<GitTreeEntry>> entries = readTree(current.id);
        if (!entries)
            return std::nullopt;
        const auto it = std::find_if(entries->cbegin(), entries->cend(),
                                     [&](const GitTreeEntry &e) { return e.name == part; });
        if (it == entries->cend())
            return std::nullopt;
        current = *it;
    }
    return current;
}

std::optional<GitFile> GitStore::fileAt(const GitId &commitId, QStringView path) const
{
    const std::optional<GitCommit> commit = readCommit(commitId);
    if (!commit)
        return std::nullopt;
    const std::optional<GitTreeEntry> entry = entryAt(commit->tree, path);
    if (!entry || entry->type() != GitObjectType::Blob)
        return std::nullopt;
    const std::optional<QByteArray> content = blob(entry->id);
    if (!content)
        return std::nullopt;
    return GitFile{entry->id, entry->mode, *content};
}

bool GitStore::exportCommit(const GitId &commitId, const QString &directory, QString *error) const
{
    const std::optional<GitCommit> commit = readCommit(commitId);
    if (!commit) {
        setError(error, QStringLiteral("commit %1 is not in the store").arg(QString::fromLatin1(commitId)));
        return false;
    }

    // Collect first (shallow copies), so the lock is not held during disk writes.
    QList<ExportFile> files;
    QString message;
    {
        QReadLocker locker(&m_lock);
        const std::function<bool(const QByteArray &, const QString &)> collect = [&](const QByteArray &rawId,
                                                                                     const QString &prefix) {
            const Stored *tree = findLocked(rawId);
            QList<RawTreeEntry> entries;
            if (!tree || tree->type != GitObjectType::Tree || !parseTree(tree->body, &entries)) {
                message = QStringLiteral("the tree at '%1' is missing or damaged").arg(prefix);
                return false;
            }
            for (const RawTreeEntry &e : std::as_const(entries)) {
                const QString path = prefix % QString::fromUtf8(e.name);
                if (!isSafeName(e.name)) {
                    message = QStringLiteral("refusing to write '%1': the name could step outside the folder")
                                  .arg(path);
                    return false;
                }
                if (isTreeMode(e.mode)) {
                    if (!collect(e.rawId, path % u'/'))
                        return false;
                    continue;
                }
                ExportFile file{path, e.mode, QByteArray()};
                if (e.mode != kSubmoduleMode) {
                    const Stored *blob = findLocked(e.rawId);
                    if (!blob || blob->type != GitObjectType::Blob) {
                        message = QStringLiteral("the blob for '%1' is missing").arg(path);
                        return false;
                    }
                    file.content = blob->body;
                }
                files.append(file);
            }
            return true;
        };
        if (!collect(rawIdFromHex(commit->tree), QString())) {
            setError(error, message);
            return false;
        }
    }

    const QFileInfo target(directory);
    const QString parent = target.absolutePath();
    const QString name = target.fileName();
    const QString finalPath = target.absoluteFilePath();
    if (name.isEmpty() || !QDir().mkpath(parent)) {
        setError(error, QStringLiteral("cannot export into '%1': no usable parent folder").arg(directory));
        return false;
    }
    // Built beside the target (same file system), so the swap is two renames.
    QTemporaryDir fresh(parent % u"/." % name % u".new-XXXXXX");
    if (!fresh.isValid()) {
        setError(error,
                 QStringLiteral("cannot create a folder next to %1: %2").arg(finalPath, fresh.errorString()));
        return false;
    }
    for (const ExportFile &file : std::as_const(files)) {
        if (!writeExportFile(fresh.path(), file, &message)) {
            setError(error, message);
            return false;
        }
    }
    if (!QFileInfo(finalPath).exists() && !QFileInfo(finalPath).isSymLink()) {
        if (!QDir().rename(fresh.path(), finalPath)) {
            setError(error, QStringLiteral("could not move the exported files to %1").arg(finalPath));
            return false;
        }
        fresh.setAutoRemove(false);
        return true;
    }
    QTemporaryDir old(parent % u"/." % name % u".old-XXXXXX"); // removed with the old contents
    const QString aside = old.path() % u"/previous";
    if (!old.isValid() || !QDir().rename(finalPath, aside)) {
        setError(error, QStringLiteral("could not move the previous contents of %1 aside").arg(finalPath));
        return false;
    }
    if (!QDir().rename(fresh.path(), finalPath)) {
        QDir().rename(aside, finalPath);
        setError(error,
                 QStringLiteral("could not move the exported files to %1; the previous contents are back")
                     .arg(finalPath));
        return false;
    }
    fresh.setAutoRemove(false);
    return true;
}

QList<QByteArray> GitStore::parentsLocked(const QByteArray &rawId) const
{
    const Stored *stored = findLocked(rawId);
    ParsedCommit parsed;
    if (!stored || stored->type != GitObjectType::Commit || !parseCommit(stored->body, &parsed, true))
        return {};
    QList<QByteArray> parents;
    for (const QByteArray &p : std::as_const(parsed.parents))
        parents.append(QByteArray::fromHex(p));
    return parents;
}

bool GitStore::isAncestorLocked(const QByteArray &ancestor, const QByteArray &descendant) const
{
    QSet<QByteArray> seen{descendant};
    QList<QByteArray> queue{descendant};
    while (!queue.isEmpty()) {
        const QByteArray current = queue.takeLast();
        if (current == ancestor)
            return true;
        const QList<QByteArray> parents = parentsLocked(current);
        for (const QByteArray &p : parents) {
            if (!seen.contains(p)) {
                seen.insert(p);
                queue.append(p);
            }
        }
    }
    return false;
}

bool GitStore::isAncestor(const GitId &ancestorId, const GitId &descendantId) const
{
    const QByteArray ancestor = rawIdFromHex(ancestorId);
    const QByteArray descendant = rawIdFromHex(descendantId);
    QReadLocker locker(&m_lock);
    if (ancestor.isEmpty() || descendant.isEmpty() || !findLocked(ancestor))
        return false;
    const Stored *d = findLocked(descendant);
    if (!d || d->type != GitObjectType::Commit)
        return false;
    return isAncestorLocked(ancestor, descendant);
}

QList<GitId> GitStore::mergeBases(const GitId &a, const GitId &b) const
{
    const QByteArray rawA = rawIdFromHex(a);
    const QByteArray rawB = rawIdFromHex(b);
    QReadLocker locker(&m_lock);
    const auto isCommit = [this](const QByteArray &raw) {
        const Stored *s = raw.isEmpty() ? nullptr : findLocked(raw);
        return s && s->type == GitObjectType::Commit;
    };
    if (!isCommit(rawA) || !isCommit(rawB))
        return {};

    QSet<QByteArray> ancestorsOfA{rawA};
    QList<QByteArray> queue{rawA};
    while (!queue.isEmpty()) {
        const QList<QByteArray> parents = parentsLocked(queue.takeLast());
        for (const QByteArray &p : parents) {
            if (!ancestorsOfA.contains(p)) {
                ancestorsOfA.insert(p);
                queue.append(p);
            }
        }
    }
    // Walking down from b, the first common commits on each path are the
    // candidates; every other common ancestor lies behind one of them.
    QList<QByteArray> candidates;
    QSet<QByteArray> seen{rawB};
    queue = {rawB};
    while (!queue.isEmpty()) {
        const QByteArray current = queue.takeLast();
        if (ancestorsOfA.contains(current)) {
            candidates.append(current);
            continue;
        }
        const QList<QByteArray> parents = parentsLocked(current);
        for (const QByteArray &p : parents) {
            if (!seen.contains(p)) {
                seen.insert(p);
                queue.append(p);
            }
        }
    }
    QList<QByteArray> best;
    for (const QByteArray &c : std::as_const(candidates)) {
        const bool dominated =
            std::any_of(candidates.cbegin(), candidates.cend(),
                        [&](const QByteArray &other) { return other != c && isAncestorLocked(c, other); });
        if (!dominated)
            best.append(c);
    }
    const auto committerTime = [this](const QByteArray &raw) -> qint64 {
        const Stored *stored = findLocked(raw);
        ParsedCommit parsed;
        if (!stored || !parseCommit(stored->body, &parsed, true))
            return 0;
        return parseIdent(parsed.committer).epochSeconds;
    };
    std::sort(best.begin(), best.end(), [&](const QByteArray &x, const QByteArray &y) {
        const qint64 tx = committerTime(x);
        const qint64 ty = committerTime(y);
        return tx != ty ? tx > ty : x < y;
    });
    QList<GitId> ids;
    for (const QByteArray &raw : std::as_const(best))
        ids.append(raw.toHex());
    return ids;
}

GitId GitStore::mergeBase(const GitId &a, const GitId &b) const
{
    const QList<GitId> bases = mergeBases(a, b);
    return bases.isEmpty() ? GitId() : bases.first();
}

bool GitStore::save(const QString &dir, QString *error)
{
    QMutexLocker saving(&m_saveMutex);
    const QString absoluteDir = QDir(dir).absolutePath();
    const QString path = QDir(absoluteDir).filePath(kPackFile);
    const QFileInfo existing(path);
    const bool append = absoluteDir == m_savedDir && existing.exists() && existing.size() == m_savedSize;

    struct Record
    {
        QByteArray rawId;
        Stored object;
    };
    QList<Record> batch;
    qsizetype unsavedTaken = 0;
    {
        QReadLocker locker(&m_lock);
        unsavedTaken = m_unsaved.size();
        if (append) {
            batch.reserve(m_unsaved.size());
            for (const QByteArray &rawId : std::as_const(m_unsaved))
                batch.append(Record{rawId, *findLocked(rawId)});
        } else {
            batch.reserve(m_objects.size());
            for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it)
                batch.append(Record{it.key(), *it});
        }
    }

    const auto writeRecords = [&](QFileDevice &out) {
        for (const Record &r : std::as_const(batch)) {
            char header[kRecordHeaderSize];
            header[0] = char(packTypeCode(r.object.type));
            qToBigEndian(quint32(r.object.body.size()), header + 1);
            std::memcpy(header + 5, r.rawId.constData(), kRawIdSize);
            if (out.write(header, kRecordHeaderSize) != kRecordHeaderSize ||
                out.write(r.object.body) != r.object.body.size())
                return false;
        }
        return true;
    };

    if (!QDir().mkpath(absoluteDir)) {
        setError(error, QStringLiteral("cannot create the state folder %1").arg(absoluteDir));
        return false;
    }
    qint64 newSize = -1;
    if (append) {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Append) || !writeRecords(out) || !out.flush()) {
            m_savedSize = -1; // a torn append is dropped on load; the next save rewrites
            setError(error, QStringLiteral("could not append to %1: %2").arg(path, out.errorString()));
            return false;
        }
        newSize = out.size();
    } else {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(kPackMagic) != kPackMagic.size() ||
            !writeRecords(out) || !out.commit()) {
            setError(error, QStringLiteral("could not write %1: %2").arg(path, out.errorString()));
            return false;
        }
        newSize = QFileInfo(path).size();
    }
    {
        QWriteLocker locker(&m_lock);
        m_unsaved.remove(0, unsavedTaken);
    }
    m_savedDir = absoluteDir;
    m_savedSize = newSize;
    return true;
}

bool GitStore::load(const QString &dir, QString *error)
{
    QMutexLocker saving(&m_saveMutex);
    const QString absoluteDir = QDir(dir).absolutePath();
    const QString path = QDir(absoluteDir).filePath(kPackFile);
    QFile in(path);
    if (!in.exists())
        return true; // a fresh state folder
    if (!in.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
        return false;
    }
    if (in.read(kPackMagic.size()) != kPackMagic) {
        setError(error, QStringLiteral("%1 is not a CourseOps git object pack").arg(path));
        return false;
    }
    bool wasEmpty = false;
    {
        QReadLocker locker(&m_lock);
        wasEmpty = m_objects.isEmpty();
    }
    qsizetype loaded = 0;
    bool torn = false;
    while (!in.atEnd()) {
        const qint64 offset = in.pos();
        const QByteArray header = in.read(kRecordHeaderSize);
        if (header.size() < kRecordHeaderSize) {
            torn = true;
            break;
        }
        const std::optional<GitObjectType> type = typeFromPackCode(quint8(header.at(0)));
        const quint32 size = qFromBigEndian<quint32>(header.constData() + 1);
        const QByteArray rawId = header.mid(5, kRawIdSize);
        if (!type) {
            m_savedSize = -1;
            setError(error,
                     QStringLiteral("%1 is damaged at byte %2 (unknown object type); %3 objects loaded")
                         .arg(path)
                         .arg(offset)
                         .arg(loaded));
            return false;
        }
        const QByteArray body = in.read(size);
        if (body.size() < qsizetype(size)) {
            torn = true;
            break;
        }
        if (rawHash(*type, body) != rawId) {
            m_savedSize = -1;
            setError(error,
                     QStringLiteral("%1 is damaged at byte %2 (object %3 does not match its id); %4 objects "
                                    "loaded")
                         .arg(path)
                         .arg(offset)
                         .arg(QString::fromLatin1(rawId.toHex()))
                         .arg(loaded));
            return false;
        }
        QWriteLocker locker(&m_lock);
        if (!m_objects.contains(rawId)) {
            m_objects.insert(rawId, Stored{body, *type});
            m_storedBytes += body.size();
        }
        ++loaded;
    }
    if (torn) {
        qCWarning(lcSandboxGithub) << "dropped a torn last record in" << path << "after" << loaded
                                   << "objects; the next save rewrites the file";
        m_savedSize = -1;
        return true;
    }
    // Appending to this file later is right only if it holds everything not
    // waiting in m_unsaved, i.e. the store was empty or came from this file.
    if (wasEmpty || absoluteDir == m_savedDir) {
        m_savedDir = absoluteDir;
        m_savedSize = in.size();
    } else {
        m_savedSize = -1;
    }
    return true;
}

qsizetype GitStore::objectCount() const
{
    QReadLocker locker(&m_lock);
    return m_objects.size();
}

qint64 GitStore::storedBytes() const
{
    QReadLocker locker(&m_lock);
    return m_storedBytes;
}

} // namespace sandbox
