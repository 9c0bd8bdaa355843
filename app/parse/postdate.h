// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parse/datetimeparser.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <cstddef>

/// The date a post container (article, .hentry, .post, itemscope, ...) shows, gathered one
/// element of its subtree at a time, in document order. The same rules serve the tree walk of
/// ArticleRules and the streaming pass of FrontPageScanner, so both find the same date.
///
/// The rules, in this order (the first rule with a valid date wins, in document order within a
/// rule): <time datetime>, itemprop~=datePublished @content and @datetime, class~=dt-published
/// @datetime, class~=published @title, class~=updated @title (XPath's case-sensitive tokens).
/// At most MaxElements elements count: a post card has dozens, a full post hundreds, and hostile
/// pages must not cost a walk of everything for every container.
class PostDate final
{
public:
    static constexpr int MaxElements = 10000;

    /// Whether another element can still change date().
    bool wantsMore() const { return m_visited < MaxElements && !m_found.front().isValid(); }

    /// One element below the container. @p element offers name(), has(attribute),
    /// value(attribute) -> QString and hasXPathToken(attribute, token). Call only while
    /// wantsMore().
    template<typename Element> void add(const Element &element)
    {
        ++m_visited;
        if (element.isNamed("time"))
            consider(0, element, "datetime");
        if (element.hasXPathToken("itemprop", "datePublished")) {
            consider(1, element, "content");
            consider(2, element, "datetime");
        }
        if (element.hasXPathToken("class", "dt-published"))
            consider(3, element, "datetime");
        if (element.hasXPathToken("class", "published"))
            consider(4, element, "title");
        if (element.hasXPathToken("class", "updated"))
            consider(5, element, "title");
    }

    /// The first valid date by rule order; invalid when the container shows none.
    QDateTime date() const
    {
        for (const QDateTime &date : m_found) {
            if (date.isValid())
                return date;
        }
        return {};
    }

private:
    template<typename Element> void consider(std::size_t rule, const Element &element, const char *attribute)
    {
        if (m_found.at(rule).isValid() || !element.has(attribute))
            return;
        m_found.at(rule) = DateTimeParser::parse(element.value(attribute));
    }

    std::array<QDateTime, 6> m_found;
    int m_visited = 0;
};
