// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/bloglistreader.h"

#include <QElapsedTimer>
#include <QTest>

class TestBlogListReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheUrlOutOfALine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QUrl>("url");
        QTest::addRow("plain") << QStringLiteral("https://a.example/") << QUrl(QStringLiteral("https://a.example/"));
        QTest::addRow("spaces") << QStringLiteral("   http://a.example/blog  ")
                                << QUrl(QStringLiteral("http://a.example/blog"));
        QTest::addRow("bullet") << QStringLiteral("- https://a.example/ (great)")
                                << QUrl(QStringLiteral("https://a.example/"));
        QTest::addRow("angle brackets") << QStringLiteral("<https://a.example/x>")
                                        << QUrl(QStringLiteral("https://a.example/x"));
        QTest::addRow("trailing period") << QStringLiteral("See https://a.example/.")
                                         << QUrl(QStringLiteral("https://a.example/"));
        QTest::addRow("bare host") << QStringLiteral("blog.example.org")
                                   << QUrl(QStringLiteral("https://blog.example.org"));
        QTest::addRow("bare host and path")
            << QStringLiteral("example.org/blog/") << QUrl(QStringLiteral("https://example.org/blog/"));
        QTest::addRow("words") << QStringLiteral("not a url") << QUrl();
        QTest::addRow("digit before the scheme")
            << QStringLiteral("1https://a.example/") << QUrl(QStringLiteral("https://a.example/"));
        QTest::addRow("second colon") << QStringLiteral("note: https://a.example/")
                                      << QUrl(QStringLiteral("https://a.example/"));
    }

    void picksTheUrlOutOfALine()
    {
        QFETCH(QString, line);
        QFETCH(QUrl, url);
        QCOMPARE(BlogListReader::urlFromLine(line), url);
    }

    void skipsCommentsBlankLinesAndDuplicates()
    {
        const BlogListReadResult result = BlogListReader::readText(QStringLiteral(
            "# my blogs\n\nhttps://a.example/\r\nhttps://A.example/#top\nhttps://b.example/\n  # indented comment\n"));
        QCOMPARE(result.blogs.size(), 2);
        QCOMPARE(result.duplicates, 1);
        QCOMPARE(result.blogs.at(0).line, 3);
        QCOMPARE(result.blogs.at(1).line, 5);
        QVERIFY(result.problems.isEmpty());
        QVERIFY(result.summary().contains(QStringLiteral("1 duplicate")));
    }

    void refusesOtherSchemesWithTheLineNumber_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("problem");
        QTest::addRow("file") << QStringLiteral("file:///etc/passwd")
                              << QStringLiteral("line 2: unsupported scheme file");
        QTest::addRow("ftp") << QStringLiteral("ftp://a.example/") << QStringLiteral("line 2: unsupported scheme ftp");
        QTest::addRow("javascript") << QStringLiteral("javascript:alert(1)")
                                    << QStringLiteral("line 2: unsupported scheme javascript");
        QTest::addRow("data") << QStringLiteral("data:text/html,<h1>x</h1>")
                              << QStringLiteral("line 2: unsupported scheme data");
        QTest::addRow("qrc") << QStringLiteral("qrc:/demo/atlas/index.html")
                             << QStringLiteral("line 2: unsupported scheme qrc");
        QTest::addRow("junk") << QStringLiteral("hello world") << QStringLiteral("line 2: not a web address");
    }

    void refusesOtherSchemesWithTheLineNumber()
    {
        QFETCH(QString, line);
        QFETCH(QString, problem);
        const BlogListReadResult result
            = BlogListReader::readText(QStringLiteral("https://ok.example/\n") + line + QLatin1Char('\n'));
        QCOMPARE(result.problems, QStringList { problem });
        // The refused line still becomes a row, so its failure is reported, but it is never fetched
        // as anything other than http(s): its URL is not a web URL.
        QCOMPARE(result.blogs.size(), 2);
        const QUrl refused = result.blogs.at(1).url;
        QVERIFY(refused.scheme() != QLatin1String("http") && refused.scheme() != QLatin1String("https"));
        QCOMPARE(result.blogs.at(1).input, line);
        QVERIFY(result.summary().contains(problem));
    }

    void readsUrlAndXPathSeparatedByATab()
    {
        const BlogListReadResult result
            = BlogListReader::readText(QStringLiteral("https://a.example/\t//h2[@class='title']/a/@href\n"));
        QCOMPARE(result.blogs.size(), 1);
        QCOMPARE(result.blogs.at(0).xpath, QStringLiteral("//h2[@class='title']/a/@href"));
    }

    void staysLinearOnLongLines()
    {
        // The URL expression used to restart at every letter of a long run: seconds per line.
        const QString text = QStringLiteral("a1").repeated(200000) + QStringLiteral("\nhttps://a.example/\n");
        QElapsedTimer timer;
        timer.start();
        const BlogListReadResult result = BlogListReader::readText(text);
        QVERIFY2(timer.elapsed() < 5000, "reading a long line was not linear");
        QCOMPARE(result.blogs.size(), 2);
        QCOMPARE(result.blogs.at(1).url, QUrl(QStringLiteral("https://a.example/")));
    }

    void reportsAMissingFile()
    {
        const BlogListReadResult result = BlogListReader::readFile(QStringLiteral("/nonexistent/list.txt"));
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.blogs.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBlogListReader)
#include "tst_bloglistreader.moc"
