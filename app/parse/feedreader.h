// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

struct FeedEntry {
    QUrl link; ///< absolute
    QString title; ///< plain text
    QDateTime published; ///< invalid when the entry carries no date
};

struct FeedContent {
    bool isFeed = false; ///< the document was RSS or Atom
    QList<FeedEntry> entries; ///< in document order
    QString title; ///< the feed's (channel's) own title: usually the site's name
    /// The newest entry: by date when entries carry dates, else the first. Null when empty.
    const FeedEntry *newest() const;
};

/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 as untrusted XML (no network, no entities, no DTD).
class FeedReader final
{
public:
    static FeedContent read(const QByteArray &body, const QUrl &feedUrl);
    /// Cheap check of the first bytes: does this look like an RSS/Atom document?
    static bool looksLikeFeed(const QByteArray &body, const QByteArray &contentType);
};
