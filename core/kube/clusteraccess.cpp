#include "kube/clusteraccess.h"

#include "kube/execcredential.h"
#include "kube/kubelog.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace kube {

namespace {

std::optional<QNetworkProxy> proxyFor(const QUrl &proxyUrl)
{
    if (proxyUrl.isEmpty())
        return std::nullopt;
    const QString scheme = proxyUrl.scheme();
    QNetworkProxy proxy;
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        proxy.setType(QNetworkProxy::Socks5Proxy);
    else
        proxy.setType(QNetworkProxy::HttpProxy);
    proxy.setHostName(proxyUrl.host());
    proxy.setPort(quint16(proxyUrl.port(scheme == QLatin1String("https") ? 443
                                        : scheme.startsWith(u's')        ? 1080
                                                                         : 80)));
    if (!proxyUrl.userName().isEmpty()) {
        proxy.setUser(proxyUrl.userName());
        proxy.setPassword(proxyUrl.password());
    }
    return proxy;
}

} // namespace

std::shared_ptr<ClusterAccess> ClusterAccess::create(const ClusterCredentials &credentials, QString *error)
{
    QString sslError;
    const QSslConfiguration ssl = toSslConfiguration(credentials, &sslError);
    if (ssl.isNull()) {
        if (error)
            *error = sslError;
        return nullptr;
    }
    std::shared_ptr<ClusterAccess> access(new ClusterAccess);
    access->m_server = credentials.server;
    access->m_tlsServerName = credentials.tlsServerName;
    access->m_contextName = credentials.contextName;
    access->m_userName = credentials.userName;
    access->m_namespace = credentials.namespaceName;
    access->m_proxy = proxyFor(credentials.proxyUrl);
    access->m_credentials = credentials;

    if (credentials.exec) {
        access->m_pluginThread = new QThread;
        access->m_pluginThread->setObjectName(QStringLiteral("kube-exec-plugin"));
        access->m_plugin = new ExecCredentialPlugin(credentials);
        access->m_plugin->moveToThread(access->m_pluginThread);
        ClusterAccess *self = access.get();
        // Direct: these run in the plugin's thread, which only ever touches state under the mutex.
        QObject::connect(access->m_plugin, &ExecCredentialPlugin::credentialReady, access->m_plugin,
                         [self](const ExecCredential &c) {
                             self->onPluginReady(c.token, c.clientCertificatePem, c.clientKeyPem,
                                                 c.expiration);
                         });
        QObject::connect(access->m_plugin, &ExecCredentialPlugin::credentialFailed, access->m_plugin,
                         [self](const QString &e) { self->onPluginFailed(e); });
        access->m_pluginThread->start();
        return access;
    }

    Credential c;
    c.ssl = ssl;
    c.generation = ++access->m_generation;
    if (!credentials.bearerToken.isEmpty())
        c.authorization = "Bearer " + credentials.bearerToken.toUtf8();
    else if (!credentials.username.isEmpty())
        c.authorization = "Basic " + (credentials.username + u':' + credentials.password).toUtf8().toBase64();
    access->m_credential = c;
    if (!credentials.tokenFile.isEmpty()) {
        access->m_tokenFile = credentials.tokenFile;
        const QFileInfo file(credentials.tokenFile);
        access->m_tokenFileModified = file.lastModified();
        access->m_tokenFileSize = file.exists() ? file.size() : -1;
        access->m_tokenFileRead.start();
    }
    return access;
}

void ClusterAccess::rereadTokenFileLocked() const
{
    if (m_tokenFile.isEmpty() || !m_credential)
        return;
    const QFileInfo info(m_tokenFile);
    const QDateTime modified = info.lastModified();
    const qint64 size = info.exists() ? info.size() : -1;
    if (m_tokenFileRead.isValid() && m_tokenFileRead.elapsed() < tokenFileRereadMs &&
        modified == m_tokenFileModified && size == m_tokenFileSize)
        return;
    m_tokenFileModified = modified;
    m_tokenFileSize = size;
    m_tokenFileRead.start();
    QFile file(m_tokenFile);
    constexpr qint64 kMaxToken = 1024 * 1024; // tokens are a few KB; never read a wrong path without end
    const QByteArray token = file.open(QIODevice::ReadOnly) ? file.read(kMaxToken).trimmed() : QByteArray();
    if (token.isEmpty()) {
        qCWarning(lcKubeConfig).noquote()
            << QStringLiteral("tokenFile '%1' of user '%2' cannot be read or is empty: %3; the token read "
                              "before stays in use. Put the new token in the file.")
                   .arg(m_tokenFile, m_userName,
                        file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("it is empty"));
        return;
    }
    const QByteArray authorization = "Bearer " + token;
    if (authorization == m_credential->authorization)
        return;
    qCInfo(lcKubeConfig).noquote() << "tokenFile of" << m_userName << "changed; using its new token";
    m_credential->authorization = authorization;
    m_credential->generation = ++m_generation;
}

std::shared_ptr<ClusterAccess> ClusterAccess::fromKubeconfig(const QStringList &files, const QString &context,
                                                             QString *error)
{
    const QStringList paths = files.isEmpty() ? KubeConfig::defaultFiles() : files;
    const KubeConfig config = KubeConfig::load(paths);
    if (config.files().isEmpty()) {
        if (error)
            *error =
                QStringLiteral("No kubeconfig found (looked for %1). Pass --kubeconfig PATH, set KUBECONFIG, "
                               "or get a kubeconfig from the cluster's admin.")
                    .arg(paths.join(QLatin1String(", ")));
        return nullptr;
    }
    KubeConfigError resolveError;
    const auto credentials = config.resolve(context, &resolveError);
    if (!credentials) {
        if (error) {
            QStringList problems;
            for (const KubeConfigError &e : config.errors())
                problems << e.toString();
            problems << resolveError.toString();
            problems.removeDuplicates();
            *error = problems.join(u'\n');
        }
        return nullptr;
    }
    QString sslError;
    auto access = create(*credentials, &sslError);
    if (!access && error)
        *error = sslError;
    return access;
}

ClusterAccess::~ClusterAccess()
{
    if (m_pluginThread) {
        ExecCredentialPlugin *plugin = m_plugin;
        QMetaObject::invokeMethod(
            plugin, [plugin] { delete plugin; }, Qt::BlockingQueuedConnection);
        m_pluginThread->quit();
        m_pluginThread->wait();
        delete m_pluginThread;
    }
}

QUrl ClusterAccess::url(const QString &path, const QUrlQuery &query) const
{
    QUrl u = m_server;
    QString base = u.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    u.setPath(base + path);
    if (!query.isEmpty())
        u.setQuery(query);
    return u;
}

std::optional<Credential> ClusterAccess::currentCredential() const
{
    QMutexLocker lock(&m_mutex);
    rereadTokenFileLocked();
    if (m_credential && (!m_expiry.isValid() || QDateTime::currentDateTimeUtc() < m_expiry))
        return m_credential;
    return std::nullopt;
}

void ClusterAccess::requestCredential(
    QObject *context, std::function<void(const std::optional<Credential> &, const QString &error)> done)
{
    QMutexLocker lock(&m_mutex);
    rereadTokenFileLocked();
    if (m_credential && (!m_expiry.isValid() || QDateTime::currentDateTimeUtc() < m_expiry)) {
        const Credential c = *m_credential;
        lock.unlock();
        QMetaObject::invokeMethod(
            context, [done, c] { done(c, QString()); }, Qt::QueuedConnection);
        return;
    }
    if (!m_plugin) {
        lock.unlock();
        QMetaObject::invokeMethod(
            context, [done] { done(std::nullopt, QStringLiteral("the kubeconfig user has no credentials")); },
            Qt::QueuedConnection);
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_pluginRunning)
        return;
    m_pluginRunning = true;
    ++m_pluginRuns;
    ExecCredentialPlugin *plugin = m_plugin;
    QMetaObject::invokeMethod(
        plugin,
        [plugin] {
            plugin->invalidate(); // our cache is the one that counts; a request here means a fresh run
            plugin->requestCredential();
        },
        Qt::QueuedConnection);
}

void ClusterAccess::rejectCredential(quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    if (!m_tokenFile.isEmpty() && m_credential && m_credential->generation == generation)
        m_tokenFileRead.invalidate(); // refused: the next request reads the file again
    if (m_plugin && m_credential && m_credential->generation == generation) {
        qCInfo(lcKubeHttp).noquote() << "cluster refused the credential of" << m_userName
                                     << "(401); the exec plugin runs again";
        m_credential.reset();
        m_expiry = QDateTime();
    }
}

int ClusterAccess::pluginRuns() const
{
    QMutexLocker lock(&m_mutex);
    return m_pluginRuns;
}

void ClusterAccess::onPluginReady(const QString &token, const QByteArray &certPem, const QByteArray &keyPem,
                                  const QDateTime &expiry)
{
    Credential c;
    QString sslError;
    if (!certPem.isEmpty()) {
        ClusterCredentials withCert = m_credentials;
        withCert.clientCertificatePem = certPem;
        withCert.clientKeyPem = keyPem;
        c.ssl = toSslConfiguration(withCert, &sslError);
    } else {
        c.ssl = toSslConfiguration(m_credentials, &sslError);
    }
    if (c.ssl.isNull()) {
        onPluginFailed(sslError);
        return;
    }
    if (!token.isEmpty())
        c.authorization = "Bearer " + token.toUtf8();
    QList<Waiter> waiters;
    {
        QMutexLocker lock(&m_mutex);
        c.generation = ++m_generation;
        m_credential = c;
        m_expiry = expiry;
        m_pluginRunning = false;
        waiters.swap(m_waiters);
    }
    for (const Waiter &w : std::as_const(waiters)) {
        if (w.context)
            QMetaObject::invokeMethod(
                w.context, [done = w.done, c] { done(c, QString()); }, Qt::QueuedConnection);
    }
}

void ClusterAccess::onPluginFailed(const QString &error)
{
    QList<Waiter> waiters;
    {
        QMutexLocker lock(&m_mutex);
        m_pluginRunning = false;
        waiters.swap(m_waiters);
    }
    for (const Waiter &w : std::as_const(waiters)) {
        if (w.context)
            QMetaObject::invokeMethod(
                w.context, [done = w.done, error] { done(std::nullopt, error); }, Qt::QueuedConnection);
    }
}

} // namespace kube
