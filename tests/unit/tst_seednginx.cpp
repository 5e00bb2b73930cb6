// The pure parts of seeding's two course-file options: the nginx
// configuration `routing: nginx` keeps in one ConfigMap (exact text, read back,
// deterministic, valid for nginx when it is installed) and where a student's
// repository lives in each `github.mode`.
#include "course/courseconfig.h"
#include "course/nginxroutes.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace course;
using namespace Qt::StringLiterals;

class TestSeedNginx : public QObject
{
    Q_OBJECT

    static CourseConfig course()
    {
        CourseConfig c;
        c.domain = u"apps.example.org"_s;
        c.organization = u"webapps101"_s;
        c.templateRepo = u"webapps101/app-template"_s;
        return c;
    }

    static QList<nginx::Route> threeStudents()
    {
        const CourseConfig c = course();
        // Out of order and mixed case: the text must not depend on either.
        return {nginx::routeFor(c, u"Zoe-K"_s, u"students-b"_s), nginx::routeFor(c, u"ana"_s, u"students"_s),
                nginx::routeFor(c, u"bo"_s, u"students"_s)};
    }

private Q_SLOTS:
    void routeForStudent()
    {
        const nginx::Route r = nginx::routeFor(course(), u"Zoe-K"_s, u"students-b"_s);
        QCOMPARE(r.host, u"zoe-k.apps.example.org"_s);
        QCOMPARE(r.upstream, u"zoe-k.students-b.svc.cluster.local:80"_s);
    }

    void renderThreeStudents()
    {
        const QString expected = uR"(# Written by CourseOps (routing: nginx): one server block per student.
# Seeding rewrites this file; edits made here are lost.

server {
    listen 80;
    server_name ana.apps.example.org;
    location / {
        proxy_pass http://ana.students.svc.cluster.local:80;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}

server {
    listen 80;
    server_name bo.apps.example.org;
    location / {
        proxy_pass http://bo.students.svc.cluster.local:80;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}

server {
    listen 80;
    server_name zoe-k.apps.example.org;
    location / {
        proxy_pass http://zoe-k.students-b.svc.cluster.local:80;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }
}
)"_s;
        QCOMPARE(nginx::render(threeStudents()), expected);
    }

    void renderIsDeterministic()
    {
        QList<nginx::Route> routes = threeStudents();
        const QString first = nginx::render(routes);
        std::reverse(routes.begin(), routes.end());
        QCOMPARE(nginx::render(routes), first);
        // A host listed twice gets one block: the later route.
        routes.append(nginx::routeFor(course(), u"bo"_s, u"students-b"_s));
        const QString moved = nginx::render(routes);
        QCOMPARE(moved.count(u"server_name bo.apps.example.org;"_s), 1);
        QVERIFY(moved.contains(u"proxy_pass http://bo.students-b.svc.cluster.local:80;"_s));
        QVERIFY(!moved.contains(u"proxy_pass http://bo.students.svc.cluster.local:80;"_s));
    }

    void parseReadsBackWhatRenderWrote()
    {
        const QList<nginx::Route> parsed = nginx::parse(nginx::render(threeStudents()));
        QCOMPARE(parsed.size(), 3);
        QCOMPARE(parsed.at(0), nginx::routeFor(course(), u"ana"_s, u"students"_s));
        QCOMPARE(parsed.at(1), nginx::routeFor(course(), u"bo"_s, u"students"_s));
        QCOMPARE(parsed.at(2), nginx::routeFor(course(), u"zoe-k"_s, u"students-b"_s));
        // Rendering what was read gives the same bytes: an unchanged ConfigMap stays unchanged.
        QCOMPARE(nginx::render(parsed), nginx::render(threeStudents()));
    }

    void parseIgnoresOtherText_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<int>("routes");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("header only") << nginx::render({}) << 0;
        QTest::newRow("comment") << u"# server { server_name x; }\n"_s << 0;
        QTest::newRow("block without proxy_pass")
            << u"server {\n    listen 80;\n    server_name a.b;\n    location / {\n        return 404;\n    }\n}\n"_s
            << 0;
        QTest::newRow("hand-written block")
            << u"server {\n  server_name a.example.org;\n  location / { proxy_pass http://a.ns.svc:80; }\n}\n"_s
            << 1;
    }

    void parseIgnoresOtherText()
    {
        QFETCH(QString, config);
        QFETCH(int, routes);
        QCOMPARE(int(nginx::parse(config).size()), routes);
    }

    void withRouteAddsOrReplaces()
    {
        const CourseConfig c = course();
        QList<nginx::Route> routes = nginx::withRoute({}, nginx::routeFor(c, u"ana"_s, u"students"_s));
        routes = nginx::withRoute(routes, nginx::routeFor(c, u"bo"_s, u"students"_s));
        QCOMPARE(routes.size(), 2);
        routes = nginx::withRoute(routes, nginx::routeFor(c, u"ana"_s, u"students-b"_s));
        QCOMPARE(routes.size(), 2);
        QVERIFY(routes.contains(nginx::routeFor(c, u"ana"_s, u"students-b"_s)));
        QVERIFY(!routes.contains(nginx::routeFor(c, u"ana"_s, u"students"_s)));
    }

    void configMapManifest()
    {
        CourseConfig c = course();
        c.labels.insert(u"course"_s, u"fswd"_s);
        const QJsonObject cm = nginx::configMap(c, u"students"_s, u"text"_s);
        QCOMPARE(cm[u"kind"_s].toString(), u"ConfigMap"_s);
        QCOMPARE(cm[u"apiVersion"_s].toString(), u"v1"_s);
        QCOMPARE(cm[u"metadata"_s][u"name"_s].toString(), u"courseops-nginx"_s);
        QCOMPARE(cm[u"metadata"_s][u"namespace"_s].toString(), u"students"_s);
        QVERIFY(!cm[u"metadata"_s].toObject().contains(u"resourceVersion"_s));
        QCOMPARE(cm[u"metadata"_s][u"labels"_s][u"course"_s].toString(), u"fswd"_s);
        QCOMPARE(cm[u"data"_s][u"courseops.conf"_s].toString(), u"text"_s);
    }

    // nginx itself, when installed: the blocks inside an http context pass `nginx -t`.
    void nginxAcceptsTheText()
    {
        QString binary = QStandardPaths::findExecutable(u"nginx"_s);
        if (binary.isEmpty()) // Debian installs it outside a user's PATH
            binary = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s});
        if (binary.isEmpty())
            QSKIP("nginx is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Upstreams nginx can resolve here (cluster DNS names resolve only in a cluster).
        const QList<nginx::Route> routes{{u"ana.apps.example.org"_s, u"127.0.0.1:18081"_s},
                                         {u"bo.apps.example.org"_s, u"127.0.0.1:18082"_s}};
        QFile conf(dir.filePath(u"nginx.conf"_s));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(
            u"pid %1/nginx.pid;\nerror_log %1/error.log;\nevents {}\nhttp {\n    access_log off;\n"
            "    client_body_temp_path %1;\n    proxy_temp_path %1;\n    fastcgi_temp_path %1;\n"
            "    uwsgi_temp_path %1;\n    scgi_temp_path %1;\n%2}\n"_s.arg(dir.path(), nginx::render(routes))
                .toUtf8());
        conf.close();
        QProcess p;
        p.start(binary, {u"-t"_s, u"-q"_s, u"-p"_s, dir.path(), u"-c"_s, conf.fileName()});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

    void repositoryPlace_data()
    {
        QTest::addColumn<RepoMode>("mode");
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("name");
        QTest::newRow("organization")
            << RepoMode::Organization << u"Ana-B"_s << u"webapps101"_s << u"ana-b"_s;
        QTest::newRow("student account: the fork keeps the template's name")
            << RepoMode::StudentAccounts << u"Ana-B"_s << u"Ana-B"_s << u"app-template"_s;
    }

    void repositoryPlace()
    {
        QFETCH(RepoMode, mode);
        QFETCH(QString, login);
        CourseConfig c = course();
        c.repoMode = mode;
        QTEST(c.repositoryOwner(login), "owner");
        QTEST(c.repositoryName(login), "name");
    }
};

QTEST_GUILESS_MAIN(TestSeedNginx)
#include "tst_seednginx.moc"
