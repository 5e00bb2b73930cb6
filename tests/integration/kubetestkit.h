#pragma once

// What the integration tests share: the sandbox's cluster as the library reads
// it, kubeconfigs written for it (other users, other CAs, exec plugins), and
// blocking calls for test code.

#include "../common/sandboxprocess.h"
#include "kube/clusteraccess.h"
#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

namespace kubetest {

struct Cluster
{
    QUrl server;
    QByteArray caPem;
    QString adminToken;
    QString taToken;
};

inline Cluster clusterOf(const SandboxProcess &sandbox)
{
    const kube::KubeConfig config = kube::KubeConfig::load({sandbox.kubeconfig()});
    const auto admin = config.resolve(QStringLiteral("sandbox-admin"));
    const auto ta = config.resolve(QStringLiteral("sandbox-ta"));
    if (!admin || !ta)
        return {};
    return {admin->server, admin->certificateAuthorityPem, admin->bearerToken, ta->bearerToken};
}

// A one-context kubeconfig: `userYaml` is the body of users[0].user, indented
// by six spaces; `clusterExtra` adds lines to the cluster (tls-server-name ...).
inline QString writeKubeconfig(const QString &path, const QUrl &server, const QByteArray &caPem,
                               const QString &userYaml, const QString &clusterExtra = {})
{
    QString yaml =
        QStringLiteral("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: %1\n")
            .arg(server.toString());
    if (!caPem.isEmpty())
        yaml +=
            QStringLiteral("    certificate-authority-data: %1\n").arg(QString::fromLatin1(caPem.toBase64()));
    if (!clusterExtra.isEmpty())
        yaml += clusterExtra;
    yaml += QStringLiteral("users:\n- name: u\n  user:\n") + userYaml +
            QStringLiteral(
                "contexts:\n- name: test\n  context:\n    cluster: c\n    user: u\n    namespace: students\n"
                "current-context: test\n");
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(yaml.toUtf8());
    return path;
}

inline QString tokenUser(const QString &token)
{
    return QStringLiteral("      token: %1\n").arg(token);
}

// Tries `check` until it holds, letting events run in between; false when it
// never did within `timeoutMs`. Unlike QTRY_*, the check runs once per try, so
// a state that flips back and forth cannot fail a try that succeeded.
inline bool eventually(const std::function<bool()> &check, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        if (check())
            return true;
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100);
    }
}

inline std::shared_ptr<kube::ClusterAccess> accessFor(const QString &kubeconfig, const QString &context = {})
{
    QString error;
    auto access = kube::ClusterAccess::fromKubeconfig({kubeconfig}, context, &error);
    if (!access)
        qWarning().noquote() << "kubeconfig unusable:" << error;
    return access;
}

inline kube::ApiResult get(kube::KubeClient &client, const QString &path, const QUrlQuery &query = {})
{
    kube::ApiRequest r;
    r.path = path;
    r.query = query;
    return client.sendAndWait(r);
}

inline kube::ApiResult send(kube::KubeClient &client, const QByteArray &verb, const QString &path,
                            const QByteArray &body = {}, const QByteArray &contentType = "application/json",
                            const QUrlQuery &query = {})
{
    kube::ApiRequest r;
    r.verb = verb;
    r.path = path;
    r.body = body;
    r.query = query;
    if (!body.isEmpty())
        r.contentType = contentType;
    return client.sendAndWait(r);
}

inline QJsonObject json(const kube::ApiResult &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace kubetest

#include "kube/reflector.h"

namespace kubetest {

// What a consumer of a reflector's deltas holds: the map the batches build.
// It also checks the promise consumers rely on: no Added for an object it
// already has, no Modified or Deleted for one it never got.
template<typename T> struct Mirror
{
    QHash<QString, T> objects;
    int violations = 0;
    qsizetype deltas = 0;

    void apply(const QList<kube::Delta<T>> &batch)
    {
        for (const kube::Delta<T> &d : batch) {
            ++deltas;
            const QString key = d.object.namespaceName + u'/' + d.object.name;
            const bool known = objects.contains(key);
            switch (d.type) {
            case kube::DeltaType::Added:
                if (known) {
                    qWarning().noquote() << "duplicate Added for" << key;
                    ++violations;
                }
                objects.insert(key, d.object);
                break;
            case kube::DeltaType::Modified:
                if (!known) {
                    qWarning().noquote() << "Modified for unknown" << key;
                    ++violations;
                }
                objects.insert(key, d.object);
                break;
            case kube::DeltaType::Deleted:
                if (!known) {
                    qWarning().noquote() << "Deleted for unknown" << key;
                    ++violations;
                }
                objects.remove(key);
                break;
            }
        }
    }
};

// namespace/name -> "uid rv" for a set of objects.
using Identities = QMap<QString, QString>;

template<typename T> Identities identitiesOf(const QList<T> &objects)
{
    Identities out;
    for (const T &o : objects)
        out.insert(o.namespaceName + u'/' + o.name,
                   o.uid.toString(QUuid::WithoutBraces) + u' ' + o.resourceVersion.toString());
    return out;
}

template<typename T> Identities identitiesOf(const QHash<QString, T> &objects)
{
    return identitiesOf(objects.values());
}

// What the server holds now: one unpaged list, read the simple way.
inline Identities serverIdentities(kube::KubeClient &client, const QString &path, QString *error = nullptr)
{
    const kube::ApiResult r = get(client, path);
    if (!r.ok()) {
        if (error)
            *error = r.status.message;
        return {};
    }
    Identities out;
    for (const QJsonValue &item : json(r)[QLatin1String("items")].toArray()) {
        const QJsonObject meta = item[QLatin1String("metadata")].toObject();
        out.insert(
            meta[QLatin1String("namespace")].toString() + u'/' + meta[QLatin1String("name")].toString(),
            meta[QLatin1String("uid")].toString() + u' ' + meta[QLatin1String("resourceVersion")].toString());
    }
    return out;
}

// The first difference between two states, for a readable failure.
inline QString firstDifference(const Identities &mine, const Identities &server)
{
    for (auto it = server.begin(); it != server.end(); ++it) {
        if (!mine.contains(it.key()))
            return QStringLiteral("missing %1 (%2)").arg(it.key(), it.value());
        if (mine.value(it.key()) != it.value())
            return QStringLiteral("%1: mine %2, server %3").arg(it.key(), mine.value(it.key()), it.value());
    }
    for (auto it = mine.begin(); it != mine.end(); ++it) {
        if (!server.contains(it.key()))
            return QStringLiteral("extra %1 (%2)").arg(it.key(), it.value());
    }
    return {};
}

} // namespace kubetest
