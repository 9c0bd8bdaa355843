// SPDX-License-Identifier: GPL-3.0-or-later
// Accuracy of the real extractors on the shared corpus (Readability's test pages, feedparser's
// feeds). Prints per-set scores and every miss; the floors stop regressions, not progress.
#include "parse/feedreader.h"
#include "parse/headlineextractor.h"
#include "parse/htmldocument.h"
#include "parse/textcleaner.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <libxml/parser.h>

// tests/CMakeLists.txt passes <source dir>/../shared/corpus; the environment variable overrides it.
#ifndef TITLEWAVE_CORPUS_DIR
#define TITLEWAVE_CORPUS_DIR "../shared/corpus"
#endif

namespace {

QString corpusDir()
{
    return qEnvironmentVariable("TITLEWAVE_CORPUS_DIR", QStringLiteral(TITLEWAVE_CORPUS_DIR));
}

// The corpus' rows: a header line, then tab-separated fields, no quoting.
QList<QHash<QString, QString>> readTsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return {};
    const QStringList header = lines.constFirst().split(QLatin1Char('\t'));
    QList<QHash<QString, QString>> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QStringList fields = line.split(QLatin1Char('\t'));
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row.insert(header.at(c), fields.value(c));
        rows.append(row);
    }
    return rows;
}

// The corpus' comparison: html.unescape, NFC, whitespace collapsed.
QString normalized(const QString &text)
{
    return TextCleaner::clean(HtmlDocument::decodeEntities(text));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Score {
    int hits = 0;
    int total = 0;
    double percent() const { return total ? 100.0 * hits / total : 0.0; }
    void count(bool hit)
    {
        ++total;
        hits += hit ? 1 : 0;
    }
};

void report(const char *set, const Score &score)
{
    qInfo("%-44s %3d / %3d  (%.1f %%)", set, score.hits, score.total, score.percent());
}

} // namespace

class TestCorpusAccuracy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { xmlInitParser(); }
    void extractsExpectedHeadlinesFromCorpusPages();
    void readsExpectedFirstEntryFromCorpusFeeds();
};

void TestCorpusAccuracy::extractsExpectedHeadlinesFromCorpusPages()
{
    const QDir dir(corpusDir() + QLatin1String("/pages"));
    if (!dir.exists(QStringLiteral("expected.tsv")))
        QSKIP("corpus folder ../shared/corpus is absent");
    Score all;
    Score blogOrNews;
    Score real;
    for (const auto &row : readTsv(dir.filePath(QStringLiteral("expected.tsv")))) {
        const QString name = row.value(QStringLiteral("name"));
        const QByteArray body = readFile(dir.filePath(name + QLatin1String(".html")));
        // The corpus README: every page is UTF-8, as its server would have said in the header.
        const Headline headline = HeadlineExtractor::extract(body, QByteArrayLiteral("text/html; charset=utf-8"),
                                                             QUrl(QStringLiteral("https://example.org/") + name));
        const QString expected = normalized(row.value(QStringLiteral("expected_title")));
        const bool hit = normalized(headline.title) == expected;
        all.count(hit);
        if (row.value(QStringLiteral("blog_or_news")) == QLatin1String("yes"))
            blogOrNews.count(hit);
        if (row.value(QStringLiteral("page_kind")) != QLatin1String("synthetic"))
            real.count(hit);
        if (!hit)
            qInfo().noquote() << "MISS page" << name << "[" << row.value(QStringLiteral("page_kind")) << "] via"
                              << headline.via << "\n   expected:" << expected << "\n   got:     " << headline.title;
    }
    report("pages: all", all);
    report("pages: real (not synthetic)", real);
    report("pages: blog_or_news=yes", blogOrNews);
    QCOMPARE(all.total, 126);
    // Floors = the scores when last tuned (117/126, 69/72); raise them when you improve.
    QVERIFY2(all.percent() >= 92.8, "all-pages score fell below its floor");
    QVERIFY2(blogOrNews.percent() >= 95.8, "blog/news score fell below its floor");
}

void TestCorpusAccuracy::readsExpectedFirstEntryFromCorpusFeeds()
{
    const QDir dir(corpusDir() + QLatin1String("/feeds"));
    if (!dir.exists(QStringLiteral("expected.tsv")))
        QSKIP("corpus folder ../shared/corpus is absent");
    Score wellFormed;
    Score plain; // well-formed rows whose expectation is plain text or a link
    Score illFormed;
    for (const auto &row : readTsv(dir.filePath(QStringLiteral("expected.tsv")))) {
        const QString file = row.value(QStringLiteral("file"));
        const QString notes = row.value(QStringLiteral("notes"));
        const QString field = row.value(QStringLiteral("field"));
        QString base = row.value(QStringLiteral("base_uri"));
        if (base.isEmpty())
            base = QStringLiteral("http://127.0.0.1:8097/tests/") + row.value(QStringLiteral("source_path"));
        const FeedContent feed = FeedReader::read(readFile(dir.filePath(file)), QUrl(base));
        const FeedEntry first = feed.entries.value(0);
        QString expected = row.value(QStringLiteral("expected_value")).trimmed();
        const bool markup = notes.contains(QLatin1String("expected-is-html-fragment"));
        QString got;
        if (field == QLatin1String("link")) {
            got = first.link.toString();
            // URLs compare as URLs: "http://item.TEST/" and "http://item.test/" are one address.
            if (QUrl(expected) == first.link)
                expected = got;
        } else {
            // feedparser returns HTML fragments for these rows; we return display text.
            expected = markup ? TextCleaner::clean(HtmlDocument::fragmentText(expected)) : TextCleaner::clean(expected);
            got = TextCleaner::clean(first.title);
        }
        const bool hit = feed.isFeed && got == expected;
        if (row.value(QStringLiteral("well_formed")) == QLatin1String("yes")) {
            wellFormed.count(hit);
            if (!markup)
                plain.count(hit);
        } else {
            illFormed.count(hit);
        }
        if (!hit)
            qInfo().noquote() << "MISS feed" << file << "[" << notes << "]" << field << "\n   expected:" << expected
                              << "\n   got:     " << got << (feed.isFeed ? "" : "(not read as a feed)");
    }
    report("feeds: well-formed", wellFormed);
    report("feeds: well-formed, plain text or link", plain);
    report("feeds: ill-formed", illFormed);
    QVERIFY2(wellFormed.percent() >= 100.0, "well-formed feed score fell below its floor");
    QVERIFY2(plain.percent() >= 100.0, "plain feed score fell below its floor");
    QVERIFY2(illFormed.percent() >= 100.0, "ill-formed feed score fell below its floor");
}

QTEST_GUILESS_MAIN(TestCorpusAccuracy)
#include "tst_corpusaccuracy.moc"
