// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/titlesplitter.h"

#include "parse/textcleaner.h"

#include <algorithm>

TitleSplitter::TitleSplitter(const QStringList &headings)
{
    m_headings.reserve(headings.size());
    for (const QString &heading : headings)
        m_headings.append(TextCleaner::comparable(heading));
}

QList<std::pair<qsizetype, qsizetype>> TitleSplitter::separators(const QString &title)
{
    static const QString marks[] = {
        QStringLiteral(" | "),  QStringLiteral(" - "),      QStringLiteral(" \u2013 "), QStringLiteral(" \u2014 "),
        QStringLiteral(" :: "), QStringLiteral(" \u00BB "), QStringLiteral(" \u00B7 "),
    };
    QList<std::pair<qsizetype, qsizetype>> out;
    for (const QString &mark : marks) {
        for (qsizetype at = title.indexOf(mark); at >= 0; at = title.indexOf(mark, at + 1))
            out.append({ at, mark.size() });
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool TitleSplitter::isBacked(const QString &part) const
{
    const QString wanted = TextCleaner::comparable(part);
    if (wanted.isEmpty())
        return false;
    for (const QString &heading : m_headings) {
        if (heading == wanted)
            return true;
    }
    return false;
}

QString TitleSplitter::strip(const QString &input) const
{
    const QString title = TextCleaner::collapseWhitespace(input);
    if (title.isEmpty() || m_headings.isEmpty())
        return title;
    const auto splits = separators(title);
    // Real titles have a handful of separators; every candidate costs a pass over the title, so
    // a hostile "a - a - a ..." <title> would cost quadratic time (a minute for 120 KB).
    constexpr qsizetype MaxSeparators = 16;
    if (splits.isEmpty() || splits.size() > MaxSeparators || isBacked(title))
        return title;
    // Longest candidates first, so "A - B | Site" keeps "A - B" when a heading says so.
    for (auto it = splits.crbegin(); it != splits.crend(); ++it) {
        const QString prefix = title.left(it->first);
        if (isBacked(prefix))
            return prefix.trimmed();
    }
    for (const auto &[at, length] : splits) {
        const QString suffix = title.mid(at + length);
        if (isBacked(suffix))
            return suffix.trimmed();
    }
    return title;
}
