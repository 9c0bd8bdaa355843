// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// The harness's command line, and the hidden farm mode (--serve) the harness starts itself with.
struct BenchOptions {
    enum class Mode { Measure, Serve, ShowText, UsageError };

    Mode mode = Mode::Measure;
    QString text; ///< help text or the usage error
    QList<int> sizes { 1, 10, 100, 1000 };
    int latencyMs = 100;
    quint64 seed = 1;
    QString titlewave; ///< the client under test
    QStringList extraArguments; ///< appended to every titlewave run
    bool sequential = true;
    /// Sequential runs above this many blogs are extrapolated from a run of this many.
    int sequentialMax = 100;
    int limitSeconds = 600; ///< a run still going after this long is killed and reported
    QString workDirectory; ///< lists, CSVs and logs; a fresh temporary one when empty
    /// "http" and/or "https": all blogs under one origin instead (--one-host); empty otherwise.
    QStringList oneHost;
    /// "http", "h1" and/or "h2": the HTTPS farm (--https), every blog on its own address through
    /// nginx, plain or over TLS with a certificate of its own; empty otherwise.
    QStringList https;
    int repeat = 1; ///< --https: measurements of each client and protocol, one after another
    bool curl = true; ///< --https: also run the curl --parallel peer on the same farm
    /// --rescan: per size, a first scan, then rescans with its history after 0 % and these
    /// percentages of the blogs changed; prints requests and bytes the farm served for each.
    QList<int> rescanChanged;
    /// One row per entry for every size: kByAddress scans the numeric addresses, any other value
    /// scans blog-<i>.bench.test names through the farm's name server with that delay per query.
    QList<int> dnsLatencies { kByAddress };
    static constexpr int kByAddress = -1;
    QString dnsAddress = QStringLiteral("127.0.53.53"); ///< loopback; the name server's port is 53
    bool usesDns() const;
    // Farm mode only.
    int blogs = 0;
    QString outDirectory;
    bool pathPrefix = false; ///< every blog below /blog-<i>/ on the first address

    static BenchOptions parse(const QStringList &arguments);
};
