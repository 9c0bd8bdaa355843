// SPDX-License-Identifier: GPL-3.0-or-later
// titlewave-bench: the titlewave executable against a farm of synthetic loopback blogs.
// The same executable is the farm (--serve), started as a separate process so the farm's CPU
// never counts as Titlewave's.
#include "benchfarm.h"
#include "benchoptions.h"
#include "benchreport.h"
#include "benchrunner.h"
#include "farmclient.h"
#include "httpsfront.h"
#include "net/fdlimit.h"
#include "nginxfront.h"
#include "resultchecker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <optional>

namespace {
QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int serve(const BenchOptions &options)
{
    // Every blog is a listening socket and every client connection another descriptor.
    FdLimit::raiseSoftLimit();
    BenchFarm farm(options.seed, options.blogs, options.latencyMs,
                   options.pathPrefix ? FarmContent::Layout::PathPrefix : FarmContent::Layout::OwnOrigin);
    QString error;
    if (!options.dnsAddress.isEmpty() && !farm.startDns(QHostAddress(options.dnsAddress), 0, &error)) {
        err() << "titlewave-bench farm: " << error << Qt::endl;
        return 1;
    }
    if (!farm.start(options.outDirectory, &error)) {
        err() << "titlewave-bench farm: " << error << Qt::endl;
        return 1;
    }
    const QByteArray ready
        = "ready " + QByteArray::number(farm.port()) + ' ' + QByteArray::number(options.blogs) + '\n';
    std::fwrite(ready.constData(), 1, std::size_t(ready.size()), stdout);
    std::fflush(stdout);
    farm.listenForCommands();
    return QCoreApplication::exec();
}

// The last line titlewave wrote to stderr: its own summary ("N blogs in S s: ...").
QString lastLogLine(const QString &logPath)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    return QString::fromUtf8(lines.constLast());
}

// The first @p count lines of @p from, for a sequential run on part of the farm.
bool copyHead(const QString &from, const QString &to, int count)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    QByteArray head;
    for (int i = 0; i < count && !in.atEnd(); ++i)
        head += in.readLine();
    QSaveFile out(to);
    return out.open(QIODevice::WriteOnly) && out.write(head) == head.size() && out.commit();
}

// @p from with every @p origin replaced by @p replacement: the farm's list and expected titles
// as seen through nginx.
bool copyWithOrigin(const QString &from, const QString &to, const QByteArray &origin, const QByteArray &replacement)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = in.readAll().replace(origin, replacement);
    QSaveFile out(to);
    return out.open(QIODevice::WriteOnly) && out.write(data) == data.size() && out.commit();
}

// Every run is a first scan with a history of its own: the user's history.json (which every
// earlier benchmark run, each on new ports, made bigger) would add its reading and writing to
// the figures and differ from one machine to the next.
QStringList freshHistory(const QString &path)
{
    QFile::remove(path);
    return { QStringLiteral("TITLEWAVE_HISTORY_FILE=") + path };
}

struct SequentialRun {
    RunMeasurement run;
    CheckResult check;
    int blogs = 0;
};

class Harness
{
public:
    Harness(const BenchOptions &options, QString titlewave, QDir work)
        : m_options(options)
        , m_titlewave(std::move(titlewave))
        , m_work(std::move(work))
    { }

    /// One row per entry of --dns-latency-ms, all on one farm.
    QList<BenchRow> measure(int blogs)
    {
        QList<BenchRow> rows;
        const QDir dir = runDirectory(QStringLiteral("n"), blogs);

        FarmClient farm;
        QString error;
        err() << "titlewave-bench: N=" << blogs << ": starting the farm" << Qt::endl;
        if (m_options.usesDns()) {
            farm.setDnsAddress(m_options.dnsAddress);
            if (!BenchRunner::writeResolverFiles(dir.absolutePath(), m_options.dnsAddress, &error))
                return { failedRow(blogs, {}, error) };
        }
        if (!farm.start(QCoreApplication::applicationFilePath(), blogs, m_options.latencyMs, m_options.seed,
                        dir.absolutePath(), &error)) {
            return { failedRow(blogs, {}, error) };
        }
        for (const int dnsLatency : m_options.dnsLatencies)
            rows.append(measureOne(farm, dir, blogs, dnsLatency));
        farm.stop();
        return rows;
    }

    /// All blogs below /blog-<i>/ on one origin, once per protocol in --one-host: plain HTTP/1.1
    /// straight to the farm, and HTTPS (HTTP/2 if the client negotiates it) through nginx.
    QList<BenchRow> measureOneHost(int blogs)
    {
        QList<BenchRow> rows;
        const QDir dir = runDirectory(QStringLiteral("one-host-n"), blogs);

        FarmClient farm;
        QString error;
        err() << "titlewave-bench: one host, N=" << blogs << ": starting the farm" << Qt::endl;
        if (!farm.start(QCoreApplication::applicationFilePath(), blogs, m_options.latencyMs, m_options.seed,
                        dir.absolutePath(), &error, true)) {
            for (const QString &protocol : m_options.oneHost)
                rows.append(failedRow(blogs, protocol, error));
            return rows;
        }
        const QByteArray address = BenchFarm::address(0);
        for (const QString &protocol : m_options.oneHost) {
            if (protocol == QLatin1String("http")) {
                rows.append(runClient(farm, blogs, farm.listPath(), farm.expectedPath(), dir,
                                      QStringLiteral("titlewave-http"), {}, protocol));
                continue;
            }
            NginxFront nginx;
            err() << "titlewave-bench: one host, N=" << blogs << ": starting nginx" << Qt::endl;
            if (!nginx.start(dir.absolutePath(), address, farm.port(), &error)) {
                rows.append(failedRow(blogs, protocol, error));
                continue;
            }
            const QByteArray farmOrigin = "http://" + address + ':' + QByteArray::number(farm.port()) + '/';
            const QByteArray nginxOrigin = "https://" + address + ':' + QByteArray::number(nginx.port()) + '/';
            const QString list = dir.filePath(QStringLiteral("list-https.txt"));
            const QString expected = dir.filePath(QStringLiteral("expected-https.tsv"));
            if (!copyWithOrigin(farm.listPath(), list, farmOrigin, nginxOrigin)
                || !copyWithOrigin(farm.expectedPath(), expected, farmOrigin, nginxOrigin)) {
                rows.append(failedRow(blogs, protocol, QStringLiteral("cannot write the https list")));
                continue;
            }
            nginx.markLog();
            BenchRow row = runClient(farm, blogs, list, expected, dir, QStringLiteral("titlewave-https"),
                                     { QStringLiteral("--ca-file"), nginx.caFile() }, protocol);
            row.proxy = nginx.stats();
            nginx.stop();
            rows.append(row);
        }
        farm.stop();
        return rows;
    }

    /// Every blog on its own address behind nginx, once per protocol of --https (plain HTTP, HTTPS
    /// with HTTP/1.1, HTTPS with HTTP/2), each blog with its own certificate: titlewave and the curl
    /// peer, --repeat times each, alternating, on one farm.
    QList<BenchRow> measureHttps(int blogs)
    {
        QList<BenchRow> rows;
        const QDir dir = runDirectory(QStringLiteral("https-n"), blogs);
        FarmClient farm;
        QString error;
        err() << "titlewave-bench: HTTPS farm, N=" << blogs << ": starting the farm" << Qt::endl;
        if (!farm.start(QCoreApplication::applicationFilePath(), blogs, m_options.latencyMs, m_options.seed,
                        dir.absolutePath(), &error)) {
            return { failedRow(blogs, {}, error) };
        }
        err() << "titlewave-bench: HTTPS farm, N=" << blogs << ": a test CA and " << blogs << " certificates"
              << Qt::endl;
        if (!HttpsFront::makeCertificates(dir.absolutePath(), blogs, &error))
            return { failedRow(blogs, {}, error) };
        const QString ca = HttpsFront::caFile(dir.absolutePath());
        for (const QString &protocol : m_options.https) {
            const HttpsFront::Mode mode = protocol == QLatin1String("h1") ? HttpsFront::Mode::Http1
                : protocol == QLatin1String("h2")                         ? HttpsFront::Mode::Http2
                                                                          : HttpsFront::Mode::Http;
            HttpsFront nginx;
            err() << "titlewave-bench: HTTPS farm, N=" << blogs << ": nginx for " << protocol << Qt::endl;
            if (!nginx.start(dir.absolutePath(), blogs, farm.port(), mode, &error)) {
                rows.append(failedRow(blogs, protocol, error));
                continue;
            }
            // Every blog's origin, http://127.20.x.y:FARM/, becomes SCHEME://127.20.x.y:NGINX/.
            const QByteArray from = ':' + QByteArray::number(farm.port()) + '/';
            const QByteArray to = ':' + QByteArray::number(nginx.port()) + '/';
            const QByteArray scheme = mode == HttpsFront::Mode::Http ? "http://" : "https://";
            const QString list = dir.filePath(QStringLiteral("list-%1.txt").arg(protocol));
            const QString expected = dir.filePath(QStringLiteral("expected-%1.tsv").arg(protocol));
            if (!rewriteOrigins(farm.listPath(), list, from, to, scheme)
                || !rewriteOrigins(farm.expectedPath(), expected, from, to, scheme)) {
                rows.append(failedRow(blogs, protocol, QStringLiteral("cannot write the %1 list").arg(protocol)));
                continue;
            }
            for (int run = 1; run <= m_options.repeat; ++run) {
                for (const QString &client : clients()) {
                    const QString tag = QStringLiteral("%1-%2-%3").arg(client, protocol).arg(run);
                    nginx.markLog();
                    BenchRow row;
                    if (client == QLatin1String("titlewave")) {
                        row = runClient(farm, blogs, list, expected, dir, tag,
                                        mode == HttpsFront::Mode::Http
                                            ? QStringList()
                                            : QStringList { QStringLiteral("--ca-file"), ca },
                                        protocol);
                    } else {
                        row = runCurl(farm, blogs, list, expected, dir, tag,
                                      mode == HttpsFront::Mode::Http ? QString() : ca, protocol);
                    }
                    row.client = client;
                    row.repetition = run;
                    row.https = nginx.stats();
                    rows.append(row);
                }
            }
            nginx.stop();
        }
        farm.stop();
        return rows;
    }

private:
    QStringList clients() const
    {
        QStringList names { QStringLiteral("titlewave") };
        if (m_options.curl)
            names << QStringLiteral("curl");
        return names;
    }

    /// @p from with every ":FARM/" origin port replaced by @p to and "http://" by @p scheme.
    static bool rewriteOrigins(const QString &from, const QString &to, const QByteArray &fromPort,
                               const QByteArray &toPort, const QByteArray &scheme)
    {
        QFile in(from);
        if (!in.open(QIODevice::ReadOnly))
            return false;
        const QByteArray data = in.readAll().replace(fromPort, toPort).replace("http://", scheme);
        QSaveFile out(to);
        return out.open(QIODevice::WriteOnly) && out.write(data) == data.size() && out.commit();
    }

    /// The curl --parallel peer (curl-parallel.sh, the shared benchmark's) on @p list, measured
    /// like titlewave: fork + execve, wait4() (its CPU includes every curl, grep, sed and perl it
    /// waited for).
    BenchRow runCurl(FarmClient &farm, int blogs, const QString &list, const QString &expected, const QDir &dir,
                     const QString &tag, const QString &caFile, const QString &protocol)
    {
        BenchRow row;
        row.blogs = blogs;
        row.latencyMs = m_options.latencyMs;
        row.protocol = protocol;
        const QString csv = dir.filePath(tag + QStringLiteral(".csv"));
        const QString log = dir.filePath(tag + QStringLiteral(".log"));
        QFile::remove(csv);
        farm.reset();
        QStringList environment;
        if (!caFile.isEmpty())
            environment << QStringLiteral("CURL_CA_BUNDLE=") + caFile;
        row.run = BenchRunner::run(QStringLiteral(TITLEWAVE_BENCH_SOURCE_DIR "/curl-parallel.sh"),
                                   { list, csv, QStringLiteral("--timeout"), QStringLiteral("30") }, log,
                                   m_options.limitSeconds, environment);
        row.farm = farm.stats();
        row.check = ResultChecker::check(csv, expected, ResultChecker::Scoring::CurlPeer);
        err() << "titlewave-bench: N=" << blogs << ' ' << tag << ": " << QString::number(row.run.wallSeconds, 'f', 3)
              << " s, " << row.check.correct << '/' << row.check.total << " correct" << Qt::endl;
        return row;
    }

    /// The run's own directory in the work directory, e.g. n1000-l100 (made if missing).
    QDir runDirectory(const QString &prefix, int blogs) const
    {
        const QString name = prefix + QStringLiteral("%1-l%2").arg(blogs).arg(m_options.latencyMs);
        m_work.mkpath(name);
        return QDir(m_work.filePath(name));
    }

    BenchRow failedRow(int blogs, const QString &protocol, const QString &error) const
    {
        BenchRow row;
        row.blogs = blogs;
        row.latencyMs = m_options.latencyMs;
        row.protocol = protocol;
        row.run.error = error;
        row.check.error = error;
        err() << "titlewave-bench: N=" << blogs << ": " << error << Qt::endl;
        return row;
    }

    /// One row of measure(): the blogs by address, or by name through the farm's name server
    /// answering after @p dnsLatency ms.
    BenchRow measureOne(FarmClient &farm, const QDir &dir, int blogs, int dnsLatency)
    {
        const bool byName = dnsLatency != BenchOptions::kByAddress;
        if (byName && !farm.setDnsLatency(dnsLatency))
            return failedRow(blogs, {}, QStringLiteral("the farm's name server did not take the latency"));
        BenchRow row = byName
            ? runClient(farm, blogs, farm.namesListPath(), farm.namesExpectedPath(), dir,
                        QStringLiteral("titlewave-dns%1").arg(dnsLatency), {}, {}, dnsLatency)
            : runClient(farm, blogs, farm.listPath(), farm.expectedPath(), dir, QStringLiteral("titlewave"), {}, {});
        // The sequential comparison is a property of the engine, not of name lookups: by address only.
        if (m_options.sequential && !byName)
            addSequential(row, farm, dir);
        return row;
    }

    /// One concurrent titlewave run on @p list, scored against @p expected; @p tag names its
    /// CSV and log in @p dir.
    BenchRow runClient(FarmClient &farm, int blogs, const QString &list, const QString &expected, const QDir &dir,
                       const QString &tag, const QStringList &arguments, const QString &protocol,
                       std::optional<int> dnsLatency = std::nullopt)
    {
        BenchRow row;
        row.blogs = blogs;
        row.latencyMs = m_options.latencyMs;
        row.protocol = protocol;
        const QString csv = dir.filePath(tag + QStringLiteral(".csv"));
        const QString log = dir.filePath(tag + QStringLiteral(".log"));
        row.dnsLatencyMs = dnsLatency;
        QFile::remove(csv); // a CSV left by an earlier invocation must never be scored
        farm.reset();
        row.run = BenchRunner::run(m_titlewave,
                                   QStringList { QStringLiteral("--headless"), list, QStringLiteral("-o"), csv }
                                       + arguments + m_options.extraArguments,
                                   log, m_options.limitSeconds,
                                   freshHistory(dir.filePath(tag + QStringLiteral("-history.json"))),
                                   dnsLatency ? dir.absolutePath() : QString());
        row.farm = farm.stats();
        row.check = ResultChecker::check(csv, expected);
        row.clientSummary = lastLogLine(log);
        QString label = QStringLiteral("N=%1").arg(blogs);
        if (!protocol.isEmpty())
            label += QLatin1Char(' ') + protocol;
        if (dnsLatency)
            label += QStringLiteral(" by name, DNS %1 ms").arg(*dnsLatency);
        err() << "titlewave-bench: " << label << ": " << QString::number(row.run.wallSeconds, 'f', 3) << " s, "
              << row.check.correct << '/' << row.check.total << " correct; " << row.clientSummary << Qt::endl;
        return row;
    }

public:
    /// --rescan: the first scan writes a history; every rescan starts from a copy of it, after
    /// nothing or P % of the blogs changed (their front page's ETag). Returns the table's rows.
    QString rescan(int blogs)
    {
        const QDir dir = runDirectory(QStringLiteral("rescan"), blogs);
        FarmClient farm;
        QString error;
        if (!farm.start(QCoreApplication::applicationFilePath(), blogs, m_options.latencyMs, m_options.seed,
                        dir.absolutePath(), &error)) {
            return QStringLiteral("| %1 | farm did not start: %2 |\n").arg(blogs).arg(error);
        }
        const QString history = dir.filePath(QStringLiteral("first-history.json"));
        QString rows;
        const auto scan = [&](const QString &label, const QString &tag, const QStringList &environment) {
            const QString csv = dir.filePath(tag + QStringLiteral(".csv"));
            QFile::remove(csv);
            farm.reset();
            const RunMeasurement run = BenchRunner::run(
                m_titlewave,
                QStringList { QStringLiteral("--headless"), farm.listPath(), QStringLiteral("-o"), csv }
                    + m_options.extraArguments,
                dir.filePath(tag + QStringLiteral(".log")), m_options.limitSeconds, environment);
            const std::optional<FarmStats> stats = farm.stats();
            const CheckResult check = ResultChecker::check(csv, farm.expectedPath());
            QFile file(csv);
            const int unchanged = file.open(QIODevice::ReadOnly) ? int(file.readAll().count(",unchanged,")) : -1;
            rows += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7/%8 | %9 |\n")
                        .arg(blogs)
                        .arg(label)
                        .arg(stats ? stats->requests : -1)
                        .arg(stats ? QString::number(double(stats->bytes) / 1e6, 'f', 2) : QStringLiteral("?"))
                        .arg(stats ? QString::number(double(stats->bytes) / 1024.0 / blogs, 'f', 1)
                                   : QStringLiteral("?"))
                        .arg(run.wallSeconds, 0, 'f', 2)
                        .arg(check.correct)
                        .arg(check.total)
                        .arg(unchanged);
            err() << "titlewave-bench: N=" << blogs << ' ' << label << ": " << check.correct << '/' << check.total
                  << " correct" << Qt::endl;
        };
        // A rescan's history: a copy of the first scan's, so every rescan starts from the same one.
        const auto copyOfFirst = [&](const QString &tag) {
            const QString path = dir.filePath(tag + QStringLiteral("-history.json"));
            QFile::remove(path);
            QFile::copy(history, path);
            return QStringList { QStringLiteral("TITLEWAVE_HISTORY_FILE=") + path };
        };
        scan(QStringLiteral("first scan"), QStringLiteral("first"), freshHistory(history));
        scan(QStringLiteral("rescan, nothing changed"), QStringLiteral("rescan-0"),
             copyOfFirst(QStringLiteral("rescan-0")));
        int changedSoFar = 0;
        for (const int percent : m_options.rescanChanged) {
            if (percent <= changedSoFar)
                continue;
            // touch bumps the blogs under its percentage: the difference is what changes now.
            const int touched = farm.touch(percent);
            changedSoFar = percent;
            const QString tag = QStringLiteral("rescan-%1").arg(percent);
            scan(QStringLiteral("rescan, %1 % changed (%2 blogs)").arg(percent).arg(touched), tag, copyOfFirst(tag));
        }
        scan(QStringLiteral("--no-history (every request in full)"), QStringLiteral("no-history"),
             freshHistory(dir.filePath(QStringLiteral("unused-history.json"))));
        farm.stop();
        return rows;
    }

private:
    SequentialRun runSequential(FarmClient &farm, const QDir &dir, const QString &list, const QString &expected,
                                int blogs)
    {
        SequentialRun result;
        result.blogs = blogs;
        const QString csv = dir.filePath(QStringLiteral("sequential-%1.csv").arg(blogs));
        const QString log = dir.filePath(QStringLiteral("sequential-%1.log").arg(blogs));
        QFile::remove(csv);
        farm.reset();
        // Ours come last: the parser keeps the last value, so extra arguments cannot undo "1".
        result.run = BenchRunner::run(
            m_titlewave,
            QStringList { QStringLiteral("--headless"), list, QStringLiteral("-o"), csv } + m_options.extraArguments
                + QStringList { QStringLiteral("--max-in-flight"), QStringLiteral("1") },
            log, m_options.limitSeconds,
            freshHistory(dir.filePath(QStringLiteral("sequential-%1-history.json").arg(blogs))));
        result.check = ResultChecker::check(csv, expected);
        err() << "titlewave-bench: N=" << blogs << " sequential: " << QString::number(result.run.wallSeconds, 'f', 2)
              << " s, " << result.check.correct << '/' << result.check.total << " correct" << Qt::endl;
        return result;
    }

    void addSequential(BenchRow &row, FarmClient &farm, const QDir &dir)
    {
        const int limit = m_options.sequentialMax;
        if (row.blogs <= limit) {
            const SequentialRun seq = runSequential(farm, dir, farm.listPath(), farm.expectedPath(), row.blogs);
            row.sequentialWallSeconds = seq.run.wallSeconds;
            row.sequentialNote = QStringLiteral("measured, %1/%2 correct").arg(seq.check.correct).arg(seq.check.total);
            if (row.blogs == limit)
                m_sequentialAtLimit = seq;
            return;
        }
        if (!m_sequentialAtLimit) {
            // No run of exactly `limit` blogs yet: measure one on the first blogs of this farm.
            const QString list = dir.filePath(QStringLiteral("list-%1.txt").arg(limit));
            const QString expected = dir.filePath(QStringLiteral("expected-%1.tsv").arg(limit));
            if (!copyHead(farm.listPath(), list, limit) || !copyHead(farm.expectedPath(), expected, limit)) {
                row.sequentialNote = QStringLiteral("cannot write the partial list");
                return;
            }
            m_sequentialAtLimit = runSequential(farm, dir, list, expected, limit);
        }
        const SequentialRun &base = *m_sequentialAtLimit;
        row.sequentialWallSeconds = base.run.wallSeconds * row.blogs / base.blogs;
        row.sequentialExtrapolated = true;
        row.sequentialNote = QStringLiteral("%1 s for the first %2 blogs (%3/%4 correct) x %5/%2")
                                 .arg(QString::number(base.run.wallSeconds, 'f', 2))
                                 .arg(base.blogs)
                                 .arg(base.check.correct)
                                 .arg(base.check.total)
                                 .arg(row.blogs);
    }

    const BenchOptions &m_options;
    QString m_titlewave;
    QDir m_work;
    std::optional<SequentialRun> m_sequentialAtLimit; // one latency per invocation, so one is enough
};

int measure(const BenchOptions &options)
{
    const QString titlewave
        = QFileInfo(options.titlewave.isEmpty() ? QStringLiteral(TITLEWAVE_EXECUTABLE) : options.titlewave)
              .absoluteFilePath();
    if (!QFileInfo(titlewave).isExecutable()) {
        err() << "titlewave-bench: " << titlewave << " is not an executable (see --titlewave)" << Qt::endl;
        return 2;
    }
    QString workPath = options.workDirectory;
    if (workPath.isEmpty()) {
        workPath
            = QDir::temp().filePath(QStringLiteral("titlewave-bench-%1")
                                        .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    }
    QDir work;
    if (!work.mkpath(workPath)) {
        err() << "titlewave-bench: cannot create " << workPath << Qt::endl;
        return 2;
    }
    work.setPath(QFileInfo(workPath).absoluteFilePath());

    Harness harness(options, titlewave, work);
    if (!options.rescanChanged.isEmpty()) {
        QString rows;
        for (const int blogs : options.sizes)
            rows += harness.rescan(blogs);
        QTextStream(stdout) << "titlewave-bench --rescan " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
                            << ", latency " << options.latencyMs << " ms, seed " << options.seed << ", client "
                            << titlewave << "\nfiles: " << work.absolutePath() << "\n\n"
                            << "| N | scan | requests (farm) | MB served | KB served per blog | wall s | correct | "
                               "rows unchanged |\n|--:|:--|--:|--:|--:|--:|--:|--:|\n"
                            << rows;
        return 0;
    }
    BenchReport report;
    for (const int blogs : options.sizes) {
        if (!options.https.isEmpty()) {
            for (const BenchRow &row : harness.measureHttps(blogs))
                report.add(row);
        } else if (options.oneHost.isEmpty()) {
            for (const BenchRow &row : harness.measure(blogs))
                report.add(row);
        } else {
            for (const BenchRow &row : harness.measureOneHost(blogs))
                report.add(row);
        }
    }

    QTextStream out(stdout);
    out << "titlewave-bench " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", "
        << QThread::idealThreadCount() << " cores, seed " << options.seed << ", client " << titlewave;
    if (!options.extraArguments.isEmpty())
        out << ' ' << options.extraArguments.join(QLatin1Char(' '));
    out << "\nfiles: " << work.absolutePath() << "\n\n"
        << (!options.https.isEmpty()        ? report.httpsTable()
                : options.oneHost.isEmpty() ? report.table()
                                            : report.oneHostTable())
        << '\n'
        << report.notes();
    out.flush();
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const BenchOptions options = BenchOptions::parse(QCoreApplication::arguments());
    switch (options.mode) {
    case BenchOptions::Mode::ShowText:
        QTextStream(stdout) << options.text;
        return 0;
    case BenchOptions::Mode::UsageError:
        err() << "titlewave-bench: " << options.text << Qt::endl;
        return 2;
    case BenchOptions::Mode::Serve:
        return serve(options);
    case BenchOptions::Mode::Measure:
        break;
    }
    return measure(options);
}
