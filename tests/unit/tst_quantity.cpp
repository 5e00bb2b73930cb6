#include "kube/quantity.h"

#include <QTest>

class TestQuantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("milli");
        QTest::newRow("millicores") << QStringLiteral("250m") << true << qint64(250);
        QTest::newRow("decimal cores") << QStringLiteral("0.5") << true << qint64(500);
        QTest::newRow("whole cores") << QStringLiteral("2") << true << qint64(2000);
        QTest::newRow("mebibytes") << QStringLiteral("64Mi") << true << qint64(64LL * 1024 * 1024 * 1000);
        QTest::newRow("gibibytes") << QStringLiteral("1Gi") << true << qint64(1024LL * 1024 * 1024 * 1000);
        QTest::newRow("megabytes") << QStringLiteral("1M") << true << qint64(1000LL * 1000 * 1000);
        QTest::newRow("kilo") << QStringLiteral("2k") << true << qint64(2000LL * 1000);
        QTest::newRow("exponent") << QStringLiteral("3e3") << true << qint64(3000LL * 1000);
        QTest::newRow("nanocores round up") << QStringLiteral("345678n") << true << qint64(1);
        QTest::newRow("micro") << QStringLiteral("1500u") << true << qint64(2);
        QTest::newRow("bad suffix") << QStringLiteral("64MB") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("no digits") << QStringLiteral("Mi") << false << qint64(0);
        QTest::newRow("words") << QStringLiteral("lots") << false << qint64(0);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, milli);
        const auto q = kube::Quantity::parse(text);
        QCOMPARE(q.has_value(), valid);
        if (valid)
            QCOMPARE(q->milliValue(), milli);
    }

    void format()
    {
        QCOMPARE(kube::Quantity::parse(u"250m")->toCpuString(), QStringLiteral("250m"));
        QCOMPARE(kube::Quantity::parse(u"2")->toCpuString(), QStringLiteral("2"));
        QCOMPARE(kube::Quantity::parse(u"64Mi")->toMemoryString(), QStringLiteral("64Mi"));
        QCOMPARE(kube::Quantity::parse(u"1024Mi")->toMemoryString(), QStringLiteral("1Gi"));
        QCOMPARE(kube::Quantity::parse(u"1500")->toMemoryString(), QStringLiteral("1500"));
    }
};

QTEST_APPLESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
