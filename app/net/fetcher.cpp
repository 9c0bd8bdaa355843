// SPDX-License-Identifier: GPL-3.0-or-later
#include "fetcher.h"

#include "download.h"
#include "networkerrors.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QLocale>
#include <QMutex>
#include <QNetworkProxyFactory>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <algorithm>

namespace {
// How often silent transfers are looked for: a timeout is reported at most this late.
constexpr int kSweepIntervalMs = 250;
// HTTP/2 multiplexes requests over one connection; Qt 6.4 allows 100 streams per connection.
constexpr int kHttp2RequestsPerHost = 100;
// Requests started per turn of the event loop. Starting a request costs Qt some 25 µs on the
// thread that owns the manager (the GUI thread in the window): thousands at once would freeze
// the window, so they leave in slices of this many with the event loop running in between.
constexpr int kStartsPerTurn = 64;

/// The system's proxy configuration (Qt reads http_proxy, https_proxy and no_proxy, and on
/// Debian the desktop's settings through libproxy), asked once per scheme, host and port: with
/// libproxy every question is a blocking round trip to its own thread, and a big scan asks for
/// every request. The manager owns it; a new policy brings a new one (and a fresh answer).
class SystemProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        const QUrl url = query.url();
        const QString key = url.scheme() + QLatin1Char('/') + url.host() + QLatin1Char(':')
            + QString::number(url.port(-1)) + QLatin1Char('/') + QString::number(int(query.queryType()));
        const QMutexLocker lock(&m_mutex);
        auto it = m_answers.constFind(key);
        if (it == m_answers.cend())
            it = m_answers.insert(key, systemProxyForQuery(query));
        return *it;
    }

private:
    QMutex m_mutex; // Qt may ask from its own threads
    QHash<QString, QList<QNetworkProxy>> m_answers;
};
} // namespace

Fetcher::Fetcher(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_network.setAutoDeleteReplies(false);
    // Replies never touch the disk cache and never share cookies between blogs.
    m_network.setCookieJar(nullptr);
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_sweep, &QTimer::timeout, this, &Fetcher::sweepTimeouts);
    // A zero-interval timer, not a posted event: timers wait their turn behind input and paint
    // events, while posted events posted in a burst are all delivered in one go.
    m_pump.setSingleShot(true);
    m_pump.setInterval(0);
    connect(&m_pump, &QTimer::timeout, this, &Fetcher::pump);
    applyProxy();
}

Fetcher::~Fetcher()
{
    // Downloads are children; their replies are aborted in their destructors.
    m_running.clear();
}

void Fetcher::applyProxy()
{
    switch (m_policy.proxyMode) {
    case ProxyMode::System:
        m_network.setProxyFactory(new SystemProxyFactory); // the manager takes it
        break;
    case ProxyMode::Direct:
        m_network.setProxy(QNetworkProxy::NoProxy);
        break;
    case ProxyMode::Url: {
        const QUrl &url = m_policy.proxyUrl;
        const bool socks = url.scheme().startsWith(QLatin1String("socks"), Qt::CaseInsensitive);
        m_network.setProxy(QNetworkProxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                                         quint16(url.port(socks ? 1080 : 8080)), url.userName(), url.password()));
        break;
    }
    }
}

void Fetcher::setPolicy(const FetchPolicy &policy)
{
    m_policy = policy;
    applyProxy();
    if (!policy.caFile.isEmpty()) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(policy.caFile, QSsl::Pem);
        QSslConfiguration::setDefaultConfiguration(config);
    }
}

void Fetcher::restartClock()
{
    m_clock.restart();
    m_resolvedNames.clear(); // a new scan; Qt forgets its lookups after a minute anyway
}

QString Fetcher::hostKey(const QUrl &url)
{
    // Qt's connection pool is keyed by scheme, host and port, so ours is too.
    return url.scheme() + QLatin1Char('/') + url.host() + QLatin1Char(':') + QString::number(url.port(-1));
}

Download *Fetcher::get(const QUrl &url, RequestKind kind, bool lastOnHost)
{
    auto *download = new Download(url, kind, lastOnHost, this);
    const QString key = hostKey(url);
    auto it = m_hosts.find(key);
    if (it == m_hosts.end()) {
        it = m_hosts.insert(key, HostQueue {});
        it->limit = std::max(1, m_policy.maxPerHost);
        // Qt connects to an address without a lookup, and sends a blog's article on the
        // connection (or the cached lookup) its front page used.
        it->hostName = url.host().toLower();
        if (!QHostAddress(it->hostName).isNull() || m_resolvedNames.contains(it->hostName))
            it->lookup = Lookup::Done;
    }
    HostQueue &queue = *it;
    connect(download, &Download::finished, this,
            [this, download, key](const FetchResult &result) { onDownloadFinished(download, key, result.http2); });
    connect(download, &Download::http2Negotiated, this, [this, key] { allowHttp2Streams(key); });
    connect(download, &Download::hostResolved, this, [this, key] { onHostResolved(key); });
    queue.waiting.push_back(download);
    markReady(key, queue);
    return download;
}

void Fetcher::markReady(const QString &key, HostQueue &queue)
{
    if (!queue.ready && !queue.waiting.empty() && queue.active < queue.limit) {
        queue.ready = true;
        m_readyHosts.push_back(key);
    }
    // Never synchronous: the caller connects to finished() after get() returns.
    if (!m_readyHosts.empty() && !m_pump.isActive())
        m_pump.start();
}

void Fetcher::pump()
{
    int started = 0;
    while (started < kStartsPerTurn && !m_readyHosts.empty()) {
        const QString key = m_readyHosts.front();
        m_readyHosts.pop_front();
        auto it = m_hosts.find(key);
        if (it == m_hosts.end())
            continue;
        HostQueue &queue = *it;
        queue.ready = false;
        if (queue.lookup == Lookup::Needed && !queue.waiting.empty()) {
            if (m_lookups >= kLookupsAtOnce) {
                // Waits here, off the inactivity clock, until a lookup slot frees (endLookup).
                if (!queue.parked) {
                    queue.parked = true;
                    m_awaitingLookup.push_back(key);
                }
                continue;
            }
            // Every request of this batch shares the one lookup (Qt's per-host connection does it).
            queue.lookup = Lookup::Running;
            m_peakLookups = std::max(m_peakLookups, ++m_lookups);
        }
        while (queue.active < queue.limit && !queue.waiting.empty() && started < kStartsPerTurn) {
            Download *download = queue.waiting.front();
            queue.waiting.pop_front();
            if (download->isDone())
                continue; // cancelled while waiting
            ++queue.active;
            ++m_inFlight;
            m_peakInFlight = std::max(m_peakInFlight, m_inFlight);
            m_running.insert(download);
            download->start(m_network, m_policy, m_clock);
            ++started;
        }
        markReady(key, queue); // still has work this host may start: back of the line
    }
    if (!m_sweep.isActive() && !m_running.isEmpty())
        m_sweep.start();
    if (!m_readyHosts.empty())
        m_pump.start();
}

void Fetcher::onDownloadFinished(Download *download, const QString &key, bool http2)
{
    if (m_running.remove(download)) {
        --m_inFlight;
        auto it = m_hosts.find(key);
        if (it != m_hosts.end()) {
            --it->active;
            // Every request handed over ended before one got past the lookup: it failed (or was
            // cancelled) there. The next request asks again.
            if (it->lookup == Lookup::Running && it->active == 0)
                endLookup(*it, Lookup::Needed);
            // A host that speaks HTTP/2 takes the rest of its queue over one connection at once
            // (200 blogs on one host: 0.5 s instead of 6.9 s over six HTTP/1.1 connections).
            // Over TLS, allowHttp2Streams() has usually done so already, at the handshake.
            if (http2)
                it->limit = std::max(it->limit, kHttp2RequestsPerHost);
            if (it->active == 0 && it->waiting.empty() && !it->ready && !it->parked)
                m_hosts.erase(it);
            else
                markReady(key, *it);
        }
    }
    if (m_running.isEmpty())
        m_sweep.stop();
    download->deleteLater();
}

void Fetcher::allowHttp2Streams(const QString &key)
{
    // Called as soon as TLS negotiates h2: waiting for the first answer instead would hold the
    // rest of the host's queue back one whole round trip.
    auto it = m_hosts.find(key);
    if (it == m_hosts.end() || it->limit >= kHttp2RequestsPerHost)
        return;
    it->limit = kHttp2RequestsPerHost;
    markReady(key, *it);
}

void Fetcher::onHostResolved(const QString &key)
{
    auto it = m_hosts.find(key);
    if (it == m_hosts.end())
        return;
    m_resolvedNames.insert(it->hostName);
    if (it->lookup == Lookup::Running)
        endLookup(*it, Lookup::Done);
}

void Fetcher::endLookup(HostQueue &queue, Lookup state)
{
    queue.lookup = state;
    --m_lookups;
    while (!m_awaitingLookup.empty()) {
        const QString key = m_awaitingLookup.front();
        m_awaitingLookup.pop_front();
        auto it = m_hosts.find(key);
        if (it == m_hosts.end())
            continue;
        it->parked = false;
        // No erase here: the caller may hold a reference into m_hosts. A host emptied while
        // parked (cancelAll) stays listed, as any host cancelled in its queue does.
        if (it->waiting.empty())
            continue;
        markReady(key, *it);
        break;
    }
}

void Fetcher::sweepTimeouts()
{
    const qint64 now = m_clock.elapsed();
    const QList<Download *> running = m_running.values(); // fail() edits m_running via finished()
    for (Download *download : running) {
        if (m_policy.deadlineMs > 0 && now - download->startedMs() > m_policy.deadlineMs) {
            download->fail(
                BlogStatus::Timeout,
                QCoreApplication::translate("Fetcher", "The request did not finish within its %1 s deadline.")
                    .arg(QLocale().toString(double(m_policy.deadlineMs) / 1000.0, 'f', 1)));
        } else if (now - download->lastActivityMs() > m_policy.timeoutMs) {
            download->fail(BlogStatus::Timeout,
                           QCoreApplication::translate("Fetcher", "No answer from the server for %1 s.")
                               .arg(QLocale().toString(double(m_policy.timeoutMs) / 1000.0, 'f', 1)));
        }
    }
}

void Fetcher::cancelAll()
{
    const QString reason = BlogStatusText::sentence(BlogStatus::Cancelled);
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it) {
        const std::deque<Download *> waiting = std::exchange(it->waiting, {});
        for (Download *download : waiting)
            download->fail(BlogStatus::Cancelled, reason);
    }
    const QList<Download *> running = m_running.values();
    for (Download *download : running)
        download->fail(BlogStatus::Cancelled, reason);
}
