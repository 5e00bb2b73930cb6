#pragma once

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

// A plain-HTTP stand-in for the API server, for what the sandbox never does on
// purpose: a garbled watch line, an event cut in half, a log stream that drops
// between two lines of the same timestamp. Each test scripts the answers.
class FakeApiServer : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray authorization;
    };
    // Writes the whole answer to the socket (or starts a stream and keeps it).
    using Handler = std::function<void(const Request &, QTcpSocket *)>;

    FakeApiServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                s->setParent(this);
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    void setHandler(Handler h) { m_handler = std::move(h); }
    const QList<Request> &requests() const { return m_requests; }
    QList<Request> requestsTo(const QString &path, bool watch) const
    {
        QList<Request> out;
        for (const Request &r : m_requests) {
            if (r.path == path && r.query.hasQueryItem(QStringLiteral("watch")) == watch)
                out.append(r);
        }
        return out;
    }

    static void reply(QTcpSocket *s, int code, const QByteArray &body, const QByteArray &extraHeaders = {},
                      const QByteArray &contentType = "application/json")
    {
        s->write("HTTP/1.1 " + QByteArray::number(code) + " X\r\nContent-Type: " + contentType +
                 "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders +
                 "Connection: close\r\n\r\n" + body);
        s->disconnectFromHost();
    }
    static void beginStream(QTcpSocket *s, const QByteArray &contentType = "application/json")
    {
        s->write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType +
                 "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    }
    static void streamChunk(QTcpSocket *s, const QByteArray &bytes)
    {
        s->write(QByteArray::number(bytes.size(), 16) + "\r\n" + bytes + "\r\n");
    }
    static void endStream(QTcpSocket *s)
    {
        s->write("0\r\n\r\n");
        s->disconnectFromHost();
    }
    // A connection that breaks: no final chunk, the socket just goes.
    static void dropStream(QTcpSocket *s)
    {
        s->flush();
        s->abort();
    }

private:
    void onRead(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.clear();
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        Request r;
        r.method = first.value(0);
        const QUrl u(QString::fromLatin1(first.value(1)));
        r.path = u.path();
        r.query = QUrlQuery(u.query(QUrl::FullyDecoded));
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("authorization:"))
                r.authorization = line.mid(14).trimmed();
        }
        m_requests.append(r);
        if (m_handler)
            m_handler(r, s);
    }

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
