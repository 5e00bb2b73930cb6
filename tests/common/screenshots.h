#pragma once

#include <QDir>
#include <QString>

// Where a UI test saves a screenshot: $COURSEOPS_ARTIFACTS/screenshots (CTest
// sets it to build/<preset>/artifacts), else the temporary folder.
inline QString artifact(const QString &name)
{
    const QString dir = qEnvironmentVariable("COURSEOPS_ARTIFACTS", QDir::tempPath()) + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir + u'/' + name;
}
