// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class HtmlDocument;
struct _xmlNode;

namespace SiteNameRules {
/// A link names the site when one of its nearest ancestors, this many, is a heading or a
/// site-title block (and the link leads home). Shared with FrontPageScanner.
constexpr int SiteNameLevels = 3;
} // namespace SiteNameRules

/// A link a rule believes leads to an article, with the date the page shows for it (if any).
struct ArticleCandidate {
    QUrl url;
    QDateTime published; ///< invalid when the page shows no machine-readable date
    QStringList texts; ///< what the page's links to it say (at most a few), whitespace collapsed
};

/// The front-page rules of ArticleLocator, each usable (and tested) on its own. Every rule
/// returns absolute http(s) URLs only, in document order, without duplicates.
class ArticleRules final
{
public:
    struct XPathOutcome {
        bool valid = true; ///< false: the expression does not compile or evaluate
        QUrl url; ///< the first usable link it selects; empty when none
    };
    /// The user's XPath: an element (its href, or its first link), an attribute, or a string.
    static XPathOutcome byXPath(const HtmlDocument &doc, const QString &xpath);
    /// <a rel="bookmark"> permalinks (WordPress, Ghost, many classic themes).
    static QList<ArticleCandidate> relBookmark(const HtmlDocument &doc);
    /// hAtom (hentry / entry-title / bookmark) and microformats2 (h-entry / u-url / p-name).
    static QList<ArticleCandidate> hAtom(const HtmlDocument &doc);
    /// schema.org Article types in JSON-LD (url / mainEntityOfPage) or microdata (itemprop=url).
    static QList<ArticleCandidate> schemaOrg(const HtmlDocument &doc);
    /// Each <article> element's heading link (h1/h2/h3 a[href], or a link around the heading).
    static QList<ArticleCandidate> articleElements(const HtmlDocument &doc);
    /// Pages without post markup (wikis, hand-made blogs): the largest run of repeated sibling
    /// blocks (same element and class) that each hold one main link to another page of the
    /// same site and more than that link (an excerpt, a date), each block's date from its text.
    static QList<ArticleCandidate> blocks(const HtmlDocument &doc);
    /// A landing page's link to its blog: the first same-site link whose path ends in a blog
    /// section's name (/blog/, /posts/, /articles/, /news/, ...) or whose text names one, in the
    /// languages Titlewave speaks; navigation first. Empty when none.
    static QUrl blogLink(const HtmlDocument &doc);
    /// Whether @p url names a blog section (/blog/, /posts/, ...) rather than a post.
    static bool isSectionUrl(const QUrl &url);
    /// What the page calls its site: og:site_name, application-name, the text of headings and
    /// rel=home links that lead to the site's home. Cleaned, without duplicates.
    static QStringList siteNames(const HtmlDocument &doc);
    /// The page's <title> (outside SVG), cleaned; empty when none.
    static QString pageTitle(const HtmlDocument &doc);
    /// Dates written in the text of the block around each undated candidate's link (the largest
    /// ancestor holding no other candidate's link), for pages that show dates only as text.
    static void addTextDates(const HtmlDocument &doc, QList<ArticleCandidate> &candidates);

    /// <link rel="alternate"> RSS / Atom / RDF feeds, in page order.
    static QList<QUrl> feedLinks(const HtmlDocument &doc);

    // The element tests of relBookmark() and feedLinks(), shared with FrontPageScanner. @p element
    // is a view of one element (isNamed(name), has(attribute), hasXPathToken(attribute, token,
    // asciiLowercase)); the names and tokens are XPath's: //a[@href][hasRel('bookmark')].
    template<typename Element> static bool isBookmarkLink(const Element &element)
    {
        return element.isNamed("a") && element.has("href") && element.hasXPathToken("rel", "bookmark", true);
    }
    template<typename Element> static bool isAlternateLink(const Element &element)
    {
        return element.isNamed("link") && element.has("href") && element.hasXPathToken("rel", "alternate", true);
    }
    /// feedLinks()' last step for one isAlternateLink() element: appends its href, resolved
    /// against @p baseUrl, when @p type is a feed's and the URL is new and fetchable.
    static void addFeedLink(QList<QUrl> &feeds, const QUrl &baseUrl, const QString &href, const QString &type);

    /// The newest dated candidate when any carries a date (so a pinned older post loses),
    /// else the first. A candidate without a date on the page is dated by its URL
    /// (/2024/07/01/...) when it has one. std::nullopt when @p candidates is empty.
    static std::optional<ArticleCandidate> pickNewest(const QList<ArticleCandidate> &candidates);
    /// The date shown in the post container (article, .hentry, .h-entry, .post, itemscope, ...)
    /// around @p node: <time datetime>, itemprop=datePublished, .published[title]. Invalid if none.
    static QDateTime dateAround(const HtmlDocument &doc, _xmlNode *node);
    /// The candidate's date: the page's, else its URL's. Invalid when neither tells.
    static QDateTime dateOf(const ArticleCandidate &candidate);
    /// Whether any candidate has a date (dateOf()).
    static bool anyDated(const QList<ArticleCandidate> &candidates);
};
