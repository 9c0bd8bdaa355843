// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QUrl>

/// Parses the date formats feeds and pages use: ISO 8601 / RFC 3339 (with or without time,
/// seconds, fractions, zone) and RFC 822/2822 (RSS pubDate). Invalid when nothing fits.
class DateTimeParser final
{
public:
    static QDateTime parse(const QString &text);
    /// The first date written in running text ("Mon Jul 1 10:00:00 2024", "July 1, 2024",
    /// "1 July 2024", "1er juillet 2024", "1. Juli 2024", "2024-07-01", "01.07.2024"), month
    /// names in English, French and German; UTC. Invalid when the text shows none. Ambiguous
    /// forms (01/07/2024) are not read.
    static QDateTime findInText(QStringView text);
    /// The date a permalink's path carries (/2024/07/01/slug, /2024/07/slug, /2024-07-01-slug);
    /// invalid when none.
    static QDateTime fromUrl(const QUrl &url);
};
