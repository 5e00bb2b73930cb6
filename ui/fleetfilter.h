#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QString>

class FleetModel;
class QAbstractItemView;

// Filters and sorts the fleet table on raw row data (never display text):
// free text over login, name and error signature; status chips; one error
// signature (the group the user picked). Sorts by any column on raw values.
// The source must be a FleetModel.
class FleetFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // Status chips combine as a person reads them: the status chips widen the set
    // (Running or CrashLoop), Behind HEAD narrows it (and behind HEAD).
    enum Chip {
        NoChips = 0,
        Running = 0x1,
        CrashLoop = 0x2,
        Pending = 0x4,
        Failed = 0x8,
        BehindHead = 0x10,
    };
    Q_DECLARE_FLAGS(Chips, Chip)
    Q_FLAG(Chips)

    explicit FleetFilter(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setText(const QString &text); // case-insensitive; spaces separate words that must all match
    QString text() const { return m_text; }
    void setChips(Chips chips);
    Chips chips() const { return m_chips; }
    void setChip(Chip chip, bool on);
    // Only students whose last error is exactly this; empty: any.
    void setErrorSignature(const QString &signature);
    QString errorSignature() const { return m_signature; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    FleetModel *m_fleet = nullptr;
    QString m_text;
    QStringList m_words;
    QString m_signature;
    Chips m_chips = NoChips;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(FleetFilter::Chips)

// The error signatures in the fleet with how many students have each, kept
// current from the FleetModel's own signals with work per changed row only.
// Sorted by count (most first) when viewed through sortedModel(); pick a row
// and pass signatureAt() to FleetFilter::setErrorSignature to see the group.
class ErrorGroupModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { SignatureRole = Qt::UserRole + 1, CountRole };

    explicit ErrorGroupModel(FleetModel *fleet, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString signatureAt(int row) const { return m_groups.value(row).signature; }
    int countOf(const QString &signature) const;
    // This model sorted by count, most first, then by signature.
    QSortFilterProxyModel *sortedModel() const { return m_sorted; }

private:
    struct Group
    {
        QString signature;
        int count = 0;
    };
    void rebuild();
    void add(const QString &signature);
    void drop(const QString &signature);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    FleetModel *m_fleet;
    QList<QString> m_rowSignature; // parallel to the fleet's rows
    QList<Group> m_groups;
    QHash<QString, int> m_groupIndex;
    QSortFilterProxyModel *m_sorted;
};

// Keeps a table view's selection and first visible student where they are
// while rows stream in, move with sorting or appear above: after each layout
// change or insertion the student that was at the top stays at the top.
class FleetViewAnchor : public QObject
{
    Q_OBJECT

public:
    explicit FleetViewAnchor(QAbstractItemView *view);

private:
    void remember();
    void restore();

    QPointer<QAbstractItemView> m_view;
    QPersistentModelIndex m_top;
    int m_offset = 0; // pixels the top row is scrolled past
    bool m_restoring = false;
    bool m_pending = false;
};
