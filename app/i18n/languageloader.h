// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

/// Chooses the user interface language and installs its translators; main() and the tests
/// share it, so a test sees exactly the strings a user would.
class LanguageLoader final
{
public:
    /// The locale for @p language ("fr", "de_CH"...); an empty one means the system's.
    static QLocale localeFor(const QString &language);

    /// Makes @p locale the default and installs, on the running application, Qt's own
    /// translations (qtbase_<lang> from Qt's translations directory) and Titlewave's
    /// (:/i18n/titlewave_<lang>), over the English plural forms as a fallback. Replaces the
    /// translators of an earlier call. Returns the names of the catalogues that loaded
    /// (e.g. "qtbase_fr", "titlewave_fr").
    static QStringList apply(const QLocale &locale);
};
