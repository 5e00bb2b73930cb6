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

Labels readLabels(Field labels)
{
    Labels out;
    object map;
    if (labels.get_object().get(map))
        return out;
    std::string keys;
    std::string values;
    for (const auto &entry : map) {
        std::string_view value;
        if (entry.value.get_string().get(value))
            continue;
        const std::string_view key = entry.key;
        if (key.empty() || key.find_first_of(",=") != std::string_view::npos ||
            value.find(',') != std::string_view::npos)
            continue;
        if (!keys.empty()) {
            keys += ',';
            values += ',';
        }
        keys += key;
        values += value;
    }
    out.keys = sharedString(keys);
    if (!out.keys.isEmpty())
        out.values = ownString(values);
    return out;
}

} // namespace kube::json
