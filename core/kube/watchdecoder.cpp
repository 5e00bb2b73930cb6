#include "kube/watchdecoder.h"

#include <algorithm>
#include <cstring>

namespace kube {

namespace {

// A line longer than this is not an event of any object the API server keeps
// (etcd's limit is 1.5 MB per object); stop buffering it.
constexpr qsizetype kMaxLine = 64 << 20;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

WatchDecoder::WatchDecoder()
    : m_parser(std::make_unique<simdjson::dom::parser>())
{}

WatchDecoder::~WatchDecoder() = default;

QString WatchDecoder::typeName(EventType type)
{
    switch (type) {
    case EventType::Added:
        return QStringLiteral("ADDED");
    case EventType::Modified:
        return QStringLiteral("MODIFIED");
    case EventType::Deleted:
        return QStringLiteral("DELETED");
    case EventType::Bookmark:
        return QStringLiteral("BOOKMARK");
    case EventType::Error:
        return QStringLiteral("ERROR");
    }
    return {};
}

void WatchDecoder::reset()
{
    m_buffer.clear();
    m_pos = 0;
}

void WatchDecoder::compact()
{
    if (m_pos == 0)
        return;
    if (m_pos >= m_buffer.size()) {
        m_buffer.resize(0); // keeps the allocation
        m_pos = 0;
    } else if (m_pos > m_buffer.size() / 2 || m_pos > (1 << 20)) {
        const qsizetype rest = m_buffer.size() - m_pos;
        std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, size_t(rest));
        m_buffer.resize(rest);
        m_pos = 0;
    }
}

void WatchDecoder::feed(QByteArrayView bytes)
{
    compact();
    // simdjson reads SIMDJSON_PADDING bytes past a line's end: keep them allocated.
    const qsizetype needed = m_buffer.size() + bytes.size() + qsizetype(simdjson::SIMDJSON_PADDING);
    if (m_buffer.capacity() < needed)
        m_buffer.reserve(std::max(needed, m_buffer.capacity() * 2));
    m_buffer.append(bytes.data(), bytes.size());
}

WatchDecoder::Step WatchDecoder::next(Event *event, QString *problem)
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', m_pos);
        if (newline < 0) {
            if (m_buffer.size() - m_pos > kMaxLine) {
                if (problem)
                    *problem = QStringLiteral("a watch event longer than %1 bytes").arg(kMaxLine);
                m_pos = m_buffer.size();
                return Step::Garbled;
            }
            return Step::NeedMore;
        }
        const char *start = m_buffer.constData() + m_pos;
        qsizetype length = newline - m_pos;
        m_pos = newline + 1;
        while (length > 0 && isSpace(*start)) {
            ++start;
            --length;
        }
        while (length > 0 && isSpace(start[length - 1]))
            --length;
        if (length == 0)
            continue; // blank lines carry nothing
        return decode(start, length, event, problem);
    }
}

WatchDecoder::Step WatchDecoder::finish(Event *event, QString *problem)
{
    const Step step = next(event, problem);
    if (step != Step::NeedMore)
        return step;
    const char *start = m_buffer.constData() + m_pos;
    qsizetype length = m_buffer.size() - m_pos;
    m_pos = m_buffer.size();
    while (length > 0 && isSpace(*start)) {
        ++start;
        --length;
    }
    while (length > 0 && isSpace(start[length - 1]))
        --length;
    if (length == 0)
        return Step::NeedMore;
    const Step last = decode(start, length, event, problem);
    if (last == Step::Garbled) {
        if (problem)
            *problem = QStringLiteral("the stream ended inside an event (%1 bytes cut off): %2")
                           .arg(length)
                           .arg(*problem);
        return Step::Truncated;
    }
    return last;
}

WatchDecoder::Step WatchDecoder::decode(const char *line, qsizetype length, Event *event, QString *problem)
{
    simdjson::dom::element root;
    const auto error = m_parser->parse(line, size_t(length), false).get(root);
    if (error) {
        if (problem)
            *problem = QStringLiteral("not JSON (%1)").arg(QLatin1String(simdjson::error_message(error)));
        return Step::Garbled;
    }
    std::string_view type;
    if (root["type"].get_string().get(type)) {
        if (problem)
            *problem = QStringLiteral("a line without an event type");
        return Step::Garbled;
    }
    simdjson::dom::element object;
    if (root["object"].get(object) || !object.is_object()) {
        if (problem)
            *problem = QStringLiteral("a %1 event without an object")
                           .arg(QLatin1String(type.data(), qsizetype(type.size())));
        return Step::Garbled;
    }
    if (type == "ADDED")
        event->type = EventType::Added;
    else if (type == "MODIFIED")
        event->type = EventType::Modified;
    else if (type == "DELETED")
        event->type = EventType::Deleted;
    else if (type == "BOOKMARK")
        event->type = EventType::Bookmark;
    else if (type == "ERROR")
        event->type = EventType::Error;
    else {
        if (problem)
            *problem = QStringLiteral("an unknown event type '%1'")
                           .arg(QLatin1String(type.data(), qsizetype(type.size())));
        return Step::Garbled;
    }
    event->object = object;
    return Step::Event;
}

} // namespace kube
