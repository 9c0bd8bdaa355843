// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchoptions.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QProcess>

#include <algorithm>

namespace {
BenchOptions usageError(const QString &message)
{
    BenchOptions options;
    options.mode = BenchOptions::Mode::UsageError;
    options.text = message;
    return options;
}
} // namespace

bool BenchOptions::usesDns() const
{
    return std::any_of(dnsLatencies.cbegin(), dnsLatencies.cend(), [](int latency) { return latency != kByAddress; });
}

BenchOptions BenchOptions::parse(const QStringList &arguments)
{
    BenchOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures the titlewave executable against a farm of synthetic loopback blogs and prints one "
                       "markdown table: wall time against the 2 x latency floor, CPU, peak RSS, requests in flight, "
                       "correct titles, and a sequential (--max-in-flight 1) comparison."));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help."));
    const QCommandLineOption sizes(QStringLiteral("sizes"),
                                   QStringLiteral("Blog counts to measure (default 1,10,100,1000)."),
                                   QStringLiteral("N,N,..."));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("Delay before every response (default 100)."),
                                     QStringLiteral("MS"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed for the farm's pages (default 1)."),
                                  QStringLiteral("SEED"));
    const QCommandLineOption titlewave(QStringLiteral("titlewave"),
                                       QStringLiteral("The titlewave executable (default: the one built alongside)."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption extraArgs(QStringLiteral("extra-args"),
                                       QStringLiteral("More arguments for every titlewave run, e.g. \"--timeout 30\"."),
                                       QStringLiteral("ARGS"));
    const QCommandLineOption noSequential(QStringLiteral("no-sequential"),
                                          QStringLiteral("Skip the --max-in-flight 1 comparison."));
    const QCommandLineOption sequentialMax(
        QStringLiteral("sequential-max"),
        QStringLiteral("Largest sequential run; bigger sizes are extrapolated from one of this size (default 100)."),
        QStringLiteral("N"));
    const QCommandLineOption limit(QStringLiteral("limit-s"),
                                   QStringLiteral("Kill a titlewave run after this many seconds (default 600)."),
                                   QStringLiteral("S"));
    const QCommandLineOption workDir(
        QStringLiteral("work-dir"),
        QStringLiteral("Keep lists, CSVs and logs here (default: a temporary directory, kept)."),
        QStringLiteral("DIR"));
    const QCommandLineOption oneHost(
        QStringLiteral("one-host"),
        QStringLiteral("All blogs on one origin, as paths (http://127.20.0.1:PORT/blog-17/), over each of PROTOCOLS: "
                       "http = plain HTTP/1.1 to the farm; https = through a local nginx (TLS with a test CA "
                       "passed to --ca-file, HTTP/2; run tests/benchmark/install-deps first). Sizes default to "
                       "200; no sequential runs. Prints the one-host table."),
        QStringLiteral("PROTOCOLS"));
    const QCommandLineOption https(
        QStringLiteral("https"),
        QStringLiteral("The HTTPS farm: every blog on its own loopback address behind a local nginx, over each of "
                       "PROTOCOLS: http = plain HTTP/1.1 through the same nginx (the baseline), h1 = HTTPS offering "
                       "HTTP/1.1 only, h2 = HTTPS offering HTTP/2; each blog has its own certificate from a test CA "
                       "made at start. Titlewave and the curl --parallel peer run on the same farm. Sizes default to "
                       "1000; no sequential runs. Prints the HTTPS table (run tests/benchmark/install-deps first)."),
        QStringLiteral("PROTOCOLS"));
    const QCommandLineOption repeat(
        QStringLiteral("repeat"),
        QStringLiteral("With --https: measure every client and protocol this many times (default 1)."),
        QStringLiteral("N"));
    const QCommandLineOption noCurl(QStringLiteral("no-curl"),
                                    QStringLiteral("With --https: run titlewave only, not the curl peer."));
    const QCommandLineOption dnsLatency(
        QStringLiteral("dns-latency-ms"),
        QStringLiteral("Rows per size: \"ip\" scans the blogs by numeric address (the default), a number scans them by "
                       "name (blog-<i>.bench.test) through the farm's own name server, which answers after that many "
                       "ms; e.g. ip,0,50,100. Needs root: titlewave runs in a private mount namespace whose "
                       "/etc/resolv.conf names only that server."),
        QStringLiteral("ip|MS,..."));
    const QCommandLineOption dnsAddress(
        QStringLiteral("dns-address"),
        QStringLiteral("Loopback address for the name server, port 53 (default 127.0.53.53)."), QStringLiteral("ADDR"));
    // The farm process: started by the harness, not by people.
    QCommandLineOption serve(QStringLiteral("serve"), QStringLiteral("Internal: run the farm."));
    serve.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption blogs(QStringLiteral("blogs"), QStringLiteral("Internal: farm size."), QStringLiteral("N"));
    blogs.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Internal: where the farm writes its list."),
                           QStringLiteral("DIR"));
    out.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption pathPrefix(
        QStringLiteral("path-prefix"),
        QStringLiteral("Internal: the farm serves every blog under /blog-N/ on one address."));
    pathPrefix.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption rescan(
        QStringLiteral("rescan"),
        QStringLiteral("Conditional rescans instead: a first scan, a rescan with nothing changed, then a rescan "
                       "after P % of the blogs changed (each P of the list, e.g. 10), all with the first scan's "
                       "history; prints the requests and bytes the farm served for each. No sequential runs."),
        QStringLiteral("P,..."));
    parser.addOptions({ rescan,       help,          sizes,      latency, seed,    titlewave, extraArgs,
                        noSequential, sequentialMax, limit,      workDir, oneHost, https,     repeat,
                        noCurl,       dnsLatency,    dnsAddress, serve,   blogs,   out,       pathPrefix });

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        options.mode = Mode::ShowText;
        options.text = parser.helpText();
        return options;
    }

    bool ok = true;
    const auto positive = [&ok](const QString &text, int minimum) {
        bool valid = false;
        const int value = text.toInt(&valid);
        ok = ok && valid && value >= minimum;
        return value;
    };
    if (parser.isSet(sizes)) {
        options.sizes.clear();
        for (const QString &item : parser.value(sizes).split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.sizes.append(positive(item.trimmed(), 1));
        if (options.sizes.isEmpty())
            ok = false;
    }
    if (parser.isSet(latency))
        options.latencyMs = positive(parser.value(latency), 0);
    if (parser.isSet(seed)) {
        bool valid = false;
        options.seed = parser.value(seed).toULongLong(&valid);
        ok = ok && valid;
    }
    if (parser.isSet(sequentialMax))
        options.sequentialMax = positive(parser.value(sequentialMax), 1);
    if (parser.isSet(limit))
        options.limitSeconds = positive(parser.value(limit), 1);
    if (parser.isSet(repeat))
        options.repeat = positive(parser.value(repeat), 1);
    if (parser.isSet(dnsLatency)) {
        options.dnsLatencies.clear();
        for (const QString &item : parser.value(dnsLatency).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString value = item.trimmed();
            options.dnsLatencies.append(value == QLatin1String("ip") ? kByAddress : positive(value, 0));
        }
        if (options.dnsLatencies.isEmpty())
            ok = false;
    }
    if (!ok)
        return usageError(
            QStringLiteral("sizes, latencies, seed and limits must be whole numbers (sizes at least 1)."));
    if (parser.isSet(dnsAddress)) {
        options.dnsAddress = parser.value(dnsAddress);
        if (!QHostAddress(options.dnsAddress).isLoopback())
            return usageError(QStringLiteral("--dns-address must be a loopback address."));
    }
    options.titlewave = parser.value(titlewave);
    options.extraArguments = QProcess::splitCommand(parser.value(extraArgs));
    options.sequential = !parser.isSet(noSequential);
    if (parser.isSet(rescan)) {
        options.sequential = false;
        for (const QString &item : parser.value(rescan).split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.rescanChanged.append(std::clamp(item.trimmed().toInt(), 0, 100));
    }
    options.workDirectory = parser.value(workDir);
    if (parser.isSet(oneHost)) {
        for (const QString &item : parser.value(oneHost).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString protocol = item.trimmed().toLower();
            if (protocol != QLatin1String("http") && protocol != QLatin1String("https"))
                return usageError(QStringLiteral("--one-host takes http, https or both (http,https)."));
            if (!options.oneHost.contains(protocol))
                options.oneHost.append(protocol);
        }
        if (options.oneHost.isEmpty())
            return usageError(QStringLiteral("--one-host takes http, https or both (http,https)."));
        // 200 blogs on one host is the case the issue measures; one-by-one runs would say nothing new.
        if (!parser.isSet(sizes))
            options.sizes = { 200 };
        options.sequential = false;
    }

    if (parser.isSet(https)) {
        if (!options.oneHost.isEmpty())
            return usageError(QStringLiteral("--https and --one-host are separate tables: give one."));
        if (options.usesDns())
            return usageError(QStringLiteral("--https scans by address: leave out --dns-latency-ms."));
        for (const QString &item : parser.value(https).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString protocol = item.trimmed().toLower();
            if (protocol != QLatin1String("http") && protocol != QLatin1String("h1") && protocol != QLatin1String("h2"))
                return usageError(QStringLiteral("--https takes http, h1 and/or h2 (e.g. http,h1,h2)."));
            if (!options.https.contains(protocol))
                options.https.append(protocol);
        }
        if (options.https.isEmpty())
            return usageError(QStringLiteral("--https takes http, h1 and/or h2 (e.g. http,h1,h2)."));
        if (!parser.isSet(sizes))
            options.sizes = { 1000 };
        options.sequential = false;
        options.curl = !parser.isSet(noCurl);
    }

    if (parser.isSet(serve)) {
        options.mode = Mode::Serve;
        options.blogs = positive(parser.value(blogs), 1);
        options.outDirectory = parser.value(out);
        options.pathPrefix = parser.isSet(pathPrefix);
        if (!parser.isSet(dnsAddress))
            options.dnsAddress.clear(); // the farm runs a name server only when asked to
        if (!ok || options.outDirectory.isEmpty())
            return usageError(QStringLiteral("--serve needs --blogs N and --out DIR."));
    }
    return options;
}
