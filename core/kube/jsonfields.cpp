#include "kube/jsonfields.h"

#include <QHash>
#include <QMutex>
#include <string>

namespace kube::json {

QString sharedString(std::string_view utf8)
{
    if (utf8.empty())
        return {};
    constexpr qsizetype kMaxShared = 20000;
    static QMutex mutex;
    static QHash<QByteArray, QString> pool;
    const qsizetype size = qsizetype(utf8.size());
    QMutexLocker lock(&mutex);
    const auto it = pool.constFind(QByteArray::fromRawData(utf8.data(), size));
    if (it != pool.cend())
        return *it;
    QString value = QString::fromUtf8(utf8.data(), size);
    if (pool.size() < kMaxShared)
        pool.insert(QByteArray(utf8.data(), size), value);
    return value;
}

QString flatLabels(Field labels)
{
    object map;
    if (labels.get_object().get(map))
        return {};
    std::string flat;
    for (const auto &entry : map) {
        std::string_view value;
        if (entry.value.get_string().get(value))
            continue;
        const std::string_view key = entry.key;
        if (key.find_first_of(",=") != std::string_view::npos || value.find(',') != std::string_view::npos)
            continue;
        if (!flat.empty())
            flat += ',';
        flat.append(key).append(1, '=').append(value);
    }
    return ownString(flat);
}

QStringView flatLabel(const QString &flat, QStringView key)
{
    for (const QStringView entry : QStringView(flat).tokenize(u',')) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals >= 0 && entry.first(equals) == key)
            return entry.sliced(equals + 1);
    }
    return {};
}

} // namespace kube::json
