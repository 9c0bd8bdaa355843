// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "blogentry.h"
#include "blogresult.h"
#include "net/download.h"
#include "net/fetchresult.h"
#include "parse/articlelocator.h"
#include "parse/feedreader.h"
#include "parse/headlineextractor.h"

#include <QObject>
#include <QPointer>
class Scan;

/// One blog's chain: front page -> (feed) -> article -> headline. Independent of every other
/// blog: its next request leaves as soon as its own previous step is done.
class BlogScan final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlogScan)

public:
    BlogScan(Scan &scan, int index, const BlogEntry &entry);

    void start();
    /// Aborts the running request, if any, and ends the chain as cancelled.
    void cancel();

    const BlogResult &result() const { return m_result; }
    bool isFinished() const { return BlogStatusText::isFinal(m_result.status); }

Q_SIGNALS:
    /// Emitted after every step (a request done, the chain finished).
    void changed(const BlogResult &result);
    void finished(const BlogResult &result);

private:
    void fetch(const QUrl &url, RequestKind kind, void (BlogScan::*onDone)(const FetchResult &));
    void onFrontPage(const FetchResult &fetched);
    void onFrontPageParsed(const ArticleLocation &location);
    void onFeed(const FetchResult &fetched);
    void onFeedParsed(const FeedContent &feed);
    void onDateFeed(const FetchResult &fetched);
    void onDateFeedParsed(const FeedContent &feed);
    void onArticle(const FetchResult &fetched);
    void onArticleParsed(const Headline &headline);
    void fetchArticle(const QUrl &url, const QString &foundVia);
    bool recordRequest(const FetchResult &fetched);
    void finish(BlogStatus status, const QString &error = {});

    Scan &m_scan;
    BlogEntry m_entry;
    BlogResult m_result;
    QPointer<Download> m_download;
    HeadlineContext m_headline; // what the chain says about the article before its page is read
    ArticleLocation m_undated; // the front page's answer while the feed's dates are consulted
    bool m_followedBlogLink = false; // the front page named no article: its blog link was followed
};
