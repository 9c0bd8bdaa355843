// SPDX-License-Identifier: GPL-3.0-or-later
// titlewave-bench: the titlewave executable against a farm of synthetic loopback blogs.
// The same executable is the farm (--serve), started as a separate process so the farm's CPU
// never counts as Titlewave's.
#include "benchfarm.h"
#include "benchoptions.h"
#include "benchreport.h"
#include "benchrunner.h"
#include "farmclient.h"
#include "net/fdlimit.h"
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
    BenchFarm farm(options.seed, options.blogs, options.latencyMs);
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
        const QString name = QStringLiteral("n%1-l%2").arg(blogs).arg(m_options.latencyMs);
        m_work.mkpath(name);
        const QDir dir(m_work.filePath(name));

        FarmClient farm;
        QString error;
        err() << "titlewave-bench: N=" << blogs << ": starting the farm" << Qt::endl;
        if (m_options.usesDns()) {
            farm.setDnsAddress(m_options.dnsAddress);
            if (!BenchRunner::writeResolverFiles(dir.absolutePath(), m_options.dnsAddress, &error))
                return { failedRow(blogs, error) };
        }
        if (!farm.start(QCoreApplication::applicationFilePath(), blogs, m_options.latencyMs, m_options.seed,
                        dir.absolutePath(), &error)) {
            return { failedRow(blogs, error) };
        }
        for (const int dnsLatency : m_options.dnsLatencies)
            rows.append(measureOne(farm, dir, blogs, dnsLatency));
        farm.stop();
        return rows;
    }

private:
    static BenchRow failedRow(int blogs, const QString &error)
    {
        BenchRow row;
        row.blogs = blogs;
        row.run.error = error;
        row.check.error = error;
        return row;
    }

    BenchRow measureOne(FarmClient &farm, const QDir &dir, int blogs, int dnsLatency)
    {
        BenchRow row;
        row.blogs = blogs;
        row.latencyMs = m_options.latencyMs;
        const bool byName = dnsLatency != BenchOptions::kByAddress;
        QString label = QStringLiteral("N=%1").arg(blogs);
        QString file = QStringLiteral("titlewave");
        if (byName) {
            row.dnsLatencyMs = dnsLatency;
            label += QStringLiteral(" by name, DNS %1 ms").arg(dnsLatency);
            file += QStringLiteral("-dns%1").arg(dnsLatency);
            if (!farm.setDnsLatency(dnsLatency)) {
                row.run.error = row.check.error = QStringLiteral("the farm's name server did not take the latency");
                return row;
            }
        }
        const QString list = byName ? farm.namesListPath() : farm.listPath();
        const QString expected = byName ? farm.namesExpectedPath() : farm.expectedPath();
        const QString csv = dir.filePath(file + QStringLiteral(".csv"));
        const QString log = dir.filePath(file + QStringLiteral(".log"));
        QFile::remove(csv); // a CSV left by an earlier invocation must never be scored
        farm.reset();
        row.run = BenchRunner::run(m_titlewave,
                                   QStringList { QStringLiteral("--headless"), list, QStringLiteral("-o"), csv }
                                       + m_options.extraArguments,
                                   log, m_options.limitSeconds, byName ? dir.absolutePath() : QString());
        row.farm = farm.stats();
        row.check = ResultChecker::check(csv, expected);
        row.clientSummary = lastLogLine(log);
        err() << "titlewave-bench: " << label << ": " << QString::number(row.run.wallSeconds, 'f', 3) << " s, "
              << row.check.correct << '/' << row.check.total << " correct; " << row.clientSummary << Qt::endl;

        // The sequential comparison is a property of the engine, not of name lookups: by address only.
        if (m_options.sequential && !byName)
            addSequential(row, farm, dir);
        return row;
    }

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
        result.run = BenchRunner::run(m_titlewave,
                                      QStringList { QStringLiteral("--headless"), list, QStringLiteral("-o"), csv }
                                          + m_options.extraArguments
                                          + QStringList { QStringLiteral("--max-in-flight"), QStringLiteral("1") },
                                      log, m_options.limitSeconds);
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
    BenchReport report;
    for (const int blogs : options.sizes) {
        for (const BenchRow &row : harness.measure(blogs))
            report.add(row);
    }

    QTextStream out(stdout);
    out << "titlewave-bench " << QDateTime::currentDateTimeUtc().toString(Qt::ISODate) << ", "
        << QThread::idealThreadCount() << " cores, seed " << options.seed << ", client " << titlewave;
    if (!options.extraArguments.isEmpty())
        out << ' ' << options.extraArguments.join(QLatin1Char(' '));
    out << "\nfiles: " << work.absolutePath() << "\n\n" << report.table() << '\n' << report.notes();
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
