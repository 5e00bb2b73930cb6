#include "sandbox/certificates.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace sandbox {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

KeyPtr newKey()
{
    return KeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, len);
}

QByteArray certPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

CertPtr makeCert(EVP_PKEY *key, const QByteArray &commonName, X509 *issuerCert, EVP_PKEY *issuerKey, bool isCa,
                 const QStringList &dnsNames)
{
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 365 * 5);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("CourseOps sandbox"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName.constData()),
                               -1, -1, 0);
    X509 *issuer = issuerCert ? issuerCert : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
    addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
    if (isCa) {
        addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    } else {
        addExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
        addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
        addExtension(cert.get(), issuer, NID_ext_key_usage, "serverAuth");
        QByteArray san = "IP:127.0.0.1,IP:::1";
        for (const QString &dns : dnsNames)
            san += ",DNS:" + dns.toUtf8();
        addExtension(cert.get(), issuer, NID_subject_alt_name, san);
    }
    if (!X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()))
        return nullptr;
    return cert;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(data);
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return f.commit();
}

} // namespace

Certificates Certificates::create(const QStringList &dnsNames, QString *error)
{
    Certificates c;
    KeyPtr caKey = newKey();
    KeyPtr serverKey = newKey();
    if (!caKey || !serverKey) {
        if (error)
            *error = QStringLiteral("OpenSSL could not make an EC P-256 key");
        return c;
    }
    CertPtr ca = makeCert(caKey.get(), "courseops-sandbox-ca", nullptr, nullptr, true, {});
    CertPtr server = ca ? makeCert(serverKey.get(), "courseops-sandbox", ca.get(), caKey.get(), false, dnsNames) : nullptr;
    if (!ca || !server) {
        if (error)
            *error = QStringLiteral("OpenSSL could not sign the sandbox certificates");
        return c;
    }
    c.caCertPem = certPem(ca.get());
    c.caKeyPem = keyPem(caKey.get());
    c.serverCertPem = certPem(server.get());
    c.serverKeyPem = keyPem(serverKey.get());
    return c;
}

Certificates Certificates::loadOrCreate(const QString &dir, const QStringList &dnsNames, QString *error)
{
    if (dir.isEmpty())
        return create(dnsNames, error);
    const QDir d(dir);
    Certificates c;
    c.caCertPem = readFile(d.filePath(QStringLiteral("ca.crt")));
    c.caKeyPem = readFile(d.filePath(QStringLiteral("ca.key")));
    c.serverCertPem = readFile(d.filePath(QStringLiteral("server.crt")));
    c.serverKeyPem = readFile(d.filePath(QStringLiteral("server.key")));
    const QSslCertificate server(c.serverCertPem);
    bool usable = !c.caCertPem.isEmpty() && !c.serverKeyPem.isEmpty() && !server.isNull() &&
                  server.expiryDate() > QDateTime::currentDateTimeUtc().addDays(1);
    if (usable) {
        const QStringList names = server.subjectAlternativeNames().values(QSsl::DnsEntry);
        for (const QString &n : dnsNames)
            usable = usable && names.contains(n);
    }
    if (usable)
        return c;
    c = create(dnsNames, error);
    if (c.isNull())
        return c;
    QDir().mkpath(dir);
    if (!writeFile(d.filePath(QStringLiteral("ca.crt")), c.caCertPem, false) ||
        !writeFile(d.filePath(QStringLiteral("ca.key")), c.caKeyPem, true) ||
        !writeFile(d.filePath(QStringLiteral("server.crt")), c.serverCertPem, false) ||
        !writeFile(d.filePath(QStringLiteral("server.key")), c.serverKeyPem, true)) {
        if (error)
            *error = QStringLiteral("cannot write the certificates to %1: check that the folder is writable").arg(dir);
    }
    return c;
}

QSslConfiguration Certificates::serverConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(serverCertPem));
    config.setPrivateKey(QSslKey(serverKeyPem, QSsl::Ec));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}

} // namespace sandbox
