#include "github/githuberror.h"

#include "github/githubjson.h"

#include <QLocale>

namespace github {

namespace {

QString when(const QDateTime &t)
{
    return QLocale::c().toString(t.toLocalTime(), QStringLiteral("HH:mm:ss"));
}

QString quoted(const QString &githubMessage)
{
    return githubMessage.isEmpty()
               ? QString()
               : QString(QStringLiteral(" GitHub says: \"") + githubMessage + QStringLiteral("\"."));
}

} // namespace

bool isRateLimitAnswer(int status, const Headers &headers, const QByteArray &body)
{
    if (status != 403 && status != 429)
        return false;
    if (status == 429 || headers.contains("retry-after") || headers.value("x-ratelimit-remaining") == "0")
        return true;
    return body.contains("rate limit");
}

GithubError errorFromHttp(int status, const Headers &headers, const QByteArray &body, const QString &what,
                          const QString &repository)
{
    const ErrorBody parsed = parseErrorBody(body);
    GithubError e;
    e.httpStatus = status;
    e.githubMessage = parsed.message;
    e.documentationUrl = parsed.documentationUrl;
    bool ok = false;
    const int retryAfter = headers.value("retry-after").trimmed().toInt(&ok);
    e.retryAfterSeconds = ok ? retryAfter : -1;
    const QString failed = what.isEmpty() ? QStringLiteral("The GitHub request failed")
                                          : QString(QStringLiteral("Could not ") + what);
    QString details = parsed.message;
    for (const QString &d : parsed.details)
        details += (details.isEmpty() ? QString() : QStringLiteral("; ")) + d;

    if (isRateLimitAnswer(status, headers, body)) {
        e.kind = GithubError::Kind::RateLimited;
        const qint64 reset = headers.value("x-ratelimit-reset").toLongLong();
        if (headers.value("x-ratelimit-remaining") == "0" && reset > 0) {
            e.resetAt = QDateTime::fromSecsSinceEpoch(reset);
            e.message = failed +
                        QStringLiteral(": GitHub's hourly request limit for this account is used up (") +
                        QString::number(status) + QStringLiteral("). It resets at ") + when(e.resetAt) +
                        QStringLiteral("; try again then.");
        } else {
            const int wait = e.retryAfterSeconds >= 0 ? e.retryAfterSeconds : 60;
            e.message = failed + QStringLiteral(": GitHub's secondary rate limit stopped the request (") +
                        QString::number(status) + QStringLiteral("). Wait ") + QString::number(wait) +
                        QStringLiteral(" s and try again, and make fewer requests at once.");
        }
        return e;
    }
    switch (status) {
    case 401:
        e.kind = GithubError::Kind::Unauthorized;
        e.message = failed + QStringLiteral(": GitHub refused the token (401 Bad credentials). It may have "
                                            "expired or been revoked; log in to GitHub again.");
        break;
    case 403:
        e.kind = GithubError::Kind::Forbidden;
        e.message = failed + QStringLiteral(": GitHub refused (403 Forbidden).") + quoted(details) +
                    QStringLiteral(" Ask an owner for access, or log in with a token that has the ") +
                    QString::fromLatin1(headers.value("x-accepted-oauth-scopes", "repo")) +
                    QStringLiteral(" scope.");
        break;
    case 404:
        e.kind = GithubError::Kind::NotFound;
        e.message = failed + QStringLiteral(": ") +
                    (repository.isEmpty()
                         ? QStringLiteral("GitHub does not know it")
                         : QString(QStringLiteral("repository ") + repository +
                                   QStringLiteral(" does not exist or this account has no access to it"))) +
                    QStringLiteral(" (404). Check the name, and that the account you logged in with may see "
                                   "it (GitHub answers 404 for private repositories you cannot access).");
        break;
    case 409:
        e.kind = GithubError::Kind::Conflict;
        e.message = failed + QStringLiteral(" (409 Conflict).") + quoted(details) +
                    QStringLiteral(" Reload to see the repository's current state, then try again.");
        break;
    case 422:
        e.kind = GithubError::Kind::Validation;
        e.message = failed + QStringLiteral(" (422).") + quoted(details) +
                    QStringLiteral(" Change what GitHub names and try again.");
        break;
    default:
        if (status >= 500) {
            e.kind = GithubError::Kind::Server;
            e.message = failed + QStringLiteral(": GitHub had a server error (") + QString::number(status) +
                        QStringLiteral(") and retries did not help. Try again in a few minutes; "
                                       "https://www.githubstatus.com says whether GitHub is down.");
        } else {
            e.kind = GithubError::Kind::Validation;
            e.message = failed + QStringLiteral(" (HTTP ") + QString::number(status) + QStringLiteral(").") +
                        quoted(details);
        }
    }
    return e;
}

GithubError errorFromNetwork(QNetworkReply::NetworkError error, const QString &errorString,
                             const QUrl &server)
{
    GithubError e;
    e.kind = error == QNetworkReply::OperationCanceledError ? GithubError::Kind::Canceled
             : error == QNetworkReply::TimeoutError         ? GithubError::Kind::Network
                                                            : GithubError::Kind::Network;
    if (e.kind == GithubError::Kind::Canceled) {
        e.message = QStringLiteral("The GitHub request was canceled.");
        return e;
    }
    e.message = QStringLiteral("Could not reach GitHub at ") + server.toDisplayString(QUrl::RemovePath) +
                QStringLiteral(" (") + errorString +
                QStringLiteral("). Check the network connection and the GitHub API address, then try again.");
    return e;
}

GithubError errorFromSsl(const QList<QSslError> &errors, const QUrl &server)
{
    GithubError e;
    e.kind = GithubError::Kind::Tls;
    QStringList problems;
    for (const QSslError &s : errors)
        problems.append(s.errorString());
    problems.removeDuplicates();
    e.message =
        QStringLiteral("The certificate of ") + server.host() + QStringLiteral(" was not accepted (") +
        problems.join(QStringLiteral("; ")) +
        QStringLiteral("). If this is a GitHub Enterprise server or the sandbox, give its CA certificate "
                       "(COURSEOPS_GITHUB_CA); otherwise check the system clock and the network's proxy.");
    return e;
}

} // namespace github
