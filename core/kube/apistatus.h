#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace kube {

// The outcome of one call to the API server, in the form a person can act on.
// `message` is complete on its own ("what failed, why, what to do"); the other
// fields are for code that decides what to do next (retry, relist, re-login).
struct ApiStatus
{
    enum class Kind : quint8 {
        Ok,
        Http,       // the server answered with an error status (code, reason, serverMessage)
        Network,    // no answer: refused, unreachable, reset, dropped mid-stream
        Tls,        // the certificate check failed; message names the problem and the fix
        Timeout,    // no progress for too long
        Credential, // the exec plugin or the kubeconfig's credentials failed before any request
        Canceled,   // stopped by us
        Decode,     // the answer was not what the API promises (garbled JSON, wrong kind)
        Refused,    // we did not send it: the operation cannot apply (a paused Deployment's restart)
    };

    Kind kind = Kind::Ok;
    int code = 0;               // HTTP status when there was an answer (also on success), else 0
    QString reason;             // Status.reason ("NotFound", "Conflict", "Expired", ...) or our cause
    QString message;            // for a person
    QString serverMessage;      // Status.message exactly as the server wrote it; empty when none
    int retryAfterSeconds = -1; // the Retry-After header; -1 when absent

    bool isOk() const { return kind == Kind::Ok; }
    // 410 Gone / Expired: the resourceVersion or continue token is too old.
    bool isGone() const { return kind == Kind::Http && code == 410; }
    bool isRetryableLater() const
    {
        return kind == Kind::Network || kind == Kind::Timeout ||
               (kind == Kind::Http && (code == 429 || code >= 500));
    }

    static ApiStatus ok(int httpStatus = 200)
    {
        ApiStatus s;
        s.code = httpStatus;
        return s;
    }
    static ApiStatus canceled();
};

// What the messages say the request was about: "get deployment students/alice",
// "list pods". Optional; messages read well without it.
QString describeRequest(const QByteArray &verb, const QString &path);

// An error answer: reads the Status object in the body when there is one (the
// API server sends one for every error), else words a generic one.
ApiStatus statusFromHttp(int httpStatus, const QByteArray &body, int retryAfterSeconds,
                         const QString &what = {});

// A request that got no answer. `server` names the cluster in the message.
ApiStatus statusFromNetworkError(QNetworkReply::NetworkError error, const QString &errorString,
                                 const QUrl &server);

// A failed certificate check: expired, not valid yet, issued for another host,
// signed by an authority the kubeconfig does not trust, self-signed, revoked.
ApiStatus statusFromSslErrors(const QList<QSslError> &errors, const QUrl &server,
                              const QString &tlsServerName);

// The credential plugin (or token file) failed before any request was made.
ApiStatus statusFromCredentialError(const QString &error);

} // namespace kube

Q_DECLARE_METATYPE(kube::ApiStatus)
