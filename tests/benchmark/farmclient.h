// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>

#include <optional>

struct FarmStats {
    int peakInFlight = 0; ///< requests received and not yet answered, at the worst moment
    int requests = 0;
    double cpuSeconds = 0; ///< the farm process's own user + system time
    qint64 frontSpreadMs = 0; ///< first to last front-page request received: the client's fan-out
    qint64 lastArrivalMs = 0; ///< first to last request received
    int dnsQueries = 0; ///< name queries the farm's name server answered
    int dnsPeakPending = 0; ///< most name queries waiting for their answer at once
    qint64 bytes = 0; ///< response heads and bodies the farm sent
};

/// The harness's handle on a farm process (this executable re-run with --serve): starts it,
/// waits until every blog listens, and asks it for counters between runs. Blocking on purpose:
/// the harness has nothing else to do, and the farm's work happens in the other process.
class FarmClient final
{
public:
    FarmClient() = default;
    ~FarmClient();
    FarmClient(const FarmClient &) = delete;
    FarmClient &operator=(const FarmClient &) = delete;

    /// Before start(): the farm also runs its name server on this loopback address (see BenchDns).
    void setDnsAddress(const QString &address) { m_dnsAddress = address; }
    /// @p pathPrefix: every blog under /blog-<i>/ on one address instead of an address each.
    bool start(const QString &program, int blogs, int latencyMs, quint64 seed, const QString &directory, QString *error,
               bool pathPrefix = false);
    /// The name server's delay per query from now on.
    bool setDnsLatency(int latencyMs);
    /// Changes the front page's and feed's ETag of @p percent % of the blogs (their validators
    /// then no longer match); returns how many blogs changed, or -1.
    int touch(int percent);
    /// Zeroes the farm's request counters and CPU baseline.
    bool reset();
    /// The counters since the last reset().
    std::optional<FarmStats> stats();
    void stop();

    QString listPath() const { return m_listPath; }
    QString expectedPath() const { return m_expectedPath; }
    /// The port every blog listens on.
    quint16 port() const { return m_port; }
    /// The same blogs by name, and their expected titles (only with a name server).
    QString namesListPath() const { return m_namesListPath; }
    QString namesExpectedPath() const { return m_namesExpectedPath; }

private:
    std::optional<QByteArray> command(const QByteArray &line);
    std::optional<QByteArray> readLine(int timeoutMs);

    QProcess m_process;
    QString m_listPath;
    QString m_expectedPath;
    quint16 m_port = 0;
    QString m_namesListPath;
    QString m_namesExpectedPath;
    QString m_dnsAddress;
};
