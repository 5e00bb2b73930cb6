#include "course/roster.h"

#include <QTest>

using course::Diagnostic;
using course::Diagnostics;
using course::Roster;

class TestRoster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csv()
    {
        Diagnostics d;
        const Roster r = Roster::parse("login,name,email,cohort\n"
                                       "octocat,Mona Lisa,mona@example.org,morning\r\n"
                                       "\n"
                                       "# a comment\n"
                                       "@hubot,\"Bot, The\",,evening\n"
                                       "monalisa,\"Line\nbreak\",m@example.org,\n",
                                       QStringLiteral("r.csv"), Roster::Format::Csv, &d);
        QVERIFY2(d.isEmpty(), qPrintable(d.isEmpty() ? QString() : d.first().toString()));
        QCOMPARE(r.size(), 3);
        QCOMPARE(r.students()[0].login, QStringLiteral("octocat"));
        QCOMPARE(r.students()[0].cohort, QStringLiteral("morning"));
        QCOMPARE(r.students()[1].login, QStringLiteral("hubot"));
        QCOMPARE(r.students()[1].name, QStringLiteral("Bot, The"));
        QCOMPARE(r.students()[1].line, 5);
        QCOMPARE(r.students()[2].name, QStringLiteral("Line\nbreak"));
        QCOMPARE(r.indexOf(QStringLiteral("OCTOCAT")), 0);
    }

    void csvColumnsInAnyOrder()
    {
        Diagnostics d;
        const Roster r = Roster::parse("\xEF\xBB\xBF" "Cohort,GitHub,Name\nevening,octocat,Mona\n",
                                       QStringLiteral("r.csv"), Roster::Format::Csv, &d);
        QVERIFY(d.isEmpty());
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.students()[0].login, QStringLiteral("octocat"));
        QCOMPARE(r.students()[0].cohort, QStringLiteral("evening"));
    }

    void yaml()
    {
        Diagnostics d;
        const Roster r = Roster::parse("students:\n"
                                       "  - {login: octocat, name: Mona, email: mona@example.org, cohort: a}\n"
                                       "  - login: hubot\n"
                                       "    name: Hubot\n",
                                       QStringLiteral("r.yaml"), Roster::Format::Auto, &d);
        QVERIFY(d.isEmpty());
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.students()[1].login, QStringLiteral("hubot"));
        QCOMPARE(r.students()[1].line, 3);
    }

    void demoRoster()
    {
        Diagnostics d;
        const Roster r = Roster::load(QStringLiteral(":/demo/roster.csv"), &d);
        QVERIFY(d.isEmpty());
        QCOMPARE(r.size(), 41);
    }

    void login_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("octocat") << true;
        QTest::newRow("hyphen") << QStringLiteral("mona-lisa") << true;
        QTest::newRow("digits") << QStringLiteral("user123") << true;
        QTest::newRow("39 chars") << QString(39, u'a') << true;
        QTest::newRow("40 chars") << QString(40, u'a') << false;
        QTest::newRow("leading hyphen") << QStringLiteral("-mona") << false;
        QTest::newRow("trailing hyphen") << QStringLiteral("mona-") << false;
        QTest::newRow("double hyphen") << QStringLiteral("mo--na") << false;
        QTest::newRow("underscore") << QStringLiteral("mona_lisa") << false;
        QTest::newRow("dot") << QStringLiteral("mona.lisa") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void login()
    {
        QFETCH(QString, login);
        QFETCH(bool, valid);
        QCOMPARE(Roster::isValidLogin(login), valid);
    }

    // Each malformed roster gets a specific message at the right place, and every
    // good row still loads.
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("loaded");

        const QString csv = QStringLiteral("roster.csv");
        const QString yml = QStringLiteral("roster.yaml");
        QTest::newRow("empty csv") << QByteArray("\n\n") << csv << 0 << 0 << QStringLiteral("the roster is empty") << 0;
        QTest::newRow("no login column") << QByteArray("name,email\nMona,m@x.org\n") << csv << 1 << 1
                                         << QStringLiteral("the header has no 'login' column") << 0;
        QTest::newRow("duplicate column") << QByteArray("login,name,login\n") << csv << 1 << 12
                                          << QStringLiteral("column 'login' appears twice") << 0;
        QTest::newRow("too many fields") << QByteArray("login,name\nok1,A\nbad,Smith, John\nok2,B\n") << csv << 3
                                         << 11 << QStringLiteral("this row has 3 fields but the header has 2") << 2;
        QTest::newRow("too few fields") << QByteArray("login,name,email\nok1,A,a@x.org\nbad\n") << csv << 3 << 1
                                        << QStringLiteral("this row has 1 fields but the header has 3") << 1;
        QTest::newRow("unclosed quote") << QByteArray("login,name\nok1,A\nbad,\"Mona\nok2,B\n") << csv << 3 << 5
                                        << QStringLiteral("a quoted field is never closed") << 1;
        QTest::newRow("empty login") << QByteArray("login,name\nok1,A\n,Nobody\n") << csv << 3 << 1
                                     << QStringLiteral("the login is empty") << 1;
        QTest::newRow("invalid login") << QByteArray("login,name\nmona_lisa,Mona\nok1,A\n") << csv << 2 << 1
                                       << QStringLiteral("'mona_lisa' is not a valid GitHub login") << 1;
        QTest::newRow("login too long") << QByteArray("name,login\nA," + QByteArray(41, 'a') + "\n") << csv << 2 << 3
                                        << QStringLiteral("is 41 characters long; GitHub logins have at most 39") << 0;
        QTest::newRow("duplicate login") << QByteArray("login,name\nOctocat,A\nok1,B\noctocat,C\n") << csv << 4 << 1
                                         << QStringLiteral("duplicate login 'octocat', first seen on line 2") << 2;
        QTest::newRow("bad email") << QByteArray("login,email\nok1,a@x.org\nbad,not-an-email\n") << csv << 3 << 5
                                   << QStringLiteral("'not-an-email' is not an email address") << 1;
        QTest::newRow("bad cohort") << QByteArray("login,cohort\nok1,a\nbad,Autumn 2026\n") << csv << 3 << 5
                                    << QStringLiteral("cohort 'Autumn 2026' cannot be a Kubernetes label") << 1;
        QTest::newRow("unknown column warns") << QByteArray("login,phone\nok1,123\n") << csv << 1 << 7
                                              << QStringLiteral("unknown column 'phone' is ignored") << 1;
        QTest::newRow("yaml syntax") << QByteArray("students:\n  - {login: a\n") << yml << 3 << 1
                                     << QStringLiteral("YAML syntax error") << 0;
        QTest::newRow("yaml not a list") << QByteArray("students: octocat\n") << yml << 1 << 11
                                         << QStringLiteral("expected a list of students") << 0;
        QTest::newRow("yaml entry not a map") << QByteArray("- {login: ok1}\n- octocat\n") << yml << 2 << 3
                                              << QStringLiteral("each student must be a map") << 1;
        QTest::newRow("yaml login is a list") << QByteArray("- login: [a, b]\n- {login: ok1}\n") << yml << 1 << 10
                                              << QStringLiteral("'login' must be a single value") << 1;
        QTest::newRow("yaml empty") << QByteArray("students: []\n") << yml << 0 << 0
                                    << QStringLiteral("the roster is empty") << 0;
    }

    void malformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        QFETCH(int, loaded);

        Diagnostics d;
        const Roster r = Roster::parse(data, file, Roster::Format::Auto, &d);
        QVERIFY2(!d.isEmpty(), "expected a diagnostic");
        QVERIFY2(d.first().message.contains(message), qPrintable(d.first().toString()));
        QCOMPARE(d.first().file, file);
        QCOMPARE(d.first().line, line);
        QCOMPARE(d.first().column, column);
        QCOMPARE(int(r.size()), loaded);
    }
};

QTEST_APPLESS_MAIN(TestRoster)
#include "tst_roster.moc"
