// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

/// Decides, from an article's first bytes as they arrive, when its headline is certain and the
/// rest of the page need not be read. The one definition of "certain", and a conservative one:
/// every source of the headline (JSON-LD, og/twitter/dc metadata, <title>, the article's <h1> or
/// entry-title heading) sits in <head> or just after the first heading, so the page is certain
/// once
/// - its <head> has ended and kAfterHeading bytes have followed the end of the first <h1> after
///   it (a site whose <h1> is its own name still has its article heading within that margin), or
/// - its <head> has ended and kAfterHead bytes have followed it, heading or not.
/// A page whose <head> never ends (or is not ASCII-compatible) is never certain early: it is read
/// whole, up to the size cap, as before. Stateful: each call searches only what is new.
class HeadlineCutoff final
{
public:
    static constexpr qsizetype kAfterHeading = 32 * 1024;
    static constexpr qsizetype kAfterHead = 256 * 1024;

    /// @p body is every byte read so far (it only grows between calls).
    bool isCertain(QByteArrayView body);

private:
    qsizetype m_headEnd = -1; ///< just past "</head", once found
    qsizetype m_headingEnd = -1; ///< just past the first "</h1" after the head, once found
    qsizetype m_searched = 0; ///< bytes already searched for the tag looked for next
};
