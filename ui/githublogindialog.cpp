#include "githublogindialog.h"
#include "theme.h"

#include "github/githubclient.h"
#include "github/githublogin.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

GithubLoginDialog::GithubLoginDialog(github::GithubClient *client, const QString &clientId, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_clientId(clientId)
{
    setWindowTitle(tr("Sign in to GitHub"));
    setObjectName(QStringLiteral("githubLoginDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("CourseOps reads and writes student repositories as you. Sign in at %1.")
                                 .arg(client->config().webUrl.host()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *device = new QGroupBox(tr("With your browser"), this);
    auto *deviceLayout = new QVBoxLayout(device);
    m_deviceButton = new QPushButton(tr("&Get a sign-in code"), device);
    m_deviceButton->setObjectName(QStringLiteral("deviceFlowButton"));
    m_code = new QLabel(device);
    m_code->setObjectName(QStringLiteral("userCode"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setAlignment(Qt::AlignCenter);
    QFont codeFont = m_code->font();
    codeFont.setPointSizeF(codeFont.pointSizeF() * 2);
    codeFont.setBold(true);
    codeFont.setLetterSpacing(QFont::AbsoluteSpacing, 3);
    m_code->setFont(codeFont);
    m_code->setAccessibleName(tr("Sign-in code"));
    m_code->hide();
    m_openPage = new QPushButton(tr("Copy the code and &open the page"), device);
    m_openPage->setObjectName(QStringLiteral("openVerificationPage"));
    m_openPage->hide();
    m_deviceStatus = new QLabel(device);
    m_deviceStatus->setObjectName(QStringLiteral("deviceStatus"));
    m_deviceStatus->setWordWrap(true);
    deviceLayout->addWidget(m_deviceButton);
    deviceLayout->addWidget(m_code);
    deviceLayout->addWidget(m_openPage);
    deviceLayout->addWidget(m_deviceStatus);
    if (clientId.isEmpty()) {
        m_deviceButton->setEnabled(false);
        m_deviceStatus->setText(tr("The browser sign-in needs the client ID of the course's GitHub OAuth app "
                                   "(Settings ▸ GitHub). A personal access token works without one."));
    }
    layout->addWidget(device);

    auto *tokenBox = new QGroupBox(tr("With a personal access token"), this);
    auto *tokenLayout = new QFormLayout(tokenBox);
    m_tokenEdit = new QLineEdit(tokenBox);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tr("ghp_… or github_pat_…"));
    m_tokenEdit->setAccessibleName(tr("Personal access token"));
    m_tokenButton = new QPushButton(tr("&Check and use"), tokenBox);
    m_tokenButton->setObjectName(QStringLiteral("useTokenButton"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_tokenEdit, 1);
    row->addWidget(m_tokenButton);
    tokenLayout->addRow(tr("&Token:"), row);
    auto *hint = new QLabel(tr("Needs the scopes repo and read:org (classic), or contents and administration "
                               "read/write on the course's repositories (fine-grained)."),
                            tokenBox);
    hint->setWordWrap(true);
    tokenLayout->addRow(hint);
    layout->addWidget(tokenBox);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(theme::cssColor(theme::Tone::Error));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);

    connect(m_deviceButton, &QPushButton::clicked, this, &GithubLoginDialog::startDeviceFlow);
    connect(m_openPage, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_code->text());
        QDesktopServices::openUrl(QUrl(m_verificationUri));
    });
    connect(m_tokenButton, &QPushButton::clicked, this, &GithubLoginDialog::checkToken);
    connect(m_tokenEdit, &QLineEdit::returnPressed, this, &GithubLoginDialog::checkToken);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

GithubLoginDialog::~GithubLoginDialog()
{
    if (m_flow)
        m_flow->cancel();
}

void GithubLoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void GithubLoginDialog::startDeviceFlow()
{
    showError({});
    delete m_flow;
    m_flow = new github::DeviceFlowLogin(m_client, m_clientId, {QStringLiteral("repo"), QStringLiteral("read:org")}, this);
    connect(m_flow, &github::DeviceFlowLogin::codeReady, this, [this](const github::DeviceCode &code) {
        m_verificationUri = code.verificationUri;
        m_code->setText(code.userCode);
        m_code->show();
        m_openPage->show();
        m_deviceStatus->setText(tr("Type this code at %1. Waiting for you to approve… (the code expires in %2 "
                                   "minutes)")
                                    .arg(code.verificationUri)
                                    .arg(qMax(1, code.expiresIn / 60)));
        m_deviceButton->setText(tr("&Get a new code"));
    });
    connect(m_flow, &github::DeviceFlowLogin::succeeded, this,
            [this](const QByteArray &token, const QString &) { accepted(token); });
    connect(m_flow, &github::DeviceFlowLogin::failed, this, [this](const github::GithubError &error) {
        m_deviceStatus->clear();
        m_code->hide();
        m_openPage->hide();
        showError(error.message);
    });
    m_deviceStatus->setText(tr("Asking GitHub for a code…"));
    m_flow->start();
}

void GithubLoginDialog::checkToken()
{
    const QByteArray token = m_tokenEdit->text().trimmed().toLatin1();
    if (token.isEmpty()) {
        showError(tr("Paste a token first. Make one at %1/settings/tokens.").arg(m_client->config().webUrl.toString()));
        return;
    }
    showError({});
    m_tokenButton->setEnabled(false);
    m_tokenButton->setText(tr("Checking…"));
    accepted(token);
}

void GithubLoginDialog::accepted(const QByteArray &token)
{
    // Check the token on a client of its own, so a wrong one never replaces a good one.
    auto *probe = new github::GithubClient(m_client->config(), this);
    probe->setToken(token);
    github::verifyToken(probe, this,
                        [this, probe, token](const github::GithubError &error, const github::User &user, const QStringList &) {
                            probe->deleteLater();
                            m_tokenButton->setEnabled(true);
                            m_tokenButton->setText(tr("&Check and use"));
                            if (!error.isOk()) {
                                showError(error.message);
                                return;
                            }
                            m_token = token;
                            m_user = user;
                            Q_EMIT loggedIn(token, user);
                            accept();
                        });
}
