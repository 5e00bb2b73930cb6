#include "github/githubjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace github {

namespace {

bool objectOf(const QByteArray &body, QJsonObject *o)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *o = doc.object();
    return true;
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QByteArray sha(const QJsonObject &o, const char *key = "sha")
{
    return o.value(QLatin1String(key)).toString().toLatin1();
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

int integer(const QJsonObject &o, const char *key)
{
    const double d = o.value(QLatin1String(key)).toDouble();
    return d >= 0 && d < 2147483647.0 ? int(d) : 0;
}

void readRepository(const QJsonObject &o, Repository *r)
{
    r->id = qint64(o.value(QLatin1String("id")).toDouble());
    r->name = str(o, "name");
    r->fullName = str(o, "full_name");
    r->owner = str(obj(o, "owner"), "login");
    if (r->owner.isEmpty())
        r->owner = r->fullName.section(u'/', 0, 0);
    r->defaultBranch = str(o, "default_branch");
    r->htmlUrl = str(o, "html_url");
    r->cloneUrl = str(o, "clone_url");
    r->parentFullName = str(obj(o, "parent"), "full_name");
    r->isPrivate = o.value(QLatin1String("private")).toBool();
    r->isTemplate = o.value(QLatin1String("is_template")).toBool();
    r->isFork = o.value(QLatin1String("fork")).toBool();
}

Signature readSignature(const QJsonObject &o)
{
    return {str(o, "name"), str(o, "email"), QDateTime::fromString(str(o, "date"), Qt::ISODate)};
}

void readPull(const QJsonObject &o, PullRequest *p)
{
    p->number = integer(o, "number");
    p->state = str(o, "state");
    p->title = str(o, "title");
    p->body = str(o, "body");
    const QJsonObject head = obj(o, "head");
    p->headRef = str(head, "ref");
    p->headSha = sha(head);
    p->headRepository = str(obj(head, "repo"), "full_name");
    p->baseRef = str(obj(o, "base"), "ref");
    p->merged = o.value(QLatin1String("merged")).toBool();
    const QJsonValue mergeable = o.value(QLatin1String("mergeable"));
    if (mergeable.isBool())
        p->mergeable = mergeable.toBool();
    p->mergeCommitSha = sha(o, "merge_commit_sha");
    p->htmlUrl = str(o, "html_url");
}

} // namespace

ErrorBody parseErrorBody(const QByteArray &body)
{
    ErrorBody e;
    QJsonObject o;
    if (!objectOf(body, &o))
        return e;
    e.message = str(o, "message");
    e.documentationUrl = str(o, "documentation_url");
    for (const QJsonValue &v : o.value(QLatin1String("errors")).toArray()) {
        if (v.isString()) {
            e.details.append(v.toString());
            continue;
        }
        const QJsonObject d = v.toObject();
        const QString message = str(d, "message");
        if (!message.isEmpty()) {
            e.details.append(message);
            continue;
        }
        const QString what = QStringList{str(d, "resource"), str(d, "field")}.join(u'.');
        e.details.append(QString(what + u' ' + str(d, "code")).trimmed());
    }
    return e;
}

bool parseUser(const QByteArray &body, User *user)
{
    QJsonObject o;
    if (!objectOf(body, &o) || str(o, "login").isEmpty())
        return false;
    user->id = qint64(o.value(QLatin1String("id")).toDouble());
    user->login = str(o, "login");
    user->name = str(o, "name");
    user->email = str(o, "email");
    user->type = str(o, "type");
    return true;
}

bool parseRepository(const QByteArray &body, Repository *repo)
{
    QJsonObject o;
    if (!objectOf(body, &o) || str(o, "full_name").isEmpty())
        return false;
    readRepository(o, repo);
    return true;
}

bool parseRepositoryList(const QByteArray &body, QList<Repository> *repos)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return false;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        if (str(o, "full_name").isEmpty())
            continue;
        Repository r;
        readRepository(o, &r);
        repos->append(r);
    }
    return true;
}

bool parseTree(const QByteArray &body, Tree *tree)
{
    QJsonObject o;
    if (!objectOf(body, &o) || !o.value(QLatin1String("tree")).isArray())
        return false;
    tree->sha = sha(o);
    tree->truncated = o.value(QLatin1String("truncated")).toBool();
    for (const QJsonValue &v : o.value(QLatin1String("tree")).toArray()) {
        const QJsonObject e = v.toObject();
        TreeEntry entry;
        entry.path = str(e, "path");
        if (entry.path.isEmpty())
            continue;
        entry.mode = str(e, "mode");
        entry.type = str(e, "type");
        entry.sha = sha(e);
        entry.size =
            e.contains(QLatin1String("size")) ? qint64(e.value(QLatin1String("size")).toDouble()) : -1;
        tree->entries.append(entry);
    }
    return true;
}

bool parseFileContent(const QByteArray &body, FileContent *file)
{
    QJsonObject o;
    if (!objectOf(body, &o) || str(o, "type") != QLatin1String("file"))
        return false;
    file->path = str(o, "path");
    file->sha = sha(o);
    file->size = qint64(o.value(QLatin1String("size")).toDouble());
    if (str(o, "encoding") != QLatin1String("base64"))
        return false;
    file->content = QByteArray::fromBase64(str(o, "content").toLatin1()); // base64 with line breaks
    return true;
}

bool parseBlob(const QByteArray &body, FileContent *blob)
{
    QJsonObject o;
    if (!objectOf(body, &o) || !o.value(QLatin1String("content")).isString())
        return false;
    blob->sha = sha(o);
    blob->size = qint64(o.value(QLatin1String("size")).toDouble());
    const QString content = str(o, "content");
    blob->content = str(o, "encoding") == QLatin1String("base64") ? QByteArray::fromBase64(content.toLatin1())
                                                                  : content.toUtf8();
    return true;
}

bool parseGitCommit(const QByteArray &body, GitCommit *commit)
{
    QJsonObject o;
    if (!objectOf(body, &o) || sha(o).isEmpty())
        return false;
    commit->sha = sha(o);
    commit->treeSha = sha(obj(o, "tree"));
    for (const QJsonValue &p : o.value(QLatin1String("parents")).toArray())
        commit->parents.append(sha(p.toObject()));
    commit->message = str(o, "message");
    commit->author = readSignature(obj(o, "author"));
    commit->committer = readSignature(obj(o, "committer"));
    return !commit->treeSha.isEmpty();
}

bool parseRef(const QByteArray &body, Ref *ref)
{
    QJsonObject o;
    if (!objectOf(body, &o))
        return false;
    ref->ref = str(o, "ref");
    ref->sha = sha(obj(o, "object"));
    return !ref->sha.isEmpty();
}

QByteArray parseSha(const QByteArray &body)
{
    QJsonObject o;
    if (!objectOf(body, &o))
        return {};
    return sha(o);
}

bool parseComparison(const QByteArray &body, Comparison *c)
{
    QJsonObject o;
    if (!objectOf(body, &o) || str(o, "status").isEmpty())
        return false;
    c->status = str(o, "status");
    c->aheadBy = integer(o, "ahead_by");
    c->behindBy = integer(o, "behind_by");
    c->totalCommits = integer(o, "total_commits");
    for (const QJsonValue &v : o.value(QLatin1String("commits")).toArray())
        c->commits.append(sha(v.toObject()));
    for (const QJsonValue &v : o.value(QLatin1String("files")).toArray()) {
        const QJsonObject f = v.toObject();
        c->files.append({str(f, "filename"), str(f, "status"), integer(f, "additions"),
                         integer(f, "deletions"), str(f, "patch")});
    }
    return true;
}

bool parsePullRequest(const QByteArray &body, PullRequest *pull)
{
    QJsonObject o;
    if (!objectOf(body, &o) || integer(o, "number") <= 0)
        return false;
    readPull(o, pull);
    return true;
}

bool parsePullRequestList(const QByteArray &body, QList<PullRequest> *pulls)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return false;
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        if (integer(o, "number") <= 0)
            continue;
        PullRequest p;
        readPull(o, &p);
        pulls->append(p);
    }
    return true;
}

bool parseMergeResult(const QByteArray &body, MergeResult *result)
{
    QJsonObject o;
    if (!objectOf(body, &o))
        return false;
    result->merged = o.value(QLatin1String("merged")).toBool();
    result->sha = sha(o);
    result->message = str(o, "message");
    return true;
}

bool parseMergeUpstream(const QByteArray &body, MergeUpstream *result)
{
    QJsonObject o;
    if (!objectOf(body, &o) || str(o, "merge_type").isEmpty())
        return false;
    result->mergeType = str(o, "merge_type");
    result->baseBranch = str(o, "base_branch");
    result->message = str(o, "message");
    return true;
}

bool parseDeviceCode(const QByteArray &body, DeviceCode *code)
{
    QJsonObject o;
    if (!objectOf(body, &o))
        return false;
    code->deviceCode = str(o, "device_code");
    code->userCode = str(o, "user_code");
    code->verificationUri = str(o, "verification_uri");
    code->expiresIn = integer(o, "expires_in");
    code->interval = std::max(1, integer(o, "interval"));
    return !code->deviceCode.isEmpty() && !code->userCode.isEmpty() && !code->verificationUri.isEmpty();
}

bool parseTokenAnswer(const QByteArray &body, TokenAnswer *answer)
{
    QJsonObject o;
    if (!objectOf(body, &o))
        return false;
    answer->accessToken = str(o, "access_token").toLatin1();
    answer->tokenType = str(o, "token_type");
    answer->scope = str(o, "scope");
    answer->error = str(o, "error");
    answer->errorDescription = str(o, "error_description");
    answer->interval = integer(o, "interval");
    return !answer->accessToken.isEmpty() || !answer->error.isEmpty();
}

QString linkTarget(const QByteArray &linkHeader, const QByteArray &rel)
{
    // <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
    for (const QByteArray &part : linkHeader.split(',')) {
        const qsizetype open = part.indexOf('<');
        const qsizetype close = part.indexOf('>', open + 1);
        if (open < 0 || close < 0)
            continue;
        const QByteArray params = part.mid(close + 1);
        for (QByteArray p : params.split(';')) {
            p = p.trimmed();
            if (!p.startsWith("rel="))
                continue;
            QByteArray value = p.mid(4);
            if (value.startsWith('"') && value.endsWith('"') && value.size() >= 2)
                value = value.mid(1, value.size() - 2);
            for (const QByteArray &r : value.split(' ')) {
                if (r == rel)
                    return QString::fromUtf8(part.mid(open + 1, close - open - 1).trimmed());
            }
        }
    }
    return {};
}

QString withCoAuthors(const QString &message, const QList<Signature> &coAuthors)
{
    QString out = message;
    while (out.endsWith(u'\n'))
        out.chop(1);
    bool first = true;
    for (const Signature &s : coAuthors) {
        const QString trailer =
            QStringLiteral("Co-authored-by: ") + s.name + QStringLiteral(" <") + s.email + u'>';
        if (s.email.isEmpty() || out.contains(trailer))
            continue;
        // Trailers go in one block after a blank line at the end of the message.
        out += first && !out.section(u'\n', -1).startsWith(QLatin1String("Co-authored-by:"))
                   ? QStringLiteral("\n\n")
                   : QStringLiteral("\n");
        out += trailer;
        first = false;
    }
    return out + u'\n';
}

} // namespace github
