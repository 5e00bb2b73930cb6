#include "eventsview.h"

#include "kube/kubeclient.h"
#include "kube/podinfo.h"
#include "kube/podstatus.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

qint64 secondsOf(const QJsonValue &value)
{
    const QByteArray text = value.toString().toLatin1();
    return text.isEmpty() ? 0 : kube::parseRfc3339(std::string_view(text.constData(), size_t(text.size())));
}

QList<EventRow> parseEvents(const QByteArray &body)
{
    QList<EventRow> rows;
    const QJsonArray items = QJsonDocument::fromJson(body).object().value(u"items"_s).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        const QJsonObject involved = o.value(u"involvedObject"_s).toObject();
        EventRow e;
        e.type = o.value(u"type"_s).toString();
        e.reason = o.value(u"reason"_s).toString();
        e.message = o.value(u"message"_s).toString().trimmed();
        e.kind = involved.value(u"kind"_s).toString();
        e.objectName = involved.value(u"name"_s).toString();
        e.source = o.value(u"source"_s).toObject().value(u"component"_s).toString();
        if (e.source.isEmpty())
            e.source = o.value(u"reportingComponent"_s).toString();
        e.count = std::max(1, o.value(u"count"_s).toInt(1));
        // events.k8s.io-style events carry eventTime (and a series) instead.
        const qint64 eventTime = secondsOf(o.value(u"eventTime"_s));
        e.first = secondsOf(o.value(u"firstTimestamp"_s));
        e.last = secondsOf(o.value(u"lastTimestamp"_s));
        if (e.first == 0)
            e.first = eventTime ? eventTime
                                : secondsOf(o.value(u"metadata"_s).toObject().value(u"creationTimestamp"_s));
        if (e.last == 0)
            e.last = e.first;
        rows.append(e);
    }
    return rows;
}

} // namespace

EventsView::EventsView(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_poll(new QTimer(this))
{
    setObjectName(u"eventsView"_s);
    m_tree->setObjectName(u"eventsTree"_s);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    m_tree->setHeaderLabels({tr("Type"), tr("Reason"), tr("Age"), tr("Count"), tr("Object"), tr("Message")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_status->setObjectName(u"eventsStatus"_s);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_status);
    m_poll->setInterval(5000);
    connect(m_poll, &QTimer::timeout, this, &EventsView::refresh);
    m_status->setText(tr("No student selected."));
}

EventsView::~EventsView() = default;

void EventsView::setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                           const QString &deployment)
{
    const bool active = isActive();
    stop();
    if (access != m_access) {
        delete m_client;
        m_client = access ? new kube::KubeClient(access, this) : nullptr;
    }
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_deployment = deployment;
    m_events.clear();
    m_tree->clear();
    m_updated = {};
    m_status->setText(
        tr("Events of %1 appear here when the tab is shown.").arg(deployment.isEmpty() ? pod : deployment));
    if (active)
        start();
}

void EventsView::setInterval(int ms)
{
    m_poll->setInterval(ms);
}

void EventsView::start()
{
    if (!m_client)
        return;
    m_poll->start();
    refresh();
}

void EventsView::stop()
{
    m_poll->stop();
    ++m_generation; // whatever is in flight is dropped
    m_busy = false;
}

bool EventsView::isActive() const
{
    return m_poll->isActive();
}

void EventsView::refresh()
{
    if (!m_client || m_busy)
        return;
    m_busy = true;
    const quint64 generation = ++m_generation;
    if (m_pod.isEmpty()) {
        listEvents({}, generation);
        return;
    }
    // The pod names its ReplicaSet (ownerReferences); its events belong here too.
    m_client->get(kube::resourcePath(kube::kinds::pods, m_namespace, m_pod), this,
                  [this, generation](const kube::ApiResult &r) {
                      if (generation != m_generation)
                          return;
                      QString replicaSet;
                      if (r.ok()) {
                          const QJsonArray owners = QJsonDocument::fromJson(r.body)
                                                        .object()
                                                        .value(u"metadata"_s)
                                                        .toObject()
                                                        .value(u"ownerReferences"_s)
                                                        .toArray();
                          for (const QJsonValue &owner : owners) {
                              if (owner[u"kind"_s].toString() == QLatin1String("ReplicaSet"))
                                  replicaSet = owner[u"name"_s].toString();
                          }
                      }
                      listEvents(replicaSet, generation);
                  });
}

void EventsView::listEvents(const QString &replicaSet, quint64 generation)
{
    QList<std::pair<QString, QString>> objects; // kind, name
    if (!m_deployment.isEmpty())
        objects.append({u"Deployment"_s, m_deployment});
    if (!replicaSet.isEmpty())
        objects.append({u"ReplicaSet"_s, replicaSet});
    if (!m_pod.isEmpty())
        objects.append({u"Pod"_s, m_pod});
    if (objects.isEmpty()) {
        m_busy = false;
        return;
    }
    struct Gather
    {
        int waiting = 0;
        QList<EventRow> rows;
        QString error;
    };
    auto gather = std::make_shared<Gather>();
    gather->waiting = int(objects.size());
    for (const auto &[kind, name] : std::as_const(objects)) {
        QUrlQuery query;
        query.addQueryItem(u"fieldSelector"_s, u"involvedObject.kind="_s + kind + u",involvedObject.name="_s +
                                                   name + u",involvedObject.namespace="_s + m_namespace);
        query.addQueryItem(u"limit"_s, u"500"_s);
        m_client->get(
            kube::resourcePath(kube::kinds::events, m_namespace), this,
            [this, gather, generation](const kube::ApiResult &r) {
                if (generation != m_generation)
                    return;
                if (r.ok())
                    gather->rows += parseEvents(r.body);
                else if (gather->error.isEmpty())
                    gather->error = r.status.message;
                if (--gather->waiting == 0) {
                    m_busy = false;
                    show(std::move(gather->rows), gather->error);
                }
            },
            query);
    }
}

QString EventsView::ageText(const EventRow &e, qint64 now)
{
    const QString age = kube::humanDuration(std::max<qint64>(0, now - e.last));
    if (e.count > 1)
        return QStringLiteral("%1 (x%2 over %3)")
            .arg(age)
            .arg(e.count)
            .arg(kube::humanDuration(std::max<qint64>(0, now - e.first)));
    return age;
}

void EventsView::show(QList<EventRow> rows, const QString &error)
{
    std::stable_sort(rows.begin(), rows.end(),
                     [](const EventRow &a, const EventRow &b) { return a.last > b.last; });
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_events = rows;
    m_updated = QDateTime::currentDateTime();
    // Rebuilt in place: the list is short, and the selection and scroll stay where they were.
    const int scroll = m_tree->verticalScrollBar()->value();
    const int current = m_tree->currentIndex().row();
    m_tree->setUpdatesEnabled(false);
    while (m_tree->topLevelItemCount() > rows.size())
        delete m_tree->takeTopLevelItem(m_tree->topLevelItemCount() - 1);
    for (int i = 0; i < rows.size(); ++i) {
        const EventRow &e = rows.at(i);
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (!item)
            item = new QTreeWidgetItem(m_tree);
        item->setText(Type, e.type);
        item->setText(Reason, e.reason);
        item->setText(Age, ageText(e, now));
        item->setText(Count, QString::number(e.count));
        item->setText(Object, e.kind.toLower() + u'/' + e.objectName);
        item->setText(Message, e.message);
        item->setToolTip(Message, e.message + u"\n\n"_s + tr("Reported by %1").arg(e.source));
        const QBrush brush = e.type == QLatin1String("Warning") ? QBrush(QColor(190, 70, 0)) : QBrush();
        for (int c = 0; c < ColumnCount; ++c)
            item->setForeground(c, brush);
        QFont font = item->font(Reason);
        font.setBold(e.type == QLatin1String("Warning"));
        item->setFont(Reason, font);
    }
    m_tree->setUpdatesEnabled(true);
    if (current >= 0 && current < rows.size())
        m_tree->setCurrentItem(m_tree->topLevelItem(current));
    m_tree->verticalScrollBar()->setValue(scroll);
    for (int c = 0; c < Message; ++c) // a few short columns: fit them to what they hold
        m_tree->resizeColumnToContents(c);
    QString text;
    if (!error.isEmpty())
        text = tr("Could not read every event: %1").arg(error);
    else if (rows.isEmpty())
        text = tr("No events for %1 (the cluster keeps events for about an hour).")
                   .arg(m_deployment.isEmpty() ? m_pod : m_deployment);
    else
        text = tr("%n event(s), newest first; updated %1, refreshed every %2 s.", nullptr, int(rows.size()))
                   .arg(m_updated.toString(u"HH:mm:ss"_s))
                   .arg(QLocale().toString(m_poll->interval() / 1000.0));
    m_status->setText(text);
    Q_EMIT refreshed();
}

QString EventsView::statusText() const
{
    return m_status->text();
}
