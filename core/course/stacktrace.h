#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace course {

// A place in the app's code that a Node.js error names: the file as the
// running container saw it (e.g. /app/server.js) and a 1-based line.
struct SourceLocation
{
    QString path;
    int line = 0;
    int column = 0; // 0: not given

    bool isValid() const { return !path.isEmpty() && line > 0; }
    bool operator==(const SourceLocation &) const = default;
};

// The location one log line names, when it is a stack frame of the app's own
// code ("    at handler (/app/server.js:12:5)", "    at /app/lib/db.js:3:1")
// or the header Node prints above an uncaught error ("/app/server.js:7").
// Node's internals (node:...) and installed packages (node_modules) are not
// the student's code and give nothing.
SourceLocation sourceLocationIn(QStringView line);

// Where the last stack trace in `lines` points into the app's code: the
// header line above it when Node printed one (a SyntaxError has only
// internal frames below it), else the topmost frame in the app's own files.
// Invalid when the lines hold no such trace.
SourceLocation lastStackLocation(const QStringList &lines);

// The repository file a container path is: the longest of `repositoryPaths`
// that the path ends with at a '/' ("/app/src/db.js" -> "src/db.js"), or
// empty when none fits. The app's working directory in the image does not matter.
QString repositoryPathFor(QStringView runtimePath, const QStringList &repositoryPaths);

} // namespace course
