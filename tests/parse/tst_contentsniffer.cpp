// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/contentsniffer.h"

#include <QTest>

using Kind = ContentSniffer::Kind;
Q_DECLARE_METATYPE(ContentSniffer::Kind)

class TestContentSniffer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesDeclaredTypes_data();
    void classifiesDeclaredTypes();
    void sniffsUndeclaredBodies_data();
    void sniffsUndeclaredBodies();
};

void TestContentSniffer::classifiesDeclaredTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("expected");
    QTest::addRow("html") << QByteArray("text/html; charset=utf-8") << QByteArray("<!doctype html><p>") << Kind::Html;
    QTest::addRow("html, upper case") << QByteArray("TEXT/HTML") << QByteArray("<p>") << Kind::Html;
    QTest::addRow("xhtml") << QByteArray("application/xhtml+xml") << QByteArray("<?xml version='1.0'?><html>")
                           << Kind::Html;
    QTest::addRow("rss") << QByteArray("application/rss+xml") << QByteArray("<?xml version='1.0'?><rss>") << Kind::Feed;
    QTest::addRow("atom") << QByteArray("application/atom+xml")
                          << QByteArray("<feed xmlns='http://www.w3.org/2005/Atom'>") << Kind::Feed;
    QTest::addRow("feed served as html") << QByteArray("text/html")
                                         << QByteArray("<?xml version='1.0'?>\n<rss version='2.0'>") << Kind::Feed;
    QTest::addRow("rss via text/xml") << QByteArray("text/xml") << QByteArray("<rdf:RDF xmlns:rdf='x'>") << Kind::Feed;
    QTest::addRow("xhtml via text/xml") << QByteArray("text/xml") << QByteArray("<?xml version='1.0'?><html xmlns='x'>")
                                        << Kind::Html;
    QTest::addRow("sitemap xml") << QByteArray("application/xml") << QByteArray("<urlset>") << Kind::Other;
    QTest::addRow("png") << QByteArray("image/png") << QByteArray("\x89PNG\r\n\x1a\n") << Kind::Other;
    QTest::addRow("pdf") << QByteArray("application/pdf") << QByteArray("%PDF-1.7") << Kind::Other;
    QTest::addRow("json") << QByteArray("application/json") << QByteArray("{\"a\":1}") << Kind::Other;
    QTest::addRow("image lying about html body") << QByteArray("image/jpeg") << QByteArray("<html>") << Kind::Other;
}

void TestContentSniffer::classifiesDeclaredTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(Kind, expected);
    QCOMPARE(ContentSniffer::classify(contentType, body), expected);
}

void TestContentSniffer::sniffsUndeclaredBodies_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("expected");
    for (const char *type : { "", "application/octet-stream", "text/plain" }) {
        const QByteArray t(type);
        QTest::addRow("%s: doctype", type) << t << QByteArray("  <!DOCTYPE html><html>") << Kind::Html;
        QTest::addRow("%s: bom + html", type) << t << QByteArray("\xEF\xBB\xBF<html lang=en>") << Kind::Html;
        QTest::addRow("%s: bare div", type) << t << QByteArray("<div>hi</div>") << Kind::Html;
        QTest::addRow("%s: comment first", type) << t << QByteArray("<!-- x --><html>") << Kind::Html;
        QTest::addRow("%s: rss", type) << t << QByteArray("<?xml version=\"1.0\"?><!-- c --><rss>") << Kind::Feed;
        QTest::addRow("%s: atom", type) << t << QByteArray("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                                        << Kind::Feed;
        QTest::addRow("%s: png", type) << t << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << Kind::Other;
        QTest::addRow("%s: pdf", type) << t << QByteArray("%PDF-1.4\n") << Kind::Other;
        QTest::addRow("%s: gzip", type) << t << QByteArray("\x1F\x8B\x08\0", 4) << Kind::Other;
        QTest::addRow("%s: mp4", type) << t
                                       << QByteArray("\0\0\0\x18"
                                                     "ftypmp42",
                                                     12)
                                       << Kind::Other;
        QTest::addRow("%s: binary with nul", type) << t << QByteArray("ab\0cd", 5) << Kind::Other;
        QTest::addRow("%s: plain text", type) << t << QByteArray("just words") << Kind::Other;
        QTest::addRow("%s: empty", type) << t << QByteArray() << Kind::Other;
    }
}

void TestContentSniffer::sniffsUndeclaredBodies()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(Kind, expected);
    QCOMPARE(ContentSniffer::classify(contentType, body), expected);
}

QTEST_GUILESS_MAIN(TestContentSniffer)
#include "tst_contentsniffer.moc"
