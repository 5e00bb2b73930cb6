#include "kube/kubeconfig.h"

#include "kube/kubelog.h"
#include "kube/names.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <yaml-cpp/yaml.h>

namespace kube {

namespace {

const QLatin1String kExecV1("client.authentication.k8s.io/v1");
const QLatin1String kExecV1beta1("client.authentication.k8s.io/v1beta1");
const QLatin1String kExecV1alpha1("client.authentication.k8s.io/v1alpha1");
const QLatin1String kExecExtension("client.authentication.k8s.io/exec");

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

struct Position
{
    int line = 0;
    int column = 0;
};

Position positionOf(const YAML::Node &node)
{
    if (!node.IsDefined())
        return {};
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0)
        return {};
    return {mark.line + 1, mark.column + 1};
}

// A scalar field as written: its text and where it was.
struct Field
{
    QString value;
    Position at;
    bool present = false;
};

// A *-data field: decoded bytes and where the text was.
struct DataField
{
    QByteArray bytes;
    Position at;
    bool present = false;
};

struct ClusterEntry
{
    QString name;
    QString file;
    QString baseDir;
    Position at;
    Field server;
    Field certificateAuthority; // absolute path
    QString certificateAuthorityAsWritten;
    DataField certificateAuthorityData;
    Field tlsServerName;
    Field proxyUrl;
    bool insecure = false;
    Position insecureAt;
    QJsonValue execConfig;
    KubeConfigErrors problems;
};

struct UserEntry
{
    QString name;
    QString file;
    QString baseDir;
    Position at;
    Field token;
    Field tokenFile; // absolute path
    Field clientCertificate;
    Field clientKey;
    DataField clientCertificateData;
    DataField clientKeyData;
    Field username;
    Field password;
    std::optional<ExecConfig> exec;
    KubeConfigErrors problems;
};

struct ContextEntry
{
    QString name;
    QString file;
    Position at;
    Field cluster;
    Field user;
    Field namespaceName;
    KubeConfigErrors problems;
};

} // namespace

struct KubeConfig::Data
{
    QStringList files;
    QStringList missing;
    QMap<QString, ClusterEntry> clusters;
    QMap<QString, UserEntry> users;
    QMap<QString, ContextEntry> contexts;
    QString currentContext;
    QString currentContextFile;
    Position currentContextAt;
    KubeConfigErrors errors;
};

namespace {

QString kindName(const YAML::Node &node)
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

// Plain scalars become JSON booleans, nulls and numbers as a YAML-to-JSON
// converter would; quoted ones (tag "!") stay strings.
QJsonValue toJson(const YAML::Node &node)
{
    // A missing key reads as an invalid node, whose Type() throws (found by fuzz_kubeconfig).
    if (!node.IsDefined())
        return QJsonValue::Null;
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject o;
        for (auto it = node.begin(); it != node.end(); ++it)
            o.insert(qs(it->first.Scalar()), toJson(it->second));
        return o;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray a;
        for (const YAML::Node &item : node)
            a.append(toJson(item));
        return a;
    }
    case YAML::NodeType::Scalar: {
        const QString text = qs(node.Scalar());
        if (node.Tag() == "!")
            return text;
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        if (text == QLatin1String("null") || text == QLatin1String("~"))
            return QJsonValue::Null;
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (ok)
            return number;
        return text;
    }
    default:
        return QJsonValue::Null;
    }
}

// Base64 as Go's encoding/json reads []byte (standard alphabet, padded;
// line breaks allowed), with the first offending character named.
std::optional<QByteArray> decodeBase64(const QString &text, QString *why)
{
    QByteArray compact;
    compact.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            compact.append(c.toLatin1());
    }
    if (compact.startsWith("-----BEGIN")) {
        *why = QStringLiteral("it holds PEM text, not its base64 encoding");
        return std::nullopt;
    }
    for (qsizetype i = 0; i < compact.size(); ++i) {
        const char c = compact.at(i);
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                              c == '+' || c == '/' || c == '=';
        if (!alphabet) {
            *why = QStringLiteral("character '%1' at offset %2 is not in the base64 alphabet")
                       .arg(QString::fromLatin1(&c, 1))
                       .arg(i);
            return std::nullopt;
        }
    }
    if (compact.size() % 4 != 0) {
        *why = QStringLiteral(
                   "its length (%1 characters) is not a multiple of 4: it is cut short or lacks '=' padding")
                   .arg(compact.size());
        return std::nullopt;
    }
    auto result = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        *why = QStringLiteral("'=' padding appears before the end");
        return std::nullopt;
    }
    return std::move(*result);
}

QString absoluteFrom(const QString &baseDir, const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).filePath(path));
}

// Reads one kubeconfig document into entries, merging into `data` the entries
// whose names no earlier file defined.
class FileReader
{
public:
    FileReader(const QString &file, KubeConfig::Data *data)
        : m_file(file)
        , m_baseDir(QFileInfo(file).absolutePath())
        , m_data(data)
    {}

    void read(const QByteArray &yaml)
    {
        YAML::Node root;
        try {
            root = YAML::Load(yaml.toStdString());
        } catch (const YAML::ParserException &e) {
            fileError(
                e.mark.line + 1, e.mark.column + 1,
                QStringLiteral("YAML syntax error: %1; check the indentation and quoting here. The file is "
                               "skipped; contexts from other kubeconfig files still work")
                    .arg(qs(e.msg)));
            return;
        } catch (const YAML::Exception &e) {
            fileError(0, 0, QStringLiteral("cannot parse the file as YAML: %1").arg(qs(e.msg)));
            return;
        }
        if (!root.IsDefined() || root.IsNull())
            return; // an empty file is an empty config, as for client-go
        if (!root.IsMap()) {
            const Position at = positionOf(root);
            fileError(
                at.line, at.column,
                QStringLiteral("a kubeconfig must be a map with 'clusters', 'users' and 'contexts'; found a "
                               "%1. The file is skipped")
                    .arg(kindName(root)));
            return;
        }

        if (const YAML::Node n = root["current-context"]; n.IsDefined() && !n.IsNull()) {
            if (!n.IsScalar()) {
                error(n,
                      QStringLiteral("'current-context' must be a context name, not a %1").arg(kindName(n)),
                      &m_data->errors);
            } else if (m_data->currentContext.isEmpty() && !n.Scalar().empty()) {
                m_data->currentContext = qs(n.Scalar());
                m_data->currentContextFile = m_file;
                m_data->currentContextAt = positionOf(n);
            }
        }

        readSection(root, "clusters", "cluster",
                    [this](const QString &name, const YAML::Node &entry, const YAML::Node &body) {
                        readCluster(name, entry, body);
                    });
        readSection(root, "users", "user",
                    [this](const QString &name, const YAML::Node &entry, const YAML::Node &body) {
                        readUser(name, entry, body);
                    });
        readSection(root, "contexts", "context",
                    [this](const QString &name, const YAML::Node &entry, const YAML::Node &body) {
                        readContext(name, entry, body);
                    });
    }

    void fileError(int line, int column, const QString &message)
    {
        m_data->errors.append({m_file, line, column, message});
    }

private:
    void error(const YAML::Node &node, const QString &message, KubeConfigErrors *out)
    {
        const Position at = positionOf(node);
        out->append({m_file, at.line, at.column, message});
    }

    bool isTaken(const char *section, const QString &name) const
    {
        if (qstrcmp(section, "clusters") == 0)
            return m_data->clusters.contains(name);
        if (qstrcmp(section, "users") == 0)
            return m_data->users.contains(name);
        return m_data->contexts.contains(name);
    }

    template<typename Reader>
    void readSection(const YAML::Node &root, const char *section, const char *bodyKey, Reader reader)
    {
        const YAML::Node list = root[section];
        if (!list.IsDefined() || list.IsNull())
            return;
        const QString sectionName = QString::fromLatin1(section);
        const QString bodyName = QString::fromLatin1(bodyKey);
        if (!list.IsSequence()) {
            error(list,
                  QStringLiteral(
                      "'%1' must be a list of entries, each '- name: <name>' with a '%2:' map; found a %3")
                      .arg(sectionName, bodyName, kindName(list)),
                  &m_data->errors);
            return;
        }
        QMap<QString, int> seenAtLine;
        for (const YAML::Node &entry : list) {
            if (!entry.IsMap()) {
                error(entry,
                      QStringLiteral("each entry under '%1' must be a map with 'name' and '%2'; found a %3")
                          .arg(sectionName, bodyName, kindName(entry)),
                      &m_data->errors);
                continue;
            }
            const YAML::Node nameNode = entry["name"];
            if (!nameNode.IsDefined() || !nameNode.IsScalar() || nameNode.Scalar().empty()) {
                error(nameNode.IsDefined() ? nameNode : entry,
                      QStringLiteral(
                          "an entry under '%1' has no name: add 'name: <name>' so contexts can refer "
                          "to it")
                          .arg(sectionName),
                      &m_data->errors);
                continue;
            }
            const QString name = qs(nameNode.Scalar());
            if (seenAtLine.contains(name)) {
                error(nameNode,
                      QStringLiteral(
                          "%1 '%2' is defined twice in this file (first at line %3): rename or remove "
                          "one; this one is ignored")
                          .arg(bodyName, name)
                          .arg(seenAtLine.value(name)),
                      &m_data->errors);
                continue;
            }
            seenAtLine.insert(name, positionOf(nameNode).line);
            if (isTaken(section, name))
                continue; // an earlier file defined it, and the first definition wins whole
            reader(name, entry, entry[bodyKey]);
        }
    }

    // The entry's body, or an empty map when it is missing; a problem when it is not a map.
    bool checkBody(const YAML::Node &body, const QString &what, const QString &bodyKey,
                   KubeConfigErrors *problems)
    {
        if (!body.IsDefined() || body.IsNull())
            return false;
        if (!body.IsMap()) {
            error(body,
                  QStringLiteral("'%1' of %2 must be a map; found a %3").arg(bodyKey, what, kindName(body)),
                  problems);
            return false;
        }
        return true;
    }

    Field scalar(const YAML::Node &map, const char *key, const QString &what, KubeConfigErrors *problems)
    {
        Field f;
        const YAML::Node n = map[key];
        if (!n.IsDefined() || n.IsNull())
            return f;
        if (!n.IsScalar()) {
            error(n,
                  QStringLiteral("'%1' of %2 must be a single value, not a %3")
                      .arg(QString::fromLatin1(key), what, kindName(n)),
                  problems);
            return f;
        }
        f.value = qs(n.Scalar());
        f.at = positionOf(n);
        f.present = !f.value.isEmpty();
        return f;
    }

    DataField data(const YAML::Node &map, const char *key, const QString &what, const QString &fileKey,
                   KubeConfigErrors *problems)
    {
        DataField d;
        const Field text = scalar(map, key, what, problems);
        if (!text.present)
            return d;
        QString why;
        auto bytes = decodeBase64(text.value, &why);
        if (!bytes) {
            problems->append(
                {m_file, text.at.line, text.at.column,
                 QStringLiteral("%1 of %2 is not valid base64: %3. Put the output of 'base64 -w0 "
                                "<file>' here, or name the file with '%4'")
                     .arg(QString::fromLatin1(key), what, why, fileKey)});
            return d;
        }
        d.bytes = std::move(*bytes);
        d.at = text.at;
        d.present = true;
        return d;
    }

    std::optional<bool> boolean(const YAML::Node &map, const char *key, const QString &what,
                                KubeConfigErrors *problems, Position *at = nullptr)
    {
        const YAML::Node n = map[key];
        if (!n.IsDefined() || n.IsNull())
            return std::nullopt;
        bool value = false;
        if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
            error(n, QStringLiteral("'%1' of %2 must be true or false").arg(QString::fromLatin1(key), what),
                  problems);
            return std::nullopt;
        }
        if (at)
            *at = positionOf(n);
        return value;
    }

    void readCluster(const QString &name, const YAML::Node &entry, const YAML::Node &body)
    {
        ClusterEntry c;
        c.name = name;
        c.file = m_file;
        c.baseDir = m_baseDir;
        c.at = positionOf(entry);
        const QString what = QStringLiteral("cluster '%1'").arg(name);
        if (checkBody(body, what, QStringLiteral("cluster"), &c.problems)) {
            c.server = scalar(body, "server", what, &c.problems);
            c.certificateAuthority = scalar(body, "certificate-authority", what, &c.problems);
            c.certificateAuthorityAsWritten = c.certificateAuthority.value;
            c.certificateAuthority.value = absoluteFrom(m_baseDir, c.certificateAuthority.value);
            c.certificateAuthorityData = data(body, "certificate-authority-data", what,
                                              QStringLiteral("certificate-authority"), &c.problems);
            c.tlsServerName = scalar(body, "tls-server-name", what, &c.problems);
            c.proxyUrl = scalar(body, "proxy-url", what, &c.problems);
            c.insecure =
                boolean(body, "insecure-skip-tls-verify", what, &c.problems, &c.insecureAt).value_or(false);
            if (c.certificateAuthority.present && c.certificateAuthorityData.present) {
                error(body["certificate-authority"],
                      QStringLiteral(
                          "%1 sets both certificate-authority and certificate-authority-data: keep one "
                          "(kubectl refuses both)")
                          .arg(what),
                      &c.problems);
            }
            if (const YAML::Node ext = body["extensions"]; ext.IsDefined() && ext.IsSequence()) {
                for (const YAML::Node &item : ext) {
                    // A missing key reads as an invalid node: IsScalar() on it throws (fuzz_kubeconfig).
                    if (item.IsMap() && item["name"].IsDefined() && item["name"].IsScalar() &&
                        qs(item["name"].Scalar()) == kExecExtension)
                        c.execConfig = toJson(item["extension"]);
                }
            }
        }
        m_data->clusters.insert(name, c);
        m_data->errors.append(c.problems);
    }

    void readUser(const QString &name, const YAML::Node &entry, const YAML::Node &body)
    {
        UserEntry u;
        u.name = name;
        u.file = m_file;
        u.baseDir = m_baseDir;
        u.at = positionOf(entry);
        const QString what = QStringLiteral("user '%1'").arg(name);
        if (checkBody(body, what, QStringLiteral("user"), &u.problems)) {
            u.token = scalar(body, "token", what, &u.problems);
            u.tokenFile = scalar(body, "tokenFile", what, &u.problems);
            u.tokenFile.value = absoluteFrom(m_baseDir, u.tokenFile.value);
            u.clientCertificate = scalar(body, "client-certificate", what, &u.problems);
            u.clientCertificate.value = absoluteFrom(m_baseDir, u.clientCertificate.value);
            u.clientKey = scalar(body, "client-key", what, &u.problems);
            u.clientKey.value = absoluteFrom(m_baseDir, u.clientKey.value);
            u.clientCertificateData = data(body, "client-certificate-data", what,
                                           QStringLiteral("client-certificate"), &u.problems);
            u.clientKeyData = data(body, "client-key-data", what, QStringLiteral("client-key"), &u.problems);
            u.username = scalar(body, "username", what, &u.problems);
            u.password = scalar(body, "password", what, &u.problems);
            checkUser(u, body, what);
            if (const YAML::Node exec = body["exec"]; exec.IsDefined() && !exec.IsNull())
                u.exec = readExec(exec, what, &u.problems);
        }
        m_data->users.insert(name, u);
        m_data->errors.append(u.problems);
    }

    // The combinations client-go's validation refuses.
    void checkUser(UserEntry &u, const YAML::Node &body, const QString &what)
    {
        if (u.token.present && (u.username.present || u.password.present)) {
            error(body["token"],
                  QStringLiteral(
                      "%1 sets both a token and username/password: keep one (kubectl allows only one "
                      "authentication method)")
                      .arg(what),
                  &u.problems);
        }
        const bool hasCert = u.clientCertificate.present || u.clientCertificateData.present;
        const bool hasKey = u.clientKey.present || u.clientKeyData.present;
        if (u.clientCertificate.present && u.clientCertificateData.present) {
            error(body["client-certificate"],
                  QStringLiteral("%1 sets both client-certificate and client-certificate-data: keep one")
                      .arg(what),
                  &u.problems);
        }
        if (u.clientKey.present && u.clientKeyData.present) {
            error(body["client-key"],
                  QStringLiteral("%1 sets both client-key and client-key-data: keep one").arg(what),
                  &u.problems);
        }
        if (hasCert && !hasKey) {
            error(body["client-certificate"].IsDefined() ? body["client-certificate"]
                                                         : body["client-certificate-data"],
                  QStringLiteral("%1 has a client certificate but no key: add client-key (a file) or "
                                 "client-key-data")
                      .arg(what),
                  &u.problems);
        }
        if (hasKey && !hasCert) {
            error(body["client-key"].IsDefined() ? body["client-key"] : body["client-key-data"],
                  QStringLiteral("%1 has a client key but no certificate: add client-certificate (a file) or "
                                 "client-certificate-data")
                      .arg(what),
                  &u.problems);
        }
    }

    std::optional<ExecConfig> readExec(const YAML::Node &exec, const QString &what,
                                       KubeConfigErrors *problems)
    {
        const qsizetype before = problems->size();
        if (!exec.IsMap()) {
            error(exec,
                  QStringLiteral("'exec' of %1 must be a map with apiVersion, command and args; found a %2")
                      .arg(what, kindName(exec)),
                  problems);
            return std::nullopt;
        }
        const QString where = QStringLiteral("the exec plugin of %1").arg(what);
        ExecConfig e;
        const Field apiVersion = scalar(exec, "apiVersion", where, problems);
        e.apiVersion = apiVersion.value;
        if (!apiVersion.present) {
            error(exec,
                  QStringLiteral("%1 has no apiVersion: add 'apiVersion: client.authentication.k8s.io/v1' "
                                 "(or v1beta1, as the plugin's documentation says)")
                      .arg(where),
                  problems);
        } else if (e.apiVersion == kExecV1alpha1) {
            error(exec["apiVersion"],
                  QStringLiteral(
                      "exec apiVersion '%1' is no longer supported (removed in Kubernetes 1.24): use "
                      "client.authentication.k8s.io/v1beta1 or v1, updating the plugin if needed")
                      .arg(e.apiVersion),
                  problems);
        } else if (e.apiVersion != kExecV1 && e.apiVersion != kExecV1beta1) {
            error(exec["apiVersion"],
                  QStringLiteral("exec apiVersion '%1' is not known: use client.authentication.k8s.io/v1 or "
                                 "client.authentication.k8s.io/v1beta1")
                      .arg(e.apiVersion),
                  problems);
        }

        const Field command = scalar(exec, "command", where, problems);
        if (!command.present) {
            error(exec,
                  QStringLiteral("%1 has no command: name the plugin program, e.g. 'command: "
                                 "gke-gcloud-auth-plugin'")
                      .arg(where),
                  problems);
        }
        // A bare name is looked up on PATH; a path is taken from the kubeconfig's folder.
        e.command = command.value.contains(u'/') ? absoluteFrom(m_baseDir, command.value) : command.value;

        if (const YAML::Node args = exec["args"]; args.IsDefined() && !args.IsNull()) {
            if (!args.IsSequence()) {
                error(args,
                      QStringLiteral("'args' of %1 must be a list, like 'args: [get-token, --cluster, x]'")
                          .arg(where),
                      problems);
            } else {
                for (const YAML::Node &arg : args) {
                    if (!arg.IsScalar()) {
                        error(arg,
                              QStringLiteral("each of the 'args' of %1 must be a single value").arg(where),
                              problems);
                        continue;
                    }
                    e.args.append(qs(arg.Scalar()));
                }
            }
        }

        if (const YAML::Node env = exec["env"]; env.IsDefined() && !env.IsNull()) {
            if (!env.IsSequence()) {
                error(env,
                      QStringLiteral("'env' of %1 must be a list of '- name: VAR' / 'value: ...' entries")
                          .arg(where),
                      problems);
            } else {
                for (const YAML::Node &var : env) {
                    const Field varName = var.IsMap() ? scalar(var, "name", where, problems) : Field{};
                    if (!varName.present) {
                        error(var,
                              QStringLiteral("an 'env' entry of %1 has no name: write '- name: VAR' with "
                                             "'value: ...'")
                                  .arg(where),
                              problems);
                        continue;
                    }
                    e.env.append({varName.value, scalar(var, "value", where, problems).value});
                }
            }
        }

        e.provideClusterInfo = boolean(exec, "provideClusterInfo", where, problems).value_or(false);
        e.installHint = scalar(exec, "installHint", where, problems).value;

        const Field mode = scalar(exec, "interactiveMode", where, problems);
        if (!mode.present) {
            if (e.apiVersion == kExecV1) {
                error(exec,
                      QStringLiteral("exec apiVersion '%1' requires interactiveMode: add 'interactiveMode: "
                                     "Never' (the console cannot answer prompts) or IfAvailable")
                          .arg(e.apiVersion),
                      problems);
            }
            e.interactiveMode = ExecInteractiveMode::IfAvailable; // the v1beta1 default
        } else if (mode.value == QLatin1String("Never")) {
            e.interactiveMode = ExecInteractiveMode::Never;
        } else if (mode.value == QLatin1String("IfAvailable")) {
            e.interactiveMode = ExecInteractiveMode::IfAvailable;
        } else if (mode.value == QLatin1String("Always")) {
            e.interactiveMode = ExecInteractiveMode::Always;
        } else {
            error(exec["interactiveMode"],
                  QStringLiteral("interactiveMode '%1' of %2 is not known: use Never, IfAvailable or Always")
                      .arg(mode.value, where),
                  problems);
        }
        if (problems->size() != before)
            return std::nullopt;
        return e;
    }

    void readContext(const QString &name, const YAML::Node &entry, const YAML::Node &body)
    {
        ContextEntry c;
        c.name = name;
        c.file = m_file;
        c.at = positionOf(entry);
        const QString what = QStringLiteral("context '%1'").arg(name);
        if (checkBody(body, what, QStringLiteral("context"), &c.problems)) {
            c.cluster = scalar(body, "cluster", what, &c.problems);
            c.user = scalar(body, "user", what, &c.problems);
            c.namespaceName = scalar(body, "namespace", what, &c.problems);
            if (c.namespaceName.present && !names::isDns1123Label(c.namespaceName.value)) {
                error(
                    body["namespace"],
                    QStringLiteral("namespace '%1' of %2 is not a valid namespace name: lower-case letters, "
                                   "digits and '-', at most 63 characters")
                        .arg(c.namespaceName.value, what),
                    &c.problems);
            }
        }
        m_data->contexts.insert(name, c);
        m_data->errors.append(c.problems);
    }

    QString m_file;
    QString m_baseDir;
    KubeConfig::Data *m_data;
};

KubeConfigError errorAt(const QString &file, Position at, const QString &message)
{
    return {file, at.line, at.column, message};
}

// Reads a file a kubeconfig names; the message says which field named it and how to fix it.
std::optional<QByteArray> readReferencedFile(const QString &path, const QString &field, const QString &what,
                                             const QString &asWritten, const QString &baseDir,
                                             QString *message)
{
    // Certificates, keys and tokens are a few KB; a bound keeps a path such as
    // /dev/zero or a log file named by mistake from reading without end.
    constexpr qint64 kMaxReferencedFile = 4 * 1024 * 1024;
    QFile f(path);
    QString why;
    QByteArray bytes;
    if (QFileInfo(path).isDir()) {
        why = QStringLiteral("it is a directory");
    } else if (!f.open(QIODevice::ReadOnly)) {
        why = f.errorString();
    } else {
        bytes = f.read(kMaxReferencedFile + 1);
        if (bytes.size() > kMaxReferencedFile)
            why = QStringLiteral("it is larger than 4 MiB, which no certificate, key or token is");
    }
    if (why.isEmpty())
        return bytes;
    QString hint = QStringLiteral("fix the path");
    if (!asWritten.isEmpty() && !QDir::isAbsolutePath(asWritten))
        hint += QStringLiteral(" ('%1' is taken relative to %2, the kubeconfig's folder)")
                    .arg(asWritten, baseDir);
    *message = QStringLiteral("%1 '%2' of %3 cannot be read: %4; %5").arg(field, path, what, why, hint);
    return std::nullopt;
}

} // namespace

QString KubeConfigError::toString() const
{
    QString where = file;
    if (line > 0) {
        where += u':' + QString::number(line);
        if (column > 0)
            where += u':' + QString::number(column);
    }
    return where.isEmpty() ? message : where + QLatin1String(": ") + message;
}

KubeConfig::KubeConfig()
    : m_data(std::make_shared<const Data>())
{}

QStringList KubeConfig::splitFileList(const QString &kubeconfigVariable)
{
    QStringList files;
    for (const QString &part : kubeconfigVariable.split(QDir::listSeparator())) {
        if (!part.isEmpty() && !files.contains(part))
            files.append(part);
    }
    return files;
}

QStringList KubeConfig::defaultFiles()
{
    const QString variable = qEnvironmentVariable("KUBECONFIG");
    const QStringList files = splitFileList(variable);
    if (!files.isEmpty())
        return files;
    return {QDir::homePath() + QLatin1String("/.kube/config")};
}

KubeConfig KubeConfig::load(const QStringList &files)
{
    auto data = std::make_shared<Data>();
    for (const QString &file : files) {
        if (file.isEmpty())
            continue;
        QFile f(file);
        if (!f.exists()) {
            data->missing.append(file);
            continue;
        }
        FileReader reader(file, data.get());
        if (QFileInfo(file).isDir() || !f.open(QIODevice::ReadOnly)) {
            reader.fileError(
                0, 0,
                QStringLiteral("cannot read this kubeconfig file (%1): check its permissions, or drop it "
                               "from KUBECONFIG")
                    .arg(QFileInfo(file).isDir() ? QStringLiteral("it is a directory") : f.errorString()));
            continue;
        }
        data->files.append(file);
        reader.read(f.readAll());
    }
    KubeConfig config;
    config.m_data = std::move(data);
    qCDebug(lcKubeConfig) << "kubeconfig: read" << config.m_data->files << "missing" << config.m_data->missing
                          << "contexts" << config.contexts();
    return config;
}

KubeConfig KubeConfig::parse(const QByteArray &yaml, const QString &file)
{
    auto data = std::make_shared<Data>();
    data->files.append(file);
    FileReader(file, data.get()).read(yaml);
    KubeConfig config;
    config.m_data = std::move(data);
    return config;
}

QStringList KubeConfig::files() const
{
    return m_data->files;
}

QStringList KubeConfig::missingFiles() const
{
    return m_data->missing;
}

QStringList KubeConfig::contexts() const
{
    return m_data->contexts.keys();
}

QString KubeConfig::currentContext() const
{
    return m_data->currentContext;
}

bool KubeConfig::hasContext(const QString &name) const
{
    return m_data->contexts.contains(name);
}

KubeConfigErrors KubeConfig::errors() const
{
    return m_data->errors;
}

std::optional<ClusterCredentials> KubeConfig::resolve(const QString &contextName,
                                                      KubeConfigError *error) const
{
    const Data &d = *m_data;
    auto fail = [error](KubeConfigError e) -> std::optional<ClusterCredentials> {
        qCDebug(lcKubeConfig) << "kubeconfig:" << e.toString();
        if (error)
            *error = std::move(e);
        return std::nullopt;
    };
    const QString available = d.contexts.isEmpty()
                                  ? QStringLiteral("none are defined")
                                  : QStringLiteral("defined: ") + d.contexts.keys().join(QLatin1String(", "));

    // Context
    QString name = contextName;
    if (name.isEmpty()) {
        if (d.currentContext.isEmpty()) {
            return fail({{},
                         0,
                         0,
                         QStringLiteral("no context chosen: no kubeconfig file sets current-context; pick a "
                                        "context (%1)")
                             .arg(available)});
        }
        name = d.currentContext;
        if (!d.contexts.contains(name)) {
            return fail(
                errorAt(d.currentContextFile, d.currentContextAt,
                        QStringLiteral("current-context '%1' names a context no kubeconfig file defines: "
                                       "fix current-context or pick another context (%2)")
                            .arg(name, available)));
        }
    }
    const auto ctxIt = d.contexts.constFind(name);
    if (ctxIt == d.contexts.constEnd()) {
        return fail({{},
                     0,
                     0,
                     QStringLiteral("context '%1' is not defined in any kubeconfig file (%2): pick another "
                                    "context or add it under contexts")
                         .arg(name, available)});
    }
    const ContextEntry &ctx = *ctxIt;
    if (!ctx.problems.isEmpty())
        return fail(ctx.problems.first());

    ClusterCredentials out;
    out.contextName = name;
    if (ctx.namespaceName.present)
        out.namespaceName = ctx.namespaceName.value;

    // Cluster
    if (!ctx.cluster.present) {
        return fail(errorAt(ctx.file, ctx.at,
                            QStringLiteral("context '%1' names no cluster: add 'cluster: <name>' under its "
                                           "'context:'")
                                .arg(name)));
    }
    const auto clusterIt = d.clusters.constFind(ctx.cluster.value);
    if (clusterIt == d.clusters.constEnd()) {
        return fail(errorAt(
            ctx.file, ctx.cluster.at,
            QStringLiteral("context '%1' names cluster '%2', which no kubeconfig file defines: add it "
                           "under clusters or pick another context")
                .arg(name, ctx.cluster.value)));
    }
    const ClusterEntry &cluster = *clusterIt;
    if (!cluster.problems.isEmpty())
        return fail(cluster.problems.first());
    out.clusterName = cluster.name;

    // User: an empty name means anonymous, as for kubectl.
    const UserEntry *user = nullptr;
    if (ctx.user.present) {
        const auto userIt = d.users.constFind(ctx.user.value);
        if (userIt == d.users.constEnd()) {
            return fail(
                errorAt(ctx.file, ctx.user.at,
                        QStringLiteral("context '%1' names user '%2', which no kubeconfig file defines: add "
                                       "it under users or pick another context")
                            .arg(name, ctx.user.value)));
        }
        user = &*userIt;
        if (!user->problems.isEmpty())
            return fail(user->problems.first());
        out.userName = user->name;
    }

    const QString clusterWhat = QStringLiteral("cluster '%1'").arg(cluster.name);
    if (cluster.certificateAuthorityData.present) {
        out.certificateAuthorityPem = cluster.certificateAuthorityData.bytes;
    } else if (cluster.certificateAuthority.present) {
        QString message;
        auto pem = readReferencedFile(cluster.certificateAuthority.value,
                                      QStringLiteral("certificate-authority file"), clusterWhat,
                                      cluster.certificateAuthorityAsWritten, cluster.baseDir, &message);
        if (!pem) {
            return fail(errorAt(
                cluster.file, cluster.certificateAuthority.at,
                message + QStringLiteral(", or embed the certificate as certificate-authority-data")));
        }
        out.certificateAuthorityPem = *pem;
    }
    out.insecureSkipTlsVerify = cluster.insecure;
    if (out.insecureSkipTlsVerify &&
        (cluster.certificateAuthority.present || cluster.certificateAuthorityData.present)) {
        return fail(
            errorAt(cluster.file, cluster.insecureAt,
                    QStringLiteral("%1 sets insecure-skip-tls-verify together with a certificate authority: "
                                   "remove one (kubectl refuses both)")
                        .arg(clusterWhat)));
    }
    out.tlsServerName = cluster.tlsServerName.value;
    out.execClusterConfig = cluster.execConfig;

    if (cluster.proxyUrl.present) {
        const QUrl proxy(cluster.proxyUrl.value, QUrl::StrictMode);
        const QString scheme = proxy.scheme();
        if (!proxy.isValid() || proxy.host().isEmpty() ||
            (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
             scheme != QLatin1String("socks5"))) {
            return fail(errorAt(cluster.file, cluster.proxyUrl.at,
                                QStringLiteral("proxy-url '%1' of %2 is not a usable proxy: write it like "
                                               "http://proxy.example.org:3128 (schemes http, https, socks5)")
                                    .arg(cluster.proxyUrl.value, clusterWhat)));
        }
        out.proxyUrl = proxy;
    }

    // User credentials
    if (user) {
        const QString userWhat = QStringLiteral("user '%1'").arg(user->name);
        out.tokenFile = user->tokenFile.value;
        if (user->tokenFile.present) {
            // client-go re-reads tokenFile and prefers its content to 'token'
            // whenever it can be read; 'token' is the fallback.
            QString message;
            auto bytes = readReferencedFile(user->tokenFile.value, QStringLiteral("tokenFile"), userWhat, {},
                                            user->baseDir, &message);
            const QString fileToken = bytes ? QString::fromUtf8(*bytes).trimmed() : QString();
            if (bytes && fileToken.isEmpty())
                message = QStringLiteral("tokenFile '%1' of %2 is empty: put the token in it")
                              .arg(user->tokenFile.value, userWhat);
            if (!fileToken.isEmpty()) {
                out.bearerToken = fileToken;
            } else if (user->token.present) {
                qCWarning(lcKubeConfig).noquote()
                    << message + QLatin1String("; using the user's 'token' meanwhile");
                out.bearerToken = user->token.value;
            } else {
                return fail(errorAt(user->file, user->tokenFile.at, message));
            }
        } else if (user->token.present) {
            out.bearerToken = user->token.value;
        }

        if (user->clientCertificateData.present) {
            out.clientCertificatePem = user->clientCertificateData.bytes;
        } else if (user->clientCertificate.present) {
            QString message;
            auto pem =
                readReferencedFile(user->clientCertificate.value, QStringLiteral("client-certificate file"),
                                   userWhat, {}, user->baseDir, &message);
            if (!pem)
                return fail(errorAt(user->file, user->clientCertificate.at, message));
            out.clientCertificatePem = *pem;
        }
        if (user->clientKeyData.present) {
            out.clientKeyPem = user->clientKeyData.bytes;
        } else if (user->clientKey.present) {
            QString message;
            auto pem = readReferencedFile(user->clientKey.value, QStringLiteral("client-key file"), userWhat,
                                          {}, user->baseDir, &message);
            if (!pem)
                return fail(errorAt(user->file, user->clientKey.at, message));
            out.clientKeyPem = *pem;
        }
        out.username = user->username.value;
        out.password = user->password.value;

        const bool hasStaticCredentials = !out.bearerToken.isEmpty() || !out.username.isEmpty() ||
                                          !out.password.isEmpty() || !out.clientCertificatePem.isEmpty();
        if (user->exec && !hasStaticCredentials)
            out.exec = user->exec;
    }

    // Server, with client-go's default scheme when the file gives none.
    if (!cluster.server.present) {
        return fail(errorAt(cluster.file, cluster.at,
                            QStringLiteral("%1 has no server: add 'server: https://<host>:<port>' under its "
                                           "'cluster:'")
                                .arg(clusterWhat)));
    }
    QUrl server(cluster.server.value, QUrl::StrictMode);
    if (!server.isValid() || server.scheme().isEmpty() || server.host().isEmpty()) {
        const bool tls = !out.certificateAuthorityPem.isEmpty() || !out.clientCertificatePem.isEmpty() ||
                         out.insecureSkipTlsVerify;
        server = QUrl((tls ? QLatin1String("https://") : QLatin1String("http://")) + cluster.server.value,
                      QUrl::StrictMode);
    }
    if (!server.isValid() || server.host().isEmpty() ||
        (server.scheme() != QLatin1String("https") && server.scheme() != QLatin1String("http"))) {
        return fail(errorAt(cluster.file, cluster.server.at,
                            QStringLiteral("server '%1' of %2 is not an http(s) URL: write it like "
                                           "https://203.0.113.10:6443")
                                .arg(cluster.server.value, clusterWhat)));
    }
    out.server = server;
    return out;
}

QSslConfiguration toSslConfiguration(const ClusterCredentials &credentials, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QSslConfiguration();
    };
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    // Watches, log follows and exec upgrades are HTTP/1.1 features.
    ssl.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});

    if (!credentials.certificateAuthorityPem.isEmpty()) {
        const QList<QSslCertificate> cas =
            QSslCertificate::fromData(credentials.certificateAuthorityPem, QSsl::Pem);
        if (cas.isEmpty()) {
            return fail(
                QStringLiteral("the certificate authority of cluster '%1' holds no PEM certificate: it "
                               "should start with '-----BEGIN CERTIFICATE-----'")
                    .arg(credentials.clusterName));
        }
        ssl.setCaCertificates(cas); // only these, as client-go does when a CA is given
    }
    ssl.setPeerVerifyMode(credentials.insecureSkipTlsVerify ? QSslSocket::VerifyNone
                                                            : QSslSocket::VerifyPeer);

    if (!credentials.clientCertificatePem.isEmpty() || !credentials.clientKeyPem.isEmpty()) {
        const QList<QSslCertificate> chain =
            QSslCertificate::fromData(credentials.clientCertificatePem, QSsl::Pem);
        if (chain.isEmpty()) {
            return fail(
                QStringLiteral("the client certificate of user '%1' is not a PEM certificate: it should "
                               "start with '-----BEGIN CERTIFICATE-----'")
                    .arg(credentials.userName));
        }
        QSslKey key(credentials.clientKeyPem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
        if (key.isNull())
            key = QSslKey(credentials.clientKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
        if (key.isNull()) {
            return fail(
                QStringLiteral("the client key of user '%1' is not an unencrypted RSA or EC private key in "
                               "PEM form")
                    .arg(credentials.userName));
        }
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
    }
    return ssl;
}

} // namespace kube
