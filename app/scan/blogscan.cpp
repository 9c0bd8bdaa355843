// SPDX-License-Identifier: GPL-3.0-or-later
#include "blogscan.h"

#include "chainhost.h"
#include "net/download.h"
#include "net/fetcher.h"
#include "parse/contentsniffer.h"
#include "parse/feedreader.h"
#include "parse/foundvia.h"
#include "parse/headlinecutoff.h"
#include "parse/headlineextractor.h"
#include "parse/xpathcheck.h"
#include "types/webaddress.h"

#include <QCoreApplication>
#include <QNetworkCookieJar>

BlogScan::BlogScan(ChainHost &host, int index, const BlogEntry &entry)
    : m_host(host)
    , m_entry(entry)
    , m_result(BlogResult::pending(index, entry))
    , m_cookies(std::make_shared<QNetworkCookieJar>())
{
    m_result.memory.xpath = entry.xpath.trimmed();
}

void BlogScan::start()
{
    const QUrl &url = m_entry.url;
    if (!url.isValid() || url.isRelative()) {
        finish(BlogStatus::InvalidUrl, m_entry.refusal);
        return;
    }
    if (!WebAddress::isWebScheme(url)) {
        finish(BlogStatus::UnsupportedScheme);
        return;
    }
    if (url.host().isEmpty()) {
        finish(BlogStatus::InvalidUrl);
        return;
    }
    // An XPath that does not compile would make every other rule's answer a silent wrong one:
    // the row says so, and nothing is fetched.
    if (const QString xpath = m_entry.xpath.trimmed(); !xpath.isEmpty()) {
        if (const std::optional<QString> reason = XPathCheck::error(xpath)) {
            finish(BlogStatus::NoArticle, XPathCheck::sentence(xpath, *reason));
            return;
        }
    }
    m_result.status = BlogStatus::Running;
    Q_EMIT changed(m_result);
    const BlogMemory &memory = m_entry.memory;
    fetch(url, RequestKind::FrontPage, &BlogScan::onFrontPage,
          memory.canRevalidate() ? memory.frontPage : PageValidators {});
}

void BlogScan::cancel()
{
    if (isFinished())
        return;
    if (m_download) {
        // Ends in onFrontPage/onFeed/onArticle with the Cancelled status, recording the timing.
        m_download->fail(BlogStatus::Cancelled, BlogStatusText::sentence(BlogStatus::Cancelled));
    }
    if (!isFinished())
        finish(BlogStatus::Cancelled); // it was parsing: the parse result will be ignored
}

void BlogScan::fetch(const QUrl &url, RequestKind kind, void (BlogScan::*onDone)(const FetchResult &),
                     const PageValidators &validators)
{
    // The article is the chain's last request to its host; the front page and feed are usually
    // followed by another request to the same host, which reuses the connection.
    const bool last = kind == RequestKind::Article;
    Download *download = m_host.fetcher().get(url, kind, last);
    download->setCookieJar(m_cookies);
    download->setValidators(validators);
    if (kind == RequestKind::Article) {
        // Only the headline is wanted: stop reading once it is certain. A front page or a feed
        // is read whole: its newest entry may be anywhere in it.
        download->setEnough(
            [cutoff = HeadlineCutoff()](const QByteArray &body) mutable { return cutoff.isCertain(body); });
    }
    m_download = download;
    connect(download, &Download::finished, this, onDone);
}

bool BlogScan::recordRequest(const FetchResult &fetched)
{
    m_download = nullptr;
    m_result.timings.append(fetched.timing);
    m_result.timings.last().http2 = fetched.http2; // for the details panel's HTTP version
    m_result.httpStatus = fetched.timing.httpStatus;
    if (isFinished())
        return false; // cancelled meanwhile
    if (!fetched.ok()) {
        finish(fetched.status, fetched.error);
        return false;
    }
    return true;
}

void BlogScan::onFrontPage(const FetchResult &fetched)
{
    if (!recordRequest(fetched))
        return;
    if (!m_followedBlogLink) // the blog page a landing page leads to is not the front page
        m_result.memory.frontPage = fetched.validators;
    if (fetched.notModified) {
        finishUnchanged();
        return;
    }
    if (ContentSniffer::classify(fetched.contentType, fetched.body) == ContentSniffer::Kind::Other) {
        finish(BlogStatus::NotHtml,
               QCoreApplication::translate("BlogScan", "The front page is not a web page or a feed (%1).")
                   .arg(QString::fromLatin1(fetched.contentType.left(100))));
        return;
    }
    Q_EMIT changed(m_result);
    const ArticleLocatorOptions options { m_entry.xpath, m_host.options().preferFeeds };
    m_host.parseInBackground(
        this, fetched.body.size(),
        [body = fetched.body, type = fetched.contentType, url = fetched.timing.finalUrl, options] {
            return ArticleLocator::locate(body, type, url, options);
        },
        &BlogScan::onFrontPageParsed);
}

void BlogScan::onFrontPageParsed(const ArticleLocation &location)
{
    if (isFinished())
        return;
    for (const QString &name : location.siteNames) {
        if (!m_headline.siteNames.contains(name))
            m_headline.siteNames.append(name);
    }
    // What the blog calls itself, for a list that names no blog (the window shows it).
    if (m_result.siteName.isEmpty() && !location.siteNames.isEmpty())
        m_result.siteName = location.siteNames.constFirst();
    if (m_headline.frontPageTitle.isEmpty())
        m_headline.frontPageTitle = location.pageTitle;
    // The list's own feed address (an OPML xmlUrl) first: the user chose it.
    const QUrl feed = WebAddress::isWebScheme(m_entry.feedUrl) ? m_entry.feedUrl : location.feedUrls.value(0);
    if (location.articleUrl.isValid()) {
        m_headline.listing = location.linkTexts;
        m_headline.feedTitle = location.articleTitle;
        if (location.undated && feed.isValid()) {
            // The page shows several posts and no dates: a pinned one may come first. The
            // feed's dates decide (one more request, counted).
            m_undated = location;
            m_host.countFeedDateLookup();
            fetch(feed, RequestKind::Feed, &BlogScan::onDateFeed);
            return;
        }
        fetchArticle(location.articleUrl, location.foundVia);
        return;
    }
    if (location.xpathFailed) {
        finish(BlogStatus::NoArticle, location.error);
        return;
    }
    if (feed.isValid()) {
        const BlogMemory &memory = m_entry.memory;
        // The feed's validators count only for the feed they came from.
        const bool sameFeed
            = memory.canRevalidate() && memory.feedUrl.isValid() && WebAddress::isSamePage(memory.feedUrl, feed);
        m_result.memory.feedUrl = feed;
        fetch(feed, RequestKind::Feed, &BlogScan::onFeed, sameFeed ? memory.feed : PageValidators {});
        return;
    }
    if (location.blogLink.isValid() && !m_followedBlogLink) {
        // A landing page: its "Blog" link leads to the posts, one hop.
        m_followedBlogLink = true;
        fetch(location.blogLink, RequestKind::FrontPage, &BlogScan::onFrontPage);
        return;
    }
    finish(BlogStatus::NoArticle, location.error);
}

void BlogScan::onFeed(const FetchResult &fetched)
{
    if (!recordRequest(fetched))
        return;
    m_result.memory.feed = fetched.validators;
    if (fetched.notModified) {
        finishUnchanged();
        return;
    }
    Q_EMIT changed(m_result);
    m_host.parseInBackground(
        this, fetched.body.size(),
        [body = fetched.body, url = fetched.timing.finalUrl] { return FeedReader::read(body, url); },
        &BlogScan::onFeedParsed);
}

void BlogScan::onFeedParsed(const FeedContent &feed)
{
    if (isFinished())
        return;
    const FeedEntry *entry = feed.newest();
    if (!entry || !entry->link.isValid()) {
        finish(BlogStatus::NoArticle, QCoreApplication::translate("BlogScan", "The blog's feed lists no article."));
        return;
    }
    if (!feed.title.isEmpty())
        m_headline.siteNames.append(feed.title);
    m_headline.feedTitle = entry->title;
    m_headline.listing.clear();
    fetchArticle(entry->link, FoundVia::code(ArticleRule::Feed));
}

void BlogScan::onDateFeed(const FetchResult &fetched)
{
    m_download = nullptr;
    m_result.timings.append(fetched.timing);
    m_result.httpStatus = fetched.timing.httpStatus;
    if (isFinished())
        return; // cancelled meanwhile
    if (fetched.status == BlogStatus::Cancelled) {
        finish(fetched.status, fetched.error);
        return;
    }
    if (!fetched.ok()) {
        // The feed was only asked for its dates: without it, the front page's answer stands.
        fetchArticle(m_undated.articleUrl, m_undated.foundVia);
        return;
    }
    Q_EMIT changed(m_result);
    m_host.parseInBackground(
        this, fetched.body.size(),
        [body = fetched.body, url = fetched.timing.finalUrl] { return FeedReader::read(body, url); },
        &BlogScan::onDateFeedParsed);
}

void BlogScan::onDateFeedParsed(const FeedContent &feed)
{
    if (isFinished())
        return;
    const FeedEntry *entry = feed.newest();
    if (!entry || !entry->link.isValid() || !entry->published.isValid()) {
        fetchArticle(m_undated.articleUrl, m_undated.foundVia);
        return;
    }
    if (!feed.title.isEmpty())
        m_headline.siteNames.append(feed.title);
    m_headline.feedTitle = entry->title;
    m_headline.listing.clear();
    const auto same = [&](const QUrl &a) {
        const auto options = QUrl::StripTrailingSlash | QUrl::NormalizePathSegments | QUrl::RemoveFragment;
        return a.adjusted(options) == entry->link.adjusted(options);
    };
    for (const ArticleCandidate &candidate : std::as_const(m_undated.candidates)) {
        if (same(candidate.url)) {
            m_headline.listing = candidate.texts;
            fetchArticle(entry->link, FoundVia::withFeedDates(m_undated.foundVia));
            return;
        }
    }
    // The feed's newest is not on the front page at all: the feed alone found it.
    fetchArticle(entry->link, FoundVia::code(ArticleRule::Feed));
}

void BlogScan::fetchArticle(const QUrl &url, const QString &foundVia)
{
    m_result.articleUrl = url;
    m_result.foundVia = m_followedBlogLink ? FoundVia::afterBlogLink(foundVia) : foundVia;
    Q_EMIT changed(m_result);
    if (!WebAddress::isWebScheme(url)) {
        finish(BlogStatus::UnsupportedScheme,
               QCoreApplication::translate("BlogScan", "The article's address is not http or https: %1")
                   .arg(url.toDisplayString().left(200)));
        return;
    }
    fetch(url, RequestKind::Article, &BlogScan::onArticle);
}

void BlogScan::onArticle(const FetchResult &fetched)
{
    if (!recordRequest(fetched))
        return;
    m_result.articleUrl = fetched.timing.finalUrl;
    if (ContentSniffer::classify(fetched.contentType, fetched.body) != ContentSniffer::Kind::Html) {
        finish(BlogStatus::NotHtml,
               QCoreApplication::translate("BlogScan", "The article is not a web page (%1).")
                   .arg(QString::fromLatin1(fetched.contentType.left(100))));
        return;
    }
    Q_EMIT changed(m_result);
    m_host.parseInBackground(
        this, fetched.body.size(),
        [body = fetched.body, type = fetched.contentType, url = fetched.timing.finalUrl, context = m_headline] {
            return HeadlineExtractor::extract(body, type, url, context);
        },
        &BlogScan::onArticleParsed);
}

void BlogScan::onArticleParsed(const Headline &headline)
{
    if (isFinished())
        return;
    m_result.rawTitle = headline.rawTitle;
    if (!headline.title.isEmpty()) {
        m_result.title = headline.title;
        m_result.titleVia = headline.via;
    } else if (!m_headline.feedTitle.isEmpty()) {
        m_result.title = m_headline.feedTitle;
        m_result.titleVia = FoundVia::code(TitleSource::Feed);
    } else {
        finish(BlogStatus::NoTitle);
        return;
    }
    m_result.memory.articleUrl = m_result.articleUrl;
    m_result.memory.title = m_result.title;
    finish(BlogStatus::Ok);
}

void BlogScan::finishUnchanged()
{
    const BlogMemory &memory = m_entry.memory;
    m_result.unchanged = true;
    m_result.articleUrl = memory.articleUrl;
    m_result.title = memory.title;
    m_result.foundVia = FoundVia::code(ArticleRule::Unchanged);
    m_result.memory.articleUrl = memory.articleUrl;
    m_result.memory.title = memory.title;
    if (m_result.memory.feedUrl.isEmpty()) {
        // The front page did not change, so neither did the way to the article: keep the feed's.
        m_result.memory.feedUrl = memory.feedUrl;
        m_result.memory.feed = memory.feed;
    }
    finish(BlogStatus::Ok);
}

void BlogScan::finish(BlogStatus status, const QString &error)
{
    if (isFinished())
        return;
    m_result.status = status;
    m_result.error
        = status == BlogStatus::Ok ? QString() : (error.isEmpty() ? BlogStatusText::sentence(status) : error);
    Q_EMIT changed(m_result);
    Q_EMIT finished(m_result);
}
