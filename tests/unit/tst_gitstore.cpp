#include "sandbox/gitstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <initializer_list>

using sandbox::GitCommit;
using sandbox::GitId;
using sandbox::GitObjectType;
using sandbox::GitSignature;
using sandbox::GitStore;
using sandbox::GitTreeChange;
using sandbox::GitTreeEntry;
using sandbox::GitTreeListing;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out.append(QString::fromUtf8(a));
    return out;
}

GitSignature person(const QString &name, const QString &email, qint64 when, int offsetMinutes)
{
    return GitSignature{name, email, when, offsetMinutes};
}

QString gitDate(const GitSignature &who)
{
    const int m = who.utcOffsetMinutes < 0 ? -who.utcOffsetMinutes : who.utcOffsetMinutes;
    // "@" marks git's internal format, so even small epochs parse.
    return QStringLiteral("@%1 %2%3%4")
        .arg(who.epochSeconds)
        .arg(QChar(who.utcOffsetMinutes < 0 ? u'-' : u'+'))
        .arg(m / 60, 2, 10, QLatin1Char('0'))
        .arg(m % 60, 2, 10, QLatin1Char('0'));
}

// Writes the files (path -> content; a leading '*' in the path marks 100755)
// as a nested tree through treeWithChanges, the way a client builds a commit.
GitId buildTree(GitStore &store, const QList<std::pair<QString, QByteArray>> &files)
{
    QList<GitTreeChange> changes;
    for (const auto &[path, content] : files) {
        GitTreeChange c;
        c.path = path.startsWith(u'*') ? path.mid(1) : path;
        c.mode = path.startsWith(u'*') ? QStringLiteral("100755") : QStringLiteral("100644");
        c.content = content;
        changes.append(c);
    }
    QString error;
    const GitId id = store.treeWithChanges(GitId(), changes, &error);
    if (id.isEmpty())
        qWarning("buildTree: %s", qPrintable(error));
    return id;
}

QStringList blobPaths(const GitStore &store, const GitId &tree)
{
    QStringList paths;
    const auto listing = store.listTree(tree, true);
    if (!listing)
        return {QStringLiteral("<no tree>")};
    for (const GitTreeListing &l : *listing) {
        if (l.type == GitObjectType::Blob)
            paths.append(l.path);
    }
    return paths;
}

} // namespace

class TestGitStore : public QObject
{
    Q_OBJECT

private:
    QString m_git;
    QTemporaryDir m_tmp;
    QString m_repo;
    QString m_gitError;

    // Runs git in the scratch repository with no user or system config, so
    // only what the test sets decides the bytes.
    bool git(const QStringList &arguments, QByteArray *out, const QByteArray &input = {},
             const QStringList &env = {}, int *exitCode = nullptr)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        const QStringList keys = e.keys();
        for (const QString &key : keys) {
            if (key.startsWith(QLatin1String("GIT_")))
                e.remove(key);
        }
        e.insert(QStringLiteral("HOME"), m_tmp.path());
        e.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
        e.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
        for (const QString &kv : env)
            e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        QProcess p;
        p.setProcessEnvironment(e);
        p.setWorkingDirectory(m_repo);
        p.start(m_git, arguments);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(-1);
        if (out)
            *out = p.readAllStandardOutput();
        if (exitCode)
            *exitCode = p.exitCode();
        const bool ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!ok)
            m_gitError = QStringLiteral("git %1: %2")
                             .arg(arguments.join(u' '), QString::fromUtf8(p.readAllStandardError()));
        return ok;
    }

    GitId gitHashObject(const char *type, const QByteArray &body)
    {
        QByteArray out;
        if (!git(args({"hash-object", "-w", "-t", type, "--stdin"}), &out, body))
            return {};
        return out.trimmed();
    }

    GitId gitMktree(const QList<GitTreeEntry> &entries)
    {
        QByteArray input;
        for (const GitTreeEntry &e : entries) {
            input += e.mode.toLatin1() + ' ' + sandbox::gitTypeName(e.type()) + ' ' + e.id + '\t' +
                     e.name.toUtf8();
            input += '\0';
        }
        QByteArray out;
        if (!git(args({"mktree", "-z"}), &out, input))
            return {};
        return out.trimmed();
    }

    GitId gitCommitTree(const GitCommit &c)
    {
        QStringList arguments = args({"commit-tree", c.tree.constData()});
        for (const GitId &p : c.parents)
            arguments << QStringLiteral("-p") << QString::fromLatin1(p);
        const QStringList env = {
            QStringLiteral("GIT_AUTHOR_NAME=") + c.author.name,
            QStringLiteral("GIT_AUTHOR_EMAIL=") + c.author.email,
            QStringLiteral("GIT_AUTHOR_DATE=") + gitDate(c.author),
            QStringLiteral("GIT_COMMITTER_NAME=") + c.committer.name,
            QStringLiteral("GIT_COMMITTER_EMAIL=") + c.committer.email,
            QStringLiteral("GIT_COMMITTER_DATE=") + gitDate(c.committer),
        };
        QByteArray out;
        if (!git(arguments, &out, c.message.toUtf8(), env))
            return {};
        return out.trimmed();
    }

    // Copies every object of the store into the scratch repository.
    bool mirrorToGit(const GitStore &store, const QList<GitId> &ids)
    {
        for (const GitId &id : ids) {
            const auto o = store.object(id);
            if (!o || gitHashObject(sandbox::gitTypeName(o->type).constData(), o->body) != id)
                return false;
        }
        return true;
    }

    bool requireGit() { return !m_git.isEmpty(); }

    // A small template repository: nested folders, an executable, a symlink.
    GitId templateTree(GitStore &store)
    {
        return buildTree(store, {
                                    {QStringLiteral("README.md"), "# App\n"},
                                    {QStringLiteral("*run.sh"), "#!/bin/sh\nnode src/app.js\n"},
                                    {QStringLiteral("package.json"), "{\"name\":\"app\"}\n"},
                                    {QStringLiteral("src/app.js"), "console.log('hi')\n"},
                                    {QStringLiteral("src/lib/util.js"), "module.exports = {}\n"},
                                    {QStringLiteral("src/lib/more/deep.js"), "// deep\n"},
                                    {QStringLiteral("docs/only.md"), "only file here\n"},
                                    {QStringLiteral("x/y/z.txt"), "lonely\n"},
                                });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_git = QStandardPaths::findExecutable(QStringLiteral("git"));
        if (m_git.isEmpty())
            return; // tests comparing with git skip one by one; the rest still run
        m_repo = m_tmp.filePath(QStringLiteral("repo"));
        QVERIFY(QDir().mkpath(m_repo));
        QVERIFY2(git(args({"init", "-q", "."}), nullptr), qPrintable(m_gitError));
    }

    void knownIds()
    {
        // Fixed points every git shares, checked without the git binary.
        GitStore store;
        QCOMPARE(store.writeBlob(QByteArray()), QByteArray("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"));
        QCOMPARE(store.writeBlob("hello world\n"), QByteArray("3b18e512dba79e4c8300dd08aeb37f8e728b8dad"));
        QCOMPARE(store.writeTree({}), QByteArray("4b825dc642cb6eb9a060e54bf8d69288fbee4904"));
        QCOMPARE(GitStore::emptyTreeId(), QByteArray("4b825dc642cb6eb9a060e54bf8d69288fbee4904"));
        QVERIFY(GitStore::isValidId("3b18e512dba79e4c8300dd08aeb37f8e728b8dad"));
        QVERIFY(!GitStore::isValidId("3b18e512dba79e4c8300dd08aeb37f8e728b8da"));
        QVERIFY(!GitStore::isValidId("3b18e512dba79e4c8300dd08aeb37f8e728b8dag"));
    }

    void blobsMatchGit_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello\n");
        QTest::newRow("no newline at end") << QByteArray("const x = 1;");
        QTest::newRow("binary with NULs") << QByteArray("\0\1\2\xff\0tail", 9);
        QTest::newRow("unicode") << QStringLiteral("Grüße, 世界! 😀\n").toUtf8();
        QTest::newRow("1 MiB") << QByteArray(1 << 20, 'x');
    }

    void blobsMatchGit()
    {
        if (!requireGit())
            QSKIP("git is not on PATH; blob ids are checked against real git");
        QFETCH(QByteArray, content);
        GitStore store;
        const GitId id = store.writeBlob(content);
        QCOMPARE(id, GitStore::hashObject(GitObjectType::Blob, content));
        QByteArray out;
        QVERIFY2(git(args({"hash-object", "-w", "--stdin"}), &out, content), qPrintable(m_gitError));
        QCOMPARE(id, out.trimmed());
        QVERIFY2(git(args({"cat-file", "blob", id.constData()}), &out), qPrintable(m_gitError));
        QCOMPARE(store.blob(id).value(), out);
        QCOMPARE(store.typeOf(id), std::optional(GitObjectType::Blob));
    }

    void treeOrderIsGits()
    {
        // Git sorts bytes of UTF-8 names, a tree named as if it ended in '/':
        // "foo-bar" < "foo.txt" < "foo/" ; U+FF5E (EF BD 9E) < U+1F600 (F0 ...)
        // although UTF-16 puts the emoji's surrogate (D83D) first.
        GitStore store;
        const GitId blob = store.writeBlob("x");
        const GitId sub = store.writeTree({{QStringLiteral("100644"), QStringLiteral("x"), blob}});
        QString error;
        const GitId tree = store.writeTree(
            {
                {QStringLiteral("040000"), QStringLiteral("foo"), sub},
                {QStringLiteral("100644"), QStringLiteral("a😀.txt"), blob},
                {QStringLiteral("100644"), QStringLiteral("foo.txt"), blob},
                {QStringLiteral("100644"), QStringLiteral("a\uFF5E.txt"), blob},
                {QStringLiteral("100644"), QStringLiteral("foo-bar"), blob},
                {QStringLiteral("100644"), QStringLiteral("Zeta"), blob},
            },
            &error);
        QVERIFY2(!tree.isEmpty(), qPrintable(error));
        QStringList names;
        const QList<GitTreeEntry> eList = store.readTree(tree).value();
        for (const GitTreeEntry &e : eList)
            names.append(e.name);
        QCOMPARE(names,
                 QStringList({QStringLiteral("Zeta"), QStringLiteral("a\uFF5E.txt"), QStringLiteral("a😀.txt"),
                              QStringLiteral("foo-bar"), QStringLiteral("foo.txt"), QStringLiteral("foo")}));
        const GitTreeEntry dir = store.readTree(tree)->last();
        QCOMPARE(dir.mode, QStringLiteral("040000")); // as GitHub shows it
        QCOMPARE(dir.type(), GitObjectType::Tree);
        // ... but stored as git writes it.
        QVERIFY(store.object(tree)->body.contains(QByteArray("40000 foo\0", 10)));
        QVERIFY(!store.object(tree)->body.contains("040000"));
    }

    void treeRejectsBadEntries()
    {
        GitStore store;
        const GitId blob = store.writeBlob("x");
        QString error;
        QVERIFY(store.writeTree({{QStringLiteral("100644"), QStringLiteral("a/b"), blob}}, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("a/b")));
        QVERIFY(store.writeTree({{QStringLiteral("100600"), QStringLiteral("a"), blob}}, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("100600")));
        QVERIFY(store
                    .writeTree({{QStringLiteral("100644"), QStringLiteral("a"), blob},
                                {QStringLiteral("100755"), QStringLiteral("a"), blob}},
                               &error)
                    .isEmpty());
        QVERIFY(error.contains(QStringLiteral("two entries")));
        QVERIFY(store.writeTree({{QStringLiteral("100644"), QStringLiteral(".."), blob}}, &error).isEmpty());
        QVERIFY(store.writeObject(GitObjectType::Tree, "100644 a", &error).isEmpty());
        QVERIFY(store.writeObject(GitObjectType::Commit, "author x\n\nmsg", &error).isEmpty());
        QCOMPARE(store.objectCount(), 1);
    }

    void treesMatchGit()
    {
        if (!requireGit())
            QSKIP("git is not on PATH; tree ids are checked against real git");
        GitStore store;
        const GitId readme = store.writeBlob("# Hello\n");
        const GitId script = store.writeBlob("#!/bin/sh\necho hi\n");
        const GitId target = store.writeBlob("README.md");
        const GitId unicode = store.writeBlob(QStringLiteral("naïve ☃\n").toUtf8());
        QVERIFY(mirrorToGit(store, {readme, script, target, unicode}));
        const GitId submodule("0123456789abcdef0123456789abcdef01234567");

        const QList<GitTreeEntry> libEntries = {
            {QStringLiteral("100644"), QStringLiteral("util.js"), readme},
            {QStringLiteral("100755"), QStringLiteral("build.sh"), script},
        };
        const GitId lib = store.writeTree(libEntries);
        QCOMPARE(lib, gitMktree(libEntries));
        const QList<GitTreeEntry> srcEntries = {
            {QStringLiteral("40000"), QStringLiteral("lib"), lib},
            {QStringLiteral("100644"), QStringLiteral("lib.js"), readme},
            {QStringLiteral("100644"), QStringLiteral("lib-old.js"), readme},
        };
        const GitId src = store.writeTree(srcEntries);
        QCOMPARE(src, gitMktree(srcEntries));
        const QList<GitTreeEntry> rootEntries = {
            {QStringLiteral("100755"), QStringLiteral("run.sh"), script},
            {QStringLiteral("040000"), QStringLiteral("src"), src},
            {QStringLiteral("120000"), QStringLiteral("link"), target},
            {QStringLiteral("160000"), QStringLiteral("vendor"), submodule},
            {QStringLiteral("100644"), QStringLiteral("README.md"), readme},
            {QStringLiteral("100644"), QStringLiteral("日本語.md"), unicode},
            {QStringLiteral("100644"), QStringLiteral("naïve.txt"), unicode},
            {QStringLiteral("100644"), QStringLiteral("a😀.txt"), unicode},
            {QStringLiteral("100644"), QStringLiteral("a\uFF5E.txt"), unicode},
        };
        QString error;
        const GitId root = store.writeTree(rootEntries, &error);
        QVERIFY2(!root.isEmpty(), qPrintable(error));
        const GitId gitRoot = gitMktree(rootEntries);
        QVERIFY2(!gitRoot.isEmpty(), qPrintable(m_gitError));
        QCOMPARE(root, gitRoot);

        QByteArray bytes;
        QVERIFY2(git(args({"cat-file", "tree", root.constData()}), &bytes), qPrintable(m_gitError));
        QCOMPARE(store.object(root)->body, bytes);

        const QList<GitTreeEntry> read = store.readTree(root).value();
        QCOMPARE(read.size(), rootEntries.size());
        for (const GitTreeEntry &e : read) {
            if (e.name == QLatin1String("src")) {
                QCOMPARE(e.mode, QStringLiteral("040000"));
                QCOMPARE(e.type(), GitObjectType::Tree);
                QCOMPARE(e.id, src);
            } else if (e.name == QLatin1String("vendor")) {
                QCOMPARE(e.type(), GitObjectType::Commit);
                QCOMPARE(e.id, submodule);
            } else if (e.name == QLatin1String("run.sh")) {
                QCOMPARE(e.mode, QStringLiteral("100755"));
                QCOMPARE(e.type(), GitObjectType::Blob);
            }
        }
        QVERIFY(std::any_of(read.cbegin(), read.cend(),
                            [](const GitTreeEntry &e) { return e.name == QStringLiteral("日本語.md"); }));
    }

    void listTreeMatchesLsTree()
    {
        if (!requireGit())
            QSKIP("git is not on PATH; listings are checked against git ls-tree");
        GitStore store;
        const GitId tree = templateTree(store);
        QVERIFY(!tree.isEmpty());
        QList<GitId> all;
        const QList<GitTreeListing> lList = store.listTree(tree, true).value();
        for (const GitTreeListing &l : lList)
            all.append(l.id);
        all.append(tree);
        QVERIFY2(mirrorToGit(store, all), qPrintable(m_gitError));

        for (const bool recursive : {false, true}) {
            QByteArray out;
            const QStringList arguments = recursive
                                              ? args({"ls-tree", "-r", "-t", "-l", "-z", tree.constData()})
                                              : args({"ls-tree", "-l", "-z", tree.constData()});
            QVERIFY2(git(arguments, &out), qPrintable(m_gitError));
            QList<QByteArray> lines = out.split('\0');
            lines.removeAll(QByteArray());
            const QList<GitTreeListing> ours = store.listTree(tree, recursive).value();
            QCOMPARE(ours.size(), lines.size());
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QByteArray meta = lines[i].left(lines[i].indexOf('\t'));
                const QList<QByteArray> f = meta.simplified().split(' '); // mode type id size
                const QString path = QString::fromUtf8(lines[i].mid(lines[i].indexOf('\t') + 1));
                QCOMPARE(ours[i].path, path);
                QCOMPARE(ours[i].mode.toLatin1(), f[0]);
                QCOMPARE(sandbox::gitTypeName(ours[i].type), f[1]);
                QCOMPARE(ours[i].id, f[2]);
                QCOMPARE(ours[i].size, f[3] == "-" ? -1 : f[3].toLongLong());
            }
        }
    }

    void commitsMatchGit()
    {
        if (!requireGit())
            QSKIP("git is not on PATH; commit ids are checked against real git");
        GitStore store;
        const GitId tree1 = buildTree(store, {{QStringLiteral("a.txt"), "one\n"}});
        const GitId tree2 =
            buildTree(store, {{QStringLiteral("a.txt"), "two\n"}, {QStringLiteral("*b.sh"), "b\n"}});
        const GitId tree3 =
            buildTree(store, {{QStringLiteral("ü/ñ.txt"), QStringLiteral("ünïcødé\n").toUtf8()}});
        QList<GitId> trees{tree1, tree2, tree3};
        for (const GitId &t : {tree1, tree2, tree3}) {
            const QList<GitTreeListing> lList = store.listTree(t, true).value();
            for (const GitTreeListing &l : lList)
                trees.append(l.id);
        }
        QVERIFY2(mirrorToGit(store, trees), qPrintable(m_gitError));

        GitCommit root;
        root.tree = tree1;
        root.author = person(QStringLiteral("Mona Lisa"), QStringLiteral("mona@example.org"), 1700000000, 0);
        root.committer = root.author;
        root.message = QStringLiteral("Initial commit\n");

        GitCommit india;
        india.tree = tree2;
        india.author = person(QStringLiteral("Asha Rao"), QStringLiteral("asha@example.in"), 1700003600, 330);
        india.committer =
            person(QStringLiteral("CourseOps"), QStringLiteral("bot@courseops.test"), 1700007200, -480);
        india.message = QStringLiteral("Fix the route\n\nCo-authored-by: Tex Assistant <ta@example.org>\n");

        GitCommit side;
        side.tree = tree3;
        side.author =
            person(QStringLiteral("Zoë Ünïcødé"), QStringLiteral("zoe@example.org"), 1700010000, -150);
        side.committer = side.author;
        side.message = QStringLiteral("Añadir ficheros ☃"); // no final newline

        const GitId rootId = store.writeCommit(root);
        QCOMPARE(rootId, gitCommitTree(root));
        india.parents = {rootId};
        side.parents = {rootId};
        const GitId indiaId = store.writeCommit(india);
        QCOMPARE(indiaId, gitCommitTree(india));
        const GitId sideId = store.writeCommit(side);
        QCOMPARE(sideId, gitCommitTree(side));

        GitCommit merge;
        merge.tree = tree2;
        merge.parents = {indiaId, sideId};
        merge.author =
            person(QStringLiteral("Mona Lisa"), QStringLiteral("mona@example.org"), 1700020000, 60);
        merge.committer = merge.author;
        merge.message = QStringLiteral("Merge side\n");
        QString error;
        const GitId mergeId = store.writeCommit(merge, &error);
        QVERIFY2(!mergeId.isEmpty(), qPrintable(error));
        QCOMPARE(mergeId, gitCommitTree(merge));

        for (const GitId &id : {rootId, indiaId, sideId, mergeId}) {
            QByteArray bytes;
            QVERIFY2(git(args({"cat-file", "-p", id.constData()}), &bytes), qPrintable(m_gitError));
            QCOMPARE(store.object(id)->body, bytes);
        }
        QVERIFY(store.object(indiaId)->body.contains("author Asha Rao <asha@example.in> 1700003600 +0530\n"));
        QVERIFY(store.object(indiaId)->body.contains(
            "committer CourseOps <bot@courseops.test> 1700007200 -0800\n"));

        const GitCommit read = store.readCommit(mergeId).value();
        QCOMPARE(read.tree, tree2);
        QCOMPARE(read.parents, QList<GitId>({indiaId, sideId}));
        QCOMPARE(read.author.name, QStringLiteral("Mona Lisa"));
        QCOMPARE(read.author.utcOffsetMinutes, 60);
        const GitCommit readIndia = store.readCommit(indiaId).value();
        QCOMPARE(readIndia.message, india.message);
        QCOMPARE(readIndia.author.epochSeconds, 1700003600);
        QCOMPARE(readIndia.author.utcOffsetMinutes, 330);
        QCOMPARE(readIndia.committer.utcOffsetMinutes, -480);
        QCOMPARE(readIndia.committer.email, QStringLiteral("bot@courseops.test"));
        const GitCommit readSide = store.readCommit(sideId).value();
        QCOMPARE(readSide.author.name, side.author.name);
        QCOMPARE(readSide.author.utcOffsetMinutes, -150);
        QCOMPARE(readSide.message, side.message);
    }

    void identityCleanedAsGitDoes()
    {
        if (!requireGit())
            QSKIP("git is not on PATH; ident cleaning is checked against real git");
        GitStore store;
        const GitId tree = store.writeTree({});
        QVERIFY(mirrorToGit(store, {tree}));
        GitCommit c;
        c.tree = tree;
        c.author =
            person(QStringLiteral("  Mona <the> Lisa.  "), QStringLiteral(" <mona@example.org>; "), 1, 0);
        c.committer = person(QStringLiteral("'Quoted, Name'"), QStringLiteral("q@example.org"), 2, 0);
        c.message = QStringLiteral("m\n");
        const GitId id = store.writeCommit(c);
        QCOMPARE(id, gitCommitTree(c));
        QCOMPARE(store.readCommit(id)->author.name, QStringLiteral("Mona the Lisa"));
        QCOMPARE(store.readCommit(id)->author.email, QStringLiteral("mona@example.org"));
    }

    void commitRefusesMissingObjects()
    {
        GitStore store;
        const GitId blob = store.writeBlob("x");
        GitCommit c;
        c.tree = blob; // not a tree
        c.author = person(QStringLiteral("A"), QStringLiteral("a@example.org"), 1, 0);
        c.committer = c.author;
        QString error;
        QVERIFY(store.writeCommit(c, &error).isEmpty());
        QVERIFY(error.contains(QString::fromLatin1(blob)));
        c.tree = store.writeTree({});
        c.parents = {blob};
        QVERIFY(store.writeCommit(c, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("parent")));
        c.parents.clear();
        c.author.name = QStringLiteral(" <> ");
        QVERIFY(store.writeCommit(c, &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("name")));
    }

    void importsExactBytes()
    {
        // A commit GitHub signed keeps its gpgsig header, so its id survives.
        GitStore store;
        const GitId tree = store.writeTree({});
        const QByteArray body = "tree " + tree +
                                "\nauthor A <a@example.org> 1700000000 +0000\n"
                                "committer GitHub <noreply@github.com> 1700000000 +0000\n"
                                "gpgsig -----BEGIN PGP SIGNATURE-----\n"
                                " \n"
                                " wsBcBAABCAAQBQJlVT\n"
                                " -----END PGP SIGNATURE-----\n"
                                "\n"
                                "Signed change\n";
        QString error;
        const GitId id = store.writeObject(GitObjectType::Commit, body, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(id, GitStore::hashObject(GitObjectType::Commit, body));
        const GitCommit c = store.readCommit(id).value();
        QCOMPARE(c.tree, tree);
        QVERIFY(c.parents.isEmpty());
        QCOMPARE(c.committer.name, QStringLiteral("GitHub"));
        QCOMPARE(c.message, QStringLiteral("Signed change\n"));
        if (!requireGit())
            QSKIP("git is not on PATH; the rest checks the id against real git");
        QVERIFY(mirrorToGit(store, {tree}));
        QCOMPARE(id, gitHashObject("commit", body));
    }

    void treeWithChanges_data()
    {
        // Changes: "path=content" writes 100644, "*path=content" 100755, "-path" deletes.
        QTest::addColumn<QStringList>("changes");
        QTest::addColumn<QStringList>("expectedFiles");
        QTest::addColumn<int>("newObjects"); // blobs and trees the change stores

        const QStringList base = {QStringLiteral("README.md"),       QStringLiteral("docs/only.md"),
                                  QStringLiteral("package.json"),    QStringLiteral("run.sh"),
                                  QStringLiteral("src/app.js"),      QStringLiteral("src/lib/more/deep.js"),
                                  QStringLiteral("src/lib/util.js"), QStringLiteral("x/y/z.txt")};
        auto with = [&](const QStringList &add, const QStringList &remove) {
            QStringList files = base;
            files += add;
            for (const QString &r : remove)
                files.removeAll(r);
            std::sort(files.begin(), files.end());
            return files;
        };
        QTest::newRow("add at root") << QStringList{QStringLiteral("NEW.md=new\n")}
                                     << with({QStringLiteral("NEW.md")}, {}) << 2;
        QTest::newRow("modify nested") << QStringList{QStringLiteral("src/lib/util.js=changed\n")} << base
                                       << 4; // blob, src/lib, src, root
        QTest::newRow("add in new folders")
            << QStringList{QStringLiteral("a/b/c.txt=c\n")} << with({QStringLiteral("a/b/c.txt")}, {}) << 4;
        QTest::newRow("make executable") << QStringList{QStringLiteral("*README.md=# App\n")} << base << 1;
        QTest::newRow("delete file") << QStringList{QStringLiteral("-src/app.js")}
                                     << with({}, {QStringLiteral("src/app.js")}) << 2;
        QTest::newRow("delete last file") << QStringList{QStringLiteral("-docs/only.md")}
                                          << with({}, {QStringLiteral("docs/only.md")}) << 1;
        QTest::newRow("delete last file of a chain")
            << QStringList{QStringLiteral("-x/y/z.txt")} << with({}, {QStringLiteral("x/y/z.txt")}) << 1;
        QTest::newRow("delete a folder")
            << QStringList{QStringLiteral("-src/lib")}
            << with({}, {QStringLiteral("src/lib/util.js"), QStringLiteral("src/lib/more/deep.js")}) << 2;
        QTest::newRow("several in order")
            << QStringList{QStringLiteral("src/new.js=n\n"), QStringLiteral("-src/new.js"),
                           QStringLiteral("-src/lib/more/deep.js"), QStringLiteral("unicode/日本語.txt=ü\n")}
            << with({QStringLiteral("unicode/日本語.txt")}, {QStringLiteral("src/lib/more/deep.js")})
            << 6; // blobs n and ü (n stays stored, unreferenced), src/lib, src, unicode, root
        QTest::newRow("no change") << QStringList{QStringLiteral("README.md=# App\n")} << base << 0;
    }

    void treeWithChanges()
    {
        QFETCH(QStringList, changes);
        QFETCH(QStringList, expectedFiles);
        QFETCH(int, newObjects);
        GitStore store;
        const GitId base = templateTree(store);
        QVERIFY(!base.isEmpty());
        const qsizetype before = store.objectCount();

        QList<GitTreeChange> list;
        for (const QString &spec : std::as_const(changes)) {
            GitTreeChange c;
            if (spec.startsWith(u'-')) {
                c.path = spec.mid(1);
            } else {
                const bool executable = spec.startsWith(u'*');
                c.path = spec.section(u'=', 0, 0).mid(executable ? 1 : 0);
                c.mode = executable ? QStringLiteral("100755") : QStringLiteral("100644");
                c.content = spec.section(u'=', 1).toUtf8();
            }
            list.append(c);
        }
        QString error;
        const GitId result = store.treeWithChanges(base, list, &error);
        QVERIFY2(!result.isEmpty(), qPrintable(error));
        QStringList files = blobPaths(store, result);
        std::sort(files.begin(), files.end());
        QCOMPARE(files, expectedFiles);
        QCOMPARE(store.objectCount() - before, qsizetype(newObjects));
        if (qstrcmp(QTest::currentDataTag(), "make executable") == 0)
            QCOMPARE(store.entryAt(result, u"README.md")->mode, QStringLiteral("100755"));
        if (qstrcmp(QTest::currentDataTag(), "modify nested") == 0) {
            QCOMPARE(store.entryAt(result, u"docs")->id, store.entryAt(base, u"docs")->id);
            QCOMPARE(store.blob(store.entryAt(result, u"src/lib/util.js")->id).value(),
                     QByteArray("changed\n"));
        }

        if (!requireGit())
            QSKIP("git is not on PATH; the rest checks the tree against git's index");
        QList<GitId> ids{base};
        const QList<GitTreeListing> lList = store.listTree(base, true).value();
        for (const GitTreeListing &l : lList)
            ids.append(l.id);
        QVERIFY2(mirrorToGit(store, ids), qPrintable(m_gitError));
        const QString index = QStringLiteral("GIT_INDEX_FILE=") +
                              m_tmp.filePath(QStringLiteral("index-") + QString::number(qHash(result)));
        QVERIFY2(git(args({"read-tree", base.constData()}), nullptr, {}, {index}), qPrintable(m_gitError));
        for (const GitTreeChange &c : std::as_const(list)) {
            if (c.isDelete()) {
                QVERIFY2(git(args({"rm", "-r", "-q", "--cached", "--"}) << c.path, nullptr, {}, {index}),
                         qPrintable(m_gitError));
            } else {
                const GitId blob = gitHashObject("blob", *c.content);
                QVERIFY2(git(args({"update-index", "--add", "--cacheinfo"})
                                 << QStringLiteral("%1,%2,%3").arg(c.mode, QString::fromLatin1(blob), c.path),
                             nullptr, {}, {index}),
                         qPrintable(m_gitError));
            }
        }
        QByteArray out;
        QVERIFY2(git(args({"write-tree"}), &out, {}, {index}), qPrintable(m_gitError));
        QCOMPARE(result, out.trimmed());
    }

    void treeWithChangesFromNothing()
    {
        GitStore store;
        QString error;
        GitTreeChange c;
        c.path = QStringLiteral("index.js");
        c.content = QByteArray("x\n");
        const GitId tree = store.treeWithChanges(GitId(), {c}, &error);
        QCOMPARE(blobPaths(store, tree), QStringList{QStringLiteral("index.js")});
        GitTreeChange del;
        del.path = QStringLiteral("index.js");
        QCOMPARE(store.treeWithChanges(tree, {del}, &error), GitStore::emptyTreeId());
        // A whole subtree by id, then a change inside it.
        const GitId base = templateTree(store);
        GitTreeChange graft;
        graft.path = QStringLiteral("copy");
        graft.mode = QStringLiteral("040000");
        graft.type = GitObjectType::Tree;
        graft.id = store.entryAt(base, u"src")->id;
        GitTreeChange inside;
        inside.path = QStringLiteral("copy/lib/util.js");
        inside.content = QByteArray("patched\n");
        const GitId grafted = store.treeWithChanges(tree, {graft, inside}, &error);
        QVERIFY2(!grafted.isEmpty(), qPrintable(error));
        QCOMPARE(blobPaths(store, grafted),
                 QStringList({QStringLiteral("copy/app.js"), QStringLiteral("copy/lib/more/deep.js"),
                              QStringLiteral("copy/lib/util.js"), QStringLiteral("index.js")}));
        QCOMPARE(store.blob(store.entryAt(grafted, u"copy/lib/util.js")->id).value(),
                 QByteArray("patched\n"));
    }

    void treeWithChangesErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("id");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("hasContent");
        QTest::addColumn<QString>("expected");
        const int blob = int(GitObjectType::Blob);
        const QString m = QStringLiteral("100644");
        const QByteArray none;
        const QByteArray someBlob = GitStore::hashObject(GitObjectType::Blob, "# App\n");
        QTest::newRow("delete missing file") << QStringLiteral("nope.txt") << m << blob << none << none
                                             << false << QStringLiteral("no such path");
        QTest::newRow("delete in missing folder") << QStringLiteral("nope/a.txt") << m << blob << none << none
                                                  << false << QStringLiteral("no such path");
        QTest::newRow("delete through a file") << QStringLiteral("README.md/x") << m << blob << none << none
                                               << false << QStringLiteral("'README.md' is a file");
        QTest::newRow("add through a file")
            << QStringLiteral("run.sh/x") << m << blob << none << QByteArray("x") << true
            << QStringLiteral("'run.sh' is a file");
        QTest::newRow("sha and content") << QStringLiteral("a.txt") << m << blob << someBlob
                                         << QByteArray("x") << true << QStringLiteral("not both");
        QTest::newRow("bad mode") << QStringLiteral("a.txt") << QStringLiteral("100664") << blob << none
                                  << QByteArray("x") << true << QStringLiteral("100664");
        QTest::newRow("type does not match mode")
            << QStringLiteral("a") << QStringLiteral("040000") << blob << someBlob << none << false
            << QStringLiteral("does not match");
        QTest::newRow("unknown blob")
            << QStringLiteral("a.txt") << m << blob << QByteArray("0123456789abcdef0123456789abcdef01234567")
            << none << false << QStringLiteral("is not a blob");
        QTest::newRow("malformed sha") << QStringLiteral("a.txt") << m << blob << QByteArray("abc") << none
                                       << false << QStringLiteral("40-digit");
        QTest::newRow("dot-dot") << QStringLiteral("../escape.txt") << m << blob << none << QByteArray("x")
                                 << true << QStringLiteral("'..'");
        QTest::newRow("dot git") << QStringLiteral(".git/config") << m << blob << none << QByteArray("x")
                                 << true << QStringLiteral(".git");
        QTest::newRow("empty component") << QStringLiteral("src//a.js") << m << blob << none
                                         << QByteArray("x") << true << QStringLiteral("empty");
    }

    void treeWithChangesErrors()
    {
        QFETCH(QString, path);
        QFETCH(QString, mode);
        QFETCH(int, type);
        QFETCH(QByteArray, id);
        QFETCH(QByteArray, content);
        QFETCH(bool, hasContent);
        QFETCH(QString, expected);
        GitStore store;
        const GitId base = templateTree(store);
        const qsizetype before = store.objectCount();
        GitTreeChange ok;
        ok.path = QStringLiteral("fine.txt");
        ok.content = QByteArray("stored only if all changes are good\n");
        GitTreeChange bad;
        bad.path = path;
        bad.mode = mode;
        bad.type = GitObjectType(type);
        bad.id = id;
        if (hasContent)
            bad.content = content;
        QString error;
        QVERIFY(store.treeWithChanges(base, {ok, bad}, &error).isEmpty());
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(store.objectCount(), before);
    }

    void fileAt()
    {
        GitStore store;
        const GitId tree = templateTree(store);
        GitCommit c;
        c.tree = tree;
        c.author = person(QStringLiteral("A"), QStringLiteral("a@example.org"), 1, 0);
        c.committer = c.author;
        const GitId commit = store.writeCommit(c);
        const auto file = store.fileAt(commit, u"src/lib/util.js");
        QVERIFY(file.has_value());
        QCOMPARE(file->content, QByteArray("module.exports = {}\n"));
        QCOMPARE(file->id, GitStore::hashObject(GitObjectType::Blob, file->content));
        QCOMPARE(store.fileAt(commit, u"run.sh")->mode, QStringLiteral("100755"));
        QVERIFY(!store.fileAt(commit, u"src").has_value()); // a folder, not a file
        QVERIFY(!store.fileAt(commit, u"src/missing.js").has_value());
        QVERIFY(!store.fileAt(commit, u"README.md/x").has_value());
        QVERIFY(!store.fileAt(tree, u"README.md").has_value()); // a tree id is not a commit
        QCOMPARE(store.entryAt(tree, u"src")->type(), GitObjectType::Tree);
    }

    void exportCommit()
    {
        GitStore store;
        const GitId base = templateTree(store);
        QString error;
        GitTreeChange link;
        link.path = QStringLiteral("src/current");
        link.mode = QStringLiteral("120000");
        link.content = QByteArray("lib/util.js");
        GitTreeChange escape;
        escape.path = QStringLiteral("src/escape");
        escape.mode = QStringLiteral("120000");
        escape.content = QByteArray("../../../../etc/passwd");
        GitTreeChange unicode;
        unicode.path = QStringLiteral("données/résumé.txt");
        unicode.content = QStringLiteral("ça va ☃\n").toUtf8();
        const GitId tree = store.treeWithChanges(base, {link, escape, unicode}, &error);
        QVERIFY2(!tree.isEmpty(), qPrintable(error));
        GitCommit c;
        c.tree = tree;
        c.author = person(QStringLiteral("A"), QStringLiteral("a@example.org"), 1, 0);
        c.committer = c.author;
        const GitId commit = store.writeCommit(c);

        QTemporaryDir parent;
        const QString target = parent.filePath(QStringLiteral("student"));
        // Previous contents that must disappear.
        QVERIFY(QDir().mkpath(target + QStringLiteral("/old/dir")));
        QFile stale(target + QStringLiteral("/old/dir/stale.js"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("stale");
        stale.close();

        QVERIFY2(store.exportCommit(commit, target, &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/old")));

        QStringList onDisk;
        QDirIterator it(target, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            onDisk.append(QDir(target).relativeFilePath(it.next()));
        onDisk.sort();
        QStringList expected = blobPaths(store, tree);
        expected.sort();
        QCOMPARE(onDisk, expected);
        for (const QString &path : std::as_const(expected)) {
            QFile f(target + u'/' + path);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
            if (path == QLatin1String("src/current"))
                QCOMPARE(f.readAll(), QByteArray("module.exports = {}\n")); // through the link
            else
                QCOMPARE(f.readAll(), store.fileAt(commit, path)->content);
        }
        const QFileInfo run(target + QStringLiteral("/run.sh"));
        QVERIFY(run.isExecutable());
        QVERIFY(run.permissions() & QFileDevice::ExeOther);
        QVERIFY(!QFileInfo(target + QStringLiteral("/README.md")).isExecutable());
        QVERIFY(QFileInfo(target + QStringLiteral("/src/current")).isSymLink());
        QCOMPARE(QFileInfo(target + QStringLiteral("/src/current")).symLinkTarget(),
                 QFileInfo(target + QStringLiteral("/src/lib/util.js")).absoluteFilePath());
        QVERIFY(!QFileInfo(target + QStringLiteral("/src/escape")).isSymLink()); // kept as a plain file
        QVERIFY(QFileInfo(target + QStringLiteral("/données/résumé.txt")).isFile());

        // A second export replaces the first; nothing is left beside the folder.
        GitTreeChange remove;
        remove.path = QStringLiteral("src");
        const GitId smaller = store.treeWithChanges(tree, {remove}, &error);
        c.tree = smaller;
        c.parents = {commit};
        const GitId next = store.writeCommit(c);
        QVERIFY2(store.exportCommit(next, target, &error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/src")));
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/README.md")));
        QCOMPARE(QDir(parent.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("student")});

        // A failed export leaves the folder as it was.
        QVERIFY(!store.exportCommit(GitId("0123456789abcdef0123456789abcdef01234567"), target, &error));
        QVERIFY(error.contains(QStringLiteral("not in the store")));
        QVERIFY(QFileInfo::exists(target + QStringLiteral("/README.md")));
    }

    void ancestry()
    {
        // R - A1 - A2 ------- X1 (A2, B1)
        //   \            \ /
        //    B1 - B2      X
        //     \          / \.
        //      `------------ X2 (B1, A2)
        GitStore store;
        const GitId tree = store.writeTree({});
        qint64 clock = 1700000000;
        const auto commit = [&](const char *message, const QList<GitId> &parents) {
            GitCommit c;
            c.tree = tree;
            c.parents = parents;
            c.author = person(QStringLiteral("A"), QStringLiteral("a@example.org"), clock, 0);
            c.committer = c.author;
            c.message = QString::fromLatin1(message);
            clock += 60;
            return c;
        };
        QList<GitCommit> commits;
        const auto add = [&](const char *message, const QList<GitId> &parents) {
            commits.append(commit(message, parents));
            return store.writeCommit(commits.last());
        };
        const GitId r = add("R", {});
        const GitId a1 = add("A1", {r});
        const GitId a2 = add("A2", {a1});
        const GitId b1 = add("B1", {r});
        const GitId b2 = add("B2", {b1});
        const GitId x1 = add("X1", {a2, b1});
        const GitId x2 = add("X2", {b1, a2});
        for (const GitId &id : {r, a1, a2, b1, b2, x1, x2})
            QVERIFY(!id.isEmpty());

        QVERIFY(store.isAncestor(r, x1));
        QVERIFY(store.isAncestor(b1, x1));
        QVERIFY(store.isAncestor(a2, a2));
        QVERIFY(!store.isAncestor(x1, r));
        QVERIFY(!store.isAncestor(b1, a2));
        QVERIFY(!store.isAncestor(b2, x1));
        QVERIFY(!store.isAncestor(GitId("0123456789abcdef0123456789abcdef01234567"), x1));
        QCOMPARE(store.mergeBase(a2, b2), r);
        QCOMPARE(store.mergeBase(x1, b2), b1);
        QCOMPARE(store.mergeBase(a1, x1), a1);
        QCOMPARE(store.mergeBase(x1, x1), x1);
        QCOMPARE(store.mergeBases(x1, x2), QList<GitId>({b1, a2})); // criss-cross: newest first
        QVERIFY(store.mergeBase(r, tree).isEmpty());

        if (!requireGit())
            QSKIP("git is not on PATH; the rest checks the graph against git merge-base");
        QVERIFY(mirrorToGit(store, {tree}));
        for (const GitCommit &c : std::as_const(commits))
            QVERIFY2(!gitCommitTree(c).isEmpty(), qPrintable(m_gitError));
        const QList<GitId> all{r, a1, a2, b1, b2, x1, x2};
        for (const GitId &x : all) {
            for (const GitId &y : all) {
                int code = -1;
                git(args({"merge-base", "--is-ancestor", x.constData(), y.constData()}), nullptr, {}, {},
                    &code);
                QCOMPARE(store.isAncestor(x, y), code == 0);
                QByteArray out;
                QVERIFY2(git(args({"merge-base", "--all", x.constData(), y.constData()}), &out),
                         qPrintable(m_gitError));
                QList<QByteArray> theirs = out.trimmed().split('\n');
                QList<GitId> ours = store.mergeBases(x, y);
                std::sort(theirs.begin(), theirs.end());
                std::sort(ours.begin(), ours.end());
                QCOMPARE(ours, theirs);
            }
        }
    }

    void identicalContentStoredOnce()
    {
        GitStore store;
        const GitId base = templateTree(store);
        const qsizetype objects = store.objectCount();
        const qint64 bytes = store.storedBytes();
        // A hundred students fork the template and make the same first edit.
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(templateTree(store), base);
            GitTreeChange c;
            c.path = QStringLiteral("src/app.js");
            c.content = QByteArray("console.log('hello')\n");
            QString error;
            QVERIFY(!store.treeWithChanges(base, {c}, &error).isEmpty());
        }
        QCOMPARE(store.objectCount(), objects + 3); // one blob, src, root
        QVERIFY(store.storedBytes() < bytes + 1000);
    }

    void saveAndLoad()
    {
        QTemporaryDir state;
        GitStore store;
        const GitId base = templateTree(store);
        GitCommit c;
        c.tree = base;
        c.author = person(QStringLiteral("Zoë"), QStringLiteral("z@example.org"), 1700000000, 330);
        c.committer = c.author;
        c.message = QStringLiteral("Template\n\nCo-authored-by: T <t@example.org>\n");
        const GitId commit = store.writeCommit(c);
        QString error;
        QVERIFY2(store.save(state.path(), &error), qPrintable(error));

        const QString pack = state.filePath(QStringLiteral("gitobjects.pack"));
        {
            GitStore loaded;
            QVERIFY2(loaded.load(state.path(), &error), qPrintable(error));
            QCOMPARE(loaded.objectCount(), store.objectCount());
            QCOMPARE(loaded.storedBytes(), store.storedBytes());
            QCOMPARE(loaded.object(commit)->body, store.object(commit)->body);
            QCOMPARE(loaded.readCommit(commit)->author.name, QStringLiteral("Zoë"));
            QCOMPARE(loaded.listTree(base, true)->size(), store.listTree(base, true)->size());
            QCOMPARE(loaded.fileAt(commit, u"run.sh")->mode, QStringLiteral("100755"));
        }

        // Saving again appends only what is new.
        const qint64 sizeBefore = QFileInfo(pack).size();
        const QByteArray extra("one more blob\n");
        const GitId extraId = store.writeBlob(extra);
        QVERIFY2(store.save(state.path(), &error), qPrintable(error));
        QCOMPARE(QFileInfo(pack).size(), sizeBefore + 25 + extra.size());
        QVERIFY2(store.save(state.path(), &error), qPrintable(error));
        QCOMPARE(QFileInfo(pack).size(), sizeBefore + 25 + extra.size());
        {
            GitStore loaded;
            QVERIFY2(loaded.load(state.path(), &error), qPrintable(error));
            QCOMPARE(loaded.blob(extraId).value(), extra);
            QCOMPARE(loaded.objectCount(), store.objectCount());
        }

        // A crash mid-append tears the last record: it is dropped, the rest loads,
        // and the next save rewrites a whole file.
        {
            QFile f(pack);
            QVERIFY(f.resize(f.size() - 3));
            GitStore loaded;
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("torn last record")));
            QVERIFY2(loaded.load(state.path(), &error), qPrintable(error));
            QCOMPARE(loaded.objectCount(), store.objectCount() - 1);
            QVERIFY(!loaded.contains(extraId));
            loaded.writeBlob(extra);
            QVERIFY2(loaded.save(state.path(), &error), qPrintable(error));
            GitStore again;
            QVERIFY2(again.load(state.path(), &error), qPrintable(error));
            QCOMPARE(again.objectCount(), store.objectCount());
        }

        // A flipped byte is caught by the id check.
        {
            QFile f(pack);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray all = f.readAll();
            const qsizetype at = all.indexOf("module.exports");
            QVERIFY(at > 0);
            all[at] = 'M';
            f.seek(0);
            f.write(all);
            f.close();
            GitStore loaded;
            QVERIFY(!loaded.load(state.path(), &error));
            QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
        }

        // A folder without a pack is a fresh start; a foreign file is refused.
        QTemporaryDir empty;
        GitStore fresh;
        QVERIFY(fresh.load(empty.path(), &error));
        QCOMPARE(fresh.objectCount(), 0);
        QFile foreign(empty.filePath(QStringLiteral("gitobjects.pack")));
        QVERIFY(foreign.open(QIODevice::WriteOnly));
        foreign.write("PACK\0\0\0\2", 8);
        foreign.close();
        QVERIFY(!fresh.load(empty.path(), &error));
        QVERIFY(error.contains(QStringLiteral("not a CourseOps")));
    }
};

QTEST_GUILESS_MAIN(TestGitStore)
#include "tst_gitstore.moc"
