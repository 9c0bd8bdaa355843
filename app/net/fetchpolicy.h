// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

/// How requests reach the web.
enum class ProxyMode {
    System, ///< the system's configuration: http_proxy / https_proxy / no_proxy, desktop settings
    Direct, ///< straight to every server, whatever the system says
    Url, ///< through FetchPolicy::proxyUrl
};

/// Limits every request obeys. Defaults are what a desktop user would want; all are settings
/// and command-line options.
struct FetchPolicy {
    /// Requests handed to the network at once; 0 means "as many as the descriptor budget allows".
    int maxInFlight = 0;
    /// Qt 6.4 opens at most 6 HTTP/1.1 connections per host and counts time spent queued behind
    /// them against the transfer timeout, so we never hand it more than this per host.
    int maxPerHost = 6;
    int timeoutMs = 15000; ///< no byte for this long aborts the request
    /// A request still unfinished this long after it left ends as a timeout, however steadily the
    /// server trickles bytes: the silence limit alone never ends a never-silent answer.
    int deadlineMs = 60000;
    qint64 maxBodyBytes = 10LL * 1024 * 1024; ///< decompressed; larger bodies are too_large
    int maxRedirects = 10;
    QByteArray userAgent = QByteArrayLiteral("Titlewave/" TITLEWAVE_VERSION);
    QString caFile; ///< extra PEM certificates to trust, if set
    ProxyMode proxyMode = ProxyMode::System;
    QUrl proxyUrl; ///< http://[user:password@]host:port or socks5://..., for ProxyMode::Url
};
