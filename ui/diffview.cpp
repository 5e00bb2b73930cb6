#include "diffview.h"
#include "theme.h"

#include "codeeditor.h"
#include "course/merge3.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>
#include <QToolButton>
#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

using namespace Qt::StringLiterals;

namespace {

// tr() with %n and no English translation loaded leaves "file(s)": pick the English form.
QString plural(QString text, qsizetype n)
{
    text.replace(u"(s)"_s, n == 1 ? QString() : u"s"_s);
    return text;
}

enum DiffMarker { RemovedLine = 0, AddedLine = 1, ChangedLine = 2, FillerLine = 3 };
constexpr int kIntraIndicator = 9;
constexpr int kNumberStyle = 210;

QString displayLine(const QString &line)
{
    if (line.endsWith(u"\r\n"_s))
        return line.chopped(2);
    if (line.endsWith(u'\n'))
        return line.chopped(1);
    return line;
}

QsciScintilla *makePane(QWidget *parent, const QString &name)
{
    auto *pane = new QsciScintilla(parent);
    pane->setObjectName(name);
    pane->setUtf8(true);
    pane->setReadOnly(true);
    pane->setMarginType(0, QsciScintilla::TextMarginRightJustified);
    pane->setMarginWidth(0, u"999999"_s);
    pane->setMarginWidth(1, 0);
    pane->setMarginsFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->markerDefine(QsciScintilla::Background, RemovedLine);
    pane->setMarkerBackgroundColor(theme::background(QColor(255, 220, 220)), RemovedLine);
    pane->markerDefine(QsciScintilla::Background, AddedLine);
    pane->setMarkerBackgroundColor(theme::background(QColor(215, 245, 215)), AddedLine);
    pane->markerDefine(QsciScintilla::Background, ChangedLine);
    pane->setMarkerBackgroundColor(theme::background(QColor(255, 243, 205)), ChangedLine);
    pane->markerDefine(QsciScintilla::Background, FillerLine);
    pane->setMarkerBackgroundColor(theme::background(QColor(232, 232, 232)), FillerLine);
    pane->indicatorDefine(QsciScintilla::FullBoxIndicator, kIntraIndicator);
    pane->setIndicatorForegroundColor(QColor(230, 140, 40, 120), kIntraIndicator);
    pane->setIndicatorDrawUnder(true, kIntraIndicator);
    pane->setCaretLineVisible(false);
    theme::adaptEditor(pane);
    return pane;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"diffView"_s);
    m_left = makePane(this, u"diffLeft"_s);
    m_right = makePane(this, u"diffRight"_s);
    m_left->setAccessibleName(tr("Before"));
    m_right->setAccessibleName(tr("After"));
    m_leftTitle = new QLabel(this);
    m_leftTitle->setObjectName(u"diffLeftTitle"_s);
    m_rightTitle = new QLabel(this);
    m_rightTitle->setObjectName(u"diffRightTitle"_s);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"diffSummary"_s);
    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous difference"));
    previous->setAccessibleName(previous->toolTip());
    previous->setAutoRaise(true);
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next difference"));
    next->setAccessibleName(next->toolTip());
    next->setAutoRaise(true);
    connect(previous, &QToolButton::clicked, this, &DiffView::previousDifference);
    connect(next, &QToolButton::clicked, this, &DiffView::nextDifference);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setSpacing(4);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(previous);
    bar->addWidget(next);
    grid->addLayout(bar, 0, 0, 1, 2);
    grid->addWidget(m_leftTitle, 1, 0);
    grid->addWidget(m_rightTitle, 1, 1);
    grid->addWidget(m_left, 2, 0);
    grid->addWidget(m_right, 2, 1);

    // Scintilla reports scrolling on its next update; the scroll bars move on drags.
    connect(m_left, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int updated) {
        if (updated & (QsciScintillaBase::SC_UPDATE_V_SCROLL | QsciScintillaBase::SC_UPDATE_H_SCROLL))
            syncScroll(m_left, m_right);
    });
    connect(m_right, &QsciScintillaBase::SCN_UPDATEUI, this, [this](int updated) {
        if (updated & (QsciScintillaBase::SC_UPDATE_V_SCROLL | QsciScintillaBase::SC_UPDATE_H_SCROLL))
            syncScroll(m_right, m_left);
    });
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { syncScroll(m_left, m_right); });
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { syncScroll(m_right, m_left); });
    connect(m_left->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this](int v) {
        if (!m_syncing) {
            m_syncing = true;
            m_right->horizontalScrollBar()->setValue(v);
            m_syncing = false;
        }
    });
    connect(m_right->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this](int v) {
        if (!m_syncing) {
            m_syncing = true;
            m_left->horizontalScrollBar()->setValue(v);
            m_syncing = false;
        }
    });
}

void DiffView::syncScroll(QsciScintilla *from, QsciScintilla *to)
{
    if (m_syncing)
        return;
    m_syncing = true;
    // Rows are aligned, so the same first row means the same place in the file.
    if (to->firstVisibleLine() != from->firstVisibleLine())
        to->setFirstVisibleLine(from->firstVisibleLine());
    const int x = int(from->SendScintilla(QsciScintillaBase::SCI_GETXOFFSET));
    if (int(to->SendScintilla(QsciScintillaBase::SCI_GETXOFFSET)) != x)
        to->SendScintilla(QsciScintillaBase::SCI_SETXOFFSET, x);
    m_syncing = false;
}

void DiffView::setTexts(Mode mode, const QString &path, const QString &leftTitle, const QString &leftText,
                        const QString &rightTitle, const QString &rightText)
{
    m_mode = mode;
    m_path = path;
    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    const QStringList a = course::splitLines(leftText);
    const QStringList b = course::splitLines(rightText);

    m_rows.clear();
    int i = 0;
    int j = 0;
    auto same = [&](int upToLeft) {
        while (i < upToLeft) {
            m_rows.append({Row::Kind::Same, i, j});
            ++i;
            ++j;
        }
    };
    for (const course::DiffHunk &h : course::diffLines(a, b)) {
        same(h.oldStart);
        const int paired = std::min(h.oldCount, h.newCount);
        for (int k = 0; k < paired; ++k)
            m_rows.append({Row::Kind::Changed, h.oldStart + k, h.newStart + k});
        for (int k = paired; k < h.oldCount; ++k)
            m_rows.append({Row::Kind::Removed, h.oldStart + k, -1});
        for (int k = paired; k < h.newCount; ++k)
            m_rows.append({Row::Kind::Added, -1, h.newStart + k});
        i = h.oldStart + h.oldCount;
        j = h.newStart + h.newCount;
    }
    same(int(a.size()));

    QStringList leftRows;
    QStringList rightRows;
    leftRows.reserve(m_rows.size());
    rightRows.reserve(m_rows.size());
    for (const Row &r : std::as_const(m_rows)) {
        leftRows << (r.left >= 0 ? displayLine(a[r.left]) : QString());
        rightRows << (r.right >= 0 ? displayLine(b[r.right]) : QString());
    }
    for (QsciScintilla *pane : {m_left, m_right}) {
        QsciLexer *old = pane->lexer();
        pane->setLexer(CodeEditor::lexerForPath(path, pane));
        delete old;
        if (!pane->lexer())
            pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        pane->setMarkerBackgroundColor(theme::background(QColor(255, 220, 220)), RemovedLine);
        pane->setMarkerBackgroundColor(theme::background(QColor(215, 245, 215)), AddedLine);
        pane->setMarkerBackgroundColor(theme::background(QColor(255, 243, 205)), ChangedLine);
        pane->setMarkerBackgroundColor(theme::background(QColor(232, 232, 232)), FillerLine);
        pane->setReadOnly(false);
        pane->setText((pane == m_left ? leftRows : rightRows).join(u'\n'));
        pane->setReadOnly(true);
        pane->markerDeleteAll();
        pane->clearMarginText();
    }
    const QsciStyle numberStyle(kNumberStyle, u"line number"_s, theme::foreground(theme::Tone::Muted),
                                theme::background(QColor(240, 240, 240)),
                                QFontDatabase::systemFont(QFontDatabase::FixedFont));
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows[row];
        if (r.left >= 0)
            m_left->setMarginText(row, QString::number(r.left + 1), numberStyle);
        if (r.right >= 0)
            m_right->setMarginText(row, QString::number(r.right + 1), numberStyle);
        switch (r.kind) {
        case Row::Kind::Same:
            break;
        case Row::Kind::Removed:
            m_left->markerAdd(row, RemovedLine);
            m_right->markerAdd(row, FillerLine);
            break;
        case Row::Kind::Added:
            m_left->markerAdd(row, FillerLine);
            m_right->markerAdd(row, AddedLine);
            break;
        case Row::Kind::Changed: {
            m_left->markerAdd(row, RemovedLine);
            m_right->markerAdd(row, AddedLine);
            // The changed middle: what is left after the common head and tail.
            const QString &l = leftRows[row];
            const QString &r2 = rightRows[row];
            qsizetype head = 0;
            while (head < l.size() && head < r2.size() && l[head] == r2[head])
                ++head;
            qsizetype tail = 0;
            while (tail < l.size() - head && tail < r2.size() - head &&
                   l[l.size() - 1 - tail] == r2[r2.size() - 1 - tail])
                ++tail;
            if (l.size() - tail > head)
                m_left->fillIndicatorRange(row, int(head), row, int(l.size() - tail), kIntraIndicator);
            if (r2.size() - tail > head)
                m_right->fillIndicatorRange(row, int(head), row, int(r2.size() - tail), kIntraIndicator);
            break;
        }
        }
    }
    m_summary->setText(summary());
    for (const Row &r : std::as_const(m_rows)) {
        if (r.kind != Row::Kind::Same) {
            const int row = int(&r - m_rows.constData());
            m_left->setFirstVisibleLine(std::max(0, row - 3));
            break;
        }
    }
}

int DiffView::differingRowCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return r.kind != Row::Kind::Same; }));
}

QString DiffView::summary() const
{
    int changed = 0, added = 0, removed = 0;
    for (const Row &r : m_rows) {
        changed += r.kind == Row::Kind::Changed;
        added += r.kind == Row::Kind::Added;
        removed += r.kind == Row::Kind::Removed;
    }
    if (changed + added + removed == 0)
        return tr("No differences.");
    return plural(tr("%n line(s) changed, ", nullptr, changed), changed) + tr("%n added, ", nullptr, added) +
           tr("%n removed", nullptr, removed);
}

void DiffView::nextDifference()
{
    const int top = m_left->firstVisibleLine() + 3;
    for (int row = top + 1; row < m_rows.size(); ++row) {
        if (m_rows[row].kind != Row::Kind::Same && (row == 0 || m_rows[row - 1].kind == Row::Kind::Same)) {
            m_left->setFirstVisibleLine(std::max(0, row - 3));
            return;
        }
    }
}

void DiffView::previousDifference()
{
    const int top = m_left->firstVisibleLine() + 3;
    for (int row = std::min(top - 1, int(m_rows.size()) - 1); row >= 0; --row) {
        if (m_rows[row].kind != Row::Kind::Same && (row == 0 || m_rows[row - 1].kind == Row::Kind::Same)) {
            m_left->setFirstVisibleLine(std::max(0, row - 3));
            return;
        }
    }
}
