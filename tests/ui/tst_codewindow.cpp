#include "codeeditor.h"
#include "codewindow.h"
#include "commitdialog.h"
#include "diffview.h"
#include "mergeview.h"
#include "../common/screenshots.h"

#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <Qsci/qscilexer.h>

using namespace Qt::StringLiterals;

namespace {

// A test double for this UI test only: an in-memory repository behind the
// RepositorySource interface, with commits as snapshots of every file. It
// refuses a change set whose base is not the branch's head, exactly as the
// GitHub ref update without force does, and answers with the three versions
// of each path. The end-to-end test against the sandbox's GitHub API is a
// separate test.
class FakeRepository : public course::RepositorySource
{
public:
    struct Commit
    {
        QMap<QString, QByteArray> files;
        QByteArray parent;
        QString message;
        course::Person author;
    };

    explicit FakeRepository(QString name, QMap<QString, QByteArray> files)
        : m_name(std::move(name))
    {
        m_head = store({std::move(files), {}, u"Initial commit"_s, {u"Student"_s, u"s@example.org"_s}});
    }

    QString repositoryName() const override { return m_name; }
    QString branch() const override { return u"main"_s; }

    void listTree(const QString &ref, QObject *context,
                  std::function<void(const course::RepositoryTree &)> done) override
    {
        course::RepositoryTree tree;
        const QByteArray sha = resolve(ref);
        if (!m_commits.contains(sha)) {
            tree.error = u"No ref %1 in %2."_s.arg(ref, m_name);
        } else {
            tree.commit = sha;
            QSet<QString> dirs;
            for (auto it = m_commits[sha].files.cbegin(); it != m_commits[sha].files.cend(); ++it) {
                tree.entries.append({it.key(), false, it.value().size()});
                QString dir = it.key();
                while (dir.contains(u'/')) {
                    dir = dir.left(dir.lastIndexOf(u'/'));
                    if (!dirs.contains(dir)) {
                        dirs.insert(dir);
                        tree.entries.append({dir, true, -1});
                    }
                }
            }
        }
        later(context, [done, tree] { done(tree); });
    }

    void readFile(const QString &ref, const QString &path, QObject *context,
                  std::function<void(const course::RepositoryFile &)> done) override
    {
        ++reads;
        course::RepositoryFile file;
        file.path = path;
        const QByteArray sha = resolve(ref);
        if (!m_commits.contains(sha)) {
            file.error = u"No ref %1."_s.arg(ref);
        } else if (m_commits[sha].files.contains(path)) {
            file.exists = true;
            file.content = m_commits[sha].files.value(path);
        }
        later(context, [done, file] { done(file); });
    }

    void commit(const course::ChangeSet &changes, QObject *context,
                std::function<void(const course::CommitOutcome &)> done) override
    {
        received.append(changes);
        course::CommitOutcome outcome;
        if (failNext) {
            failNext = false;
            outcome.kind = course::CommitOutcome::Kind::Failed;
            outcome.message = u"GitHub answered 502 Bad Gateway (a transient server error)."_s;
        } else if (changes.baseCommit != m_head) {
            outcome.kind = course::CommitOutcome::Kind::BranchMoved;
            outcome.baseCommit = changes.baseCommit;
            outcome.theirsCommit = m_head;
            outcome.message = u"the student pushed"_s;
            const Commit &base = m_commits[changes.baseCommit];
            const Commit &theirs = m_commits[m_head];
            for (const course::FileChange &c : changes.changes) {
                course::MergeSides s;
                s.path = c.path;
                if (base.files.contains(c.path))
                    s.base = base.files.value(c.path);
                if (theirs.files.contains(c.path))
                    s.theirs = theirs.files.value(c.path);
                s.ours = c.content;
                outcome.sides.append(s);
            }
        } else {
            Commit next{m_commits[m_head].files, m_head, changes.message, changes.author};
            for (const course::FileChange &c : changes.changes) {
                if (c.content)
                    next.files.insert(c.path, *c.content);
                else
                    next.files.remove(c.path);
            }
            m_head = store(next);
            outcome.kind = course::CommitOutcome::Kind::Committed;
            outcome.newCommit = m_head;
        }
        later(context, [done, outcome] { done(outcome); });
    }

    // The student pushes a commit of their own.
    QByteArray push(const QMap<QString, QByteArray> &changes, const QString &message)
    {
        Commit next{m_commits[m_head].files, m_head, message, {u"Priya Iyer"_s, u"priya@example.org"_s}};
        for (auto it = changes.cbegin(); it != changes.cend(); ++it)
            next.files.insert(it.key(), it.value());
        m_head = store(next);
        return m_head;
    }

    QByteArray head() const { return m_head; }
    const Commit &commitAt(const QByteArray &sha) const { return m_commits.find(sha).value(); }
    int commitCount() const { return int(m_commits.size()); }

    QList<course::ChangeSet> received;
    bool failNext = false;
    int reads = 0;

private:
    QByteArray store(const Commit &c)
    {
        QCryptographicHash h(QCryptographicHash::Sha1);
        h.addData(c.parent);
        h.addData(c.message.toUtf8());
        for (auto it = c.files.cbegin(); it != c.files.cend(); ++it) {
            h.addData(it.key().toUtf8());
            h.addData(it.value());
        }
        const QByteArray sha = h.result().toHex();
        m_commits.insert(sha, c);
        return sha;
    }

    QByteArray resolve(const QString &ref) const { return ref == branch() ? m_head : ref.toLatin1(); }

    // Answers arrive later, in the context's thread, as from the network.
    static void later(QObject *context, std::function<void()> f)
    {
        QTimer::singleShot(1, context, std::move(f));
    }

    QString m_name;
    QByteArray m_head;
    QHash<QByteArray, Commit> m_commits;
};

const QByteArray kServerJs = "'use strict';\n"
                             "const express = require('express');\n"
                             "const path = require('path');\n"
                             "\n"
                             "const app = express();\n"
                             "const port = process.env.PORT || 3000;\n"
                             "\n"
                             "app.use(express.static(path.join(__dirname, 'public')));\n"
                             "\n"
                             "app.get('/api/hello', (req, res) => {\n"
                             "  res.json({ message: 'Hello from ' + req.hostname });\n"
                             "\n"
                             "app.get('/api/time', (req, res) => {\n"
                             "  res.json({ now: new Date().toISOString() });\n"
                             "});\n"
                             "\n"
                             "app.lisen(port, () => {\n"
                             "  console.log(`listening on ${port}`);\n"
                             "});\n"
                             "// TODO: app.lisen is what the lab sheet said\n"
                             "function helper1() { return 1; }\n"
                             "function helper2() { return 2; }\n"
                             "function helper3() { return 3; }\n"
                             "function helper4() { return 4; }\n"
                             "function helper5() { return 5; }\n"
                             "function helper6() { return 6; }\n"
                             "function helper7() { return 7; }\n"
                             "function helper8() { return 8; }\n"
                             "function helper9() { return 9; }\n"
                             "function helper10() { return 10; }\n"
                             "module.exports = app;\n";

QMap<QString, QByteArray> studentFiles()
{
    return {{u"server.js"_s, kServerJs},
            {u"package.json"_s, "{\n  \"name\": \"webapp\",\n  \"main\": \"server.js\"\n}\n"},
            {u"README.md"_s, "# My web app\n\nRun `npm start`.\n"},
            {u"public/index.html"_s, "<!doctype html>\n<h1>Hello</h1>\n"},
            {u"public/style.css"_s, "h1 { color: teal; }\n"},
            {u".github/workflows/ci.yml"_s, "name: ci\non: [push]\n"}};
}

QModelIndex findInTree(QTreeView *tree, const QString &path)
{
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::UserRole + 1, path, 1,
                                                       Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

// Clicks the button named `buttonName` in the next modal dialog that opens.
void answerNextModal(const QString &buttonName)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, buttonName] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        if (auto *b = modal->findChild<QPushButton *>(buttonName)) {
            timer->stop();
            timer->deleteLater();
            b->click();
        }
    });
    timer->start();
}

QStringList changedPaths(const course::ChangeSet &set)
{
    QStringList out;
    for (const course::FileChange &c : set.changes)
        out << (c.content ? u""_s : u"-"_s) + c.path;
    return out;
}

} // namespace

class TestCodeWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_journalRoot;

    // A window on the fake repository, loaded, with server.js open.
    void openServer(CodeWindow &w)
    {
        w.setAuthor({u"Sam TA"_s, u"sam.ta@example.edu"_s});
        w.setStudent({u"Priya Iyer"_s, u"priya@example.org"_s});
        w.resize(1100, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy loaded(&w, &CodeWindow::treeLoaded);
        w.reload();
        QVERIFY(loaded.wait());
        QSignalSpy opened(&w, &CodeWindow::fileOpened);
        // Pick it in the tree and press Enter, as a TA does.
        const QModelIndex index = findInTree(w.treeView(), u"server.js"_s);
        QVERIFY(index.isValid());
        w.treeView()->setFocus();
        w.treeView()->setCurrentIndex(index);
        QTest::keyClick(w.treeView(), Qt::Key_Return);
        if (opened.isEmpty())
            QVERIFY2(opened.wait(), qPrintable(w.statusText()));
        QCOMPARE(opened.first().first().toString(), u"server.js"_s);
        QVERIFY(w.editor(u"server.js"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
        QVERIFY(m_journalRoot.isValid());
        qRegisterMetaType<DiffView *>();
    }

    void lexersByFileName()
    {
        const QList<std::pair<QString, QString>> cases{{u"server.js"_s, u"JavaScript"_s},
                                                       {u"lib/x.mjs"_s, u"JavaScript"_s},
                                                       {u"package.json"_s, u"JSON"_s},
                                                       {u"public/index.html"_s, u"HTML"_s},
                                                       {u"public/style.css"_s, u"CSS"_s},
                                                       {u"README.md"_s, u"Markdown"_s},
                                                       {u".github/workflows/ci.yml"_s, u"YAML"_s},
                                                       {u"k8s.yaml"_s, u"YAML"_s}};
        for (const auto &[path, language] : cases) {
            std::unique_ptr<QsciLexer> lexer(CodeEditor::lexerForPath(path, nullptr));
            QVERIFY2(lexer, qPrintable(path));
            QCOMPARE(QString::fromLatin1(lexer->language()), language);
        }
        QVERIFY(!CodeEditor::lexerForPath(u"Procfile"_s, nullptr));
    }

    void editSearchReplaceGoToAndDiff()
    {
        FakeRepository repo(u"webapps101/priya-iyer"_s, studentFiles());
        FakeRepository templ(u"webapps101/template"_s, {{u"server.js"_s, kServerJs}});
        CodeWindow w(&repo, nullptr, m_journalRoot.filePath(u"edit"_s));
        w.setTemplateSource(&templ);
        openServer(w);
        if (QTest::currentTestFailed())
            return;
        CodeEditor *editor = w.editor(u"server.js"_s);
        QCOMPARE(editor->languageName(), u"JavaScript"_s);
        QCOMPARE(editor->text().toUtf8(), kServerJs);
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), u"server.js"_s);
        // The tree: folders first, every file there.
        QCOMPARE(w.treePaths(), (QStringList{u".github/workflows/ci.yml"_s, u"README.md"_s, u"package.json"_s,
                                             u"public/index.html"_s, u"public/style.css"_s, u"server.js"_s}));
        QCOMPARE(w.treeView()->model()->index(0, 0).data().toString(), u".github"_s);
        // A double-click opens a file too.
        {
            QSignalSpy opened(&w, &CodeWindow::fileOpened);
            const QModelIndex json = findInTree(w.treeView(), u"package.json"_s);
            const QPoint at = w.treeView()->visualRect(json).center();
            QTest::mouseClick(w.treeView()->viewport(), Qt::LeftButton, {}, at);
            QTest::mouseDClick(w.treeView()->viewport(), Qt::LeftButton, {}, at);
            QVERIFY(opened.wait());
            QCOMPARE(w.currentEditor()->path(), u"package.json"_s);
            QCOMPARE(w.currentEditor()->languageName(), u"JSON"_s);
            w.tabs()->setCurrentWidget(editor);
        }

        // Ctrl+F from the editor, type, Enter: the first match is selected.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_F, Qt::ControlModifier);
        auto *findField = w.findChild<QLineEdit *>(u"findField"_s);
        QVERIFY(findField->isVisible());
        QVERIFY(findField->hasFocus());
        QTest::keyClicks(findField, u"LISEN"_s);
        QTest::keyClick(findField, Qt::Key_Return);
        QCOMPARE(editor->selectedText(), u"lisen"_s);
        QCOMPARE(editor->currentLineNumber(), 17);
        // F3 from the editor: the next one.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_F3);
        QCOMPARE(editor->currentLineNumber(), 20);
        QCOMPARE(w.findChild<QLabel *>(u"findStatus"_s)->text(), u"line 20"_s);
        // Whole words and case: "lisen" inside "app.lisen" is a word; "LISEN" with Match case is not there.
        w.findChild<QCheckBox *>()->setChecked(true);
        QVERIFY(!w.findNext());
        QCOMPARE(w.findChild<QLabel *>(u"findStatus"_s)->text(), u"not found"_s);
        w.findChild<QCheckBox *>()->setChecked(false);

        // Ctrl+H: replace all.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_H, Qt::ControlModifier);
        auto *replaceField = w.findChild<QLineEdit *>(u"replaceField"_s);
        QVERIFY(replaceField->isVisible());
        replaceField->setText(u"listen"_s);
        w.findChild<QPushButton *>(u"replaceAllButton"_s)->click();
        QCOMPARE(w.findChild<QLabel *>(u"findStatus"_s)->text(), u"2 replaced"_s);
        QVERIFY(!editor->text().contains(u"lisen"_s));
        QVERIFY(editor->text().contains(u"app.listen(port, () => {\n"_s));
        // One undo step brings both back.
        editor->undo();
        QCOMPARE(editor->text().count(u"lisen"_s), 2);
        editor->redo();
        QCOMPARE(editor->text().count(u"lisen"_s), 0);

        // Ctrl+G, 30, Enter.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_G, Qt::ControlModifier);
        auto *goTo = w.findChild<QLineEdit *>(u"goToLineField"_s);
        QVERIFY(goTo->isVisible());
        QTest::keyClicks(goTo, u"30"_s);
        QTest::keyClick(goTo, Qt::Key_Return);
        QCOMPARE(editor->currentLineNumber(), 30);
        QVERIFY(!goTo->isVisible());

        // The missing "});" typed on line 12.
        editor->setCursorPosition(11, 0);
        editor->setFocus();
        QTest::keyClicks(editor, u"});"_s);
        QCOMPARE(editor->text(11), u"});\n"_s);
        QVERIFY(editor->differsFromBase());
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), u"server.js ●"_s);
        QVERIFY(w.windowTitle().contains(u"•"_s));
        QVERIFY(findInTree(w.treeView(), u"server.js"_s).data().toString().endsWith(u"●"_s));

        // The stack trace points at line 13.
        w.markErrorLine(u"server.js"_s, 13, u"SyntaxError: Unexpected token 'app' (server.js:13)"_s);
        QCOMPARE(editor->errorLine(), 13);
        QVERIFY(editor->markersAtLine(12) & (1 << CodeEditor::ErrorArrow));
        QCOMPARE(editor->annotation(12), u"SyntaxError: Unexpected token 'app' (server.js:13)"_s);
        QCOMPARE(editor->currentLineNumber(), 13);
        QTest::qWait(50);
        QVERIFY(w.grab().save(artifact(u"codewindow-editor.png"_s)));

        // Undoing the edit back to HEAD clears the modified mark.
        const QString fixed = editor->text();
        editor->setText(QString::fromUtf8(kServerJs));
        QVERIFY(!editor->differsFromBase());
        QCOMPARE(w.tabs()->tabText(w.tabs()->currentIndex()), u"server.js"_s);
        editor->setText(fixed);

        // The diff against HEAD: line 12 changed (empty -> "});"), 17 and 20 changed inside the line.
        QSignalSpy diffs(&w, &CodeWindow::diffShown);
        QTest::keyClick(editor, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(diffs.size(), 1);
        auto *diff = diffs.first().first().value<DiffView *>();
        QVERIFY(diff);
        QCOMPARE(diff->mode(), DiffView::Mode::WorkingAgainstHead);
        QCOMPARE(diff->differingRowCount(), 3);
        QCOMPARE(diff->summary(), u"3 lines changed, 0 added, 0 removed"_s);
        QList<int> changedRight;
        for (const DiffView::Row &r : diff->rows())
            if (r.kind == DiffView::Row::Kind::Changed)
                changedRight << r.right + 1;
        QCOMPARE(changedRight, (QList<int>{12, 17, 20}));
        QCOMPARE(diff->leftPane()->text(16), u"app.lisen(port, () => {\n"_s);
        QCOMPARE(diff->rightPane()->text(16), u"app.listen(port, () => {\n"_s);
        QVERIFY(diff->rightPane()->markersAtLine(16) != 0);
        QCOMPARE(diff->rightPane()->markersAtLine(5), 0u);
        // Both sides scroll together.
        w.resize(1100, 330); // short enough that the panes scroll
        QTest::qWait(20);
        diff->rightPane()->setFirstVisibleLine(15);
        QCOMPARE(diff->rightPane()->firstVisibleLine(), 15);
        QTRY_COMPARE(diff->leftPane()->firstVisibleLine(), 15);
        diff->leftPane()->setFirstVisibleLine(8);
        QTRY_COMPARE(diff->rightPane()->firstVisibleLine(), 8);
        w.resize(1100, 700);
        QTest::qWait(20);
        diff->rightPane()->setFirstVisibleLine(0);
        QTest::qWait(50);
        QVERIFY(w.grab().save(artifact(u"codewindow-diff.png"_s)));

        // Against the template: the same three lines differ, labelled as such.
        w.showTemplateDiff(u"server.js"_s);
        QVERIFY(diffs.wait());
        auto *templDiff = diffs.last().first().value<DiffView *>();
        QCOMPARE(templDiff->mode(), DiffView::Mode::StudentAgainstTemplate);
        QCOMPARE(templDiff->differingRowCount(), 3);
        QVERIFY(w.findChildren<QLabel *>(u"diffLeftTitle"_s).last()->text().contains(u"Template"_s));

        // Discard on close so the next test starts clean.
        answerNextModal(u"discardButton"_s);
        QVERIFY(w.close());
        QVERIFY(w.journal()->isEmpty());
    }

    void commitMakesOneChangeSet()
    {
        FakeRepository repo(u"webapps101/priya-iyer"_s, studentFiles());
        CodeWindow w(&repo, nullptr, m_journalRoot.filePath(u"commit"_s));
        openServer(w);
        if (QTest::currentTestFailed())
            return;
        CodeEditor *editor = w.editor(u"server.js"_s);
        editor->setCursorPosition(11, 0);
        QTest::keyClicks(editor, u"});"_s);
        QString error;
        QVERIFY(w.newFile(u"public/health.html"_s, u"<p>ok</p>\n"_s, &error));
        QVERIFY(!w.newFile(u"public/health.html"_s, {}, &error));
        QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));
        QVERIFY(!w.newFile(u"../etc/passwd"_s, {}, &error));
        QVERIFY2(error.contains(u"relative path"_s), qPrintable(error));
        QVERIFY(w.deleteFile(u"README.md"_s));
        QVERIFY(findInTree(w.treeView(), u"README.md"_s).data(Qt::FontRole).value<QFont>().strikeOut());
        QVERIFY(findInTree(w.treeView(), u"public/health.html"_s).data().toString().contains(u"(new)"_s));

        QSignalSpy committed(&w, &CodeWindow::committed);
        // Ctrl+Return from the editor opens the dialog.
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        auto *dialog = w.findChild<CommitDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QStringList listed;
        for (int i = 0; i < dialog->fileList()->count(); ++i)
            listed << dialog->fileList()->item(i)->text();
        QCOMPARE(listed, (QStringList{u"README.md  (deleted)"_s, u"public/health.html  (added)"_s,
                                      u"server.js  (modified)"_s}));
        QCOMPARE(dialog->trailerEdit()->text(), u"Co-authored-by: Priya Iyer <priya@example.org>"_s);
        QCOMPARE(dialog->authorNameEdit()->text(), u"Sam TA"_s);
        auto *commitButton = dialog->findChild<QPushButton *>(u"commitButton"_s);
        // No message yet: the dialog says what is missing and will not commit.
        QVERIFY(!commitButton->isEnabled());
        QVERIFY(dialog->problem().contains(u"commit message"_s));
        dialog->trailerEdit()->setText(u"Co-authored-by: Priya"_s);
        QTest::keyClicks(dialog->messageEdit(), u"Fix the syntax error in server.js"_s);
        QVERIFY(!commitButton->isEnabled());
        QVERIFY(dialog->problem().contains(u"Co-authored-by: Name <email>"_s));
        dialog->trailerEdit()->setText(u"Co-authored-by: Priya Iyer <priya@example.org>"_s);
        QVERIFY(commitButton->isEnabled());
        QVERIFY(dialog->grab().save(artifact(u"codewindow-commit-dialog.png"_s)));
        commitButton->click();
        QVERIFY(committed.wait());

        // One change set, with every file, the message with its trailer, the TA as author.
        QCOMPARE(repo.received.size(), 1);
        const course::ChangeSet &set = repo.received.first();
        QCOMPARE(changedPaths(set), (QStringList{u"-README.md"_s, u"public/health.html"_s, u"server.js"_s}));
        QCOMPARE(set.message,
                 u"Fix the syntax error in server.js\n\nCo-authored-by: Priya Iyer <priya@example.org>"_s);
        QCOMPARE(set.author, (course::Person{u"Sam TA"_s, u"sam.ta@example.edu"_s}));
        // What the repository holds now.
        const FakeRepository::Commit &head = repo.commitAt(repo.head());
        QVERIFY(!head.files.contains(u"README.md"_s));
        QCOMPARE(head.files.value(u"public/health.html"_s), QByteArray("<p>ok</p>\n"));
        QVERIFY(head.files.value(u"server.js"_s).contains("\n});\napp.get('/api/time'"));
        QCOMPARE(committed.first().first().toByteArray(), repo.head());
        // And what the window shows.
        QCOMPARE(w.baseCommit(), repo.head());
        QVERIFY(w.pendingChanges().isEmpty());
        QVERIFY(!editor->differsFromBase());
        QCOMPARE(w.tabs()->tabText(w.tabs()->indexOf(editor)), u"server.js"_s);
        QVERIFY(!w.treePaths().contains(u"README.md"_s));
        QVERIFY(w.statusText().contains(u"Committed"_s));
        QVERIFY(w.journal()->isEmpty());
        // Nothing left: the commit action says so instead of opening an empty dialog.
        QVERIFY(!w.startCommit());
        QVERIFY(w.statusText().startsWith(u"Nothing to commit"_s));
    }

    void failedCommitKeepsTheEdits()
    {
        FakeRepository repo(u"webapps101/priya-iyer"_s, studentFiles());
        CodeWindow w(&repo, nullptr, m_journalRoot.filePath(u"fail"_s));
        openServer(w);
        if (QTest::currentTestFailed())
            return;
        w.editor(u"server.js"_s)->insertAt(u"// hi\n"_s, 0, 0);
        repo.failNext = true;
        QSignalSpy failed(&w, &CodeWindow::commitFailed);
        w.commit({w.baseCommit(), w.pendingChanges(), u"x"_s, {u"Sam TA"_s, u"sam@example.edu"_s}});
        QVERIFY(failed.wait());
        QVERIFY(w.statusText().contains(u"502"_s));
        QVERIFY(w.statusText().contains(u"Your edits are kept"_s));
        QCOMPARE(w.pendingChanges().size(), 1);
        // Journaled before the commit was even sent.
        QCOMPARE(w.journal()->entries().size(), 1);
        answerNextModal(u"discardButton"_s);
        w.close();
    }

    void branchMovedOpensTheMergeView()
    {
        FakeRepository repo(u"webapps101/priya-iyer"_s, studentFiles());
        CodeWindow w(&repo, nullptr, m_journalRoot.filePath(u"merge"_s));
        openServer(w);
        if (QTest::currentTestFailed())
            return;
        CodeEditor *editor = w.editor(u"server.js"_s);
        const QByteArray opened = w.baseCommit();
        // The TA: the missing "});" on line 12 and the typo on lines 17 and 20.
        editor->setCursorPosition(11, 0);
        QTest::keyClicks(editor, u"});"_s);
        QCOMPARE(editor->replaceAll(u"lisen"_s, u"listen"_s), 2);
        // Meanwhile the student pushes: a comment on line 2, their own take on line 17, and the README.
        QByteArray theirs = kServerJs;
        theirs.replace("require('express');\n", "require('express'); // web framework\n");
        theirs.replace("app.lisen(port, () => {", "app.listen(port, '0.0.0.0', () => {");
        const QByteArray studentHead = repo.push(
            {{u"server.js"_s, theirs}, {u"README.md"_s, "# My web app\n\nRun `npm start` (port 3000).\n"}},
            u"listen on all interfaces"_s);

        QSignalSpy mergeNeeded(&w, &CodeWindow::mergeNeeded);
        CommitDialog *dialog = w.startCommit();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->messageEdit(), u"Fix the syntax error"_s);
        dialog->findChild<QPushButton *>(u"commitButton"_s)->click();
        QVERIFY(mergeNeeded.wait());
        QCOMPARE(repo.received.size(), 1);
        QCOMPARE(repo.head(), studentHead); // nothing overwritten
        QVERIFY(w.statusText().contains(u"Nothing was overwritten"_s));

        MergeView *merge = w.mergeView();
        QVERIFY(merge);
        QVERIFY(merge->isVisible());
        QCOMPARE(merge->paths(), QStringList{u"server.js"_s});
        QCOMPARE(merge->conflictsLeft(u"server.js"_s), 1);
        QCOMPARE(merge->conflictList()->count(), 1);
        QVERIFY(merge->statusText().contains(u"1 conflict left"_s));
        const QString result = merge->resultEditor()->text();
        // What does not conflict is merged already: the student's comment and the TA's two fixes.
        QVERIFY(result.contains(u"require('express'); // web framework\n"_s));
        QVERIFY(result.contains(u"});\napp.get('/api/time'"_s));
        QVERIFY(result.contains(u"// TODO: app.listen is what"_s));
        QVERIFY(result.contains(u"<<<<<<< ours (conflict 1)\napp.listen(port, () => {\n=======\n"
                                u"app.listen(port, '0.0.0.0', () => {\n>>>>>>> theirs (conflict 1)\n"_s));
        // The panes show the three versions.
        QCOMPARE(merge->theirsPane()->text().toUtf8(), theirs);
        QCOMPARE(merge->basePane()->text().toUtf8(), kServerJs);
        QCOMPARE(merge->oursPane()->text(), editor->text());
        QVERIFY(merge->theirsPane()->markersAtLine(16) != 0);
        QVERIFY(!merge->findChild<QPushButton *>(u"commitMerge"_s)->isEnabled());
        merge->resize(1200, 760);
        QTest::qWait(50);
        QVERIFY(merge->grab().save(artifact(u"mergeview-conflict.png"_s)));

        // Not resolved while a marker remains.
        QString why;
        QVERIFY(!merge->markResolved(&why));
        QVERIFY2(why.contains(u"still has 1 conflict"_s), qPrintable(why));
        // Navigate to it and take the student's line.
        merge->resultEditor()->setCursorPosition(0, 0);
        QVERIFY(merge->nextConflict());
        QCOMPARE(merge->resultEditor()->text(merge->resultEditor()->currentLineNumber() - 1).left(7),
                 u"<<<<<<<"_s);
        merge->findChild<QPushButton *>(u"takeTheirs"_s)->click();
        QCOMPARE(merge->conflictsLeft(u"server.js"_s), 0);
        QVERIFY(!merge->nextConflict());
        merge->findChild<QPushButton *>(u"markResolved"_s)->click();
        QVERIFY(merge->allResolved());
        QVERIFY(merge->findChild<QPushButton *>(u"commitMerge"_s)->isEnabled());
        QTest::qWait(20);
        QVERIFY(merge->grab().save(artifact(u"mergeview-resolved.png"_s)));

        QSignalSpy committed(&w, &CodeWindow::committed);
        merge->findChild<QPushButton *>(u"commitMerge"_s)->click();
        QVERIFY(committed.wait());
        QCOMPARE(repo.received.size(), 2);
        const course::ChangeSet &second = repo.received.last();
        QCOMPARE(second.baseCommit, studentHead);
        QCOMPARE(changedPaths(second), QStringList{u"server.js"_s});
        QCOMPARE(second.message, repo.received.first().message);
        QVERIFY(second.message.endsWith(u"Co-authored-by: Priya Iyer <priya@example.org>"_s));

        // Both changes are in the repository, on top of the student's commit.
        const FakeRepository::Commit &head = repo.commitAt(repo.head());
        QCOMPARE(head.parent, studentHead);
        const QByteArray server = head.files.value(u"server.js"_s);
        QVERIFY(server.contains("require('express'); // web framework\n"));
        QVERIFY(server.contains("app.listen(port, '0.0.0.0', () => {\n"));
        QVERIFY(server.contains("\n});\napp.get('/api/time'"));
        QVERIFY(server.contains("// TODO: app.listen is what"));
        QVERIFY(!server.contains("<<<<<<<"));
        QCOMPARE(head.files.value(u"README.md"_s),
                 QByteArray("# My web app\n\nRun `npm start` (port 3000).\n"));
        // The window is on the new head, showing what was committed.
        QCOMPARE(w.baseCommit(), repo.head());
        QVERIFY(w.baseCommit() != opened);
        QCOMPARE(editor->text().toUtf8(), server);
        QVERIFY(!editor->differsFromBase());
        QVERIFY(w.pendingChanges().isEmpty());
        QTRY_VERIFY(!w.mergeView());
    }

    void closingAsksAndTheJournalComesBack()
    {
        const QString root = m_journalRoot.filePath(u"journal"_s);
        FakeRepository repo(u"webapps101/priya-iyer"_s, studentFiles());
        QString typed;
        {
            CodeWindow w(&repo, nullptr, root);
            openServer(w);
            if (QTest::currentTestFailed())
                return;
            CodeEditor *editor = w.editor(u"server.js"_s);
            editor->setCursorPosition(11, 0);
            QTest::keyClicks(editor, u"}); // fixed"_s);
            typed = editor->text();
            QVERIFY(w.newFile(u"notes.md"_s, u"# Notes for Priya\n"_s));
            // Cancel keeps the window open.
            answerNextModal(u"cancelButton"_s);
            QVERIFY(!w.close());
            QVERIFY(w.isVisible());
            answerNextModal(u"keepButton"_s);
            QVERIFY(w.close());
        }
        // A new window on the same repository offers the edits back.
        CodeWindow w(&repo, nullptr, root);
        w.show();
        QSignalSpy loaded(&w, &CodeWindow::treeLoaded);
        w.reload();
        QVERIFY(loaded.wait());
        QCOMPARE(w.restorableCount(), 2);
        auto *bar = w.findChild<QWidget *>(u"restoreBar"_s);
        QVERIFY(bar->isVisible());
        const QString offer = w.findChild<QLabel *>(u"restoreLabel"_s)->text();
        QVERIFY2(offer.startsWith(u"Restore 2 unsaved files from "_s), qPrintable(offer));
        QVERIFY(offer.contains(u"notes.md, server.js"_s));
        QTest::qWait(20); // let the status bar lay out the new head
        QVERIFY(w.grab().save(artifact(u"codewindow-restore.png"_s)));
        QSignalSpy opened(&w, &CodeWindow::fileOpened);
        w.findChild<QPushButton *>(u"restoreButton"_s)->click();
        QTRY_VERIFY(w.editor(u"server.js"_s) && w.editor(u"server.js"_s)->text() == typed);
        QVERIFY(!bar->isVisible());
        QVERIFY(w.editor(u"server.js"_s)->differsFromBase());
        QCOMPARE(w.editor(u"notes.md"_s)->text(), u"# Notes for Priya\n"_s);
        QCOMPARE(w.pendingChanges().size(), 2);

        // Discard on close: the journal is empty and the next window offers nothing.
        answerNextModal(u"discardButton"_s);
        QVERIFY(w.close());
        QVERIFY(w.journal()->isEmpty());
        CodeWindow again(&repo, nullptr, root);
        QSignalSpy loadedAgain(&again, &CodeWindow::treeLoaded);
        again.reload();
        QVERIFY(loadedAgain.wait());
        QCOMPARE(again.restorableCount(), 0);
    }

    void journalFromAnOlderCommitLeadsToAMerge()
    {
        const QString root = m_journalRoot.filePath(u"older"_s);
        FakeRepository repo(u"webapps101/priya-iyer"_s, studentFiles());
        const QByteArray before = repo.head();
        {
            CodeWindow w(&repo, nullptr, root);
            openServer(w);
            if (QTest::currentTestFailed())
                return;
            w.editor(u"server.js"_s)->insertAt(u"// TA was here\n"_s, 0, 0);
            answerNextModal(u"keepButton"_s);
            QVERIFY(w.close());
        }
        // The student pushes before the TA comes back.
        QByteArray theirs = kServerJs;
        theirs.append("// student was here\n");
        repo.push({{u"server.js"_s, theirs}}, u"more"_s);

        CodeWindow w(&repo, nullptr, root);
        w.show();
        QSignalSpy loaded(&w, &CodeWindow::treeLoaded);
        w.reload();
        QVERIFY(loaded.wait());
        QVERIFY(w.findChild<QLabel *>(u"restoreLabel"_s)->text().contains(u"the branch is at"_s));
        w.restoreJournal();
        QTRY_VERIFY(w.editor(u"server.js"_s));
        QCOMPARE(w.baseCommit(), before);
        QSignalSpy mergeNeeded(&w, &CodeWindow::mergeNeeded);
        w.commit({w.baseCommit(), w.pendingChanges(), u"x"_s, {u"Sam TA"_s, u"sam@example.edu"_s}});
        QVERIFY(mergeNeeded.wait());
        // The two edits do not touch: merged cleanly, nothing to resolve.
        QVERIFY(w.mergeView()->allResolved());
        const QString merged = w.mergeView()->resultEditor()->text();
        QVERIFY(merged.startsWith(u"// TA was here\n'use strict';"_s));
        QVERIFY(merged.endsWith(u"// student was here\n"_s));
        QSignalSpy committed(&w, &CodeWindow::committed);
        w.mergeView()->requestCommit();
        QVERIFY(committed.wait());
        QCOMPARE(repo.commitAt(repo.head()).files.value(u"server.js"_s), merged.toUtf8());
        answerNextModal(u"discardButton"_s);
        w.close();
    }
};

QTEST_MAIN(TestCodeWindow)
#include "tst_codewindow.moc"
