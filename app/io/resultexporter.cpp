// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultexporter.h"

#include "csvwriter.h"
#include "jsonwriter.h"
#include "outputfile.h"

#include <QCoreApplication>
#include <QFileInfo>

std::optional<QString> ResultExporter::writeCsv(const QString &path, const QList<BlogResult> &results)
{
    return writeBytes(path, CsvWriter::toCsv(results));
}

std::optional<QString> ResultExporter::write(const QString &path, const QList<BlogResult> &results, ExportFormat format)
{
    return writeBytes(path, encode(results, format));
}

QByteArray ResultExporter::encode(const QList<BlogResult> &results, ExportFormat format)
{
    return format == ExportFormat::Json ? JsonWriter::toJson(results) : CsvWriter::toCsv(results);
}

ExportFormat ResultExporter::formatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? ExportFormat::Json : ExportFormat::Csv;
}

ResultExporter::Target ResultExporter::targetFor(const QString &typedPath, ExportFormat filterFormat)
{
    const QString suffix = QFileInfo(typedPath).suffix();
    if (const std::optional<ExportFormat> typed = formatFromName(suffix))
        return { typedPath, *typed }; // what the user typed wins over the file-type box
    if (suffix.isEmpty() && !typedPath.endsWith(QLatin1Char('.'))) {
        return { typedPath + (filterFormat == ExportFormat::Json ? QLatin1String(".json") : QLatin1String(".csv")),
                 filterFormat };
    }
    return { typedPath, filterFormat };
}

std::optional<ExportFormat> ResultExporter::formatFromName(const QString &name)
{
    if (name.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return ExportFormat::Csv;
    if (name.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return ExportFormat::Json;
    return std::nullopt;
}

std::optional<QString> ResultExporter::writeBytes(const QString &path, const QByteArray &bytes)
{
    OutputFile file(path);
    if (!file.open()) {
        return QCoreApplication::translate("ResultExporter", "Cannot write %1: %2").arg(path, file.errorString());
    }
    if (!file.writeAll(bytes)) {
        return QCoreApplication::translate("ResultExporter", "Cannot write %1: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}
