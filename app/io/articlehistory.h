// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

/// Remembers each blog's newest article between scans, so a scan can tell which blogs have
/// published since the last one. Stored as JSON (by default in the app's data directory, or
/// wherever TITLEWAVE_HISTORY_FILE points) and written atomically. Each blog also keeps the day it
/// last answered, so that blogs no longer scanned age out instead of growing the file forever.
class ArticleHistory final
{
    Q_DECLARE_TR_FUNCTIONS(ArticleHistory)

public:
    /// A blog not seen for this long is forgotten when the history is saved.
    static constexpr int kMaxAgeDays = 365;
    /// At most this many blogs are kept; the ones seen longest ago go first.
    static constexpr int kMaxEntries = 100'000;

    explicit ArticleHistory(const QString &path = defaultPath());

    /// $TITLEWAVE_HISTORY_FILE when set, else history.json in QStandardPaths::AppDataLocation.
    static QString defaultPath();
    QString path() const { return m_path; }

    /// Reads the file; a missing file is an empty history. Returns a translated error for an
    /// unreadable or corrupt file (the history then starts empty).
    std::optional<QString> load();
    /// Writes the file atomically (see OutputFile), creating its directory.
    /// Leaves out blogs seen too long ago or too many (see kMaxAgeDays, kMaxEntries).
    std::optional<QString> save() const;

    /// For every successful result: sets previousArticleUrl and isNew from the history, then
    /// records the result's article as the blog's newest and sets articleFoundAt to when the
    /// history first saw that article (@p now when it is new to it). Failed results are left
    /// unmarked and do not erase what the history knows.
    void apply(QList<BlogResult> &results, const QDateTime &now = QDateTime::currentDateTimeUtc());
    void apply(BlogResult &result, const QDateTime &now = QDateTime::currentDateTimeUtc());

    QUrl lastArticle(const QUrl &blogUrl) const;
    /// What the last successful scan of the blog learnt (article, title, validators); empty when
    /// the history does not know it.
    BlogMemory memoryOf(const QUrl &blogUrl) const;
    /// Before a scan: gives every entry the history knows its memory, so the scan sends the
    /// validators and can answer a 304 with the remembered article and title. An entry whose
    /// XPath is not the one its article was found with gets none: its blog is scanned in full.
    void recall(QList<BlogEntry> &entries) const;
    /// @p seen is the day the blog answered with this article (today by default).
    void record(const QUrl &blogUrl, const QUrl &articleUrl, QDate seen = QDate::currentDate());
    /// Records @p memory (its article must be valid) as the blog's, seen on @p seen. When the
    /// article is not the one already recorded, @p found becomes the time it was first found.
    void record(const QUrl &blogUrl, const BlogMemory &memory, QDate seen = QDate::currentDate(),
                const QDateTime &found = QDateTime::currentDateTimeUtc());
    /// The day record() last saw the blog; invalid when the history does not know it.
    QDate lastSeen(const QUrl &blogUrl) const;
    /// When the blog's recorded article was first found (UTC); invalid when the history does not
    /// know the blog. Histories written before this was kept count from the day last seen.
    QDateTime articleFoundAt(const QUrl &blogUrl) const;
    int size() const { return int(m_articles.size()); }

private:
    struct Entry {
        BlogMemory memory; ///< the blog's newest article, its title and the validators
        QDate seen; ///< when the blog last answered with it
        /// When this article was first found as the blog's newest: what a feed of the results
        /// gives as the entry's time, so that it stays put across scans (see AtomWriter).
        QDateTime found;
    };

    /// record() for the blog with key @p key; returns its entry.
    const Entry &store(const QString &key, const BlogMemory &memory, QDate seen, const QDateTime &found);
    /// The keys save() writes, sorted: none older than kMaxAgeDays before @p today, and at most
    /// kMaxEntries, the ones seen most recently.
    QStringList keysToKeep(QDate today) const;

    QString m_path;
    QHash<QString, Entry> m_articles; // blog key -> entry
};
