// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parse/articlerules.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QUrl>

/// What one streaming pass over a front page finds for ArticleLocator's first rule and its feed
/// autodiscovery: the same answers as ArticleRules::relBookmark(), ArticleRules::feedLinks() and
/// HtmlDocument::baseUrl() on the tree of the same bytes.
struct FrontPageScan {
    /// false: the pass gave up (empty or oversized input, deeply nested post containers);
    /// nothing below is meaningful, parse the tree instead.
    bool complete = false;
    QUrl baseUrl;
    QList<QUrl> feedLinks;
    QList<ArticleCandidate> bookmarks; ///< with their link texts
    QStringList siteNames; ///< ArticleRules::siteNames()' answer
    QString pageTitle; ///< ArticleRules::pageTitle()' answer
};

/// Reads a front page with libxml2's HTML parser in SAX mode: the parser's events, without the
/// tree it would build from them. Most front pages (WordPress and other classic themes) answer
/// with rel=bookmark links, and for them the tree, its walks and its freeing are a quarter of
/// the parse's cost; the other rules still need the tree (HtmlDocument).
/// Thread-safe: one parser context per call.
class FrontPageScanner final
{
public:
    /// Scans the first @p length bytes of @p utf8, a body through HtmlDocument::decode().
    static FrontPageScan scan(const QByteArray &utf8, qsizetype length, const QUrl &pageUrl);
    /// A look at the bytes alone: false when they hold no plainly written rel="... bookmark", so
    /// that a scan would be wasted work. (Another spelling, such as character references or a
    /// very long rel value, is found by the tree; that costs time, never an answer.)
    static bool mayHaveBookmarks(const QByteArray &utf8, qsizetype length);
};
