#include "codeeditor.h"
#include "theme.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QRegularExpression>
#include <Qsci/qscilexercss.h>
#include <Qsci/qscilexerhtml.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexermarkdown.h>
#include <Qsci/qscilexeryaml.h>
#include <Qsci/qscistyle.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kLineNumberMargin = 0;
constexpr int kMarkerMargin = 1;
constexpr int kFoldMargin = 2;
constexpr int kErrorAnnotationStyle = 200;

QFont editorFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSize(std::max(9, f.pointSize()));
    return f;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setObjectName(u"codeEditor"_s);
    setUtf8(true);
    setFont(editorFont());
    setMarginsFont(editorFont());
    setMarginType(kLineNumberMargin, NumberMargin);
    setMarginLineNumbers(kLineNumberMargin, true);
    setMarginType(kMarkerMargin, SymbolMargin);
    setMarginWidth(kMarkerMargin, 16);
    setMarginMarkerMask(kMarkerMargin, 1 << ErrorArrow);
    setFolding(BoxedTreeFoldStyle, kFoldMargin);
    setBraceMatching(SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    setTabWidth(2);
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor(245, 245, 250));
    theme::adaptEditor(this);
    setEdgeMode(EdgeNone);
    setWrapMode(WrapNone);
    setEolMode(EolUnix);

    markerDefine(RightArrow, ErrorArrow);
    setMarkerBackgroundColor(QColor(200, 30, 30), ErrorArrow);
    setMarkerForegroundColor(QColor(120, 0, 0), ErrorArrow);
    markerDefine(Background, ErrorBackground);
    setMarkerBackgroundColor(theme::background(QColor(255, 225, 225)), ErrorBackground);
    setAnnotationDisplay(AnnotationBoxed);

    connect(this, &QsciScintilla::textChanged, this, &CodeEditor::onTextChanged);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    updateLineNumberWidth();
}

CodeEditor::~CodeEditor() = default;

QsciLexer *CodeEditor::lexerForPath(const QString &path, QObject *parent)
{
    const QString name = QFileInfo(path).fileName().toLower();
    const QString suffix = QFileInfo(path).suffix().toLower();
    QsciLexer *lexer = nullptr;
    if (suffix == u"js"_s || suffix == u"mjs"_s || suffix == u"cjs"_s || suffix == u"jsx"_s)
        lexer = new QsciLexerJavaScript(parent);
    else if (suffix == u"json"_s || name == u".eslintrc"_s || name == u".babelrc"_s)
        lexer = new QsciLexerJSON(parent);
    else if (suffix == u"html"_s || suffix == u"htm"_s || suffix == u"ejs"_s)
        lexer = new QsciLexerHTML(parent);
    else if (suffix == u"css"_s)
        lexer = new QsciLexerCSS(parent);
    else if (suffix == u"md"_s || suffix == u"markdown"_s)
        lexer = new QsciLexerMarkdown(parent);
    else if (suffix == u"yml"_s || suffix == u"yaml"_s)
        lexer = new QsciLexerYAML(parent);
    if (lexer) {
        lexer->setDefaultFont(editorFont());
        lexer->setFont(editorFont(), -1);
        theme::adaptLexer(lexer);
    }
    return lexer;
}

void CodeEditor::setPath(const QString &path)
{
    m_path = path;
    QsciLexer *old = lexer();
    setLexer(lexerForPath(path, this));
    delete old;
    if (!lexer())
        setFont(editorFont());
    // A lexer resets the margins' font and colours; put the error styling back.
    setMarginsFont(editorFont());
    setMarkerBackgroundColor(QColor(200, 30, 30), ErrorArrow);
    setMarkerBackgroundColor(theme::background(QColor(255, 225, 225)), ErrorBackground);
    updateLineNumberWidth();
}

QString CodeEditor::languageName() const
{
    return lexer() ? QString::fromLatin1(lexer()->language()) : QString();
}

void CodeEditor::setBaseText(const QString &text)
{
    m_base = text;
    onTextChanged();
}

void CodeEditor::loadText(const QString &text)
{
    m_base = text;
    setText(text);
    setModified(false);
    onTextChanged();
}

void CodeEditor::onTextChanged()
{
    const bool differs = text() != m_base;
    if (differs != m_differs) {
        m_differs = differs;
        Q_EMIT differsFromBaseChanged(differs);
    }
}

void CodeEditor::updateLineNumberWidth()
{
    const int digits = int(QString::number(std::max(1, lines())).size());
    if (digits == m_lineDigits)
        return;
    m_lineDigits = digits;
    setMarginWidth(kLineNumberMargin, QString(std::max(3, digits) + 1, u'9'));
}

bool CodeEditor::find(const QString &needle, bool forward, bool caseSensitive, bool wholeWord)
{
    if (needle.isEmpty())
        return false;
    int line = -1;
    int index = -1;
    if (!forward && hasSelectedText()) {
        // Backwards from the start of the current match, not from inside it.
        int lineTo, indexTo;
        getSelection(&line, &index, &lineTo, &indexTo);
    }
    return findFirst(needle, false, caseSensitive, wholeWord, true, forward, line, index);
}

bool CodeEditor::replaceAndFind(const QString &needle, const QString &replacement, bool caseSensitive,
                                bool wholeWord)
{
    const Qt::CaseSensitivity cs = caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (hasSelectedText() && selectedText().compare(needle, cs) == 0)
        replaceSelectedText(replacement);
    return find(needle, true, caseSensitive, wholeWord);
}

int CodeEditor::replaceAll(const QString &needle, const QString &replacement, bool caseSensitive,
                           bool wholeWord)
{
    if (needle.isEmpty())
        return 0;
    QString pattern = QRegularExpression::escape(needle);
    if (wholeWord)
        pattern = u"\\b"_s + pattern + u"\\b"_s;
    const QRegularExpression re(pattern, caseSensitive ? QRegularExpression::NoPatternOption
                                                       : QRegularExpression::CaseInsensitiveOption);
    QString all = text();
    int count = 0;
    for (auto it = re.globalMatch(all); it.hasNext(); it.next())
        ++count;
    if (count == 0)
        return 0;
    QString after = replacement;
    after.replace(u'\\', u"\\\\"_s); // taken literally, no back-references
    all.replace(re, after);
    int line, index;
    getCursorPosition(&line, &index);
    const int first = firstVisibleLine();
    beginUndoAction();
    selectAll();
    replaceSelectedText(all);
    endUndoAction();
    setCursorPosition(std::min(line, lines() - 1), 0);
    setFirstVisibleLine(first);
    return count;
}

void CodeEditor::goToLine(int line)
{
    const int target = std::clamp(line, 1, std::max(1, lines())) - 1;
    setCursorPosition(target, 0);
    const int visible = int(SendScintilla(SCI_LINESONSCREEN));
    setFirstVisibleLine(std::max(0, target - visible / 2));
    ensureLineVisible(target);
    setFocus();
}

int CodeEditor::currentLineNumber() const
{
    int line, index;
    getCursorPosition(&line, &index);
    return line + 1;
}

void CodeEditor::markErrorLine(int line, const QString &message)
{
    clearErrorLine();
    m_errorLine = std::clamp(line, 1, std::max(1, lines()));
    m_errorMessage = message;
    markerAdd(m_errorLine - 1, ErrorArrow);
    markerAdd(m_errorLine - 1, ErrorBackground);
    QsciStyle style(kErrorAnnotationStyle, u"error annotation"_s, QColor(140, 0, 0), QColor(255, 240, 240),
                    editorFont());
    annotate(m_errorLine - 1, message, style);
    goToLine(m_errorLine);
}

void CodeEditor::clearErrorLine()
{
    markerDeleteAll(ErrorArrow);
    markerDeleteAll(ErrorBackground);
    clearAnnotations();
    m_errorLine = 0;
    m_errorMessage.clear();
}
