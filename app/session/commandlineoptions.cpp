// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandlineoptions.h"

#include "types/webaddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {
bool readPositiveInt(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum, int *value,
                     QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const int parsed = parser.value(option).toInt(&ok);
    if (!ok || parsed < minimum) {
        *error = CommandLineOptions::tr("--%1 needs a whole number of at least %2, not \"%3\".")
                     .arg(option.names().constLast())
                     .arg(minimum)
                     .arg(parser.value(option));
        return false;
    }
    *value = parsed;
    return true;
}
} // namespace

CommandLineOptions CommandLineOptions::parse(const QStringList &arguments)
{
    CommandLineOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Finds the newest article and its headline on every blog of a list, all blogs at once.\n\n"
           "Without --headless, opens the window. With --headless, scans LIST (one URL per line,\n"
           "or - for standard input; .csv and .opml lists too) and writes CSV, JSON or an Atom\n"
           "feed to OUT (or - for standard output).\n"
           "Exit status: 0 every blog ok, 1 some blogs failed, 2 bad usage or unreadable input,\n"
           "130 or 143 interrupted by SIGINT or SIGTERM (every row is still written)."));
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help and exit."));
    const QCommandLineOption version({ QStringLiteral("v"), QStringLiteral("version") },
                                     tr("Show the version and exit."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      tr("Scan without a window and write CSV, JSON or an Atom feed."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Scan the bundled demo blogs, served on this computer (works offline)."));
    const QCommandLineOption output({ QStringLiteral("o"), QStringLiteral("output") },
                                    tr("Write the results to OUT (- for standard output)."), tr("OUT"));
    const QCommandLineOption maxInFlight(QStringLiteral("max-in-flight"),
                                         tr("At most N requests at once (1: the classic one-at-a-time scan; "
                                            "default: as many as the system allows)."),
                                         tr("N"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"), tr("Give up on a request after SECONDS without data (default 15)."), tr("SECONDS"));
    const QCommandLineOption deadline(
        QStringLiteral("deadline"),
        tr("Give up on a request SECONDS after it left, however slowly data still arrives (default 60)."),
        tr("SECONDS"));
    const QCommandLineOption maxPageSize(QStringLiteral("max-page-size"),
                                         tr("Refuse pages larger than MB megabytes, decompressed (default 10)."),
                                         tr("MB"));
    const QCommandLineOption maxRedirects(QStringLiteral("max-redirects"),
                                          tr("Follow at most N redirects per request (default 10)."), tr("N"));
    const QCommandLineOption userAgent(QStringLiteral("user-agent"), tr("Send TEXT as the User-Agent."), tr("TEXT"));
    const QCommandLineOption preferFeeds(QStringLiteral("prefer-feeds"),
                                         tr("Follow the blog's feed even when its page names an article."));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
                                    tr("Also trust the certificates in FILE (PEM), e.g. a test server's."), tr("FILE"));
    const QCommandLineOption proxy(QStringLiteral("proxy"),
                                   tr("Send every request through the proxy at URL (http://host:port or "
                                      "socks5://host:port, with user:password@ if it asks). Default: the system's "
                                      "proxy settings (http_proxy, https_proxy, no_proxy, the desktop's)."),
                                   tr("URL"));
    const QCommandLineOption noProxy(QStringLiteral("no-proxy"),
                                     tr("Connect to every blog directly, whatever the system's proxy settings say."));
    const QCommandLineOption language(QStringLiteral("lang"), tr("Use LANGUAGE (e.g. fr) instead of the system's."),
                                      tr("LANGUAGE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("Write FORMAT: csv, json or atom (default: OUT's extension, else csv)."),
                                    tr("FORMAT"));
    const QCommandLineOption noHistory(
        QStringLiteral("no-history"),
        tr("Do not compare with or update the scan history (the \"new\" column stays empty)."));
    parser.addOptions({ help, version, headless, demo, output, format, noHistory, maxInFlight, timeout, deadline,
                        maxPageSize, maxRedirects, userAgent, preferFeeds, caFile, proxy, noProxy, language });
    parser.addPositionalArgument(tr("LIST"), tr("The blog list to scan (with --headless; - for standard input)."));

    const bool parsed = parser.parse(arguments);
    // Read first: main() applies the language before it asks for help text or errors again.
    options.language = parser.value(language);
    if (!parsed) {
        options.action = Action::UsageError;
        options.text = parser.errorText();
        return options;
    }
    if (parser.isSet(help)) {
        options.action = Action::ShowText;
        options.text = parser.helpText();
        return options;
    }
    if (parser.isSet(version)) {
        options.action = Action::ShowText;
        options.text = QStringLiteral("titlewave " TITLEWAVE_VERSION "\n");
        return options;
    }

    options.demo = parser.isSet(demo);
    options.useHistory = !parser.isSet(noHistory);
    ScanOverrides &overrides = options.overrides;
    QString error;
    const auto readInt = [&](const QCommandLineOption &option, int minimum, int scale, auto &field) {
        if (!parser.isSet(option))
            return true;
        int value = 0;
        if (!readPositiveInt(parser, option, minimum, &value, &error))
            return false;
        field = std::remove_reference_t<decltype(*field)>(value) * scale;
        return true;
    };
    if (!readInt(maxInFlight, 1, 1, overrides.maxInFlight) || !readInt(timeout, 1, 1000, overrides.timeoutMs)
        || !readInt(deadline, 1, 1000, overrides.deadlineMs)
        || !readInt(maxPageSize, 1, 1024 * 1024, overrides.maxBodyBytes)
        || !readInt(maxRedirects, 0, 1, overrides.maxRedirects)) {
        options.action = Action::UsageError;
        options.text = error;
        return options;
    }
    if (parser.isSet(userAgent))
        overrides.userAgent = parser.value(userAgent).toUtf8();
    if (parser.isSet(caFile))
        overrides.caFile = parser.value(caFile);
    if (parser.isSet(preferFeeds))
        overrides.preferFeeds = true;
    if (parser.isSet(proxy) && parser.isSet(noProxy)) {
        options.action = Action::UsageError;
        options.text = tr("--proxy and --no-proxy contradict each other; give one.");
        return options;
    }
    if (parser.isSet(noProxy))
        overrides.proxyMode = ProxyMode::Direct;
    if (parser.isSet(proxy)) {
        const std::optional<QUrl> url = WebAddress::proxyUrlFrom(parser.value(proxy));
        if (!url) {
            options.action = Action::UsageError;
            options.text = tr("--proxy needs an address such as http://proxy.example:3128 or "
                              "socks5://127.0.0.1:1080, not \"%1\".")
                               .arg(parser.value(proxy));
            return options;
        }
        overrides.proxyMode = ProxyMode::Url;
        overrides.proxyUrl = *url;
    }
    options.scan = overrides.appliedTo(ScanOptions());

    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(headless)) {
        options.action = Action::RunWindow;
        options.listPaths = positional;
        return options;
    }
    options.action = Action::RunHeadless;
    options.outPath = parser.isSet(output) ? parser.value(output) : QStringLiteral("-");
    if (parser.isSet(format)) {
        const std::optional<ExportFormat> named = ResultExporter::formatFromName(parser.value(format));
        if (!named) {
            options.action = Action::UsageError;
            options.text = tr("--format is csv, json or atom, not \"%1\".").arg(parser.value(format));
            return options;
        }
        options.format = *named;
    } else {
        options.format = ResultExporter::formatForPath(options.outPath);
    }
    if (options.demo) {
        if (!positional.isEmpty()) {
            options.action = Action::UsageError;
            options.text = tr("--demo scans the bundled blogs; give no LIST with it.");
        }
        return options;
    }
    if (positional.size() != 1) {
        options.action = Action::UsageError;
        options.text = positional.isEmpty() ? tr("--headless needs a LIST (or --demo).")
                                            : tr("--headless takes one LIST, not %1.").arg(positional.size());
        return options;
    }
    options.listPath = positional.constFirst();
    return options;
}
