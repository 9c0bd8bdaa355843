// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/resultexporter.h"
#include "scan/scanoverrides.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

/// Everything the command line can say, parsed once in main() for both faces of the app.
struct CommandLineOptions {
    Q_DECLARE_TR_FUNCTIONS(CommandLineOptions)

public:
    enum class Action { RunWindow, RunHeadless, ShowText, UsageError };

    Action action = Action::RunWindow;
    QString text; ///< help or version text (ShowText) or the error (UsageError)
    bool demo = false;
    QString listPath; ///< headless: the one LIST, "-" for stdin
    QStringList listPaths; ///< the window: every file named (a file manager may open several)
    QString outPath; ///< "-" for stdout
    QString language; ///< e.g. "fr"; empty: the system's
    /// --format; without it, JSON when OUT ends in .json, else CSV.
    ExportFormat format = ExportFormat::Csv;
    /// --no-history turns off "new since the last scan" (and leaves the history file alone).
    bool useHistory = true;
    /// The scan options the command line named; they override saved settings.
    ScanOverrides overrides;
    /// The defaults with the overrides applied: what a run without saved settings uses.
    ScanOptions scan;

    /// Needs no application object; only the texts it returns want the language applied first.
    static CommandLineOptions parse(const QStringList &arguments);
};
