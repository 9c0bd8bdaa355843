// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/datetimeparser.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace {

// Month names and abbreviations in the languages Titlewave speaks, case-folded, with accents
// and without (pages drop them); 1-based month.
struct MonthName {
    const char *name; // UTF-8
    int month;
};
constexpr MonthName MonthNames[] = {
    // English
    { "january", 1 },
    { "february", 2 },
    { "march", 3 },
    { "april", 4 },
    { "may", 5 },
    { "june", 6 },
    { "july", 7 },
    { "august", 8 },
    { "september", 9 },
    { "october", 10 },
    { "november", 11 },
    { "december", 12 },
    { "jan", 1 },
    { "feb", 2 },
    { "mar", 3 },
    { "apr", 4 },
    { "jun", 6 },
    { "jul", 7 },
    { "aug", 8 },
    { "sep", 9 },
    { "sept", 9 },
    { "oct", 10 },
    { "nov", 11 },
    { "dec", 12 },
    // French
    { "janvier", 1 },
    { "f\u00e9vrier", 2 },
    { "fevrier", 2 },
    { "mars", 3 },
    { "avril", 4 },
    { "mai", 5 },
    { "juin", 6 },
    { "juillet", 7 },
    { "ao\u00fbt", 8 },
    { "aout", 8 },
    { "septembre", 9 },
    { "octobre", 10 },
    { "novembre", 11 },
    { "d\u00e9cembre", 12 },
    { "decembre", 12 },
    { "janv", 1 },
    { "f\u00e9vr", 2 },
    { "fevr", 2 },
    { "avr", 4 },
    { "juil", 7 },
    { "d\u00e9c", 12 },
    // German
    { "januar", 1 },
    { "j\u00e4nner", 1 },
    { "februar", 2 },
    { "m\u00e4rz", 3 },
    { "maerz", 3 },
    { "juni", 6 },
    { "juli", 7 },
    { "oktober", 10 },
    { "dezember", 12 },
    { "m\u00e4r", 3 },
    { "okt", 10 },
    { "dez", 12 },
};

int monthNumber(const QString &word)
{
    static const QHash<QString, int> months = [] {
        QHash<QString, int> out;
        for (const MonthName &month : MonthNames)
            out.insert(QString::fromUtf8(month.name), month.month);
        return out;
    }();
    return months.value(word.toCaseFolded());
}

QString monthAlternation()
{
    QStringList names;
    for (const MonthName &month : MonthNames)
        names.append(QString::fromUtf8(month.name));
    // Longest first, so "juillet" is not read as "juil" + "let".
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return names.join(QLatin1Char('|'));
}

struct TextPatterns {
    QRegularExpression dayMonthYear;
    QRegularExpression monthDayYear;
    QRegularExpression iso;
    QRegularExpression dotted;
};

const TextPatterns &textPatterns()
{
    static const TextPatterns patterns = [] {
        const QString months = monthAlternation();
        const auto options = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
        return TextPatterns {
            // 1 July 2024, 1st July 2024, 1er juillet 2024, 1. Juli 2024, 1 Jul. 2024
            QRegularExpression(QStringLiteral("(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(") + months
                                   + QStringLiteral(")\\.?,?\\s+(\\d{4})(?!\\d)"),
                               options),
            // July 1, 2024; Jul 1 2024; Mon Jul 1 10:00:00 2024; Mon Jul  1 10:00:00 UTC 2024
            QRegularExpression(
                QStringLiteral("\\b(") + months
                    + QStringLiteral(")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                                     "\\s+(?:[A-Za-z]{2,5}\\s+)?)?(\\d{4})(?!\\d)"),
                options),
            // 2024-07-01, 2024/07/01
            QRegularExpression(QStringLiteral("(?<!\\d)(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?!\\d)")),
            // 01.07.2024 (German)
            QRegularExpression(QStringLiteral("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?!\\d)")),
        };
    }();
    return patterns;
}

QDateTime utcDate(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    if (year < 1990 || year > 2100)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

} // namespace

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

QDateTime DateTimeParser::findInText(QStringView input)
{
    // Dates sit near the top or the bottom of a post's block; a hostile block is bounded.
    const QStringView text = input.left(4000);
    if (text.isEmpty())
        return {};
    const TextPatterns &patterns = textPatterns();
    QDateTime best;
    qsizetype bestAt = text.size();
    const auto consider = [&](const QRegularExpressionMatch &match, const QDateTime &date) {
        if (date.isValid() && match.capturedStart() < bestAt) {
            best = date;
            bestAt = match.capturedStart();
        }
    };
    for (auto it = patterns.dayMonthYear.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDateTime date = utcDate(m.captured(3).toInt(), monthNumber(m.captured(2)), m.captured(1).toInt());
        consider(m, date);
        if (date.isValid())
            break;
    }
    for (auto it = patterns.monthDayYear.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDateTime date = utcDate(m.captured(6).toInt(), monthNumber(m.captured(1)), m.captured(2).toInt(),
                                       m.captured(3).toInt(), m.captured(4).toInt(), m.captured(5).toInt());
        consider(m, date);
        if (date.isValid())
            break;
    }
    for (auto it = patterns.iso.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDateTime date = utcDate(m.captured(1).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
        consider(m, date);
        if (date.isValid())
            break;
    }
    for (auto it = patterns.dotted.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QDateTime date = utcDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
        consider(m, date);
        if (date.isValid())
            break;
    }
    return best;
}

QDateTime DateTimeParser::fromUrl(const QUrl &url)
{
    static const QRegularExpression segments(
        QStringLiteral("/((?:19|20)\\d{2})/(0?[1-9]|1[0-2])(?:/(0?[1-9]|[12]\\d|3[01]))?(?=/|$|\\.)"));
    static const QRegularExpression slug(
        QStringLiteral("(?:^|[/_-])((?:19|20)\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$)"));
    const QString path = url.path();
    if (path.size() > 1000)
        return {};
    if (const QRegularExpressionMatch m = segments.match(path); m.hasMatch())
        return utcDate(m.captured(1).toInt(), m.captured(2).toInt(),
                       m.captured(3).isEmpty() ? 1 : m.captured(3).toInt());
    if (const QRegularExpressionMatch m = slug.match(path); m.hasMatch())
        return utcDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return {};
}
