// SPDX-License-Identifier: GPL-3.0-or-later
// titlewave-gui-bench: the real window (offscreen) scanning a farm of loopback blogs, with a
// timer probe on the GUI thread. The probe asks to run every 5 ms; any longer gap is time the
// GUI thread spent on something else: that is the stall a user would feel.
#include "farmclient.h"
#include "mainwindow.h"
#include "net/fdlimit.h"
#include "resultsmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <libxml/parser.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace {
constexpr int kProbeIntervalMs = 5;

struct Options {
    int blogs = 10000;
    int latencyMs = 100;
    bool sortDuringScan = true;
};

Options parseOptions(const QStringList &arguments)
{
    Options options;
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--blogs"))
            options.blogs = arguments.at(i + 1).toInt();
        else if (arguments.at(i) == QLatin1String("--latency-ms"))
            options.latencyMs = arguments.at(i + 1).toInt();
    }
    options.sortDuringScan = !arguments.contains(QStringLiteral("--no-sort"));
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

double percentile(std::vector<qint64> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return double(values[std::size_t(fraction * double(values.size() - 1))]);
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
    const Options options = parseOptions(app.arguments());
    QTextStream out(stdout);

    QTemporaryDir work;
    FarmClient farm;
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

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    window.setBlogListText(QString::fromUtf8(list.readAll()));
    auto *table = window.findChild<QTableView *>();
    if (options.sortDuringScan && table) {
        // A user who sorted by total time before starting: every batch re-sorts the proxy.
        table->sortByColumn(ResultsModel::TotalMs, Qt::DescendingOrder);
    }

    QElapsedTimer wall;
    std::vector<qint64> gaps;
    std::vector<qint64> busy; // the GUI thread's CPU time within each gap
    gaps.reserve(100000);
    busy.reserve(100000);
    qint64 lastCpuMs = threadCpuMs();
    QElapsedTimer sinceTick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        gaps.push_back(sinceTick.restart());
        const qint64 cpu = threadCpuMs();
        busy.push_back(cpu - lastCpuMs);
        if (cpu - lastCpuMs > 20)
            QTextStream(stderr) << "busy " << (cpu - lastCpuMs) << " ms ending at " << wall.elapsed() << " ms\n";
        lastCpuMs = cpu;
    });

    QSignalSpy finished(window.scan(), &Scan::finished);
    wall.start();
    sinceTick.start();
    probe.start();
    window.startScan();
    if (!finished.wait(600000)) {
        out << "titlewave-gui-bench: the scan did not finish in 10 minutes" << Qt::endl;
        return 1;
    }
    const qint64 scanMs = wall.elapsed();
    QTest::qWait(100); // the model's last batch
    probe.stop();

    int ok = 0;
    for (const BlogResult &result : window.model()->results())
        ok += result.status == BlogStatus::Ok ? 1 : 0;

    // Interaction after the scan: sorting and filtering all rows.
    QElapsedTimer interaction;
    interaction.start();
    if (table)
        table->sortByColumn(ResultsModel::Title, Qt::AscendingOrder);
    const qint64 sortMs = interaction.restart();

    const std::vector<qint64> scanGaps = gaps;
    const qint64 maxGap = scanGaps.empty() ? 0 : *std::max_element(scanGaps.begin(), scanGaps.end());
    const auto over50 = std::count_if(scanGaps.begin(), scanGaps.end(), [](qint64 gap) { return gap > 50; });
    const qint64 maxBusy = busy.empty() ? 0 : *std::max_element(busy.begin(), busy.end());

    out << "| blogs | latency ms | scan wall s | ok | probe ticks | max GUI stall ms | max GUI busy ms | p99 gap ms "
           "| gaps > 50 ms | sort all rows ms |\n"
        << "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        << "| " << options.blogs << " | " << options.latencyMs << " | "
        << QString::number(double(scanMs) / 1000, 'f', 2) << " | " << ok << '/' << options.blogs << " | "
        << scanGaps.size() << " | " << maxGap << " | " << percentile(scanGaps, 0.99) << " | " << over50 << " | "
        << sortMs << " |" << Qt::endl;
    farm.stop();
    return maxBusy <= 50 ? 0 : 3;
}
