#include "github/githublogin.h"

#include "github/githublog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace github {

namespace {

const QString kGrantType = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");

GithubRequest webPost(const QString &path, const QJsonObject &body, const QString &what)
{
    GithubRequest r;
    r.verb = "POST";
    r.web = true;
    r.authorize = false;
    r.accept = "application/json"; // else github.com answers form-encoded
    r.path = path;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.contentCreating = false;
    r.idempotent = false;
    r.what = what;
    return r;
}

} // namespace

DeviceFlowLogin::DeviceFlowLogin(GithubClient *client, const QString &clientId, const QStringList &scopes,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clientId(clientId)
    , m_scopes(scopes)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceFlowLogin::poll);
}

void DeviceFlowLogin::start()
{
    m_running = true;
    m_polls = 0;
    const GithubRequest r = webPost(QStringLiteral("/login/device/code"),
                                    QJsonObject{{QStringLiteral("client_id"), m_clientId},
                                                {QStringLiteral("scope"), m_scopes.join(u' ')}},
                                    QStringLiteral("start the GitHub login"));
    m_client->send(r, this, [this](const GithubReply &reply) {
        if (!m_running)
            return;
        TokenAnswer error;
        if (parseTokenAnswer(reply.body, &error) && !error.error.isEmpty()) {
            fail(error.errorDescription, error.error);
            return;
        }
        if (!reply.ok()) {
            m_running = false;
            Q_EMIT failed(reply.error);
            return;
        }
        if (!parseDeviceCode(reply.body, &m_code)) {
            fail(QStringLiteral("GitHub's answer had no user code"));
            return;
        }
        m_intervalMs = m_code.interval * 1000;
        m_expiresAtMs = QDateTime::currentMSecsSinceEpoch() + qint64(m_code.expiresIn) * 1000;
        qCInfo(lcGithubAuth).noquote()
            << "device code issued; waiting for approval at" << m_code.verificationUri;
        Q_EMIT codeReady(m_code);
        m_timer.start(m_intervalMs);
    });
}

void DeviceFlowLogin::cancel()
{
    m_running = false;
    m_timer.stop();
}

void DeviceFlowLogin::poll()
{
    if (!m_running)
        return;
    if (m_code.expiresIn > 0 && QDateTime::currentMSecsSinceEpoch() >= m_expiresAtMs) {
        fail({}, QStringLiteral("expired_token"));
        return;
    }
    ++m_polls;
    const GithubRequest r = webPost(QStringLiteral("/login/oauth/access_token"),
                                    QJsonObject{{QStringLiteral("client_id"), m_clientId},
                                                {QStringLiteral("device_code"), m_code.deviceCode},
                                                {QStringLiteral("grant_type"), kGrantType}},
                                    QStringLiteral("finish the GitHub login"));
    m_client->send(r, this, [this](const GithubReply &reply) {
        if (!m_running)
            return;
        TokenAnswer answer;
        // The `error` field counts whatever the HTTP status.
        if (!parseTokenAnswer(reply.body, &answer)) {
            if (!reply.ok() && reply.error.kind == GithubError::Kind::Network) {
                m_timer.start(m_intervalMs); // keep trying while the code is valid
                return;
            }
            if (!reply.ok()) {
                m_running = false;
                Q_EMIT failed(reply.error);
                return;
            }
            fail(QStringLiteral("GitHub's answer had neither a token nor an error"));
            return;
        }
        if (!answer.accessToken.isEmpty()) {
            m_running = false;
            qCInfo(lcGithubAuth) << "device flow approved"; // never the token
            Q_EMIT succeeded(answer.accessToken, answer.scope);
            return;
        }
        if (answer.error == QLatin1String("authorization_pending")) {
            m_timer.start(m_intervalMs);
            return;
        }
        if (answer.error == QLatin1String("slow_down")) {
            // The answer carries the new interval; without one, GitHub adds five seconds.
            m_intervalMs = answer.interval > 0 ? answer.interval * 1000 : m_intervalMs + 5000;
            qCInfo(lcGithubAuth) << "slow_down: polling every" << m_intervalMs / 1000 << "s";
            m_timer.start(m_intervalMs);
            return;
        }
        fail(answer.errorDescription, answer.error);
    });
}

void DeviceFlowLogin::fail(const QString &description, const QString &code)
{
    m_running = false;
    m_timer.stop();
    GithubError e;
    e.kind = GithubError::Kind::Login;
    e.githubMessage = code;
    if (code == QLatin1String("expired_token"))
        e.message =
            QStringLiteral("The GitHub login code expired before it was entered. Start the login again and "
                           "enter the new code within %1 minutes.")
                .arg(std::max(1, m_code.expiresIn / 60));
    else if (code == QLatin1String("access_denied"))
        e.message =
            QStringLiteral("The GitHub login was cancelled on the approval page. Start the login again and "
                           "choose Authorize.");
    else if (code == QLatin1String("device_flow_disabled"))
        e.message = QStringLiteral(
            "This OAuth app does not allow the device flow. Enable \"Device Flow\" in the app's "
            "settings on GitHub, or log in with a personal access token.");
    else if (code == QLatin1String("incorrect_client_credentials"))
        e.message =
            QStringLiteral("GitHub does not know the OAuth client id \"%1\". Check the client id in the "
                           "settings, or log in with a personal access token.")
                .arg(m_clientId);
    else
        e.message = QStringLiteral("The GitHub login failed (") + (code.isEmpty() ? description : code) +
                    QStringLiteral("). Start the login again, or log in with a personal access token.");
    if (!description.isEmpty() && !code.isEmpty())
        e.message += QStringLiteral(" GitHub says: \"") + description + QStringLiteral("\".");
    Q_EMIT failed(e);
}

void verifyToken(GithubClient *client, QObject *context,
                 std::function<void(const GithubError &, const User &, const QStringList &)> done)
{
    GithubRequest r;
    r.path = QStringLiteral("/user");
    r.what = QStringLiteral("check the GitHub token");
    QPointer<QObject> ctx(context);
    client->send(r, client, [ctx, done](const GithubReply &reply) {
        User user;
        QStringList scopes;
        GithubError e = reply.error;
        if (reply.ok()) {
            if (!parseUser(reply.body, &user))
                e = GithubError::make(
                    GithubError::Kind::Decode,
                    QStringLiteral("GitHub's answer to GET /user named no account. Check that the "
                                   "API address points at GitHub."));
            for (const QByteArray &s : reply.headers.value("x-oauth-scopes").split(',')) {
                if (!s.trimmed().isEmpty())
                    scopes.append(QString::fromLatin1(s.trimmed()));
            }
        } else if (e.kind == GithubError::Kind::Unauthorized) {
            e.message =
                QStringLiteral("GitHub did not accept this token (401 Bad credentials). Check that it was "
                               "copied whole and has not expired, or create a new one and log in again.");
        }
        if (!ctx)
            return;
        QMetaObject::invokeMethod(
            ctx, [done, e, user, scopes] { done(e, user, scopes); }, Qt::QueuedConnection);
    });
}

} // namespace github
