// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/commandlineoptions.h"

#include <QTest>

class TestCommandLineOptions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAHeadlessRun()
    {
        const CommandLineOptions options = CommandLineOptions::parse(
            { QStringLiteral("titlewave"), QStringLiteral("--headless"), QStringLiteral("blogs.txt"),
              QStringLiteral("-o"), QStringLiteral("out.csv"), QStringLiteral("--max-in-flight"), QStringLiteral("1"),
              QStringLiteral("--timeout"), QStringLiteral("3"), QStringLiteral("--max-page-size"), QStringLiteral("2"),
              QStringLiteral("--user-agent"), QStringLiteral("Test/1") });
        QCOMPARE(options.action, CommandLineOptions::Action::RunHeadless);
        QCOMPARE(options.listPath, QStringLiteral("blogs.txt"));
        QCOMPARE(options.outPath, QStringLiteral("out.csv"));
        QCOMPARE(options.scan.fetch.maxInFlight, 1);
        QCOMPARE(options.scan.fetch.timeoutMs, 3000);
        QCOMPARE(options.scan.fetch.maxBodyBytes, 2LL * 1024 * 1024);
        QCOMPARE(options.scan.fetch.userAgent, QByteArray("Test/1"));
        QCOMPARE(options.overrides.maxInFlight, std::optional<int>(1));
        QVERIFY(!options.overrides.maxRedirects);
        QVERIFY(!options.overrides.preferFeeds);
    }

    void choosesTheExportFormat_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<ExportFormat>("format");
        QTest::addRow("default") << QStringList { QStringLiteral("-o"), QStringLiteral("out.csv") }
                                 << ExportFormat::Csv;
        QTest::addRow("by extension") << QStringList { QStringLiteral("-o"), QStringLiteral("out.JSON") }
                                      << ExportFormat::Json;
        QTest::addRow("explicit json") << QStringList { QStringLiteral("--format"), QStringLiteral("json") }
                                       << ExportFormat::Json;
        QTest::addRow("atom extension") << QStringList { QStringLiteral("-o"), QStringLiteral("new.atom") }
                                        << ExportFormat::Atom;
        QTest::addRow("explicit atom") << QStringList { QStringLiteral("--format"), QStringLiteral("atom") }
                                       << ExportFormat::Atom;
        QTest::addRow("explicit beats extension") << QStringList { QStringLiteral("--format"), QStringLiteral("csv"),
                                                                   QStringLiteral("-o"), QStringLiteral("out.json") }
                                                  << ExportFormat::Csv;
    }

    void choosesTheExportFormat()
    {
        QFETCH(QStringList, arguments);
        QFETCH(ExportFormat, format);
        const CommandLineOptions options = CommandLineOptions::parse(
            QStringList { QStringLiteral("titlewave"), QStringLiteral("--headless"), QStringLiteral("list.txt") }
            + arguments);
        QCOMPARE(options.action, CommandLineOptions::Action::RunHeadless);
        QCOMPARE(options.format, format);
    }

    void refusesAnUnknownFormat()
    {
        const CommandLineOptions options
            = CommandLineOptions::parse({ QStringLiteral("titlewave"), QStringLiteral("--headless"),
                                          QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("l.txt") });
        QCOMPARE(options.action, CommandLineOptions::Action::UsageError);
        QVERIFY(options.text.contains(QStringLiteral("xml")));
    }

    void turnsTheHistoryOff()
    {
        QVERIFY(CommandLineOptions::parse({ QStringLiteral("titlewave") }).useHistory);
        QVERIFY(!CommandLineOptions::parse({ QStringLiteral("titlewave"), QStringLiteral("--no-history") }).useHistory);
    }

    void theWindowTakesEveryFileNamed()
    {
        const CommandLineOptions options = CommandLineOptions::parse(
            { QStringLiteral("titlewave"), QStringLiteral("a.txt"), QStringLiteral("b.opml") });
        QCOMPARE(options.action, CommandLineOptions::Action::RunWindow);
        QCOMPARE(options.listPaths, QStringList({ QStringLiteral("a.txt"), QStringLiteral("b.opml") }));
    }

    void defaultsToStdoutAndTheWindow()
    {
        QCOMPARE(CommandLineOptions::parse({ QStringLiteral("titlewave") }).action,
                 CommandLineOptions::Action::RunWindow);
        const CommandLineOptions demo = CommandLineOptions::parse(
            { QStringLiteral("titlewave"), QStringLiteral("--headless"), QStringLiteral("--demo") });
        QCOMPARE(demo.action, CommandLineOptions::Action::RunHeadless);
        QVERIFY(demo.demo);
        QCOMPARE(demo.outPath, QStringLiteral("-"));
    }

    void readsProxyOptions()
    {
        const auto parse = [](const QStringList &arguments) {
            return CommandLineOptions::parse(QStringList { QStringLiteral("titlewave") } + arguments);
        };
        QVERIFY(!parse({}).overrides.proxyMode); // the setting's (by default the system's)
        QCOMPARE(parse({ QStringLiteral("--no-proxy") }).scan.fetch.proxyMode, ProxyMode::Direct);
        const CommandLineOptions named = parse({ QStringLiteral("--proxy"), QStringLiteral("proxy.example:3128") });
        QCOMPARE(named.scan.fetch.proxyMode, ProxyMode::Url);
        QCOMPARE(named.scan.fetch.proxyUrl, QUrl(QStringLiteral("http://proxy.example:3128")));
        const CommandLineOptions socks
            = parse({ QStringLiteral("--proxy"), QStringLiteral("socks5://user:secret@127.0.0.1:1080") });
        QCOMPARE(socks.scan.fetch.proxyUrl.userName(), QStringLiteral("user"));
        QCOMPARE(parse({ QStringLiteral("--deadline"), QStringLiteral("5") }).scan.fetch.deadlineMs, 5000);
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("zero in flight") << QStringList { QStringLiteral("--max-in-flight"), QStringLiteral("0") };
        QTest::addRow("words for timeout") << QStringList { QStringLiteral("--timeout"), QStringLiteral("soon") };
        QTest::addRow("proxy and no proxy")
            << QStringList { QStringLiteral("--proxy"), QStringLiteral("http://p:3128"), QStringLiteral("--no-proxy") };
        QTest::addRow("ftp proxy") << QStringList { QStringLiteral("--proxy"), QStringLiteral("ftp://p:21") };
        QTest::addRow("proxy without host") << QStringList { QStringLiteral("--proxy"), QStringLiteral("http://") };
        QTest::addRow("zero deadline") << QStringList { QStringLiteral("--deadline"), QStringLiteral("0") };
        QTest::addRow("negative page size") << QStringList { QStringLiteral("--max-page-size"), QStringLiteral("-1") };
        QTest::addRow("two lists") << QStringList { QStringLiteral("a.txt"), QStringLiteral("b.txt") };
        QTest::addRow("demo and list") << QStringList { QStringLiteral("--demo"), QStringLiteral("a.txt") };
    }

    void rejectsBadValues()
    {
        QFETCH(QStringList, arguments);
        const CommandLineOptions options = CommandLineOptions::parse(
            QStringList { QStringLiteral("titlewave"), QStringLiteral("--headless") } + arguments);
        QCOMPARE(options.action, CommandLineOptions::Action::UsageError);
        QVERIFY(!options.text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommandLineOptions)
#include "tst_commandlineoptions.moc"
