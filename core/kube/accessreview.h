#pragma once

#include "kube/apistatus.h"

#include <QObject>
#include <QString>
#include <functional>

namespace kube {

class KubeClient;

struct AccessAnswer
{
    bool allowed = false;
    bool denied = false; // explicitly denied (not merely "no rule allows it")
    QString reason;      // status.reason, as `kubectl auth can-i -v` shows it
    QString evaluationError;
    ApiStatus status; // not Ok when the review itself failed (then allowed is false)
};

// `kubectl auth can-i`: a SelfSubjectAccessReview of one action. The console
// asks before it offers an action, instead of letting the user meet a 403.
class AccessReview
{
public:
    static void canI(KubeClient *client, const QString &verb, const QString &group, const QString &resource,
                     const QString &subresource, const QString &ns, QObject *context,
                     std::function<void(const AccessAnswer &)> done, const QString &name = {});

    // The review's JSON body, and its answer read back.
    static QByteArray requestBody(const QString &verb, const QString &group, const QString &resource,
                                  const QString &subresource, const QString &ns, const QString &name);
    static AccessAnswer parseAnswer(const QByteArray &body);
};

} // namespace kube
