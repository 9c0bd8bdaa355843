// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/articlelocator.h"
#include "parse/xpathcheck.h"

#include <QTest>

class TestXPathCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tellsValidFromInvalid_data()
    {
        QTest::addColumn<QString>("xpath");
        QTest::addColumn<bool>("valid");
        QTest::addRow("element") << QStringLiteral("//h2/a") << true;
        QTest::addRow("attribute") << QStringLiteral("(//a[@rel='bookmark']/@href)[1]") << true;
        QTest::addRow("string") << QStringLiteral("concat('/p/', string(//@data-id))") << true;
        QTest::addRow("unclosed predicate") << QStringLiteral("//a[@rel=") << false;
        QTest::addRow("unclosed literal") << QStringLiteral("//a[@rel='x]") << false;
        QTest::addRow("not an expression") << QStringLiteral("a b c") << false;
    }

    void tellsValidFromInvalid()
    {
        QFETCH(QString, xpath);
        QFETCH(bool, valid);
        const std::optional<QString> reason = XPathCheck::error(xpath);
        QCOMPARE(!reason.has_value(), valid);
        if (reason)
            QVERIFY(!reason->isEmpty());
    }

    void saysWhyAndWhere()
    {
        const std::optional<QString> reason = XPathCheck::error(QStringLiteral("//a[@rel='x]"));
        QVERIFY(reason);
        QVERIFY2(reason->startsWith(QStringLiteral("a quoted string is not closed (at character ")),
                 qPrintable(*reason));
        QVERIFY2(XPathCheck::error(QStringLiteral("//a[@rel="))->contains(QStringLiteral("(at character ")),
                 qPrintable(*XPathCheck::error(QStringLiteral("//a[@rel="))));
    }

    void sentenceNamesTheExpressionAndTheReason()
    {
        const QString sentence = XPathCheck::sentence(QStringLiteral("//a[@rel="), QStringLiteral("Invalid predicate"));
        QCOMPARE(sentence, QStringLiteral("The XPath \u201c//a[@rel=\u201d is not valid: Invalid predicate."));
        QVERIFY(XPathCheck::sentence(QString(5000, QLatin1Char('x')), QStringLiteral("r")).size() < 300);
    }

    void locatorTriesNoOtherRuleNorFeedAfterAnInvalidXPath()
    {
        const QByteArray page = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\">"
                                "</head><body><a rel=\"bookmark\" href=\"/post.html\">Post</a></body></html>";
        ArticleLocatorOptions options;
        options.xpath = QStringLiteral("//a[@rel=");
        const ArticleLocation location
            = ArticleLocator::locate(page, "text/html", QUrl(QStringLiteral("https://a.example/")), options);
        QVERIFY(location.xpathFailed);
        QVERIFY(location.articleUrl.isEmpty());
        QVERIFY(location.feedUrls.isEmpty());
        QVERIFY2(location.error.contains(QStringLiteral("is not valid")), qPrintable(location.error));
        // Without the XPath, the same page answers by its bookmark.
        const ArticleLocation plain
            = ArticleLocator::locate(page, "text/html", QUrl(QStringLiteral("https://a.example/")));
        QVERIFY(!plain.xpathFailed);
        QCOMPARE(plain.articleUrl, QUrl(QStringLiteral("https://a.example/post.html")));
    }
};

QTEST_GUILESS_MAIN(TestXPathCheck)
#include "tst_xpathcheck.moc"
