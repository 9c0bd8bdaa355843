// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

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
    /// The same blog written as "https://A.example", "https://a.example/" or with a fragment gives
    /// the same key: host case-insensitive, no fragment, no trailing slash, dot segments resolved.
    static QString blogKey(const QUrl &url);
};
