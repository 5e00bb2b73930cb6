// The audit log: what goes in comes back out, one line per entry, appends from
// several processes at once never interleave, and a torn or foreign line is
// skipped rather than losing the entries around it.
#include "course/auditlog.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Child mode: append `count` entries tagged `tag` as fast as possible.
        const QByteArray child = qgetenv("TST_AUDITLOG_CHILD");
        if (!child.isEmpty()) {
            const QList<QByteArray> parts = child.split(' ');
            course::AuditLog log(QString::fromLocal8Bit(parts[0]));
            for (int i = 0; i < parts[2].toInt(); ++i) {
                // Long enough that a torn write would show.
                log.append(QString::fromLatin1(parts[1]), u"rollout restart"_s,
                           u"deployment students/x%1"_s.arg(i), u"ok"_s, QString(300, u'x'));
            }
            ::exit(0);
        }
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/folder/audit.jsonl"_s);
        course::AuditLog log(path);
        QCOMPARE(log.path(), path);
        QVERIFY(log.read().isEmpty()); // no file yet: an empty log
        course::AuditEntry e;
        e.when = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        e.who = u"sandbox-admin"_s;
        e.what = u"redeploy"_s;
        e.target = u"deployment students/priya-iyer"_s;
        e.result = u"failed"_s;
        e.detail = u"line one\nline \"two\" — ünïcode"_s;
        QString error;
        QVERIFY2(log.append(e, &error), qPrintable(error));
        QVERIFY(log.append(u"ta"_s, u"rollout restart"_s, u"deployment students/b"_s, u"ok"_s, {}));

        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the empty rest after the last newline
        QVERIFY(lines[0].startsWith("{\"detail\""));
        QVERIFY(lines[0].contains("\"when\":\"2026-01-02T03:04:05.678Z\""));
        QVERIFY(lines[2].isEmpty());

        const QList<course::AuditEntry> back = log.read();
        QCOMPARE(back.size(), 2);
        QCOMPARE(back[0].when, e.when);
        QCOMPARE(back[0].who, e.who);
        QCOMPARE(back[0].what, e.what);
        QCOMPARE(back[0].target, e.target);
        QCOMPARE(back[0].result, e.result);
        QCOMPARE(back[0].detail, e.detail);
        QCOMPARE(back[1].who, u"ta"_s);
        QVERIFY(qAbs(back[1].when.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
        QCOMPARE(back[1].when.timeSpec(), Qt::UTC);

        // Another AuditLog on the same file (another window, the CLI) appends after them.
        course::AuditLog other(path);
        QVERIFY(other.append(u"cli"_s, u"redeploy"_s, u"deployment students/c"_s, u"ok"_s, {}));
        QCOMPARE(log.read().size(), 3);
        const auto last = log.read(1);
        QCOMPARE(last.size(), 1);
        QCOMPARE(last[0].who, u"cli"_s);
    }

    void skipsTornAndForeignLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        course::AuditLog log(path);
        QVERIFY(log.append(u"a"_s, u"redeploy"_s, u"deployment s/1"_s, u"ok"_s, {}));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("not json at all\n{\"when\":\"yesterday\",\"what\":\"x\"}\n");
        }
        QVERIFY(log.append(u"b"_s, u"redeploy"_s, u"deployment s/2"_s, u"ok"_s, {}));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("{\"when\":\"2026-01-0"); // a crash in mid-line
        }
        int skipped = -1;
        const auto entries = log.read(-1, &skipped);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].who, u"a"_s);
        QCOMPARE(entries[1].who, u"b"_s);
        QCOMPARE(skipped, 3);
    }

    void unwritablePathSaysWhy()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        course::AuditLog log(dir.filePath(u"file/audit.jsonl"_s)); // a folder that is a file
        QString error;
        QVERIFY(!log.append(u"a"_s, u"redeploy"_s, u"t"_s, u"ok"_s, {}, &error));
        QVERIFY2(error.contains(u"audit log"_s) && error.contains(dir.filePath(u"file"_s)),
                 qPrintable(error));
    }

    void defaultPathIsAppData()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString path = course::AuditLog::defaultPath();
        QVERIFY(path.endsWith(u"/audit.jsonl"_s));
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QStandardPaths::setTestModeEnabled(false);
    }

    // Four processes append at once; every line read back is whole.
    void concurrentProcesses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.jsonl"_s);
        const int perProcess = 500;
        QList<QProcess *> children;
        for (int p = 0; p < 4; ++p) {
            auto *child = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"TST_AUDITLOG_CHILD"_s, u"%1 p%2 %3"_s.arg(path).arg(p).arg(perProcess));
            child->setProcessEnvironment(env);
            child->start(QCoreApplication::applicationFilePath(), {u"roundTrip"_s});
            children.append(child);
        }
        // And this process too, meanwhile.
        course::AuditLog log(path);
        for (int i = 0; i < perProcess; ++i)
            QVERIFY(log.append(u"main"_s, u"redeploy"_s, u"deployment students/m%1"_s.arg(i), u"ok"_s,
                               QString(300, u'y')));
        for (QProcess *child : children) {
            QVERIFY(child->waitForFinished(120000));
            QCOMPARE(child->exitCode(), 0);
        }
        int skipped = -1;
        const auto entries = log.read(-1, &skipped);
        QCOMPARE(skipped, 0);
        QCOMPARE(entries.size(), 5 * perProcess);
        QHash<QString, int> perWho;
        for (const auto &e : entries) {
            ++perWho[e.who];
            QCOMPARE(e.detail.size(), 300);
        }
        for (const QString &who : {u"main"_s, u"p0"_s, u"p1"_s, u"p2"_s, u"p3"_s})
            QCOMPARE(perWho.value(who), perProcess);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
