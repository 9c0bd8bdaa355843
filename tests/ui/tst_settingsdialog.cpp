// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/commandlineoptions.h"
#include "settings/appsettings.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

namespace {
AppSettings custom()
{
    AppSettings settings;
    settings.maxInFlight = 12;
    settings.timeoutSeconds = 30;
    settings.maxPageSizeMb = 25;
    settings.userAgent = QStringLiteral("Custom/2.0 (+https://example.org)");
    settings.preferFeeds = true;
    settings.deadlineSeconds = 90;
    settings.proxyMode = ProxyMode::Url;
    settings.proxyUrl = QStringLiteral("http://proxy.example:3128");
    settings.language = QStringLiteral("fr");
    return settings;
}
} // namespace

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughQSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("titlewave.conf"));
        {
            QSettings settings(path, QSettings::IniFormat);
            QCOMPARE(AppSettings::load(settings), AppSettings()); // nothing saved: the defaults
            custom().save(settings);
        }
        const QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(AppSettings::load(settings), custom());
        QCOMPARE(settings.value(QStringLiteral("scan/timeoutSeconds")).toInt(), 30);
        QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("fr"));
    }

    void clampsHandEditedValues()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("titlewave.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("scan/timeoutSeconds"), -4);
        settings.setValue(QStringLiteral("scan/maxInFlight"), QStringLiteral("lots"));
        const AppSettings loaded = AppSettings::load(settings);
        QCOMPARE(loaded.timeoutSeconds, 1);
        QCOMPARE(loaded.maxInFlight, 0);
    }

    void givesTheScanItsOptions()
    {
        const ScanOptions options = custom().applyTo(ScanOptions());
        QCOMPARE(options.fetch.maxInFlight, 12);
        QCOMPARE(options.fetch.timeoutMs, 30000);
        QCOMPARE(options.fetch.deadlineMs, 90000);
        QCOMPARE(options.fetch.proxyMode, ProxyMode::Url);
        QCOMPARE(options.fetch.proxyUrl, QUrl(QStringLiteral("http://proxy.example:3128")));
        AppSettings broken = custom();
        broken.proxyUrl = QStringLiteral("ftp://nowhere");
        QCOMPARE(broken.applyTo(ScanOptions()).fetch.proxyMode, ProxyMode::System); // unusable: the system's
        QCOMPARE(options.fetch.maxBodyBytes, 25LL * 1024 * 1024);
        QCOMPARE(options.fetch.userAgent, QByteArray("Custom/2.0 (+https://example.org)"));
        QVERIFY(options.preferFeeds);
        // An empty user agent means Titlewave's own.
        QCOMPARE(AppSettings().applyTo(ScanOptions()).fetch.userAgent, FetchPolicy().userAgent);
    }

    void yieldsToOptionsNamedOnTheCommandLine()
    {
        const CommandLineOptions commandLine
            = CommandLineOptions::parse({ QStringLiteral("titlewave"), QStringLiteral("--user-agent"),
                                          QStringLiteral("Cli/1"), QStringLiteral("--max-redirects"),
                                          QStringLiteral("2"), QStringLiteral("--deadline"), QStringLiteral("5") });
        const ScanOptions merged = custom().mergedWith(commandLine.overrides);
        QCOMPARE(merged.fetch.deadlineMs, 5000);
        QCOMPARE(merged.fetch.userAgent, QByteArray("Cli/1"));
        QCOMPARE(merged.fetch.maxRedirects, 2);
        QCOMPARE(merged.fetch.timeoutMs, 30000); // not named: the setting
        QCOMPARE(merged.fetch.maxInFlight, 12);
        QVERIFY(merged.preferFeeds);
    }

    void dialogShowsAndReturnsTheSettings()
    {
        SettingsDialog dialog;
        QCOMPARE(dialog.settings(), AppSettings());
        dialog.setSettings(custom());
        QCOMPARE(dialog.settings(), custom());
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("languageSetting"))->currentText(),
                 QStringLiteral("Français"));

        // What the user changes in the widgets is what settings() returns.
        dialog.findChild<QSpinBox *>(QStringLiteral("timeoutSetting"))->setValue(5);
        dialog.findChild<QLineEdit *>(QStringLiteral("userAgentSetting"))->setText(QStringLiteral("  Edited/1 "));
        dialog.findChild<QCheckBox *>(QStringLiteral("preferFeedsSetting"))->setChecked(false);
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageSetting"));
        QCOMPARE(language->count(), 5);
        language->setCurrentIndex(language->findText(QStringLiteral("Español")));
        const AppSettings edited = dialog.settings();
        QCOMPARE(edited.timeoutSeconds, 5);
        QCOMPARE(edited.userAgent, QStringLiteral("Edited/1"));
        QVERIFY(!edited.preferFeeds);
        QCOMPARE(edited.language, QStringLiteral("es"));
        language->setCurrentIndex(0);
        QCOMPARE(dialog.settings().language, QString()); // System
        for (const char *name :
             { "maxInFlightSetting", "timeoutSetting", "maxPageSizeSetting", "userAgentSetting", "languageSetting" })
            QVERIFY2(!dialog.findChild<QWidget *>(QString::fromLatin1(name))->accessibleName().isEmpty(), name);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
