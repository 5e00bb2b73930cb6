#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QStringList>

namespace sandbox {

// The sandbox's own small PKI: one CA that signs the server certificate for both
// the Kubernetes and the GitHub halves. Keys are EC P-256.
struct Certificates
{
    QByteArray caCertPem;
    QByteArray caKeyPem;
    QByteArray serverCertPem;
    QByteArray serverKeyPem;

    // Reuses ca.crt/ca.key/server.crt/server.key from `dir` when present and still
    // valid for the names; otherwise makes new ones and writes them there.
    // An empty `dir` keeps everything in memory.
    static Certificates loadOrCreate(const QString &dir, const QStringList &dnsNames, QString *error);
    static Certificates create(const QStringList &dnsNames, QString *error);

    QSslConfiguration serverConfiguration() const;
    bool isNull() const { return serverCertPem.isEmpty(); }
};

} // namespace sandbox
