#include "sandbox/httpserver.h"

#include "sandbox/sandboxlog.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QWebSocket>
#include <QWebSocketServer>

#include <deque>

#include <http_parser.h>

namespace sandbox {

QByteArray HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    }
    return "Status";
}

namespace {

QByteArray httpDate()
{
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
constexpr qsizetype kMaxBodyBytes = 32 * 1024 * 1024;

// Collects one request from http_parser's callbacks.
struct RequestBuilder
{
    HttpRequest request;
    QByteArray url;
    QByteArray field;
    QByteArray value;
    bool inValue = false;
    bool complete = false;
    bool tooLarge = false;

    void flushHeader()
    {
        if (!field.isEmpty())
            request.headers.append({field.toLower(), value.trimmed()});
        field.clear();
        value.clear();
        inValue = false;
    }

    static RequestBuilder *from(http_parser *p) { return static_cast<RequestBuilder *>(p->data); }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings st;
            http_parser_settings_init(&st);
            st.on_message_begin = [](http_parser *p) {
                RequestBuilder *b = from(p);
                b->request = HttpRequest{};
                b->url.clear();
                b->field.clear();
                b->value.clear();
                b->inValue = false;
                b->complete = false;
                return 0;
            };
            st.on_url = [](http_parser *p, const char *at, size_t len) {
                from(p)->url.append(at, qsizetype(len));
                return 0;
            };
            st.on_header_field = [](http_parser *p, const char *at, size_t len) {
                RequestBuilder *b = from(p);
                if (b->inValue)
                    b->flushHeader();
                b->field.append(at, qsizetype(len));
                return 0;
            };
            st.on_header_value = [](http_parser *p, const char *at, size_t len) {
                RequestBuilder *b = from(p);
                b->inValue = true;
                b->value.append(at, qsizetype(len));
                return 0;
            };
            st.on_headers_complete = [](http_parser *p) {
                RequestBuilder *b = from(p);
                b->flushHeader();
                b->request.method = http_method_str(static_cast<http_method>(p->method));
                const qsizetype q = b->url.indexOf('?');
                b->request.path = q < 0 ? b->url : b->url.left(q);
                if (q >= 0) {
                    b->request.rawQuery = b->url.mid(q + 1);
                    // '+' means space in query strings; QUrlQuery keeps it literal.
                    QByteArray query = b->request.rawQuery;
                    query.replace('+', "%20");
                    b->request.query.setQuery(QString::fromUtf8(query));
                }
                return 0;
            };
            st.on_body = [](http_parser *p, const char *at, size_t len) {
                RequestBuilder *b = from(p);
                if (b->request.body.size() + qsizetype(len) > kMaxBodyBytes) {
                    b->tooLarge = true;
                    return 1;
                }
                b->request.body.append(at, qsizetype(len));
                return 0;
            };
            st.on_message_complete = [](http_parser *p) {
                RequestBuilder *b = from(p);
                b->complete = true;
                http_parser_pause(p, 1); // hand the request over before reading the next
                return 0;
            };
            return st;
        }();
        return s;
    }
};

} // namespace

// ---- HttpResponse ---------------------------------------------------------

HttpResponse::HttpResponse(QTcpSocket *socket, bool keepAlive, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_keepAlive(keepAlive)
{
}

qint64 HttpResponse::bytesQueued() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void HttpResponse::writeHead(int status, const QByteArray &contentType, const HttpHeaders &extra, qint64 length)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Date: " + httpDate() + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    if (length >= 0)
        head += "Content-Length: " + QByteArray::number(length) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    for (const auto &h : extra)
        head += h.first + ": " + h.second + "\r\n";
    head += "\r\n";
    m_socket->write(head);
    m_started = true;
}

void HttpResponse::send(int status, const QByteArray &contentType, const QByteArray &body, const HttpHeaders &extra)
{
    if (m_started || m_finished || !m_socket)
        return;
    writeHead(status, contentType, extra, body.size());
    m_socket->write(body);
    m_finished = true;
    Q_EMIT finished();
}

void HttpResponse::begin(int status, const QByteArray &contentType, const HttpHeaders &extra)
{
    if (m_started || m_finished || !m_socket)
        return;
    writeHead(status, contentType, extra, -1);
    m_socket->flush();
}

void HttpResponse::write(const QByteArray &chunk)
{
    if (!m_started || m_finished || !m_socket || chunk.isEmpty())
        return;
    m_socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
}

void HttpResponse::end()
{
    if (!m_started || m_finished || !m_socket)
        return;
    m_socket->write("0\r\n\r\n");
    m_finished = true;
    Q_EMIT finished();
}

void HttpResponse::abort()
{
    if (m_socket)
        m_socket->abort();
}

// ---- HttpConnection -------------------------------------------------------

// One client connection: parses requests in order and answers them one at a time.
class HttpConnection : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, HttpServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
    {
        http_parser_init(&m_parser, HTTP_REQUEST);
        m_parser.data = &m_builder;
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
        if (socket->bytesAvailable())
            QMetaObject::invokeMethod(this, [this] { onReadyRead(); }, Qt::QueuedConnection);
    }

private:
    void onReadyRead()
    {
        if (m_closing)
            return;
        if (m_atBoundary && m_server->m_webSockets && tryUpgrade())
            return;
        m_buffer += m_socket->readAll();
        parseBuffered();
    }

    void parseBuffered()
    {
        while (!m_buffer.isEmpty() && !m_closing && m_pending.size() < 8) {
            if (HTTP_PARSER_ERRNO(&m_parser) == HPE_PAUSED)
                http_parser_pause(&m_parser, 0);
            const size_t used =
                http_parser_execute(&m_parser, &RequestBuilder::settings(), m_buffer.constData(), size_t(m_buffer.size()));
            const auto err = HTTP_PARSER_ERRNO(&m_parser);
            m_buffer.remove(0, qsizetype(used));
            m_atBoundary = false;
            if (m_builder.complete) {
                m_builder.complete = false;
                m_builder.request.peer = m_socket->peerAddress();
                m_pending.push_back({std::move(m_builder.request), bool(http_should_keep_alive(&m_parser))});
                m_builder.request = HttpRequest{};
                m_atBoundary = m_buffer.isEmpty();
                continue;
            }
            if (err != HPE_OK && err != HPE_PAUSED) {
                fail(m_builder.tooLarge ? 413 : 400, QByteArray("malformed HTTP request: ") + http_errno_description(err));
                return;
            }
            if (used == 0)
                break;
        }
        if (m_buffer.size() > kMaxHeaderBytes + kMaxBodyBytes) {
            fail(413, "request too large");
            return;
        }
        serveNext();
    }

    void serveNext()
    {
        if (m_active || m_pending.empty() || m_closing)
            return;
        Pending next = std::move(m_pending.front());
        m_pending.pop_front();
        auto *response = new HttpResponse(m_socket, next.keepAlive, this);
        m_active = response;
        connect(response, &HttpResponse::finished, this, [this, response, keepAlive = next.keepAlive] {
            response->deleteLater();
            m_active = nullptr;
            if (!keepAlive) {
                m_closing = true;
                m_socket->disconnectFromHost();
                return;
            }
            QMetaObject::invokeMethod(this, [this] { parseBuffered(); }, Qt::QueuedConnection);
        });
        ++m_server->m_requests;
        if (m_server->m_handler)
            m_server->m_handler(next.request, response);
        else
            response->send(404, "text/plain", "no handler\n");
    }

    void fail(int status, const QByteArray &why)
    {
        qCDebug(lcSandboxHttp) << "closing connection:" << why;
        m_closing = true;
        if (!m_active) {
            HttpResponse r(m_socket, false, nullptr);
            r.send(status, "text/plain; charset=utf-8", why + '\n');
        }
        m_socket->disconnectFromHost();
    }

    // A WebSocket upgrade is handed to QWebSocketServer with its bytes still
    // unread, so peek until the whole head has arrived.
    bool tryUpgrade()
    {
        const QByteArray peeked = m_socket->peek(std::min<qint64>(m_socket->bytesAvailable(), kMaxHeaderBytes));
        const qsizetype headEnd = peeked.indexOf("\r\n\r\n");
        if (headEnd < 0) // upgrades are GETs: wait for the whole head before deciding
            return peeked.startsWith("GET ") && peeked.size() < kMaxHeaderBytes;
        const QByteArray head = peeked.left(headEnd + 4);
        if (!head.toLower().contains("\r\nupgrade: websocket"))
            return false;

        RequestBuilder builder;
        http_parser parser;
        http_parser_init(&parser, HTTP_REQUEST);
        parser.data = &builder;
        http_parser_execute(&parser, &RequestBuilder::settings(), head.constData(), size_t(head.size()));
        if (!parser.upgrade)
            return false;
        builder.request.peer = m_socket->peerAddress();

        HttpResponse refusal(m_socket, false, nullptr);
        if (!m_server->m_upgradeFilter || !m_server->m_upgradeFilter(builder.request, &refusal)) {
            m_socket->read(head.size());
            if (!refusal.isFinished())
                refusal.send(400, "text/plain", "upgrade refused\n");
            m_closing = true;
            m_socket->disconnectFromHost();
            return true;
        }
        ++m_server->m_requests;
        m_closing = true;
        disconnect(m_socket, nullptr, this, nullptr);
        QTcpSocket *socket = m_socket;
        socket->setParent(nullptr);
        setParent(nullptr);
        deleteLater();
        m_server->m_webSockets->handleConnection(socket);
        // The handshake bytes are already buffered; make sure they are seen.
        QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
        return true;
    }

    void onDisconnected()
    {
        m_closing = true;
        if (m_active) {
            HttpResponse *r = m_active;
            m_active = nullptr;
            r->m_finished = true;
            r->m_socket = nullptr;
            Q_EMIT r->aborted();
        }
        m_socket->deleteLater();
    }

    struct Pending
    {
        HttpRequest request;
        bool keepAlive = true;
    };

    QTcpSocket *m_socket;
    HttpServer *m_server;
    http_parser m_parser;
    RequestBuilder m_builder;
    QByteArray m_buffer;
    std::deque<Pending> m_pending;
    QPointer<HttpResponse> m_active;
    bool m_atBoundary = true;
    bool m_closing = false;
};

// ---- HttpServer -----------------------------------------------------------

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress &address, quint16 port, const QSslConfiguration &tls)
{
    if (tls.isNull() || tls.localCertificate().isNull()) {
        m_server = std::make_unique<QTcpServer>();
    } else {
        auto ssl = std::make_unique<QSslServer>();
        QSslConfiguration config = tls;
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        ssl->setSslConfiguration(config);
        ssl->setHandshakeTimeout(10000);
        m_server = std::move(ssl);
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    m_server->setMaxPendingConnections(1000);
    return m_server->listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString HttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        new HttpConnection(socket, this);
    }
}

void HttpServer::setWebSocketHandling(const QStringList &subprotocols, UpgradeFilter filter, WebSocketHandler handler)
{
    if (!m_webSockets) {
        m_webSockets = new QWebSocketServer(QStringLiteral("courseops-sandbox"), QWebSocketServer::NonSecureMode, this);
        connect(m_webSockets, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_webSockets->nextPendingConnection()) {
                if (m_webSocketHandler)
                    m_webSocketHandler(ws);
                else
                    ws->close(QWebSocketProtocol::CloseCodePolicyViolated);
            }
        });
    }
    m_webSockets->setSupportedSubprotocols(subprotocols);
    m_upgradeFilter = std::move(filter);
    m_webSocketHandler = std::move(handler);
}

} // namespace sandbox
