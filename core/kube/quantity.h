#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace kube {

// A Kubernetes resource quantity ("250m", "0.5", "64Mi", "1G", "3e3"), held in
// thousandths of the base unit so CPU millicores and memory bytes both fit.
// Sub-milli values ("500u", "12n") round up to the next thousandth, as the API
// server does when it canonicalises.
class Quantity
{
public:
    static std::optional<Quantity> parse(QStringView text);

    qint64 milliValue() const { return m_milli; }
    qint64 value() const { return (m_milli + 999) / 1000; } // rounded up, like Quantity.Value()

    // Canonical short forms as kubectl prints them in `top` and `describe`.
    QString toCpuString() const;    // "250m", "2"
    QString toMemoryString() const; // "64Mi", "1Gi", "1500" (bytes)

    friend bool operator==(const Quantity &, const Quantity &) = default;
    friend auto operator<=>(const Quantity &, const Quantity &) = default;

    static Quantity fromMilli(qint64 milli)
    {
        Quantity q;
        q.m_milli = milli;
        return q;
    }

private:
    qint64 m_milli = 0;
};

} // namespace kube
