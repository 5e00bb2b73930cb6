#pragma once

#include "github/githubjson.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace github {
class DeviceFlowLogin;
class GithubClient;
} // namespace github

// Signs in to GitHub, either by the device flow (the code is shown, and the
// page to type it on opens in the browser) or with a personal access token,
// which is checked with GET /user before it is accepted. The token is handed
// over by loggedIn(); the caller stores it (TokenStore) — it is never shown or
// logged again.
class GithubLoginDialog : public QDialog
{
    Q_OBJECT

public:
    // `clientId`: the OAuth app for the device flow; empty disables it, with the reason.
    GithubLoginDialog(github::GithubClient *client, const QString &clientId, QWidget *parent = nullptr);
    ~GithubLoginDialog() override;

    QByteArray token() const { return m_token; }
    github::User user() const { return m_user; }

Q_SIGNALS:
    void loggedIn(const QByteArray &token, const github::User &user);

private:
    void startDeviceFlow();
    void checkToken();
    void accepted(const QByteArray &token);
    void showError(const QString &message);

    github::GithubClient *m_client;
    QString m_clientId;
    github::DeviceFlowLogin *m_flow = nullptr;
    QLabel *m_code = nullptr;
    QLabel *m_deviceStatus = nullptr;
    QPushButton *m_deviceButton = nullptr;
    QPushButton *m_openPage = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QPushButton *m_tokenButton = nullptr;
    QLabel *m_error = nullptr;
    QString m_verificationUri;
    QByteArray m_token;
    github::User m_user;
};
