// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes what a blog's front page and an article page go through: ArticleLocator::locate and
// HeadlineExtractor::extract on the same bytes, and checks that FrontPageScanner's streaming pass
// agrees with the tree's rules. The first byte picks the Content-Type header
// (and preferFeeds) but stays part of the body, so real pages replay unchanged.

#include "parse/articlelocator.h"
#include "parse/articlerules.h"
#include "parse/frontpagescanner.h"
#include "parse/headlineextractor.h"
#include "parse/htmldocument.h"

#include <QByteArray>
#include <QUrl>

#include <libxml/parser.h>

#include <array>
#include <cstddef>
#include <cstdint>

namespace {

// Index = first byte & 0x0f; '<' (0x3c) lands on 12, the common real-world header.
constexpr std::array<const char *, 16> kContentTypes = {
    "",
    "text/html",
    "text/html; charset=iso-8859-1",
    "text/html; charset=windows-1252",
    "text/html; charset=shift_jis",
    "text/html; charset=utf-16",
    "application/xhtml+xml",
    "application/rss+xml",
    "application/atom+xml",
    "text/xml; charset=utf-8",
    "application/octet-stream",
    "text/html; charset=\"no-such-charset\"",
    "text/html; charset=utf-8",
    "text/plain",
    "TEXT/HTML;CHARSET=GB18030",
    "text/html; charset=utf-32",
};

// The locator's streaming pass must answer exactly as the tree's rules on the same bytes.
void checkScanAgreesWithTree(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl)
{
    QByteArray encoding;
    const QByteArray utf8 = HtmlDocument::decode(body, contentType, &encoding);
    const FrontPageScan scan = FrontPageScanner::scan(utf8, utf8.size(), pageUrl);
    if (!scan.complete)
        return;
    const HtmlDocument doc(utf8, utf8.size(), encoding, pageUrl);
    const QList<ArticleCandidate> bookmarks = ArticleRules::relBookmark(doc);
    bool same = doc.isValid() && scan.baseUrl == doc.baseUrl() && scan.feedLinks == ArticleRules::feedLinks(doc)
        && scan.bookmarks.size() == bookmarks.size();
    for (qsizetype i = 0; same && i < bookmarks.size(); ++i) {
        same = scan.bookmarks.at(i).url == bookmarks.at(i).url
            && scan.bookmarks.at(i).published == bookmarks.at(i).published;
    }
    if (!same)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    xmlInitParser();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QByteArray contentType(kContentTypes.at(data[0] & 0x0f));
    static const QUrl pageUrl(QStringLiteral("https://blog.example.org/section/index.html"));

    ArticleLocatorOptions options;
    options.preferFeeds = (data[0] & 0x10) != 0;
    const ArticleLocation location = ArticleLocator::locate(body, contentType, pageUrl, options);
    // Whatever the page says, what the engine will fetch next must be an absolute web address.
    for (const QUrl &url : location.feedUrls) {
        if (!url.isValid() || url.isRelative())
            __builtin_trap();
    }

    checkScanAgreesWithTree(body, contentType, pageUrl);

    (void)HeadlineExtractor::extract(body, contentType, pageUrl);
    return 0;
}
