// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/headlineextractor.h"

#include <QElapsedTimer>
#include <QTest>

#include <libxml/parser.h>

namespace {

const QUrl PageUrl(QStringLiteral("https://blog.example.org/2024/05/post/"));

} // namespace

class TestHeadlineExtractor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void prefersJsonLdNameWhenTitleAgrees();
    void staysFastOnLongJsonLdNames();
    void keepsReadingPastBytesTheCharsetLacks_data();
    void keepsReadingPastBytesTheCharsetLacks();
};

void TestHeadlineExtractor::prefersJsonLdNameWhenTitleAgrees()
{
    const QByteArray body = "<html><head><title>Short name | Site</title><script type='application/ld+json'>"
                            "{\"@type\":\"Article\",\"headline\":\"A long description\",\"name\":\"Short name\"}"
                            "</script></head><body></body></html>";
    const Headline headline = HeadlineExtractor::extract(body, "text/html; charset=utf-8", PageUrl);
    QCOMPARE(headline.title, QStringLiteral("Short name"));
    QCOMPARE(headline.via, QStringLiteral("json-ld"));
}

void TestHeadlineExtractor::staysFastOnLongJsonLdNames()
{
    // Comparing a long name's words with a long <title>'s was quadratic: a list lookup per word.
    const QByteArray body = "<html><head><title>" + QByteArray("a ").repeated(60000)
        + "</title><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"x\",\"name\":\""
        + QByteArray("b ").repeated(60000) + "\"}</script></head><body></body></html>";
    QElapsedTimer timer;
    timer.start();
    const Headline headline = HeadlineExtractor::extract(body, "text/html; charset=utf-8", PageUrl);
    QVERIFY2(timer.elapsed() < 10000, "title coverage was not linear");
    QCOMPARE(headline.title, QStringLiteral("x"));
}

void TestHeadlineExtractor::keepsReadingPastBytesTheCharsetLacks_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("junk");
    QTest::addColumn<QByteArray>("heading");
    QTest::addColumn<QString>("expected");
    // Found by fuzz_html_extraction: libxml2 stopped at the first byte its decoder rejected, and
    // read the rest of a page that broke UTF-8 once as Latin-1.
    QTest::addRow("windows-1252 hole") << QByteArray("text/html; charset=windows-1252") << QByteArray("\x81\x8d")
                                       << QByteArray("Caf\xe9") << QString::fromUtf8("Caf\u00e9");
    QTest::addRow("broken shift_jis pair") << QByteArray("text/html; charset=shift_jis") << QByteArray("\x81\x20\xff")
                                           << QByteArray("\x93\xfa\x96\x7b") << QString::fromUtf8("\u65e5\u672c");
    QTest::addRow("broken gb18030") << QByteArray("text/html; charset=gb18030") << QByteArray("\x81\x30\x20")
                                    << QByteArray("\xc4\xe3\xba\xc3") << QString::fromUtf8("\u4f60\u597d");
    QTest::addRow("invalid utf-8") << QByteArray("text/html; charset=utf-8") << QByteArray("\xc3\x28\xff")
                                   << QByteArray("Caf\xc3\xa9") << QString::fromUtf8("Caf\u00e9");
}

void TestHeadlineExtractor::keepsReadingPastBytesTheCharsetLacks()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, junk);
    QFETCH(QByteArray, heading);
    QFETCH(QString, expected);
    const QByteArray body = "<html><body><p>" + junk + "</p><h1>" + heading + "</h1></body></html>";
    QCOMPARE(HeadlineExtractor::extract(body, contentType, PageUrl).title, expected);
}

QTEST_GUILESS_MAIN(TestHeadlineExtractor)
#include "tst_headlineextractor.moc"
