#include "course/courseconfig.h"

#include "course/courselog.h"
#include "kube/names.h"

#include <QFile>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace course {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

class ConfigReader
{
public:
    ConfigReader(const QString &file, Diagnostics *out)
        : m_file(file)
        , m_out(out)
    {
    }

    void error(const YAML::Node &node, const QString &message) { add(Diagnostic::Severity::Error, node, message); }
    void warning(const YAML::Node &node, const QString &message) { add(Diagnostic::Severity::Warning, node, message); }

    void add(Diagnostic::Severity severity, const YAML::Node &node, const QString &message)
    {
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        if (node.IsDefined() && node.Mark().line >= 0) {
            d.line = node.Mark().line + 1;
            d.column = node.Mark().column + 1;
        }
        d.message = message;
        if (m_out)
            m_out->append(d);
    }

    // Reads a scalar as text; anything else is an error at the node.
    std::optional<QString> scalar(const YAML::Node &node, const QString &key)
    {
        if (!node.IsScalar()) {
            error(node, QStringLiteral("'%1' must be a single value, not a %2").arg(key, kindName(node)));
            return std::nullopt;
        }
        return qs(node.Scalar());
    }

    void checkKeys(const YAML::Node &map, const QString &where, const QStringList &known)
    {
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString key = qs(it->first.Scalar());
            if (!known.contains(key)) {
                warning(it->first, QStringLiteral("unknown key '%1' in %2 is ignored (known keys: %3)")
                                       .arg(key, where, known.join(QLatin1String(", "))));
            }
        }
    }

    static QString kindName(const YAML::Node &node)
    {
        switch (node.Type()) {
        case YAML::NodeType::Map:
            return QStringLiteral("map");
        case YAML::NodeType::Sequence:
            return QStringLiteral("list");
        case YAML::NodeType::Null:
            return QStringLiteral("empty value");
        default:
            return QStringLiteral("value");
        }
    }

private:
    QString m_file;
    Diagnostics *m_out;
};

bool isRepoFullName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$"));
    return re.match(s).hasMatch();
}

void readQuantity(ConfigReader &r, const YAML::Node &node, const QString &key, bool memory, kube::Quantity *out)
{
    if (!node.IsDefined())
        return;
    const auto text = r.scalar(node, key);
    if (!text)
        return;
    const auto q = kube::Quantity::parse(*text);
    if (!q || q->milliValue() <= 0) {
        r.error(node, memory ? QStringLiteral("'%1' is not a memory quantity: write it like 64Mi, 512Mi or 1Gi").arg(*text)
                             : QStringLiteral("'%1' is not a CPU quantity: write it like 100m, 0.5 or 1").arg(*text));
        return;
    }
    *out = *q;
}

} // namespace

QString CourseConfig::namespaceFor(int rosterIndex) const
{
    if (namespaces.isEmpty())
        return QStringLiteral("default");
    return namespaces.at(rosterIndex % namespaces.size());
}

QString CourseConfig::urlFor(const QString &login) const
{
    return QLatin1String("http://") + login.toLower() + u'.' + domain + u'/';
}

QString CourseConfig::repositoryOwner(const QString &login) const
{
    return repoMode == RepoMode::StudentAccounts ? login : organization;
}

QString CourseConfig::repositoryName(const QString &login) const
{
    return repoMode == RepoMode::StudentAccounts ? templateRepo.section(u'/', 1) : login.toLower();
}

CourseConfig CourseConfig::load(const QString &path, Diagnostics *diagnostics)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (diagnostics) {
            diagnostics->append({Diagnostic::Severity::Error, path, 0, 0,
                                 QStringLiteral("cannot read the course file (%1): check the path and its permissions")
                                     .arg(f.errorString())});
        }
        return {};
    }
    return parse(f.readAll(), path, diagnostics);
}

CourseConfig CourseConfig::parse(const QByteArray &yaml, const QString &file, Diagnostics *diagnostics)
{
    CourseConfig c;
    ConfigReader r(file, diagnostics);
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::ParserException &e) {
        if (diagnostics) {
            diagnostics->append({Diagnostic::Severity::Error, file, e.mark.line + 1, e.mark.column + 1,
                                 QStringLiteral("YAML syntax error: %1; check the indentation and quoting here")
                                     .arg(qs(e.msg))});
        }
        return c;
    }
    if (!root.IsMap()) {
        Diagnostic d{Diagnostic::Severity::Error, file, 0, 0,
                     QStringLiteral("the course file must be a map with keys such as 'course', 'domain' and "
                                    "'github'; found a %1")
                         .arg(ConfigReader::kindName(root))};
        if (diagnostics)
            diagnostics->append(d);
        return c;
    }
    r.checkKeys(root, QStringLiteral("the course file"),
                {QStringLiteral("course"), QStringLiteral("domain"), QStringLiteral("namespaces"),
                 QStringLiteral("github"), QStringLiteral("runtime"), QStringLiteral("labels"),
                 QStringLiteral("routing")});

    // course: {name, id}
    const YAML::Node course = root["course"];
    if (!course.IsDefined()) {
        r.error(root, QStringLiteral("missing 'course' section: add 'course: {name: ..., id: ...}'"));
    } else if (!course.IsMap()) {
        r.error(course, QStringLiteral("'course' must be a map with 'name' and 'id'"));
    } else {
        r.checkKeys(course, QStringLiteral("'course'"), {QStringLiteral("name"), QStringLiteral("id")});
        if (!course["name"].IsDefined())
            r.error(course, QStringLiteral("missing 'course.name': give the course a name people recognise"));
        else if (auto v = r.scalar(course["name"], QStringLiteral("course.name")))
            c.name = *v;
        if (auto idNode = course["id"]; idNode.IsDefined()) {
            if (auto v = r.scalar(idNode, QStringLiteral("course.id"))) {
                if (!kube::names::isDns1123Label(*v))
                    r.error(idNode, QStringLiteral("course.id '%1' must be lower-case letters, digits and '-', at "
                                                   "most 63 characters (it is used in Kubernetes labels)")
                                        .arg(*v));
                else
                    c.id = *v;
            }
        }
        if (c.id.isEmpty() && !c.name.isEmpty()) {
            QString slug = c.name.toLower();
            slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
            c.id = slug.mid(0, 63);
            while (c.id.startsWith(u'-'))
                c.id.remove(0, 1);
            while (c.id.endsWith(u'-'))
                c.id.chop(1);
        }
    }

    if (const YAML::Node n = root["domain"]; !n.IsDefined()) {
        r.error(root, QStringLiteral("missing 'domain': students are served at <login>.<domain>, e.g. "
                                     "'domain: apps.example.org'"));
    } else if (auto v = r.scalar(n, QStringLiteral("domain"))) {
        if (!kube::names::isDns1123Subdomain(*v))
            r.error(n, QStringLiteral("domain '%1' is not a DNS name: use lower-case labels joined by dots, "
                                      "like apps.example.org")
                           .arg(*v));
        else
            c.domain = *v;
    }

    if (const YAML::Node n = root["namespaces"]; n.IsDefined()) {
        QStringList list;
        if (n.IsScalar()) {
            list << qs(n.Scalar());
        } else if (n.IsSequence()) {
            for (const YAML::Node &item : n) {
                if (auto v = r.scalar(item, QStringLiteral("namespaces")))
                    list << *v;
            }
        } else {
            r.error(n, QStringLiteral("'namespaces' must be a name or a list of names"));
        }
        QStringList valid;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!kube::names::isDns1123Label(list[i])) {
                r.error(n.IsSequence() ? n[static_cast<std::size_t>(i)] : n,
                        QStringLiteral("namespace '%1' is not a valid Kubernetes name: lower-case letters, "
                                       "digits and '-', at most 63 characters")
                            .arg(list[i]));
            } else {
                valid << list[i];
            }
        }
        if (!valid.isEmpty())
            c.namespaces = valid;
    }

    // github: {mode, organization, template, private}
    if (const YAML::Node gh = root["github"]; !gh.IsDefined()) {
        r.error(root, QStringLiteral("missing 'github' section: add 'github: {organization: ..., template: "
                                     "owner/repo}'"));
    } else if (!gh.IsMap()) {
        r.error(gh, QStringLiteral("'github' must be a map with 'mode', 'organization' and 'template'"));
    } else {
        r.checkKeys(gh, QStringLiteral("'github'"),
                    {QStringLiteral("mode"), QStringLiteral("organization"), QStringLiteral("template"),
                     QStringLiteral("private")});
        if (const YAML::Node n = gh["mode"]; n.IsDefined()) {
            if (auto v = r.scalar(n, QStringLiteral("github.mode"))) {
                if (*v == QLatin1String("organization"))
                    c.repoMode = RepoMode::Organization;
                else if (*v == QLatin1String("student-accounts"))
                    c.repoMode = RepoMode::StudentAccounts;
                else
                    r.error(n, QStringLiteral("github.mode '%1' is not known: use 'organization' (repositories in "
                                              "the course organisation) or 'student-accounts' (forks)")
                                   .arg(*v));
            }
        }
        if (const YAML::Node n = gh["organization"]; n.IsDefined()) {
            if (auto v = r.scalar(n, QStringLiteral("github.organization")))
                c.organization = *v;
        }
        if (c.repoMode == RepoMode::Organization && c.organization.isEmpty())
            r.error(gh, QStringLiteral("github.organization is required when mode is 'organization': name the "
                                       "organisation that owns the student repositories"));
        if (const YAML::Node n = gh["template"]; !n.IsDefined()) {
            r.error(gh, QStringLiteral("missing 'github.template': name the template repository as owner/name"));
        } else if (auto v = r.scalar(n, QStringLiteral("github.template"))) {
            if (!isRepoFullName(*v))
                r.error(n, QStringLiteral("github.template '%1' must be written owner/name, like "
                                          "course-staff/app-template")
                               .arg(*v));
            else
                c.templateRepo = *v;
        }
        if (const YAML::Node n = gh["private"]; n.IsDefined()) {
            bool value = true;
            if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
                r.error(n, QStringLiteral("github.private must be true or false"));
            else
                c.privateRepos = value;
        }
    }

    // runtime: {image, port, resources: {requests: {cpu, memory}, limits: {...}}}
    if (const YAML::Node rt = root["runtime"]; rt.IsDefined()) {
        if (!rt.IsMap()) {
            r.error(rt, QStringLiteral("'runtime' must be a map with 'image', 'port' and 'resources'"));
        } else {
            r.checkKeys(rt, QStringLiteral("'runtime'"),
                        {QStringLiteral("image"), QStringLiteral("port"), QStringLiteral("resources")});
            if (const YAML::Node n = rt["image"]; n.IsDefined()) {
                if (auto v = r.scalar(n, QStringLiteral("runtime.image"))) {
                    if (v->isEmpty() || v->contains(u' '))
                        r.error(n, QStringLiteral("runtime.image '%1' is not an image reference: write it like "
                                                  "node:20-alpine")
                                       .arg(*v));
                    else
                        c.image = *v;
                }
            }
            if (const YAML::Node n = rt["port"]; n.IsDefined()) {
                if (auto v = r.scalar(n, QStringLiteral("runtime.port"))) {
                    bool ok = false;
                    const int port = v->toInt(&ok);
                    if (!ok || port < 1 || port > 65535)
                        r.error(n, QStringLiteral("runtime.port '%1' must be a TCP port between 1 and 65535")
                                       .arg(*v));
                    else
                        c.port = port;
                }
            }
            if (const YAML::Node res = rt["resources"]; res.IsDefined()) {
                if (!res.IsMap()) {
                    r.error(res, QStringLiteral("runtime.resources must be a map with 'requests' and 'limits'"));
                } else {
                    r.checkKeys(res, QStringLiteral("runtime.resources"),
                                {QStringLiteral("requests"), QStringLiteral("limits")});
                    const YAML::Node req = res["requests"];
                    const YAML::Node lim = res["limits"];
                    if (req.IsDefined() && req.IsMap()) {
                        readQuantity(r, req["cpu"], QStringLiteral("requests.cpu"), false, &c.resources.cpuRequest);
                        readQuantity(r, req["memory"], QStringLiteral("requests.memory"), true,
                                     &c.resources.memoryRequest);
                    }
                    if (lim.IsDefined() && lim.IsMap()) {
                        readQuantity(r, lim["cpu"], QStringLiteral("limits.cpu"), false, &c.resources.cpuLimit);
                        readQuantity(r, lim["memory"], QStringLiteral("limits.memory"), true,
                                     &c.resources.memoryLimit);
                    }
                    if (c.resources.cpuRequest > c.resources.cpuLimit)
                        r.error(res, QStringLiteral("the CPU request (%1) is above the CPU limit (%2): Kubernetes "
                                                    "refuses such pods; lower the request or raise the limit")
                                         .arg(c.resources.cpuRequest.toCpuString(),
                                              c.resources.cpuLimit.toCpuString()));
                    if (c.resources.memoryRequest > c.resources.memoryLimit)
                        r.error(res, QStringLiteral("the memory request (%1) is above the memory limit (%2): "
                                                    "Kubernetes refuses such pods; lower the request or raise "
                                                    "the limit")
                                         .arg(c.resources.memoryRequest.toMemoryString(),
                                              c.resources.memoryLimit.toMemoryString()));
                }
            }
        }
    }

    if (const YAML::Node n = root["labels"]; n.IsDefined()) {
        if (!n.IsMap()) {
            r.error(n, QStringLiteral("'labels' must be a map of label keys to values"));
        } else {
            for (auto it = n.begin(); it != n.end(); ++it) {
                const QString key = qs(it->first.Scalar());
                if (!kube::names::isLabelKey(key)) {
                    r.error(it->first, QStringLiteral("label key '%1' is not valid: use [prefix/]name, name made "
                                                      "of letters, digits, '-', '_', '.'")
                                           .arg(key));
                    continue;
                }
                const auto value = r.scalar(it->second, QStringLiteral("labels.") + key);
                if (!value)
                    continue;
                if (!kube::names::isLabelValue(*value)) {
                    r.error(it->second, QStringLiteral("label value '%1' is not valid: at most 63 letters, digits, "
                                                       "'-', '_' or '.', starting and ending with a letter or "
                                                       "digit")
                                            .arg(*value));
                    continue;
                }
                c.labels.insert(key, *value);
            }
        }
    }

    if (const YAML::Node n = root["routing"]; n.IsDefined()) {
        if (auto v = r.scalar(n, QStringLiteral("routing"))) {
            if (*v == QLatin1String("ingress"))
                c.routing = Routing::Ingress;
            else if (*v == QLatin1String("nginx"))
                c.routing = Routing::Nginx;
            else
                r.error(n, QStringLiteral("routing '%1' is not known: use 'ingress' or 'nginx'").arg(*v));
        }
    }

    qCDebug(lcCourseConfig) << "loaded course" << c.name << "from" << file;
    return c;
}

} // namespace course
