#pragma once

#include <QString>
#include <QStringList>

class QTextStream;

// `courseops-cli status`: one full sync of pods, deployments and services (the
// reflectors' list) and one row per student (label courseops.io/student).
struct StatusCommandOptions
{
    QStringList kubeconfigFiles;              // empty: $KUBECONFIG or ~/.kube/config
    QString context;                          // empty: the current context
    QString namespaceName;                    // empty: all namespaces
    QString output = QStringLiteral("table"); // table | json
};

// Prints the rows to `out`, problems to `err`. 0 on success, 1 when the
// kubeconfig or the cluster fails, 2 on a usage error.
int runStatusCommand(const StatusCommandOptions &options, QTextStream &out, QTextStream &err);
