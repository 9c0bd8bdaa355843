// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "blogmemory.h"

#include <QString>
#include <QUrl>

/// One blog as the user's list gives it.
struct BlogEntry {
    QUrl url; ///< the blog's front page (or a feed); may be invalid, the scan then says why
    QString input; ///< the address as the list wrote it, shown when it is not a valid URL
    QString name; ///< optional display name (CSV/OPML lists)
    QString xpath; ///< optional XPath to the newest article's link, from the list
    QUrl feedUrl; ///< optional feed address (OPML xmlUrl)
    int line = 0; ///< 1-based line (or row) in the imported list, 0 when unknown
    /// The previous scan's article and validators (ArticleHistory::recall); empty without history.
    BlogMemory memory;
    /// Why the list reader refused this entry (translated, with its line number); empty when
    /// accepted. A refused entry still becomes a row, whose error says this.
    QString refusal = {};
};
