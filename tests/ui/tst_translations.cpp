// Translations (issue 9): every string the console shows in Hindi and German
// has a translation, every .ts message is finished, and screenshots of the main
// window in Hindi, German, the dark and the high-contrast theme are saved.

#include "everywindow.h"
#include "fleetmodel.h"
#include "theme.h"
#include "../common/screenshots.h"

#include <Qsci/qsciscintilla.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStyle>
#include <QStandardPaths>
#include <QTableView>
#include <QTranslator>
#include <QXmlStreamReader>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Qt's own strings (standard buttons, context menus) come from qtbase_*.qm,
// not from ours; Debian ships no Hindi one.
bool isQtsOwn(QLatin1StringView context)
{
    if (context == "QObject"_L1)
        return false; // our QObject::tr() calls
    return context.size() > 1 && context[0] == u'Q' &&
           (QChar(context[1]).isUpper() || context.startsWith("Qsci"_L1) || context.startsWith("QtCharts"_L1));
}

// Answers like the real translator and notes every string of ours it had no translation for.
class MissingTranslations : public QTranslator
{
public:
    bool load(const QString &language) { return m_real.load(u":/i18n/courseops_"_s + language); }
    bool isEmpty() const override { return false; }

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override
    {
        const QString found = m_real.translate(context, sourceText, disambiguation, n);
        const QString source = QString::fromUtf8(sourceText);
        if (found.isEmpty() && !isQtsOwn(QLatin1StringView(context)) && source.contains(QRegularExpression(u"\\p{L}"_s)))
            m_missing.insert(QLatin1StringView(context) + u": "_s + source);
        return found;
    }

    void clear() { m_missing.clear(); }
    QStringList missing() const
    {
        QStringList list(m_missing.cbegin(), m_missing.cend());
        list.sort();
        return list;
    }

private:
    QTranslator m_real;
    mutable QSet<QString> m_missing;
};

// WCAG's contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

// Buttons, one-line labels and table headers narrower than their text (cut off).
QStringList cutOff(const QList<QWidget *> &windows)
{
    QStringList problems;
    for (QWidget *window : windows) {
        for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
            if (b->isVisibleTo(window) && !b->text().isEmpty() && b->width() < b->minimumSizeHint().width())
                problems << u"%1: button \"%2\" is %3 px wide, needs %4"_s.arg(QString::fromLatin1(window->metaObject()->className()),
                                                                                 b->text())
                                .arg(b->width())
                                .arg(b->minimumSizeHint().width());
        }
        for (QLabel *l : window->findChildren<QLabel *>()) {
            if (l->isVisibleTo(window) && !l->wordWrap() && l->textFormat() != Qt::RichText &&
                !l->text().contains(u'<') && !l->text().isEmpty() && l->width() < l->minimumSizeHint().width())
                problems << u"%1: label \"%2\" is %3 px wide, needs %4"_s.arg(QString::fromLatin1(window->metaObject()->className()),
                                                                                l->text())
                                .arg(l->width())
                                .arg(l->minimumSizeHint().width());
        }
    }
    return problems;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"CourseOpsTest"_s);
        QApplication::setApplicationName(u"tst_translations"_s);
        QSettings().clear();
        QApplication::setFont(QFont(u"DejaVu Sans"_s, 9));
    }

    void everyTsMessageIsFinished_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("hi") << u"" COURSEOPS_SOURCE_DIR "/translations/courseops_hi.ts"_s;
        QTest::newRow("de") << u"" COURSEOPS_SOURCE_DIR "/translations/courseops_de.ts"_s;
    }

    void everyTsMessageIsFinished()
    {
        QFETCH(QString, file);
        QFile ts(file);
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(file));
        QXmlStreamReader xml(&ts);
        QString context, source;
        QStringList unfinished;
        int messages = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == "name"_L1) {
                context = xml.readElementText();
            } else if (xml.name() == "source"_L1) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == "translation"_L1) {
                const QStringView type = xml.attributes().value("type"_L1);
                QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!type.isEmpty() || text.trimmed().isEmpty())
                    unfinished << context + u": "_s + source + (type.isEmpty() ? QString() : u" ("_s + type + u')');
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 400);
        QVERIFY2(unfinished.isEmpty(), qPrintable(u"not translated (run translations/update.sh, then translate):\n"_s +
                                                   unfinished.join(u'\n')));
    }

    void everyVisibleStringIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fleetHeader");
        QTest::newRow("hi") << u"hi"_s << u"छात्र"_s;
        QTest::newRow("de") << u"de"_s << u"Studierende(r)"_s;
    }

    // What lupdate cannot see: a sentence the console shows without tr().
    // Every phrase-like literal in ui/ must sit in a tr() call or be one of
    // the few that are not shown as interface text.
    void noInterfaceTextOutsideTr()
    {
        // A literal of two or more words, as interface text is written.
        static const QRegularExpression phrase(
            u"(QStringLiteral\\(|QLatin1String\\(|\\bu)\"[A-Za-z][a-z]*( [A-Za-z]+)+[^\"]*\""_s);
        static const QStringList notInterfaceText{
            u"QsciStyle"_s,        // a lexer style's description (never shown)
            u"audit()->append"_s,  // the audit log's records are data
            u"setObjectName"_s,    // names for code and debuggers
        };
        QStringList unmarked;
        const QDir ui(u"" COURSEOPS_SOURCE_DIR "/ui"_s);
        const QStringList files = ui.entryList({u"*.cpp"_s, u"*.h"_s}, QDir::Files);
        QVERIFY(files.size() > 20);
        for (const QString &name : files) {
            QFile f(ui.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
            int number = 0;
            while (!f.atEnd()) {
                const QString line = QString::fromUtf8(f.readLine());
                ++number;
                if (!phrase.match(line).hasMatch() || line.contains(u"tr("_s) || line.trimmed().startsWith(u"//"_s))
                    continue;
                if (std::any_of(notInterfaceText.cbegin(), notInterfaceText.cend(),
                                [&](const QString &allowed) { return line.contains(allowed); }))
                    continue;
                unmarked << u"ui/%1:%2: %3"_s.arg(name).arg(number).arg(line.trimmed());
            }
        }
        QVERIFY2(unmarked.isEmpty(), qPrintable(u"interface text outside tr() (wrap it in tr() and run "
                                                 "translations/update.sh):\n"_s + unmarked.join(u'\n')));
    }

    void everyVisibleStringIsTranslated()
    {
        QFETCH(QString, language);
        QFETCH(QString, fleetHeader);
        MissingTranslations translator;
        QVERIFY2(translator.load(language), "the .qm files are built into the test as resources (/i18n)");
        QApplication::installTranslator(&translator);
        auto uninstall = qScopeGuard([&] { QApplication::removeTranslator(&translator); });
        // The recorder itself: a string of ours with no translation is noted.
        QCOMPARE(QCoreApplication::translate("MainWindow", "A string nobody translated"),
                 u"A string nobody translated"_s);
        QCOMPARE(translator.missing(), QStringList{u"MainWindow: A string nobody translated"_s});
        translator.clear();

        EveryWindow all;
        all.build();
        QVERIFY(QTest::qWaitForWindowExposed(all.main.get()));
        QCOMPARE(all.main->fleetModel()->headerData(FleetModel::Student, Qt::Horizontal, Qt::DisplayRole).toString(), fleetHeader);
        QVERIFY(all.main->grab().save(artifact(u"mainwindow-%1.png"_s.arg(language))));
        for (QWidget *w : all.windows()) {
            if (QByteArrayView(w->metaObject()->className()) == "CodeWindow" ||
                QByteArrayView(w->metaObject()->className()) == "SettingsDialog")
                QVERIFY(w->grab().save(artifact(u"%1-%2.png"_s.arg(QString::fromLatin1(w->metaObject()->className()).toLower(), language))));
        }

        const QStringList missing = translator.missing();
        QVERIFY2(missing.isEmpty(), qPrintable(u"%1 string(s) shown without a %2 translation (run "
                                                 "translations/update.sh and translate them):\n"_s.arg(missing.size())
                                                   .arg(language) +
                                               missing.join(u'\n')));
        // In each menu (and the menu bar) every &-letter leads to one entry only.
        QStringList clashes;
        QList<QWidget *> menuLike;
        for (QWidget *w : all.windows()) {
            if (auto *mw = qobject_cast<QMainWindow *>(w))
                menuLike.append(mw->menuBar());
        }
        for (QMenu *m : all.menus())
            menuLike.append(m);
        for (QWidget *m : menuLike) {
            QMap<QChar, QString> letters;
            for (QAction *a : m->actions()) {
                const QString text = a->text();
                const qsizetype amp = text.indexOf(QRegularExpression(u"&[^&]"_s));
                if (amp < 0 || !a->isVisible())
                    continue;
                const QChar letter = text.at(amp + 1).toLower();
                if (letters.contains(letter))
                    clashes << u"\"%1\" and \"%2\" share &%3"_s.arg(letters.value(letter), text, letter);
                letters.insert(letter, text);
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
        const QStringList cut = cutOff(all.windows());
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));

        QTableView *table = all.main->fleetView();
        for (int c = 0; c + 1 < table->model()->columnCount(); ++c) {
            const QString header = table->model()->headerData(c, Qt::Horizontal).toString();
            const int needed = table->horizontalHeader()->fontMetrics().horizontalAdvance(header);
            QVERIFY2(table->horizontalHeader()->sectionSize(c) >= needed,
                     qPrintable(u"column \"%1\" is cut off"_s.arg(header)));
        }
    }

    void themesKeepTextReadable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("dark") << u"dark"_s;
        QTest::newRow("high-contrast") << u"high-contrast"_s;
        QTest::newRow("light") << u"light"_s;
    }

    void themesKeepTextReadable()
    {
        QFETCH(QString, name);
        const std::optional<theme::Theme> chosen = theme::fromKey(name);
        QVERIFY(chosen);
        QCOMPARE(theme::key(*chosen), name);
        theme::apply(*chosen);
        auto back = qScopeGuard([] { theme::apply(theme::Theme::System); });
        QCOMPARE(theme::current(), *chosen);
        const QPalette p = QGuiApplication::palette();
        QCOMPARE(theme::isDark(p), *chosen != theme::Theme::Light);
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
        QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 4.5);
        for (theme::Tone tone : {theme::Tone::Error, theme::Tone::Warning, theme::Tone::Ok, theme::Tone::Info})
            QVERIFY2(contrast(theme::foreground(tone, p), p.color(QPalette::Base)) >= 4.5, qPrintable(name));
        if (*chosen == theme::Theme::HighContrast)
            QVERIFY(qApp->styleSheet().contains(u"3px solid #ffff00"_s)); // the thick focus frame

        MainWindow w;
        QVERIFY(w.openCourse(u":/demo/course.yaml"_s, u":/demo/roster.csv"_s, true));
        w.resize(1100, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Crash-looping rows are coloured for the theme's background, not the light one's.
        w.fleetModel()->setRows(sampleRows());
        const int crashing = 1; // Priya Iyer, CrashLoopBackOff
        const QColor statusColour =
            w.fleetModel()->index(crashing, FleetModel::Status).data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(contrast(statusColour, w.fleetView()->palette().color(QPalette::Base)) >= 4.5);
        QVERIFY(w.grab().save(artifact(u"mainwindow-%1.png"_s.arg(name))));
        ClusterHealthView health;
        health.resize(800, 600);
        health.show();
        QVERIFY(QTest::qWaitForWindowExposed(&health));
        QVERIFY(health.grab().save(artifact(u"clusterhealth-%1.png"_s.arg(name))));

        // The code editors paint their own paper: it follows the palette too.
        DiffView diff;
        diff.resize(900, 300);
        diff.setTexts(DiffView::Mode::WorkingAgainstHead, u"server.js"_s, u"HEAD"_s,
                      u"const express = require('express');\n// the app\napp.listen(3000);\n"_s, u"yours"_s,
                      u"const express = require('express');\n// the app, fixed\napp.listen(process.env.PORT);\n"_s);
        diff.show();
        QVERIFY(QTest::qWaitForWindowExposed(&diff));
        auto *left = diff.findChild<QsciScintilla *>(u"diffLeft"_s);
        QVERIFY(left);
        QCOMPARE(theme::isDark(p), left->paper().lightness() < 128);
        QVERIFY(diff.grab().save(artifact(u"diff-%1.png"_s.arg(name))));
    }

    void settingsRememberAndPreviewTheTheme()
    {
        const QColor systemBase = QGuiApplication::palette().color(QPalette::Base);
        const QString systemStyle = QApplication::style()->name();
        ConsoleSettings s;
        s.theme = theme::Theme::Dark;
        s.save();
        QCOMPARE(ConsoleSettings::load().theme, theme::Theme::Dark);
        {
            SettingsDialog dialog(ConsoleSettings::load());
            auto *combo = dialog.findChild<QComboBox *>();
            QVERIFY(combo);
            combo->setCurrentIndex(combo->findData(int(theme::Theme::HighContrast)));
            QCOMPARE(theme::current(), theme::Theme::HighContrast); // previewed at once
            QCOMPARE(dialog.settings().theme, theme::Theme::HighContrast);
            dialog.reject();
            QCOMPARE(theme::current(), theme::Theme::System); // what it opened with
            QCOMPARE(QGuiApplication::palette().color(QPalette::Base), systemBase);
            QCOMPARE(QApplication::style()->name(), systemStyle);
        }
        s.theme = theme::Theme::System;
        s.save();
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
