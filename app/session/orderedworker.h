// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThreadPool>

/// Runs jobs one after another on one worker thread and hands each result back on this object's
/// thread, in the order the jobs were given. Reading a list of 50,000 lines takes ~150 ms: the
/// window reads lists here, never on its own thread. A job must touch no QObject.
class OrderedWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderedWorker)

public:
    explicit OrderedWorker(QObject *parent = nullptr);
    /// Waits for the running job; results not delivered yet are dropped.
    ~OrderedWorker() override;

    /// Runs @p work on the worker, then done(result) here, unless cancel() was called since.
    template<typename Work, typename Done> void run(Work work, Done done)
    {
        const quint64 job = ++m_lastJob;
        ++m_unfinished;
        m_thread.start([this, job, work = std::move(work), done = std::move(done)]() mutable {
            auto result = work();
            QMetaObject::invokeMethod(
                this,
                [this, job, done = std::move(done), result = std::move(result)]() mutable {
                    --m_unfinished;
                    if (job > m_cancelledUpTo)
                        done(result);
                },
                Qt::QueuedConnection);
        });
    }

    /// The results of every job given so far will be dropped.
    void cancel() { m_cancelledUpTo = m_lastJob; }
    /// Some job's result is still to come (or to be dropped).
    bool isBusy() const { return m_unfinished > 0; }

private:
    QThreadPool m_thread;
    quint64 m_lastJob = 0;
    quint64 m_cancelledUpTo = 0;
    int m_unfinished = 0;
};
