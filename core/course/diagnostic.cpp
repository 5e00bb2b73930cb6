#include "course/diagnostic.h"

#include <algorithm>

namespace course {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    const QLatin1String kind = severity == Severity::Error ? QLatin1String("error") : QLatin1String("warning");
    return where + QLatin1String(": ") + kind + QLatin1String(": ") + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
}

} // namespace course
