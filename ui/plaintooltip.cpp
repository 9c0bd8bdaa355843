// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintooltip.h"

QString plainTooltip(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Explicit rich text whose only content is escaped: nothing in it can become markup.
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}
