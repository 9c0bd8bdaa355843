// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlelocator.h"

#include "parse/articlerules.h"
#include "parse/contentsniffer.h"
#include "parse/feedreader.h"
#include "parse/foundvia.h"
#include "parse/frontpagescanner.h"
#include "parse/htmldocument.h"
#include "parse/xpathcheck.h"
#include "types/webaddress.h"

#include <QCoreApplication>

namespace {

// The front page itself is no "newest article": such links (a page's JSON-LD describing the
// home page, a rel=bookmark to "#") are dropped.
// The page itself and the blog's sections (/blog/, /posts/) are no article.
QList<ArticleCandidate> withoutPage(QList<ArticleCandidate> candidates, const QUrl &pageUrl, const QUrl &baseUrl)
{
    candidates.removeIf([&](const ArticleCandidate &c) {
        return WebAddress::isSamePage(c.url, pageUrl) || WebAddress::isSamePage(c.url, baseUrl)
            || ArticleRules::isSectionUrl(c.url);
    });
    return candidates;
}

// The newest of a rule's candidates as the article, with what the page says about it. When the
// page dates none of several, they are kept for the feed's dates to choose from.
void take(ArticleLocation &location, const QList<ArticleCandidate> &candidates, ArticleRule via)
{
    const std::optional<ArticleCandidate> pick = ArticleRules::pickNewest(candidates);
    if (!pick)
        return;
    location.articleUrl = pick->url;
    location.linkTexts = pick->texts;
    location.foundVia = FoundVia::code(via);
    if (candidates.size() > 1 && !ArticleRules::anyDated(candidates)) {
        location.undated = true;
        location.candidates = candidates;
    }
}

} // namespace

ArticleLocation ArticleLocator::locate(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl,
                                       const ArticleLocatorOptions &options)
{
    ArticleLocation location;
    const QString xpath = options.xpath.trimmed();
    if (!xpath.isEmpty()) {
        // A typo in the user's XPath ends the search: any other rule's answer would hide it.
        if (const std::optional<QString> reason = XPathCheck::error(xpath)) {
            location.error = XPathCheck::sentence(xpath, *reason);
            location.xpathFailed = true;
            return location;
        }
    }

    // A feed front page is read as a feed even when the blog has an XPath: the XPath addresses
    // HTML markup, and libxml2's HTML parser would mangle the feed's <link> elements anyway.
    if (ContentSniffer::classify(contentType, body) == ContentSniffer::Kind::Feed) {
        const FeedContent feed = FeedReader::read(body, pageUrl);
        if (feed.isFeed) {
            location.pageIsFeed = true;
            if (!feed.title.isEmpty())
                location.siteNames.append(feed.title);
            const FeedEntry *newest = feed.newest();
            if (newest && newest->link.isValid()) {
                location.articleUrl = newest->link;
                location.articleTitle = newest->title;
                location.foundVia = FoundVia::code(ArticleRule::Feed);
            } else {
                location.error = QCoreApplication::translate("ArticleLocator", "The feed lists no article.");
            }
            return location;
        }
    }

    QByteArray encoding;
    const QByteArray utf8 = HtmlDocument::decode(body, contentType, &encoding);

    // The first rule without the tree, when the page can answer by it (see FrontPageScanner).
    // Its answer is the one the rules below would give; any other outcome falls through to them,
    // and so do undated bookmarks, whose dates may be in their text or the feed.
    if (xpath.isEmpty() && FrontPageScanner::mayHaveBookmarks(utf8, utf8.size())) {
        const FrontPageScan scan = FrontPageScanner::scan(utf8, utf8.size(), pageUrl);
        if (scan.complete) {
            location.feedUrls = scan.feedLinks;
            location.siteNames = scan.siteNames;
            location.pageTitle = scan.pageTitle;
            if (options.preferFeeds && !location.feedUrls.isEmpty())
                return location; // the engine follows feedUrls.first()
            const QList<ArticleCandidate> bookmarks = withoutPage(scan.bookmarks, pageUrl, scan.baseUrl);
            if (bookmarks.size() == 1 || ArticleRules::anyDated(bookmarks)) {
                take(location, bookmarks, ArticleRule::RelBookmark);
                return location;
            }
        }
    }

    const HtmlDocument doc(utf8, utf8.size(), encoding, pageUrl);
    if (!doc.isValid()) {
        location.error = QCoreApplication::translate("ArticleLocator", "The front page could not be read as HTML.");
        return location;
    }
    location.feedUrls = ArticleRules::feedLinks(doc);
    location.siteNames = ArticleRules::siteNames(doc);
    location.pageTitle = ArticleRules::pageTitle(doc);

    bool xpathMatchedNothing = false;
    if (!xpath.isEmpty()) {
        const ArticleRules::XPathOutcome outcome = ArticleRules::byXPath(doc, xpath);
        if (!outcome.valid) {
            // Stop here (no feed either): falling back would hide the typo from the user.
            location.feedUrls.clear();
            location.xpathFailed = true;
            location.error
                = QCoreApplication::translate("ArticleLocator", "The XPath expression \u201c%1\u201d is not valid.")
                      .arg(xpath.left(200));
            return location;
        }
        if (!outcome.url.isEmpty()) {
            location.articleUrl = outcome.url;
            location.foundVia = FoundVia::code(ArticleRule::XPath);
            return location;
        }
        xpathMatchedNothing = true;
    }

    if (options.preferFeeds && !location.feedUrls.isEmpty())
        return location; // the engine follows feedUrls.first()

    const struct {
        QList<ArticleCandidate> (*rule)(const HtmlDocument &);
        ArticleRule via;
    } rules[] = {
        { ArticleRules::relBookmark, ArticleRule::RelBookmark },
        { ArticleRules::hAtom, ArticleRule::HAtom },
        { ArticleRules::schemaOrg, ArticleRule::SchemaOrg },
        { ArticleRules::articleElements, ArticleRule::Article },
    };
    for (const auto &[rule, via] : rules) {
        QList<ArticleCandidate> candidates = withoutPage(rule(doc), pageUrl, doc.baseUrl());
        if (candidates.isEmpty())
            continue;
        // No machine-readable dates: perhaps dates in their text ("July 1, 2024").
        if (candidates.size() > 1 && !ArticleRules::anyDated(candidates))
            ArticleRules::addTextDates(doc, candidates);
        take(location, candidates, via);
        return location;
    }

    // Pages without post markup. The feed, when there is one, knows better than a guess.
    if (location.feedUrls.isEmpty()) {
        const QList<ArticleCandidate> blocks = withoutPage(ArticleRules::blocks(doc), pageUrl, doc.baseUrl());
        // Dated blocks are a post list; undated ones may be a landing page's cards, and the
        // landing page's blog link then leads to the posts.
        const bool datedBlocks = ArticleRules::anyDated(blocks);
        const QUrl blogLink = datedBlocks ? QUrl() : ArticleRules::blogLink(doc);
        if (!blocks.isEmpty() && (blogLink.isEmpty() || datedBlocks)) {
            take(location, blocks, ArticleRule::Blocks);
            return location;
        }
        location.blogLink = blogLink;
        location.error = xpathMatchedNothing
            ? QCoreApplication::translate("ArticleLocator",
                                          "The XPath expression \u201c%1\u201d selects no link, and no article link "
                                          "was found on the front page.")
                  .arg(xpath.left(200))
            : QCoreApplication::translate("ArticleLocator", "No article link was found on the front page.");
    }
    return location;
}
