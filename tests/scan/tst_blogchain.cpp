// SPDX-License-Identifier: GPL-3.0-or-later
// The chain decides from everything the blog says: issue #13's failure classes, each on markup
// shaped like the engine or theme that showed it (Pelican simple, Chronicle, Ghost with an SEO
// title, Jekyll minima with jekyll-seo-tag, WordPress sticky posts, a Hugo theme pinning a post
// in its feed, a landing page, a wiki-style blog), through real HTTP on loopback.
#include "fakehttpserver.h"
#include "scan/scan.h"

#include <QSignalSpy>
#include <QTest>

namespace {

QString str(const char *text)
{
    return QString::fromUtf8(text);
}

BlogResult scanOne(FakeHttpServer &server, Scan &scan)
{
    BlogEntry entry;
    entry.url = server.url();
    QSignalSpy finished(&scan, &Scan::finished);
    scan.start({ entry });
    if (!finished.wait(20000))
        return {};
    return scan.results().value(0);
}

HttpResponse xml(const QByteArray &body)
{
    HttpResponse response;
    response.contentType = "application/rss+xml; charset=utf-8";
    response.body = body;
    return response;
}

QByteArray rss(const QByteArray &title, const QList<std::tuple<QByteArray, QByteArray, QByteArray>> &items)
{
    QByteArray out = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>" + title
        + "</title><link>http://example/</link><description>d</description>";
    for (const auto &[itemTitle, link, date] : items)
        out += "<item><title>" + itemTitle + "</title><link>" + link + "</link><pubDate>" + date + "</pubDate></item>";
    return out + "</channel></rss>";
}

} // namespace

// Declared before the fixtures: moc reads the declaration, not the raw strings below it.
class TestBlogChain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pelicanSimpleSiteNameIsNotTheHeadline();
    void chronicleColonSeparatedSiteNameIsCut();
    void ghostSiteNameInMetadataIsCut();
    void jekyllDamagedMetadataLosesToTheFullerHeading();
    void wordpressStickyPostWithoutDateLoses();
    void undatedFrontPageAsksTheFeedForDates();
    void missingDateFeedKeepsTheFrontPagesAnswer();
    void hugoPinnedPostFirstInFeedLoses();
    void landingPageBlogLinkIsFollowed();
    void blogLinkByTextInOtherLanguages_data();
    void blogLinkByTextInOtherLanguages();
    void wikiStyleBlocksNewestByTextDate();
};

// Pelican "simple": <title>Site - Post</title>, the site in a home-linking <h1>, the post in
// an entry-title <h2> with a rel=bookmark self-link. The site's name is not the headline.
void TestBlogChain::pelicanSimpleSiteNameIsNotTheHeadline()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" />
<meta name="generator" content="Pelican" /><title>Tidewater Notes</title></head>
<body id="index" class="home"><header id="banner" class="body"><h1><a href="/">Tidewater Notes</a></h1></header>
<nav id="menu"><ul><li><a href="/category/misc.html">misc</a></li></ul></nav>
<section id="content" class="body"><h2>All articles</h2><ol id="post-list">
<li><article class="hentry"><header><h2 class="entry-title"><a href="/reading-the-tide-tables.html" rel="bookmark"
 title="Permalink to Reading the tide tables">Reading the tide tables</a></h2></header>
<footer class="post-info"><time class="published" datetime="2024-07-01T10:00:00+02:00">Mon 01 July 2024</time>
<address class="vcard author">By <a class="url fn" href="/author/me.html">me</a></address></footer>
<div class="entry-content"><p>Summary.</p></div></article></li>
<li><article class="hentry"><header><h2 class="entry-title"><a href="/knots.html" rel="bookmark"
 title="Permalink to Knots">Knots</a></h2></header><footer class="post-info">
<time class="published" datetime="2024-06-01T10:00:00+02:00">Sat 01 June 2024</time></footer></article></li>
</ol></section></body></html>)");
    server.html("/reading-the-tide-tables.html", R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8" />
<title>Tidewater Notes - Reading the tide tables</title></head><body id="index" class="home">
<header id="banner" class="body"><h1><a href="/">Tidewater Notes</a></h1></header>
<section id="content" class="body"><article><header><h2 class="entry-title">
<a href="/reading-the-tide-tables.html" rel="bookmark" title="Permalink to Reading the tide tables">Reading the tide tables</a></h2></header>
<div class="entry-content"><p>Text.</p></div></article></section></body></html>)");
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/reading-the-tide-tables.html")));
    QCOMPARE(result.title, str("Reading the tide tables"));
    QVERIFY2(result.titleVia.contains(QLatin1String("listing")), qPrintable(result.titleVia));
    QCOMPARE(scan.feedDateLookups(), 0);
    // The home-linking heading names the site: the window's Blog cell shows that name.
    QCOMPARE(result.siteName, str("Tidewater Notes"));
}

// Chronicle: <title>Site: Post</title> (a colon), the post in <div class="title">, the site
// in the home-linking <h1>; no feed link on the page, dates only as text.
void TestBlogChain::chronicleColonSeparatedSiteNameIsCut()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    const QByteArray entry = R"(<div class="entry"><div class="title"><a href="/%1.html">%2</a></div>
<div class="date">%3</div><div class="body"><p>Some words of the post, enough to be an excerpt.</p></div>
<div class="tags">Tags: <a href="/tags/sea.html">sea</a></div></div>)";
    const auto block = [&](const char *slug, const char *title, const char *date) {
        return QString::fromUtf8(entry).arg(str(slug), str(title), str(date)).toUtf8();
    };
    server.html("/",
                "<html><head><title>Tidewater Notes</title></head><body>"
                "<h1 class=\"title\"><a href=\"/\">Tidewater Notes</a></h1>"
                    + block("reading-the-tide-tables", "Reading the tide tables", "Mon Jul  1 10:00:00 2024")
                    + block("knots", "Knots", "Sat Jun  1 10:00:00 2024") + "</body></html>");
    server.html("/reading-the-tide-tables.html",
                "<html><head><title>Tidewater Notes: Reading the tide tables</title></head><body>"
                "<h1 class=\"title\"><a href=\"/\">Tidewater Notes</a></h1>"
                    + block("reading-the-tide-tables", "Reading the tide tables", "Mon Jul  1 10:00:00 2024")
                    + "</body></html>");
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/reading-the-tide-tables.html")));
    QCOMPARE(result.title, str("Reading the tide tables"));
}

// A Ghost theme whose SEO title makes <title> and og:title read "Site — Post": metadata
// carries the site's name too, and the listing and the article's heading back the rest.
void TestBlogChain::ghostSiteNameInMetadataIsCut()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html><head><title>Tidewater Notes</title>
<meta property="og:site_name" content="Tidewater Notes"></head><body class="home-template">
<header class="site-header"><a class="site-nav-logo" href="/">Tidewater Notes</a></header>
<main class="site-main"><div class="post-feed">
<article class="post-card post"><a class="post-card-content-link" href="/reading-the-tide-tables/">
<header class="post-card-header"><h2 class="post-card-title">Reading the tide tables</h2></header>
<section class="post-card-excerpt"><p>What the numbers mean.</p></section></a>
<footer class="post-card-meta"><time class="post-card-meta-date" datetime="2024-07-01">Jul 1, 2024</time></footer></article>
<article class="post-card post"><a class="post-card-content-link" href="/knots/">
<header class="post-card-header"><h2 class="post-card-title">Knots</h2></header></a>
<footer class="post-card-meta"><time class="post-card-meta-date" datetime="2024-06-01">Jun 1, 2024</time></footer></article>
</div></main></body></html>)");
    server.html("/reading-the-tide-tables/", R"(<!DOCTYPE html><html><head>
<title>Tidewater Notes — Reading the tide tables</title>
<meta property="og:site_name" content="Tidewater Notes">
<meta property="og:title" content="Tidewater Notes — Reading the tide tables">
<meta name="twitter:title" content="Tidewater Notes — Reading the tide tables">
<link rel="stylesheet" href="/assets/built/screen.css"></head><body class="post-template">
<main id="site-main"><article class="article post"><header class="article-header gh-canvas">
<h1 class="article-title">Reading the tide tables</h1></header></article></main></body></html>)");
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.title, str("Reading the tide tables"));
}

// Jekyll's SEO plugin strips what looks like a tag from og:title and JSON-LD; the page's
// itemprop=headline <h1>, the feed entry and the listing keep "Vec<T>".
void TestBlogChain::jekyllDamagedMetadataLosesToTheFullerHeading()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tidewater Notes | A blog about boats</title>
<link type="application/atom+xml" rel="alternate" href="/feed.xml" title="Tidewater Notes" /></head>
<body><header class="site-header" role="banner"><div class="wrapper"><a class="site-title" rel="author" href="/">Tidewater Notes</a></div></header>
<main class="page-content" aria-label="Content"><div class="wrapper"><div class="home"><h2 class="post-list-heading">Posts</h2>
<ul class="post-list"><li><span class="post-meta">Jul 1, 2024</span><h3>
<a class="post-link" href="/2024/07/01/closures.html">Vec&lt;T&gt; &amp; Box&lt;dyn Fn()&gt;: closures in Rust</a></h3></li>
<li><span class="post-meta">Jun 1, 2024</span><h3><a class="post-link" href="/2024/06/01/knots.html">Knots</a></h3></li>
</ul></div></div></main></body></html>)");
    HttpResponse feed;
    feed.contentType = "application/atom+xml";
    feed.body = R"(<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title type="html">Tidewater Notes</title>
<entry><title type="html">Vec&amp;lt;T&amp;gt; &amp;amp; Box&amp;lt;dyn Fn()&amp;gt;: closures in Rust</title>
<link href="/2024/07/01/closures.html" rel="alternate" type="text/html" /><published>2024-07-01T10:00:00+00:00</published></entry>
<entry><title type="html">Knots</title><link href="/2024/06/01/knots.html" rel="alternate" type="text/html" />
<published>2024-06-01T10:00:00+00:00</published></entry></feed>)";
    server.route("/feed.xml", feed);
    server.html("/2024/07/01/closures.html", R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Vec &amp; Box&lt;dyn Fn()&gt;: closures in Rust | Tidewater Notes</title>
<meta property="og:title" content="Vec &amp; Box&lt;dyn Fn()&gt;: closures in Rust" />
<meta property="og:site_name" content="Tidewater Notes" />
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Vec &amp; Box&lt;dyn Fn()&gt;: closures in Rust","url":"/2024/07/01/closures.html"}</script>
</head><body><header class="site-header"><a class="site-title" rel="author" href="/">Tidewater Notes</a></header>
<main class="page-content"><article class="post h-entry" itemscope itemtype="http://schema.org/BlogPosting">
<header class="post-header"><h1 class="post-title p-name" itemprop="name headline">Vec&lt;T&gt; &amp; Box&lt;dyn Fn()&gt;: closures in Rust</h1>
<p class="post-meta"><time class="dt-published" datetime="2024-07-01T10:00:00+00:00" itemprop="datePublished">Jul 1, 2024</time></p>
</header><div class="post-content e-content" itemprop="articleBody"><p>Text.</p></div></article></main></body></html>)");
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/2024/07/01/closures.html")));
    QCOMPARE(result.title, str("Vec<T> & Box<dyn Fn()>: closures in Rust"));
    QVERIFY2(result.titleVia.contains(QLatin1String("entry-title")), qPrintable(result.titleVia));
}

// WordPress shows a sticky post first without a date; the dated posts say which is newest.
void TestBlogChain::wordpressStickyPostWithoutDateLoses()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html><head><title>Tidewater Notes</title></head><body class="home blog">
<ul class="wp-block-post-template"><li class="wp-block-post post-12 post type-post status-publish sticky hentry">
<h2 class="wp-block-post-title"><a href="/welcome/" target="_self">Welcome to the blog</a></h2></li>
<li class="wp-block-post post-15 post type-post status-publish hentry"><h2 class="wp-block-post-title">
<a href="/reading-the-tide-tables/" target="_self">Reading the tide tables</a></h2>
<div class="wp-block-post-date"><time datetime="2024-07-01T10:00:00+00:00">July 1, 2024</time></div></li>
<li class="wp-block-post post-14 post type-post status-publish hentry"><h2 class="wp-block-post-title">
<a href="/knots/" target="_self">Knots</a></h2>
<div class="wp-block-post-date"><time datetime="2024-06-01T10:00:00+00:00">June 1, 2024</time></div></li></ul>
</body></html>)");
    server.html("/reading-the-tide-tables/", FakeBlog::article("Reading the tide tables", "Tidewater Notes"));
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/reading-the-tide-tables/")));
    QCOMPARE(result.title, str("Reading the tide tables"));
    QCOMPARE(scan.feedDateLookups(), 0);
}

// No dates anywhere on the front page, a sticky post first: the feed's dates decide, and
// the extra request is counted.
void TestBlogChain::undatedFrontPageAsksTheFeedForDates()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html><head><title>Tidewater Notes</title>
<link rel="alternate" type="application/rss+xml" title="Tidewater Notes &raquo; Feed" href="/feed/"></head>
<body class="home blog"><article class="post sticky hentry"><h2 class="entry-title"><a href="/welcome/" rel="bookmark">Welcome to the blog</a></h2></article>
<article class="post hentry"><h2 class="entry-title"><a href="/reading-the-tide-tables/" rel="bookmark">Reading the tide tables</a></h2></article>
<article class="post hentry"><h2 class="entry-title"><a href="/knots/" rel="bookmark">Knots</a></h2></article></body></html>)");
    const QByteArray base = server.url().toString().toUtf8();
    server.route(
        "/feed/",
        xml(rss("Tidewater Notes",
                { { "Reading the tide tables", base + "reading-the-tide-tables/", "Mon, 01 Jul 2024 10:00:00 +0000" },
                  { "Knots", base + "knots/", "Sat, 01 Jun 2024 10:00:00 +0000" },
                  { "Welcome to the blog", base + "welcome/", "Mon, 01 Jan 2024 10:00:00 +0000" } })));
    server.html("/reading-the-tide-tables/", FakeBlog::article("Reading the tide tables", "Tidewater Notes"));
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/reading-the-tide-tables/")));
    QCOMPARE(result.foundVia, str("rel-bookmark+feed-dates"));
    QCOMPARE(result.timings.size(), 3);
    QCOMPARE(scan.feedDateLookups(), 1);
}

// The feed asked only for its dates fails: the front page's answer stands.
void TestBlogChain::missingDateFeedKeepsTheFrontPagesAnswer()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html><head><title>Tidewater Notes</title>
<link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>
<article class="post hentry"><h2 class="entry-title"><a href="/a/" rel="bookmark">A</a></h2></article>
<article class="post hentry"><h2 class="entry-title"><a href="/b/" rel="bookmark">B</a></h2></article></body></html>)");
    HttpResponse missing;
    missing.status = 404;
    missing.body = "<html><body>Not found</body></html>";
    server.route("/feed/", missing);
    server.html("/a/", FakeBlog::article("A", "Tidewater Notes"));
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/a/")));
    QCOMPARE(result.foundVia, str("rel-bookmark"));
    QCOMPARE(result.timings.size(), 3);
    QCOMPARE(scan.feedDateLookups(), 1);
}

// A Hugo theme pins a post first on the home page and first in its RSS feed; each <item>
// still has its pubDate, so the newest-dated entry wins.
void TestBlogChain::hugoPinnedPostFirstInFeedLoses()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html lang="en-us"><head><meta name="generator" content="Hugo 0.111.3">
<title>Tidewater Notes</title><link href="/index.xml" rel="alternate" type="application/rss+xml" title="Tidewater Notes" /></head>
<body><main class="pb7" role="main"><section class="w-100 mw8">
<div class="relative w-100 mb4"><article class="bb b--black-10"><div class="db pv4 ph3 ph0-l no-underline dark-gray">
<div class="w-100"><h1 class="f3 fw1 athelas mt0 lh-title"><a href="/posts/about-this-blog/" class="color-inherit dim link">About this blog</a></h1>
<div class="f6 f5-l lh-copy nested-copy-line-height nested-links">Pinned.</div></div></div></article></div>
<div class="relative w-100 mb4"><article class="bb b--black-10"><div class="db pv4 ph3 ph0-l no-underline dark-gray">
<div class="w-100"><h1 class="f3 fw1 athelas mt0 lh-title"><a href="/posts/reading-the-tide-tables/" class="color-inherit dim link">Reading the tide tables</a></h1>
<div class="f6 f5-l lh-copy nested-copy-line-height nested-links">What the numbers mean.</div></div></div></article></div>
</section></main></body></html>)");
    const QByteArray base = server.url().toString().toUtf8();
    server.route("/index.xml",
                 xml(rss("Tidewater Notes",
                         { { "About this blog", base + "posts/about-this-blog/", "Mon, 01 Jan 2024 10:00:00 +0000" },
                           { "Reading the tide tables", base + "posts/reading-the-tide-tables/",
                             "Mon, 01 Jul 2024 10:00:00 +0000" } })));
    server.html("/posts/reading-the-tide-tables/",
                R"(<!DOCTYPE html><html><head><title>Reading the tide tables | Tidewater Notes</title>
<meta property="og:title" content="Reading the tide tables" /></head><body>
<header><a href="/" class="f3 fw2 hover-white no-underline white-90 dib">Tidewater Notes</a></header>
<article class="flex-l flex-wrap justify-between mw8 center ph3"><header class="mt4 w-100">
<h1 class="f1 athelas mt3 mb1">Reading the tide tables</h1></header></article></body></html>)");
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/posts/reading-the-tide-tables/")));
    QCOMPARE(result.foundVia, str("article+feed-dates"));
    QCOMPARE(result.title, str("Reading the tide tables"));
    QCOMPARE(scan.feedDateLookups(), 1);
}

// A landing page with no posts and a "Blog" link: one hop, and found_via says so.
void TestBlogChain::landingPageBlogLinkIsFollowed()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    server.html("/", R"(<!DOCTYPE html><html><head><title>Ada Shipwright</title></head><body>
<header><nav><a href="/">Home</a> <a href="/about/">About</a> <a href="/projects/">Projects</a> <a href="/blog/">Blog</a></nav></header>
<main><h1>Hi, I am Ada.</h1><p>I build small boats and write about them.</p></main></body></html>)");
    server.html("/blog/", FakeBlog::frontPage("/blog/reading-the-tide-tables/", "Ada's blog"));
    server.html("/blog/reading-the-tide-tables/", FakeBlog::article("Reading the tide tables", "Ada's blog"));
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/blog/reading-the-tide-tables/")));
    QCOMPARE(result.foundVia, str("blog-link+rel-bookmark"));
    QCOMPARE(result.title, str("Reading the tide tables"));
    QCOMPARE(result.timings.size(), 3);
}

// The same in French and German link text, with paths that say nothing.
void TestBlogChain::blogLinkByTextInOtherLanguages_data()
{
    QTest::addColumn<QByteArray>("link");
    QTest::addRow("fr") << QByteArray("<a href=\"/carnet/\">Actualit\xc3\xa9s</a>");
    QTest::addRow("de") << QByteArray("<a href=\"/carnet/\">Beitr\xc3\xa4ge</a>");
    QTest::addRow("en path") << QByteArray("<a href=\"/posts/\">Writing</a>");
}
void TestBlogChain::blogLinkByTextInOtherLanguages()
{
    QFETCH(QByteArray, link);
    FakeHttpServer server;
    QVERIFY(server.start());
    const QByteArray section = link.contains("/posts/") ? "/posts/" : "/carnet/";
    server.html("/",
                "<html><head><title>Atelier</title></head><body><nav><a href=\"/\">Accueil</a> " + link
                    + "</nav><main><h1>Atelier</h1></main></body></html>");
    server.html(section, FakeBlog::frontPage(section + "un/", "Atelier"));
    server.html(section + "un/", FakeBlog::article("Un billet", "Atelier"));
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QString::fromUtf8(section + "un/")));
    QCOMPARE(result.foundVia, str("blog-link+rel-bookmark"));
}

// A wiki-style blog without a feed: repeated blocks, each a header link, an excerpt and a
// date in text. An older post pinned first loses to the newest date.
void TestBlogChain::wikiStyleBlocksNewestByTextDate()
{
    FakeHttpServer server;
    QVERIFY(server.start());
    const auto block = [](const char *path, const char *title, const char *date) -> QByteArray {
        return QByteArray(R"(<div class="inlinepage"><div class="inlineheader"><span class="header"><a href=")") + path
            + "\">" + title
            + "</a></span></div><div class=\"inlinecontent\"><p>An excerpt of the post, a few words long.</p></div>"
              "<div class=\"inlinefooter\"><span class=\"pagedate\">Posted <span class=\"date\">"
            + date + "</span></span></div></div>";
    };
    server.html(
        "/",
        "<!DOCTYPE html><html><head><title>tidewater</title></head><body><div class=\"page\">"
        "<div class=\"pageheader\"><div class=\"header\"><span><span class=\"title\">tidewater</span></span></div>"
        "<div class=\"actions\"><ul><li><a href=\"/recentchanges/\">RecentChanges</a></li>"
        "<li><a href=\"/ikiwiki.cgi?do=prefs\">Preferences</a></li></ul></div></div><div id=\"content\">"
            + block("./posts/welcome/", "Welcome", "Mon Jan  1 10:00:00 2024")
            + block("./posts/reading_the_tide_tables/", "Reading the tide tables", "Mon Jul  1 10:00:00 2024")
            + block("./posts/knots/", "Knots", "Sat Jun  1 10:00:00 2024") + "</div></div></body></html>");
    server.html("/posts/reading_the_tide_tables/",
                "<!DOCTYPE html><html><head><title>Reading the tide tables</title></head><body>"
                "<div class=\"header\"><span><span class=\"parentlinks\"><a href=\"../../\">tidewater</a>/ "
                "<a href=\"../\">posts</a>/ </span><span class=\"title\">Reading the tide tables</span></span></div>"
                "<div id=\"content\"><p>Text.</p></div></body></html>");
    Scan scan;
    const BlogResult result = scanOne(server, scan);
    QCOMPARE(result.status, BlogStatus::Ok);
    QCOMPARE(result.articleUrl, server.url(QStringLiteral("/posts/reading_the_tide_tables/")));
    QCOMPARE(result.foundVia, str("blocks"));
    QCOMPARE(result.title, str("Reading the tide tables"));
}

QTEST_GUILESS_MAIN(TestBlogChain)
#include "tst_blogchain.moc"
