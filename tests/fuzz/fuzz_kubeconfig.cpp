// Feeds arbitrary bytes to the kubeconfig parser as one file, then resolves
// every context it names and builds the TLS configuration of each, as the
// console does when it connects. Crashes, leaks, hangs and undefined behaviour
// are the sanitizers' and libFuzzer's to find; the checks below abort on
// broken invariants (every problem is located and explained).
//
// The file is named as if it lived in a folder that does not exist, so
// relative certificate, key and token paths resolve to nothing; absolute
// paths the input names are read (bounded), never written. Exec plugins are
// resolved, never run.

#include "kube/kubeconfig.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString file = QStringLiteral("/nonexistent/courseops-fuzz/config");
    const kube::KubeConfig config =
        kube::KubeConfig::parse(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), file);
    for (const kube::KubeConfigError &e : config.errors()) {
        require(!e.message.isEmpty());
        require(!e.toString().isEmpty());
    }
    QStringList contexts = config.contexts();
    contexts.append(QString()); // the current context, or the error for none
    for (const QString &name : std::as_const(contexts)) {
        kube::KubeConfigError error;
        const std::optional<kube::ClusterCredentials> credentials = config.resolve(name, &error);
        if (!credentials) {
            require(!error.message.isEmpty());
            continue;
        }
        QString sslError;
        const QSslConfiguration ssl = kube::toSslConfiguration(*credentials, &sslError);
        require(!ssl.isNull() || !sslError.isEmpty());
    }
    return 0;
}
