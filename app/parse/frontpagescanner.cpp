// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/frontpagescanner.h"

#include "parse/htmldocument.h"
#include "parse/libxmlptr.h"
#include "parse/postcontainer.h"
#include "parse/postdate.h"
#include "parse/textcleaner.h"

#include <QByteArrayMatcher>
#include <QHash>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <vector>

namespace {

// Nested post containers each collect the dates of everything below them. A hostile page of
// thousands of nested <div itemscope> would make that quadratic; past this many open at once the
// pass gives up and the tree's rules (which bound their own work) answer instead.
constexpr std::size_t MaxOpenContainers = 64;

// The scanner's view of one element, as the parser reports it to startElement(): its name and
// its attributes as (name, value) pairs, value null for a bare attribute. libxml2's tree builder
// makes exactly these into the nodes TreeElement reads (a bare attribute becomes one without
// text, whose value reads as ""), so both views answer alike.
class EventElement final
{
public:
    EventElement(const xmlChar *name, const xmlChar **attributes)
        : m_name(name)
        , m_attributes(attributes)
    { }
    bool isNamed(const char *name) const { return xmlStrEqual(m_name, LibXml::xc(name)); }
    xmlChar firstLetter() const { return m_name[0]; }
    /// h1-h6 in any case, as isNamedLoosely() compares.
    bool isHeading() const
    {
        return (m_name[0] == 'h' || m_name[0] == 'H') && m_name[1] >= '1' && m_name[1] <= '6' && m_name[2] == 0;
    }
    bool isNamedLoosely(const char *name) const { return HtmlDocument::isElementName(m_name, name); }
    bool has(const char *attribute) const { return find(attribute, false) != nullptr; }
    bool hasLoosely(const char *attribute) const { return find(attribute, true) != nullptr; }
    QString value(const char *attribute) const
    {
        const xmlChar *const *pair = find(attribute, true);
        return pair && pair[1] ? LibXml::toQString(pair[1]) : QString(QLatin1String(""));
    }
    template<std::size_t N> bool hasAnyToken(const char *attribute, const std::array<const char *, N> &tokens) const
    {
        const xmlChar *const *pair = find(attribute, true);
        return pair && HtmlDocument::valueHasAnyToken(pair[1], tokens.data(), N);
    }
    bool hasXPathToken(const char *attribute, const char *token, bool asciiLowercase = false) const
    {
        const xmlChar *const *pair = find(attribute, false);
        return pair && HtmlDocument::valueHasXPathToken(pair[1], token, asciiLowercase);
    }

private:
    // The first pair whose name is @p attribute (XPath's exact match, or case-insensitively
    // like HtmlDocument::attribute()).
    const xmlChar *const *find(const char *attribute, bool loosely) const
    {
        const auto folded = [](xmlChar c) { return c >= 'A' && c <= 'Z' ? xmlChar(c - 'A' + 'a') : c; };
        const xmlChar first = folded(xmlChar(attribute[0]));
        for (const xmlChar **pair = m_attributes; pair && pair[0]; pair += 2) {
            if (loosely ? folded(pair[0][0]) == first && xmlStrcasecmp(pair[0], LibXml::xc(attribute)) == 0
                        : xmlStrEqual(pair[0], LibXml::xc(attribute)))
                return pair;
        }
        return nullptr;
    }

    const xmlChar *m_name;
    const xmlChar **m_attributes;
};

class Scanner final
{
public:
    explicit Scanner(const QUrl &pageUrl)
        : m_pageUrl(pageUrl)
    { }

    FrontPageScan run(const QByteArray &utf8, qsizetype length)
    {
        FrontPageScan scan;
        if (length <= 0 || length > utf8.size() || length > std::numeric_limits<int>::max())
            return scan;
        LibXml::ensureInitialized();
        const LibXml::HtmlParserCtxtPtr context(htmlNewParserCtxt());
        if (!context || !context->sax)
            return scan;
        // Only the element events: no tree, no text. The context frees its own handler struct,
        // so ours is copied into it rather than swapped for it.
        xmlSAXHandler handler;
        std::memset(&handler, 0, sizeof handler);
        handler.initialized = 1;
        handler.startElement = &Scanner::onStart;
        handler.endElement = &Scanner::onEnd;
        // Text only while a link or the <title> is open: the headline's and site's names.
        handler.characters = &Scanner::onText;
        handler.ignorableWhitespace = &Scanner::onText;
        *context->sax = handler;
        context->userData = this;
        m_context = context.get();
        // htmlReadMemory()'s own steps, so that the parser sees what HtmlDocument's sees.
        const QByteArray url = m_pageUrl.toEncoded();
        const LibXml::DocPtr noDocument(htmlCtxtReadMemory(context.get(), utf8.constData(), static_cast<int>(length),
                                                           url.isEmpty() ? nullptr : url.constData(), "UTF-8",
                                                           HtmlDocument::ParseOptions));
        m_context = nullptr;
        if (m_gaveUp)
            return scan;
        scan.complete = true;
        scan.baseUrl = m_baseUrl.isNull() ? m_pageUrl : HtmlDocument::baseUrlFrom(m_pageUrl, m_baseUrl);
        for (const auto &[href, type] : std::as_const(m_alternates))
            ArticleRules::addFeedLink(scan.feedLinks, scan.baseUrl, href, type);
        QHash<QUrl, qsizetype> seen;
        for (const Link &link : std::as_const(m_bookmarks)) {
            const QUrl url = HtmlDocument::resolveAgainst(scan.baseUrl, link.href);
            if (url.isEmpty())
                continue;
            const QString text = TextCleaner::collapseWhitespace(link.text);
            auto it = seen.constFind(url);
            if (it == seen.constEnd()) {
                it = seen.insert(url, scan.bookmarks.size());
                scan.bookmarks.append(
                    { url, link.container < 0 ? QDateTime() : m_dates.at(std::size_t(link.container)).date(), {} });
            }
            QStringList &texts = scan.bookmarks[*it].texts;
            if (!text.isEmpty() && text.size() <= 1000 && texts.size() < 3 && !texts.contains(text))
                texts.append(text);
        }
        scan.pageTitle = TextCleaner::clean(m_title);
        const auto addName = [&](const QString &text) {
            const QString clean = TextCleaner::clean(text);
            if (!clean.isEmpty() && clean.size() <= 200 && !scan.siteNames.contains(clean) && scan.siteNames.size() < 8)
                scan.siteNames.append(clean);
        };
        const QString basePath = scan.baseUrl.adjusted(QUrl::StripTrailingSlash).path();
        for (const Named &named : std::as_const(m_names)) {
            if (!named.href.isNull()) {
                const QUrl url = HtmlDocument::resolveAgainst(scan.baseUrl, named.href);
                if (url.isEmpty() || url.host().compare(scan.baseUrl.host(), Qt::CaseInsensitive) != 0)
                    continue;
                const QString path = url.adjusted(QUrl::StripTrailingSlash).path();
                if (!(path.isEmpty() || path == QLatin1String("/") || path == basePath))
                    continue;
            }
            addName(named.text);
        }
        return scan;
    }

private:
    static void onStart(void *self, const xmlChar *name, const xmlChar **attributes)
    {
        static_cast<Scanner *>(self)->start(name, attributes);
    }
    static void onEnd(void *self, const xmlChar *) { static_cast<Scanner *>(self)->end(); }
    static void onText(void *self, const xmlChar *text, int length)
    {
        auto *scanner = static_cast<Scanner *>(self);
        if (scanner->m_capturing > 0 && !scanner->m_gaveUp)
            scanner->text(text, length);
    }

    void text(const xmlChar *text, int length)
    {
        const QString piece = QString::fromUtf8(reinterpret_cast<const char *>(text), length);
        for (const Open &open : m_open) {
            if (open.capture == Capture::Title && m_title.size() < 2000)
                m_title += piece;
            else if (open.capture == Capture::Bookmark && m_bookmarks[open.record].text.size() < 2000)
                m_bookmarks[open.record].text += piece;
            else if (open.capture == Capture::Name && m_names[open.record].text.size() < 400)
                m_names[open.record].text += piece;
        }
    }

    void start(const xmlChar *name, const xmlChar **attributes)
    {
        if (m_gaveUp || !name)
            return;
        const EventElement element(name, attributes);
        // Below every open container: its date walk reaches this element (document order).
        for (const int container : m_openContainers) {
            PostDate &date = m_dates.at(std::size_t(container));
            if (date.wantsMore())
                date.add(element);
        }
        Open open;
        open.endsSearch = PostContainer::endsSearch(element);
        if (!open.endsSearch && PostContainer::is(element)) {
            if (m_openContainers.size() >= MaxOpenContainers) {
                giveUp();
                return;
            }
            open.container = int(m_dates.size());
            m_dates.emplace_back();
            m_openContainers.push_back(open.container);
        }
        m_open.push_back(open);

        if (m_baseUrl.isNull() && element.isNamed("base") && element.has("href"))
            m_baseUrl = element.value("href");
        if (ArticleRules::isAlternateLink(element))
            m_alternates.append({ element.value("href"), element.value("type") });
        if (ArticleRules::isBookmarkLink(element)) {
            m_open.back().capture = Capture::Bookmark;
            m_open.back().record = m_bookmarks.size();
            m_bookmarks.append({ element.value("href"), nearestContainer(), {} });
            ++m_capturing;
        }
        namesOf(element);
    }

    // ArticleRules::siteNames() and pageTitle(), from the events.
    void namesOf(const EventElement &element)
    {
        Open &open = m_open.back();
        const xmlChar first = element.firstLetter();
        if (first == 's' && element.isNamed("svg")) {
            open.svg = true;
            ++m_svg;
        } else if (element.isHeading() || element.hasAnyToken("class", SiteClasses)) {
            open.heading = true;
            ++m_headings;
        } else if (first == 't' && !m_titleSeen && m_svg == 0 && element.isNamed("title")) {
            m_titleSeen = true;
            open.capture = Capture::Title;
            ++m_capturing;
        } else if (first == 'm' && element.isNamed("meta")) {
            if (element.hasAnyToken("property", SiteMetas) || element.hasAnyToken("name", SiteMetas))
                m_names.append({ QString(), element.value("content") });
        } else if (first == 'a' && open.capture == Capture::None && element.isNamed("a")) {
            const bool home = element.hasAnyToken("rel", std::array<const char *, 1> { "home" });
            if (home || (headingAround() && element.has("href"))) {
                open.capture = Capture::Name;
                open.record = m_names.size();
                m_names.append({ home ? QString() : element.value("href"), {} });
                ++m_capturing;
            }
        }
    }

    // A heading or site-title block among the SiteNameLevels elements around the link just opened.
    bool headingAround() const
    {
        if (m_headings == 0 || m_open.size() < 2)
            return false;
        int level = 0;
        for (auto it = m_open.crbegin() + 1; it != m_open.crend() && level < SiteNameRules::SiteNameLevels;
             ++it, ++level) {
            if (it->heading)
                return true;
        }
        return false;
    }

    void end()
    {
        if (m_gaveUp || m_open.empty())
            return;
        const Open &open = m_open.back();
        if (open.container >= 0)
            m_openContainers.pop_back();
        if (open.capture != Capture::None)
            --m_capturing;
        if (open.svg)
            --m_svg;
        if (open.heading)
            --m_headings;
        m_open.pop_back();
    }

    // The post container of the element just opened: itself or one of its nearest ancestors,
    // not beyond <body> (PostContainer). -1 when there is none.
    int nearestContainer() const
    {
        int level = 0;
        for (auto it = m_open.crbegin(); it != m_open.crend() && level < PostContainer::MaxLevels; ++it, ++level) {
            if (it->endsSearch)
                return -1;
            if (it->container >= 0)
                return it->container;
        }
        return -1;
    }

    void giveUp()
    {
        m_gaveUp = true;
        xmlStopParser(m_context);
    }

    enum class Capture : unsigned char { None, Title, Bookmark, Name };
    static constexpr std::array<const char *, 4> SiteClasses { "site-title", "site-name", "logo", "blog-title" };
    static constexpr std::array<const char *, 2> SiteMetas { "og:site_name", "application-name" };

    struct Open {
        int container = -1; ///< index into m_dates when the element is a post container
        bool endsSearch = false;
        bool svg = false;
        bool heading = false; ///< a heading or a site-title block: its home link names the site
        Capture capture = Capture::None; ///< whose text this element's text is
        qsizetype record = -1; ///< index into m_bookmarks or m_names
    };
    struct Link {
        QString href;
        int container;
        QString text;
    };
    struct Named {
        QString href; ///< null: a name as it is (meta, rel=home); else only when it leads home
        QString text;
    };
    struct Alternate {
        QString href;
        QString type;
    };

    QUrl m_pageUrl;
    xmlParserCtxt *m_context = nullptr;
    bool m_gaveUp = false;
    std::vector<Open> m_open; // the elements open at this point of the page, outermost first
    std::vector<int> m_openContainers; // those that are post containers
    std::vector<PostDate> m_dates; // one per post container met, in document order
    QString m_baseUrl; // the first <base href>, null when none
    QList<Alternate> m_alternates;
    QList<Link> m_bookmarks;
    QList<Named> m_names;
    QString m_title;
    bool m_titleSeen = false;
    int m_capturing = 0; // open elements whose text is wanted
    int m_svg = 0;
    int m_headings = 0;
};

} // namespace

FrontPageScan FrontPageScanner::scan(const QByteArray &utf8, qsizetype length, const QUrl &pageUrl)
{
    Scanner scanner(pageUrl);
    return scanner.run(utf8, length);
}

bool FrontPageScanner::mayHaveBookmarks(const QByteArray &utf8, qsizetype length)
{
    // "bookmark", "Bookmark" or "BOOKMARK" inside a tag, after a "rel" of any case no further
    // back than a long rel value reaches. Pages that only say "bookmark" in text or in a share
    // button's class would otherwise pay for the scan and the tree. Any spelling this misses
    // makes the tree answer, correctly.
    constexpr qsizetype Reach = 80;
    static const QByteArrayMatcher lower("ookmark");
    static const QByteArrayMatcher upper("OOKMARK");
    const QByteArrayView bytes(utf8.constData(), std::clamp<qsizetype>(length, 0, utf8.size()));
    const auto afterRel = [&](qsizetype at) {
        if (at < 1 || (bytes[at - 1] != 'b' && bytes[at - 1] != 'B'))
            return false;
        for (qsizetype i = at - 2; i >= 2 && i > at - Reach; --i) {
            const char c = bytes[i];
            if (c == '<' || c == '>')
                return false;
            if ((c == 'l' || c == 'L') && (bytes[i - 1] == 'e' || bytes[i - 1] == 'E')
                && (bytes[i - 2] == 'r' || bytes[i - 2] == 'R'))
                return true;
        }
        return false;
    };
    for (const QByteArrayMatcher *matcher : { &lower, &upper }) {
        for (qsizetype at = matcher->indexIn(bytes); at >= 0; at = matcher->indexIn(bytes, at + 1)) {
            if (afterRel(at))
                return true;
        }
    }
    return false;
}
