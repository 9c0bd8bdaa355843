// SPDX-License-Identifier: GPL-3.0-or-later
#include "languageloader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QStringList>
#include <QTranslator>

#include <memory>
#include <tuple>

namespace {
// Marks our translators among the application's children, so a second apply() replaces them.
constexpr char kTranslatorName[] = "titlewave-translator";

// Installs the catalogue @p name for @p locale from @p directory, unless it is missing or
// already in @p loaded (English twice); adds its file's base name to @p loaded.
void install(const QLocale &locale, const QString &name, const QString &directory, QStringList &loaded)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), directory))
        return;
    const QString file = QFileInfo(translator->filePath()).completeBaseName();
    if (loaded.contains(file))
        return;
    translator->setObjectName(QLatin1String(kTranslatorName));
    translator->setParent(QCoreApplication::instance());
    QCoreApplication::installTranslator(translator.release());
    loaded << file;
}
} // namespace

QLocale LanguageLoader::localeFor(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QStringList LanguageLoader::apply(const QLocale &locale)
{
    QCoreApplication *app = QCoreApplication::instance();
    const QList<QTranslator *> previous
        = app->findChildren<QTranslator *>(QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : previous) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }

    QLocale::setDefault(locale);
    QStringList loaded;
    // Installed first, so consulted last: English is the source language, and its catalogue
    // holds only the plural forms ("1 blog", "2 blogs") any language without its own lacks.
    const QString i18n = QStringLiteral(":/i18n");
    for (const auto &[catalogue, name, directory] :
         { std::tuple { QLocale(QLocale::English), QStringLiteral("titlewave"), i18n },
           std::tuple { locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath) },
           std::tuple { locale, QStringLiteral("titlewave"), i18n } }) {
        install(catalogue, name, directory, loaded);
    }
    return loaded;
}
