#include "theme.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace theme {
namespace {

struct Original
{
    QString styleName;
    QPalette palette;
    QString styleSheet;
};

Original &original()
{
    // What the platform chose, taken before the first switch so System can go back to it.
    static Original o{QApplication::style() ? QApplication::style()->name() : QString(), QGuiApplication::palette(),
                      qApp ? qApp->styleSheet() : QString()};
    return o;
}

Theme &currentTheme()
{
    static Theme t = Theme::System;
    return t;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xe8, 0xe8, 0xe8);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette p(text, window, window.lighter(150), window.darker(160), window.darker(120), text, QColor(Qt::white),
               base, window);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb3));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x79, 0xc0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9b, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    return p;
}

QPalette highContrastPalette()
{
    const QColor black(Qt::black), white(Qt::white), yellow(0xff, 0xff, 0x00);
    QPalette p(white, black, white, white, white, white, white, black, black);
    p.setColor(QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::ToolTipBase, black);
    p.setColor(QPalette::ToolTipText, white);
    p.setColor(QPalette::Highlight, yellow);
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Link, QColor(0x00, 0xff, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xff, 0x80, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0xc8, 0xc8, 0xc8));
    p.setColor(QPalette::BrightText, yellow);
    // Disabled controls must stay legible: light grey, not dim.
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0xb0, 0xb0, 0xb0));
    return p;
}

// Fusion draws a thin focus rectangle; high contrast needs one that is seen at a glance.
const char16_t kHighContrastSheet[] =
    uR"(QLineEdit, QAbstractSpinBox, QComboBox, QAbstractScrollArea { border: 1px solid #ffffff; }
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus, QAbstractItemView:focus,
QPlainTextEdit:focus, QTextEdit:focus, QTabBar:focus, QAbstractScrollArea:focus {
    border: 3px solid #ffff00;
}
QPushButton, QToolButton { border: 1px solid #ffffff; padding: 3px 8px; background: #000000; color: #ffffff; }
QPushButton:checked, QToolButton:checked { background: #404000; }
QPushButton:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus { border: 3px solid #ffff00; }
QPushButton:disabled, QToolButton:disabled { color: #b0b0b0; border-style: dashed; }
QToolTip { border: 2px solid #ffffff; }
)";

} // namespace

QString key(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> fromKey(const QString &key)
{
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark, Theme::HighContrast}) {
        if (key.compare(theme::key(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QString displayName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QApplication::translate("Theme", "Light");
    case Theme::Dark:
        return QApplication::translate("Theme", "Dark");
    case Theme::HighContrast:
        return QApplication::translate("Theme", "High contrast");
    case Theme::System:
        break;
    }
    return QApplication::translate("Theme", "Follow the system");
}

void apply(Theme theme)
{
    const Original &o = original();
    currentTheme() = theme;
    if (theme == Theme::System) {
        qApp->setStyleSheet(o.styleSheet);
        if (!o.styleName.isEmpty())
            QApplication::setStyle(o.styleName);
        QApplication::setPalette(o.palette);
        return;
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
    if (theme == Theme::Light) {
        QPalette light = QApplication::style()->standardPalette();
        // Fusion's selection blue is too pale for white text (WCAG asks 4.5:1).
        light.setColor(QPalette::Active, QPalette::Highlight, QColor(0x1d, 0x5f, 0x9e));
        light.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x1d, 0x5f, 0x9e));
        QApplication::setPalette(light);
    }
    else
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : highContrastPalette());
    qApp->setStyleSheet(theme == Theme::HighContrast ? QString::fromUtf16(kHighContrastSheet) : o.styleSheet);
}

Theme current()
{
    return currentTheme();
}

void adaptLexer(QsciLexer *lexer)
{
    const QPalette p = QGuiApplication::palette();
    if (!lexer || !isDark(p))
        return;
    lexer->setDefaultPaper(p.color(QPalette::Base));
    lexer->setDefaultColor(p.color(QPalette::Text));
    lexer->setPaper(p.color(QPalette::Base), -1);
    for (int style = 0; style < 128; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        // Same hue, mirrored lightness: dark blue keywords become light blue ones.
        const QColor c = lexer->color(style);
        if (c.lightness() < 150)
            lexer->setColor(QColor::fromHsl(c.hslHue(), c.hslSaturation(), qBound(160, 255 - c.lightness(), 235)), style);
    }
}

void adaptEditor(QsciScintilla *editor)
{
    const QPalette p = QGuiApplication::palette();
    if (!editor || !isDark(p))
        return;
    editor->setPaper(p.color(QPalette::Base));
    editor->setColor(p.color(QPalette::Text));
    editor->setMarginsBackgroundColor(p.color(QPalette::Window));
    editor->setMarginsForegroundColor(p.color(QPalette::Disabled, QPalette::Text));
    editor->setFoldMarginColors(p.color(QPalette::Window), p.color(QPalette::Window));
    editor->setCaretForegroundColor(p.color(QPalette::Text));
    editor->setCaretLineBackgroundColor(p.color(QPalette::AlternateBase));
    editor->setSelectionBackgroundColor(p.color(QPalette::Highlight));
    editor->setSelectionForegroundColor(p.color(QPalette::HighlightedText));
    adaptLexer(editor->lexer());
}

} // namespace theme
