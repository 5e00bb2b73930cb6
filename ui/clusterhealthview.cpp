#include "clusterhealthview.h"
#include "theme.h"

#include "kube/quantity.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace {

double fraction(qint64 used, qint64 of)
{
    return used < 0 || of <= 0 ? -1.0 : double(used) / double(of);
}

QString percent(double f)
{
    return f < 0 ? QString() : QStringLiteral(" (%1 %)").arg(qRound(f * 100));
}

QString cpu(qint64 milli)
{
    return kube::Quantity::fromMilli(milli).toCpuString();
}

QString memory(qint64 bytes)
{
    return kube::Quantity::fromMilli(bytes * 1000).toMemoryString();
}

QColor phaseColor(kube::PodPhase phase)
{
    switch (phase) {
    case kube::PodPhase::Running:
        return QColor(0x2e, 0x9e, 0x44);
    case kube::PodPhase::Pending:
        return QColor(0xe0, 0x9b, 0x12);
    case kube::PodPhase::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case kube::PodPhase::Succeeded:
        return QColor(0x1e, 0x6f, 0xd9);
    default:
        return QColor(0x88, 0x88, 0x88);
    }
}

} // namespace

NodeHealthModel::NodeHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int NodeHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int NodeHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const course::NodeHealth &n = m_nodes.at(index.row());
    const double cpuUse = fraction(n.cpuUsageMilli, n.cpuAllocatableMilli);
    const double memUse = fraction(n.memoryUsage, n.memoryAllocatable);
    const double podUse = fraction(n.pods, n.podsAllocatable);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return n.name;
        case Status:
            return n.problems.isEmpty() ? QStringLiteral("Ready") : n.problems.join(QLatin1String(", "));
        case Cpu:
            return QString((n.cpuUsageMilli < 0 ? QStringLiteral("–") : cpu(n.cpuUsageMilli)) +
                           QLatin1String(" / ") + cpu(n.cpuAllocatableMilli) + percent(cpuUse));
        case Memory:
            return QString((n.memoryUsage < 0 ? QStringLiteral("–") : memory(n.memoryUsage)) +
                           QLatin1String(" / ") + memory(n.memoryAllocatable) + percent(memUse));
        case Pods:
            return QString(QStringLiteral("%1 / %2").arg(n.pods).arg(n.podsAllocatable) + percent(podUse));
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Name:
            return n.name;
        case Status:
            return int(n.problems.size());
        case Cpu:
            return cpuUse;
        case Memory:
            return memUse;
        case Pods:
            return n.pods;
        }
        break;
    case FractionRole:
        switch (index.column()) {
        case Cpu:
            return cpuUse;
        case Memory:
            return memUse;
        case Pods:
            return podUse;
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == Status && !n.problems.isEmpty())
            return theme::foreground(theme::Tone::Error);
        break;
    case Qt::ToolTipRole:
        if (index.column() == Cpu || index.column() == Memory)
            return n.cpuUsageMilli < 0 ? tr("No metrics for this node (metrics.k8s.io).")
                                       : tr("Use now / allocatable to pods (capacity %1 CPU, %2)")
                                             .arg(cpu(n.cpuCapacityMilli), memory(n.memoryCapacity));
        break;
    default:
        break;
    }
    return {};
}

QVariant NodeHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Node");
    case Status:
        return tr("Status");
    case Cpu:
        return tr("CPU use / allocatable");
    case Memory:
        return tr("Memory use / allocatable");
    case Pods:
        return tr("Pods");
    }
    return {};
}

void NodeHealthModel::setNodes(const QList<course::NodeHealth> &nodes)
{
    bool same = nodes.size() == m_nodes.size();
    for (qsizetype i = 0; same && i < nodes.size(); ++i)
        same = nodes[i].name == m_nodes[i].name;
    if (same) {
        m_nodes = nodes;
        if (!m_nodes.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_nodes.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_nodes = nodes;
    endResetModel();
}

void UsageBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QVariant f = index.data(NodeHealthModel::FractionRole);
    if (!f.isValid() || f.toDouble() < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const double value = std::clamp(f.toDouble(), 0.0, 1.0);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QRect bar = opt.rect.adjusted(3, 3, -3, -3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(opt.palette.color(QPalette::Mid).lighter(130));
    painter->drawRoundedRect(bar, 3, 3);
    QColor fill = value > 0.9   ? QColor(0xd3, 0x2f, 0x2f)
                  : value > 0.7 ? QColor(0xe0, 0x9b, 0x12)
                                : QColor(0x2e, 0x9e, 0x44);
    fill.setAlpha(170);
    painter->setBrush(fill);
    painter->drawRoundedRect(QRect(bar.topLeft(), QSize(int(bar.width() * value), bar.height())), 3, 3);
    painter->setPen(opt.palette.color(QPalette::Text));
    painter->drawText(bar.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

ClusterHealthView::ClusterHealthView(QWidget *parent)
    : QWidget(parent)
{
    m_api = new QLabel(tr("API server: not checked yet"), this);
    m_api->setObjectName(QStringLiteral("apiHealth"));
    m_api->setTextFormat(Qt::PlainText);
    m_api->setWordWrap(true);
    m_pods = new QLabel(tr("Pods: waiting for the first list"), this);
    m_pods->setObjectName(QStringLiteral("podsSummary"));
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setWordWrap(true);
    m_notes->setVisible(false);

    m_nodes = new NodeHealthModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_nodes);
    proxy->setSortRole(NodeHealthModel::SortRole);
    m_nodeTable = new QTableView(this);
    m_nodeTable->setObjectName(QStringLiteral("nodes"));
    m_nodeTable->setModel(proxy);
    m_nodeTable->setSortingEnabled(true);
    m_nodeTable->sortByColumn(NodeHealthModel::Name, Qt::AscendingOrder);
    m_nodeTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodeTable->verticalHeader()->hide();
    m_nodeTable->setAlternatingRowColors(true);
    auto *bars = new UsageBarDelegate(this);
    for (int c : {NodeHealthModel::Cpu, NodeHealthModel::Memory, NodeHealthModel::Pods})
        m_nodeTable->setItemDelegateForColumn(c, bars);
    m_nodeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_nodeTable->horizontalHeader()->setSectionResizeMode(NodeHealthModel::Name,
                                                          QHeaderView::ResizeToContents);
    m_nodeTable->horizontalHeader()->setSectionResizeMode(NodeHealthModel::Status,
                                                          QHeaderView::ResizeToContents);

    m_chart = new QChart;
    m_chart->setTitle(tr("Pods by phase"));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_time = new QDateTimeAxis(m_chart);
    m_time->setFormat(QStringLiteral("hh:mm:ss"));
    m_time->setTickCount(5);
    m_count = new QValueAxis(m_chart);
    m_count->setLabelFormat(QStringLiteral("%d"));
    m_count->setMin(0);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_count, Qt::AlignLeft);
    for (kube::PodPhase phase : {kube::PodPhase::Running, kube::PodPhase::Pending, kube::PodPhase::Failed,
                                 kube::PodPhase::Succeeded, kube::PodPhase::Unknown}) {
        auto *s = new QLineSeries(m_chart);
        s->setName(kube::toString(phase));
        QPen pen(phaseColor(phase));
        pen.setWidthF(2.0);
        s->setPen(pen);
        m_chart->addSeries(s);
        s->attachAxis(m_time);
        s->attachAxis(m_count);
        m_series.append({phase, s});
    }
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("podsChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    m_chartView->setAccessibleName(tr("Pods by phase over time"));
    m_nodeTable->setAccessibleName(tr("Nodes"));
    changeEvent(nullptr);

    m_reasons = new QListWidget(this);
    m_reasons->setObjectName(QStringLiteral("topReasons"));
    m_reasons->setAccessibleName(tr("Top error reasons (pods)"));
    auto *reasonBox = new QWidget(this);
    auto *reasonLayout = new QVBoxLayout(reasonBox);
    reasonLayout->setContentsMargins(0, 0, 0, 0);
    reasonLayout->addWidget(new QLabel(tr("Top error reasons (pods)"), reasonBox));
    reasonLayout->addWidget(m_reasons);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_chartView);
    bottom->addWidget(reasonBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    bottom->setSizes({720, 300});
    m_chartView->setMinimumWidth(360);
    reasonBox->setMinimumWidth(200);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_nodeTable);
    split->addWidget(bottom);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setSizes({220, 480});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_api);
    layout->addWidget(m_pods);
    layout->addWidget(m_notes);
    layout->addWidget(split, 1);
}

void ClusterHealthView::setHealth(course::ClusterHealth *health)
{
    if (m_health)
        m_health->disconnect(this);
    m_health = health;
    if (!health)
        return;
    connect(health, &course::ClusterHealth::updated, this, &ClusterHealthView::showSnapshot);
    if (health->snapshot().takenAt.isValid())
        showSnapshot(health->snapshot());
}

void ClusterHealthView::showSnapshot(const course::ClusterHealthSnapshot &s)
{
    // The API server's own health.
    const course::ApiHealth &api = s.api;
    if (!api.checked) {
        m_api->setText(tr("API server: not checked yet"));
    } else {
        const QString when = api.checkedAt.toLocalTime().toString(QStringLiteral("hh:mm:ss"));
        const QString latency = api.latencyMs < 1 ? tr("< 1 ms") : tr("%1 ms").arg(api.latencyMs);
        m_api->setText(
            api.ok
                ? tr("API server: ● %1 (%2 in %3, checked %4)").arg(api.message, api.endpoint, latency, when)
                : tr("API server: ● unhealthy (%1 after %2, checked %3): %4")
                      .arg(api.endpoint, latency, when, api.message));
        m_api->setStyleSheet(theme::cssColor(api.ok ? theme::Tone::Ok : theme::Tone::Error));
    }

    // Pods by phase now.
    if (!s.podsSynced) {
        m_pods->setText(s.podsError.isEmpty() ? tr("Pods: waiting for the first list")
                                              : tr("Pods: cannot list them: %1").arg(s.podsError));
    } else {
        QStringList parts;
        for (kube::PodPhase phase : {kube::PodPhase::Running, kube::PodPhase::Pending, kube::PodPhase::Failed,
                                     kube::PodPhase::Succeeded, kube::PodPhase::Unknown})
            parts << tr("%1 %2").arg(s.phases[phase]).arg(kube::toString(phase));
        m_pods->setText(
            tr("Pods: %1 in all — %2").arg(s.phases.total()).arg(parts.join(QLatin1String(", "))));
    }

    QStringList notes;
    if (!s.nodesError.isEmpty()) {
        // Old rows stay, marked as old: never shown as if live.
        notes << (s.nodesListedAt.isValid()
                      ? tr("Nodes as last listed at %1; the list cannot be read now: %2")
                            .arg(s.nodesListedAt.toLocalTime().toString(QStringLiteral("hh:mm:ss")),
                                 s.nodesError)
                      : tr("Nodes: %1").arg(s.nodesError));
    }
    if (!s.metricsAvailable && !s.metricsError.isEmpty() && s.metricsError != s.nodesError)
        notes << s.metricsError;
    if (s.podsSynced && !s.podsError.isEmpty())
        notes << tr("Pods: %1").arg(s.podsError);
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());

    m_nodes->setNodes(s.nodes);

    // The history chart.
    qint64 maxCount = 1;
    for (const auto &[phase, series] : std::as_const(m_series)) {
        QList<QPointF> points;
        points.reserve(s.history.size());
        for (const course::PhaseSample &sample : s.history) {
            const qint64 n = sample.counts[phase];
            maxCount = std::max(maxCount, n);
            points.append(QPointF(double(sample.when.toMSecsSinceEpoch()), double(n)));
        }
        series->replace(points);
    }
    if (!s.history.isEmpty()) {
        QDateTime first = s.history.first().when.toLocalTime();
        QDateTime last = s.history.last().when.toLocalTime();
        if (first.msecsTo(last) < 60000)
            first = last.addSecs(-60); // at least a minute, so early points do not fill the width
        m_time->setRange(first, last);
    }
    m_count->setRange(0, double(maxCount) * 1.1 + 1);
    m_count->applyNiceNumbers();

    // Top error reasons.
    m_reasons->clear();
    if (s.topReasons.isEmpty())
        m_reasons->addItem(s.podsSynced ? tr("No pod shows an error.") : tr("Waiting for the pod list…"));
    for (const course::ReasonCount &r : s.topReasons)
        m_reasons->addItem(r.pods == 1 ? tr("%1 — 1 pod").arg(r.reason)
                                       : tr("%1 — %2 pods").arg(r.reason).arg(r.pods));
}

QString ClusterHealthView::apiHealthText() const
{
    return m_api->text();
}

QString ClusterHealthView::podsSummaryText() const
{
    return m_pods->text();
}

QStringList ClusterHealthView::reasonLines() const
{
    QStringList out;
    for (int i = 0; i < m_reasons->count(); ++i)
        out << m_reasons->item(i)->text();
    return out;
}

QLineSeries *ClusterHealthView::series(kube::PodPhase phase) const
{
    for (const auto &[p, s] : m_series) {
        if (p == phase)
            return s;
    }
    return nullptr;
}

void ClusterHealthView::changeEvent(QEvent *event)
{
    if (event) {
        QWidget::changeEvent(event);
        if (event->type() != QEvent::PaletteChange)
            return;
    }
    const QPalette p = palette();
    m_chart->setBackgroundBrush(p.base());
    m_chart->setTitleBrush(p.text());
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_count)}) {
        axis->setLabelsBrush(p.text());
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
}
