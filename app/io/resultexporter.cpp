// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultexporter.h"

#include "csvwriter.h"

#include <QCoreApplication>
#include <QSaveFile>

std::optional<QString> ResultExporter::writeCsv(const QString &path, const QList<BlogResult> &results)
{
    return writeBytes(path, CsvWriter::toCsv(results));
}

std::optional<QString> ResultExporter::writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QCoreApplication::translate("ResultExporter", "Cannot write %1: %2").arg(path, file.errorString());
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return QCoreApplication::translate("ResultExporter", "Cannot write %1: %2").arg(path, file.errorString());
    }
    return std::nullopt;
}
