// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"
#include "parse/feedreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs @p program asynchronously, so this process's fake servers keep answering meanwhile.
Run runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000)) {
        process.kill();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
             process.readAllStandardError() };
}

Run runTitlewave(const QStringList &arguments, const QByteArray &input = {})
{
    return runProgram(QStringLiteral(TITLEWAVE_EXECUTABLE), arguments, input);
}

// The process waits in open(2) on a FIFO: its main thread's current system call is openat.
bool processIsBlockedInOpen(qint64 pid)
{
    QFile syscall(QStringLiteral("/proc/%1/syscall").arg(pid));
    if (!syscall.open(QIODevice::ReadOnly))
        return false;
    // The first field is the system call's number: 257 is openat on x86-64, 56 on arm64.
    const QByteArray number = syscall.readAll().split(' ').value(0).trimmed();
    return number == "257" || number == "56";
}

QList<QByteArray> csvLines(const QByteArray &csv)
{
    QList<QByteArray> lines = csv.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines)
        line = line.trimmed();
    return lines;
}
} // namespace

class TestHeadless final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Runs never read or write the user's own scan history.
        QVERIFY(m_historyDir.isValid());
        qputenv("TITLEWAVE_HISTORY_FILE", m_historyDir.filePath(QStringLiteral("history.json")).toLocal8Bit());
        // Nor the user's settings (whose language would otherwise apply): a fresh, empty config.
        qputenv("XDG_CONFIG_HOME", m_historyDir.filePath(QStringLiteral("config")).toLocal8Bit());
    }

    void marksNewArticlesAcrossTwoRuns()
    {
        FakeHttpServer a;
        FakeHttpServer b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        a.html("/", FakeBlog::frontPage("/a1.html", "Blog A"));
        a.html("/a1.html", FakeBlog::article("A one", "Blog A"));
        b.html("/", FakeBlog::frontPage("/b1.html", "Blog B"));
        b.html("/b1.html", FakeBlog::article("B one", "Blog B"));
        b.html("/b2.html", FakeBlog::article("B two", "Blog B"));
        const QByteArray list = a.url().toEncoded() + "\n" + b.url().toEncoded() + "\n";
        const QStringList arguments { QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"),
                                      QStringLiteral("-") };

        const Run first = runTitlewave(arguments, list);
        QCOMPARE(first.exitCode, 0);
        QList<QByteArray> lines = csvLines(first.out);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(2).contains(",B one,"), lines.at(2).constData());
        // No earlier scan to compare with: the new column is empty.
        QVERIFY2(lines.at(1).endsWith(","), lines.at(1).constData());
        QVERIFY2(lines.at(2).endsWith(","), lines.at(2).constData());

        b.html("/", FakeBlog::frontPage("/b2.html", "Blog B"));
        // --no-history neither reads nor writes: the next run still compares with the first.
        const Run skipped = runTitlewave(QStringList { QStringLiteral("--no-history") } + arguments, list);
        QCOMPARE(skipped.exitCode, 0);
        lines = csvLines(skipped.out);
        QVERIFY2(lines.at(2).contains(",B two,"), lines.at(2).constData());
        QVERIFY2(lines.at(2).endsWith(","), lines.at(2).constData());

        const Run second = runTitlewave(arguments, list);
        QCOMPARE(second.exitCode, 0);
        lines = csvLines(second.out);
        QVERIFY2(lines.at(1).endsWith(",no"), lines.at(1).constData());
        QVERIFY2(lines.at(2).endsWith(",yes"), lines.at(2).constData());
        QVERIFY(second.err.contains("1 blog"));
    }

    void anInterruptedRunWritesEveryRowAndKeepsWhatFinished_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("status");
        QTest::addRow("SIGTERM") << int(SIGTERM) << 143;
        QTest::addRow("SIGINT") << int(SIGINT) << 130;
    }

    void anInterruptedRunWritesEveryRowAndKeepsWhatFinished()
    {
        QFETCH(int, signal);
        QFETCH(int, status);
        // One blog answers, one never does: the run can only end by being interrupted.
        FakeHttpServer done;
        FakeHttpServer stuck;
        QVERIFY(done.start());
        QVERIFY(stuck.start());
        done.html("/", FakeBlog::frontPage("/post.html", "Done"));
        done.html("/post.html", FakeBlog::article("Finished before the signal", "Done"));
        HttpResponse hang;
        hang.delivery = HttpResponse::Delivery::Hang;
        stuck.route("/", hang);
        QTemporaryDir dir;
        const QString history = dir.filePath(QStringLiteral("history.json"));
        const QString out = dir.filePath(QStringLiteral("out.csv"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TITLEWAVE_HISTORY_FILE"), history);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TITLEWAVE_EXECUTABLE),
                      { QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"), out });
        QVERIFY(process.waitForStarted(10000));
        process.write(done.url().toEncoded() + "\n" + stuck.url().toEncoded() + "\n");
        process.closeWriteChannel();
        QSignalSpy finished(&process, &QProcess::finished);
        // Interrupted once its progress line says the first blog is done and the second waits.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("1 of 2 done"), 20000);
        QCOMPARE(stuck.server().requestsInFlight(), 1);
        QVERIFY(!finished.count());
        QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), status);
        err += process.readAllStandardError();
        QVERIFY2(err.contains("interrupted"), err.constData());
        QVERIFY2(err.contains("2 blogs"), err.constData()); // the summary is still printed

        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvLines(csv.readAll());
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(1).contains(",ok,") && lines.at(1).contains("Finished before the signal"),
                 lines.at(1).constData());
        QVERIFY2(lines.at(2).contains(",cancelled,"), lines.at(2).constData());
        QFile saved(history);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray historyText = saved.readAll();
        QVERIFY(historyText.contains("post.html"));
    }

    void aSecondSignalEndsTheRunAtOnce()
    {
        // The output is a FIFO nobody reads: opening it blocks before the scan, where the first
        // signal cannot be handled. The second one ends the run anyway, with the first's status.
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("out.fifo")));
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        QProcess process;
        process.start(QStringLiteral(TITLEWAVE_EXECUTABLE),
                      { QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("--no-history"),
                        QStringLiteral("-o"), QString::fromLocal8Bit(fifo) });
        QVERIFY(process.waitForStarted(10000));
        QSignalSpy finished(&process, &QProcess::finished);
        // Until it sits in open(): its handlers are installed by then.
        QTRY_VERIFY_WITH_TIMEOUT(processIsBlockedInOpen(process.processId()), 20000);
        QCOMPARE(::kill(pid_t(process.processId()), SIGTERM), 0);
        QVERIFY(!finished.wait(500)); // the first is only noted
        QCOMPARE(::kill(pid_t(process.processId()), SIGTERM), 0);
        QVERIFY(finished.wait(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 143);
    }

    void rescanSendsValidatorsAndKeepsAnUnchangedBlogsArticle()
    {
        FakeHttpServer server;
        QVERIFY(server.start());
        QList<QByteArray> conditions; // If-None-Match of each front page request
        server.server().setHandler([&conditions](const HttpRequest &request) {
            HttpResponse response;
            if (request.path == "/") {
                conditions.append(request.headers.value("if-none-match"));
                response.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"front-1\"")));
                if (request.headers.value("if-none-match") == "\"front-1\"")
                    response.status = 304;
                else
                    response.body = FakeBlog::frontPage("/post.html");
            } else {
                response.body = FakeBlog::article("Kept post");
            }
            return response;
        });
        QTemporaryDir dir;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TITLEWAVE_HISTORY_FILE"), dir.filePath(QStringLiteral("history.json")));
        const QStringList arguments { QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"),
                                      QStringLiteral("-") };
        const QByteArray list = server.url().toEncoded() + "\n";
        const auto run = [&](const QStringList &extra) {
            return runProgram(QStringLiteral(TITLEWAVE_EXECUTABLE), extra + arguments, list, environment);
        };

        QCOMPARE(run({}).exitCode, 0);
        const Run skipped = run({ QStringLiteral("--no-history") });
        QCOMPARE(skipped.exitCode, 0);
        QVERIFY(csvLines(skipped.out).at(1).contains(",rel-bookmark,"));
        const Run rescan = run({});
        QCOMPARE(rescan.exitCode, 0);
        const QByteArray row = csvLines(rescan.out).at(1);
        QVERIFY2(row.contains(",ok,") && row.contains("/post.html,Kept post,unchanged,"), row.constData());
        QVERIFY2(row.contains(",304,"), row.constData());
        QVERIFY2(row.endsWith(",no"), row.constData());
        QVERIFY2(rescan.err.contains("1 blog unchanged since the last scan"), rescan.err.constData());
        // The first run and --no-history sent nothing; the rescan sent the ETag and fetched no article.
        QCOMPARE(conditions, (QList<QByteArray> { QByteArray(), QByteArray(), "\"front-1\"" }));
        QCOMPARE(server.requestCount(), 5);

        // An XPath given since names another article: the page's 304 would vouch for the old one,
        // so no validator is sent and the XPath's article is fetched. Kept, it revalidates again.
        const QByteArray withXPath = server.url().toEncoded() + "\t(//article)[2]//a/@href\n";
        for (int i = 0; i < 2; ++i) {
            const Run changed = runProgram(QStringLiteral(TITLEWAVE_EXECUTABLE), arguments, withXPath, environment);
            QCOMPARE(changed.exitCode, 0);
            const QByteArray changedRow = csvLines(changed.out).at(1);
            QVERIFY2(changedRow.contains("/older.html,Kept post,")
                         && changedRow.contains(i == 0 ? ",xpath," : ",unchanged,"),
                     changedRow.constData());
        }
        QCOMPARE(conditions,
                 (QList<QByteArray> { QByteArray(), QByteArray(), "\"front-1\"", QByteArray(), "\"front-1\"" }));
    }

    void deadlineEndsATricklingBlog()
    {
        // A byte every 300 ms: never silent for --timeout's 5 s, never finished.
        FakeHttpServer server;
        QVERIFY(server.start());
        HttpResponse trickle;
        trickle.body = FakeBlog::frontPage("/post.html");
        trickle.delivery = HttpResponse::Delivery::Trickle;
        trickle.trickleIntervalMs = 300;
        server.route("/", trickle);
        const Run run = runTitlewave({ QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"),
                                       QStringLiteral("-"), QStringLiteral("--no-history"), QStringLiteral("--timeout"),
                                       QStringLiteral("5"), QStringLiteral("--deadline"), QStringLiteral("1") },
                                     server.url().toEncoded() + "\n");
        QCOMPARE(run.exitCode, 1);
        const QByteArray row = csvLines(run.out).value(1);
        QVERIFY2(row.contains(",timeout,") && row.contains("deadline"), row.constData());
    }

    void writesJson()
    {
        FakeHttpServer good;
        QVERIFY(good.start());
        good.html("/", FakeBlog::frontPage("/p.html"));
        good.html("/p.html", FakeBlog::article("As JSON"));
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("results.json"));
        // The extension chooses JSON; --format says it outright for standard output.
        for (const QStringList &arguments : { QStringList { QStringLiteral("-o"), out },
                                              QStringList { QStringLiteral("--format"), QStringLiteral("json"),
                                                            QStringLiteral("-o"), QStringLiteral("-") } }) {
            const Run run = runTitlewave(
                QStringList { QStringLiteral("--headless"), QStringLiteral("--no-history"), QStringLiteral("-") }
                    + arguments,
                good.url().toEncoded() + "\n");
            QCOMPARE(run.exitCode, 0);
            QByteArray json = run.out;
            if (json.isEmpty()) {
                QFile file(out);
                QVERIFY(file.open(QIODevice::ReadOnly));
                json = file.readAll();
            }
            const QJsonArray results = QJsonDocument::fromJson(json).object().value(QLatin1String("results")).toArray();
            QCOMPARE(results.size(), 1);
            const QJsonObject result = results.at(0).toObject();
            QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(result.value(QLatin1String("title")).toString(), QStringLiteral("As JSON"));
            QCOMPARE(result.value(QLatin1String("timings")).toArray().size(), 2);
        }
    }

    void writesAnAtomFeedOfTheArticlesFound()
    {
        FakeHttpServer good;
        FakeHttpServer broken;
        QVERIFY(good.start());
        QVERIFY(broken.start());
        good.html("/", FakeBlog::frontPage("/p.html", "Good Blog"));
        good.html("/p.html", FakeBlog::article("Followed in a feed reader", "Good Blog"));
        HttpResponse serverError;
        serverError.status = 500;
        serverError.body = "<p>down</p>";
        broken.route("/", serverError);
        const QByteArray list = good.url().toEncoded() + "\n" + broken.url().toEncoded() + "\n";
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("new.atom"));
        // The extension chooses Atom; --format says it outright for standard output.
        for (const QStringList &arguments : { QStringList { QStringLiteral("-o"), out },
                                              QStringList { QStringLiteral("--format"), QStringLiteral("atom"),
                                                            QStringLiteral("-o"), QStringLiteral("-") } }) {
            const Run run = runTitlewave(
                QStringList { QStringLiteral("--headless"), QStringLiteral("--no-history"), QStringLiteral("-") }
                    + arguments,
                list);
            QCOMPARE(run.exitCode, 1); // one blog failed
            QByteArray xml = run.out;
            const bool toFile = xml.isEmpty();
            if (toFile) {
                QFile file(out);
                QVERIFY(file.open(QIODevice::ReadOnly));
                xml = file.readAll();
            }
            const FeedContent feed = FeedReader::read(xml, QUrl::fromLocalFile(out));
            QVERIFY2(feed.isFeed, xml.constData());
            // The failed blog is in the exit status and on stderr, not in the feed.
            QCOMPARE(feed.entries.size(), 1);
            QCOMPARE(feed.entries.at(0).title, QStringLiteral("Followed in a feed reader"));
            QCOMPARE(feed.entries.at(0).link, good.url(QStringLiteral("/p.html")));
            QCOMPARE(feed.title, toFile ? QStringLiteral("Titlewave: new") : QStringLiteral("Titlewave"));
            QCOMPARE(xml.contains("rel=\"self\""), toFile);
        }
    }

    void scansAListFileIntoCsv()
    {
        FakeHttpServer good;
        FakeHttpServer broken;
        QVERIFY(good.start());
        QVERIFY(broken.start());
        good.html("/", FakeBlog::frontPage("/newest.html"), 50);
        good.html("/newest.html", FakeBlog::article("Hello, \"world\""), 50);

        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("blogs.txt"));
        const QString out = dir.filePath(QStringLiteral("results.csv"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# two blogs and a bad line\n" + good.url().toEncoded() + "\n"
                   + broken.url(QStringLiteral("/gone")).toEncoded() + "\nfile:///etc/passwd\n");
        file.close();

        const Run run = runTitlewave({ QStringLiteral("--headless"), list, QStringLiteral("-o"), out });
        QCOMPARE(run.exitCode, 1); // some blogs failed
        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvLines(csv.readAll());
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0),
                 QByteArray("blog_url,status,article_url,title,found_via,front_page_ms,feed_ms,"
                            "article_ms,total_ms,http_status,error,raw_title,new"));
        const QByteArray goodRow = good.url().toEncoded() + ",ok,"
            + good.url(QStringLiteral("/newest.html")).toEncoded() + ",\"Hello, \"\"world\"\"\",rel-bookmark,";
        QVERIFY2(lines.at(1).startsWith(goodRow), lines.at(1).constData());
        const QByteArray brokenRow = broken.url(QStringLiteral("/gone")).toEncoded() + ",http_error,";
        QVERIFY2(lines.at(2).startsWith(brokenRow), lines.at(2).constData());
        QVERIFY(lines.at(2).contains(",404,"));
        QVERIFY2(lines.at(3).startsWith("file:///etc/passwd,unsupported_scheme,"), lines.at(3).constData());
        QVERIFY(run.err.contains("line 4: unsupported scheme file"));
    }

    void reportsAnInvalidXPathAtImportAndInItsRow()
    {
        // The page has a rel=bookmark link and a feed: with a mistyped XPath neither may answer.
        FakeHttpServer typo;
        FakeHttpServer fine;
        QVERIFY(typo.start());
        QVERIFY(fine.start());
        const QByteArray page = "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed\">"
                                "</head><body><a rel=\"bookmark\" href=\"/post.html\">Post</a></body></html>";
        typo.html("/", page);
        typo.html("/post.html", FakeBlog::article("Not this one"));
        fine.html("/", FakeBlog::frontPage("/newest.html"));
        fine.html("/newest.html", FakeBlog::article("Right one"));

        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("blogs.txt"));
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(typo.url().toEncoded() + "\t//a[@rel=\n" + fine.url().toEncoded() + "\t//h2/a\n");
        file.close();

        const Run run = runTitlewave({ QStringLiteral("--headless"), QStringLiteral("--no-history"), list,
                                       QStringLiteral("-o"), QStringLiteral("-") });
        QCOMPARE(run.exitCode, 1);
        // At import: the line number and libxml2's reason.
        QVERIFY2(run.err.contains("titlewave: line 1: The XPath \xe2\x80\x9c//a[@rel=\xe2\x80\x9d is not valid: "),
                 run.err.constData());
        QVERIFY2(!run.err.contains("line 2:"), run.err.constData());
        // In its row: no_article with the same sentence, nothing found via another rule, nothing fetched.
        const QList<QByteArray> lines = csvLines(run.out);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(1).startsWith(QByteArray(typo.url().toEncoded() + ",no_article,,,,")),
                 lines.at(1).constData());
        QVERIFY2(lines.at(1).contains("is not valid: "), lines.at(1).constData());
        QCOMPARE(typo.requestCount(), 0);
        QVERIFY2(lines.at(2).startsWith(QByteArray(fine.url().toEncoded() + ",ok,")), lines.at(2).constData());
        QVERIFY2(lines.at(2).contains(",Right one,xpath,"), lines.at(2).constData());
    }

    void writesFrenchSentencesWithLangFr()
    {
        const Run run = runTitlewave({ QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"),
                                       QStringLiteral("-"), QStringLiteral("--lang"), QStringLiteral("fr") },
                                     "ftp://example.org/\n");
        QCOMPARE(run.exitCode, 1);
        const QList<QByteArray> lines = csvLines(run.out);
        QCOMPARE(lines.size(), 2);
        // The contract stays as it is: header names and status codes are never translated.
        QVERIFY2(lines.at(0).startsWith("blog_url,status,article_url,"), lines.at(0).constData());
        QVERIFY2(lines.at(1).startsWith("ftp://example.org/,unsupported_scheme,"), lines.at(1).constData());
        // The error column and stderr speak French.
        QVERIFY2(lines.at(1).contains("Seules les adresses http et https peuvent être analysées."),
                 lines.at(1).constData());
        QVERIFY2(run.err.contains("ligne 1\u00a0: schéma ftp non pris en charge"), run.err.constData());
        QVERIFY2(run.err.contains("1 blog en "), run.err.constData());
        // French typography: a narrow no-break space before the semicolon joining the summary.
        QVERIFY2(run.err.contains("\u202f; au plus "), run.err.constData());
    }

    void speaksEnglishWithRealPluralsByDefault()
    {
        // ctest runs with LC_ALL=C.UTF-8: the system's language is no language Titlewave speaks.
        const Run run = runTitlewave(
            { QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"), QStringLiteral("-") },
            "ftp://example.org/\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("Only http and https addresses can be scanned."), run.out.constData());
        QVERIFY2(run.err.contains("titlewave: 1 blog in "), run.err.constData());
    }

    void helpFollowsLang()
    {
        const Run run = runTitlewave({ QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("de") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("Diese Hilfe anzeigen und beenden."), run.out.constData());
        QVERIFY2(run.out.contains("--headless"), run.out.constData()); // option names stay
    }

    void readsStdinAndWritesStdout()
    {
        FakeHttpServer good;
        QVERIFY(good.start());
        good.html("/", FakeBlog::frontPage("/p.html"));
        good.html("/p.html", FakeBlog::article("Piped"));
        const Run run = runTitlewave(
            { QStringLiteral("--headless"), QStringLiteral("-"), QStringLiteral("-o"), QStringLiteral("-") },
            good.url().toEncoded() + "\n");
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = csvLines(run.out);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(1).contains(",ok,"));
        QVERIFY(lines.at(1).contains(",Piped,"));
    }

    void demoScanSucceedsOffline()
    {
        const Run run = runTitlewave(
            { QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("-o"), QStringLiteral("-") });
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = csvLines(run.out);
        QCOMPARE(lines.size(), 7);
        const QList<QByteArray> expectedTitles = { "Why We Roast Light",
                                                   "Lichen Season on the North Ridge",
                                                   "constexpr All the Things (Carefully)",
                                                   "The Smallest Museum in Europe",
                                                   "\"Les croissants du dimanche, enfin réussis\"",
                                                   "Mit dem Nachtzug nach Wien" };
        for (int i = 0; i < expectedTitles.size(); ++i) {
            QVERIFY2(lines.at(i + 1).contains(",ok,"), lines.at(i + 1).constData());
            const QByteArray cell = "," + expectedTitles.at(i) + ",";
            QVERIFY2(lines.at(i + 1).contains(cell), lines.at(i + 1).constData());
        }
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("no list") << QStringList { QStringLiteral("--headless") };
        QTest::addRow("unknown option") << QStringList { QStringLiteral("--headless"), QStringLiteral("--bogus") };
        QTest::addRow("missing file") << QStringList { QStringLiteral("--headless"),
                                                       QStringLiteral("/nonexistent/list") };
        QTest::addRow("bad number") << QStringList { QStringLiteral("--headless"), QStringLiteral("--max-in-flight"),
                                                     QStringLiteral("zero"), QStringLiteral("-") };
    }

    void badUsageExitsWithTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = runTitlewave(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void unwritableOutputExitsWithTwo()
    {
        const Run run = runTitlewave({ QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("-o"),
                                       QStringLiteral("/nonexistent-dir/out.csv") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("/nonexistent-dir/out.csv"));
    }

    void helpAndVersionNeedNoDisplay()
    {
        const Run help = runTitlewave({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--headless"));
        QVERIFY(help.out.contains("--max-in-flight"));
        const Run version = runTitlewave({ QStringLiteral("--version") });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("titlewave " TITLEWAVE_VERSION));
    }

    // A copy of the executable without the window module beside it (nor installed relative to it).
    void missingWindowModuleIsAnErrorNotACrash()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("titlewave"));
        QVERIFY(QFile::copy(QStringLiteral(TITLEWAVE_EXECUTABLE), copy));
        // Only the window needs the module: help, usage errors and headless runs do without.
        QCOMPARE(runProgram(copy, { QStringLiteral("--help") }).exitCode, 0);
        QCOMPARE(runProgram(copy, { QStringLiteral("--max-in-flight"), QStringLiteral("zero") }).exitCode, 2);
        QCOMPARE(runProgram(copy,
                            { QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("-o"),
                              QStringLiteral("-") })
                     .exitCode,
                 0);
        // A display to open on (ctest sets this too), so that the module is what is missing.
        QProcessEnvironment offscreen = QProcessEnvironment::systemEnvironment();
        offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const Run window = runProgram(copy, { QStringLiteral("--demo") }, {}, offscreen);
        QCOMPARE(window.exitCode, 1);
        QVERIFY2(window.err.contains("titlewave-window.so"), window.err.constData());
        // Said in the language asked for, like every other error.
        const Run french = runProgram(copy, { QStringLiteral("--lang"), QStringLiteral("fr") }, {}, offscreen);
        QCOMPARE(french.exitCode, 1);
        QVERIFY2(french.err.contains("fen\xc3\xaatre"), french.err.constData());
    }

    // ssh, cron, a container: no display at all. Qt would abort the process while starting;
    // Titlewave says so and points to --headless instead, in the language asked for.
    void noDisplayIsAnErrorNotACrash()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            environment.remove(QString::fromLatin1(name));
        const Run window
            = runProgram(QStringLiteral(TITLEWAVE_EXECUTABLE), { QStringLiteral("--demo") }, {}, environment);
        QCOMPARE(window.exitCode, 1);
        QVERIFY2(window.err.contains("no display") && window.err.contains("--headless"), window.err.constData());
        const Run french = runProgram(QStringLiteral(TITLEWAVE_EXECUTABLE),
                                      { QStringLiteral("--lang"), QStringLiteral("fr") }, {}, environment);
        QCOMPARE(french.exitCode, 1);
        QVERIFY2(french.err.contains("--headless")
                     && french.err.contains("\xc3\xa9"
                                            "cran"),
                 french.err.constData());
        // The headless face needs no display at all.
        QCOMPARE(runProgram(QStringLiteral(TITLEWAVE_EXECUTABLE),
                            { QStringLiteral("--headless"), QStringLiteral("--demo"), QStringLiteral("-o"),
                              QStringLiteral("-") },
                            {}, environment)
                     .exitCode,
                 0);
    }

private:
    QTemporaryDir m_historyDir;
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
