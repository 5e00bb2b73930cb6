#pragma once

#include "github/githubclient.h"
#include "github/githubjson.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace github {

// GitHub's OAuth device flow: ask for a code, show the person the user code and
// the page to enter it on, poll until they approve (honouring `interval` and
// `slow_down`), and hand over the token. Runs in the client's thread.
class DeviceFlowLogin : public QObject
{
    Q_OBJECT

public:
    DeviceFlowLogin(GithubClient *client, const QString &clientId, const QStringList &scopes,
                    QObject *parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    int pollIntervalSeconds() const { return m_intervalMs / 1000; }
    int polls() const { return m_polls; }

Q_SIGNALS:
    // Show `userCode` and open `verificationUri`.
    void codeReady(const github::DeviceCode &code);
    // The token is never logged; store it with TokenStore.
    void succeeded(const QByteArray &token, const QString &scopes);
    void failed(const github::GithubError &error);

private:
    void poll();
    void fail(const QString &message, const QString &code = {});

    GithubClient *m_client;
    QString m_clientId;
    QStringList m_scopes;
    DeviceCode m_code;
    QTimer m_timer;
    qint64 m_expiresAtMs = 0;
    int m_intervalMs = 5000;
    int m_polls = 0;
    bool m_running = false;
};

// Who a token belongs to (GET /user) and its classic scopes (x-oauth-scopes;
// empty for fine-grained tokens). Logging in with a personal access token is
// this check followed by TokenStore::save.
void verifyToken(GithubClient *client, QObject *context,
                 std::function<void(const GithubError &, const User &, const QStringList &scopes)> done);

} // namespace github

Q_DECLARE_METATYPE(github::DeviceCode)
