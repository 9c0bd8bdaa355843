// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "mainwindow.h"
#include "resultsmodel.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace {
QAction *action(const MainWindow &window, const char *name)
{
    auto *found = window.findChild<QAction *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no action %s", name);
    return found;
}
} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansAPastedListIntoLiveRows()
    {
        // Three blogs on loopback fake servers, pasted as a user would, with junk around them.
        std::vector<std::unique_ptr<FakeHttpServer>> servers;
        QString list = QStringLiteral("# my reading list\n");
        for (int i = 0; i < 3; ++i) {
            auto server = std::make_unique<FakeHttpServer>();
            QVERIFY(server->start());
            server->html("/", FakeBlog::frontPage("/newest.html"), 50 * i);
            server->html("/newest.html", FakeBlog::article("Headline <b>" + QByteArray::number(i) + "</b>"), 30);
            list += QStringLiteral("- %1 (blog %2)\n").arg(server->url().toString()).arg(i);
            servers.push_back(std::move(server));
        }
        MainWindow window;
        window.show();
        window.setBlogListText(list);
        QSignalSpy finished(window.scan(), &Scan::finished);
        action(window, "startAction")->trigger();
        QVERIFY(finished.wait(10000));
        window.model()->flush();

        ResultsModel *model = window.model();
        QCOMPARE(model->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            const QString expected = QStringLiteral("Headline <b>%1</b>").arg(row);
            QCOMPARE(model->index(row, ResultsModel::Status).data().toString(), QStringLiteral("OK"));
            QCOMPARE(model->index(row, ResultsModel::Title).data().toString(), expected);
            QCOMPARE(model->index(row, ResultsModel::Article).data().toString(),
                     servers[std::size_t(row)]->url(QStringLiteral("/newest.html")).toString());
            QVERIFY(model->index(row, ResultsModel::TotalMs).data().toLongLong() >= 30);
        }
        auto *label = window.findChild<QLabel *>(QStringLiteral("progressLabel"));
        QTRY_VERIFY2(label->text().startsWith(QStringLiteral("3 of 3 done, 0 failed")), qPrintable(label->text()));
    }

    void enablesStartOnlyWithAList()
    {
        MainWindow window;
        QVERIFY(!action(window, "startAction")->isEnabled());
        QVERIFY(!action(window, "stopAction")->isEnabled());
        QVERIFY(!action(window, "exportAction")->isEnabled());
        QVERIFY(action(window, "importAction")->isEnabled());
        QVERIFY(action(window, "quitAction")->isEnabled());

        window.setBlogListText(QStringLiteral("https://example.org/\n"));
        QCOMPARE(window.blogListText(), QStringLiteral("https://example.org/\n"));
        QVERIFY(action(window, "startAction")->isEnabled());
        window.setBlogListText(QString());
        QVERIFY(!action(window, "startAction")->isEnabled());
    }

    void hasTheAdvertisedShortcuts()
    {
        MainWindow window;
        QCOMPARE(action(window, "startAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(action(window, "stopAction")->shortcut(), QKeySequence(Qt::Key_Escape));
        QCOMPARE(action(window, "exportAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QCOMPARE(action(window, "quitAction")->shortcut(), QKeySequence(QKeySequence::Quit));
    }

    void scansInvalidAddressesWithoutTheNetwork()
    {
        MainWindow window;
        window.setBlogListText(QStringLiteral("# two bad ones\nftp://x\nnot a url\n"));
        QSignalSpy finished(window.scan(), &Scan::finished);
        window.startScan();
        QVERIFY(finished.count() == 1 || finished.wait(5000));

        ResultsModel *model = window.model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->result(0).status, BlogStatus::UnsupportedScheme);
        QCOMPARE(model->result(1).status, BlogStatus::InvalidUrl);
        QVERIFY(model->result(0).timings.isEmpty());
        QVERIFY(model->result(1).timings.isEmpty());
        QCOMPARE(window.scan()->failedCount(), 2);

        QVERIFY(action(window, "startAction")->isEnabled());
        QVERIFY(!action(window, "stopAction")->isEnabled());
        QVERIFY(action(window, "exportAction")->isEnabled());

        auto *label = window.findChild<QLabel *>(QStringLiteral("progressLabel"));
        QVERIFY(label);
        QVERIFY2(label->text().startsWith(QStringLiteral("2 of 2 done, 2 failed, elapsed ")),
                 qPrintable(label->text()));
        auto *progress = window.findChild<QProgressBar *>(QStringLiteral("progressBar"));
        QVERIFY(progress);
        QCOMPARE(progress->value(), progress->maximum());
    }

    void passesMaxInFlightToTheScan()
    {
        MainWindow window;
        auto *spinBox = window.findChild<QSpinBox *>(QStringLiteral("maxInFlightSpinBox"));
        QVERIFY(spinBox);
        QCOMPARE(spinBox->value(), 0); // automatic
        spinBox->setValue(3);
        window.setBlogListText(QStringLiteral("ftp://x\n"));
        QSignalSpy finished(window.scan(), &Scan::finished);
        window.startScan();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(window.scan()->options().fetch.maxInFlight, 3);
    }

    void stopCancelsARunningScan()
    {
        // A loopback listener that never answers keeps the scan running until it is stopped.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        MainWindow window;
        window.setBlogListText(QStringLiteral("http://127.0.0.1:%1/\nftp://x\n").arg(silent.serverPort()));
        QSignalSpy finished(window.scan(), &Scan::finished);
        window.startScan();
        QVERIFY(window.scan()->isRunning());
        QVERIFY(!action(window, "startAction")->isEnabled());
        QVERIFY(action(window, "stopAction")->isEnabled());
        QVERIFY(!action(window, "importAction")->isEnabled());
        QVERIFY(!action(window, "exportAction")->isEnabled());
        QVERIFY(!window.findChild<QSpinBox *>(QStringLiteral("maxInFlightSpinBox"))->isEnabled());

        auto *label = window.findChild<QLabel *>(QStringLiteral("progressLabel"));
        QTRY_VERIFY2(label->text().startsWith(QStringLiteral("1 of 2 done, 1 failed")), qPrintable(label->text()));
        QTRY_COMPARE(window.model()->result(0).status, BlogStatus::Running);

        action(window, "stopAction")->trigger();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(window.model()->result(0).status, BlogStatus::Cancelled);
        QCOMPARE(window.model()->result(1).status, BlogStatus::UnsupportedScheme);
        QVERIFY(action(window, "startAction")->isEnabled());
        QVERIFY(!action(window, "stopAction")->isEnabled());
        QVERIFY(label->text().startsWith(QStringLiteral("2 of 2 done, 2 failed")));
    }

    void canBeDestroyedWhileScanning()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        auto window = std::make_unique<MainWindow>();
        window->setBlogListText(
            QStringLiteral("http://127.0.0.1:%1/a\nhttp://127.0.0.1:%1/b\n").arg(silent.serverPort()));
        window->startScan();
        QVERIFY(window->scan()->isRunning());
        QTRY_COMPARE(window->model()->result(1).status, BlogStatus::Running);
        window.reset();
        QTest::qWait(50); // nothing queued may reach the dead window
    }

    void startsFromTheKeyboardWhileEditing()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *editor = window.findChild<QPlainTextEdit *>(QStringLiteral("blogListEditor"));
        QVERIFY(editor);
        editor->setFocus();
        window.setBlogListText(QStringLiteral("ftp://x\n"));
        QSignalSpy started(window.scan(), &Scan::started);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(started.count(), 1);
        QCOMPARE(window.blogListText(), QStringLiteral("ftp://x\n")); // no newline typed
    }

    void importsAListFileIntoTheEditor()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("blogs.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("https://a.example/\n# a comment\nhttps://b.example/\n");
        file.close();

        MainWindow window;
        window.importFile(path);
        const QString text = window.blogListText();
        QVERIFY2(text.contains(QStringLiteral("https://a.example/")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("https://b.example/")), qPrintable(text));
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());
        QVERIFY(action(window, "startAction")->isEnabled());
    }

    void doesNotStartWithoutBlogs()
    {
        MainWindow window;
        window.setBlogListText(QStringLiteral("# only a comment\n\n"));
        QSignalSpy started(window.scan(), &Scan::started);
        window.startScan();
        QCOMPARE(started.count(), 0);
        QVERIFY(!window.scan()->isRunning());
        QCOMPARE(window.model()->rowCount(), 0);
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());
    }

    void labelsControlsForAssistiveTechnology()
    {
        MainWindow window;
        for (const char *name :
             { "blogListEditor", "resultsView", "maxInFlightSpinBox", "progressBar", "progressLabel" }) {
            auto *widget = window.findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
    }

    void sortsTheTableThroughTheSortRole()
    {
        MainWindow window;
        auto *view = window.findChild<QTableView *>(QStringLiteral("resultsView"));
        QVERIFY(view);
        QVERIFY(view->isSortingEnabled());
        QVERIFY(view->model() != window.model());
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        QVERIFY(proxy);
        QCOMPARE(proxy->sortRole(), int(ResultsModel::SortRole));
        QCOMPARE(proxy->sortColumn(), -1); // list order until the user sorts
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
