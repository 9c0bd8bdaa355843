// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The process's file-descriptor budget: every socket costs one.
class FdLimit final
{
public:
    /// Raises the soft RLIMIT_NOFILE towards the hard limit; returns the soft limit now in force.
    static int raiseSoftLimit();
    static int softLimit();
    /// How many requests may be in flight at once with headroom for files, pipes and
    /// keep-alive sockets waiting to close.
    static int requestBudget();
};
