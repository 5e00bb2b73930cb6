#pragma once

#include <QString>
#include <QStringView>

namespace kube {

// An object's labels (or a selector's pairs) in two strings: the keys,
// "k1,k2,...", shared by every object with the same keys (a course's objects
// all carry the same few), and the values, "v1,v2,...", in the same order.
// That keeps one copy of the keys for 100,000 pods instead of one per pod.
// Valid label keys and values never contain ',' or '=', so neither do these.
struct Labels
{
    QString keys;
    QString values;

    Labels() = default;
    // From "key=value,key=value" text (what toString() gives); entries without
    // '=' are dropped. Implicit, so a flat label string still assigns.
    Labels(const QString &flat); // NOLINT(google-explicit-constructor)

    // The value of label `key`: a null view when there is no such label, an
    // empty (non-null) one when its value is empty. Points into `values`.
    QStringView value(QStringView key) const;
    // "key=value,key=value" in API order, as `kubectl get --show-labels` prints them.
    QString toString() const;
    bool isEmpty() const { return keys.isEmpty(); }
    qsizetype size() const;

    friend bool operator==(const Labels &a, const Labels &b)
    {
        return a.keys == b.keys && a.values == b.values;
    }
    friend bool operator!=(const Labels &a, const Labels &b) { return !(a == b); }
};

} // namespace kube
