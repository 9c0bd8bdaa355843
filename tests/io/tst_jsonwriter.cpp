// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvwriter.h"
#include "io/jsonwriter.h"
#include "io/resultexporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QList<BlogResult> sampleResults()
{
    BlogResult ok;
    ok.index = 0;
    ok.blogUrl = QUrl(QStringLiteral("https://example.org/blog/"));
    ok.name = QStringLiteral("Example");
    ok.status = BlogStatus::Ok;
    ok.articleUrl = QUrl(QStringLiteral("https://example.org/blog/a,b.html"));
    ok.title = QStringLiteral("Quotes \"here\" — ünïcödé <b>");
    ok.foundVia = QStringLiteral("feed");
    ok.httpStatus = 200;
    ok.isNew = true;
    ok.previousArticleUrl = QUrl(QStringLiteral("https://example.org/blog/older.html"));
    ok.timings = {
        RequestTiming { RequestKind::FrontPage,
                        QUrl(QStringLiteral("https://example.org/blog/")),
                        QUrl(QStringLiteral("https://example.org/blog/")),
                        3,
                        120,
                        200,
                        5120,
                        {} },
        RequestTiming { RequestKind::Feed,
                        QUrl(QStringLiteral("https://example.org/feed")),
                        QUrl(QStringLiteral("https://example.org/feed/")),
                        121,
                        180,
                        200,
                        900,
                        {} },
        RequestTiming { RequestKind::Article,
                        QUrl(QStringLiteral("https://example.org/blog/a,b.html")),
                        QUrl(QStringLiteral("https://example.org/blog/a,b.html")),
                        181,
                        250,
                        200,
                        20000,
                        {} },
    };
    BlogResult failed;
    failed.index = 1;
    failed.blogUrl = QUrl(QStringLiteral("http://bad.invalid/"));
    failed.status = BlogStatus::Timeout;
    failed.error = QStringLiteral("No data for 15 seconds.");
    failed.timings = { RequestTiming { RequestKind::FrontPage, failed.blogUrl, {}, 10, 15010, 0, 0, failed.error } };
    return { ok, failed };
}
} // namespace

class TestJsonWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheCsvFieldsWithTheSameNames()
    {
        const QJsonDocument document = QJsonDocument::fromJson(JsonWriter::toJson(sampleResults()));
        QVERIFY(document.isObject());
        const QJsonArray results = document.object().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject ok = results.at(0).toObject();
        for (const QString &field : CsvWriter::header())
            QVERIFY2(ok.contains(field), qPrintable(field));
        QCOMPARE(ok.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(ok.value(QLatin1String("front_page_ms")).toInteger(), 117);
        QCOMPARE(ok.value(QLatin1String("feed_ms")).toInteger(), 59);
        QCOMPARE(ok.value(QLatin1String("total_ms")).toInteger(), 247);
        QCOMPARE(ok.value(QLatin1String("new")), QJsonValue(true));
        const QJsonArray timings = ok.value(QLatin1String("timings")).toArray();
        QCOMPARE(timings.size(), 3);
        QCOMPARE(timings.at(1).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("feed"));
        QCOMPARE(timings.at(1).toObject().value(QLatin1String("final_url")).toString(),
                 QStringLiteral("https://example.org/feed/"));

        const QJsonObject failed = results.at(1).toObject();
        QVERIFY(failed.value(QLatin1String("article_ms")).isNull()); // no request: null, not 0
        QVERIFY(failed.value(QLatin1String("new")).isNull()); // nothing to compare with
        QCOMPARE(failed.value(QLatin1String("status")).toString(), QStringLiteral("timeout"));
    }

    void roundTripsThroughAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.json"));
        const QList<BlogResult> written = sampleResults();
        QCOMPARE(ResultExporter::formatForPath(path), ExportFormat::Json);
        QVERIFY(!ResultExporter::write(path, written, ExportFormat::Json).has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const QList<BlogResult> read = JsonWriter::fromJson(file.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), written.size());
        for (qsizetype i = 0; i < read.size(); ++i) {
            const BlogResult &a = written.at(i);
            const BlogResult &b = read.at(i);
            QCOMPARE(b.blogUrl, a.blogUrl);
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.articleUrl, a.articleUrl);
            QCOMPARE(b.title, a.title);
            QCOMPARE(b.foundVia, a.foundVia);
            QCOMPARE(b.httpStatus, a.httpStatus);
            QCOMPARE(b.error, a.error);
            QCOMPARE(b.isNew, a.isNew);
            QCOMPARE(b.previousArticleUrl, a.previousArticleUrl);
            QCOMPARE(b.timings.size(), a.timings.size());
            for (qsizetype t = 0; t < a.timings.size(); ++t) {
                QCOMPARE(b.timings.at(t).kind, a.timings.at(t).kind);
                QCOMPARE(b.timings.at(t).url, a.timings.at(t).url);
                QCOMPARE(b.timings.at(t).finalUrl, a.timings.at(t).finalUrl);
                QCOMPARE(b.timings.at(t).startMs, a.timings.at(t).startMs);
                QCOMPARE(b.timings.at(t).endMs, a.timings.at(t).endMs);
                QCOMPARE(b.timings.at(t).httpStatus, a.timings.at(t).httpStatus);
                QCOMPARE(b.timings.at(t).bytes, a.timings.at(t).bytes);
                QCOMPARE(b.timings.at(t).error, a.timings.at(t).error);
            }
        }
    }

    void refusesWhatItDidNotWrite()
    {
        QString error;
        QVERIFY(JsonWriter::fromJson("[1, 2]", &error).isEmpty());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(JsonWriter::fromJson("{\"results\": ", &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
