// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

struct Headline {
    QString title; ///< the article's headline, plain text; empty when none was found
    QString rawTitle; ///< the <title> element's text, whitespace collapsed
    QString via; ///< the rule that gave it: "json-ld", "og:title", "h1", "title", ...
};

/// Extracts an article page's real headline. Thread-safe; runs on worker threads.
class HeadlineExtractor final
{
public:
    static Headline extract(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl);
};
