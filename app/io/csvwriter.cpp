// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"

namespace {
QString msOrEmpty(qint64 ms)
{
    return ms < 0 ? QString() : QString::number(ms);
}

// Empty when there was nothing to compare with: no history, a first scan, or a failure.
QString newness(const BlogResult &result)
{
    if (!result.previousArticleUrl.isValid())
        return {};
    return result.isNew ? QStringLiteral("yes") : QStringLiteral("no");
}
} // namespace

QStringList CsvWriter::header()
{
    return { QStringLiteral("blog_url"),    QStringLiteral("status"),     QStringLiteral("article_url"),
             QStringLiteral("title"),       QStringLiteral("found_via"),  QStringLiteral("front_page_ms"),
             QStringLiteral("feed_ms"),     QStringLiteral("article_ms"), QStringLiteral("total_ms"),
             QStringLiteral("http_status"), QStringLiteral("error"),      QStringLiteral("raw_title"),
             QStringLiteral("new") };
}

QStringList CsvWriter::row(const BlogResult &result)
{
    return { result.blogText(),
             BlogStatusText::code(result.status),
             result.articleUrl.isValid() ? result.articleUrl.toString(QUrl::FullyEncoded) : QString(),
             result.title,
             result.foundVia,
             msOrEmpty(result.durationMs(RequestKind::FrontPage)),
             msOrEmpty(result.durationMs(RequestKind::Feed)),
             msOrEmpty(result.durationMs(RequestKind::Article)),
             msOrEmpty(result.totalMs()),
             result.httpStatus > 0 ? QString::number(result.httpStatus) : QString(),
             result.error,
             result.rawTitle,
             newness(result) };
}

QString CsvWriter::field(const QString &value)
{
    QString cell = value;
    // OWASP CSV injection: a leading =, +, -, @, tab or CR makes spreadsheets evaluate the cell.
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            cell.prepend(QLatin1Char('\''));
    }
    const bool needsQuotes = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
        || cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return cell;
    cell.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QByteArray CsvWriter::line(const QStringList &cells)
{
    QString text;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        text += field(cells.at(i));
    }
    text += QLatin1String("\r\n");
    return text.toUtf8();
}

QByteArray CsvWriter::toCsv(const QList<BlogResult> &results)
{
    QByteArray csv = line(header());
    for (const BlogResult &result : results)
        csv += line(row(result));
    return csv;
}
