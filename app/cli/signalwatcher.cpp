// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {
int g_pipe[2] = { -1, -1 };
volatile std::sig_atomic_t g_firstSignal = 0;
} // namespace

void SignalWatcher::handle(int signal)
{
    if (g_firstSignal != 0)
        _exit(exitStatusFor(g_firstSignal)); // the second: the user means it
    g_firstSignal = signal;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = write(g_pipe[1], &byte, 1);
}

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    g_firstSignal = 0;
    if (pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // without a pipe the default handlers stay: a signal still ends the run
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onPipeReadable);
    struct sigaction action = {};
    action.sa_handler = &SignalWatcher::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    delete m_notifier;
    close(g_pipe[0]);
    close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void SignalWatcher::onPipeReadable()
{
    char byte = 0;
    while (read(g_pipe[0], &byte, 1) == 1)
        Q_EMIT interrupted(int(byte));
}
