// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/datetimeparser.h"

#include <QTimeZone>

QDateTime DateTimeParser::parse(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty() || text.size() > 100)
        return {};
    if (text.front().isDigit() && text.size() >= 10 && text.at(4) == QLatin1Char('-')) {
        // ISO 8601. Qt wants an upper-case T and no space separator; feeds use both.
        if (text.size() > 10 && (text.at(10) == QLatin1Char(' ') || text.at(10) == QLatin1Char('t')))
            text[10] = QLatin1Char('T');
        if (text.endsWith(QLatin1Char('z')))
            text[text.size() - 1] = QLatin1Char('Z');
        QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!date.isValid())
            date = QDateTime::fromString(text, Qt::ISODate);
        if (!date.isValid() && text.size() == 10) {
            const QDate day = QDate::fromString(text, Qt::ISODate);
            if (day.isValid())
                date = QDateTime(day, QTime(0, 0), QTimeZone::utc());
        }
        if (date.isValid() && date.timeSpec() == Qt::LocalTime)
            date.setTimeZone(QTimeZone::utc()); // no zone given: treat as UTC, never the machine's zone
        return date.isValid() ? date.toUTC() : QDateTime();
    }
    QDateTime date = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!date.isValid()) {
        // Common RSS sloppiness: zone names Qt does not know ("EST", "PDT") and no seconds.
        static const std::pair<const char *, const char *> zones[] = {
            { " GMT", " +0000" }, { " UTC", " +0000" }, { " UT", " +0000" },  { " Z", " +0000" },
            { " EST", " -0500" }, { " EDT", " -0400" }, { " CST", " -0600" }, { " CDT", " -0500" },
            { " MST", " -0700" }, { " MDT", " -0600" }, { " PST", " -0800" }, { " PDT", " -0700" },
        };
        QString fixed = text;
        for (const auto &[name, offset] : zones) {
            if (fixed.endsWith(QLatin1String(name))) {
                fixed.chop(qsizetype(qstrlen(name)));
                fixed += QLatin1String(offset);
                break;
            }
        }
        date = QDateTime::fromString(fixed, Qt::RFC2822Date);
    }
    return date.isValid() ? date.toUTC() : QDateTime();
}
