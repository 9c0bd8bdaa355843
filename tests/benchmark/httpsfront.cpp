// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpsfront.h"

#include "benchfarm.h"
#include "nginxfront.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <deque>
#include <memory>
#include <unistd.h>

namespace {
constexpr int kStartTimeoutMs = 30000; // a thousand certificates take nginx a moment to load
constexpr int kStartAttempts = 4; // the port is found by binding and releasing it
constexpr int kOpensslTimeoutMs = 60000;
constexpr int kOpensslAtOnce = 4; // two cores: enough to hide process start-up

bool finished(QProcess &process, QString *error)
{
    if (!process.waitForFinished(kOpensslTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error
            = QStringLiteral("openssl failed: %1").arg(QString::fromLocal8Bit(process.readAll().trimmed().right(400)));
        return false;
    }
    return true;
}

QStringList ecKey()
{
    return { QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes") };
}
} // namespace

HttpsFront::~HttpsFront()
{
    stop();
}

QString HttpsFront::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Http:
        return QStringLiteral("http");
    case Mode::Http1:
        return QStringLiteral("h1");
    case Mode::Http2:
        return QStringLiteral("h2");
    }
    return {};
}

QString HttpsFront::caFile(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("tls/ca.pem"));
}

bool HttpsFront::makeCertificates(const QString &directory, int blogs, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("openssl is not installed (run tests/benchmark/install-deps as root)");
        return false;
    }
    const QDir dir(QDir(directory).filePath(QStringLiteral("tls")));
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create %1").arg(dir.absolutePath());
        return false;
    }
    // The CA, valid for two days: what the clients are told to trust (--ca-file, curl --cacert).
    QProcess ca;
    ca.setWorkingDirectory(dir.absolutePath());
    ca.setProcessChannelMode(QProcess::MergedChannels);
    ca.start(openssl,
             QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ecKey()
                 + QStringList { QStringLiteral("-keyout"), QStringLiteral("ca-key.pem"), QStringLiteral("-out"),
                                 QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                                 QStringLiteral("-subj"), QStringLiteral("/CN=titlewave-bench HTTPS farm CA"),
                                 QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                 QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign") });
    if (!finished(ca, error))
        return false;
    // One certificate per blog, signed by the CA in the same openssl run (req -x509 -CA): a few
    // processes at a time, each waited for in order.
    std::deque<std::unique_ptr<QProcess>> running;
    for (int blog = 0; blog < blogs; ++blog) {
        if (running.size() == std::size_t(kOpensslAtOnce)) {
            if (!finished(*running.front(), error))
                return false;
            running.pop_front();
        }
        const QString address = QString::fromLatin1(BenchFarm::address(blog));
        const QString name = QStringLiteral("blog-%1").arg(blog);
        auto process = std::make_unique<QProcess>();
        process->setWorkingDirectory(dir.absolutePath());
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(
            openssl,
            QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ecKey()
                + QStringList { QStringLiteral("-keyout"), name + QStringLiteral("-key.pem"),
                                QStringLiteral("-out"),    name + QStringLiteral(".pem"),
                                QStringLiteral("-days"),   QStringLiteral("2"),
                                QStringLiteral("-subj"),   QStringLiteral("/CN=") + address,
                                QStringLiteral("-CA"),     QStringLiteral("ca.pem"),
                                QStringLiteral("-CAkey"),  QStringLiteral("ca-key.pem"),
                                QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:") + address,
                                QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:FALSE"),
                                QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,digitalSignature"),
                                QStringLiteral("-addext"), QStringLiteral("extendedKeyUsage=serverAuth") });
        running.push_back(std::move(process));
    }
    for (; !running.empty(); running.pop_front()) {
        if (!finished(*running.front(), error))
            return false;
    }
    return true;
}

bool HttpsFront::writeConfig(int blogs, quint16 farmPort, Mode mode, QString *error) const
{
    const auto path = [this](const QString &name) { return NginxFront::quoted(m_dir.filePath(name)); };
    const QByteArray temp = m_dir.filePath(QStringLiteral("nginx-temp")).toLocal8Bit();
    const QByteArray farm = BenchFarm::address(0) + ':' + QByteArray::number(farmPort);
    // What every blog's server block shares: proxying to the farm, which routes by Host.
    const QByteArray location = "# Written by titlewave-bench: every blog's proxying to the farm.\n"
                                "location / {\n"
                                "    proxy_pass http://farm;\n"
                                "    proxy_http_version 1.1;\n"
                                "    proxy_set_header Connection \"\";\n"
                                "    proxy_set_header Host $server_addr:"
        + QByteArray::number(farmPort)
        + ";\n"
          "    proxy_buffering off;  # pages stream through, never to disk\n"
          "}\n";
    if (!NginxFront::writeFile(m_dir.filePath(QStringLiteral("blog-location.conf")), location, error))
        return false;
    QByteArray config = "# Written by titlewave-bench --https: nginx in front of every blog of the farm ("
        + modeName(mode).toLatin1()
        + ").\n"
          "daemon off;\n"
          "master_process off;  # one foreground process, the harness's child\n"
          "pid "
        + path(QStringLiteral("nginx.pid")) + ";\nerror_log " + path(QStringLiteral("nginx-error.log"))
        + " warn;\n"
          "worker_rlimit_nofile 65536;\n"
          "events { worker_connections 16384; }\n"
          "http {\n"
          "    log_format blogs '$server_addr $connection $connection_requests $ssl_session_reused "
          "$server_protocol $status $request_uri $http2 $ssl_protocol';\n"
          "    access_log "
        + path(QStringLiteral("nginx-access.log")) + " blogs;\n";
    for (const char *kind : { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }) {
        config += QByteArray("    ") + kind + "_temp_path "
            + NginxFront::quoted(QString::fromLocal8Bit(temp + '/' + QByteArray(kind))) + ";\n";
    }
    config += "    upstream farm {\n"
              "        server "
        + farm
        + ";\n"
          "        keepalive 1024;  # idle connections to the farm kept for the next request\n"
          "        keepalive_requests 100000;\n"
          "    }\n";
    const QByteArray listen = mode == Mode::Http ? QByteArray()
        : mode == Mode::Http1                    ? QByteArray(" ssl")
                                                 : QByteArray(" ssl http2");
    const QByteArray port = QByteArray::number(m_port);
    // nginx 1.22's default stops at TLS 1.2; the web's servers and clients mostly speak 1.3.
    if (mode != Mode::Http)
        config += "    ssl_protocols TLSv1.2 TLSv1.3;\n";
    for (int blog = 0; blog < blogs; ++blog) {
        const QByteArray address = BenchFarm::address(blog);
        config += "    server {\n        listen " + address + ':' + port + listen + ";\n";
        if (mode != Mode::Http) {
            const QString name = QStringLiteral("blog-%1").arg(blog);
            config += "        ssl_certificate " + NginxFront::quoted(m_tls.filePath(name + QStringLiteral(".pem")))
                + ";\n        ssl_certificate_key "
                + NginxFront::quoted(m_tls.filePath(name + QStringLiteral("-key.pem"))) + ";\n";
        }
        config += "        include " + path(QStringLiteral("blog-location.conf")) + ";\n    }\n";
    }
    config += "}\n";
    return m_dir.mkpath(QString::fromLocal8Bit(temp))
        && NginxFront::writeFile(m_dir.filePath(QStringLiteral("nginx.conf")), config, error);
}

bool HttpsFront::start(const QString &directory, int blogs, quint16 farmPort, Mode mode, QString *error)
{
    const QString nginx = NginxFront::executable();
    if (nginx.isEmpty()) {
        *error = QStringLiteral("nginx is not installed (run tests/benchmark/install-deps as root)");
        return false;
    }
    m_dir.setPath(QDir(directory).absoluteFilePath(QStringLiteral("nginx-") + modeName(mode)));
    m_tls.setPath(QDir(directory).absoluteFilePath(QStringLiteral("tls")));
    if (!QDir().mkpath(m_dir.absolutePath())) {
        *error = QStringLiteral("cannot create %1").arg(m_dir.absolutePath());
        return false;
    }
    const QHostAddress first(QString::fromLatin1(BenchFarm::address(0)));
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        {
            QTcpServer probe;
            if (!probe.listen(first, 0)) {
                *error = QStringLiteral("no free port on %1").arg(first.toString());
                return false;
            }
            m_port = probe.serverPort();
        }
        if (!writeConfig(blogs, farmPort, mode, error))
            return false;
        m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("nginx-stdout.log")));
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("nginx-stderr.log")));
        m_process.start(nginx,
                        { QStringLiteral("-p"), m_dir.absolutePath(), QStringLiteral("-e"),
                          m_dir.filePath(QStringLiteral("nginx-error.log")), QStringLiteral("-c"),
                          m_dir.filePath(QStringLiteral("nginx.conf")) });
        if (!m_process.waitForStarted()) {
            *error = QStringLiteral("cannot start %1: %2").arg(nginx, m_process.errorString());
            return false;
        }
        // Listening on the last blog's address means every server block is up.
        const QHostAddress last(QString::fromLatin1(BenchFarm::address(blogs - 1)));
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < kStartTimeoutMs && m_process.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(last, m_port);
            if (probe.waitForConnected(200)) {
                markLog();
                return true;
            }
            QThread::msleep(20);
        }
        QFile log(m_dir.filePath(QStringLiteral("nginx-error.log")));
        *error = QStringLiteral("nginx did not start: %1")
                     .arg(log.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(log.readAll().trimmed().right(300))
                                                        : QStringLiteral("no error log"));
        stop();
    }
    return false;
}

void HttpsFront::stop()
{
    NginxFront::stopProcess(m_process);
}

void HttpsFront::markLog()
{
    m_logMark = QFile(m_dir.filePath(QStringLiteral("nginx-access.log"))).size();
    m_cpuMark = NginxFront::cpuSeconds(m_process);
}

HttpsStats HttpsFront::stats() const
{
    HttpsStats stats;
    stats.cpuSeconds = NginxFront::cpuSeconds(m_process) - m_cpuMark;
    QFile log(m_dir.filePath(QStringLiteral("nginx-access.log")));
    if (!log.open(QIODevice::ReadOnly) || !log.seek(m_logMark))
        return stats;
    // "$server_addr $connection $connection_requests $ssl_session_reused $server_protocol $status
    // $request_uri $http2 $ssl_protocol", e.g.
    // "127.20.0.7 12 2 . HTTP/2.0 200 /2026/11/entry-0-x.html h2 TLSv1.3".
    QSet<QByteArray> connections;
    QHash<QByteArray, QByteArray> frontConnection; // blog address -> connection of its front page
    QHash<QByteArray, QByteArray> articleConnection; // blog address -> connection of its last other page
    for (const QByteArray &line : log.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 8)
            continue;
        ++stats.requests;
        const QByteArray &blog = fields.at(0);
        const QByteArray &connection = fields.at(1);
        QString protocol = QString::fromLatin1(fields.at(4));
        for (qsizetype field = 7; field < std::min<qsizetype>(fields.size(), 9); ++field) {
            if (!fields.at(field).isEmpty() && fields.at(field) != "-")
                protocol += QLatin1Char(' ') + QString::fromLatin1(fields.at(field));
        }
        ++stats.protocols[protocol];
        ++stats.statuses[QString::fromLatin1(fields.at(5))];
        if (!connections.contains(connection)) {
            connections.insert(connection);
            if (fields.at(3) == "r")
                ++stats.resumed;
        }
        if (fields.at(6) == "/")
            frontConnection.insert(blog, connection);
        else
            articleConnection.insert(blog, connection);
    }
    stats.connections = int(connections.size());
    QSet<QByteArray> blogs;
    for (auto it = frontConnection.cbegin(); it != frontConnection.cend(); ++it)
        blogs.insert(it.key());
    for (auto it = articleConnection.cbegin(); it != articleConnection.cend(); ++it) {
        blogs.insert(it.key());
        const auto front = frontConnection.constFind(it.key());
        if (front == frontConnection.cend())
            continue;
        ++stats.blogsWithBoth;
        if (front.value() == it.value())
            ++stats.blogsOnOneConnection;
    }
    stats.blogs = int(blogs.size());
    return stats;
}
