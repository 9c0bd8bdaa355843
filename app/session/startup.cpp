// SPDX-License-Identifier: GPL-3.0-or-later
#include "startup.h"

#include "i18n/languageloader.h"
#include "settings/appsettings.h"

#include <QCoreApplication>
#include <QSettings>

void Startup::describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Titlewave"));
    QCoreApplication::setApplicationName(QStringLiteral("Titlewave"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TITLEWAVE_VERSION));
}

void Startup::applyLanguage(const QString &commandLineLanguage)
{
    const QString language
        = commandLineLanguage.isEmpty() ? AppSettings::load(QSettings()).language : commandLineLanguage;
    LanguageLoader::apply(LanguageLoader::localeFor(language));
}
