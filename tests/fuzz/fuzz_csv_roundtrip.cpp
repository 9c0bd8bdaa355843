// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes CsvWriter: the input becomes rows of cells, the writer turns them into CSV, and a small
// strict RFC 4180 reader written here (independent of the writer) must get every cell back, with
// the OWASP formula guard applied exactly where it should be and nowhere else.
//
// Input layout: byte 0x01 ends a row, byte 0x00 ends a cell; everything else is cell text (UTF-8,
// invalid sequences become U+FFFD before writing, as they would for any QString).

#include "io/csvwriter.h"
#include "types/blogresult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

using Rows = QList<QStringList>;

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "csv round trip: %s\n", what);
    std::abort();
}

// Strict RFC 4180: CRLF after every record, quotes only around whole fields, "" inside quotes.
// An empty record is one empty field. Anything else is malformed (std::nullopt).
std::optional<Rows> readCsv(const QByteArray &csv)
{
    Rows rows;
    QStringList row;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = csv.size();
    while (i < n) {
        // At the start of a field.
        if (csv.at(i) == '"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt; // unterminated quote
                if (csv.at(i) == '"') {
                    if (i + 1 < n && csv.at(i + 1) == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += csv.at(i++);
            }
        } else {
            while (i < n && csv.at(i) != ',' && csv.at(i) != '\r' && csv.at(i) != '\n') {
                if (csv.at(i) == '"')
                    return std::nullopt; // a quote in an unquoted field
                field += csv.at(i++);
            }
        }
        row.append(QString::fromUtf8(field));
        field.clear();
        if (i >= n)
            return std::nullopt; // the last record must end with CRLF too
        if (csv.at(i) == ',') {
            ++i;
            continue;
        }
        if (csv.at(i) == '\r' && i + 1 < n && csv.at(i + 1) == '\n') {
            i += 2;
            rows.append(row);
            row.clear();
            continue;
        }
        return std::nullopt; // bare CR or LF, or junk after a closing quote
    }
    if (!row.isEmpty())
        return std::nullopt;
    return rows;
}

// What a spreadsheet-safe cell must look like once read back.
QString guarded(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    const QChar first = cell.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') || first == QLatin1Char('@')
        || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        return QLatin1Char('\'') + cell;
    return cell;
}

bool startsDangerously(const QString &cell)
{
    return !cell.isEmpty() && guarded(cell) != cell;
}

Rows rowsFrom(const uint8_t *data, size_t size)
{
    Rows rows;
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    for (const QByteArray &rowBytes : bytes.split('\x01')) {
        QStringList cells;
        for (const QByteArray &cellBytes : rowBytes.split('\0'))
            cells.append(QString::fromUtf8(cellBytes));
        rows.append(cells);
    }
    return rows;
}

void checkRoundTrip(const Rows &written, const QByteArray &csv)
{
    const std::optional<Rows> read = readCsv(csv);
    if (!read)
        fail("the writer produced malformed CSV");
    if (read->size() != written.size())
        fail("row count differs");
    for (qsizetype r = 0; r < written.size(); ++r) {
        const QStringList &in = written.at(r);
        const QStringList &out = read->at(r);
        if (in.size() != out.size())
            fail("cell count differs");
        for (qsizetype c = 0; c < in.size(); ++c) {
            if (out.at(c) != guarded(in.at(c)))
                fail("a cell did not come back as written (plus the formula guard)");
            if (startsDangerously(out.at(c)))
                fail("a cell would be evaluated as a formula");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Rows rows = rowsFrom(data, size);

    // CsvWriter::line on arbitrary cells.
    QByteArray csv;
    for (const QStringList &row : rows)
        csv += CsvWriter::line(row);
    checkRoundTrip(rows, csv);

    // CsvWriter::toCsv on results whose free-text columns carry the cells.
    QList<BlogResult> results;
    Rows expected { CsvWriter::header() };
    for (const QStringList &row : rows) {
        BlogResult result;
        result.blogInput = row.value(0);
        result.title = row.value(1);
        result.foundVia = row.value(2);
        result.error = row.value(3);
        results.append(result);
        expected.append(CsvWriter::row(result));
    }
    const QByteArray exported = CsvWriter::toCsv(results);
    checkRoundTrip(expected, exported);
    for (qsizetype r = 0; r < results.size(); ++r) {
        const QStringList row = expected.at(r + 1);
        if (row.at(3) != results.at(r).title || row.at(4) != results.at(r).foundVia
            || row.at(10) != results.at(r).error)
            fail("CsvWriter::row put a field in the wrong column");
    }
    return 0;
}
