// SPDX-License-Identifier: GPL-3.0-or-later
#include "bloglistreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace {
// Cap on what a list file may hold; a blog list of a million lines is a mistake, not a list.
constexpr qint64 kMaxListBytes = 64LL * 1024 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("BlogListReader", text);
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
bool isSchemeChar(QChar c)
{
    return isAsciiLetter(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('+')
        || c == QLatin1Char('-') || c == QLatin1Char('.');
}

bool isWebScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https");
}

// The key duplicates are recognised by: scheme and host case-insensitive, no fragment,
// no trailing slash difference.
QString duplicateKey(const QUrl &url)
{
    QUrl key = url.adjusted(QUrl::RemoveFragment | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    key.setHost(key.host().toLower());
    return key.toString(QUrl::FullyEncoded);
}
} // namespace

QString BlogListReadResult::summary() const
{
    QStringList parts;
    parts << QCoreApplication::translate("BlogListReader", "%n blog(s)", nullptr, int(blogs.size()));
    if (duplicates > 0)
        parts << QCoreApplication::translate("BlogListReader", "%n duplicate(s) skipped", nullptr, duplicates);
    if (!error.isEmpty())
        parts << error;
    constexpr int kShownProblems = 3;
    for (int i = 0; i < problems.size() && i < kShownProblems; ++i)
        parts << problems.at(i);
    if (problems.size() > kShownProblems)
        parts << QCoreApplication::translate("BlogListReader", "%n more problem(s)", nullptr,
                                             int(problems.size()) - kShownProblems);
    return parts.join(QLatin1String(", "));
}

QUrl BlogListReader::urlFromLine(const QString &line)
{
    // A scheme-qualified token anywhere in the line ("- <https://a.example/> (great)").
    static const QRegularExpression withScheme(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*):(//)?[^\s<>"'\)\]]+)"));
    static const QRegularExpression bareHost(
        QStringLiteral(R"(^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d+)?(?:/\S*)?$)"));
    const QString trimmed = line.trimmed();
    // The expression is only tried where it can match: at the first letter of each run of scheme
    // characters that ends in ':'. Left to search by itself it restarts at every position of a long
    // run ("aaaa..."), which is quadratic: seconds for one 100 KB line.
    QRegularExpressionMatch match;
    for (qsizetype colon = trimmed.indexOf(QLatin1Char(':')); colon >= 0 && !match.hasMatch();
         colon = trimmed.indexOf(QLatin1Char(':'), colon + 1)) {
        qsizetype start = colon;
        while (start > 0 && isSchemeChar(trimmed.at(start - 1)))
            --start;
        while (start < colon && !isAsciiLetter(trimmed.at(start)))
            ++start;
        if (start < colon)
            match = withScheme.match(trimmed, start, QRegularExpression::NormalMatch,
                                     QRegularExpression::AnchorAtOffsetMatchOption);
    }
    if (match.hasMatch() && (match.captured(2) == QLatin1String("//") || match.capturedStart() == 0)) {
        QString token = match.captured(0);
        while (token.endsWith(QLatin1Char('.')) || token.endsWith(QLatin1Char(',')) || token.endsWith(QLatin1Char(';')))
            token.chop(1);
        return QUrl(token, QUrl::TolerantMode);
    }
    if (bareHost.match(trimmed).hasMatch())
        return QUrl(QLatin1String("https://") + trimmed, QUrl::TolerantMode);
    return {};
}

BlogListReadResult BlogListReader::readText(const QString &text)
{
    BlogListReadResult result;
    QSet<QString> seen;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNumber = i + 1;
        QString line = lines.at(i);
        line.remove(QLatin1Char('\r'));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        // "URL<TAB>XPath": the classic lesson's way of telling where a blog keeps its newest link.
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        const QString address = tab >= 0 ? line.left(tab) : line;
        const QString xpath = tab >= 0 ? line.mid(tab + 1).trimmed() : QString();

        // A refused line still becomes a row, so the results say what happened to every line.
        BlogEntry entry;
        entry.input = address.trimmed();
        entry.xpath = xpath;
        entry.line = lineNumber;
        entry.url = urlFromLine(address);
        const QString scheme = entry.url.scheme().toLower();
        if (entry.url.isValid() && !scheme.isEmpty() && !isWebScheme(scheme)) {
            result.problems << tr("line %1: unsupported scheme %2").arg(lineNumber).arg(scheme);
            result.blogs.append(entry);
            continue;
        }
        if (!entry.url.isValid() || entry.url.host().isEmpty()) {
            result.problems << tr("line %1: not a web address").arg(lineNumber);
            entry.url = QUrl();
            result.blogs.append(entry);
            continue;
        }
        const QUrl &url = entry.url;
        const QString key = duplicateKey(url);
        if (seen.contains(key)) {
            ++result.duplicates;
            continue;
        }
        seen.insert(key);
        result.blogs.append(entry);
    }
    return result;
}

BlogListReadResult BlogListReader::readFile(const QString &path)
{
    QFile file(path);
    BlogListReadResult result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > kMaxListBytes) {
        result.error = tr("%1 is too large for a blog list").arg(path);
        return result;
    }
    return readText(QString::fromUtf8(file.readAll()));
}
