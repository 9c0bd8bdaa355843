// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scan/blogentry.h"

#include <QList>
#include <QString>
#include <QStringList>

struct BlogListReadResult {
    QList<BlogEntry> blogs;
    QStringList problems; ///< one translated line per refused entry, with its line number
    int duplicates = 0;
    QString error; ///< set when the list itself could not be read (missing file...)
    /// "120 blogs, 3 duplicates skipped, line 7: unsupported scheme file"
    QString summary() const;
};

/// Reads a user's blog list: one URL per line, `#` comments, optionally `URL<TAB>XPath`.
/// Only http and https addresses are accepted; nothing here ever opens what a line names.
class BlogListReader final
{
public:
    static BlogListReadResult readText(const QString &text);
    static BlogListReadResult readFile(const QString &path);
    /// Normalises one list line's address: picks the URL out of surrounding junk, adds
    /// https:// to a bare host name. Returns an invalid URL when the line holds none.
    static QUrl urlFromLine(const QString &line);
};
