// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/contentsniffer.h"

#include "parse/feedreader.h"

namespace {

constexpr qsizetype SniffBytes = 1024;

QByteArray mimeType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

bool hasBinarySignature(const QByteArray &body)
{
    static const QByteArray signatures[] = {
        QByteArrayLiteral("%PDF-"),
        QByteArrayLiteral("\x89PNG\r\n\x1a\n"),
        QByteArrayLiteral("GIF87a"),
        QByteArrayLiteral("GIF89a"),
        QByteArrayLiteral("\xFF\xD8\xFF"),
        QByteArrayLiteral("PK\x03\x04"),
        QByteArrayLiteral("\x1F\x8B"),
        QByteArrayLiteral("BM"),
        QByteArrayLiteral("RIFF"),
        QByteArrayLiteral("OggS"),
        QByteArrayLiteral("ID3"),
        QByteArrayLiteral("\x7F"
                          "ELF"),
        QByteArrayLiteral("wOFF"),
        QByteArrayLiteral("wOF2"),
        QByteArrayLiteral("7z\xBC\xAF"),
        QByteArrayLiteral("Rar!"),
        QByteArrayLiteral("MZ"),
    };
    for (const QByteArray &signature : signatures) {
        if (body.startsWith(signature))
            return true;
    }
    // ISO BMFF (MP4, HEIF, AVIF): "ftyp" at offset 4.
    return body.size() >= 8 && body.mid(4, 4) == "ftyp";
}

bool looksLikeHtml(const QByteArray &body)
{
    QByteArray head = body.left(SniffBytes).toLower();
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    head = head.trimmed();
    if (!head.startsWith('<'))
        return false;
    // The WHATWG MIME sniffing table's HTML tags, which also covers pages without a doctype.
    static const char *const markers[]
        = { "<!doctype html", "<html",  "<head", "<body",  "<script", "<iframe", "<h1", "<div",
            "<font",          "<table", "<a",    "<style", "<title",  "<b",      "<br", "<p",
            "<!--",           "<meta",  "<link", "<?xml" };
    for (const char *marker : markers) {
        if (head.startsWith(marker))
            return true;
    }
    return head.contains("<html") || head.contains("<body") || head.contains("<head");
}

bool hasNulBytes(const QByteArray &body)
{
    return body.left(SniffBytes).contains('\0');
}

} // namespace

ContentSniffer::Kind ContentSniffer::classify(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray mime = mimeType(contentType);
    if (FeedReader::looksLikeFeed(body, contentType))
        return Kind::Feed;
    if (mime == "text/html" || mime == "application/xhtml+xml")
        return Kind::Html;
    // Declared as feed or XML but not a feed: an XHTML page served as XML is still a page.
    if (mime.endsWith("+xml") || mime == "text/xml" || mime == "application/xml") {
        const QByteArray head = body.left(4 * SniffBytes).toLower();
        return head.contains("<html") ? Kind::Html : Kind::Other;
    }
    const bool needsSniffing = mime.isEmpty() || mime == "application/octet-stream" || mime == "text/plain"
        || mime == "application/unknown" || mime == "unknown/unknown" || mime == "*/*" || !mime.contains('/');
    if (!needsSniffing)
        return Kind::Other; // images, PDF, JSON, archives...: the server says so, and we trust it
    if (body.isEmpty() || hasBinarySignature(body) || hasNulBytes(body))
        return Kind::Other;
    return looksLikeHtml(body) ? Kind::Html : Kind::Other;
}
