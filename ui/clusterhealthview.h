#pragma once

#include "course/clusterhealth.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStyledItemDelegate>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QListWidget;
class QTableView;
class QValueAxis;

// The nodes of a ClusterHealthSnapshot, one row each.
class NodeHealthModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Status, Cpu, Memory, Pods, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value (numbers as numbers)
        FractionRole,                // use of the resource, 0..1; -1 when unknown (no metrics)
    };

    explicit NodeHealthModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Same nodes as before: one dataChanged; otherwise a reset.
    void setNodes(const QList<course::NodeHealth> &nodes);
    const course::NodeHealth &node(int row) const { return m_nodes.at(row); }

private:
    QList<course::NodeHealth> m_nodes;
};

// Draws a cell's FractionRole as a bar behind its text.
class UsageBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

// Cluster health at a glance: the API server's health line, nodes with their
// capacity and use, pods by phase over time, and the error reasons most pods
// show. Follows a course::ClusterHealth and refreshes with each snapshot.
class ClusterHealthView : public QWidget
{
    Q_OBJECT

public:
    explicit ClusterHealthView(QWidget *parent = nullptr);

    // Follows `health` (not owned); shows its latest snapshot at once.
    void setHealth(course::ClusterHealth *health);
    void showSnapshot(const course::ClusterHealthSnapshot &snapshot);

    NodeHealthModel *nodesModel() const { return m_nodes; }
    QString apiHealthText() const;
    QString podsSummaryText() const;
    QStringList reasonLines() const;
    QChart *chart() const { return m_chart; }
    QLineSeries *series(kube::PodPhase phase) const;

protected:
    // Follows the theme: the chart draws its own background and labels.
    void changeEvent(QEvent *event) override;

private:
    QPointer<course::ClusterHealth> m_health;
    QLabel *m_api = nullptr;
    QLabel *m_pods = nullptr;
    QLabel *m_notes = nullptr;
    NodeHealthModel *m_nodes = nullptr;
    QTableView *m_nodeTable = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_count = nullptr;
    QList<std::pair<kube::PodPhase, QLineSeries *>> m_series;
    QListWidget *m_reasons = nullptr;
};
