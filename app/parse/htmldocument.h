// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parse/libxmlptr.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <cstddef>
#include <optional>

/// An HTML page parsed by libxml2's forgiving HTML parser, with the queries the rules need.
/// Owns the document; node pointers it hands out live as long as it does. Not shareable
/// between threads, but any number may exist on different threads at once.
class HtmlDocument final
{
public:
    /// The libxml2 options every HTML parse of the project uses (FrontPageScanner's too, so that
    /// its events are the ones this class builds its tree from).
    static constexpr int ParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC; // IGNORE_ENC: our detected encoding wins

    /// Parses @p body with the encoding CharsetDetector picks from @p contentType and the bytes.
    HtmlDocument(const QByteArray &body, const QByteArray &contentType, const QUrl &pageUrl);
    /// Parses the first @p length bytes of @p utf8, a body already through decode(): lets a
    /// caller parse a page's beginning first and the whole only when the beginning cannot tell.
    HtmlDocument(const QByteArray &utf8, qsizetype length, const QByteArray &encoding, const QUrl &pageUrl);
    /// @p body as the well-formed UTF-8 libxml2 is given, and the encoding it was decoded from.
    static QByteArray decode(const QByteArray &body, const QByteArray &contentType, QByteArray *encoding);
    HtmlDocument(const HtmlDocument &) = delete;
    HtmlDocument &operator=(const HtmlDocument &) = delete;

    bool isValid() const { return m_doc != nullptr; }
    xmlDoc *document() const { return m_doc.get(); }
    xmlNode *root() const;
    /// The encoding the body was decoded with.
    QByteArray encoding() const { return m_encoding; }

    /// Nodes an XPath selects, in document order, relative to @p context (the document when null).
    /// std::nullopt when the expression does not compile or evaluate.
    std::optional<QList<xmlNode *>> nodes(const QString &xpath, xmlNode *context = nullptr) const;
    /// Convenience for expressions that are known to be valid.
    QList<xmlNode *> select(const char *xpath, xmlNode *context = nullptr) const;
    /// The string values of what an XPath selects: each node's collapsed text, or the value of a
    /// string/number/boolean result. std::nullopt for an invalid expression.
    std::optional<QStringList> strings(const QString &xpath, xmlNode *context = nullptr) const;

    /// Lowercase element name (HTML5 elements too: libxml2 2.9 keeps unknown tags by name).
    static QString name(const xmlNode *node);
    /// Text of an element with whitespace collapsed; <script>/<style>/<template> are skipped.
    static QString text(const xmlNode *node);
    /// Attribute value (entities decoded by the parser), or a null QString when absent.
    static QString attribute(const xmlNode *node, const char *name);
    /// Whether the attribute (class, rel, ...) contains @p token as a whitespace-separated word.
    static bool hasToken(const xmlNode *node, const char *attributeName, const QString &token);
    /// Same, for an ASCII @p token; answers without building strings when the value is plain ASCII.
    static bool hasToken(const xmlNode *node, const char *attributeName, const char *token);
    /// name(node) == @p lowercaseName, without building a string when the name is ASCII.
    static bool isNamed(const xmlNode *node, const char *lowercaseName);
    /// isNamed() for an element name alone (UTF-8, not null).
    static bool isElementName(const xmlChar *name, const char *lowercaseName);
    /// hasToken() for an attribute's value itself (UTF-8; null counts as empty).
    static bool valueHasToken(const xmlChar *value, const char *token);
    /// valueHasToken() for several tokens at once: true when @p value holds any of @p tokens.
    static bool valueHasAnyToken(const xmlChar *value, const char *const *tokens, std::size_t count);
    /// The nearest ancestor (or @p node itself) that is an element named @p elementName.
    static xmlNode *closest(xmlNode *node, const char *elementName);

    /// The attribute named exactly @p name (XPath's @name), or null.
    static const xmlAttr *findAttribute(const xmlNode *node, const char *name);
    /// Whether the attribute holds @p token as a word exactly as the XPath idiom
    /// contains(concat(' ', normalize-space(@a), ' '), ' token ') decides: XPath whitespace
    /// (space, tab, CR, LF), byte comparison; @p asciiLowercase first maps A-Z to a-z like
    /// translate(@a, 'ABC...', 'abc...'). False when the attribute is absent.
    static bool hasXPathToken(const xmlNode *node, const char *attributeName, const char *token,
                              bool asciiLowercase = false);
    /// hasXPathToken() for an attribute's value itself (UTF-8; null counts as empty).
    static bool valueHasXPathToken(const xmlChar *value, const char *token, bool asciiLowercase = false);
    /// Calls @p visit(element) for every element below @p node (not @p node itself) in document
    /// order, like XPath's descendant axis; iterative, so depth costs no stack.
    template<typename Visit> static void forEachDescendant(xmlNode *node, Visit &&visit)
    {
        if (!node)
            return;
        xmlNode *current = node->children;
        while (current) {
            if (current->type == XML_ELEMENT_NODE) {
                visit(current);
                if (current->children) {
                    current = current->children;
                    continue;
                }
            }
            while (current && !current->next) {
                current = current->parent;
                if (current == node)
                    return;
            }
            if (current)
                current = current->next;
        }
    }

    /// The page URL, or the document's <base href> resolved against it.
    QUrl baseUrl() const { return m_baseUrl; }
    /// @p href resolved against baseUrl(), fragment dropped; empty unless the result is an
    /// absolute http(s) URL. Fragment-only, "#" and javascript: links give empty.
    QUrl resolve(const QString &href) const;
    /// Same, against an explicit base.
    static QUrl resolveAgainst(const QUrl &base, const QString &href);
    /// The base URL a page at @p pageUrl gets from a <base> element whose href is @p href.
    static QUrl baseUrlFrom(const QUrl &pageUrl, const QString &href);

    /// Character and entity references decoded exactly once; markup-looking text ("<b>") is kept
    /// literally and whitespace collapsed ("a &amp;amp; &lt;b&gt;" -> "a &amp; <b>").
    static QString decodeEntities(const QString &text);
    /// The display text of an HTML fragment ("Tom &amp; <b>Jerry</b>" -> "Tom & Jerry").
    static QString fragmentText(const QString &html);

private:
    static bool valueHasToken(const QString &value, const QString &token);
    /// Compiles and runs @p xpath on the document; nullopt when it is invalid or fails to run.
    std::optional<LibXml::XPathObjectPtr> evaluate(const QString &xpath, xmlNode *context) const;
    void parse(const QByteArray &utf8, qsizetype length, const QUrl &pageUrl);

    LibXml::HtmlDocPtr m_doc;
    QByteArray m_encoding;
    QUrl m_baseUrl;
};
