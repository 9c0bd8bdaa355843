// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

/// Writes results as the CSV contract of DESIGN.md: UTF-8, RFC 4180, CRLF, a header row,
/// one row per blog in list order, and the OWASP guard against spreadsheet formulas. After the
/// contract's columns comes `new` (yes/no, empty when no earlier scan is known).
class CsvWriter final
{
public:
    static QStringList header();
    static QByteArray toCsv(const QList<BlogResult> &results);
    static QStringList row(const BlogResult &result);
    /// One cell, quoted when needed and defused when a spreadsheet would read it as a formula.
    static QString field(const QString &value);
    static QByteArray line(const QStringList &cells);
};
