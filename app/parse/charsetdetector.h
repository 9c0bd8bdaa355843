// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

/// Decides which character encoding an HTML body is in, as a name libxml2 accepts.
class CharsetDetector final
{
public:
    /// In order: byte-order mark, HTTP Content-Type charset, <meta charset> or
    /// <meta http-equiv="Content-Type"> in the first 2 KB, valid UTF-8, else windows-1252.
    /// Names libxml2/iconv cannot decode fall through to the next signal. Never empty.
    static QByteArray detect(const QByteArray &contentType, const QByteArray &body);

    /// The encoding a byte-order mark at the start of @p bytes names ("UTF-8", "UTF-16LE",
    /// "UTF-16BE"), and the mark's length in @p length when asked; empty when there is none.
    /// The one BOM sniff of HTML pages and feeds.
    static QByteArray byteOrderMark(QByteArrayView bytes, qsizetype *length = nullptr);
    /// The charset parameter of a Content-Type header value ("text/html; charset=utf-8"), lowercase.
    static QByteArray charsetFromContentType(const QByteArray &contentType);
    /// The charset a page declares in a <meta> tag near its start, lowercase; empty when none.
    static QByteArray charsetFromMeta(const QByteArray &body);
    /// True when @p bytes are well-formed UTF-8 (a sequence cut at the very end is tolerated).
    static bool isValidUtf8(const QByteArray &bytes);
    /// @p body converted from @p encoding (a detect() result) to well-formed UTF-8: malformed or
    /// unmappable bytes become U+FFFD instead of ending the text, which is what libxml2 does
    /// when it meets them (and it then complains on stderr, from every worker thread).
    static QByteArray toUtf8(const QByteArray &body, const QByteArray &encoding);
    /// Decodes windows-1252 (the WHATWG table: the five bytes it leaves undefined map to C1
    /// controls) to UTF-8. Done here rather than by iconv, which rejects those bytes and would
    /// make libxml2 stop parsing mid-page.
    static QByteArray windows1252ToUtf8(const QByteArray &bytes);
    /// Maps a declared label to the encoding to use (WHATWG aliases: latin1 means windows-1252, ...)
    /// and returns empty when libxml2 cannot decode it.
    static QByteArray supportedEncoding(const QByteArray &label);
    /// @p bytes in @p encoding converted to UTF-8 with iconv, each byte it rejects (windows-1252's
    /// 0x81, a broken Shift_JIS pair) replaced by U+FFFD as browsers do; libxml2 2.9 instead stops
    /// parsing there. std::nullopt when iconv does not know the encoding. toUtf8() uses it for
    /// every encoding but UTF-8, UTF-16 and windows-1252.
    static std::optional<QByteArray> decodeToUtf8(const QByteArray &bytes, const QByteArray &encoding);
};
