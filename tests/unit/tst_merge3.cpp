#include "course/merge3.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using course::ConflictPick;
using course::DiffHunk;
using course::MergeChunk;

namespace {

QString conflict(int n, const QString &ours, const QString &theirs)
{
    return u"<<<<<<< ours (conflict "_s + QString::number(n) + u")\n"_s + ours + u"=======\n"_s + theirs +
           u">>>>>>> theirs (conflict "_s + QString::number(n) + u")\n"_s;
}

// Applies hunks to `oldLines`; must give `newLines` back.
QStringList apply(const QStringList &oldLines, const QStringList &newLines, const QList<DiffHunk> &hunks)
{
    QStringList out;
    int at = 0;
    for (const DiffHunk &h : hunks) {
        out += oldLines.mid(at, h.oldStart - at);
        out += newLines.mid(h.newStart, h.newCount);
        at = h.oldStart + h.oldCount;
    }
    out += oldLines.mid(at);
    return out;
}

QString randomText(QRandomGenerator &rng, int lines)
{
    QString s;
    for (int i = 0; i < lines; ++i)
        s += QChar(u'a' + int(rng.bounded(6))) + u"\n"_s;
    return s;
}

// A copy of `text` with a few lines changed, deleted or inserted.
QString randomEdit(QRandomGenerator &rng, const QString &text)
{
    QStringList lines = course::splitLines(text);
    const int edits = 1 + int(rng.bounded(4));
    for (int e = 0; e < edits; ++e) {
        const int at = int(rng.bounded(int(lines.size()) + 1));
        switch (rng.bounded(3)) {
        case 0:
            lines.insert(at, QChar(u'p' + int(rng.bounded(4))) + u"\n"_s);
            break;
        case 1:
            if (at < lines.size())
                lines.removeAt(at);
            break;
        default:
            if (at < lines.size())
                lines[at] = QChar(u'v' + int(rng.bounded(4))) + u"\n"_s;
        }
    }
    return lines.join(QString());
}

} // namespace

class TestMerge3 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitKeepsTerminators()
    {
        QCOMPARE(course::splitLines(u"a\nb\r\nc"_s), (QStringList{u"a\n"_s, u"b\r\n"_s, u"c"_s}));
        QCOMPARE(course::splitLines(QString()), QStringList());
        QCOMPARE(course::splitLines(u"\n\n"_s), (QStringList{u"\n"_s, u"\n"_s}));
    }

    void diffFindsTheShortestScript()
    {
        const QStringList a = course::splitLines(u"a\nb\nc\nd\ne\n"_s);
        const QStringList b = course::splitLines(u"a\nX\nc\nd\ne\nf\n"_s);
        const QList<DiffHunk> hunks = course::diffLines(a, b);
        QCOMPARE(hunks, (QList<DiffHunk>{{1, 1, 1, 1}, {5, 0, 5, 1}}));
        QCOMPARE(course::diffLines(a, a), QList<DiffHunk>());
        QCOMPARE(course::diffLines({}, b), (QList<DiffHunk>{{0, 0, 0, int(b.size())}}));
        QCOMPARE(course::diffLines(a, {}), (QList<DiffHunk>{{0, int(a.size()), 0, 0}}));
    }

    void diffRoundTripsRandomEdits()
    {
        QRandomGenerator rng(7);
        for (int round = 0; round < 400; ++round) {
            const QString base = randomText(rng, int(rng.bounded(30)));
            const QString edited = randomEdit(rng, base);
            const QStringList a = course::splitLines(base);
            const QStringList b = course::splitLines(edited);
            const QList<DiffHunk> hunks = course::diffLines(a, b);
            QCOMPARE(apply(a, b, hunks), b);
            for (qsizetype i = 1; i < hunks.size(); ++i)
                QVERIFY2(hunks[i].oldStart > hunks[i - 1].oldStart + hunks[i - 1].oldCount, "hunks touch");
            // Minimal: never more changed lines than replacing everything.
            int changed = 0;
            for (const DiffHunk &h : hunks)
                changed += h.oldCount + h.newCount;
            QVERIFY(changed <= a.size() + b.size());
        }
    }

    void unrelatedTextsStayBounded()
    {
        // Far past the edit-distance bound: one hunk replaces everything.
        QStringList a, b;
        for (int i = 0; i < 6000; ++i) {
            a << u"old %1\n"_s.arg(i);
            b << u"new %1\n"_s.arg(i);
        }
        a << u"same\n"_s;
        b << u"same\n"_s;
        const QList<DiffHunk> hunks = course::diffLines(a, b);
        QCOMPARE(hunks, (QList<DiffHunk>{{0, 6000, 0, 6000}}));
        QCOMPARE(apply(a, b, hunks), b);
    }

    void merge_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("ours");
        QTest::addColumn<QString>("theirs");
        QTest::addColumn<QString>("merged");
        QTest::addColumn<int>("conflicts");

        QTest::newRow("nobody changed") << u"a\nb\n"_s << u"a\nb\n"_s << u"a\nb\n"_s << u"a\nb\n"_s << 0;
        QTest::newRow("only ours") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s
                                   << 0;
        QTest::newRow("only theirs") << u"a\nb\nc\n"_s << u"a\nb\nc\n"_s << u"a\nb\nC\n"_s << u"a\nb\nC\n"_s
                                     << 0;
        QTest::newRow("both same change")
            << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"a\nB\nc\n"_s << u"a\nB\nc\n"_s << 0;
        QTest::newRow("far apart") << u"a\nb\nc\nd\ne\n"_s << u"A\nb\nc\nd\ne\n"_s << u"a\nb\nc\nd\nE\n"_s
                                   << u"A\nb\nc\nd\nE\n"_s << 0;
        QTest::newRow("one line between")
            << u"a\nb\nc\nd\n"_s << u"a\nB\nc\nd\n"_s << u"a\nb\nc\nD\n"_s << u"a\nB\nc\nD\n"_s << 0;
        // git's rule: edits to touching lines conflict.
        QTest::newRow("adjacent edits") << u"a\nb\nc\n"_s << u"a\nB\nc\n"_s << u"a\nb\nC\n"_s
                                        << u"a\n"_s + conflict(1, u"B\nc\n"_s, u"b\nC\n"_s) << 1;
        QTest::newRow("ours deletes") << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nb\nc\n"_s << u"a\nc\n"_s << 0;
        QTest::newRow("theirs deletes, ours edits elsewhere")
            << u"a\nb\nc\nd\ne\n"_s << u"A\nb\nc\nd\ne\n"_s << u"a\nb\nc\nd\n"_s << u"A\nb\nc\nd\n"_s << 0;
        QTest::newRow("delete against edit") << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nB\nc\n"_s
                                             << u"a\n"_s + conflict(1, QString(), u"B\n"_s) + u"c\n"_s << 1;
        QTest::newRow("both delete the same")
            << u"a\nb\nc\n"_s << u"a\nc\n"_s << u"a\nc\n"_s << u"a\nc\n"_s << 0;
        QTest::newRow("both add at end, differently")
            << u"a\n"_s << u"a\nb\n"_s << u"a\nc\n"_s << u"a\n"_s + conflict(1, u"b\n"_s, u"c\n"_s) << 1;
        QTest::newRow("both add at end, the same")
            << u"a\n"_s << u"a\nb\n"_s << u"a\nb\n"_s << u"a\nb\n"_s << 0;
        QTest::newRow("start and end")
            << u"m\nn\no\n"_s << u"s\nm\nn\no\n"_s << u"m\nn\no\ne\n"_s << u"s\nm\nn\no\ne\n"_s << 0;
        QTest::newRow("no newline at end, ours appends")
            << u"a\nb\nc"_s << u"a\nb\nc\nd"_s << u"A\nb\nc"_s << u"A\nb\nc\nd"_s << 0;
        QTest::newRow("no newline at end, conflict")
            << u"a\nb"_s << u"a\nB"_s << u"a\nC"_s << u"a\n"_s + conflict(1, u"B\n"_s, u"C\n"_s) << 1;
        QTest::newRow("empty base, one side adds")
            << QString() << u"x\ny\n"_s << QString() << u"x\ny\n"_s << 0;
        QTest::newRow("empty base, both add")
            << QString() << u"x\n"_s << u"y\n"_s << conflict(1, u"x\n"_s, u"y\n"_s) << 1;
        QTest::newRow("two conflicts numbered")
            << u"a\nb\nc\nd\ne\n"_s << u"A1\nb\nc\nd\nE1\n"_s << u"A2\nb\nc\nd\nE2\n"_s
            << conflict(1, u"A1\n"_s, u"A2\n"_s) + u"b\nc\nd\n"_s + conflict(2, u"E1\n"_s, u"E2\n"_s) << 2;
        QTest::newRow("CRLF kept") << u"a\r\nb\r\nc\r\n"_s << u"A\r\nb\r\nc\r\n"_s << u"a\r\nb\r\nC\r\n"_s
                                   << u"A\r\nb\r\nC\r\n"_s << 0;
        QTest::newRow("student fixed typo, TA added route")
            << u"const app = express();\napp.get('/', hello);\napp.lisen(port);\n"_s
            << u"const app = express();\napp.get('/', hello);\napp.get('/health', ok);\napp.lisen(port);\n"_s
            << u"const app = express();\napp.get('/', hello);\napp.listen(port);\n"_s
            << u"const app = express();\napp.get('/', hello);\n"_s +
                   conflict(1, u"app.get('/health', ok);\napp.lisen(port);\n"_s, u"app.listen(port);\n"_s)
            << 1;
    }

    void merge()
    {
        QFETCH(QString, base);
        QFETCH(QString, ours);
        QFETCH(QString, theirs);
        QFETCH(QString, merged);
        QFETCH(int, conflicts);
        const course::Merge3Result result = course::merge3(base, ours, theirs);
        QCOMPARE(result.text(), merged);
        QCOMPARE(result.conflictCount(), conflicts);
        QCOMPARE(result.isClean(), conflicts == 0);
        // Swapping sides swaps the markers' contents but finds the same conflicts.
        QCOMPARE(course::merge3(base, theirs, ours).conflictCount(), conflicts);
        // The chunks cover each version exactly.
        QString b, o, t;
        for (const MergeChunk &c : result.chunks) {
            b += c.base.join(QString());
            o += c.ours.join(QString());
            t += c.theirs.join(QString());
        }
        QCOMPARE(b, base);
        QCOMPARE(o, ours);
        QCOMPARE(t, theirs);
    }

    void oneSidedMergesAreTheEdit()
    {
        QRandomGenerator rng(11);
        for (int round = 0; round < 300; ++round) {
            const QString base = randomText(rng, int(rng.bounded(25)));
            const QString edited = randomEdit(rng, base);
            QCOMPARE(course::merge3(base, edited, base).text(), edited);
            QCOMPARE(course::merge3(base, base, edited).text(), edited);
            QCOMPARE(course::merge3(base, edited, edited).text(), edited);
            QVERIFY(course::merge3(base, edited, edited).isClean());
        }
    }

    void chunkLineNumbersPointIntoEachVersion()
    {
        const auto r = course::merge3(u"a\nb\nc\nd\n"_s, u"a\nx\ny\nb\nc\nd\n"_s, u"a\nb\nc\nZ\n"_s);
        QVERIFY(r.isClean());
        QCOMPARE(r.text(), u"a\nx\ny\nb\nc\nZ\n"_s);
        const MergeChunk &last = r.chunks.last();
        QCOMPARE(last.kind, MergeChunk::Kind::Theirs);
        QCOMPARE(last.baseLine, 3);
        QCOMPARE(last.oursLine, 5);
        QCOMPARE(last.theirsLine, 3);
    }

    void resolvingBlocks()
    {
        const auto r = course::merge3(u"a\nb\nc\nd\ne\n"_s, u"A1\nb\nc\nd\nE1\n"_s, u"A2\nb\nc\nd\nE2\n"_s);
        QStringList lines = course::splitLines(r.text());
        QList<course::ConflictBlock> blocks = course::findConflictBlocks(lines);
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[0].number, 1);
        QCOMPARE(blocks[1].number, 2);
        lines = course::resolveConflictBlock(lines, blocks[1], ConflictPick::TheirsThenOurs);
        blocks = course::findConflictBlocks(lines);
        QCOMPARE(blocks.size(), 1);
        lines = course::resolveConflictBlock(lines, blocks[0], ConflictPick::Ours);
        QCOMPARE(course::findConflictBlocks(lines).size(), 0);
        QCOMPARE(lines.join(QString()), u"A1\nb\nc\nd\nE2\nE1\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestMerge3)
#include "tst_merge3.moc"
