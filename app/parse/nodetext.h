// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parse/libxmlptr.h"

#include <QString>

#include <limits>

/// What NodeText::append() gathers.
struct NodeTextOptions {
    /// HTML: <script>, <style>, <template> and <noscript> hold no text, and <br> separates words.
    bool html = true;
    /// XML: entity references are replaced by this document's short internal entities (never
    /// external ones, never nested references), so a DTD can neither read local files nor
    /// amplify a few bytes through us. Null: references are dropped.
    const xmlDoc *entities = nullptr;
    /// Pathological nesting must not blow the worker's stack.
    int maxDepth = 1024;
    /// A space around every element's text, so that blocks ("<p>Title</p><p>July 1</p>") keep
    /// their words apart; for searching a block's text, not for display.
    bool spaceBetweenElements = false;
    /// Stop appending once the text is this long.
    qsizetype maxLength = std::numeric_limits<qsizetype>::max();
};

/// The one walk that gathers an element's text, for HTML pages and feeds alike.
class NodeText final
{
public:
    using Options = NodeTextOptions;
    static constexpr Options Html {};
    static Options xml(const xmlDoc *doc) { return { false, doc, 64, false, 100000 }; }

    /// Appends the text below @p node (not its own content) to @p out, unchanged (no collapsing).
    static void append(const xmlNode *node, QString &out, const Options &options);
};
