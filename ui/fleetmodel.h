#pragma once

#include <QAbstractTableModel>
#include <QList>

// One row per student: the joined view of roster, repository and cluster state.
struct FleetRow
{
    QString student;
    QString login;
    QString cohort;
    QString status; // pod status exactly as kubectl prints it
    int readyContainers = 0;
    int totalContainers = 0;
    int restarts = 0;
    qint64 createdMs = 0;   // pod creation, epoch ms; 0 when no pod
    QString commit;         // deployed commit (short id)
    bool behindHead = false;
    QString lastError;
    QString url;
    QString probe;
};

class FleetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Student, Login, Cohort, Status, Ready, Restarts, Age, Commit, LastError, Url, Probe, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 }; // raw value for sorting and filtering

    explicit FleetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRows(QList<FleetRow> rows);
    const FleetRow &row(int i) const { return m_rows.at(i); }

private:
    QList<FleetRow> m_rows;
};
