// The GitHub half's line diff, unified patch and three-way merge, checked
// against git itself (git diff --no-index, git merge-file) where git is there.

#include "sandbox/githubdiff.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <vector>

using namespace sandbox;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// What git prints for the change, from the first hunk on, without the final newline.
QByteArray gitPatch(const QByteArray &oldText, const QByteArray &newText)
{
    QTemporaryDir dir;
    if (!writeFile(dir.filePath(QStringLiteral("old")), oldText) ||
        !writeFile(dir.filePath(QStringLiteral("new")), newText))
        return "cannot write files";
    QProcess git;
    git.setWorkingDirectory(dir.path());
    git.start(QStringLiteral("git"),
              {QStringLiteral("-c"), QStringLiteral("diff.indentHeuristic=false"), QStringLiteral("diff"),
               QStringLiteral("--no-index"), QStringLiteral("--no-color"), QStringLiteral("-U3"),
               QStringLiteral("old"), QStringLiteral("new")});
    git.waitForFinished(30000);
    QByteArray out = git.readAllStandardOutput();
    const qsizetype at = out.indexOf("@@");
    if (at < 0)
        return {};
    out = out.mid(at);
    if (out.endsWith('\n'))
        out.chop(1);
    return out;
}

struct GitMerge
{
    QByteArray text;
    int conflicts = -1;
};

GitMerge gitMergeFile(const QByteArray &base, const QByteArray &ours, const QByteArray &theirs)
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("base")), base);
    writeFile(dir.filePath(QStringLiteral("ours")), ours);
    writeFile(dir.filePath(QStringLiteral("theirs")), theirs);
    QProcess git;
    git.setWorkingDirectory(dir.path());
    git.start(QStringLiteral("git"),
              {QStringLiteral("merge-file"), QStringLiteral("-p"), QStringLiteral("ours"),
               QStringLiteral("base"), QStringLiteral("theirs")});
    git.waitForFinished(30000);
    return {git.readAllStandardOutput(), git.exitCode()};
}

int lcsLength(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    std::vector<std::vector<int>> t(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i) {
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            t[size_t(i)][size_t(j)] =
                a.at(i) == b.at(j) ? t[size_t(i + 1)][size_t(j + 1)] + 1
                                   : std::max(t[size_t(i + 1)][size_t(j)], t[size_t(i)][size_t(j + 1)]);
    }
    return t[0][0];
}

} // namespace

class GithubDiffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitKeepsNewlines()
    {
        QCOMPARE(splitLines("a\nb\n"), (QList<QByteArray>{"a\n", "b\n"}));
        QCOMPARE(splitLines("a\nb"), (QList<QByteArray>{"a\n", "b"}));
        QCOMPARE(splitLines(""), QList<QByteArray>());
        QVERIFY(looksBinary(QByteArray("PNG\0data", 8)));
        QVERIFY(!looksBinary("plain text\n"));
    }

    // Every hunk list, applied to the old lines, gives the new ones, and keeps
    // as many lines as the longest common subsequence: the diff is minimal.
    void diffIsMinimalAndApplies()
    {
        QRandomGenerator rng(20240506);
        for (int round = 0; round < 300; ++round) {
            QList<QByteArray> a;
            QList<QByteArray> b;
            const int n = int(rng.bounded(12));
            const int m = int(rng.bounded(12));
            for (int i = 0; i < n; ++i)
                a.append(QByteArray(1, char('a' + rng.bounded(4))) + '\n');
            for (int i = 0; i < m; ++i)
                b.append(QByteArray(1, char('a' + rng.bounded(4))) + '\n');
            const QList<LineHunk> hunks = diffLines(a, b);
            QList<QByteArray> rebuilt;
            qsizetype pos = 0;
            qsizetype kept = 0;
            for (const LineHunk &h : hunks) {
                QVERIFY(h.oldStart >= pos);
                for (; pos < h.oldStart; ++pos, ++kept)
                    rebuilt.append(a.at(pos));
                QCOMPARE(h.newStart, rebuilt.size());
                rebuilt.append(b.mid(h.newStart, h.newCount));
                pos = h.oldStart + h.oldCount;
            }
            for (; pos < a.size(); ++pos, ++kept)
                rebuilt.append(a.at(pos));
            QCOMPARE(rebuilt, b);
            QCOMPARE(int(kept), lcsLength(a, b));
        }
    }

    void patchMatchesGit_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        QTest::newRow("one line changed") << QByteArray("1 a\n2 b\n3 c\n4 d\n5 e\n6 f\n7 g\n")
                                          << QByteArray("1 a\n2 b\n3 c\n4 D\n5 e\n6 f\n7 g\n");
        QTest::newRow("two hunks") << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n")
                                   << QByteArray("1\n2x\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14x\n15\n");
        QTest::newRow("close hunks join")
            << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n") << QByteArray("1\n2x\n3\n4\n5\n6\n7x\n8\n9\n");
        QTest::newRow("no newline at end") << QByteArray("1 a\n2 b\n3 c") << QByteArray("1 a\n2 b\n3 C");
        QTest::newRow("newline added at end") << QByteArray("1 a\n2 b") << QByteArray("1 a\n2 b\n");
        QTest::newRow("new file") << QByteArray() << QByteArray("1 one\n2 two\n");
        QTest::newRow("file emptied") << QByteArray("1 one\n2 two\n") << QByteArray();
        QTest::newRow("insert at start") << QByteArray("1\n2\n3\n4\n5\n") << QByteArray("0\n1\n2\n3\n4\n5\n");
        QTest::newRow("append") << QByteArray("1\n2\n3\n4\n5\n") << QByteArray("1\n2\n3\n4\n5\n6\n");
    }

    void patchMatchesGit()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed");
        const UnifiedPatch patch = unifiedPatch(oldText, newText);
        QCOMPARE(patch.text, gitPatch(oldText, newText));
        int plus = 0;
        int minus = 0;
        for (const QByteArray &line : patch.text.split('\n')) {
            if (line.startsWith('+'))
                ++plus;
            else if (line.startsWith('-'))
                ++minus;
        }
        QCOMPARE(patch.additions, plus);
        QCOMPARE(patch.deletions, minus);
    }

    void mergeMatchesGit_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<QByteArray>("ours");
        QTest::addColumn<QByteArray>("theirs");
        QTest::addColumn<bool>("clean");
        QTest::newRow("apart") << QByteArray("1\n2\n3\n4\n5\n") << QByteArray("1\nX\n3\n4\n5\n")
                               << QByteArray("1\n2\n3\nY\n5\n") << true;
        QTest::newRow("adjacent") << QByteArray("1\n2\n3\n4\n") << QByteArray("1\nX\n3\n4\n")
                                  << QByteArray("1\n2\nY\n4\n") << false;
        QTest::newRow("same change") << QByteArray("1\n2\n3\n") << QByteArray("1\nZ\n3\n")
                                     << QByteArray("1\nZ\n3\n") << true;
        QTest::newRow("same line differently")
            << QByteArray("1\n2\n3\n") << QByteArray("1\nA\n3\n") << QByteArray("1\nB\n3\n") << false;
        QTest::newRow("insert both ends") << QByteArray("1\n2\n3\n4\n5\n") << QByteArray("0\n1\n2\n3\n4\n5\n")
                                          << QByteArray("1\n2\n3\n4\n5\n6\n") << true;
        QTest::newRow("delete and edit apart")
            << QByteArray("1\n2\n3\n4\n5\n6\n") << QByteArray("1\n3\n4\n5\n6\n")
            << QByteArray("1\n2\n3\n4\n5\nsix\n") << true;
        QTest::newRow("one side only")
            << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QByteArray("a\nb\nc\n") << true;
    }

    void mergeMatchesGit()
    {
        QFETCH(QByteArray, base);
        QFETCH(QByteArray, ours);
        QFETCH(QByteArray, theirs);
        QFETCH(bool, clean);
        const LineMerge merged = mergeLines(base, ours, theirs);
        QCOMPARE(merged.clean(), clean);
        if (!clean) {
            QVERIFY(merged.text.contains("<<<<<<< ours\n"));
            QVERIFY(merged.text.contains("\n=======\n"));
            QVERIFY(merged.text.contains(">>>>>>> theirs\n"));
        }
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed");
        const GitMerge git = gitMergeFile(base, ours, theirs);
        QCOMPARE(git.conflicts == 0, clean);
        if (clean)
            QCOMPARE(merged.text, git.text);
    }
};

int runGithubDiffTests(int argc, char **argv)
{
    GithubDiffTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_githubdiff.moc"
