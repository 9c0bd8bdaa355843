// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultexporter.h"

#include "atomwriter.h"
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
    return writeBytes(path, encode(results, format, path));
}

QByteArray ResultExporter::encode(const QList<BlogResult> &results, ExportFormat format, const QString &path)
{
    switch (format) {
    case ExportFormat::Json:
        return JsonWriter::toJson(results);
    case ExportFormat::Atom:
        return AtomWriter::toAtom(results, path);
    case ExportFormat::Csv:
        break;
    }
    return CsvWriter::toCsv(results);
}

ExportFormat ResultExporter::formatForPath(const QString &path)
{
    const std::optional<ExportFormat> named = formatFromName(QFileInfo(path).suffix());
    return named.value_or(ExportFormat::Csv);
}

QString ResultExporter::extension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Atom:
        return QStringLiteral("atom");
    case ExportFormat::Csv:
        break;
    }
    return QStringLiteral("csv");
}

ResultExporter::Target ResultExporter::targetFor(const QString &typedPath, ExportFormat filterFormat)
{
    const QString suffix = QFileInfo(typedPath).suffix();
    if (const std::optional<ExportFormat> typed = formatFromName(suffix))
        return { typedPath, *typed }; // what the user typed wins over the file-type box
    if (suffix.isEmpty() && !typedPath.endsWith(QLatin1Char('.'))) {
        return { typedPath + QLatin1Char('.') + extension(filterFormat), filterFormat };
    }
    return { typedPath, filterFormat };
}

std::optional<ExportFormat> ResultExporter::formatFromName(const QString &name)
{
    for (const ExportFormat format : { ExportFormat::Csv, ExportFormat::Json, ExportFormat::Atom }) {
        if (name.compare(extension(format), Qt::CaseInsensitive) == 0)
            return format;
    }
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
