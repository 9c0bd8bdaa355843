// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/headlineextractor.h"

#include "parse/htmldocument.h"
#include "parse/jsonld.h"
#include "parse/textcleaner.h"
#include "parse/titlesplitter.h"

#include <QRegularExpression>
#include <QSet>

namespace {

// First <meta> whose property or name holds one of @p keys as a token (properties are
// space-separated lists: property="og:title twitter:title"); the content, once decoded.
QString metaContent(const QList<xmlNode *> &metas, std::initializer_list<const char *> keys)
{
    for (xmlNode *meta : metas) {
        for (const char *key : keys) {
            const QString token = QString::fromLatin1(key);
            if (HtmlDocument::hasToken(meta, "property", token) || HtmlDocument::hasToken(meta, "name", token)) {
                const QString content = TextCleaner::clean(HtmlDocument::attribute(meta, "content"));
                if (!content.isEmpty())
                    return content;
            }
        }
    }
    return {};
}

// Share of @p title's words (by length) that @p text also has: 1 when text covers the title.
double titleCoverage(const QString &text, const QString &title)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}]+"));
    // A set: a list lookup per title word made long JSON-LD names and titles quadratic.
    const QStringList textWordList = text.toCaseFolded().split(nonWord, Qt::SkipEmptyParts);
    const QSet<QString> textWords(textWordList.cbegin(), textWordList.cend());
    const QStringList titleWords = title.toCaseFolded().split(nonWord, Qt::SkipEmptyParts);
    qsizetype total = 0;
    qsizetype covered = 0;
    for (const QString &word : titleWords) {
        total += word.size();
        if (textWords.contains(word))
            covered += word.size();
    }
    return total ? double(covered) / double(total) : 0.0;
}

// The first Article's headline, or its name when the page's <title> agrees more with the name
// (Wikipedia puts a description in "headline"; Medium a shortened title).
QString jsonLdHeadline(const HtmlDocument &doc, const QString &pageTitle)
{
    // JSON strings are not HTML-decoded by the parser: decode here, exactly once.
    const auto stringValue = [](const QJsonObject &object, const char *key) {
        const QJsonValue value = object.value(QLatin1String(key));
        return value.isString() ? TextCleaner::clean(HtmlDocument::decodeEntities(value.toString())) : QString();
    };
    for (const QJsonObject &object : JsonLd::objects(doc)) {
        if (!JsonLd::isArticle(object))
            continue;
        const QString headline = stringValue(object, "headline");
        const QString name = stringValue(object, "name");
        if (!headline.isEmpty() && !name.isEmpty() && headline != name
            && titleCoverage(name, pageTitle) > titleCoverage(headline, pageTitle))
            return name;
        if (!headline.isEmpty())
            return headline;
        if (!name.isEmpty())
            return name;
    }
    return {};
}

QString firstNonEmptyText(const QList<xmlNode *> &nodes)
{
    for (xmlNode *node : nodes) {
        const QString text = TextCleaner::clean(HtmlDocument::text(node));
        if (!text.isEmpty())
            return text;
    }
    return {};
}

} // namespace

Headline HeadlineExtractor::extract(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl)
{
    Headline headline;
    const HtmlDocument doc(body, contentType, pageUrl);
    if (!doc.isValid())
        return headline;

    // SVG icons carry <title> elements of their own; they are never the page's title.
    headline.rawTitle = firstNonEmptyText(doc.select("//title[not(ancestor::svg)]"));

    // Texts that can vouch for a shortened <title> or meta title: the page's main headings.
    QStringList headings;
    for (xmlNode *node : doc.select("//h1 | //h2")) {
        const QString text = TextCleaner::clean(HtmlDocument::text(node));
        if (!text.isEmpty())
            headings.append(text);
        if (headings.size() >= 50)
            break;
    }
    const TitleSplitter splitter(headings);

    // Metadata titles are the publisher's stated headline: taken as they are. Only <title>, which
    // is built for browser tabs and search results, gets its site name removed.
    const auto accept = [&](const QString &title, const char *via, bool strip) {
        headline.title = TextCleaner::clean(strip ? splitter.strip(title) : title);
        headline.via = QString::fromLatin1(via);
        return !headline.title.isEmpty();
    };

    if (accept(jsonLdHeadline(doc, headline.rawTitle), "json-ld", false))
        return headline;
    const QList<xmlNode *> metas = doc.select("//meta[@content]");
    if (accept(metaContent(metas, {"og:title"}), "og:title", false))
        return headline;
    if (accept(metaContent(metas, {"twitter:title"}), "twitter:title", false))
        return headline;
    if (accept(metaContent(metas, {"dc:title", "dc.title", "dcterm:title", "dcterms:title", "dcterms.title"}),
               "dc:title", false))
        return headline;
    if (accept(metaContent(metas, {"parsely-title"}), "parsely-title", false))
        return headline;

    // An <h1> inside <article> is the article's own heading when the <title> agrees with it; a
    // bare <h1> is as often the blog's name, so it only vouches for a shortened <title> or
    // stands in when there is no title at all.
    const QString articleH1 = firstNonEmptyText(doc.select("//*[local-name()='article']//h1"));
    if (!articleH1.isEmpty()
        && (headline.rawTitle.isEmpty()
            || TextCleaner::comparable(headline.rawTitle).contains(TextCleaner::comparable(articleH1)))) {
        headline.title = articleH1;
        headline.via = QStringLiteral("h1");
        return headline;
    }
    if (accept(headline.rawTitle, "title", true))
        return headline;
    if (accept(firstNonEmptyText(doc.select("//h1")), "h1", false))
        return headline;
    headline.via.clear();
    return headline;
}
