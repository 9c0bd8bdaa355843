// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include "types/webaddress.h"

#include <algorithm>

namespace {
const QString kMaxInFlight = QStringLiteral("scan/maxInFlight");
const QString kTimeout = QStringLiteral("scan/timeoutSeconds");
const QString kDeadline = QStringLiteral("scan/deadlineSeconds");
const QString kMaxPageSize = QStringLiteral("scan/maxPageSizeMb");
const QString kUserAgent = QStringLiteral("scan/userAgent");
const QString kPreferFeeds = QStringLiteral("scan/preferFeeds");
const QString kProxyMode = QStringLiteral("scan/proxy");
const QString kProxyUrl = QStringLiteral("scan/proxyUrl");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings values;
    // Hand-edited files may hold nonsense: clamp to what the dialog allows.
    values.maxInFlight = std::clamp(settings.value(kMaxInFlight, values.maxInFlight).toInt(), 0, 100000);
    values.timeoutSeconds = std::clamp(settings.value(kTimeout, values.timeoutSeconds).toInt(), 1, 3600);
    values.deadlineSeconds = std::clamp(settings.value(kDeadline, values.deadlineSeconds).toInt(), 1, 86400);
    values.maxPageSizeMb = std::clamp(settings.value(kMaxPageSize, values.maxPageSizeMb).toInt(), 1, 4096);
    values.userAgent = settings.value(kUserAgent).toString().trimmed();
    values.preferFeeds = settings.value(kPreferFeeds, false).toBool();
    const QString proxy = settings.value(kProxyMode).toString();
    values.proxyMode = proxy == QLatin1String("none") ? ProxyMode::Direct
        : proxy == QLatin1String("url")               ? ProxyMode::Url
                                                      : ProxyMode::System;
    values.proxyUrl = settings.value(kProxyUrl).toString().trimmed();
    values.language = settings.value(kLanguage).toString();
    return values;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(kMaxInFlight, maxInFlight);
    settings.setValue(kTimeout, timeoutSeconds);
    settings.setValue(kDeadline, deadlineSeconds);
    settings.setValue(kMaxPageSize, maxPageSizeMb);
    settings.setValue(kUserAgent, userAgent);
    settings.setValue(kPreferFeeds, preferFeeds);
    settings.setValue(kProxyMode,
                      proxyMode == ProxyMode::Direct    ? QStringLiteral("none")
                          : proxyMode == ProxyMode::Url ? QStringLiteral("url")
                                                        : QStringLiteral("system"));
    settings.setValue(kProxyUrl, proxyUrl);
    settings.setValue(kLanguage, language);
}

ScanOptions AppSettings::applyTo(ScanOptions base) const
{
    base.fetch.maxInFlight = maxInFlight;
    base.fetch.timeoutMs = timeoutSeconds * 1000;
    base.fetch.deadlineMs = deadlineSeconds * 1000;
    base.fetch.maxBodyBytes = qint64(maxPageSizeMb) * 1024 * 1024;
    base.fetch.userAgent = userAgent.isEmpty() ? FetchPolicy().userAgent : userAgent.toUtf8();
    base.preferFeeds = preferFeeds;
    base.fetch.proxyMode = proxyMode;
    if (proxyMode == ProxyMode::Url) {
        // A proxy address that is no address falls back to the system's settings.
        const std::optional<QUrl> url = WebAddress::proxyUrlFrom(proxyUrl);
        base.fetch.proxyMode = url ? ProxyMode::Url : ProxyMode::System;
        base.fetch.proxyUrl = url.value_or(QUrl());
    }
    return base;
}

ScanOptions AppSettings::mergedWith(const ScanOverrides &overrides) const
{
    return overrides.appliedTo(applyTo(ScanOptions()));
}
