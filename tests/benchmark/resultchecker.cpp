// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultchecker.h"

#include <QFile>
#include <QHash>
#include <QUrl>

#include <utility>

namespace {
// The same report should show what went wrong without drowning the table.
constexpr int kMaxExamples = 5;

QString comparable(const QString &title)
{
    return title.normalized(QString::NormalizationForm_C).simplified();
}

// Examples go into a markdown list: a title with a line break must not break it.
QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\r'), QLatin1String("\\r")).replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

QString urlKey(const QString &url)
{
    return QUrl(url).adjusted(QUrl::NormalizePathSegments).toString();
}
} // namespace

QList<QStringList> ResultChecker::parseCsv(const QByteArray &data)
{
    const QString text = QString::fromUtf8(data);
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    bool rowHasContent = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            rowHasContent = true;
        } else if (c == QLatin1Char(',')) {
            row.append(std::exchange(cell, {}));
            rowHasContent = true;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            if (rowHasContent || !cell.isEmpty()) {
                row.append(std::exchange(cell, {}));
                rows.append(std::exchange(row, {}));
            }
            rowHasContent = false;
        } else {
            cell += c;
            rowHasContent = true;
        }
    }
    if (rowHasContent || !cell.isEmpty()) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

QString ResultChecker::undefused(const QString &cell)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (cell.size() >= 2 && cell.at(0) == QLatin1Char('\'') && formulaStarts.contains(cell.at(1)))
        return cell.mid(1);
    return cell;
}

CheckResult ResultChecker::check(const QString &csvPath, const QString &expectedPath, Scoring scoring)
{
    CheckResult result;

    QFile expectedFile(expectedPath);
    if (!expectedFile.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot read %1").arg(expectedPath);
        return result;
    }
    QList<QPair<QString, QString>> expected; // list order: URL, title
    for (const QByteArray &line : expectedFile.readAll().split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab > 0)
            expected.append({ QString::fromUtf8(line.left(tab)), QString::fromUtf8(line.mid(tab + 1)) });
    }
    result.total = int(expected.size());

    QFile csvFile(csvPath);
    if (!csvFile.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("no CSV at %1").arg(csvPath);
        result.statuses.insert(QStringLiteral("missing"), result.total);
        return result;
    }
    const QList<QStringList> rows = parseCsv(csvFile.readAll());
    const QStringList header = rows.value(0);
    const qsizetype urlColumn = header.indexOf(QStringLiteral("blog_url"));
    const qsizetype statusColumn = header.indexOf(QStringLiteral("status"));
    const qsizetype titleColumn = header.indexOf(QStringLiteral("title"));
    const bool peer = scoring == Scoring::CurlPeer;
    if (urlColumn < 0 || (statusColumn < 0 && !peer) || titleColumn < 0) {
        result.error = QStringLiteral("the CSV header lacks blog_url, status or title");
        result.statuses.insert(QStringLiteral("missing"), result.total);
        return result;
    }
    // Matched by address, not by position, so a reordered or short CSV is scored fairly.
    QHash<QString, QStringList> byUrl;
    for (qsizetype i = 1; i < rows.size(); ++i)
        byUrl.insert(urlKey(undefused(rows.at(i).value(urlColumn))), rows.at(i));

    for (const auto &[url, title] : std::as_const(expected)) {
        const auto found = byUrl.constFind(urlKey(url));
        if (found == byUrl.cend()) {
            ++result.statuses[QStringLiteral("missing")];
            if (result.examples.size() < kMaxExamples)
                result.examples.append(QStringLiteral("%1: no row").arg(url));
            continue;
        }
        const QString got = undefused(found->value(titleColumn));
        const QString status = !peer ? found->value(statusColumn)
            : got.isEmpty()          ? QStringLiteral("no title")
                                     : QStringLiteral("ok");
        ++result.statuses[status];
        const bool right = comparable(got) == comparable(title)
            || (peer && comparable(got).startsWith(comparable(title) + QStringLiteral(" \u2013 ")));
        if (status == QLatin1String("ok") && right) {
            ++result.correct;
        } else if (result.examples.size() < kMaxExamples) {
            result.examples.append(
                QStringLiteral("%1: %2, title \"%3\", expected \"%4\"").arg(url, status, oneLine(got), title));
        }
    }
    return result;
}
