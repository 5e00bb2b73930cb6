#include "course/courseconfig.h"

#include <QTest>

using course::CourseConfig;
using course::Diagnostic;
using course::Diagnostics;

namespace {

const char kValid[] = R"(course:
  name: Web Apps 101
  id: webapps101
domain: apps.example.org
namespaces: [students-a, students-b]
github:
  mode: organization
  organization: webapps101
  template: staff/app-template
  private: false
runtime:
  image: node:20-alpine
  port: 8080
  resources:
    requests: {cpu: 100m, memory: 96Mi}
    limits: {cpu: 500m, memory: 256Mi}
labels:
  courseops.io/course: webapps101
routing: nginx
)";

} // namespace

class TestCourseConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validFile()
    {
        Diagnostics d;
        const CourseConfig c = CourseConfig::parse(kValid, QStringLiteral("course.yaml"), &d);
        QVERIFY2(d.isEmpty(), qPrintable(d.isEmpty() ? QString() : d.first().toString()));
        QCOMPARE(c.name, QStringLiteral("Web Apps 101"));
        QCOMPARE(c.id, QStringLiteral("webapps101"));
        QCOMPARE(c.domain, QStringLiteral("apps.example.org"));
        QCOMPARE(c.namespaces, (QStringList{QStringLiteral("students-a"), QStringLiteral("students-b")}));
        QCOMPARE(c.repoMode, course::RepoMode::Organization);
        QCOMPARE(c.organization, QStringLiteral("webapps101"));
        QCOMPARE(c.templateRepo, QStringLiteral("staff/app-template"));
        QCOMPARE(c.privateRepos, false);
        QCOMPARE(c.port, 8080);
        QCOMPARE(c.resources.cpuRequest.milliValue(), 100);
        QCOMPARE(c.resources.memoryLimit.toMemoryString(), QStringLiteral("256Mi"));
        QCOMPARE(c.labels.value(QStringLiteral("courseops.io/course")), QStringLiteral("webapps101"));
        QCOMPARE(c.routing, course::Routing::Nginx);
        QCOMPARE(c.namespaceFor(0), QStringLiteral("students-a"));
        QCOMPARE(c.namespaceFor(3), QStringLiteral("students-b"));
        QCOMPARE(c.urlFor(QStringLiteral("OctoCat")), QStringLiteral("http://octocat.apps.example.org/"));
    }

    void demoCourseLoadsCleanly()
    {
        Diagnostics d;
        const CourseConfig c = CourseConfig::load(QStringLiteral(":/demo/course.yaml"), &d);
        QVERIFY2(d.isEmpty(), qPrintable(d.isEmpty() ? QString() : d.first().toString()));
        QVERIFY(!c.name.isEmpty());
        QVERIFY(!c.templateRepo.isEmpty());
    }

    void idDerivedFromName()
    {
        Diagnostics d;
        const CourseConfig c = CourseConfig::parse(
            "course: {name: '  Full Stack -- Open!'}\ndomain: a.b\ngithub: {organization: o, template: o/t}\n",
            QStringLiteral("c.yaml"), &d);
        QVERIFY(d.isEmpty());
        QCOMPARE(c.id, QStringLiteral("full-stack-open"));
    }

    // Each malformed file gets one specific message at the right place, and the
    // fields that were fine still load.
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("isError");

        const QByteArray tail = "github: {organization: o, template: o/t}\n";
        QTest::newRow("syntax error") << QByteArray("course:\n  name: [unclosed\ndomain: a.b\n") << 3 << 7
                                      << QStringLiteral("YAML syntax error") << true;
        QTest::newRow("not a map") << QByteArray("- just\n- a list\n") << 0 << 0
                                   << QStringLiteral("must be a map with keys such as 'course'") << true;
        QTest::newRow("missing name") << QByteArray("course: {id: x}\ndomain: a.b\n" + tail) << 1 << 9
                                      << QStringLiteral("missing 'course.name'") << true;
        QTest::newRow("bad id") << QByteArray("course: {name: N, id: Web_101}\ndomain: a.b\n" + tail) << 1 << 23
                                << QStringLiteral("course.id 'Web_101' must be lower-case") << true;
        QTest::newRow("bad domain") << QByteArray("course: {name: N}\ndomain: Apps_Example\n" + tail) << 2 << 9
                                    << QStringLiteral("domain 'Apps_Example' is not a DNS name") << true;
        QTest::newRow("missing domain") << QByteArray("course: {name: N}\n" + tail) << 1 << 1
                                        << QStringLiteral("missing 'domain'") << true;
        QTest::newRow("bad namespace")
            << QByteArray("course: {name: N}\ndomain: a.b\nnamespaces:\n  - good\n  - Bad_NS\n" + tail) << 5 << 5
            << QStringLiteral("namespace 'Bad_NS' is not a valid Kubernetes name") << true;
        QTest::newRow("template not owner/name")
            << QByteArray("course: {name: N}\ndomain: a.b\ngithub: {organization: o, template: just-a-name}\n") << 3
            << 37 << QStringLiteral("github.template 'just-a-name' must be written owner/name") << true;
        QTest::newRow("unknown mode")
            << QByteArray("course: {name: N}\ndomain: a.b\ngithub:\n  mode: forks\n  template: o/t\n") << 4 << 9
            << QStringLiteral("github.mode 'forks' is not known") << true;
        QTest::newRow("organisation missing")
            << QByteArray("course: {name: N}\ndomain: a.b\ngithub:\n  template: o/t\n") << 4 << 3
            << QStringLiteral("github.organization is required") << true;
        QTest::newRow("bad memory quantity")
            << QByteArray("course: {name: N}\ndomain: a.b\n" + tail +
                          "runtime:\n  resources:\n    limits: {memory: 128MB}\n")
            << 6 << 22 << QStringLiteral("'128MB' is not a memory quantity: write it like 64Mi") << true;
        QTest::newRow("request above limit")
            << QByteArray("course: {name: N}\ndomain: a.b\n" + tail +
                          "runtime:\n  resources:\n    requests: {cpu: '2'}\n    limits: {cpu: 500m}\n")
            << 6 << 5 << QStringLiteral("the CPU request (2) is above the CPU limit (500m)") << true;
        QTest::newRow("port out of range")
            << QByteArray("course: {name: N}\ndomain: a.b\n" + tail + "runtime: {port: 70000}\n") << 4 << 17
            << QStringLiteral("runtime.port '70000' must be a TCP port") << true;
        QTest::newRow("bad label key")
            << QByteArray("course: {name: N}\ndomain: a.b\n" + tail + "labels:\n  'bad key': x\n") << 5 << 3
            << QStringLiteral("label key 'bad key' is not valid") << true;
        QTest::newRow("bad label value")
            << QByteArray("course: {name: N}\ndomain: a.b\n" + tail + "labels:\n  term: autumn 2026\n") << 5 << 9
            << QStringLiteral("label value 'autumn 2026' is not valid") << true;
        QTest::newRow("bad routing") << QByteArray("course: {name: N}\ndomain: a.b\n" + tail + "routing: haproxy\n")
                                     << 4 << 10 << QStringLiteral("routing 'haproxy' is not known") << true;
        QTest::newRow("name is a list")
            << QByteArray("course:\n  name: [a, b]\ndomain: a.b\n" + tail) << 2 << 9
            << QStringLiteral("'course.name' must be a single value, not a list") << true;
        QTest::newRow("unknown key is a warning")
            << QByteArray("course: {name: N}\ndomain: a.b\n" + tail + "replicas: 3\n") << 4 << 1
            << QStringLiteral("unknown key 'replicas' in the course file is ignored") << false;
    }

    void malformed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        QFETCH(bool, isError);

        Diagnostics d;
        CourseConfig::parse(yaml, QStringLiteral("course.yaml"), &d);
        QVERIFY2(!d.isEmpty(), "expected a diagnostic");
        const Diagnostic &first = d.first();
        QVERIFY2(first.message.contains(message), qPrintable(first.toString()));
        QCOMPARE(first.file, QStringLiteral("course.yaml"));
        QCOMPARE(first.line, line);
        QCOMPARE(first.column, column);
        QCOMPARE(first.severity == Diagnostic::Severity::Error, isError);
        QCOMPARE(course::hasErrors(d), isError);
    }

    void goodFieldsSurviveABadOne()
    {
        Diagnostics d;
        const CourseConfig c = CourseConfig::parse(
            "course: {name: Kept}\ndomain: kept.example\ngithub: {organization: o, template: o/t}\n"
            "runtime: {image: 'node:22', port: nope}\n",
            QStringLiteral("c.yaml"), &d);
        QCOMPARE(d.size(), 1);
        QCOMPARE(c.name, QStringLiteral("Kept"));
        QCOMPARE(c.domain, QStringLiteral("kept.example"));
        QCOMPARE(c.image, QStringLiteral("node:22"));
        QCOMPARE(c.port, 3000);
    }

    void missingFile()
    {
        Diagnostics d;
        CourseConfig::load(QStringLiteral("/nonexistent/course.yaml"), &d);
        QCOMPARE(d.size(), 1);
        QVERIFY(d.first().toString().startsWith(QStringLiteral("/nonexistent/course.yaml: error: cannot read")));
    }
};

QTEST_APPLESS_MAIN(TestCourseConfig)
#include "tst_courseconfig.moc"
