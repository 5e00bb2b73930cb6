#include "kube/resourceversion.h"

namespace kube {

namespace {

// The value of canonical decimal text ("0", or digits without a leading zero)
// that fits beside the tag bit; -1 otherwise.
qint64 canonicalNumber(QStringView text)
{
    constexpr qsizetype kMaxDigits = sizeof(quintptr) >= 8 ? 18 : 9;
    if (text.isEmpty() || text.size() > kMaxDigits || (text.size() > 1 && text.front() == u'0'))
        return -1;
    qint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

} // namespace

ResourceVersion::ResourceVersion(const QString &text)
{
    if (text.isEmpty())
        return;
    const qint64 number = canonicalNumber(text);
    if (number >= 0)
        m_bits = (quintptr(number) << 1) | 1;
    else
        m_bits = reinterpret_cast<quintptr>(new QString(text));
}

ResourceVersion::ResourceVersion(const ResourceVersion &other)
    : m_bits(other.m_bits)
{
    if (m_bits != 0 && !isCompact())
        m_bits = reinterpret_cast<quintptr>(new QString(*other.text()));
}

ResourceVersion &ResourceVersion::operator=(const ResourceVersion &other)
{
    if (this != &other) {
        ResourceVersion copy(other);
        std::swap(m_bits, copy.m_bits);
    }
    return *this;
}

ResourceVersion::~ResourceVersion()
{
    if (m_bits != 0 && !isCompact())
        delete text();
}

QString ResourceVersion::toString() const
{
    if (m_bits == 0)
        return {};
    if (isCompact())
        return QString::number(quint64(m_bits >> 1));
    return *text();
}

bool operator==(const ResourceVersion &a, const ResourceVersion &b)
{
    if (a.m_bits == b.m_bits)
        return true;
    // Canonical numbers are always compact, so a number never equals a text.
    if (a.isEmpty() || b.isEmpty() || a.isCompact() || b.isCompact())
        return false;
    return *a.text() == *b.text();
}

} // namespace kube
