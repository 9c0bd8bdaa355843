// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

/// Where a blog's scan ended (or stands). The codes are the CSV contract's: stable, never translated.
enum class BlogStatus {
    Pending,
    Running,
    Ok,
    InvalidUrl,
    UnsupportedScheme,
    Dns,
    Refused,
    Timeout,
    Tls,
    HttpError,
    TooLarge,
    NotHtml,
    NoArticle,
    NoTitle,
    Cancelled,
    Proxy,
    Network, ///< last: views iterate up to it
};

Q_DECLARE_METATYPE(BlogStatus)

namespace BlogStatusText {
/// The stable machine-readable code written to CSV ("ok", "dns", ...).
QString code(BlogStatus status);
/// Parses a code back; Network when unknown.
BlogStatus fromCode(QStringView code);
/// A short translated label for the table ("OK", "Timed out", ...).
QString label(BlogStatus status);
/// A translated sentence explaining the status to a user.
QString sentence(BlogStatus status);
} // namespace BlogStatusText

/// True once the blog's chain can no longer change.
bool isFinalStatus(BlogStatus status);
/// True for the statuses that say the blog's answer could not be had.
bool isFailureStatus(BlogStatus status);
