// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/languageloader.h"
#include "mainwindow.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTcpServer>
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
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("screenshot");
        QTest::addRow("English 1280x720") << QStringLiteral("en") << QStringLiteral("Status") << QSize(1280, 720)
                                          << QStringLiteral("main-window.png");
        QTest::addRow("English 1100x650") << QStringLiteral("en") << QStringLiteral("Status") << QSize(1100, 650)
                                          << QStringLiteral("main-window-1100.png");
        QTest::addRow("French 1280x720") << QStringLiteral("fr") << QStringLiteral("État") << QSize(1280, 720)
                                         << QStringLiteral("main-window-fr.png");
        QTest::addRow("German 1100x650") << QStringLiteral("de") << QStringLiteral("Status") << QSize(1100, 650)
                                         << QString();
    }

    void runsTheDemoInAnXcbWindow()
    {
        QFETCH(QString, language);
        QFETCH(QString, statusHeader);
        QFETCH(QSize, size);
        QFETCH(QString, screenshot);
        // As main() does for --lang: before the window exists.
        LanguageLoader::apply(LanguageLoader::localeFor(language));
        MainWindow window;
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), size);
        QSignalSpy finished(window.session(), &ScanSession::finished);
        window.runDemo();
        QVERIFY(finished.wait(15000));
        window.model()->flush();
        QCOMPARE(window.model()->rowCount(), 6);
        QCOMPARE(window.model()->headerData(ResultsModel::Status, Qt::Horizontal).toString(), statusHeader);
        for (int row = 0; row < window.model()->rowCount(); ++row)
            QCOMPARE(window.model()->result(row).status, BlogStatus::Ok);
        auto *table = window.findChild<QTableView *>(QStringLiteral("resultsView"));
        QVERIFY(table);
        table->selectRow(0); // the details panel shows the first blog's requests
        QTest::qWait(300); // let the last repaint reach the X server
        verifyTitlesReadInFull(*table);

        // What the X server shows, not just what Qt renders offscreen.
        const QPixmap shot = window.screen()->grabWindow(window.winId());
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), window.size() * window.devicePixelRatio());
        saveScreenshot(shot, screenshot);
    }

    void explainsFailuresWhereTheTitlesAre()
    {
        LanguageLoader::apply(LanguageLoader::localeFor(QStringLiteral("en")));
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.session(), &ScanSession::finished);
        window.runDemo();
        QVERIFY(finished.wait(15000));
        // The demo's blogs, a page the demo does not have, a port nobody listens on and lines that are
        // no address: every failure explained in its row.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        const QUrl demo = window.model()->result(0).blogUrl;
        QString list = window.blogListText();
        list += demo.resolved(QUrl(QStringLiteral("/no-such-blog/"))).toString() + QLatin1Char('\n');
        list += QStringLiteral("http://127.0.0.1:%1/\n").arg(closedPort);
        list += QStringLiteral("http://a b.com/\n");
        list += demo.resolved(QUrl(QStringLiteral("/xpath-typo/"))).toString() + QStringLiteral("\t//a[@rel=\n");
        window.setBlogListText(list);
        window.startScan();
        QVERIFY(finished.wait(15000));
        window.model()->flush();
        QCOMPARE(window.model()->rowCount(), 10);
        auto *table = window.findChild<QTableView *>(QStringLiteral("resultsView"));
        for (int row = 6; row < 10; ++row) {
            const BlogResult result = window.model()->result(row);
            QVERIFY2(isFailureStatus(result.status), qPrintable(QString::number(row)));
            // The reason where the title would be.
            QCOMPARE(window.model()->index(row, ResultsModel::Title).data().toString(),
                     ResultsModel::cellText(result.error));
        }
        QCOMPARE(window.model()->index(6, ResultsModel::Status).data().toString(), QStringLiteral("HTTP 404"));
        QCOMPARE(window.model()->index(8, ResultsModel::Blog).data().toString(), QStringLiteral("http://a b.com/"));
        table->selectRow(9);
        QTest::qWait(300);
        saveScreenshot(window.screen()->grabWindow(window.winId()), QStringLiteral("main-window-failures.png"));
    }

private:
    // Every title is shown whole: its text fits its cell, no horizontal scrollbar, Title the widest.
    static void verifyTitlesReadInFull(const QTableView &table)
    {
        const QHeaderView *header = table.horizontalHeader();
        QVERIFY(!table.horizontalScrollBar()->isVisible());
        const int titleWidth = header->sectionSize(ResultsModel::Title);
        for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
            if (column != ResultsModel::Title && !header->isSectionHidden(column))
                QVERIFY2(titleWidth > header->sectionSize(column),
                         qPrintable(QStringLiteral("Title %1 px, column %2 %3 px")
                                        .arg(titleWidth)
                                        .arg(column)
                                        .arg(header->sectionSize(column))));
        }
        // The text margins of an item view cell, as QCommonStyle lays them out.
        const int margin = table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, &table) + 1;
        const QAbstractItemModel *model = table.model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, ResultsModel::Title);
            const QString title = index.data().toString();
            QVERIFY(!title.isEmpty());
            QFont font = table.font();
            if (const QVariant roleFont = index.data(Qt::FontRole); roleFont.isValid())
                font = font.resolve(roleFont.value<QFont>());
            const int textWidth = QFontMetrics(font).horizontalAdvance(title);
            QVERIFY2(textWidth + 2 * margin <= table.visualRect(index).width(),
                     qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                    .arg(title)
                                    .arg(textWidth + 2 * margin)
                                    .arg(table.visualRect(index).width())));
        }
    }

    static void saveScreenshot(const QPixmap &shot, const QString &name)
    {
        const QString dir = qEnvironmentVariable("TITLEWAVE_SCREENSHOT_DIR");
        if (dir.isEmpty() || name.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(shot.save(QDir(dir).filePath(name)));
    }
};

QTEST_MAIN(TestRealWindow)
#include "tst_realwindow.moc"
