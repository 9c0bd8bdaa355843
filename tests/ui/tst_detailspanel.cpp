// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspanel.h"
#include "i18n/languageloader.h"

#include <QApplication>
#include <QClipboard>
#include <QLocale>
#include <QTest>

namespace {
BlogResult sample()
{
    BlogResult result;
    result.index = 3;
    result.blogUrl = QUrl(QStringLiteral("https://blog.example/"));
    result.name = QStringLiteral("A Blog");
    result.status = BlogStatus::Ok;
    result.httpStatus = 200;
    result.articleUrl = QUrl(QStringLiteral("https://blog.example/2026/post.html"));
    result.foundVia = QStringLiteral("rel-bookmark");
    result.title = QStringLiteral("A <b>headline</b>");
    result.titleVia = QStringLiteral("og:title");
    result.rawTitle = QStringLiteral("A <b>headline</b> | A Blog");
    RequestTiming front;
    front.kind = RequestKind::FrontPage;
    front.url = result.blogUrl;
    front.finalUrl = QUrl(QStringLiteral("https://www.blog.example/"));
    front.startMs = 5;
    front.endMs = 125;
    front.httpStatus = 200;
    front.bytes = 12345;
    front.http2 = true;
    RequestTiming article;
    article.kind = RequestKind::Article;
    article.url = result.articleUrl;
    article.startMs = 130;
    article.endMs = 300;
    article.httpStatus = 200;
    article.bytes = 1;
    result.timings = { front, article };
    return result;
}
} // namespace

class TestDetailsPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // English with its plural forms, as a user sees it ("1 byte", "12,345 bytes").
        LanguageLoader::apply(LanguageLoader::localeFor(QStringLiteral("en")));
    }

    void showsEveryRequestAndHowTheArticleAndTitleWereFound()
    {
        const QString text = DetailsPanel::text(sample());
        const QStringList expected {
            QStringLiteral("A Blog"),
            QStringLiteral("Address: https://blog.example/"),
            QStringLiteral("Status: OK (ok)"),
            QStringLiteral("Newest article: https://blog.example/2026/post.html"),
            QStringLiteral("Found via: a permalink marked rel=\"bookmark\" on the front page (rel-bookmark)"),
            QStringLiteral("Title: A <b>headline</b>"),
            QStringLiteral("Title chosen from: og:title"),
            QStringLiteral("Page <title>: A <b>headline</b> | A Blog"),
            QStringLiteral("1. Front page \u00b7 HTTP 200 over HTTP/2"),
            QStringLiteral("   https://blog.example/"),
            QStringLiteral("   redirected to https://www.blog.example/"),
            QStringLiteral("   starts at 5 ms, takes 120 ms, %1 bytes").arg(QLocale().toString(12345)),
            QStringLiteral("2. Article \u00b7 HTTP 200 over HTTP/1.1"),
            QStringLiteral("   starts at 130 ms, takes 170 ms, 1 byte"),
        };
        for (const QString &line : expected)
            QVERIFY2(text.split(QLatin1Char('\n')).contains(line), qPrintable(line + QStringLiteral("\n---\n") + text));
        QVERIFY(!text.contains(QStringLiteral("Error:")));
    }

    void showsTheWholeErrorOfAFailedRow()
    {
        BlogResult failed = sample();
        failed.status = BlogStatus::HttpError;
        failed.httpStatus = 404;
        failed.title.clear();
        failed.rawTitle.clear();
        failed.error = QStringLiteral("The server answered 404 Not Found: ") + QString(3000, QLatin1Char('x'));
        const QString text = DetailsPanel::text(failed);
        QVERIFY(text.contains(QStringLiteral("Status: HTTP 404 (http_error)")));
        QVERIFY(text.contains(QStringLiteral("Error: ") + failed.error)); // whole, not cut at 2,000
        // A megabyte from the web is still cut.
        failed.rawTitle = QString(1024 * 1024, QLatin1Char('r'));
        QVERIFY(DetailsPanel::text(failed).size() < 20000);
    }

    void isPlainSelectableCopyableText()
    {
        DetailsPanel panel;
        QVERIFY(panel.isReadOnly());
        QVERIFY(panel.textInteractionFlags() & Qt::TextSelectableByMouse);
        QVERIFY(panel.textInteractionFlags() & Qt::TextSelectableByKeyboard);
        QVERIFY(panel.toPlainText().isEmpty());
        QVERIFY(!panel.placeholderText().isEmpty());
        const BlogResult result = sample();
        panel.setResult(result);
        QCOMPARE(panel.toPlainText(), DetailsPanel::text(result));
        // Markup from the page stays text: the document holds the characters, no bold run.
        QVERIFY(panel.toPlainText().contains(QStringLiteral("A <b>headline</b>")));
        panel.selectAll();
        panel.copy();
        QCOMPARE(QApplication::clipboard()->text(), DetailsPanel::text(result));
        panel.clearResult();
        QVERIFY(panel.toPlainText().isEmpty());
    }
};

QTEST_MAIN(TestDetailsPanel)
#include "tst_detailspanel.moc"
