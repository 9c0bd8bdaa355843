// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

/// What makes an element a post container (article, .hentry, .h-entry, .post, itemscope, ...), the
/// element whose dates (PostDate) belong to the links inside it. Shared by the tree walk of
/// ArticleRules and the streaming pass of FrontPageScanner, so both pick the same container.
///
/// Both hand in a view of one element offering isNamedLoosely(name) (HtmlDocument::isNamed),
/// hasLoosely(attribute) (present, name compared case-insensitively) and hasAnyToken(attribute,
/// tokens) (HtmlDocument::hasToken for any of them).
class PostContainer final
{
public:
    /// A link's container is the link itself or one of its nearest ancestors, this many in all.
    static constexpr int MaxLevels = 16;

    template<typename Element> static bool is(const Element &element)
    {
        return element.isNamedLoosely("article") || element.hasLoosely("itemscope")
            || element.hasAnyToken("class", classTokens());
    }

    /// The class tokens of post containers (compared case-insensitively, HtmlDocument::hasToken).
    static const std::array<const char *, 11> &classTokens()
    {
        static constexpr std::array<const char *, 11> tokens { "hentry",    "h-entry",   "post",       "entry",
                                                               "type-post", "blog-post", "post-outer", "post-preview",
                                                               "post-card", "post-item", "card" };
        return tokens;
    }

    /// The search for a container stops at <body> and <html>: page-wide classes are no post.
    template<typename Element> static bool endsSearch(const Element &element)
    {
        return element.isNamedLoosely("body") || element.isNamedLoosely("html");
    }
};
