#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace github {

// The GitHub token in the system keychain (Secret Service, KWallet, macOS
// Keychain, Windows Credential Manager) through qtkeychain. Where no keychain
// runs (CI, a bare session), the token is kept in memory for this session only
// and `notice()` says so and how to fix it. Tokens never reach a log.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(const QString &service = QStringLiteral("CourseOps"), QObject *parent = nullptr);

    // `account`: e.g. "api.github.com/alice". `done(persisted)`: false when it is
    // only in memory (notice() then says why).
    void save(const QString &account, const QByteArray &token, QObject *context,
              std::function<void(bool persisted)> done);
    // `done(token)`: empty when there is none (notice() says why when the keychain failed).
    void load(const QString &account, QObject *context, std::function<void(const QByteArray &token)> done);
    void remove(const QString &account, QObject *context, std::function<void()> done);

    bool keychainAvailable() const { return m_keychainAvailable; }
    QString notice() const { return m_notice; }

Q_SIGNALS:
    void noticeChanged(const QString &notice);

private:
    void keychainFailed(int error, const QString &errorString);

    QString m_service;
    QHash<QString, QByteArray> m_memory;
    QString m_notice;
    bool m_keychainAvailable = true;
};

} // namespace github
