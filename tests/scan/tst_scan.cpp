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

    void tricklingServerIsEndedByTheDeadline()
    {
        // Never silent for long (a byte every 100 ms, well inside the silence limit), never done.
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse trickle;
        trickle.body = FakeBlog::frontPage("/post.html").repeated(20);
        trickle.delivery = HttpResponse::Delivery::Trickle;
        trickle.trickleIntervalMs = 100;
        server.route("/", trickle);
        Scan scan;
        ScanOptions options;
        options.fetch.timeoutMs = 15000;
        options.fetch.deadlineMs = 700;
        scan.setOptions(options);
        BlogEntry entry;
        entry.url = server.url();
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        const BlogResult result = scan.results().constFirst();
        QCOMPARE(result.status, BlogStatus::Timeout);
        QVERIFY2(result.error.contains(QStringLiteral("deadline")), qPrintable(result.error));
        QCOMPARE(result.timings.size(), 1);
        QVERIFY(result.timings.constFirst().durationMs() >= 700);
    }

    void cookieCheckPassesAndCookiesStayWithTheirBlog()
    {
        // Blog A is behind a cookie check: without its cookie every page answers Set-Cookie and a
        // 302 to itself; with it, the page. Blog B, on the same server, sets nothing.
        FakeHttpServer server;
        QVERIFY(server.start());
        QHash<QByteArray, QList<QByteArray>> cookiesSeen; // path -> Cookie header of each request
        server.server().setHandler([&cookiesSeen](const HttpRequest &request) {
            const QByteArray cookie = request.headers.value("cookie");
            cookiesSeen[request.path].append(cookie);
            HttpResponse response;
            if (request.path.startsWith("/a/") && !cookie.contains("gate=passed")) {
                response = FakeBlog::redirect(request.path);
                response.headers.append(
                    qMakePair(QByteArray("Set-Cookie"), QByteArray("gate=passed; Path=/; HttpOnly")));
            } else if (request.path == "/a/" || request.path == "/b/") {
                response.body = FakeBlog::frontPage(request.path + "post.html");
            } else if (request.path == "/a/post.html") {
                response.body = FakeBlog::article("Behind the gate");
            } else if (request.path == "/b/post.html") {
                response.body = FakeBlog::article("Open to all");
            } else {
                response.status = 404;
            }
            return response;
        });
        BlogEntry a;
        a.url = server.url(QStringLiteral("/a/"));
        BlogEntry b;
        b.url = server.url(QStringLiteral("/b/"));

        Scan scan;
        scan.start({ a, b });
        QVERIFY(waitForScan(scan));
        const BlogResult gated = scan.results().at(0);
        QCOMPARE(gated.status, BlogStatus::Ok);
        QCOMPARE(gated.title, QStringLiteral("Behind the gate"));
        QCOMPARE(scan.results().at(1).title, QStringLiteral("Open to all"));
        // One 302 for the front page; the article went out with the cookie at once.
        QCOMPARE(cookiesSeen.value("/a/"), (QList<QByteArray> { QByteArray(), "gate=passed" }));
        QCOMPARE(cookiesSeen.value("/a/post.html"), QList<QByteArray> { "gate=passed" });

        // The same scan (one network manager) again, blog B alone, after A holds its cookie: B
        // gets nothing of A's, and A's cookie is gone with A's chain.
        cookiesSeen.clear();
        scan.start({ b, a });
        QVERIFY(waitForScan(scan));
        QCOMPARE(scan.results().at(0).status, BlogStatus::Ok);
        QCOMPARE(cookiesSeen.value("/b/"), QList<QByteArray> { QByteArray() });
        QCOMPARE(cookiesSeen.value("/b/post.html"), QList<QByteArray> { QByteArray() });
        QCOMPARE(cookiesSeen.value("/a/").constFirst(), QByteArray());
    }

    void aCookieStaysWithTheHostThatSetIt()
    {
        // 127.0.0.1 sets a cookie and redirects to 127.0.0.2 (another host to cookies, though
        // both are this machine): neither that hop nor the article there carries it, while the
        // article carries the cookie 127.0.0.2's own front page set.
        HttpServer other;
        QList<QByteArray> cookiesAtOther;
        other.setHandler([&cookiesAtOther](const HttpRequest &request) {
            cookiesAtOther.append(request.headers.value("cookie"));
            HttpResponse response;
            response.body = request.path == "/" ? FakeBlog::frontPage("/post.html") : FakeBlog::article("Elsewhere");
            response.headers.append(qMakePair(QByteArray("Set-Cookie"), QByteArray("other=2; Path=/")));
            return response;
        });
        QVERIFY(other.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
        FakeHttpServer first;
        QVERIFY(first.start());
        HttpResponse moved = FakeBlog::redirect(other.url().toEncoded());
        moved.headers.append(qMakePair(QByteArray("Set-Cookie"), QByteArray("first=1; Path=/")));
        first.route("/", moved);
        BlogEntry entry;
        entry.url = first.url();
        Scan scan;
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        QCOMPARE(scan.results().constFirst().title, QStringLiteral("Elsewhere"));
        QCOMPARE(cookiesAtOther, (QList<QByteArray> { QByteArray(), "other=2" }));
    }

    void cookieCheckThatNeverLetsInIsARedirectLoop()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse gate = FakeBlog::redirect("/");
        gate.headers.append(qMakePair(QByteArray("Set-Cookie"), QByteArray("gate=passed; Path=/")));
        server.route("/", gate);
        BlogEntry entry;
        entry.url = server.url();
        Scan scan;
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        QCOMPARE(scan.results().constFirst().status, BlogStatus::HttpError);
        QVERIFY(scan.results().constFirst().error.contains(QStringLiteral("redirect")));
        QCOMPARE(server.requestCount(), FetchPolicy().maxRedirects + 1);
    }

    void giantArticleWithItsHeadlineAtTheTopGivesItsHeadline()
    {
        // 8 MB of article under a 1 MB cap: its headline is certain in the first kilobytes, so
        // reading stops there and the cap is never reached. A front page that size is still too
        // large: its newest article could be anywhere in it.
        constexpr qint64 kCap = 1024 * 1024;
        const QByteArray filler = QByteArray("<p>") + QByteArray(8 * kCap, 'x') + "</p>";
        QByteArray giant = FakeBlog::article("Headline first");
        giant.insert(giant.indexOf("</article>"), filler);
        FakeHttpServer server;
        QVERIFY(server.start());
        server.html("/", FakeBlog::frontPage("/giant.html"));
        server.html("/giant.html", giant);
        server.html("/giant/", FakeBlog::frontPage("/post.html") + filler);

        Scan scan;
        ScanOptions options;
        options.fetch.maxBodyBytes = kCap;
        scan.setOptions(options);
        BlogEntry article;
        article.url = server.url();
        BlogEntry front;
        front.url = server.url(QStringLiteral("/giant/"));
        scan.start({ article, front });
        QVERIFY(waitForScan(scan));
        const BlogResult result = scan.results().at(0);
        QCOMPARE(result.status, BlogStatus::Ok);
        QCOMPARE(result.title, QStringLiteral("Headline first"));
        QVERIFY(result.timings.last().bytes < kCap);
        QCOMPARE(scan.results().at(1).status, BlogStatus::TooLarge);
    }

    void unchangedFrontPageKeepsTheRememberedArticle()
    {
        // The front page answers 304 to its ETag: the row is the remembered article and title,
        // and the article is not fetched. A changed page (another ETag) is scanned as ever.
        FakeHttpServer server;
        QVERIFY(server.start());
        QList<QByteArray> conditions; // If-None-Match of each front page request
        server.server().setHandler([&conditions](const HttpRequest &request) {
            HttpResponse response;
            if (request.path.startsWith("/?")) {
                conditions.append(request.headers.value("if-none-match"));
                response.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"v2\"")));
                if (request.headers.value("if-none-match") == "\"v2\"") {
                    response.status = 304;
                    return response;
                }
                response.body = FakeBlog::frontPage("/post.html");
            } else {
                response.body = FakeBlog::article("Fresh post");
            }
            return response;
        });
        BlogEntry unchanged;
        unchanged.url = server.url(QStringLiteral("/?blog=unchanged"));
        unchanged.memory.articleUrl = server.url(QStringLiteral("/remembered.html"));
        unchanged.memory.title = QStringLiteral("Remembered post");
        unchanged.memory.frontPage.etag = "\"v2\"";
        BlogEntry changed = unchanged;
        changed.url = server.url(QStringLiteral("/?blog=changed"));
        changed.memory.frontPage.etag = "\"v1\"";
        BlogEntry noHistory;
        noHistory.url = server.url(QStringLiteral("/?blog=new"));

        Scan scan;
        scan.start({ unchanged, changed, noHistory });
        QVERIFY(waitForScan(scan));
        const BlogResult same = scan.results().at(0);
        QCOMPARE(same.status, BlogStatus::Ok);
        QVERIFY(same.unchanged);
        QCOMPARE(same.foundVia, QStringLiteral("unchanged"));
        QCOMPARE(same.title, QStringLiteral("Remembered post"));
        QCOMPARE(same.articleUrl, unchanged.memory.articleUrl);
        QCOMPARE(same.timings.size(), 1);
        QCOMPARE(same.httpStatus, 304);
        QCOMPARE(same.memory.frontPage.etag, QByteArray("\"v2\""));

        const BlogResult fresh = scan.results().at(1);
        QCOMPARE(fresh.status, BlogStatus::Ok);
        QVERIFY(!fresh.unchanged);
        QCOMPARE(fresh.title, QStringLiteral("Fresh post"));
        QCOMPARE(fresh.memory.frontPage.etag, QByteArray("\"v2\""));
        QCOMPARE(fresh.memory.title, QStringLiteral("Fresh post"));
        QCOMPARE(fresh.memory.articleUrl, server.url(QStringLiteral("/post.html")));
        QCOMPARE(scan.results().at(2).title, QStringLiteral("Fresh post"));

        std::sort(conditions.begin(), conditions.end());
        QCOMPARE(conditions, (QList<QByteArray> { QByteArray(), "\"v1\"", "\"v2\"" }));
        QCOMPARE(server.requestCount(), 5); // three front pages, two articles
    }

    void unchangedFeedKeepsTheRememberedArticle()
    {
        // The page changes on every visit but names no article; its feed answers 304 to
        // If-Modified-Since.
        FakeHttpServer server;
        QVERIFY(server.start());
        const QByteArray lastModified = "Sat, 05 Dec 2026 10:00:00 GMT";
        server.server().setHandler([&server, lastModified](const HttpRequest &request) {
            HttpResponse response;
            if (request.path == "/") {
                response.body = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\">"
                                "</head><body><p>Visit "
                    + QByteArray::number(server.requestCount()) + "</p></body></html>";
            } else if (request.path == "/feed" && request.headers.value("if-modified-since") == lastModified) {
                response.status = 304;
            } else {
                response.status = 500;
            }
            return response;
        });
        BlogEntry entry;
        entry.url = server.url();
        entry.memory.articleUrl = server.url(QStringLiteral("/remembered.html"));
        entry.memory.title = QStringLiteral("Remembered post");
        entry.memory.feedUrl = server.url(QStringLiteral("/feed"));
        entry.memory.feed.lastModified = lastModified;
        Scan scan;
        scan.start({ entry });
        QVERIFY(waitForScan(scan));
        const BlogResult result = scan.results().constFirst();
        QCOMPARE(result.status, BlogStatus::Ok);
        QVERIFY(result.unchanged);
        QCOMPARE(result.title, QStringLiteral("Remembered post"));
        QCOMPARE(result.timings.size(), 2);
        QCOMPARE(result.memory.feed.lastModified, lastModified);
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
        QVERIFY(!isFailureStatus(BlogStatus::Cancelled));
        QVERIFY(isFinalStatus(BlogStatus::Cancelled));
        QVERIFY(isFailureStatus(BlogStatus::Timeout));
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
