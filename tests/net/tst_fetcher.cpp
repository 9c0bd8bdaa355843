// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "net/download.h"
#include "net/fetcher.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

namespace {
struct Servers {
    std::vector<std::unique_ptr<FakeHttpServer>> list;
};

// @p count blogs, each on its own loopback port, answering "/" after @p delayMs.
bool startServers(Servers &servers, int count, int delayMs)
{
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<FakeHttpServer>();
        if (!server->start())
            return false;
        server->html("/", FakeBlog::frontPage("/post.html"), delayMs);
        servers.list.push_back(std::move(server));
    }
    return true;
}

// The server's URL with @p host in place of its address.
QUrl withHost(const QUrl &url, const QString &host)
{
    QUrl named = url;
    named.setHost(host);
    return named;
}

// Starts every URL at once and waits until all have finished; returns their statuses.
QList<BlogStatus> fetchAll(Fetcher &fetcher, const QList<QUrl> &urls, int *peakLookups = nullptr)
{
    QList<BlogStatus> statuses(urls.size(), BlogStatus::Cancelled);
    int left = int(urls.size());
    for (qsizetype i = 0; i < urls.size(); ++i) {
        Download *download = fetcher.get(urls.at(i), RequestKind::FrontPage);
        QObject::connect(download, &Download::finished, &fetcher, [&statuses, &left, i](const FetchResult &result) {
            statuses[i] = result.status;
            --left;
        });
    }
    int peak = 0;
    // Unfinished downloads keep the Cancelled status they start with, and fail the comparison.
    [[maybe_unused]] const bool done = QTest::qWaitFor(
        [&] {
            peak = std::max(peak, fetcher.lookups());
            return left == 0;
        },
        20000);
    if (peakLookups)
        *peakLookups = peak;
    return statuses;
}
} // namespace

class TestFetcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addressesTakeNoLookupSlot()
    {
        Servers servers;
        QVERIFY(startServers(servers, 50, 50));
        QList<QUrl> urls;
        for (auto &server : servers.list)
            urls.append(server->url());
        Fetcher fetcher;
        const QList<BlogStatus> statuses = fetchAll(fetcher, urls);
        QCOMPARE(statuses, QList<BlogStatus>(50, BlogStatus::Ok));
        QCOMPARE(fetcher.peakLookups(), 0);
        QCOMPARE(fetcher.peakInFlight(), 50);
    }

    void namesAreHandedToQtAFewDozenAtATime()
    {
        // Qt resolves names ~20 at a time; a request queued behind the others' lookups would
        // count that wait against its timeout. "localhost" comes from /etc/hosts, not DNS, so
        // this stays on the machine; each port is its own host for the Fetcher.
        const int count = Fetcher::kLookupsAtOnce + 20;
        Servers servers;
        QVERIFY(startServers(servers, count, 100));
        QList<QUrl> urls;
        for (auto &server : servers.list)
            urls.append(withHost(server->url(), QStringLiteral("localhost")));
        Fetcher fetcher;
        int peak = 0;
        const QList<BlogStatus> statuses = fetchAll(fetcher, urls, &peak);
        QCOMPARE(statuses, QList<BlogStatus>(count, BlogStatus::Ok));
        QCOMPARE(fetcher.peakLookups(), Fetcher::kLookupsAtOnce);
        QVERIFY(peak <= Fetcher::kLookupsAtOnce);
        QCOMPARE(fetcher.lookups(), 0);
    }

    void failedLookupsGiveTheirSlotBack()
    {
        // ".invalid" names fail without asking anyone (RFC 6761), through the same slots: more of
        // them than there are slots must not leave the blogs after them waiting for ever.
        QList<QUrl> urls;
        for (int i = 0; i < 2 * Fetcher::kLookupsAtOnce; ++i)
            urls.append(QUrl(QStringLiteral("http://blog-%1.example.invalid/").arg(i)));
        FakeHttpServer server;
        QVERIFY(server.start());
        server.html("/", FakeBlog::frontPage("/post.html"));
        urls.append(withHost(server.url(), QStringLiteral("localhost")));
        Fetcher fetcher;
        const QList<BlogStatus> statuses = fetchAll(fetcher, urls);
        QCOMPARE(statuses.constLast(), BlogStatus::Ok);
        QCOMPARE(statuses.count(BlogStatus::Dns), 2 * Fetcher::kLookupsAtOnce);
        QCOMPARE(fetcher.lookups(), 0);
    }

    void cancelledWhileWaitingForASlot()
    {
        QList<QUrl> urls;
        Servers servers;
        QVERIFY(startServers(servers, Fetcher::kLookupsAtOnce + 10, 5000));
        for (auto &server : servers.list)
            urls.append(withHost(server->url(), QStringLiteral("localhost")));
        Fetcher fetcher;
        int finished = 0;
        for (const QUrl &url : urls) {
            Download *download = fetcher.get(url, RequestKind::FrontPage);
            connect(download, &Download::finished, this, [&finished](const FetchResult &result) {
                QCOMPARE(result.status, BlogStatus::Cancelled);
                ++finished;
            });
        }
        QTRY_COMPARE(fetcher.peakLookups(), Fetcher::kLookupsAtOnce);
        fetcher.cancelAll();
        QTRY_COMPARE(finished, int(urls.size()));
        QCOMPARE(fetcher.lookups(), 0);
        // And the fetcher still works.
        servers.list.front()->html("/again", FakeBlog::frontPage("/post.html"));
        const QList<BlogStatus> again = fetchAll(
            fetcher, { withHost(servers.list.front()->url(QStringLiteral("/again")), QStringLiteral("localhost")) });
        QCOMPARE(again.constFirst(), BlogStatus::Ok);
    }
};

QTEST_GUILESS_MAIN(TestFetcher)
#include "tst_fetcher.moc"
