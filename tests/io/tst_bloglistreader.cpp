// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/bloglistreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray readTestData(const QString &name)
{
    QFile file(QStringLiteral(TITLEWAVE_SOURCE_DIR "/tests/io/data/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return file.readAll();
}

QStringList urls(const BlogListReadResult &result)
{
    QStringList list;
    for (const BlogEntry &blog : result.blogs)
        list << blog.url.toString();
    return list;
}
} // namespace

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

    void readsCsvWithEachDelimiter_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addRow("comma, header") << QByteArray("url,name,xpath\r\nhttps://a.example/,Alpha,//h2/a/@href\r\n"
                                                     "https://b.example/,\"Beta, the blog\",\r\n");
        QTest::addRow("semicolon, header") << QByteArray("Name;URL;XPath\nAlpha;https://a.example/;//h2/a/@href\n"
                                                         "\"Beta, the blog\";https://b.example/;\n");
        QTest::addRow("tab, header") << QByteArray("name\turl\txpath\nAlpha\thttps://a.example/\t//h2/a/@href\n"
                                                   "Beta, the blog\thttps://b.example/\t\n");
        QTest::addRow("comma, no header") << QByteArray("https://a.example/,Alpha,//h2/a/@href\n"
                                                        "https://b.example/,\"Beta, the blog\"\n");
        QTest::addRow("semicolon, no header, BOM")
            << QByteArray("\xef\xbb\xbfhttps://a.example/;Alpha;//h2/a/@href\nhttps://b.example/;Beta, the blog\n");
        QTest::addRow("comma, header without known names")
            << QByteArray("Website,Name,XPath\nhttps://a.example/,Alpha,//h2/a/@href\n"
                          "https://b.example/,\"Beta, the blog\",\n");
    }

    void readsCsvWithEachDelimiter()
    {
        QFETCH(QByteArray, csv);
        const BlogListReadResult result = BlogListReader::readCsv(csv);
        QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
        QCOMPARE(urls(result),
                 (QStringList { QStringLiteral("https://a.example/"), QStringLiteral("https://b.example/") }));
        QCOMPARE(result.blogs.at(0).name, QStringLiteral("Alpha"));
        QCOMPARE(result.blogs.at(0).xpath, QStringLiteral("//h2/a/@href"));
        QCOMPARE(result.blogs.at(1).name, QStringLiteral("Beta, the blog"));
        QVERIFY(result.blogs.at(1).xpath.isEmpty());
    }

    void readsQuotedCsvFieldsAndReportsRows()
    {
        const BlogListReadResult result = BlogListReader::readCsv(
            "url,name,feed\n"
            "\"https://a.example/\",\"Say \"\"hi\"\"\nover two lines\",https://a.example/feed\n"
            "\n"
            "file:///etc/passwd,Nope,\n"
            "https://A.example,Again,\n"
            "https://c.example/,Feed refused,javascript:alert(1)\n");
        QCOMPARE(result.blogs.size(), 3);
        QCOMPARE(result.blogs.at(0).name, QStringLiteral("Say \"hi\"\nover two lines"));
        QCOMPARE(result.blogs.at(0).feedUrl, QUrl(QStringLiteral("https://a.example/feed")));
        QCOMPARE(result.blogs.at(0).line, 2);
        // The quoted newline makes the refused row line 5 of the file.
        QCOMPARE(result.blogs.at(1).line, 5);
        QCOMPARE(result.duplicates, 1);
        QVERIFY(!result.blogs.at(2).feedUrl.isValid());
        QCOMPARE(result.problems,
                 (QStringList { QStringLiteral("line 5: unsupported scheme file"),
                                QStringLiteral("line 7: feed ignored, not a web address") }));
    }

    void readsAFeedReadersOpmlWithNestedFolders()
    {
        const BlogListReadResult result
            = BlogListReader::readOpml(readTestData(QStringLiteral("feedreader-export.opml")));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(
            urls(result),
            (QStringList { QStringLiteral("https://roast.example/"), QStringLiteral("https://crema.example/blog/"),
                           QStringLiteral("https://cpp.example/"), QStringLiteral("https://feedonly.example/index.xml"),
                           QStringLiteral("file:///home/me/"), QStringLiteral("https://nachtzug.example/") }));
        QCOMPARE(result.blogs.at(0).name, QStringLiteral("Light Roast Notes"));
        QCOMPARE(result.blogs.at(0).feedUrl, QUrl(QStringLiteral("https://roast.example/feed/")));
        QCOMPARE(result.blogs.at(1).name, QStringLiteral("Crema Daily")); // two folders deep
        QCOMPARE(result.blogs.at(2).name, QStringLiteral("C++ & Qt Musings"));
        QCOMPARE(result.blogs.at(3).name, QStringLiteral("Only A Feed")); // title when there is no text
        QVERIFY(!result.blogs.at(3).feedUrl.isValid()); // the feed is the blog itself
        QVERIFY(!result.blogs.at(5).feedUrl.isValid());
        QCOMPARE(result.duplicates, 1);
        QCOMPARE(result.problems.size(), 2);
        QVERIFY2(result.problems.at(0).startsWith(QStringLiteral("line 19: unsupported scheme file")),
                 qPrintable(result.problems.at(0)));
        QVERIFY2(result.problems.at(1).startsWith(QStringLiteral("line 22: feed ignored")),
                 qPrintable(result.problems.at(1)));
    }

    void refusesWhatIsNotOpml()
    {
        QVERIFY(!BlogListReader::readOpml("<html><body>hi</body></html>").error.isEmpty());
        QVERIFY(!BlogListReader::readOpml("<opml><body><outline").error.isEmpty());
        // Entities are never fetched: an external entity is an error, not a request.
        const BlogListReadResult external = BlogListReader::readOpml(
            "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            "<opml><body><outline text=\"&x;\" htmlUrl=\"https://a.example/\"/></body></opml>");
        for (const BlogEntry &blog : external.blogs)
            QVERIFY(!blog.name.contains(QStringLiteral("root:")));
    }

    void readFilePicksTheFormat_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QTest::addRow("txt") << QStringLiteral("list.txt") << QByteArray("# A\nhttps://a.example/\n") << QString();
        QTest::addRow("csv") << QStringLiteral("list.csv") << QByteArray("url;name\nhttps://a.example/;A\n")
                             << QStringLiteral("A");
        QTest::addRow("opml") << QStringLiteral("subs.opml")
                              << QByteArray("<opml version=\"2.0\"><body><outline text=\"A\" "
                                            "xmlUrl=\"https://a.example/\"/></body></opml>")
                              << QStringLiteral("A");
        QTest::addRow("opml by content") << QStringLiteral("subscriptions")
                                         << QByteArray(
                                                "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
                                                "<outline text=\"A\" htmlUrl=\"https://a.example/\"/></body></opml>")
                                         << QStringLiteral("A");
    }

    void readBytesRecognisesCsvByItsHeader()
    {
        // Standard input has no file name: a header naming the url column says CSV.
        const BlogListReadResult csv = BlogListReader::readBytes("Name;URL\nAlpha;https://a.example/\n");
        QCOMPARE(urls(csv), QStringList { QStringLiteral("https://a.example/") });
        QCOMPARE(csv.blogs.at(0).name, QStringLiteral("Alpha"));
        // A plain list with a URL<TAB>XPath line stays text.
        const BlogListReadResult text = BlogListReader::readBytes("https://a.example/\t//h2/a/@href\n");
        QCOMPARE(text.blogs.at(0).xpath, QStringLiteral("//h2/a/@href"));
        QCOMPARE(BlogListReader::detectFormat(QString(), "# my urls, and more\nhttps://a.example/\n"),
                 BlogListReader::Format::Text);
    }

    void readFilePicksTheFormat()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        QTemporaryDir dir;
        QFile file(dir.filePath(fileName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const BlogListReadResult result = BlogListReader::readFile(file.fileName());
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(urls(result), QStringList { QStringLiteral("https://a.example/") });
        QCOMPARE(result.blogs.at(0).name, name);
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

    void refusesOverlongLinesWithTheirNumber()
    {
        // A URL followed by 10 MB of text: refused unread, its row keeping only the start.
        const QString huge = QStringLiteral("https://b.example/") + QString(10 * 1024 * 1024, QLatin1Char('x'));
        const QString text = QStringLiteral("https://a.example/\n") + huge + QStringLiteral("\nhttps://c.example/\n");
        const BlogListReadResult result = BlogListReader::readText(text);
        QCOMPARE(result.blogs.size(), 3);
        QCOMPARE(result.blogs.at(0).url, QUrl(QStringLiteral("https://a.example/")));
        QCOMPARE(result.blogs.at(2).url, QUrl(QStringLiteral("https://c.example/")));
        const BlogEntry &refused = result.blogs.at(1);
        QVERIFY(!refused.url.isValid());
        QCOMPARE(refused.line, 2);
        QVERIFY(refused.input.size() <= BlogListReader::kShownInputChars + 1);
        QVERIFY(refused.input.startsWith(QStringLiteral("https://b.example/xxx")));
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.constFirst().startsWith(QStringLiteral("line 2 is too long")),
                 qPrintable(result.problems.constFirst()));
        QCOMPARE(refused.refusal, result.problems.constFirst());

        // The same in a CSV cell and an XPath: the line's whole length counts.
        QByteArray csv = "url,name\nhttps://d.example/,";
        csv += QByteArray(20000, 'n');
        csv += "\n";
        const BlogListReadResult fromCsv = BlogListReader::readCsv(csv);
        QCOMPARE(fromCsv.blogs.size(), 1);
        QVERIFY(fromCsv.blogs.at(0).url.isValid()); // a long name is shortened, not refused
        QVERIFY(fromCsv.blogs.at(0).name.size() <= BlogListReader::kShownInputChars + 1);
        const BlogListReadResult longXPath = BlogListReader::readText(
            QStringLiteral("https://e.example/\t//a[@x='") + QString(9000, QLatin1Char('y')) + QStringLiteral("']"));
        QCOMPARE(longXPath.blogs.size(), 1);
        QVERIFY(!longXPath.blogs.at(0).url.isValid());
        QVERIFY(longXPath.blogs.at(0).xpath.isEmpty());
    }

    void readsAFiftyMegabyteListOfLongLines()
    {
        // Five 10 MB lines between addresses: every line read once, each long one refused.
        QString text;
        text.reserve(52 * 1024 * 1024);
        for (int i = 0; i < 5; ++i) {
            text += QStringLiteral("https://blog%1.example/\n").arg(i);
            text += QString(10 * 1024 * 1024, QLatin1Char(i % 2 ? 'a' : ':'));
            text += QLatin1Char('\n');
        }
        const BlogListReadResult result = BlogListReader::readText(text);
        QCOMPARE(result.blogs.size(), 10);
        QCOMPARE(result.problems.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(result.blogs.at(2 * i).url, QUrl(QStringLiteral("https://blog%1.example/").arg(i)));
            QVERIFY(result.blogs.at(2 * i + 1).input.size() <= BlogListReader::kShownInputChars + 1);
            QVERIFY(result.problems.at(i).startsWith(QStringLiteral("line %1 is too long").arg(2 * i + 2)));
        }
    }

    void refusesOverlongAddresses()
    {
        const QString longUrl = QStringLiteral("https://a.example/") + QString(3000, QLatin1Char('p'));
        const BlogListReadResult result = BlogListReader::readText(longUrl + QStringLiteral("\nhttps://b.example/")
                                                                   + QString(1000, QLatin1Char('p')));
        QCOMPARE(result.blogs.size(), 2);
        QVERIFY(!result.blogs.at(0).url.isValid());
        QVERIFY(result.blogs.at(1).url.isValid()); // 1,000 characters are fine
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.constFirst(),
                 QStringLiteral("line 1: the address is longer than %1 characters").arg(QLocale().toString(2048)));
    }

    void saysWhenALineHoldsSeveralAddresses()
    {
        const BlogListReadResult result = BlogListReader::readText(QStringLiteral(
            "https://a.example/ https://b.example/ and https://c.example/\nhttps://d.example/?u=https://e/"));
        QCOMPARE(result.blogs.size(), 2);
        QCOMPARE(result.blogs.at(0).url, QUrl(QStringLiteral("https://a.example/")));
        QCOMPARE(result.blogs.at(1).url, QUrl(QStringLiteral("https://d.example/?u=https://e/")));
        QCOMPARE(result.problems.size(), 1);
        QVERIFY2(result.problems.constFirst().startsWith(QStringLiteral("line 1 holds 3 addresses")),
                 qPrintable(result.problems.constFirst()));
        QCOMPARE(BlogListReader::scanLine(QStringLiteral("https://a.example/ https://b.example/")).addresses, 2);
    }

    void refusesAnAddressCutAtASpace_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("refused");
        QTest::addRow("space in the host") << QStringLiteral("http://a b.com/") << true;
        QTest::addRow("space before a path") << QStringLiteral("https://intranet /blog") << true;
        QTest::addRow("name after an address") << QStringLiteral("https://a.example/ b.example") << false;
        QTest::addRow("words after localhost") << QStringLiteral("http://localhost my test blog") << false;
        QTest::addRow("words after a host") << QStringLiteral("http://intranet is my blog") << false;
        QTest::addRow("comment after an address") << QStringLiteral("https://a.example great") << false;
    }

    void refusesAnAddressCutAtASpace()
    {
        QFETCH(QString, line);
        QFETCH(bool, refused);
        const BlogListReadResult result = BlogListReader::readText(line);
        QCOMPARE(result.blogs.size(), 1);
        QCOMPARE(!result.blogs.constFirst().url.isValid(), refused);
        if (refused) {
            QCOMPARE(result.problems,
                     QStringList { QStringLiteral("line 1: the address has a space in it; write it without spaces") });
            QCOMPARE(result.blogs.constFirst().input, line); // its row shows what was written
            QCOMPARE(result.blogs.constFirst().refusal, result.problems.constFirst());
        } else {
            QVERIFY(result.problems.isEmpty());
        }
    }

    void pastingAddsOnlyNewAcceptedBlogs()
    {
        const BlogListReadResult existing
            = BlogListReader::readText(QStringLiteral("https://a.example/\nhttps://b.example/blog/\n"));
        // Both already listed (one spelled differently), a junk line, a new blog twice, an ftp line.
        const QString pasted = QStringLiteral("https://A.example\nhttps://b.example/blog\nsome words\n"
                                              "https://c.example/\t//h2/a\nhttps://c.example/\nftp://d.example/\n");
        const BlogListAddition addition = BlogListReader::additions(existing.blogs, pasted);
        QCOMPARE(addition.added.size(), 1);
        QCOMPARE(addition.added.constFirst().url, QUrl(QStringLiteral("https://c.example/")));
        QCOMPARE(addition.text, QStringLiteral("https://c.example/\t//h2/a\n"));
        QCOMPARE(addition.alreadyListed, 3);
        QCOMPARE(addition.refused, 2);
        QCOMPARE(addition.problems.size(), 2);
        QVERIFY(addition.problems.constFirst().startsWith(QStringLiteral("line 3:")));
        QCOMPARE(addition.summary(), QStringLiteral("1 blog(s) added, 3 already in the list, 2 line(s) refused"));

        // Nothing new: nothing to add, and the summary says so.
        const BlogListAddition again = BlogListReader::additions(existing.blogs, QStringLiteral("https://a.example/"));
        QVERIFY(again.added.isEmpty());
        QVERIFY(again.text.isEmpty());
        QCOMPARE(again.alreadyListed, 1);
    }

    void shortSummaryCountsProblemsAndNamesTheirLines()
    {
        const BlogListReadResult result = BlogListReader::readText(
            QStringLiteral("https://a.example/\nftp://b.example/\nwords\nhttps://a.example/\nmore words\nx y\n"));
        QCOMPARE(result.problems.size(), 4);
        QCOMPARE(result.shortSummary(),
                 QStringLiteral("5 blog(s), 1 duplicate(s) skipped, 4 problem(s) (lines 2, 3, 5, \u2026)"));
        QCOMPARE(BlogListReader::readText(QStringLiteral("https://a.example/")).shortSummary(),
                 QStringLiteral("1 blog(s)"));
    }

    void reportsAMissingFile()
    {
        const BlogListReadResult result = BlogListReader::readFile(QStringLiteral("/nonexistent/list.txt"));
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.blogs.isEmpty());
    }

    void mergesFilesWithOneIdentity()
    {
        // Two spellings of one blog in two files (as a feed reader's OPML and a hand-kept text
        // list write them) are one blog; a file that cannot be read is reported, the rest kept.
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &content) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
                qFatal("cannot write %s", qPrintable(name));
            return file.fileName();
        };
        const QString text = write(QStringLiteral("a.txt"), "https://Blog.Example:443/\nhttps://b.example/x\n");
        const QString opml = write(QStringLiteral("b.opml"),
                                   "<opml version=\"2.0\"><body>"
                                   "<outline text=\"Blog\" htmlUrl=\"https://blog.example\"/>"
                                   "<outline text=\"X\" htmlUrl=\"https://b.example/x/#top\"/>"
                                   "<outline text=\"C\" htmlUrl=\"https://c.example/\"/>"
                                   "</body></opml>");
        const QString missing = dir.filePath(QStringLiteral("missing.txt"));
        const BlogListReadResult result = BlogListReader::readFiles({ text, opml, missing });
        QCOMPARE(urls(result),
                 QStringList({ QStringLiteral("https://blog.example:443/"), QStringLiteral("https://b.example/x"),
                               QStringLiteral("https://c.example/") }));
        QCOMPARE(result.duplicates, 2);
        QCOMPARE(result.sources, QStringList({ text, opml }));
        QVERIFY(result.error.contains(QStringLiteral("missing.txt")));
    }
};

QTEST_GUILESS_MAIN(TestBlogListReader)
#include "tst_bloglistreader.moc"
