#include "yamlview.h"

#include "kube/kubeclient.h"

#include <QFontDatabase>
#include <QFuture>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPromise>
#include <QRegularExpression>
#include <QScrollBar>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <memory>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace {

// Whether a string written plain would read back as something else (a number,
// a bool, null) or not parse at all; such strings are quoted.
bool needsQuotes(const std::string &s)
{
    if (s.empty())
        return true;
    static const QRegularExpression special(QStringLiteral(
        "^(?:[-+]?(?:\\.[0-9]+|[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|"
        "[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|[0-9]+(?::[0-5]?[0-9])+|"
        "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|"
        "[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$"));
    const QString text = QString::fromStdString(s);
    if (special.match(text).hasMatch())
        return true;
    if (text.front().isSpace() || text.back().isSpace() || text.endsWith(u':'))
        return true;
    if (QStringLiteral(",[]{}#&*!|>'\"%@`").contains(text.front()))
        return true;
    // "-", "?" and ":" start a plain scalar unless a space (or nothing) follows: "--port" is fine.
    if (QStringLiteral("-?:").contains(text.front()) && (text.size() == 1 || text.at(1).isSpace()))
        return true;
    return text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #"));
}

bool hasControl(const std::string &s)
{
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return (c >= 0 && c < 0x20 && c != '\n') || c == 0x7f; });
}

void emitNode(YAML::Emitter &out, const YAML::Node &node, int depth, bool inMetadata)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        if (node.size() == 0) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::Block << YAML::BeginMap;
        for (const auto &kv : node) {
            const std::string key = kv.first.Scalar();
            if (inMetadata && key == "managedFields")
                continue; // kubectl -o yaml leaves them out too
            out << YAML::Key;
            if (needsQuotes(key))
                out << YAML::SingleQuoted;
            out << key << YAML::Value;
            emitNode(out, kv.second, depth + 1, depth == 0 && key == "metadata");
        }
        out << YAML::EndMap;
        break;
    case YAML::NodeType::Sequence:
        if (node.size() == 0) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::Block << YAML::BeginSeq;
        for (const auto &item : node)
            emitNode(out, item, depth + 1, false);
        out << YAML::EndSeq;
        break;
    case YAML::NodeType::Scalar: {
        const std::string &s = node.Scalar();
        if (node.Tag() != "!") { // a plain JSON scalar: number, true, false
            out << s;
        } else if (hasControl(s)) {
            out << YAML::DoubleQuoted << s;
        } else if (s.find('\n') != std::string::npos) {
            // A block ("|") reads back with exactly one final newline; anything else is quoted.
            const bool oneFinalNewline = s.back() == '\n' && (s.size() < 2 || s[s.size() - 2] != '\n');
            if (oneFinalNewline && s.front() != ' ')
                out << YAML::Literal << s.substr(0, s.size() - 1); // "|" adds the final newline back
            else
                out << YAML::DoubleQuoted << s;
        } else {
            if (needsQuotes(s))
                out << YAML::SingleQuoted;
            out << s;
        }
        break;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        out << YAML::Null;
        break;
    }
}

} // namespace

YamlView::YamlView(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"yamlView"_s);
    m_text->setObjectName(u"yamlText"_s);
    m_text->setAccessibleName(tr("YAML"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    refresh->setAutoRaise(true);
    refresh->setObjectName(u"yamlRefresh"_s);
    connect(refresh, &QToolButton::clicked, this, &YamlView::refresh);
    m_status->setObjectName(u"yamlStatus"_s);
    m_status->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);
    m_status->setText(tr("No student selected."));
}

YamlView::~YamlView() = default;

QString YamlView::jsonToYaml(const QByteArray &json, QString *error)
{
    try {
        const YAML::Node root = YAML::Load(json.toStdString()); // JSON is YAML; the key order is kept
        YAML::Emitter out;
        out.SetIndent(2);
        out.SetNullFormat(YAML::LowerNull);
        out.SetMapFormat(YAML::Block);
        out.SetSeqFormat(YAML::Block);
        emitNode(out, root, 0, false);
        if (!out.good()) {
            if (error)
                *error = QString::fromStdString(out.GetLastError());
            return {};
        }
        return QString::fromUtf8(out.c_str()) + u'\n';
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return {};
    }
}

void YamlView::setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                         const QString &deployment)
{
    if (access != m_access) {
        delete m_client;
        m_client = access ? new kube::KubeClient(access, this) : nullptr;
    }
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_deployment = deployment;
    m_loaded = false;
    ++m_generation;
    m_text->clear();
    m_status->setText(
        tr("The YAML of %1 is read when this tab is shown.").arg(deployment.isEmpty() ? pod : deployment));
}

void YamlView::start()
{
    if (!m_loaded)
        refresh();
}

void YamlView::stop()
{
    ++m_generation; // drop answers in flight
}

QString YamlView::text() const
{
    return m_text->toPlainText();
}

void YamlView::refresh()
{
    if (!m_client)
        return;
    const quint64 generation = ++m_generation;
    struct Parts
    {
        int waiting = 0;
        QString deployment;
        QString pod;
        QStringList errors;
    };
    auto parts = std::make_shared<Parts>();
    m_status->setText(tr("Reading from the cluster…"));
    auto done = [this, parts, generation] {
        if (generation != m_generation || --parts->waiting > 0)
            return;
        QString text;
        if (!parts->deployment.isEmpty())
            text += u"# Deployment "_s + m_namespace + u'/' + m_deployment + u'\n' + parts->deployment;
        if (!parts->pod.isEmpty()) {
            if (!text.isEmpty())
                text += u"---\n"_s;
            text += u"# Pod "_s + m_namespace + u'/' + m_pod + u'\n' + parts->pod;
        }
        const int scroll = m_text->verticalScrollBar()->value();
        m_text->setPlainText(text);
        m_text->verticalScrollBar()->setValue(scroll);
        m_loaded = true;
        m_status->setText(parts->errors.isEmpty()
                              ? tr("Read at %1 (read-only; press Refresh for the current state).")
                                    .arg(QTime::currentTime().toString(u"HH:mm:ss"_s))
                              : parts->errors.join(u'\n'));
        Q_EMIT loaded();
    };
    auto fetch = [&](const kube::ResourceKind &kind, const QString &name, QString Parts::*slot,
                     const QString &label) {
        if (name.isEmpty())
            return;
        ++parts->waiting;
        m_client->get(
            kube::resourcePath(kind, m_namespace, name), this,
            [this, parts, slot, label, name, generation, done](const kube::ApiResult &r) {
                if (generation != m_generation)
                    return;
                if (!r.ok()) {
                    parts->errors << r.status.message;
                    done();
                    return;
                }
                // Converted in the thread pool: a large object never stalls the GUI.
                using Converted = std::pair<QString, QString>; // YAML, error
                auto promise = std::make_shared<QPromise<Converted>>();
                QFuture<Converted> future = promise->future();
                promise->start();
                QThreadPool::globalInstance()->start([promise, body = r.body] {
                    QString error;
                    QString yaml = jsonToYaml(body, &error);
                    promise->addResult(Converted{std::move(yaml), std::move(error)});
                    promise->finish();
                });
                future.then(this, [parts, slot, label, name, done](const Converted &converted) {
                    (*parts).*slot = converted.first;
                    if (!converted.second.isEmpty())
                        parts->errors << tr("%1 %2 could not be shown as YAML: %3").arg(label, name, converted.second);
                    done();
                });
            });
    };
    fetch(kube::kinds::deployments, m_deployment, &Parts::deployment, tr("Deployment"));
    fetch(kube::kinds::pods, m_pod, &Parts::pod, tr("Pod"));
    if (parts->waiting == 0)
        m_status->setText(tr("No Deployment or Pod to show."));
}
