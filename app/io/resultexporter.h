// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QList>
#include <QString>

#include <optional>

/// The formats results export to: CSV (the contract), JSON (same fields, plus timings) and an Atom
/// feed of the articles found, for feed readers (see AtomWriter).
enum class ExportFormat { Csv, Json, Atom };

/// Writes results to a file atomically (see OutputFile): a failed write never destroys the old file.
class ResultExporter final
{
public:
    /// Returns a translated error sentence on failure.
    static std::optional<QString> writeCsv(const QString &path, const QList<BlogResult> &results);
    static std::optional<QString> write(const QString &path, const QList<BlogResult> &results, ExportFormat format);
    static std::optional<QString> writeBytes(const QString &path, const QByteArray &bytes);
    /// @p path is where the bytes go (empty for standard output): an Atom feed names itself after it.
    static QByteArray encode(const QList<BlogResult> &results, ExportFormat format, const QString &path = {});
    /// JSON for a path ending in .json, Atom for .atom, CSV otherwise.
    static ExportFormat formatForPath(const QString &path);
    /// Where and how a save dialog's answer is written: the typed name's extension decides (.json is
    /// JSON, .atom Atom, .csv CSV, whatever the dialog's file-type box says); a name without an
    /// extension gets @p filterFormat's, the file type the dialog showed; any other extension is
    /// kept and written as @p filterFormat.
    struct Target {
        QString path;
        ExportFormat format = ExportFormat::Csv;
    };
    static Target targetFor(const QString &typedPath, ExportFormat filterFormat);
    /// "csv", "json" or "atom"; std::nullopt for anything else.
    static std::optional<ExportFormat> formatFromName(const QString &name);
    /// The extension files of @p format get, without the dot: "csv", "json", "atom".
    static QString extension(ExportFormat format);
};
