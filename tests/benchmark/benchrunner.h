// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

/// What one run of the client cost, as the kernel accounts it.
struct RunMeasurement {
    bool started = false;
    bool timedOut = false; ///< killed at the wall-clock limit
    int exitCode = -1; ///< the exit status, or -1 when it died of a signal
    int signal = 0;
    double wallSeconds = 0; ///< fork to reaped, on the monotonic clock
    double userSeconds = 0;
    double systemSeconds = 0;
    double peakRssMb = 0; ///< ru_maxrss of the child
    /// The harness's anonymous RSS when it forked: exec() carries the forked copy's high-water
    /// mark into the child's ru_maxrss, so peak RSS below this figure means nothing.
    double harnessAnonRssMb = 0;
    QString error;

    double cpuSeconds() const { return userSeconds + systemSeconds; }
};

/// Runs a program the way a user would (fork + execve, stdout and stderr to a log file, stdin
/// from /dev/null, no proxy variables) and measures it with wait4(), so the CPU time and peak
/// RSS are the child's alone. Blocks until the child ends or @p limitSeconds pass.
/// @p environment adds or replaces variables ("NAME=value").
class BenchRunner final
{
public:
    /// With a non-empty @p resolverDirectory (holding resolv.conf and nsswitch.conf), the child
    /// runs in a private mount namespace where those two files are bind-mounted over /etc's, so
    /// its name lookups go where the harness says without touching the machine's configuration.
    /// Needs root (CAP_SYS_ADMIN); when that fails the child exits with 126 and says why in its log.
    static RunMeasurement run(const QString &program, const QStringList &arguments, const QString &logPath,
                              int limitSeconds, const QStringList &environment = {},
                              const QString &resolverDirectory = {});

    /// Writes resolv.conf (only @p nameserver, one attempt, no search list) and nsswitch.conf
    /// (the machine's, with "hosts: files dns") into @p directory.
    static bool writeResolverFiles(const QString &directory, const QString &nameserver, QString *error);
};
