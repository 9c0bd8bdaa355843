// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/loopbackhttpserver.h"

#include <QHash>
#include <QSslConfiguration>

/// An answer as a test scripts it: the demo server's, plus the ways a misbehaving blog delivers it.
struct HttpResponse : LoopbackResponse {
    enum class Delivery {
        Normal,
        Hang, ///< never answer (the client must time out)
        ResetMidBody, ///< send the headers and half the body, then reset the connection
        CloseSilently, ///< close the connection without a byte
        Trickle, ///< send the headers, then one byte of the body every trickleIntervalMs
    };
    Delivery delivery = Delivery::Normal;
    int trickleIntervalMs = 2000;
};

/// The tests' loopback server: the demo's server (LoopbackHttpServer), plus scripted faults,
/// HTTPS listeners and a count of requests in flight (received, not yet answered), so tests can
/// assert how many requests a scan had out at once. Test code only: never in the shipped binary.
class HttpServer final : public LoopbackHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(QObject *parent = nullptr);

    void setHandler(Handler handler);
    /// Adds an HTTPS listener presenting @p tls's certificate (tests of certificate handling).
    bool listenTls(const QSslConfiguration &tls, const QHostAddress &address = QHostAddress::LocalHost);

    int requestsInFlight() const { return m_inFlight; }
    int peakRequestsInFlight() const { return m_peakInFlight; }
    int requestCount() const { return m_requestCount; }
    void resetCounters();

protected:
    void deliver(QTcpSocket *socket, const HttpRequest &request, const LoopbackResponse &response,
                 bool keepAlive) override;

private:
    void trickle(QTcpSocket *socket, const HttpResponse &response);

    Handler m_handler;
    QHash<quint64, HttpResponse> m_faulty; // by request id: requests whose delivery is not Normal
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_requestCount = 0;
};
