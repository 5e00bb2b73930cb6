#pragma once

#include "course/studentindex.h"

#include <QAbstractTableModel>
#include <QList>

// One row per student: the joined view of roster, repository and cluster state.
using FleetRow = course::StudentRow;

// The fleet table's model: a copy of the StudentIndex's rows, kept current by
// applying its batches (connect StudentIndex::rowsChanged to applyBatch). Each
// batch costs one begin/endInsertRows for the appended range and one
// dataChanged per contiguous run of changed rows.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Student, Login, Cohort, Status, Ready, Restarts, Age, Commit, LastError, Url, Probe, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting and filtering (numbers as numbers)
        StatusClassRole,             // course::StatusClass as int
        BehindHeadRole,              // bool
        ErrorSignatureRole,          // the row's error signature, whatever the column
        LoginRole,                   // the row's login, whatever the column
    };

    explicit FleetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void applyBatch(const course::RowBatch &batch);
    void setRows(QList<FleetRow> rows); // replaces everything (a reset)
    const FleetRow &row(int i) const { return m_rows.at(i); }
    int rowOf(const QString &login) const; // linear; for tests and one-off look-ups

private:
    QList<FleetRow> m_rows;
};
