// SPDX-License-Identifier: GPL-3.0-or-later
#include "farmclient.h"

#include <QDir>
#include <QElapsedTimer>

namespace {
// Rendering and listening for tens of thousands of blogs takes a while on a busy machine.
constexpr int kStartTimeoutMs = 180000;
constexpr int kCommandTimeoutMs = 30000;
} // namespace

FarmClient::~FarmClient()
{
    stop();
}

bool FarmClient::start(const QString &program, int blogs, int latencyMs, quint64 seed, const QString &directory,
                       QString *error, bool pathPrefix)
{
    m_listPath = QDir(directory).filePath(QStringLiteral("list.txt"));
    m_expectedPath = QDir(directory).filePath(QStringLiteral("expected.tsv"));
    m_namesListPath = QDir(directory).filePath(QStringLiteral("list-names.txt"));
    m_namesExpectedPath = QDir(directory).filePath(QStringLiteral("expected-names.tsv"));
    QStringList arguments { QStringLiteral("--serve"),      QStringLiteral("--blogs"),  QString::number(blogs),
                            QStringLiteral("--latency-ms"), QString::number(latencyMs), QStringLiteral("--seed"),
                            QString::number(seed),          QStringLiteral("--out"),    directory };
    if (!m_dnsAddress.isEmpty())
        arguments << QStringLiteral("--dns-address") << m_dnsAddress;
    // The farm's diagnostics go straight to our stderr; stdout carries only its replies.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (pathPrefix)
        arguments << QStringLiteral("--path-prefix");
    m_process.start(program, arguments);
    if (!m_process.waitForStarted()) {
        *error = QStringLiteral("cannot start the farm: %1").arg(m_process.errorString());
        return false;
    }
    const std::optional<QByteArray> ready = readLine(kStartTimeoutMs);
    if (!ready || !ready->startsWith("ready ")) {
        *error = QStringLiteral("the farm did not start (%1)")
                     .arg(ready ? QString::fromUtf8(*ready) : QStringLiteral("no answer"));
        stop();
        return false;
    }
    m_port = quint16(ready->split(' ').value(1).toUInt()); // "ready PORT BLOGS"
    return true;
}

std::optional<QByteArray> FarmClient::readLine(int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!m_process.canReadLine()) {
        const int left = timeoutMs - int(waited.elapsed());
        if (left <= 0 || m_process.state() != QProcess::Running || !m_process.waitForReadyRead(left))
            return std::nullopt;
    }
    return m_process.readLine().trimmed();
}

std::optional<QByteArray> FarmClient::command(const QByteArray &line)
{
    if (m_process.state() != QProcess::Running)
        return std::nullopt;
    m_process.write(line + '\n');
    m_process.waitForBytesWritten(kCommandTimeoutMs);
    return readLine(kCommandTimeoutMs);
}

bool FarmClient::reset()
{
    const std::optional<QByteArray> reply = command("reset");
    return reply && *reply == "ok";
}

bool FarmClient::setDnsLatency(int latencyMs)
{
    const std::optional<QByteArray> reply = command("dns " + QByteArray::number(latencyMs));
    return reply && *reply == "ok";
}

std::optional<FarmStats> FarmClient::stats()
{
    const std::optional<QByteArray> reply = command("stats");
    if (!reply)
        return std::nullopt;
    const QList<QByteArray> fields = reply->split(' ');
    if (fields.size() != 9 || fields.at(0) != "stats")
        return std::nullopt;
    FarmStats stats;
    stats.peakInFlight = fields.at(1).toInt();
    stats.requests = fields.at(2).toInt();
    stats.cpuSeconds = fields.at(3).toDouble();
    stats.frontSpreadMs = fields.at(4).toLongLong();
    stats.lastArrivalMs = fields.at(5).toLongLong();
    stats.dnsQueries = fields.at(6).toInt();
    stats.dnsPeakPending = fields.at(7).toInt();
    stats.bytes = fields.at(8).toLongLong();
    return stats;
}

int FarmClient::touch(int percent)
{
    const std::optional<QByteArray> reply = command("touch " + QByteArray::number(percent));
    if (!reply || !reply->startsWith("ok "))
        return -1;
    return reply->mid(3).toInt();
}

void FarmClient::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.write("quit\n");
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}
