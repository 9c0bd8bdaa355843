// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchdns.h"
#include "demo/loopbackhttpserver.h"
#include "farmcontent.h"
#include "farmserver.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSocketNotifier>

#include <memory>
#include <vector>

/// The farm side of the benchmark, run in its own process (`titlewave-bench --serve`) so that its
/// CPU time is never counted as Titlewave's. Blog i listens on its own loopback address
/// 127.20.(i / 250).(1 + i % 250), all on one port, and answers every request after the latency.
/// With FarmContent::Layout::PathPrefix every blog lives on the first address instead, below
/// "/blog-<i>/" (many blogs on one host, as on a blogging platform).
/// The harness drives it over stdin with one-word commands; replies are single lines on stdout:
///   reset  -> "ok"                        (zeroes the request counters and the CPU baseline)
///   stats  -> "stats PEAK REQUESTS CPU_S FRONT_SPREAD_MS LAST_MS DNS_QUERIES DNS_PEAK" since the
///             last reset: PEAK is the most requests in flight, FRONT_SPREAD_MS the time from the
///             first to the last front-page request received (how fast the client fans out),
///             LAST_MS the time from the first request to the last one received, DNS_PEAK the most
///             name queries waiting for their answer at once (0 without startDns)
///   dns MS -> "ok"                        (the name server's delay from now on)
///   quit or end of input -> the process exits
class BenchFarm final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchFarm)

public:
    BenchFarm(quint64 seed, int blogCount, int latencyMs, FarmContent::Layout layout = FarmContent::Layout::OwnOrigin,
              QObject *parent = nullptr);
    ~BenchFarm() override;

    /// Renders the pages, listens, and writes list.txt and expected.tsv into @p directory.
    bool start(const QString &directory, QString *error);
    quint16 port() const { return m_port; }
    /// Also answers `blog-<i>.bench.test` on @p address, port 53 (see BenchDns), and writes
    /// list-names.txt and expected-names.tsv with those names. Call before start().
    bool startDns(const QHostAddress &address, int latencyMs, QString *error);
    /// Starts reading commands from stdin.
    void listenForCommands();

    /// The loopback address of blog @p index (an IPv4 address in 127.20.0.0/16).
    static QByteArray address(int index);

private:
    bool listenAll(QString *error);
    bool writeFiles(const QString &directory, QString *error) const;
    struct Route {
        int blog = -1; ///< -1: no such blog
        QByteArray path; ///< below the blog's base path, without the query, e.g. "/" or "/feed.xml"
    };
    Route route(const HttpRequest &request) const;
    LoopbackResponse answer(const HttpRequest &request);
    void noteArrival(const Route &route);
    void onCommandsReadable();
    void runCommand(const QByteArray &command);
    static double cpuSeconds();

    FarmContent m_content;
    FarmContent::Layout m_layout;
    int m_latencyMs;
    quint16 m_port = 0;
    std::unique_ptr<FarmServer> m_server;
    std::unique_ptr<BenchDns> m_dns;
    // Precomputed once: every response a client needs is a shared QByteArray, never re-rendered.
    std::vector<QByteArray> m_frontPages;
    std::vector<QByteArray> m_newestPosts;
    /// Per blog, bumped by "touch P": part of the front page's and feed's ETag, so a rescan after
    /// a touch sees those blogs as changed (and the others answer 304 to their validators).
    std::vector<quint32> m_generations;
    qint64 m_bytesSent = 0; ///< response heads and bodies since the last reset
    QHash<QByteArray, int> m_blogByHost; // "127.20.0.1:PORT" and "blog-0.bench.test:PORT" -> blog index
    std::unique_ptr<QSocketNotifier> m_commands;
    QByteArray m_commandBuffer;
    double m_cpuBaseline = 0;
    QElapsedTimer m_clock;
    qint64 m_firstArrivalMs = -1;
    qint64 m_lastFrontArrivalMs = -1;
    qint64 m_lastArrivalMs = -1;
};
