// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

/// How the newest article was found: the CSV's found_via. The codes are a contract (stable,
/// never translated); README's "found_via values" lists each.
enum class ArticleRule {
    XPath, ///< the list's XPath for this blog
    Feed, ///< the blog's feed (the front page itself, a linked feed, or the list's feed)
    RelBookmark, ///< <a rel="bookmark"> permalinks
    HAtom, ///< hAtom / microformats2 entries
    SchemaOrg, ///< schema.org Article types in JSON-LD or microdata
    Article, ///< <article> elements' heading links
    Blocks, ///< repeated sibling blocks, each with one main link (pages without post markup)
    Unchanged, ///< the blog answered 304 to the last scan's validators: the remembered article
};

/// Where a headline came from: the title-via data ("og:title", "listing+h1", ...).
enum class TitleSource {
    JsonLd, ///< a schema.org Article's headline (or name) in JSON-LD
    OgTitle,
    TwitterTitle,
    DcTitle,
    ParselyTitle,
    EntryHeading, ///< a heading marked as the entry's title (entry-title, p-name, itemprop=headline, ...)
    H1,
    Heading, ///< an <h2>-<h6>: it only backs what another source says
    Title, ///< the page's <title>, site name removed
    Listing, ///< the front page's link text for the article
    Feed, ///< the feed entry's title
};

namespace FoundVia {
/// The stable code of @p rule ("rel-bookmark", ...).
QString code(ArticleRule rule);
/// "blog-link+" + @p inner: found on the page the front page's blog/posts link leads to.
QString afterBlogLink(const QString &inner);
/// @p inner + "+feed-dates": the feed's dates chose among the articles @p inner found, whose
/// front page showed no dates.
QString withFeedDates(const QString &inner);
/// The stable code of @p source ("og:title", "listing", ...).
QString code(TitleSource source);
/// Sources that agree on one headline, in order, joined by '+' ("listing+h1").
QString join(const QList<TitleSource> &sources);
} // namespace FoundVia
