// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

/// Turns SIGINT and SIGTERM into a Qt signal on this object's thread, so that an interrupted
/// headless scan can stop, write what finished and exit with 128 + the signal's number. The
/// handler only writes a byte to a pipe (all a signal handler may safely do); a second signal
/// ends the process at once, with the first one's status, whatever the first is waiting for.
/// One watcher at a time; the default handlers come back when it goes.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    /// The exit status the shells and the contract give a run ended by @p signal (130, 143).
    static int exitStatusFor(int signal) { return 128 + signal; }

Q_SIGNALS:
    void interrupted(int signal);

private:
    static void handle(int signal);
    void onPipeReadable();

    QSocketNotifier *m_notifier = nullptr;
};
