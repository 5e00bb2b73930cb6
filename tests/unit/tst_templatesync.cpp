// syncFile(): what a template change does to one file of a student's repository.
#include "course/templatesync.h"

#include <QTest>

using namespace Qt::StringLiterals;
using course::FileSync;
using course::TemplateFile;

Q_DECLARE_METATYPE(std::optional<QByteArray>)

namespace {

const QByteArray kBase = "line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n";
const QByteArray kTemplate = "line 1 (template)\nline 2\nline 3\nline 4\nline 5\nline 6\n";

std::optional<QByteArray> none()
{
    return std::nullopt;
}

} // namespace

class TestTemplateSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syncFile_data()
    {
        QTest::addColumn<std::optional<QByteArray>>("before");
        QTest::addColumn<std::optional<QByteArray>>("after");
        QTest::addColumn<std::optional<QByteArray>>("student");
        QTest::addColumn<FileSync::Outcome>("outcome");
        QTest::addColumn<QByteArray>("content");

        using O = FileSync::Outcome;
        QTest::newRow("untouched by the student: the template's version")
            << std::optional(kBase) << std::optional(kTemplate) << std::optional(kBase) << O::Write
            << kTemplate;
        QTest::newRow("already has the change")
            << std::optional(kBase) << std::optional(kTemplate) << std::optional(kTemplate) << O::AlreadyThere
            << QByteArray();
        QTest::newRow("edited elsewhere: merged")
            << std::optional(kBase) << std::optional(kTemplate)
            << std::optional("line 1\nline 2\nline 3\nline 4\nline 5\nline 6 (mine)\n"_ba) << O::Write
            << "line 1 (template)\nline 2\nline 3\nline 4\nline 5\nline 6 (mine)\n"_ba;
        QTest::newRow("edited the same line: conflict")
            << std::optional(kBase) << std::optional(kTemplate)
            << std::optional("line 1 (mine)\nline 2\nline 3\nline 4\nline 5\nline 6\n"_ba) << O::Conflict
            << QByteArray();
        QTest::newRow("made the same edit: nothing to do")
            << std::optional(kBase) << std::optional(kTemplate)
            << std::optional("line 1 (template)\nline 2\nline 3\nline 4\nline 5\nline 6\n"_ba)
            << O::AlreadyThere << QByteArray();
        QTest::newRow("deleted by the student, changed by the template: conflict")
            << std::optional(kBase) << std::optional(kTemplate) << none() << O::Conflict << QByteArray();
        QTest::newRow("removed by the template, untouched: deleted")
            << std::optional(kBase) << none() << std::optional(kBase) << O::Delete << QByteArray();
        QTest::newRow("removed by the template, changed by the student: conflict")
            << std::optional(kBase) << none() << std::optional(kTemplate) << O::Conflict << QByteArray();
        QTest::newRow("removed on both sides")
            << std::optional(kBase) << none() << none() << O::AlreadyThere << QByteArray();
        QTest::newRow("added by the template")
            << none() << std::optional(kTemplate) << none() << O::Write << kTemplate;
        QTest::newRow("added on both sides, differently: conflict")
            << none() << std::optional(kTemplate) << std::optional("something else\n"_ba) << O::Conflict
            << QByteArray();
        QTest::newRow("CRLF lines keep their endings")
            << std::optional("a\r\nb\r\nc\r\nd\r\n"_ba) << std::optional("A\r\nb\r\nc\r\nd\r\n"_ba)
            << std::optional("a\r\nb\r\nc\r\nD\r\n"_ba) << O::Write << "A\r\nb\r\nc\r\nD\r\n"_ba;
        QTest::newRow("binary changed on both sides: conflict")
            << std::optional("\x89PNG\0\1"_ba) << std::optional("\x89PNG\0\2"_ba)
            << std::optional("\x89PNG\0\3"_ba) << O::Conflict << QByteArray();
        QTest::newRow("binary untouched by the student")
            << std::optional("\x89PNG\0\1"_ba) << std::optional("\x89PNG\0\2"_ba)
            << std::optional("\x89PNG\0\1"_ba) << O::Write << "\x89PNG\0\2"_ba;
    }

    void syncFile()
    {
        QFETCH(std::optional<QByteArray>, before);
        QFETCH(std::optional<QByteArray>, after);
        QFETCH(std::optional<QByteArray>, student);
        QFETCH(FileSync::Outcome, outcome);
        QFETCH(QByteArray, content);

        TemplateFile file;
        file.path = u"index.js"_s;
        file.before = before;
        file.after = after;
        const FileSync sync = course::syncFile(file, student);
        QCOMPARE(sync.outcome, outcome);
        QCOMPARE(sync.content, content);
        QCOMPARE(sync.reason.isEmpty(), outcome != FileSync::Outcome::Conflict);
    }

    void branchNameAndRange()
    {
        course::TemplateChange change;
        change.fromCommit = "0123456789abcdef0123456789abcdef01234567";
        change.toCommit = "fedcba9876543210fedcba9876543210fedcba98";
        QCOMPARE(change.branchName(), u"courseops/template-fedcba9"_s);
        QCOMPARE(change.shortRange(), u"0123456..fedcba9"_s);
    }
};

QTEST_GUILESS_MAIN(TestTemplateSync)
#include "tst_templatesync.moc"
