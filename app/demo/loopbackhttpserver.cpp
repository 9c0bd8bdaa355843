// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackhttpserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace {
// A request head larger than this is not a blog client's: drop the connection.
constexpr qsizetype kMaxHeadBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}
} // namespace

LoopbackHttpServer::LoopbackHttpServer(QObject *parent)
    : QObject(parent)
{ }

LoopbackHttpServer::~LoopbackHttpServer()
{
    close();
}

bool LoopbackHttpServer::listen(const QHostAddress &address, quint16 port)
{
    return listenAlso(address, port);
}

bool LoopbackHttpServer::listenAlso(const QHostAddress &address, quint16 port)
{
    return addListener(new QTcpServer(this), address, port);
}

bool LoopbackHttpServer::addListener(QTcpServer *listener, const QHostAddress &address, quint16 port)
{
    if (!address.isLoopback()) {
        delete listener;
        return false; // never serve anything but this machine
    }
    listener->setMaxPendingConnections(4096);
    // The kernel's accept queue too (Qt's default is 50): a proxy opening a hundred connections at
    // once would otherwise see SYNs dropped and retried a second later.
    listener->setListenBacklogSize(4096);
    if (!listener->listen(address, port)) {
        delete listener;
        return false;
    }
    // pendingConnectionAvailable, not newConnection: a QSslServer's connection becomes pending
    // only after its handshake, long after newConnection fired.
    connect(listener, &QTcpServer::pendingConnectionAvailable, this, [this, listener] { onNewConnection(listener); });
    m_listeners.append(listener);
    return true;
}

QList<QUrl> LoopbackHttpServer::urls() const
{
    QList<QUrl> list;
    for (const QTcpServer *listener : m_listeners) {
        QUrl url;
        url.setScheme(listener->inherits("QSslServer") ? QStringLiteral("https") : QStringLiteral("http"));
        url.setHost(listener->serverAddress().toString());
        url.setPort(listener->serverPort());
        url.setPath(QStringLiteral("/"));
        list.append(url);
    }
    return list;
}

void LoopbackHttpServer::close()
{
    for (QTcpServer *listener : std::as_const(m_listeners))
        listener->close();
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets)
        socket->abort();
    m_buffers.clear();
}

HttpRequest LoopbackHttpServer::parseRequestHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    HttpRequest request;
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    return request;
}

bool LoopbackHttpServer::keepsAlive(const HttpRequest &request)
{
    return request.headers.value("connection").toLower() != "close";
}

QByteArray LoopbackHttpServer::responseHead(const LoopbackResponse &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\nContent-Type: " + response.contentType
        + "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    return head;
}

void LoopbackHttpServer::onNewConnection(QTcpServer *listener)
{
    while (QTcpSocket *socket = listener->nextPendingConnection()) {
        // Qt writes the head and the body in separate send() calls; with Nagle on, the body then
        // waits for the client's delayed ACK of the head (40 ms) on every kept-alive connection.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void LoopbackHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    // Requests are GETs without bodies, so a request ends at the blank line.
    for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
        HttpRequest request = parseRequestHead(buffer.left(end));
        buffer.remove(0, end + 4);
        request.localPort = socket->localPort();
        const bool keepAlive = keepsAlive(request);

        request.id = ++m_lastRequestId;
        Q_EMIT requestReceived(request);

        const LoopbackResponse response
            = m_handler ? m_handler(request) : LoopbackResponse { 404, "text/plain", "no handler", {}, 0 };
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, socket, [this, socket, request, response, keepAlive] {
                deliver(socket, request, response, keepAlive);
            });
        } else {
            deliver(socket, request, response, keepAlive);
        }
    }
    if (buffer.size() > kMaxHeadBytes)
        socket->abort();
}

void LoopbackHttpServer::deliver(QTcpSocket *socket, const HttpRequest &request, const LoopbackResponse &response,
                                 bool keepAlive)
{
    Q_EMIT requestAnswered(request.path);
    socket->write(responseHead(response, keepAlive));
    socket->write(response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}
