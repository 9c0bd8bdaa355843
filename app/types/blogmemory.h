// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

/// A page's validators, as its server gave them (ETag, Last-Modified): sent back as
/// If-None-Match / If-Modified-Since, they let an unchanged page cost a 304 and no body.
struct PageValidators {
    QByteArray etag;
    QByteArray lastModified;

    bool isEmpty() const { return etag.isEmpty() && lastModified.isEmpty(); }
    bool operator==(const PageValidators &other) const = default;
};

/// What a blog's last successful scan learnt and the next one can reuse: the article and its
/// headline, and the validators of the pages that led to it. When the front page (or the feed
/// that named the article) answers 304, the article is the one remembered and is not fetched.
struct BlogMemory {
    QUrl articleUrl;
    QString title;
    PageValidators frontPage;
    QUrl feedUrl; ///< the feed whose validators these are; empty when the article came from the page
    PageValidators feed;
    /// The list's XPath for the blog when the article was found (trimmed; empty for none). A 304
    /// vouches for the article only while the list still gives the same one: an XPath added,
    /// changed or removed means a full scan (see ArticleHistory::recall).
    QString xpath;

    /// Enough to answer a 304 with: an article and its headline.
    bool canRevalidate() const { return articleUrl.isValid() && !title.isEmpty(); }
    bool operator==(const BlogMemory &other) const = default;
};
