// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

struct HttpRequest {
    QByteArray method;
    QByteArray path; ///< as sent, with the query
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    quint16 localPort = 0; ///< which listener it came in on
};

struct HttpResponse {
    /// How the answer is delivered; the faults exist so tests can script a misbehaving blog.
    enum class Delivery {
        Normal,
        Hang, ///< never answer (the client must time out)
        ResetMidBody, ///< send the headers and half the body, then reset the connection
        CloseSilently, ///< close the connection without a byte
        Trickle, ///< send the headers, then one byte of the body every trickleIntervalMs
    };
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("text/html; charset=utf-8");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers (Location, Content-Encoding...)
    int delayMs = 0; ///< wait this long before answering
    Delivery delivery = Delivery::Normal;
    int trickleIntervalMs = 2000;
};

/// A small HTTP/1.1 server for loopback only: keep-alive, one handler deciding every answer,
/// and a count of requests in flight (received, not yet answered) for tests and benchmarks.
/// Serves the offline demo and the test suite; never meant for the open network.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Listens on @p address (loopback only) and port 0 (any free port) unless given.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    /// Adds one more listener (another port or loopback address), for many distinct "hosts".
    bool listenAlso(const QHostAddress &address, quint16 port = 0);
    /// Adds an HTTPS listener presenting @p tls's certificate (tests of certificate handling).
    bool listenTls(const QSslConfiguration &tls, const QHostAddress &address = QHostAddress::LocalHost);
    QList<QUrl> urls() const;
    QUrl url() const { return urls().value(0); }
    void close();

    /// The request as the handler sees it, from its head (request line and headers, no blank line).
    static HttpRequest parseRequestHead(const QByteArray &head);
    /// Whether the connection stays open after the answer to @p request.
    static bool keepsAlive(const HttpRequest &request);
    /// The status line and headers of @p response, up to and including the blank line.
    static QByteArray responseHead(const HttpResponse &response, bool keepAlive);

    int requestsInFlight() const { return m_inFlight; }
    int peakRequestsInFlight() const { return m_peakInFlight; }
    int requestCount() const { return m_requestCount; }
    void resetCounters();

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);
    /// The answer to a request left (or the connection was closed instead).
    void requestAnswered(const QByteArray &path);

private:
    bool addListener(QTcpServer *listener, const QHostAddress &address, quint16 port);
    void onNewConnection(QTcpServer *listener);
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const QByteArray &path, const HttpResponse &response, bool keepAlive);
    void requestDone(const QByteArray &path);

    Handler m_handler;
    QList<QTcpServer *> m_listeners;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_requestCount = 0;
};
