#include "cli_status.h"

#include "kube/clusteraccess.h"
#include "kube/podstatus.h"
#include "kube/reflector.h"
#include "kube/rolloutstatus.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QTextStream>
#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// Both point into the reflectors' cached objects: 100,000 rows stay small.
struct StudentKey
{
    const QString *ns;
    QStringView login;
    bool operator==(const StudentKey &o) const { return login == o.login && *ns == *o.ns; }
};

size_t qHash(const StudentKey &k, size_t seed = 0)
{
    return qHashMulti(seed, *k.ns, k.login);
}

struct StudentRow
{
    QStringView login; // into the objects' labels
    const QString *ns = nullptr;
    const kube::PodInfo *pod = nullptr;
    const kube::DeploymentInfo *deployment = nullptr;
    const kube::ServiceInfo *service = nullptr;
};

// The pod a person means by "the student's pod": a live one before a
// terminating one, then the newest.
bool betterPod(const kube::PodInfo &candidate, const kube::PodInfo &current)
{
    const bool candidateLive = candidate.deletionTimestamp == 0;
    const bool currentLive = current.deletionTimestamp == 0;
    if (candidateLive != currentLive)
        return candidateLive;
    return candidate.creationTimestamp > current.creationTimestamp;
}

void appendJsonString(QByteArray *out, const QString &s)
{
    out->append('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            out->append('\\');
            out->append(char(u));
        } else if (u < 0x20) {
            out->append(QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0')).toLatin1());
        } else if (u < 0x80) {
            out->append(char(u));
        } else {
            out->append(QString(c).toUtf8());
        }
    }
    out->append('"');
}

} // namespace

int runStatusCommand(const StatusCommandOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.output != QLatin1String("table") && options.output != QLatin1String("json")) {
        err << "courseops-cli: -o must be 'table' or 'json', not '" << options.output << "'\n";
        return 2;
    }
    QString error;
    const auto access = kube::ClusterAccess::fromKubeconfig(options.kubeconfigFiles, options.context, &error);
    if (!access) {
        err << "courseops-cli: " << error << '\n';
        return 1;
    }

#if defined(__GLIBC__)
    // The list pages and their parse buffers (MBs each, freed page after page)
    // come from mmap and go back at once, rather than leaving holes between the
    // objects kept; and the workers share one heap instead of one each.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_ARENA_MAX, 1);
#endif
    kube::ReflectorOptions ro;
    ro.namespaceName = options.namespaceName;
    ro.labelSelector = QString(kube::kStudentLabel); // only the students' objects
    ro.watch = false;
    ro.listAttempts = 2;
    ro.backoff.initial = std::chrono::milliseconds(300);
    kube::PodReflector pods(access, ro);
    kube::DeploymentReflector deployments(access, ro);
    kube::ServiceReflector services(access, ro);

    QEventLoop loop;
    int pending = 3;
    kube::ApiStatus failure;
    for (kube::Reflector *r :
         {static_cast<kube::Reflector *>(&pods), static_cast<kube::Reflector *>(&deployments),
          static_cast<kube::Reflector *>(&services)}) {
        QObject::connect(r, &kube::Reflector::stopped, &loop, [&](const kube::ApiStatus &status) {
            if (!status.isOk() && failure.isOk())
                failure = status;
            if (--pending == 0 || !status.isOk())
                loop.quit();
        });
        r->start();
    }
    loop.exec();
    // Stop every worker before leaving, also after a failure: one still running
    // while its reflector is destroyed crashes the program.
    pods.stop();
    deployments.stop();
    services.stop();
#if defined(__GLIBC__)
    malloc_trim(0); // the list pages and parsers are gone: give their memory back before the rows
#endif
    if (!failure.isOk()) {
        err << "courseops-cli: " << failure.message << " (context " << access->contextName() << ", server "
            << access->server().toString() << ")\n";
        return 1;
    }

    // Join by (namespace, login), pointing into the stopped reflectors' caches: at
    // course scale copies of 300,000 objects would double the memory.
    const QString studentLabel(kube::kStudentLabel);
    QHash<StudentKey, StudentRow> rows;
    rows.reserve(std::max({pods.size(), deployments.size(), services.size()})); // no rehash spike at the peak
    auto rowFor = [&rows](const QString &ns, QStringView login) -> StudentRow & {
        const StudentKey key{&ns, login};
        auto it = rows.find(key);
        if (it == rows.end())
            it = rows.insert(key, StudentRow{login, &ns});
        return *it;
    };
    qsizetype podCount = 0;
    qsizetype deploymentCount = 0;
    qsizetype serviceCount = 0;
    deployments.visit([&](const kube::DeploymentInfo &d) {
        ++deploymentCount;
        const QStringView login = d.label(studentLabel);
        if (!login.isEmpty())
            rowFor(d.namespaceName, login).deployment = &d;
    });
    pods.visit([&](const kube::PodInfo &p) {
        ++podCount;
        const QStringView login = p.label(studentLabel);
        if (login.isEmpty())
            return;
        StudentRow &row = rowFor(p.namespaceName, login);
        if (!row.pod || betterPod(p, *row.pod))
            row.pod = &p;
    });
    services.visit([&](const kube::ServiceInfo &s) {
        ++serviceCount;
        const QStringView login = s.label(studentLabel);
        if (!login.isEmpty())
            rowFor(s.namespaceName, login).service = &s;
    });
    QList<const StudentRow *> sorted;
    sorted.reserve(rows.size());
    for (const StudentRow &r : std::as_const(rows))
        sorted.append(&r);
    std::sort(sorted.begin(), sorted.end(), [](const StudentRow *a, const StudentRow *b) {
        const int byLogin = a->login.compare(b->login);
        return byLogin != 0 ? byLogin < 0 : *a->ns < *b->ns;
    });

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString none = QStringLiteral("<none>");
    struct Cells
    {
        QString status, ready, restarts, age, rollout;
        kube::RolloutPhase phase = kube::RolloutPhase::WaitingForSpec;
    };
    auto cellsOf = [&](const StudentRow &r) {
        Cells c;
        if (r.pod) {
            const kube::PodPrint print = kube::printPod(*r.pod, now);
            c.status = print.status;
            c.ready = print.readyText;
            c.restarts = print.restartsText;
            c.age = kube::humanDuration(now - r.pod->creationTimestamp);
        } else {
            c.status = none;
            c.ready = QStringLiteral("-");
            c.restarts = QStringLiteral("-");
            c.age = r.deployment ? kube::humanDuration(now - r.deployment->creationTimestamp)
                                 : QStringLiteral("-");
        }
        if (r.deployment) {
            const kube::RolloutStatus s = kube::rolloutStatus(*r.deployment);
            c.rollout = s.summary;
            c.phase = s.phase;
        } else {
            c.rollout = none;
        }
        return c;
    };

    if (options.output == QLatin1String("json")) {
        // Written as it goes: the whole document for 100,000 students would be tens of MB.
        QByteArray json;
        json += "{\"kind\":\"StudentStatusList\",\"context\":";
        appendJsonString(&json, access->contextName());
        json += ",\"counts\":{\"pods\":" + QByteArray::number(podCount) +
                ",\"deployments\":" + QByteArray::number(deploymentCount) +
                ",\"services\":" + QByteArray::number(serviceCount) + "},\"items\":[";
        bool first = true;
        for (const StudentRow *r : std::as_const(sorted)) {
            const Cells c = cellsOf(*r);
            if (!first)
                json += ',';
            first = false;
            json += "\n{\"login\":";
            appendJsonString(&json, r->login.toString());
            json += ",\"namespace\":";
            appendJsonString(&json, *r->ns);
            json += ",\"pod\":";
            appendJsonString(&json, r->pod ? r->pod->name : QString());
            json += ",\"status\":";
            appendJsonString(&json, c.status);
            json += ",\"ready\":";
            appendJsonString(&json, c.ready);
            json += ",\"restarts\":";
            appendJsonString(&json, c.restarts);
            json += ",\"age\":";
            appendJsonString(&json, c.age);
            json += ",\"rollout\":";
            appendJsonString(&json, c.rollout);
            json += ",\"rolledOut\":";
            json += r->deployment && c.phase == kube::RolloutPhase::Complete ? "true" : "false";
            json += ",\"commit\":";
            appendJsonString(&json, r->deployment ? r->deployment->commit() : QString());
            json += ",\"clusterIP\":";
            appendJsonString(&json, r->service ? r->service->clusterIP : QString());
            json += '}';
            if (json.size() > 60000) {
                out << QString::fromUtf8(json);
                json.clear();
            }
        }
        json += "\n]}\n";
        out << QString::fromUtf8(json);
        out.flush();
        return 0;
    }

    // A table as kubectl prints one: upper-case headers, columns three spaces apart.
    const QStringList headers{QStringLiteral("LOGIN"),  QStringLiteral("NAMESPACE"), QStringLiteral("STATUS"),
                              QStringLiteral("READY"),  QStringLiteral("RESTARTS"),  QStringLiteral("AGE"),
                              QStringLiteral("ROLLOUT")};
    QList<qsizetype> widths;
    for (const QString &h : headers)
        widths.append(h.size());
    auto cellsRow = [&](const StudentRow &r) {
        const Cells c = cellsOf(r);
        return QStringList{r.login.toString(), *r.ns, c.status, c.ready,
                           c.restarts,         c.age,           c.rollout};
    };
    // Two passes over the rows (widths, then text) rather than a copy of every cell.
    for (const StudentRow *r : std::as_const(sorted)) {
        const QStringList cells = cellsRow(*r);
        for (qsizetype i = 0; i < cells.size(); ++i)
            widths[i] = std::max(widths[i], cells[i].size());
    }
    if (sorted.isEmpty()) {
        err << "No students found (no objects labelled " << kube::kStudentLabel << " in "
            << (options.namespaceName.isEmpty() ? QStringLiteral("any namespace")
                                                : QStringLiteral("namespace ") + options.namespaceName)
            << ").\n";
        return 0;
    }
    auto printRow = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size())
                line += cells[i].leftJustified(widths[i] + 3, u' ');
            else
                line += cells[i];
        }
        out << line << '\n';
    };
    printRow(headers);
    for (const StudentRow *r : std::as_const(sorted))
        printRow(cellsRow(*r));
    out.flush();
    return 0;
}
