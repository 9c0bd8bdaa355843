// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlerules.h"

#include "parse/datetimeparser.h"
#include "parse/htmldocument.h"
#include "parse/jsonld.h"
#include "parse/nodetext.h"
#include "parse/postcontainer.h"
#include "parse/postdate.h"
#include "parse/textcleaner.h"

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

// Link texts kept per candidate: a post's title link, its date link and its "read more" link.
constexpr qsizetype MaxTexts = 3;

void addText(ArticleCandidate &candidate, const QString &text)
{
    if (!text.isEmpty() && text.size() <= 1000 && candidate.texts.size() < MaxTexts && !candidate.texts.contains(text))
        candidate.texts.append(text);
}

void addCandidate(QList<ArticleCandidate> &out, QHash<QUrl, qsizetype> &seen, const QUrl &url,
                  const QDateTime &published, const QString &text = {})
{
    if (url.isEmpty())
        return;
    if (const auto it = seen.constFind(url); it != seen.constEnd()) {
        addText(out[*it], text);
        return;
    }
    seen.insert(url, out.size());
    out.append({ url, published, {} });
    addText(out.last(), text);
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

// The first of @p links that resolves to an http(s) URL, and that link.
std::pair<QUrl, xmlNode *> firstUsable(const HtmlDocument &doc, const QList<xmlNode *> &links)
{
    for (xmlNode *link : links) {
        const QUrl url = doc.resolve(HtmlDocument::attribute(link, "href"));
        if (!url.isEmpty())
            return { url, link };
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
    QHash<QUrl, qsizetype> seen;
    DateCache dates;
    // //a[@href][hasRel('bookmark')] as one walk: the XPath engine costs more than the rule.
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *link) {
        if (isBookmarkLink(TreeElement(link)))
            addCandidate(out, seen, doc.resolve(HtmlDocument::attribute(link, "href")), dates.around(link),
                         HtmlDocument::text(link));
    });
    return out;
}

QList<ArticleCandidate> ArticleRules::hAtom(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QHash<QUrl, qsizetype> seen;
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
        const auto [url, link] = firstUsable(doc, links);
        addCandidate(out, seen, url, dates.around(entry), link ? HtmlDocument::text(link) : QString());
    }
    // Themes that keep hAtom's entry-title without the hentry wrapper.
    for (xmlNode *link : linksBelow(root, LinkQuery { "class", "entry-title", false, true }))
        addCandidate(out, seen, doc.resolve(HtmlDocument::attribute(link, "href")), dates.around(link),
                     HtmlDocument::text(link));
    return out;
}

QList<ArticleCandidate> ArticleRules::schemaOrg(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QHash<QUrl, qsizetype> seen;
    for (const QJsonObject &object : JsonLd::objects(doc)) {
        if (!JsonLd::isArticle(object))
            continue;
        QString link = JsonLd::stringOrId(object.value(QLatin1String("url")));
        if (link.isEmpty())
            link = JsonLd::stringOrId(object.value(QLatin1String("mainEntityOfPage")));
        if (link.isEmpty())
            link = object.value(QLatin1String("@id")).toString();
        QString headline = JsonLd::stringOrId(object.value(QLatin1String("headline")));
        if (headline.isEmpty())
            headline = object.value(QLatin1String("name")).toString();
        addCandidate(out, seen, doc.resolve(link), JsonLd::published(object),
                     TextCleaner::clean(HtmlDocument::decodeEntities(headline)));
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
        xmlNode *headline = ownProperty(item, "headline");
        if (link.isEmpty() && headline) {
            const QList<xmlNode *> links = doc.select(".//a[@href] | ancestor::a[@href]", headline);
            if (!links.isEmpty())
                link = HtmlDocument::attribute(links.constFirst(), "href");
        }
        QDateTime published;
        if (xmlNode *date = ownProperty(item, "datePublished"))
            published = DateTimeParser::parse(microdataUrl(date));
        if (!published.isValid())
            published = dates.around(item);
        addCandidate(out, seen, doc.resolve(link), published, headline ? HtmlDocument::text(headline) : QString());
    }
    return out;
}

QList<ArticleCandidate> ArticleRules::articleElements(const HtmlDocument &doc)
{
    QList<ArticleCandidate> out;
    QHash<QUrl, qsizetype> seen;
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
        const auto [url, link] = firstUsable(doc, links);
        addCandidate(out, seen, url, dates.around(article), link ? HtmlDocument::text(link) : QString());
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
    QDateTime bestDate;
    for (const ArticleCandidate &candidate : candidates) {
        const QDateTime date = dateOf(candidate);
        if (date.isValid() && (!best || date > bestDate)) {
            best = &candidate;
            bestDate = date;
        }
    }
    return best ? *best : candidates.constFirst();
}

QDateTime ArticleRules::dateOf(const ArticleCandidate &candidate)
{
    return candidate.published.isValid() ? candidate.published : DateTimeParser::fromUrl(candidate.url);
}

bool ArticleRules::anyDated(const QList<ArticleCandidate> &candidates)
{
    return std::any_of(candidates.cbegin(), candidates.cend(),
                       [](const ArticleCandidate &candidate) { return dateOf(candidate).isValid(); });
}

QDateTime ArticleRules::dateAround(const HtmlDocument &, xmlNode *node)
{
    return dateIn(postContainer(node));
}

namespace {

bool isHeading(const xmlNode *node)
{
    return node->type == XML_ELEMENT_NODE && node->name && node->name[0] == 'h' && node->name[1] >= '1'
        && node->name[1] <= '6' && node->name[2] == 0;
}

// Page-wide furniture: menus, headers and footers hold links to sections, not posts.
bool isFurniture(const xmlNode *node)
{
    for (const char *name : { "nav", "header", "footer", "aside", "menu" }) {
        if (HtmlDocument::isNamed(node, name))
            return true;
    }
    return false;
}

bool insideFurniture(const xmlNode *node)
{
    for (const xmlNode *p = node; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (isFurniture(p))
            return true;
    }
    return false;
}

QString blockText(const xmlNode *node)
{
    QString out;
    NodeText::Options options = NodeText::Html;
    options.maxLength = 4000;
    options.spaceBetweenElements = true;
    NodeText::append(node, out, options);
    return TextCleaner::collapseWhitespace(out);
}

bool sameSite(const QUrl &a, const QUrl &b)
{
    return a.host().compare(b.host(), Qt::CaseInsensitive) == 0;
}

// The page itself, or its site's home: never a post.
bool isHomeOrPage(const QUrl &url, const QUrl &pageUrl)
{
    const auto options
        = QUrl::StripTrailingSlash | QUrl::NormalizePathSegments | QUrl::RemoveFragment | QUrl::RemoveQuery;
    const QString path = url.adjusted(options).path();
    return path.isEmpty() || path == QLatin1String("/") || url.adjusted(options) == pageUrl.adjusted(options);
}

// The block's main link: the first heading's link, else its first same-site content link.
// @p budget counts the elements visited, across blocks: hostile nesting must not cost
// quadratic time.
std::pair<QUrl, xmlNode *> mainLink(const HtmlDocument &doc, xmlNode *block, qsizetype &budget)
{
    std::pair<QUrl, xmlNode *> first;
    std::pair<QUrl, xmlNode *> inHeading;
    HtmlDocument::forEachDescendant(block, [&](xmlNode *link) {
        if (--budget < 0 || inHeading.second || !xmlStrEqual(link->name, LibXml::xc("a")))
            return;
        const QString href = HtmlDocument::attribute(link, "href");
        if (href.isEmpty() || isTaxonomyLink(link, href))
            return;
        const QUrl url = doc.resolve(href);
        if (url.isEmpty() || !sameSite(url, doc.baseUrl()) || isHomeOrPage(url, doc.baseUrl()))
            return;
        bool heading = false;
        for (const xmlNode *p = link; p && p != block && !heading; p = p->parent)
            heading = isHeading(p);
        if (heading)
            inHeading = { url, link };
        else if (!first.second && !HtmlDocument::text(link).isEmpty())
            first = { url, link };
    });
    return inHeading.second ? inHeading : first;
}

QString signature(const xmlNode *node)
{
    return HtmlDocument::name(node) + QLatin1Char('|') + HtmlDocument::attribute(node, "class").simplified();
}

} // namespace

QList<ArticleCandidate> ArticleRules::blocks(const HtmlDocument &doc)
{
    // Work bound: groups looked at, and blocks per group (a front page lists tens of posts).
    constexpr int MaxGroups = 200;
    constexpr qsizetype MaxBlocks = 100;
    QList<ArticleCandidate> best;
    int groups = 0;
    qsizetype budget = 200000; // elements visited below blocks, in all
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *parent) {
        if (groups >= MaxGroups || budget < 0 || isFurniture(parent))
            return;
        QHash<QString, QList<xmlNode *>> bySignature;
        QStringList order;
        for (xmlNode *child = parent->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE || isFurniture(child))
                continue;
            const QString key = signature(child);
            auto &members = bySignature[key];
            if (members.isEmpty())
                order.append(key);
            if (members.size() < MaxBlocks)
                members.append(child);
        }
        for (const QString &key : std::as_const(order)) {
            const QList<xmlNode *> &members = bySignature[key];
            if (members.size() < 2 || members.size() <= best.size() || insideFurniture(parent))
                continue;
            if (++groups > MaxGroups)
                return;
            QList<ArticleCandidate> candidates;
            QSet<QUrl> urls;
            int rich = 0;
            int dated = 0;
            int titled = 0;
            for (xmlNode *block : members) {
                const auto [url, link] = mainLink(doc, block, budget);
                if (budget < 0)
                    return;
                if (!link || urls.contains(url))
                    continue;
                urls.insert(url);
                const QString linkText = HtmlDocument::text(link);
                // A flat list ("<h1><a>Post</a></h1><p>Written on 2024-07-01.</p><h1>...") keeps
                // a post's excerpt and date in the siblings up to the next block.
                QString text = blockText(block);
                for (xmlNode *next = block->next; next && text.size() < 4000; next = next->next) {
                    if (next->type == XML_ELEMENT_NODE && members.contains(next))
                        break;
                    if (next->type == XML_ELEMENT_NODE)
                        text += QLatin1Char(' ') + blockText(next);
                    else if (next->type == XML_TEXT_NODE)
                        text += LibXml::toQString(next->content);
                }
                text = TextCleaner::collapseWhitespace(text);
                QDateTime date = DateTimeParser::findInText(text);
                // More than the link: an excerpt or a date, as a post list has and a menu has not.
                if (date.isValid() || text.size() >= linkText.size() + 20)
                    ++rich;
                if (!date.isValid())
                    date = dateIn(block);
                candidates.append({ url, date, linkText.isEmpty() ? QStringList() : QStringList { linkText } });
                if (dateOf(candidates.constLast()).isValid())
                    ++dated;
                bool heading = false;
                for (const xmlNode *p = link; p && p != block->parent && !heading; p = p->parent)
                    heading = isHeading(p);
                titled += heading ? 1 : 0;
            }
            // A post list: blocks with more than their link, and dates or titled links (a page's
            // references or a link farm has neither).
            const qsizetype n = candidates.size();
            if (n >= 2 && rich * 2 >= n && (dated * 2 >= n || titled == n) && n > best.size())
                best = candidates;
        }
    });
    return best;
}

namespace {

// Section names, case-folded: English, French, German.
const QSet<QString> &sectionNames()
{
    static const QSet<QString> names = {
        QStringLiteral("blog"),
        QStringLiteral("weblog"),
        QStringLiteral("posts"),
        QStringLiteral("articles"),
        QStringLiteral("news"),
        QStringLiteral("journal"),
        QStringLiteral("writing"),
        QStringLiteral("writings"),
        QStringLiteral("notes"),
        QStringLiteral("all posts"),
        QStringLiteral("billets"),
        QStringLiteral("actualit\u00e9s"),
        QStringLiteral("actualites"),
        QStringLiteral("nouvelles"),
        QStringLiteral("tous les articles"),
        QStringLiteral("artikel"),
        QStringLiteral("beitr\u00e4ge"),
        QStringLiteral("beitraege"),
        QStringLiteral("aktuelles"),
        QStringLiteral("neuigkeiten"),
        QStringLiteral("nachrichten"),
        QStringLiteral("alle beitr\u00e4ge"),
    };
    return names;
}

QString lastSegment(const QUrl &url)
{
    const QStringList segments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return segments.isEmpty() ? QString() : segments.constLast().toCaseFolded();
}

} // namespace

bool ArticleRules::isSectionUrl(const QUrl &url)
{
    // /blog/, /en/posts/: a list of posts, never a post (a landing page's "Read the blog").
    // Checked for every candidate: most paths are told apart by their shape alone.
    const QString path = url.path(QUrl::FullyEncoded);
    QStringView trimmed(path);
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    const qsizetype last = trimmed.size() - trimmed.lastIndexOf(QLatin1Char('/')) - 1;
    if (last == 0 || last > 40 || path.count(QLatin1Char('/')) > 3 || url.hasQuery())
        return false;
    return sectionNames().contains(lastSegment(url));
}

QUrl ArticleRules::blogLink(const HtmlDocument &doc)
{
    const QSet<QString> &names = sectionNames();
    QUrl inNavigation;
    QUrl anywhere;
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *link) {
        if (!inNavigation.isEmpty() || !xmlStrEqual(link->name, LibXml::xc("a")))
            return;
        const QString href = HtmlDocument::attribute(link, "href");
        if (href.isEmpty())
            return;
        const QUrl url = doc.resolve(href);
        if (url.isEmpty() || !sameSite(url, doc.baseUrl()) || isHomeOrPage(url, doc.baseUrl()))
            return;
        const QString last = lastSegment(url);
        const QString text = TextCleaner::comparable(HtmlDocument::text(link));
        if (!names.contains(last) && !names.contains(text))
            return;
        if (insideFurniture(link))
            inNavigation = url;
        else if (anywhere.isEmpty())
            anywhere = url;
    });
    return inNavigation.isEmpty() ? anywhere : inNavigation;
}

QString ArticleRules::pageTitle(const HtmlDocument &doc)
{
    QString title;
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *node) {
        if (!title.isEmpty() || !xmlStrEqual(node->name, LibXml::xc("title")))
            return;
        for (const xmlNode *p = node->parent; p; p = p->parent) {
            if (p->type == XML_ELEMENT_NODE && xmlStrEqual(p->name, LibXml::xc("svg")))
                return;
        }
        title = TextCleaner::clean(HtmlDocument::text(node));
    });
    return title;
}

QStringList ArticleRules::siteNames(const HtmlDocument &doc)
{
    using namespace SiteNameRules;
    QStringList out;
    const auto add = [&](const QString &text) {
        const QString clean = TextCleaner::clean(text);
        if (!clean.isEmpty() && clean.size() <= 200 && !out.contains(clean))
            out.append(clean);
    };
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *node) {
        if (out.size() >= 8)
            return;
        if (xmlStrEqual(node->name, LibXml::xc("meta"))) {
            for (const char *key : { "og:site_name", "application-name" }) {
                if (HtmlDocument::hasToken(node, "property", key) || HtmlDocument::hasToken(node, "name", key))
                    add(HtmlDocument::attribute(node, "content"));
            }
            return;
        }
        if (!xmlStrEqual(node->name, LibXml::xc("a")))
            return;
        bool home = HtmlDocument::hasToken(node, "rel", "home");
        if (!home) {
            // A heading's or site-title block's link (checked first: resolving every link of a
            // page costs more than its parse)...
            static const char *const siteClasses[] = { "site-title", "site-name", "logo", "blog-title" };
            bool named = false;
            int level = 0;
            for (const xmlNode *p = node->parent; p && p->type == XML_ELEMENT_NODE && !named && level < SiteNameLevels;
                 p = p->parent, ++level)
                named = isHeading(p) || HtmlDocument::hasAnyToken(p, "class", siteClasses, std::size(siteClasses));
            if (!named)
                return;
            // ... that leads to the site's home: its root, or the blog's own root under a path.
            const QUrl url = doc.resolve(HtmlDocument::attribute(node, "href"));
            if (url.isEmpty() || !sameSite(url, doc.baseUrl()))
                return;
            const QString path = url.adjusted(QUrl::StripTrailingSlash).path();
            const QString basePath = doc.baseUrl().adjusted(QUrl::StripTrailingSlash).path();
            home = path.isEmpty() || path == QLatin1String("/") || path == basePath;
        }
        if (home)
            add(HtmlDocument::text(node));
    });
    return out;
}

void ArticleRules::addTextDates(const HtmlDocument &doc, QList<ArticleCandidate> &candidates)
{
    if (candidates.isEmpty() || candidates.size() > 200)
        return;
    QHash<QUrl, qsizetype> index;
    QSet<QString> lastSegments; // resolving every link of a page costs more than its parse
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        index.insert(candidates.at(i).url, i);
        lastSegments.insert(candidates.at(i).url.adjusted(QUrl::StripTrailingSlash).fileName());
    }
    const auto mayBeCandidate = [&](const QString &href) {
        QStringView path(href);
        if (const qsizetype fragment = path.indexOf(QLatin1Char('#')); fragment >= 0)
            path = path.left(fragment);
        if (const qsizetype query = path.indexOf(QLatin1Char('?')); query >= 0)
            path = path.left(query);
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        const QStringView last = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
        return lastSegments.contains(QUrl::fromPercentEncoding(last.toUtf8()));
    };
    // Each candidate's first link, and which ancestors hold links to one candidate only.
    QList<xmlNode *> links(candidates.size(), nullptr);
    QHash<xmlNode *, qsizetype> owner; // -1: shared by several candidates
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *link) {
        if (!xmlStrEqual(link->name, LibXml::xc("a")))
            return;
        const QString href = HtmlDocument::attribute(link, "href");
        if (href.isEmpty() || !mayBeCandidate(href))
            return;
        const auto it = index.constFind(doc.resolve(href));
        if (it == index.constEnd())
            return;
        if (!links.at(*it))
            links[*it] = link;
        int level = 0;
        for (xmlNode *p = link->parent; p && p->type == XML_ELEMENT_NODE && level < 32; p = p->parent, ++level) {
            const auto found = owner.find(p);
            if (found == owner.end())
                owner.insert(p, *it);
            else if (*found != *it)
                *found = -1;
        }
    });
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (dateOf(candidates.at(i)).isValid() || !links.at(i))
            continue;
        xmlNode *block = nullptr;
        int level = 0;
        for (xmlNode *p = links.at(i)->parent; p && p->type == XML_ELEMENT_NODE && level < 32; p = p->parent, ++level) {
            if (owner.value(p, -1) != i || PostContainer::endsSearch(TreeElement(p)))
                break;
            block = p;
        }
        if (block)
            candidates[i].published = DateTimeParser::findInText(blockText(block));
    }
}
