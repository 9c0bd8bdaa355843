// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scan/blogresult.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

/// Remembers each blog's newest article between scans, so a scan can tell which blogs have
/// published since the last one. Stored as JSON (by default in the app's data directory, or
/// wherever TITLEWAVE_HISTORY_FILE points) and written atomically.
class ArticleHistory final
{
    Q_DECLARE_TR_FUNCTIONS(ArticleHistory)

public:
    explicit ArticleHistory(const QString &path = defaultPath());

    /// $TITLEWAVE_HISTORY_FILE when set, else history.json in QStandardPaths::AppDataLocation.
    static QString defaultPath();
    QString path() const { return m_path; }

    /// Reads the file; a missing file is an empty history. Returns a translated error for an
    /// unreadable or corrupt file (the history then starts empty).
    std::optional<QString> load();
    /// Writes the file atomically (QSaveFile), creating its directory.
    std::optional<QString> save() const;

    /// For every successful result: sets previousArticleUrl and isNew from the history, then
    /// records the result's article as the blog's newest. Failed results are left unmarked and
    /// do not erase what the history knows.
    void apply(QList<BlogResult> &results);
    void apply(BlogResult &result);

    QUrl lastArticle(const QUrl &blogUrl) const;
    void record(const QUrl &blogUrl, const QUrl &articleUrl);
    int size() const { return int(m_articles.size()); }

private:
    QString m_path;
    QHash<QString, QUrl> m_articles; // blog key -> newest article
};
