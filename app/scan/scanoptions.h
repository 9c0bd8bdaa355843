// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/fetchpolicy.h"

struct ScanOptions {
    FetchPolicy fetch;
    /// Follow a linked feed even when the front page's markup names an article.
    bool preferFeeds = false;
    /// Worker threads for parsing; 0 means one per core.
    int parserThreads = 0;
    /// Nice value the parser threads give themselves (0-19). The window uses 10, so that input,
    /// painting and the network thread get a core the moment they need one; headless scans keep
    /// 0, because a nice-10 parser gets only a tenth of a core next to any busy program.
    int parserNice = 0;
};
