#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QString>
#include <optional>

class QsciLexer;
class QsciScintilla;

// The console's colour themes. System keeps the platform's style and palette;
// the others use the Fusion style with a palette of their own. Custom-painted
// widgets ask here for state colours so text stays readable on every theme.
namespace theme {

enum class Theme { System, Light, Dark, HighContrast };

// "system", "light", "dark", "high-contrast": the settings value and the --theme argument.
QString key(Theme theme);
std::optional<Theme> fromKey(const QString &key);
// The name shown in the settings dialog.
QString displayName(Theme theme);

// Switches the whole application (style, palette, focus frame) at once; open windows repaint.
void apply(Theme theme);
Theme current();

// Inline so the fleet model's own tests need no more than the model's sources.
inline bool isDark(const QPalette &palette = QGuiApplication::palette())
{
    return palette.color(QPalette::Base).lightness() < 128;
}

enum class Tone { Error, Warning, Ok, Info, Muted };

// A text colour for a state, readable on the palette's Base (the high-contrast Base is pure black).
inline QColor foreground(Tone tone, const QPalette &palette = QGuiApplication::palette())
{
    const bool dark = isDark(palette);
    const bool contrast = dark && palette.color(QPalette::Base) == QColor(Qt::black);
    switch (tone) {
    case Tone::Error:
        return contrast ? QColor(0xff, 0x70, 0x70) : dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
    case Tone::Warning:
        return contrast ? QColor(0xff, 0xd0, 0x00) : dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9c, 0x6a, 0x00);
    case Tone::Ok:
        return contrast ? QColor(0x40, 0xff, 0x40) : dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Info:
        return contrast ? QColor(0x00, 0xff, 0xff) : dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x1e, 0x6f, 0xd9);
    case Tone::Muted:
        break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

// A pale background tint (the current log line, a search hit) as it should look on this
// palette: unchanged on light ones, a dark shade of the same hue on dark ones.
inline QColor background(const QColor &light, const QPalette &palette = QGuiApplication::palette())
{
    if (!isDark(palette))
        return light;
    return QColor::fromHsl(light.hslHue(), qMin(light.hslSaturation(), 160), 58, light.alpha());
}

// A CSS colour for labels styled with a style sheet.
inline QString cssColor(Tone tone)
{
    return QStringLiteral("color: %1;").arg(foreground(tone).name());
}

// The code editors (QScintilla) paint their own paper and ink: on a dark palette
// they get its Base and Text, and the lexers' dark syntax colours are lightened.
// Nothing changes on light palettes. Applies to editors made after the switch.
void adaptEditor(QsciScintilla *editor);
void adaptLexer(QsciLexer *lexer);

} // namespace theme
