#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace sandbox {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;   // "GET"
    QByteArray path;     // the path as sent, still percent-encoded, without the query
    QByteArray rawQuery; // after '?', still encoded
    QUrlQuery query;
    HttpHeaders headers; // names in lower case
    QByteArray body;
    QHostAddress peer;

    QByteArray header(QByteArrayView lowerName) const;
    QString queryValue(const QString &key) const { return query.queryItemValue(key, QUrl::FullyDecoded); }
    bool hasQuery(const QString &key) const { return query.hasQueryItem(key); }
};

// The answer to one request: either whole (send) or streamed in chunks
// (begin / write / end), as watches and followed logs need. Owned by the
// connection; it emits aborted() when the client goes away first, after which
// writes are ignored. Keep it in a QPointer when holding it across events.
class HttpResponse : public QObject
{
    Q_OBJECT

public:
    void send(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &extra = {});
    void begin(int status, const QByteArray &contentType, const HttpHeaders &extra = {});
    void write(const QByteArray &chunk); // one chunk, sent at once
    void end();
    void abort(); // cut the connection without ending the stream, as a dropped network does

    bool isFinished() const { return m_finished; }
    qint64 bytesQueued() const; // for back-pressure: bytes written but not yet sent

Q_SIGNALS:
    void aborted();
    void finished();

private:
    friend class HttpConnection;
    explicit HttpResponse(QTcpSocket *socket, bool keepAlive, QObject *parent);
    void writeHead(int status, const QByteArray &contentType, const HttpHeaders &extra, qint64 length);

    QTcpSocket *m_socket;
    bool m_keepAlive;
    bool m_started = false;
    bool m_finished = false;
};

// An HTTP/1.1 server (keep-alive, chunked streaming) on TCP or TLS, with
// WebSocket upgrades handed to QWebSocketServer so the server can choose the
// subprotocol. One thread: handlers must not block.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpResponse *)>;
    // Decides on a WebSocket upgrade before the handshake. Return true to accept;
    // to refuse, answer on the response (e.g. 401) and return false.
    using UpgradeFilter = std::function<bool(const HttpRequest &, HttpResponse *)>;
    using WebSocketHandler = std::function<void(QWebSocket *)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    // An empty configuration serves plain HTTP.
    bool listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls = {});
    quint16 port() const;
    QString errorString() const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setWebSocketHandling(const QStringList &subprotocols, UpgradeFilter filter, WebSocketHandler handler);

    qint64 requestsServed() const { return m_requests; }

private:
    friend class HttpConnection;
    void acceptPending();

    std::unique_ptr<QTcpServer> m_server;
    QWebSocketServer *m_webSockets = nullptr;
    Handler m_handler;
    UpgradeFilter m_upgradeFilter;
    WebSocketHandler m_webSocketHandler;
    qint64 m_requests = 0;
};

QByteArray reasonPhrase(int status);

} // namespace sandbox
