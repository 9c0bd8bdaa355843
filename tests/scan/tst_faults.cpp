// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/fetcher.h"
#include "net/networkerrors.h"
#include "scan/scan.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTest>

#include <sys/resource.h>

namespace {
QByteArray readTestData(const char *name)
{
    QFile file(QStringLiteral(TITLEWAVE_TEST_DATA_DIR "/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QSslConfiguration loopbackTls()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(readTestData("loopback-cert.pem")));
    tls.setPrivateKey(QSslKey(readTestData("loopback-key.pem"), QSsl::Rsa));
    return tls;
}

qint64 peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

struct Case {
    const char *name;
    QUrl url;
    BlogStatus expected;
};
} // namespace

class TestFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsQtErrorsToStatuses_data()
    {
        QTest::addColumn<QNetworkReply::NetworkError>("error");
        QTest::addColumn<BlogStatus>("status");
        QTest::addRow("host not found") << QNetworkReply::HostNotFoundError << BlogStatus::Dns;
        QTest::addRow("refused") << QNetworkReply::ConnectionRefusedError << BlogStatus::Refused;
        QTest::addRow("timeout") << QNetworkReply::TimeoutError << BlogStatus::Timeout;
        QTest::addRow("tls") << QNetworkReply::SslHandshakeFailedError << BlogStatus::Tls;
        QTest::addRow("closed") << QNetworkReply::RemoteHostClosedError << BlogStatus::Network;
        QTest::addRow("404") << QNetworkReply::ContentNotFoundError << BlogStatus::HttpError;
        QTest::addRow("500") << QNetworkReply::InternalServerError << BlogStatus::HttpError;
        QTest::addRow("503") << QNetworkReply::ServiceUnavailableError << BlogStatus::HttpError;
        QTest::addRow("redirects") << QNetworkReply::TooManyRedirectsError << BlogStatus::HttpError;
        QTest::addRow("scheme") << QNetworkReply::ProtocolUnknownError << BlogStatus::UnsupportedScheme;
        QTest::addRow("proxy refused") << QNetworkReply::ProxyConnectionRefusedError << BlogStatus::Proxy;
        QTest::addRow("proxy 407") << QNetworkReply::ProxyAuthenticationRequiredError << BlogStatus::Proxy;
    }

    void mapsQtErrorsToStatuses()
    {
        QFETCH(QNetworkReply::NetworkError, error);
        QFETCH(BlogStatus, status);
        QCOMPARE(NetworkErrors::statusFor(error), status);
    }

    void everyFaultIsNamedAndGoodBlogsStayOk()
    {
        FakeHttpServer good;
        FakeHttpServer faulty;
        QVERIFY(good.start());
        QVERIFY(faulty.start());
        good.html("/", FakeBlog::frontPage("/post.html"), 30);
        good.html("/post.html", FakeBlog::article("Still fine"), 30);
        good.html("/second/", FakeBlog::frontPage("/second/post.html"), 60);
        good.html("/second/post.html", FakeBlog::article("Also fine"), 10);

        // Transport faults.
        HttpResponse hang;
        hang.delivery = HttpResponse::Delivery::Hang;
        faulty.route("/hang/", hang);
        HttpResponse reset;
        reset.body = QByteArray(200000, 'x');
        reset.delivery = HttpResponse::Delivery::ResetMidBody;
        faulty.route("/reset/", reset);
        // HTTP errors.
        for (int status : { 404, 500, 503 }) {
            HttpResponse error;
            error.status = status;
            error.body = "<!doctype html><title>Error</title>";
            faulty.route("/status" + QByteArray::number(status) + "/", error);
        }
        // Redirects: one followed, a loop, and three to schemes that are never fetched.
        faulty.route("/moved/", FakeBlog::redirect("/moved-here/", 301));
        faulty.html("/moved-here/", FakeBlog::frontPage("/moved-here/post.html"));
        faulty.route("/moved-here/post.html", FakeBlog::redirect("/final/post.html"));
        faulty.html("/final/post.html", FakeBlog::article("Moved twice"));
        faulty.route("/loop/", FakeBlog::redirect("/loop/"));
        // A loop of two, which Qt 6.4 may end by itself (as "status 100") before our count does.
        faulty.route("/ping/", FakeBlog::redirect("/pong/"));
        faulty.route("/pong/", FakeBlog::redirect("/ping/"));
        faulty.route("/to-file/", FakeBlog::redirect("file:///etc/passwd"));
        faulty.route("/to-ftp/", FakeBlog::redirect("ftp://127.0.0.1/"));
        faulty.route("/to-data/", FakeBlog::redirect("data:text/html,<title>x</title>"));
        // Content faults.
        HttpResponse image;
        image.contentType = "image/png";
        image.body = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(1000, '\0');
        faulty.route("/image/", image);
        HttpResponse huge;
        huge.body = "<!doctype html><title>big</title>" + QByteArray(3 * 1024 * 1024, 'a');
        faulty.route("/huge/", huge);
        faulty.route("/bomb/", FakeBlog::gzipped(FakeBlog::gzipBomb(300LL * 1024 * 1024)));
        faulty.html("/malformed/",
                    "<html><body><div><h2><a rel=bookmark href='/malformed/post.html'>x</a>"
                    "<table><tr><td><p>unclosed <b>tags <i>everywhere");
        faulty.html("/malformed/post.html", "<title>Recovered</title><h1>Recovered <b>headline</h1></div></body>");
        faulty.html("/no-article/", "<!doctype html><title>Empty blog</title><p>Nothing here yet.</p>");
        faulty.html("/no-title/", FakeBlog::frontPage("/no-title/post.html"));
        faulty.html("/no-title/post.html", "<!doctype html><html><body><p>Words without a heading.</p></body></html>");

        // A port nobody listens on: bind one, note it, close it.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();

        HttpServer tls;
        QVERIFY(tls.listenTls(loopbackTls()));

        const QList<Case> cases = {
            { "good", good.url(), BlogStatus::Ok },
            { "dns", QUrl(QStringLiteral("http://blog-unresolvable.invalid/")), BlogStatus::Dns },
            { "refused", QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort)), BlogStatus::Refused },
            { "hang", faulty.url(QStringLiteral("/hang/")), BlogStatus::Timeout },
            { "reset", faulty.url(QStringLiteral("/reset/")), BlogStatus::Network },
            { "404", faulty.url(QStringLiteral("/status404/")), BlogStatus::HttpError },
            { "500", faulty.url(QStringLiteral("/status500/")), BlogStatus::HttpError },
            { "503", faulty.url(QStringLiteral("/status503/")), BlogStatus::HttpError },
            { "redirected", faulty.url(QStringLiteral("/moved/")), BlogStatus::Ok },
            { "loop", faulty.url(QStringLiteral("/loop/")), BlogStatus::HttpError },
            { "loop of two", faulty.url(QStringLiteral("/ping/")), BlogStatus::HttpError },
            { "to file", faulty.url(QStringLiteral("/to-file/")), BlogStatus::UnsupportedScheme },
            { "to ftp", faulty.url(QStringLiteral("/to-ftp/")), BlogStatus::UnsupportedScheme },
            { "to data", faulty.url(QStringLiteral("/to-data/")), BlogStatus::UnsupportedScheme },
            { "self-signed", tls.url(), BlogStatus::Tls },
            { "image", faulty.url(QStringLiteral("/image/")), BlogStatus::NotHtml },
            { "huge", faulty.url(QStringLiteral("/huge/")), BlogStatus::TooLarge },
            { "bomb", faulty.url(QStringLiteral("/bomb/")), BlogStatus::TooLarge },
            { "malformed", faulty.url(QStringLiteral("/malformed/")), BlogStatus::Ok },
            { "no article", faulty.url(QStringLiteral("/no-article/")), BlogStatus::NoArticle },
            { "no title", faulty.url(QStringLiteral("/no-title/")), BlogStatus::NoTitle },
            { "good again", good.url(QStringLiteral("/second/")), BlogStatus::Ok },
        };
        QList<BlogEntry> entries;
        for (const Case &c : cases) {
            BlogEntry entry;
            entry.url = c.url;
            entries.append(entry);
        }

        Scan scan;
        ScanOptions options;
        // Short enough to keep the test quick, long enough for a heavily loaded machine's good blogs.
        options.fetch.timeoutMs = 6000;
        options.fetch.maxBodyBytes = 1024 * 1024;
        options.fetch.maxRedirects = 5;
        scan.setOptions(options);
        const qint64 rssBefore = peakRssKb();
        scan.start(entries);
        QSignalSpy finished(&scan, &Scan::finished);
        QVERIFY(finished.wait(30000));

        const QList<BlogResult> results = scan.results();
        QCOMPARE(results.size(), cases.size());
        for (int i = 0; i < cases.size(); ++i) {
            const BlogResult &result = results.at(i);
            QVERIFY2(result.status == cases.at(i).expected,
                     qPrintable(
                         QStringLiteral("%1: got %2 (%3)")
                             .arg(QLatin1String(cases.at(i).name), BlogStatusText::code(result.status), result.error)));
            if (result.status == BlogStatus::Ok)
                QVERIFY(result.error.isEmpty());
            else
                QVERIFY2(!result.error.isEmpty(), cases.at(i).name);
        }
        const auto byName = [&](const char *name) {
            for (int i = 0; i < cases.size(); ++i) {
                if (qstrcmp(cases.at(i).name, name) == 0)
                    return results.at(i);
            }
            return BlogResult {};
        };
        QCOMPARE(byName("good").title, QStringLiteral("Still fine"));
        QCOMPARE(byName("good again").title, QStringLiteral("Also fine"));
        // The silent server is given up on after the timeout, within the promise of the
        // timeout plus one second (the engine's own clock: this is behaviour, not speed).
        const RequestTiming silent = byName("hang").timings.constFirst();
        QVERIFY2(silent.durationMs() >= 6000 && silent.durationMs() <= 6000 + 1000,
                 qPrintable(QString::number(silent.durationMs())));
        QCOMPARE(byName("404").httpStatus, 404);
        QCOMPARE(byName("503").httpStatus, 503);
        // Redirects are followed and the final URLs recorded.
        const BlogResult redirected = byName("redirected");
        QCOMPARE(redirected.title, QStringLiteral("Moved twice"));
        QCOMPARE(redirected.timings.at(0).finalUrl, faulty.url(QStringLiteral("/moved-here/")));
        QCOMPARE(redirected.articleUrl, faulty.url(QStringLiteral("/final/post.html")));
        QVERIFY(byName("malformed").title.startsWith(QStringLiteral("Recovered")));
        // However a loop ends (our count or Qt's), it is reported as one: a redirect's own
        // Content-Length never makes it look like a cut-off page.
        for (const char *loop : { "loop", "loop of two" })
            QVERIFY2(byName(loop).error.contains(QStringLiteral("redirect")), qPrintable(byName(loop).error));
        // Nothing from the file system was read because a redirect said so.
        QVERIFY(!byName("to file").error.contains(QStringLiteral("root:")));
        // The TLS error says why.
        QVERIFY2(byName("self-signed").error.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(byName("self-signed").error));
        // A 300 MB gzip bomb and a 3 MB page against a 1 MB cap: memory stays bounded.
        QVERIFY2(peakRssKb() - rssBefore < 64 * 1024,
                 qPrintable(QStringLiteral("peak RSS grew by %1 KB").arg(peakRssKb() - rssBefore)));
    }

    void httpsToHttpDowngradeIsRefused()
    {
        FakeHttpServer plain;
        QVERIFY(plain.start());
        plain.html("/", FakeBlog::frontPage("/post.html"));
        plain.html("/post.html", FakeBlog::article("Downgraded"));
        HttpServer tls;
        tls.setHandler([&plain](const HttpRequest &) { return FakeBlog::redirect(plain.url().toEncoded()); });
        QVERIFY(tls.listenTls(loopbackTls()));

        Scan scan;
        ScanOptions options;
        // Trusted the proper way (a CA file), never by ignoring certificate errors.
        options.fetch.caFile = QStringLiteral(TITLEWAVE_TEST_DATA_DIR "/loopback-cert.pem");
        scan.setOptions(options);
        BlogEntry entry;
        entry.url = tls.url();
        scan.start({ entry });
        QSignalSpy finished(&scan, &Scan::finished);
        QVERIFY(finished.wait(10000));
        const BlogResult result = scan.results().constFirst();
        QCOMPARE(result.status, BlogStatus::UnsupportedScheme);
        QVERIFY(result.error.contains(QStringLiteral("https")));
        QCOMPARE(plain.requestCount(), 0);
    }

    void proxyIsTheOnlyWayToAHostNoResolverKnows()
    {
        // A forward proxy on loopback that knows blog.invalid (it answers for it itself); no
        // resolver does, and Titlewave never even asks one for a .invalid name.
        HttpServer proxy;
        QList<QByteArray> asked; // request targets, as the proxy saw them
        proxy.setHandler([&asked](const HttpRequest &request) {
            asked.append(request.path);
            HttpResponse response;
            if (request.path == "http://blog.invalid/")
                response.body = FakeBlog::frontPage("/post.html");
            else if (request.path == "http://blog.invalid/post.html")
                response.body = FakeBlog::article("Through the proxy");
            else
                response.status = 404;
            return response;
        });
        QVERIFY(proxy.listen());
        BlogEntry entry;
        entry.url = QUrl(QStringLiteral("http://blog.invalid/"));

        Scan scan;
        ScanOptions options;
        options.fetch.proxyMode = ProxyMode::Url;
        options.fetch.proxyUrl = proxy.url();
        scan.setOptions(options);
        scan.start({ entry });
        QSignalSpy finished(&scan, &Scan::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(scan.results().constFirst().status, BlogStatus::Ok);
        QCOMPARE(scan.results().constFirst().title, QStringLiteral("Through the proxy"));
        QCOMPARE(asked, (QList<QByteArray> { "http://blog.invalid/", "http://blog.invalid/post.html" }));

        // Without it (the tests' environment says no proxy), the name is not found.
        options.fetch.proxyMode = ProxyMode::System;
        scan.setOptions(options);
        scan.start({ entry });
        QVERIFY(finished.wait(10000));
        QCOMPARE(scan.results().constFirst().status, BlogStatus::Dns);
        QCOMPARE(asked.size(), 2);

        // The system's configuration: http_proxy names it (this process's environment only).
        const QByteArray noProxy = qgetenv("no_proxy");
        qputenv("http_proxy", proxy.url().toEncoded());
        qunsetenv("no_proxy");
        scan.setOptions(options); // a new policy asks the system again
        scan.start({ entry });
        const bool answered = finished.wait(10000);
        qunsetenv("http_proxy");
        qputenv("no_proxy", noProxy);
        QVERIFY(answered);
        QCOMPARE(scan.results().constFirst().status, BlogStatus::Ok);
        QCOMPARE(asked.size(), 4);
    }

    void proxyFailuresAreProxyErrors()
    {
        QTcpServer closed; // a port nobody listens on any more: the proxy refuses
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        HttpServer asksForPassword;
        asksForPassword.setHandler([](const HttpRequest &) {
            HttpResponse response;
            response.status = 407;
            response.headers.append(qMakePair(QByteArray("Proxy-Authenticate"), QByteArray("Basic realm=\"office\"")));
            return response;
        });
        QVERIFY(asksForPassword.listen());

        struct Case {
            QUrl proxy;
            QString detail;
        };
        const QList<Case> cases {
            { QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)), QStringLiteral("refused") },
            { asksForPassword.url(), QStringLiteral("407") },
        };
        for (const Case &proxyCase : cases) {
            Scan scan;
            ScanOptions options;
            options.fetch.proxyMode = ProxyMode::Url;
            options.fetch.proxyUrl = proxyCase.proxy;
            scan.setOptions(options);
            BlogEntry entry;
            entry.url = QUrl(QStringLiteral("http://blog.invalid/"));
            scan.start({ entry });
            QSignalSpy finished(&scan, &Scan::finished);
            QVERIFY(finished.wait(10000));
            const BlogResult result = scan.results().constFirst();
            QCOMPARE(result.status, BlogStatus::Proxy);
            QVERIFY2(result.error.contains(proxyCase.detail), qPrintable(result.error));
            QVERIFY2(result.error.contains(QStringLiteral("127.0.0.1:%1").arg(proxyCase.proxy.port())),
                     qPrintable(result.error));
        }
    }

    void trustedTlsServerScans()
    {
        HttpServer tls;
        tls.setHandler([](const HttpRequest &request) {
            HttpResponse response;
            response.body = request.path == "/" ? FakeBlog::frontPage("/post.html") : FakeBlog::article("Over TLS");
            return response;
        });
        QVERIFY(tls.listenTls(loopbackTls()));
        Scan scan;
        ScanOptions options;
        options.fetch.caFile = QStringLiteral(TITLEWAVE_TEST_DATA_DIR "/loopback-cert.pem");
        scan.setOptions(options);
        BlogEntry entry;
        entry.url = tls.url();
        scan.start({ entry });
        QSignalSpy finished(&scan, &Scan::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(scan.results().constFirst().status, BlogStatus::Ok);
        QCOMPARE(scan.results().constFirst().title, QStringLiteral("Over TLS"));
    }

    void http2HostTakesItsWholeQueueOnceTlsNegotiatesIt()
    {
        // ALPN says "h2": the host multiplexes, so its queue must not wait a whole round trip for
        // a first answer before leaving. This server negotiates h2 but never answers (it speaks
        // HTTP/1.1 only), so the handshake is the only thing that can raise the limit.
        QSslConfiguration tls = loopbackTls();
        tls.setAllowedNextProtocols({ QSslConfiguration::ALPNProtocolHTTP2 });
        HttpServer server;
        server.setHandler([](const HttpRequest &) {
            HttpResponse response;
            response.delivery = HttpResponse::Delivery::Hang;
            return response;
        });
        QVERIFY(server.listenTls(tls));
        Fetcher fetcher;
        FetchPolicy policy;
        policy.caFile = QStringLiteral(TITLEWAVE_TEST_DATA_DIR "/loopback-cert.pem");
        fetcher.setPolicy(policy);
        constexpr int kRequests = 20;
        for (int i = 0; i < kRequests; ++i)
            fetcher.get(server.url().resolved(QUrl(QStringLiteral("/blog-%1/").arg(i))), RequestKind::FrontPage);
        QTRY_COMPARE_WITH_TIMEOUT(fetcher.inFlight(), kRequests, 10000);
        fetcher.cancelAll();
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
