#include "fleetfilter.h"

#include "fleetmodel.h"

#include <QAbstractItemView>
#include <QScrollBar>
#include <QTimer>

namespace {

using course::StatusClass;

FleetFilter::Chips chipOf(StatusClass c)
{
    switch (c) {
    case StatusClass::Running:
        return FleetFilter::Running;
    case StatusClass::CrashLoop:
        return FleetFilter::CrashLoop;
    case StatusClass::Pending:
        return FleetFilter::Pending;
    case StatusClass::Failed:
        return FleetFilter::Failed;
    default:
        return FleetFilter::NoChips;
    }
}

template<typename T> int compare(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareText(const QString &a, const QString &b)
{
    // Most cells repeat ("Running", a cohort): equal data costs no comparison.
    if (a.size() == b.size() && (a.constData() == b.constData() || a == b))
        return 0;
    // Empty cells last in ascending order, as people expect of a table.
    if (a.isEmpty() != b.isEmpty())
        return a.isEmpty() ? 1 : -1;
    return QString::compare(a, b, Qt::CaseInsensitive);
}

} // namespace

FleetFilter::FleetFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setFilterRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
}

void FleetFilter::setSourceModel(QAbstractItemModel *model)
{
    m_fleet = qobject_cast<FleetModel *>(model);
    Q_ASSERT_X(m_fleet || !model, "FleetFilter", "the source must be a FleetModel");
    QSortFilterProxyModel::setSourceModel(model);
}

void FleetFilter::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_words.clear();
    for (QStringView w : QStringView(text).tokenize(u' ', Qt::SkipEmptyParts))
        m_words << w.toString();
    refilter();
}

void FleetFilter::setChips(Chips chips)
{
    if (chips == m_chips)
        return;
    m_chips = chips;
    refilter();
}

void FleetFilter::setChip(Chip chip, bool on)
{
    setChips(on ? (m_chips | chip) : (m_chips & ~Chips(chip)));
}

void FleetFilter::setErrorSignature(const QString &signature)
{
    if (signature == m_signature)
        return;
    m_signature = signature;
    refilter();
}

void FleetFilter::refilter()
{
    // Rebuilding the mapping in one pass (filter, then sort what passed) beats
    // taking rows out and putting them back one range at a time: with 100,000
    // rows a cleared filter would otherwise insert each row on its own.
    invalidate();
}

bool FleetFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_fleet)
        return false;
    const FleetRow &r = m_fleet->row(sourceRow);
    const Chips statusChips = m_chips & ~Chips(BehindHead);
    if (statusChips && !(statusChips & chipOf(r.statusClass)))
        return false;
    if ((m_chips & BehindHead) && !r.behindHead)
        return false;
    if (!m_signature.isEmpty() && r.lastError != m_signature)
        return false;
    for (const QString &w : m_words) {
        if (!r.login.contains(w, Qt::CaseInsensitive) && !r.student.contains(w, Qt::CaseInsensitive) &&
            !r.lastError.contains(w, Qt::CaseInsensitive) && !r.cohort.contains(w, Qt::CaseInsensitive) &&
            !r.status.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool FleetFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_fleet)
        return QSortFilterProxyModel::lessThan(left, right);
    const FleetRow &a = m_fleet->row(left.row());
    const FleetRow &b = m_fleet->row(right.row());
    int c = 0;
    switch (left.column()) {
    case FleetModel::Student:
        c = compareText(a.student, b.student);
        break;
    case FleetModel::Login:
        c = compare(a.login, b.login);
        break;
    case FleetModel::Cohort:
        c = compareText(a.cohort, b.cohort);
        break;
    case FleetModel::Status:
        c = compare(int(a.statusClass), int(b.statusClass));
        if (c == 0)
            c = compareText(a.status, b.status);
        break;
    case FleetModel::Ready:
        c = compare(a.readyContainers, b.readyContainers);
        if (c == 0)
            c = compare(a.totalContainers, b.totalContainers);
        break;
    case FleetModel::Restarts:
        c = compare(a.restarts, b.restarts);
        break;
    case FleetModel::Age: // older pods are "more" age; rows without a pod are youngest
        c = compare(b.createdAt ? b.createdAt : std::numeric_limits<qint64>::max(),
                    a.createdAt ? a.createdAt : std::numeric_limits<qint64>::max());
        break;
    case FleetModel::Commit:
        c = compare(a.behindHead, b.behindHead);
        if (c == 0)
            c = compareText(a.commit, b.commit);
        break;
    case FleetModel::LastError:
        c = compareText(a.lastError, b.lastError);
        break;
    case FleetModel::Url:
        c = compareText(a.url, b.url);
        break;
    case FleetModel::Probe:
        c = compare(int(a.probe.state), int(b.probe.state));
        if (c == 0)
            c = compare(a.probe.latencyMs, b.probe.latencyMs);
        break;
    default:
        break;
    }
    if (c == 0)
        c = compare(left.row(), right.row()); // a stable order for equal keys (rows are only appended)
    return c < 0;
}

// ---------------------------------------------------------------------------

ErrorGroupModel::ErrorGroupModel(FleetModel *fleet, QObject *parent)
    : QAbstractListModel(parent)
    , m_fleet(fleet)
    , m_sorted(new QSortFilterProxyModel(this))
{
    m_sorted->setSourceModel(this);
    m_sorted->setSortRole(CountRole);
    m_sorted->setDynamicSortFilter(true);
    m_sorted->sort(0, Qt::DescendingOrder);
    connect(fleet, &QAbstractItemModel::modelReset, this, &ErrorGroupModel::rebuild);
    connect(fleet, &QAbstractItemModel::layoutChanged, this, &ErrorGroupModel::rebuild);
    connect(fleet, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        for (int i = first; i <= last; ++i) {
            const QString &s = m_fleet->row(i).lastError;
            m_rowSignature.insert(i, s);
            add(s);
        }
    });
    connect(fleet, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        for (int i = last; i >= first; --i) {
            drop(m_rowSignature.at(i));
            m_rowSignature.removeAt(i);
        }
    });
    connect(fleet, &QAbstractItemModel::dataChanged, this, &ErrorGroupModel::onDataChanged);
    rebuild();
}

void ErrorGroupModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    m_groupIndex.clear();
    m_rowSignature.clear();
    for (int i = 0; i < m_fleet->rowCount(); ++i) {
        const QString &s = m_fleet->row(i).lastError;
        m_rowSignature.append(s);
        if (s.isEmpty())
            continue;
        auto it = m_groupIndex.find(s);
        if (it == m_groupIndex.end()) {
            m_groupIndex.insert(s, int(m_groups.size()));
            m_groups.append({s, 1});
        } else {
            ++m_groups[*it].count;
        }
    }
    endResetModel();
}

void ErrorGroupModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    for (int i = topLeft.row(); i <= bottomRight.row() && i < m_rowSignature.size(); ++i) {
        const QString &now = m_fleet->row(i).lastError;
        if (now == m_rowSignature[i])
            continue;
        drop(m_rowSignature[i]);
        add(now);
        m_rowSignature[i] = now;
    }
}

void ErrorGroupModel::add(const QString &signature)
{
    if (signature.isEmpty())
        return;
    const auto it = m_groupIndex.constFind(signature);
    if (it != m_groupIndex.constEnd()) {
        ++m_groups[*it].count;
        const QModelIndex i = index(*it);
        Q_EMIT dataChanged(i, i, {Qt::DisplayRole, CountRole});
        return;
    }
    const int row = int(m_groups.size());
    beginInsertRows({}, row, row);
    m_groups.append({signature, 1});
    m_groupIndex.insert(signature, row);
    endInsertRows();
}

void ErrorGroupModel::drop(const QString &signature)
{
    if (signature.isEmpty())
        return;
    const auto it = m_groupIndex.constFind(signature);
    if (it == m_groupIndex.constEnd())
        return;
    const int row = *it;
    if (--m_groups[row].count > 0) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i, {Qt::DisplayRole, CountRole});
        return;
    }
    beginRemoveRows({}, row, row);
    m_groups.removeAt(row);
    m_groupIndex.remove(signature);
    for (int i = row; i < m_groups.size(); ++i)
        m_groupIndex[m_groups[i].signature] = i;
    endRemoveRows();
}

int ErrorGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int ErrorGroupModel::countOf(const QString &signature) const
{
    const auto it = m_groupIndex.constFind(signature);
    return it == m_groupIndex.constEnd() ? 0 : m_groups[*it].count;
}

QVariant ErrorGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Group &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(g.signature).arg(g.count);
    case Qt::ToolTipRole:
    case SignatureRole:
        return g.signature;
    case CountRole:
        return g.count;
    default:
        return {};
    }
}

QVariant ErrorGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Error");
    return QAbstractListModel::headerData(section, orientation, role);
}

// ---------------------------------------------------------------------------

FleetViewAnchor::FleetViewAnchor(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    auto hook = [this](QAbstractItemModel *model) {
        if (!model)
            return;
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &FleetViewAnchor::remember);
        connect(model, &QAbstractItemModel::layoutChanged, this, &FleetViewAnchor::restore);
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &FleetViewAnchor::remember);
        connect(model, &QAbstractItemModel::rowsInserted, this, &FleetViewAnchor::restore);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &FleetViewAnchor::remember);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &FleetViewAnchor::restore);
    };
    hook(view->model());
}

void FleetViewAnchor::remember()
{
    if (!m_view || m_restoring)
        return;
    QScrollBar *bar = m_view->verticalScrollBar();
    if (bar->value() == 0) {
        m_top = QPersistentModelIndex(); // at the top: stay at the top
        return;
    }
    const QModelIndex top = m_view->indexAt(QPoint(1, 1));
    m_top = top;
    m_offset = top.isValid() ? m_view->visualRect(top).top() : 0;
}

void FleetViewAnchor::restore()
{
    if (!m_view || !m_top.isValid())
        return;
    auto apply = [this] {
        if (!m_view || !m_top.isValid())
            return;
        m_restoring = true;
        m_view->scrollTo(m_top, QAbstractItemView::PositionAtTop);
        if (m_view->verticalScrollMode() == QAbstractItemView::ScrollPerPixel) {
            QScrollBar *bar = m_view->verticalScrollBar();
            bar->setValue(bar->value() - m_offset);
        }
        m_restoring = false;
    };
    apply();
    // The view lays out inserted rows later; put the row back at the top after that too.
    if (!m_pending) {
        m_pending = true;
        QTimer::singleShot(0, this, [this, apply] {
            m_pending = false;
            apply();
        });
    }
}
