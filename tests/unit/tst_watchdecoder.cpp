// The watch-stream decoder and the reflector's backoff, without a network:
// what a stream of bytes (split anywhere) decodes to, and how long the
// reflector waits after failures.
#include "kube/backoff.h"
#include "kube/watchdecoder.h"

#include <QTest>

using namespace Qt::StringLiterals;
using kube::Backoff;
using kube::WatchDecoder;
using namespace std::chrono_literals;

namespace {

// What a decoded stream looks like, one token per step: "ADDED:name",
// "BOOKMARK:rv", "ERROR:code", "GARBLED", "TRUNCATED"; the end of the stream
// adds nothing when it was clean.
QStringList decodeAll(const QList<QByteArray> &chunks)
{
    WatchDecoder decoder;
    QStringList out;
    auto describe = [&](WatchDecoder::Step step, const WatchDecoder::Event &e) {
        switch (step) {
        case WatchDecoder::Step::Garbled:
            out << QStringLiteral("GARBLED");
            return;
        case WatchDecoder::Step::Truncated:
            out << QStringLiteral("TRUNCATED");
            return;
        case WatchDecoder::Step::NeedMore:
            return;
        case WatchDecoder::Step::Event:
            break;
        }
        std::string_view detail;
        if (e.type == WatchDecoder::EventType::Error) {
            int64_t code = 0;
            if (e.object["code"].get_int64().get(code))
                code = -1;
            out << WatchDecoder::typeName(e.type) + u':' + QString::number(code);
            return;
        }
        const auto field = e.type == WatchDecoder::EventType::Bookmark
                               ? e.object["metadata"]["resourceVersion"]
                               : e.object["metadata"]["name"];
        if (field.get_string().get(detail))
            detail = "?";
        out << WatchDecoder::typeName(e.type) + u':' +
                   QString::fromUtf8(detail.data(), qsizetype(detail.size()));
    };
    WatchDecoder::Event event;
    for (const QByteArray &chunk : chunks) {
        decoder.feed(chunk);
        for (;;) {
            const auto step = decoder.next(&event);
            if (step == WatchDecoder::Step::NeedMore)
                break;
            describe(step, event);
        }
    }
    for (;;) {
        const auto step = decoder.finish(&event);
        if (step == WatchDecoder::Step::NeedMore)
            break;
        describe(step, event);
    }
    return out;
}

QByteArray pod(const char *type, const char *name, int rv)
{
    return QByteArray("{\"type\":\"") + type +
           "\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + name +
           "\",\"namespace\":\"students\",\"resourceVersion\":\"" + QByteArray::number(rv) +
           "\"},\"status\":{\"phase\":\"Running\"}}}\n";
}

const QByteArray kBookmark = "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
                             "\"metadata\":{\"resourceVersion\":\"777\"}}}\n";
const QByteArray kGone =
    "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":"
    "\"Failure\","
    "\"message\":\"too old resource version: 5 (900)\",\"reason\":\"Expired\",\"code\":410}}\n";

// Every way of cutting `bytes` in two.
QList<QList<QByteArray>> allSplits(const QByteArray &bytes)
{
    QList<QList<QByteArray>> out;
    for (qsizetype i = 0; i <= bytes.size(); ++i)
        out.append({bytes.left(i), bytes.mid(i)});
    return out;
}

} // namespace

class TestWatchDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("expected");
        const QByteArray a = pod("ADDED", "alice", 10);
        const QByteArray m = pod("MODIFIED", "alice", 11);
        const QByteArray d = pod("DELETED", "alice", 12);

        QTest::newRow("one event") << QList<QByteArray>{a} << QStringList{u"ADDED:alice"_s};
        QTest::newRow("three events in one chunk")
            << QList<QByteArray>{a + m + d}
            << QStringList{u"ADDED:alice"_s, u"MODIFIED:alice"_s, u"DELETED:alice"_s};
        QList<QByteArray> bytewise;
        const QByteArray both = a + m;
        for (const char c : both)
            bytewise.append(QByteArray(1, c));
        QTest::newRow("byte by byte") << bytewise << QStringList{u"ADDED:alice"_s, u"MODIFIED:alice"_s};
        QTest::newRow("bookmark") << QList<QByteArray>{kBookmark} << QStringList{u"BOOKMARK:777"_s};
        QTest::newRow("410 error event")
            << QList<QByteArray>{a, kGone} << QStringList{u"ADDED:alice"_s, u"ERROR:410"_s};
        QTest::newRow("blank lines and CRLF") << QList<QByteArray>{"\n\r\n" + a.chopped(1) + "\r\n\n  \n" + m}
                                              << QStringList{u"ADDED:alice"_s, u"MODIFIED:alice"_s};
        QTest::newRow("last event without newline")
            << QList<QByteArray>{a, m.chopped(1)} << QStringList{u"ADDED:alice"_s, u"MODIFIED:alice"_s};
        QTest::newRow("empty stream") << QList<QByteArray>{} << QStringList{};
        QTest::newRow("only whitespace") << QList<QByteArray>{"  \n\n \r\n"} << QStringList{};

        // Cut off: the connection dropped inside an event.
        QTest::newRow("truncated mid-object")
            << QList<QByteArray>{a, m.left(40)} << QStringList{u"ADDED:alice"_s, u"TRUNCATED"_s};
        QTest::newRow("truncated after type")
            << QList<QByteArray>{"{\"type\":\"ADDED\""} << QStringList{u"TRUNCATED"_s};
        QTest::newRow("truncated mid-string")
            << QList<QByteArray>{a.left(a.indexOf("alice") + 2)} << QStringList{u"TRUNCATED"_s};

        // Garbled: complete lines that are not watch events; what follows still decodes.
        QTest::newRow("not json") << QList<QByteArray>{"this is not json\n" + a}
                                  << QStringList{u"GARBLED"_s, u"ADDED:alice"_s};
        QTest::newRow("half an event then a newline")
            << QList<QByteArray>{a.left(50) + "\n" + m} << QStringList{u"GARBLED"_s, u"MODIFIED:alice"_s};
        QTest::newRow("two events glued on one line")
            << QList<QByteArray>{a.chopped(1) + m} << QStringList{u"GARBLED"_s};
        QTest::newRow("no type") << QList<QByteArray>{"{\"object\":{\"metadata\":{\"name\":\"x\"}}}\n"}
                                 << QStringList{u"GARBLED"_s};
        QTest::newRow("type not a string")
            << QList<QByteArray>{"{\"type\":1,\"object\":{}}\n"} << QStringList{u"GARBLED"_s};
        QTest::newRow("no object") << QList<QByteArray>{"{\"type\":\"ADDED\"}\n"}
                                   << QStringList{u"GARBLED"_s};
        QTest::newRow("object is an array")
            << QList<QByteArray>{"{\"type\":\"ADDED\",\"object\":[]}\n"} << QStringList{u"GARBLED"_s};
        QTest::newRow("unknown type") << QList<QByteArray>{"{\"type\":\"UPDATED\",\"object\":{}}\n" + a}
                                      << QStringList{u"GARBLED"_s, u"ADDED:alice"_s};
        QTest::newRow("array line") << QList<QByteArray>{"[1,2,3]\n"} << QStringList{u"GARBLED"_s};
        QTest::newRow("invalid utf-8")
            << QList<QByteArray>{"{\"type\":\"ADDED\",\"object\":{\"a\":\"\xff\xfe\"}}\n"}
            << QStringList{u"GARBLED"_s};
        QTest::newRow("NUL inside") << QList<QByteArray>{QByteArray("{\"type\":\"ADD\0ED\",\"object\":{}}\n",
                                                                    30)}
                                    << QStringList{u"GARBLED"_s};
    }

    void decode()
    {
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, expected);
        QCOMPARE(decodeAll(chunks), expected);
    }

    // However the network cuts the bytes, the same events come out.
    void everySplitDecodesAlike()
    {
        const QByteArray stream = pod("ADDED", "bob", 1) + kBookmark + pod("MODIFIED", "bob", 2) + kGone;
        const QStringList expected{u"ADDED:bob"_s, u"BOOKMARK:777"_s, u"MODIFIED:bob"_s, u"ERROR:410"_s};
        for (const auto &split : allSplits(stream))
            QCOMPARE(decodeAll(split), expected);
    }

    // A large stream goes through without quadratic copying or lost events.
    void manyEvents()
    {
        WatchDecoder decoder;
        QByteArray chunk;
        for (int i = 0; i < 2000; ++i)
            chunk += pod("MODIFIED", "pod", i);
        int events = 0;
        WatchDecoder::Event e;
        for (int round = 0; round < 10; ++round) {
            // Cut the chunk off-line so every round carries a partial event over.
            decoder.feed(chunk.left(chunk.size() / 3));
            while (decoder.next(&e) == WatchDecoder::Step::Event)
                ++events;
            decoder.feed(chunk.mid(chunk.size() / 3));
            while (decoder.next(&e) == WatchDecoder::Step::Event)
                ++events;
        }
        QCOMPARE(events, 20000);
        QCOMPARE(decoder.bufferedBytes(), 0);
    }

    // client-go's reflector backoff: 800 ms doubling to 30 s, jitter up to +100 %.
    void backoffGrowsToTheCap()
    {
        Backoff b;
        b.setRandom([] { return 0.0; });
        qint64 now = 0;
        b.setClock([&now] { return now; });
        QList<qint64> waits;
        for (int i = 0; i < 8; ++i) {
            waits << b.next().count();
            now += 1000;
        }
        QCOMPARE(waits, (QList<qint64>{800, 1600, 3200, 6400, 12800, 25600, 30000, 30000}));
        QCOMPARE(b.failures(), 8);
    }

    void backoffJitter()
    {
        Backoff b;
        qint64 now = 0;
        b.setClock([&now] { return now; });
        b.setRandom([] { return 0.999; });
        QCOMPARE(b.next().count(), 1599); // 800 * (1 + 0.999)
        b.setRandom([] { return 0.5; });
        QCOMPARE(b.next().count(), 2400); // 1600 * 1.5
    }

    void backoffResetsAfterQuiet()
    {
        Backoff b;
        b.setRandom([] { return 0.0; });
        qint64 now = 0;
        b.setClock([&now] { return now; });
        b.next();
        b.next();
        now += 60000;
        QCOMPARE(b.next().count(), 3200); // a minute is not quiet enough
        now += 120001;
        QCOMPARE(b.next().count(), 800); // two minutes without a failure start over
        QCOMPARE(b.failures(), 1);
    }

    void backoffHonoursRetryAfter()
    {
        Backoff b;
        b.setRandom([] { return 0.0; });
        b.setClock([] { return qint64(0); });
        QCOMPARE(b.next(5).count(), 5000); // the server asks for longer than the backoff
        QCOMPARE(b.next(1).count(), 1600); // the backoff is longer than the server asks
        QCOMPARE(b.next(0).count(), 3200);
    }
};

QTEST_APPLESS_MAIN(TestWatchDecoder)
#include "tst_watchdecoder.moc"
