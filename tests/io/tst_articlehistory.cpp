// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/articlehistory.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {
BlogResult scanned(const QString &blog, const QString &article, BlogStatus status = BlogStatus::Ok)
{
    BlogResult result;
    result.blogUrl = QUrl(blog);
    result.status = status;
    if (!article.isEmpty())
        result.articleUrl = QUrl(article);
    return result;
}
} // namespace

class TestArticleHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksOnlyChangedArticlesNewAcrossTwoScans()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/history.json"));
        {
            ArticleHistory history(path);
            QVERIFY(!history.load().has_value()); // no file yet: an empty history
            QList<BlogResult> first
                = { scanned(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/1")),
                    scanned(QStringLiteral("https://b.example/"), QStringLiteral("https://b.example/1")) };
            history.apply(first);
            // A first scan has nothing to compare with: nothing is new, nothing is "not new".
            QVERIFY(!first.at(0).isNew);
            QVERIFY(!first.at(0).previousArticleUrl.isValid());
            QVERIFY(!history.save().has_value());
        }
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QCOMPARE(history.size(), 2);
        // Same blogs written differently (host case, trailing slash) are the same history entry.
        QList<BlogResult> second
            = { scanned(QStringLiteral("https://A.example"), QStringLiteral("https://a.example/1#comments")),
                scanned(QStringLiteral("https://b.example/"), QStringLiteral("https://b.example/2")) };
        history.apply(second);
        QVERIFY(!second.at(0).isNew);
        QCOMPARE(second.at(0).previousArticleUrl, QUrl(QStringLiteral("https://a.example/1")));
        QVERIFY(second.at(1).isNew);
        QCOMPARE(second.at(1).previousArticleUrl, QUrl(QStringLiteral("https://b.example/1")));
        QCOMPARE(history.lastArticle(QUrl(QStringLiteral("https://b.example"))),
                 QUrl(QStringLiteral("https://b.example/2")));
    }

    void failuresNeitherMarkNorForget()
    {
        ArticleHistory history(QStringLiteral("/nonexistent/never-written.json"));
        history.record(QUrl(QStringLiteral("https://a.example/")), QUrl(QStringLiteral("https://a.example/1")));
        BlogResult failed = scanned(QStringLiteral("https://a.example/"), {}, BlogStatus::Timeout);
        history.apply(failed);
        QVERIFY(!failed.isNew);
        QVERIFY(!failed.previousArticleUrl.isValid());
        QCOMPARE(history.lastArticle(QUrl(QStringLiteral("https://a.example/"))),
                 QUrl(QStringLiteral("https://a.example/1")));
    }

    void reportsADamagedFileAndStartsEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        ArticleHistory history(path);
        const std::optional<QString> error = history.load();
        QVERIFY(error.has_value());
        QVERIFY(error->contains(path));
        QCOMPARE(history.size(), 0);
    }

    void reportsAnUnwritableFile()
    {
        ArticleHistory history(QStringLiteral("/proc/titlewave-cannot-write/history.json"));
        history.record(QUrl(QStringLiteral("https://a.example/")), QUrl(QStringLiteral("https://a.example/1")));
        QVERIFY(history.save().has_value());
    }

    void forgetsBlogsNotSeenForAYear()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        const QDate today = QDate::currentDate();
        const QUrl recent(QStringLiteral("https://recent.example/"));
        const QUrl lastYear(QStringLiteral("https://edge.example/"));
        const QUrl stale(QStringLiteral("https://stale.example/"));
        {
            ArticleHistory history(path);
            history.record(recent, QUrl(QStringLiteral("https://recent.example/1")), today.addDays(-3));
            history.record(lastYear, QUrl(QStringLiteral("https://edge.example/1")),
                           today.addDays(-ArticleHistory::kMaxAgeDays));
            history.record(stale, QUrl(QStringLiteral("https://stale.example/1")),
                           today.addDays(-ArticleHistory::kMaxAgeDays - 1));
            QVERIFY(!history.save().has_value());
        }
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.lastSeen(recent), today.addDays(-3)); // the day survives the file
        QCOMPARE(history.lastSeen(lastYear), today.addDays(-ArticleHistory::kMaxAgeDays));
        QVERIFY(!history.lastArticle(stale).isValid());
    }

    void keepsTheMostRecentlySeenBlogsUpToTheLimit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        const QDate today = QDate::currentDate();
        const int total = ArticleHistory::kMaxEntries + 2;
        const auto blog = [](int i) { return QUrl(QStringLiteral("https://b%1.example/").arg(i)); };
        {
            ArticleHistory history(path);
            // Blog 0 and 1 were seen longest ago; all others on later days.
            for (int i = 0; i < total; ++i)
                history.record(blog(i), QUrl(QStringLiteral("https://b%1.example/post").arg(i)),
                               today.addDays(-100 + std::min(i, 50)));
            QVERIFY(!history.save().has_value());
        }
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QCOMPARE(history.size(), ArticleHistory::kMaxEntries);
        QVERIFY(!history.lastArticle(blog(0)).isValid());
        QVERIFY(!history.lastArticle(blog(1)).isValid());
        QCOMPARE(history.lastArticle(blog(2)), QUrl(QStringLiteral("https://b2.example/post")));
        QCOMPARE(history.lastArticle(blog(total - 1)), QUrl(QStringLiteral("https://b%1.example/post").arg(total - 1)));
    }

    void readsAFileWrittenBeforeSeenDatesAsSeenWhenSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // (No raw string literal: moc cannot read one.)
        file.write("{\"version\": 1, \"saved\": \"2026-03-04T05:06:07Z\", "
                   "\"blogs\": {\"https://a.example\": {\"article\": \"https://a.example/1\"}}}");
        file.close();
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QCOMPARE(history.lastArticle(QUrl(QStringLiteral("https://a.example/"))),
                 QUrl(QStringLiteral("https://a.example/1")));
        QCOMPARE(history.lastSeen(QUrl(QStringLiteral("https://a.example/"))), QDate(2026, 3, 4));
    }

    void keepsTitlesAndValidatorsForTheNextScan()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        BlogMemory memory;
        memory.articleUrl = QUrl(QStringLiteral("https://a.example/post"));
        memory.title = QStringLiteral("A post");
        memory.frontPage = { "\"v1\"", "Sat, 05 Dec 2026 10:00:00 GMT" };
        memory.feedUrl = QUrl(QStringLiteral("https://a.example/feed"));
        memory.feed = { "W/\"f7\"", {} };
        {
            ArticleHistory history(path);
            BlogResult result = scanned(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/post"));
            result.title = memory.title;
            result.memory = memory;
            history.apply(result);
            // A failure keeps what the last success learnt.
            BlogResult failed = scanned(QStringLiteral("https://a.example/"), {}, BlogStatus::Timeout);
            history.apply(failed);
            QVERIFY(!history.save().has_value());
        }
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QCOMPARE(history.memoryOf(QUrl(QStringLiteral("https://a.example"))), memory);
        QList<BlogEntry> entries(2);
        entries[0].url = QUrl(QStringLiteral("https://A.example/"));
        entries[1].url = QUrl(QStringLiteral("https://b.example/"));
        history.recall(entries);
        QCOMPARE(entries.at(0).memory, memory);
        QVERIFY(entries.at(0).memory.canRevalidate());
        QCOMPARE(entries.at(1).memory, BlogMemory());
    }

    void recallsNoValidatorsForAnotherXPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        const QUrl blog(QStringLiteral("https://a.example/"));
        {
            ArticleHistory history(path);
            BlogMemory memory;
            memory.articleUrl = QUrl(QStringLiteral("https://a.example/by-xpath"));
            memory.title = QStringLiteral("Found by the XPath");
            memory.frontPage.etag = "\"v1\"";
            memory.xpath = QStringLiteral("//h2/a/@href");
            history.record(blog, memory);
            QVERIFY(!history.save().has_value());
        }
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QList<BlogEntry> entries(3);
        for (BlogEntry &entry : entries)
            entry.url = blog;
        entries[0].xpath = QStringLiteral(" //h2/a/@href "); // the same XPath, as a list may space it
        entries[1].xpath = QStringLiteral("//article//a/@href"); // changed
        // entries[2]: the XPath was removed from the list
        history.recall(entries);
        QCOMPARE(entries.at(0).memory.frontPage.etag, QByteArray("\"v1\""));
        QCOMPARE(entries.at(0).memory.title, QStringLiteral("Found by the XPath"));
        QVERIFY(!entries.at(1).memory.canRevalidate());
        QVERIFY(entries.at(1).memory.frontPage.isEmpty());
        QVERIFY(!entries.at(2).memory.canRevalidate());
        // Whether the article is new is still told against the last one found.
        QCOMPARE(history.lastArticle(blog), QUrl(QStringLiteral("https://a.example/by-xpath")));
    }

    void readsAFileWithoutValidatorsAsKnowingNone()
    {
        // Written before titles and validators were kept: the article alone, nothing to revalidate.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\": 1, \"saved\": \"2026-03-04T05:06:07Z\", \"blogs\": {\"https://a.example\": "
                   "{\"article\": \"https://a.example/1\", \"seen\": \"2026-03-04\"}}}");
        file.close();
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        const BlogMemory memory = history.memoryOf(QUrl(QStringLiteral("https://a.example/")));
        QCOMPARE(memory.articleUrl, QUrl(QStringLiteral("https://a.example/1")));
        QVERIFY(memory.frontPage.isEmpty());
        QVERIFY(!memory.canRevalidate());
    }

    void defaultPathHonoursTheEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("from-env.json"));
        qputenv("TITLEWAVE_HISTORY_FILE", path.toLocal8Bit());
        QCOMPARE(ArticleHistory::defaultPath(), path);
        QCOMPARE(ArticleHistory().path(), path);
        qunsetenv("TITLEWAVE_HISTORY_FILE");
        QVERIFY(ArticleHistory::defaultPath().endsWith(QStringLiteral("/history.json")));
        QVERIFY(ArticleHistory::defaultPath() != path);
    }
};

QTEST_GUILESS_MAIN(TestArticleHistory)
#include "tst_articlehistory.moc"
