// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanoptions.h"

#include <QtGlobal>

#include <functional>

class Fetcher;
class QObject;

/// What a blog's chain (BlogScan) needs from the scan that runs it: the shared network, the
/// options, and the parser pool. Scan implements it; BlogScan sees nothing else of the Scan.
class ChainHost
{
public:
    virtual Fetcher &fetcher() = 0;
    virtual const ScanOptions &options() const = 0;
    /// One more blog whose front page dated none of its posts, so that its feed is read for its
    /// dates (issue #13: the extra requests are counted).
    virtual void countFeedDateLookup() = 0;

    /// Runs @p work on the parser pool and hands its result to (receiver->*done)() on the
    /// receiver's thread. The host waits for the pool before it deletes any chain, so @p receiver
    /// outlives the job. @p bytes (the body the job holds) counts against the parse backlog until
    /// the result is back.
    template<typename Receiver, typename Work, typename Done>
    void parseInBackground(Receiver *receiver, qsizetype bytes, Work work, Done done)
    {
        runParseJob(receiver, bytes, [receiver, work = std::move(work), done]() mutable -> std::function<void()> {
            return [receiver, done, result = work()] { (receiver->*done)(result); };
        });
    }

protected:
    /// Runs on a parser thread; returns what is then run on the receiver's thread.
    using ParseJob = std::function<std::function<void()>()>;
    virtual void runParseJob(QObject *receiver, qsizetype bytes, ParseJob job) = 0;
    ~ChainHost() = default;
};
