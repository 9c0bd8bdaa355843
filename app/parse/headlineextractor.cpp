// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/headlineextractor.h"

#include "parse/articlerules.h"
#include "parse/foundvia.h"
#include "parse/htmldocument.h"
#include "parse/jsonld.h"
#include "parse/textcleaner.h"
#include "parse/titlesplitter.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <limits>

namespace {

// What the rules read from a page, collected in one walk instead of one XPath per rule.
struct PageNodes {
    QList<xmlNode *> titles; ///< //title[not(ancestor::svg)]
    QList<xmlNode *> headings; ///< //h1 | //h2
    QList<xmlNode *> metas; ///< //meta[@content]
    QList<xmlNode *> scripts; ///< //script[@type]
    QList<xmlNode *> h1s; ///< //h1
    QList<xmlNode *> articleH1s; ///< //*[local-name()='article']//h1
    QList<xmlNode *> entryHeadings; ///< elements marked as the entry's title (isEntryHeading)
    QList<xmlNode *> subheadings; ///< //h2 | //h3 | //h4 | //h5 | //h6, the first 50
};

bool isEntryHeading(const xmlNode *node);

bool named(const xmlNode *node, const char *name)
{
    return xmlStrEqual(node->name, LibXml::xc(name));
}

bool hasAncestor(const xmlNode *node, const char *name)
{
    for (const xmlNode *p = node->parent; p; p = p->parent) {
        if (p->type == XML_ELEMENT_NODE && named(p, name))
            return true;
    }
    return false;
}

PageNodes collect(const HtmlDocument &doc)
{
    PageNodes nodes;
    HtmlDocument::forEachDescendant(reinterpret_cast<xmlNode *>(doc.document()), [&](xmlNode *element) {
        if (named(element, "title")) {
            if (!hasAncestor(element, "svg"))
                nodes.titles.append(element);
        } else if (named(element, "h1")) {
            nodes.headings.append(element);
            nodes.h1s.append(element);
            if (hasAncestor(element, "article"))
                nodes.articleH1s.append(element);
        } else if (named(element, "h2")) {
            nodes.headings.append(element);
            if (nodes.subheadings.size() < 50)
                nodes.subheadings.append(element);
        } else if (named(element, "h3") || named(element, "h4") || named(element, "h5") || named(element, "h6")) {
            if (nodes.subheadings.size() < 50)
                nodes.subheadings.append(element);
        } else if (named(element, "meta")) {
            if (HtmlDocument::findAttribute(element, "content"))
                nodes.metas.append(element);
        } else if (named(element, "script")) {
            if (HtmlDocument::findAttribute(element, "type"))
                nodes.scripts.append(element);
        }
        if (nodes.entryHeadings.size() < 20
            && (HtmlDocument::findAttribute(element, "class") || HtmlDocument::findAttribute(element, "itemprop"))
            && isEntryHeading(element))
            nodes.entryHeadings.append(element);
    });
    return nodes;
}

// When the document is only the page's beginning (HtmlDocument's length): which nodes may still
// change, and what the rest of the bytes cannot hold. Every answer below is given from a prefix
// only when the whole page would give the same one; otherwise std::nullopt.
struct Prefix {
    QList<const xmlNode *> open; ///< the last node's ancestors: possibly cut short, or closed by the rest
    bool titleAfter = true; ///< the rest may hold a <title>
    bool metaAfter = true; ///< the rest may hold a <meta>
    bool jsonLdAfter = true; ///< the rest may hold a JSON-LD object
    bool openSignal = false; ///< a <title>, <meta> or <script> is among the open nodes

    bool isOpen(const xmlNode *node) const { return open.contains(node); }
};

// Where the next tag named @p needle ("<title", ASCII lowercase) starts at or after @p from,
// compared case-insensitively as libxml2 reads tag names; -1 when there is none.
qsizetype indexOfTag(const QByteArray &bytes, qsizetype from, const char *needle)
{
    const QByteArrayView view(bytes);
    const QByteArrayView name(needle);
    for (qsizetype at = view.indexOf('<', from); at >= 0 && at + name.size() <= view.size();
         at = view.indexOf('<', at + 1)) {
        if (view.sliced(at, name.size()).compare(name, Qt::CaseInsensitive) == 0)
            return at;
    }
    return -1;
}

// Whether @p hay holds @p needle (ASCII, lowercase) in any letter case, without a lowercased
// copy: @p anchor indexes a character of the needle that has no case (':', '+', ...), which
// memchr finds; qstrnicmp checks the candidates around it.
bool containsAnyCase(QByteArrayView hay, const char *needle, qsizetype anchor)
{
    const QByteArrayView n(needle);
    for (qsizetype at = hay.indexOf(n.at(anchor), anchor); at >= 0; at = hay.indexOf(n.at(anchor), at + 1)) {
        const qsizetype start = at - anchor;
        if (start + n.size() <= hay.size() && qstrnicmp(hay.data() + start, n.size(), n.data(), n.size()) == 0)
            return true;
    }
    return false;
}

// Characters libxml2 drops from script text as invalid (C0 controls but tab, LF, CR; U+FFFE,
// U+FFFF): "@\x01type" reaches JsonLd as "@type", so their presence voids the byte checks.
bool hasDroppedCharacters(QByteArrayView bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return true;
        if (c == 0xEF && i + 2 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0xBF
            && (static_cast<unsigned char>(bytes[i + 2]) & 0xFE) == 0xBE)
            return true;
    }
    return false;
}

Prefix prefixFacts(const HtmlDocument &doc, const QByteArray &utf8, qsizetype cut)
{
    Prefix prefix;
    for (const xmlNode *node = doc.document()->last; node; node = node->last) {
        prefix.open.append(node);
        // Such an element may be cut short anywhere, even inside its start tag's attributes.
        if (node->type == XML_ELEMENT_NODE && (named(node, "title") || named(node, "meta") || named(node, "script")))
            prefix.openSignal = true;
    }
    // The rest starts, for tags, at the last '<' before the cut: a start tag cut inside its name
    // ("<me|ta") must be looked for there.
    const qsizetype rest = std::max<qsizetype>(0, QByteArrayView(utf8).first(cut).lastIndexOf('<'));
    prefix.titleAfter = indexOfTag(utf8, rest, "<title") >= 0;
    prefix.metaAfter = indexOfTag(utf8, rest, "<meta") >= 0;
    // A JSON-LD script needs both, somewhere after the rest's first <script>: a type attribute
    // that lowercases to application/ld+json, so "ld+json" in ASCII letters of any case or a
    // character reference (&#...; no non-ASCII letter lowercases to l, d, j, s, o or n), and an
    // "@type" key, spelled @t... or with a \u escape (\u0040type, @\u0074ype). JsonLd keeps
    // no object without that key.
    const qsizetype script = indexOfTag(utf8, rest, "<script");
    if (script < 0) {
        prefix.jsonLdAfter = false;
    } else {
        const QByteArrayView scripts = QByteArrayView(utf8).sliced(script);
        prefix.jsonLdAfter = hasDroppedCharacters(scripts)
            || ((containsAnyCase(scripts, "ld+json", 2) || scripts.contains("&#"))
                && (scripts.contains("@t") || scripts.contains("@\\") || scripts.contains("\\u")));
    }
    return prefix;
}

// First <meta> whose property or name holds one of @p keys as a token (properties are
// space-separated lists: property="og:title twitter:title"); the content, once decoded.
std::optional<QString> metaContent(const QList<xmlNode *> &metas, std::initializer_list<const char *> keys,
                                   const Prefix *prefix)
{
    for (xmlNode *meta : metas) {
        for (const char *key : keys) {
            if (HtmlDocument::hasToken(meta, "property", key) || HtmlDocument::hasToken(meta, "name", key)) {
                const QString content = TextCleaner::clean(HtmlDocument::attribute(meta, "content"));
                if (!content.isEmpty())
                    return prefix && prefix->isOpen(meta) ? std::nullopt : std::optional<QString>(content);
            }
        }
    }
    if (prefix && prefix->metaAfter)
        return std::nullopt;
    return QString();
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
std::optional<QString> jsonLdHeadline(const QList<xmlNode *> &scripts, const QString &pageTitle, const Prefix *prefix)
{
    // JSON strings are not HTML-decoded by the parser: decode here, exactly once.
    const auto stringValue = [](const QJsonObject &object, const char *key) {
        const QJsonValue value = object.value(QLatin1String(key));
        return value.isString() ? TextCleaner::clean(HtmlDocument::decodeEntities(value.toString())) : QString();
    };
    // Script by script, stopping at the first answer; the count keeps JsonLd::objects()'s cap.
    qsizetype objectCount = 0;
    for (xmlNode *script : scripts) {
        if (objectCount >= JsonLd::MaxObjects)
            break;
        if (!JsonLd::isJsonLdScript(script))
            continue;
        if (prefix && prefix->isOpen(script))
            return std::nullopt;
        const QList<QJsonObject> objects = JsonLd::objectsFromScript(script);
        objectCount += objects.size();
        for (const QJsonObject &object : objects) {
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
    }
    if (prefix && prefix->jsonLdAfter)
        return std::nullopt;
    return QString();
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

// The page's <title>: the first one outside SVG icons with any text.
std::optional<QString> rawTitle(const QList<xmlNode *> &titles, const Prefix *prefix)
{
    for (xmlNode *title : titles) {
        if (prefix && prefix->isOpen(title))
            return std::nullopt;
        const QString text = TextCleaner::clean(HtmlDocument::text(title));
        if (!text.isEmpty())
            return text;
    }
    if (prefix && prefix->titleAfter)
        return std::nullopt;
    return QString();
}

// The page's own rules in order; std::nullopt when @p prefix is set and the page's beginning
// cannot tell what the whole page would give.
std::optional<Headline> firstRule(const PageNodes &nodes, const Prefix *prefix)
{
    Headline headline;

    // SVG icons carry <title> elements of their own; they are never the page's title.
    const std::optional<QString> title = rawTitle(nodes.titles, prefix);
    if (!title)
        return std::nullopt;
    headline.rawTitle = *title;

    // Some themes put the blog's name in og:title/twitter:title on every page: a metadata title
    // that is just the site name says nothing about the article, unless the page says no more.
    const std::optional<QString> siteMeta = metaContent(nodes.metas, { "og:site_name", "application-name" }, prefix);
    if (!siteMeta)
        return std::nullopt;
    const QString siteName = TextCleaner::comparable(*siteMeta);

    // Metadata titles are the publisher's stated headline: taken as they are. Only <title>, which
    // is built for browser tabs and search results, gets its site name removed.
    const auto accept = [&](const QString &candidate, TitleSource via, bool isTitle = false) {
        headline.title = TextCleaner::clean(candidate);
        headline.via = FoundVia::code(via);
        if (!isTitle && !siteName.isEmpty() && TextCleaner::comparable(headline.title) == siteName
            && TextCleaner::comparable(headline.rawTitle) != siteName)
            headline.title.clear();
        return !headline.title.isEmpty();
    };

    const std::optional<QString> jsonLd = jsonLdHeadline(nodes.scripts, headline.rawTitle, prefix);
    if (!jsonLd)
        return std::nullopt;
    if (accept(*jsonLd, TitleSource::JsonLd))
        return headline;
    static const struct {
        std::initializer_list<const char *> keys;
        TitleSource via;
    } metaRules[] = {
        { { "og:title" }, TitleSource::OgTitle },
        { { "twitter:title" }, TitleSource::TwitterTitle },
        { { "dc:title", "dc.title", "dcterm:title", "dcterms:title", "dcterms.title" }, TitleSource::DcTitle },
        { { "parsely-title" }, TitleSource::ParselyTitle },
    };
    for (const auto &rule : metaRules) {
        const std::optional<QString> content = metaContent(nodes.metas, rule.keys, prefix);
        if (!content)
            return std::nullopt;
        if (accept(*content, rule.via))
            return headline;
    }

    // Headings decide what is left; a page's beginning does not have them all.
    if (prefix)
        return std::nullopt;

    // An <h1> inside <article> is the article's own heading when the <title> agrees with it; a
    // bare <h1> is as often the blog's name, so it only vouches for a shortened <title> or
    // stands in when there is no title at all.
    const QString articleH1 = firstNonEmptyText(nodes.articleH1s);
    if (!articleH1.isEmpty()
        && (headline.rawTitle.isEmpty()
            || TextCleaner::comparable(headline.rawTitle).contains(TextCleaner::comparable(articleH1)))) {
        headline.title = articleH1;
        headline.via = FoundVia::code(TitleSource::H1);
        return headline;
    }
    // Texts that can vouch for a shortened <title>: the page's main headings.
    QStringList headings;
    for (xmlNode *node : nodes.headings) {
        const QString text = TextCleaner::clean(HtmlDocument::text(node));
        if (!text.isEmpty())
            headings.append(text);
        if (headings.size() >= 50)
            break;
    }
    const TitleSplitter splitter(headings);
    if (accept(splitter.strip(headline.rawTitle), TitleSource::Title, true))
        return headline;
    if (accept(firstNonEmptyText(nodes.h1s), TitleSource::H1))
        return headline;
    headline.title.clear();
    headline.via.clear();
    return headline;
}

// ---- Agreement across the chain ------------------------------------------------------------

// Separators between a headline and a site name, " | " and ": " alike.
const QStringList &siteSeparators()
{
    static const QStringList marks = {
        QStringLiteral(" | "),  QStringLiteral(" - "),      QStringLiteral(" \u2013 "), QStringLiteral(" \u2014 "),
        QStringLiteral(" :: "), QStringLiteral(" \u00BB "), QStringLiteral(" \u00B7 "), QStringLiteral(": "),
        QStringLiteral(" / "),  QStringLiteral(" ~ "),      QStringLiteral(" \u2022 "), QStringLiteral(" \u203A "),
    };
    return marks;
}

// The form in which two headlines are the same: case, whitespace, typographic quotes, dashes and
// ellipses folded.
QString key(const QString &text)
{
    QString out = TextCleaner::comparable(text);
    for (QChar &c : out) {
        switch (c.unicode()) {
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x2032:
            c = QLatin1Char('\'');
            break;
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            c = QLatin1Char('"');
            break;
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2212:
            c = QLatin1Char('-');
            break;
        default:
            break;
        }
    }
    out.replace(QChar(0x2026), QLatin1String("..."));
    return out;
}

struct SiteNames {
    QSet<QString> keys;
    qsizetype shortest = std::numeric_limits<qsizetype>::max();
    qsizetype longest = 0;
    void insert(const QString &k)
    {
        keys.insert(k);
        shortest = std::min(shortest, k.size());
        longest = std::max(longest, k.size());
    }
    bool isEmpty() const { return keys.isEmpty(); }
    bool contains(const QString &text) const
    {
        // Most parts are no name: their length says so without building their key.
        return text.size() + 4 >= shortest && text.size() <= longest + 4 && keys.contains(key(text));
    }
};

// @p text without the site's name in front of or behind a separator; empty when it is the name.
QString withoutSiteName(QString text, const SiteNames &names)
{
    if (names.isEmpty())
        return text;
    for (int round = 0; round < 4 && !text.isEmpty(); ++round) {
        if (names.contains(text))
            return {};
        bool cut = false;
        for (const QString &mark : siteSeparators()) {
            const qsizetype first = text.indexOf(mark);
            if (first > 0 && names.contains(text.left(first))) {
                text = text.mid(first + mark.size()).trimmed();
                cut = true;
                break;
            }
            const qsizetype last = text.lastIndexOf(mark);
            if (last > 0 && names.contains(text.mid(last + mark.size()))) {
                text = text.left(last).trimmed();
                cut = true;
                break;
            }
        }
        if (!cut)
            break;
    }
    return text;
}

// The parts of a title split at every separator: each may be a site's name.
QStringList titleParts(const QString &title)
{
    QStringList parts { title };
    for (const QString &mark : siteSeparators()) {
        QStringList next;
        for (const QString &part : std::as_const(parts))
            next += part.split(mark, Qt::SkipEmptyParts);
        parts = next;
        if (parts.size() > 16)
            break;
    }
    for (QString &part : parts)
        part = part.trimmed();
    return parts;
}

SiteNames siteNamesFor(const HeadlineContext &context, const QStringList &pageNames)
{
    SiteNames names;
    QSet<QString> chain;
    for (const QString &text : context.listing)
        chain.insert(key(text));
    if (!context.feedTitle.isEmpty())
        chain.insert(key(context.feedTitle));
    const auto add = [&](const QString &name) {
        const QString k = key(name);
        // What the chain calls the article is never the site's name (a front page that shows
        // the newest post in full has its title in its <title>).
        if (!k.isEmpty() && !chain.contains(k))
            names.insert(k);
    };
    for (const QString &name : context.siteNames)
        add(name);
    for (const QString &name : pageNames)
        add(name);
    if (!context.frontPageTitle.isEmpty()) {
        add(context.frontPageTitle);
        for (const QString &part : titleParts(context.frontPageTitle))
            add(part);
    }
    return names;
}

// Whether @p damaged is @p full with pieces missing inside it (a tag-like "<T>", words), the way
// SEO plugins damage titles: same start, same end, every character of it in @p full in order.
bool isDamagedCopyKey(const QString &d, const QString &f)
{
    if (d.isEmpty() || d.size() >= f.size() || d.size() * 2 < f.size())
        return false;
    const qsizetype firstSpace = d.indexOf(QLatin1Char(' '));
    const qsizetype lastSpace = d.lastIndexOf(QLatin1Char(' '));
    const QString firstWord = firstSpace < 0 ? d : d.left(firstSpace);
    const QString lastWord = lastSpace < 0 ? d : d.mid(lastSpace + 1);
    if (!f.startsWith(firstWord.left(std::min<qsizetype>(firstWord.size(), 3))) || !f.endsWith(lastWord))
        return false;
    // Every character of the copy in order, and what is missing looks like markup ("<T>"):
    // a shorter title that leaves out words is an editor's choice, not damage.
    qsizetype at = 0;
    bool markupMissing = false;
    for (const QChar c : f) {
        if (at < d.size() && d.at(at) == c)
            ++at;
        else if (c == QLatin1Char('<') || c == QLatin1Char('>'))
            markupMissing = true;
    }
    return at == d.size() && markupMissing;
}

bool isDamagedCopy(const QString &damaged, const QString &full)
{
    return isDamagedCopyKey(key(damaged), key(full));
}

enum class Group { Meta, Heading, Title, Listing, Feed };

struct Candidate {
    QString text;
    TitleSource source;
    Group group;
    QString key; ///< key(text), computed once
};

Group groupOf(TitleSource source)
{
    switch (source) {
    case TitleSource::JsonLd:
    case TitleSource::OgTitle:
    case TitleSource::TwitterTitle:
    case TitleSource::DcTitle:
    case TitleSource::ParselyTitle:
        return Group::Meta;
    case TitleSource::EntryHeading:
    case TitleSource::H1:
    case TitleSource::Heading:
        return Group::Heading;
    case TitleSource::Title:
        return Group::Title;
    case TitleSource::Listing:
        return Group::Listing;
    case TitleSource::Feed:
        return Group::Feed;
    }
    return Group::Meta;
}

// Elements marked as the entry's own title: hAtom, microformats2, schema.org microdata and the
// class names themes give it.
bool isEntryHeading(const xmlNode *node)
{
    static const char *const classes[]
        = { "entry-title", "p-name", "post-title", "article-title", "entry-name", "post__title", "title" };
    static const char *const headline[] = { "headline" };
    // "title" alone is a theme's generic name: on a block, never on the <title> itself.
    return (!named(node, "title") && HtmlDocument::hasAnyToken(node, "class", classes, std::size(classes)))
        || HtmlDocument::hasAnyToken(node, "itemprop", headline, 1);
}

class Vote final
{
public:
    Vote(SiteNames names, const QStringList &chain)
        : m_names(std::move(names))
        , m_chain(chain.cbegin(), chain.cend())
    { }

    // @p text without the site's name, unless the chain calls the article by the whole text
    // (a blog named "Rust" whose post is "Rust: the 2024 edition").
    QString withoutName(const QString &text) const
    {
        const QString cut = withoutSiteName(text, m_names);
        return cut != text && m_chain.contains(key(text)) ? text : cut;
    }

    void add(const QString &text, TitleSource source)
    {
        // RSS titles are often HTML escaped twice ("Vec&lt;T&gt;" after XML decoding): once more.
        const QString decoded = source == TitleSource::Feed && text.contains(QLatin1Char('&'))
            ? HtmlDocument::decodeEntities(text)
            : text;
        const QString clean = withoutName(TextCleaner::clean(decoded));
        if (clean.isEmpty() || clean.size() > 400 || m_candidates.size() >= 64)
            return;
        m_candidates.append({ clean, source, groupOf(source), key(clean) });
    }
    void setTitle(const QString &title)
    {
        m_title = withoutName(title);
        m_titleKey = key(m_title);
    }

    // The groups that say @p text: equal text, or, for the <title>, a part of it before or after
    // a separator ("Post | Tagline").
    QList<Group> support(const QString &text) const
    {
        const QString k = key(text);
        QList<Group> groups;
        for (const Candidate &candidate : m_candidates) {
            if (!groups.contains(candidate.group) && candidate.key == k)
                groups.append(candidate.group);
        }
        if (!groups.contains(Group::Title) && !m_title.isEmpty()) {
            const QString &title = m_titleKey;
            for (const QString &mark : siteSeparators()) {
                if (title == k || title.startsWith(k + mark) || title.endsWith(mark + k)) {
                    groups.append(Group::Title);
                    break;
                }
            }
        }
        return groups;
    }

    QList<TitleSource> sources(const QString &text) const
    {
        static constexpr TitleSource order[]
            = { TitleSource::Listing,      TitleSource::Feed,    TitleSource::JsonLd,       TitleSource::OgTitle,
                TitleSource::TwitterTitle, TitleSource::DcTitle, TitleSource::ParselyTitle, TitleSource::EntryHeading,
                TitleSource::H1,           TitleSource::Heading, TitleSource::Title };
        const QString k = key(text);
        const QList<Group> groups = support(text);
        QList<TitleSource> out;
        for (const TitleSource source : order) {
            const bool says = std::any_of(m_candidates.cbegin(), m_candidates.cend(),
                                          [&](const Candidate &c) { return c.source == source && c.key == k; });
            if (says || (source == TitleSource::Title && groups.contains(Group::Title)))
                out.append(source);
        }
        return out;
    }

    // The answer to @p base: the same unless the candidates say otherwise (see HeadlineExtractor).
    Headline decide(Headline base, bool chainSpoke) const
    {
        const QString original = base.title;
        const bool metadata
            = base.via != FoundVia::code(TitleSource::Title) && base.via != FoundVia::code(TitleSource::H1);
        base.title = withoutName(base.title);
        if (metadata && base.title != original) {
            // Metadata is the publisher's stated headline: a site name in it is cut only when
            // the chain spoke and another source backs the rest (a Ghost og:title "Site — Post").
            QList<Group> backers = base.title.isEmpty() ? QList<Group>() : support(base.title);
            backers.removeAll(Group::Meta);
            if (!chainSpoke || backers.isEmpty())
                base.title = original;
        }
        if (base.title.isEmpty() && !original.isEmpty() && m_candidates.isEmpty())
            base.title = original; // the page says nothing else: its name is its title
        return fullest(vote(base, chainSpoke));
    }

private:
    // The text the most independent sources agree on (see decide()).
    Headline vote(Headline base, bool chainSpoke) const
    {
        if (base.title.isEmpty() || chainSpoke) {
            // The text the most independent sources agree on; ties keep the page's first rule.
            const qsizetype baseSupport = base.title.isEmpty() ? 0 : support(base.title).size();
            const Candidate *best = nullptr;
            qsizetype bestSupport = 0;
            for (const Group group : { Group::Heading, Group::Listing, Group::Feed, Group::Title, Group::Meta }) {
                for (const Candidate &candidate : m_candidates) {
                    if (candidate.group != group)
                        continue;
                    const QList<Group> groups = support(candidate.text);
                    // The chain alone does not make a headline: the page must say it too.
                    const bool onPage = groups.contains(Group::Meta) || groups.contains(Group::Heading)
                        || groups.contains(Group::Title);
                    const qsizetype n = groups.size();
                    if (onPage && n > bestSupport) {
                        best = &candidate;
                        bestSupport = n;
                    }
                }
            }
            if (!m_title.isEmpty() && support(m_title).size() > bestSupport && base.title.isEmpty())
                return answer(base, m_title);
            if (best && (bestSupport > baseSupport || (base.title.isEmpty() && bestSupport > 0)))
                return answer(base, best->text);
            if (base.title.isEmpty() && !m_title.isEmpty())
                return answer(base, m_title);
        }
        return base;
    }

    // An answer that is a damaged copy of another candidate (markup lost: Hexo's raw "<T>"
    // in headings, jekyll-seo-tag's stripped metadata) gives way to the fuller text.
    Headline fullest(Headline chosen) const
    {
        const QString chosenKey = key(chosen.title);
        for (const Candidate &candidate : m_candidates) {
            if (isDamagedCopyKey(chosenKey, candidate.key))
                return answer(chosen, candidate.text);
        }
        // The <title>, or its part before or after a separator ("Post | Tagline").
        QStringList parts { m_title };
        for (const QString &mark : siteSeparators()) {
            for (qsizetype at = m_title.indexOf(mark); at > 0 && parts.size() < 32; at = m_title.indexOf(mark, at + 1))
                parts << m_title.left(at).trimmed() << m_title.mid(at + mark.size()).trimmed();
        }
        for (const QString &part : std::as_const(parts)) {
            if (isDamagedCopyKey(chosenKey, key(part))) {
                chosen.title = part;
                chosen.via = FoundVia::code(TitleSource::Title);
                return chosen;
            }
        }
        return chosen;
    }

    Headline answer(Headline base, const QString &text) const
    {
        base.title = text;
        base.via = FoundVia::join(sources(text));
        if (base.via.isEmpty())
            base.via = FoundVia::code(TitleSource::Title);
        return base;
    }

    SiteNames m_names;
    QSet<QString> m_chain; // keys of the chain's titles
    QList<Candidate> m_candidates;
    QString m_title; // the page's <title>, site name removed
    QString m_titleKey;
};

// The first <title> as a browser reads it: its bytes are text, "<T>" included, which libxml2
// 2.9 parses as markup instead. Empty when there is none or it is unreasonably long.
QString titleFromBytes(QByteArrayView utf8)
{
    const QByteArray bytes = utf8.toByteArray();
    const qsizetype open = indexOfTag(bytes, 0, "<title");
    if (open < 0)
        return {};
    const qsizetype start = bytes.indexOf('>', open);
    const qsizetype end = start < 0 ? -1 : indexOfTag(bytes, start, "</title");
    if (end < 0 || end - start > 2000)
        return {};
    return TextCleaner::clean(
        HtmlDocument::decodeEntities(QString::fromUtf8(bytes.sliced(start + 1, end - start - 1))));
}

// Whether "&lt;" (escaped markup, as in a heading "Vec&lt;T&gt;") occurs where the headline's
// sources are: the first 32 KB after <head> (HeadlineCutoff's margin). memchr finds the rare
// '&'; memmem and QByteArrayView::contains() cost a tenth of a farm article's extraction.
bool hasEscapedMarkup(QByteArrayView rest)
{
    constexpr qsizetype Reach = 32 * 1024;
    const char *at = rest.data();
    const char *end = at + std::min(rest.size(), Reach);
    while (at && at < end) {
        at = static_cast<const char *>(std::memchr(at, '&', size_t(end - at)));
        if (!at)
            return false;
        if (end - at >= 4 && at[1] == 'l' && at[2] == 't' && at[3] == ';')
            return true;
        ++at;
    }
    return false;
}

QStringList chainTitles(const HeadlineContext &context)
{
    QStringList keys;
    for (const QString &text : context.listing)
        keys.append(key(text));
    if (!context.feedTitle.isEmpty())
        keys.append(key(context.feedTitle));
    keys.removeAll(QString());
    return keys;
}

// The headline on @p doc: the page's first rule, then what the other candidates and the chain
// say about it (Vote). std::nullopt when @p prefix is set and the page's beginning cannot tell
// what the whole page would give.
std::optional<Headline> decide(const HtmlDocument &doc, const Prefix *prefix, const HeadlineContext &context,
                               QByteArrayView rest, QByteArrayView whole)
{
    if (prefix && prefix->openSignal)
        return std::nullopt;
    const PageNodes nodes = collect(doc);
    std::optional<Headline> base = firstRule(nodes, prefix);
    if (!base)
        return std::nullopt;
    const QStringList chain = chainTitles(context);
    if (prefix) {
        // The beginning answers only when nothing the rest holds could change the answer: the
        // chain agrees with it, or, without the chain, no heading below can be the fuller text
        // it was damaged from (escaped markup, as in "Vec&lt;T&gt;").
        // (Without the chain, metadata keeps its site name.) The chain may be damaged the same
        // way (jekyll-feed strips what jekyll-seo-tag strips). memmem: QByteArrayView::contains()
        // cost a tenth of the extraction.
        if (!chain.isEmpty() && !chain.contains(key(base->title)))
            return std::nullopt;
        if (hasEscapedMarkup(rest))
            return std::nullopt;
        return base;
    }
    Vote vote(siteNamesFor(context, ArticleRules::siteNames(doc)), chain);
    if (const std::optional<QString> jsonLd = jsonLdHeadline(nodes.scripts, base->rawTitle, nullptr))
        vote.add(*jsonLd, TitleSource::JsonLd);
    static const struct {
        std::initializer_list<const char *> keys;
        TitleSource source;
    } metaSources[] = {
        { { "og:title" }, TitleSource::OgTitle },
        { { "twitter:title" }, TitleSource::TwitterTitle },
        { { "dc:title", "dc.title", "dcterm:title", "dcterms:title", "dcterms.title" }, TitleSource::DcTitle },
        { { "parsely-title" }, TitleSource::ParselyTitle },
    };
    for (const auto &[keys, source] : metaSources) {
        if (const std::optional<QString> content = metaContent(nodes.metas, keys, nullptr))
            vote.add(*content, source);
    }
    for (xmlNode *node : nodes.entryHeadings)
        vote.add(HtmlDocument::text(node), TitleSource::EntryHeading);
    for (qsizetype i = 0; i < nodes.h1s.size() && i < 10; ++i)
        vote.add(HtmlDocument::text(nodes.h1s.at(i)), TitleSource::H1);
    if (!chain.isEmpty()) {
        // Only the chain's titles can be backed by a subheading (blosxom's <h3>).
        for (xmlNode *node : nodes.subheadings)
            vote.add(HtmlDocument::text(node), TitleSource::Heading);
    }
    for (const QString &text : context.listing)
        vote.add(text, TitleSource::Listing);
    vote.add(context.feedTitle, TitleSource::Feed);
    // A <title> whose "<T>" the parser took for markup: the bytes say more.
    QString title = base->rawTitle;
    if (!title.isEmpty()) {
        const QString fromBytes = titleFromBytes(whole);
        if (!fromBytes.isEmpty() && fromBytes != title && isDamagedCopy(title, fromBytes))
            title = fromBytes;
    }
    vote.setTitle(title);
    return vote.decide(*base, !chain.isEmpty());
}

// Where the page's <head> ends ("</head" up to its '>'), when that is early enough to be
// worth parsing on its own first; 0 otherwise.
qsizetype headEnd(const QByteArray &utf8)
{
    const qsizetype at = indexOfTag(utf8, 0, "</head");
    if (at < 0)
        return 0;
    const qsizetype end = utf8.indexOf('>', at);
    // A head that is most of the page is cheaper parsed once.
    if (end < 0 || end + 1 > utf8.size() * 2 / 3)
        return 0;
    // Without any of the metadata the beginning can answer with, it would only be parsed twice.
    // (A miss here costs nothing but time: the whole page is parsed, as it always was.)
    const QByteArrayView head = QByteArrayView(utf8).first(end + 1);
    static const std::pair<const char *, qsizetype> markers[] = {
        { "og:title", 2 }, { "ld+json", 2 },  { "twitter:title", 7 }, { "dc:title", 2 },      { "dc.title", 2 },
        { "dcterm:", 6 },  { "dcterms:", 7 }, { "dcterms.", 7 },      { "parsely-title", 7 },
    };
    for (const auto &[marker, anchor] : markers) {
        if (containsAnyCase(head, marker, anchor))
            return end + 1;
    }
    return 0;
}

} // namespace

Headline HeadlineExtractor::extract(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl,
                                    const HeadlineContext &context)
{
    QByteArray encoding;
    const QByteArray utf8 = HtmlDocument::decode(body, contentType, &encoding);
    // Most articles state their headline in <head> (JSON-LD, og:title): parse that alone first,
    // and the whole page only when its beginning cannot prove the answer.
    if (const qsizetype cut = headEnd(utf8); cut > 0) {
        const HtmlDocument head(utf8, cut, encoding, pageUrl);
        if (head.isValid()) {
            const Prefix prefix = prefixFacts(head, utf8, cut);
            if (std::optional<Headline> headline = decide(head, &prefix, context, QByteArrayView(utf8).sliced(cut), {}))
                return *headline;
        }
    }
    const HtmlDocument doc(utf8, utf8.size(), encoding, pageUrl);
    if (!doc.isValid())
        return {};
    return decide(doc, nullptr, context, {}, utf8).value_or(Headline());
}
