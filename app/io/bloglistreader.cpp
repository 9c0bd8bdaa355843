// SPDX-License-Identifier: GPL-3.0-or-later
#include "bloglistreader.h"

#include "types/webaddress.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>

namespace {
// Cap on what a list file may hold; a blog list of a million lines is a mistake, not a list.
constexpr qint64 kMaxListBytes = 64LL * 1024 * 1024;

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

// Applies the rules every format shares: only http(s), refused entries still become rows (so
// the results say what happened to each), duplicates counted and skipped.
class ListBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(BlogListReader)

public:
    explicit ListBuilder(BlogListReadResult &result)
        : m_result(result)
    { }

    /// Adds @p entry (input and line set); @p feedText, the blog's feed address, is checked only
    /// when the blog itself is accepted.
    void add(BlogEntry entry, const QString &feedText = {})
    {
        const qsizetype length = entry.input.size() + entry.xpath.size();
        if (length > BlogListReader::kMaxLineChars) {
            refuse(entry,
                   tr("line %1 is too long (%2 characters): a blog's line may hold at most %3")
                       .arg(entry.line)
                       .arg(QLocale().toString(length), QLocale().toString(BlogListReader::kMaxLineChars)));
            return;
        }
        if (entry.name.size() > BlogListReader::kShownInputChars)
            entry.name = entry.name.left(BlogListReader::kShownInputChars) + QChar(0x2026);
        const BlogListReader::LineScan scan = BlogListReader::scanLine(entry.input);
        entry.url = scan.url;
        const QString scheme = entry.url.scheme().toLower();
        if (entry.url.isValid() && !scheme.isEmpty() && !WebAddress::isWebScheme(scheme)) {
            m_result.problems << tr("line %1: unsupported scheme %2").arg(entry.line).arg(scheme);
            m_result.blogs.append(entry);
            return;
        }
        if (scan.cutAtSpace) {
            refuse(entry, tr("line %1: the address has a space in it; write it without spaces").arg(entry.line));
            return;
        }
        if (!entry.url.isValid() || entry.url.host().isEmpty()) {
            refuse(entry, tr("line %1: not a web address").arg(entry.line));
            return;
        }
        if (entry.url.toString(QUrl::FullyEncoded).size() > BlogListReader::kMaxUrlChars) {
            refuse(entry,
                   tr("line %1: the address is longer than %2 characters")
                       .arg(entry.line)
                       .arg(QLocale().toString(BlogListReader::kMaxUrlChars)));
            return;
        }
        if (scan.addresses > 1) {
            // Kept, but said: the other addresses are not scanned.
            m_result.problems << tr("line %1 holds %2 addresses; only the first, %3, is read: put one blog per line")
                                     .arg(entry.line)
                                     .arg(scan.addresses)
                                     .arg(entry.url.toDisplayString());
        }
        const QString key = WebAddress::blogKey(entry.url);
        if (m_seen.contains(key)) {
            ++m_result.duplicates;
            return;
        }
        m_seen.insert(key);
        entry.feedUrl = feedUrl(feedText, entry.line);
        m_result.blogs.append(entry);
    }

private:
    // The entry still becomes a row, whose error is @p why; it keeps only the start of its text.
    void refuse(BlogEntry &entry, const QString &why)
    {
        m_result.problems << why;
        entry.url = QUrl();
        entry.refusal = why;
        if (entry.input.size() > BlogListReader::kShownInputChars)
            entry.input = entry.input.left(BlogListReader::kShownInputChars) + QChar(0x2026);
        entry.xpath.clear();
        m_result.blogs.append(entry);
    }

    // A feed address beside the blog's own: kept only when it is http(s).
    QUrl feedUrl(const QString &text, int line)
    {
        if (text.trimmed().isEmpty())
            return {};
        const QUrl url = BlogListReader::urlFromLine(text);
        if (!WebAddress::isFetchable(url)) {
            m_result.problems << tr("line %1: feed ignored, not a web address").arg(line);
            return {};
        }
        return url;
    }

    BlogListReadResult &m_result;
    QSet<QString> m_seen;
};

QString withoutBom(QString text)
{
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

struct CsvRecord {
    QStringList cells;
    int line = 1; ///< where the record starts; quoted cells may span lines
};

// The delimiter that occurs most on the first line; comma when there is none.
QChar guessDelimiter(const QString &text)
{
    const QString firstLine = text.left(text.indexOf(QLatin1Char('\n')));
    QChar best = QLatin1Char(',');
    qsizetype bestCount = 0;
    for (const QChar candidate : { QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t') }) {
        const qsizetype count = firstLine.count(candidate);
        if (count > bestCount) {
            best = candidate;
            bestCount = count;
        }
    }
    return best;
}

// RFC 4180, tolerant: CRLF or LF, doubled quotes inside quoted cells, a stray quote opens quoting.
QList<CsvRecord> parseCsv(const QString &text, QChar delimiter)
{
    QList<CsvRecord> records;
    CsvRecord record;
    QString cell;
    bool inQuotes = false;
    int line = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            inQuotes = true;
        } else if (c == delimiter) {
            record.cells.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\n')) {
            record.cells.append(cell);
            cell.clear();
            records.append(record);
            record = CsvRecord();
            record.line = ++line;
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !record.cells.isEmpty()) {
        record.cells.append(cell);
        records.append(record);
    }
    return records;
}

int findColumn(const QStringList &header, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (header.at(i).trimmed().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
                return int(i);
        }
    }
    return -1;
}

bool holdsWebAddress(const QStringList &cells)
{
    return std::any_of(cells.cbegin(), cells.cend(), [](const QString &cell) {
        const QUrl url = BlogListReader::urlFromLine(cell);
        return url.isValid() && !url.host().isEmpty();
    });
}

QString attribute(const QXmlStreamAttributes &attributes, QLatin1String name)
{
    // Exporters differ in case ("htmlUrl", "htmlurl"); OPML readers in the wild accept both.
    for (const QXmlStreamAttribute &attribute : attributes) {
        if (attribute.name().compare(name, Qt::CaseInsensitive) == 0)
            return attribute.value().toString().trimmed();
    }
    return {};
}
} // namespace

QStringList BlogListReadResult::countParts() const
{
    QStringList parts;
    parts << QCoreApplication::translate("BlogListReader", "%n blog(s)", nullptr, int(blogs.size()));
    if (duplicates > 0)
        parts << QCoreApplication::translate("BlogListReader", "%n duplicate(s) skipped", nullptr, duplicates);
    if (!error.isEmpty())
        parts << error;
    return parts;
}

QString BlogListReadResult::summary() const
{
    QStringList parts = countParts();
    constexpr int kShownProblems = 3;
    for (int i = 0; i < problems.size() && i < kShownProblems; ++i)
        parts << problems.at(i);
    if (problems.size() > kShownProblems)
        parts << QCoreApplication::translate("BlogListReader", "%n more problem(s)", nullptr,
                                             int(problems.size()) - kShownProblems);
    return parts.join(QLatin1String(", "));
}

QString BlogListReadResult::shortSummary() const
{
    QStringList parts = countParts();
    if (!problems.isEmpty()) {
        // The first few line numbers say where to look; the sentences are in the tooltip and rows.
        static const QRegularExpression lineNumber(QStringLiteral("\\d+"));
        QStringList lines;
        for (qsizetype i = 0; i < problems.size() && lines.size() < 3; ++i) {
            const QRegularExpressionMatch match = lineNumber.match(problems.at(i));
            if (match.hasMatch() && !lines.contains(match.captured()))
                lines << match.captured();
        }
        QString where = lines.size() == 1
            ? QCoreApplication::translate("BlogListReader", "line %1").arg(lines.constFirst())
            : QCoreApplication::translate("BlogListReader", "lines %1").arg(lines.join(QLatin1String(", ")));
        if (problems.size() > lines.size())
            where += QLatin1String(", ") + QChar(0x2026);
        parts << QCoreApplication::translate("BlogListReader", "%n problem(s) (%1)", nullptr, int(problems.size()))
                     .arg(lines.isEmpty() ? QString(QChar(0x2026)) : where);
    }
    return parts.join(QLatin1String(", "));
}

QString BlogListAddition::summary() const
{
    QStringList parts;
    parts << QCoreApplication::translate("BlogListReader", "%n blog(s) added", nullptr, int(added.size()));
    if (alreadyListed > 0)
        parts << QCoreApplication::translate("BlogListReader", "%n already in the list", nullptr, alreadyListed);
    if (refused > 0)
        parts << QCoreApplication::translate("BlogListReader", "%n line(s) refused", nullptr, refused);
    return parts.join(QLatin1String(", "));
}

BlogListAddition BlogListReader::additions(const QList<BlogEntry> &existing, const QString &pasted)
{
    BlogListAddition addition;
    QSet<QString> seen;
    for (const BlogEntry &entry : existing) {
        if (entry.url.isValid())
            seen.insert(WebAddress::blogKey(entry.url));
    }
    const BlogListReadResult read = readText(pasted);
    addition.problems = read.problems;
    addition.alreadyListed = read.duplicates; // repeated within the pasted text
    QStringList lines;
    for (const BlogEntry &entry : read.blogs) {
        if (!entry.url.isValid() || !WebAddress::isWebScheme(entry.url)) {
            ++addition.refused;
            continue;
        }
        const QString key = WebAddress::blogKey(entry.url);
        if (seen.contains(key)) {
            ++addition.alreadyListed;
            continue;
        }
        seen.insert(key);
        addition.added.append(entry);
        lines << (entry.xpath.isEmpty() ? entry.input : entry.input + QLatin1Char('\t') + entry.xpath);
    }
    if (!lines.isEmpty())
        addition.text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return addition;
}

QUrl BlogListReader::urlFromLine(const QString &line)
{
    return scanLine(line).url;
}

BlogListReader::LineScan BlogListReader::scanLine(const QString &line)
{
    // A scheme-qualified token anywhere in the line ("- <https://a.example/> (great)").
    static const QRegularExpression withScheme(QStringLiteral(R"(([A-Za-z][A-Za-z0-9+.\-]*):(//)?[^\s<>"'\)\]]+)"));
    static const QRegularExpression bareHost(
        QStringLiteral(R"(^(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?::\d+)?(?:/\S*)?$)"));
    // What may follow an address cut at a space: more host ("b.com/") or a path ("/feed").
    static const QRegularExpression continuation(QStringLiteral(R"(\s+([A-Za-z0-9\-]+\.[A-Za-z0-9.\-]*|/)\S*)"));
    LineScan scan;
    const QString trimmed = line.trimmed();
    // The expression is only tried where it can match: at the first letter of each run of scheme
    // characters that ends in ':', and never again inside a token it matched. Left to search by
    // itself it restarts at every position of a long run ("aaaa..."), which is quadratic: seconds
    // for one 100 KB line.
    QString token;
    qsizetype tokenEnd = -1;
    for (qsizetype colon = trimmed.indexOf(QLatin1Char(':')); colon >= 0;
         colon = trimmed.indexOf(QLatin1Char(':'), colon + 1)) {
        qsizetype start = colon;
        while (start > 0 && isSchemeChar(trimmed.at(start - 1)))
            --start;
        while (start < colon && !isAsciiLetter(trimmed.at(start)))
            ++start;
        if (start >= colon)
            continue;
        const QRegularExpressionMatch match = withScheme.match(trimmed, start, QRegularExpression::NormalMatch,
                                                               QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            continue;
        const bool hasSlashes = match.captured(2) == QLatin1String("//");
        if (hasSlashes)
            ++scan.addresses;
        if (token.isEmpty() && (hasSlashes || match.capturedStart() == 0)) {
            token = match.captured(0);
            tokenEnd = match.capturedEnd();
        } else if (token.isEmpty() && scan.addresses == 0) {
            break; // the line's first token is no address: a bare host is all it may be
        }
        colon = match.capturedEnd() - 1; // the next search starts after this token
    }
    if (!token.isEmpty()) {
        while (token.endsWith(QLatin1Char('.')) || token.endsWith(QLatin1Char(',')) || token.endsWith(QLatin1Char(';')))
            token.chop(1);
        scan.url = QUrl(token, QUrl::TolerantMode);
        // "http://a b.com/": a one-word host without a path, and host-or-path text right after the
        // space. Reading "http://a" from it would scan another site than the one meant.
        const QString host = scan.url.host();
        if (scan.url.isValid() && scan.url.path().isEmpty() && !host.contains(QLatin1Char('.'))
            && !host.contains(QLatin1Char(':')) && host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) != 0
            && continuation
                   .match(trimmed, tokenEnd, QRegularExpression::NormalMatch,
                          QRegularExpression::AnchorAtOffsetMatchOption)
                   .hasMatch())
            scan.cutAtSpace = true;
        return scan;
    }
    if (bareHost.match(trimmed).hasMatch())
        scan.url = QUrl(QLatin1String("https://") + trimmed, QUrl::TolerantMode);
    return scan;
}

BlogListReadResult BlogListReader::readText(const QString &text)
{
    BlogListReadResult result;
    ListBuilder builder(result);
    const QStringList lines = withoutBom(text).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        line.remove(QLatin1Char('\r'));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        // "URL<TAB>XPath": the classic lesson's way of telling where a blog keeps its newest link.
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        BlogEntry entry;
        entry.input = (tab >= 0 ? line.left(tab) : line).trimmed();
        entry.xpath = tab >= 0 ? line.mid(tab + 1).trimmed() : QString();
        entry.line = i + 1;
        builder.add(entry);
    }
    return result;
}

BlogListReadResult BlogListReader::readCsv(const QByteArray &bytes)
{
    BlogListReadResult result;
    const QString text = withoutBom(QString::fromUtf8(bytes));
    const QList<CsvRecord> records = parseCsv(text, guessDelimiter(text));
    if (records.isEmpty())
        return result;

    // A header names its columns and holds no address; a first row of data holds one.
    const QStringList &first = records.constFirst().cells;
    int urlColumn = findColumn(
        first, { "url", "blog_url", "blog url", "blog", "address", "link", "website", "site", "homepage", "htmlurl" });
    int nameColumn = findColumn(first, { "name", "blog_name", "blog name", "text" });
    int xpathColumn = findColumn(first, { "xpath" });
    const int feedColumn = findColumn(first, { "feed", "feed_url", "feed url", "feedurl", "xmlurl", "rss" });
    const bool namesColumns = urlColumn >= 0 || nameColumn >= 0 || xpathColumn >= 0 || feedColumn >= 0;
    const bool hasHeader
        = !holdsWebAddress(first) && (namesColumns || (records.size() > 1 && holdsWebAddress(records.at(1).cells)));
    if (!hasHeader) {
        urlColumn = 0;
        nameColumn = 1;
        xpathColumn = 2;
    } else if (urlColumn < 0) {
        urlColumn = 0;
    }

    ListBuilder builder(result);
    for (qsizetype i = hasHeader ? 1 : 0; i < records.size(); ++i) {
        const CsvRecord &record = records.at(i);
        const auto cell
            = [&record](int column) { return column >= 0 ? record.cells.value(column).trimmed() : QString(); };
        if (std::all_of(record.cells.cbegin(), record.cells.cend(),
                        [](const QString &value) { return value.trimmed().isEmpty(); }))
            continue;
        BlogEntry entry;
        entry.input = cell(urlColumn);
        entry.name = cell(nameColumn);
        entry.xpath = cell(xpathColumn);
        entry.line = record.line;
        builder.add(entry, cell(feedColumn));
    }
    return result;
}

BlogListReadResult BlogListReader::readOpml(const QByteArray &bytes)
{
    BlogListReadResult result;
    ListBuilder builder(result);
    QXmlStreamReader xml(bytes);
    bool sawOpml = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("opml")) {
            sawOpml = true;
            continue;
        }
        if (!sawOpml || xml.name() != QLatin1String("outline"))
            continue;
        const QXmlStreamAttributes attributes = xml.attributes();
        const QString htmlUrl = attribute(attributes, QLatin1String("htmlUrl"));
        const QString xmlUrl = attribute(attributes, QLatin1String("xmlUrl"));
        if (htmlUrl.isEmpty() && xmlUrl.isEmpty())
            continue; // a folder: its children are read as they come
        BlogEntry entry;
        entry.line = int(xml.lineNumber());
        entry.name = attribute(attributes, QLatin1String("text"));
        if (entry.name.isEmpty())
            entry.name = attribute(attributes, QLatin1String("title"));
        entry.input = htmlUrl.isEmpty() ? xmlUrl : htmlUrl;
        builder.add(entry, htmlUrl.isEmpty() ? QString() : xmlUrl);
    }
    if (xml.hasError()) {
        const QString where = tr("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
        if (result.blogs.isEmpty() && result.duplicates == 0)
            result.error = tr("not a readable OPML file (%1)").arg(where);
        else
            result.problems << where;
    } else if (!sawOpml) {
        result.error = tr("not an OPML file: no <opml> element");
    }
    return result;
}

BlogListReader::Format BlogListReader::detectFormat(const QString &fileName, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("opml") || suffix == QLatin1String("xml"))
        return Format::Opml;
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("tsv"))
        return Format::Csv;
    if (suffix == QLatin1String("txt"))
        return Format::Text;
    QByteArray start = bytes.left(512);
    if (start.startsWith("\xef\xbb\xbf"))
        start.remove(0, 3);
    start = start.trimmed();
    if (start.startsWith("<?xml") || start.startsWith("<opml") || start.startsWith("<!--"))
        return Format::Opml;
    // A CSV header naming a url column, as a spreadsheet exports it (e.g. piped to --headless -).
    const QString firstLine = QString::fromUtf8(start.left(start.indexOf('\n'))).trimmed();
    static const QRegularExpression csvHeader(QStringLiteral(R"re((^|[,;\t])\s*"?(url|blog_url)"?\s*($|[,;\t]))re"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (firstLine.contains(csvHeader) && firstLine.contains(QRegularExpression(QStringLiteral("[,;\t]"))))
        return Format::Csv;
    return Format::Text;
}

BlogListReadResult BlogListReader::readBytes(const QByteArray &bytes, const QString &fileName)
{
    switch (detectFormat(fileName, bytes)) {
    case Format::Opml:
        return readOpml(bytes);
    case Format::Csv:
        return readCsv(bytes);
    case Format::Text:
        break;
    }
    return readText(QString::fromUtf8(bytes));
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
    return readBytes(file.readAll(), path);
}

BlogListReadResult BlogListReader::readFiles(const QStringList &paths)
{
    BlogListReadResult combined;
    QSet<QString> seen;
    QStringList errors;
    for (const QString &path : paths) {
        const BlogListReadResult list = readFile(path);
        if (!list.error.isEmpty()) {
            errors << list.error;
            continue;
        }
        combined.sources << path;
        combined.duplicates += list.duplicates;
        const QString prefix = paths.size() > 1 ? QFileInfo(path).fileName() + QLatin1String(": ") : QString();
        for (const QString &problem : list.problems)
            combined.problems << prefix + problem;
        for (const BlogEntry &blog : list.blogs) {
            // Each file is de-duplicated by its reader; across files, by the same identity.
            if (blog.url.isValid()) {
                const QString key = WebAddress::blogKey(blog.url);
                if (seen.contains(key)) {
                    ++combined.duplicates;
                    continue;
                }
                seen.insert(key);
            }
            combined.blogs.append(blog);
        }
    }
    combined.error = errors.join(QLatin1String("; "));
    return combined;
}
