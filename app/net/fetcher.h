// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fetchpolicy.h"
#include "types/requesttiming.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

class Download;

/// Owns the one QNetworkAccessManager and decides when each GET really leaves: at most
/// FetchPolicy::maxPerHost at once per host (Qt would queue the rest itself and count the wait
/// against their timeouts), the rest queued per host in arrival order; and requests to at most
/// kLookupsAtOnce host names still being looked up, because Qt resolves names about 20 at a
/// time and a request waiting for its turn would otherwise count that wait as silence. Also runs
/// the one inactivity sweep that turns silent transfers into timeouts.
class Fetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Fetcher)

public:
    explicit Fetcher(QObject *parent = nullptr);
    ~Fetcher() override;

    void setPolicy(const FetchPolicy &policy);

    /// Restarts the clock every RequestTiming is measured on.
    void restartClock();

    /// Queues a GET. The returned Download emits finished() exactly once and is deleted later by
    /// the Fetcher; @p lastOnHost asks the server to close the connection afterwards.
    Download *get(const QUrl &url, RequestKind kind, bool lastOnHost = false);

    /// Ends every queued and running download with the Cancelled status.
    void cancelAll();

    int inFlight() const { return m_inFlight; }
    int peakInFlight() const { return m_peakInFlight; }
    void resetPeak() { m_peakInFlight = m_inFlight; }
    /// Host names handed to Qt and not yet resolved, at most kLookupsAtOnce.
    int lookups() const { return m_lookups; }
    int peakLookups() const { return m_peakLookups; }

    /// Qt 6.4 runs host name lookups on a private pool of 20 threads (QHostInfo) and queues the
    /// rest; twice that keeps the pool busy while no request waits for more than about one
    /// lookup ahead of its own.
    static constexpr int kLookupsAtOnce = 40;

private:
    enum class Lookup {
        Needed, ///< a name Qt has not resolved for us yet
        Running, ///< requests handed to Qt, none past the lookup yet
        Done, ///< an IP address, or a request got past the lookup
    };
    struct HostQueue {
        std::deque<Download *> waiting;
        int active = 0;
        int limit = 6;
        QString hostName; ///< lower case
        Lookup lookup = Lookup::Needed;
        bool ready = false; ///< listed in m_readyHosts
        bool parked = false; ///< listed in m_awaitingLookup
    };

    static QString hostKey(const QUrl &url);
    /// Points the manager at FetchPolicy's proxy: the system's configuration, none, or one URL.
    void applyProxy();
    /// Lists the host for the pump if it has waiting requests and room for them.
    void markReady(const QString &key, HostQueue &queue);
    /// Starts waiting requests, host by host in turn, a slice per turn of the event loop.
    void pump();
    void onDownloadFinished(Download *download, const QString &key, bool http2);
    /// The host speaks HTTP/2: let the rest of its queue share the one connection.
    void allowHttp2Streams(const QString &key);
    void onHostResolved(const QString &key);
    /// The host's lookup is over (resolved or given up): its slot goes to a parked host.
    void endLookup(HostQueue &queue, Lookup state);
    void sweepTimeouts();

    QNetworkAccessManager m_network;
    FetchPolicy m_policy;
    QElapsedTimer m_clock;
    QHash<QString, HostQueue> m_hosts;
    std::deque<QString> m_readyHosts; // hosts with waiting requests they may start now
    std::deque<QString> m_awaitingLookup; // hosts with waiting requests and no lookup slot
    QSet<QString> m_resolvedNames; // host names some request of this scan got past the lookup for
    QSet<Download *> m_running; // for the timeout sweep and cancelAll
    QTimer m_sweep;
    QTimer m_pump;
    int m_inFlight = 0;
    int m_peakInFlight = 0;
    int m_lookups = 0;
    int m_peakLookups = 0;
};
