// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpserver.h"

#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

HttpServer::HttpServer(QObject *parent)
    : LoopbackHttpServer(parent)
{
    connect(this, &LoopbackHttpServer::requestReceived, this, [this] {
        ++m_requestCount;
        ++m_inFlight;
        m_peakInFlight = std::max(m_peakInFlight, m_inFlight);
    });
    connect(this, &LoopbackHttpServer::requestAnswered, this, [this] { m_inFlight = std::max(0, m_inFlight - 1); });
    setHandler({});
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
    LoopbackHttpServer::setHandler([this](const HttpRequest &request) -> LoopbackResponse {
        if (!m_handler)
            return { 404, "text/plain", "no handler", {}, 0 };
        const HttpResponse response = m_handler(request);
        if (response.delivery != HttpResponse::Delivery::Normal)
            m_faulty.insert(request.id, response);
        return response;
    });
}

bool HttpServer::listenTls(const QSslConfiguration &tls, const QHostAddress &address)
{
    auto *listener = new QSslServer(this);
    listener->setSslConfiguration(tls);
    return addListener(listener, address, 0);
}

void HttpServer::resetCounters()
{
    m_peakInFlight = m_inFlight;
    m_requestCount = 0;
}

void HttpServer::deliver(QTcpSocket *socket, const HttpRequest &request, const LoopbackResponse &response,
                         bool keepAlive)
{
    const auto faulty = m_faulty.constFind(request.id);
    if (faulty == m_faulty.cend()) {
        LoopbackHttpServer::deliver(socket, request, response, keepAlive);
        return;
    }
    const HttpResponse scripted = *faulty;
    m_faulty.erase(faulty);
    switch (scripted.delivery) {
    case HttpResponse::Delivery::Normal:
        break;
    case HttpResponse::Delivery::Hang:
        return; // stays in flight until the client gives up
    case HttpResponse::Delivery::CloseSilently:
        Q_EMIT requestAnswered(request.path);
        socket->disconnectFromHost();
        return;
    case HttpResponse::Delivery::ResetMidBody:
        Q_EMIT requestAnswered(request.path);
        socket->write(responseHead(scripted, keepAlive));
        socket->write(scripted.body.left(scripted.body.size() / 2));
        socket->flush();
        socket->abort();
        return;
    case HttpResponse::Delivery::Trickle:
        Q_EMIT requestAnswered(request.path);
        trickle(socket, scripted);
        return;
    }
    LoopbackHttpServer::deliver(socket, request, response, keepAlive);
}

void HttpServer::trickle(QTcpSocket *socket, const HttpResponse &response)
{
    socket->write(responseHead(response, true));
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
}
