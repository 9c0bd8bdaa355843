// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/nodetext.h"

#include <libxml/entities.h>

namespace {

bool isSkippedForText(const xmlNode *node)
{
    return node->name
        && (xmlStrcasecmp(node->name, LibXml::xc("script")) == 0 || xmlStrcasecmp(node->name, LibXml::xc("style")) == 0
            || xmlStrcasecmp(node->name, LibXml::xc("template")) == 0
            || xmlStrcasecmp(node->name, LibXml::xc("noscript")) == 0);
}

void appendAt(const xmlNode *node, QString &out, const NodeText::Options &options, int depth)
{
    if (depth > options.maxDepth || out.size() > options.maxLength)
        return;
    for (const xmlNode *child = node->children; child; child = child->next) {
        switch (child->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            out += LibXml::toQString(child->content);
            break;
        case XML_ELEMENT_NODE:
            if (options.html) {
                if (isSkippedForText(child))
                    break;
                // <br> separates words visually: keep them apart in the text too.
                if (xmlStrcasecmp(child->name, LibXml::xc("br")) == 0)
                    out += QLatin1Char(' ');
            }
            appendAt(child, out, options, depth + 1);
            if (options.spaceBetweenElements)
                out += QLatin1Char(' ');
            break;
        case XML_ENTITY_REF_NODE: {
            if (!options.entities)
                break;
            const xmlEntity *entity = xmlGetDocEntity(options.entities, child->name);
            if (entity && entity->etype == XML_INTERNAL_GENERAL_ENTITY && entity->content
                && xmlStrlen(entity->content) < 1000 && !xmlStrchr(entity->content, '&')
                && !xmlStrchr(entity->content, '<'))
                out += LibXml::toQString(entity->content);
            break;
        }
        default:
            break;
        }
    }
}

} // namespace

void NodeText::append(const xmlNode *node, QString &out, const Options &options)
{
    if (node)
        appendAt(node, out, options, 0);
}
