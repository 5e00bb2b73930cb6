#include "sandbox/jsonpatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

QJsonValue parseJson(const QByteArray &text)
{
    // Wrapped in an array so scalars parse as well.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s: %s", text.constData(), qPrintable(error.errorString()));
    return doc.array().first();
}

QByteArray compact(const QJsonValue &v)
{
    const QByteArray s = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return s.mid(1, s.size() - 2);
}

// Column data for a patch that applies (status 200) or fails with status and message.
void addRows()
{
    QTest::addColumn<QByteArray>("original");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
}

void applies(const char *name, const QByteArray &original, const QByteArray &patch,
             const QByteArray &expected)
{
    QTest::newRow(name) << original << patch << expected << 200 << QString();
}

void fails(const char *name, const QByteArray &original, const QByteArray &patch, int status,
           const QString &error)
{
    QTest::newRow(name) << original << patch << QByteArray() << status << error;
}

template<typename Apply> void check(Apply apply)
{
    QFETCH(QByteArray, original);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QFETCH(int, status);
    QFETCH(QString, error);

    QString actualError;
    int actualStatus = 0;
    const std::optional<QJsonObject> result =
        apply(parseJson(original).toObject(), parseJson(patch), &actualError, &actualStatus);
    QCOMPARE(actualStatus, status);
    if (status == 200) {
        QVERIFY2(result, qPrintable(actualError));
        QCOMPARE(compact(*result), compact(parseJson(expected)));
    } else {
        QVERIFY(!result);
        QCOMPARE(actualError, error);
    }
}

} // namespace

class TestJsonPatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // RFC 7386 appendix A.
    void mergePatchValue_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QByteArray>("result");
        const auto row = [](const char *name, const char *t, const char *p, const char *r) {
            QTest::newRow(name) << QByteArray(t) << QByteArray(p) << QByteArray(r);
        };
        row("replace member", R"({"a":"b"})", R"({"a":"c"})", R"({"a":"c"})");
        row("add member", R"({"a":"b"})", R"({"b":"c"})", R"({"a":"b","b":"c"})");
        row("null removes", R"({"a":"b"})", R"({"a":null})", R"({})");
        row("null removes one", R"({"a":"b","b":"c"})", R"({"a":null})", R"({"b":"c"})");
        row("array for string", R"({"a":["b"]})", R"({"a":"c"})", R"({"a":"c"})");
        row("string for array", R"({"a":"c"})", R"({"a":["b"]})", R"({"a":["b"]})");
        row("nested", R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})", R"({"a":{"b":"d"}})");
        row("array replaced whole", R"({"a":[{"b":"c"}]})", R"({"a":[1]})", R"({"a":[1]})");
        row("arrays", R"(["a","b"])", R"(["c","d"])", R"(["c","d"])");
        row("object for array", R"({"a":"b"})", R"(["c"])", R"(["c"])");
        row("null patch", R"({"a":"foo"})", "null", "null");
        row("string patch", R"({"a":"foo"})", R"("bar")", R"("bar")");
        row("existing null kept", R"({"e":null})", R"({"a":1})", R"({"a":1,"e":null})");
        row("object onto array", R"([1,2])", R"({"a":"b","c":null})", R"({"a":"b"})");
        row("nulls below a new member", R"({})", R"({"a":{"bb":{"ccc":null}}})", R"({"a":{"bb":{}}})");
    }

    void mergePatchValue()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, patch);
        QFETCH(QByteArray, result);
        QCOMPARE(compact(sandbox::mergePatchValue(parseJson(target), parseJson(patch))),
                 compact(parseJson(result)));
    }

    void mergePatch_data()
    {
        addRows();
        applies("label added, annotation removed",
                R"({"metadata":{"name":"web","labels":{"app":"web"},"annotations":{"a":"1"}}})",
                R"({"metadata":{"labels":{"tier":"front"},"annotations":{"a":null}}})",
                R"({"metadata":{"name":"web","labels":{"app":"web","tier":"front"},"annotations":{}}})");
        applies("containers replaced whole",
                R"({"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}})",
                R"({"spec":{"containers":[{"name":"b","image":"b:2"}]}})",
                R"({"spec":{"containers":[{"name":"b","image":"b:2"}]}})");
        applies("empty patch", R"({"a":1})", R"({})", R"({"a":1})");
        fails("array patch", R"({"a":1})", R"([{"op":"add"}])", 400, QStringLiteral("Invalid JSON Patch"));
        fails("null patch", R"({"a":1})", "null", 400, QStringLiteral("Invalid JSON Patch"));
        fails("string patch", R"({"a":1})", R"("x")", 400, QStringLiteral("Invalid JSON Patch"));
    }

    void mergePatch()
    {
        check([](const QJsonObject &o, const QJsonValue &p, QString *e, int *s) {
            return sandbox::applyMergePatch(o, p, e, s);
        });
    }

    void jsonPatch_data()
    {
        addRows();
        const QByteArray doc = R"({"a":1,"l":[1,2,3],"m":{"k":"v"}})";
        applies("add member", doc, R"([{"op":"add","path":"/b","value":{"x":[true]}}])",
                R"({"a":1,"b":{"x":[true]},"l":[1,2,3],"m":{"k":"v"}})");
        applies("add overwrites member", doc, R"([{"op":"add","path":"/a","value":2}])",
                R"({"a":2,"l":[1,2,3],"m":{"k":"v"}})");
        applies("add into array", doc, R"([{"op":"add","path":"/l/1","value":9}])",
                R"({"a":1,"l":[1,9,2,3],"m":{"k":"v"}})");
        applies("add at array end", doc, R"([{"op":"add","path":"/l/3","value":9}])",
                R"({"a":1,"l":[1,2,3,9],"m":{"k":"v"}})");
        applies("add with dash appends", doc, R"([{"op":"add","path":"/l/-","value":9}])",
                R"({"a":1,"l":[1,2,3,9],"m":{"k":"v"}})");
        applies("add with negative index", doc, R"([{"op":"add","path":"/l/-2","value":9}])",
                R"({"a":1,"l":[1,2,9,3],"m":{"k":"v"}})");
        applies("add without value adds null", doc, R"([{"op":"add","path":"/m/n"}])",
                R"({"a":1,"l":[1,2,3],"m":{"k":"v","n":null}})");
        applies("remove member", doc, R"([{"op":"remove","path":"/m/k"}])", R"({"a":1,"l":[1,2,3],"m":{}})");
        applies("remove element", doc, R"([{"op":"remove","path":"/l/0"}])",
                R"({"a":1,"l":[2,3],"m":{"k":"v"}})");
        applies("remove last by negative index", doc, R"([{"op":"remove","path":"/l/-1"}])",
                R"({"a":1,"l":[1,2],"m":{"k":"v"}})");
        applies("replace member", doc, R"([{"op":"replace","path":"/m/k","value":"w"}])",
                R"({"a":1,"l":[1,2,3],"m":{"k":"w"}})");
        applies("replace element", doc, R"([{"op":"replace","path":"/l/2","value":"x"}])",
                R"({"a":1,"l":[1,2,"x"],"m":{"k":"v"}})");
        applies("replace sets a missing member, as the server does", doc,
                R"([{"op":"replace","path":"/m/new","value":1}])",
                R"({"a":1,"l":[1,2,3],"m":{"k":"v","new":1}})");
        applies("move member", doc, R"([{"op":"move","from":"/m/k","path":"/moved"}])",
                R"({"a":1,"l":[1,2,3],"m":{},"moved":"v"})");
        applies("move element", doc, R"([{"op":"move","from":"/l/0","path":"/l/-"}])",
                R"({"a":1,"l":[2,3,1],"m":{"k":"v"}})");
        applies("copy member", doc, R"([{"op":"copy","from":"/m","path":"/n"}])",
                R"({"a":1,"l":[1,2,3],"m":{"k":"v"},"n":{"k":"v"}})");
        applies("test then change", doc,
                R"([{"op":"test","path":"/m","value":{"k":"v"}},{"op":"test","path":"/a","value":1.0},)"
                R"({"op":"test","path":"/l","value":[1,2,3]},{"op":"replace","path":"/a","value":5}])",
                R"({"a":5,"l":[1,2,3],"m":{"k":"v"}})");
        applies("test absent member equals null", doc, R"([{"op":"test","path":"/nope","value":null}])", doc);
        applies("pointer escapes", R"({"a/b":1,"m~n":2,"":3})",
                R"([{"op":"replace","path":"/a~1b","value":4},{"op":"remove","path":"/m~0n"},)"
                R"({"op":"add","path":"/","value":5}])",
                R"({"":5,"a/b":4})");
        applies("label with a slash", R"({"metadata":{"labels":{"app":"web"}}})",
                R"([{"op":"add","path":"/metadata/labels/courseops.io~1student","value":"octocat"}])",
                R"({"metadata":{"labels":{"app":"web","courseops.io/student":"octocat"}}})");
        applies(
            "operations apply in order", R"({"spec":{"replicas":1}})",
            R"([{"op":"replace","path":"/spec/replicas","value":3},{"op":"test","path":"/spec/replicas","value":3}])",
            R"({"spec":{"replicas":3}})");
        applies("null patch changes nothing", doc, "null", doc);
        applies("empty patch changes nothing", doc, "[]", doc);

        fails("failing test", doc,
              R"([{"op":"replace","path":"/a","value":2},{"op":"test","path":"/a","value":1}])", 422,
              QStringLiteral("testing value /a failed: test failed"));
        fails("test of a different type", doc, R"([{"op":"test","path":"/a","value":"1"}])", 422,
              QStringLiteral("testing value /a failed: test failed"));
        fails("test of a larger object", doc, R"([{"op":"test","path":"/m","value":{"k":"v","x":1}}])", 422,
              QStringLiteral("testing value /m failed: test failed"));
        fails(
            "remove missing member", doc, R"([{"op":"remove","path":"/nope"}])", 422,
            QStringLiteral(
                "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value"));
        fails("remove past the end", doc, R"([{"op":"remove","path":"/l/3"}])", 422,
              QStringLiteral("error in remove for path: '/l/3': Unable to access invalid index: 3: invalid "
                             "index referenced"));
        fails(
            "remove with dash", doc, R"([{"op":"remove","path":"/l/-"}])", 422,
            QStringLiteral("error in remove for path: '/l/-': strconv.Atoi: parsing \"-\": invalid syntax"));
        fails("add under missing parent", doc, R"([{"op":"add","path":"/x/y","value":1}])", 422,
              QStringLiteral("add operation does not apply: doc is missing path: \"/x/y\": missing value"));
        fails("add under a scalar", doc, R"([{"op":"add","path":"/a/y","value":1}])", 422,
              QStringLiteral("add operation does not apply: doc is missing path: \"/a/y\": missing value"));
        fails("add past the end", doc, R"([{"op":"add","path":"/l/5","value":1}])", 422,
              QStringLiteral("error in add for path: '/l/5': Unable to access invalid index: 5: invalid "
                             "index referenced"));
        fails("add at a word index", doc, R"([{"op":"add","path":"/l/x","value":1}])", 422,
              QStringLiteral("error in add for path: '/l/x': value was not a proper array index: 'x': "
                             "strconv.Atoi: parsing \"x\": invalid syntax"));
        fails("replace past the end", doc, R"([{"op":"replace","path":"/l/3","value":1}])", 422,
              QStringLiteral("replace operation does not apply: doc is missing key: /l/3: missing value"));
        fails("replace under missing parent", doc, R"([{"op":"replace","path":"/x/y","value":1}])", 422,
              QStringLiteral("replace operation does not apply: doc is missing path: /x/y: missing value"));
        fails("move from missing parent", doc, R"([{"op":"move","from":"/x/y","path":"/z"}])", 422,
              QStringLiteral("move operation does not apply: doc is missing from path: /x/y: missing value"));
        fails("copy to missing parent", doc, R"([{"op":"copy","from":"/a","path":"/x/y"}])", 422,
              QStringLiteral(
                  "copy operation does not apply: doc is missing destination path: /x/y: missing value"));
        fails("root pointer", doc, R"([{"op":"replace","path":"","value":{}}])", 422,
              QStringLiteral("replace operation does not apply: doc is missing path: : missing value"));
        fails("missing path", doc, R"([{"op":"add","value":1}])", 422,
              QStringLiteral("add operation failed to decode path: missing value"));
        fails("unknown op", doc, R"([{"op":"frobnicate","path":"/a"}])", 422,
              QStringLiteral("Unexpected kind: frobnicate"));
        fails("missing op", doc, R"([{"path":"/a"}])", 422, QStringLiteral("Unexpected kind: unknown"));
        fails("patch is an object", doc, R"({"op":"add"})", 400,
              QStringLiteral("json: cannot unmarshal object into Go value of type jsonpatch.Patch"));
        fails("operation is a string", doc, R"(["add"])", 400,
              QStringLiteral("json: cannot unmarshal string into Go value of type jsonpatch.Operation"));
    }

    void jsonPatch()
    {
        check([](const QJsonObject &o, const QJsonValue &p, QString *e, int *s) {
            return sandbox::applyJsonPatch(o, p, e, s);
        });
    }

    void jsonPatchOperationLimit()
    {
        QJsonArray ops;
        for (int i = 0; i < 10001; ++i)
            ops.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("test")},
                                   {QStringLiteral("path"), QStringLiteral("/a")}});
        QString error;
        int status = 0;
        QVERIFY(!sandbox::applyJsonPatch(QJsonObject{}, ops, &error, &status));
        QCOMPARE(status, 413);
        QCOMPARE(error, QStringLiteral("The allowed maximum operations in a JSON patch is 10000, got 10001"));
        ops.removeLast();
        QVERIFY(sandbox::applyJsonPatch(QJsonObject{}, ops, &error, &status));
    }

    void strategic_data()
    {
        QTest::addColumn<QString>("kind");
        addRows();
        const auto ok = [](const char *name, const char *kind, const char *original, const char *patch,
                           const char *expected) {
            QTest::newRow(name) << QString::fromLatin1(kind) << QByteArray(original) << QByteArray(patch)
                                << QByteArray(expected) << 200 << QString();
        };
        const auto bad = [](const char *name, const char *kind, const char *original, const char *patch,
                            int status, const QString &error) {
            QTest::newRow(name) << QString::fromLatin1(kind) << QByteArray(original) << QByteArray(patch)
                                << QByteArray() << status << error;
        };
        const char *twoContainers =
            R"({"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}})";

        ok("containers merge by name", "Pod", twoContainers,
           R"({"spec":{"containers":[{"name":"b","image":"b:2"}]}})",
           R"({"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:2"}]}})");
        ok("a new container comes first", "Pod", twoContainers,
           R"({"spec":{"containers":[{"name":"c","image":"c:1"}]}})",
           R"({"spec":{"containers":[{"name":"c","image":"c:1"},{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}]}})");
        ok("initContainers merge by name", "Pod",
           R"({"spec":{"initContainers":[{"name":"clone","image":"git:1","args":["x"]}]}})",
           R"({"spec":{"initContainers":[{"name":"clone","image":"git:2"}]}})",
           R"({"spec":{"initContainers":[{"name":"clone","image":"git:2","args":["x"]}]}})");
        ok("env merges by name in the patch's order", "Pod",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"C","value":"3"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"C","value":"30"},{"name":"A","value":"10"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"2"},{"name":"C","value":"30"},{"name":"A","value":"10"}]}]}})");
        ok("env entry deleted", "Pod",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"B","value":"x"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"B","$patch":"delete"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"A","value":"1"}]}]}})");
        ok("container ports merge by containerPort", "Pod",
           R"({"spec":{"containers":[{"name":"app","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}})",
           R"({"spec":{"containers":[{"name":"app","ports":[{"containerPort":80,"protocol":"TCP"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","ports":[{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":443}]}]}})");
        ok("numeric merge keys compare by value", "Pod",
           R"({"spec":{"containers":[{"name":"app","ports":[{"containerPort":80},{"containerPort":8080}]}]}})",
           R"({"spec":{"containers":[{"name":"app","ports":[{"containerPort":80.0,"name":"http"},{"containerPort":"8080"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","ports":[{"containerPort":80,"name":"http"},{"containerPort":"8080"},{"containerPort":8080}]}]}})");
        ok("volumes by name, volumeMounts by mountPath", "Pod",
           R"({"spec":{"volumes":[{"name":"code","emptyDir":{}}],"containers":[{"name":"app","volumeMounts":[{"mountPath":"/app","name":"code"}]}]}})",
           R"({"spec":{"volumes":[{"name":"code","emptyDir":{"medium":"Memory"}}],"containers":[{"name":"app","volumeMounts":[{"mountPath":"/app","readOnly":true}]}]}})",
           R"({"spec":{"volumes":[{"name":"code","emptyDir":{"medium":"Memory"}}],"containers":[{"name":"app","volumeMounts":[{"mountPath":"/app","name":"code","readOnly":true}]}]}})");
        ok("conditions merge by type", "Pod",
           R"({"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"PodScheduled","status":"True"}]}})",
           R"({"status":{"conditions":[{"type":"Ready","status":"True"}]}})",
           R"({"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]}})");
        ok("tolerations are replaced", "Pod", R"({"spec":{"tolerations":[{"key":"a"},{"key":"b"}]}})",
           R"({"spec":{"tolerations":[{"key":"c"}]}})", R"({"spec":{"tolerations":[{"key":"c"}]}})");
        ok("imagePullSecrets merge by name", "Pod", R"({"spec":{"imagePullSecrets":[{"name":"x"}]}})",
           R"({"spec":{"imagePullSecrets":[{"name":"y"}]}})",
           R"({"spec":{"imagePullSecrets":[{"name":"y"},{"name":"x"}]}})");
        ok("ownerReferences merge by uid", "Pod",
           R"({"metadata":{"ownerReferences":[{"uid":"1","name":"rs-a"},{"uid":"2","name":"rs-b"}]}})",
           R"({"metadata":{"ownerReferences":[{"uid":"1","controller":true}]}})",
           R"({"metadata":{"ownerReferences":[{"uid":"1","name":"rs-a","controller":true},{"uid":"2","name":"rs-b"}]}})");
        ok("finalizers merge as a set", "Deployment", R"({"metadata":{"finalizers":["a","b"]}})",
           R"({"metadata":{"finalizers":["b","c"]}})", R"({"metadata":{"finalizers":["a","b","c"]}})");
        ok("a new finalizer comes first", "ConfigMap", R"({"metadata":{"finalizers":["a"]}})",
           R"({"metadata":{"finalizers":["b"]}})", R"({"metadata":{"finalizers":["b","a"]}})");
        ok("$deleteFromPrimitiveList", "Pod", R"({"metadata":{"finalizers":["a","b","c","b"]}})",
           R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["b","c"]}})",
           R"({"metadata":{"finalizers":["a"]}})");
        ok("$deleteFromPrimitiveList of a missing list", "Pod", R"({"metadata":{}})",
           R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}})", R"({"metadata":{}})");
        ok("$setElementOrder of primitives", "Pod", R"({"metadata":{"finalizers":["a","b","c"]}})",
           R"({"metadata":{"$setElementOrder/finalizers":["b","c","a"]}})",
           R"({"metadata":{"finalizers":["b","c","a"]}})");
        ok("$setElementOrder naming an absent value", "Node",
           R"({"spec":{"podCIDRs":["10.0.1.0/24","10.0.3.0/24"]}})",
           R"({"spec":{"$setElementOrder/podCIDRs":["10.0.3.0/24","10.0.2.0/24","10.0.1.0/24"]}})",
           R"({"spec":{"podCIDRs":["10.0.3.0/24","10.0.1.0/24"]}})");
        ok("$setElementOrder with a merge", "Pod", twoContainers,
           R"({"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a","image":"a:2"}]}})",
           R"({"spec":{"containers":[{"name":"b","image":"b:1"},{"name":"a","image":"a:2"}]}})");
        ok("$setElementOrder keeps server-only items in place", "Pod",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"A"},{"name":"B"},{"name":"S"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","$setElementOrder/env":[{"name":"B"},{"name":"A"}]}]}})",
           R"({"spec":{"containers":[{"name":"app","env":[{"name":"B"},{"name":"A"},{"name":"S"}]}]}})");
        ok("$patch: replace on a map", "Pod", R"({"metadata":{"labels":{"a":"1","b":"2"}}})",
           R"({"metadata":{"labels":{"$patch":"replace","c":"3","d":null}}})",
           R"({"metadata":{"labels":{"c":"3"}}})");
        ok("$patch: replace on the object", "ConfigMap", R"({"data":{"a":"1"},"metadata":{"name":"x"}})",
           R"({"$patch":"replace","data":{"b":"2"}})", R"({"data":{"b":"2"}})");
        ok("$patch: replace in a list", "Pod", twoContainers,
           R"({"spec":{"containers":[{"name":"c","image":"c:1"},{"$patch":"replace"}]}})",
           R"({"spec":{"containers":[{"name":"c","image":"c:1"}]}})");
        ok("$patch: replace empties a list", "Pod", twoContainers,
           R"({"spec":{"containers":[{"$patch":"replace"}]}})", R"({"spec":{"containers":[]}})");
        ok("$patch: delete on a map", "Deployment",
           R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}})",
           R"({"spec":{"strategy":{"rollingUpdate":{"$patch":"delete"}}}})",
           R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{}}}})");
        ok("$patch: delete of an absent map", "Pod", R"({"spec":{}})",
           R"({"spec":{"securityContext":{"$patch":"delete"}}})", R"({"spec":{}})");
        ok("$retainKeys clears the other members", "Deployment",
           R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}})",
           R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})",
           R"({"spec":{"strategy":{"type":"Recreate"}}})");
        ok("null deletes a member", "Pod", R"({"metadata":{"labels":{"a":"1","b":"2"}}})",
           R"({"metadata":{"labels":{"a":null,"zz":null}}})", R"({"metadata":{"labels":{"b":"2"}}})");
        ok("nulls and directives below a new member go", "Pod", R"({"metadata":{"name":"p"}})",
           R"({"metadata":{"annotations":{"x":"1","y":null}},"spec":{"containers":[{"name":"a","env":[{"name":"E","$patch":"delete"}]}]}})",
           R"({"metadata":{"name":"p","annotations":{"x":"1"}},"spec":{"containers":[{"name":"a","env":[]}]}})");
        ok("lists without a merge key are replaced", "Pod",
           R"({"spec":{"containers":[{"name":"app","args":["a","b"],"command":["node"]}]}})",
           R"({"spec":{"containers":[{"name":"app","args":["c"]}]}})",
           R"({"spec":{"containers":[{"name":"app","args":["c"],"command":["node"]}]}})");
        ok("service ports merge by port", "Service",
           R"({"spec":{"ports":[{"port":80,"targetPort":3000},{"port":443,"targetPort":3443}]}})",
           R"({"spec":{"ports":[{"port":80,"targetPort":8080}]}})",
           R"({"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":3443}]}})");
        ok("node addresses merge by type", "Node",
           R"({"status":{"addresses":[{"type":"InternalIP","address":"10.0.0.1"}]}})",
           R"({"status":{"addresses":[{"type":"Hostname","address":"n1"}]}})",
           R"({"status":{"addresses":[{"type":"Hostname","address":"n1"},{"type":"InternalIP","address":"10.0.0.1"}]}})");
        ok("namespace conditions merge by type", "Namespace",
           R"({"status":{"conditions":[{"type":"A","status":"True"}]}})",
           R"({"status":{"conditions":[{"type":"A","status":"False"}]}})",
           R"({"status":{"conditions":[{"type":"A","status":"False"}]}})");
        ok("replica set template containers merge", "ReplicaSet",
           R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b"}]}}}})",
           R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:2"}]}}}})",
           R"({"spec":{"template":{"spec":{"containers":[{"name":"a","image":"a:2"},{"name":"b"}]}}}})");
        ok("configmap data merges", "ConfigMap", R"({"data":{"a":"1","b":"2"}})",
           R"({"data":{"b":null,"c":"3"}})", R"({"data":{"a":"1","c":"3"}})");
        ok("unknown kinds replace lists but merge finalizers", "Widget",
           R"({"metadata":{"finalizers":["a"]},"spec":{"items":[{"name":"x"}]}})",
           R"({"metadata":{"finalizers":["a","b"]},"spec":{"items":[{"name":"y"}]}})",
           R"({"metadata":{"finalizers":["a","b"]},"spec":{"items":[{"name":"y"}]}})");
        ok("a value of another type replaces", "Pod", R"({"spec":{"x":[1]}})",
           R"({"spec":{"x":{"y":1,"z":null}}})", R"({"spec":{"x":{"y":1}}})");
        ok("null patch changes nothing", "Pod", R"({"a":1})", "null", R"({"a":1})");

        bad("$patch: merge on a map is refused", "Pod", R"({"metadata":{"labels":{"x":"y"}}})",
            R"({"metadata":{"labels":{"$patch":"merge","a":"b"}}})", 500,
            QStringLiteral("unknown patch type: merge in map: map[$patch:merge a:b]"));
        bad("$patch: merge in a list is refused", "Pod", twoContainers,
            R"({"spec":{"containers":[{"name":"a","$patch":"merge"}]}})", 500,
            QStringLiteral("merging lists cannot yet be specified in the patch"));
        bad("unknown list directive", "Pod", twoContainers,
            R"({"spec":{"containers":[{"name":"a","$patch":"drop"}]}})", 500,
            QStringLiteral("unknown patch type: drop in map: map[$patch:drop name:a]"));
        bad("$retainKeys must name every patched member", "Deployment",
            R"({"spec":{"strategy":{"type":"RollingUpdate"}}})",
            R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":{"maxSurge":2}}}})",
            400, QStringLiteral("invalid patch format of retainKeys"));
        bad("$retainKeys must be a list", "Deployment", R"({"spec":{"strategy":{}}})",
            R"({"spec":{"strategy":{"$retainKeys":"type"}}})", 400,
            QStringLiteral("invalid patch format of retainKeys"));
        bad("$deleteFromPrimitiveList needs a list name", "Pod", R"({"metadata":{}})",
            R"({"metadata":{"$deleteFromPrimitiveList":["a"]}})", 400,
            QStringLiteral("invalid patch format of primitive list"));
        bad("$setElementOrder needs a list name", "Pod", R"({"metadata":{}})",
            R"({"metadata":{"$setElementOrderX/finalizers":["a"]}})", 400,
            QStringLiteral("invalid patch format of setElementOrder list"));
        bad("$setElementOrder must agree with the patch", "Pod", twoContainers,
            R"({"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"b"},{"name":"a"}]}})",
            500,
            QStringLiteral(
                "The order in patch list:\n[map[name:b] map[name:a]]\n doesn't match $setElementOrder "
                "list:\n[map[name:a] map[name:b]]\n"));
        bad("merge key missing", "Pod", twoContainers, R"({"spec":{"containers":[{"image":"x:1"}]}})", 500,
            QStringLiteral("map: map[image:x:1] does not contain declared merge key: name"));
        bad("list of lists", "Pod", R"({"metadata":{"finalizers":[]}})",
            R"({"metadata":{"finalizers":[["a"]]}})", 422,
            QStringLiteral("lists of lists are not supported"));
        bad("mixed element types", "Pod", R"({"metadata":{"finalizers":["a"]}})",
            R"({"metadata":{"finalizers":[8080]}})", 500,
            QStringLiteral("list element types are not identical: [[a] [8080]]"));
        bad("patch is not an object", "Pod", R"({})", R"([1])", 400, QStringLiteral("invalid JSON document"));
    }

    void strategic()
    {
        QFETCH(QString, kind);
        check([&](const QJsonObject &o, const QJsonValue &p, QString *e, int *s) {
            return sandbox::applyStrategicMergePatch(o, p, kind, e, s);
        });
    }

    // kubectl rollout restart: one annotation on the pod template, nothing else touched.
    void rolloutRestart()
    {
        const QJsonObject deployment = parseJson(R"({"metadata":{"name":"web","generation":3},
            "spec":{"replicas":2,"template":{"metadata":{"labels":{"app":"web"}},
            "spec":{"containers":[{"name":"app","image":"node:20"}]}}}})")
                                           .toObject();
        const QJsonValue patch = parseJson(R"({"spec":{"template":{"metadata":{"annotations":
            {"kubectl.kubernetes.io/restartedAt":"2025-01-02T03:04:05+01:00"}}}}})");
        std::optional<QJsonObject> once =
            sandbox::applyStrategicMergePatch(deployment, patch, QStringLiteral("Deployment"));
        QVERIFY(once);
        QCOMPARE(compact(*once), compact(parseJson(R"({"metadata":{"name":"web","generation":3},
            "spec":{"replicas":2,"template":{"metadata":{"labels":{"app":"web"},
            "annotations":{"kubectl.kubernetes.io/restartedAt":"2025-01-02T03:04:05+01:00"}},
            "spec":{"containers":[{"name":"app","image":"node:20"}]}}}})")));

        const QJsonValue again = parseJson(R"({"spec":{"template":{"metadata":{"annotations":
            {"kubectl.kubernetes.io/restartedAt":"2025-01-02T04:00:00+01:00"}}}}})");
        std::optional<QJsonObject> twice =
            sandbox::applyStrategicMergePatch(*once, again, QStringLiteral("Deployment"));
        QVERIFY(twice);
        QCOMPARE(twice->value(
                     u"spec")[u"template"][u"metadata"][u"annotations"][u"kubectl.kubernetes.io/restartedAt"],
                 QJsonValue(QStringLiteral("2025-01-02T04:00:00+01:00")));
        QCOMPARE(twice->value(u"spec")[u"template"][u"metadata"][u"labels"],
                 once->value(u"spec")[u"template"][u"metadata"][u"labels"]);
    }

    // The patch `kubectl apply` computes from last-applied, the file and the live object.
    void kubectlApply()
    {
        const QJsonObject live = parseJson(R"({
            "metadata":{"name":"web","labels":{"app":"web"},
                        "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"old","deployment.kubernetes.io/revision":"1"}},
            "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"labels":{"app":"web"}},
                "spec":{"containers":[{"name":"app","image":"node:18",
                  "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                  "ports":[{"containerPort":3000,"protocol":"TCP"}],
                  "resources":{"limits":{"memory":"128Mi"}}}]}}},
            "status":{"replicas":1}})")
                                     .toObject();
        const QJsonValue patch = parseJson(R"({
            "metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"new"}},
            "spec":{"replicas":2,"template":{"spec":{
              "$setElementOrder/containers":[{"name":"app"}],
              "containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],
                             "env":[{"name":"C","value":"3"},{"$patch":"delete","name":"B"}],
                             "image":"node:20","name":"app","resources":null}]}}}})");
        QString error;
        int status = 0;
        const std::optional<QJsonObject> result =
            sandbox::applyStrategicMergePatch(live, patch, QStringLiteral("Deployment"), &error, &status);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(status, 200);
        QCOMPARE(compact(*result), compact(parseJson(R"({
            "metadata":{"name":"web","labels":{"app":"web"},
                        "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"new","deployment.kubernetes.io/revision":"1"}},
            "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"labels":{"app":"web"}},
                "spec":{"containers":[{"name":"app","image":"node:20",
                  "env":[{"name":"A","value":"1"},{"name":"C","value":"3"}],
                  "ports":[{"containerPort":3000,"protocol":"TCP"}]}]}}},
            "status":{"replicas":1}})")));
    }
};

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_jsonpatch.moc"
