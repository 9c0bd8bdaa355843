// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan.h"

#include "blogscan.h"
#include "net/fdlimit.h"

#include <algorithm>
#include <cerrno>
#include <sys/resource.h>

namespace {
// Two cores parse about a thousand pages a second; the network can deliver ten thousand in a
// tenth of that. Past this many chains at once, extra requests in flight only turn into bodies
// waiting for a parser (about 64 KB each), so the default stops here to keep memory bounded.
constexpr int kDefaultMaxChains = 2048;
// New chains wait while this much downloaded HTML is still waiting for a parser: the parsers,
// not the network, are then the bottleneck, and more bodies would only fill memory.
constexpr qint64 kMaxParseBacklogBytes = 64LL * 1024 * 1024;
// Chains made and started per turn of the event loop (each costs a QObject and a request).
constexpr int kChainsPerTurn = 64;
} // namespace

void Scan::lowerThreadPriority(int nice)
{
    // Qt's thread priorities cannot change a normal Linux thread's share of the CPU; the
    // thread's nice value can, and Linux applies setpriority(PRIO_PROCESS, 0) to the calling
    // thread alone. Raising one's own nice value needs no privilege (lowering it again would).
    // Only ever upwards from what the thread started with: under `nice -n 10`, asking for 7 must
    // not lower the value (root could, and the parsers would then outrank the event loop).
    static thread_local int current = [] {
        errno = 0;
        const int started = getpriority(PRIO_PROCESS, 0);
        return errno == 0 ? started : 0;
    }();
    nice = std::clamp(nice, 0, 19);
    if (nice > current && setpriority(PRIO_PROCESS, 0, nice) == 0)
        current = nice;
}

void Scan::runParseJob(QObject *receiver, qsizetype bytes, ParseJob job)
{
    m_parseBacklogBytes += bytes;
    m_parsers.start([this, receiver, bytes, nice = m_options.parserNice, job = std::move(job)] {
        lowerThreadPriority(nice);
        std::function<void()> deliver = job();
        QMetaObject::invokeMethod(
            receiver,
            [this, bytes, deliver = std::move(deliver)] {
                m_parseBacklogBytes -= bytes;
                deliver();
                startMoreChains();
            },
            Qt::QueuedConnection);
    });
}

Scan::Scan(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<BlogResult>();
    m_parsers.setExpiryTimeout(-1); // threads are created once, before the sockets, and kept
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(0); // a timer, so input and paint events get their turn in between
    connect(&m_startTimer, &QTimer::timeout, this, &Scan::startMoreChains);
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
    list.reserve(m_entries.size());
    for (int i = 0; i < m_entries.size(); ++i)
        list.append(resultAt(i));
    return list;
}

BlogResult Scan::resultAt(int index) const
{
    if (const BlogScan *blog = m_blogs[std::size_t(index)].get())
        return blog->result();
    // Not started yet (or never, after a stop): what the row says before its chain runs.
    BlogResult result = BlogResult::pending(index, m_entries.at(index));
    if (m_stopped) {
        result.status = BlogStatus::Cancelled;
        result.error = BlogStatusText::sentence(BlogStatus::Cancelled);
    }
    return result;
}

void Scan::clearBlogs()
{
    m_parsers.waitForDone();
    m_blogs.clear();
    m_entries.clear();
    m_nextToStart = 0;
    m_activeChains = 0;
    m_finishedCount = 0;
    m_failedCount = 0;
    m_feedDateLookups = 0;
    m_cancelledCount = 0;
    m_stopped = false;
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

    // Chains are made as they start: ten thousand QObjects at once would freeze the window.
    m_entries = blogs;
    m_blogs.resize(std::size_t(blogs.size()));

    m_running = true;
    m_fetcher.restartClock();
    m_fetcher.resetPeak();
    m_elapsed.start();
    Q_EMIT started(int(m_entries.size()));
    if (m_entries.isEmpty()) {
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
    int started = 0;
    while (m_running && m_activeChains < m_maxChains && m_nextToStart < m_blogs.size()
           && m_parseBacklogBytes < kMaxParseBacklogBytes) {
        if (started == kChainsPerTurn) {
            // The rest on later turns of the event loop, so the window stays responsive.
            if (!m_startTimer.isActive())
                m_startTimer.start();
            return;
        }
        const std::size_t index = m_nextToStart++;
        auto &slot = m_blogs[index];
        slot = std::make_unique<BlogScan>(*this, int(index), m_entries.at(qsizetype(index)));
        connect(slot.get(), &BlogScan::changed, this, &Scan::blogChanged);
        connect(slot.get(), &BlogScan::finished, this, &Scan::onBlogFinished);
        ++m_activeChains;
        ++started;
        slot->start();
    }
}

void Scan::onBlogFinished(const BlogResult &result)
{
    --m_activeChains;
    ++m_finishedCount;
    if (isFailureStatus(result.status))
        ++m_failedCount;
    else if (result.status == BlogStatus::Cancelled)
        ++m_cancelledCount;
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
    m_startTimer.stop();
    // Not-yet-started blogs first, so cancelling running ones starts none of them.
    const std::size_t firstWaiting = m_nextToStart;
    m_nextToStart = m_blogs.size();
    m_stopped = true;
    for (std::size_t i = firstWaiting; i < m_blogs.size(); ++i) {
        const BlogResult cancelled = resultAt(int(i));
        Q_EMIT blogChanged(cancelled);
        ++m_activeChains; // balanced by onBlogFinished
        onBlogFinished(cancelled);
    }
    for (std::size_t i = 0; i < firstWaiting; ++i)
        m_blogs[i]->cancel();
    m_fetcher.cancelAll();
}
