// Where a Node.js error points into the student's code. The traces are what
// node 20 printed for small apps run from /app (see each row's name).
#include "course/stacktrace.h"

#include <QTest>

using course::SourceLocation;
using namespace Qt::StringLiterals;

class TestStackTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("lineNumber");
        QTest::addColumn<int>("column");

        QTest::newRow("named frame") << u"    at f (/app/rt.js:3:9)"_s << u"/app/rt.js"_s << 3 << 9;
        QTest::newRow("anonymous module frame") << u"    at Object.<anonymous> (/app/mm.js:1:17)"_s << u"/app/mm.js"_s
                                                << 1 << 17;
        QTest::newRow("frame without a function") << u"    at /app/lib/db.js:4:2"_s << u"/app/lib/db.js"_s << 4 << 2;
        QTest::newRow("async frame") << u"    at async main (/app/server.js:20:3)"_s << u"/app/server.js"_s << 20 << 3;
        QTest::newRow("esm file url") << u"    at file:///app/server.mjs:8:11"_s << u"/app/server.mjs"_s << 8 << 11;
        QTest::newRow("header") << u"/app/se.js:3"_s << u"/app/se.js"_s << 3 << 0;
        QTest::newRow("internal frame") << u"    at Module._compile (node:internal/modules/cjs/loader:1521:14)"_s
                                        << QString() << 0 << 0;
        QTest::newRow("internal frame without function") << u"    at node:internal/main/run_main_module:28:49"_s
                                                         << QString() << 0 << 0;
        QTest::newRow("internal header") << u"node:internal/modules/cjs/loader:1210"_s << QString() << 0 << 0;
        QTest::newRow("installed package") << u"    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)"_s
                                           << QString() << 0 << 0;
        QTest::newRow("prose with a colon") << u"listening on port 3000: ready"_s << QString() << 0 << 0;
        QTest::newRow("indented code line") << u"  res.send('x'"_s << QString() << 0 << 0;
        QTest::newRow("time of day") << u"12:30"_s << QString() << 0 << 0;
    }

    void oneLine()
    {
        QFETCH(QString, line);
        QFETCH(QString, path);
        QFETCH(int, lineNumber);
        QFETCH(int, column);
        const SourceLocation loc = course::sourceLocationIn(line);
        QCOMPARE(loc.path, path);
        QCOMPARE(loc.line, lineNumber);
        QCOMPARE(loc.column, column);
    }

    void lastTrace_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("lineNumber");

        QTest::newRow("uncaught TypeError: the header") << u"/app/rt.js:3\n"
                                                           "  throw new TypeError('boom');\n"
                                                           "  ^\n\n"
                                                           "TypeError: boom\n"
                                                           "    at f (/app/rt.js:3:9)\n"
                                                           "    at Object.<anonymous> (/app/rt.js:5:1)\n"
                                                           "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"
                                                           "\nNode.js v20.20.2"_s
                                                        << u"/app/rt.js"_s << 3;
        QTest::newRow("missing module: the requiring line") << u"node:internal/modules/cjs/loader:1210\n"
                                                               "  throw err;\n  ^\n\n"
                                                               "Error: Cannot find module 'express'\n"
                                                               "Require stack:\n- /app/mm.js\n"
                                                               "    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)\n"
                                                               "    at require (node:internal/modules/helpers:182:18)\n"
                                                               "    at Object.<anonymous> (/app/mm.js:1:17)\n"
                                                               "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"_s
                                                            << u"/app/mm.js"_s << 1;
        QTest::newRow("syntax error: only internal frames") << u"/app/se.js:3\n  res.send('x'\n           ^^^\n\n"
                                                               "SyntaxError: missing ) after argument list\n"
                                                               "    at wrapSafe (node:internal/modules/cjs/loader:1464:18)\n"
                                                               "    at node:internal/main/run_main_module:28:49\n"_s
                                                            << u"/app/se.js"_s << 3;
        QTest::newRow("error logged by a request handler: the top app frame")
            << u"GET / 500\nTypeError: Cannot read properties of null (reading 'x')\n"
               "    at module.exports (/app/lib/db.js:1:31)\n"
               "    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)\n"
               "    at /app/server.js:9:3\n"_s
            << u"/app/lib/db.js"_s << 1;
        QTest::newRow("the last of two traces") << u"    at f (/app/old.js:1:1)\nrestarted\nError: again\n"
                                                   "    at g (/app/new.js:7:2)\nlistening\n"_s
                                                << u"/app/new.js"_s << 7;
        QTest::newRow("no trace") << u"listening on 3000\nGET / 200\n"_s << QString() << 0;
    }

    void lastTrace()
    {
        QFETCH(QString, log);
        QFETCH(QString, path);
        QFETCH(int, lineNumber);
        const SourceLocation loc = course::lastStackLocation(log.split(u'\n'));
        QCOMPARE(loc.path, path);
        QCOMPARE(loc.line, lineNumber);
    }

    void repositoryPath()
    {
        const QStringList repo{u"server.js"_s, u"src/db.js"_s, u"db.js"_s, u"package.json"_s};
        QCOMPARE(course::repositoryPathFor(u"/app/server.js", repo), u"server.js"_s);
        QCOMPARE(course::repositoryPathFor(u"/srv/app/src/db.js", repo), u"src/db.js"_s); // the longest fit
        QCOMPARE(course::repositoryPathFor(u"/app/lib/db.js", repo), u"db.js"_s);
        QCOMPARE(course::repositoryPathFor(u"/app/myserver.js", repo), QString()); // not at a '/'
        QCOMPARE(course::repositoryPathFor(u"server.js", repo), u"server.js"_s);
        QCOMPARE(course::repositoryPathFor(u"/app/other.js", repo), QString());
    }
};

QTEST_GUILESS_MAIN(TestStackTrace)
#include "tst_stacktrace.moc"
