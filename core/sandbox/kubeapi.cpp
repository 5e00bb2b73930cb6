#include "sandbox/kubeapi.h"

#include "sandbox/jsonpatch.h"
#include "sandbox/protobufbody.h"
#include "sandbox/sandboxlog.h"
#include "sandbox/selector.h"
#include "sandbox/tables.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

#include <cmath>
#include <optional>

namespace sandbox {

namespace {

const QByteArray kJson = "application/json";

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

bool wantsTable(const HttpRequest &r)
{
    return r.header("accept").contains("as=Table");
}

IncludeObject includeObject(const HttpRequest &r)
{
    const QString v = r.queryValue(QStringLiteral("includeObject"));
    if (v == QLatin1String("None"))
        return IncludeObject::None;
    if (v == QLatin1String("Object"))
        return IncludeObject::Object;
    return IncludeObject::Metadata;
}

bool isTrue(const QString &v)
{
    return v == QLatin1String("true") || v == QLatin1String("1");
}

// Reads a JSON path such as "spec.nodeName" for field selectors.
std::optional<QString> fieldValue(const QJsonObject &o, QStringView path)
{
    QJsonValue v = o;
    for (QStringView part : path.split(u'.'))
        v = v.toObject().value(part.toString());
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toInteger());
    return QString(); // absent fields compare as empty, as the API server's field sets do
}

QString encodeContinue(quint64 rv, const QString &lastKey)
{
    const QJsonObject token{{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("rv"), qint64(rv)},
                            {QStringLiteral("start"), QString(lastKey + QChar(0))}};
    return QString::fromLatin1(toJson(token).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeContinue(const QString &token, quint64 *rv, QString *lastKey)
{
    const QByteArray raw = QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonObject o = QJsonDocument::fromJson(raw).object();
    if (o.value(QStringLiteral("v")).toString() != QLatin1String("meta.k8s.io/v1"))
        return false;
    *rv = quint64(o.value(QStringLiteral("rv")).toInteger());
    *lastKey = o.value(QStringLiteral("start")).toString();
    if (lastKey->endsWith(QChar(0)))
        lastKey->chop(1);
    return true;
}

QJsonObject scaleOf(const QJsonObject &deployment);

ApiError resourceNotFound()
{
    return {404, QStringLiteral("NotFound"), QStringLiteral("the server could not find the requested resource"), {}};
}

ApiError methodNotAllowed()
{
    return {405, QStringLiteral("MethodNotAllowed"),
            QStringLiteral("the server does not allow this method on the requested resource"), {}};
}

} // namespace

QByteArray statusJson(const ApiError &e)
{
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("Status")},
                  {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                  {QStringLiteral("metadata"), QJsonObject()},
                  {QStringLiteral("status"), QStringLiteral("Failure")},
                  {QStringLiteral("message"), e.message},
                  {QStringLiteral("reason"), e.reason},
                  {QStringLiteral("code"), e.code}};
    if (!e.details.isEmpty())
        o.insert(QStringLiteral("details"), e.details);
    return toJson(o);
}

Faults Faults::parse(const QString &spec, QString *error)
{
    Faults f;
    for (const QString &item : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString key = item.section(u'=', 0, 0).trimmed();
        QString value = item.section(u'=', 1).trimmed();
        auto millis = [&](bool *ok) {
            qint64 factor = 1;
            if (value.endsWith(QLatin1String("ms")))
                value.chop(2);
            else if (value.endsWith(u's')) {
                value.chop(1);
                factor = 1000;
            } else if (value.endsWith(u'm')) {
                value.chop(1);
                factor = 60000;
            }
            return int(value.toDouble(ok) * factor);
        };
        bool ok = false;
        if (key == QLatin1String("500"))
            f.errorRate = value.toDouble(&ok);
        else if (key == QLatin1String("429"))
            f.throttleRate = value.toDouble(&ok);
        else if (key == QLatin1String("retry-after"))
            f.retryAfterSeconds = value.toInt(&ok);
        else if (key == QLatin1String("latency"))
            f.latencyMs = millis(&ok);
        else if (key == QLatin1String("drop-watch"))
            f.dropWatchesAfterMs = millis(&ok);
        else if (key == QLatin1String("compact"))
            f.compactEveryMs = millis(&ok);
        else if (key == QLatin1String("qps"))
            f.qps = value.toDouble(&ok);
        else if (key == QLatin1String("burst"))
            f.burst = value.toInt(&ok);
        else if (key.startsWith(QLatin1String("github")))
            ok = true; // the GitHub half reads its own
        if (!ok && error) {
            *error = QStringLiteral("fault '%1' is not understood: use 500=RATE, 429=RATE, retry-after=SECONDS, "
                                    "latency=20ms, drop-watch=30s, compact=60s, qps=50 or burst=50")
                         .arg(item);
            return {};
        }
    }
    return f;
}

// A request path taken apart: /api/v1/namespaces/ns/pods/name/log
struct KubeApi::Route
{
    const ResourceType *type = nullptr;
    QString group;
    QString version;
    QString ns;          // "" for cluster scope or all namespaces
    QString name;        // "" for collections
    QString subresource; // "", "status", "log", "exec", "scale"
    QString verb;        // get list watch create update patch delete deletecollection
};

struct KubeApi::Watcher
{
    const ResourceType *type = nullptr;
    QString ns;
    std::optional<LabelSelector> labels;
    std::optional<FieldSelector> fields;
    bool table = false;
    IncludeObject include = IncludeObject::Metadata;
    bool bookmarks = false;
    bool sentColumns = false;
    quint64 lastRv = 0;
    QPointer<HttpResponse> response;
    QTimer *timeout = nullptr;
};

KubeApi::KubeApi(ObjectStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(m_store, &ObjectStore::changed, this, &KubeApi::onChanged);
    m_bookmarkTimer.setInterval(5000);
    connect(&m_bookmarkTimer, &QTimer::timeout, this, &KubeApi::sendBookmarks);
    m_bookmarkTimer.start();
    connect(&m_compactTimer, &QTimer::timeout, this, [this] { m_store->compact(); });
}

KubeApi::~KubeApi()
{
    for (auto &list : m_watchers) {
        for (Watcher *w : list)
            delete w;
    }
}

void KubeApi::addUser(const QByteArray &token, const ApiUser &user)
{
    m_users.insert(token, user);
}

void KubeApi::setFaults(const Faults &faults)
{
    m_faults = faults;
    m_tokensAtMs = -1;
    if (faults.compactEveryMs > 0)
        m_compactTimer.start(faults.compactEveryMs);
    else
        m_compactTimer.stop();
}

void KubeApi::setDefaultWatchTimeout(int minSeconds, int maxSeconds)
{
    m_watchTimeoutMin = minSeconds;
    m_watchTimeoutMax = std::max(minSeconds, maxSeconds);
}

qsizetype KubeApi::watchCount() const
{
    qsizetype n = 0;
    for (const auto &list : m_watchers)
        n += list.size();
    return n;
}

bool KubeApi::handles(const QByteArray &path)
{
    return path == "/api" || path.startsWith("/api/") || path == "/apis" || path.startsWith("/apis/") ||
           path == "/version" || path.startsWith("/healthz") || path.startsWith("/readyz") ||
           path.startsWith("/livez") || path.startsWith("/openapi");
}

const ApiUser *KubeApi::authenticate(const HttpRequest &request) const
{
    QByteArray auth = request.header("authorization");
    QByteArray token;
    if (auth.startsWith("Bearer ") || auth.startsWith("bearer "))
        token = auth.mid(7).trimmed();
    if (token.isEmpty()) {
        // Browsers cannot set headers on WebSockets: the token rides in a subprotocol.
        static const QByteArray prefix = "base64url.bearer.authorization.k8s.io.";
        for (const QByteArray &p : request.header("sec-websocket-protocol").split(',')) {
            const QByteArray t = p.trimmed();
            if (t.startsWith(prefix))
                token = QByteArray::fromBase64(t.mid(prefix.size()), QByteArray::Base64UrlEncoding |
                                                                            QByteArray::OmitTrailingEquals);
        }
    }
    const auto it = m_users.constFind(token);
    return it == m_users.constEnd() ? nullptr : &*it;
}

bool KubeApi::allowed(const ApiUser &user, const QString &verb, const QString &group, const QString &resource,
                      const QString &subresource, const QString &ns) const
{
    Q_UNUSED(group);
    Q_UNUSED(ns);
    if (resource == QLatin1String("selfsubjectaccessreviews") || resource == QLatin1String("selfsubjectrulesreviews"))
        return verb == QLatin1String("create");
    if (!user.readOnly)
        return true;
    static const QStringList readVerbs{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")};
    if (resource == QLatin1String("pods") && subresource == QLatin1String("exec"))
        return false;
    return readVerbs.contains(verb);
}

void KubeApi::handle(const HttpRequest &request, HttpResponse *response)
{
    const QByteArray path = request.path;
    // Health and version need no credentials, as on a kubeadm cluster.
    if (path == "/healthz" || path == "/readyz" || path == "/livez" || path.startsWith("/healthz/") ||
        path.startsWith("/readyz/") || path.startsWith("/livez/")) {
        response->send(200, "text/plain; charset=utf-8", "ok");
        return;
    }
    if (path == "/version") {
        const QJsonObject v{{QStringLiteral("major"), QStringLiteral("1")},
                            {QStringLiteral("minor"), QStringLiteral("32")},
                            {QStringLiteral("gitVersion"), QStringLiteral("v1.32.0-courseops-sandbox")},
                            {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
                            {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
                            {QStringLiteral("buildDate"), QStringLiteral("2026-01-01T00:00:00Z")},
                            {QStringLiteral("goVersion"), QStringLiteral("go1.23.0")},
                            {QStringLiteral("compiler"), QStringLiteral("gc")},
                            {QStringLiteral("platform"), QStringLiteral("linux/amd64")}};
        response->send(200, kJson, toJson(v));
        return;
    }
    const ApiUser *user = authenticate(request);
    if (!user) {
        response->send(401, kJson, statusJson({401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}}));
        return;
    }
    const bool isWatch = isTrue(request.queryValue(QStringLiteral("watch")));
    if (!isWatch && m_faults.qps > 0) {
        const double capacity = m_faults.burst > 0 ? m_faults.burst : std::max(1.0, m_faults.qps);
        if (!m_bucketClock.isValid())
            m_bucketClock.start();
        const qint64 now = m_bucketClock.elapsed();
        m_tokens = m_tokensAtMs < 0 ? capacity
                                    : std::min(capacity, m_tokens + double(now - m_tokensAtMs) * m_faults.qps / 1000.0);
        m_tokensAtMs = now;
        if (m_tokens < 1) {
            // Retry-After is whole seconds, as the API server sends it.
            const int wait = std::max(1, int(std::ceil((1 - m_tokens) / m_faults.qps)));
            ++m_throttled;
            qCDebug(lcSandboxKube) << "flow control: 429 for" << request.method << request.path << "(" << m_throttled
                                  << "so far)";
            response->send(429, kJson,
                           statusJson({429, QStringLiteral("TooManyRequests"),
                                       QStringLiteral("Too many requests, please try again later."),
                                       QJsonObject{{QStringLiteral("retryAfterSeconds"), wait}}}),
                           {{"Retry-After", QByteArray::number(wait)}});
            return;
        }
        m_tokens -= 1;
    }
    if (!isWatch) {
        auto *rng = QRandomGenerator::global();
        if (m_faults.throttleRate > 0 && rng->generateDouble() < m_faults.throttleRate) {
            response->send(429, kJson,
                           statusJson({429, QStringLiteral("TooManyRequests"),
                                       QStringLiteral("Too many requests, please try again later."),
                                       QJsonObject{{QStringLiteral("retryAfterSeconds"), m_faults.retryAfterSeconds}}}),
                           {{"Retry-After", QByteArray::number(m_faults.retryAfterSeconds)}});
            return;
        }
        if (m_faults.errorRate > 0 && rng->generateDouble() < m_faults.errorRate) {
            response->send(500, kJson,
                           statusJson({500, QStringLiteral("InternalError"),
                                       QStringLiteral("Internal error occurred: injected fault"), {}}));
            return;
        }
    }
    if (m_faults.latencyMs > 0) {
        QPointer<HttpResponse> guard(response);
        const HttpRequest copy = request;
        const ApiUser u = *user;
        QTimer::singleShot(m_faults.latencyMs, this, [this, guard, copy, u] {
            if (guard && !guard->isFinished())
                serve(copy, guard, u);
        });
        return;
    }
    serve(request, response, *user);
}

void KubeApi::serve(const HttpRequest &request, HttpResponse *response, const ApiUser &user)
{
    QStringList segments;
    for (const QByteArray &s : request.path.split('/')) {
        if (!s.isEmpty())
            segments << QUrl::fromPercentEncoding(s);
    }
    if (segments.isEmpty() || segments.first() == QLatin1String("openapi")) {
        response->send(404, kJson, statusJson(resourceNotFound()));
        return;
    }
    const bool core = segments.first() == QLatin1String("api");
    const qsizetype prefix = core ? 2 : 3;
    if (segments.size() <= prefix) {
        serveDiscovery(request, response, segments);
        return;
    }
    Route route;
    route.group = core ? QString() : segments.at(1);
    route.version = segments.at(prefix - 1);
    const QString gv = core ? route.version : route.group + u'/' + route.version;
    QStringList rest = segments.mid(prefix);
    if (rest.size() >= 3 && rest.first() == QLatin1String("namespaces") && rest.at(2) != QLatin1String("status") &&
        rest.at(2) != QLatin1String("finalize")) {
        route.ns = rest.at(1);
        rest = rest.mid(2);
    }
    route.type = findResourceType(gv, rest.first());
    if (!route.type || rest.size() > 3) {
        response->send(404, kJson, statusJson(resourceNotFound()));
        return;
    }
    if (rest.size() >= 2)
        route.name = rest.at(1);
    if (rest.size() == 3)
        route.subresource = rest.at(2);
    if (!route.subresource.isEmpty() && !route.type->subresources.contains(route.subresource)) {
        response->send(404, kJson, statusJson(resourceNotFound()));
        return;
    }

    const QByteArray &m = request.method;
    const bool named = !route.name.isEmpty();
    if (m == "GET")
        route.verb = named ? QStringLiteral("get")
                           : (isTrue(request.queryValue(QStringLiteral("watch"))) ? QStringLiteral("watch")
                                                                                  : QStringLiteral("list"));
    else if (m == "POST")
        route.verb = QStringLiteral("create");
    else if (m == "PUT")
        route.verb = QStringLiteral("update");
    else if (m == "PATCH")
        route.verb = QStringLiteral("patch");
    else if (m == "DELETE")
        route.verb = named ? QStringLiteral("delete") : QStringLiteral("deletecollection");
    // exec is a GET upgraded to a WebSocket, but it is authorised as create, as the API server does.
    if (route.subresource == QLatin1String("exec"))
        route.verb = QStringLiteral("create");
    if (route.verb.isEmpty() || (!route.subresource.isEmpty() && route.subresource != QLatin1String("exec") &&
                                 route.subresource != QLatin1String("log") && route.verb != QLatin1String("get") &&
                                 route.verb != QLatin1String("update") && route.verb != QLatin1String("patch"))) {
        response->send(405, kJson, statusJson(methodNotAllowed()));
        return;
    }

    if (!allowed(user, route.verb, route.group, route.type->plural, route.subresource, route.ns)) {
        const QString resource = route.subresource.isEmpty() ? route.type->plural
                                                             : route.type->plural + u'/' + route.subresource;
        const QString what = named ? QStringLiteral("%1 \"%2\"").arg(route.type->key(), route.name) : route.type->key();
        const QString scope = route.ns.isEmpty() ? QStringLiteral("at the cluster scope")
                                                 : QStringLiteral("in the namespace \"%1\"").arg(route.ns);
        response->send(403, kJson,
                       statusJson({403, QStringLiteral("Forbidden"),
                                   QStringLiteral("%1 is forbidden: User \"%2\" cannot %3 resource \"%4\" in API group "
                                                  "\"%5\" %6")
                                       .arg(what, user.name, route.verb, resource, route.group, scope),
                                   QJsonObject{{QStringLiteral("name"), route.name},
                                               {QStringLiteral("group"), route.group},
                                               {QStringLiteral("kind"), route.type->plural}}}));
        return;
    }

    if (route.type->group == QLatin1String("metrics.k8s.io")) {
        serveMetrics(request, response, route);
        return;
    }
    if (route.type->group == QLatin1String("authorization.k8s.io")) {
        serveReview(request, response, route, user);
        return;
    }
    if (route.subresource == QLatin1String("log")) {
        serveLogs(request, response, route);
        return;
    }
    if (route.subresource == QLatin1String("exec")) {
        response->send(400, kJson,
                       statusJson(ApiError::badRequest(QStringLiteral("Upgrade request required"))));
        return;
    }
    if (route.verb == QLatin1String("get"))
        serveGet(request, response, route);
    else if (route.verb == QLatin1String("list"))
        serveList(request, response, route);
    else if (route.verb == QLatin1String("watch"))
        serveWatch(request, response, route);
    else if (route.verb == QLatin1String("create"))
        serveCreate(request, response, route, user);
    else if (route.verb == QLatin1String("update"))
        serveUpdate(request, response, route);
    else if (route.verb == QLatin1String("patch"))
        servePatch(request, response, route);
    else if (route.verb == QLatin1String("delete"))
        serveDelete(request, response, route);
    else
        serveDeleteCollection(request, response, route);
}

void KubeApi::serveDiscovery(const HttpRequest &request, HttpResponse *response, const QStringList &segments)
{
    Q_UNUSED(request);
    auto notFound = [&] {
        response->send(404, kJson, statusJson(resourceNotFound()));
    };
    // Groups in discovery order, each with its one version.
    QList<QPair<QString, QString>> groups; // group, version
    for (const ResourceType &t : resourceTypes()) {
        const QPair<QString, QString> gv{t.group, t.version};
        if (!t.group.isEmpty() && !groups.contains(gv))
            groups.append(gv);
    }
    auto groupJson = [](const QString &group, const QString &version) {
        const QJsonObject v{{QStringLiteral("groupVersion"), QString(group + u'/' + version)}, {QStringLiteral("version"), version}};
        return QJsonObject{{QStringLiteral("name"), group},
                           {QStringLiteral("versions"), QJsonArray{v}},
                           {QStringLiteral("preferredVersion"), v}};
    };
    auto resourceList = [&](const QString &group, const QString &version) {
        QJsonArray resources;
        for (const ResourceType &t : resourceTypes()) {
            if (t.group != group || t.version != version)
                continue;
            QJsonObject r{{QStringLiteral("name"), t.plural},
                          {QStringLiteral("singularName"), t.singular},
                          {QStringLiteral("namespaced"), t.namespaced},
                          {QStringLiteral("kind"), t.kind},
                          {QStringLiteral("verbs"), QJsonArray::fromStringList(t.verbs)}};
            if (!t.shortNames.isEmpty())
                r.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(t.shortNames));
            if (!t.categories.isEmpty())
                r.insert(QStringLiteral("categories"), QJsonArray::fromStringList(t.categories));
            resources.append(r);
            for (const QString &sub : t.subresources) {
                QJsonObject s{{QStringLiteral("name"), QString(t.plural + u'/' + sub)},
                              {QStringLiteral("singularName"), QString()},
                              {QStringLiteral("namespaced"), t.namespaced},
                              {QStringLiteral("kind"), t.kind}};
                if (sub == QLatin1String("log")) {
                    s.insert(QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")});
                } else if (sub == QLatin1String("exec")) {
                    s.insert(QStringLiteral("kind"), QStringLiteral("PodExecOptions"));
                    s.insert(QStringLiteral("verbs"), QJsonArray{QStringLiteral("create"), QStringLiteral("get")});
                } else if (sub == QLatin1String("scale")) {
                    s.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
                    s.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
                    s.insert(QStringLiteral("version"), QStringLiteral("v1"));
                    s.insert(QStringLiteral("verbs"),
                             QJsonArray{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")});
                } else {
                    s.insert(QStringLiteral("verbs"),
                             QJsonArray{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")});
                }
                resources.append(s);
            }
        }
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                           {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("groupVersion"), group.isEmpty() ? version : group + u'/' + version},
                           {QStringLiteral("resources"), resources}};
    };

    const bool core = segments.first() == QLatin1String("api");
    if (core && segments.size() == 1) {
        response->send(200, kJson,
                       toJson({{QStringLiteral("kind"), QStringLiteral("APIVersions")},
                               {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
                               {QStringLiteral("serverAddressByClientCIDRs"),
                                QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                                       {QStringLiteral("serverAddress"), m_externalAddress}}}}}));
        return;
    }
    if (core) {
        if (segments.at(1) != QLatin1String("v1"))
            return notFound();
        response->send(200, kJson, toJson(resourceList(QString(), QStringLiteral("v1"))));
        return;
    }
    if (segments.size() == 1) {
        QJsonArray list;
        for (const auto &[g, v] : groups)
            list.append(groupJson(g, v));
        response->send(200, kJson,
                       toJson({{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("groups"), list}}));
        return;
    }
    for (const auto &[g, v] : groups) {
        if (g != segments.at(1))
            continue;
        if (segments.size() == 2) {
            QJsonObject o = groupJson(g, v);
            o.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
            o.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
            response->send(200, kJson, toJson(o));
            return;
        }
        if (segments.at(2) == v) {
            response->send(200, kJson, toJson(resourceList(g, v)));
            return;
        }
    }
    notFound();
}

// ---- reads ----------------------------------------------------------------

namespace {

struct Filter
{
    std::optional<LabelSelector> labels;
    std::optional<FieldSelector> fields;

    // Labels are kept parsed; the object is parsed only for a field selector.
    bool matches(const ObjectStore::Entry &entry) const
    {
        if (labels && !labels->matches(entry.labels))
            return false;
        if (fields) {
            const QJsonObject object = entry.object();
            if (!fields->matches([&](QStringView field) { return fieldValue(object, field); }))
                return false;
        }
        return true;
    }
};

// Parses labelSelector and fieldSelector; answers 400 itself on a bad one.
std::optional<Filter> parseFilter(const HttpRequest &request, const ResourceType &type, HttpResponse *response)
{
    Filter f;
    QString error;
    const QString ls = request.queryValue(QStringLiteral("labelSelector"));
    if (!ls.isEmpty()) {
        f.labels = LabelSelector::parse(ls, &error);
        if (!f.labels) {
            response->send(400, kJson, statusJson(ApiError::badRequest(error)));
            return std::nullopt;
        }
    }
    const QString fs = request.queryValue(QStringLiteral("fieldSelector"));
    if (!fs.isEmpty()) {
        f.fields = FieldSelector::parse(fs, &error);
        if (!f.fields) {
            response->send(400, kJson, statusJson(ApiError::badRequest(error)));
            return std::nullopt;
        }
        for (const QString &field : f.fields->fields()) {
            if (field != QLatin1String("metadata.name") && field != QLatin1String("metadata.namespace") &&
                !type.fieldSelectors.contains(field)) {
                response->send(400, kJson,
                               statusJson(ApiError::badRequest(
                                   QStringLiteral("\"%1\" is not a known field selector: only \"metadata.name\", "
                                                  "\"metadata.namespace\"")
                                       .arg(field))));
                return std::nullopt;
            }
        }
    }
    return f;
}

QJsonObject listMeta(quint64 rv, const QString &continueToken, qint64 remaining)
{
    QJsonObject meta{{QStringLiteral("resourceVersion"), QString::number(rv)}};
    if (!continueToken.isEmpty()) {
        meta.insert(QStringLiteral("continue"), continueToken);
        if (remaining >= 0)
            meta.insert(QStringLiteral("remainingItemCount"), remaining);
    }
    return meta;
}

} // namespace

void KubeApi::serveGet(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    const auto entry = m_store->get(*route.type, route.ns, route.name);
    if (!entry) {
        response->send(404, kJson, statusJson(ApiError::notFound(*route.type, route.name)));
        return;
    }
    if (route.subresource == QLatin1String("scale")) {
        response->send(200, kJson, toJson(scaleOf(entry->object())));
        return;
    }
    if (wantsTable(request)) {
        const QJsonObject table{{QStringLiteral("kind"), QStringLiteral("Table")},
                                {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                                {QStringLiteral("metadata"),
                                 QJsonObject{{QStringLiteral("resourceVersion"), QString::number(entry->rv)}}},
                                {QStringLiteral("columnDefinitions"), tableColumns(*route.type)},
                                {QStringLiteral("rows"),
                                 QJsonArray{tableRow(*route.type, entry->object(), entry->json, includeObject(request),
                                                     nowSecs())}}};
        response->send(200, kJson, toJson(table));
        return;
    }
    response->send(200, kJson, entry->json);
}

void KubeApi::serveList(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    if (!route.type->listable) {
        response->send(405, kJson, statusJson(methodNotAllowed()));
        return;
    }
    const auto filter = parseFilter(request, *route.type, response);
    if (!filter)
        return;
    const qint64 limit = request.queryValue(QStringLiteral("limit")).toLongLong();
    QString after;
    const QString token = request.queryValue(QStringLiteral("continue"));
    quint64 listRv = m_store->currentRv();
    if (!token.isEmpty()) {
        quint64 tokenRv = 0;
        if (!decodeContinue(token, &tokenRv, &after)) {
            response->send(400, kJson, statusJson(ApiError::badRequest(QStringLiteral("continue key is not valid: "
                                                                                      "incorrect encoded start "
                                                                                      "resourceVersion (version "
                                                                                      "meta.k8s.io/v1)"))));
            return;
        }
        if (tokenRv < m_store->oldestWatchableRv()) {
            response->send(410, kJson,
                           statusJson({410, QStringLiteral("Expired"),
                                       QStringLiteral("The provided continue parameter is too old to display a "
                                                      "consistent list result. You can start a new list without the "
                                                      "continue parameter."),
                                       {}}));
            return;
        }
        listRv = tokenRv;
    }
    const bool table = wantsTable(request);
    const IncludeObject include = includeObject(request);
    const qint64 now = nowSecs();
    const bool filtered = filter->labels || filter->fields;
    QByteArray items;
    QJsonArray rows;
    qint64 count = 0;
    QString lastKey;
    bool more = false;
    qint64 remaining = 0;
    m_store->forEach(*route.type, route.ns, after, [&](const ObjectStore::EntryPtr &e) {
        if (limit > 0 && count >= limit) {
            if (!more) {
                // Stop at the first further match: only then is there a next page.
                if (!filter->matches(*e))
                    return true;
                more = true;
                if (filtered)
                    return false;
            }
            ++remaining; // counted only without selectors, as the API server does
            return true;
        }
        if (!filter->matches(*e))
            return true;
        ++count;
        lastKey = ObjectStore::keyOf(e->ns, e->name);
        if (table) {
            rows.append(tableRow(*route.type, e->object(), e->json, include, now));
        } else {
            if (!items.isEmpty())
                items += ',';
            items += e->json;
        }
        return true;
    });
    const QString next = more ? encodeContinue(listRv, lastKey) : QString();
    const QJsonObject meta = listMeta(listRv, next, more && !filtered ? remaining : -1);
    if (table) {
        const QJsonObject t{{QStringLiteral("kind"), QStringLiteral("Table")},
                            {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                            {QStringLiteral("metadata"), meta},
                            {QStringLiteral("columnDefinitions"), tableColumns(*route.type)},
                            {QStringLiteral("rows"), rows}};
        response->send(200, kJson, toJson(t));
        return;
    }
    QByteArray body;
    body.reserve(items.size() + 256);
    body += "{\"kind\":\"" + route.type->listKind().toLatin1() + "\",\"apiVersion\":\"" +
            route.type->apiVersion().toLatin1() + "\",\"metadata\":" + toJson(meta) + ",\"items\":[" + items + "]}";
    response->send(200, kJson, body);
}

// ---- watch ----------------------------------------------------------------

namespace {

QByteArray eventLine(const char *type, const QByteArray &objectJson)
{
    return QByteArray("{\"type\":\"") + type + "\",\"object\":" + objectJson + "}\n";
}

const char *typeName(ObjectStore::EventType t)
{
    switch (t) {
    case ObjectStore::EventType::Added:
        return "ADDED";
    case ObjectStore::EventType::Modified:
        return "MODIFIED";
    case ObjectStore::EventType::Deleted:
        return "DELETED";
    }
    return "ERROR";
}

bool inNamespace(const QString &ns, const ObjectStore::Entry &entry)
{
    return ns.isEmpty() || entry.ns == ns;
}

} // namespace

void KubeApi::serveWatch(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    if (!route.type->listable) {
        response->send(405, kJson, statusJson(methodNotAllowed()));
        return;
    }
    const auto filter = parseFilter(request, *route.type, response);
    if (!filter)
        return;
    const QString rvText = request.queryValue(QStringLiteral("resourceVersion"));
    bool rvOk = true;
    const quint64 fromRv = rvText.isEmpty() ? 0 : rvText.toULongLong(&rvOk);
    if (!rvOk) {
        response->send(400, kJson, statusJson(ApiError::badRequest(
                                       QStringLiteral("resourceVersion: Invalid value: \"%1\": must be a number")
                                           .arg(rvText))));
        return;
    }

    auto *w = new Watcher;
    w->type = route.type;
    w->ns = route.ns;
    w->labels = filter->labels;
    w->fields = filter->fields;
    w->table = wantsTable(request);
    w->include = includeObject(request);
    w->bookmarks = isTrue(request.queryValue(QStringLiteral("allowWatchBookmarks")));
    w->response = response;
    response->begin(200, kJson);
    m_watchers[route.type->key()].append(w);
    connect(response, &HttpResponse::aborted, this, [this, w] { dropWatcher(w); });

    auto send = [w](const char *type, const ObjectStore::EntryPtr &e) {
        if (w->table) {
            QJsonObject t{{QStringLiteral("kind"), QStringLiteral("Table")},
                          {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                                    QString::number(e->rv)}}},
                          {QStringLiteral("rows"),
                           QJsonArray{tableRow(*w->type, e->object(), e->json, w->include, nowSecs())}}};
            if (!w->sentColumns) {
                t.insert(QStringLiteral("columnDefinitions"), tableColumns(*w->type));
                w->sentColumns = true;
            }
            w->response->write(eventLine(type, toJson(t)));
        } else {
            w->response->write(eventLine(type, e->json));
        }
        w->lastRv = e->rv;
    };

    const bool sendInitial = isTrue(request.queryValue(QStringLiteral("sendInitialEvents")));
    if (fromRv == 0 || sendInitial) {
        const Filter f{w->labels, w->fields};
        m_store->forEach(*route.type, route.ns, QString(), [&](const ObjectStore::EntryPtr &e) {
            if (f.matches(*e))
                send("ADDED", e);
            return true;
        });
        w->lastRv = m_store->currentRv();
        if (sendInitial) {
            // The end of the initial list, as watch-list clients expect.
            const QJsonObject bookmark{
                {QStringLiteral("kind"), route.type->kind},
                {QStringLiteral("apiVersion"), route.type->apiVersion()},
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("resourceVersion"), QString::number(w->lastRv)},
                             {QStringLiteral("annotations"),
                              QJsonObject{{QStringLiteral("k8s.io/initial-events-end"), QStringLiteral("true")}}}}}};
            response->write(eventLine("BOOKMARK", toJson(bookmark)));
        }
    } else {
        const Filter f{w->labels, w->fields};
        const bool ok = m_store->eventsSince(fromRv, [&](const ObjectStore::Event &ev) {
            if (ev.resource != route.type)
                return;
            const bool now = inNamespace(route.ns, *ev.entry) && f.matches(*ev.entry);
            const bool before = ev.previous && inNamespace(route.ns, *ev.previous) && f.matches(*ev.previous);
            if (ev.type == ObjectStore::EventType::Deleted) {
                if (now || before)
                    send("DELETED", ev.entry);
            } else if (now) {
                send(before ? "MODIFIED" : "ADDED", ev.entry);
            } else if (before) {
                send("DELETED", ev.entry);
            }
        });
        if (!ok) {
            const ApiError gone{410, QStringLiteral("Expired"),
                                QStringLiteral("too old resource version: %1 (%2)")
                                    .arg(fromRv)
                                    .arg(m_store->oldestWatchableRv()),
                                {}};
            response->write(eventLine("ERROR", statusJson(gone)));
            response->end();
            dropWatcher(w);
            return;
        }
        w->lastRv = std::max(w->lastRv, fromRv);
    }

    bool timeoutOk = false;
    qint64 timeout = request.queryValue(QStringLiteral("timeoutSeconds")).toLongLong(&timeoutOk);
    if (!timeoutOk || timeout <= 0)
        timeout = m_watchTimeoutMin + QRandomGenerator::global()->bounded(m_watchTimeoutMax - m_watchTimeoutMin + 1);
    w->timeout = new QTimer(this);
    w->timeout->setSingleShot(true);
    connect(w->timeout, &QTimer::timeout, this, [this, w] {
        if (w->response)
            w->response->end();
        dropWatcher(w);
    });
    w->timeout->start(int(std::min<qint64>(timeout * 1000, std::numeric_limits<int>::max())));
    if (m_faults.dropWatchesAfterMs > 0) {
        QPointer<HttpResponse> r(response);
        QTimer::singleShot(m_faults.dropWatchesAfterMs, this, [r] {
            if (r)
                r->abort();
        });
    }
}

void KubeApi::dropWatcher(Watcher *w)
{
    auto it = m_watchers.find(w->type->key());
    if (it == m_watchers.end() || !it->removeOne(w))
        return;
    if (w->timeout)
        w->timeout->deleteLater();
    // The response may still be emitting aborted(); delete the watcher later.
    QMetaObject::invokeMethod(this, [w] { delete w; }, Qt::QueuedConnection);
}

void KubeApi::onChanged(const ObjectStore::Event &ev)
{
    auto it = m_watchers.find(ev.resource->key());
    if (it == m_watchers.end() || it->isEmpty())
        return;
    QByteArray lines[3]; // encoded once per change, shared by every JSON watcher
    const QList<Watcher *> watchers = *it;
    for (Watcher *w : watchers) {
        if (!w->response || w->response->isFinished())
            continue;
        const Filter f{w->labels, w->fields};
        const bool now = inNamespace(w->ns, *ev.entry) && f.matches(*ev.entry);
        const bool before = ev.previous && inNamespace(w->ns, *ev.previous) && f.matches(*ev.previous);
        ObjectStore::EventType type;
        if (ev.type == ObjectStore::EventType::Deleted) {
            if (!now && !before)
                continue;
            type = ObjectStore::EventType::Deleted;
        } else if (now) {
            type = before ? ObjectStore::EventType::Modified : ObjectStore::EventType::Added;
        } else if (before) {
            type = ObjectStore::EventType::Deleted;
        } else {
            continue;
        }
        if (w->table) {
            QJsonObject t{{QStringLiteral("kind"), QStringLiteral("Table")},
                          {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                          {QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("resourceVersion"), QString::number(ev.rv)}}},
                          {QStringLiteral("rows"), QJsonArray{tableRow(*w->type, ev.entry->object(), ev.entry->json,
                                                                       w->include, nowSecs())}}};
            if (!w->sentColumns) {
                t.insert(QStringLiteral("columnDefinitions"), tableColumns(*w->type));
                w->sentColumns = true;
            }
            w->response->write(eventLine(typeName(type), toJson(t)));
        } else {
            QByteArray &line = lines[int(type)];
            if (line.isEmpty())
                line = eventLine(typeName(type), ev.entry->json);
            w->response->write(line);
        }
        w->lastRv = ev.rv;
        // A watcher that cannot keep up is cut off, as the API server does; it re-watches.
        if (w->response->bytesQueued() > 512LL * 1024 * 1024) {
            qCWarning(lcSandboxKube) << "closing a watch that fell behind by" << w->response->bytesQueued() << "bytes";
            w->response->abort();
        }
    }
}

void KubeApi::sendBookmarks()
{
    const QString rv = QString::number(m_store->currentRv());
    for (const auto &list : std::as_const(m_watchers)) {
        for (Watcher *w : list) {
            if (!w->bookmarks || !w->response || w->response->isFinished() || w->table)
                continue;
            const QJsonObject o{{QStringLiteral("kind"), w->type->kind},
                                {QStringLiteral("apiVersion"), w->type->apiVersion()},
                                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), rv}}}};
            w->response->write(eventLine("BOOKMARK", toJson(o)));
        }
    }
}

// ---- writes ---------------------------------------------------------------

namespace {

QJsonObject scaleOf(const QJsonObject &deployment)
{
    const QJsonObject meta = deployment.value(QStringLiteral("metadata")).toObject();
    QJsonObject scaleMeta;
    for (const char *k : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"})
        scaleMeta.insert(QLatin1String(k), meta.value(QLatin1String(k)));
    return {{QStringLiteral("kind"), QStringLiteral("Scale")},
            {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
            {QStringLiteral("metadata"), scaleMeta},
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("replicas"),
                          deployment[QStringLiteral("spec")][QStringLiteral("replicas")].toInteger(1)}}},
            {QStringLiteral("status"),
             QJsonObject{{QStringLiteral("replicas"),
                          deployment[QStringLiteral("status")][QStringLiteral("replicas")].toInteger()},
                         {QStringLiteral("selector"),
                          [&] {
                              QStringList parts;
                              const QJsonObject ml = deployment[QStringLiteral("spec")][QStringLiteral("selector")]
                                                               [QStringLiteral("matchLabels")]
                                                                   .toObject();
                              for (auto it = ml.begin(); it != ml.end(); ++it)
                                  parts << it.key() + u'=' + it.value().toString();
                              return parts.join(u',');
                          }()}}}};
}

bool isDryRun(const HttpRequest &r)
{
    return r.queryValue(QStringLiteral("dryRun")) == QLatin1String("All");
}

std::optional<QJsonObject> parseBody(const HttpRequest &request, HttpResponse *response)
{
    if (request.header("content-type").startsWith("application/vnd.kubernetes.protobuf")) {
        QString why;
        auto object = decodeProtobufReview(request.body, &why);
        if (!object)
            response->send(415, kJson, statusJson({415, QStringLiteral("UnsupportedMediaType"), why, {}}));
        return object;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        response->send(400, kJson,
                       statusJson(ApiError::badRequest(
                           QStringLiteral("the body of the request was in an unknown format - accepted media types "
                                          "include: application/json, application/yaml (%1)")
                               .arg(error.errorString()))));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

void KubeApi::serveCreate(const HttpRequest &request, HttpResponse *response, const Route &route, const ApiUser &user)
{
    Q_UNUSED(user);
    if (!route.name.isEmpty()) {
        response->send(405, kJson, statusJson(methodNotAllowed()));
        return;
    }
    auto body = parseBody(request, response);
    if (!body)
        return;
    const QString kind = body->value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty() && kind != route.type->kind) {
        response->send(400, kJson,
                       statusJson(ApiError::badRequest(QStringLiteral("the API version in the data (%1) does not match "
                                                                      "the expected API version (%2)")
                                                           .arg(body->value(QStringLiteral("apiVersion")).toString(),
                                                                route.type->apiVersion()))));
        return;
    }
    if (isDryRun(request)) {
        response->send(201, kJson, toJson(*body));
        return;
    }
    ApiError error;
    const auto entry = m_store->create(*route.type, route.ns, *body, &error);
    if (!entry) {
        response->send(error.code, kJson, statusJson(error));
        return;
    }
    response->send(201, kJson, entry->json);
}

void KubeApi::serveUpdate(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    auto body = parseBody(request, response);
    if (!body)
        return;
    ApiError error;
    if (route.subresource == QLatin1String("scale")) {
        const auto current = m_store->get(*route.type, route.ns, route.name);
        if (!current) {
            response->send(404, kJson, statusJson(ApiError::notFound(*route.type, route.name)));
            return;
        }
        QJsonObject object = current->object();
        QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), (*body)[QStringLiteral("spec")][QStringLiteral("replicas")].toInteger());
        object.insert(QStringLiteral("spec"), spec);
        const auto entry = m_store->update(*route.type, route.ns, route.name, object, QString(), &error);
        if (!entry)
            response->send(error.code, kJson, statusJson(error));
        else
            response->send(200, kJson, toJson(scaleOf(entry->object())));
        return;
    }
    if (isDryRun(request)) {
        response->send(200, kJson, toJson(*body));
        return;
    }
    const auto entry = m_store->update(*route.type, route.ns, route.name, *body, route.subresource, &error);
    if (!entry) {
        response->send(error.code, kJson, statusJson(error));
        return;
    }
    response->send(200, kJson, entry->json);
}

void KubeApi::servePatch(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    const auto current = m_store->get(*route.type, route.ns, route.name);
    if (!current) {
        response->send(404, kJson, statusJson(ApiError::notFound(*route.type, route.name)));
        return;
    }
    const QByteArray contentType = request.header("content-type").split(';').first().trimmed();
    const bool scale = route.subresource == QLatin1String("scale");
    QJsonObject original = scale ? scaleOf(current->object()) : current->object();
    QString error;
    int status = 422;
    std::optional<QJsonObject> result;
    const bool known = contentType == "application/json-patch+json" || contentType == "application/merge-patch+json" ||
                       contentType == "application/strategic-merge-patch+json";
    if (!known) {
        response->send(415, kJson,
                       statusJson({415, QStringLiteral("UnsupportedMediaType"),
                                   QStringLiteral("the body of the request was in an unknown format - accepted media "
                                                  "types include: application/json-patch+json, "
                                                  "application/merge-patch+json, "
                                                  "application/strategic-merge-patch+json"),
                                   {}}));
        return;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        response->send(400, kJson, statusJson(ApiError::badRequest(
                                       QStringLiteral("error decoding patch: %1").arg(pe.errorString()))));
        return;
    }
    const QJsonValue patch = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (contentType == "application/json-patch+json")
        result = applyJsonPatch(original, patch, &error, &status);
    else if (contentType == "application/merge-patch+json")
        result = applyMergePatch(original, patch, &error, &status);
    else
        result = applyStrategicMergePatch(original, patch, scale ? QStringLiteral("Scale") : route.type->kind, &error,
                                          &status);
    if (!result) {
        response->send(status, kJson,
                       statusJson(status == 400 ? ApiError::badRequest(error)
                                                : ApiError::invalid(*route.type, route.name, error)));
        return;
    }
    const QJsonObject patched = *result;
    QJsonObject target = patched;
    if (scale) {
        target = current->object();
        QJsonObject spec = target.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), patched[QStringLiteral("spec")][QStringLiteral("replicas")].toInteger());
        target.insert(QStringLiteral("spec"), spec);
    }
    if (isDryRun(request)) {
        response->send(200, kJson, toJson(target));
        return;
    }
    ApiError apiError;
    const auto entry = m_store->update(*route.type, route.ns, route.name, target, scale ? QString() : route.subresource,
                                       &apiError);
    if (!entry) {
        response->send(apiError.code, kJson, statusJson(apiError));
        return;
    }
    response->send(200, kJson, scale ? toJson(scaleOf(entry->object())) : entry->json);
}

void KubeApi::serveDelete(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    const QJsonObject options = QJsonDocument::fromJson(request.body).object();
    qint64 grace = -1;
    if (options.contains(QStringLiteral("gracePeriodSeconds")))
        grace = options.value(QStringLiteral("gracePeriodSeconds")).toInteger();
    if (request.hasQuery(QStringLiteral("gracePeriodSeconds")))
        grace = request.queryValue(QStringLiteral("gracePeriodSeconds")).toLongLong();
    const auto current = m_store->get(*route.type, route.ns, route.name);
    if (!current) {
        response->send(404, kJson, statusJson(ApiError::notFound(*route.type, route.name)));
        return;
    }
    const QJsonObject pre = options.value(QStringLiteral("preconditions")).toObject();
    if ((pre.contains(QStringLiteral("resourceVersion")) &&
         pre.value(QStringLiteral("resourceVersion")).toString() != QString::number(current->rv)) ||
        (pre.contains(QStringLiteral("uid")) &&
         pre.value(QStringLiteral("uid")) != current->object()[QStringLiteral("metadata")][QStringLiteral("uid")])) {
        response->send(409, kJson, statusJson(ApiError::conflict(*route.type, route.name)));
        return;
    }
    if (isDryRun(request)) {
        response->send(200, kJson, current->json);
        return;
    }
    ApiError error;
    const auto entry = m_store->remove(*route.type, route.ns, route.name, grace, &error);
    if (!entry) {
        response->send(error.code, kJson, statusJson(error));
        return;
    }
    if (m_store->get(*route.type, route.ns, route.name)) {
        response->send(200, kJson, m_store->get(*route.type, route.ns, route.name)->json);
        return;
    }
    const QJsonObject status{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Success")},
        {QStringLiteral("details"),
         QJsonObject{{QStringLiteral("name"), route.name},
                     {QStringLiteral("group"), route.group},
                     {QStringLiteral("kind"), route.type->plural},
                     {QStringLiteral("uid"), entry->object()[QStringLiteral("metadata")][QStringLiteral("uid")]}}}};
    response->send(200, kJson, toJson(status));
}

void KubeApi::serveDeleteCollection(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    const auto filter = parseFilter(request, *route.type, response);
    if (!filter)
        return;
    QList<QPair<QString, QString>> victims;
    m_store->forEach(*route.type, route.ns, QString(), [&](const ObjectStore::EntryPtr &e) {
        if (filter->matches(*e))
            victims.append({e->ns, e->name});
        return true;
    });
    QByteArray items;
    for (const auto &[ns, name] : victims) {
        ApiError error;
        const auto entry = isDryRun(request) ? m_store->get(*route.type, ns, name)
                                             : m_store->remove(*route.type, ns, name, -1, &error);
        if (entry) {
            if (!items.isEmpty())
                items += ',';
            items += entry->json;
        }
    }
    response->send(200, kJson,
                   "{\"kind\":\"" + route.type->listKind().toLatin1() + "\",\"apiVersion\":\"" +
                       route.type->apiVersion().toLatin1() + "\",\"metadata\":{\"resourceVersion\":\"" +
                       QByteArray::number(m_store->currentRv()) + "\"},\"items\":[" + items + "]}");
}

// ---- logs, metrics, reviews, exec -------------------------------------------

namespace {

// The container a log or exec request means: the named one, or the only one.
QString pickContainer(const QJsonObject &pod, const QString &wanted, QString *error)
{
    QStringList names;
    for (const char *list : {"initContainers", "containers"}) {
        for (const QJsonValue &c : pod[QStringLiteral("spec")][QLatin1String(list)].toArray())
            names << c[QStringLiteral("name")].toString();
    }
    QStringList regular;
    for (const QJsonValue &c : pod[QStringLiteral("spec")][QStringLiteral("containers")].toArray())
        regular << c[QStringLiteral("name")].toString();
    const QString podName = pod[QStringLiteral("metadata")][QStringLiteral("name")].toString();
    if (wanted.isEmpty()) {
        if (regular.size() == 1)
            return regular.first();
        *error = QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                     .arg(podName, regular.join(u' '));
        return {};
    }
    if (!names.contains(wanted)) {
        *error = QStringLiteral("container %1 is not valid for pod %2").arg(wanted, podName);
        return {};
    }
    return wanted;
}

QString cpuText(qint64 nanoCores)
{
    return QString::number(nanoCores) + u'n';
}

QString memoryText(qint64 bytes)
{
    return QString::number(bytes / 1024) + QLatin1String("Ki");
}

} // namespace

void KubeApi::serveLogs(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    const auto pod = m_store->get(*route.type, route.ns, route.name);
    if (!pod) {
        response->send(404, kJson, statusJson(ApiError::notFound(*route.type, route.name)));
        return;
    }
    QString error;
    PodRuntime::LogOptions o;
    o.container = pickContainer(pod->object(), request.queryValue(QStringLiteral("container")), &error);
    if (o.container.isEmpty()) {
        response->send(400, kJson, statusJson(ApiError::badRequest(error)));
        return;
    }
    o.follow = isTrue(request.queryValue(QStringLiteral("follow")));
    o.previous = isTrue(request.queryValue(QStringLiteral("previous")));
    o.timestamps = isTrue(request.queryValue(QStringLiteral("timestamps")));
    if (request.hasQuery(QStringLiteral("sinceSeconds")))
        o.sinceSeconds = request.queryValue(QStringLiteral("sinceSeconds")).toLongLong();
    o.sinceTime = request.queryValue(QStringLiteral("sinceTime"));
    if (request.hasQuery(QStringLiteral("tailLines")))
        o.tailLines = request.queryValue(QStringLiteral("tailLines")).toLongLong();
    if (request.hasQuery(QStringLiteral("limitBytes")))
        o.limitBytes = request.queryValue(QStringLiteral("limitBytes")).toLongLong();
    if (!m_runtime) {
        response->send(400, kJson, statusJson(ApiError::badRequest(
                                       QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: "
                                                      "ContainerCreating")
                                           .arg(o.container, route.name))));
        return;
    }
    m_runtime->streamLogs(pod->object(), o, response);
}

void KubeApi::serveMetrics(const HttpRequest &request, HttpResponse *response, const Route &route)
{
    Q_UNUSED(request);
    static const ResourceType *pods = findResourceType(u"v1", u"pods");
    static const ResourceType *nodes = findResourceType(u"v1", u"nodes");
    const QString timestamp = ObjectStore::now();
    auto podMetrics = [&](const QJsonObject &pod) -> std::optional<QJsonObject> {
        if (!m_runtime)
            return std::nullopt;
        const auto usage = m_runtime->usage(pod);
        if (usage.isEmpty())
            return std::nullopt;
        QJsonArray containers;
        for (const auto &u : usage)
            containers.append(QJsonObject{{QStringLiteral("name"), u.container},
                                          {QStringLiteral("usage"),
                                           QJsonObject{{QStringLiteral("cpu"), cpuText(u.cpuNanoCores)},
                                                       {QStringLiteral("memory"), memoryText(u.memoryBytes)}}}});
        const QJsonObject meta = pod.value(QStringLiteral("metadata")).toObject();
        return QJsonObject{{QStringLiteral("metadata"),
                            QJsonObject{{QStringLiteral("name"), meta.value(QStringLiteral("name"))},
                                        {QStringLiteral("namespace"), meta.value(QStringLiteral("namespace"))},
                                        {QStringLiteral("creationTimestamp"), timestamp},
                                        {QStringLiteral("labels"), meta.value(QStringLiteral("labels"))}}},
                           {QStringLiteral("timestamp"), timestamp},
                           {QStringLiteral("window"), QStringLiteral("10s")},
                           {QStringLiteral("containers"), containers}};
    };
    const QString apiVersion = QStringLiteral("metrics.k8s.io/v1beta1");
    if (route.type->kind == QLatin1String("PodMetrics")) {
        if (!route.name.isEmpty()) {
            const auto pod = m_store->get(*pods, route.ns, route.name);
            const auto m = pod ? podMetrics(pod->object()) : std::nullopt;
            if (!m) {
                response->send(404, kJson, statusJson({404, QStringLiteral("NotFound"),
                                                       QStringLiteral("podmetrics.metrics.k8s.io \"%1/%2\" not found")
                                                           .arg(route.ns, route.name),
                                                       {}}));
                return;
            }
            QJsonObject o = *m;
            o.insert(QStringLiteral("kind"), QStringLiteral("PodMetrics"));
            o.insert(QStringLiteral("apiVersion"), apiVersion);
            response->send(200, kJson, toJson(o));
            return;
        }
        QJsonArray items;
        m_store->forEach(*pods, route.ns, QString(), [&](const ObjectStore::EntryPtr &e) {
            if (const auto m = podMetrics(e->object()))
                items.append(*m);
            return true;
        });
        response->send(200, kJson,
                       toJson({{QStringLiteral("kind"), QStringLiteral("PodMetricsList")},
                               {QStringLiteral("apiVersion"), apiVersion},
                               {QStringLiteral("metadata"), QJsonObject()},
                               {QStringLiteral("items"), items}}));
        return;
    }
    // Node metrics: the sum of the pods on each node, plus the node's own overhead.
    QHash<QString, QPair<qint64, qint64>> perNode;
    m_store->forEach(*pods, QString(), QString(), [&](const ObjectStore::EntryPtr &e) {
        const QJsonObject pod = e->object();
        const QString node = pod[QStringLiteral("spec")][QStringLiteral("nodeName")].toString();
        if (node.isEmpty() || !m_runtime)
            return true;
        for (const auto &u : m_runtime->usage(pod)) {
            perNode[node].first += u.cpuNanoCores;
            perNode[node].second += u.memoryBytes;
        }
        return true;
    });
    QJsonArray items;
    m_store->forEach(*nodes, QString(), QString(), [&](const ObjectStore::EntryPtr &e) {
        const QString name = e->name;
        if (!route.name.isEmpty() && name != route.name)
            return true;
        const auto use = perNode.value(name);
        items.append(QJsonObject{
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                     {QStringLiteral("creationTimestamp"), timestamp}}},
            {QStringLiteral("timestamp"), timestamp},
            {QStringLiteral("window"), QStringLiteral("10s")},
            {QStringLiteral("usage"),
             QJsonObject{{QStringLiteral("cpu"), cpuText(use.first + 25'000'000)},
                         {QStringLiteral("memory"), memoryText(use.second + 512LL * 1024 * 1024)}}}});
        return true;
    });
    if (!route.name.isEmpty()) {
        if (items.isEmpty()) {
            response->send(404, kJson, statusJson({404, QStringLiteral("NotFound"),
                                                   QStringLiteral("nodemetrics.metrics.k8s.io \"%1\" not found")
                                                       .arg(route.name),
                                                   {}}));
            return;
        }
        QJsonObject o = items.first().toObject();
        o.insert(QStringLiteral("kind"), QStringLiteral("NodeMetrics"));
        o.insert(QStringLiteral("apiVersion"), apiVersion);
        response->send(200, kJson, toJson(o));
        return;
    }
    response->send(200, kJson,
                   toJson({{QStringLiteral("kind"), QStringLiteral("NodeMetricsList")},
                           {QStringLiteral("apiVersion"), apiVersion},
                           {QStringLiteral("metadata"), QJsonObject()},
                           {QStringLiteral("items"), items}}));
}

void KubeApi::serveReview(const HttpRequest &request, HttpResponse *response, const Route &route, const ApiUser &user)
{
    auto body = parseBody(request, response);
    if (!body)
        return;
    QJsonObject review = *body;
    review.insert(QStringLiteral("kind"), route.type->kind);
    review.insert(QStringLiteral("apiVersion"), route.type->apiVersion());
    if (route.type->plural == QLatin1String("selfsubjectaccessreviews")) {
        const QJsonObject attrs = (*body)[QStringLiteral("spec")][QStringLiteral("resourceAttributes")].toObject();
        const bool ok = allowed(user, attrs.value(QStringLiteral("verb")).toString(),
                                attrs.value(QStringLiteral("group")).toString(),
                                attrs.value(QStringLiteral("resource")).toString(),
                                attrs.value(QStringLiteral("subresource")).toString(),
                                attrs.value(QStringLiteral("namespace")).toString());
        QJsonObject status{{QStringLiteral("allowed"), ok}};
        if (ok)
            status.insert(QStringLiteral("reason"),
                          user.readOnly ? QStringLiteral("RBAC: allowed by ClusterRoleBinding \"course-tas\" of "
                                                         "ClusterRole \"view\" to Group \"course:tas\"")
                                        : QStringLiteral("RBAC: allowed by ClusterRoleBinding \"course-staff\" of "
                                                         "ClusterRole \"cluster-admin\" to Group \"course:staff\""));
        review.insert(QStringLiteral("status"), status);
    } else {
        const QJsonArray allGroups{QStringLiteral("*")};
        QJsonArray rules;
        if (user.readOnly) {
            rules.append(QJsonObject{{QStringLiteral("verbs"),
                                      QJsonArray{QStringLiteral("get"), QStringLiteral("list"), QStringLiteral("watch")}},
                                     {QStringLiteral("apiGroups"), allGroups},
                                     {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}}});
        } else {
            rules.append(QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("*")}},
                                     {QStringLiteral("apiGroups"), allGroups},
                                     {QStringLiteral("resources"), QJsonArray{QStringLiteral("*")}}});
        }
        rules.append(QJsonObject{{QStringLiteral("verbs"), QJsonArray{QStringLiteral("create")}},
                                 {QStringLiteral("apiGroups"), QJsonArray{QStringLiteral("authorization.k8s.io")}},
                                 {QStringLiteral("resources"), QJsonArray{QStringLiteral("selfsubjectaccessreviews"),
                                                                          QStringLiteral("selfsubjectrulesreviews")}}});
        review.insert(QStringLiteral("status"),
                      QJsonObject{{QStringLiteral("resourceRules"), rules},
                                  {QStringLiteral("nonResourceRules"),
                                   QJsonArray{QJsonObject{
                                       {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")}},
                                       {QStringLiteral("nonResourceURLs"),
                                        QJsonArray{QStringLiteral("/api"), QStringLiteral("/api/*"),
                                                   QStringLiteral("/apis"), QStringLiteral("/apis/*"),
                                                   QStringLiteral("/healthz"), QStringLiteral("/version")}}}}},
                                  {QStringLiteral("incomplete"), false}});
    }
    response->send(201, kJson, toJson(review));
}

namespace {

struct ExecTarget
{
    QString ns;
    QString pod;
    QUrlQuery query;
};

std::optional<ExecTarget> execTarget(const QByteArray &path, QByteArray rawQuery)
{
    const QList<QByteArray> s = path.split('/');
    // "", "api", "v1", "namespaces", ns, "pods", name, "exec"
    if (s.size() != 8 || s[1] != "api" || s[2] != "v1" || s[3] != "namespaces" || s[5] != "pods" ||
        (s[7] != "exec" && s[7] != "attach"))
        return std::nullopt;
    ExecTarget t;
    t.ns = QUrl::fromPercentEncoding(s[4]);
    t.pod = QUrl::fromPercentEncoding(s[6]);
    rawQuery.replace('+', "%20");
    t.query.setQuery(QString::fromUtf8(rawQuery));
    return t;
}

} // namespace

bool KubeApi::acceptUpgrade(const HttpRequest &request, HttpResponse *refusal)
{
    const ApiUser *user = authenticate(request);
    if (!user) {
        refusal->send(401, kJson, statusJson({401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}}));
        return false;
    }
    const auto target = execTarget(request.path, request.rawQuery);
    if (!target) {
        refusal->send(404, kJson, statusJson(resourceNotFound()));
        return false;
    }
    if (!allowed(*user, QStringLiteral("create"), QString(), QStringLiteral("pods"), QStringLiteral("exec"), target->ns)) {
        refusal->send(403, kJson,
                      statusJson({403, QStringLiteral("Forbidden"),
                                  QStringLiteral("pods \"%1\" is forbidden: User \"%2\" cannot create resource "
                                                 "\"pods/exec\" in API group \"\" in the namespace \"%3\"")
                                      .arg(target->pod, user->name, target->ns),
                                  {}}));
        return false;
    }
    static const ResourceType *pods = findResourceType(u"v1", u"pods");
    const auto pod = m_store->get(*pods, target->ns, target->pod);
    if (!pod) {
        refusal->send(404, kJson, statusJson(ApiError::notFound(*pods, target->pod)));
        return false;
    }
    QString error;
    if (pickContainer(pod->object(), target->query.queryItemValue(QStringLiteral("container"), QUrl::FullyDecoded),
                      &error)
            .isEmpty()) {
        refusal->send(400, kJson, statusJson(ApiError::badRequest(error)));
        return false;
    }
    return true;
}

void KubeApi::handleWebSocket(QWebSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    const QUrl url = socket->requestUrl();
    const auto target = execTarget(url.path(QUrl::FullyEncoded).toUtf8(), url.query(QUrl::FullyEncoded).toUtf8());
    static const ResourceType *pods = findResourceType(u"v1", u"pods");
    const auto pod = target ? m_store->get(*pods, target->ns, target->pod) : ObjectStore::EntryPtr();
    auto fail = [socket](const QString &message) {
        const QByteArray status = statusJson({500, QStringLiteral("InternalError"), message, {}});
        socket->sendBinaryMessage(QByteArray(1, char(3)) + status);
        socket->close(QWebSocketProtocol::CloseCodeNormal);
    };
    if (!pod) {
        fail(QStringLiteral("pod not found"));
        return;
    }
    QString error;
    const QString container =
        pickContainer(pod->object(), target->query.queryItemValue(QStringLiteral("container"), QUrl::FullyDecoded), &error);
    const QStringList command = target->query.allQueryItemValues(QStringLiteral("command"), QUrl::FullyDecoded);
    if (!m_runtime) {
        fail(QStringLiteral("container %1 is not running").arg(container));
        return;
    }
    m_runtime->exec(pod->object(), container, command, isTrue(target->query.queryItemValue(QStringLiteral("stdin"))),
                    isTrue(target->query.queryItemValue(QStringLiteral("tty"))), socket);
}

} // namespace sandbox
