#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace github {

// The outcome of one call to GitHub, worded for a person: `message` says what
// failed, why and what to do. The other fields are for code deciding what next.
struct GithubError
{
    enum class Kind : quint8 {
        Ok,
        Unauthorized, // 401: the token is wrong, expired or revoked
        Forbidden,    // 403 that is not a rate limit: missing scope or permission
        NotFound,     // 404: missing, or private and not visible to this account
        Conflict,     // 409: e.g. an empty repository, a merge conflict, a stale blob sha
        Validation,   // 422: GitHub's message says which field
        RateLimited,  // primary or secondary limit; resetAt / retryAfterSeconds say when
        Server,       // 5xx after the retries
        Network,      // no answer
        Tls,          // certificate check failed
        Decode,       // the answer was not the JSON GitHub documents
        Canceled,
        Login,    // device flow: expired, denied, disabled, bad client id
        Keychain, // the token store failed
    };

    Kind kind = Kind::Ok;
    int httpStatus = 0;         // when GitHub answered
    QString message;            // for a person
    QString githubMessage;      // GitHub's own `message` (or device-flow `error`), verbatim
    QString documentationUrl;   // GitHub's documentation_url, when given
    int retryAfterSeconds = -1; // Retry-After, -1 when absent
    QDateTime resetAt;          // x-ratelimit-reset when the primary limit ran out

    bool isOk() const { return kind == Kind::Ok; }
    static GithubError ok(int status = 200)
    {
        GithubError e;
        e.httpStatus = status;
        return e;
    }
    static GithubError make(Kind kind, const QString &message)
    {
        GithubError e;
        e.kind = kind;
        e.message = message;
        return e;
    }
};

// Lower-case header name -> value.
using Headers = QHash<QByteArray, QByteArray>;

// What a person reads for an error answer. `what` names the request
// ("create repository webapps101/alice"), `repository` the owner/name a 404
// is about (may be empty).
GithubError errorFromHttp(int status, const Headers &headers, const QByteArray &body, const QString &what,
                          const QString &repository = {});
GithubError errorFromNetwork(QNetworkReply::NetworkError error, const QString &errorString,
                             const QUrl &server);
GithubError errorFromSsl(const QList<QSslError> &errors, const QUrl &server);

// True when a 403/429 answer is one of GitHub's rate limits (primary or secondary).
bool isRateLimitAnswer(int status, const Headers &headers, const QByteArray &body);

} // namespace github

Q_DECLARE_METATYPE(github::GithubError)
