// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scan/blogresult.h"

#include <QList>
#include <QString>

#include <optional>

/// Writes results to a file atomically (QSaveFile): a failed write never destroys the old file.
class ResultExporter final
{
public:
    /// Returns a translated error sentence on failure.
    static std::optional<QString> writeCsv(const QString &path, const QList<BlogResult> &results);
    static std::optional<QString> writeBytes(const QString &path, const QByteArray &bytes);
};
