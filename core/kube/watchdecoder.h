#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <memory>
#include <simdjson.h>

namespace kube {

// Splits a watch response (one JSON event per line, as the API server writes
// it) into events, parsing each with simdjson in place: no copy of the line
// and no QJsonDocument. A line that is not a watch event is reported as
// Garbled and skipped, so the caller can decide (the reflector relists); an
// unterminated line when the stream ends is Truncated.
class WatchDecoder
{
public:
    enum class EventType : quint8 { Added, Modified, Deleted, Bookmark, Error };
    struct Event
    {
        EventType type = EventType::Added;
        simdjson::dom::element object; // valid until the next call of next()/finish()/feed()
    };
    enum class Step : quint8 {
        Event,     // *event is set
        NeedMore,  // no complete line yet (after finish(): the stream ended cleanly)
        Garbled,   // a complete line that is not a watch event; it was consumed
        Truncated, // finish(): the stream ended inside an event
    };

    WatchDecoder();
    ~WatchDecoder();

    void feed(QByteArrayView bytes);
    Step next(Event *event, QString *problem = nullptr);
    // The stream has ended: decodes a last line that came without its newline,
    // or reports what was cut off.
    Step finish(Event *event, QString *problem = nullptr);
    void reset();
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

    static QString typeName(EventType type);

private:
    Step decode(const char *line, qsizetype length, Event *event, QString *problem);
    void compact();

    QByteArray m_buffer;
    qsizetype m_pos = 0;
    std::unique_ptr<simdjson::dom::parser> m_parser;
};

} // namespace kube
