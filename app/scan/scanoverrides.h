// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scanoptions.h"

#include <QByteArray>
#include <QString>

#include <optional>

/// The scan options someone named explicitly (on the command line): each set field replaces the
/// same field of the options it is applied to, each unset one leaves it alone.
struct ScanOverrides {
    std::optional<int> maxInFlight;
    std::optional<int> timeoutMs;
    std::optional<int> deadlineMs;
    std::optional<qint64> maxBodyBytes;
    std::optional<int> maxRedirects;
    std::optional<QByteArray> userAgent;
    std::optional<QString> caFile;
    std::optional<bool> preferFeeds;
    std::optional<ProxyMode> proxyMode;
    std::optional<QUrl> proxyUrl;

    ScanOptions appliedTo(ScanOptions base) const
    {
        FetchPolicy &fetch = base.fetch;
        fetch.maxInFlight = maxInFlight.value_or(fetch.maxInFlight);
        fetch.timeoutMs = timeoutMs.value_or(fetch.timeoutMs);
        fetch.deadlineMs = deadlineMs.value_or(fetch.deadlineMs);
        fetch.maxBodyBytes = maxBodyBytes.value_or(fetch.maxBodyBytes);
        fetch.maxRedirects = maxRedirects.value_or(fetch.maxRedirects);
        fetch.userAgent = userAgent.value_or(fetch.userAgent);
        fetch.caFile = caFile.value_or(fetch.caFile);
        fetch.proxyMode = proxyMode.value_or(fetch.proxyMode);
        fetch.proxyUrl = proxyUrl.value_or(fetch.proxyUrl);
        base.preferFeeds = preferFeeds.value_or(base.preferFeeds);
        return base;
    }

    bool operator==(const ScanOverrides &other) const = default;
};
