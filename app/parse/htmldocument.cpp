// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/htmldocument.h"

#include "parse/charsetdetector.h"
#include "parse/textcleaner.h"

#include <libxml/xpathInternals.h>

#include <limits>

namespace {

constexpr int HtmlOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
    | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC; // IGNORE_ENC: our detected encoding wins over <meta>

// XPath errors would otherwise go to libxml2's generic handler, i.e. stderr, per bad expression.
void ignoreXPathError(void *, xmlError *) {}

bool isSkippedForText(const xmlNode *node)
{
    return node->type == XML_ELEMENT_NODE && node->name
        && (xmlStrcasecmp(node->name, LibXml::xc("script")) == 0 || xmlStrcasecmp(node->name, LibXml::xc("style")) == 0
            || xmlStrcasecmp(node->name, LibXml::xc("template")) == 0 || xmlStrcasecmp(node->name, LibXml::xc("noscript")) == 0);
}

void appendText(const xmlNode *node, QString &out, int depth)
{
    // Depth bound: pathological nesting must not blow the worker's stack (libxml2 caps at 256
    // for HTML anyway, the bound keeps that true whatever the parser allows).
    if (depth > 1024)
        return;
    for (const xmlNode *child = node->children; child; child = child->next) {
        switch (child->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            out += LibXml::toQString(child->content);
            break;
        case XML_ELEMENT_NODE:
            if (!isSkippedForText(child)) {
                // <br> separates words visually: keep them apart in the text too.
                if (xmlStrcasecmp(child->name, LibXml::xc("br")) == 0)
                    out += QLatin1Char(' ');
                appendText(child, out, depth + 1);
            }
            break;
        default:
            break;
        }
    }
}

} // namespace

HtmlDocument::HtmlDocument(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl)
    : m_encoding(CharsetDetector::detect(contentType, body))
    , m_baseUrl(pageUrl)
{
    if (body.isEmpty())
        return;
    QByteArray input = body;
    QByteArray inputEncoding = m_encoding;
    // libxml2 2.9 stops at the first byte its decoder rejects (and says so on stderr): decoding
    // here substitutes U+FFFD instead, as browsers do, and libxml2 only ever sees UTF-8.
    if (m_encoding != "UTF-8") {
        if (std::optional<QByteArray> utf8 = CharsetDetector::decodeToUtf8(body, m_encoding)) {
            input = std::move(*utf8);
            inputEncoding = QByteArrayLiteral("UTF-8");
        }
    }
    if (input.size() > std::numeric_limits<int>::max())
        return;
    const QByteArray url = pageUrl.toEncoded();
    m_doc.reset(htmlReadMemory(input.constData(), static_cast<int>(input.size()),
                               url.isEmpty() ? nullptr : url.constData(), inputEncoding.constData(), HtmlOptions));
    if (!m_doc)
        return;
    const QList<xmlNode *> bases = select("//base[@href]");
    if (!bases.isEmpty()) {
        const QString href = attribute(bases.constFirst(), "href").trimmed();
        const QUrl resolved = pageUrl.resolved(QUrl(href, QUrl::TolerantMode));
        if (resolved.isValid() && !resolved.isRelative())
            m_baseUrl = resolved;
    }
}

xmlNode *HtmlDocument::root() const
{
    return m_doc ? xmlDocGetRootElement(m_doc.get()) : nullptr;
}

std::optional<QList<xmlNode *>> HtmlDocument::nodes(const QString &xpath, xmlNode *context) const
{
    if (!m_doc)
        return QList<xmlNode *>();
    const LibXml::XPathContextPtr ctx(xmlXPathNewContext(m_doc.get()));
    if (!ctx)
        return std::nullopt;
    ctx->error = ignoreXPathError;
    ctx->node = context ? context : reinterpret_cast<xmlNode *>(m_doc.get());
    const QByteArray expr = xpath.toUtf8();
    const LibXml::XPathCompExprPtr compiled(xmlXPathCtxtCompile(ctx.get(), LibXml::xc(expr.constData())));
    if (!compiled)
        return std::nullopt;
    const LibXml::XPathObjectPtr result(xmlXPathCompiledEval(compiled.get(), ctx.get()));
    if (!result)
        return std::nullopt;
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
    const LibXml::XPathContextPtr ctx(xmlXPathNewContext(m_doc.get()));
    if (!ctx)
        return std::nullopt;
    ctx->error = ignoreXPathError;
    ctx->node = context ? context : reinterpret_cast<xmlNode *>(m_doc.get());
    const QByteArray expr = xpath.toUtf8();
    const LibXml::XPathCompExprPtr compiled(xmlXPathCtxtCompile(ctx.get(), LibXml::xc(expr.constData())));
    if (!compiled)
        return std::nullopt;
    const LibXml::XPathObjectPtr result(xmlXPathCompiledEval(compiled.get(), ctx.get()));
    if (!result)
        return std::nullopt;
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
        appendText(node, out, 0);
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
    const QString value = attribute(node, attributeName);
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

xmlNode *HtmlDocument::closest(xmlNode *node, const char *elementName)
{
    for (; node; node = node->parent) {
        if (node->type == XML_ELEMENT_NODE && node->name && xmlStrcasecmp(node->name, LibXml::xc(elementName)) == 0)
            return node;
    }
    return nullptr;
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
    const QString scheme = url.scheme().toLower();
    if ((scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty() || !url.isValid())
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
    const QByteArray bytes = QByteArrayLiteral("<html><body><div>") + html.toUtf8() + QByteArrayLiteral("</div></body></html>");
    const HtmlDocument doc(bytes, QByteArrayLiteral("text/html; charset=utf-8"), QUrl());
    const QList<xmlNode *> divs = doc.select("/html/body/div");
    return divs.isEmpty() ? QString() : text(divs.constFirst());
}
