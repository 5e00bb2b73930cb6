// The log viewer's model at the size issue 6 asks for: 1,000,000 lines
// appended in stream-sized batches, the memory they take, and search for a
// rare and a common term, beside a reference measured in the same run (the
// same lines as a QStringList, searched with QString::contains). Prints the
// figures; fails only when the answers differ, never on time.
#include "logmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kLines = 1'000'000;
constexpr int kBatch = 500;

qint64 residentBytes()
{
    QFile f(u"/proc/self/statm"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 : 0;
}

// A node app's log: requests, some warnings, a rare failure.
QByteArray line(int i)
{
    static const char *paths[] = {"/", "/api/notes", "/style.css", "/favicon.ico", "/api/notes/17"};
    static const char *methods[] = {"GET", "GET", "GET", "POST", "DELETE"};
    const qint64 ns = 1'790'000'000'000'000'000LL + qint64(i) * 1'234'567;
    const qint64 s = ns / 1'000'000'000LL;
    QByteArray out = LogModel::formatTimestamp(ns).toLatin1();
    Q_UNUSED(s)
    out += ' ';
    if (i % 100'000 == 99'999) {
        out += "Error: ECONNRESET upstream hung up while reading request ";
        out += QByteArray::number(i);
        return out;
    }
    if (i % 10 == 3) {
        out += "warn: slow response ";
        out += QByteArray::number(200 + i % 700);
        out += " ms for ";
        out += paths[i % 5];
        return out;
    }
    out += methods[i % 5];
    out += ' ';
    out += paths[(i / 5) % 5];
    out += " 200 ";
    out += QByteArray::number(i % 97);
    out += " ms user-agent=Mozilla/5.0 request-id=";
    out += QByteArray::number(qint64(i) * 2654435761LL % 1000000007LL, 16);
    return out;
}

template<typename F> double medianMs(int runs, F &&f)
{
    QList<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        f();
        times << double(t.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("bench_logview: %d log lines (node app requests, timestamps on), batches of %d\n", kLines,
                kBatch);

    // The stream's text, prepared up front so only the model is timed.
    QList<QByteArray> batches;
    qint64 textBytes = 0;
    for (int i = 0; i < kLines; i += kBatch) {
        QByteArray batch;
        for (int j = i; j < std::min(kLines, i + kBatch); ++j) {
            batch += line(j);
            batch += '\n';
        }
        textBytes += batch.size();
        batches << batch;
    }

    LogModel model;
    model.setMaxLines(kLines);
    const qint64 rssBefore = residentBytes();
    QElapsedTimer clock;
    clock.start();
    for (const QByteArray &batch : std::as_const(batches))
        model.appendText(batch, true);
    const double appendMs = double(clock.nsecsElapsed()) / 1e6;
    const qint64 rssModel = residentBytes() - rssBefore;
    if (model.rowCount() != kLines) {
        std::printf("FAIL: the model holds %d lines, not %d\n", model.rowCount(), kLines);
        return 1;
    }

    // The reference: the same lines (without timestamps) as a QStringList.
    const qint64 rssBeforeList = residentBytes();
    QStringList reference;
    reference.reserve(kLines);
    clock.restart();
    for (int i = 0; i < kLines; ++i)
        reference << QString::fromUtf8(model.lineBytes(i));
    const double listMs = double(clock.nsecsElapsed()) / 1e6;
    const qint64 rssList = residentBytes() - rssBeforeList;

    std::printf("\nappend 1,000,000 lines:  %8.1f ms  (%.2f M lines/s, %.1f MB of log text)\n", appendMs,
                kLines / appendMs / 1000.0, double(textBytes) / 1e6);
    std::printf("  reference, building the QStringList: %8.1f ms\n", listMs);
    std::printf(
        "memory held by the model: %8.1f MB (buffer+offsets+timestamps, %.1f bytes/line; RSS grew %.1f MB)\n",
        double(model.memoryBytes()) / 1e6, double(model.memoryBytes()) / kLines, double(rssModel) / 1e6);
    std::printf("  reference, QStringList of the same lines: RSS grew %.1f MB\n", double(rssList) / 1e6);
    std::printf("target: holds 1,000,000 lines -> %s\n", model.rowCount() == kLines ? "yes" : "NO");

    bool ok = true;
    std::printf("\nsearch (case-insensitive)     model    reference (QStringList)   matches   target\n");
    for (const QString &needle : {u"econnreset"_s, u"slow response"_s, u"get /api"_s, u"no such text"_s}) {
        QList<int> found;
        const double modelMs = medianMs(5, [&] { found = model.search(needle); });
        QList<int> expected;
        const double refMs = medianMs(3, [&] {
            expected.clear();
            for (int i = 0; i < reference.size(); ++i) {
                if (reference.at(i).contains(needle, Qt::CaseInsensitive))
                    expected << i;
            }
        });
        if (found != expected) {
            std::printf("FAIL: '%s' found %lld rows, the reference %lld\n", qPrintable(needle),
                        qlonglong(found.size()), qlonglong(expected.size()));
            ok = false;
        }
        std::printf("  %-24s %8.1f ms  %8.1f ms (%5.1fx)    %8lld   < 100 ms: %s\n",
                    qPrintable(u'\'' + needle + u'\''), modelMs, refMs, refMs / std::max(0.001, modelMs),
                    qlonglong(found.size()), modelMs < 100 ? "met" : "MISSED");
    }

    // Ring-style bound: a 200,000-line view fed the million keeps the newest.
    LogModel bounded;
    clock.restart();
    for (const QByteArray &batch : std::as_const(batches))
        bounded.appendText(batch, true);
    const double boundedMs = double(clock.nsecsElapsed()) / 1e6;
    std::printf("\nbounded at %lld lines: appended 1,000,000 in %.1f ms, holds %d, dropped %lld, %.1f MB\n",
                qlonglong(LogModel::DefaultMaxLines), boundedMs, bounded.rowCount(),
                qlonglong(bounded.droppedLines()), double(bounded.memoryBytes()) / 1e6);
    if (bounded.rowCount() != LogModel::DefaultMaxLines ||
        bounded.lineText(bounded.rowCount() - 1) != QString::fromUtf8(model.lineBytes(kLines - 1))) {
        std::printf("FAIL: the bounded model does not hold the newest lines\n");
        ok = false;
    }
    return ok ? 0 : 1;
}
