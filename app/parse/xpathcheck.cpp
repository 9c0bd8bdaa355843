// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/xpathcheck.h"

#include "parse/libxmlptr.h"

#include <QCoreApplication>

namespace {
// Keeps libxml2's first message instead of letting it print to stderr.
void keepFirstError(void *userData, xmlError *error)
{
    auto *message = static_cast<QString *>(userData);
    if (message->isEmpty() && error && error->message)
        *message = QString::fromUtf8(error->message).trimmed();
}
} // namespace

std::optional<QString> XPathCheck::error(const QString &xpath)
{
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
