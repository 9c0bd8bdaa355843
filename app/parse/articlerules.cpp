// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlerules.h"

#include "parse/datetimeparser.h"
#include "parse/htmldocument.h"
#include "parse/jsonld.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <array>

namespace {

// Post containers examined per rule. A front page lists ten to a few dozen posts, newest first; each
// container costs XPath queries over its subtree, so nested containers in a hostile page would
// otherwise cost quadratic time (seconds for 170 KB of nested itemscope <div>s).
constexpr qsizetype MaxContainers = 50;

// XPath 1.0 has no class selector; this is the standard whitespace-token idiom.
QString hasClass(const char *token)
{
    return QStringLiteral("contains(concat(' ', normalize-space(@class), ' '), ' %1 ')").arg(QLatin1String(token));
}

QString hasRel(const char *token)
{
    return QStringLiteral("contains(concat(' ', normalize-space(translate(@rel, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                          "'abcdefghijklmnopqrstuvwxyz')), ' '), ' %1 ')")
        .arg(QLatin1String(token));
}

QList<xmlNode *> query(const HtmlDocument &doc, const QString &xpath, xmlNode *context = nullptr)
{
    return doc.nodes(xpath, context).value_or(QList<xmlNode *>());
}

QList<xmlNode *> firstContainers(QList<xmlNode *> nodes)
{
    if (nodes.size() > MaxContainers)
        nodes.resize(MaxContainers);
    return nodes;
}

bool isPostContainer(const xmlNode *node)
{
    if (HtmlDocument::name(node) == QLatin1String("article"))
        return true;
    if (HtmlDocument::attribute(node, "itemscope").isNull() == false)
        return true;
    for (const char *token : {"hentry", "h-entry", "post", "entry", "type-post", "blog-post", "post-outer",
                              "post-preview", "post-card", "post-item", "card"}) {
        if (HtmlDocument::hasToken(node, "class", QString::fromLatin1(token)))
            return true;
    }
    return false;
}

// The nearest post container (article, .hentry, .post, itemscope, ...) around @p node, if any.
xmlNode *postContainer(xmlNode *node)
{
    int level = 0;
    for (xmlNode *p = node; p && p->type == XML_ELEMENT_NODE && level < 16; p = p->parent, ++level) {
        const QString name = HtmlDocument::name(p);
        if (name == QLatin1String("body") || name == QLatin1String("html"))
            break;
        if (isPostContainer(p))
            return p;
    }
    return nullptr;
}

// XPath's contains(concat(' ', normalize-space(@attr), ' '), ' token '): case-sensitive tokens.
bool hasExactToken(const xmlNode *node, const char *attributeName, const QString &token)
{
    QString value = HtmlDocument::attribute(node, attributeName);
    if (value.isEmpty())
        return false;
    for (const QChar space : { QLatin1Char('\t'), QLatin1Char('\n'), QLatin1Char('\r') })
        value.replace(space, QLatin1Char(' '));
    return value.split(QLatin1Char(' '), Qt::SkipEmptyParts).contains(token);
}

// Pre-order successor of @p node within @p root's subtree (root itself excluded); null at the end.
xmlNode *nextInSubtree(xmlNode *node, const xmlNode *root)
{
    if (node->children && node->type == XML_ELEMENT_NODE)
        return node->children;
    while (node != root && !node->next)
        node = node->parent;
    return node == root ? nullptr : node->next;
}

// The date a post container shows, by rule in this order (the first rule with a valid date wins,
// in document order within a rule): <time datetime>, itemprop=datePublished content / datetime,
// .dt-published[datetime], .published[title], .updated[title]. One walk over the container
// instead of one XPath query per rule, and at most MaxDateNodes elements of it: the six subtree
// queries per container, with nested containers, made a 76 KB page take 3 s under ASan.
QDateTime dateIn(xmlNode *container)
{
    if (!container)
        return {};
    constexpr int MaxDateNodes = 10000; // a post card has dozens of elements, a full post hundreds
    std::array<QDateTime, 6> found;
    const auto consider = [&found](std::size_t rule, const xmlNode *node, const char *attributeName) {
        if (found.at(rule).isValid())
            return;
        const QString value = HtmlDocument::attribute(node, attributeName);
        if (!value.isNull())
            found.at(rule) = DateTimeParser::parse(value);
    };
    static const QString datePublished = QStringLiteral("datePublished");
    static const QString dtPublished = QStringLiteral("dt-published");
    static const QString published = QStringLiteral("published");
    static const QString updated = QStringLiteral("updated");
    int visited = 0;
    for (xmlNode *node = container->children; node && visited < MaxDateNodes && !found.front().isValid();
         node = nextInSubtree(node, container)) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        ++visited;
        if (node->name && xmlStrcasecmp(node->name, LibXml::xc("time")) == 0)
            consider(0, node, "datetime");
        if (hasExactToken(node, "itemprop", datePublished)) {
            consider(1, node, "content");
            consider(2, node, "datetime");
        }
        if (hasExactToken(node, "class", dtPublished))
            consider(3, node, "datetime");
        if (hasExactToken(node, "class", published))
            consider(4, node, "title");
        if (hasExactToken(node, "class", updated))
            consider(5, node, "title");
    }
    for (const QDateTime &date : found) {
        if (date.isValid())
            return date;
    }
    return {};
}

// dateAround() for many links of one page: each container's date is looked up once, however many
// links it holds (thousands of rel=bookmark links in one <article> otherwise ran its subtree
// queries once per link: over a minute for 110 KB).
class DateCache final
{
public:
    QDateTime around(xmlNode *node)
    {
        xmlNode *container = postContainer(node);
        if (!container)
            return {};
        const auto it = m_dates.constFind(container);
        if (it != m_dates.constEnd())
            return *it;
        const QDateTime date = dateIn(container);
        m_dates.insert(container, date);
        return date;
    }

private:
    QHash<xmlNode *, QDateTime> m_dates;
};

void addCandidate(QList<ArticleCandidate> &out, QSet<QUrl> &seen, const QUrl &url, const QDateTime &published)
{
    if (url.isEmpty() || seen.contains(url))
        return;
    seen.insert(url);
    out.append({url, published});
}

// What a microdata property node holds as a URL (WHATWG microdata "property value" rules).
QString microdataUrl(xmlNode *node)
{
    for (const char *attr : {"href", "content", "src", "itemid", "datetime"}) {
        const QString value = HtmlDocument::attribute(node, attr);
        if (!value.isEmpty())
            return value;
    }
    return HtmlDocument::text(node);
}

// The first element in @p item (document order) whose itemprop names @p property and that is
// item's own: a nested itemscope (an author Person has its own "url") keeps its properties. The
// walk skips nested items instead of searching the whole subtree and filtering afterwards, so
// nested items cost linear time, not quadratic (seconds for 170 KB of nested itemscope <div>s).
xmlNode *ownProperty(xmlNode *item, const char *property)
{
    const QString token = QString::fromLatin1(property);
    xmlNode *node = item->children;
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            if (hasExactToken(node, "itemprop", token))
                return node;
            if (node->children && HtmlDocument::attribute(node, "itemscope").isNull()) {
                node = node->children;
                continue;
            }
        }
        while (node != item && !node->next)
            node = node->parent;
        if (node == item)
            return nullptr;
        node = node->next;
    }
    return nullptr;
}

} // namespace

ArticleRules::XPathOutcome ArticleRules::byXPath(const HtmlDocument &doc, const QString &xpath)
{
    XPathOutcome outcome;
    const std::optional<QList<xmlNode *>> nodes = doc.nodes(xpath);
    if (!nodes) {
        outcome.valid = false;
        return outcome;
    }
    for (xmlNode *node : *nodes) {
        QString value;
        if (node->type == XML_ELEMENT_NODE) {
            value = HtmlDocument::attribute(node, "href");
            if (value.isEmpty()) {
                // The user pointed at a heading or a card: take the first link inside it.
                const QList<xmlNode *> links = doc.select(".//a[@href]", node);
                value = links.isEmpty() ? HtmlDocument::text(node) : HtmlDocument::attribute(links.constFirst(), "href");
            }
        } else {
            value = LibXml::takeQString(xmlNodeGetContent(node));
        }
        outcome.url = doc.resolve(value);
        if (!outcome.url.isEmpty())
            return outcome;
    }
    if (nodes->isEmpty()) {
        // string(...), concat(...) and friends: the value itself is the link.
        const QStringList values = doc.strings(xpath).value_or(QStringList());
        for (const QString &value : values) {
            outcome.url = doc.resolve(value);
            if (!outcome.url.isEmpty())
                return outcome;
        }
    }
    return outcome;
}

QList<ArticleCandidate> ArticleRules::relBookmark(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QSet<QUrl> seen;
    DateCache dates;
    for (xmlNode *link : query(doc, QStringLiteral("//a[@href][%1]").arg(hasRel("bookmark"))))
        addCandidate(out, seen, doc.resolve(HtmlDocument::attribute(link, "href")), dates.around(link));
    return out;
}

QList<ArticleCandidate> ArticleRules::hAtom(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QSet<QUrl> seen;
    DateCache dates;
    const QString entries = QStringLiteral("//*[%1 or %2]").arg(hasClass("hentry"), hasClass("h-entry"));
    // In each entry, the most specific permalink markup first.
    for (xmlNode *entry : firstContainers(query(doc, entries))) {
        // Prefer the title link over e.g. a u-url on the author avatar: entry-title/p-name first.
        QList<xmlNode *> links;
        for (const QString &xpath : {QStringLiteral(".//*[%1]//a[@href] | .//a[@href][%1]").arg(hasClass("entry-title")),
                                     QStringLiteral(".//*[%1]//a[@href] | .//a[@href][%1]").arg(hasClass("p-name")),
                                     QStringLiteral(".//a[@href][%1]").arg(hasClass("u-url")),
                                     QStringLiteral(".//a[@href][%1]").arg(hasRel("bookmark"))}) {
            links = query(doc, xpath, entry);
            if (!links.isEmpty())
                break;
        }
        if (!links.isEmpty())
            addCandidate(out, seen, doc.resolve(HtmlDocument::attribute(links.constFirst(), "href")),
                         dates.around(entry));
    }
    // Themes that keep hAtom's entry-title without the hentry wrapper.
    for (xmlNode *link : query(doc, QStringLiteral("//*[%1]//a[@href] | //a[@href][%1]").arg(hasClass("entry-title"))))
        addCandidate(out, seen, doc.resolve(HtmlDocument::attribute(link, "href")), dates.around(link));
    return out;
}

QList<ArticleCandidate> ArticleRules::schemaOrg(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QSet<QUrl> seen;
    for (const QJsonObject &object : JsonLd::objects(doc)) {
        if (!JsonLd::isArticle(object))
            continue;
        QString link = JsonLd::stringOrId(object.value(QLatin1String("url")));
        if (link.isEmpty())
            link = JsonLd::stringOrId(object.value(QLatin1String("mainEntityOfPage")));
        if (link.isEmpty())
            link = object.value(QLatin1String("@id")).toString();
        addCandidate(out, seen, doc.resolve(link), JsonLd::published(object));
    }
    DateCache dates;
    qsizetype articles = 0;
    for (xmlNode *item : query(doc, QStringLiteral("//*[@itemscope][@itemtype]"))) {
        bool article = false;
        const QString types = HtmlDocument::attribute(item, "itemtype");
        for (const QString &type : types.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            article = article || JsonLd::isArticleType(type);
        if (!article)
            continue;
        if (++articles > MaxContainers)
            break;
        QString link;
        for (const char *property : {"url", "mainEntityOfPage"}) {
            if (xmlNode *node = ownProperty(item, property); node && link.isEmpty())
                link = microdataUrl(node);
        }
        if (link.isEmpty())
            link = HtmlDocument::attribute(item, "itemid");
        if (link.isEmpty()) {
            if (xmlNode *headline = ownProperty(item, "headline")) {
                const QList<xmlNode *> links = doc.select(".//a[@href] | ancestor::a[@href]", headline);
                if (!links.isEmpty())
                    link = HtmlDocument::attribute(links.constFirst(), "href");
            }
        }
        QDateTime published;
        if (xmlNode *date = ownProperty(item, "datePublished"))
            published = DateTimeParser::parse(microdataUrl(date));
        if (!published.isValid())
            published = dates.around(item);
        addCandidate(out, seen, doc.resolve(link), published);
    }
    return out;
}

QList<ArticleCandidate> ArticleRules::articleElements(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QSet<QUrl> seen;
    DateCache dates;
    for (xmlNode *article : firstContainers(query(doc, QStringLiteral("//*[local-name()='article']")))) {
        QList<xmlNode *> links = doc.select(".//h1//a[@href] | .//h2//a[@href] | .//h3//a[@href]", article);
        if (links.isEmpty())
            links = doc.select(".//a[@href][.//h1 or .//h2 or .//h3]", article);
        for (xmlNode *link : std::as_const(links)) {
            const QUrl url = doc.resolve(HtmlDocument::attribute(link, "href"));
            if (!url.isEmpty()) {
                addCandidate(out, seen, url, dates.around(article));
                break;
            }
        }
    }
    return out;
}

QList<QUrl> ArticleRules::feedLinks(const HtmlDocument &doc)
{
    QList<QUrl> out;
    for (xmlNode *link : query(doc, QStringLiteral("//link[@href][%1]").arg(hasRel("alternate")))) {
        QString type = HtmlDocument::attribute(link, "type").trimmed().toLower();
        type = type.section(QLatin1Char(';'), 0, 0).trimmed();
        if (type != QLatin1String("application/rss+xml") && type != QLatin1String("application/atom+xml")
            && type != QLatin1String("application/rdf+xml"))
            continue;
        const QUrl url = doc.resolve(HtmlDocument::attribute(link, "href"));
        if (!url.isEmpty() && !out.contains(url))
            out.append(url);
    }
    return out;
}

std::optional<ArticleCandidate> ArticleRules::pickNewest(const QList<ArticleCandidate> &candidates)
{
    if (candidates.isEmpty())
        return std::nullopt;
    const ArticleCandidate *best = nullptr;
    for (const ArticleCandidate &candidate : candidates) {
        if (candidate.published.isValid() && (!best || candidate.published > best->published))
            best = &candidate;
    }
    return best ? *best : candidates.constFirst();
}

QDateTime ArticleRules::dateAround(const HtmlDocument &doc, xmlNode *node)
{
    Q_UNUSED(doc)
    return dateIn(postContainer(node));
}
