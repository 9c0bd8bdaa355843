// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

/// What the front page says about the blog's newest article.
struct ArticleLocation {
    QUrl articleUrl; ///< absolute; empty when the page itself does not tell
    QString foundVia; ///< the rule that found it: "xpath", "feed", "rel-bookmark", "hatom", ...
    QList<QUrl> feedUrls; ///< feeds the page links to, in page order, absolute
    bool pageIsFeed = false; ///< the "front page" was a feed (articleUrl then comes from its newest entry)
    QString articleTitle; ///< the feed entry's title when the page was a feed, else empty
    QString error; ///< a translated reason when nothing was found (e.g. an invalid XPath)
    bool xpathFailed = false; ///< the user's XPath is not valid: no other rule nor feed may answer
};

struct ArticleLocatorOptions {
    QString xpath; ///< the user's XPath to the article link; tried first when set
    bool preferFeeds = false; ///< report feed links even when the page markup names an article
};

/// Finds the newest article on a blog's front page. Thread-safe; runs on worker threads.
class ArticleLocator final
{
public:
    /// @p contentType is the HTTP Content-Type header (may be empty); @p pageUrl the final URL.
    static ArticleLocation locate(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl,
                                  const ArticleLocatorOptions &options = {});
};
