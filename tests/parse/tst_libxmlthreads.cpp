// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/feedreader.h"
#include "parse/frontpagescanner.h"
#include "parse/htmldocument.h"

#include <QProcess>
#include <QTest>

#include <cstring>
#include <latch>
#include <thread>
#include <vector>

namespace {
constexpr int kThreads = 8;
constexpr int kProcesses = 200;

/// What a fresh process does when the scan starts: several parser threads meet libxml2 for the
/// first time at the same instant (no xmlInitParser() beforehand: the core must see to it).
int raceFirstParses()
{
    const QByteArray page
        = QByteArrayLiteral("<html><head><title>T</title></head><body><article>"
                            "<h2><a rel=\"bookmark\" href=\"/post\">Post</a></h2></article></body></html>");
    const QByteArray feed = QByteArrayLiteral("<rss version=\"2.0\"><channel><title>F</title><item><title>Entry</title>"
                                              "<link>https://a.example/e</link></item></channel></rss>");
    const QUrl url(QStringLiteral("https://a.example/"));
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    std::atomic<int> found { 0 };
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            if (i % 3 == 0)
                found += FeedReader::read(feed, url).entries.size() == 1 ? 1 : 0;
            else if (i % 3 == 1)
                found += HtmlDocument(page, "text/html", url).root() ? 1 : 0;
            else
                found += FrontPageScanner::scan(page, page.size(), url).complete ? 1 : 0;
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    return found == kThreads ? 0 : 1;
}
} // namespace

class TestLibXmlThreads final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstParsesOnManyThreadsAtOnceNeverDeadlock()
    {
        // libxml2 2.9 makes its dictionary lock lazily: two threads making their first parser at
        // once could each make one, and both then waited forever. A fresh process each time, as
        // only the first parses race.
        for (int i = 0; i < kProcesses; ++i) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--race-first-parses") });
            QVERIFY(child.waitForStarted(10000));
            if (!child.waitForFinished(10000)) {
                child.kill();
                child.waitForFinished();
                QFAIL(qPrintable(QStringLiteral("run %1: the parser threads never finished (deadlock)").arg(i + 1)));
            }
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        }
    }
};

int main(int argc, char *argv[])
{
    if (argc == 2 && std::strcmp(argv[1], "--race-first-parses") == 0)
        return raceFirstParses();
    QCoreApplication app(argc, argv);
    TestLibXmlThreads test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_libxmlthreads.moc"
