// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

/// Parses the date formats feeds and pages use: ISO 8601 / RFC 3339 (with or without time,
/// seconds, fractions, zone) and RFC 822/2822 (RSS pubDate). Invalid when nothing fits.
class DateTimeParser final
{
public:
    static QDateTime parse(const QString &text);
};
