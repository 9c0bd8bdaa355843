// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/articlehistory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
