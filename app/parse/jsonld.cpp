// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/jsonld.h"

#include "parse/datetimeparser.h"
#include "parse/htmldocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

constexpr int MaxDepth = 16; // nesting we follow; deeper data is not page metadata
constexpr int MaxObjects = JsonLd::MaxObjects;

void collect(const QJsonValue &value, QList<QJsonObject> &out, int depth)
{
    if (depth > MaxDepth || out.size() >= MaxObjects)
        return;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            collect(item, out, depth + 1);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (object.contains(QLatin1String("@type")))
        out.append(object);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isObject() || it.value().isArray())
            collect(it.value(), out, depth + 1);
    }
}

QString typeName(QString type)
{
    // "http://schema.org/Article", "https://schema.org/Article" and "schema:Article" all mean Article.
    const qsizetype slash = type.lastIndexOf(QLatin1Char('/'));
    if (slash >= 0)
        type = type.mid(slash + 1);
    const qsizetype colon = type.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0)
        type = type.mid(colon + 1);
    return type.trimmed();
}

} // namespace

QList<QJsonObject> JsonLd::objectsFromText(const QString &json)
{
    QString text = json.trimmed();
    // CMSes wrap scripts for ancient browsers: "<!-- ... -->", "//<![CDATA[ ... //]]>".
    for (const char *prefix : { "<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA[" }) {
        if (text.startsWith(QLatin1String(prefix)))
            text = text.mid(qsizetype(qstrlen(prefix))).trimmed();
    }
    for (const char *suffix : { "-->", "//]]>", "/*]]>*/", "]]>" }) {
        if (text.endsWith(QLatin1String(suffix)))
            text.chop(qsizetype(qstrlen(suffix)));
    }
    text = text.trimmed();
    while (text.endsWith(QLatin1Char(';')))
        text.chop(1);
    QJsonParseError error {};
    QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        // Raw newlines and tabs inside strings are invalid JSON yet common in hand-made templates.
        QString repaired = text;
        repaired.replace(QLatin1Char('\n'), QLatin1Char(' '));
        repaired.replace(QLatin1Char('\r'), QLatin1Char(' '));
        repaired.replace(QLatin1Char('\t'), QLatin1Char(' '));
        doc = QJsonDocument::fromJson(repaired.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return {};
    }
    QList<QJsonObject> out;
    if (doc.isArray())
        collect(doc.array(), out, 0);
    else if (doc.isObject())
        collect(doc.object(), out, 0);
    return out;
}

QList<QJsonObject> JsonLd::objects(const HtmlDocument &doc)
{
    QList<QJsonObject> out;
    // //script[@type] in document order, walked rather than XPath'd.
    QList<xmlNode *> scripts;
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *element) {
        if (xmlStrEqual(element->name, LibXml::xc("script")) && HtmlDocument::findAttribute(element, "type"))
            scripts.append(element);
    });
    for (xmlNode *script : std::as_const(scripts)) {
        if (!isJsonLdScript(script))
            continue;
        out += objectsFromScript(script);
        if (out.size() >= MaxObjects)
            break;
    }
    return out;
}

bool JsonLd::isJsonLdScript(const xmlNode *script)
{
    const QString type = HtmlDocument::attribute(script, "type").trimmed().toLower();
    return type.startsWith(QLatin1String("application/ld+json"));
}

QList<QJsonObject> JsonLd::objectsFromScript(const xmlNode *script)
{
    return objectsFromText(LibXml::takeQString(xmlNodeGetContent(script)));
}

bool JsonLd::isArticleType(const QString &type)
{
    // Readability's list: schema.org's Article subtree as publishers use it.
    static const QStringList articleTypes {
        QStringLiteral("Article"),
        QStringLiteral("AdvertiserContentArticle"),
        QStringLiteral("NewsArticle"),
        QStringLiteral("AnalysisNewsArticle"),
        QStringLiteral("AskPublicNewsArticle"),
        QStringLiteral("BackgroundNewsArticle"),
        QStringLiteral("OpinionNewsArticle"),
        QStringLiteral("ReportageNewsArticle"),
        QStringLiteral("ReviewNewsArticle"),
        QStringLiteral("Report"),
        QStringLiteral("SatiricalArticle"),
        QStringLiteral("ScholarlyArticle"),
        QStringLiteral("MedicalScholarlyArticle"),
        QStringLiteral("SocialMediaPosting"),
        QStringLiteral("BlogPosting"),
        QStringLiteral("LiveBlogPosting"),
        QStringLiteral("DiscussionForumPosting"),
        QStringLiteral("TechArticle"),
        QStringLiteral("APIReference"),
    };
    return articleTypes.contains(typeName(type), Qt::CaseInsensitive);
}

bool JsonLd::isArticle(const QJsonObject &object)
{
    const QJsonValue type = object.value(QLatin1String("@type"));
    QStringList types;
    if (type.isString()) {
        types.append(type.toString());
    } else if (type.isArray()) {
        const QJsonArray array = type.toArray();
        for (const QJsonValue &t : array)
            types.append(t.toString());
    }
    for (const QString &t : std::as_const(types)) {
        if (isArticleType(t))
            return true;
    }
    return false;
}

QString JsonLd::stringOrId(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QString id = object.value(QLatin1String("@id")).toString().trimmed();
        if (!id.isEmpty())
            return id;
        return object.value(QLatin1String("url")).toString().trimmed();
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            const QString s = stringOrId(item);
            if (!s.isEmpty())
                return s;
        }
    }
    return {};
}

QDateTime JsonLd::published(const QJsonObject &object)
{
    for (const char *key : { "datePublished", "dateCreated", "dateModified" }) {
        const QDateTime date = DateTimeParser::parse(stringOrId(object.value(QLatin1String(key))));
        if (date.isValid())
            return date;
    }
    return {};
}
