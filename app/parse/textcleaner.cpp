// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/textcleaner.h"

namespace {

bool isSpaceLike(QChar c)
{
    // QChar::isSpace covers the Zs/Zl/Zp categories (NBSP included) and the ASCII controls;
    // the zero-width space is not in Zs but shows up in CMS output as a "space" nonetheless.
    return c.isSpace() || c == QChar(0x200B) || c == QChar(0xFEFF);
}

} // namespace

QString TextCleaner::collapseWhitespace(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (const QChar c : text) {
        if (isSpaceLike(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (c.unicode() == 0) // stray NULs from broken pages must not truncate C-string consumers
            continue;
        if (pendingSpace)
            out += QLatin1Char(' ');
        pendingSpace = false;
        out += c;
    }
    return out;
}

QString TextCleaner::clean(QStringView text)
{
    return collapseWhitespace(text).normalized(QString::NormalizationForm_C);
}

QString TextCleaner::comparable(QStringView text)
{
    return clean(text).toCaseFolded();
}
