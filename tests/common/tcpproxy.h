#pragma once

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A TCP relay between a client under test and a server, for network faults
// TLS cannot tell from the real thing: dropAll() cuts every open connection
// mid-stream, as a flaky network or a restarting load balancer would.
class TcpProxy : public QObject
{
public:
    explicit TcpProxy(quint16 targetPort, QObject *parent = nullptr)
        : QObject(parent)
        , m_targetPort(targetPort)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    int open() const
    {
        int n = 0;
        for (const Pair &p : m_pairs) {
            if (p.client && p.client->state() == QAbstractSocket::ConnectedState)
                ++n;
        }
        return n;
    }

    void dropAll()
    {
        const QList<Pair> pairs = m_pairs;
        m_pairs.clear();
        for (const Pair &p : pairs) {
            if (p.client)
                p.client->abort();
            if (p.upstream)
                p.upstream->abort();
        }
    }

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            ++m_connections;
            auto *upstream = new QTcpSocket(this);
            client->setParent(this);
            m_pairs.append(Pair{client, upstream});
            QObject::connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
                if (upstream->state() == QAbstractSocket::ConnectedState)
                    upstream->write(client->readAll());
            });
            QObject::connect(upstream, &QTcpSocket::connected, client,
                             [client, upstream] { upstream->write(client->readAll()); });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                             [client, upstream] { client->write(upstream->readAll()); });
            QObject::connect(client, &QTcpSocket::disconnected, upstream,
                             [upstream] { upstream->disconnectFromHost(); });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                             [client] { client->disconnectFromHost(); });
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        }
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<Pair> m_pairs;
    int m_connections = 0;
};
