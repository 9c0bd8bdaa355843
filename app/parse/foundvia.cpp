// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/foundvia.h"

#include <QStringList>

namespace {

struct RuleRow {
    ArticleRule rule;
    const char *code;
};

// The one table of found_via codes (README: "found_via values").
constexpr RuleRow RuleTable[] = {
    { ArticleRule::XPath, "xpath" },
    { ArticleRule::Feed, "feed" },
    { ArticleRule::RelBookmark, "rel-bookmark" },
    { ArticleRule::HAtom, "hatom" },
    { ArticleRule::SchemaOrg, "schema-org" },
    { ArticleRule::Article, "article" },
    { ArticleRule::Blocks, "blocks" },
    { ArticleRule::Unchanged, "unchanged" },
};

constexpr const char *BlogLinkPrefix = "blog-link+";
constexpr const char *FeedDatesSuffix = "+feed-dates";

struct SourceRow {
    TitleSource source;
    const char *code;
};

// The one table of title-via codes.
constexpr SourceRow SourceTable[] = {
    { TitleSource::JsonLd, "json-ld" },
    { TitleSource::OgTitle, "og:title" },
    { TitleSource::TwitterTitle, "twitter:title" },
    { TitleSource::DcTitle, "dc:title" },
    { TitleSource::ParselyTitle, "parsely-title" },
    { TitleSource::EntryHeading, "entry-title" },
    { TitleSource::H1, "h1" },
    { TitleSource::Heading, "heading" },
    { TitleSource::Title, "title" },
    { TitleSource::Listing, "listing" },
    { TitleSource::Feed, "feed" },
};

} // namespace

QString FoundVia::code(ArticleRule rule)
{
    for (const RuleRow &row : RuleTable) {
        if (row.rule == rule)
            return QString::fromLatin1(row.code);
    }
    return {};
}

QString FoundVia::afterBlogLink(const QString &inner)
{
    return QLatin1String(BlogLinkPrefix) + inner;
}

QString FoundVia::withFeedDates(const QString &inner)
{
    return inner + QLatin1String(FeedDatesSuffix);
}

QString FoundVia::code(TitleSource source)
{
    for (const SourceRow &row : SourceTable) {
        if (row.source == source)
            return QString::fromLatin1(row.code);
    }
    return {};
}

QString FoundVia::join(const QList<TitleSource> &sources)
{
    QStringList codes;
    for (const TitleSource source : sources) {
        const QString one = code(source);
        if (!codes.contains(one))
            codes.append(one);
    }
    return codes.join(QLatin1Char('+'));
}
