#include "sandbox/selector.h"

#include <QJsonObject>
#include <QTest>

using sandbox::FieldSelector;
using sandbox::LabelSelector;

namespace {

// The detail texts of apimachinery's validation, as the server words them.
const QString kNameRule = QStringLiteral(
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
    "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
const QString kValueRule = QStringLiteral(
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start "
    "and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
    "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
const QString kSubdomainRule =
    QStringLiteral("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
                   "or '.', and must start "
                   "and end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
                   "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
const QString kUnable = QStringLiteral("unable to parse requirement: ");

// "a=1,b=2" -> {a: 1, b: 2}
QHash<QString, QString> labelSet(const QString &text)
{
    QHash<QString, QString> out;
    for (const QString &pair : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        out.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return out;
}

} // namespace

class TestSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelParse_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("canonical"); // as the server prints it back

        QTest::newRow("empty selects all") << QString() << QString();
        QTest::newRow("blank selects all") << QStringLiteral("  \t ") << QString();
        QTest::newRow("equals") << QStringLiteral("app=web") << QStringLiteral("app=web");
        QTest::newRow("double equals") << QStringLiteral("app==web") << QStringLiteral("app==web");
        QTest::newRow("not equals") << QStringLiteral("app!=web") << QStringLiteral("app!=web");
        QTest::newRow("in") << QStringLiteral("tier in (front,back)")
                            << QStringLiteral("tier in (back,front)");
        QTest::newRow("notin") << QStringLiteral("tier notin (db)") << QStringLiteral("tier notin (db)");
        QTest::newRow("exists") << QStringLiteral("app") << QStringLiteral("app");
        QTest::newRow("does not exist") << QStringLiteral("!app") << QStringLiteral("!app");
        QTest::newRow("greater than") << QStringLiteral("n>5") << QStringLiteral("n>5");
        QTest::newRow("less than") << QStringLiteral("n<5") << QStringLiteral("n<5");
        QTest::newRow("empty value") << QStringLiteral("app=") << QStringLiteral("app=");
        QTest::newRow("prefixed key") << QStringLiteral("courseops.io/student=octocat")
                                      << QStringLiteral("courseops.io/student=octocat");
        QTest::newRow("sorted by key") << QStringLiteral("b=1,a=2") << QStringLiteral("a=2,b=1");
        QTest::newRow("whitespace") << QStringLiteral(" app = web ,\ttier in ( front , back ) , !gone ")
                                    << QStringLiteral("app=web,!gone,tier in (back,front)");
        QTest::newRow("empty set members") << QStringLiteral("x in (foo,,baz),y,z notin ()")
                                           << QStringLiteral("x in (,baz,foo),y,z notin ()");
        QTest::newRow("keywords as values")
            << QStringLiteral("a in (in,notin)") << QStringLiteral("a in (in,notin)");
        QTest::newRow("keyword as key") << QStringLiteral("in") << QStringLiteral("in");
        QTest::newRow("duplicate values") << QStringLiteral("a in (x,x)") << QStringLiteral("a in (x)");
        QTest::newRow("63 character value")
            << QStringLiteral("a=") + QString(63, u'v') << QStringLiteral("a=") + QString(63, u'v');
    }

    void labelParse()
    {
        QFETCH(QString, selector);
        QFETCH(QString, canonical);
        QString error;
        const std::optional<LabelSelector> s = LabelSelector::parse(selector, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->toString(), canonical);
        QCOMPARE(s->isEmpty(), canonical.isEmpty());
    }

    void labelInvalid_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("error");

        const QString operators = QStringLiteral("expected: in, notin, =, ==, !=, gt, lt");
        QTest::newRow("two words") << QStringLiteral("a b")
                                   << kUnable + QStringLiteral("found 'b', ") + operators;
        QTest::newRow("bang after key")
            << QStringLiteral("a!") << kUnable + QStringLiteral("found '!', ") + operators;
        QTest::newRow("trailing word")
            << QStringLiteral("a=b c") << QStringLiteral("found 'c', expected: ',' or 'end of string'");
        QTest::newRow("value with equals")
            << QStringLiteral("a=b=c") << QStringLiteral("found '=', expected: ',' or 'end of string'");
        QTest::newRow("not with value")
            << QStringLiteral("!a=b") << QStringLiteral("found '=', expected: ',' or 'end of string'");
        QTest::newRow("trailing comma")
            << QStringLiteral("a=b,") << QStringLiteral("found '', expected: identifier after ','");
        QTest::newRow("leading comma")
            << QStringLiteral(",a")
            << QStringLiteral("found ',', expected: !, identifier, or 'end of string'");
        QTest::newRow("lone bang") << QStringLiteral("!")
                                   << kUnable + QStringLiteral("found '', expected: identifier");
        QTest::newRow("in without parens")
            << QStringLiteral("a in x") << kUnable + QStringLiteral("found 'x' expected: '('");
        QTest::newRow("unclosed set")
            << QStringLiteral("a in (x") << kUnable + QStringLiteral("found '', expected: ',' or ')'");
        QTest::newRow("set of words")
            << QStringLiteral("a in (x y)") << kUnable + QStringLiteral("found 'y', expected: ',' or ')'");
        QTest::newRow("operator in set")
            << QStringLiteral("a in (=)")
            << kUnable + QStringLiteral("found '=', expected: ',', ')' or identifier");
        QTest::newRow("parenthesised value")
            << QStringLiteral("a=(b)") << kUnable + QStringLiteral("found '(', expected: identifier");
        QTest::newRow("key starts with dash")
            << QStringLiteral("-a=b")
            << kUnable + QStringLiteral("<nil>: Invalid value: \"-a\": name part ") + kNameRule;
        QTest::newRow("key with two slashes")
            << QStringLiteral("a/b/c")
            << kUnable + QStringLiteral("<nil>: Invalid value: \"a/b/c\": a qualified name ") + kNameRule +
                   QStringLiteral(
                       " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        QTest::newRow("upper-case prefix")
            << QStringLiteral("Example.com/a")
            << kUnable + QStringLiteral("<nil>: Invalid value: \"Example.com/a\": prefix part ") +
                   kSubdomainRule;
        QTest::newRow("empty name part")
            << QStringLiteral("example.com/")
            << kUnable +
                   QStringLiteral(
                       "<nil>: Invalid value: \"example.com/\": name part must be non-empty; name part ") +
                   kNameRule;
        QTest::newRow("key too long")
            << QString(64, u'k')
            << kUnable + QStringLiteral("<nil>: Invalid value: \"") + QString(64, u'k') +
                   QStringLiteral("\": name part must be no more than 63 characters");
        QTest::newRow("value starts with dash")
            << QStringLiteral("a=-b")
            << kUnable + QStringLiteral("values[0][a]: Invalid value: \"-b\": ") + kValueRule;
        QTest::newRow("value too long")
            << QStringLiteral("a=") + QString(64, u'v')
            << kUnable + QStringLiteral("values[0][a]: Invalid value: \"") + QString(64, u'v') +
                   QStringLiteral("\": must be no more than 63 characters");
        QTest::newRow("two bad values")
            << QStringLiteral("a in (-y,-x)")
            << kUnable + QStringLiteral("[values[0][a]: Invalid value: \"-x\": ") + kValueRule +
                   QStringLiteral(", values[1][a]: Invalid value: \"-y\": ") + kValueRule + u']';
        QTest::newRow("greater than a word")
            << QStringLiteral("n>x")
            << kUnable + QStringLiteral("values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the "
                                        "value must be an integer");
        QTest::newRow("quotes escaped")
            << QStringLiteral("a=\"b\"")
            << kUnable + QStringLiteral("values[0][a]: Invalid value: \"\\\"b\\\"\": ") + kValueRule;
    }

    void labelInvalid()
    {
        QFETCH(QString, selector);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!LabelSelector::parse(selector, &actual));
        QCOMPARE(actual, error);
    }

    void labelMatches_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<bool>("matches");

        const QString labels = QStringLiteral("app=web,tier=front,n=7,empty=");
        QTest::newRow("equals") << QStringLiteral("app=web") << labels << true;
        QTest::newRow("equals other") << QStringLiteral("app=db") << labels << false;
        QTest::newRow("equals missing") << QStringLiteral("nope=web") << labels << false;
        QTest::newRow("equals empty") << QStringLiteral("empty=") << labels << true;
        QTest::newRow("not equals") << QStringLiteral("app!=db") << labels << true;
        QTest::newRow("not equals same") << QStringLiteral("app!=web") << labels << false;
        QTest::newRow("not equals missing") << QStringLiteral("nope!=web") << labels << true;
        QTest::newRow("in") << QStringLiteral("tier in (back,front)") << labels << true;
        QTest::newRow("in other") << QStringLiteral("tier in (back)") << labels << false;
        QTest::newRow("in missing") << QStringLiteral("nope in (x)") << labels << false;
        QTest::newRow("in empty member") << QStringLiteral("empty in (,x)") << labels << true;
        QTest::newRow("notin") << QStringLiteral("tier notin (front)") << labels << false;
        QTest::newRow("notin missing") << QStringLiteral("nope notin (x)") << labels << true;
        QTest::newRow("exists") << QStringLiteral("app") << labels << true;
        QTest::newRow("exists missing") << QStringLiteral("nope") << labels << false;
        QTest::newRow("does not exist") << QStringLiteral("!app") << labels << false;
        QTest::newRow("does not exist missing") << QStringLiteral("!nope") << labels << true;
        QTest::newRow("greater than") << QStringLiteral("n>5") << labels << true;
        QTest::newRow("greater than equal") << QStringLiteral("n>7") << labels << false;
        QTest::newRow("less than") << QStringLiteral("n<8") << labels << true;
        QTest::newRow("greater than a word label") << QStringLiteral("app>5") << labels << false;
        QTest::newRow("all must hold") << QStringLiteral("app=web,tier=back") << labels << false;
        QTest::newRow("all hold") << QStringLiteral("app=web,tier=front,!nope") << labels << true;
        QTest::newRow("empty selector") << QString() << labels << true;
        QTest::newRow("no labels") << QStringLiteral("!app") << QString() << true;
    }

    void labelMatches()
    {
        QFETCH(QString, selector);
        QFETCH(QString, labels);
        QFETCH(bool, matches);
        const std::optional<LabelSelector> s = LabelSelector::parse(selector);
        QVERIFY(s);
        const QHash<QString, QString> hash = labelSet(labels);
        QMap<QString, QString> map;
        QJsonObject json;
        for (auto it = hash.begin(); it != hash.end(); ++it) {
            map.insert(it.key(), it.value());
            json.insert(it.key(), it.value());
        }
        QCOMPARE(s->matches(hash), matches);
        QCOMPARE(s->matches(map), matches);
        QCOMPARE(s->matches(json), matches);
        QCOMPARE(s->matches([&](QStringView key) -> std::optional<QString> {
            const auto it = hash.constFind(key.toString());
            return it == hash.cend() ? std::nullopt : std::optional<QString>(*it);
        }),
                 matches);
    }

    void labelRequiredValue()
    {
        const std::optional<LabelSelector> s = LabelSelector::parse(
            QStringLiteral("courseops.io/student=octocat,tier in (a,b),zone in (z),x!=y"));
        QVERIFY(s);
        QCOMPARE(s->requiredValue(u"courseops.io/student"),
                 std::optional<QString>(QStringLiteral("octocat")));
        QCOMPARE(s->requiredValue(u"zone"), std::optional<QString>(QStringLiteral("z")));
        QCOMPARE(s->requiredValue(u"tier"), std::nullopt);
        QCOMPARE(s->requiredValue(u"x"), std::nullopt);
        QCOMPARE(s->requiredValue(u"absent"), std::nullopt);
        QCOMPARE(s->requirements().size(), 4);
        QCOMPARE(s->requirements().first().key, QStringLiteral("courseops.io/student"));
        QCOMPARE(s->requirements().first().op, LabelSelector::Operator::Equals);
    }

    void fieldParse_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<QStringList>("fields");

        QTest::newRow("empty") << QString() << QString() << QStringList();
        QTest::newRow("equals") << QStringLiteral("metadata.name=web") << QStringLiteral("metadata.name=web")
                                << QStringList{QStringLiteral("metadata.name")};
        QTest::newRow("double equals")
            << QStringLiteral("metadata.name==web") << QStringLiteral("metadata.name=web")
            << QStringList{QStringLiteral("metadata.name")};
        QTest::newRow("not equals, sorted terms")
            << QStringLiteral("status.phase!=Running,spec.nodeName=node-1")
            << QStringLiteral("spec.nodeName=node-1,status.phase!=Running")
            << QStringList{QStringLiteral("spec.nodeName"), QStringLiteral("status.phase")};
        QTest::newRow("empty value") << QStringLiteral("spec.nodeName=") << QStringLiteral("spec.nodeName=")
                                     << QStringList{QStringLiteral("spec.nodeName")};
        QTest::newRow("empty terms skipped")
            << QStringLiteral(",a=b,,") << QStringLiteral("a=b") << QStringList{QStringLiteral("a")};
        QTest::newRow("escaped comma")
            << QStringLiteral("a=b\\,c") << QStringLiteral("a=b\\,c") << QStringList{QStringLiteral("a")};
        QTest::newRow("escaped equals and backslash")
            << QStringLiteral("a=x\\=y\\\\z") << QStringLiteral("a=x\\=y\\\\z")
            << QStringList{QStringLiteral("a")};
        QTest::newRow("repeated field") << QStringLiteral("b=1,a=2,a!=3") << QStringLiteral("a!=3,a=2,b=1")
                                        << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("kubectl describe events")
            << QStringLiteral(
                   "involvedObject.kind=Pod,involvedObject.name=web-1,involvedObject.namespace=course,"
                   "involvedObject.uid=0f1e")
            << QStringLiteral(
                   "involvedObject.kind=Pod,involvedObject.name=web-1,involvedObject.namespace=course,"
                   "involvedObject.uid=0f1e")
            << QStringList{QStringLiteral("involvedObject.kind"), QStringLiteral("involvedObject.name"),
                           QStringLiteral("involvedObject.namespace"), QStringLiteral("involvedObject.uid")};
    }

    void fieldParse()
    {
        QFETCH(QString, selector);
        QFETCH(QString, canonical);
        QFETCH(QStringList, fields);
        QString error;
        const std::optional<FieldSelector> s = FieldSelector::parse(selector, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->toString(), canonical);
        QCOMPARE(s->fields(), fields);
    }

    void fieldInvalid_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("error");

        QTest::newRow("no operator")
            << QStringLiteral("metadata.name")
            << QStringLiteral("invalid selector: 'metadata.name'; can't understand 'metadata.name'");
        QTest::newRow("first bad term in sorted order")
            << QStringLiteral("x=1,b") << QStringLiteral("invalid selector: 'x=1,b'; can't understand 'b'");
        QTest::newRow("unescaped comma splits")
            << QStringLiteral("a=b,c") << QStringLiteral("invalid selector: 'a=b,c'; can't understand 'c'");
        QTest::newRow("unescaped equals")
            << QStringLiteral("a=b=c")
            << QStringLiteral("invalid field selector: unescaped character in value: 61");
        QTest::newRow("bad escape") << QStringLiteral("a=b\\c")
                                    << QStringLiteral("invalid field selector: invalid escape sequence: \\c");
        QTest::newRow("trailing backslash")
            << QStringLiteral("a=b\\")
            << QStringLiteral("invalid field selector: invalid escape sequence: \\");
    }

    void fieldInvalid()
    {
        QFETCH(QString, selector);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!FieldSelector::parse(selector, &actual));
        QCOMPARE(actual, error);
    }

    void fieldMatches_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("matches");

        QTest::newRow("equals") << QStringLiteral("metadata.name=web-1") << true;
        QTest::newRow("equals other") << QStringLiteral("metadata.name=web-2") << false;
        QTest::newRow("not equals") << QStringLiteral("status.phase!=Running") << false;
        QTest::newRow("not equals other") << QStringLiteral("status.phase!=Pending") << true;
        QTest::newRow("missing field reads empty") << QStringLiteral("spec.nodeName=") << true;
        QTest::newRow("missing field is not a value") << QStringLiteral("spec.nodeName!=") << false;
        QTest::newRow("escaped value") << QStringLiteral("metadata.annotations=a\\,b") << true;
        QTest::newRow("all terms") << QStringLiteral("metadata.name=web-1,status.phase=Running") << true;
        QTest::newRow("one term fails") << QStringLiteral("metadata.name=web-1,status.phase=Failed") << false;
        QTest::newRow("empty") << QString() << true;
    }

    void fieldMatches()
    {
        QFETCH(QString, selector);
        QFETCH(bool, matches);
        const std::optional<FieldSelector> s = FieldSelector::parse(selector);
        QVERIFY(s);
        const QHash<QString, QString> fields = {
            {QStringLiteral("metadata.name"), QStringLiteral("web-1")},
            {QStringLiteral("status.phase"), QStringLiteral("Running")},
            {QStringLiteral("metadata.annotations"), QStringLiteral("a,b")}};
        QCOMPARE(s->matches(fields), matches);
        QCOMPARE(s->matches([&](QStringView f) -> std::optional<QString> {
            const auto it = fields.constFind(f.toString());
            return it == fields.cend() ? std::nullopt : std::optional<QString>(*it);
        }),
                 matches);
    }

    void fieldSupport()
    {
        const QStringList pods = {QStringLiteral("metadata.name"), QStringLiteral("metadata.namespace"),
                                  QStringLiteral("spec.nodeName"), QStringLiteral("status.phase")};
        QString error;
        const std::optional<FieldSelector> good =
            FieldSelector::parse(u"status.phase=Running,metadata.name=a");
        QVERIFY(good);
        QVERIFY(good->checkFields(pods, &error));
        QCOMPARE(good->unsupportedField(pods), std::nullopt);

        const std::optional<FieldSelector> bad =
            FieldSelector::parse(u"spec.restartPolicy=Always,metadata.name=a,zz=1");
        QVERIFY(bad);
        QVERIFY(!bad->checkFields(pods, &error));
        QCOMPARE(error, QStringLiteral("field label not supported: spec.restartPolicy"));
        QCOMPARE(bad->requiredValue(u"metadata.name"), std::optional<QString>(QStringLiteral("a")));
    }

    void fieldEscaping_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << QStringLiteral("web-1") << QStringLiteral("web-1");
        QTest::newRow("specials") << QStringLiteral("a,b=c\\d") << QStringLiteral("a\\,b\\=c\\\\d");
        QTest::newRow("empty") << QString() << QString();
    }

    void fieldEscaping()
    {
        QFETCH(QString, value);
        QFETCH(QString, escaped);
        QCOMPARE(FieldSelector::escapeValue(value), escaped);
        QCOMPARE(FieldSelector::unescapeValue(escaped), std::optional<QString>(value));
        const std::optional<FieldSelector> s = FieldSelector::parse(QString(QStringLiteral("f=") + escaped));
        QVERIFY(s);
        QCOMPARE(s->requirements().first().value, value);
    }
};

QTEST_GUILESS_MAIN(TestSelector)
#include "tst_selector.moc"
