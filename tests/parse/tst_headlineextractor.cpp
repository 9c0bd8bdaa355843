// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/headlineextractor.h"
#include "parse/titlesplitter.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <libxml/parser.h>

#include <atomic>
#include <thread>
#include <vector>

namespace {

const QUrl PageUrl(QStringLiteral("https://blog.example.org/2024/05/post/"));

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray page(const QByteArray &head, const QByteArray &body = {})
{
    return "<!DOCTYPE html><html><head><meta charset='utf-8'>" + head + "</head><body>" + body + "</body></html>";
}

Headline extract(const QByteArray &body)
{
    return HeadlineExtractor::extract(body, QByteArray("text/html"), PageUrl);
}

} // namespace

Q_DECLARE_METATYPE(HeadlineContext)

class TestHeadlineExtractor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void decidesFromTheWholeChain_data();
    void decidesFromTheWholeChain();
    void prefersJsonLdHeadline_data();
    void prefersJsonLdHeadline();
    void readsMetaTitlesInOrder_data();
    void readsMetaTitlesInOrder();
    void usesArticleHeading_data();
    void usesArticleHeading();
    void stripsSiteNameOnlyWhenBacked_data();
    void stripsSiteNameOnlyWhenBacked();
    void readsRawTitle_data();
    void readsRawTitle();
    void decodesEntitiesExactlyOnce_data();
    void decodesEntitiesExactlyOnce();
    void normalisesText_data();
    void normalisesText();
    void survivesHostileInput_data();
    void survivesHostileInput();
    void extractsConcurrently();
    void answersFromHeadOnlyWhatTheWholePageSays_data();
    void answersFromHeadOnlyWhatTheWholePageSays();
    void prefersJsonLdNameWhenTitleAgrees();
    void staysFastOnLongJsonLdNames();
    void keepsReadingPastBytesTheCharsetLacks_data();
    void keepsReadingPastBytesTheCharsetLacks();
};

void TestHeadlineExtractor::prefersJsonLdHeadline_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("via");
    const auto ld = [](const QByteArray &json) -> QByteArray {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    };
    const QByteArray og = "<meta property='og:title' content='OG title'>";
    QTest::addRow("blogposting headline") << page(og + ld("{\"@type\":\"BlogPosting\",\"headline\":\"LD headline\"}"))
                                          << str("LD headline") << str("json-ld");
    QTest::addRow("in @graph") << page(og
                                       + ld("{\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Page\"},{\"@type\":"
                                            "\"NewsArticle\",\"headline\":\"Graph\"}]}"))
                               << str("Graph") << str("json-ld");
    QTest::addRow("name when no headline")
        << page(ld("{\"@type\":\"Article\",\"name\":\"Named\"}")) << str("Named") << str("json-ld");
    QTest::addRow("name when title agrees with it")
        << page("<title>New Zealand - Wikipedia</title>"
                + ld("{\"@type\":\"Article\",\"name\":\"New Zealand\",\"headline\":\"country in Oceania\"}"))
        << str("New Zealand") << str("json-ld");
    QTest::addRow("headline when title agrees with it")
        << page("<title>Big news today - Site</title>"
                + ld("{\"@type\":\"Article\",\"name\":\"Site\",\"headline\":\"Big news today\"}"))
        << str("Big news today") << str("json-ld");
    QTest::addRow("non-article types ignored")
        << page(og + ld("{\"@type\":\"WebSite\",\"headline\":\"Site\"}")) << str("OG title") << str("og:title");
    QTest::addRow("broken json falls through")
        << page(og + ld("{\"@type\":\"Article\",\"headline\":")) << str("OG title") << str("og:title");
    QTest::addRow("entities in json decoded once")
        << page(ld("{\"@type\":\"Article\",\"headline\":\"Tom &amp; Jerry &lt;3 &amp;amp;\"}"))
        << str("Tom & Jerry <3 &amp;") << str("json-ld");
    QTest::addRow("full iri type") << page(ld("{\"@type\":\"http://schema.org/BlogPosting\",\"headline\":\"IRI\"}"))
                                   << str("IRI") << str("json-ld");
}

void TestHeadlineExtractor::prefersJsonLdHeadline()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, title);
    QFETCH(QString, via);
    const Headline headline = extract(body);
    QCOMPARE(headline.title, title);
    QCOMPARE(headline.via, via);
}

void TestHeadlineExtractor::readsMetaTitlesInOrder_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("via");
    QTest::addRow("og property") << QByteArray(
        "<title>T</title><meta name='twitter:title' content='TW'><meta property='og:title' content='OG'>")
                                 << str("OG") << str("og:title");
    QTest::addRow("og as name") << QByteArray("<meta name='og:title' content='OG name'>") << str("OG name")
                                << str("og:title");
    QTest::addRow("og token in list") << QByteArray("<meta property='x:title og:title' content='Token'>")
                                      << str("Token") << str("og:title");
    QTest::addRow("empty og skipped") << QByteArray(
        "<meta property='og:title' content='  '><meta name='twitter:title' content='TW'>")
                                      << str("TW") << str("twitter:title");
    QTest::addRow("twitter property") << QByteArray("<meta property='twitter:title' content='TWP'>") << str("TWP")
                                      << str("twitter:title");
    QTest::addRow("dc.title") << QByteArray("<title>T</title><meta name='DC.title' content='Dublin'>") << str("Dublin")
                              << str("dc:title");
    QTest::addRow("dcterms") << QByteArray("<meta property='dcterms:title' content='Terms'>") << str("Terms")
                             << str("dc:title");
    QTest::addRow("og:title not stripped")
        << QByteArray("<meta property='og:title' content='Story | Site'>") << str("Story | Site") << str("og:title");
    QTest::addRow("og:title that is only the site name skipped") << QByteArray(
        "<title>Story | Site</title><meta property='og:site_name' content='Site'><meta property='og:title' "
        "content='Site'>") << str("Story") << str("title");
    QTest::addRow("site-name og:title kept on the home page") << QByteArray(
        "<title>Site</title><meta property='og:site_name' content='Site'><meta property='og:title' content='Site'>")
                                                              << str("Site") << str("og:title");
    QTest::addRow("og:title-like names don't match")
        << QByteArray("<title>Real</title><meta property='og:title:alt' content='No'>") << str("Real") << str("title");
}

void TestHeadlineExtractor::readsMetaTitlesInOrder()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, title);
    QFETCH(QString, via);
    const Headline headline = extract(page(head, "<h2>Story</h2>"));
    QCOMPARE(headline.title, title);
    QCOMPARE(headline.via, via);
}

void TestHeadlineExtractor::usesArticleHeading_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("via");
    QTest::addRow("article h1 agreeing with title")
        << page("<title>Why: a post about it :: My Blog</title>",
                "<h1>My Blog</h1><article><h1>Why: a post about it</h1></article>")
        << str("Why: a post about it") << str("h1");
    QTest::addRow("article h1 disagreeing: title wins")
        << page("<title>The real title</title>", "<article><h1>Lorem</h1></article>") << str("The real title")
        << str("title");
    QTest::addRow("h1 when no title") << page({}, "<div><h1> Only <em>heading</em> </h1></div>") << str("Only heading")
                                      << str("h1");
    QTest::addRow("article h1 when no title")
        << page({}, "<h1>Blog</h1><article><h1>Post</h1></article>") << str("Post") << str("h1");
    QTest::addRow("site h1 does not override title")
        << page("<title>A long article title</title>", "<h1>Blog name</h1>") << str("A long article title")
        << str("title");
}

void TestHeadlineExtractor::usesArticleHeading()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, title);
    QFETCH(QString, via);
    const Headline headline = extract(body);
    QCOMPARE(headline.title, title);
    QCOMPARE(headline.via, via);
}

void TestHeadlineExtractor::stripsSiteNameOnlyWhenBacked_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("headings");
    QTest::addColumn<QString>("expected");
    const QString headline = str("Rust 2.0 - what changes");
    for (const char *separator : { " | ", " - ", " – ", " — ", " :: ", " » ", " · " }) {
        const QString sep = str(separator);
        QTest::addRow("suffix%s", separator) << (headline + sep + str("Site")) << QStringList { headline } << headline;
        QTest::addRow("prefix%s", separator) << (str("Site") + sep + headline) << QStringList { headline } << headline;
        QTest::addRow("unbacked%s", separator)
            << (headline + sep + str("Site")) << QStringList { str("Other") } << (headline + sep + str("Site"));
    }
    QTest::addRow("dash inside backed headline kept")
        << str("Rust 2.0 - what changes | Site") << QStringList { str("Rust 2.0 - what changes") }
        << str("Rust 2.0 - what changes");
    QTest::addRow("longest backed part") << str("A - B | Site") << QStringList { str("A - B"), str("A") }
                                         << str("A - B");
    QTest::addRow("case and spacing insensitive")
        << str("Hello World | Site") << QStringList { str("  hello   WORLD ") } << str("Hello World");
    QTest::addRow("no headings") << str("X | Y") << QStringList {} << str("X | Y");
    QTest::addRow("no separator") << str("Plain") << QStringList { str("Pl") } << str("Plain");
}

void TestHeadlineExtractor::stripsSiteNameOnlyWhenBacked()
{
    QFETCH(QString, title);
    QFETCH(QStringList, headings);
    QFETCH(QString, expected);
    QCOMPARE(TitleSplitter(headings).strip(title), expected);

    // And end to end, with the headings as <h2>s.
    QByteArray body;
    for (const QString &heading : headings)
        body += "<h2>" + heading.toHtmlEscaped().toUtf8() + "</h2>";
    const Headline headline = extract(page("<title>" + title.toHtmlEscaped().toUtf8() + "</title>", body));
    QCOMPARE(headline.title, expected);
    QCOMPARE(headline.via, str("title"));
}

void TestHeadlineExtractor::readsRawTitle_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("rawTitle");
    QTest::addRow("collapsed") << page("<title>\n\tA \t\t title\n</title>") << str("A title");
    QTest::addRow("empty first title skipped, svg titles ignored") << QByteArray(
        "<html><head><title></title></head><body><svg><title>icon</title></svg><title>Body title</title></body></html>")
                                                                   << str("Body title");
    QTest::addRow("svg only") << page({}, "<svg><title>Close</title></svg>") << QString();
    QTest::addRow("raw keeps site suffix")
        << page("<title>Post | Site</title><meta property='og:title' content='Post'>") << str("Post | Site");
}

void TestHeadlineExtractor::readsRawTitle()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, rawTitle);
    QCOMPARE(extract(body).rawTitle, rawTitle);
}

void TestHeadlineExtractor::decodesEntitiesExactlyOnce_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("title");
    QTest::addRow("title entities") << QByteArray("<title>Caf&eacute; &amp; bar &#8212; &#x2019;s</title>")
                                    << str("Café & bar — ’s");
    QTest::addRow("meta double escape kept")
        << QByteArray("<meta property='og:title' content='Fish &amp;amp; chips'>") << str("Fish &amp; chips");
    QTest::addRow("literal brackets kept")
        << QByteArray("<meta property='og:title' content='Why &lt;div&gt; &amp; not &lt;span&gt;'>")
        << str("Why <div> & not <span>");
    QTest::addRow("bare ampersand") << QByteArray("<title>R&D at AT&T</title>") << str("R&D at AT&T");
    QTest::addRow("escaped tags in title") << QByteArray("<title>a &lt;b&gt;b&lt;/b&gt;</title>") << str("a <b>b</b>");
}

void TestHeadlineExtractor::decodesEntitiesExactlyOnce()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, title);
    QCOMPARE(extract(page(head)).title, title);
}

void TestHeadlineExtractor::normalisesText_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("title");
    QTest::addRow("nbsp, tabs, newlines")
        << QByteArray("<title>\xC2\xA0 One&nbsp;two\tthree\r\nfour \xE2\x80\x83 </title>") << str("One two three four");
    QTest::addRow("nfc") << QByteArray("<title>Cafe\xCC\x81</title>") << str("Café");
    QTest::addRow("rtl hebrew") << QByteArray(
        "<title>\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D</title>")
                                << str("שלום עולם");
    QTest::addRow("rtl arabic with marks")
        << QByteArray("<meta property='og:title' content='\xE2\x80\x8F\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 2024'>")
        << str("\u200Fمرحبا 2024");
}

void TestHeadlineExtractor::normalisesText()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, title);
    QCOMPARE(extract(page(head)).title, title);
}

void TestHeadlineExtractor::survivesHostileInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("nul bytes") << QByteArray("<title>a\0b</title>", 18);
    QTest::addRow("deep nesting") << (QByteArray("<div>").repeated(200000) + "<h1>deep</h1>");
    QTest::addRow("unclosed") << QByteArray("<html><head><title>x");
    QTest::addRow("huge attribute") << ("<meta property='og:title' content='" + QByteArray(2000000, 'a') + "'>");
    QTest::addRow("json-ld nesting") << ("<script type='application/ld+json'>" + QByteArray("[").repeated(100000)
                                         + "</script>");
    QByteArray random(65536, '\0');
    QRandomGenerator generator(42);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::addRow("random bytes") << random;
    QTest::addRow("random with tags") << ("<title>" + random + "</title><h1>" + random);
}

void TestHeadlineExtractor::survivesHostileInput()
{
    QFETCH(QByteArray, body);
    const Headline headline = HeadlineExtractor::extract(body, QByteArray(), QUrl());
    QVERIFY(headline.title.size() <= body.size() + 1);
    QVERIFY(!headline.title.contains(QChar(0)));
}

void TestHeadlineExtractor::extractsConcurrently()
{
    const QByteArray body
        = page("<title>Concurrent | Site</title>"
               "<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"Concurrent\"}</script>",
               "<h1>Concurrent</h1>");
    std::atomic<int> good { 0 };
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (HeadlineExtractor::extract(body, "text/html", PageUrl).title == QLatin1String("Concurrent"))
                    ++good;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(good.load(), 400);
}

// extract() may answer from the bytes up to </head> alone: these pages put what decides the
// answer after that cut, or hide a "</head>" where it is no tag, and the answer must be the
// whole page's.
void TestHeadlineExtractor::answersFromHeadOnlyWhatTheWholePageSays_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("via");
    const QByteArray head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Real Title | Site</title>";
    // The link keeps the meta from being <head>'s last node, which extract() treats as open.
    const QByteArray og = "<meta property='og:title' content='Head OG'><link rel='stylesheet' href='/s.css'>";
    const QByteArray body = "<body><article><h1>Real Title</h1><p>text &#8217; more</p></article>";
    const auto ld = [](const QByteArray &attributes, const QByteArray &json) -> QByteArray {
        return "<script " + attributes + ">" + json + "</script>";
    };
    const QByteArray article = R"({"@type":"Article","headline":"Body LD"})";
    QTest::addRow("json-ld after head") << head + og + "</head>" + body + ld("type='application/ld+json'", article)
                                        << str("Body LD") << str("json-ld");
    QTest::addRow("json-ld after head, '>' in an attribute")
        << head + og + "</head>" + body + ld("data-x='a>b' type='application/ld+json'", article) << str("Body LD")
        << str("json-ld");
    QTest::addRow("json-ld after head, encoded type and key") << head + og + "</head>" + body
            + ld("type='application/ld&#43;json'", R"({"@type":"Article","headline":"Body LD"})")
                                                              << str("Body LD") << str("json-ld");
    QTest::addRow("json-ld after head, upper case")
        << head + og + "</head>" + body + ld("TYPE='APPLICATION/LD+JSON'", article) << str("Body LD") << str("json-ld");
    QTest::addRow("json-ld after head, control character libxml2 drops") << head + og + "</head>" + body
            + ld("type='application/ld+json'",
                 QByteArray(R"({"@)") + '\x01' + R"(type":"Article","headline":"Body LD"})")
                                                                         << str("Body LD") << str("json-ld");
    QTest::addRow("json-ld after head, unclosed")
        << head + og + "</head>" + body + "<script type='application/ld+json'>" + article << str("Body LD")
        << str("json-ld");
    QTest::addRow("</head> inside a meta attribute")
        << head + "<meta content='</head>' property='og:title'></head>" + body << str("</head>") << str("og:title");
    QTest::addRow("</head> inside a script")
        << head + "<script>var s = '</head>';</script>" + og + "</head>" + body << str("Head OG") << str("og:title");
    QTest::addRow("</head> inside a comment")
        << head + "<!-- </head> -->" + og + "</head>" + body << str("Head OG") << str("og:title");
    QTest::addRow("site name after head, entity-encoded") << head + "<meta property='og:title' content='Site'></head>"
            + body + "<meta property='og:site&#95;name' content='Site'>"
                                                          << str("Real Title") << str("h1");
    QTest::addRow("og:title after head") << QByteArray("<html><head><meta name='twitter:title' content='TW'>"
                                                       "<link rel='stylesheet' href='/s.css'></head><body>"
                                                       "<meta property='og:title' content='Late OG'></body></html>")
                                         << str("Late OG") << str("og:title");
    QTest::addRow("title after head") << "<html><head>" + og + "</head><body><TITLE>Late</TITLE>" + body
            + QByteArray(200, 'x') + "</body>"
                                      << str("Head OG") << str("og:title");
    QTest::addRow("head answers") << head + og + "</head>" + body + "<script>var a = {b: 1};</script>" << str("Head OG")
                                  << str("og:title");
}

void TestHeadlineExtractor::answersFromHeadOnlyWhatTheWholePageSays()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, title);
    QFETCH(QString, via);
    const Headline headline = extract(body);
    QCOMPARE(headline.title, title);
    QCOMPARE(headline.via, via);
    // The raw <title> is the whole page's too, wherever it is.
    const int at = int(body.toLower().indexOf("<title>"));
    const QString rawTitle
        = at < 0 ? QString() : QString::fromUtf8(body.mid(at + 7, body.toLower().indexOf("</title>") - at - 7));
    QCOMPARE(headline.rawTitle, rawTitle);
}

void TestHeadlineExtractor::prefersJsonLdNameWhenTitleAgrees()
{
    const QByteArray body = "<html><head><title>Short name | Site</title><script type='application/ld+json'>"
                            "{\"@type\":\"Article\",\"headline\":\"A long description\",\"name\":\"Short name\"}"
                            "</script></head><body></body></html>";
    const Headline headline = HeadlineExtractor::extract(body, "text/html; charset=utf-8", PageUrl);
    QCOMPARE(headline.title, QStringLiteral("Short name"));
    QCOMPARE(headline.via, QStringLiteral("json-ld"));
}

void TestHeadlineExtractor::staysFastOnLongJsonLdNames()
{
    // Comparing a long name's words with a long <title>'s was quadratic: a list lookup per word.
    const QByteArray body = "<html><head><title>" + QByteArray("a ").repeated(60000)
        + "</title><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"x\",\"name\":\""
        + QByteArray("b ").repeated(60000) + "\"}</script></head><body></body></html>";
    QElapsedTimer timer;
    timer.start();
    const Headline headline = HeadlineExtractor::extract(body, "text/html; charset=utf-8", PageUrl);
    QVERIFY2(timer.elapsed() < 10000, "title coverage was not linear");
    QCOMPARE(headline.title, QStringLiteral("x"));
}

void TestHeadlineExtractor::keepsReadingPastBytesTheCharsetLacks_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("junk");
    QTest::addColumn<QByteArray>("heading");
    QTest::addColumn<QString>("expected");
    // Found by fuzz_html_extraction: libxml2 stopped at the first byte its decoder rejected, and
    // read the rest of a page that broke UTF-8 once as Latin-1.
    QTest::addRow("windows-1252 hole") << QByteArray("text/html; charset=windows-1252") << QByteArray("\x81\x8d")
                                       << QByteArray("Caf\xe9") << QString::fromUtf8("Caf\u00e9");
    QTest::addRow("broken shift_jis pair") << QByteArray("text/html; charset=shift_jis") << QByteArray("\x81\x20\xff")
                                           << QByteArray("\x93\xfa\x96\x7b") << QString::fromUtf8("\u65e5\u672c");
    QTest::addRow("broken gb18030") << QByteArray("text/html; charset=gb18030") << QByteArray("\x81\x30\x20")
                                    << QByteArray("\xc4\xe3\xba\xc3") << QString::fromUtf8("\u4f60\u597d");
    QTest::addRow("invalid utf-8") << QByteArray("text/html; charset=utf-8") << QByteArray("\xc3\x28\xff")
                                   << QByteArray("Caf\xc3\xa9") << QString::fromUtf8("Caf\u00e9");
}

void TestHeadlineExtractor::keepsReadingPastBytesTheCharsetLacks()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, junk);
    QFETCH(QByteArray, heading);
    QFETCH(QString, expected);
    const QByteArray body = "<html><body><p>" + junk + "</p><h1>" + heading + "</h1></body></html>";
    QCOMPARE(HeadlineExtractor::extract(body, contentType, PageUrl).title, expected);
}

// Issue #13: site names cut or dropped, damaged metadata losing to the fuller heading, and the
// chain's titles (listing, feed) joining the page's candidates.
void TestHeadlineExtractor::decidesFromTheWholeChain_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HeadlineContext>("context");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("via");
    const HeadlineContext none;
    HeadlineContext listing;
    listing.listing = QStringList { str("Reading the tide tables") };
    listing.siteNames = QStringList { str("Tidewater Notes") };

    QTest::addRow("pelican: home-linking h1 is the site, not the headline")
        << page("<title>Tidewater Notes - Reading the tide tables</title>",
                "<header><h1><a href='/'>Tidewater Notes</a></h1></header><article><header>"
                "<h2 class='entry-title'><a href='/r.html' rel='bookmark'>Reading the tide tables</a></h2></header>"
                "</article>")
        << none << str("Reading the tide tables") << str("entry-title+title");
    QTest::addRow("chronicle: colon separator and the home-linking h1")
        << page("<title>Tidewater Notes: Reading the tide tables</title>",
                "<h1 class='title'><a href='/'>Tidewater Notes</a></h1><div class='entry'>"
                "<div class='title'>Reading the tide tables</div></div>")
        << none << str("Reading the tide tables") << str("title");
    QTest::addRow("a colon in the headline stays when no site name is known")
        << page("<title>Rust: why it matters</title>", "<h1>Rust: why it matters</h1>") << none
        << str("Rust: why it matters") << str("title");
    QTest::addRow("jekyll-seo: damaged metadata loses to the itemprop=headline h1")
        << page("<title>Vec &amp; Box&lt;dyn Fn()&gt;: closures | Tidewater Notes</title>"
                "<meta property='og:title' content='Vec &amp; Box&lt;dyn Fn()&gt;: closures'>"
                "<meta property='og:site_name' content='Tidewater Notes'><link rel='stylesheet' href='/s.css'>",
                "<article class='post h-entry'><h1 class='post-title p-name' itemprop='name headline'>"
                "Vec&lt;T&gt; &amp; Box&lt;dyn Fn()&gt;: closures</h1></article>")
        << none << str("Vec<T> & Box<dyn Fn()>: closures") << str("entry-title+h1");
    QTest::addRow("a shorter og:title that leaves words out is the publisher's choice")
        << page("<meta property='og:title' content='How to Throw a Party'><link rel='stylesheet' href='/s.css'>",
                "<h1 class='entry-title'>How to Throw a Graduation Party</h1>")
        << none << str("How to Throw a Party") << str("og:title");
    QTest::addRow("ghost: site name in og:title cut when the chain backs the rest")
        << page("<title>Tidewater Notes \xe2\x80\x94 Reading the tide tables</title>"
                "<meta property='og:site_name' content='Tidewater Notes'>"
                "<meta property='og:title' content='Tidewater Notes \xe2\x80\x94 Reading the tide tables'>"
                "<link rel='stylesheet' href='/s.css'>",
                "<article><h1 class='article-title'>Reading the tide tables</h1></article>")
        << listing << str("Reading the tide tables") << str("og:title");
    QTest::addRow("og:title with a site name kept without the chain") << page(
        "<meta property='og:site_name' content='eHow'>"
        "<meta property='og:title' content='How to Build a Terrarium | eHow'><link rel='stylesheet' href='/s.css'>",
        "<h1>How to Build a Terrarium</h1>") << none << str("How to Build a Terrarium | eHow")
                                                                      << str("og:title");
    HeadlineContext agree;
    agree.listing = QStringList { str("The real headline") };
    agree.feedTitle = str("The real headline");
    QTest::addRow("listing, feed and h1 outvote a lone og:title")
        << page("<title>The real headline | Site</title><meta property='og:title' content='Click here now'>"
                "<link rel='stylesheet' href='/s.css'>",
                "<h1>The real headline</h1>")
        << agree << str("The real headline") << str("listing+feed+h1+title");
    QTest::addRow("agreeing chain keeps the first rule's via")
        << page("<title>The real headline | Site</title><meta property='og:title' content='The real headline'>"
                "<link rel='stylesheet' href='/s.css'>",
                "<h1>The real headline</h1>")
        << agree << str("The real headline") << str("og:title");
    HeadlineContext frontTitle;
    frontTitle.frontPageTitle = str("Tidewater Notes | boats and tides");
    frontTitle.listing = QStringList { str("Knots") };
    QTest::addRow("the front page's title names the site")
        << page("<title>Knots | Tidewater Notes</title>", "<p>No heading at all.</p>") << frontTitle << str("Knots")
        << str("title");
    HeadlineContext newestInFull;
    newestInFull.frontPageTitle = str("Knots - Tidewater Notes");
    newestInFull.listing = QStringList { str("Knots") };
    QTest::addRow("a front page titled by its newest post does not make it the site's name")
        << page("<title>Knots - Tidewater Notes</title>", "<h1>Knots</h1>") << newestInFull << str("Knots")
        << str("title");
    HeadlineContext hexo;
    hexo.listing = QStringList { str("Vec & Box: closures") };
    QTest::addRow("hexo: a raw <T> in headings loses to the fuller og:title")
        << page("<title>Vec<T> & Box<dyn Fn()>: closures | Site</title>"
                "<meta property='og:title' content='Vec&lt;T&gt; &amp; Box&lt;dyn Fn()&gt;: closures'>"
                "<link rel='stylesheet' href='/s.css'>",
                "<h1 class='post-title' itemprop='name headline'>Vec<T> & Box<dyn Fn()>: closures</h1>")
        << hexo << str("Vec<T> & Box<dyn Fn()>: closures") << str("og:title");
    QTest::addRow("blag: the <title> as a browser reads it")
        << page("<title>Vec<T> & Box<dyn Fn()>: closures | Site</title>",
                "<h1><a href='/'>Site</a></h1><h2>Vec<T> & Box<dyn Fn()>: closures</h2>")
        << hexo << str("Vec<T> & Box<dyn Fn()>: closures") << str("title");
    HeadlineContext blosxom;
    blosxom.feedTitle = str("Vec&lt;T&gt; &amp; Box: closures");
    blosxom.siteNames = QStringList { str("Site") };
    QTest::addRow("blosxom: a twice-escaped feed title backed by an <h3>")
        << page("<title>Site 01 07 2024</title>",
                "<h1>Site</h1><h2>Mon, 01 Jul 2024</h2><h3><a name='x'>Vec&lt;T&gt; &amp; Box: closures</a></h3>")
        << blosxom << str("Vec<T> & Box: closures") << str("feed+heading");
    HeadlineContext rust;
    rust.siteNames = QStringList { str("Rust") };
    rust.listing = QStringList { str("Rust: the 2024 edition") };
    QTest::addRow("a site name the chain keeps in the headline stays")
        << page("<title>Rust: the 2024 edition</title>", "<h1><a href='/'>Rust</a></h1><h2>Rust: the 2024 edition</h2>")
        << rust << str("Rust: the 2024 edition") << str("title");
    HeadlineContext onlyListing;
    onlyListing.listing = QStringList { str("Read more") };
    QTest::addRow("the chain alone does not make a headline")
        << page({}, "<p>Words without a heading.</p>") << onlyListing << QString() << QString();
}

void TestHeadlineExtractor::decidesFromTheWholeChain()
{
    QFETCH(QByteArray, body);
    QFETCH(HeadlineContext, context);
    QFETCH(QString, title);
    QFETCH(QString, via);
    const Headline headline = HeadlineExtractor::extract(body, QByteArray("text/html"), PageUrl, context);
    QCOMPARE(headline.title, title);
    QCOMPARE(headline.via, via);
}

QTEST_GUILESS_MAIN(TestHeadlineExtractor)
#include "tst_headlineextractor.moc"
