// SPDX-License-Identifier: GPL-3.0-or-later
#include "fdlimit.h"

#include <algorithm>
#include <sys/resource.h>

int FdLimit::raiseSoftLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    // Past a million descriptors nothing is gained, and select()-based code elsewhere may choke.
    const rlim_t wanted = std::min<rlim_t>(limit.rlim_max, 1 << 20);
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = wanted;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    return softLimit();
}

int FdLimit::softLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    return static_cast<int>(std::min<rlim_t>(limit.rlim_cur, 1 << 20));
}

int FdLimit::requestBudget()
{
    // Keep 64 descriptors for files, pipes, thread wake-ups and the GUI, then half of the rest:
    // a finished request's socket may linger until the server closes it.
    return std::max(4, (softLimit() - 64) / 2);
}
