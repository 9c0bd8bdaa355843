// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/charsetdetector.h"
#include "parse/headlineextractor.h"

#include <QTest>

#include <libxml/parser.h>

class TestCharsetDetector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void prefersContentTypeCharset_data();
    void prefersContentTypeCharset();
    void honoursByteOrderMark_data();
    void honoursByteOrderMark();
    void readsMetaCharset_data();
    void readsMetaCharset();
    void sniffsUtf8ElseWindows1252_data();
    void sniffsUtf8ElseWindows1252();
    void mapsLabelsToSupportedEncodings_data();
    void mapsLabelsToSupportedEncodings();
    void decodesLegacyEncodedPages_data();
    void decodesLegacyEncodedPages();
    void decodesToUtf8ReplacingBadBytes_data();
    void decodesToUtf8ReplacingBadBytes();
};

void TestCharsetDetector::prefersContentTypeCharset_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray metaLatin = "<meta charset=iso-8859-2><p>x";
    QTest::addRow("utf-8 header beats meta")
        << QByteArray("text/html; charset=UTF-8") << metaLatin << QByteArray("UTF-8");
    QTest::addRow("quoted") << QByteArray("text/html; charset=\"Shift_JIS\"") << QByteArray("x")
                            << QByteArray("shift_jis");
    QTest::addRow("single quoted, no space")
        << QByteArray("text/html;charset='gbk'") << QByteArray("x") << QByteArray("GB18030");
    QTest::addRow("latin1 means windows-1252")
        << QByteArray("text/html; charset=ISO-8859-1") << QByteArray("x") << QByteArray("windows-1252");
    QTest::addRow("unknown label falls to meta")
        << QByteArray("text/html; charset=x-klingon") << metaLatin << QByteArray("iso-8859-2");
    QTest::addRow("no charset param") << QByteArray("text/html") << QByteArray("plain ascii") << QByteArray("UTF-8");
    QTest::addRow("hostile label") << QByteArray("text/html; charset=../../etc/passwd") << QByteArray("caf\xE9 au lait")
                                   << QByteArray("windows-1252");
}

void TestCharsetDetector::prefersContentTypeCharset()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(CharsetDetector::detect(contentType, body), expected);
}

void TestCharsetDetector::honoursByteOrderMark_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("utf-8 bom beats header")
        << QByteArray("text/html; charset=windows-1252") << QByteArray("\xEF\xBB\xBF<p>") << QByteArray("UTF-8");
    QTest::addRow("utf-16le") << QByteArray() << QByteArray("\xFF\xFE<\0p\0", 6) << QByteArray("UTF-16LE");
    QTest::addRow("utf-16be") << QByteArray() << QByteArray("\xFE\xFF\0<\0p", 6) << QByteArray("UTF-16BE");
}

void TestCharsetDetector::honoursByteOrderMark()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(CharsetDetector::detect(contentType, body), expected);
}

void TestCharsetDetector::readsMetaCharset_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("meta charset") << QByteArray("<html><head><meta charset=\"Shift_JIS\">") << QByteArray("shift_jis");
    QTest::addRow("http-equiv") << QByteArray(
        "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">")
                                << QByteArray("iso-8859-1");
    QTest::addRow("self-closing unquoted") << QByteArray("<meta charset=gb2312/>") << QByteArray("gb2312");
    QTest::addRow("other meta first") << QByteArray("<meta name=x content=y><meta charset='euc-kr'>")
                                      << QByteArray("euc-kr");
    QTest::addRow("none") << QByteArray("<meta name=viewport content=width=device-width>") << QByteArray();
    QTest::addRow("beyond 2 KB") << (QByteArray(3000, ' ') + "<meta charset=koi8-r>") << QByteArray();
    QTest::addRow("unterminated tag") << QByteArray("<meta charset=utf-8") << QByteArray("utf-8");
}

void TestCharsetDetector::readsMetaCharset()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(CharsetDetector::charsetFromMeta(body), expected);
}

void TestCharsetDetector::sniffsUtf8ElseWindows1252_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("ascii") << QByteArray("<p>hello") << QByteArray("UTF-8");
    QTest::addRow("utf-8 multibyte") << QByteArray("<p>caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80")
                                     << QByteArray("UTF-8");
    QTest::addRow("cut inside last char") << QByteArray("<p>\xE2\x80") << QByteArray("UTF-8");
    QTest::addRow("latin-1 byte") << QByteArray("<p>caf\xE9 ok") << QByteArray("windows-1252");
    QTest::addRow("overlong") << QByteArray("<p>\xC0\xAF") << QByteArray("windows-1252");
    QTest::addRow("surrogate") << QByteArray("<p>\xED\xA0\x80") << QByteArray("windows-1252");
    QTest::addRow("empty") << QByteArray() << QByteArray("UTF-8");
}

void TestCharsetDetector::sniffsUtf8ElseWindows1252()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    QCOMPARE(CharsetDetector::detect(QByteArray("text/html"), body), expected);
}

void TestCharsetDetector::mapsLabelsToSupportedEncodings_data()
{
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("utf8") << QByteArray("utf8") << QByteArray("UTF-8");
    QTest::addRow("us-ascii") << QByteArray("US-ASCII") << QByteArray("windows-1252");
    QTest::addRow("gb2312") << QByteArray("gb2312") << QByteArray("GB18030");
    QTest::addRow("x-sjis") << QByteArray("x-sjis") << QByteArray("Shift_JIS");
    QTest::addRow("utf-16 in meta") << QByteArray("utf-16") << QByteArray("UTF-8");
    QTest::addRow("euc-jp passes through") << QByteArray("EUC-JP") << QByteArray("euc-jp");
    QTest::addRow("unknown") << QByteArray("x-user-defined-nonsense") << QByteArray();
    QTest::addRow("empty") << QByteArray() << QByteArray();
    QTest::addRow("spaces inside") << QByteArray("utf 8") << QByteArray();
}

void TestCharsetDetector::mapsLabelsToSupportedEncodings()
{
    QFETCH(QByteArray, label);
    QFETCH(QByteArray, expected);
    QCOMPARE(CharsetDetector::supportedEncoding(label), expected);
}

void TestCharsetDetector::decodesLegacyEncodedPages_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    // Bytes written as escapes: Qt 6.4's QStringConverter cannot produce these encodings.
    const QByteArray sjisTitle("\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x6A\x83\x85\x81\x5B\x83\x58");
    QTest::addRow("shift_jis via header") << QByteArray("text/html; charset=Shift_JIS")
                                          << QByteArray("<html><head><title>" + sjisTitle + "</title></head></html>")
                                          << QString::fromUtf8("日本語のニュース");
    QTest::addRow("shift_jis via meta") << QByteArray(
        "text/html") << QByteArray("<html><head><meta charset=\"shift_jis\"><title>" + sjisTitle + "</title>")
                                        << QString::fromUtf8("日本語のニュース");
    // The last four bytes are a GB18030-only four-byte sequence (U+20000), unknown to GBK.
    const QByteArray gbTitle("\xD6\xD0\xCE\xC4\xB1\xEA\xCC\xE2\x95\x32\x82\x36");
    QTest::addRow("gb18030 via header") << QByteArray("text/html; charset=GB18030")
                                        << QByteArray("<title>" + gbTitle + "</title>")
                                        << QString::fromUtf8("中文标题𠀀");
    QTest::addRow("gb2312 label decodes as gb18030")
        << QByteArray("text/html")
        << QByteArray("<meta http-equiv=Content-Type content='text/html; charset=gb2312'><title>" + gbTitle
                      + "</title>")
        << QString::fromUtf8("中文标题𠀀");
    QTest::addRow("iso-8859-1 declared only in meta")
        << QByteArray("text/html")
        << QByteArray("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                      "<title>Caf\xE9"
                      " d\xE9j\xE0"
                      " vu \x93quoted\x94</title></head></html>")
        << QString::fromUtf8("Café déjà vu “quoted”");
    QTest::addRow("undeclared latin bytes") << QByteArray()
                                            << QByteArray("<title>na\xEF"
                                                          "ve</title>")
                                            << QString::fromUtf8("naïve");
    QTest::addRow("windows-1252 bytes iconv rejects") << QByteArray("text/html; charset=windows-1252")
                                                      << QByteArray("<title>a\x81"
                                                                    "b\x8D"
                                                                    "c\x90"
                                                                    "d \x80"
                                                                    "5</title><h1>more</h1>")
                                                      << QString::fromUtf8("a\u0081b\u008Dc\u0090d €5");
    QTest::addRow("stray byte in utf-8 page does not turn the rest into latin-1")
        << QByteArray("text/html; charset=utf-8")
        << QByteArray("<p>bad \xFF byte</p><title>caf\xC3\xA9 cr\xC3\xA8me</title>") << QString::fromUtf8("café crème");
    QTest::addRow("invalid shift_jis byte does not end the page")
        << QByteArray("text/html; charset=shift_jis")
        << QByteArray("<p>\xA0\xFF\xFD</p><title>\x93\xFA\x96\x7B</title>") << QString::fromUtf8("日本");
    QTest::addRow("utf-16le with bom")
        << QByteArray() << QByteArray("\xFF\xFE<\0t\0i\0t\0l\0e\0>\0\xE9\0t\0\xE9\0<\0/\0t\0i\0t\0l\0e\0>\0", 36)
        << QString::fromUtf8("été");
    QTest::addRow("meta lies, header wins")
        << QByteArray("text/html; charset=utf-8") << QByteArray("<meta charset=iso-8859-1><title>caf\xC3\xA9</title>")
        << QString::fromUtf8("café");
}

void TestCharsetDetector::decodesLegacyEncodedPages()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const Headline headline
        = HeadlineExtractor::extract(body, contentType, QUrl(QStringLiteral("https://example.org/")));
    QCOMPARE(headline.rawTitle, expected);
    QCOMPARE(headline.title, expected);
}

void TestCharsetDetector::decodesToUtf8ReplacingBadBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QString>("expected");
    QTest::addRow("windows-1252") << QByteArray("Caf\xe9 \x93q\x94") << QByteArray("windows-1252")
                                  << QString::fromUtf8("Caf\u00e9 \u201cq\u201d");
    QTest::addRow("windows-1252 holes") << QByteArray("a\x81"
                                                      "b\x8d")
                                        << QByteArray("windows-1252") << QString::fromUtf8("a\ufffdb\ufffd");
    QTest::addRow("shift_jis broken pair") << QByteArray("\x93\xfa\x81\x20\x96\x7b") << QByteArray("Shift_JIS")
                                           << QString::fromUtf8("\u65e5\ufffd \u672c");
    QTest::addRow("cut at the end") << QByteArray("\x93\xfa\x93") << QByteArray("Shift_JIS")
                                    << QString::fromUtf8("\u65e5\ufffd");
    QTest::addRow("empty") << QByteArray() << QByteArray("GB18030") << QString();
}

void TestCharsetDetector::decodesToUtf8ReplacingBadBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoding);
    QFETCH(QString, expected);
    const std::optional<QByteArray> utf8 = CharsetDetector::decodeToUtf8(bytes, encoding);
    QVERIFY(utf8.has_value());
    QCOMPARE(QString::fromUtf8(*utf8), expected);
    QVERIFY(!CharsetDetector::decodeToUtf8(bytes, "no-such-encoding").has_value());
}

QTEST_GUILESS_MAIN(TestCharsetDetector)
#include "tst_charsetdetector.moc"
