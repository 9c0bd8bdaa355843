// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchrunner.h"
#include "farmclient.h"
#include "httpsfront.h"
#include "nginxfront.h"
#include "resultchecker.h"

#include <QList>
#include <QString>

#include <optional>

/// One line of the table: a concurrent run, and the sequential comparison for the same farm.
struct BenchRow {
    int blogs = 0;
    int latencyMs = 0;
    QString protocol; ///< "http" or "https" for --one-host rows, empty for one origin per blog
    std::optional<int> dnsLatencyMs; ///< blogs by name through the farm's name server, with this delay
    RunMeasurement run;
    std::optional<FarmStats> farm;
    CheckResult check;
    std::optional<ProxyStats> proxy; ///< nginx's access log, for rows that went through it
    QString client; ///< --https rows: "titlewave" or "curl"
    int repetition = 0; ///< --https rows: which repetition, from 1
    std::optional<HttpsStats> https; ///< --https rows: nginx's access log
    QString clientSummary; ///< titlewave's own last stderr line
    std::optional<double> sequentialWallSeconds;
    bool sequentialExtrapolated = false;
    QString sequentialNote; ///< how the sequential figure was obtained, and its own score
};

/// Formats the measurements as one markdown table, followed by notes for anything unusual.
class BenchReport final
{
public:
    void add(const BenchRow &row) { m_rows.append(row); }
    QString table() const;
    /// The --one-host rows: wall time against the floor and against six HTTP/1.1 connections,
    /// and the protocol the requests really used.
    QString oneHostTable() const;
    /// The --https rows: each client over plain HTTP and HTTPS through nginx, what TLS added to
    /// its CPU against its own plain run, and the connections (TLS handshakes) the server saw.
    QString httpsTable() const;
    QString notes() const;

private:
    QList<BenchRow> m_rows;
};
