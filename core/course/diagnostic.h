#pragma once

#include <QList>
#include <QString>

namespace course {

// One problem found in a file a person wrote: where it is and what to change.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when the problem is the whole file
    int column = 0; // 1-based; 0 when unknown
    QString message;

    // "roster.csv:12:7: error: ..." — the form compilers use, so editors can jump to it.
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace course
