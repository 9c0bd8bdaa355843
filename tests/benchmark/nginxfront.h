// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDir>
#include <QMap>
#include <QProcess>
#include <QString>

/// What nginx's access log says about one client run: how the requests really travelled.
struct ProxyStats {
    int requests = 0;
    int connections = 0; ///< distinct client connections (nginx's $connection) that carried them
    QMap<QString, int> protocols; ///< "$server_protocol" (with " h2" when ALPN chose HTTP/2) -> requests
    QMap<QString, int> statuses; ///< HTTP status -> requests
    double cpuSeconds = 0; ///< nginx's own user + system time (TLS, HTTP/2, proxying)
};

/// Debian's nginx in front of the farm for the one-host HTTPS run: terminates TLS with a test
/// certificate made at run time (a CA of its own plus a server certificate for the loopback
/// address), speaks HTTP/2 to the client and HTTP/1.1 over kept-alive connections to the farm,
/// so the farm's latency applies to every request. Everything it writes (configuration, keys,
/// pid, logs, temporary files) stays in one directory; it runs in the foreground as a single
/// process (no daemon, no master), so stopping it is stopping one child process.
class NginxFront final
{
public:
    NginxFront() = default;
    ~NginxFront();
    NginxFront(const NginxFront &) = delete;
    NginxFront &operator=(const NginxFront &) = delete;

    /// Where nginx is, or empty when it is not installed (tests/benchmark/install-deps).
    static QString executable();
    /// Shared with HttpsFront: @p data to @p path atomically; an nginx.conf string, quoted (a work
    /// directory may contain spaces); a running process's user + system CPU seconds from /proc;
    /// SIGTERM (nginx's fast shutdown), then SIGKILL if it lingers.
    static bool writeFile(const QString &path, const QByteArray &data, QString *error);
    static QByteArray quoted(const QString &path);
    static double cpuSeconds(const QProcess &process);
    static void stopProcess(QProcess &process);

    /// Makes the certificates and the configuration in @p directory and starts nginx on
    /// @p address (a free port), proxying to @p address:@p upstreamPort; returns once it accepts
    /// connections.
    bool start(const QString &directory, const QByteArray &address, quint16 upstreamPort, QString *error);
    void stop();

    quint16 port() const { return m_port; }
    /// The CA that signed nginx's certificate: what the client passes to --ca-file.
    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }

    /// Remembers where the access log ends and nginx's CPU time; stats() counts only what
    /// comes after.
    void markLog();
    ProxyStats stats() const;

private:
    bool makeCertificates(const QByteArray &address, QString *error) const;
    bool writeConfig(const QByteArray &address, quint16 upstreamPort, QString *error) const;
    bool waitUntilListening(const QByteArray &address, QString *error);
    QString logTail(const QString &name) const;

    QProcess m_process;
    QDir m_dir;
    quint16 m_port = 0;
    qint64 m_logMark = 0;
    double m_cpuMark = 0;
};
