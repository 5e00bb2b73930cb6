#include "fleetmodel.h"
#include "theme.h"

#include "kube/podstatus.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace {

using course::StatusClass;

QString shortCommit(const QString &commit)
{
    return commit.left(7);
}

QVariant statusColour(StatusClass c)
{
    // Colour only where something needs a look; healthy rows stay plain.
    switch (c) {
    case StatusClass::CrashLoop:
    case StatusClass::Failed:
        return QBrush(theme::foreground(theme::Tone::Error));
    case StatusClass::Pending:
        return QBrush(theme::foreground(theme::Tone::Warning));
    default:
        return {};
    }
}

} // namespace

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
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Student:
            return r.student;
        case Login:
            return r.login;
        case Cohort:
            return r.cohort;
        case Status:
            if (!r.status.isEmpty())
                return r.status;
            return r.hasDeployment ? tr("No pod") : tr("Not deployed");
        case Ready:
            return r.totalContainers ? QStringLiteral("%1/%2").arg(r.readyContainers).arg(r.totalContainers)
                                     : QString();
        case Restarts:
            if (r.status.isEmpty())
                return QString();
            if (r.restarts > 0 && r.lastRestartAt > 0)
                return QStringLiteral("%1 (%2 ago)")
                    .arg(r.restarts)
                    .arg(kube::humanDuration(QDateTime::currentSecsSinceEpoch() - r.lastRestartAt));
            return QString::number(r.restarts);
        case Age:
            return r.createdAt ? kube::humanDuration(QDateTime::currentSecsSinceEpoch() - r.createdAt) : QString();
        case Commit:
            return r.behindHead ? tr("%1 (behind)").arg(shortCommit(r.commit)) : shortCommit(r.commit);
        case LastError:
            return r.lastError;
        case Url:
            return r.url;
        case Probe:
            return r.probe.toText();
        }
        break;
    case SortRole:
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
            return r.readyContainers;
        case Restarts:
            return r.restarts;
        case Age: // when the pod was made: older first sorts ascending by age
            return r.createdAt ? QDateTime::currentSecsSinceEpoch() - r.createdAt : qint64(-1);
        case Commit:
            return r.commit;
        case LastError:
            return r.lastError;
        case Url:
            return r.url;
        case Probe:
            return r.probe.state == course::ProbeResult::State::None ? -1 : r.probe.latencyMs;
        }
        break;
    case StatusClassRole:
        return int(r.statusClass);
    case BehindHeadRole:
        return r.behindHead;
    case ErrorSignatureRole:
        return r.lastError;
    case LoginRole:
        return r.login;
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return statusColour(r.statusClass);
        if (index.column() == Commit && r.behindHead)
            return QBrush(theme::foreground(theme::Tone::Warning));
        if (index.column() == Probe && r.probe.state != course::ProbeResult::State::Answers &&
            r.probe.state != course::ProbeResult::State::None)
            return QBrush(theme::foreground(theme::Tone::Error));
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Status:
            return r.podName.isEmpty() ? QVariant() : QVariant(r.namespaceName + u'/' + r.podName);
        case Commit:
            if (r.commit.isEmpty())
                return {};
            if (r.behindHead)
                return tr("Runs %1; the repository's HEAD is %2. Redeploy at HEAD to catch up.")
                    .arg(r.commit, r.headCommit);
            return r.commit;
        case LastError:
            return r.lastError.isEmpty() ? QVariant() : QVariant(r.lastError);
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Ready || index.column() == Restarts || index.column() == Age)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

void FleetModel::applyBatch(const course::RowBatch &batch)
{
    // Removals: positions before the batch, descending; contiguous runs at once.
    for (qsizetype i = 0; i < batch.removed.size();) {
        const int last = batch.removed[i];
        int first = last;
        qsizetype j = i + 1;
        while (j < batch.removed.size() && batch.removed[j] == first - 1)
            first = batch.removed[j++];
        if (first >= 0 && last < m_rows.size()) {
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
        }
        i = j;
    }
    // Changes: ascending positions; one dataChanged per contiguous run.
    const qsizetype changes = std::min(batch.changedRows.size(), batch.changed.size());
    for (qsizetype i = 0; i < changes;) {
        qsizetype j = i + 1;
        while (j < changes && batch.changedRows[j] == batch.changedRows[j - 1] + 1)
            ++j;
        const int first = batch.changedRows[i];
        const int last = batch.changedRows[j - 1];
        if (first >= 0 && last < m_rows.size()) {
            for (qsizetype k = i; k < j; ++k)
                m_rows[batch.changedRows[k]] = batch.changed[k];
            Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
        }
        i = j;
    }
    if (!batch.inserted.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(batch.inserted.size()) - 1);
        m_rows.append(batch.inserted);
        endInsertRows();
    }
}

void FleetModel::setRows(QList<FleetRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int FleetModel::rowOf(const QString &login) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].login == login)
            return i;
    }
    return -1;
}
