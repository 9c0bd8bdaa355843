// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chainhost.h"
#include "net/fetcher.h"
#include "scanoptions.h"
#include "types/blogentry.h"
#include "types/blogresult.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

class BlogScan;

/// Scans a list of blogs, every blog its own chain, all at once: as many chains as the user's
/// requests-in-flight setting, the process's descriptor budget and the parse backlog allow (see
/// scan.cpp), each host's share capped by the Fetcher. Network I/O stays on this object's thread;
/// parsing runs on a worker pool and comes back queued.
class Scan final : public QObject, public ChainHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scan)

public:
    explicit Scan(QObject *parent = nullptr);
    ~Scan() override;

    void setOptions(const ScanOptions &options);
    const ScanOptions &options() const override { return m_options; }

    /// Starts scanning @p blogs; returns at once. A running scan is stopped first.
    void start(const QList<BlogEntry> &blogs);
    /// Cancels every unfinished blog; finished() follows.
    void stop();

    bool isRunning() const { return m_running; }
    qint64 elapsedMs() const;
    int blogCount() const { return int(m_entries.size()); }
    int finishedCount() const { return m_finishedCount; }
    int failedCount() const { return m_failedCount; }
    /// Blogs Stop ended before they finished: neither ok nor failed.
    int cancelledCount() const { return m_cancelledCount; }
    int peakRequestsInFlight() const { return m_fetcher.peakInFlight(); }
    /// Every blog's result so far, in list order.
    QList<BlogResult> results() const;

    // ChainHost: what the chains use.
    Fetcher &fetcher() override { return m_fetcher; }

Q_SIGNALS:
    void started(int blogCount);
    /// A blog's row changed: a request finished, or the blog finished.
    void blogChanged(const BlogResult &result);
    void finished();

private:
    /// Gives the calling parser thread nice value @p nice (ScanOptions::parserNice) if it is
    /// higher than the thread's: the parsers still use every idle cycle.
    static void lowerThreadPriority(int nice);
    void runParseJob(QObject *receiver, qsizetype bytes, ParseJob job) override;
    void startMoreChains();
    BlogResult resultAt(int index) const;
    void onBlogFinished(const BlogResult &result);
    void clearBlogs();

    ScanOptions m_options;
    Fetcher m_fetcher;
    QThreadPool m_parsers;
    QList<BlogEntry> m_entries;
    std::vector<std::unique_ptr<BlogScan>> m_blogs; // null until the blog's chain starts
    QTimer m_startTimer;
    std::size_t m_nextToStart = 0;
    int m_activeChains = 0;
    int m_maxChains = 1;
    int m_finishedCount = 0;
    int m_failedCount = 0;
    int m_cancelledCount = 0;
    qint64 m_parseBacklogBytes = 0; // bodies handed to the parsers and not parsed yet
    bool m_running = false;
    bool m_stopped = false;
    QElapsedTimer m_elapsed;
    qint64 m_finalElapsedMs = 0;
};
