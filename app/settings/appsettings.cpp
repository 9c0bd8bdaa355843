// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

#include <algorithm>

namespace {
const QString kMaxInFlight = QStringLiteral("scan/maxInFlight");
const QString kTimeout = QStringLiteral("scan/timeoutSeconds");
const QString kMaxPageSize = QStringLiteral("scan/maxPageSizeMb");
const QString kUserAgent = QStringLiteral("scan/userAgent");
const QString kPreferFeeds = QStringLiteral("scan/preferFeeds");
const QString kLanguage = QStringLiteral("ui/language");
} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings values;
    // Hand-edited files may hold nonsense: clamp to what the dialog allows.
    values.maxInFlight = std::clamp(settings.value(kMaxInFlight, values.maxInFlight).toInt(), 0, 100000);
    values.timeoutSeconds = std::clamp(settings.value(kTimeout, values.timeoutSeconds).toInt(), 1, 3600);
    values.maxPageSizeMb = std::clamp(settings.value(kMaxPageSize, values.maxPageSizeMb).toInt(), 1, 4096);
    values.userAgent = settings.value(kUserAgent).toString().trimmed();
    values.preferFeeds = settings.value(kPreferFeeds, false).toBool();
    values.language = settings.value(kLanguage).toString();
    return values;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(kMaxInFlight, maxInFlight);
    settings.setValue(kTimeout, timeoutSeconds);
    settings.setValue(kMaxPageSize, maxPageSizeMb);
    settings.setValue(kUserAgent, userAgent);
    settings.setValue(kPreferFeeds, preferFeeds);
    settings.setValue(kLanguage, language);
}

ScanOptions AppSettings::applyTo(ScanOptions base) const
{
    base.fetch.maxInFlight = maxInFlight;
    base.fetch.timeoutMs = timeoutSeconds * 1000;
    base.fetch.maxBodyBytes = qint64(maxPageSizeMb) * 1024 * 1024;
    base.fetch.userAgent = userAgent.isEmpty() ? FetchPolicy().userAgent : userAgent.toUtf8();
    base.preferFeeds = preferFeeds;
    return base;
}

ScanOptions AppSettings::mergedWith(const ScanOverrides &overrides) const
{
    return overrides.appliedTo(applyTo(ScanOptions()));
}
