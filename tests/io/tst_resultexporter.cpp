// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/jsonwriter.h"
#include "io/resultexporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestResultExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheTypedExtension_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<ExportFormat>("filter");
        QTest::addColumn<QString>("path");
        QTest::addColumn<ExportFormat>("format");
        const ExportFormat csv = ExportFormat::Csv;
        const ExportFormat json = ExportFormat::Json;
        QTest::addRow(".json typed, CSV filter")
            << QStringLiteral("/tmp/results.json") << csv << QStringLiteral("/tmp/results.json") << json;
        QTest::addRow(".csv typed, JSON filter")
            << QStringLiteral("/tmp/results.csv") << json << QStringLiteral("/tmp/results.csv") << csv;
        QTest::addRow("upper case") << QStringLiteral("/tmp/RESULTS.JSON") << csv << QStringLiteral("/tmp/RESULTS.JSON")
                                    << json;
        QTest::addRow("no extension, CSV filter")
            << QStringLiteral("/tmp/results") << csv << QStringLiteral("/tmp/results.csv") << csv;
        QTest::addRow("no extension, JSON filter")
            << QStringLiteral("/tmp/results") << json << QStringLiteral("/tmp/results.json") << json;
        QTest::addRow("dotted folder") << QStringLiteral("/tmp/my.folder/results") << json
                                       << QStringLiteral("/tmp/my.folder/results.json") << json;
        QTest::addRow("other extension kept")
            << QStringLiteral("/tmp/results.txt") << csv << QStringLiteral("/tmp/results.txt") << csv;
        QTest::addRow("other extension, JSON")
            << QStringLiteral("/tmp/results.2026") << json << QStringLiteral("/tmp/results.2026") << json;
    }

    void followsTheTypedExtension()
    {
        QFETCH(QString, typed);
        QFETCH(ExportFormat, filter);
        QFETCH(QString, path);
        QFETCH(ExportFormat, format);
        const ResultExporter::Target target = ResultExporter::targetFor(typed, filter);
        QCOMPARE(target.path, path);
        QCOMPARE(target.format, format);
    }

    void writesJsonWhenJsonIsTypedUnderTheCsvFilter()
    {
        QTemporaryDir dir;
        BlogResult result;
        result.index = 0;
        result.blogUrl = QUrl(QStringLiteral("https://a.example/"));
        result.status = BlogStatus::Ok;
        result.title = QStringLiteral("Title");
        const ResultExporter::Target target
            = ResultExporter::targetFor(dir.filePath(QStringLiteral("results.json")), ExportFormat::Csv);
        QVERIFY(!ResultExporter::write(target.path, { result }, target.format).has_value());
        QFile file(target.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const QList<BlogResult> read = JsonWriter::fromJson(file.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.constFirst().title, QStringLiteral("Title"));
    }
};

QTEST_GUILESS_MAIN(TestResultExporter)
#include "tst_resultexporter.moc"
