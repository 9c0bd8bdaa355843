// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

struct HttpRequest {
    quint64 id = 0; ///< numbers the server's requests, from 1
    QByteArray method;
    QByteArray path; ///< as sent, with the query
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    quint16 localPort = 0; ///< which listener it came in on
};

struct LoopbackResponse {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/html; charset=utf-8");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers (Location, Content-Encoding...)
    int delayMs = 0; ///< wait this long before answering (the demo's network latency)
};

/// A small HTTP/1.1 server for loopback only, serving the offline demo: keep-alive, and one
/// handler deciding every answer. Never meant for the open network: it listens on loopback
/// addresses alone. The tests' server (tests/support/httpserver.h) builds on it.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackHttpServer)

public:
    using Handler = std::function<LoopbackResponse(const HttpRequest &)>;

    explicit LoopbackHttpServer(QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Listens on @p address (loopback only) and port 0 (any free port) unless given.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /// Adds one more listener (another port or loopback address), for many distinct "hosts".
    bool listenAlso(const QHostAddress &address, quint16 port = 0);
    QList<QUrl> urls() const;
    QUrl url() const { return urls().value(0); }
    void close();

    /// The request as the handler sees it, from its head (request line and headers, no blank line).
    static HttpRequest parseRequestHead(const QByteArray &head);
    /// Whether the connection stays open after the answer to @p request.
    static bool keepsAlive(const HttpRequest &request);
    /// The status line and headers of @p response, up to and including the blank line.
    static QByteArray responseHead(const LoopbackResponse &response, bool keepAlive);

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);
    /// The answer to a request left (or the connection was closed instead).
    void requestAnswered(const QByteArray &path);

protected:
    /// Takes @p listener (a QTcpServer, or a subclass such as QSslServer) if it can listen on the
    /// loopback @p address.
    bool addListener(QTcpServer *listener, const QHostAddress &address, quint16 port);
    /// Sends @p response to @p request, once its delay is over: the whole answer, then
    /// requestAnswered(). A subclass may answer otherwise.
    virtual void deliver(QTcpSocket *socket, const HttpRequest &request, const LoopbackResponse &response,
                         bool keepAlive);

private:
    void onNewConnection(QTcpServer *listener);
    void onReadyRead(QTcpSocket *socket);

    Handler m_handler;
    QList<QTcpServer *> m_listeners;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    quint64 m_lastRequestId = 0;
};
