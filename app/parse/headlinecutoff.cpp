// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlinecutoff.h"

#include <QByteArray>

namespace {
// Where "</tag" (any letter case) starts in @p text at or after @p from, or -1.
qsizetype findClosingTag(QByteArrayView text, qsizetype from, QByteArrayView tag)
{
    for (qsizetype at = text.indexOf('<', from); at >= 0 && at + tag.size() <= text.size();
         at = text.indexOf('<', at + 1)) {
        if (qstrnicmp(text.data() + at, tag.data(), tag.size()) == 0)
            return at;
    }
    return -1;
}
} // namespace

bool HeadlineCutoff::isCertain(QByteArrayView body)
{
    static constexpr QByteArrayView kHead = "</head";
    static constexpr QByteArrayView kHeading = "</h1";
    if (m_headEnd < 0) {
        // A tag cut at the end of what has arrived is searched again with the next bytes.
        const qsizetype at = findClosingTag(body, m_searched, kHead);
        if (at < 0) {
            m_searched = std::max<qsizetype>(0, body.size() - kHead.size());
            return false;
        }
        m_headEnd = at + kHead.size();
        m_searched = m_headEnd;
    }
    if (m_headingEnd < 0) {
        const qsizetype at = findClosingTag(body, m_searched, kHeading);
        if (at >= 0)
            m_headingEnd = at + kHeading.size();
        else
            m_searched = std::max(m_headEnd, body.size() - kHeading.size());
    }
    if (m_headingEnd >= 0 && body.size() >= m_headingEnd + kAfterHeading)
        return true;
    return body.size() >= m_headEnd + kAfterHead;
}
