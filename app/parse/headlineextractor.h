// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

struct Headline {
    QString title; ///< the article's headline, plain text; empty when none was found
    QString rawTitle; ///< the <title> element's text, whitespace collapsed
    QString via; ///< the rule that gave it: "json-ld", "og:title", "h1", "title", ...
};

/// What the rest of the blog's chain says about the article, before its page is read.
struct HeadlineContext {
    QStringList listing; ///< the front page's link text(s) for the article
    QString feedTitle; ///< the feed entry's title
    QStringList siteNames; ///< the site's names (og:site_name, home-linking headings, the feed's title)
    QString frontPageTitle; ///< the front page's <title>: its parts may be the site's name
};

/// Extracts an article page's real headline. Thread-safe; runs on worker threads.
///
/// The page's first rule (JSON-LD, og:title, ..., <title> with a backed site name removed)
/// gives the answer unless the other candidates say otherwise: a candidate that is the site's
/// name, or carries it behind a separator (": ", " - ", " | ", ...), is cut or dropped;
/// metadata that is a damaged copy of a fuller heading, the listing's or the feed's title
/// (tags or words missing) loses to it; and, when the chain gave titles, the text the most
/// independent sources (metadata, headings, <title>, listing, feed) agree on wins, with all of
/// them named in the via ("listing+h1").
class HeadlineExtractor final
{
public:
    static Headline extract(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl,
                            const HeadlineContext &context = {});
};
