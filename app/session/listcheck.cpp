// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/listcheck.h"

#include "parse/xpathcheck.h"

#include <QCoreApplication>

void ListCheck::addXPathProblems(BlogListReadResult &list)
{
    for (const BlogEntry &blog : std::as_const(list.blogs)) {
        if (!blog.url.isValid() || blog.xpath.trimmed().isEmpty())
            continue;
        if (const std::optional<QString> reason = XPathCheck::error(blog.xpath.trimmed())) {
            list.problems << QCoreApplication::translate("ListCheck", "line %1: %2")
                                 .arg(blog.line)
                                 .arg(XPathCheck::sentence(blog.xpath.trimmed(), *reason));
        }
    }
}
