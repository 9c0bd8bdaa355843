// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/feedreader.h"

#include "parse/charsetdetector.h"
#include "parse/datetimeparser.h"
#include "parse/htmldocument.h"
#include "parse/libxmlptr.h"
#include "parse/nodetext.h"
#include "parse/textcleaner.h"

#include <QRegularExpression>

#include <libxml/entities.h>

#include <algorithm>
#include <cctype>
#include <limits>

namespace {

// Untrusted XML: no network, and neither XML_PARSE_NOENT (entity substitution, which would read
// external entities such as file:///etc/passwd) nor XML_PARSE_DTDLOAD; XML_PARSE_HUGE stays off
// so libxml2's entity-amplification limits ("billion laughs") stay on.
// IGNORE_ENC: the bytes are transcoded to UTF-8 before libxml2 sees them (see read()).
constexpr int XmlOptions
    = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC;

constexpr int MaxDepth = 64; // entries sit at depth 2-3; deeper nesting is not a feed's
constexpr int MaxEntries = 10000; // more than any real feed, fewer than a hostile one

const char *const CoreNamespaces[] = {
    "http://www.w3.org/2005/Atom",      "http://purl.org/atom/ns#",
    "http://purl.org/rss/1.0/",         "http://my.netscape.com/rdf/simple/0.9/",
    "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
    "http://purl.org/net/rss1.1#",
};
constexpr const char *DcNamespace = "http://purl.org/dc/elements/1.1/";
constexpr const char *DcTermsNamespace = "http://purl.org/dc/terms/";
constexpr const char *MediaNamespace = "http://search.yahoo.com/mrss/";
constexpr const char *FeedBurnerNamespace = "http://rssnamespace.org/feedburner/ext/1.0";
constexpr const char *RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

bool isCore(const xmlNode *node)
{
    if (!node->ns || !node->ns->href)
        return true;
    for (const char *ns : CoreNamespaces) {
        if (xmlStrcmp(node->ns->href, LibXml::xc(ns)) == 0)
            return true;
    }
    return false;
}

bool inNamespace(const xmlNode *node, const char *ns)
{
    return node->ns && node->ns->href && xmlStrcmp(node->ns->href, LibXml::xc(ns)) == 0;
}

// Element names are case-sensitive in XML, but Microsoft's CDF writes ITEM/TITLE/HREF.
bool isCoreElement(const xmlNode *node, const char *localName)
{
    return node && node->type == XML_ELEMENT_NODE && node->name && isCore(node)
        && xmlStrcasecmp(node->name, LibXml::xc(localName)) == 0;
}

bool isElementIn(const xmlNode *node, const char *ns, const char *localName)
{
    return node && node->type == XML_ELEMENT_NODE && node->name && inNamespace(node, ns)
        && xmlStrcmp(node->name, LibXml::xc(localName)) == 0;
}

QString attribute(const xmlNode *node, const char *name)
{
    for (const xmlAttr *attr = node->properties; attr; attr = attr->next) {
        // Only un-namespaced attributes: xml:base or rdf:* of the same local name mean other things.
        if (attr->name && !attr->ns && xmlStrcasecmp(attr->name, LibXml::xc(name)) == 0) {
            QString value;
            for (const xmlNode *child = attr->children; child; child = child->next) {
                if (child->type == XML_TEXT_NODE)
                    value += LibXml::toQString(child->content);
            }
            return value;
        }
    }
    return {};
}

// Text content without ever expanding external entities or nested entity references (see
// NodeText::xml()).
QString xmlText(const xmlDoc *doc, const xmlNode *node)
{
    QString out;
    NodeText::append(node, out, NodeText::xml(doc));
    return out;
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':'
        || static_cast<unsigned char>(c) >= 0x80;
}

// Length of a well-formed reference at @p at ("&amp;", "&#38;", "&#x26;"), 0 when it is not one.
qsizetype referenceLength(const QByteArray &bytes, qsizetype at)
{
    qsizetype i = at + 1;
    const qsizetype limit = std::min(bytes.size(), at + 40);
    if (i < limit && bytes.at(i) == '#') {
        ++i;
        const bool hex = i < limit && bytes.at(i) == 'x';
        if (hex)
            ++i;
        const qsizetype digits = i;
        while (i < limit
               && (hex ? std::isxdigit(static_cast<unsigned char>(bytes.at(i)))
                       : std::isdigit(static_cast<unsigned char>(bytes.at(i)))))
            ++i;
        return (i > digits && i < limit && bytes.at(i) == ';') ? i - at + 1 : 0;
    }
    const qsizetype name = i;
    while (i < limit && isNameChar(bytes.at(i)))
        ++i;
    return (i > name && i < limit && bytes.at(i) == ';') ? i - at + 1 : 0;
}

// The most common feed breakage: a bare '&' in a link ("?a=1&b=2") or "&#X41;". Recovery mode
// would silently drop text there, so such ampersands are escaped before parsing; CDATA sections,
// comments and the DOCTYPE are left alone. Only for ASCII-compatible bytes (not UTF-16).
QByteArray repairAmpersands(const QByteArray &body)
{
    if (!body.contains('&') || body.left(4).contains('\0'))
        return body;
    QByteArray out;
    out.reserve(body.size() + 64);
    qsizetype i = 0;
    const auto copyThrough = [&](const char *end) {
        const qsizetype stop = body.indexOf(end, i);
        const qsizetype next = stop < 0 ? body.size() : stop + qsizetype(qstrlen(end));
        out.append(body.constData() + i, next - i);
        i = next;
    };
    while (i < body.size()) {
        const char c = body.at(i);
        if (c == '<' && body.mid(i, 9) == "<![CDATA[") {
            copyThrough("]]>");
        } else if (c == '<' && body.mid(i, 4) == "<!--") {
            copyThrough("-->");
        } else if (c == '<' && body.mid(i, 9) == "<!DOCTYPE") {
            // Look for the internal subset's '[' only up to the first '>': searching the rest of
            // the body for each "<!DOCTYPE" made a body full of them quadratic (15 s for 300 KB).
            const qsizetype close = body.indexOf('>', i);
            const QByteArrayView declaration = QByteArrayView(body).sliced(i, (close < 0 ? body.size() : close) - i);
            copyThrough(declaration.contains('[') ? "]>" : ">");
        } else if (c == '&') {
            if (body.mid(i, 3) == "&#X") {
                out.append("&#x");
                i += 3;
            } else if (referenceLength(body, i) == 0) {
                out.append("&amp;");
                ++i;
            } else {
                out.append(c);
                ++i;
            }
        } else {
            out.append(c);
            ++i;
        }
    }
    return out;
}

// The encoding an XML document is in: byte-order mark, else the XML declaration, else UTF-8
// (XML's default), falling back to windows-1252 for undeclared bytes that are not UTF-8.
QByteArray xmlEncoding(const QByteArray &body)
{
    if (QByteArray bom = CharsetDetector::byteOrderMark(body); !bom.isEmpty())
        return bom;
    if (body.startsWith("<?xml")) {
        const qsizetype end = body.indexOf("?>");
        const QByteArray declaration = body.left(end < 0 || end > 300 ? 300 : end);
        const qsizetype at = declaration.indexOf("encoding");
        if (at >= 0) {
            const qsizetype open = declaration.indexOf('=', at);
            qsizetype i = open + 1;
            while (i > 0 && i < declaration.size()
                   && (declaration.at(i) == ' ' || declaration.at(i) == '"' || declaration.at(i) == '\''))
                ++i;
            qsizetype stop = i;
            while (stop < declaration.size() && declaration.at(stop) != '"' && declaration.at(stop) != '\''
                   && declaration.at(stop) != ' ')
                ++stop;
            const QByteArray encoding
                = open < 0 ? QByteArray() : CharsetDetector::supportedEncoding(declaration.mid(i, stop - i));
            if (!encoding.isEmpty())
                return encoding;
        }
    }
    return CharsetDetector::isValidUtf8(body) ? QByteArrayLiteral("UTF-8") : QByteArrayLiteral("windows-1252");
}

QList<const xmlNode *> children(const xmlNode *node)
{
    QList<const xmlNode *> out;
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            out.append(child);
    }
    return out;
}

QString titleText(const xmlDoc *doc, const xmlNode *title)
{
    const QString type = attribute(title, "type").trimmed().toLower();
    const QString mode = attribute(title, "mode").trimmed().toLower();
    if (mode == QLatin1String("base64") || type == QLatin1String("application/octet-stream")) {
        const QByteArray decoded = QByteArray::fromBase64(xmlText(doc, title).trimmed().toLatin1());
        const QString value = QString::fromUtf8(decoded);
        // Binary-typed titles say nothing about markup: sniff for tags as feedparser does.
        const QRegularExpression tag(QStringLiteral("</?[A-Za-z][^<>]*>"));
        const bool html = type.contains(QLatin1String("html"))
            || (!type.startsWith(QLatin1String("text/plain")) && value.contains(tag));
        return html ? TextCleaner::clean(HtmlDocument::fragmentText(value)) : TextCleaner::clean(value);
    }
    if (type == QLatin1String("xhtml") || type == QLatin1String("application/xhtml+xml")
        || mode == QLatin1String("xml"))
        return TextCleaner::clean(xmlText(doc, title)); // the <div>'s text: markup dropped, entities decoded
    if (type == QLatin1String("html") || type == QLatin1String("text/html") || mode == QLatin1String("escaped"))
        return TextCleaner::clean(HtmlDocument::fragmentText(xmlText(doc, title)));
    return TextCleaner::clean(xmlText(doc, title));
}

QUrl resolveLink(xmlDoc *doc, const xmlNode *node, const QString &href, const QUrl &feedUrl)
{
    // xmlNodeGetBase folds every xml:base from the node up, then the document URL (the feed URL).
    QUrl base = feedUrl;
    const QString xmlBase = LibXml::takeQString(xmlNodeGetBase(doc, node));
    if (!xmlBase.isEmpty()) {
        const QUrl parsed(xmlBase, QUrl::TolerantMode);
        base = feedUrl.isEmpty() ? parsed : feedUrl.resolved(parsed);
    }
    return HtmlDocument::resolveAgainst(base, href);
}

FeedEntry readEntry(xmlDoc *doc, const xmlNode *entry, const QUrl &feedUrl)
{
    FeedEntry out;
    QString dcTitle;
    QString mediaTitle;
    QUrl guidLink;
    QUrl originalLink;
    QUrl atomLink;
    QUrl rssLink;
    QDateTime published;
    QDateTime updated;
    bool haveTitle = false;
    for (const xmlNode *child : children(entry)) {
        if (isCoreElement(child, "title")) {
            if (!haveTitle) {
                out.title = titleText(doc, child);
                haveTitle = true;
            }
        } else if (isCoreElement(child, "link")) {
            const QString href = attribute(child, "href");
            if (!href.isNull()) {
                // Atom: the alternate link (rel absent means alternate).
                const QString rel = attribute(child, "rel").trimmed().toLower();
                if (atomLink.isEmpty()
                    && (rel.isEmpty() || rel == QLatin1String("alternate")
                        || rel == QLatin1String("http://www.iana.org/assignments/relation/alternate")))
                    atomLink = resolveLink(doc, child, href, feedUrl);
            } else if (rssLink.isEmpty()) {
                rssLink = resolveLink(doc, child, xmlText(doc, child), feedUrl);
            }
        } else if (isCoreElement(child, "guid")) {
            // isPermaLink defaults to true: an absent attribute means the guid is the article URL.
            if (attribute(child, "isPermaLink").trimmed().toLower() != QLatin1String("false") && guidLink.isEmpty())
                guidLink = resolveLink(doc, child, xmlText(doc, child), feedUrl);
        } else if (isCoreElement(child, "published") || isCoreElement(child, "issued")
                   || isCoreElement(child, "pubDate") || isCoreElement(child, "created")
                   || isElementIn(child, DcNamespace, "date") || isElementIn(child, DcTermsNamespace, "issued")
                   || isElementIn(child, DcTermsNamespace, "created")) {
            if (!published.isValid())
                published = DateTimeParser::parse(xmlText(doc, child));
        } else if (isCoreElement(child, "updated") || isCoreElement(child, "modified")
                   || isElementIn(child, DcTermsNamespace, "modified")) {
            if (!updated.isValid())
                updated = DateTimeParser::parse(xmlText(doc, child));
        } else if (isElementIn(child, DcNamespace, "title")) {
            if (dcTitle.isEmpty())
                dcTitle = TextCleaner::clean(xmlText(doc, child));
        } else if (isElementIn(child, FeedBurnerNamespace, "origLink")) {
            // FeedBurner rewrites <link> to a tracking redirect and keeps the article URL here.
            if (originalLink.isEmpty())
                originalLink = resolveLink(doc, child, xmlText(doc, child), feedUrl);
        } else if (isElementIn(child, MediaNamespace, "title")) {
            if (mediaTitle.isEmpty())
                mediaTitle = TextCleaner::clean(xmlText(doc, child));
        } else if (isElementIn(child, MediaNamespace, "group") || isElementIn(child, MediaNamespace, "content")) {
            for (const xmlNode *grandChild : children(child)) {
                if (isElementIn(grandChild, MediaNamespace, "title") && mediaTitle.isEmpty())
                    mediaTitle = TextCleaner::clean(xmlText(doc, grandChild));
            }
        }
    }
    if (out.title.isEmpty())
        out.title = !dcTitle.isEmpty() ? dcTitle : mediaTitle;
    out.link = !originalLink.isEmpty() ? originalLink
        : !rssLink.isEmpty()           ? rssLink
        : !atomLink.isEmpty()          ? atomLink
                                       : guidLink;
    if (out.link.isEmpty()) {
        // CDF puts the link in ITEM's HREF; RSS 1.0 items carry it in rdf:about too.
        const QString href = attribute(entry, "href");
        if (!href.isEmpty())
            out.link = resolveLink(doc, entry, href, feedUrl);
    }
    if (out.link.isEmpty()) {
        for (const xmlAttr *attr = entry->properties; attr; attr = attr->next) {
            if (attr->ns && attr->ns->href && xmlStrcmp(attr->ns->href, LibXml::xc(RdfNamespace)) == 0
                && xmlStrcmp(attr->name, LibXml::xc("about")) == 0 && attr->children)
                out.link = resolveLink(doc, entry, LibXml::toQString(attr->children->content), feedUrl);
        }
    }
    out.published = published.isValid() ? published : updated;
    return out;
}

void collectEntries(xmlDoc *doc, const xmlNode *node, const QUrl &feedUrl, QList<FeedEntry> &out, int depth)
{
    if (depth > MaxDepth)
        return;
    for (const xmlNode *child = node->children; child && out.size() < MaxEntries; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (isCoreElement(child, "item") || isCoreElement(child, "entry"))
            out.append(readEntry(doc, child, feedUrl)); // entries do not nest
        else
            collectEntries(doc, child, feedUrl, out, depth + 1);
    }
}

bool isFeedRoot(const xmlNode *root)
{
    return isCoreElement(root, "rss") || isCoreElement(root, "feed") || isCoreElement(root, "channel")
        || isElementIn(root, RdfNamespace, "RDF");
}

} // namespace

const FeedEntry *FeedContent::newest() const
{
    // Entries without a usable link cannot be followed; prefer those with one.
    const FeedEntry *best = nullptr;
    bool anyLink = false;
    for (const FeedEntry &entry : entries)
        anyLink = anyLink || entry.link.isValid();
    for (const FeedEntry &entry : entries) {
        if (anyLink && !entry.link.isValid())
            continue;
        if (!best)
            best = &entry;
        else if (entry.published.isValid() && (!best->published.isValid() || entry.published > best->published))
            best = &entry;
    }
    // Undated feeds keep document order (the first wins); otherwise the newest dated entry wins,
    // so an old item pinned to the top does not hide the latest post.
    return best;
}

FeedContent FeedReader::read(const QByteArray &body, const QUrl &feedUrl)
{
    FeedContent content;
    if (body.isEmpty() || body.size() > std::numeric_limits<int>::max())
        return content;
    const QByteArray url = feedUrl.toEncoded();
    // As for HTML: libxml2 gets well-formed UTF-8 only, so a bad byte costs one character
    // (U+FFFD), not the rest of the feed.
    const QByteArray bytes = repairAmpersands(CharsetDetector::toUtf8(body, xmlEncoding(body)));
    if (bytes.isEmpty() || bytes.size() > std::numeric_limits<int>::max())
        return content;
    LibXml::ensureInitialized();
    const LibXml::DocPtr doc(xmlReadMemory(bytes.constData(), static_cast<int>(bytes.size()),
                                           url.isEmpty() ? nullptr : url.constData(), "UTF-8", XmlOptions));
    if (!doc)
        return content;
    const xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!root || !isFeedRoot(root))
        return content;
    content.isFeed = true;
    // The title beside the entries: Atom's <feed><title>, RSS's <channel><title>.
    for (const xmlNode *parent : { root, static_cast<const xmlNode *>(nullptr) }) {
        if (!parent) {
            for (const xmlNode *child : children(root)) {
                if (isCoreElement(child, "channel"))
                    parent = child;
            }
        }
        for (const xmlNode *child : parent ? children(parent) : QList<const xmlNode *>()) {
            if (content.title.isEmpty() && isCoreElement(child, "title"))
                content.title = titleText(doc.get(), child);
        }
    }
    collectEntries(doc.get(), root, feedUrl, content.entries, 0);
    return content;
}

bool FeedReader::looksLikeFeed(const QByteArray &body, const QByteArray &contentType)
{
    Q_UNUSED(contentType) // servers label feeds as text/html and pages as rss; only the bytes tell
    // A view of the first 4 KB, not a copy: this runs on every front page.
    QByteArray head = QByteArray::fromRawData(body.constData(), std::min<qsizetype>(body.size(), 4096));
    if (CharsetDetector::byteOrderMark(head) == "UTF-8")
        head.remove(0, 3);
    qsizetype i = 0;
    // Skip the prolog: whitespace, <?xml ...?>, <?xml-stylesheet?>, comments, <!DOCTYPE>.
    while (i < head.size()) {
        const char c = head.at(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        if (c != '<')
            return false;
        if (head.mid(i, 4) == "<!--") {
            const qsizetype end = head.indexOf("-->", i + 4);
            if (end < 0)
                return false;
            i = end + 3;
            continue;
        }
        if (head.mid(i, 2) == "<?" || head.mid(i, 2) == "<!") {
            const qsizetype end = head.indexOf('>', i);
            if (end < 0)
                return false;
            i = end + 1;
            continue;
        }
        qsizetype end = i + 1;
        while (end < head.size() && head.at(end) != ' ' && head.at(end) != '>' && head.at(end) != '\t'
               && head.at(end) != '\r' && head.at(end) != '\n' && head.at(end) != '/')
            ++end;
        QByteArray name = head.mid(i + 1, end - i - 1).toLower();
        const qsizetype colon = name.indexOf(':');
        if (colon >= 0)
            name = name.mid(colon + 1);
        if (name == "rss" || name == "feed" || name == "rdf")
            return true;
        if (name == "channel") // Microsoft CDF
            return true;
        return false;
    }
    return false;
}
