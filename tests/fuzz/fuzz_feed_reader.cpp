// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes FeedReader: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 read as untrusted XML.

#include "parse/feedreader.h"

#include <QByteArray>
#include <QUrl>

#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    xmlInitParser();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    static const QUrl feedUrl(QStringLiteral("https://blog.example.org/feed/atom.xml"));

    (void)FeedReader::looksLikeFeed(body, QByteArrayLiteral("application/rss+xml"));
    (void)FeedReader::looksLikeFeed(body, QByteArray());
    const FeedContent feed = FeedReader::read(body, feedUrl);
    const FeedEntry *newest = feed.newest();
    if (feed.entries.isEmpty() != (newest == nullptr))
        __builtin_trap();
    if (newest) {
        // newest() must point into entries, never at a copy or past the end.
        const FeedEntry *first = feed.entries.constData();
        if (newest < first || newest >= first + feed.entries.size())
            __builtin_trap();
    }
    return 0;
}
