// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// What every face does first, once its application object exists: the executable's headless
/// face and the window module (ui/windowentry.cpp) share it, so both start alike.
class Startup final
{
public:
    /// Names the application: QSettings and the scan history find their files by these names.
    static void describeApplication();

    /// --lang, else the language chosen in the settings dialog, else the system's. Read only at
    /// start: a language chosen in the dialog applies at the next start.
    static void applyLanguage(const QString &commandLineLanguage);
};
