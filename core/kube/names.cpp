#include "kube/names.h"

#include <QList>

namespace kube::names {

namespace {

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

} // namespace

bool isDns1123Label(QStringView s)
{
    if (s.isEmpty() || s.size() > 63)
        return false;
    if (!isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (QChar c : s) {
        if (!isLowerAlnum(c) && c != u'-')
            return false;
    }
    return true;
}

bool isDns1123Subdomain(QStringView s)
{
    if (s.isEmpty() || s.size() > 253)
        return false;
    for (QStringView part : s.split(u'.')) {
        if (!isDns1123Label(part))
            return false;
    }
    return true;
}

bool isLabelValue(QStringView s)
{
    if (s.isEmpty())
        return true;
    if (s.size() > 63 || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    for (QChar c : s) {
        if (!isAlnum(c) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

bool isLabelKey(QStringView s)
{
    const qsizetype slash = s.indexOf(u'/');
    QStringView name = s;
    if (slash >= 0) {
        if (!isDns1123Subdomain(s.left(slash)))
            return false;
        name = s.mid(slash + 1);
    }
    return !name.isEmpty() && isLabelValue(name);
}

} // namespace kube::names
