// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/download.h"
#include "parse/articlelocator.h"
#include "parse/feedreader.h"
#include "parse/headlineextractor.h"
#include "types/blogentry.h"
#include "types/blogresult.h"
#include "types/fetchresult.h"

#include <QObject>
#include <QPointer>

#include <memory>

class ChainHost;
class QNetworkCookieJar;

/// One blog's chain: front page -> (feed) -> article -> headline. Independent of every other
/// blog: its next request leaves as soon as its own previous step is done.
class BlogScan final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlogScan)

public:
    BlogScan(ChainHost &host, int index, const BlogEntry &entry);

    void start();
    /// Aborts the running request, if any, and ends the chain as cancelled.
    void cancel();

    const BlogResult &result() const { return m_result; }
    bool isFinished() const { return isFinalStatus(m_result.status); }

Q_SIGNALS:
    /// Emitted after every step (a request done, the chain finished).
    void changed(const BlogResult &result);
    void finished(const BlogResult &result);

private:
    /// Starts a GET; @p validators (the previous scan's, for this page) make it conditional.
    void fetch(const QUrl &url, RequestKind kind, void (BlogScan::*onDone)(const FetchResult &),
               const PageValidators &validators = {});
    /// The page that named the article answered 304: the remembered article and title stand.
    void finishUnchanged();
    void onFrontPage(const FetchResult &fetched);
    void onFrontPageParsed(const ArticleLocation &location);
    void onFeed(const FetchResult &fetched);
    void onFeedParsed(const FeedEntry &entry);
    void onArticle(const FetchResult &fetched);
    void onArticleParsed(const Headline &headline);
    void fetchArticle(const QUrl &url, const QString &foundVia);
    bool recordRequest(const FetchResult &fetched);
    void finish(BlogStatus status, const QString &error = {});

    ChainHost &m_host;
    BlogEntry m_entry;
    BlogResult m_result;
    QPointer<Download> m_download;
    /// This blog's cookies alone, in memory, for every request of its chain (cookie checks,
    /// consent redirects); shared with its downloads, which may outlive a cancelled chain.
    std::shared_ptr<QNetworkCookieJar> m_cookies;
    QString m_feedEntryTitle; // fallback headline when the article page has none
};
