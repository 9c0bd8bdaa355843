// SPDX-License-Identifier: GPL-3.0-or-later
// titlewave-gui-bench: the real window (offscreen) scanning a farm of loopback blogs, with a
// timer probe on the GUI thread. The probe asks to run every 5 ms; any longer gap is time the
// GUI thread spent on something else: that is the stall a user would feel. Each gap is charged
// to a phase (pressing Start, the scan, a sort or a filter the user applies mid-scan), and the
// GUI thread's own CPU time within it is reported apart from the gap itself, because on a shared
// machine a gap may be the scheduler running other processes rather than work that blocked.
#include "farmclient.h"
#include "mainwindow.h"
#include "net/fdlimit.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <libxml/parser.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <iterator>
#include <optional>
#include <sys/resource.h>
#include <vector>

namespace {
constexpr int kProbeIntervalMs = 5;
// The probe runs this long before Start is pressed, so the window has settled.
constexpr int kSettleMs = 300;
constexpr qint64 kStallMs = 50;

constexpr const char *kHelp = R"(Usage: titlewave-gui-bench [options]

The window (offscreen) scans a loopback blog farm while a 5 ms timer probe watches the GUI thread.
Prints one table per phase: the longest gap between probe ticks (what a user feels), the GUI
thread's own CPU time in the longest piece of work, the 99th percentile gap and how many gaps
exceeded 50 ms. Exit status 3 when the GUI thread's own work ever exceeded 50 ms.

  --blogs N          blogs in the list (default 10000)
  --latency-ms MS    the farm's delay before every response (default 100)
  --no-sort          do not sort by total time before Start (by default every batch re-sorts)
  --no-interact      no sort or filter mid-scan
  --start-only       measure pressing Start only, without a farm: the list points at a closed
                     loopback port, and the scan is stopped once Start has finished (use it for
                     lists too big for the farm, e.g. --blogs 50000)
  --help             this text
)";

struct Options {
    int blogs = 10000;
    int latencyMs = 100;
    bool sortBeforeStart = true;
    bool interact = true;
    bool startOnly = false;
};

enum class Phase { Idle, Start, Scan, Sort, Filter };
constexpr std::array kReportedPhases { Phase::Start, Phase::Scan, Phase::Sort, Phase::Filter };

const char *phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Idle:
        return "idle";
    case Phase::Start:
        return "Start (list read, rows made)";
    case Phase::Scan:
        return "scan (batches, progress)";
    case Phase::Sort:
        return "sort by title, mid-scan";
    case Phase::Filter:
        return "filter text set and cleared, mid-scan";
    }
    return "";
}

struct Tick {
    qint64 gapMs = 0;
    qint64 busyMs = 0; // the GUI thread's CPU time within the gap
    Phase phase = Phase::Idle;
};

std::optional<Options> parseOptions(const QStringList &arguments, QTextStream &out)
{
    Options options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (argument == QLatin1String("--blogs") && hasValue) {
            options.blogs = arguments.at(++i).toInt();
        } else if (argument == QLatin1String("--latency-ms") && hasValue) {
            options.latencyMs = arguments.at(++i).toInt();
        } else if (argument == QLatin1String("--no-sort")) {
            options.sortBeforeStart = false;
        } else if (argument == QLatin1String("--no-interact")) {
            options.interact = false;
        } else if (argument == QLatin1String("--start-only")) {
            options.startOnly = true;
        } else if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            out << kHelp;
            return std::nullopt;
        } else {
            out << "titlewave-gui-bench: unknown option " << argument << "\n\n" << kHelp;
            return std::nullopt;
        }
    }
    if (options.blogs < 1) {
        out << "titlewave-gui-bench: --blogs must be at least 1\n";
        return std::nullopt;
    }
    return options;
}

// CPU time of the calling thread: on a loaded machine a long gap may be time the scheduler gave
// to other processes; the GUI thread's own CPU time across the gap is the work that blocked it.
qint64 threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

// User + system time of the whole process: the window, Qt's network thread and the parsers
// (the farm is another process).
double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

qint64 percentile(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::size_t(fraction * double(values.size() - 1))];
}

// A list for --start-only: farm-like addresses on a port nothing listens on.
QString closedPortList(int blogs)
{
    QString text;
    text.reserve(qsizetype(blogs) * 32);
    for (int i = 0; i < blogs; ++i)
        text += QStringLiteral("http://127.20.%1.%2:1/\n").arg(i / 250).arg(1 + i % 250);
    return text;
}
} // namespace

int main(int argc, char *argv[])
{
    // Offscreen unless told otherwise: the probe measures the GUI thread, not a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    xmlInitParser();
    FdLimit::raiseSoftLimit();
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const std::optional<Options> parsed = parseOptions(app.arguments(), out);
    if (!parsed)
        return app.arguments().contains(QStringLiteral("--help")) ? 0 : 2;
    const Options options = *parsed;

    QTemporaryDir work;
    // A history of this run only: every run starts as a first scan, whatever ran before.
    qputenv("TITLEWAVE_HISTORY_FILE", work.filePath(QStringLiteral("history.json")).toLocal8Bit());
    FarmClient farm;
    QString listText;
    if (options.startOnly) {
        listText = closedPortList(options.blogs);
    } else {
        QString error;
        if (!farm.start(QStringLiteral(TITLEWAVE_BENCH_EXECUTABLE), options.blogs, options.latencyMs, 1, work.path(),
                        &error)) {
            out << "titlewave-gui-bench: " << error << Qt::endl;
            return 1;
        }
        QFile list(farm.listPath());
        if (!list.open(QIODevice::ReadOnly)) {
            out << "titlewave-gui-bench: cannot read " << farm.listPath() << Qt::endl;
            return 1;
        }
        listText = QString::fromUtf8(list.readAll());
    }

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.setBlogListText(listText);
    auto *table = window.findChild<QTableView *>(QStringLiteral("resultsView"));
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    if (!table || !search) {
        out << "titlewave-gui-bench: the window has no results view or search box" << Qt::endl;
        return 1;
    }
    if (options.sortBeforeStart) {
        // A user who sorted by total time before starting: every batch re-sorts the proxy.
        table->sortByColumn(ResultsModel::TotalMs, Qt::DescendingOrder);
    }

    QElapsedTimer wall;
    wall.start();
    std::vector<Tick> ticks;
    ticks.reserve(200000);
    Phase phase = Phase::Idle;
    std::optional<Phase> nextTickPhase; // an interaction's gap is charged to it
    bool started = false;
    std::array<qint64, 5> callMs {}; // the longest triggering call of each phase, by Phase

    qint64 lastCpuMs = threadCpuMs();
    QElapsedTimer sinceTick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        Tick tick;
        tick.gapMs = sinceTick.restart();
        const qint64 cpu = threadCpuMs();
        tick.busyMs = cpu - lastCpuMs;
        lastCpuMs = cpu;
        tick.phase = nextTickPhase.value_or(phase);
        nextTickPhase.reset();
        if (phase == Phase::Start && started)
            phase = Phase::Scan; // this tick closed the gap in which Start finished
        if (tick.busyMs > 20) {
            QTextStream(stderr) << "busy " << tick.busyMs << " ms (" << phaseName(tick.phase) << ") ending at "
                                << wall.elapsed() << " ms\n";
        }
        ticks.push_back(tick);
    });

    // One interaction: timed, and the probe gap it causes charged to its phase.
    const auto interact = [&](Phase interaction, auto &&action) {
        QElapsedTimer call;
        call.start();
        action();
        const qint64 ms = call.elapsed();
        callMs[std::size_t(interaction)] = std::max(callMs[std::size_t(interaction)], ms);
        nextTickPhase = interaction;
        return ms;
    };

    QSignalSpy finished(window.session(), &ScanSession::finished);
    QObject::connect(window.session(), &ScanSession::started, &probe, [&] { started = true; });
    double cpuAtStart = 0;
    qint64 guiCpuAtStart = 0;
    qint64 startWallMs = 0;
    const QString loadBefore = loadAverage();

    // Mid-scan, as a user would: sort by title at 30 %, type a filter at 50 %, clear it at 70 %.
    int step = 0;
    QTimer user;
    user.setInterval(50);
    QObject::connect(&user, &QTimer::timeout, &user, [&] {
        const int done = window.session()->counts().done;
        if (step == 0 && done >= options.blogs * 3 / 10) {
            interact(Phase::Sort, [&] { table->sortByColumn(ResultsModel::Title, Qt::AscendingOrder); });
            ++step;
        } else if (step == 1 && done >= options.blogs / 2) {
            interact(Phase::Filter, [&] { search->setText(QStringLiteral("an")); });
            ++step;
        } else if (step == 2 && done >= options.blogs * 7 / 10) {
            interact(Phase::Filter, [&] { search->clear(); });
            ++step;
        }
    });

    sinceTick.start();
    probe.start();
    QTest::qWait(kSettleMs);
    cpuAtStart = processCpuSeconds();
    guiCpuAtStart = threadCpuMs();
    startWallMs = wall.elapsed();
    phase = Phase::Start;
    interact(Phase::Start, [&] { window.startScan(); });
    if (options.interact && !options.startOnly)
        user.start();

    qint64 scanMs = 0;
    if (options.startOnly) {
        // Start is over once the scan has started and the probe has ticked after it.
        QElapsedTimer waited;
        waited.start();
        while (phase != Phase::Scan && waited.elapsed() < 120000)
            QTest::qWait(10);
        QTest::qWait(200);
        scanMs = wall.elapsed() - startWallMs;
        window.stopScan();
    } else if (!finished.wait(600000)) {
        out << "titlewave-gui-bench: the scan did not finish in 10 minutes" << Qt::endl;
        return 1;
    } else {
        scanMs = wall.elapsed() - startWallMs;
        QTest::qWait(100); // the model's last batch
    }
    probe.stop();
    user.stop();
    const double appCpu = processCpuSeconds() - cpuAtStart;
    const qint64 guiCpu = threadCpuMs() - guiCpuAtStart;
    const QString loadAfter = loadAverage();

    window.model()->flush();
    int ok = 0;
    for (const BlogResult &result : window.model()->results())
        ok += result.status == BlogStatus::Ok ? 1 : 0;

    // After the scan, with every row final: sorting and filtering all of them at once.
    QElapsedTimer interaction;
    interaction.start();
    table->sortByColumn(ResultsModel::Blog, Qt::DescendingOrder);
    const qint64 sortAfterMs = interaction.restart();
    search->setText(QStringLiteral("an"));
    const qint64 filterAfterMs = interaction.restart();
    search->clear();
    const qint64 unfilterAfterMs = interaction.elapsed();

    out << "| blogs | latency ms | scan wall s | ok | app CPU s | GUI thread CPU s | load average before → after |\n"
        << "|--:|--:|--:|--:|--:|--:|--|\n"
        << "| " << options.blogs << " | "
        << (options.startOnly ? QStringLiteral("–") : QString::number(options.latencyMs)) << " | "
        << QString::number(double(scanMs) / 1000, 'f', 2) << " | " << ok << '/' << options.blogs << " | "
        << QString::number(appCpu, 'f', 2) << " | " << QString::number(double(guiCpu) / 1000, 'f', 2) << " | "
        << loadBefore << " → " << loadAfter << " |\n\n";

    out << "| phase | probe ticks | longest gap ms | longest GUI work ms | p99 gap ms | gaps > 50 ms | GUI work > 50 "
           "ms "
           "| triggering call ms |\n"
        << "|--|--:|--:|--:|--:|--:|--:|--:|\n";
    qint64 worstBusy = 0;
    const auto row = [&](const QString &name, const std::vector<Tick> &selected, const QString &call) {
        std::vector<qint64> gaps;
        qint64 maxGap = 0;
        qint64 maxBusy = 0;
        int gapsOver = 0;
        int busyOver = 0;
        for (const Tick &tick : selected) {
            gaps.push_back(tick.gapMs);
            maxGap = std::max(maxGap, tick.gapMs);
            maxBusy = std::max(maxBusy, tick.busyMs);
            gapsOver += tick.gapMs > kStallMs ? 1 : 0;
            busyOver += tick.busyMs > kStallMs ? 1 : 0;
        }
        worstBusy = std::max(worstBusy, maxBusy);
        out << "| " << name << " | " << selected.size() << " | " << maxGap << " | " << maxBusy << " | "
            << percentile(gaps, 0.99) << " | " << gapsOver << " | " << busyOver << " | " << call << " |\n";
    };
    std::vector<Tick> all;
    for (const Phase reported : kReportedPhases) {
        std::vector<Tick> selected;
        std::copy_if(ticks.begin(), ticks.end(), std::back_inserter(selected),
                     [reported](const Tick &tick) { return tick.phase == reported; });
        if (selected.empty() && reported != Phase::Start && reported != Phase::Scan)
            continue;
        all.insert(all.end(), selected.begin(), selected.end());
        const bool hasCall = reported != Phase::Scan;
        row(QString::fromLatin1(phaseName(reported)), selected,
            hasCall ? QString::number(callMs[std::size_t(reported)]) : QStringLiteral("–"));
    }
    row(QStringLiteral("all of the above"), all, QStringLiteral("–"));
    out << "\nAfter the scan, all " << options.blogs << " rows: sort by blog " << sortAfterMs << " ms, filter "
        << filterAfterMs << " ms, clear the filter " << unfilterAfterMs << " ms." << Qt::endl;
    farm.stop();
    return worstBusy <= kStallMs ? 0 : 3;
}
