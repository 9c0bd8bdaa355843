// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

struct CheckResult {
    int total = 0; ///< blogs in the expected list
    int correct = 0; ///< status ok and the expected title
    QMap<QString, int> statuses; ///< how many rows had each status (missing rows as "missing")
    QStringList examples; ///< the first few wrong rows, for the report
    QString error; ///< set when the CSV could not be read at all
};

/// Scores Titlewave's CSV against the farm's expected.tsv: one row per blog, status `ok`, and
/// the newest post's title (compared after NFC and whitespace collapsing, as bench/report.py does).
class ResultChecker final
{
public:
    enum class Scoring {
        Titlewave, ///< status `ok` and the expected title
        /// curl-parallel.sh's CSV (blog_url, article_url, title): a row with a title is "ok", and
        /// its title is the article's whole <title>, which on the farm is "Headline – Blog name",
        /// so it is right when it is the headline or starts with the headline and " – ".
        CurlPeer,
    };
    static CheckResult check(const QString &csvPath, const QString &expectedPath, Scoring scoring = Scoring::Titlewave);
    /// RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; CRLF or LF rows.
    static QList<QStringList> parseCsv(const QByteArray &data);
    /// Undoes the CSV writer's guard against spreadsheet formulas (a leading `'`).
    static QString undefused(const QString &cell);
};
