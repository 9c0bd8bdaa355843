// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/languageloader.h"
#include "mainwindow.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QDir>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

#include <libxml/parser.h>

/// The real window on a real X server (Xvfb in CI), running the bundled demo end to end.
/// In English and in French; with TITLEWAVE_SCREENSHOT_DIR set it also saves the README's
/// screenshots (main-window.png, main-window-fr.png).
class TestRealWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        xmlInitParser();
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
    }

    void runsTheDemoInAnXcbWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("statusHeader");
        QTest::addColumn<QString>("screenshot");
        QTest::addRow("English") << QStringLiteral("en") << QStringLiteral("Status")
                                 << QStringLiteral("main-window.png");
        QTest::addRow("French") << QStringLiteral("fr") << QStringLiteral("État")
                                << QStringLiteral("main-window-fr.png");
    }

    void runsTheDemoInAnXcbWindow()
    {
        QFETCH(QString, language);
        QFETCH(QString, statusHeader);
        QFETCH(QString, screenshot);
        // As main() does for --lang: before the window exists.
        LanguageLoader::apply(LanguageLoader::localeFor(language));
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.session(), &ScanSession::finished);
        window.runDemo();
        QVERIFY(finished.wait(15000));
        window.model()->flush();
        QCOMPARE(window.model()->rowCount(), 6);
        QCOMPARE(window.model()->headerData(ResultsModel::Status, Qt::Horizontal).toString(), statusHeader);
        for (int row = 0; row < window.model()->rowCount(); ++row)
            QCOMPARE(window.model()->result(row).status, BlogStatus::Ok);
        QTest::qWait(300); // let the last repaint reach the X server

        // What the X server shows, not just what Qt renders offscreen.
        const QPixmap shot = window.screen()->grabWindow(window.winId());
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), window.size() * window.devicePixelRatio());
        const QString dir = qEnvironmentVariable("TITLEWAVE_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(shot.save(QDir(dir).filePath(screenshot)));
        }
    }
};

QTEST_MAIN(TestRealWindow)
#include "tst_realwindow.moc"
