#include "github/tokenstore.h"

#include "github/githublog.h"

#include <qt6keychain/keychain.h>

namespace github {

TokenStore::TokenStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

void TokenStore::keychainFailed(int error, const QString &errorString)
{
    m_keychainAvailable = false;
    const QString why = error == QKeychain::AccessDeniedByUser || error == QKeychain::AccessDenied
                            ? QStringLiteral("the keychain refused access")
                            : QStringLiteral("no system keychain is running");
    m_notice =
        QStringLiteral("The GitHub token is kept in memory for this session only: ") + why +
        QStringLiteral(" (") + errorString +
        QStringLiteral("). You will have to log in again next time. To stay logged in, start a keychain "
                       "service (GNOME Keyring or KWallet, reached over D-Bus) and log in again.");
    qCWarning(lcGithubAuth).noquote() << m_notice;
    Q_EMIT noticeChanged(m_notice);
}

void TokenStore::save(const QString &account, const QByteArray &token, QObject *context,
                      std::function<void(bool)> done)
{
    m_memory.insert(account, token);
    QPointer<QObject> ctx(context);
    if (!m_keychainAvailable) {
        QMetaObject::invokeMethod(
            this,
            [ctx, done] {
                if (ctx)
                    done(false);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [this, ctx, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            keychainFailed(j->error(), j->errorString());
        else
            qCInfo(lcGithubAuth) << "token saved in the system keychain";
        if (ctx)
            QMetaObject::invokeMethod(
                ctx, [done, ok] { done(ok); }, Qt::QueuedConnection);
    });
    job->start();
}

void TokenStore::load(const QString &account, QObject *context, std::function<void(const QByteArray &)> done)
{
    QPointer<QObject> ctx(context);
    const auto it = m_memory.constFind(account);
    if (it != m_memory.cend() || !m_keychainAvailable) {
        const QByteArray token = m_memory.value(account);
        QMetaObject::invokeMethod(
            this,
            [ctx, done, token] {
                if (ctx)
                    done(token);
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, ctx, done, account](QKeychain::Job *j) {
        QByteArray token;
        if (j->error() == QKeychain::NoError) {
            token = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
            m_memory.insert(account, token);
        } else if (j->error() != QKeychain::EntryNotFound) {
            keychainFailed(j->error(), j->errorString());
        }
        if (ctx)
            QMetaObject::invokeMethod(
                ctx, [done, token] { done(token); }, Qt::QueuedConnection);
    });
    job->start();
}

void TokenStore::remove(const QString &account, QObject *context, std::function<void()> done)
{
    m_memory.remove(account);
    QPointer<QObject> ctx(context);
    if (!m_keychainAvailable) {
        QMetaObject::invokeMethod(
            this,
            [ctx, done] {
                if (ctx)
                    done();
            },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [ctx, done](QKeychain::Job *) {
        if (ctx)
            QMetaObject::invokeMethod(
                ctx, [done] { done(); }, Qt::QueuedConnection);
    });
    job->start();
}

} // namespace github
