// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>

#include <functional>
#include <optional>

/// The benchmark's name server, run inside the farm process: answers A queries for
/// `blog-<i>.bench.test` (RFC 6761 reserves `.test`, so such names never mean anything outside
/// this machine) with blog i's loopback address after a set delay, "no data" for other record
/// types of those names and NXDOMAIN for every other name. It never forwards anything. It listens
/// on a loopback address only, on port 53 because resolv.conf cannot name another port.
class BenchDns final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchDns)

public:
    /// Maps a blog index to its IPv4 address (127.20.x.y), for indexes below the blog count.
    using AddressOf = std::function<QByteArray(int blog)>;

    BenchDns(int blogCount, AddressOf addressOf, QObject *parent = nullptr);
    ~BenchDns() override;

    /// Refuses anything but a loopback address.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void setLatencyMs(int latencyMs) { m_latencyMs = latencyMs; }
    void resetCounters();
    int queries() const { return m_queries; }
    /// Most queries received and not yet answered at once: how many lookups the client ran in parallel.
    int peakPending() const { return m_peakPending; }

    /// "blog-17.bench.test"
    static QByteArray hostName(int blog);
    /// The reply to one query datagram, or nothing for a datagram to drop (too short, a response,
    /// garbage). Pure, so that bad packets can be tested without a socket.
    static std::optional<QByteArray> answer(const QByteArray &query, int blogCount, const AddressOf &addressOf);

private:
    void onReadyRead();

    QUdpSocket m_socket;
    int m_blogCount;
    AddressOf m_addressOf;
    int m_latencyMs = 0;
    int m_queries = 0;
    int m_pending = 0;
    int m_peakPending = 0;
};
