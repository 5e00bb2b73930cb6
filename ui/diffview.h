#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QsciScintilla;

// Two versions of a file side by side: the working change against HEAD, or the
// student's file against the template's. Rows are aligned (a grey filler row
// stands in for a line the other side does not have), changed lines are
// tinted, the changed part of a changed line is boxed, and both sides scroll
// together.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode : quint8 { WorkingAgainstHead, StudentAgainstTemplate };
    Q_ENUM(Mode)

    struct Row
    {
        enum class Kind : quint8 { Same, Changed, Removed, Added };
        Kind kind = Kind::Same;
        int left = -1;  // 0-based line on the left, -1: filler
        int right = -1; // 0-based line on the right, -1: filler
    };

    explicit DiffView(QWidget *parent = nullptr);

    void setTexts(Mode mode, const QString &path, const QString &leftTitle, const QString &leftText,
                  const QString &rightTitle, const QString &rightText);

    Mode mode() const { return m_mode; }
    QString path() const { return m_path; }
    const QList<Row> &rows() const { return m_rows; }
    // The rows that are not Same.
    int differingRowCount() const;
    // "3 lines changed, 1 added, 0 removed" or "No differences."
    QString summary() const;
    QsciScintilla *leftPane() const { return m_left; }
    QsciScintilla *rightPane() const { return m_right; }
    // Scrolls both sides to the next/previous differing row after the top one.
    void nextDifference();
    void previousDifference();

private:
    void syncScroll(QsciScintilla *from, QsciScintilla *to);

    Mode m_mode = Mode::WorkingAgainstHead;
    QString m_path;
    QList<Row> m_rows;
    QLabel *m_leftTitle = nullptr;
    QLabel *m_rightTitle = nullptr;
    QLabel *m_summary = nullptr;
    QsciScintilla *m_left = nullptr;
    QsciScintilla *m_right = nullptr;
    bool m_syncing = false;
};
