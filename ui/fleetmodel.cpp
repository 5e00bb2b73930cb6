#include "fleetmodel.h"

#include <QDateTime>

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Student:
        return tr("Student");
    case Login:
        return tr("GitHub login");
    case Cohort:
        return tr("Cohort");
    case Status:
        return tr("Status");
    case Ready:
        return tr("Ready");
    case Restarts:
        return tr("Restarts");
    case Age:
        return tr("Age");
    case Commit:
        return tr("Commit");
    case LastError:
        return tr("Last error");
    case Url:
        return tr("URL");
    case Probe:
        return tr("Probe");
    }
    return {};
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetRow &r = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Student:
            return r.student;
        case Login:
            return r.login;
        case Cohort:
            return r.cohort;
        case Status:
            return r.status;
        case Ready:
            return r.totalContainers ? QStringLiteral("%1/%2").arg(r.readyContainers).arg(r.totalContainers)
                                     : QString();
        case Restarts:
            return r.restarts;
        case Age:
            return r.createdMs ? QString::number((QDateTime::currentMSecsSinceEpoch() - r.createdMs) / 60000) + u'm'
                               : QString();
        case Commit:
            return r.behindHead ? r.commit + tr(" (behind)") : r.commit;
        case LastError:
            return r.lastError;
        case Url:
            return r.url;
        case Probe:
            return r.probe;
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Ready:
            return r.readyContainers;
        case Restarts:
            return r.restarts;
        case Age:
            return r.createdMs;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

void FleetModel::setRows(QList<FleetRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}
