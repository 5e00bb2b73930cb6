// The GitHub client's pure parts, with no server: the request governor on a
// simulated clock (concurrency, write spacing, sliding windows, the primary
// limit), the wording of errors, Link headers and Co-authored-by trailers.

#include "github/githuberror.h"
#include "github/githubjson.h"
#include "github/rategovernor.h"

#include <QTest>
#include <deque>

using namespace github;
using namespace Qt::StringLiterals;

class TestGithubGovernor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void concurrencyAndWrites();
    void spacingAndWindows();
    void scheduleStaysInsideTheWindows();
    void primaryLimitHoldsEverything();
    void errorMessages_data();
    void errorMessages();
    void linkHeader();
    void coAuthors();
};

void TestGithubGovernor::concurrencyAndWrites()
{
    qint64 now = 1000000;
    GovernorLimits limits;
    limits.maxConcurrent = 4;
    limits.maxWritesInFlight = 1;
    RateGovernor g(limits);
    g.setClock([&now] { return now; });
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(g.waitBefore(false, false), 0);
        g.started(false, false);
    }
    QCOMPARE(g.waitBefore(false, false), -1); // a fifth waits for one to finish
    g.finished(false);
    QCOMPARE(g.waitBefore(true, true), 0);
    g.started(true, true);
    QCOMPARE(g.waitBefore(true, false), -1);  // writes one at a time
    QCOMPARE(g.waitBefore(false, false), -1); // and the write took the last slot
    g.finished(true);
    QCOMPARE(g.inFlight(), 3);
}

void TestGithubGovernor::spacingAndWindows()
{
    qint64 now = 0;
    GovernorLimits limits; // GitHub's: 80 a minute, 500 an hour
    RateGovernor g(limits);
    g.setClock([&now] { return now; });
    QCOMPARE(g.waitBefore(true, true), 0);
    g.started(true, true);
    g.finished(true);
    const qint64 spacing = qint64(std::ceil(g.contentSpacingMs()));
    QVERIFY(spacing >= 750); // a minute over 80, plus the margin
    QCOMPARE(g.waitBefore(true, true), spacing);
    QCOMPARE(g.waitBefore(false, false), 0); // reads are not spaced
    QCOMPARE(g.waitBefore(true, false), 0);  // nor writes that create nothing
    QVERIFY(qAbs(g.contentRatePerSecond() - 500.0 / 3600.0) < 1e-9);
}

void TestGithubGovernor::scheduleStaysInsideTheWindows()
{
    // 1,000 creations on a simulated clock: no window ever holds more than its
    // limit, and the run ends close to the fastest schedule the limits allow.
    qint64 now = 0;
    GovernorLimits limits;
    limits.minuteMs = 2000;
    limits.hourMs = 30000;
    limits.safetyMargin = 0.01;
    limits.safetyMarginMs = 200;
    RateGovernor g(limits);
    g.setClock([&now] { return now; });
    std::vector<qint64> starts;
    while (starts.size() < 1000) {
        const qint64 wait = g.waitBefore(true, true);
        QVERIFY(wait >= 0);
        now += wait;
        g.started(true, true);
        starts.push_back(now);
        now += 5; // the answer
        g.finished(true);
    }
    for (size_t i = 80; i < starts.size(); ++i)
        QVERIFY2(starts[i] - starts[i - 80] >= limits.minuteMs, qPrintable(QString::number(i)));
    for (size_t i = 500; i < starts.size(); ++i)
        QVERIFY(starts[i] - starts[i - 500] >= limits.hourMs);
    // The fastest schedule: 80 at once per 2 s for 500, the rest 30 s later: the last at 42 s.
    const double ratio = 42000.0 / double(starts.back());
    qInfo("simulated: last start at %lld ms; the limits allow 42000 ms; ratio %.3f", starts.back(), ratio);
    QVERIFY(ratio >= 0.93);
}

void TestGithubGovernor::primaryLimitHoldsEverything()
{
    qint64 now = 1700000000000;
    RateGovernor g;
    g.setClock([&now] { return now; });
    g.notePrimary(0, 1700000060); // nothing left until a minute from now
    QCOMPARE(g.waitBefore(false, false), 61000);
    g.notePrimary(3, 1700000060); // an older answer arriving late changes nothing
    QCOMPARE(g.waitBefore(false, false), 61000);
    now += 61000;
    QCOMPARE(g.waitBefore(false, false), 0);
    g.holdUntil(now + 5000, false); // GitHub said retry-after: 5
    QCOMPARE(g.waitBefore(false, false), 5000);
}

void TestGithubGovernor::errorMessages_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("remaining");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");

    QTest::newRow("401") << 401 << QByteArray(R"({"message":"Bad credentials"})") << QByteArray("4999")
                         << QByteArray() << int(GithubError::Kind::Unauthorized)
                         << u"log in to GitHub again"_s;
    QTest::newRow("404") << 404 << QByteArray(R"({"message":"Not Found"})") << QByteArray("4999")
                         << QByteArray() << int(GithubError::Kind::NotFound)
                         << u"org/repo does not exist or this account has no access"_s;
    QTest::newRow("409") << 409 << QByteArray(R"({"message":"Git Repository is empty."})")
                         << QByteArray("4999") << QByteArray() << int(GithubError::Kind::Conflict)
                         << u"Git Repository is empty."_s;
    QTest::newRow("422")
        << 422
        << QByteArray(
               R"({"message":"Validation Failed","errors":[{"resource":"Repository","field":"name","code":"already_exists"}]})")
        << QByteArray("4999") << QByteArray() << int(GithubError::Kind::Validation)
        << u"Repository.name already_exists"_s;
    QTest::newRow("primary") << 403 << QByteArray(R"({"message":"API rate limit exceeded for user ID 1."})")
                             << QByteArray("0") << QByteArray() << int(GithubError::Kind::RateLimited)
                             << u"resets at"_s;
    QTest::newRow("secondary") << 429
                               << QByteArray(R"({"message":"You have exceeded a secondary rate limit."})")
                               << QByteArray("4000") << QByteArray("30")
                               << int(GithubError::Kind::RateLimited) << u"Wait 30 s"_s;
    QTest::newRow("forbidden") << 403 << QByteArray(R"({"message":"Resource not accessible by integration"})")
                               << QByteArray("4000") << QByteArray() << int(GithubError::Kind::Forbidden)
                               << u"Resource not accessible by integration"_s;
    QTest::newRow("502") << 502 << QByteArray("<html>Unicorn!</html>") << QByteArray() << QByteArray()
                         << int(GithubError::Kind::Server) << u"try again in a few minutes"_s;
}

void TestGithubGovernor::errorMessages()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, remaining);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, kind);
    QFETCH(QString, says);
    Headers headers;
    if (!remaining.isEmpty()) {
        headers.insert("x-ratelimit-remaining", remaining);
        headers.insert("x-ratelimit-reset", "1700000000");
    }
    if (!retryAfter.isEmpty())
        headers.insert("retry-after", retryAfter);
    const GithubError e = errorFromHttp(status, headers, body, u"read org/repo"_s, u"org/repo"_s);
    QCOMPARE(int(e.kind), kind);
    QVERIFY2(e.message.contains(says, Qt::CaseInsensitive), qPrintable(e.message));
    QVERIFY(e.message.startsWith(u"Could not read org/repo"_s));
}

void TestGithubGovernor::linkHeader()
{
    const QByteArray link =
        R"(<https://api.github.com/organizations/1/repos?per_page=100&page=2>; rel="next", )"
        R"(<https://api.github.com/organizations/1/repos?per_page=100&page=9>; rel="last")";
    QCOMPARE(linkTarget(link), u"https://api.github.com/organizations/1/repos?per_page=100&page=2"_s);
    QCOMPARE(linkTarget(link, "last"), u"https://api.github.com/organizations/1/repos?per_page=100&page=9"_s);
    QVERIFY(linkTarget(R"(<https://x/?page=1>; rel="prev")").isEmpty());
    QVERIFY(linkTarget({}).isEmpty());
}

void TestGithubGovernor::coAuthors()
{
    const QString m = withCoAuthors(u"Fix the port\n"_s, {{u"Priya Iyer"_s, u"priya@example.org"_s, {}},
                                                          {u"Rohan Mehta"_s, u"rohan@example.org"_s, {}}});
    QCOMPARE(m, u"Fix the port\n\nCo-authored-by: Priya Iyer <priya@example.org>\n"
                "Co-authored-by: Rohan Mehta <rohan@example.org>\n"_s);
    // Already credited: not repeated.
    QCOMPARE(withCoAuthors(m, {{u"Priya Iyer"_s, u"priya@example.org"_s, {}}}), m);
}

QTEST_GUILESS_MAIN(TestGithubGovernor)
#include "tst_githubclient_governor.moc"
