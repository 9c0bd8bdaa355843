// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

/// Writes the results as an Atom 1.0 feed (RFC 4287) that any feed reader can follow: one entry per
/// blog whose newest article was found, so blogs without a feed of their own can be followed too.
///
/// An entry's id is the article's address and its time is when Titlewave first found that article
/// (BlogResult::articleFoundAt, kept by the history), so a reader shows each article once, however
/// often the feed is rewritten; without a history it is the time of the scan. The blog is the
/// entry's author. Failed blogs have no entry: a reader would show them as articles.
class AtomWriter final
{
public:
    /// @p path is where the feed will be written: its file: URL is the feed's id and self link,
    /// and its name is in the feed's title. Empty (standard output) gives an id made from the
    /// scanned blogs' addresses instead. @p now dates entries without a history.
    static QByteArray toAtom(const QList<BlogResult> &results, const QString &path,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// Whether @p result gets an entry: its blog answered and named an article.
    static bool hasEntry(const BlogResult &result);
    /// The results that get an entry, newest found first (ties keep the list's order); pointers
    /// into @p results.
    static QList<const BlogResult *> entries(const QList<BlogResult> &results, const QDateTime &now);
    /// @p text without what XML 1.0 cannot carry (control characters, lone surrogates,
    /// U+FFFE/U+FFFF): a title from the web must not make the whole feed unreadable.
    static QString xmlSafe(const QString &text);
};
