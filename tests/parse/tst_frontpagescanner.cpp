// SPDX-License-Identifier: GPL-3.0-or-later
// FrontPageScanner must give exactly what the tree's rules give on the same bytes: every test
// here compares the streaming pass with ArticleRules on HtmlDocument, on pages written to hit
// the corners of libxml2's HTML parser and on the shared corpus' real pages.
#include "parse/articlelocator.h"
#include "parse/articlerules.h"
#include "parse/frontpagescanner.h"
#include "parse/htmldocument.h"
#include "parse/postdate.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <libxml/parser.h>

#include <algorithm>

#ifndef TITLEWAVE_CORPUS_DIR
#define TITLEWAVE_CORPUS_DIR "../shared/corpus"
#endif

namespace {

const QUrl PageUrl(QStringLiteral("https://blog.example.org/home/"));
const QByteArray Utf8Html("text/html; charset=utf-8");

QByteArray repeated(const QByteArray &part, int times)
{
    QByteArray out;
    for (int i = 0; i < times; ++i)
        out += part;
    return out;
}

// Compares the scan of @p html with the tree's answers; returns the scan for further checks.
// QCOMPARE returns from this helper on a mismatch; callers check QTest::currentTestFailed().
void compareWithTree(const QByteArray &html, const QUrl &pageUrl, FrontPageScan *scanOut = nullptr)
{
    QByteArray encoding;
    const QByteArray utf8 = HtmlDocument::decode(html, Utf8Html, &encoding);
    const FrontPageScan scan = FrontPageScanner::scan(utf8, utf8.size(), pageUrl);
    if (scanOut)
        *scanOut = scan;
    QVERIFY(scan.complete);
    const HtmlDocument doc(utf8, utf8.size(), encoding, pageUrl);
    QVERIFY(doc.isValid());
    QCOMPARE(scan.baseUrl, doc.baseUrl());
    QCOMPARE(scan.feedLinks, ArticleRules::feedLinks(doc));
    const QList<ArticleCandidate> tree = ArticleRules::relBookmark(doc);
    QCOMPARE(scan.bookmarks.size(), tree.size());
    for (qsizetype i = 0; i < tree.size(); ++i) {
        QCOMPARE(scan.bookmarks.at(i).url, tree.at(i).url);
        QCOMPARE(scan.bookmarks.at(i).published, tree.at(i).published);
    }
}

} // namespace

class TestFrontPageScanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void agreesWithTree_data();
    void agreesWithTree();
    void agreesWithTreeOnCorpusPages();
    void givesUpOnDeeplyNestedContainers();
    void looksForBookmarksCheaply_data();
    void looksForBookmarksCheaply();
    void locatorAnswersWhateverThePath_data();
    void locatorAnswersWhateverThePath();
};

void TestFrontPageScanner::agreesWithTree_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<int>("bookmarks");
    QTest::addColumn<int>("dated");
    QTest::addColumn<int>("feeds");

    const QByteArray post = "<article><h2><a rel=\"bookmark\" href=\"/p%1\">P</a></h2>"
                            "<time datetime=\"2024-0%1-01T10:00:00Z\">d</time></article>";
    QByteArray three;
    for (int i = 1; i <= 3; ++i)
        three += QByteArray(post).replace("%1", QByteArray::number(i));
    QTest::newRow("three dated posts") << "<html><body>" + three + "</body></html>" << 3 << 3 << 0;
    QTest::newRow("no html, head or body tags") << three << 3 << 3 << 0;
    QTest::newRow("base after the links")
        << "<body>" + three + "<base href=\"https://cdn.example.net/x/\"><base href=\"/ignored/\"></body>" << 3 << 3
        << 0;
    QTest::newRow("empty base first") << "<head><base href=\"\"><base href=\"https://other.example.com/\"></head><body>"
            + three
            + "</body>" << 3 << 3 << 0;
    QTest::newRow("bare base first") << "<head><base href><base href=\"https://other.example.com/\"></head><body>"
            + three
            + "</body>" << 3 << 3 << 0;
    QTest::newRow("relative base") << QByteArray("<head><base href=\" ../up/ \"></head><body>") + three + "</body>" << 3
                                   << 3 << 0;
    QTest::newRow("nested containers, dates at both levels")
        << QByteArray("<div class=\"post\"><span class=\"updated\" title=\"2020-05-05\">u</span>"
                      "<article><a rel=bookmark href=\"/inner\">i</a><time datetime=\"2021-01-01\">t</time></article>"
                      "<a rel=bookmark href=\"/outer\">o</a><time datetime=\"2019-01-01\">t</time></div>")
        << 2 << 2 << 0;
    QTest::newRow("the link is its own container")
        << QByteArray("<a rel=\"bookmark\" class=\"post\" href=\"/self\"><time datetime=\"2022-02-02\">x</time></a>"
                      "<article><a rel=bookmark href=\"/other\">o</a></article>")
        << 2 << 1 << 0;
    QTest::newRow("container one level out of reach") << "<article><time datetime=\"2023-03-03\"></time>"
            + repeated("<div>", 15) + "<a rel=bookmark href=\"/deep\">d</a>" + repeated("</div>", 15)
            + "</article>" << 1 << 0 << 0;
    QTest::newRow("container at the last level in reach") << "<article><time datetime=\"2023-03-03\"></time>"
            + repeated("<div>", 14) + "<a rel=bookmark href=\"/deep\">d</a>" + repeated("</div>", 14)
            + "</article>" << 1 << 1 << 0;
    QTest::newRow("body and html are no containers")
        << QByteArray("<html class=\"post\"><body class=\"post hentry\" itemscope>"
                      "<time datetime=\"2024-01-01\"></time><a rel=bookmark href=\"/a\">a</a></body></html>")
        << 1 << 0 << 0;
    QTest::newRow("upper case markup") << QByteArray(
        "<ARTICLE><TIME DATETIME=\"2024-04-04\"></TIME><A REL=\"Bookmark\" HREF=\"/A\">a</A></ARTICLE>"
        "<DIV CLASS=\"POST\"><A REL=\"BOOKMARK\" HREF=\"/B\">b</A></DIV>")
                                       << 2 << 1 << 0;
    QTest::newRow("bare attributes") << QByteArray(
        "<article itemscope><a rel=bookmark href>empty</a><a rel=bookmark href=/b>b</a>"
        "<time datetime>bare</time><time datetime=\"2024-06-06\"></time></article>")
                                     << 1 << 1 << 0;
    QTest::newRow("duplicate links keep the first")
        << QByteArray("<article><time datetime=\"2024-01-01\"></time><a rel=bookmark href=\"/same\">1</a></article>"
                      "<article><time datetime=\"2025-01-01\"></time><a rel=bookmark href=\"/same#c\">2</a></article>"
                      "<article><a rel=bookmark href=\"/same\">3</a></article>")
        << 1 << 1 << 0;
    QTest::newRow("references in attributes")
        << QByteArray("<article><a rel=\"&#98;ookmark\" href=\"/a?x=1&amp;y=2\">a</a>"
                      "<a rel=\"book&#x6d;ark tag\" href=\"/b&#47;c\">b</a></article>")
        << 2 << 0 << 0;
    QTest::newRow("tokens split by tabs and newlines")
        << QByteArray("<div class=\"x\tpost\ny\"><time datetime=\"2024-07-07\"></time>"
                      "<a rel=\"nofollow\n bookmark\" href=\"/t\">t</a></div>")
        << 1 << 1 << 0;
    QTest::newRow("non-ASCII class and rel values")
        << QByteArray("<div class=\"p\xc3\xb3st POST\"><time datetime=\"2024-08-08\"></time>"
                      "<a rel=\"bookmark \xc3\xa9\" href=\"/\xc3\xa9t\xc3\xa9\">e</a></div>"
                      "<div class=\"\xc5\xbf\x65ntry\"><a rel=bookmark href=\"/long-s\">s</a></div>")
        << 2 << 1 << 0;
    QTest::newRow("date rules in their order")
        << QByteArray("<article><span class=\"updated\" title=\"2020-01-01\">u</span>"
                      "<abbr class=\"published\" title=\"2020-02-02\">p</abbr>"
                      "<span class=\"dt-published\" datetime=\"2020-03-03\">d</span>"
                      "<meta itemprop=\"datePublished\" content=\"2020-04-04\">"
                      "<a rel=bookmark href=\"/rules\">r</a></article>"
                      "<article><span class=\"updated\" title=\"2021-01-01\">u</span>"
                      "<time datetime=\"not a date\"></time><time datetime=\"2019-09-09\"></time>"
                      "<a rel=bookmark href=\"/time\">t</a></article>")
        << 2 << 2 << 0;
    QTest::newRow("more elements than a date walk reads")
        << "<article><a rel=bookmark href=\"/late\">l</a>" + repeated("<i></i>", PostDate::MaxElements)
            + "<time datetime=\"2024-09-09\"></time></article><article><a rel=bookmark href=\"/early\">e</a>"
            + repeated("<i></i>", PostDate::MaxElements - 2) + "<time datetime=\"2024-10-10\"></time></article>"
        << 2 << 1 << 0;
    QTest::newRow("feeds") << QByteArray(
        "<head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\">"
        "<link REL=\"Alternate home\" TYPE=\" Application/Atom+XML; charset=utf-8 \" href=\"/atom\">"
        "<link rel=\"alternate\" type=\"text/html\" href=\"/fr/\">"
        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed#again\">"
        "<link rel=\"alternate\" type=\"application/rdf+xml\" href=\"javascript:x()\">"
        "<link rel=\"alternate\" type=\"application/rdf+xml\">"
        "<base href=\"https://other.example.com/blog/\"></head><body>"
        + three + "<link rel=alternate type=application/rdf+xml href=late.rdf></body>")
                           << 3 << 3 << 3;
    QTest::newRow("markup inside script, style and comments")
        << QByteArray("<script>var s = '<a rel=bookmark href=/fake1>';</script><style>a[rel=bookmark]{}</style>"
                      "<!-- <a rel=bookmark href=/fake2> --><textarea><a rel=bookmark href=/fake3></textarea>"
                      "<a rel=bookmark href=/real>r</a>")
        << 2 << 0 << 0; // libxml2 2.9 reads <textarea> content as markup
    QTest::newRow("implied and misplaced elements")
        << QByteArray("<html><head>text in head<link rel=alternate type=application/rss+xml href=/f>"
                      "</head>more<html class=\"post\" itemscope><body class=post><body itemscope>"
                      "<p><div class=post><time datetime=\"2024-11-11\"></time><p>x<a rel=bookmark href=/a>a"
                      "<a rel=bookmark href=/b>b</p></div></html><a rel=bookmark href=/after>z")
        << 3 << 2 << 1;
    QTest::newRow("tables and lists") << QByteArray(
        "<table><tr><td class=post><time datetime=\"2024-12-12\"></time><a rel=bookmark href=/t1>1"
        "<tr><td><a rel=bookmark href=/t2>2</table><ul><li class=entry><a rel=bookmark href=/l1>l"
        "<time datetime=\"2023-12-12\"></time><li><a rel=bookmark href=/l2>m</ul>")
                                      << 4 << 4 << 0; // libxml2 2.9 nests the second row and item in the first
    QTest::newRow("truncated page") << QByteArray("<article><time datetime=\"2024-05-05\"><a rel=bookmark href=\"/cut")
                                    << 1 << 1 << 0;
    QTest::newRow("unclosed at the end") << QByteArray(
        "<article><time datetime=\"2024-05-05\"></time><a rel=bookmark href=/open>o")
                                         << 1 << 1 << 0;
    QTest::newRow("links that resolve to nothing")
        << QByteArray("<article><a rel=bookmark href=\"#top\">a</a><a rel=bookmark href=\"javascript:void(0)\">b</a>"
                      "<a rel=bookmark href=\"mailto:a@b.c\">c</a><a rel=bookmark href=\"  /kept  \">d</a></article>")
        << 1 << 0 << 0;
}

void TestFrontPageScanner::agreesWithTree()
{
    QFETCH(QByteArray, html);
    QFETCH(int, bookmarks);
    QFETCH(int, dated);
    QFETCH(int, feeds);
    FrontPageScan scan;
    compareWithTree(html, PageUrl, &scan);
    if (QTest::currentTestFailed())
        return;
    // The page must exercise what its row says, or the comparison above proves little.
    QCOMPARE(scan.bookmarks.size(), bookmarks);
    QCOMPARE(std::count_if(scan.bookmarks.cbegin(), scan.bookmarks.cend(),
                           [](const ArticleCandidate &c) { return c.published.isValid(); }),
             dated);
    QCOMPARE(scan.feedLinks.size(), feeds);
}

void TestFrontPageScanner::agreesWithTreeOnCorpusPages()
{
    const QDir pages(qEnvironmentVariable("TITLEWAVE_CORPUS_DIR", QStringLiteral(TITLEWAVE_CORPUS_DIR))
                     + QLatin1String("/pages"));
    if (!pages.exists())
        QSKIP("corpus folder ../shared/corpus is absent");
    int compared = 0;
    int withBookmarks = 0;
    int withFeeds = 0;
    for (const QString &name : pages.entryList({ QStringLiteral("*.html") }, QDir::Files, QDir::Name)) {
        QFile file(pages.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
        FrontPageScan scan;
        compareWithTree(file.readAll(), QUrl(QStringLiteral("https://example.org/") + name), &scan);
        if (QTest::currentTestFailed()) {
            qWarning("differs on %s", qPrintable(name));
            return;
        }
        ++compared;
        withBookmarks += scan.bookmarks.isEmpty() ? 0 : 1;
        withFeeds += scan.feedLinks.isEmpty() ? 0 : 1;
    }
    QVERIFY(compared >= 100);
    QVERIFY(withBookmarks >= 3);
    QVERIFY(withFeeds >= 10);
}

void TestFrontPageScanner::givesUpOnDeeplyNestedContainers()
{
    const QByteArray html = repeated("<div itemscope>", 200) + "<a rel=bookmark href=/deep>d</a>";
    const FrontPageScan scan = FrontPageScanner::scan(html, html.size(), PageUrl);
    QVERIFY(!scan.complete);
    // The locator then answers from the tree, as it always did.
    const ArticleLocation location = ArticleLocator::locate(html, Utf8Html, PageUrl);
    QCOMPARE(location.articleUrl, QUrl(QStringLiteral("https://blog.example.org/deep")));
    QCOMPARE(location.foundVia, QStringLiteral("rel-bookmark"));
}

void TestFrontPageScanner::looksForBookmarksCheaply_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<bool>("may");
    QTest::newRow("lower") << QByteArray("<a rel=bookmark href=/a>") << true;
    QTest::newRow("capitalised") << QByteArray("<a rel=Bookmark href=/a>") << true;
    QTest::newRow("upper") << QByteArray("<a rel=BOOKMARK href=/a>") << true;
    QTest::newRow("long rel value") << QByteArray("<a rel='nofollow noopener external BookMark Bookmark'>") << true;
    QTest::newRow("after a tag's other attributes") << QByteArray("<a REL=x href=/a title=bookmark>") << true;
    QTest::newRow("in text only") << QByteArray("<p>Bookmark this page</p>") << false;
    QTest::newRow("in a class") << QByteArray("<a class=\"share-bookmark\" href=/b>") << false;
    QTest::newRow("rel in the tag before") << QByteArray("<a rel=next></a><i>bookmark</i>") << false;
    QTest::newRow("at the very start") << QByteArray("ookmark") << false;
    QTest::newRow("none") << QByteArray("<article><h2><a href=/a>a</a></h2></article>") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestFrontPageScanner::looksForBookmarksCheaply()
{
    QFETCH(QByteArray, html);
    QFETCH(bool, may);
    QCOMPARE(FrontPageScanner::mayHaveBookmarks(html, html.size()), may);
}

void TestFrontPageScanner::locatorAnswersWhateverThePath_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<bool>("preferFeeds");
    QTest::addColumn<QString>("article");
    QTest::addColumn<QString>("via");
    QTest::addColumn<int>("feeds");
    const QByteArray feed = "<link rel=alternate type=application/rss+xml href=/feed>";
    // Through the scan: the newest dated link wins over the first.
    QTest::newRow("scanned") << "<head>" + feed
            + "</head><article><time datetime=2020-01-01></time><a rel=bookmark href=/old>o</a></article>"
              "<article><time datetime=2024-01-01></time><a rel=bookmark href=/new>n</a></article>"
                             << false << QStringLiteral("https://blog.example.org/new")
                             << QStringLiteral("rel-bookmark") << 1;
    QTest::newRow("scanned, feeds preferred")
        << "<head>" + feed + "</head><a rel=bookmark href=/a>a</a>" << true << QString() << QString() << 1;
    // A spelling the cheap look misses: the tree still finds it.
    QTest::newRow("mixed case") << QByteArray("<a rel=BookMark href=/mixed>m</a>") << false
                                << QStringLiteral("https://blog.example.org/mixed") << QStringLiteral("rel-bookmark")
                                << 0;
    // "bookmark" only in text and links to the page itself: the later rules answer.
    QTest::newRow("word in text, article rule")
        << QByteArray("<p>Bookmark us!</p><a rel=bookmark href=/home/>self</a>"
                      "<article><h2><a href=/post>p</a></h2></article>")
        << false << QStringLiteral("https://blog.example.org/post") << QStringLiteral("article") << 0;
}

void TestFrontPageScanner::locatorAnswersWhateverThePath()
{
    QFETCH(QByteArray, html);
    QFETCH(bool, preferFeeds);
    QFETCH(QString, article);
    QFETCH(QString, via);
    QFETCH(int, feeds);
    ArticleLocatorOptions options;
    options.preferFeeds = preferFeeds;
    const ArticleLocation location = ArticleLocator::locate(html, Utf8Html, PageUrl, options);
    QCOMPARE(location.articleUrl.toString(), article);
    QCOMPARE(location.foundVia, via);
    QCOMPARE(location.feedUrls.size(), feeds);
    QVERIFY(location.error.isEmpty());
}

QTEST_GUILESS_MAIN(TestFrontPageScanner)
#include "tst_frontpagescanner.moc"
