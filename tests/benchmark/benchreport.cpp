// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchreport.h"

#include <algorithm>
#include <cmath>

namespace {
QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString connections(int count)
{
    return count == 1 ? QStringLiteral("1 client connection") : QStringLiteral("%1 client connections").arg(count);
}
} // namespace

QString BenchReport::table() const
{
    // The DNS columns appear only when some row looked names up, so the usual table stays as it was.
    const bool dns = std::any_of(m_rows.cbegin(), m_rows.cend(), [](const BenchRow &row) { return row.dnsLatencyMs; });
    QString out = dns ? QStringLiteral("| N | latency ms | DNS ms | DNS queries, most at once |")
                      : QStringLiteral("| N | latency ms |");
    out += QStringLiteral(
        " wall s | floor s | wall ÷ floor | CPU s | CPU ms/blog | peak RSS MB | peak in flight (farm) "
        "| farm CPU s | correct/total | sequential wall s |\n");
    out += dns ? QStringLiteral("|--:|--:|--:|--:|") : QStringLiteral("|--:|--:|");
    out += QStringLiteral("--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (const BenchRow &row : m_rows) {
        // Two round trips per blog (front page, then article): nothing can beat 2 x latency.
        const double floor = 2.0 * row.latencyMs / 1000.0;
        const RunMeasurement &run = row.run;
        QString wall = run.started ? fixed(run.wallSeconds, 3) : QStringLiteral("n/a");
        if (run.timedOut)
            wall += QStringLiteral(" (killed)");
        QString sequential = QStringLiteral("–");
        if (row.sequentialWallSeconds) {
            sequential = fixed(*row.sequentialWallSeconds, 2);
            if (row.sequentialExtrapolated)
                sequential += QStringLiteral(" (extrapolated)");
        }
        QString dnsCells;
        if (dns) {
            dnsCells = row.dnsLatencyMs ? QStringLiteral(" %1 |").arg(*row.dnsLatencyMs) : QStringLiteral(" by IP |");
            dnsCells += row.dnsLatencyMs && row.farm
                ? QStringLiteral(" %1, %2 |").arg(row.farm->dnsQueries).arg(row.farm->dnsPeakPending)
                : QStringLiteral(" – |");
        }
        out += QStringLiteral("| %1 | %2 |%3 %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 | %13 |\n")
                   .arg(row.blogs)
                   .arg(row.latencyMs)
                   .arg(dnsCells, wall, fixed(floor, 3),
                        floor > 0 && run.started ? fixed(run.wallSeconds / floor, 2) : QStringLiteral("–"),
                        fixed(run.cpuSeconds(), 3), fixed(run.cpuSeconds() * 1000.0 / row.blogs, 2),
                        fixed(run.peakRssMb, 1),
                        row.farm ? QString::number(row.farm->peakInFlight) : QStringLiteral("n/a"),
                        row.farm ? fixed(row.farm->cpuSeconds, 3) : QStringLiteral("n/a"))
                   .arg(QStringLiteral("%1/%2").arg(row.check.correct).arg(row.check.total), sequential);
    }
    return out;
}

QString BenchReport::oneHostTable() const
{
    QString out = QStringLiteral(
        "| N | origin | latency ms | wall s | floor s | wall ÷ floor | 6-connection bound s | CPU s | peak RSS MB | "
        "peak in flight (farm) | farm CPU s | requests by protocol (server) | correct/total |\n"
        "|--:|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|:--|--:|\n");
    for (const BenchRow &row : m_rows) {
        const double floor = 2.0 * row.latencyMs / 1000.0;
        // Two requests per blog through Qt 6.4's six HTTP/1.1 connections per host, one at a time each.
        const double bound = std::ceil(2.0 * row.blogs / 6.0) * row.latencyMs / 1000.0;
        const RunMeasurement &run = row.run;
        QString wall = run.started ? fixed(run.wallSeconds, 3) : QStringLiteral("n/a");
        if (run.timedOut)
            wall += QStringLiteral(" (killed)");
        QString origin = row.protocol == QLatin1String("https") ? QStringLiteral("https via nginx")
                                                                : QStringLiteral("http, farm direct");
        QString protocols;
        if (row.proxy) {
            QStringList parts;
            for (auto it = row.proxy->protocols.cbegin(); it != row.proxy->protocols.cend(); ++it)
                parts << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
            protocols = QStringLiteral("%1 (nginx log, over %2)")
                            .arg(parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", ")),
                                 connections(row.proxy->connections));
        } else if (row.farm) {
            // The farm's server speaks HTTP/1.1 only.
            protocols = QStringLiteral("HTTP/1.1 × %1 (farm)").arg(row.farm->requests);
        } else {
            protocols = QStringLiteral("n/a");
        }
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 | %11 | %12 | %13 |\n")
                   .arg(QString::number(row.blogs), origin, QString::number(row.latencyMs), wall, fixed(floor, 3),
                        floor > 0 && run.started ? fixed(run.wallSeconds / floor, 2) : QStringLiteral("–"),
                        fixed(bound, 2), fixed(run.cpuSeconds(), 3), fixed(run.peakRssMb, 1))
                   .arg(row.farm ? QString::number(row.farm->peakInFlight) : QStringLiteral("n/a"),
                        row.farm ? fixed(row.farm->cpuSeconds, 3) : QStringLiteral("n/a"), protocols,
                        QStringLiteral("%1/%2").arg(row.check.correct).arg(row.check.total));
    }
    return out;
}

QString BenchReport::httpsTable() const
{
    QString out = QStringLiteral(
        "| N | client | protocol | run | wall s | CPU s | CPU ms/blog | TLS CPU ms/blog | peak RSS MB | connections "
        "(resumed) | per blog | front page + article on one connection | requests by protocol (nginx) | nginx CPU s "
        "| farm CPU s | correct/total |\n"
        "|--:|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|:--|--:|--:|--:|\n");
    for (const BenchRow &row : m_rows) {
        const RunMeasurement &run = row.run;
        QString wall = run.started ? fixed(run.wallSeconds, 3) : QStringLiteral("n/a");
        if (run.timedOut)
            wall += QStringLiteral(" (killed)");
        const double cpuPerBlog = run.cpuSeconds() * 1000.0 / row.blogs;
        // What TLS added: this row's CPU per blog less the same client's plain run (same farm, same
        // repetition), so process start-up, parsing and the farm's pages cancel out.
        QString tls = QStringLiteral("–");
        if (row.protocol != QLatin1String("http")) {
            for (const BenchRow &plain : m_rows) {
                if (plain.protocol == QLatin1String("http") && plain.client == row.client && plain.blogs == row.blogs
                    && plain.repetition == row.repetition && plain.repetition > 0) {
                    tls = QStringLiteral("%1%2")
                              .arg(cpuPerBlog >= plain.run.cpuSeconds() * 1000.0 / plain.blogs ? QStringLiteral("+")
                                                                                               : QString())
                              .arg(fixed(cpuPerBlog - plain.run.cpuSeconds() * 1000.0 / plain.blogs, 2));
                }
            }
        }
        QString connectionsCell = QStringLiteral("n/a");
        QString perBlog = QStringLiteral("n/a");
        QString reuse = QStringLiteral("n/a");
        QString protocols = QStringLiteral("n/a");
        QString nginxCpu = QStringLiteral("n/a");
        if (row.https) {
            const HttpsStats &https = *row.https;
            connectionsCell = row.protocol == QLatin1String("http")
                ? QString::number(https.connections)
                : QStringLiteral("%1 (%2)").arg(https.connections).arg(https.resumed);
            perBlog = https.blogs > 0 ? fixed(double(https.connections) / https.blogs, 2) : QStringLiteral("–");
            reuse = QStringLiteral("%1/%2").arg(https.blogsOnOneConnection).arg(https.blogsWithBoth);
            QStringList parts;
            for (auto it = https.protocols.cbegin(); it != https.protocols.cend(); ++it)
                parts << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
            protocols = parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
            nginxCpu = fixed(https.cpuSeconds, 3);
        }
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 ")
                   .arg(QString::number(row.blogs), row.client, row.protocol, QString::number(row.repetition), wall,
                        fixed(run.cpuSeconds(), 3), fixed(cpuPerBlog, 2), tls, fixed(run.peakRssMb, 1));
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(connectionsCell, perBlog, reuse, protocols, nginxCpu,
                        row.farm ? fixed(row.farm->cpuSeconds, 3) : QStringLiteral("n/a"),
                        QStringLiteral("%1/%2").arg(row.check.correct).arg(row.check.total));
    }
    return out;
}

QString BenchReport::notes() const
{
    QString out;
    for (const BenchRow &row : m_rows) {
        const RunMeasurement &run = row.run;
        QString label;
        if (!row.client.isEmpty())
            label = QStringLiteral(" %1 %2 run %3").arg(row.client, row.protocol).arg(row.repetition);
        else if (!row.protocol.isEmpty())
            label = QStringLiteral(" one host %1").arg(row.protocol);
        QString line = QStringLiteral("- N=%1%2, %3 ms").arg(row.blogs).arg(label).arg(row.latencyMs);
        if (row.dnsLatencyMs)
            line += QStringLiteral(", by name (DNS %1 ms)").arg(*row.dnsLatencyMs);
        line += QStringLiteral(": exit %1").arg(run.exitCode);
        if (run.signal != 0)
            line += QStringLiteral(" (signal %1)").arg(run.signal);
        if (run.timedOut)
            line += QStringLiteral(", killed at the time limit");
        if (!run.error.isEmpty())
            line += QStringLiteral(", %1").arg(run.error);
        line += QStringLiteral("; user %1 s, sys %2 s").arg(fixed(run.userSeconds, 3), fixed(run.systemSeconds, 3));
        if (row.farm)
            line += QStringLiteral("; farm saw %1 requests, front pages arriving over %2 ms, the last request %3 ms "
                                   "after the first")
                        .arg(row.farm->requests)
                        .arg(row.farm->frontSpreadMs)
                        .arg(row.farm->lastArrivalMs);
        QStringList statuses;
        for (auto it = row.check.statuses.cbegin(); it != row.check.statuses.cend(); ++it)
            statuses << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        line += QStringLiteral("; statuses: %1").arg(statuses.join(QStringLiteral(", ")));
        if (!row.check.error.isEmpty())
            line += QStringLiteral("; %1").arg(row.check.error);
        if (row.proxy) {
            QStringList statuses;
            for (auto it = row.proxy->statuses.cbegin(); it != row.proxy->statuses.cend(); ++it)
                statuses << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
            line += QStringLiteral("; nginx logged %1 requests over %2, HTTP status %3, and used %4 CPU s")
                        .arg(row.proxy->requests)
                        .arg(connections(row.proxy->connections), statuses.join(QStringLiteral(", ")),
                             fixed(row.proxy->cpuSeconds, 3));
        }
        if (row.https) {
            QStringList statuses;
            for (auto it = row.https->statuses.cbegin(); it != row.https->statuses.cend(); ++it)
                statuses << QStringLiteral("%1 × %2").arg(it.key()).arg(it.value());
            line += QStringLiteral("; nginx logged %1 requests for %2 blogs over %3 (%4 resumed), HTTP status %5, "
                                   "and used %6 CPU s")
                        .arg(row.https->requests)
                        .arg(row.https->blogs)
                        .arg(connections(row.https->connections))
                        .arg(row.https->resumed)
                        .arg(statuses.join(QStringLiteral(", ")), fixed(row.https->cpuSeconds, 3));
        }
        if (!row.sequentialNote.isEmpty())
            line += QStringLiteral("; sequential: %1").arg(row.sequentialNote);
        out += line + QLatin1Char('\n');
        if (!row.clientSummary.isEmpty())
            out += QStringLiteral("  - %1\n").arg(row.clientSummary);
        for (const QString &example : row.check.examples)
            out += QStringLiteral("  - %1\n").arg(example);
    }
    if (!m_rows.isEmpty()) {
        out += QStringLiteral("- peak RSS is titlewave's ru_maxrss; Linux folds the forked harness copy's anonymous "
                              "RSS (%1 MB) into it at exec, so values near that figure say nothing.\n")
                   .arg(fixed(m_rows.constFirst().run.harnessAnonRssMb, 1));
    }
    return out;
}
