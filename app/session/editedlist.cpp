// SPDX-License-Identifier: GPL-3.0-or-later
#include "editedlist.h"

#include <QStringList>

QString EditedList::lineFor(const BlogEntry &blog)
{
    QString line = blog.url.isValid() ? blog.url.toString() : blog.input;
    if (!blog.xpath.isEmpty())
        line += QLatin1Char('\t') + blog.xpath;
    return line;
}

QString EditedList::textFor(const QList<BlogEntry> &blogs, Names names)
{
    QStringList lines;
    for (const BlogEntry &blog : blogs) {
        if (!blog.name.isEmpty() && names == Names::Shown)
            lines.append(QStringLiteral("# ") + blog.name);
        lines.append(lineFor(blog));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void EditedList::setImported(const QList<BlogEntry> &blogs, const QString &text)
{
    m_importedBlogs = blogs;
    m_importedText = text;
}

void EditedList::append(const QList<BlogEntry> &added, const QString &textBefore, const QString &text)
{
    if (!isImportCurrent(textBefore))
        return;
    m_importedBlogs += added;
    m_importedText = text;
}

bool EditedList::isImportCurrent(const QString &text) const
{
    return !m_importedBlogs.isEmpty() && text == m_importedText;
}

QList<BlogEntry> EditedList::blogs(const QString &text) const
{
    return isImportCurrent(text) ? m_importedBlogs : BlogListReader::readText(text).blogs;
}

QList<BlogEntry> EditedList::importedBlogsFor(const QString &text) const
{
    return isImportCurrent(text) ? m_importedBlogs : QList<BlogEntry>();
}
