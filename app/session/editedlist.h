// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/bloglistreader.h"
#include "types/blogentry.h"

#include <QList>
#include <QString>

/// The list a user edits as text, and what only an import knows about it: the names, XPaths and
/// feeds of the entries an import (a CSV or OPML file, the demo) gave it. Those entries are the
/// list as long as the text is exactly what the import put there; once the text is edited, the
/// text alone is the list.
class EditedList final
{
public:
    /// The editor's text for @p blogs: one line per blog (its address, the list's own text when
    /// it is none, and its XPath after a tab), each named blog preceded by a "# name" comment unless the names are left
    /// out.
    enum class Names { Shown, Left };
    static QString textFor(const QList<BlogEntry> &blogs, Names names = Names::Shown);
    /// One editor line for @p blog.
    static QString lineFor(const BlogEntry &blog);

    /// An import put @p text, made from @p blogs, in the editor.
    void setImported(const QList<BlogEntry> &blogs, const QString &text);
    /// @p added was appended to the list, which now reads @p text; an import still current stays so.
    void append(const QList<BlogEntry> &added, const QString &textBefore, const QString &text);
    /// The import's entries are still the list (the editor shows @p text).
    bool isImportCurrent(const QString &text) const;
    /// The blogs the editor's @p text stands for: the import's, while current, else the text read.
    QList<BlogEntry> blogs(const QString &text) const;
    /// The import's entries while @p text is current, else nothing (for reading the text elsewhere).
    QList<BlogEntry> importedBlogsFor(const QString &text) const;

private:
    QList<BlogEntry> m_importedBlogs;
    QString m_importedText;
};
