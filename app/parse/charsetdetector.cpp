// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/charsetdetector.h"

#include <QHash>
#include <QMutex>
#include <QStringDecoder>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iconv.h>
#include <utility>

namespace {

constexpr qsizetype MetaScanBytes = 2048;

QByteArray trimmedLabel(QByteArray label)
{
    label = label.trimmed();
    while (!label.isEmpty() && (label.front() == '"' || label.front() == '\''))
        label.remove(0, 1);
    while (!label.isEmpty() && (label.back() == '"' || label.back() == '\'' || label.back() == ';'))
        label.chop(1);
    return label.trimmed().toLower();
}

// Value of "charset=" inside a header-like string; stops at ';', quotes or whitespace.
QByteArray charsetParameter(const QByteArray &value)
{
    const QByteArray lower = value.toLower();
    qsizetype at = lower.indexOf("charset");
    while (at >= 0) {
        qsizetype i = at + 7;
        while (i < lower.size() && (lower.at(i) == ' ' || lower.at(i) == '\t'))
            ++i;
        if (i < lower.size() && lower.at(i) == '=') {
            ++i;
            while (i < lower.size()
                   && (lower.at(i) == ' ' || lower.at(i) == '\t' || lower.at(i) == '"' || lower.at(i) == '\''))
                ++i;
            qsizetype end = i;
            while (end < lower.size() && lower.at(end) != ';' && lower.at(end) != '"' && lower.at(end) != '\''
                   && lower.at(end) != ' ' && lower.at(end) != '>' && lower.at(end) != '/')
                ++end;
            return trimmedLabel(lower.mid(i, end - i));
        }
        at = lower.indexOf("charset", at + 7);
    }
    return {};
}

// Can iconv decode this? (toUtf8() uses it for everything but UTF-8/16 and windows-1252.)
bool canDecode(const QByteArray &name)
{
    // The labels of nearly every page, which toUtf8() decodes itself: no lock, no iconv.
    if (name == "UTF-8" || name == "windows-1252")
        return true;
    // The common answers are kept: iconv_open() loads and frees conversion tables each time, a
    // few percent of a whole scan's CPU when asked once per page. Labels come from the network,
    // so the cache is bounded; past the bound we simply ask iconv.
    constexpr qsizetype kMaxCached = 64;
    static QMutex mutex;
    static QHash<QByteArray, bool> known;
    {
        const QMutexLocker lock(&mutex);
        if (const auto it = known.constFind(name); it != known.constEnd())
            return *it;
    }
    const iconv_t cd = iconv_open("UTF-8", name.constData());
    const bool supported = cd != reinterpret_cast<iconv_t>(-1);
    if (supported)
        iconv_close(cd);
    const QMutexLocker lock(&mutex);
    if (known.size() < kMaxCached)
        known.insert(name, supported);
    return supported;
}

// decodeToUtf8(), or windows-1252 when iconv does not know @p encoding.
QByteArray iconvToUtf8(const QByteArray &body, const QByteArray &encoding)
{
    if (std::optional<QByteArray> utf8 = CharsetDetector::decodeToUtf8(body, encoding))
        return std::move(*utf8);
    return CharsetDetector::windows1252ToUtf8(body);
}

} // namespace

QByteArray CharsetDetector::charsetFromContentType(const QByteArray &contentType)
{
    return charsetParameter(contentType);
}

QByteArray CharsetDetector::charsetFromMeta(const QByteArray &body)
{
    const QByteArray head = body.left(MetaScanBytes).toLower();
    qsizetype at = head.indexOf("<meta");
    while (at >= 0) {
        const qsizetype end = head.indexOf('>', at);
        const QByteArray tag = head.mid(at, end < 0 ? -1 : end - at + 1);
        // Both <meta charset="x"> and <meta http-equiv="Content-Type" content="...; charset=x">
        // reduce to the first charset= inside the tag.
        const QByteArray charset = charsetParameter(tag);
        if (!charset.isEmpty())
            return charset;
        if (end < 0)
            break;
        at = head.indexOf("<meta", end);
    }
    return {};
}

bool CharsetDetector::isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // Pages are mostly ASCII: skip it eight bytes at a time (memcpy: no unaligned reads).
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int min = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1Fu;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0Fu;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07u;
            min = 0x10000;
        } else {
            return false;
        }
        if (i + extra >= n) {
            // A download cut inside the last character is still a UTF-8 page.
            for (qsizetype k = i + 1; k < n; ++k) {
                if ((p[k] & 0xC0) != 0x80)
                    return false;
            }
            return true;
        }
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

QByteArray CharsetDetector::windows1252ToUtf8(const QByteArray &bytes)
{
    static constexpr char16_t high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        *out++ = (byte >= 0x80 && byte < 0xA0) ? QChar(high[byte - 0x80]) : QChar(char16_t(byte));
    }
    return text.toUtf8();
}

QByteArray CharsetDetector::toUtf8(const QByteArray &body, const QByteArray &encoding)
{
    if (encoding == "UTF-8") {
        if (isValidUtf8(body))
            return byteOrderMark(body) == "UTF-8" ? body.mid(3) : body;
        return QString::fromUtf8(body).toUtf8(); // malformed sequences become U+FFFD
    }
    if (encoding == "UTF-16LE" || encoding == "UTF-16BE") {
        QStringDecoder decoder(encoding == "UTF-16LE" ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        const QString text = decoder.decode(body);
        return (text.startsWith(QChar(0xFEFF)) ? text.mid(1) : text).toUtf8();
    }
    if (encoding == "windows-1252")
        return windows1252ToUtf8(body);
    return iconvToUtf8(body, encoding);
}

QByteArray CharsetDetector::supportedEncoding(const QByteArray &label)
{
    const QByteArray name = trimmedLabel(label);
    if (name.isEmpty())
        return {};
    // WHATWG Encoding Standard aliases that matter in practice: browsers decode "latin1" and
    // "ascii" pages as windows-1252 and GB2312/GBK as GB18030, and so must we to agree with them.
    static const std::array<std::pair<const char *, const char *>, 16> aliases { {
        { "utf8", "UTF-8" },
        { "utf-8", "UTF-8" },
        { "unicode-1-1-utf-8", "UTF-8" },
        { "iso-8859-1", "windows-1252" },
        { "iso8859-1", "windows-1252" },
        { "latin1", "windows-1252" },
        { "l1", "windows-1252" },
        { "us-ascii", "windows-1252" },
        { "ascii", "windows-1252" },
        { "cp1252", "windows-1252" },
        { "gb2312", "GB18030" },
        { "gbk", "GB18030" },
        { "x-gbk", "GB18030" },
        { "x-sjis", "Shift_JIS" },
        { "shift-jis", "Shift_JIS" },
        { "sjis", "Shift_JIS" },
    } };
    QByteArray canonical = name;
    for (const auto &[from, to] : aliases) {
        if (name == from) {
            canonical = to;
            break;
        }
    }
    // A page that can declare UTF-16 in ASCII-compatible <meta> bytes is not UTF-16 (WHATWG).
    if (canonical.startsWith("utf-16") || canonical.startsWith("utf-32") || canonical == "ucs-2")
        canonical = "UTF-8";
    for (const char c : canonical) {
        // Labels come from the network: keep them to what encoding names are made of.
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':'))
            return {};
    }
    if (canonical.size() > 40 || !canDecode(canonical))
        return {};
    return canonical;
}

QByteArray CharsetDetector::byteOrderMark(QByteArrayView bytes, qsizetype *length)
{
    static const struct {
        const char *mark;
        qsizetype size;
        const char *encoding;
    } marks[] = {
        { "\xEF\xBB\xBF", 3, "UTF-8" },
        { "\xFF\xFE", 2, "UTF-16LE" },
        { "\xFE\xFF", 2, "UTF-16BE" },
    };
    for (const auto &[mark, size, encoding] : marks) {
        if (bytes.startsWith(QByteArrayView(mark, size))) {
            if (length)
                *length = size;
            return QByteArray(encoding);
        }
    }
    if (length)
        *length = 0;
    return {};
}

QByteArray CharsetDetector::detect(const QByteArray &contentType, const QByteArray &body)
{
    // A byte-order mark beats every declaration, as in browsers (WHATWG "BOM sniff").
    if (QByteArray enc = byteOrderMark(body); !enc.isEmpty())
        return enc;
    if (QByteArray enc = supportedEncoding(charsetFromContentType(contentType)); !enc.isEmpty())
        return enc;
    if (QByteArray enc = supportedEncoding(charsetFromMeta(body)); !enc.isEmpty())
        return enc;
    if (isValidUtf8(body))
        return QByteArrayLiteral("UTF-8");
    return QByteArrayLiteral("windows-1252");
}

std::optional<QByteArray> CharsetDetector::decodeToUtf8(const QByteArray &bytes, const QByteArray &encoding)
{
    const iconv_t invalid = reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1));
    const iconv_t cd = iconv_open("UTF-8", encoding.constData());
    if (cd == invalid)
        return std::nullopt;
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 2 + 16);
    char buffer[16384];
    char *in = const_cast<char *>(bytes.constData()); // iconv's signature; it does not write there
    size_t inLeft = static_cast<size_t>(bytes.size());
    const auto drain = [&](char *end) { out.append(buffer, end - buffer); };
    while (inLeft > 0) {
        char *dst = buffer;
        size_t dstLeft = sizeof buffer;
        const size_t converted = iconv(cd, &in, &inLeft, &dst, &dstLeft);
        const int error = errno;
        drain(dst);
        if (converted == static_cast<size_t>(-1) && error != E2BIG) {
            // EILSEQ (invalid) or EINVAL (cut short at the end): one replacement, one byte on.
            out.append("\xEF\xBF\xBD");
            ++in;
            --inLeft;
            iconv(cd, nullptr, nullptr, nullptr, nullptr); // back to the initial shift state
        }
    }
    char *dst = buffer;
    size_t dstLeft = sizeof buffer;
    iconv(cd, nullptr, nullptr, &dst, &dstLeft); // stateful encodings may end with a shift sequence
    drain(dst);
    iconv_close(cd);
    return out;
}
