// The sandbox's GitHub API against the official JavaScript client,
// @octokit/rest, used unchanged: repositories (with octokit.paginate over many
// pages and generation from the template), contents, one multi-file commit
// through the git-data API, and the errors octokit turns into RequestError.
// The scripts in tests/sandbox/octokit run under node; the package is
// installed here with `npm ci` (pinned by its lock file) into the build tree.
// What octokit returned is checked against what the server holds, read back
// with QNetworkAccessManager, and object ids against git's.

#include "../common/sandboxprocess.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QString kOrg = u"webapps101"_s;
const QString kTemplate = u"app-template"_s;
const QString kGenerated = u"octokit-app"_s;
const int kPerPage = 7; // small pages, so octokit.paginate follows many Link headers

struct Answer
{
    int status = 0;
    QByteArray body;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runProcess(const QString &program, const QStringList &args, const QString &dir,
               const QProcessEnvironment &env, const QByteArray &input = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted())
        return {-1, {}, QByteArray(program.toUtf8() + " did not start: " + p.errorString().toUtf8())};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {-1, p.readAllStandardOutput(), p.readAllStandardError() + "\n(timed out)"};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString gitBlobId(const QByteArray &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("blob " + QByteArray::number(content.size()) + '\0' + content),
                                 QCryptographicHash::Sha1)
            .toHex());
}

QStringList strings(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

QByteArray decodeContent(const QJsonObject &file)
{
    return QByteArray::fromBase64(file.value(u"content"_s).toString().toLatin1());
}

} // namespace

class OctokitTest : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QString m_workDir = QStringLiteral(COURSEOPS_OCTOKIT_WORKDIR);
    QString m_api;
    QByteArray m_token;
    QString m_ca;
    QProcessEnvironment m_env;

    // The server's side of things, read without octokit.
    Answer call(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest req{QUrl(m_api + path)};
        req.setSslConfiguration(m_ssl);
        req.setRawHeader("Accept", "application/vnd.github+json");
        req.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
        req.setRawHeader("User-Agent", "courseops-tests");
        req.setRawHeader("Authorization", "Bearer " + m_token);
        QByteArray data;
        if (!body.isEmpty()) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            data = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb, data);
        if (!reply->isFinished()) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            done.wait(30000);
        }
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        reply->deleteLater();
        return a;
    }

    Answer get(const QString &path) { return call("GET", path); }

    QString repoPath(const QString &repo, const QString &tail = {}) const
    {
        return u"/repos/"_s + kOrg + u'/' + repo + tail;
    }

    // Runs one script of tests/sandbox/octokit and returns the JSON object it printed last.
    bool node(const QString &script, const QStringList &args, QJsonObject *result, QByteArray *why)
    {
        const Run r = runProcess(u"node"_s, QStringList{script} + args, m_workDir, m_env);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QJsonParseError error;
        *result = QJsonDocument::fromJson(lines.last(), &error).object();
        if (r.exitCode != 0 || error.error != QJsonParseError::NoError) {
            *why = "node " + script.toUtf8() + " failed (exit " + QByteArray::number(r.exitCode) + "):\n" +
                   r.err + "\nstdout: " + r.out.left(2000);
            return false;
        }
        return true;
    }

    // The commit a branch points at, as the server holds it.
    QString branchHead(const QString &repo, const QString &branch = u"main"_s)
    {
        return get(repoPath(repo, u"/git/ref/heads/"_s + branch))
            .object()
            .value(u"object"_s)
            .toObject()
            .value(u"sha"_s)
            .toString();
    }

    QString treeOf(const QString &repo, const QString &commit)
    {
        return get(repoPath(repo, u"/git/commits/"_s + commit))
            .object()
            .value(u"tree"_s)
            .toObject()
            .value(u"sha"_s)
            .toString();
    }

    // git's own id for content, when git is installed; the formula otherwise.
    QString gitHashObject(const QByteArray &content)
    {
        if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
            return gitBlobId(content);
        const Run r = runProcess(u"git"_s, {u"hash-object"_s, u"--stdin"_s}, m_workDir, m_env, content);
        return QString::fromLatin1(r.out.trimmed());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"node"_s).isEmpty() ||
            QStandardPaths::findExecutable(u"npm"_s).isEmpty())
            QSKIP("node and npm are not on PATH: this test runs @octokit/rest under node "
                  "(install the Debian packages nodejs and npm)");

        // The scripts and the pinned package go to the build tree; node_modules stays there.
        QVERIFY(QDir().mkpath(m_workDir));
        const QString source = QStringLiteral(COURSEOPS_OCTOKIT_SOURCE);
        QDirIterator files(source, {u"*.mjs"_s, u"package.json"_s, u"package-lock.json"_s}, QDir::Files);
        while (files.hasNext()) {
            const QString from = files.next();
            const QString to = m_workDir + u'/' + files.fileName();
            QFile::remove(to);
            QVERIFY2(QFile::copy(from, to), qPrintable(u"cannot copy "_s + from + u" to "_s + to));
        }
        QFile pinned(source + u"/package.json"_s);
        QVERIFY(pinned.open(QIODevice::ReadOnly));
        const QString wanted = QJsonDocument::fromJson(pinned.readAll())
                                   .object()
                                   .value(u"dependencies"_s)
                                   .toObject()
                                   .value(u"@octokit/rest"_s)
                                   .toString();
        // Installed again whenever the lock file changes; the stamp is the lock npm ci last installed.
        QFile lock(source + u"/package-lock.json"_s);
        QVERIFY(lock.open(QIODevice::ReadOnly));
        const QByteArray locked = lock.readAll();
        QFile stamp(m_workDir + u"/node_modules/.courseops-installed-lock.json"_s);
        const bool current = stamp.open(QIODevice::ReadOnly) && stamp.readAll() == locked &&
                             QFile::exists(m_workDir + u"/node_modules/@octokit/rest/package.json"_s);
        stamp.close();
        if (!current) {
            const Run npm = runProcess(u"npm"_s, {u"ci"_s, u"--no-audit"_s, u"--no-fund"_s}, m_workDir,
                                       QProcessEnvironment::systemEnvironment(), {}, 600000);
            QVERIFY2(
                npm.exitCode == 0,
                qPrintable(u"npm ci in %1 failed; the npm registry must be reachable to install "
                           u"@octokit/rest %2:\n%3"_s.arg(m_workDir, wanted, QString::fromUtf8(npm.err))));
            QVERIFY(stamp.open(QIODevice::WriteOnly) && stamp.write(locked) == locked.size());
            stamp.close();
        }
        qInfo("@octokit/rest %s in %s", qPrintable(wanted), qPrintable(m_workDir));

        const QString envFile = m_sandbox.dir() + u"/github.env"_s;
        QVERIFY(m_sandbox.start(
            {u"--runtime"_s, u"simulated"_s, u"--students"_s, u"120"_s, u"--write-github-env"_s, envFile}));
        QFile env(envFile);
        QVERIFY(env.open(QIODevice::ReadOnly));
        m_env = QProcessEnvironment::systemEnvironment();
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq <= 0)
                continue;
            const QString key = QString::fromUtf8(line.left(eq));
            const QString value = QString::fromUtf8(line.mid(eq + 1)).trimmed();
            m_env.insert(key, value);
            if (key == u"COURSEOPS_GITHUB_API"_s)
                m_api = value;
            else if (key == u"COURSEOPS_GITHUB_TOKEN"_s)
                m_token = value.toLatin1();
            else if (key == u"COURSEOPS_GITHUB_CA"_s)
                m_ca = value;
        }
        QVERIFY(m_api.startsWith(u"https://"_s));
        QVERIFY(!m_token.isEmpty());
        QVERIFY(QFile::exists(m_ca));
        m_env.insert(u"NODE_EXTRA_CA_CERTS"_s, m_ca);
        m_env.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
        m_env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setCaCertificates(QSslCertificate::fromPath(m_ca));
        QCOMPARE(get(u"/user"_s).status, 200);
    }

    void repos()
    {
        QJsonObject out;
        QByteArray why;
        QVERIFY2(node(u"repos.mjs"_s, {kOrg, kTemplate, kGenerated, QString::number(kPerPage)}, &out, &why),
                 why.constData());

        const QJsonObject templ = out.value(u"template"_s).toObject();
        QCOMPARE(templ.value(u"status"_s).toInt(), 200);
        QCOMPARE(templ.value(u"fullName"_s).toString(), kOrg + u'/' + kTemplate);
        QCOMPARE(templ.value(u"isTemplate"_s).toBool(), true);
        QCOMPARE(templ.value(u"defaultBranch"_s).toString(), u"main"_s);
        QVERIFY(!templ.value(u"etag"_s).toString().isEmpty());
        QVERIFY(!templ.value(u"remaining"_s).toString().isEmpty());

        // Every repository the organisation held before the generation, each once, over all pages.
        const QStringList listed = strings(out.value(u"listed"_s));
        const QSet<QString> unique(listed.cbegin(), listed.cend());
        QCOMPARE(unique.size(), listed.size());
        QSet<QString> held;
        for (int page = 1;; ++page) {
            const Answer a = get(u"/orgs/"_s + kOrg + u"/repos?per_page=100&page="_s + QString::number(page));
            QCOMPARE(a.status, 200);
            if (a.array().isEmpty())
                break;
            for (const QJsonValue &r : a.array())
                held.insert(r.toObject().value(u"full_name"_s).toString());
        }
        QVERIFY2(listed.size() > 120, qPrintable(QString::number(listed.size())));
        QCOMPARE(unique + QSet<QString>{kOrg + u'/' + kGenerated}, held);
        QVERIFY(unique.contains(kOrg + u"/student-000001"_s));
        QCOMPARE(out.value(u"pages"_s).toInt(), int((listed.size() + kPerPage - 1) / kPerPage));

        const QJsonObject generated = out.value(u"generated"_s).toObject();
        QCOMPARE(generated.value(u"status"_s).toInt(), 201);
        QCOMPARE(generated.value(u"fullName"_s).toString(), kOrg + u'/' + kGenerated);
        QCOMPARE(generated.value(u"private"_s).toBool(), true);
        QCOMPARE(generated.value(u"templateRepository"_s).toString(), kOrg + u'/' + kTemplate);
        const QJsonObject fetched = out.value(u"fetched"_s).toObject();
        QCOMPARE(fetched.value(u"status"_s).toInt(), 200);
        QCOMPARE(fetched.value(u"description"_s).toString(), u"made by @octokit/rest"_s);

        // The server holds a new repository whose files are the template's.
        const Answer repo = get(repoPath(kGenerated));
        QCOMPARE(repo.status, 200);
        QCOMPARE(repo.object().value(u"template_repository"_s).toObject().value(u"full_name"_s).toString(),
                 kOrg + u'/' + kTemplate);
        const QString head = branchHead(kGenerated);
        QVERIFY(!head.isEmpty());
        QCOMPARE(treeOf(kGenerated, head), treeOf(kTemplate, branchHead(kTemplate)));
    }

    void contents()
    {
        QVERIFY2(get(repoPath(kGenerated)).status == 200, "repos() makes the repository this test edits");
        const Answer package = get(repoPath(kGenerated, u"/contents/package.json"_s));
        QCOMPARE(package.status, 200);
        QJsonObject out;
        QByteArray why;
        QVERIFY2(node(u"contents.mjs"_s, {kOrg, kGenerated}, &out, &why), why.constData());

        const QJsonObject file = out.value(u"file"_s).toObject();
        QCOMPARE(file.value(u"status"_s).toInt(), 200);
        QCOMPARE(file.value(u"type"_s).toString(), u"file"_s);
        QCOMPARE(file.value(u"encoding"_s).toString(), u"base64"_s);
        const QByteArray original = file.value(u"text"_s).toString().toUtf8();
        QVERIFY(original.contains("const student = 'Your Name';"));
        QCOMPARE(file.value(u"size"_s).toInt(), int(original.size()));
        QCOMPARE(file.value(u"sha"_s).toString(), gitHashObject(original));

        const QJsonArray dir = out.value(u"dir"_s).toArray();
        QCOMPARE(dir.size(), 1);
        QCOMPARE(dir.at(0).toObject().value(u"path"_s).toString(), u"public/style.css"_s);
        QCOMPARE(dir.at(0).toObject().value(u"type"_s).toString(), u"file"_s);

        // mediaType {format: "object"}: the directory as one object, its listing under `entries`.
        const QJsonObject dirObject = out.value(u"dirObject"_s).toObject();
        QCOMPARE(dirObject.value(u"type"_s).toString(), u"dir"_s);
        QCOMPARE(dirObject.value(u"path"_s).toString(), u"public"_s);
        QCOMPARE(strings(dirObject.value(u"entries"_s)), QStringList{u"public/style.css"_s});
        QString publicTree;
        for (const QJsonValue &e :
             get(repoPath(kGenerated, u"/git/trees/main"_s)).object().value(u"tree"_s).toArray()) {
            if (e.toObject().value(u"path"_s).toString() == u"public"_s)
                publicTree = e.toObject().value(u"sha"_s).toString();
        }
        QCOMPARE(dirObject.value(u"sha"_s).toString(), publicTree);

        // mediaType {format: "raw"}: the file itself, as a string.
        const QJsonObject raw = out.value(u"raw"_s).toObject();
        QCOMPARE(raw.value(u"status"_s).toInt(), 200);
        QCOMPARE(raw.value(u"type"_s).toString(), u"string"_s);
        QCOMPARE(raw.value(u"text"_s).toString().toUtf8(), decodeContent(package.object()));

        // getReadme finds README.md, as JSON and raw.
        const QJsonObject readme = out.value(u"readme"_s).toObject();
        QCOMPARE(readme.value(u"status"_s).toInt(), 200);
        QCOMPARE(readme.value(u"path"_s).toString(), u"README.md"_s);
        const QByteArray readmeText = readme.value(u"text"_s).toString().toUtf8();
        QCOMPARE(readmeText, decodeContent(get(repoPath(kGenerated, u"/contents/README.md"_s)).object()));
        QCOMPARE(readme.value(u"sha"_s).toString(), gitHashObject(readmeText));
        QCOMPARE(out.value(u"readmeRaw"_s).toObject().value(u"type"_s).toString(), u"string"_s);
        QCOMPARE(out.value(u"readmeRaw"_s).toObject().value(u"text"_s).toString().toUtf8(), readmeText);

        // The update landed: the server's file is the edited text, under the sha octokit was told.
        const QByteArray edited = out.value(u"edited"_s).toString().toUtf8();
        const QJsonObject updated = out.value(u"updated"_s).toObject();
        QCOMPARE(updated.value(u"status"_s).toInt(), 200);
        QCOMPARE(updated.value(u"commitMessage"_s).toString(), u"Put my name on the page"_s);
        const Answer now = get(repoPath(kGenerated, u"/contents/index.js"_s));
        QCOMPARE(now.status, 200);
        QCOMPARE(decodeContent(now.object()), edited);
        QCOMPARE(now.object().value(u"sha"_s).toString(), updated.value(u"contentSha"_s).toString());
        QCOMPARE(updated.value(u"contentSha"_s).toString(), gitHashObject(edited));

        // The stale sha was refused with 409 and changed nothing.
        const QJsonObject stale = out.value(u"stale"_s).toObject();
        QCOMPARE(stale.value(u"resolved"_s).toBool(), false);
        QCOMPARE(stale.value(u"name"_s).toString(), u"HttpError"_s);
        QCOMPARE(stale.value(u"status"_s).toInt(), 409);

        const QJsonObject created = out.value(u"created"_s).toObject();
        QCOMPARE(created.value(u"status"_s).toInt(), 201);
        QCOMPARE(created.value(u"path"_s).toString(), u"notes/week 1.md"_s);
        QCOMPARE(created.value(u"contentSha"_s).toString(), gitHashObject("# Week 1\n"));
        QCOMPARE(created.value(u"author"_s).toObject().value(u"email"_s).toString(),
                 u"octo@students.example.org"_s);
        QCOMPARE(created.value(u"committer"_s).toObject().value(u"name"_s).toString(), u"Course TA"_s);
        const Answer createdCommit =
            get(repoPath(kGenerated, u"/git/commits/"_s + created.value(u"commitSha"_s).toString()));
        QCOMPARE(createdCommit.status, 200);
        QCOMPARE(createdCommit.object().value(u"author"_s).toObject().value(u"name"_s).toString(),
                 u"Octo Student"_s);
        QCOMPARE(
            createdCommit.object().value(u"parents"_s).toArray().at(0).toObject().value(u"sha"_s).toString(),
            updated.value(u"commitSha"_s).toString());

        // Deleted again: the branch is at the delete's commit and the file is gone.
        const QJsonObject deleted = out.value(u"deleted"_s).toObject();
        QCOMPARE(deleted.value(u"status"_s).toInt(), 200);
        QVERIFY(deleted.value(u"content"_s).isNull());
        QCOMPARE(strings(deleted.value(u"parents"_s)), QStringList{created.value(u"commitSha"_s).toString()});
        QCOMPARE(branchHead(kGenerated), deleted.value(u"commitSha"_s).toString());
        QCOMPARE(get(repoPath(kGenerated, u"/contents/notes/week%201.md"_s)).status, 404);
        QCOMPARE(decodeContent(get(repoPath(kGenerated, u"/contents/index.js"_s)).object()), edited);
    }

    void gitData()
    {
        const QString before = branchHead(kGenerated);
        QVERIFY2(!before.isEmpty(), "repos() makes the repository this test commits to");
        QJsonObject out;
        QByteArray why;
        QVERIFY2(node(u"gitdata.mjs"_s, {kOrg, kGenerated, u"main"_s}, &out, &why), why.constData());

        const QJsonObject ref = out.value(u"ref"_s).toObject();
        QCOMPARE(ref.value(u"status"_s).toInt(), 200);
        QCOMPARE(ref.value(u"ref"_s).toString(), u"refs/heads/main"_s);
        QCOMPARE(ref.value(u"type"_s).toString(), u"commit"_s);
        QCOMPARE(ref.value(u"sha"_s).toString(), before);
        QCOMPARE(out.value(u"parentTree"_s).toString(), treeOf(kGenerated, before));

        const QByteArray helper = "module.exports = (name) => `Hello, ${name}!`;\n";
        const QJsonObject blob = out.value(u"blob"_s).toObject();
        QCOMPARE(blob.value(u"status"_s).toInt(), 201);
        QCOMPARE(blob.value(u"sha"_s).toString(), gitHashObject(helper));
        const QJsonObject rawBlob = out.value(u"rawBlob"_s).toObject();
        QCOMPARE(rawBlob.value(u"type"_s).toString(), u"string"_s);
        QCOMPARE(rawBlob.value(u"text"_s).toString().toUtf8(), helper);

        const QJsonObject tree = out.value(u"tree"_s).toObject();
        QCOMPARE(tree.value(u"status"_s).toInt(), 201);
        QCOMPARE(strings(tree.value(u"paths"_s)),
                 (QStringList{u"index.js"_s, u"lib"_s, u"package.json"_s, u"public"_s}));

        const QJsonObject commit = out.value(u"commit"_s).toObject();
        QCOMPARE(commit.value(u"status"_s).toInt(), 201);
        QCOMPARE(commit.value(u"tree"_s).toString(), tree.value(u"sha"_s).toString());
        QCOMPARE(strings(commit.value(u"parents"_s)), QStringList{before});
        QVERIFY(commit.value(u"message"_s)
                    .toString()
                    .endsWith(u"\n\nCo-authored-by: Octo Student <octo@students.example.org>\n"_s));
        QCOMPARE(commit.value(u"author"_s).toObject().value(u"date"_s).toString(), u"2026-03-04T03:06:07Z"_s);
        QCOMPARE(out.value(u"moved"_s).toObject().value(u"sha"_s).toString(),
                 commit.value(u"sha"_s).toString());

        // The recursive listing: the new file, the changed one, no README; ids are git's.
        const QJsonObject listing = out.value(u"listing"_s).toObject();
        QCOMPARE(listing.value(u"sha"_s).toString(), tree.value(u"sha"_s).toString());
        QCOMPARE(listing.value(u"truncated"_s).toBool(), false);
        QHash<QString, QJsonObject> entries;
        for (const QJsonValue &e : listing.value(u"entries"_s).toArray())
            entries.insert(e.toObject().value(u"path"_s).toString(), e.toObject());
        QCOMPARE(entries.value(u"lib/greet.js"_s).value(u"sha"_s).toString(),
                 blob.value(u"sha"_s).toString());
        QCOMPARE(entries.value(u"public/style.css"_s).value(u"sha"_s).toString(),
                 gitHashObject("body { color: teal; }\n"));
        QCOMPARE(entries.value(u"lib"_s).value(u"type"_s).toString(), u"tree"_s);
        QCOMPARE(entries.value(u"lib"_s).value(u"mode"_s).toString(), u"040000"_s);
        QVERIFY(!entries.contains(u"README.md"_s));
        QVERIFY(entries.contains(u"index.js"_s) && entries.contains(u"package.json"_s));

        // git computes the same root tree id from the listing's top level.
        if (!QStandardPaths::findExecutable(u"git"_s).isEmpty()) {
            QTemporaryDir scratch;
            QCOMPARE(runProcess(u"git"_s, {u"init"_s, u"-q"_s, scratch.path()}, m_workDir, m_env).exitCode,
                     0);
            QByteArray mktree;
            for (const QJsonObject &e : std::as_const(entries)) {
                const QString path = e.value(u"path"_s).toString();
                if (!path.contains(u'/'))
                    mktree += QString(e.value(u"mode"_s).toString() + u' ' + e.value(u"type"_s).toString() +
                                      u' ' + e.value(u"sha"_s).toString() + u'\t' + path + u'\n')
                                  .toUtf8();
            }
            const Run git =
                runProcess(u"git"_s, {u"mktree"_s, u"--missing"_s}, scratch.path(), m_env, mktree);
            QCOMPARE(git.exitCode, 0);
            QCOMPARE(QString::fromLatin1(git.out.trimmed()), tree.value(u"sha"_s).toString());
        }

        // The rival commit on the old tip was refused; the branch stayed on octokit's commit.
        const QJsonObject refused = out.value(u"refused"_s).toObject();
        QCOMPARE(refused.value(u"resolved"_s).toBool(), false);
        QCOMPARE(refused.value(u"name"_s).toString(), u"HttpError"_s);
        QCOMPARE(refused.value(u"status"_s).toInt(), 422);
        QCOMPARE(refused.value(u"data"_s).toObject().value(u"message"_s).toString(),
                 u"Update is not a fast forward"_s);
        QCOMPARE(branchHead(kGenerated), commit.value(u"sha"_s).toString());
        QCOMPARE(get(repoPath(kGenerated, u"/git/commits/"_s + out.value(u"rival"_s).toString())).status,
                 200);
        const Answer style = get(repoPath(kGenerated, u"/contents/public/style.css"_s));
        QCOMPARE(decodeContent(style.object()), QByteArray("body { color: teal; }\n"));
        QCOMPARE(get(repoPath(kGenerated, u"/contents/README.md"_s)).status, 404);
    }

    void errors()
    {
        QVERIFY2(get(repoPath(kGenerated)).status == 200, "repos() makes the repository this test uses");
        const QString empty = u"octokit-empty"_s;
        QCOMPARE(call("POST", u"/orgs/"_s + kOrg + u"/repos"_s, {{u"name"_s, empty}}).status, 201);
        const QString head = branchHead(kGenerated);
        QJsonObject out;
        QByteArray why;
        QVERIFY2(node(u"errors.mjs"_s, {kOrg, kTemplate, kGenerated, empty}, &out, &why), why.constData());

        const auto check = [&](const char *key, int status, const QString &message) {
            const QJsonObject e = out.value(QLatin1String(key)).toObject();
            QVERIFY2(!e.value(u"resolved"_s).toBool(), key);
            QVERIFY2(e.value(u"name"_s).toString() == u"HttpError"_s, key); // octokit's RequestError
            QVERIFY2(
                e.value(u"status"_s).toInt() == status,
                qPrintable(QLatin1String(key) + u": "_s + QString::number(e.value(u"status"_s).toInt())));
            if (!message.isEmpty()) {
                const QJsonObject data = e.value(u"data"_s).toObject();
                QVERIFY2(data.value(u"message"_s).toString() == message,
                         qPrintable(QLatin1String(key) + u": "_s + data.value(u"message"_s).toString()));
                QVERIFY2(data.value(u"documentation_url"_s)
                             .toString()
                             .startsWith(u"https://docs.github.com/rest"_s),
                         key);
                QVERIFY2(e.value(u"message"_s).toString().startsWith(message), key);
            }
        };
        check("missingRepo", 404, u"Not Found"_s);
        check("missingFile", 404, u"Not Found"_s);
        check("missingRef", 404, u"Not Found"_s);
        check("emptyRepo", 409, u"Git Repository is empty."_s);
        check("duplicateName", 422, u"Repository creation failed."_s);
        const QJsonArray fieldErrors =
            out.value(u"duplicateName"_s).toObject().value(u"data"_s).toObject().value(u"errors"_s).toArray();
        QCOMPARE(fieldErrors.size(), 1);
        QCOMPARE(fieldErrors.at(0).toObject().value(u"field"_s).toString(), u"name"_s);
        check("shaAndContent", 422, {});
        check("notModified", 304, {});
        check("badCredentials", 401, u"Bad credentials"_s);

        // None of it changed what the server holds.
        QCOMPARE(branchHead(kGenerated), head);
        QCOMPARE(get(repoPath(empty, u"/git/refs"_s)).status, 409);
        QCOMPARE(get(repoPath(u"no-such-repository"_s)).status, 404);
    }
};

QTEST_GUILESS_MAIN(OctokitTest)
#include "tst_octokit.moc"
