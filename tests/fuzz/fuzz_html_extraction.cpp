// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes what a blog's front page and an article page go through: ArticleLocator::locate and
// HeadlineExtractor::extract on the same bytes. The first byte picks the Content-Type header
// (and preferFeeds) but stays part of the body, so real pages replay unchanged.

#include "parse/articlelocator.h"
#include "parse/headlineextractor.h"

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

    (void)HeadlineExtractor::extract(body, contentType, pageUrl);
    return 0;
}
