// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/languageloader.h"
#include "io/bloglistreader.h"
#include "mainwindow.h"
#include "resultsmodel.h"
#include "scan/scan.h"
#include "types/blogstatus.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

class TestLanguageLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The window reads and writes settings: never the user's own.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TitlewaveTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_languageloader"));
    }

    void cleanup() { LanguageLoader::apply(QLocale(QLocale::English)); }

    void loadsQtsAndTitlewavesCatalogues_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("French") << QStringLiteral("fr");
        QTest::addRow("German") << QStringLiteral("de");
        QTest::addRow("Spanish") << QStringLiteral("es");
    }

    void loadsQtsAndTitlewavesCatalogues()
    {
        QFETCH(QString, language);
        const QStringList loaded = LanguageLoader::apply(LanguageLoader::localeFor(language));
        QVERIFY2(loaded.contains(QStringLiteral("titlewave_") + language), qPrintable(loaded.join(u' ')));
        // Debian's qt6-translations-l10n ships these: standard buttons and dialogs speak the language.
        QVERIFY2(loaded.contains(QStringLiteral("qtbase_") + language), qPrintable(loaded.join(u' ')));
        QCOMPARE(QLocale().language(), QLocale(language).language());
    }

    void aRegionalLocaleFindsItsLanguage()
    {
        const QStringList loaded = LanguageLoader::apply(QLocale(QStringLiteral("fr_CA")));
        QVERIFY2(loaded.contains(QStringLiteral("titlewave_fr")), qPrintable(loaded.join(u' ')));
    }

    void noChoiceMeansTheSystemLocale() { QCOMPARE(LanguageLoader::localeFor(QString()), QLocale::system()); }

    void englishHasRealPluralForms()
    {
        const QStringList loaded = LanguageLoader::apply(QLocale(QLocale::English));
        QVERIFY2(loaded.contains(QStringLiteral("titlewave_en")), qPrintable(loaded.join(u' ')));
        BlogListReadResult list;
        list.blogs.resize(1);
        QCOMPARE(list.summary(), QStringLiteral("1 blog"));
        list.blogs.resize(2);
        QCOMPARE(list.summary(), QStringLiteral("2 blogs"));
    }

    void englishPluralsAreTheFallbackForOtherLanguages()
    {
        // A language Titlewave does not speak gets English, with its plural forms.
        LanguageLoader::apply(QLocale(QLocale::Italian));
        BlogListReadResult list;
        list.blogs.resize(1);
        QCOMPARE(list.summary(), QStringLiteral("1 blog"));
    }

    void aSecondApplyReplacesTheFirst()
    {
        LanguageLoader::apply(QLocale(QLocale::French));
        LanguageLoader::apply(QLocale(QLocale::German));
        QCOMPARE(BlogStatusText::label(BlogStatus::Timeout), QStringLiteral("Zeitüberschreitung"));
        LanguageLoader::apply(QLocale(QLocale::English));
        QCOMPARE(BlogStatusText::label(BlogStatus::Timeout), QStringLiteral("Timed out"));
    }

    void statusSentencesFollowTheLanguage()
    {
        LanguageLoader::apply(QLocale(QLocale::French));
        QCOMPARE(BlogStatusText::sentence(BlogStatus::UnsupportedScheme),
                 QStringLiteral("Seules les adresses http et https peuvent être analysées."));
        // Stable codes are a contract: never translated.
        QCOMPARE(BlogStatusText::code(BlogStatus::UnsupportedScheme), QStringLiteral("unsupported_scheme"));
        LanguageLoader::apply(QLocale(QLocale::Spanish));
        QCOMPARE(BlogStatusText::sentence(BlogStatus::Dns), QStringLiteral("No se pudo resolver el nombre del host."));
    }

    void theWindowSpeaksFrench()
    {
        LanguageLoader::apply(QLocale(QLocale::French));
        MainWindow window;
        window.show();

        QStringList menus;
        for (const QAction *menu : window.menuBar()->actions())
            menus << menu->text();
        QCOMPARE(menus,
                 QStringList({ QStringLiteral("&Fichier"), QStringLiteral("É&dition"), QStringLiteral("A&nalyse"),
                               QStringLiteral("Affic&hage"), QStringLiteral("&Aide") })); // #14 added View
        const auto actionText = [&window](const char *name) {
            const auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
            return action ? action->text() : QString();
        };
        QCOMPARE(actionText("startAction"), QStringLiteral("&Démarrer"));
        QCOMPARE(actionText("importAction"), QStringLiteral("&Importer une liste…"));
        QCOMPARE(actionText("retryFailedAction"), QStringLiteral("&Relancer les échecs"));

        auto *view = window.findChild<QTableView *>(QStringLiteral("resultsView"));
        QVERIFY(view);
        QAbstractItemModel *model = view->model();
        QCOMPARE(model->headerData(ResultsModel::Title, Qt::Horizontal).toString(), QStringLiteral("Titre"));

        // A refused line gets its row, with the French label and sentence.
        window.setBlogListText(QStringLiteral("ftp://example.org/\n"));
        QSignalSpy finished(window.session(), &ScanSession::finished);
        window.startScan();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QTRY_COMPARE(model->rowCount(), 1);
        const QModelIndex status = model->index(0, ResultsModel::Status);
        QTRY_COMPARE(status.data().toString(), QStringLiteral("Schéma non pris en charge"));
        const QString sentence = status.data(Qt::ToolTipRole).toString();
        QVERIFY2(sentence.contains(QStringLiteral("Seules les adresses http et https peuvent être analysées.")),
                 qPrintable(sentence));
    }

    void qtsOwnButtonsSpeakFrench()
    {
        LanguageLoader::apply(QLocale(QLocale::French));
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), QStringLiteral("Annuler"));
    }
};

QTEST_MAIN(TestLanguageLoader)
#include "tst_languageloader.moc"
