// SPDX-License-Identifier: GPL-3.0-or-later
#include "nginxfront.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace {
constexpr int kStartTimeoutMs = 10000;
// The free port is found by binding and releasing it, so another process may take it first.
constexpr int kStartAttempts = 4;
constexpr int kOpensslTimeoutMs = 30000;

QString openssl()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

bool run(const QString &program, const QStringList &arguments, const QString &workDir, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(kOpensslTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed: %3")
                     .arg(program, arguments.value(0), QString::fromLocal8Bit(process.readAll().trimmed().right(400)));
        return false;
    }
    return true;
}

quint16 freePort(const QByteArray &address)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(QString::fromLatin1(address)), 0))
        return 0;
    return probe.serverPort();
}

} // namespace

NginxFront::~NginxFront()
{
    stop();
}

QString NginxFront::executable()
{
    // Debian installs it in sbin, which is not on every user's PATH.
    QString found = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (found.isEmpty()) {
        found = QStandardPaths::findExecutable(QStringLiteral("nginx"),
                                               { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin") });
    }
    return found;
}

bool NginxFront::makeCertificates(const QByteArray &address, QString *error) const
{
    const QString tool = openssl();
    if (tool.isEmpty()) {
        *error = QStringLiteral("openssl is not installed (run tests/benchmark/install-deps as root)");
        return false;
    }
    // A CA of our own, valid for two days, and a server certificate it signs whose
    // subjectAltName is the loopback address the client connects to: the client verifies the
    // chain with --ca-file, never by ignoring errors.
    const QString dir = m_dir.absolutePath();
    const QString ext = m_dir.filePath(QStringLiteral("server-ext.cnf"));
    if (!writeFile(ext,
                   "basicConstraints = critical, CA:FALSE\n"
                   "keyUsage = critical, digitalSignature\n"
                   "extendedKeyUsage = serverAuth\n"
                   "subjectAltName = IP:"
                       + address + '\n',
                   error))
        return false;
    const QStringList ecKey { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                              QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
    return run(tool,
               QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ecKey
                   + QStringList { QStringLiteral("-keyout"), QStringLiteral("ca-key.pem"), QStringLiteral("-out"),
                                   QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                   QStringLiteral("-subj"), QStringLiteral("/CN=titlewave-bench test CA"),
                                   QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                   QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign") },
               dir, error)
        && run(tool,
               QStringList { QStringLiteral("req") } + ecKey
                   + QStringList { QStringLiteral("-keyout"), QStringLiteral("server-key.pem"), QStringLiteral("-out"),
                                   QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                   QStringLiteral("/CN=") + QString::fromLatin1(address) },
               dir, error)
        && run(tool,
               { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                 QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
                 QStringLiteral("ca-key.pem"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                 QStringLiteral("server.pem") },
               dir, error);
}

bool NginxFront::writeConfig(const QByteArray &address, quint16 upstreamPort, QString *error) const
{
    const auto path = [this](const char *name) { return quoted(m_dir.filePath(QString::fromLatin1(name))); };
    const QByteArray temp = m_dir.filePath(QStringLiteral("nginx-temp")).toLocal8Bit();
    const QByteArray config = "# Written by titlewave-bench: TLS + HTTP/2 in front of the farm, for the one-host run.\n"
                              "daemon off;\n"
                              "master_process off;  # one foreground process, the harness's child\n"
                              "pid "
        + path("nginx.pid") + ";\nerror_log " + path("nginx-error.log")
        + " warn;\n"
          "worker_rlimit_nofile 8192;\n"
          "events { worker_connections 4096; }\n"
          "http {\n"
          "    log_format protocols '$server_protocol $http2 $connection $status $msec $request_time "
          "$upstream_header_time $request_uri';\n"
          "    access_log "
        + path("nginx-access.log")
        + " protocols;\n"
          "    client_body_temp_path "
        + quoted(QString::fromLocal8Bit(temp + "/client")) + ";\n    proxy_temp_path "
        + quoted(QString::fromLocal8Bit(temp + "/proxy")) + ";\n    fastcgi_temp_path "
        + quoted(QString::fromLocal8Bit(temp + "/fastcgi")) + ";\n    uwsgi_temp_path "
        + quoted(QString::fromLocal8Bit(temp + "/uwsgi")) + ";\n    scgi_temp_path "
        + quoted(QString::fromLocal8Bit(temp + "/scgi"))
        + ";\n"
          "    upstream farm {\n"
          "        server "
        + address + ':' + QByteArray::number(upstreamPort)
        + ";\n"
          "        keepalive 1024;  # idle connections to the farm kept for the next request\n"
          "        keepalive_requests 100000;\n"
          "    }\n"
          "    server {\n"
          "        listen "
        + address + ':' + QByteArray::number(m_port)
        + " ssl http2;\n"
          "        ssl_certificate "
        + path("server.pem") + ";\n        ssl_certificate_key " + path("server-key.pem")
        + ";\n"
          "        keepalive_requests 100000;\n"
          "        location / {\n"
          "            proxy_pass http://farm;\n"
          "            proxy_http_version 1.1;\n"
          "            proxy_set_header Connection \"\";\n"
          "            proxy_set_header Host $http_host;\n"
          "            proxy_buffering off;  # pages stream through, never to disk\n"
          "        }\n"
          "    }\n"
          "}\n";
    return m_dir.mkpath(QString::fromLocal8Bit(temp))
        && writeFile(m_dir.filePath(QStringLiteral("nginx.conf")), config, error);
}

bool NginxFront::start(const QString &directory, const QByteArray &address, quint16 upstreamPort, QString *error)
{
    const QString nginx = executable();
    if (nginx.isEmpty()) {
        *error = QStringLiteral("nginx is not installed (run tests/benchmark/install-deps as root)");
        return false;
    }
    m_dir.setPath(QDir(directory).absoluteFilePath(QStringLiteral("nginx")));
    if (!QDir().mkpath(m_dir.absolutePath())) {
        *error = QStringLiteral("cannot create %1").arg(m_dir.absolutePath());
        return false;
    }
    if (!makeCertificates(address, error))
        return false;
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        m_port = freePort(address);
        if (m_port == 0) {
            *error = QStringLiteral("no free port on %1").arg(QString::fromLatin1(address));
            return false;
        }
        if (!writeConfig(address, upstreamPort, error))
            return false;
        m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("nginx-stdout.log")));
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("nginx-stderr.log")));
        // -e: the error log before the configuration is read, which otherwise is a system path.
        m_process.start(nginx,
                        { QStringLiteral("-p"), m_dir.absolutePath(), QStringLiteral("-e"),
                          m_dir.filePath(QStringLiteral("nginx-error.log")), QStringLiteral("-c"),
                          m_dir.filePath(QStringLiteral("nginx.conf")) });
        if (!m_process.waitForStarted()) {
            *error = QStringLiteral("cannot start %1: %2").arg(nginx, m_process.errorString());
            return false;
        }
        if (waitUntilListening(address, error)) {
            markLog();
            return true;
        }
        stop();
    }
    return false;
}

bool NginxFront::waitUntilListening(const QByteArray &address, QString *error)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < kStartTimeoutMs) {
        if (m_process.state() != QProcess::Running) {
            *error = QStringLiteral("nginx exited: %1").arg(logTail(QStringLiteral("nginx-error.log")));
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QString::fromLatin1(address)), m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    *error = QStringLiteral("nginx did not listen within %1 s").arg(kStartTimeoutMs / 1000);
    return false;
}

void NginxFront::stop()
{
    stopProcess(m_process);
}

void NginxFront::stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate(); // SIGTERM: nginx's fast shutdown
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

bool NginxFront::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray NginxFront::quoted(const QString &path)
{
    return '"' + path.toLocal8Bit().replace('\\', "\\\\").replace('"', "\\\"") + '"';
}

QString NginxFront::logTail(const QString &name) const
{
    QFile log(m_dir.filePath(name));
    if (!log.open(QIODevice::ReadOnly))
        return QStringLiteral("no %1").arg(name);
    const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
    return QString::fromLocal8Bit(lines.constLast());
}

double NginxFront::cpuSeconds(const QProcess &process)
{
    // /proc/PID/stat: utime and stime are fields 14 and 15, in clock ticks, after the command
    // name in parentheses (which may itself contain spaces).
    QFile stat(QStringLiteral("/proc/%1/stat").arg(process.processId()));
    if (process.state() != QProcess::Running || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

void NginxFront::markLog()
{
    m_logMark = QFile(m_dir.filePath(QStringLiteral("nginx-access.log"))).size();
    m_cpuMark = cpuSeconds(m_process);
}

ProxyStats NginxFront::stats() const
{
    ProxyStats stats;
    stats.cpuSeconds = cpuSeconds(m_process) - m_cpuMark;
    QFile log(m_dir.filePath(QStringLiteral("nginx-access.log")));
    if (!log.open(QIODevice::ReadOnly) || !log.seek(m_logMark))
        return stats;
    QSet<QByteArray> connections;
    // "$server_protocol $http2 $connection $status $msec $request_time $upstream_header_time
    // $request_uri", e.g. "HTTP/2.0 h2 3 200 1764120000.123 0.101 0.100 /blog-7/": the times are
    // there for a person reading the log, the counts for the report.
    for (const QByteArray &line : log.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 8)
            continue;
        ++stats.requests;
        QString protocol = QString::fromLatin1(fields.at(0));
        if (fields.at(1) != "-" && !fields.at(1).isEmpty())
            protocol += QLatin1Char(' ') + QString::fromLatin1(fields.at(1));
        ++stats.protocols[protocol];
        ++stats.statuses[QString::fromLatin1(fields.at(3))];
        connections.insert(fields.at(2));
    }
    stats.connections = int(connections.size());
    return stats;
}
