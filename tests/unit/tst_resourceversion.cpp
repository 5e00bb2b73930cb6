// The compact resourceVersion the object caches keep: whatever the server sent
// comes back unchanged, decimal revisions cost no heap, and copies, moves and
// comparisons behave as they would for the text.
#include "kube/resourceversion.h"

#include <QTest>
#include <utility>

using kube::ResourceVersion;
using namespace Qt::StringLiterals;

class TestResourceVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("compact");
        QTest::newRow("etcd revision") << u"482113"_s << true;
        QTest::newRow("zero") << u"0"_s << true;
        QTest::newRow("18 digits") << u"999999999999999999"_s << true;
        QTest::newRow("19 digits") << u"1000000000000000000"_s << false;
        QTest::newRow("leading zero") << u"007"_s << false;
        QTest::newRow("opaque text") << u"abc-123"_s << false;
        QTest::newRow("sign") << u"-5"_s << false;
        QTest::newRow("non-ASCII digit") << u"12\u0663"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(bool, compact);
        const ResourceVersion rv(text);
        QCOMPARE(rv.toString(), text);
        QCOMPARE(rv.isCompact(), compact);
        QCOMPARE(rv.isEmpty(), text.isEmpty());
        QVERIFY(rv == ResourceVersion(text));
        QVERIFY(!(rv != ResourceVersion(text)));
    }

    void compares_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same number") << u"12"_s << u"12"_s << true;
        QTest::newRow("other number") << u"12"_s << u"13"_s << false;
        QTest::newRow("same value, other text") << u"12"_s << u"012"_s << false;
        QTest::newRow("same text") << u"x1"_s << u"x1"_s << true;
        QTest::newRow("other text") << u"x1"_s << u"x2"_s << false;
        QTest::newRow("empty and zero") << QString() << u"0"_s << false;
        QTest::newRow("empty and text") << QString() << u"x"_s << false;
        QTest::newRow("both empty") << QString() << QString() << true;
    }

    void compares()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, equal);
        QCOMPARE(ResourceVersion(a) == ResourceVersion(b), equal);
        QCOMPARE(ResourceVersion(b) == ResourceVersion(a), equal);
        QCOMPARE(ResourceVersion(a) != ResourceVersion(b), !equal);
    }

    // Copies and moves of text ones own their text (ASan catches a double free or leak).
    void copiesAndMoves()
    {
        ResourceVersion text(u"opaque"_s);
        ResourceVersion number(u"42"_s);
        ResourceVersion copy(text);
        QCOMPARE(copy.toString(), u"opaque"_s);
        copy = number;
        QCOMPARE(copy.toString(), u"42"_s);
        copy = text;
        const ResourceVersion &same = copy;
        copy = same; // self-assignment keeps it
        QCOMPARE(copy.toString(), u"opaque"_s);
        ResourceVersion moved(std::move(copy));
        QCOMPARE(moved.toString(), u"opaque"_s);
        number = std::move(moved);
        QCOMPARE(number.toString(), u"opaque"_s);
        QCOMPARE(text.toString(), u"opaque"_s);
        ResourceVersion assigned;
        assigned = u"77"_s; // a QString assigns, as the parsers do
        QVERIFY(assigned.isCompact());
        QCOMPARE(assigned.toString(), u"77"_s);
        QCOMPARE(sizeof(ResourceVersion), sizeof(void *));
    }
};

QTEST_APPLESS_MAIN(TestResourceVersion)
#include "tst_resourceversion.moc"
