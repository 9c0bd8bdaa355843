// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "session/scansession.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
// What the counts must say, walking the rows the slow way.
ScanSession::Counts walked(const ScanSession &session)
{
    ScanSession::Counts counts;
    for (const BlogResult &result : session.rows()) {
        ++counts.total;
        counts.done += isFinalStatus(result.status) ? 1 : 0;
        counts.failed += isFailureStatus(result.status) ? 1 : 0;
        counts.cancelled += result.status == BlogStatus::Cancelled ? 1 : 0;
        counts.withNewArticle += result.isNew ? 1 : 0;
        counts.unchanged += result.unchanged ? 1 : 0;
        for (const RequestTiming &timing : result.timings)
            counts.requestMs += timing.durationMs();
    }
    return counts;
}

BlogEntry entry(const QUrl &url)
{
    BlogEntry blog;
    blog.url = url;
    blog.input = url.toString();
    return blog;
}
} // namespace

class TestScanSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_historyPath = m_dir.filePath(QStringLiteral("history-%1.json").arg(++m_historyNumber));
        qputenv("TITLEWAVE_HISTORY_FILE", m_historyPath.toUtf8());
    }

    void keepsCountsThatMatchTheRowsAsBlogsFinish()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        server.html("/", FakeBlog::frontPage("/post.html"));
        server.html("/post.html", FakeBlog::article("A post"));
        ScanSession session;
        session.setUseHistory(false);
        QSignalSpy finished(&session, &ScanSession::finished);
        QSignalSpy countsChanged(&session, &ScanSession::countsChanged);
        // One that works, one 404, one that is no address: each counted as it finishes.
        session.start({ entry(server.url()), entry(server.url(QStringLiteral("/missing/"))),
                        entry(QUrl(QStringLiteral("not a url"))) });
        QCOMPARE(session.counts().total, 3);
        QVERIFY(finished.wait(10000));
        QVERIFY(countsChanged.count() >= 3);
        const ScanSession::Counts counts = session.counts();
        QVERIFY(counts == walked(session));
        QCOMPARE(counts.done, 3);
        QCOMPARE(counts.failed, 2);
        QVERIFY(counts.requestMs >= 0);
        QCOMPARE(session.row(0).title, QStringLiteral("A post"));
        QCOMPARE(session.row(1).status, BlogStatus::HttpError);
        QCOMPARE(session.row(2).status, BlogStatus::InvalidUrl);
    }

    void countsCancelledBlogsApartAndRetriesThem()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse hang;
        hang.delivery = HttpResponse::Delivery::Hang;
        server.route("/hang", hang);
        server.html("/", FakeBlog::frontPage("/post.html"));
        server.html("/post.html", FakeBlog::article("A post"));
        ScanSession session;
        session.setUseHistory(false);
        QSignalSpy finished(&session, &ScanSession::finished);
        session.start({ entry(server.url()), entry(QUrl(QStringLiteral("not a url"))),
                        entry(server.url(QStringLiteral("/hang?a"))), entry(server.url(QStringLiteral("/hang?b"))) });
        QTRY_COMPARE(session.counts().done, 2);
        QTRY_COMPARE(server.server().requestsInFlight(), 2);
        session.stop();
        QVERIFY(finished.wait(5000));
        // Stop means stopped: two cancelled, one failed, one ok.
        const ScanSession::Counts counts = session.counts();
        QVERIFY(counts == walked(session));
        QCOMPARE(counts.done, 4);
        QCOMPARE(counts.failed, 1);
        QCOMPARE(counts.cancelled, 2);
        QCOMPARE(session.row(2).status, BlogStatus::Cancelled);
        // Retry Failed resumes what Stop cut short, with the failed row.
        server.html("/hang", FakeBlog::frontPage("/post.html"));
        QCOMPARE(session.retryFailed(), 3);
        QVERIFY(finished.wait(10000));
        QCOMPARE(session.counts().cancelled, 0);
        QCOMPARE(session.row(2).status, BlogStatus::Ok);
        QCOMPARE(session.row(3).status, BlogStatus::Ok);
    }

    void retriesOnlyTheFailedRowsInPlace()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        server.html("/", FakeBlog::frontPage("/post.html"));
        server.html("/post.html", FakeBlog::article("A post"));
        ScanSession session;
        session.setUseHistory(false);
        QSignalSpy finished(&session, &ScanSession::finished);
        session.start({ entry(server.url()), entry(server.url(QStringLiteral("/later/"))) });
        QVERIFY(finished.wait(10000));
        QCOMPARE(session.counts().failed, 1);
        const int requestsBefore = server.requestCount();

        // The second blog comes back; a retry scans it alone and leaves the first row as it was.
        server.html("/later/", FakeBlog::frontPage("/post.html"));
        QCOMPARE(session.retryFailed(), 1);
        QVERIFY(!isFinalStatus(session.row(1).status)); // started over
        QVERIFY(finished.wait(10000));
        QCOMPARE(session.row(1).status, BlogStatus::Ok);
        QCOMPARE(session.row(1).index, 1);
        QCOMPARE(session.row(0).title, QStringLiteral("A post"));
        QCOMPARE(server.requestCount() - requestsBefore, 2); // the retried blog's front page and article
        QVERIFY(session.counts() == walked(session));
        QCOMPARE(session.counts().failed, 0);
    }

    void marksNewArticlesAndWritesTheHistoryOnlyWhenCommitted()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        server.html("/", FakeBlog::frontPage("/first.html"));
        server.html("/first.html", FakeBlog::article("First"));
        server.html("/second.html", FakeBlog::article("Second"));
        const QList<BlogEntry> blogs { entry(server.url()) };
        {
            ScanSession session;
            QSignalSpy finished(&session, &ScanSession::finished);
            session.start(blogs);
            QVERIFY(finished.wait(10000));
            QVERIFY(!session.row(0).isNew); // nothing to compare with yet
            QVERIFY(!QFile::exists(m_historyPath)); // not before the results are delivered
            QSignalSpy saved(&session, &ScanSession::historySaved);
            session.commitHistory();
            QVERIFY(saved.wait(10000));
            QVERIFY(QFile::exists(m_historyPath));
        }
        server.html("/", FakeBlog::frontPage("/second.html"));
        ScanSession session;
        QSignalSpy finished(&session, &ScanSession::finished);
        session.start(blogs);
        QVERIFY(finished.wait(10000));
        QVERIFY(session.row(0).isNew);
        QCOMPARE(session.row(0).previousArticleUrl, server.url(QStringLiteral("/first.html")));
        QCOMPARE(session.counts().withNewArticle, 1);
        // Without committing, the file still says "first": the article is new again next time.
        QFile file(m_historyPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("first.html"));
    }

    void rescanSendsTheLastScansValidators()
    {
        // The same session scans again: its history, updated as blogs finished, holds the ETag.
        FakeHttpServer server;
        QVERIFY(server.start());
        server.server().setHandler([](const HttpRequest &request) {
            HttpResponse response;
            if (request.path == "/") {
                response.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"same\"")));
                if (request.headers.value("if-none-match") == "\"same\"")
                    response.status = 304;
                else
                    response.body = FakeBlog::frontPage("/post.html");
            } else {
                response.body = FakeBlog::article("Once fetched");
            }
            return response;
        });
        ScanSession session;
        QSignalSpy finished(&session, &ScanSession::finished);
        session.start({ entry(server.url()) });
        QVERIFY(finished.wait(10000));
        QVERIFY(!session.row(0).unchanged);
        session.start({ entry(server.url()) });
        QVERIFY(finished.wait(10000));
        const BlogResult row = session.row(0);
        QCOMPARE(row.status, BlogStatus::Ok);
        QVERIFY(row.unchanged);
        QVERIFY(!row.isNew);
        QCOMPARE(row.title, QStringLiteral("Once fetched"));
        QCOMPARE(row.articleUrl, server.url(QStringLiteral("/post.html")));
        QCOMPARE(server.requestCount(), 3); // front page and article, then one 304
        QCOMPARE(session.counts().unchanged, 1);
        QVERIFY(session.counts() == walked(session));
    }

    void noHistoryReadsAndWritesNothing()
    {
        QFile file(m_historyPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json");
        file.close();
        ScanSession session;
        session.setUseHistory(false);
        QVERIFY(!session.needsHistory());
        QSignalSpy problems(&session, &ScanSession::historyProblem);
        QSignalSpy finished(&session, &ScanSession::finished);
        session.start({ entry(QUrl(QStringLiteral("ftp://x.example/"))) });
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QSignalSpy saved(&session, &ScanSession::historySaved);
        session.commitHistory();
        QVERIFY(saved.wait(5000));
        QCOMPARE(problems.count(), 0);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not json"));
    }

    void exportsAllOrTheChosenRows()
    {
        ScanSession session;
        session.setUseHistory(false);
        QSignalSpy finished(&session, &ScanSession::finished);
        session.start(
            { entry(QUrl(QStringLiteral("ftp://a.example/"))), entry(QUrl(QStringLiteral("ftp://b.example/"))) });
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        const QByteArray all = session.encode(ExportFormat::Csv);
        QVERIFY(all.contains("ftp://a.example/") && all.contains("ftp://b.example/"));
        const QByteArray second = session.encode(ExportFormat::Json, { 1 });
        QVERIFY(!second.contains("a.example"));
        QVERIFY(QJsonDocument::fromJson(second).isArray() || QJsonDocument::fromJson(second).isObject());
    }

private:
    QTemporaryDir m_dir;
    QString m_historyPath;
    int m_historyNumber = 0;
};

QTEST_GUILESS_MAIN(TestScanSession)
#include "tst_scansession.moc"
