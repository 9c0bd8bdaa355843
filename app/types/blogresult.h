// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "blogentry.h"
#include "blogstatus.h"
#include "requesttiming.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

/// Everything known about one blog's scan; a value passed from the engine to the views.
struct BlogResult {
    int index = -1; ///< position in the scanned list
    QUrl blogUrl;
    QString blogInput; ///< the address as the list wrote it
    QString name; ///< the list's name for the blog (CSV, OPML), empty when it gives none
    /// The site's own name from its front page (og:site_name, application-name, the <title>'s site
    /// part), empty when the page gives none. For display only: the CSV does not carry it.
    QString siteName;
    BlogStatus status = BlogStatus::Pending;
    QString error; ///< translated sentence, empty when ok
    QUrl articleUrl;
    QString title; ///< the article's headline, plain text
    QString rawTitle; ///< the article's <title> as found
    QString foundVia; ///< which rule found the article ("feed", "rel-bookmark", ...)
    QString titleVia; ///< which rule gave the headline ("og:title", "h1", ...)
    int httpStatus = 0; ///< status of the last HTTP answer
    QList<RequestTiming> timings;
    /// The newest article differs from the one the previous scan of this blog found (set by
    /// ArticleHistory after the scan; false when there was no previous scan to compare with).
    bool isNew = false;
    /// The article the previous scan found; empty when there is no history for this blog.
    QUrl previousArticleUrl;
    /// When the history first found this article as the blog's newest (UTC); invalid when no
    /// history was applied. A feed of the results dates its entries with it.
    QDateTime articleFoundAt;
    /// The blog's front page (or the feed that named its article) answered 304 Not Modified to
    /// the previous scan's validators: the article and title are the remembered ones (foundVia
    /// "unchanged"), and no article was fetched.
    bool unchanged = false;
    /// What this scan learnt for the next one (validators of the pages fetched, and on success the
    /// article and its title); ArticleHistory keeps it.
    BlogMemory memory;

    /// Duration of the first request of that kind, or -1 when there was none.
    qint64 durationMs(RequestKind kind) const;
    /// From the first request's start to the last one's end, or -1 without requests.
    qint64 totalMs() const;
    qint64 startMs() const;
    qint64 endMs() const;
    /// The blog's address for display and export: the URL, or the list's text when invalid.
    QString blogText() const;
    /// What the window calls the blog: the list's name, else the site's own name, else its address
    /// without the scheme ("blog.example/notes"), else the list's text when that is no address.
    QString displayName() const;

    /// The row of @p entry at position @p index before its chain reports: pending, nothing found.
    static BlogResult pending(int index, const BlogEntry &entry);
};

Q_DECLARE_METATYPE(BlogResult)
