// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/bloglistreader.h"

/// The checks a read list gets before either face shows its summary, beyond what the list
/// reader (io, which knows no parser) can check itself.
class ListCheck final
{
public:
    /// Adds a problem, with its line number, for every accepted blog whose XPath does not compile
    /// (XPathCheck). The blog stays in the list: its row says the same when scanned.
    static void addXPathProblems(BlogListReadResult &list);
};
