// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/outputfile.h"
#include "session/commandlineoptions.h"
#include "session/scansession.h"
#include "signalwatcher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTextStream>
#include <QTimer>

#include <memory>

class DemoServer;

/// The headless face: reads the list, runs a ScanSession on it, writes CSV or JSON, reports
/// progress on stderr and finishes with the exit status of the contract (0 all ok, 1 some
/// failed, 2 bad input or unwritable output). SIGINT or SIGTERM stops the scan: every row is still
/// written (the unfinished ones as cancelled), the history keeps what finished, and the exit
/// status is 130 or 143; a second signal ends the process at once.
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    explicit HeadlessRunner(QObject *parent = nullptr);
    ~HeadlessRunner() override;

    /// Starts the run; finished() follows (possibly at once, on bad input).
    void start(const CommandLineOptions &options);
    const ScanSession &session() const { return m_session; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void fail(const QString &message);
    void reportProgress();
    void onScanFinished();
    void onHistorySaved();
    void onInterrupted(int signal);
    bool writesToStdout() const { return m_outPath == QLatin1String("-"); }

    ScanSession m_session;
    SignalWatcher m_signals;
    int m_interruptedBy = 0; // the signal that stopped the scan, 0 if none
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<OutputFile> m_outFile; // opened before the first socket, written at the end
    QString m_outPath; // "-" for standard output
    ExportFormat m_format = ExportFormat::Csv;
    QTimer m_progressTimer;
    QTextStream m_stderr;
};
