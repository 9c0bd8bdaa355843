// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan.h"

#include "blogscan.h"
#include "net/fdlimit.h"

#include <algorithm>

namespace {
// Two cores parse about a thousand pages a second; the network can deliver ten thousand in a
// tenth of that. Past this many chains at once, extra requests in flight only turn into bodies
// waiting for a parser (about 64 KB each), so the default stops here to keep memory bounded.
constexpr int kDefaultMaxChains = 2048;
// New chains wait while this much downloaded HTML is still waiting for a parser: the parsers,
// not the network, are then the bottleneck, and more bodies would only fill memory.
constexpr qint64 kMaxParseBacklogBytes = 64LL * 1024 * 1024;
} // namespace

Scan::Scan(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BlogResult>();
    m_parsers.setExpiryTimeout(-1); // threads are created once, before the sockets, and kept
    setOptions({});
}

Scan::~Scan()
{
    // Parse jobs post their results to BlogScans: let them finish before any BlogScan goes.
    m_parsers.clear();
    m_parsers.waitForDone();
    clearBlogs();
}

void Scan::setOptions(const ScanOptions &options)
{
    m_options = options;
    m_fetcher.setPolicy(options.fetch);
    m_parsers.setMaxThreadCount(options.parserThreads > 0 ? options.parserThreads
                                                          : std::max(1, QThread::idealThreadCount()));
}

qint64 Scan::elapsedMs() const
{
    return m_running ? m_elapsed.elapsed() : m_finalElapsedMs;
}

QList<BlogResult> Scan::results() const
{
    QList<BlogResult> list;
    list.reserve(qsizetype(m_blogs.size()));
    for (const auto &blog : m_blogs)
        list.append(blog->result());
    return list;
}

void Scan::clearBlogs()
{
    m_parsers.waitForDone();
    m_blogs.clear();
    m_nextToStart = 0;
    m_activeChains = 0;
    m_finishedCount = 0;
    m_failedCount = 0;
}

void Scan::start(const QList<BlogEntry> &blogs)
{
    if (m_running)
        stop();
    clearBlogs();

    // Worker threads first, then sockets: a thread created when descriptors have run out aborts.
    for (int i = m_parsers.activeThreadCount(); i < m_parsers.maxThreadCount(); ++i)
        m_parsers.start([] {});

    const int budget = FdLimit::requestBudget();
    const int wanted = m_options.fetch.maxInFlight > 0 ? m_options.fetch.maxInFlight : kDefaultMaxChains;
    m_maxChains = std::max(1, std::min(wanted, budget));

    m_blogs.reserve(std::size_t(blogs.size()));
    for (int i = 0; i < blogs.size(); ++i) {
        auto blog = std::make_unique<BlogScan>(*this, i, blogs.at(i));
        connect(blog.get(), &BlogScan::changed, this, &Scan::blogChanged);
        connect(blog.get(), &BlogScan::finished, this, &Scan::onBlogFinished);
        m_blogs.push_back(std::move(blog));
    }

    m_running = true;
    m_fetcher.restartClock();
    m_fetcher.resetPeak();
    m_elapsed.start();
    Q_EMIT started(int(m_blogs.size()));
    if (m_blogs.empty()) {
        m_running = false;
        m_finalElapsedMs = 0;
        QMetaObject::invokeMethod(this, &Scan::finished, Qt::QueuedConnection);
        return;
    }
    startMoreChains();
}

void Scan::startMoreChains()
{
    // A chain finishing synchronously (an invalid URL) calls back into onBlogFinished, which
    // calls this again; the index is advanced first so no blog starts twice.
    while (m_running && m_activeChains < m_maxChains && m_nextToStart < m_blogs.size()
           && m_parseBacklogBytes < kMaxParseBacklogBytes) {
        BlogScan *blog = m_blogs[m_nextToStart++].get();
        ++m_activeChains;
        blog->start();
    }
}

void Scan::onBlogFinished(const BlogResult &result)
{
    --m_activeChains;
    ++m_finishedCount;
    if (BlogStatusText::isFailure(result.status))
        ++m_failedCount;
    if (m_finishedCount == int(m_blogs.size())) {
        m_running = false;
        m_finalElapsedMs = m_elapsed.elapsed();
        // Queued, so a receiver may start another scan without deleting the caller's BlogScan.
        QMetaObject::invokeMethod(this, &Scan::finished, Qt::QueuedConnection);
        return;
    }
    startMoreChains();
}

void Scan::stop()
{
    if (!m_running)
        return;
    // Not-yet-started blogs first, so cancelling running ones does not start them.
    const std::size_t firstWaiting = m_nextToStart;
    m_nextToStart = m_blogs.size();
    for (std::size_t i = 0; i < firstWaiting; ++i)
        m_blogs[i]->cancel();
    for (std::size_t i = firstWaiting; i < m_blogs.size(); ++i) {
        ++m_activeChains; // balanced by onBlogFinished
        m_blogs[i]->cancel();
    }
    m_fetcher.cancelAll();
}
