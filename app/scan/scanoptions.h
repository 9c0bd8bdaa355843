// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/fetchpolicy.h"

struct ScanOptions {
    FetchPolicy fetch;
    /// Follow a linked feed even when the front page's markup names an article.
    bool preferFeeds = false;
    /// Worker threads for parsing; 0 means one per core.
    int parserThreads = 0;
};
