// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/loopbackhttpserver.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>
#include <queue>

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

/// The farm's HTTP/1.1 server: on the wire it is HttpServer (the same request parsing, response
/// bytes, keep-alive and delay before every answer, and the same request counters), built to cost
/// the machine as little CPU as possible with thousands of listeners, because the client it
/// measures runs on the same cores. Linux only, loopback only.
///
/// Why not HttpServer: Qt's event loop polls every descriptor it watches on every iteration, and
/// with a QTcpServer per blog that was over a thousand idle listeners: poll() and glib's
/// bookkeeping of them took about a third of the farm's CPU at 1000 blogs, and most of it at
/// 10,000. Besides, each request cost a timer object, 3.5 event-loop wake-ups (an eventfd write
/// each) and two writes for its answer, and each connection a dozen system calls. Here one epoll
/// descriptor watches every socket (Qt's loop sees only that one), one timer serves every answer
/// that is due, and an answer is one sendmsg(). Only LoopbackResponse::Delivery::Normal is supported:
/// the fault deliveries are for tests, which use HttpServer.
class FarmServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FarmServer)

public:
    using Handler = std::function<LoopbackResponse(const HttpRequest &)>;

    explicit FarmServer(QObject *parent = nullptr);
    ~FarmServer() override;

    /// Called once per request, when its head has arrived.
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    /// Adds a listener on @p address (loopback only); port 0 picks a free one.
    bool listen(const QHostAddress &address, quint16 port = 0);
    /// The port of the first listener.
    quint16 port() const { return m_port; }
    void close();

    int requestsInFlight() const { return m_inFlight; }
    int peakRequestsInFlight() const { return m_peakInFlight; }
    int requestCount() const { return m_requestCount; }
    void resetCounters();

private:
    using Clock = std::chrono::steady_clock;
    struct Connection {
        int fd = -1;
        quint16 localPort = 0;
        QByteArray input; ///< received, not yet a complete request head
        QByteArray output; ///< answers the kernel did not take yet
        bool closeAfterOutput = false; ///< answered a "Connection: close" request
        bool watchingOutput = false; ///< EPOLLOUT is on
    };
    struct Pending {
        Clock::time_point due;
        quint64 order = 0; ///< ties keep arrival order, so pipelined answers stay in sequence
        quint64 connection = 0;
        QByteArray head;
        QByteArray body;
        bool keepAlive = true;
    };
    struct LaterFirst {
        bool operator()(const Pending &a, const Pending &b) const
        {
            return a.due != b.due ? a.due > b.due : a.order > b.order;
        }
    };

    void onEvents();
    void accept(int listenerFd, quint16 localPort);
    void read(quint64 id, Connection &connection);
    void parseRequests(quint64 id, Connection &connection);
    void writePending(quint64 id, Connection &connection);
    void answer(quint64 id, Connection &connection, const QByteArray &head, const QByteArray &body, bool keepAlive);
    void closeConnection(quint64 id);
    void closeFinished();
    void watchOutput(Connection &connection, quint64 id, bool on);
    void answerDue();
    void armTimer();

    Handler m_handler;
    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::vector<int> m_listeners;
    std::vector<quint16> m_listenerPorts;
    quint16 m_port = 0;
    std::unordered_map<quint64, Connection> m_connections;
    quint64 m_nextConnection = 1;
    std::vector<quint64> m_closing; ///< answered "Connection: close" in this batch
    std::priority_queue<Pending, std::vector<Pending>, LaterFirst> m_pending;
    quint64 m_nextOrder = 0;
    QTimer m_timer;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_requestCount = 0;
};
