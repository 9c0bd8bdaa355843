// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/xpathcheck.h"

#include "parse/libxmlptr.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
// libxml2 hands its XPath errors to a context's handler as a code and a position, without text.
QString reasonFor(int code)
{
    switch (code) {
    case XML_XPATH_NUMBER_ERROR:
        return QCoreApplication::translate("XPathCheck", "a number is malformed");
    case XML_XPATH_UNFINISHED_LITERAL_ERROR:
    case XML_XPATH_START_LITERAL_ERROR:
        return QCoreApplication::translate("XPathCheck", "a quoted string is not closed");
    case XML_XPATH_VARIABLE_REF_ERROR:
    case XML_XPATH_UNDEF_VARIABLE_ERROR:
        return QCoreApplication::translate("XPathCheck", "it uses an undefined variable");
    case XML_XPATH_INVALID_PREDICATE_ERROR:
        return QCoreApplication::translate("XPathCheck", "a predicate [ ] is not complete");
    case XML_XPATH_UNCLOSED_ERROR:
        return QCoreApplication::translate("XPathCheck", "a bracket or parenthesis is not closed");
    case XML_XPATH_UNKNOWN_FUNC_ERROR:
        return QCoreApplication::translate("XPathCheck", "it calls an unknown function");
    case XML_XPATH_UNDEF_PREFIX_ERROR:
        return QCoreApplication::translate("XPathCheck", "it uses an undefined namespace prefix");
    case XML_XPATH_INVALID_CHAR_ERROR:
        return QCoreApplication::translate("XPathCheck", "it holds a character XPath does not allow");
    default:
        return QCoreApplication::translate("XPathCheck", "it is not a valid expression");
    }
}

// Keeps libxml2's first error, with where it stopped reading, instead of letting it print to stderr.
void keepFirstError(void *userData, xmlError *error)
{
    auto *message = static_cast<QString *>(userData);
    if (!message->isEmpty() || !error)
        return;
    *message = QCoreApplication::translate("XPathCheck", "%1 (at character %2)")
                   .arg(reasonFor(error->code))
                   .arg(std::max(1, error->int1));
}
} // namespace

std::optional<QString> XPathCheck::error(const QString &xpath)
{
    LibXml::ensureInitialized();
    const LibXml::XPathContextPtr context(xmlXPathNewContext(nullptr));
    if (!context)
        return std::nullopt; // out of memory: the scan's evaluation reports what goes wrong
    QString message;
    context->error = keepFirstError;
    context->userData = &message;
    const QByteArray expression = xpath.toUtf8();
    const LibXml::XPathCompExprPtr compiled(xmlXPathCtxtCompile(context.get(), LibXml::xc(expression.constData())));
    if (compiled)
        return std::nullopt;
    if (message.isEmpty())
        message = QCoreApplication::translate("XPathCheck", "it does not compile");
    return message;
}

QString XPathCheck::sentence(const QString &xpath, const QString &reason)
{
    QString shown = xpath.left(200);
    if (xpath.size() > 200)
        shown += QChar(0x2026);
    return QCoreApplication::translate("XPathCheck", "The XPath \u201c%1\u201d is not valid: %2.").arg(shown, reason);
}
