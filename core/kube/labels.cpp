#include "kube/labels.h"

#include "kube/jsonfields.h"

namespace kube {

Labels::Labels(const QString &flat)
{
    QString keyList;
    for (const QStringView entry : QStringView(flat).tokenize(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals <= 0)
            continue;
        if (!keyList.isEmpty()) {
            keyList += u',';
            values += u',';
        }
        keyList += entry.first(equals);
        values += entry.sliced(equals + 1);
    }
    keys = json::sharedString(keyList.toStdString());
    if (keys.isEmpty())
        values.clear();
}

QStringView Labels::value(QStringView key) const
{
    if (keys.isEmpty())
        return {};
    const QStringView k(keys);
    const QStringView v(values);
    qsizetype keyAt = 0;
    qsizetype valueAt = 0;
    for (;;) {
        qsizetype keyEnd = k.indexOf(u',', keyAt);
        if (keyEnd < 0)
            keyEnd = k.size();
        qsizetype valueEnd = v.indexOf(u',', valueAt);
        if (valueEnd < 0)
            valueEnd = v.size();
        if (k.sliced(keyAt, keyEnd - keyAt) ==
            key) // a view into values, never null for a label that is there
            return QStringView(values.constData() + valueAt, valueEnd - valueAt);
        if (keyEnd >= k.size() || valueEnd >= v.size())
            return {};
        keyAt = keyEnd + 1;
        valueAt = valueEnd + 1;
    }
}

QString Labels::toString() const
{
    QString flat;
    if (keys.isEmpty())
        return flat;
    flat.reserve(keys.size() + values.size() + size());
    const QList<QStringView> k = QStringView(keys).split(u',');
    const QList<QStringView> v = QStringView(values).split(u',');
    for (qsizetype i = 0; i < k.size(); ++i) {
        if (i > 0)
            flat += u',';
        flat += k[i];
        flat += u'=';
        flat += i < v.size() ? v[i] : QStringView();
    }
    return flat;
}

qsizetype Labels::size() const
{
    return keys.isEmpty() ? 0 : keys.count(u',') + 1;
}

} // namespace kube
