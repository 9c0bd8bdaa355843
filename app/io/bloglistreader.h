// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogentry.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

struct BlogListReadResult {
    QList<BlogEntry> blogs;
    QStringList problems; ///< one translated line per refused entry, with its line number
    int duplicates = 0;
    QString error; ///< set when the list itself could not be read (missing file...)
    QStringList sources; ///< readFiles(): the files that could be read
    /// "120 blogs, 3 duplicates skipped, line 7: unsupported scheme file"
    QString summary() const;
    /// For a status bar: counts only, "120 blogs, 3 duplicates skipped, 2 problems (line 7, …)";
    /// the problems themselves go in a tooltip, and a refused line's reason is in its row.
    QString shortSummary() const;

private:
    /// "120 blogs", the duplicates skipped and the error: how both summaries begin.
    QStringList countParts() const;
};

/// What adding a pasted (or imported) list to an existing one really adds.
struct BlogListAddition {
    QList<BlogEntry> added; ///< accepted and new, in the pasted order
    QString text; ///< their lines for the list editor ("URL" or "URL<TAB>XPath"), one per line
    int alreadyListed = 0; ///< accepted, but the existing list (or an earlier pasted line) has them
    int refused = 0; ///< lines that are no web address: never added
    QStringList problems; ///< the refused lines' reasons, with their line numbers in the pasted text
    /// "2 blogs added, 1 already in the list, 1 line refused"
    QString summary() const;
};

/// Reads a user's blog list: plain text (one URL per line, `#` comments, optionally
/// `URL<TAB>XPath`), CSV (`url`, optional `name` and `xpath` columns) or OPML (a feed reader's
/// subscriptions). Only http and https addresses are accepted; nothing here ever opens what a
/// list names.
class BlogListReader final
{
    Q_DECLARE_TR_FUNCTIONS(BlogListReader)

public:
    enum class Format { Text, Csv, Opml };

    static BlogListReadResult readText(const QString &text);
    /// CSV with comma, semicolon or tab delimiters (guessed from the first line), RFC 4180
    /// quoting, and an optional header row naming the `url`, `name`, `xpath` and `feed` columns.
    /// Without a header the columns are url, name, xpath.
    static BlogListReadResult readCsv(const QByteArray &bytes);
    /// OPML 1.0/2.0: every `<outline>` with an `htmlUrl` or `xmlUrl`, at any depth (folders
    /// nest). `htmlUrl` is the blog and `xmlUrl` its feed; a feed alone is scanned as the blog.
    /// Read with QXmlStreamReader, which never fetches anything an untrusted file names.
    static BlogListReadResult readOpml(const QByteArray &bytes);
    /// Reads @p bytes in the format given by @p fileName's extension, or guessed from the content.
    static BlogListReadResult readBytes(const QByteArray &bytes, const QString &fileName = {});
    static BlogListReadResult readFile(const QString &path);
    /// Reads several files as one list: duplicates across files skipped by the same identity as
    /// within one (WebAddress::blogKey), each problem prefixed by its file's name when there are
    /// several, and the unreadable files' errors joined in @c error.
    static BlogListReadResult readFiles(const QStringList &paths);
    /// .opml/.xml are OPML, .csv/.tsv are CSV, .txt is text; otherwise XML-looking content is
    /// OPML, a first line that is a CSV header naming a `url` column is CSV, and anything else text.
    static Format detectFormat(const QString &fileName, const QByteArray &bytes);
    /// Reads @p pasted as text and keeps only what it adds to @p existing: accepted blogs not
    /// already there (WebAddress::blogKey), so Paste List never adds a refused line or a duplicate
    /// and can say what it really added.
    static BlogListAddition additions(const QList<BlogEntry> &existing, const QString &pasted);
    /// Normalises one list line's address: picks the URL out of surrounding junk, adds
    /// https:// to a bare host name. Returns an invalid URL when the line holds none.
    static QUrl urlFromLine(const QString &line);

    /// What one line holds: its first address (as urlFromLine()), how many scheme://
    /// addresses it holds, and whether that address looks cut at a space ("http://a b.com/").
    struct LineScan {
        QUrl url;
        int addresses = 0;
        bool cutAtSpace = false;
    };
    static LineScan scanLine(const QString &line);

    /// A list line (URL, XPath and all) longer than this is refused unread: no address is that
    /// long, and a megabyte line must not reach the table.
    static constexpr qsizetype kMaxLineChars = 8 * 1024;
    /// Longer addresses are refused: browsers and servers give up near 2,000 characters.
    static constexpr qsizetype kMaxUrlChars = 2 * 1024;
    /// How much of a refused line's text its row keeps (the line number finds the rest).
    static constexpr qsizetype kShownInputChars = 200;
};
