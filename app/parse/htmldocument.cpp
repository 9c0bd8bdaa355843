// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/htmldocument.h"

#include "parse/charsetdetector.h"
#include "parse/nodetext.h"
#include "parse/textcleaner.h"
#include "types/webaddress.h"

#include <libxml/xpathInternals.h>

#include <algorithm>
#include <limits>

namespace {

// XPath errors would otherwise go to libxml2's generic handler, i.e. stderr, per bad expression.
void ignoreXPathError(void *, xmlError *)
{ }

} // namespace

HtmlDocument::HtmlDocument(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl)
    : m_baseUrl(pageUrl)
{
    const QByteArray bytes = decode(body, contentType, &m_encoding);
    parse(bytes, bytes.size(), pageUrl);
}

HtmlDocument::HtmlDocument(const QByteArray &utf8, qsizetype length, const QByteArray &encoding, const QUrl &pageUrl)
    : m_encoding(encoding)
    , m_baseUrl(pageUrl)
{
    parse(utf8, std::clamp<qsizetype>(length, 0, utf8.size()), pageUrl);
}

QByteArray HtmlDocument::decode(const QByteArray &body, const QByteArray &contentType, QByteArray *encoding)
{
    *encoding = CharsetDetector::detect(contentType, body);
    if (body.isEmpty() || body.size() > std::numeric_limits<int>::max())
        return {};
    // libxml2 only ever sees well-formed UTF-8: on a bad byte it would either stop (iconv
    // encodings) or silently switch the rest of the page to Latin-1 (UTF-8).
    return CharsetDetector::toUtf8(body, *encoding);
}

void HtmlDocument::parse(const QByteArray &bytes, qsizetype length, const QUrl &pageUrl)
{
    if (length <= 0 || length > std::numeric_limits<int>::max())
        return;
    LibXml::ensureInitialized();
    const QByteArray url = pageUrl.toEncoded();
    m_doc.reset(htmlReadMemory(bytes.constData(), static_cast<int>(length), url.isEmpty() ? nullptr : url.constData(),
                               "UTF-8", ParseOptions));
    if (!m_doc)
        return;
    // The first <base href> in document order (//base[@href]), found without an XPath.
    xmlNode *base = nullptr;
    forEachDescendant(reinterpret_cast<xmlNode *>(m_doc.get()), [&](xmlNode *element) {
        if (!base && xmlStrEqual(element->name, LibXml::xc("base")) && findAttribute(element, "href"))
            base = element;
    });
    if (base)
        m_baseUrl = baseUrlFrom(pageUrl, attribute(base, "href"));
}

QUrl HtmlDocument::baseUrlFrom(const QUrl &pageUrl, const QString &href)
{
    const QUrl resolved = pageUrl.resolved(QUrl(href.trimmed(), QUrl::TolerantMode));
    return resolved.isValid() && !resolved.isRelative() ? resolved : pageUrl;
}

xmlNode *HtmlDocument::root() const
{
    return m_doc ? xmlDocGetRootElement(m_doc.get()) : nullptr;
}

std::optional<LibXml::XPathObjectPtr> HtmlDocument::evaluate(const QString &xpath, xmlNode *context) const
{
    const LibXml::XPathContextPtr ctx(xmlXPathNewContext(m_doc.get()));
    if (!ctx)
        return std::nullopt;
    ctx->error = ignoreXPathError;
    ctx->node = context ? context : reinterpret_cast<xmlNode *>(m_doc.get());
    const QByteArray expr = xpath.toUtf8();
    const LibXml::XPathCompExprPtr compiled(xmlXPathCtxtCompile(ctx.get(), LibXml::xc(expr.constData())));
    if (!compiled)
        return std::nullopt;
    LibXml::XPathObjectPtr result(xmlXPathCompiledEval(compiled.get(), ctx.get()));
    if (!result)
        return std::nullopt;
    return result;
}

std::optional<QList<xmlNode *>> HtmlDocument::nodes(const QString &xpath, xmlNode *context) const
{
    if (!m_doc)
        return QList<xmlNode *>();
    const std::optional<LibXml::XPathObjectPtr> evaluated = evaluate(xpath, context);
    if (!evaluated)
        return std::nullopt;
    const LibXml::XPathObjectPtr &result = *evaluated;
    QList<xmlNode *> out;
    if (result->type == XPATH_NODESET && result->nodesetval) {
        const xmlNodeSet *set = result->nodesetval;
        out.reserve(set->nodeNr);
        for (int i = 0; i < set->nodeNr; ++i) {
            if (set->nodeTab[i] && set->nodeTab[i]->type != XML_NAMESPACE_DECL)
                out.append(set->nodeTab[i]);
        }
    }
    return out;
}

QList<xmlNode *> HtmlDocument::select(const char *xpath, xmlNode *context) const
{
    return nodes(QString::fromUtf8(xpath), context).value_or(QList<xmlNode *>());
}

std::optional<QStringList> HtmlDocument::strings(const QString &xpath, xmlNode *context) const
{
    if (!m_doc)
        return QStringList();
    const std::optional<LibXml::XPathObjectPtr> evaluated = evaluate(xpath, context);
    if (!evaluated)
        return std::nullopt;
    const LibXml::XPathObjectPtr &result = *evaluated;
    QStringList out;
    switch (result->type) {
    case XPATH_NODESET:
        if (result->nodesetval) {
            for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
                xmlNode *node = result->nodesetval->nodeTab[i];
                if (!node || node->type == XML_NAMESPACE_DECL)
                    continue;
                if (node->type == XML_ELEMENT_NODE)
                    out.append(text(node));
                else
                    out.append(TextCleaner::collapseWhitespace(LibXml::takeQString(xmlNodeGetContent(node))));
            }
        }
        break;
    case XPATH_STRING:
    case XPATH_NUMBER:
    case XPATH_BOOLEAN:
        out.append(TextCleaner::collapseWhitespace(LibXml::takeQString(xmlXPathCastToString(result.get()))));
        break;
    default:
        break;
    }
    return out;
}

QString HtmlDocument::name(const xmlNode *node)
{
    if (!node || node->type != XML_ELEMENT_NODE || !node->name)
        return {};
    return LibXml::toQString(node->name).toLower();
}

QString HtmlDocument::text(const xmlNode *node)
{
    if (!node)
        return {};
    QString out;
    if (node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)
        NodeText::append(node, out, NodeText::Html);
    else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        out = LibXml::toQString(node->content);
    return TextCleaner::collapseWhitespace(out);
}

QString HtmlDocument::attribute(const xmlNode *node, const char *name)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return {};
    // HTML attribute names are case-insensitive; the parser lowercases them, so a plain lookup works.
    for (const xmlAttr *attr = node->properties; attr; attr = attr->next) {
        if (attr->name && xmlStrcasecmp(attr->name, LibXml::xc(name)) == 0) {
            QString value;
            for (const xmlNode *child = attr->children; child; child = child->next) {
                if (child->type == XML_TEXT_NODE)
                    value += LibXml::toQString(child->content);
            }
            return value.isNull() ? QString(QLatin1String("")) : value;
        }
    }
    return {};
}

bool HtmlDocument::hasToken(const xmlNode *node, const char *attributeName, const QString &token)
{
    return valueHasToken(attribute(node, attributeName), token);
}

bool HtmlDocument::valueHasToken(const QString &value, const QString &token)
{
    if (value.isEmpty())
        return false;
    const auto words = QStringView(value).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QStringView word : words) {
        if (word.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    // Tabs and newlines separate tokens too; rare enough to take the slow path.
    if (value.contains(QLatin1Char('\t')) || value.contains(QLatin1Char('\n'))) {
        const QString collapsed = TextCleaner::collapseWhitespace(value);
        for (QStringView word : QStringView(collapsed).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (word.compare(token, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool HtmlDocument::hasToken(const xmlNode *node, const char *attributeName, const char *token)
{
    return hasAnyToken(node, attributeName, &token, 1);
}

bool HtmlDocument::hasAnyToken(const xmlNode *node, const char *attributeName, const char *const *tokens,
                               std::size_t count)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return false;
    // The attribute attribute() would read: first of that name, case-insensitively.
    const xmlAttr *attr = node->properties;
    while (attr && !(attr->name && xmlStrcasecmp(attr->name, LibXml::xc(attributeName)) == 0))
        attr = attr->next;
    if (!attr)
        return false;
    // The usual value is one text child, whose content is the value; anything else is joined.
    const xmlNode *child = attr->children;
    if (child && !child->next && child->type == XML_TEXT_NODE && child->content)
        return valueHasAnyToken(child->content, tokens, count);
    const QString value = attribute(node, attributeName);
    for (std::size_t i = 0; i < count; ++i) {
        if (valueHasToken(value, QString::fromLatin1(tokens[i])))
            return true;
    }
    return false;
}

bool HtmlDocument::valueHasToken(const xmlChar *value, const char *token)
{
    return valueHasAnyToken(value, &token, 1);
}

bool HtmlDocument::valueHasAnyToken(const xmlChar *value, const char *const *tokens, std::size_t count)
{
    // Fast path for the usual value, printable ASCII (no controls, no non-ASCII): then the
    // QString version's words are exactly the space-separated runs, and its case-insensitive
    // comparison is ASCII's. Anything else takes the QString version.
    bool ascii = true;
    for (const xmlChar *p = value; p && *p && ascii; ++p)
        ascii = *p >= 0x20 && *p < 0x7F;
    if (!ascii) {
        const QString text = LibXml::toQString(value);
        return std::any_of(tokens, tokens + count,
                           [&](const char *token) { return valueHasToken(text, QString::fromLatin1(token)); });
    }
    const char *p = value ? reinterpret_cast<const char *>(value) : "";
    while (*p) {
        while (*p == ' ')
            ++p;
        const char *start = p;
        while (*p && *p != ' ')
            ++p;
        const std::size_t length = std::size_t(p - start);
        for (std::size_t i = 0; i < count && length; ++i) {
            if (qstrlen(tokens[i]) == length && qstrnicmp(start, tokens[i], length) == 0)
                return true;
        }
    }
    return false;
}

bool HtmlDocument::isNamed(const xmlNode *node, const char *lowercaseName)
{
    if (!node || node->type != XML_ELEMENT_NODE || !node->name)
        return false;
    return isElementName(node->name, lowercaseName);
}

bool HtmlDocument::isElementName(const xmlChar *name, const char *lowercaseName)
{
    for (const xmlChar *p = name; *p; ++p) {
        if (*p >= 0x80) // toLower() maps some non-ASCII letters to ASCII ones: ask it
            return LibXml::toQString(name).toLower() == QLatin1String(lowercaseName);
    }
    return xmlStrcasecmp(name, LibXml::xc(lowercaseName)) == 0;
}

xmlNode *HtmlDocument::closest(xmlNode *node, const char *elementName)
{
    for (; node; node = node->parent) {
        if (node->type == XML_ELEMENT_NODE && node->name && xmlStrcasecmp(node->name, LibXml::xc(elementName)) == 0)
            return node;
    }
    return nullptr;
}

const xmlAttr *HtmlDocument::findAttribute(const xmlNode *node, const char *name)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return nullptr;
    for (const xmlAttr *attr = node->properties; attr; attr = attr->next) {
        if (attr->name && xmlStrEqual(attr->name, LibXml::xc(name)))
            return attr;
    }
    return nullptr;
}

bool HtmlDocument::hasXPathToken(const xmlNode *node, const char *attributeName, const char *token, bool asciiLowercase)
{
    const xmlAttr *attr = findAttribute(node, attributeName);
    if (!attr)
        return false;
    // An attribute's value is its text children's concatenation (xmlNodeGetContent); the parser
    // makes one child, the loop keeps the exact meaning for any other shape.
    if (attr->children && !attr->children->next && attr->children->type == XML_TEXT_NODE)
        return valueHasXPathToken(attr->children->content, token, asciiLowercase);
    QByteArray joined;
    for (const xmlNode *child = attr->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE && child->content)
            joined += reinterpret_cast<const char *>(child->content);
    }
    return valueHasXPathToken(LibXml::xc(joined.constData()), token, asciiLowercase);
}

bool HtmlDocument::valueHasXPathToken(const xmlChar *value, const char *token, bool asciiLowercase)
{
    const auto isXPathSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    const qsizetype tokenLength = qsizetype(qstrlen(token));
    const char *p = value ? reinterpret_cast<const char *>(value) : "";
    while (*p) {
        while (*p && isXPathSpace(*p))
            ++p;
        const char *start = p;
        while (*p && !isXPathSpace(*p))
            ++p;
        if (p - start != tokenLength)
            continue;
        bool same = true;
        for (qsizetype i = 0; i < tokenLength && same; ++i) {
            char c = start[i];
            if (asciiLowercase && c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            same = c == token[i];
        }
        if (same)
            return true;
    }
    return false;
}

QUrl HtmlDocument::resolve(const QString &href) const
{
    return resolveAgainst(m_baseUrl, href);
}

QUrl HtmlDocument::resolveAgainst(const QUrl &base, const QString &href)
{
    // Browsers strip leading/trailing whitespace and drop tabs/newlines inside URLs.
    QString cleaned = href.trimmed();
    cleaned.remove(QLatin1Char('\n'));
    cleaned.remove(QLatin1Char('\r'));
    cleaned.remove(QLatin1Char('\t'));
    if (cleaned.isEmpty() || cleaned.startsWith(QLatin1Char('#'))
        || cleaned.startsWith(QLatin1String("javascript:"), Qt::CaseInsensitive))
        return {};
    const QUrl relative(cleaned, QUrl::TolerantMode);
    if (!relative.isValid())
        return {};
    QUrl url = base.isEmpty() ? relative : base.resolved(relative);
    if (!WebAddress::isFetchable(url))
        return {};
    url.setFragment(QString());
    return url;
}

QString HtmlDocument::decodeEntities(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return TextCleaner::collapseWhitespace(text);
    // Escaping '<' first means the HTML parser sees only text and references, so it decodes the
    // references (all HTML named entities included) and nothing else.
    QString escaped = text;
    escaped.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    return fragmentText(escaped);
}

QString HtmlDocument::fragmentText(const QString &html)
{
    if (!html.contains(QLatin1Char('<')) && !html.contains(QLatin1Char('&')))
        return TextCleaner::collapseWhitespace(html);
    // Wrapped in a known element so the text is found in one place whatever the fragment holds.
    const QByteArray bytes
        = QByteArrayLiteral("<html><body><div>") + html.toUtf8() + QByteArrayLiteral("</div></body></html>");
    const HtmlDocument doc(bytes, QByteArrayLiteral("text/html; charset=utf-8"), QUrl());
    const QList<xmlNode *> divs = doc.select("/html/body/div");
    return divs.isEmpty() ? QString() : text(divs.constFirst());
}
