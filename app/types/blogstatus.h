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
/// The label as users tell outcomes apart: an HTTP error names its code ("HTTP 404", "HTTP 503")
/// and one that ended on a redirect is a redirect loop (@p httpStatus is the last answer's, 0 when
/// none). Only the label: the CSV keeps the contract's one code, http_error.
QString label(BlogStatus status, int httpStatus);
/// A translated sentence explaining the status to a user.
QString sentence(BlogStatus status);
} // namespace BlogStatusText

/// True once the blog's chain can no longer change.
bool isFinalStatus(BlogStatus status);
/// True for the statuses that say the blog's answer could not be had; not Cancelled (the user
/// stopped it: it did not fail).
bool isFailureStatus(BlogStatus status);
