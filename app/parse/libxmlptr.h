// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one place that pairs libxml2 objects with their free functions, so that no other file
// calls xmlFree* by hand and every early return releases what it holds.

#include <QString>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <memory>
#include <mutex>

namespace LibXml {

/// Every entry point that parses calls this first. libxml2 2.9 creates its dictionary lock lazily,
/// so two threads making their first parser at the same instant could each create one and then
/// wait forever (seen: every parser thread blocked in __xmlRandom). xmlInitParser() creates the
/// locks; std::call_once runs it exactly once and holds other threads until it has returned.
inline void ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

template<typename T, void (*Free)(T *)> struct Deleter final {
    void operator()(T *p) const noexcept
    {
        if (p)
            Free(p);
    }
};

// xmlFree is a function pointer variable, not a function, so it needs its own deleter.
struct CharDeleter final {
    void operator()(xmlChar *p) const noexcept
    {
        if (p)
            xmlFree(p);
    }
};

using DocPtr = std::unique_ptr<xmlDoc, Deleter<xmlDoc, xmlFreeDoc>>;
using HtmlDocPtr = DocPtr; // htmlDocPtr is an xmlDocPtr, freed by xmlFreeDoc as well
using XPathContextPtr = std::unique_ptr<xmlXPathContext, Deleter<xmlXPathContext, xmlXPathFreeContext>>;
using XPathObjectPtr = std::unique_ptr<xmlXPathObject, Deleter<xmlXPathObject, xmlXPathFreeObject>>;
using XPathCompExprPtr = std::unique_ptr<xmlXPathCompExpr, Deleter<xmlXPathCompExpr, xmlXPathFreeCompExpr>>;
using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, Deleter<xmlParserCtxt, xmlFreeParserCtxt>>;
using HtmlParserCtxtPtr = std::unique_ptr<htmlParserCtxt, Deleter<htmlParserCtxt, htmlFreeParserCtxt>>;
using CharPtr = std::unique_ptr<xmlChar, CharDeleter>;

/// libxml2 strings are UTF-8; null becomes a null QString.
inline QString toQString(const xmlChar *text)
{
    return text ? QString::fromUtf8(reinterpret_cast<const char *>(text)) : QString();
}

/// Takes ownership of a libxml2-allocated string and converts it.
inline QString takeQString(xmlChar *text)
{
    const CharPtr owned(text);
    return toQString(owned.get());
}

/// Views a UTF-8 C string literal as xmlChar, the type libxml2's API wants.
inline const xmlChar *xc(const char *text)
{
    return reinterpret_cast<const xmlChar *>(text);
}

} // namespace LibXml
