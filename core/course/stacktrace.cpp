#include "course/stacktrace.h"

namespace course {

namespace {

bool isFrame(QStringView line)
{
    return line.trimmed().startsWith(u"at ");
}

bool isAppCode(QStringView path)
{
    // A file: with a folder or an extension ("12:30" is a time of day).
    return (path.contains(u'/') || path.contains(u'.')) && !path.startsWith(u"node:") && !path.contains(u"/node_modules/") &&
           path != u"<anonymous>" && path != u"native";
}

// "path:line" or "path:line:column", read from the right (paths may hold ':').
SourceLocation parseLocation(QStringView text)
{
    if (text.startsWith(u"file://"))
        text = text.mid(7);
    SourceLocation loc;
    bool ok = false;
    const qsizetype last = text.lastIndexOf(u':');
    if (last <= 0)
        return {};
    const int tail = text.mid(last + 1).toInt(&ok);
    if (!ok || tail <= 0)
        return {};
    const qsizetype before = text.lastIndexOf(u':', last - 1);
    int line = 0;
    if (before > 0)
        line = text.mid(before + 1, last - before - 1).toInt(&ok);
    if (before > 0 && ok && line > 0) {
        loc.path = text.left(before).toString();
        loc.line = line;
        loc.column = tail;
    } else {
        loc.path = text.left(last).toString();
        loc.line = tail;
    }
    if (!isAppCode(loc.path))
        return {};
    return loc;
}

} // namespace

SourceLocation sourceLocationIn(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (trimmed.startsWith(u"at ")) {
        QStringView where = trimmed.mid(3);
        // "at fn (path:1:2)" names the place in parentheses; "at path:1:2" has none.
        if (where.endsWith(u')')) {
            const qsizetype open = where.lastIndexOf(u'(');
            if (open < 0)
                return {};
            where = where.mid(open + 1, where.size() - open - 2);
        } else if (where.startsWith(u"async ")) {
            where = where.mid(6);
        }
        return parseLocation(where);
    }
    // The header of an uncaught error is the bare location at the start of a line.
    if (trimmed.size() != line.size() || trimmed.contains(u' '))
        return {};
    return parseLocation(trimmed);
}

SourceLocation lastStackLocation(const QStringList &lines)
{
    qsizetype end = lines.size() - 1;
    while (end >= 0 && !isFrame(lines.at(end)))
        --end;
    if (end < 0) {
        // No frames at all: a header alone still names the place.
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            const SourceLocation loc = sourceLocationIn(lines.at(i));
            if (loc.isValid())
                return loc;
        }
        return {};
    }
    qsizetype first = end;
    while (first > 0 && isFrame(lines.at(first - 1)))
        --first;
    // The header sits a few lines above the frames: the location, the code
    // line, a caret, a blank line and the error (with a require stack, a few more).
    for (qsizetype i = qMax<qsizetype>(0, first - 12); i < first; ++i) {
        if (isFrame(lines.at(i)))
            continue;
        const SourceLocation loc = sourceLocationIn(lines.at(i));
        if (loc.isValid())
            return loc;
    }
    for (qsizetype i = first; i <= end; ++i) {
        const SourceLocation loc = sourceLocationIn(lines.at(i));
        if (loc.isValid())
            return loc;
    }
    return {};
}

QString repositoryPathFor(QStringView runtimePath, const QStringList &repositoryPaths)
{
    QString best;
    for (const QString &p : repositoryPaths) {
        if (p.size() <= best.size())
            continue;
        if (runtimePath == p ||
            (runtimePath.endsWith(p) && runtimePath.at(runtimePath.size() - p.size() - 1) == u'/'))
            best = p;
    }
    return best;
}

} // namespace course
