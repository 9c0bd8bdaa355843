// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

/// The one definition of what Titlewave may fetch or open (http and https, nothing else) and of
/// when two list entries name the same blog.
class WebAddress final
{
public:
    /// http or https, in any letter case.
    static bool isWebScheme(QStringView scheme);
    static bool isWebScheme(const QUrl &url) { return isWebScheme(url.scheme()); }
    /// A valid http(s) URL with a host: something we may fetch or hand to a browser.
    static bool isFetchable(const QUrl &url);
    /// The one identity of a page: two spellings of one address give the same key. The host and
    /// scheme are case-insensitive, the scheme's default port, the fragment, a trailing slash and
    /// a bare "?" are dropped, and dot segments are resolved. Path and query keep their case; http
    /// and https, or "www." and none, stay different pages (a server may answer them differently).
    static QString pageKey(const QUrl &url);
    static bool isSamePage(const QUrl &a, const QUrl &b);
    /// Blogs are pages: the list reader, list merging and the scan history all use this key.
    static QString blogKey(const QUrl &url) { return pageKey(url); }
    /// A proxy's address as a user writes it ("proxy:3128" is http, as curl reads it): http or
    /// socks5 with a host; std::nullopt for anything else.
    static std::optional<QUrl> proxyUrlFrom(const QString &text);
};
