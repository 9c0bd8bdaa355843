// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scan/scanoverrides.h"

#include <QSettings>
#include <QString>

/// The user's saved preferences, as the settings dialog edits them. Keys live under "scan/" and
/// "ui/" in the application's QSettings.
struct AppSettings {
    int maxInFlight = 0; ///< 0: automatic (the descriptor budget)
    int timeoutSeconds = FetchPolicy().timeoutMs / 1000;
    int deadlineSeconds = FetchPolicy().deadlineMs / 1000;
    int maxPageSizeMb = int(FetchPolicy().maxBodyBytes / (1024 * 1024));
    QString userAgent; ///< empty: Titlewave's own
    bool preferFeeds = false;
    ProxyMode proxyMode = ProxyMode::System;
    QString proxyUrl; ///< as typed; used when proxyMode is Url and it is a valid proxy address
    QString language; ///< "" for the system's, else "en", "fr", "de", "es"; applied at start

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    /// @p base with the fields these settings hold replaced.
    ScanOptions applyTo(ScanOptions base) const;
    /// The scan options for a run: these settings, with what the command line named explicitly
    /// (@p overrides) in their place.
    ScanOptions mergedWith(const ScanOverrides &overrides) const;

    bool operator==(const AppSettings &other) const = default;
};
