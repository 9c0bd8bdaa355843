// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class HtmlDocument;
struct _xmlNode;

/// A link a rule believes leads to an article, with the date the page shows for it (if any).
struct ArticleCandidate {
    QUrl url;
    QDateTime published; ///< invalid when the page shows no machine-readable date
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
    /// else the first. std::nullopt when @p candidates is empty.
    static std::optional<ArticleCandidate> pickNewest(const QList<ArticleCandidate> &candidates);
    /// The date shown in the post container (article, .hentry, .h-entry, .post, itemscope, ...)
    /// around @p node: <time datetime>, itemprop=datePublished, .published[title]. Invalid if none.
    static QDateTime dateAround(const HtmlDocument &doc, _xmlNode *node);
};
