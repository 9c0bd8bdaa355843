// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlelocator.h"
#include "parse/articlerules.h"
#include "parse/htmldocument.h"

#include <QElapsedTimer>
#include <QTest>

#include <libxml/parser.h>

namespace {

const QUrl PageUrl(QStringLiteral("https://blog.example.org/"));

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray page(const QByteArray &body, const QByteArray &head = {})
{
    return "<!DOCTYPE html><html><head><title>Blog</title>" + head + "</head><body>" + body + "</body></html>";
}

QString firstUrl(const QList<ArticleCandidate> &candidates)
{
    const auto pick = ArticleRules::pickNewest(candidates);
    return pick ? pick->url.toString() : QString();
}

} // namespace

class TestArticleLocator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void datesFromTextAndUrls_data();
    void datesFromTextAndUrls();
    void reportsUndatedCandidatesForTheFeed();
    void findsRepeatedBlocksWithoutMarkup();
    void menusAreNoPostList();
    void findsTheBlogLink_data();
    void findsTheBlogLink();
    void namesTheSiteAndTheLinkOnBothPaths();
    void followsUserXPath_data();
    void followsUserXPath();
    void reportsInvalidXPath_data();
    void reportsInvalidXPath();
    void readsNewestEntryWhenPageIsFeed();
    void findsRelBookmarkLinks_data();
    void findsRelBookmarkLinks();
    void findsHAtomAndH2EntryLinks_data();
    void findsHAtomAndH2EntryLinks();
    void findsSchemaOrgPostings_data();
    void findsSchemaOrgPostings();
    void findsArticleHeadingLinks_data();
    void findsArticleHeadingLinks();
    void triesRulesInOrder_data();
    void triesRulesInOrder();
    void prefersNewestDatedEntry_data();
    void prefersNewestDatedEntry();
    void collectsFeedLinks_data();
    void collectsFeedLinks();
    void followsFeedsWhenPreferred();
    void resolvesAgainstBase_data();
    void resolvesAgainstBase();
    void ignoresNonHttpLinks_data();
    void ignoresNonHttpLinks();
    void reportsWhenNothingFound_data();
    void reportsWhenNothingFound();
    void staysFastOnHostilePages_data();
    void staysFastOnHostilePages();
    void readsContainerDatesInRuleOrder_data();
    void readsContainerDatesInRuleOrder();
};

void TestArticleLocator::followsUserXPath_data()
{
    QTest::addColumn<QString>("xpath");
    QTest::addColumn<QString>("expected");
    QTest::addRow("element href") << str("//div[@class='latest']//a") << str("https://blog.example.org/p/newest");
    QTest::addRow("element without href uses its link")
        << str("//div[@class='latest']") << str("https://blog.example.org/p/newest");
    QTest::addRow("attribute") << str("//span/@data-u") << str("https://blog.example.org/p/attr");
    QTest::addRow("string") << str("concat('/p/', 'built')") << str("https://blog.example.org/p/built");
    QTest::addRow("html5 element by local-name")
        << str("(//*[local-name()='main']//a)[1]") << str("https://blog.example.org/p/main");
    QTest::addRow("no match falls back to rules") << str("//nav//a") << str("https://blog.example.org/p/bookmark");
}

void TestArticleLocator::followsUserXPath()
{
    QFETCH(QString, xpath);
    QFETCH(QString, expected);
    const QByteArray body
        = page("<main><a href='/p/main'>M</a></main><div class='latest'><h2><a href='/p/newest'>N</a></h2></div>"
               "<a rel='bookmark' href='/p/bookmark'>B</a><span data-u='/p/attr'>x</span>");
    const ArticleLocation location = ArticleLocator::locate(body, "text/html", PageUrl, { xpath, false });
    QCOMPARE(location.articleUrl.toString(), expected);
    QCOMPARE(location.foundVia, xpath.startsWith(QLatin1String("//nav")) ? str("rel-bookmark") : str("xpath"));
}

void TestArticleLocator::reportsInvalidXPath_data()
{
    QTest::addColumn<QString>("xpath");
    QTest::addRow("unbalanced bracket") << str("//a[@href");
    QTest::addRow("unknown function") << str("//a[nosuchfn()]");
    QTest::addRow("garbage") << str("))((");
    QTest::addRow("unknown prefix") << str("//x:a");
}

void TestArticleLocator::reportsInvalidXPath()
{
    QFETCH(QString, xpath);
    const ArticleLocation location
        = ArticleLocator::locate(page("<a rel=bookmark href='/p'>x</a>"), "text/html", PageUrl, { xpath, false });
    QVERIFY(location.articleUrl.isEmpty());
    QVERIFY2(location.error.contains(QLatin1String("XPath")), qPrintable(location.error));
    QVERIFY(location.error.contains(xpath));
}

void TestArticleLocator::readsNewestEntryWhenPageIsFeed()
{
    const QByteArray feed
        = "<?xml version='1.0'?><rss version='2.0'><channel>"
          "<item><title>Old</title><link>/old</link><pubDate>Mon, 01 Jan 2018 10:00:00 GMT</pubDate></item>"
          "<item><title>New &amp; shiny</title><link>/new</link><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>"
          "</channel></rss>";
    for (const QByteArray &type : { QByteArray("application/rss+xml"), QByteArray("text/html"), QByteArray() }) {
        const ArticleLocation location = ArticleLocator::locate(feed, type, PageUrl);
        QVERIFY(location.pageIsFeed);
        QCOMPARE(location.articleUrl.toString(), str("https://blog.example.org/new"));
        QCOMPARE(location.articleTitle, str("New & shiny"));
        QCOMPARE(location.foundVia, str("feed"));
    }
}

void TestArticleLocator::findsRelBookmarkLinks_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("wordpress title link")
        << page("<article class='post'><h2 class='entry-title'><a href='https://blog.example.org/2024/05/hello/' "
                "rel='bookmark'>Hello</a></h2></article>")
        << str("https://blog.example.org/2024/05/hello/");
    QTest::addRow("token among others") << page("<a rel='nofollow Bookmark' href='/a'>A</a>")
                                        << str("https://blog.example.org/a");
    QTest::addRow("first in order") << page("<a rel=bookmark href='/1'>1</a><a rel=bookmark href='/2'>2</a>")
                                    << str("https://blog.example.org/1");
    QTest::addRow("self link skipped by locator only")
        << page("<a rel=bookmark href='/x'>x</a>") << str("https://blog.example.org/x");
    QTest::addRow("none") << page("<a rel='tag' href='/t'>t</a>") << QString();
}

void TestArticleLocator::findsRelBookmarkLinks()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const HtmlDocument doc(body, "text/html", PageUrl);
    QCOMPARE(firstUrl(ArticleRules::relBookmark(doc)), expected);
}

void TestArticleLocator::findsHAtomAndH2EntryLinks_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("hentry entry-title") << page("<div class='hentry'><h3 class='entry-title'><a "
                                                "href='/hatom'>T</a></h3><a class='author' href='/me'>me</a></div>")
                                        << str("https://blog.example.org/hatom");
    QTest::addRow("blogger post-outer") << page(
        "<div class='post hentry uncustomized-post-template'><a name='1'></a><h3 class='post-title entry-title'>"
        "<a href='https://x.blogspot.com/2024/01/post.html'>P</a></h3></div>")
                                        << str("https://x.blogspot.com/2024/01/post.html");
    QTest::addRow("h-entry p-name before u-url avatar")
        << page("<div class='h-entry'><a class='u-url u-photo' href='/avatar'>a</a><h2 class='p-name'><a "
                "href='/mf2'>M</a></h2></div>")
        << str("https://blog.example.org/mf2");
    QTest::addRow("h-entry u-url") << page("<li class='h-entry'><a class='u-url' href='/note/1'>note</a></li>")
                                   << str("https://blog.example.org/note/1");
    QTest::addRow("entry-title link as anchor")
        << page("<a class='entry-title' href='/e'>E</a>") << str("https://blog.example.org/e");
    QTest::addRow("wordpress block theme: hentry without entry-title")
        << page("<ul><li class='wp-block-post post-7 post type-post hentry'><h2 class='wp-block-post-title'>"
                "<a href='/block/'>B</a></h2></li></ul>")
        << str("https://blog.example.org/block/");
    QTest::addRow("hentry without link") << page("<div class='hentry'><p>text</p></div>") << QString();
}

void TestArticleLocator::findsHAtomAndH2EntryLinks()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const HtmlDocument doc(body, "text/html", PageUrl);
    QCOMPARE(firstUrl(ArticleRules::hAtom(doc)), expected);
}

void TestArticleLocator::findsSchemaOrgPostings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const auto ld = [](const QByteArray &json) -> QByteArray {
        return page({}, "<script type='application/ld+json'>" + json + "</script>");
    };
    QTest::addRow("json-ld blogposting url")
        << ld("{\"@context\":\"https://schema.org\",\"@type\":\"BlogPosting\",\"url\":\"/ld/1\"}")
        << str("https://blog.example.org/ld/1");
    QTest::addRow("json-ld graph") << ld("{\"@graph\":[{\"@type\":\"WebSite\",\"url\":\"/"
                                         "\"},{\"@type\":\"Article\",\"mainEntityOfPage\":{\"@id\":\"/ld/graph\"}}]}")
                                   << str("https://blog.example.org/ld/graph");
    QTest::addRow("json-ld array, type array")
        << ld("[{\"@type\":\"Organization\",\"url\":\"/org\"},{\"@type\":[\"NewsArticle\"],\"url\":\"https://"
              "news.example/a\"}]")
        << str("https://news.example/a");
    QTest::addRow("blog with blogPost list, newest by date")
        << ld("{\"@type\":\"Blog\",\"blogPost\":[{\"@type\":\"BlogPosting\",\"url\":\"/"
              "old\",\"datePublished\":\"2020-01-01\"},"
              "{\"@type\":\"BlogPosting\",\"url\":\"/new\",\"datePublished\":\"2024-02-02T10:00:00+01:00\"}]}")
        << str("https://blog.example.org/new");
    QTest::addRow("cdata wrapped") << ld("//<![CDATA[\n{\"@type\":\"BlogPosting\",\"url\":\"/cdata\"}\n//]]>")
                                   << str("https://blog.example.org/cdata");
    QTest::addRow("broken json") << ld("{\"@type\":\"BlogPosting\",\"url\":") << QString();
    QTest::addRow("only website") << ld("{\"@type\":\"WebSite\",\"url\":\"/\"}") << QString();
    QTest::addRow("microdata with own url, not author's")
        << page("<div itemscope itemtype='http://schema.org/BlogPosting'>"
                "<span itemprop='author' itemscope itemtype='http://schema.org/Person'><a itemprop='url' "
                "href='/me'>me</a></span>"
                "<h2 itemprop='headline'><a itemprop='url' href='/md/post'>P</a></h2></div>")
        << str("https://blog.example.org/md/post");
    QTest::addRow("microdata headline link") << page("<article itemscope itemtype='https://schema.org/Article'><h2 "
                                                     "itemprop='headline'><a href='/md/h'>H</a></h2></article>")
                                             << str("https://blog.example.org/md/h");
    QTest::addRow("microdata meta mainEntityOfPage")
        << page("<div itemscope itemtype='https://schema.org/NewsArticle'><meta itemprop='mainEntityOfPage' "
                "content='https://n.example/x'></div>")
        << str("https://n.example/x");
}

void TestArticleLocator::findsSchemaOrgPostings()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const HtmlDocument doc(body, "text/html", PageUrl);
    QCOMPARE(firstUrl(ArticleRules::schemaOrg(doc)), expected);
}

void TestArticleLocator::findsArticleHeadingLinks_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("h2 link") << page(
        "<article><h2><a href='/a1'>A1</a></h2></article><article><h2><a href='/a2'>A2</a></h2></article>")
                             << str("https://blog.example.org/a1");
    QTest::addRow("hugo h1") << page("<main><article class='post-entry'><header class='entry-header'><h1><a "
                                     "href='/posts/x/'>X</a></h1></header></article></main>")
                             << str("https://blog.example.org/posts/x/");
    QTest::addRow("ghost card link around heading")
        << page("<article class='post-card'><a class='post-card-content-link' href='/ghost/'><header><h2 "
                "class='post-card-title'>G</h2></header></a></article>")
        << str("https://blog.example.org/ghost/");
    QTest::addRow("skips article without heading link")
        << page("<article><p><a href='/tag'>tag</a></p></article><article><h3><a href='/a3'>A3</a></h3></article>")
        << str("https://blog.example.org/a3");
    QTest::addRow("hugo papermod overlay link")
        << page("<article class='post-entry'><header class='entry-header'><h2>Title</h2></header>"
                "<footer><a rel='tag' href='/tags/x/'>x</a></footer><a class='entry-link' aria-label='post' "
                "href='/posts/pm/'></a></article>")
        << str("https://blog.example.org/posts/pm/");
    QTest::addRow("article without heading is not a post card")
        << page("<article class='comment'><a href='/u/bob'>bob</a></article>") << QString();
    QTest::addRow("no article") << page("<div><h2><a href='/d'>D</a></h2></div>") << QString();
}

void TestArticleLocator::findsArticleHeadingLinks()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const HtmlDocument doc(body, "text/html", PageUrl);
    QCOMPARE(firstUrl(ArticleRules::articleElements(doc)), expected);
}

void TestArticleLocator::triesRulesInOrder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("via");
    const QByteArray article = "<article><h2><a href='/by-article'>A</a></h2></article>";
    const QByteArray schema
        = "<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"url\":\"/by-schema\"}</script>";
    const QByteArray hatom = "<div class='hentry'><h2 class='entry-title'><a href='/by-hatom'>H</a></h2></div>";
    const QByteArray bookmark = "<a rel='bookmark' href='/by-bookmark'>B</a>";
    QTest::addRow("bookmark first") << page(article + hatom + bookmark, schema)
                                    << str("https://blog.example.org/by-bookmark") << str("rel-bookmark");
    QTest::addRow("then hatom") << page(article + hatom, schema) << str("https://blog.example.org/by-hatom")
                                << str("hatom");
    QTest::addRow("then schema.org") << page(article, schema) << str("https://blog.example.org/by-schema")
                                     << str("schema-org");
    QTest::addRow("then article") << page(article) << str("https://blog.example.org/by-article") << str("article");
    QTest::addRow("json-ld describing the front page itself is skipped") << page(
        article,
        "<script type='application/ld+json'>{\"@type\":\"Article\",\"url\":\"https://blog.example.org/\"}</script>")
                                                                         << str("https://blog.example.org/by-article")
                                                                         << str("article");
}

void TestArticleLocator::triesRulesInOrder()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QFETCH(QString, via);
    const ArticleLocation location = ArticleLocator::locate(body, "text/html; charset=utf-8", PageUrl);
    QCOMPARE(location.articleUrl.toString(), expected);
    QCOMPARE(location.foundVia, via);
    QVERIFY(location.error.isEmpty());
}

void TestArticleLocator::prefersNewestDatedEntry_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("sticky older post first")
        << page("<article class='post sticky'><h2><a rel=bookmark href='/sticky'>S</a></h2><time "
                "datetime='2019-03-01T10:00:00+00:00'>old</time></article>"
                "<article class='post'><h2><a rel=bookmark href='/latest'>L</a></h2><time "
                "datetime='2024-06-01T08:00:00+00:00'>new</time></article>"
                "<article class='post'><h2><a rel=bookmark href='/older'>O</a></h2><time "
                "datetime='2024-05-01'>older</time></article>")
        << str("https://blog.example.org/latest");
    QTest::addRow("hatom published title")
        << page("<div class='hentry'><h2 class='entry-title'><a href='/a'>A</a></h2><abbr class='published' "
                "title='2010-01-01T00:00:00Z'>x</abbr></div>"
                "<div class='hentry'><h2 class='entry-title'><a href='/b'>B</a></h2><abbr class='published' "
                "title='2012-01-01T00:00:00Z'>x</abbr></div>")
        << str("https://blog.example.org/b");
    QTest::addRow("microdata datePublished")
        << page("<div itemscope itemtype='http://schema.org/BlogPosting'><a itemprop='url' href='/m1'>1</a><meta "
                "itemprop='datePublished' content='2021-01-01'></div>"
                "<div itemscope itemtype='http://schema.org/BlogPosting'><a itemprop='url' href='/m2'>2</a><meta "
                "itemprop='datePublished' content='2023-01-01'></div>")
        << str("https://blog.example.org/m2");
    QTest::addRow("undated: document order")
        << page("<article><h2><a href='/first'>F</a></h2></article><article><h2><a href='/second'>S</a></h2></article>")
        << str("https://blog.example.org/first");
}

void TestArticleLocator::prefersNewestDatedEntry()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(ArticleLocator::locate(body, "text/html", PageUrl).articleUrl.toString(), expected);
}

void TestArticleLocator::collectsFeedLinks_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("rss and atom in order")
        << QByteArray("<link rel='alternate' type='application/rss+xml' href='/feed/'>"
                      "<link rel='alternate' type='application/atom+xml' href='https://blog.example.org/atom.xml'>"
                      "<link rel='alternate' type='application/rss+xml' href='/comments/feed/'>")
        << QStringList { str("https://blog.example.org/feed/"), str("https://blog.example.org/atom.xml"),
                         str("https://blog.example.org/comments/feed/") };
    QTest::addRow("rdf, rel case, type params")
        << QByteArray("<link REL='Alternate' type='application/rdf+xml; charset=utf-8' href='index.rdf'>")
        << QStringList { str("https://blog.example.org/index.rdf") };
    QTest::addRow("other alternates ignored")
        << QByteArray("<link rel='alternate' hreflang='de' href='/de/'>"
                      "<link rel='alternate' type='application/json' href='/feed.json'>"
                      "<link rel='stylesheet' type='application/rss+xml' href='/x'>")
        << QStringList {};
    QTest::addRow("duplicates once") << QByteArray(
        "<link rel=alternate type=application/rss+xml href=/f><link rel=alternate type=application/rss+xml href=/f>")
                                     << QStringList { str("https://blog.example.org/f") };
}

void TestArticleLocator::collectsFeedLinks()
{
    QFETCH(QByteArray, head);
    QFETCH(QStringList, expected);
    const ArticleLocation location
        = ArticleLocator::locate(page("<a rel=bookmark href='/p'>p</a>", head), "text/html", PageUrl);
    QStringList urls;
    for (const QUrl &url : location.feedUrls)
        urls.append(url.toString());
    QCOMPARE(urls, expected);
    QCOMPARE(location.articleUrl.toString(), str("https://blog.example.org/p")); // markup still wins by default
}

void TestArticleLocator::followsFeedsWhenPreferred()
{
    const QByteArray body
        = page("<a rel=bookmark href='/p'>p</a>", "<link rel=alternate type=application/atom+xml href=/atom>");
    const ArticleLocation location = ArticleLocator::locate(body, "text/html", PageUrl, { QString(), true });
    QVERIFY(location.articleUrl.isEmpty());
    QCOMPARE(location.feedUrls, QList<QUrl> { QUrl(str("https://blog.example.org/atom")) });
    QVERIFY(location.error.isEmpty());

    const ArticleLocation onlyFeed = ArticleLocator::locate(
        page("<p>no posts</p>", "<link rel=alternate type=application/rss+xml href=/rss>"), "text/html", PageUrl);
    QVERIFY(onlyFeed.articleUrl.isEmpty());
    QCOMPARE(onlyFeed.feedUrls.size(), 1);
    QVERIFY(onlyFeed.error.isEmpty());
}

void TestArticleLocator::resolvesAgainstBase_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QUrl>("pageUrl");
    QTest::addColumn<QString>("expected");
    const QUrl deep(str("https://blog.example.org/blog/page/2"));
    QTest::addRow("relative to final url")
        << page("<a rel=bookmark href='post-1'>x</a>") << deep << str("https://blog.example.org/blog/page/post-1");
    QTest::addRow("root relative") << page("<a rel=bookmark href='/post-1'>x</a>") << deep
                                   << str("https://blog.example.org/post-1");
    QTest::addRow("scheme relative") << page("<a rel=bookmark href='//cdn.example/p'>x</a>") << deep
                                     << str("https://cdn.example/p");
    QTest::addRow("absolute base href") << page("<a rel=bookmark href='p'>x</a>",
                                                "<base href='https://other.example/dir/'>")
                                        << deep << str("https://other.example/dir/p");
    QTest::addRow("relative base href") << page("<a rel=bookmark href='p'>x</a>", "<base href='/root/'>") << deep
                                        << str("https://blog.example.org/root/p");
    QTest::addRow("whitespace and fragment")
        << page("<a rel=bookmark href='\n  /p#more-12 '>x</a>") << deep << str("https://blog.example.org/p");
    QTest::addRow("percent-encoded path") << page("<a rel=bookmark href='/caf%C3%A9/post%201'>x</a>") << deep
                                          << str("https://blog.example.org/caf\u00e9/post 1");
    QTest::addRow("non-ASCII path") << page("<a rel=bookmark href='/caf\xc3\xa9/post'>x</a>") << deep
                                    << str("https://blog.example.org/caf\u00e9/post");
    // The same host either way: Qt shows non-whitelisted TLDs in their ASCII (punycode) form.
    QTest::addRow("internationalised host") << page("<a rel=bookmark href='https://b\xc3\xbc"
                                                    "cher.example/neu'>x</a>")
                                            << deep << str("https://xn--bcher-kva.example/neu");
    QTest::addRow("punycode host") << page("<a rel=bookmark href='https://xn--bcher-kva.example/neu'>x</a>") << deep
                                   << str("https://xn--bcher-kva.example/neu");
}

void TestArticleLocator::resolvesAgainstBase()
{
    QFETCH(QByteArray, body);
    QFETCH(QUrl, pageUrl);
    QFETCH(QString, expected);
    QCOMPARE(ArticleLocator::locate(body, "text/html", pageUrl).articleUrl.toString(), expected);
}

void TestArticleLocator::ignoresNonHttpLinks_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("javascript") << page(
        "<a rel=bookmark href='javascript:void(0)'>j</a><a rel=bookmark href='/ok'>o</a>")
                                << str("https://blog.example.org/ok");
    QTest::addRow("JavaScript upper") << page(
        "<a rel=bookmark href=' JavaScript:x'>j</a><a rel=bookmark href='/ok'>o</a>")
                                      << str("https://blog.example.org/ok");
    QTest::addRow("fragment only") << page(
        "<a rel=bookmark href='#'>h</a><a rel=bookmark href='#top'>t</a><a rel=bookmark href='/ok'>o</a>")
                                   << str("https://blog.example.org/ok");
    QTest::addRow("mailto, ftp, data, file")
        << page("<a rel=bookmark href='mailto:a@b'>m</a><a rel=bookmark href='ftp://x/y'>f</a><a rel=bookmark "
                "href='data:text/html,x'>d</a>"
                "<a rel=bookmark href='file:///etc/passwd'>f</a><a rel=bookmark href='/ok'>o</a>")
        << str("https://blog.example.org/ok");
    QTest::addRow("self link") << page("<a rel=bookmark href='/'>home</a><a rel=bookmark href='/ok'>o</a>")
                               << str("https://blog.example.org/ok");
}

void TestArticleLocator::ignoresNonHttpLinks()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(ArticleLocator::locate(body, "text/html", PageUrl).articleUrl.toString(), expected);
}

void TestArticleLocator::reportsWhenNothingFound_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addRow("plain page") << page("<p>Hello <a href='/about'>about</a></p>") << QByteArray("text/html");
    QTest::addRow("empty") << QByteArray() << QByteArray("text/html");
    QTest::addRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe", 18) << QByteArray("image/png");
    QTest::addRow("feed without entries")
        << QByteArray("<rss><channel><title>x</title></channel></rss>") << QByteArray("application/rss+xml");
    QTest::addRow("unclosed everything") << QByteArray("<html><body><article><h2><a href='") << QByteArray();
}

void TestArticleLocator::reportsWhenNothingFound()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const ArticleLocation location = ArticleLocator::locate(body, contentType, PageUrl);
    QVERIFY(location.articleUrl.isEmpty());
    QVERIFY(location.feedUrls.isEmpty());
    QVERIFY(!location.error.isEmpty());
}

void TestArticleLocator::staysFastOnHostilePages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    // Each link looked up its container's date again: over a minute before the date cache.
    QByteArray links;
    for (int i = 0; i < 3000; ++i)
        links += "<a rel=bookmark href='/p" + QByteArray::number(i) + "'>x</a>";
    QTest::addRow("thousands of bookmarks in one article")
        << page("<article><time datetime='2024-01-01'>x</time>" + links + "</article>")
        << str("https://blog.example.org/p0");
    // Each item searched its whole subtree for its own properties: quadratic in the nesting.
    QTest::addRow("deeply nested microdata articles")
        << page(QByteArray("<div itemscope itemtype='http://schema.org/Article'><a itemprop='url' href='/n'>n</a>")
                    .repeated(3000)
                + QByteArray("</div>").repeated(3000))
        << str("https://blog.example.org/n");
    // Found by fuzz_html_extraction (3 s for 54 KB): six XPath queries per container for its date.
    QTest::addRow("nested microdata articles with authors and dates")
        << page(QByteArray("<div itemscope itemtype='http://schema.org/Article'><span itemprop='author' itemscope "
                           "itemtype='http://schema.org/Person'><a itemprop='url' href='/me'>me</a></span>"
                           "<a itemprop='url' href='/post'>p</a><span class='updated' title='2020-01-01'>u</span>")
                    .repeated(1500)
                + "<time datetime='2024-05-05'>t</time>" + QByteArray("</div>").repeated(1500))
        << str("https://blog.example.org/post");
}

void TestArticleLocator::staysFastOnHostilePages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QElapsedTimer timer;
    timer.start();
    const ArticleLocation location = ArticleLocator::locate(body, "text/html", PageUrl);
    QVERIFY2(timer.elapsed() < 10000, "the article rules' work was not bounded");
    QCOMPARE(location.articleUrl.toString(), expected);
}

void TestArticleLocator::readsContainerDatesInRuleOrder_data()
{
    QTest::addColumn<QByteArray>("post");
    QTest::addColumn<QString>("expected");
    QTest::addRow("time beats an earlier .published")
        << QByteArray("<span class='published' title='2020-01-01'></span><time datetime='2019-02-02'></time>")
        << str("2019-02-02");
    QTest::addRow("first valid time in order") << QByteArray(
        "<time datetime='soon'></time><time datetime='2018-03-03'></time><time datetime='2017-01-01'></time>")
                                               << str("2018-03-03");
    QTest::addRow("itemprop content before datetime")
        << QByteArray("<meta itemprop='datePublished' content='2016-04-04'><span itemprop='x datePublished' "
                      "datetime='2015-01-01'></span>")
        << str("2016-04-04");
    QTest::addRow("class tokens are case-sensitive") << QByteArray(
        "<span class='Published' title='2014-01-01'></span><span class='a updated' title='2013-05-05'></span>")
                                                     << str("2013-05-05");
    QTest::addRow("none") << QByteArray("<span title='2012-01-01'></span>") << QString();
}

void TestArticleLocator::readsContainerDatesInRuleOrder()
{
    QFETCH(QByteArray, post);
    QFETCH(QString, expected);
    const HtmlDocument doc(page("<article>" + post + "<a id='x' href='/p'>p</a></article>"), "text/html", PageUrl);
    const QList<xmlNode *> links = doc.select("//a[@id='x']");
    QCOMPARE(links.size(), 1);
    const QDateTime date = ArticleRules::dateAround(doc, links.constFirst());
    QCOMPARE(date.isValid() ? date.date().toString(Qt::ISODate) : QString(), expected);
}

// The newest by date from every source: <time>, text, URL (issue #13).
void TestArticleLocator::datesFromTextAndUrls_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const auto post = [](const char *href, const char *title, const char *extra) -> QByteArray {
        return QByteArray("<article class='post'><h2><a href='") + href + "'>" + title + "</a></h2><p>" + extra
            + "</p></article>";
    };
    QTest::addRow("text dates, pinned first") << post("/pinned/", "Pinned", "January 3, 2023")
            + post("/newest/", "Newest", "July 1, 2024") + post("/older/", "Older", "June 1, 2024")
                                              << str("https://blog.example.org/newest/");
    QTest::addRow("french text dates") << post("/a/", "A", "1er mars 2024") + post("/b/", "B", "14 juillet 2024")
                                       << str("https://blog.example.org/b/");
    QTest::addRow("url dates") << post("/2023/01/03/pinned/", "Pinned", "") + post("/2024/07/01/newest/", "Newest", "")
                               << str("https://blog.example.org/2024/07/01/newest/");
    QTest::addRow("undated: first") << post("/a/", "A", "") + post("/b/", "B", "")
                                    << str("https://blog.example.org/a/");
}

void TestArticleLocator::datesFromTextAndUrls()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const ArticleLocation location = ArticleLocator::locate(page(body), "text/html", PageUrl);
    QCOMPARE(location.articleUrl.toString(), expected);
}

void TestArticleLocator::reportsUndatedCandidatesForTheFeed()
{
    const QByteArray body = "<article><h2><a href='/a/' rel='bookmark'>A</a></h2></article>"
                            "<article><h2><a href='/b/' rel='bookmark'>B</a></h2></article>";
    const ArticleLocation undated = ArticleLocator::locate(
        page(body, "<link rel='alternate' type='application/rss+xml' href='/feed/'>"), "text/html", PageUrl);
    QCOMPARE(undated.articleUrl.toString(), str("https://blog.example.org/a/"));
    QCOMPARE(undated.foundVia, str("rel-bookmark"));
    QVERIFY(undated.undated);
    QCOMPARE(undated.candidates.size(), 2);
    QCOMPARE(undated.candidates.at(1).texts, QStringList { str("B") });

    const ArticleLocation dated = ArticleLocator::locate(
        page(body
             + "<article><h2><a href='/c/' rel='bookmark'>C</a></h2><time datetime='2024-07-01'>x</time></article>"),
        "text/html", PageUrl);
    QCOMPARE(dated.articleUrl.toString(), str("https://blog.example.org/c/"));
    QVERIFY(!dated.undated);
}

void TestArticleLocator::findsRepeatedBlocksWithoutMarkup()
{
    const auto block = [](const char *href, const char *title, const char *date) -> QByteArray {
        return QByteArray("<div class='inlinepage'><div class='inlineheader'><a href='") + href + "'>" + title
            + "</a></div><div class='inlinecontent'>An excerpt of a few words.</div><div class='inlinefooter'>"
            + "Posted " + date + " <a href='/tags/sea/'>sea</a></div></div>";
    };
    const QByteArray body
        = "<div class='header'><a href='/'>tidewater</a></div><ul class='actions'>"
          "<li><a href='/recentchanges/'>RecentChanges</a></li><li><a href='/prefs/'>Prefs</a></li></ul>"
        + block("/posts/pinned/", "Pinned", "Mon Jan  1 10:00:00 2024")
        + block("/posts/newest/", "Newest", "Mon Jul  1 10:00:00 2024")
        + block("/posts/older/", "Older", "Sat Jun  1 10:00:00 2024");
    const ArticleLocation location = ArticleLocator::locate(page(body), "text/html", PageUrl);
    QCOMPARE(location.articleUrl.toString(), str("https://blog.example.org/posts/newest/"));
    QCOMPARE(location.foundVia, str("blocks"));
    QCOMPARE(location.linkTexts, QStringList { str("Newest") });
    QVERIFY(location.error.isEmpty());

    // A flat list: each heading's date is in the siblings up to the next heading.
    const QByteArray flat = "<main><h1><a href='pinned.html'>Pinned</a></h1><p>Written on 2024-01-01.</p>"
                            "<h1><a href='newest.html'>Newest</a></h1><p>Written on 2024-07-01.</p>"
                            "<h1><a href='older.html'>Older</a></h1><p>Written on 2024-06-01.</p></main>";
    QCOMPARE(ArticleLocator::locate(page(flat), "text/html", PageUrl).articleUrl.toString(),
             str("https://blog.example.org/newest.html"));

    // Undated blocks whose links are titles: the first.
    const auto titled = [](const char *href, const char *title) -> QByteArray {
        return QByteArray("<div class='post'><h2><a href='") + href + "'>" + title
            + "</a></h2><p>An excerpt of a few words.</p></div>";
    };
    const QByteArray undated = titled("/posts/a/", "A") + titled("/posts/b/", "B");
    QCOMPARE(ArticleLocator::locate(page(undated), "text/html", PageUrl).articleUrl.toString(),
             str("https://blog.example.org/posts/a/"));
    // Undated blocks of plain links with text (a page's references) are no post list.
    const QByteArray references = "<ol><li><a href='/ref/a'>A source</a>, an article about it.</li>"
                                  "<li><a href='/ref/b'>Another source</a>, more words about it.</li></ol>";
    QVERIFY(ArticleLocator::locate(page(references), "text/html", PageUrl).articleUrl.isEmpty());
}

void TestArticleLocator::menusAreNoPostList()
{
    // A landing page's card pointing at the blog section is no article either.
    const QByteArray landing = "<article class='post'><h1>Welcome</h1><p>Read <a href='/blog/'>the blog</a>.</p>"
                               "</article>";
    const ArticleLocation toBlog = ArticleLocator::locate(page(landing), "text/html", PageUrl);
    QVERIFY(toBlog.articleUrl.isEmpty());
    QCOMPARE(toBlog.blogLink.toString(), str("https://blog.example.org/blog/"));

    // A list of bare links (a menu outside <nav>) is no post list: nothing is found.
    const QByteArray body = "<ul><li><a href='/about/'>About</a></li><li><a href='/projects/'>Projects</a></li>"
                            "<li><a href='/contact/'>Contact</a></li></ul><p>Welcome.</p>";
    const ArticleLocation location = ArticleLocator::locate(page(body), "text/html", PageUrl);
    QVERIFY(location.articleUrl.isEmpty());
    QVERIFY(!location.error.isEmpty());
}

void TestArticleLocator::findsTheBlogLink_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("path") << QByteArray("<nav><a href='/about/'>About</a><a href='/blog/'>Writing</a></nav>")
                          << str("https://blog.example.org/blog/");
    QTest::addRow("english text") << QByteArray("<nav><a href='/w/'>Posts</a></nav>")
                                  << str("https://blog.example.org/w/");
    QTest::addRow("french text") << QByteArray("<nav><a href='/w/'>Billets</a></nav>")
                                 << str("https://blog.example.org/w/");
    QTest::addRow("german path") << QByteArray("<p>Mehr: <a href='/aktuelles/'>hier</a></p>")
                                 << str("https://blog.example.org/aktuelles/");
    QTest::addRow("navigation first") << QByteArray(
        "<p><a href='/news/'>News</a></p><nav><a href='/blog/'>Blog</a></nav>")
                                      << str("https://blog.example.org/blog/");
    QTest::addRow("other sites' blogs are not ours")
        << QByteArray("<nav><a href='https://other.example/blog/'>Blog</a></nav>") << QString();
    QTest::addRow("none") << QByteArray("<nav><a href='/about/'>About</a></nav>") << QString();
}

void TestArticleLocator::findsTheBlogLink()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const ArticleLocation location = ArticleLocator::locate(page(body + "<h1>Hi</h1>"), "text/html", PageUrl);
    QVERIFY(location.articleUrl.isEmpty());
    QCOMPARE(location.blogLink.toString(), expected);
}

void TestArticleLocator::namesTheSiteAndTheLinkOnBothPaths()
{
    // The same page through FrontPageScanner's events (rel=bookmark) and through the tree
    // (the XPath option makes the locator skip the scanner): the same names and link text.
    const QByteArray body = page(
        "<header><h1 class='site-title'><a href='/'>Tidewater <em>Notes</em></a></h1><a rel='home' href='/'>TN</a>"
        "</header><article><h2><a rel='bookmark' href='/p/'>Reading <b>the</b> tide tables</a></h2>"
        "<time datetime='2024-07-01'>x</time></article><svg><title>icon</title></svg>",
        "<meta property='og:site_name' content='Tidewater Notes'>");
    const ArticleLocation streamed = ArticleLocator::locate(body, "text/html", PageUrl);
    ArticleLocatorOptions options;
    options.xpath = QStringLiteral("//nav//a");
    const ArticleLocation tree = ArticleLocator::locate(body, "text/html", PageUrl, options);
    QCOMPARE(streamed.articleUrl, tree.articleUrl);
    QCOMPARE(streamed.linkTexts, QStringList { str("Reading the tide tables") });
    QCOMPARE(tree.linkTexts, streamed.linkTexts);
    QCOMPARE(streamed.siteNames, (QStringList { str("Tidewater Notes"), str("TN") }));
    QCOMPARE(tree.siteNames, streamed.siteNames);
    QCOMPARE(streamed.pageTitle, str("Blog"));
    QCOMPARE(tree.pageTitle, streamed.pageTitle);
}

QTEST_GUILESS_MAIN(TestArticleLocator)
#include "tst_articlelocator.moc"
