#include "course/bufferjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using course::BufferJournal;
using course::JournaledBuffer;

namespace {

const QString kRepo = u"webapps101/priya-iyer"_s;

JournaledBuffer buffer(const QString &path, const QByteArray &content, bool isNew = false)
{
    JournaledBuffer b;
    b.path = path;
    b.baseCommit = "0123456789abcdef0123456789abcdef01234567";
    b.content = content;
    b.isNew = isNew;
    return b;
}

// The child side of the kill test: a TA typing into two buffers, one
// keystroke every 20 ms, through the journal with its normal debounce. After
// each write reaches the disk it prints what is now safe, one line per
// buffer; the parent kills it with SIGKILL somewhere in the middle of this.
int runTypingChild(const QString &root)
{
    BufferJournal journal(kRepo, root);
    QByteArray server = "const express = require('express');\n";
    QByteArray readme = "# Notes\n";
    QByteArray safeServer;
    QByteArray safeReadme;
    QByteArray pendingServer;
    QByteArray pendingReadme;
    QObject::connect(&journal, &BufferJournal::written, [&](const QStringList &paths) {
        if (paths.contains(u"src/server.js"_s))
            safeServer = pendingServer;
        if (paths.contains(u"README.md"_s))
            safeReadme = pendingReadme;
        std::printf("safe %s %s\n", safeServer.toBase64().constData(), safeReadme.toBase64().constData());
        std::fflush(stdout);
    });
    QTimer typing;
    int keystroke = 0;
    QObject::connect(&typing, &QTimer::timeout, [&] {
        ++keystroke;
        server += keystroke % 30 == 0 ? '\n' : char('a' + keystroke % 26);
        pendingServer = server;
        journal.record(buffer(u"src/server.js"_s, server));
        if (keystroke % 7 == 0) {
            readme += "- item " + QByteArray::number(keystroke) + '\n';
            pendingReadme = readme;
            journal.record(buffer(u"README.md"_s, readme, true));
        }
        // Typing pauses now and then, so the 300 ms debounce fires.
        typing.setInterval(keystroke % 25 == 0 ? 450 : 20);
    });
    typing.start(20);
    return QCoreApplication::exec();
}

} // namespace

class TestBufferJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAfterTheDebounceAndReadsBack()
    {
        QTemporaryDir root;
        BufferJournal journal(kRepo, root.path());
        QSignalSpy written(&journal, &BufferJournal::written);
        journal.record(buffer(u"src/server.js"_s, "one"));
        journal.record(buffer(u"src/server.js"_s, "two"));
        journal.record(buffer(u"public/new page.html"_s, "<p>ü</p>\n", true));
        // Nothing on disk until the buffers have been quiet for a moment.
        QVERIFY(journal.entries().isEmpty());
        QVERIFY(written.wait());
        QCOMPARE(written.size(), 1);
        const QList<JournaledBuffer> entries = journal.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].path, u"public/new page.html"_s);
        QCOMPARE(entries[0].content, std::optional<QByteArray>("<p>ü</p>\n"));
        QVERIFY(entries[0].isNew);
        QCOMPARE(entries[1].path, u"src/server.js"_s);
        QCOMPARE(entries[1].content, std::optional<QByteArray>("two"));
        QCOMPARE(entries[1].baseCommit, QByteArray("0123456789abcdef0123456789abcdef01234567"));
        QVERIFY(entries[1].savedAt.isValid());
        QVERIFY(journal.directory().startsWith(root.path() + u"/webapps101/priya-iyer"_s));
    }

    void deletionsForgetAndClear()
    {
        QTemporaryDir root;
        BufferJournal journal(kRepo, root.path());
        JournaledBuffer gone = buffer(u"old.js"_s, {});
        gone.content.reset();
        journal.record(gone);
        journal.record(buffer(u"a.js"_s, "a"));
        journal.record(buffer(u"b.js"_s, "b"));
        QVERIFY(journal.flush());
        QList<JournaledBuffer> entries = journal.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[2].path, u"old.js"_s);
        QVERIFY(!entries[2].content.has_value());

        journal.forget(u"a.js"_s);
        entries = journal.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].path, u"b.js"_s);

        // Another window on the same repository sees the same journal.
        BufferJournal again(kRepo, root.path());
        QCOMPARE(again.entries().size(), 2);
        // A different repository does not.
        QVERIFY(BufferJournal(u"webapps101/someone-else"_s, root.path()).entries().isEmpty());

        journal.clear();
        QVERIFY(journal.isEmpty());
        QVERIFY(again.entries().isEmpty());
    }

    void repositoryNamesCannotEscapeTheRoot()
    {
        QTemporaryDir root;
        BufferJournal journal(u"../../etc/x y"_s, root.path());
        QVERIFY(journal.directory().startsWith(root.path() + u'/'));
        QVERIFY(!journal.directory().contains(u".."_s));
        journal.record(buffer(u"f"_s, "x"));
        QVERIFY(journal.flush());
        QCOMPARE(journal.entries().size(), 1);
    }

    void brokenFilesAreSkipped()
    {
        QTemporaryDir root;
        BufferJournal journal(kRepo, root.path());
        journal.record(buffer(u"ok.js"_s, "fine"));
        QVERIFY(journal.flush());
        QFile torn(journal.directory() + u"/deadbeef.json"_s);
        QVERIFY(torn.open(QIODevice::WriteOnly));
        torn.write("{\"path\":\"x\",\"cont");
        torn.close();
        int skipped = 0;
        const QList<JournaledBuffer> entries = journal.entries(&skipped);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(skipped, 1);
    }

    void unwritableFolderSaysWhy()
    {
        QTemporaryDir root;
        QFile blocker(root.filePath(u"webapps101"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should go
        blocker.close();
        BufferJournal journal(kRepo, root.path());
        QSignalSpy failed(&journal, &BufferJournal::writeFailed);
        journal.record(buffer(u"a.js"_s, "a"));
        QString error;
        QVERIFY(!journal.flush(&error));
        QVERIFY2(error.contains(u"Cannot create the journal folder"_s), qPrintable(error));
        QVERIFY(error.contains(u"writable"_s));
        QCOMPARE(failed.size(), 1);
    }

    // The process is killed with SIGKILL (no destructor, no flush) while the
    // TA types: the journal on disk still holds everything the child had
    // reported as written, and a version at least that new.
    void survivesSigkill()
    {
        QTemporaryDir root;
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"--typing-child"_s, root.path()});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        QByteArray lastSafe;
        int reports = 0;
        // Wait for a few debounced writes (pauses in the typing), then kill mid-typing.
        while (reports < 3) {
            QVERIFY2(child.waitForReadyRead(30000), "the typing child reported no journal write");
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("safe ")) {
                    lastSafe = line;
                    ++reports;
                }
            }
        }
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // Lines the child printed before it died.
        for (const QByteArray &line : child.readAllStandardOutput().split('\n'))
            if (line.startsWith("safe "))
                lastSafe = line.trimmed();

        const QList<QByteArray> parts = lastSafe.split(' ');
        QCOMPARE(parts.size(), 3);
        const QByteArray safeServer = QByteArray::fromBase64(parts[1]);
        const QByteArray safeReadme = QByteArray::fromBase64(parts[2]);
        QVERIFY(!safeServer.isEmpty());

        // What a new window on the repository is offered.
        BufferJournal journal(kRepo, root.path());
        int skipped = -1;
        const QList<JournaledBuffer> entries = journal.entries(&skipped);
        QCOMPARE(skipped, 0); // no torn file: every write was atomic
        QCOMPARE(entries.size(), safeReadme.isEmpty() ? 1 : 2);
        const JournaledBuffer &server = entries.last();
        QCOMPARE(server.path, u"src/server.js"_s);
        QVERIFY(server.content.has_value());
        // At least what was reported safe (the child may have written once more before dying).
        QVERIFY2(server.content->startsWith(safeServer), server.content->constData());
        QVERIFY(server.content->startsWith("const express = require('express');\n"));
        if (!safeReadme.isEmpty()) {
            QCOMPARE(entries.first().path, u"README.md"_s);
            QVERIFY(entries.first().isNew);
            QVERIFY(entries.first().content->startsWith(safeReadme));
        }
        QVERIFY(journal.directory().startsWith(root.path()));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--typing-child") == 0) {
        QCoreApplication app(argc, argv);
        return runTypingChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestBufferJournal test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_bufferjournal.moc"
