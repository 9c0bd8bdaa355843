// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include <QSslServer>
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

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{ }

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return listenAlso(address, port);
}

bool HttpServer::listenAlso(const QHostAddress &address, quint16 port)
{
    return addListener(new QTcpServer(this), address, port);
}

bool HttpServer::listenTls(const QSslConfiguration &tls, const QHostAddress &address)
{
    auto *listener = new QSslServer(this);
    listener->setSslConfiguration(tls);
    return addListener(listener, address, 0);
}

bool HttpServer::addListener(QTcpServer *listener, const QHostAddress &address, quint16 port)
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

QList<QUrl> HttpServer::urls() const
{
    QList<QUrl> list;
    for (const QTcpServer *listener : m_listeners) {
        QUrl url;
        url.setScheme(qobject_cast<const QSslServer *>(listener) ? QStringLiteral("https") : QStringLiteral("http"));
        url.setHost(listener->serverAddress().toString());
        url.setPort(listener->serverPort());
        url.setPath(QStringLiteral("/"));
        list.append(url);
    }
    return list;
}

void HttpServer::close()
{
    for (QTcpServer *listener : std::as_const(m_listeners))
        listener->close();
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets)
        socket->abort();
    m_buffers.clear();
}

void HttpServer::resetCounters()
{
    m_peakInFlight = m_inFlight;
    m_requestCount = 0;
}

HttpRequest HttpServer::parseRequestHead(const QByteArray &head)
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

bool HttpServer::keepsAlive(const HttpRequest &request)
{
    return request.headers.value("connection").toLower() != "close";
}

QByteArray HttpServer::responseHead(const HttpResponse &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\nContent-Type: " + response.contentType
        + "\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    return head;
}

void HttpServer::onNewConnection(QTcpServer *listener)
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

void HttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    // Requests are GETs without bodies, so a request ends at the blank line.
    for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
        HttpRequest request = parseRequestHead(buffer.left(end));
        buffer.remove(0, end + 4);
        request.localPort = socket->localPort();
        const bool keepAlive = keepsAlive(request);

        ++m_requestCount;
        ++m_inFlight;
        m_peakInFlight = std::max(m_peakInFlight, m_inFlight);
        Q_EMIT requestReceived(request);

        const HttpResponse response = m_handler
            ? m_handler(request)
            : HttpResponse { 404, "text/plain", "no handler", {}, 0, HttpResponse::Delivery::Normal, 0 };
        if (response.delivery == HttpResponse::Delivery::Hang)
            continue; // stays in flight until the client gives up
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, socket, [this, socket, path = request.path, response, keepAlive] {
                answer(socket, path, response, keepAlive);
            });
        } else {
            answer(socket, request.path, response, keepAlive);
        }
    }
    if (buffer.size() > kMaxHeadBytes)
        socket->abort();
}

void HttpServer::answer(QTcpSocket *socket, const QByteArray &path, const HttpResponse &response, bool keepAlive)
{
    requestDone(path);
    if (response.delivery == HttpResponse::Delivery::CloseSilently) {
        socket->disconnectFromHost();
        return;
    }
    socket->write(responseHead(response, keepAlive));
    if (response.delivery == HttpResponse::Delivery::Trickle) {
        // Never silent, never done (for a while): only a whole-request deadline ends it.
        auto *timer = new QTimer(socket);
        timer->setInterval(response.trickleIntervalMs);
        connect(timer, &QTimer::timeout, socket, [socket, timer, body = response.body, sent = qsizetype(0)]() mutable {
            if (sent >= body.size()) {
                timer->stop();
                return;
            }
            socket->write(body.constData() + sent, 1);
            ++sent;
        });
        timer->start();
        return;
    }
    if (response.delivery == HttpResponse::Delivery::ResetMidBody) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->flush();
        socket->abort();
        return;
    }
    socket->write(response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

void HttpServer::requestDone(const QByteArray &path)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    Q_EMIT requestAnswered(path);
}
