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

QTEST_GUILESS_MAIN(TestHeadlineExtractor)
#include "tst_headlineextractor.moc"
