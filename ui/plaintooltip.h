// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Makes @p text safe to show as a tooltip. Qt guesses whether a tooltip is rich text, so text
/// from the web (a headline such as "<img src=x>") would be rendered as HTML; this escapes it and
/// keeps its line breaks and spaces. Returns an empty string (no tooltip) for empty @p text.
QString plainTooltip(const QString &text);
