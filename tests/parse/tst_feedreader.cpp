// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/feedreader.h"

#include <QElapsedTimer>
#include <QTest>

#include <libxml/parser.h>

namespace {

const QUrl FeedUrl(QStringLiteral("https://blog.example.org/feed/"));

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray rss(const QByteArray &items)
{
    return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
           "<title>Blog</title><link>https://blog.example.org/</link>"
        + items + "</channel></rss>";
}

QByteArray atom(const QByteArray &entries, const QByteArray &feedAttributes = {})
{
    return "<feed xmlns=\"http://www.w3.org/2005/Atom\"" + feedAttributes + "><title>Blog</title>" + entries
        + "</feed>";
}

} // namespace

class TestFeedReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void readsFirstEntryTitleAndLink_data();
    void readsFirstEntryTitleAndLink();
    void findsNewestEntryInAtomFeed_data();
    void findsNewestEntryInAtomFeed();
    void findsNewestItemInRssFeed_data();
    void findsNewestItemInRssFeed();
    void resolvesRelativeLinks_data();
    void resolvesRelativeLinks();
    void decodesTitleTypes_data();
    void decodesTitleTypes();
    void decodesDeclaredEncodings_data();
    void decodesDeclaredEncodings();
    void rejectsNonFeeds_data();
    void rejectsNonFeeds();
    void doesNotReadExternalEntities_data();
    void doesNotReadExternalEntities();
    void survivesEntityExpansionBombs_data();
    void survivesEntityExpansionBombs();
    void recognisesFeedsByRootElement_data();
    void recognisesFeedsByRootElement();
    void keepsReadingPastBytesTheEncodingLacks_data();
    void keepsReadingPastBytesTheEncodingLacks();
};

void TestFeedReader::readsFirstEntryTitleAndLink_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("link");
    QTest::addRow("rss 2.0") << rss("<item><title>First</title><link>https://blog.example.org/first</link></item>"
                                    "<item><title>Second</title><link>https://blog.example.org/second</link></item>")
                             << str("First") << str("https://blog.example.org/first");
    QTest::addRow("rss 0.91") << QByteArray("<rss version=\"0.91\"><channel><item><title>Old</title>"
                                            "<link>http://example.com/old</link></item></channel></rss>")
                              << str("Old") << str("http://example.com/old");
    QTest::addRow("rss 1.0 rdf") << QByteArray(
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
        "<channel rdf:about=\"x\"><title>C</title></channel>"
        "<item rdf:about=\"http://example.com/1\"><title>RDF item</title><link>http://example.com/1</link></item>"
        "</rdf:RDF>") << str("RDF item")
                                 << str("http://example.com/1");
    QTest::addRow("rss 0.90 rdf") << QByteArray("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                                                "xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><item><title>Ninety</"
                                                "title><link>http://e.com/90</link></item></rdf:RDF>")
                                  << str("Ninety") << str("http://e.com/90");
    QTest::addRow("atom 1.0 alternate") << atom(
        "<entry><title>A</title><link rel=\"edit\" href=\"https://x.org/edit\"/>"
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://x.org/a\"/></entry>")
                                        << str("A") << str("https://x.org/a");
    QTest::addRow("atom link without rel") << atom("<entry><title>B</title><link href=\"https://x.org/b\"/></entry>")
                                           << str("B") << str("https://x.org/b");
    QTest::addRow("atom 0.3") << QByteArray(
        "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title>Zero three</title>"
        "<link rel=\"alternate\" type=\"text/html\" href=\"http://e.com/03\"/></entry></feed>")
                              << str("Zero three") << str("http://e.com/03");
    QTest::addRow("guid permalink by default")
        << rss("<item><title>G</title><guid>https://e.com/g</guid></item>") << str("G") << str("https://e.com/g");
    QTest::addRow("guid not a permalink")
        << rss("<item><title>G</title><guid isPermaLink=\"false\">https://e.com/g</guid></item>") << str("G")
        << QString();
    QTest::addRow("link beats guid") << rss(
        "<item><guid>https://e.com/guid</guid><link>https://e.com/link</link><title>L</title></item>")
                                     << str("L") << str("https://e.com/link");
    QTest::addRow("dc:title fallback") << rss("<item><dc:title>Dublin</dc:title><link>https://e.com/d</link></item>")
                                       << str("Dublin") << str("https://e.com/d");
    QTest::addRow("media:title fallback") << QByteArray(
        "<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><media:title>Media</media:title>"
        "<link>https://e.com/m</link></item></channel></rss>")
                                          << str("Media") << str("https://e.com/m");
    QTest::addRow("cdata title") << rss(
        "<item><title><![CDATA[Tom & <Jerry>]]></title><link>https://e.com/t</link></item>")
                                 << str("Tom & <Jerry>") << str("https://e.com/t");
    QTest::addRow("whitespace collapsed")
        << rss("<item><title>\n  Spread\tout\n </title><link>\n https://e.com/w \n</link></item>") << str("Spread out")
        << str("https://e.com/w");
    QTest::addRow("bare ampersand in link") << rss("<item><title>Q</title><link>https://e.com/?a=1&b=2</link></item>")
                                            << str("Q") << str("https://e.com/?a=1&b=2");
    QTest::addRow("javascript link refused")
        << rss("<item><title>J</title><link>javascript:alert(1)</link></item>") << str("J") << QString();
    QTest::addRow("feedburner original link") << QByteArray(
        "<rss xmlns:feedburner=\"http://rssnamespace.org/feedburner/ext/1.0\"><channel><item><title>F</title>"
        "<link>http://feeds.example/~r/x/~3/abc/</link><feedburner:origLink>https://e.com/real</feedburner:origLink>"
        "</item></channel></rss>") << str("F") << str("https://e.com/real");
    QTest::addRow("microsoft cdf") << QByteArray(
        "<CHANNEL><ITEM HREF=\"http://e.org/cdf\"><TITLE>Cdf</TITLE></ITEM></CHANNEL>")
                                   << str("Cdf") << str("http://e.org/cdf");
}

void TestFeedReader::readsFirstEntryTitleAndLink()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, title);
    QFETCH(QString, link);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY(feed.isFeed);
    QVERIFY(!feed.entries.isEmpty());
    QCOMPARE(feed.entries.constFirst().title, title);
    QCOMPARE(feed.entries.constFirst().link.toString(), link);
}

void TestFeedReader::findsNewestEntryInAtomFeed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("newestTitle");
    QTest::addRow("newest last") << atom(
        "<entry><title>Old</title><link href=\"https://e.com/1\"/><updated>2020-01-01T00:00:00Z</updated></entry>"
        "<entry><title>New</title><link href=\"https://e.com/2\"/><updated>2024-05-01T10:00:00+02:00</updated></entry>")
                                 << str("New");
    QTest::addRow("published beats updated") << atom(
        "<entry><title>A</title><link href=\"https://e.com/a\"/><published>2021-01-01T00:00:00Z</published>"
        "<updated>2025-01-01T00:00:00Z</updated></entry>"
        "<entry><title>B</title><link href=\"https://e.com/b\"/><published>2022-01-01T00:00:00Z</published></entry>")
                                             << str("B");
    QTest::addRow("time zones compared") << atom(
        "<entry><title>Early</title><link "
        "href=\"https://e.com/1\"/><updated>2024-01-01T10:00:00+05:00</updated></entry>"
        "<entry><title>Late</title><link href=\"https://e.com/2\"/><updated>2024-01-01T06:00:00Z</updated></entry>")
                                         << str("Late");
    QTest::addRow("atom 0.3 issued/modified") << QByteArray(
        "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
        "<entry><title>X</title><link href=\"https://e.com/x\"/><issued>2003-12-13T08:29:29-04:00</issued></entry>"
        "<entry><title>Y</title><link "
        "href=\"https://e.com/y\"/><modified>2004-12-13T08:29:29-04:00</modified></entry></feed>")
                                              << str("Y");
    QTest::addRow("undated: first wins") << atom("<entry><title>One</title><link href=\"https://e.com/1\"/></entry>"
                                                 "<entry><title>Two</title><link href=\"https://e.com/2\"/></entry>")
                                         << str("One");
    QTest::addRow("entry without link skipped") << atom(
        "<entry><title>NoLink</title><updated>2030-01-01T00:00:00Z</updated></entry>"
        "<entry><title>Linked</title><link href=\"https://e.com/l\"/><updated>2020-01-01T00:00:00Z</updated></entry>")
                                                << str("Linked");
}

void TestFeedReader::findsNewestEntryInAtomFeed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, newestTitle);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY(feed.newest());
    QCOMPARE(feed.newest()->title, newestTitle);
}

void TestFeedReader::findsNewestItemInRssFeed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("newestTitle");
    QTest::addRow("pubDate rfc 822") << rss(
        "<item><title>Pinned</title><link>https://e.com/p</link><pubDate>Mon, 01 Jan 2018 10:00:00 GMT</pubDate></item>"
        "<item><title>Latest</title><link>https://e.com/l</link><pubDate>Tue, 05 Mar 2024 09:30:00 "
        "+0100</pubDate></item>") << str("Latest");
    QTest::addRow("named zones") << rss(
        "<item><title>East</title><link>https://e.com/e</link><pubDate>Tue, 05 Mar 2024 09:30:00 EST</pubDate></item>"
        "<item><title>West</title><link>https://e.com/w</link><pubDate>Tue, 05 Mar 2024 07:30:00 PST</pubDate></item>")
                                 << str("West");
    QTest::addRow("dc:date") << rss(
        "<item><title>A</title><link>https://e.com/a</link><dc:date>2002-09-28T21:00:02Z</dc:date></item>"
        "<item><title>B</title><link>https://e.com/b</link><dc:date>2003-01-01</dc:date></item>")
                             << str("B");
    QTest::addRow("garbage dates ignored")
        << rss("<item><title>A</title><link>https://e.com/a</link><pubDate>yesterday</pubDate></item>"
               "<item><title>B</title><link>https://e.com/b</link><pubDate>soon</pubDate></item>")
        << str("A");
}

void TestFeedReader::findsNewestItemInRssFeed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, newestTitle);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY(feed.newest());
    QCOMPARE(feed.newest()->title, newestTitle);
}

void TestFeedReader::resolvesRelativeLinks_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("link");
    QTest::addRow("against feed url") << rss("<item><link>/2024/post</link></item>")
                                      << str("https://blog.example.org/2024/post");
    QTest::addRow("relative to feed path")
        << rss("<item><link>post.html</link></item>") << str("https://blog.example.org/feed/post.html");
    QTest::addRow("xml:base on entry") << atom(
        "<entry xml:base=\"https://other.example/base/\"><link href=\"p/1\"/></entry>")
                                       << str("https://other.example/base/p/1");
    QTest::addRow("xml:base on feed, relative on entry")
        << atom("<entry xml:base=\"sub/\"><link href=\"p\"/></entry>", " xml:base=\"https://other.example/root/\"")
        << str("https://other.example/root/sub/p");
    QTest::addRow("xml:base on link") << atom("<entry><link xml:base=\"http://l.example/\" href=\"x\"/></entry>")
                                      << str("http://l.example/x");
    QTest::addRow("fragment dropped") << rss("<item><link>https://e.com/a#comments</link></item>")
                                      << str("https://e.com/a");
}

void TestFeedReader::resolvesRelativeLinks()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, link);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY(!feed.entries.isEmpty());
    QCOMPARE(feed.entries.constFirst().link.toString(), link);
}

void TestFeedReader::decodesTitleTypes_data()
{
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<QString>("expected");
    QTest::addRow("text") << QByteArray("<title>A &amp; B</title>") << str("A & B");
    QTest::addRow("text with literal brackets")
        << QByteArray("<title type=\"text\">History of the &lt;blink&gt; tag</title>")
        << str("History of the <blink> tag");
    QTest::addRow("html decoded to text")
        << QByteArray("<title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title>") << str("Bold & more");
    QTest::addRow("html escaped literal bracket")
        << QByteArray("<title type=\"html\">a &amp;lt;b&amp;gt;</title>") << str("a <b>");
    QTest::addRow("html named entity") << QByteArray("<title type=\"html\">caf&amp;eacute; &amp;mdash; ok</title>")
                                       << str("café — ok");
    QTest::addRow("xhtml div text") << QByteArray(
        "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">X <b>H</b>&amp;T</div></title>")
                                    << str("X H&T");
    QTest::addRow("atom 0.3 escaped") << QByteArray(
        "<title mode=\"escaped\" type=\"text/html\">&lt;i&gt;E&lt;/i&gt;</title>")
                                      << str("E");
    QTest::addRow("base64 text") << QByteArray("<title mode=\"base64\">SGVsbG8gd29ybGQ=</title>") << str("Hello world");
    QTest::addRow("rtl kept") << QByteArray("<title>\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D world</title>")
                              << str("שלום world");
}

void TestFeedReader::decodesTitleTypes()
{
    QFETCH(QByteArray, title);
    QFETCH(QString, expected);
    const FeedContent feed
        = FeedReader::read(atom("<entry>" + title + "<link href=\"https://e.com/\"/></entry>"), FeedUrl);
    QVERIFY(!feed.entries.isEmpty());
    QCOMPARE(feed.entries.constFirst().title, expected);
}

void TestFeedReader::decodesDeclaredEncodings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("title");
    const QByteArray item = "<rss><channel><item><title>";
    const QByteArray end = "</title><link>https://e.com/x</link></item></channel></rss>";
    QTest::addRow("utf-8 default") << (item + "caf\xC3\xA9" + end) << str("café");
    QTest::addRow("iso-8859-1 declared") << ("<?xml version='1.0' encoding='ISO-8859-1'?>" + item + "caf\xE9 \x93q\x94"
                                             + end)
                                         << str("café “q”");
    QTest::addRow("shift_jis declared") << ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>" + item + "\x93\xFA\x96\x7B"
                                            + end)
                                        << str("日本");
    QTest::addRow("utf-8 bom") << ("\xEF\xBB\xBF<?xml version='1.0'?>" + item + "\xC3\xA9t\xC3\xA9" + end)
                               << str("été");
    QTest::addRow("stray byte costs one character") << ("<?xml version='1.0' encoding='utf-8'?>" + item
                                                        + "a\xFF"
                                                          "b"
                                                        + end)
                                                    << str("a\uFFFDb");
    QTest::addRow("undeclared latin-1") << (item
                                            + "na\xEF"
                                              "ve"
                                            + end)
                                        << str("naïve");
}

void TestFeedReader::decodesDeclaredEncodings()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, title);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY(!feed.entries.isEmpty());
    QCOMPARE(feed.entries.constFirst().title, title);
    QCOMPARE(feed.entries.constFirst().link.toString(), str("https://e.com/x"));
}

void TestFeedReader::rejectsNonFeeds_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("html") << QByteArray("<!doctype html><html><body><item><title>x</title></item></body></html>");
    QTest::addRow("other xml") << QByteArray("<?xml version=\"1.0\"?><urlset><url><loc>x</loc></url></urlset>");
    QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    QTest::addRow("truncated") << QByteArray("<rss><chan");
    QTest::addRow("nul bytes") << QByteArray("<rss>\0\0\0</rss>", 14);
}

void TestFeedReader::rejectsNonFeeds()
{
    QFETCH(QByteArray, body);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY(feed.entries.isEmpty());
    QVERIFY(!feed.newest());
}

void TestFeedReader::doesNotReadExternalEntities_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("system entity in title")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                      "<rss><channel><item><title>x&e;y</title><link>https://e.com/&e;</link></item></channel></rss>");
    QTest::addRow("parameter entity") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>"
        "<rss><channel><item><title>xy</title></item></channel></rss>");
    QTest::addRow("external dtd") << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"file:///etc/passwd\">"
                                                "<rss><channel><item><title>xy</title></item></channel></rss>");
}

void TestFeedReader::doesNotReadExternalEntities()
{
    QFETCH(QByteArray, body);
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QCOMPARE(feed.entries.size(), 1);
    for (const FeedEntry &entry : feed.entries) {
        QVERIFY2(!entry.title.contains(QLatin1String("root:")), qPrintable(entry.title));
        QVERIFY(!entry.link.toString().contains(QLatin1String("root")));
        QCOMPARE(entry.title, str("xy"));
    }
}

void TestFeedReader::survivesEntityExpansionBombs_data()
{
    QTest::addColumn<QByteArray>("body");
    QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"ha\">";
    for (int i = 1; i <= 12; ++i)
        laughs += "<!ENTITY l" + QByteArray::number(i) + " \""
            + QByteArray("&l" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
    laughs += "]><rss><channel><item><title>&l12;</title><link>https://e.com/</link></item></channel></rss>";
    QTest::addRow("billion laughs") << laughs;
    QTest::addRow("quadratic blowup") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + QByteArray(50000, 'a')
        + "\">]><rss><channel><item><title>" + QByteArray("&a;").repeated(20000) + "</title></item></channel></rss>");
    QTest::addRow("entity loop") << QByteArray(
        "<!DOCTYPE rss [<!ENTITY a \"&b;\"><!ENTITY b "
        "\"&a;\">]><rss><channel><item><title>&a;</title></item></channel></rss>");
    QTest::addRow("deep nesting") << QByteArray("<rss><channel>" + QByteArray("<x>").repeated(100000)
                                                + "</channel></rss>");
    // The '&' repair searched the rest of the body for '[' at every "<!DOCTYPE": 15 s for 300 KB.
    QTest::addRow("many doctypes") << QByteArray("&" + QByteArray("<!DOCTYPE>").repeated(30000));
}

void TestFeedReader::survivesEntityExpansionBombs()
{
    QFETCH(QByteArray, body);
    QElapsedTimer timer;
    timer.start();
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QVERIFY2(timer.elapsed() < 5000, "entity expansion was not bounded");
    for (const FeedEntry &entry : feed.entries)
        QVERIFY(entry.title.size() < 200000);
}

void TestFeedReader::recognisesFeedsByRootElement_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("expected");
    QTest::addRow("rss") << QByteArray("<rss version=\"2.0\">") << true;
    QTest::addRow("prolog and comments") << QByteArray(
        "\xEF\xBB\xBF<?xml version='1.0'?>\n<?xml-stylesheet href='x'?><!-- hi -->\n<feed>")
                                         << true;
    QTest::addRow("rdf prefix") << QByteArray("<rdf:RDF xmlns:rdf='x'>") << true;
    QTest::addRow("prefixed rss") << QByteArray("<r:rss xmlns:r='x'>") << true;
    QTest::addRow("html") << QByteArray("<!DOCTYPE html><html><rss>") << false;
    QTest::addRow("text before") << QByteArray("hello <rss>") << false;
    QTest::addRow("unterminated comment") << QByteArray("<!-- <rss>") << false;
    QTest::addRow("empty") << QByteArray() << false;
}

void TestFeedReader::recognisesFeedsByRootElement()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, expected);
    QCOMPARE(FeedReader::looksLikeFeed(body, QByteArray()), expected);
}

void TestFeedReader::keepsReadingPastBytesTheEncodingLacks_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("junk");
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<QString>("expected");
    // Found by fuzz_feed_reader: libxml2 stopped at the first byte the declared decoder rejected.
    QTest::addRow("windows-1252 hole") << QByteArray("windows-1252") << QByteArray("\x81") << QByteArray("Caf\xe9")
                                       << QString::fromUtf8("Caf\u00e9");
    QTest::addRow("broken shift_jis pair") << QByteArray("Shift_JIS") << QByteArray("\x81\x20")
                                           << QByteArray("\x93\xfa\x96\x7b") << QString::fromUtf8("\u65e5\u672c");
    QTest::addRow("latin-1 still latin-1")
        << QByteArray("ISO-8859-1") << QByteArray("\xa0") << QByteArray("Caf\xe9") << QString::fromUtf8("Caf\u00e9");
}

void TestFeedReader::keepsReadingPastBytesTheEncodingLacks()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, junk);
    QFETCH(QByteArray, title);
    QFETCH(QString, expected);
    const QByteArray body = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><rss version=\"2.0\"><channel>"
        + "<item><title>x" + junk + "</title><link>https://e.example/1</link></item>" + "<item><title>" + title
        + "</title><link>https://e.example/2</link></item></channel></rss>";
    const FeedContent feed = FeedReader::read(body, FeedUrl);
    QCOMPARE(feed.entries.size(), 2);
    QCOMPARE(feed.entries.at(1).title, expected);
}

QTEST_GUILESS_MAIN(TestFeedReader)
#include "tst_feedreader.moc"
