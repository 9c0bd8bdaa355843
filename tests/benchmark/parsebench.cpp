// SPDX-License-Identifier: GPL-3.0-or-later
// titlewave-parse-bench: the CPU cost of the parse layer alone, without network or Qt's event
// loop. Runs ArticleLocator::locate() and HeadlineExtractor::extract() on the shared corpus pages
// and on generated farm pages (the same pages titlewave-bench serves), N times each, and prints
// user CPU per call. Measures getrusage user time, not wall time: the machine it runs on is shared.
// Under `valgrind --tool=callgrind` run it with --reps 1 and read the instruction counts.
// --dump FILE writes every result, so that two builds can be diffed for identical output.
#include "farmcontent.h"
#include "parse/articlelocator.h"
#include "parse/headlineextractor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

#include <libxml/parser.h>

#include <cstdio>
#include <sys/resource.h>

namespace {

struct Page {
    QString name;
    QByteArray body;
    QUrl url;
};

double userSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6;
}

QList<Page> corpusPages(const QString &dir)
{
    QList<Page> pages;
    const QDir folder(dir);
    for (const QString &file : folder.entryList({ QStringLiteral("*.html") }, QDir::Files, QDir::Name)) {
        QFile in(folder.filePath(file));
        if (!in.open(QIODevice::ReadOnly))
            continue;
        const QString name = file.chopped(5);
        pages.append({ name, in.readAll(), QUrl(QStringLiteral("https://example.org/") + name) });
    }
    return pages;
}

enum class Call { Locate, Extract };

QString describe(Call call, const Page &page)
{
    // The corpus pages are served as UTF-8 (corpus README); farm pages declare UTF-8 too.
    const QByteArray type = QByteArrayLiteral("text/html; charset=utf-8");
    if (call == Call::Locate) {
        const ArticleLocation l = ArticleLocator::locate(page.body, type, page.url);
        QStringList feeds;
        for (const QUrl &feed : l.feedUrls)
            feeds.append(feed.toString());
        return QStringLiteral("locate\t%1\t%2\t%3\t%4\t%5")
            .arg(page.name, l.articleUrl.toString(), l.foundVia, feeds.join(QLatin1Char(' ')), l.error);
    }
    const Headline h = HeadlineExtractor::extract(page.body, type, page.url);
    return QStringLiteral("extract\t%1\t%2\t%3\t%4").arg(page.name, h.title, h.via, h.rawTitle);
}

// User CPU per call, in microseconds, over @p reps passes of every page.
double measure(Call call, const QList<Page> &pages, int reps)
{
    const QByteArray type = QByteArrayLiteral("text/html; charset=utf-8");
    const double start = userSeconds();
    qsizetype sink = 0; // keeps the calls from being optimised away
    for (int r = 0; r < reps; ++r) {
        for (const Page &page : pages) {
            if (call == Call::Locate)
                sink += ArticleLocator::locate(page.body, type, page.url).articleUrl.port();
            else
                sink += HeadlineExtractor::extract(page.body, type, page.url).title.size();
        }
    }
    const double seconds = userSeconds() - start;
    if (sink == -42)
        std::puts("");
    return pages.isEmpty() || reps <= 0 ? 0.0 : seconds * 1e6 / double(pages.size() * reps);
}

qsizetype totalBytes(const QList<Page> &pages)
{
    qsizetype bytes = 0;
    for (const Page &page : pages)
        bytes += page.body.size();
    return bytes;
}

} // namespace

int main(int argc, char *argv[])
{
    xmlInitParser();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CPU cost of locate() and extract() per page"));
    parser.addHelpOption();
    const QCommandLineOption repsOption(QStringLiteral("reps"), QStringLiteral("passes over every set (default 5)"),
                                        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption farmOption(QStringLiteral("farm-blogs"),
                                        QStringLiteral("generated farm blogs (default 20)"), QStringLiteral("N"),
                                        QStringLiteral("20"));
    const QCommandLineOption corpusOption(QStringLiteral("corpus"),
                                          QStringLiteral("corpus folder (default $TITLEWAVE_CORPUS_DIR or "
                                                         "../shared/corpus); its pages/ subfolder is read"),
                                          QStringLiteral("DIR"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("run only the sets named (comma list: "
                                                       "farm-front,farm-article,corpus)"),
                                        QStringLiteral("SETS"));
    const QCommandLineOption dumpOption(QStringLiteral("dump"), QStringLiteral("write every result to FILE"),
                                        QStringLiteral("FILE"));
    parser.addOptions({ repsOption, farmOption, corpusOption, onlyOption, dumpOption });
    parser.process(app);

    const int reps = parser.value(repsOption).toInt();
    const int farmBlogs = parser.value(farmOption).toInt();
    QString corpus = parser.value(corpusOption);
    if (corpus.isEmpty())
        corpus = qEnvironmentVariable("TITLEWAVE_CORPUS_DIR", QStringLiteral("../shared/corpus"));
    const QStringList only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto wanted = [&](const char *set) { return only.isEmpty() || only.contains(QLatin1String(set)); };

    // The farm blogs as titlewave-bench serves them (seed 1): front pages and newest posts.
    const FarmContent farm(1, farmBlogs);
    QList<Page> fronts;
    QList<Page> articles;
    for (int blog = 0; blog < farm.blogCount(); ++blog) {
        const QUrl site(QStringLiteral("http://127.20.0.%1/").arg(blog + 1));
        fronts.append({ QStringLiteral("farm-front-%1").arg(blog), farm.frontPage(blog), site });
        articles.append({ QStringLiteral("farm-article-%1").arg(blog), farm.postPage(blog, 0),
                          site.resolved(QUrl(QString::fromLatin1(farm.postPath(blog, 0)))) });
    }
    const QList<Page> corpusSet = corpusPages(corpus + QLatin1String("/pages"));

    QTextStream out(stdout);
    out << "set            calls  pages  KB/page   µs/page (user CPU, " << reps << " reps)\n";
    const auto run = [&](const char *set, Call call, const QList<Page> &pages) {
        if (!wanted(set) || pages.isEmpty())
            return;
        const double us = measure(call, pages, reps);
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QLatin1String(set), -14)
                   .arg(QLatin1String(call == Call::Locate ? "locate" : "extract"), -7)
                   .arg(pages.size(), 5)
                   .arg(double(totalBytes(pages)) / 1024.0 / double(pages.size()), 8, 'f', 1)
                   .arg(us, 9, 'f', 1);
        out.flush();
    };
    run("farm-front", Call::Locate, fronts);
    run("farm-article", Call::Extract, articles);
    run("corpus", Call::Extract, corpusSet);
    run("corpus", Call::Locate, corpusSet);

    if (parser.isSet(dumpOption)) {
        QFile file(parser.value(dumpOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            return 2;
        }
        QTextStream dump(&file);
        for (const Page &page : fronts)
            dump << describe(Call::Locate, page) << '\n';
        for (const Page &page : articles)
            dump << describe(Call::Extract, page) << '\n';
        for (const Page &page : corpusSet) {
            dump << describe(Call::Extract, page) << '\n';
            dump << describe(Call::Locate, page) << '\n';
        }
    }
    return 0;
}
