#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <utility>

namespace kube {

// An object's metadata.resourceVersion as the caches keep it, 8 bytes. The API
// calls it opaque, but kube-apiserver hands out etcd revisions, decimal
// numbers: those are kept as the number, with no heap of their own (a QString
// would cost 24 bytes plus a 48-byte allocation, for each of 300,000 objects).
// Any other text (leading zeros, letters, longer than 18 digits) is kept as it
// is, so toString() always gives back exactly what the server sent.
// Implicitly shared as QString is not: a copy of a text one copies its QString
// (which shares the characters).
class ResourceVersion
{
public:
    ResourceVersion() = default;
    // Implicit, so a QString still assigns (the parsers and tests do).
    ResourceVersion(const QString &text); // NOLINT(google-explicit-constructor)
    ResourceVersion(const ResourceVersion &other);
    ResourceVersion(ResourceVersion &&other) noexcept
        : m_bits(std::exchange(other.m_bits, 0))
    {}
    ResourceVersion &operator=(const ResourceVersion &other);
    ResourceVersion &operator=(ResourceVersion &&other) noexcept
    {
        std::swap(m_bits, other.m_bits);
        return *this;
    }
    ~ResourceVersion();

    bool isEmpty() const { return m_bits == 0; }
    // Kept as a number, without heap (tests check that the common case is).
    bool isCompact() const { return (m_bits & 1) != 0; }
    QString toString() const;

    friend bool operator==(const ResourceVersion &a, const ResourceVersion &b);
    friend bool operator!=(const ResourceVersion &a, const ResourceVersion &b) { return !(a == b); }

private:
    // 0: empty; low bit set: a number, (value << 1) | 1; otherwise a QString
    // of our own on the heap (never empty), its pointer.
    quintptr m_bits = 0;

    const QString *text() const { return reinterpret_cast<const QString *>(m_bits); }
};

} // namespace kube
