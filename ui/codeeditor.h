#pragma once

#include <Qsci/qsciscintilla.h>

class QsciLexer;

// The editor for one file of a student's repository: a lexer picked from the
// file name (JavaScript, JSON, HTML, CSS, Markdown, YAML), line numbers,
// folding, brace matching, find and replace, go to line, and the line the
// last stack trace points at marked with the error beside it. It knows the
// text the repository holds (the base) and so whether it differs from it.
class CodeEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    // The repository path; picks the lexer.
    void setPath(const QString &path);
    QString path() const { return m_path; }
    // "JavaScript", "JSON", "HTML", "CSS", "Markdown", "YAML", or empty for plain text.
    QString languageName() const;
    static QsciLexer *lexerForPath(const QString &path, QObject *parent);

    // What the repository holds; the buffer differs from HEAD when its text is not this.
    void setBaseText(const QString &text);
    // Replaces the buffer and the base with `text`.
    void loadText(const QString &text);
    QString baseText() const { return m_base; }
    bool differsFromBase() const { return m_differs; }

    // Finds `needle` from the cursor (wrapping around) and selects it. False when it is nowhere.
    bool find(const QString &needle, bool forward = true, bool caseSensitive = false, bool wholeWord = false);
    // Replaces the selection when it is a match, then finds the next one.
    bool replaceAndFind(const QString &needle, const QString &replacement, bool caseSensitive = false,
                        bool wholeWord = false);
    // Replaces every match as one undo step; returns how many.
    int replaceAll(const QString &needle, const QString &replacement, bool caseSensitive = false,
                   bool wholeWord = false);
    // 1-based, clamped to the file; puts the cursor at the line's start and scrolls it to the middle.
    void goToLine(int line);
    int currentLineNumber() const; // 1-based

    // The last stack trace points at `line` (1-based): a marker in the margin,
    // the line tinted and `message` shown under it. One at a time.
    void markErrorLine(int line, const QString &message);
    void clearErrorLine();
    int errorLine() const { return m_errorLine; } // 1-based, 0: none
    QString errorMessage() const { return m_errorMessage; }

    enum Marker { ErrorArrow = 0, ErrorBackground = 1 };

Q_SIGNALS:
    // The buffer started or stopped differing from the base.
    void differsFromBaseChanged(bool differs);

private:
    void onTextChanged();
    void updateLineNumberWidth();

    QString m_path;
    QString m_base;
    bool m_differs = false;
    int m_errorLine = 0;
    QString m_errorMessage;
    int m_lineDigits = 0;
};
