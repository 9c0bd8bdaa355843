// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/headlineextractor.h"

#include "parse/htmldocument.h"
#include "parse/jsonld.h"
#include "parse/textcleaner.h"
#include "parse/titlesplitter.h"

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

QString jsonLdHeadline(const HtmlDocument &doc)
{
    const QList<QJsonObject> objects = JsonLd::objects(doc);
    for (const char *key : {"headline", "name"}) {
        for (const QJsonObject &object : objects) {
            if (!JsonLd::isArticle(object))
                continue;
            const QJsonValue value = object.value(QLatin1String(key));
            // JSON strings are not HTML-decoded by the parser: decode here, exactly once.
            const QString text = value.isString() ? HtmlDocument::decodeEntities(value.toString()) : QString();
            if (!text.isEmpty())
                return text;
        }
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

    const auto accept = [&](const QString &title, const char *via) {
        headline.title = TextCleaner::clean(splitter.strip(title));
        headline.via = QString::fromLatin1(via);
        return !headline.title.isEmpty();
    };

    if (accept(jsonLdHeadline(doc), "json-ld"))
        return headline;
    const QList<xmlNode *> metas = doc.select("//meta[@content]");
    if (accept(metaContent(metas, {"og:title"}), "og:title"))
        return headline;
    if (accept(metaContent(metas, {"twitter:title"}), "twitter:title"))
        return headline;
    if (accept(metaContent(metas, {"dc:title", "dc.title", "dcterm:title", "dcterms:title", "dcterms.title"}),
               "dc:title"))
        return headline;
    if (accept(metaContent(metas, {"parsely-title"}), "parsely-title"))
        return headline;

    // The article's own heading, when the <title> agrees with it (a blog's <h1> is often just the
    // site name on article pages, which the title check rules out).
    QList<xmlNode *> h1s = doc.select("//*[local-name()='article']//h1");
    if (h1s.isEmpty())
        h1s = doc.select("//h1");
    const QString h1 = firstNonEmptyText(h1s);
    if (!h1.isEmpty()
        && (headline.rawTitle.isEmpty() || TextCleaner::comparable(headline.rawTitle).contains(TextCleaner::comparable(h1)))) {
        headline.title = h1;
        headline.via = QStringLiteral("h1");
        return headline;
    }
    if (accept(headline.rawTitle, "title"))
        return headline;
    headline.via.clear();
    return headline;
}
