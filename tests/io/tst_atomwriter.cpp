// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/articlehistory.h"
#include "io/atomwriter.h"
#include "io/resultexporter.h"
#include "parse/feedreader.h"
#include "parse/libxmlptr.h"
#include "types/webaddress.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
const QDateTime kScanTime(QDate(2026, 12, 6), QTime(9, 30), QTimeZone::utc());

BlogResult found(const QString &blog, const QString &article, const QString &title)
{
    BlogResult result;
    result.blogUrl = QUrl(blog);
    result.blogInput = blog;
    result.status = BlogStatus::Ok;
    result.articleUrl = QUrl(article);
    result.title = title;
    return result;
}

BlogResult failed(const QString &blog)
{
    BlogResult result;
    result.blogUrl = QUrl(blog);
    result.blogInput = blog;
    result.status = BlogStatus::HttpError;
    result.error = QStringLiteral("The server answered 404 Not Found.");
    return result;
}

/// The feed as a strict XML parser sees it: no recovery, so any escaping mistake fails the parse.
struct ParsedFeed {
    LibXml::DocPtr doc;
    xmlNodePtr root = nullptr;
};

ParsedFeed parseStrictly(const QByteArray &xml)
{
    ParsedFeed feed;
    feed.doc.reset(xmlReadMemory(xml.constData(), int(xml.size()), "feed.atom", nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (feed.doc)
        feed.root = xmlDocGetRootElement(feed.doc.get());
    return feed;
}

QList<xmlNodePtr> elements(xmlNodePtr parent, const char *name)
{
    QList<xmlNodePtr> found;
    for (xmlNodePtr node = parent ? parent->children : nullptr; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, LibXml::xc(name)))
            found.append(node);
    }
    return found;
}

QString text(xmlNodePtr node)
{
    return node ? LibXml::takeQString(xmlNodeGetContent(node)) : QString();
}

QString childText(xmlNodePtr parent, const char *name)
{
    const QList<xmlNodePtr> found = elements(parent, name);
    return found.isEmpty() ? QString() : text(found.constFirst());
}

QString attribute(xmlNodePtr node, const char *name)
{
    return LibXml::takeQString(xmlGetProp(node, LibXml::xc(name)));
}
} // namespace

class TestAtomWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAnAtomFeedWithAnEntryPerArticleFound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("my blogs.atom"));
        BlogResult named = found(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/posts/1"),
                                 QStringLiteral("First headline"));
        named.name = QStringLiteral("Alice's notes");
        BlogResult unnamed = found(QStringLiteral("https://b.example/log/"), QStringLiteral("https://b.example/log/9"),
                                   QStringLiteral("Ninth"));
        const QByteArray xml
            = AtomWriter::toAtom({ named, failed(QStringLiteral("https://gone.example/")), unnamed }, path, kScanTime);

        const ParsedFeed feed = parseStrictly(xml);
        QVERIFY2(feed.root, xml.constData());
        QCOMPARE(QString::fromUtf8(reinterpret_cast<const char *>(feed.root->name)), QStringLiteral("feed"));
        QVERIFY(feed.root->ns);
        QCOMPARE(LibXml::toQString(feed.root->ns->href), QStringLiteral("http://www.w3.org/2005/Atom"));
        // RFC 4287 4.1.1: a feed has exactly one id, title and updated.
        const QString fileUrl = QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded);
        QCOMPARE(childText(feed.root, "id"), fileUrl);
        QCOMPARE(childText(feed.root, "title"), QStringLiteral("Titlewave: my blogs"));
        QCOMPARE(childText(feed.root, "updated"), QStringLiteral("2026-12-06T09:30:00Z"));
        const QList<xmlNodePtr> links = elements(feed.root, "link");
        QCOMPARE(links.size(), 1);
        QCOMPARE(attribute(links.constFirst(), "rel"), QStringLiteral("self"));
        QCOMPARE(attribute(links.constFirst(), "href"), fileUrl);

        // The failed blog has no entry: a feed reader would show it as an article.
        const QList<xmlNodePtr> entries = elements(feed.root, "entry");
        QCOMPARE(entries.size(), 2);
        QCOMPARE(childText(entries.at(0), "id"), QStringLiteral("https://a.example/posts/1"));
        QCOMPARE(childText(entries.at(0), "title"), QStringLiteral("First headline"));
        QCOMPARE(attribute(elements(entries.at(0), "link").value(0), "href"),
                 QStringLiteral("https://a.example/posts/1"));
        QCOMPARE(childText(entries.at(0), "updated"), QStringLiteral("2026-12-06T09:30:00Z"));
        // The blog is the author: its name from the list, else its address.
        const xmlNodePtr firstAuthor = elements(entries.at(0), "author").value(0);
        QCOMPARE(childText(firstAuthor, "name"), QStringLiteral("Alice's notes"));
        QCOMPARE(childText(firstAuthor, "uri"), QStringLiteral("https://a.example/"));
        QCOMPARE(childText(elements(entries.at(1), "author").value(0), "name"), QStringLiteral("b.example/log"));

        // A feed reader reads it: Titlewave's own reader, which reads the blogs' feeds.
        const FeedContent content = FeedReader::read(xml, QUrl::fromLocalFile(path));
        QVERIFY(content.isFeed);
        QCOMPARE(content.title, QStringLiteral("Titlewave: my blogs"));
        QCOMPARE(content.entries.size(), 2);
        QCOMPARE(content.entries.at(1).title, QStringLiteral("Ninth"));
        QCOMPARE(content.entries.at(1).link, QUrl(QStringLiteral("https://b.example/log/9")));
    }

    void entriesAreDatedWhenTheirArticleWasFirstFound()
    {
        QTemporaryDir dir;
        const QString historyPath = dir.filePath(QStringLiteral("history.json"));
        const QDateTime monday(QDate(2026, 11, 30), QTime(7, 0), QTimeZone::utc());
        const QDateTime tuesday = monday.addDays(1);
        const QDateTime wednesday = monday.addDays(2);
        const QString a = QStringLiteral("https://a.example/");
        const QString b = QStringLiteral("https://b.example/");
        {
            ArticleHistory history(historyPath);
            QList<BlogResult> first { found(a, QStringLiteral("https://a.example/1"), QStringLiteral("A1")),
                                      found(b, QStringLiteral("https://b.example/1"), QStringLiteral("B1")) };
            history.apply(first, monday);
            QCOMPARE(first.at(0).articleFoundAt, monday);
            QVERIFY(!history.save().has_value());
        }
        // The time outlives the process: a feed rewritten by tomorrow's scan keeps it.
        ArticleHistory history(historyPath);
        QVERIFY(!history.load().has_value());
        QList<BlogResult> second { found(a, QStringLiteral("https://a.example/1"), QStringLiteral("A1")),
                                   found(b, QStringLiteral("https://b.example/2"), QStringLiteral("B2")) };
        history.apply(second, tuesday);
        QCOMPARE(second.at(0).articleFoundAt, monday); // the same article: still Monday's
        QCOMPARE(second.at(1).articleFoundAt, tuesday); // a new one: found today

        const ParsedFeed feed = parseStrictly(AtomWriter::toAtom(second, QString(), wednesday));
        QVERIFY(feed.root);
        // Newest first, and the feed is as new as its newest entry, not as the scan.
        const QList<xmlNodePtr> entries = elements(feed.root, "entry");
        QCOMPARE(entries.size(), 2);
        QCOMPARE(childText(entries.at(0), "title"), QStringLiteral("B2"));
        QCOMPARE(childText(entries.at(0), "updated"), QStringLiteral("2026-12-01T07:00:00Z"));
        QCOMPARE(childText(entries.at(1), "updated"), QStringLiteral("2026-11-30T07:00:00Z"));
        QCOMPARE(childText(feed.root, "updated"), QStringLiteral("2026-12-01T07:00:00Z"));
    }

    void blogsFoundInTheSameSecondKeepTheListsOrder()
    {
        QTemporaryDir dir;
        ArticleHistory history(dir.filePath(QStringLiteral("history.json")));
        QList<BlogResult> results { found(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/1"),
                                          QStringLiteral("First in the list")),
                                    found(QStringLiteral("https://b.example/"), QStringLiteral("https://b.example/1"),
                                          QStringLiteral("Second in the list")) };
        // Rows finish a few milliseconds apart; the feed shows whole seconds.
        history.apply(results[0], kScanTime.addMSecs(100));
        history.apply(results[1], kScanTime.addMSecs(900));
        QCOMPARE(results.at(1).articleFoundAt, kScanTime);
        const QList<const BlogResult *> entries = AtomWriter::entries(results, kScanTime);
        QCOMPARE(entries.at(0)->title, QStringLiteral("First in the list"));
        QCOMPARE(entries.at(1)->title, QStringLiteral("Second in the list"));
    }

    void readsAHistoryWrittenBeforeFoundTimesAsFoundOnTheDaySeen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.json"));
        const QUrl blog(QStringLiteral("https://a.example/"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\": 1, \"saved\": \"2026-11-01T10:00:00Z\", \"blogs\": {\""
                   + WebAddress::blogKey(blog).toUtf8()
                   + "\": {\"article\": \"https://a.example/1\", \"seen\": \"2026-11-20\"}}}");
        file.close();
        ArticleHistory history(path);
        QVERIFY(!history.load().has_value());
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.articleFoundAt(blog), QDateTime(QDate(2026, 11, 20), QTime(0, 0), QTimeZone::utc()));
    }

    void neverCarriesMarkupOrWhatXmlCannotHold()
    {
        const QString hostile = QStringLiteral("<script>alert(1)</script> & \"quotes\" ]]> \x01\x1b bell")
            + QChar(0xFFFE) + QChar(0xD800) + QStringLiteral(" end");
        BlogResult result
            = found(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/?a=1&b=<2>"), hostile);
        result.name = QStringLiteral("Name\x02 <b>bold</b>");
        const QByteArray xml = AtomWriter::toAtom({ result }, QString(), kScanTime);
        const ParsedFeed feed = parseStrictly(xml);
        QVERIFY2(feed.root, xml.constData());
        const xmlNodePtr entry = elements(feed.root, "entry").value(0);
        const xmlNodePtr title = elements(entry, "title").value(0);
        QCOMPARE(attribute(title, "type"), QStringLiteral("text"));
        QVERIFY(elements(title, "script").isEmpty());
        QCOMPARE(text(title), QStringLiteral("<script>alert(1)</script> & \"quotes\" ]]>  bell end"));
        QCOMPARE(childText(elements(entry, "author").value(0), "name"), QStringLiteral("Name <b>bold</b>"));
        QCOMPARE(attribute(elements(entry, "link").value(0), "href"),
                 QUrl(QStringLiteral("https://a.example/?a=1&b=<2>")).toString(QUrl::FullyEncoded));
    }

    void keepsNonLatinTitlesIntact()
    {
        const QString title = QStringLiteral("Привет, 世界 — café 🎉");
        QCOMPARE(AtomWriter::xmlSafe(title), title);
        const QByteArray xml = AtomWriter::toAtom(
            { found(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/1"), title) }, QString(),
            kScanTime);
        const FeedContent content = FeedReader::read(xml, QUrl(QStringLiteral("file:///feed.atom")));
        QCOMPARE(content.entries.value(0).title, title);
    }

    void aFeedWithoutAFileIsNamedAfterItsBlogs()
    {
        const BlogResult a
            = found(QStringLiteral("https://a.example/"), QStringLiteral("https://a.example/1"), QStringLiteral("A"));
        const BlogResult b = failed(QStringLiteral("https://b.example/"));
        const BlogResult c
            = found(QStringLiteral("https://c.example/"), QStringLiteral("https://c.example/1"), QStringLiteral("C"));
        const auto idOf = [](const QList<BlogResult> &results) {
            const ParsedFeed feed = parseStrictly(AtomWriter::toAtom(results, QString(), kScanTime));
            return childText(feed.root, "id");
        };
        const QString id = idOf({ a, b });
        QVERIFY2(id.startsWith(QLatin1String("urn:uuid:")), qPrintable(id));
        QCOMPARE(idOf({ b, a }), id); // the same blogs in another order: the same feed
        QVERIFY(idOf({ a, c }) != id);
        const ParsedFeed feed = parseStrictly(AtomWriter::toAtom({ b }, QString(), kScanTime));
        QCOMPARE(childText(feed.root, "title"), QStringLiteral("Titlewave"));
        QVERIFY(elements(feed.root, "link").isEmpty()); // no file, no self link
        QVERIFY(elements(feed.root, "entry").isEmpty());
        QCOMPARE(childText(feed.root, "updated"), QStringLiteral("2026-12-06T09:30:00Z"));
    }

    void exportsByTheAtomExtension()
    {
        QCOMPARE(ResultExporter::formatForPath(QStringLiteral("/tmp/new.atom")), ExportFormat::Atom);
        QCOMPARE(ResultExporter::formatFromName(QStringLiteral("ATOM")), std::optional(ExportFormat::Atom));
        const ResultExporter::Target typed
            = ResultExporter::targetFor(QStringLiteral("/tmp/new.atom"), ExportFormat::Csv);
        QCOMPARE(typed.format, ExportFormat::Atom);
        const ResultExporter::Target filtered
            = ResultExporter::targetFor(QStringLiteral("/tmp/new"), ExportFormat::Atom);
        QCOMPARE(filtered.path, QStringLiteral("/tmp/new.atom"));
        QCOMPARE(filtered.format, ExportFormat::Atom);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("feed.atom"));
        QVERIFY(!ResultExporter::write(path,
                                       { found(QStringLiteral("https://a.example/"),
                                               QStringLiteral("https://a.example/1"), QStringLiteral("Written")) },
                                       ExportFormat::Atom)
                     .has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const FeedContent content = FeedReader::read(file.readAll(), QUrl::fromLocalFile(path));
        QCOMPARE(content.entries.value(0).title, QStringLiteral("Written"));
        QCOMPARE(content.title, QStringLiteral("Titlewave: feed"));
    }
};

QTEST_GUILESS_MAIN(TestAtomWriter)
#include "tst_atomwriter.moc"
