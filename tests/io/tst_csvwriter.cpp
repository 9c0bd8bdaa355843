// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvwriter.h"
#include "io/resultexporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
// A small RFC 4180 reader, independent of the writer, to prove the round trip.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
            ++i;
        } else {
            cell += c;
        }
    }
    return rows;
}
} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerIsTheContract()
    {
        QCOMPARE(QString::fromUtf8(CsvWriter::line(CsvWriter::header())),
                 QStringLiteral("blog_url,status,article_url,title,found_via,front_page_ms,feed_ms,article_ms,"
                                "total_ms,http_status,error,raw_title,new\r\n"));
    }

    void newColumnSaysYesNoOrNothing()
    {
        BlogResult result;
        result.blogUrl = QUrl(QStringLiteral("https://example.org/"));
        result.status = BlogStatus::Ok;
        QCOMPARE(CsvWriter::row(result).constLast(), QString()); // no earlier scan known
        result.previousArticleUrl = QUrl(QStringLiteral("https://example.org/old"));
        QCOMPARE(CsvWriter::row(result).constLast(), QStringLiteral("no"));
        result.isNew = true;
        QCOMPARE(CsvWriter::row(result).constLast(), QStringLiteral("yes"));
        QCOMPARE(CsvWriter::row(result).size(), CsvWriter::header().size());
    }

    void quotesAndDefusesCells_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::addRow("plain") << QStringLiteral("Hello") << QStringLiteral("Hello");
        QTest::addRow("empty") << QString() << QString();
        QTest::addRow("comma") << QStringLiteral("a, b") << QStringLiteral("\"a, b\"");
        QTest::addRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::addRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::addRow("crlf") << QStringLiteral("a\r\nb") << QStringLiteral("\"a\r\nb\"");
        QTest::addRow("non-ascii") << QStringLiteral("Café — 東京 🚀") << QStringLiteral("Café — 東京 🚀");
        QTest::addRow("formula") << QStringLiteral("=HYPERLINK(\"http://evil\",\"click\")")
                                 << QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
        QTest::addRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::addRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::addRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::addRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
        QTest::addRow("cr") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
        QTest::addRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }

    void quotesAndDefusesCells()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        QCOMPARE(CsvWriter::field(value), cell);
    }

    void roundTripsThroughAnRfc4180Reader()
    {
        BlogResult result;
        result.blogUrl = QUrl(QStringLiteral("https://example.org/blog/"));
        result.status = BlogStatus::Ok;
        result.articleUrl = QUrl(QStringLiteral("https://example.org/blog/a,b.html"));
        result.title = QStringLiteral("Quotes \"here\", commas, and\r\nnew lines — ünïcödé");
        result.foundVia = QStringLiteral("rel-bookmark");
        result.rawTitle = QStringLiteral("Quotes \"here\" | A Blog");
        result.timings = { RequestTiming { RequestKind::FrontPage, {}, {}, 0, 120, 200, 10, {} },
                           RequestTiming { RequestKind::Article, {}, {}, 130, 250, 200, 10, {} } };
        result.httpStatus = 200;
        BlogResult failed;
        failed.blogUrl = QUrl(QStringLiteral("http://bad.invalid/"));
        failed.status = BlogStatus::Dns;
        failed.error = QStringLiteral("The host name could not be resolved.");

        const QList<QStringList> rows = parseCsv(QString::fromUtf8(CsvWriter::toCsv({ result, failed })));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), CsvWriter::header());
        QCOMPARE(rows.at(1).size(), 13);
        QCOMPARE(rows.at(1).at(0), QStringLiteral("https://example.org/blog/"));
        QCOMPARE(rows.at(1).at(1), QStringLiteral("ok"));
        QCOMPARE(rows.at(1).at(2), QStringLiteral("https://example.org/blog/a,b.html"));
        QCOMPARE(rows.at(1).at(3), result.title);
        QCOMPARE(rows.at(1).at(5), QStringLiteral("120"));
        QCOMPARE(rows.at(1).at(6), QString()); // no feed request: empty, not 0
        QCOMPARE(rows.at(1).at(7), QStringLiteral("120"));
        QCOMPARE(rows.at(1).at(8), QStringLiteral("250"));
        QCOMPARE(rows.at(1).at(9), QStringLiteral("200"));
        QCOMPARE(rows.at(2).at(1), QStringLiteral("dns"));
        QCOMPARE(rows.at(2).at(3), QString());
        QCOMPARE(rows.at(2).at(10), failed.error);
        // After the contract's columns: the page's raw <title>, kept beside the headline.
        QCOMPARE(rows.at(1).at(11), result.rawTitle);
        QCOMPARE(rows.at(2).at(11), QString());
    }

    void exportReplacesFileAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        BlogResult result;
        result.blogUrl = QUrl(QStringLiteral("https://example.org/"));
        QVERIFY(!ResultExporter::writeCsv(path, { result }).has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("blog_url,status"));
    }

    void exportReportsAnUnwritablePath()
    {
        const std::optional<QString> error
            = ResultExporter::writeCsv(QStringLiteral("/nonexistent-dir/for/sure/out.csv"), {});
        QVERIFY(error.has_value());
        QVERIFY(error->contains(QStringLiteral("/nonexistent-dir/for/sure/out.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
