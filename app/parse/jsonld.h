// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

class HtmlDocument;
struct _xmlNode;

/// schema.org data from a page's <script type="application/ld+json"> blocks.
class JsonLd final
{
public:
    /// Most objects objects() collects: keeps a hostile page from making us collect forever.
    static constexpr int MaxObjects = 2000;

    /// Every object with an @type, in document order, flattened out of top-level arrays, @graph
    /// and nested values (a WebPage's mainEntity, a Blog's blogPost, ...).
    static QList<QJsonObject> objects(const HtmlDocument &doc);
    /// Whether @p script (a <script> element) says it holds JSON-LD (type application/ld+json).
    static bool isJsonLdScript(const _xmlNode *script);
    /// The objects of one JSON-LD <script> element, as objects() collects them.
    static QList<QJsonObject> objectsFromScript(const _xmlNode *script);
    /// Same, from one script's text (tolerates CDATA and HTML-comment wrappers).
    static QList<QJsonObject> objectsFromText(const QString &json);
    /// Article, BlogPosting, NewsArticle and their schema.org subtypes.
    static bool isArticle(const QJsonObject &object);
    /// Same test on one type name; accepts full IRIs ("https://schema.org/BlogPosting").
    static bool isArticleType(const QString &type);
    /// A string property, or the @id / url of an object, or the first string of an array.
    static QString stringOrId(const QJsonValue &value);
    /// datePublished, else dateCreated, else dateModified; invalid when none parses.
    static QDateTime published(const QJsonObject &object);
};
