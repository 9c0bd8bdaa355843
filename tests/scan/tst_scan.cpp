// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "scan/scan.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <sys/resource.h>
#include <vector>

namespace {
/// Counts requests in flight across many servers: the number the whole scan had at once.
class InFlightCounter
{
public:
    void watch(HttpServer &server)
    {
        QObject::connect(&server, &HttpServer::requestReceived, [this] { m_peak = std::max(m_peak, ++m_now); });
        QObject::connect(&server, &HttpServer::requestAnswered, [this] { --m_now; });
    }
    int peak() const { return m_peak; }

private:
    int m_now = 0;
    int m_peak = 0;
};

struct Blogs {
    std::vector<std::unique_ptr<FakeHttpServer>> servers;
    QList<BlogEntry> entries;
};

// @p count blogs, each on its own server, front page and article answering after @p delayMs.
Blogs makeBlogs(int count, int delayMs)
{
    Blogs blogs;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<FakeHttpServer>();
        if (!server->start())
            return {};
        const QByteArray title = "Post number " + QByteArray::number(i);
        server->html("/", FakeBlog::frontPage("/post.html"), delayMs);
        server->html("/post.html", FakeBlog::article(title), delayMs);
        BlogEntry entry;
        entry.url = server->url();
        blogs.entries.append(entry);
        blogs.servers.push_back(std::move(server));
    }
    return blogs;
}

// Nice values of this process's pool threads (QThreadPool names them "Thread (pooled)"), from
// /proc/self/task/*/stat (the 19th field).
QList<int> pooledThreadNiceValues()
{
    QList<int> values;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "Thread (pooled)"
            || !stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // After "pid (comm) ": field 3 (state) is the first, so field 19 is the 17th.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        values.append(fields.value(16).toInt());
    }
    return values;
}

bool waitForScan(Scan &scan, int timeoutMs = 20000)
{
    QSignalSpy finished(&scan, &Scan::finished);
    return finished.wait(timeoutMs);
}
} // namespace

class TestScan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansFiftyBlogsAllAtOnce()
    {
        Blogs blogs = makeBlogs(50, 200);
        QCOMPARE(blogs.servers.size(), 50u);
        InFlightCounter counter;
        for (auto &server : blogs.servers)
            counter.watch(server->server());

        Scan scan;
        scan.start(blogs.entries);
        QVERIFY(waitForScan(scan));

        const QList<BlogResult> results = scan.results();
        QCOMPARE(results.size(), 50);
        for (int i = 0; i < results.size(); ++i) {
            const BlogResult &result = results.at(i);
            QCOMPARE(result.status, BlogStatus::Ok);
            QCOMPARE(result.title, QStringLiteral("Post number %1").arg(i));
            QCOMPARE(result.articleUrl, blogs.servers[std::size_t(i)]->url(QStringLiteral("/post.html")));
            QCOMPARE(result.foundVia, QStringLiteral("rel-bookmark"));
            QCOMPARE(result.timings.size(), 2);
        }
        // Every front page was in flight at the same moment: no blog waited for another.
        QCOMPARE(counter.peak(), 50);
        QCOMPARE(scan.peakRequestsInFlight(), 50);
    }

    void articleLeavesBeforeOtherBlogsFrontPageIsAnswered()
    {
        // Blog A: fast front page, slow article. Blog B: slow front page. With a barrier between
        // phases, A's article would wait for B's front page.
        FakeHttpServer a;
        FakeHttpServer b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        a.html("/", FakeBlog::frontPage("/a.html"), 20);
        a.html("/a.html", FakeBlog::article("A's post"), 600);
        b.html("/", FakeBlog::frontPage("/b.html"), 500);
        b.html("/b.html", FakeBlog::article("B's post"), 20);

        bool bFrontPagePendingWhenAArticleArrived = false;
        bool aArticleArrived = false;
        connect(&a, &FakeHttpServer::requestReceived, this, [&](const QByteArray &path) {
            if (path == "/a.html") {
                aArticleArrived = true;
                bFrontPagePendingWhenAArticleArrived = b.server().requestsInFlight() == 1;
            }
        });

        Scan scan;
        scan.start({ BlogEntry { a.url(), {}, {}, {}, {}, 1, {} }, BlogEntry { b.url(), {}, {}, {}, {}, 2, {} } });
        QVERIFY(waitForScan(scan));
        QVERIFY(aArticleArrived);
        QVERIFY(bFrontPagePendingWhenAArticleArrived);
        const QList<BlogResult> results = scan.results();
        QCOMPARE(results.at(0).title, QStringLiteral("A's post"));
        QCOMPARE(results.at(1).title, QStringLiteral("B's post"));
        // A's article started long before B's front page ended.
        QVERIFY(results.at(0).timings.at(1).startMs < results.at(1).timings.at(0).endMs);
    }

    void parserThreadsTakeTheNiceValueAsked()
    {
        const int base = getpriority(PRIO_PROCESS, 0); // what new threads start with
        Blogs blogs = makeBlogs(6, 0);
        QVERIFY(!blogs.entries.isEmpty());
        {
            Scan scan; // headless default: parsers keep the normal priority
            scan.start(blogs.entries);
            QVERIFY(waitForScan(scan));
            const QList<int> values = pooledThreadNiceValues();
            QVERIFY(!values.isEmpty());
            for (const int value : values)
                QCOMPARE(value, base);
        }
        Scan scan;
        ScanOptions options;
        options.parserNice = 7; // the window's choice, as any value
        scan.setOptions(options);
        scan.start(blogs.entries);
        QVERIFY(waitForScan(scan));
        const QList<int> values = pooledThreadNiceValues();
        // Raising one's own nice value needs no privilege; lowering it would, so never below base.
        QVERIFY2(values.contains(std::max(base, 7)), qPrintable(QString::number(values.size())));
        for (const int value : values)
            QVERIFY(value == base || value == std::max(base, 7)); // a thread that ran no job keeps base
    }

    void oneRequestInFlightScansOneAtATime()
    {
        Blogs blogs = makeBlogs(5, 20);
        InFlightCounter counter;
        for (auto &server : blogs.servers)
            counter.watch(server->server());
        Scan scan;
        ScanOptions options;
        options.fetch.maxInFlight = 1;
        scan.setOptions(options);
        scan.start(blogs.entries);
        QVERIFY(waitForScan(scan));
        QCOMPARE(counter.peak(), 1);
        for (const BlogResult &result : scan.results())
            QCOMPARE(result.status, BlogStatus::Ok);
    }

    void followsTheListsFeedWhenThePageNamesNoArticle()
    {
        // An OPML list gives each blog's feed (xmlUrl); a page with no article markup and no
        // feed link of its own still finds its newest article through it.
        FakeHttpServer server;
        QVERIFY(server.start());
        server.html("/", "<!doctype html><title>App shell</title><div id=app></div>");
        HttpResponse feed;
        feed.contentType = "application/rss+xml";
        feed.body
            = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>B</title>"
              "<item><title>Old</title><link>/old.html</link><pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate></item>"
              "<item><title>New</title><link>/new.html</link><pubDate>Fri, 20 Nov 2026 10:00:00 +0000</pubDate></item>"
              "</channel></rss>";
        server.route("/feeds/main.xml", feed);
        server.html("/new.html", FakeBlog::article("Through the list's feed"));
        BlogEntry entry;
        entry.url = server.url();
        entry.feedUrl = server.url(QStringLiteral("/feeds/main.xml"));
        Scan scan;
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        const BlogResult result = scan.results().constFirst();
        QCOMPARE(result.status, BlogStatus::Ok);
        QCOMPARE(result.foundVia, QStringLiteral("feed"));
        QCOMPARE(result.title, QStringLiteral("Through the list's feed"));
        QCOMPARE(result.timings.size(), 3);
        QCOMPARE(result.timings.at(1).kind, RequestKind::Feed);
    }

    void badAddressesFailWithoutTouchingTheNetwork_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<BlogStatus>("status");
        QTest::addRow("file scheme") << QUrl(QStringLiteral("file:///etc/passwd")) << BlogStatus::UnsupportedScheme;
        QTest::addRow("ftp scheme") << QUrl(QStringLiteral("ftp://127.0.0.1/")) << BlogStatus::UnsupportedScheme;
        QTest::addRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)")) << BlogStatus::UnsupportedScheme;
        QTest::addRow("empty") << QUrl() << BlogStatus::InvalidUrl;
        QTest::addRow("relative") << QUrl(QStringLiteral("just words")) << BlogStatus::InvalidUrl;
        QTest::addRow("no host") << QUrl(QStringLiteral("http://")) << BlogStatus::InvalidUrl;
    }

    void badAddressesFailWithoutTouchingTheNetwork()
    {
        QFETCH(QUrl, url);
        QFETCH(BlogStatus, status);
        Scan scan;
        BlogEntry entry;
        entry.url = url;
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        const BlogResult result = scan.results().constFirst();
        QCOMPARE(result.status, status);
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.timings.isEmpty());
    }

    void httpErrorIsReportedWithItsStatus()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        BlogEntry entry;
        entry.url = server.url(QStringLiteral("/missing"));
        Scan scan;
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        const BlogResult result = scan.results().constFirst();
        QCOMPARE(result.status, BlogStatus::HttpError);
        QCOMPARE(result.httpStatus, 404);
        QVERIFY(result.error.contains(QStringLiteral("404")));
    }

    void silentServerTimesOut()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse hang;
        hang.delivery = HttpResponse::Delivery::Hang;
        server.route("/", hang);
        Scan scan;
        ScanOptions options;
        options.fetch.timeoutMs = 500;
        scan.setOptions(options);
        BlogEntry entry;
        entry.url = server.url();
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        QCOMPARE(scan.results().constFirst().status, BlogStatus::Timeout);
        // Given up on after the timeout and within a second of it, by the engine's own clock.
        const qint64 waited = scan.results().constFirst().timings.constFirst().durationMs();
        QVERIFY2(waited >= 500 && waited <= 500 + 1000, qPrintable(QString::number(waited)));
    }

    void stopCancelsEveryUnfinishedBlog()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse hang;
        hang.delivery = HttpResponse::Delivery::Hang;
        server.route("/", hang);
        QList<BlogEntry> entries;
        for (int i = 0; i < 20; ++i) {
            BlogEntry entry;
            entry.url = server.url(QStringLiteral("/?blog=%1").arg(i));
            entries.append(entry);
        }
        Scan scan;
        scan.start(entries);
        QTRY_VERIFY(server.server().requestsInFlight() > 0);
        QSignalSpy finished(&scan, &Scan::finished);
        scan.stop();
        QVERIFY(finished.wait(5000));
        for (const BlogResult &result : scan.results())
            QCOMPARE(result.status, BlogStatus::Cancelled);
        QVERIFY(!scan.isRunning());
        // And the scan can run again.
        server.html("/ok", FakeBlog::frontPage("/post.html"));
        server.html("/post.html", FakeBlog::article("Again"));
        BlogEntry again;
        again.url = server.url(QStringLiteral("/ok"));
        scan.start({ again });
        QVERIFY(waitForScan(scan));
        QCOMPARE(scan.results().constFirst().title, QStringLiteral("Again"));
    }

    void stopCountsCancelledBlogsApartFromFailures()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse hang;
        hang.delivery = HttpResponse::Delivery::Hang;
        server.route("/hang", hang);
        server.html("/ok", FakeBlog::frontPage("/post.html"));
        server.html("/post.html", FakeBlog::article("Done"));
        QList<BlogEntry> entries;
        BlogEntry ok;
        ok.url = server.url(QStringLiteral("/ok"));
        entries.append(ok);
        BlogEntry invalid;
        invalid.input = QStringLiteral("not a blog");
        entries.append(invalid);
        for (int i = 0; i < 5; ++i) {
            BlogEntry entry;
            entry.url = server.url(QStringLiteral("/hang?blog=%1").arg(i));
            entries.append(entry);
        }
        Scan scan;
        scan.start(entries);
        QTRY_COMPARE(scan.finishedCount(), 2); // the ok blog and the invalid one
        QTRY_COMPARE(server.server().requestsInFlight(), 5);
        QSignalSpy finished(&scan, &Scan::finished);
        scan.stop();
        QVERIFY(finished.wait(5000));
        // Stopped is not failed: the one invalid line failed, the five stopped blogs are cancelled.
        QCOMPARE(scan.finishedCount(), 7);
        QCOMPARE(scan.failedCount(), 1);
        QCOMPARE(scan.cancelledCount(), 5);
        QVERIFY(!BlogStatusText::isFailure(BlogStatus::Cancelled));
        QVERIFY(BlogStatusText::isFinal(BlogStatus::Cancelled));
        QVERIFY(BlogStatusText::isFailure(BlogStatus::Timeout));
        QCOMPARE(BlogStatusText::code(BlogStatus::Cancelled), QStringLiteral("cancelled"));
    }

    void labelsTellHttpErrorsApart()
    {
        QCOMPARE(BlogStatusText::label(BlogStatus::HttpError, 404), QStringLiteral("HTTP 404"));
        QCOMPARE(BlogStatusText::label(BlogStatus::HttpError, 503), QStringLiteral("HTTP 503"));
        QCOMPARE(BlogStatusText::label(BlogStatus::HttpError, 302), QStringLiteral("Redirect loop"));
        QCOMPARE(BlogStatusText::label(BlogStatus::Timeout, 0), BlogStatusText::label(BlogStatus::Timeout));
        // The CSV keeps one code for all of them.
        QCOMPARE(BlogStatusText::code(BlogStatus::HttpError), QStringLiteral("http_error"));
    }

    void sharedHostIsQueuedNotTimedOut()
    {
        // Qt counts time queued behind its 6 connections per host against the transfer timeout;
        // our per-host queue must keep 30 blogs on one host from timing out.
        FakeHttpServer server;
        QVERIFY(server.start());
        QList<BlogEntry> entries;
        for (int i = 0; i < 30; ++i) {
            const QByteArray path = "/blog" + QByteArray::number(i) + "/";
            const QByteArray post = "/blog" + QByteArray::number(i) + "/post.html";
            server.html(path, FakeBlog::frontPage(post), 150);
            server.html(post, FakeBlog::article("Shared " + QByteArray::number(i)), 150);
            BlogEntry entry;
            entry.url = server.url(QString::fromLatin1(path));
            entries.append(entry);
        }
        Scan scan;
        ScanOptions options;
        options.fetch.timeoutMs = 1000; // far less than 30 blogs x 2 requests x 150 ms / 6
        scan.setOptions(options);
        scan.start(entries);
        QVERIFY(waitForScan(scan));
        for (const BlogResult &result : scan.results())
            QCOMPARE(result.status, BlogStatus::Ok);
        QVERIFY(server.peakRequestsInFlight() <= 6);
    }
};

QTEST_GUILESS_MAIN(TestScan)
#include "tst_scan.moc"
