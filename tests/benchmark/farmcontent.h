// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// The benchmark farm's blogs as data: names, post titles and WordPress-like pages, all a pure
/// function of (seed, blog index), so the farm process and a re-run with the same seed agree.
/// Titles never contain `&`, `<`, `>` or `"` and never start with a spreadsheet formula character,
/// so every headline rule (even one that decodes no entities) reads them back unchanged.
class FarmContent final
{
public:
    static constexpr int kPostsPerBlog = 10;

    /// Where each blog lives: at the root of its own origin, or under "/blog-<index>" on one
    /// origin shared by all blogs (every link of the blog then stays below that path).
    enum class Layout { OwnOrigin, PathPrefix };

    FarmContent(quint64 seed, int blogCount, Layout layout = Layout::OwnOrigin);

    int blogCount() const { return int(m_blogs.size()); }
    QString blogName(int blog) const { return m_blogs.at(blog).name; }
    /// Post 0 is the newest, the one a client must report.
    QString postTitle(int blog, int post) const { return m_blogs.at(blog).titles.at(post); }
    /// "" for Layout::OwnOrigin, "/blog-17" for Layout::PathPrefix: what every link starts with.
    QByteArray basePath(int blog) const { return m_blogs.at(blog).base; }
    /// Root-relative with the base path, e.g. "/2026/11/entry-0-3fa2.html".
    QByteArray postPath(int blog, int post) const { return m_blogs.at(blog).paths.at(post); }
    /// The post whose path is @p path, or -1.
    int postForPath(int blog, const QByteArray &path) const;

    /// About 30-60 KB: header, navigation, the 10 posts newest first, sidebar, footer.
    QByteArray frontPage(int blog) const;
    /// About 30-80 KB: `<title>Post – Blog</title>`, og:title, `<h1>`, body text, comments.
    QByteArray postPage(int blog, int post) const;
    /// RSS 2.0 with every post; @p origin is "http://host:port" (without the base path), since
    /// feeds carry absolute links.
    QByteArray feed(int blog, const QByteArray &origin) const;

private:
    struct Blog {
        QString name;
        QByteArray language;
        QByteArray base; ///< basePath()
        QStringList titles;
        QList<QByteArray> paths;
    };

    quint64 streamSeed(int blog, int post, int purpose) const;
    QByteArray renderFront(int blog, int excerptBytes) const;
    QByteArray renderPost(int blog, int post, int bodyBytes) const;

    quint64 m_seed;
    QList<Blog> m_blogs;
};
