// SPDX-License-Identifier: GPL-3.0-or-later
#include "blogstatus.h"

#include <QCoreApplication>

#include <array>

namespace {
struct StatusInfo {
    BlogStatus status;
    const char *code;
    const char *label;
    const char *sentence;
};

// One table so a new status cannot get a code without a label and a sentence.
constexpr std::array kStatuses {
    StatusInfo { BlogStatus::Pending, "pending", QT_TRANSLATE_NOOP("BlogStatus", "Waiting"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The blog is waiting to be scanned.") },
    StatusInfo { BlogStatus::Running, "running", QT_TRANSLATE_NOOP("BlogStatus", "Scanning"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The blog is being scanned.") },
    StatusInfo { BlogStatus::Ok, "ok", QT_TRANSLATE_NOOP("BlogStatus", "OK"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The newest article and its title were found.") },
    StatusInfo { BlogStatus::InvalidUrl, "invalid_url", QT_TRANSLATE_NOOP("BlogStatus", "Invalid URL"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The address is not a valid web address.") },
    StatusInfo { BlogStatus::UnsupportedScheme, "unsupported_scheme",
                 QT_TRANSLATE_NOOP("BlogStatus", "Unsupported scheme"),
                 QT_TRANSLATE_NOOP("BlogStatus", "Only http and https addresses can be scanned.") },
    StatusInfo { BlogStatus::Dns, "dns", QT_TRANSLATE_NOOP("BlogStatus", "Host not found"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The host name could not be resolved.") },
    StatusInfo { BlogStatus::Refused, "refused", QT_TRANSLATE_NOOP("BlogStatus", "Refused"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The server refused the connection.") },
    StatusInfo { BlogStatus::Timeout, "timeout", QT_TRANSLATE_NOOP("BlogStatus", "Timed out"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The server did not answer in time.") },
    StatusInfo { BlogStatus::Tls, "tls", QT_TRANSLATE_NOOP("BlogStatus", "TLS error"),
                 QT_TRANSLATE_NOOP("BlogStatus", "A secure connection could not be established.") },
    StatusInfo { BlogStatus::HttpError, "http_error", QT_TRANSLATE_NOOP("BlogStatus", "HTTP error"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The server answered with an HTTP error.") },
    StatusInfo { BlogStatus::TooLarge, "too_large", QT_TRANSLATE_NOOP("BlogStatus", "Too large"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The page is larger than the maximum page size.") },
    StatusInfo { BlogStatus::NotHtml, "not_html", QT_TRANSLATE_NOOP("BlogStatus", "Not a web page"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The server did not send a web page or a feed.") },
    StatusInfo { BlogStatus::NoArticle, "no_article", QT_TRANSLATE_NOOP("BlogStatus", "No article"),
                 QT_TRANSLATE_NOOP("BlogStatus", "No article link was found on the blog's front page.") },
    StatusInfo { BlogStatus::NoTitle, "no_title", QT_TRANSLATE_NOOP("BlogStatus", "No title"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The article has no title.") },
    StatusInfo { BlogStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("BlogStatus", "Cancelled"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The scan was stopped before this blog finished.") },
    StatusInfo { BlogStatus::Proxy, "proxy", QT_TRANSLATE_NOOP("BlogStatus", "Proxy error"),
                 QT_TRANSLATE_NOOP("BlogStatus", "The proxy could not carry the request.") },
    StatusInfo { BlogStatus::Network, "network", QT_TRANSLATE_NOOP("BlogStatus", "Network error"),
                 QT_TRANSLATE_NOOP("BlogStatus", "A network error interrupted the transfer.") },
};

const StatusInfo &info(BlogStatus status)
{
    for (const StatusInfo &entry : kStatuses) {
        if (entry.status == status)
            return entry;
    }
    return kStatuses.back();
}
} // namespace

QString BlogStatusText::code(BlogStatus status)
{
    return QString::fromLatin1(info(status).code);
}

BlogStatus BlogStatusText::fromCode(QStringView code)
{
    for (const StatusInfo &entry : kStatuses) {
        if (code == QLatin1String(entry.code))
            return entry.status;
    }
    return BlogStatus::Network;
}

QString BlogStatusText::label(BlogStatus status)
{
    return QCoreApplication::translate("BlogStatus", info(status).label);
}

QString BlogStatusText::label(BlogStatus status, int httpStatus)
{
    if (status != BlogStatus::HttpError)
        return label(status);
    if (httpStatus >= 400)
        return QCoreApplication::translate("BlogStatus", "HTTP %1").arg(httpStatus);
    // Download ends a chain of redirects longer than the limit (or one Qt ends itself) this way.
    return QCoreApplication::translate("BlogStatus", "Redirect loop");
}

QString BlogStatusText::sentence(BlogStatus status)
{
    return QCoreApplication::translate("BlogStatus", info(status).sentence);
}

bool isFinalStatus(BlogStatus status)
{
    return status != BlogStatus::Pending && status != BlogStatus::Running;
}

bool isFailureStatus(BlogStatus status)
{
    return isFinalStatus(status) && status != BlogStatus::Ok && status != BlogStatus::Cancelled;
}
