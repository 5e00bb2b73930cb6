// Seeding a course: the organisation, its people, the template (a small node
// app with nothing but Node's http module) and one repository per student
// with a little history of their own, broken as their behaviour says.

#include "sandbox/githubstate.h"
#include "sandbox/sandboxlog.h"

namespace sandbox {

using namespace github;

namespace {

const QByteArray kPackageJson = R"({
  "name": "webapp",
  "version": "1.0.0",
  "private": true,
  "description": "A first web app: Node.js and nothing else",
  "main": "index.js",
  "scripts": {
    "start": "node index.js"
  },
  "engines": {
    "node": ">=18"
  }
}
)";

const QByteArray kIndexJs = R"(// A first web app with nothing but Node.js: one page and its stylesheet.
const http = require('http');
const fs = require('fs');
const path = require('path');

const port = Number(process.env.PORT) || 3000;
const student = 'Your Name';

const page = () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${student} - my web app</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>Hello from ${student}</h1>
<p>This page is served by Node.js on port ${port}.</p>
</body>
</html>
`;

const server = http.createServer((req, res) => {
  console.log(`${req.method} ${req.url}`);
  if (req.url === '/style.css') {
    fs.readFile(path.join(__dirname, 'public', 'style.css'), (err, css) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found\n');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end(css);
    });
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(page());
});

server.listen(port, () => {
  console.log(`Listening on port ${port}`);
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
)";

const QByteArray kReadme = R"(# My first web app

A web page served by Node.js, with no packages to install.

Run it with `npm start` and open http://localhost:3000 (or the port in `PORT`).
)";

const QByteArray kReadmeRunning = R"(
## Running it

- `npm start` runs `node index.js`.
- The page is in `index.js`; the colours are in `public/style.css`.
)";

const QByteArray kStyleCss = R"(body {
  font-family: system-ui, sans-serif;
  margin: 3rem auto;
  max-width: 40rem;
  color: #222;
  background: #fafafa;
}

h1 {
  color: #0b5394;
}
)";

// A name as it can sit in a single-quoted JS string that ends up in HTML.
QByteArray jsName(const QString &name)
{
    QString safe = name.toHtmlEscaped();
    safe.replace(u'\\', QStringLiteral("\\\\"));
    safe.replace(u'\'', QStringLiteral("\\'"));
    safe.remove(u'\n');
    return safe.toUtf8();
}

// The colour a student picks: derived from the login, so each page looks a little different.
QByteArray colourFor(const QString &login)
{
    const uint h = qHash(login) % 360;
    return QStringLiteral("hsl(%1, 60%, 35%)").arg(h).toUtf8();
}

} // namespace

GitId GithubApi::Private::commitFiles(Repo &repo, const QString &branch,
                                      const QList<QPair<QString, QByteArray>> &files, const QString &message,
                                      const GitSignature &author)
{
    const GitId parent = repo.branch(branch);
    const std::optional<GitCommit> parentCommit = store.readCommit(parent);
    QList<GitTreeChange> changes;
    for (const auto &[path, content] : files) {
        GitTreeChange change;
        change.path = path;
        change.content = content;
        changes.append(change);
    }
    QString error;
    GitCommit commit;
    commit.tree = store.treeWithChanges(parentCommit ? parentCommit->tree : GitId(), changes, &error);
    if (commit.tree.isEmpty()) {
        qCWarning(lcSandboxGithub) << "seeding" << repo.fullName() << "failed:" << error;
        return {};
    }
    if (!parent.isEmpty())
        commit.parents = {parent};
    commit.author = commit.committer = author;
    commit.message = message.endsWith(u'\n') ? message : message + u'\n';
    const GitId id = store.writeCommit(commit, &error);
    if (id.isEmpty()) {
        qCWarning(lcSandboxGithub) << "seeding" << repo.fullName() << "failed:" << error;
        return {};
    }
    setRef(repo, QStringLiteral("refs/heads/") + branch, id);
    return id;
}

GithubSeed GithubApi::seedCourse(const QString &org, const QString &templateName,
                                 const QList<GithubSeedStudent> &students)
{
    GithubSeed seed;
    seed.org = org;
    seed.staffLogin = org + QStringLiteral("-staff");
    seed.taLogin = org + QStringLiteral("-ta");
    seed.templateRepo = org + u'/' + templateName;

    addOrganization(org, org);
    addUser(seed.staffLogin, QStringLiteral("Course Staff"),
            QStringLiteral("staff@%1.courseops.test").arg(org.toLower()));
    addUser(seed.taLogin, QStringLiteral("Teaching Assistant"),
            QStringLiteral("ta@%1.courseops.test").arg(org.toLower()));
    setOrgMember(org, seed.staffLogin, QStringLiteral("admin"));
    setOrgMember(org, seed.taLogin, QStringLiteral("member"));
    seed.staffToken = tokenFor(seed.staffLogin);
    if (seed.staffToken.isEmpty())
        seed.staffToken = issueToken(
            seed.staffLogin, {QStringLiteral("repo"), QStringLiteral("read:org"), QStringLiteral("admin:org"),
                              QStringLiteral("workflow"), QStringLiteral("delete_repo")});
    seed.taToken = tokenFor(seed.taLogin);
    if (seed.taToken.isEmpty())
        seed.taToken = issueToken(seed.taLogin, {QStringLiteral("repo"), QStringLiteral("read:org")});

    // History in the recent past, an hour or so between steps.
    const qint64 start = nowSeconds() - 7 * 24 * 3600;
    const auto staffAt = [&](qint64 t) { return d->signatureFor(seed.staffLogin, t); };

    Repo *templ = d->findRepo(org, templateName);
    if (!templ) {
        templ = d->addRepo(org, templateName);
        templ->isTemplate = true;
        templ->isPrivate = false;
        templ->description = QStringLiteral("Starter code for the course's web app");
        d->commitFiles(*templ, templ->defaultBranch,
                       {{QStringLiteral("package.json"), kPackageJson},
                        {QStringLiteral("index.js"), kIndexJs},
                        {QStringLiteral("README.md"), kReadme},
                        {QStringLiteral("public/style.css"), kStyleCss}},
                       QStringLiteral("Start the course web app"), staffAt(start));
        d->commitFiles(*templ, templ->defaultBranch,
                       {{QStringLiteral("README.md"), QByteArray(kReadme + kReadmeRunning)}},
                       QStringLiteral("Explain how to run the app"), staffAt(start + 3600));
    }
    const std::optional<GitCommit> templTip = d->store.readCommit(templ->branch(templ->defaultBranch));

    qsizetype index = 0;
    for (const GithubSeedStudent &s : students) {
        const QString login = s.login;
        const QString lower = login.toLower();
        ++index;
        addUser(login, s.name, s.email);
        if (tokenFor(login).isEmpty())
            issueToken(login, {QStringLiteral("repo")});
        if (d->findRepo(org, lower))
            continue;
        Repo *repo = d->addRepo(org, lower);
        repo->isPrivate = true;
        repo->templateRepo = templ->fullName();
        repo->defaultBranch = templ->defaultBranch;
        repo->collaborators.insert(lower, QStringLiteral("push"));
        const qint64 t0 = start + 86400 + (index % 1440) * 60;
        // Generated from the template: a fresh root commit with the template's files.
        GitCommit initial;
        initial.tree = templTip ? templTip->tree : GitStore::emptyTreeId();
        initial.author = initial.committer = staffAt(t0);
        initial.message = QStringLiteral("Initial commit\n");
        d->setRef(*repo, QStringLiteral("refs/heads/") + repo->defaultBranch, d->store.writeCommit(initial));

        const auto as = [&](qint64 t) {
            GitSignature who = d->signatureFor(login, t);
            who.utcOffsetMinutes = 60; // students commit from their own time zone
            return who;
        };
        const QString branch = repo->defaultBranch;
        QByteArray js = kIndexJs;
        js.replace("const student = 'Your Name';",
                   QByteArray("const student = '" + jsName(s.name.isEmpty() ? login : s.name) + "';"));
        d->commitFiles(*repo, branch, {{QStringLiteral("index.js"), js}},
                       QStringLiteral("Put my name on the page"), as(t0 + 3600));
        QByteArray css = kStyleCss;
        css.replace("#0b5394", colourFor(lower));
        d->commitFiles(*repo, branch, {{QStringLiteral("public/style.css"), css}},
                       QStringLiteral("Pick my own colours"), as(t0 + 2 * 3600));
        QByteArray readme = kReadme + kReadmeRunning;
        readme.replace("# My first web app",
                       QByteArray("# " + (s.name.isEmpty() ? login : s.name).toUtf8() + "'s first web app"));
        GitId deploy =
            d->commitFiles(*repo, branch, {{QStringLiteral("README.md"), readme}},
                           QStringLiteral("Say whose app this is in the README"), as(t0 + 3 * 3600));

        const QString behaviour = s.behaviour;
        QByteArray broken = js;
        QString message;
        if (behaviour == QLatin1String("crash")) {
            broken.replace("  res.end(page());", "  res.end(page();");
            message = QStringLiteral("Tidy up the request handler");
        } else if (behaviour == QLatin1String("missing-module")) {
            broken.replace("const path = require('path');\n",
                           "const path = require('path');\nconst express = require('express');\n");
            message = QStringLiteral("Start moving to express");
        } else if (behaviour == QLatin1String("oom")) {
            broken.replace("const server = http.createServer(",
                           "// Remember every visit, with a copy of the page for each.\n"
                           "const visits = [];\n"
                           "setInterval(() => {\n"
                           "  for (let i = 0; i < 16; i++) visits.push(Buffer.alloc(1024 * 1024, 1));\n"
                           "}, 100);\n\n"
                           "const server = http.createServer(");
            message = QStringLiteral("Keep a history of visits");
        } else if (behaviour == QLatin1String("slow-start")) {
            broken.replace(
                "server.listen(port, () => {\n  console.log(`Listening on port ${port}`);\n});",
                "// Warm up before taking visitors.\nsetTimeout(() => {\n"
                "  server.listen(port, () => {\n    console.log(`Listening on port ${port}`);\n  });\n"
                "}, 20000);");
            message = QStringLiteral("Warm up before listening");
        } else if (behaviour == QLatin1String("needs-secret")) {
            broken.replace("const port = Number(process.env.PORT) || 3000;\n",
                           "const port = Number(process.env.PORT) || 3000;\n"
                           "// The course API key, for the visitor counter.\n"
                           "const apiKey = process.env.COURSE_API_KEY;\n"
                           "if (!apiKey) {\n"
                           "  console.error('Error: COURSE_API_KEY is not set. It comes from the course-api Secret: "
                           "ask the course staff.');\n"
                           "  process.exit(1);\n"
                           "}\n");
            message = QStringLiteral("Count visitors with the course API");
        } else if (behaviour == QLatin1String("old-commit")) {
            broken.replace("<p>This page is served by Node.js on port ${port}.</p>",
                           "<p>This page is served by Node.js on port ${port}.</p>\n<footer>Made for the "
                           "course</footer>");
            message = QStringLiteral("Add a footer");
        }
        if (!message.isEmpty()) {
            const GitId head = d->commitFiles(*repo, branch, {{QStringLiteral("index.js"), broken}}, message,
                                              as(t0 + 4 * 3600));
            // Broken code is what runs; an old-commit student has pushed past what runs.
            if (behaviour != QLatin1String("old-commit"))
                deploy = head;
        }
        d->deployCommits.insert(lower, deploy);
        d->studentRepos.insert(lower, repo->fullName());
    }
    qCInfo(lcSandboxGithub) << "seeded" << org << "with" << students.size() << "student repositories";
    return seed;
}

GitId GithubApi::deployCommit(const QString &login) const
{
    return d->deployCommits.value(login.toLower());
}

QString GithubApi::studentRepository(const QString &login) const
{
    return d->studentRepos.value(login.toLower());
}

} // namespace sandbox
