// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlerules.h"

#include "parse/datetimeparser.h"
#include "parse/htmldocument.h"
#include "parse/jsonld.h"
#include "parse/postcontainer.h"
#include "parse/postdate.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <array>

namespace {

// Post containers examined per rule. A front page lists ten to a few dozen posts, newest first; each
// container costs walks over its subtree, so nested containers in a hostile page would otherwise
// cost quadratic time (seconds for 170 KB of nested itemscope <div>s).
constexpr qsizetype MaxContainers = 50;

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

// ArticleRules' view of one element of the tree, for the rules shared with FrontPageScanner's
// streaming pass (PostContainer, PostDate, ArticleRules::isBookmarkLink()).
class TreeElement final
{
public:
    explicit TreeElement(const xmlNode *node)
        : m_node(node)
    { }
    bool isNamed(const char *name) const { return xmlStrEqual(m_node->name, LibXml::xc(name)); }
    bool isNamedLoosely(const char *name) const { return HtmlDocument::isNamed(m_node, name); }
    bool has(const char *attribute) const { return HtmlDocument::findAttribute(m_node, attribute) != nullptr; }
    bool hasLoosely(const char *attribute) const { return !HtmlDocument::attribute(m_node, attribute).isNull(); }
    QString value(const char *attribute) const { return HtmlDocument::attribute(m_node, attribute); }
    template<std::size_t N> bool hasAnyToken(const char *attribute, const std::array<const char *, N> &tokens) const
    {
        return std::any_of(tokens.cbegin(), tokens.cend(),
                           [&](const char *token) { return HtmlDocument::hasToken(m_node, attribute, token); });
    }
    bool hasXPathToken(const char *attribute, const char *token, bool asciiLowercase = false) const
    {
        return HtmlDocument::hasXPathToken(m_node, attribute, token, asciiLowercase);
    }

private:
    const xmlNode *m_node;
};

// The nearest post container (article, .hentry, .post, itemscope, ...) around @p node, if any.
xmlNode *postContainer(xmlNode *node)
{
    int level = 0;
    for (xmlNode *p = node; p && p->type == XML_ELEMENT_NODE && level < PostContainer::MaxLevels;
         p = p->parent, ++level) {
        const TreeElement element(p);
        if (PostContainer::endsSearch(element))
            break;
        if (PostContainer::is(element))
            return p;
    }
    return nullptr;
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

// The date a post container shows (PostDate's rules), from one walk over its subtree.
QDateTime dateIn(xmlNode *container)
{
    if (!container)
        return {};
    PostDate date;
    for (xmlNode *node = container->children; node && date.wantsMore(); node = nextInSubtree(node, container)) {
        if (node->type == XML_ELEMENT_NODE)
            date.add(TreeElement(node));
    }
    return date.date();
}

// dateAround() for many links of one page: each container's date is looked up once, however many
// links it holds (thousands of rel=bookmark links in one <article> otherwise walked its subtree
// once per link: over a minute for 110 KB).
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
    out.append({ url, published });
}

// What a microdata property node holds as a URL (WHATWG microdata "property value" rules).
QString microdataUrl(xmlNode *node)
{
    for (const char *attr : { "href", "content", "src", "itemid", "datetime" }) {
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
// Tokens as the XPath contains(concat(' ', normalize-space(@itemprop), ' '), ' P ') it replaces.
xmlNode *ownProperty(xmlNode *item, const char *property)
{
    xmlNode *node = item->children;
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            if (HtmlDocument::hasXPathToken(node, "itemprop", property))
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

// The first of @p links that resolves to an http(s) URL.
QUrl firstUsable(const HtmlDocument &doc, const QList<xmlNode *> &links)
{
    for (xmlNode *link : links) {
        const QUrl url = doc.resolve(HtmlDocument::attribute(link, "href"));
        if (!url.isEmpty())
            return url;
    }
    return {};
}

// One of hAtom's link XPaths relative to a context node: a[@href] below it whose own
// @attribute holds the token (hasXPathToken), or, when inside, that has such an element between
// the context and itself (.//*[C]//a[@href] | .//a[@href][C]). A null attribute means the
// heading form (.//h1//a[@href] | .//h2//a[@href] | .//h3//a[@href]). Document order, each link once.
struct LinkQuery {
    const char *attribute;
    const char *token;
    bool asciiLowercase;
    bool inside;
};

bool matchesQuery(const xmlNode *node, const LinkQuery &query)
{
    if (!query.attribute)
        return xmlStrEqual(node->name, LibXml::xc("h1")) || xmlStrEqual(node->name, LibXml::xc("h2"))
            || xmlStrEqual(node->name, LibXml::xc("h3"));
    return HtmlDocument::hasXPathToken(node, query.attribute, query.token, query.asciiLowercase);
}

QList<xmlNode *> linksBelow(xmlNode *context, const LinkQuery &query)
{
    QList<xmlNode *> links;
    HtmlDocument::forEachDescendant(context, [&](xmlNode *link) {
        if (!xmlStrEqual(link->name, LibXml::xc("a")) || !HtmlDocument::findAttribute(link, "href"))
            return;
        bool match = query.attribute && matchesQuery(link, query);
        for (const xmlNode *p = link->parent; !match && query.inside && p && p != context; p = p->parent)
            match = p->type == XML_ELEMENT_NODE && matchesQuery(p, query);
        if (match)
            links.append(link);
    });
    return links;
}

bool isTaxonomyLink(const xmlNode *link, const QString &href)
{
    for (const char *rel : { "tag", "category", "author", "nofollow", "external" }) {
        if (HtmlDocument::hasToken(link, "rel", rel))
            return true;
    }
    for (const char *part : { "/tag/", "/tags/", "/category/", "/categories/", "/author/", "/authors/", "/page/" }) {
        if (href.contains(QLatin1String(part), Qt::CaseInsensitive))
            return true;
    }
    return false;
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
                value
                    = links.isEmpty() ? HtmlDocument::text(node) : HtmlDocument::attribute(links.constFirst(), "href");
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
    // //a[@href][hasRel('bookmark')] as one walk: the XPath engine costs more than the rule.
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *link) {
        if (isBookmarkLink(TreeElement(link)))
            addCandidate(out, seen, doc.resolve(HtmlDocument::attribute(link, "href")), dates.around(link));
    });
    return out;
}

QList<ArticleCandidate> ArticleRules::hAtom(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QSet<QUrl> seen;
    DateCache dates;
    xmlNode *root = reinterpret_cast<xmlNode *>(doc.document());
    // //*[hasClass('hentry') or hasClass('h-entry')], walked: this rule runs on every front page
    // without rel=bookmark links, and its XPaths cost more than the parse of such a page.
    QList<xmlNode *> entries;
    HtmlDocument::forEachDescendant(root, [&](xmlNode *element) {
        if (HtmlDocument::hasXPathToken(element, "class", "hentry")
            || HtmlDocument::hasXPathToken(element, "class", "h-entry"))
            entries.append(element);
    });
    // In each entry, the most specific permalink markup first.
    // The first MaxContainers entries: nested entries each walk their whole subtree.
    for (xmlNode *entry : firstContainers(entries)) {
        // Prefer the title link over e.g. a u-url on the author avatar: entry-title/p-name first.
        QList<xmlNode *> links;
        for (const LinkQuery &linkQuery : {
                 LinkQuery { "class", "entry-title", false, true }, // .//*[C]//a[@href] | .//a[@href][C]
                 LinkQuery { "class", "p-name", false, true },
                 LinkQuery { "class", "u-url", false, false }, // .//a[@href][C]
                 LinkQuery { "rel", "bookmark", true, false },
                 // WordPress block themes keep "hentry" but drop entry-title: the heading's link.
                 LinkQuery { nullptr, nullptr, false, true }, // .//h1//a[@href] | .//h2//a[@href] | .//h3//a[@href]
             }) {
            links = linksBelow(entry, linkQuery);
            if (!links.isEmpty())
                break;
        }
        addCandidate(out, seen, firstUsable(doc, links), dates.around(entry));
    }
    // Themes that keep hAtom's entry-title without the hentry wrapper.
    for (xmlNode *link : linksBelow(root, LinkQuery { "class", "entry-title", false, true }))
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
        for (const char *property : { "url", "mainEntityOfPage" }) {
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
        if (links.isEmpty() && !doc.select(".//h1 | .//h2 | .//h3", article).isEmpty()) {
            // A card whose link sits beside the heading (Hugo PaperMod's overlay "entry-link"):
            // its first link that is not a taxonomy or author link.
            for (xmlNode *link : doc.select(".//a[@href]", article)) {
                const QString href = HtmlDocument::attribute(link, "href");
                if (!isTaxonomyLink(link, href))
                    links.append(link);
            }
        }
        addCandidate(out, seen, firstUsable(doc, links), dates.around(article));
    }
    return out;
}

QList<QUrl> ArticleRules::feedLinks(const HtmlDocument &doc)
{
    QList<QUrl> out;
    QList<xmlNode *> links; // //link[@href][hasRel('alternate')], walked
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *link) {
        if (isAlternateLink(TreeElement(link)))
            links.append(link);
    });
    for (xmlNode *link : std::as_const(links))
        addFeedLink(out, doc.baseUrl(), HtmlDocument::attribute(link, "href"), HtmlDocument::attribute(link, "type"));
    return out;
}

void ArticleRules::addFeedLink(QList<QUrl> &feeds, const QUrl &baseUrl, const QString &href, const QString &type)
{
    const QString mediaType = type.trimmed().toLower().section(QLatin1Char(';'), 0, 0).trimmed();
    if (mediaType != QLatin1String("application/rss+xml") && mediaType != QLatin1String("application/atom+xml")
        && mediaType != QLatin1String("application/rdf+xml"))
        return;
    const QUrl url = HtmlDocument::resolveAgainst(baseUrl, href);
    if (!url.isEmpty() && !feeds.contains(url))
        feeds.append(url);
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

QDateTime ArticleRules::dateAround(const HtmlDocument &, xmlNode *node)
{
    return dateIn(postContainer(node));
}
