#include "course/errorsignature.h"

#include <QRegularExpression>

namespace course {

namespace {

constexpr qsizetype kMaxSignature = 100;

QString clip(QString text)
{
    text = text.trimmed();
    if (text.size() > kMaxSignature)
        text = text.left(kMaxSignature - 1) + QChar(0x2026);
    return text;
}

bool isImagePull(QStringView reason)
{
    return reason == u"ImagePullBackOff" || reason == u"ErrImagePull" || reason == u"InvalidImageName" ||
           reason == u"ErrImageNeverPull";
}

// npm's own lines that only say where the log is or which command failed.
bool isNpmNoise(QStringView rest)
{
    static const char16_t *const noise[] = {u"code ", u"errno ", u"syscall ", u"path ", u"command ", u"signal ",
                                            u"A complete log", u"Log files", u"workspace ", u"location ", u"Lifecycle"};
    if (rest.isEmpty())
        return true;
    for (const char16_t *n : noise) {
        if (rest.startsWith(QStringView(n)))
            return true;
    }
    return false;
}

ErrorSignature fromContainer(const kube::ContainerStatus &c, const QString &lastMessage = {})
{
    using kube::ContainerState;
    if (c.state == ContainerState::Waiting) {
        if (c.reason == u"CrashLoopBackOff") {
            if (c.lastTerminatedReason == u"OOMKilled")
                return {QStringLiteral("OOMKilled"), false};
            // The last run's message (FallbackToLogsOnError) names the app's error.
            if (!lastMessage.isEmpty()) {
                ErrorSignature last = errorSignature(c.lastTerminatedReason, lastMessage, c.lastExitCode);
                if (!last.isEmpty() && !last.weak)
                    return last;
            }
            return {QStringLiteral("CrashLoopBackOff (exit %1)").arg(c.lastExitCode), true};
        }
        if (c.reason.isEmpty() || c.reason == u"ContainerCreating" || c.reason == u"PodInitializing")
            return {};
        return errorSignature(c.reason, c.message, 0);
    }
    if (c.state == ContainerState::Terminated && (c.exitCode != 0 || c.signal != 0 || c.reason == u"OOMKilled"))
        return errorSignature(c.reason, c.message, c.exitCode != 0 ? c.exitCode : 128 + c.signal);
    return {};
}

} // namespace

QString appErrorLine(QStringView log)
{
    // "TypeError: ...", "Error: ...", "Error [ERR_REQUIRE_ESM]: ...", "Uncaught SyntaxError: ...",
    // at the start of a line: stack frames are indented and never match.
    static const QRegularExpression jsError(
        QStringLiteral("^(?:Uncaught )?([A-Z][A-Za-z]*Error|Error)(?: \\[[A-Z0-9_]+\\])?: (.+)$"));
    static const QRegularExpression quotedTail(QStringLiteral("\\s+'[^']*'$"));
    QString found;
    QString npm;
    for (QStringView line : log.tokenize(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QRegularExpressionMatch m = jsError.match(line);
        if (m.hasMatch()) {
            const QString kind = m.captured(1);
            QString text = m.captured(2).trimmed();
            if (kind == u"SyntaxError")
                text.remove(quotedTail); // "Unexpected token '}'" and "Unexpected token ')'" are one problem
            found = kind == u"Error" ? text : kind + u": " + text;
            continue;
        }
        if (npm.isEmpty()) {
            for (QStringView prefix : {QStringView(u"npm ERR! "), QStringView(u"npm error ")}) {
                if (line.startsWith(prefix)) {
                    const QStringView rest = line.mid(prefix.size()).trimmed();
                    if (!isNpmNoise(rest))
                        npm = rest.toString();
                }
            }
        }
    }
    return clip(found.isEmpty() ? npm : found);
}

QString schedulingSignature(QStringView message)
{
    // The scheduler's text: "0/3 nodes are available: 3 Insufficient memory, 1 node(s) had
    // untolerated taint {x}. preemption: ...". The counts change with the cluster; the reasons do not.
    qsizetype start = message.indexOf(u"are available: ");
    if (start < 0)
        return {};
    QStringView rest = message.mid(start + 15);
    const qsizetype end = rest.indexOf(u". ");
    if (end >= 0)
        rest = rest.left(end);
    if (rest.endsWith(u'.'))
        rest.chop(1);
    QStringList reasons;
    for (QStringView part : rest.tokenize(u", ", Qt::SkipEmptyParts)) {
        part = part.trimmed();
        qsizetype i = 0;
        while (i < part.size() && part[i].isDigit())
            ++i;
        part = part.mid(i).trimmed();
        if (!part.isEmpty())
            reasons << part.toString();
    }
    return clip(reasons.join(QStringLiteral(", ")));
}

ErrorSignature errorSignature(QStringView reason, QStringView message, int exitCode)
{
    if (reason == u"OOMKilled")
        return {QStringLiteral("OOMKilled"), false};
    if (isImagePull(reason))
        return {QStringLiteral("ImagePullBackOff"), false};
    if (reason == u"FailedScheduling" || reason == u"Unschedulable") {
        const QString s = schedulingSignature(message);
        return s.isEmpty() ? ErrorSignature{QStringLiteral("Unschedulable"), true} : ErrorSignature{s, false};
    }
    const QString line = appErrorLine(message);
    if (!line.isEmpty())
        return {line, false};
    if (reason == u"CrashLoopBackOff")
        return {QStringLiteral("CrashLoopBackOff (exit %1)").arg(exitCode), true};
    if (reason == u"Completed" && exitCode == 0)
        return {};
    if (reason == u"Error" || (reason.isEmpty() && exitCode != 0))
        return {QStringLiteral("Error (exit %1)").arg(exitCode), true};
    if (reason.isEmpty())
        return {};
    // CreateContainerConfigError, RunContainerError, ...: the reason says what kind.
    return {reason.toString(), message.isEmpty()};
}

ErrorSignature podErrorSignature(const kube::PodInfo &pod)
{
    for (const kube::ContainerStatus &c : pod.initContainerStatuses) {
        ErrorSignature s = fromContainer(c, pod.problemMessage);
        if (!s.isEmpty())
            return s;
    }
    ErrorSignature weak;
    for (const kube::ContainerStatus &c : pod.containerStatuses) {
        ErrorSignature s = fromContainer(c, pod.problemMessage);
        if (!s.isEmpty() && !s.weak)
            return s;
        if (weak.isEmpty())
            weak = s;
    }
    if (!weak.isEmpty())
        return weak;
    if (pod.phase == kube::PodPhase::Pending && pod.nodeName.isEmpty() && !pod.schedulingGated &&
        pod.deletionTimestamp == 0) {
        const QString why = schedulingSignature(pod.problemMessage);
        return {why.isEmpty() ? QStringLiteral("Unschedulable") : why, why.isEmpty()};
    }
    if (pod.phase == kube::PodPhase::Failed && !pod.reason.isEmpty())
        return {pod.reason, false}; // "Evicted"
    return {};
}

} // namespace course
