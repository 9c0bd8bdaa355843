// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

/// Writes results as JSON: the CSV contract's fields under the same names (numbers as numbers,
/// null when missing), plus `new` and every request's timing as an array of objects:
/// `{"generator": "Titlewave 0.1.0", "results": [{"blog_url": ..., "timings": [{"kind":
/// "front_page", "url", "final_url", "start_ms", "end_ms", "http_status", "bytes", "error"}]}]}`.
class JsonWriter final
{
public:
    static QByteArray toJson(const QList<BlogResult> &results);
    static QJsonObject toObject(const BlogResult &result);
    /// Reads what toJson() wrote back into results (the fields it holds); an empty list and
    /// @p error set when @p json is not such a document.
    static QList<BlogResult> fromJson(const QByteArray &json, QString *error = nullptr);
};
