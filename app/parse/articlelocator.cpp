// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlelocator.h"

#include "parse/articlerules.h"
#include "parse/contentsniffer.h"
#include "parse/feedreader.h"
#include "parse/frontpagescanner.h"
#include "parse/htmldocument.h"
#include "parse/xpathcheck.h"
#include "types/webaddress.h"

#include <QCoreApplication>

namespace {

// The front page itself is no "newest article": such links (a page's JSON-LD describing the
// home page, a rel=bookmark to "#") are dropped.
QList<ArticleCandidate> withoutPage(QList<ArticleCandidate> candidates, const QUrl &pageUrl, const QUrl &baseUrl)
{
    candidates.removeIf([&](const ArticleCandidate &c) {
        return WebAddress::isSamePage(c.url, pageUrl) || WebAddress::isSamePage(c.url, baseUrl);
    });
    return candidates;
}

// The newest of a rule's candidates, the page itself left out, as the article; false if none.
bool takeNewest(ArticleLocation &location, QList<ArticleCandidate> candidates, const QUrl &pageUrl, const QUrl &baseUrl,
                const char *via)
{
    const std::optional<ArticleCandidate> pick
        = ArticleRules::pickNewest(withoutPage(std::move(candidates), pageUrl, baseUrl));
    if (!pick)
        return false;
    location.articleUrl = pick->url;
    location.foundVia = QString::fromLatin1(via);
    return true;
}

constexpr const char *RelBookmarkVia = "rel-bookmark";

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
            const FeedEntry *newest = feed.newest();
            if (newest && newest->link.isValid()) {
                location.articleUrl = newest->link;
                location.articleTitle = newest->title;
                location.foundVia = QStringLiteral("feed");
            } else {
                location.error = QCoreApplication::translate("ArticleLocator", "The feed lists no article.");
            }
            return location;
        }
    }

    QByteArray encoding;
    const QByteArray utf8 = HtmlDocument::decode(body, contentType, &encoding);

    // The first rule without the tree, when the page can answer by it (see FrontPageScanner).
    // Its answer is the one the rules below would give; any other outcome falls through to them.
    if (xpath.isEmpty() && FrontPageScanner::mayHaveBookmarks(utf8, utf8.size())) {
        const FrontPageScan scan = FrontPageScanner::scan(utf8, utf8.size(), pageUrl);
        if (scan.complete) {
            location.feedUrls = scan.feedLinks;
            if (options.preferFeeds && !location.feedUrls.isEmpty())
                return location; // the engine follows feedUrls.first()
            if (takeNewest(location, scan.bookmarks, pageUrl, scan.baseUrl, RelBookmarkVia))
                return location;
        }
    }

    const HtmlDocument doc(utf8, utf8.size(), encoding, pageUrl);
    if (!doc.isValid()) {
        location.error = QCoreApplication::translate("ArticleLocator", "The front page could not be read as HTML.");
        return location;
    }
    location.feedUrls = ArticleRules::feedLinks(doc);

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
            location.foundVia = QStringLiteral("xpath");
            return location;
        }
        xpathMatchedNothing = true;
    }

    if (options.preferFeeds && !location.feedUrls.isEmpty())
        return location; // the engine follows feedUrls.first()

    const struct {
        QList<ArticleCandidate> (*rule)(const HtmlDocument &);
        const char *via;
    } rules[] = {
        { ArticleRules::relBookmark, RelBookmarkVia },
        { ArticleRules::hAtom, "hatom" },
        { ArticleRules::schemaOrg, "schema-org" },
        { ArticleRules::articleElements, "article" },
    };
    for (const auto &[rule, via] : rules) {
        if (takeNewest(location, rule(doc), pageUrl, doc.baseUrl(), via))
            return location;
    }

    if (location.feedUrls.isEmpty()) {
        location.error = xpathMatchedNothing
            ? QCoreApplication::translate("ArticleLocator",
                                          "The XPath expression \u201c%1\u201d selects no link, and no article link "
                                          "was found on the front page.")
                  .arg(xpath.left(200))
            : QCoreApplication::translate("ArticleLocator", "No article link was found on the front page.");
    }
    return location;
}
