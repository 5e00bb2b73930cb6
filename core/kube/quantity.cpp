#include "kube/quantity.h"

#include <cmath>

namespace kube {

namespace {

struct Suffix
{
    const char *text;
    long double factor;
};

// Binary suffixes first so "Mi" is not read as "M" followed by junk.
constexpr Suffix kSuffixes[] = {
    {"Ki", 1024.0L},
    {"Mi", 1024.0L * 1024},
    {"Gi", 1024.0L * 1024 * 1024},
    {"Ti", 1024.0L * 1024 * 1024 * 1024},
    {"Pi", 1024.0L * 1024 * 1024 * 1024 * 1024},
    {"Ei", 1024.0L * 1024 * 1024 * 1024 * 1024 * 1024},
    {"n", 1e-9L},
    {"u", 1e-6L},
    {"m", 1e-3L},
    {"k", 1e3L},
    {"M", 1e6L},
    {"G", 1e9L},
    {"T", 1e12L},
    {"P", 1e15L},
    {"E", 1e18L},
};

} // namespace

std::optional<Quantity> Quantity::parse(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;

    qsizetype i = 0;
    if (text[0] == u'+' || text[0] == u'-')
        ++i;
    const qsizetype digitsStart = i;
    bool sawDigit = false;
    bool sawDot = false;
    while (i < text.size() && (text[i].isDigit() || (text[i] == u'.' && !sawDot))) {
        if (text[i] == u'.')
            sawDot = true;
        else
            sawDigit = true;
        ++i;
    }
    if (!sawDigit)
        return std::nullopt;
    bool ok = false;
    const long double number = text.mid(0, i).toString().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    Q_UNUSED(digitsStart);

    const QStringView rest = text.mid(i);
    long double factor = 1.0L;
    if (!rest.isEmpty()) {
        if (rest[0] == u'e' || rest[0] == u'E') {
            bool expOk = false;
            const int exponent = rest.mid(1).toInt(&expOk);
            if (!expOk || rest.size() < 2)
                return std::nullopt;
            factor = std::pow(10.0L, exponent);
        } else {
            bool matched = false;
            for (const Suffix &s : kSuffixes) {
                if (rest == QLatin1String(s.text)) {
                    factor = s.factor;
                    matched = true;
                    break;
                }
            }
            if (!matched)
                return std::nullopt;
        }
    }
    const long double milli = std::ceil(number * factor * 1000.0L - 1e-9L);
    if (!std::isfinite(milli) || std::fabs(milli) > 9.2e18L)
        return std::nullopt;
    return fromMilli(static_cast<qint64>(milli));
}

QString Quantity::toCpuString() const
{
    if (m_milli % 1000 == 0)
        return QString::number(m_milli / 1000);
    return QString::number(m_milli) + u'm';
}

QString Quantity::toMemoryString() const
{
    const qint64 bytes = value();
    static constexpr const char *kUnits[] = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    qint64 scaled = bytes;
    int unit = -1;
    while (scaled != 0 && scaled % 1024 == 0 && unit < 5) {
        scaled /= 1024;
        ++unit;
    }
    if (unit < 0)
        return QString::number(bytes);
    return QString::number(scaled) + QLatin1String(kUnits[unit]);
}

} // namespace kube
