#include "eventsview.h"
#include "theme.h"

#include "kube/backoff.h"
#include "kube/jsonfields.h"
#include "kube/kubeclient.h"
#include "kube/podinfo.h"
#include "kube/podstatus.h"
#include "kube/watchdecoder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The fieldSelector kubectl describe uses for one object's events.
QString selectorFor(const QString &kind, const QString &name, const QString &ns)
{
    return u"involvedObject.kind="_s + kind + u",involvedObject.name="_s + name + u",involvedObject.namespace="_s + ns;
}

EventRow eventFrom(simdjson::dom::element o)
{
    using namespace kube::json;
    EventRow e;
    e.uid = ownString(text(o["metadata"]["uid"]));
    e.type = ownString(text(o["type"]));
    e.reason = ownString(text(o["reason"]));
    e.message = ownString(text(o["message"])).trimmed();
    e.kind = ownString(text(o["involvedObject"]["kind"]));
    e.objectName = ownString(text(o["involvedObject"]["name"]));
    e.source = ownString(text(o["source"]["component"]));
    if (e.source.isEmpty())
        e.source = ownString(text(o["reportingComponent"]));
    e.count = std::max(1, int32(o["count"]));
    // events.k8s.io-style events carry eventTime (and a series) instead.
    const qint64 eventTime = timestamp(o["eventTime"]);
    e.first = timestamp(o["firstTimestamp"]);
    e.last = timestamp(o["lastTimestamp"]);
    if (e.first == 0)
        e.first = eventTime ? eventTime : timestamp(o["metadata"]["creationTimestamp"]);
    if (e.last == 0)
        e.last = e.first;
    return e;
}

} // namespace

struct EventWatch::Source
{
    QString kind;
    QString name;
    QString rv; // the last resourceVersion seen: where a watch resumes
    QHash<QString, EventRow> rows; // by uid
    kube::KubeStream *stream = nullptr;
    kube::WatchDecoder decoder;
    kube::Backoff backoff;
    QElapsedTimer watchStarted;
};

EventWatch::EventWatch(QObject *parent)
    : QObject(parent)
{
}

EventWatch::~EventWatch()
{
    stop();
}

void EventWatch::stop()
{
    ++m_run;
    for (const auto &source : std::as_const(m_sources)) {
        if (source->stream) {
            source->stream->abort();
            source->stream->deleteLater();
        }
    }
    m_sources.clear();
    if (m_publish)
        m_publish->stop();
}

void EventWatch::watch(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                       const QString &deployment, quint64 generation)
{
    stop();
    const quint64 run = m_run;
    m_generation = generation;
    m_namespace = ns;
    m_problem.clear();
    if (access != m_access) {
        delete m_client;
        m_client = access ? new kube::KubeClient(access, this) : nullptr;
        m_access = std::move(access);
    }
    if (!m_client)
        return;
    auto add = [this](const QString &kind, const QString &name) {
        auto source = std::make_shared<Source>();
        source->kind = kind;
        source->name = name;
        m_sources.append(source);
    };
    if (!deployment.isEmpty())
        add(u"Deployment"_s, deployment);
    if (pod.isEmpty()) {
        for (int i = 0; i < m_sources.size(); ++i)
            list(i);
        schedulePublish();
        return;
    }
    add(u"Pod"_s, pod);
    // The pod names its ReplicaSet (ownerReferences); its events belong here too.
    m_client->get(kube::resourcePath(kube::kinds::pods, ns, pod), this, [this, run](const kube::ApiResult &r) {
        if (!current(run))
            return;
        if (r.ok()) {
            simdjson::dom::parser parser;
            simdjson::dom::element doc;
            simdjson::dom::array owners;
            if (!parser.parse(r.body.constData(), size_t(r.body.size())).get(doc) &&
                !doc["metadata"]["ownerReferences"].get_array().get(owners)) {
                for (simdjson::dom::element owner : owners) {
                    if (kube::json::text(owner["kind"]) == "ReplicaSet") {
                        auto source = std::make_shared<Source>();
                        source->kind = u"ReplicaSet"_s;
                        source->name = kube::json::ownString(kube::json::text(owner["name"]));
                        m_sources.insert(1, source);
                    }
                }
            }
        }
        for (int i = 0; i < m_sources.size(); ++i)
            list(i);
    });
}

void EventWatch::list(int index)
{
    const std::shared_ptr<Source> source = m_sources.value(index);
    if (!source)
        return;
    const quint64 run = m_run;
    QUrlQuery query;
    query.addQueryItem(u"fieldSelector"_s, selectorFor(source->kind, source->name, m_namespace));
    query.addQueryItem(u"limit"_s, u"500"_s);
    m_client->get(
        kube::resourcePath(kube::kinds::events, m_namespace), this,
        [this, run, index, source](const kube::ApiResult &r) {
            if (!current(run))
                return;
            if (!r.ok()) {
                retry(index, r.status.message, true, r.status.retryAfterSeconds);
                return;
            }
            simdjson::dom::parser parser;
            simdjson::dom::element doc;
            simdjson::dom::array items;
            if (parser.parse(r.body.constData(), size_t(r.body.size())).get(doc) || doc["items"].get_array().get(items)) {
                retry(index, tr("The cluster's list of events could not be read."), true);
                return;
            }
            source->rows.clear();
            for (simdjson::dom::element item : items) {
                EventRow e = eventFrom(item);
                source->rows.insert(e.uid, std::move(e));
            }
            source->rv = kube::json::ownString(kube::json::text(doc["metadata"]["resourceVersion"]));
            schedulePublish();
            openWatch(index);
        },
        query);
}

void EventWatch::openWatch(int index)
{
    const std::shared_ptr<Source> source = m_sources.value(index);
    if (!source)
        return;
    const quint64 run = m_run;
    source->decoder.reset();
    // Ended by the server after a random 5 to 10 minutes, as client-go asks.
    const int timeout = 300 + int(QRandomGenerator::global()->bounded(300));
    kube::ApiRequest request;
    request.path = kube::resourcePath(kube::kinds::events, m_namespace);
    request.query.addQueryItem(u"fieldSelector"_s, selectorFor(source->kind, source->name, m_namespace));
    request.query.addQueryItem(u"watch"_s, u"1"_s);
    request.query.addQueryItem(u"allowWatchBookmarks"_s, u"true"_s);
    request.query.addQueryItem(u"resourceVersion"_s, source->rv);
    request.query.addQueryItem(u"timeoutSeconds"_s, QString::number(timeout));
    request.idleTimeoutMs = (timeout + 60) * 1000;
    source->watchStarted.start();
    source->stream = m_client->openStream(request, this);
    connect(source->stream, &kube::KubeStream::opened, this, [this, run] {
        if (current(run) && !m_problem.isEmpty()) {
            m_problem.clear();
            schedulePublish();
        }
    });
    connect(source->stream, &kube::KubeStream::data, this, [this, run, index](const QByteArray &chunk) {
        if (current(run))
            onData(index, chunk);
    });
    connect(source->stream, &kube::KubeStream::finished, this, [this, run, index](const kube::ApiStatus &status) {
        if (current(run))
            onFinished(index, status);
    });
}

void EventWatch::onData(int index, const QByteArray &chunk)
{
    Source &source = *m_sources.at(index);
    source.decoder.feed(chunk);
    kube::WatchDecoder::Event event;
    QString problem;
    bool changed = false;
    for (;;) {
        const auto step = source.decoder.next(&event, &problem);
        if (step == kube::WatchDecoder::Step::NeedMore || step == kube::WatchDecoder::Step::Truncated)
            break;
        if (step == kube::WatchDecoder::Step::Garbled) {
            // Lost track of the stream: list again rather than guess.
            source.stream->abort();
            source.stream->deleteLater();
            source.stream = nullptr;
            retry(index, problem, true);
            return;
        }
        using Type = kube::WatchDecoder::EventType;
        if (event.type == Type::Error) {
            const int code = kube::json::int32(event.object["code"]);
            const QString message = kube::json::ownString(kube::json::text(event.object["message"]));
            source.stream->abort();
            source.stream->deleteLater();
            source.stream = nullptr;
            retry(index, message, code == 410);
            return;
        }
        const QString rv = kube::json::ownString(kube::json::text(event.object["metadata"]["resourceVersion"]));
        if (!rv.isEmpty())
            source.rv = rv;
        if (event.type == Type::Bookmark)
            continue;
        EventRow e = eventFrom(event.object);
        if (event.type == Type::Deleted)
            source.rows.remove(e.uid);
        else
            source.rows.insert(e.uid, std::move(e));
        changed = true;
    }
    if (changed)
        schedulePublish();
}

void EventWatch::onFinished(int index, const kube::ApiStatus &status)
{
    Source &source = *m_sources.at(index);
    const bool wasOpen = source.stream && source.stream->isOpen();
    if (source.stream) {
        source.stream->deleteLater();
        source.stream = nullptr;
    }
    if (wasOpen && status.isOk()) {
        // The server ended the watch (timeoutSeconds): carry on from where it stopped.
        source.backoff.reset();
        openWatch(index);
        return;
    }
    if (status.isGone()) {
        list(index);
        return;
    }
    if (wasOpen && source.watchStarted.elapsed() >= 1000) {
        openWatch(index); // a dropped stream that had been working: resume at once
        return;
    }
    retry(index, status.message, false, status.retryAfterSeconds);
}

void EventWatch::retry(int index, const QString &problem, bool relist, int retryAfterSeconds)
{
    const std::shared_ptr<Source> source = m_sources.value(index);
    if (!source)
        return;
    m_problem = problem;
    schedulePublish();
    const quint64 run = m_run;
    const auto wait = source->backoff.next(retryAfterSeconds);
    QTimer::singleShot(wait, this, [this, run, index, relist] {
        if (!current(run))
            return;
        if (relist || m_sources.at(index)->rv.isEmpty())
            list(index);
        else
            openWatch(index);
    });
}

void EventWatch::schedulePublish()
{
    if (!m_publish) {
        m_publish = new QTimer(this);
        m_publish->setSingleShot(true);
        m_publish->setInterval(50); // a burst of events goes out as one snapshot
        connect(m_publish, &QTimer::timeout, this, [this] {
            QList<EventRow> rows;
            for (const auto &source : std::as_const(m_sources))
                rows += source->rows.values();
            Q_EMIT snapshot(m_generation, rows, m_problem);
        });
    }
    if (!m_publish->isActive())
        m_publish->start();
}

// ---- the view ----------------------------------------------------------------

EventsView::EventsView(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_ages(new QTimer(this))
    , m_thread(new QThread(this))
    , m_watch(new EventWatch)
{
    setObjectName(u"eventsView"_s);
    m_tree->setObjectName(u"eventsTree"_s);
    m_tree->setAccessibleName(tr("Events"));
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
    m_status->setText(tr("No student selected."));

    // Ages move on between events.
    m_ages->setInterval(5000);
    connect(m_ages, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int i = 0; i < m_events.size() && i < m_tree->topLevelItemCount(); ++i)
            m_tree->topLevelItem(i)->setText(Age, ageText(m_events.at(i), now));
    });

    m_thread->setObjectName(u"events watch"_s);
    m_watch->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_watch, &QObject::deleteLater);
    connect(m_watch, &EventWatch::snapshot, this,
            [this](quint64 generation, const QList<EventRow> &rows, const QString &problem) {
                if (generation == m_generation && m_active)
                    display(rows, problem);
            });
    m_thread->start();
}

EventsView::~EventsView()
{
    m_thread->quit();
    m_thread->wait();
}

void EventsView::setTarget(std::shared_ptr<kube::ClusterAccess> access, const QString &ns, const QString &pod,
                           const QString &deployment)
{
    const bool active = isActive();
    stop();
    m_access = std::move(access);
    m_namespace = ns;
    m_pod = pod;
    m_deployment = deployment;
    m_events.clear();
    m_tree->clear();
    m_status->setText(
        tr("Events of %1 appear here when the tab is shown.").arg(deployment.isEmpty() ? pod : deployment));
    if (active)
        start();
}

void EventsView::start()
{
    if (!m_access)
        return;
    m_active = true;
    const quint64 generation = ++m_generation;
    m_since = QDateTime::currentDateTime();
    if (m_events.isEmpty())
        m_status->setText(tr("Reading events from the cluster…"));
    QMetaObject::invokeMethod(m_watch, [watch = m_watch, access = m_access, ns = m_namespace, pod = m_pod,
                                        deployment = m_deployment, generation] {
        watch->watch(access, ns, pod, deployment, generation);
    });
    m_ages->start();
}

void EventsView::stop()
{
    if (!m_active)
        return;
    m_active = false;
    ++m_generation; // snapshots in flight are dropped
    m_ages->stop();
    QMetaObject::invokeMethod(m_watch, [watch = m_watch] { watch->stop(); });
}

void EventsView::refresh()
{
    if (m_active)
        start();
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

void EventsView::display(QList<EventRow> rows, const QString &problem)
{
    std::stable_sort(rows.begin(), rows.end(),
                     [](const EventRow &a, const EventRow &b) { return a.last > b.last; });
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_events = rows;
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
        const QBrush brush = e.type == QLatin1String("Warning") ? QBrush(theme::foreground(theme::Tone::Warning)) : QBrush();
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
    if (!problem.isEmpty())
        text = tr("Reconnecting to the cluster's events (%1); what is shown may be out of date.").arg(problem);
    else if (rows.isEmpty())
        text = tr("No events for %1 (the cluster keeps events for about an hour); new ones appear as they "
                  "happen.")
                   .arg(m_deployment.isEmpty() ? m_pod : m_deployment);
    else
        text = tr("%n event(s), newest first; watched live since %1.", nullptr, int(rows.size()))
                   .arg(m_since.toString(u"HH:mm:ss"_s));
    m_status->setText(text);
    Q_EMIT refreshed();
}

QString EventsView::statusText() const
{
    return m_status->text();
}
