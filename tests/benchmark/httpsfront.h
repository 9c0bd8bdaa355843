// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDir>
#include <QMap>
#include <QProcess>
#include <QString>

/// What nginx's access log says about one run through HttpsFront.
struct HttpsStats {
    int requests = 0;
    int connections = 0; ///< distinct client connections (nginx's $connection): one TLS handshake each
    int resumed = 0; ///< of those, handshakes that resumed an earlier session ($ssl_session_reused)
    int blogs = 0; ///< blogs (server addresses) that got at least one request
    int blogsOnOneConnection = 0; ///< blogs whose front page and article came over the same connection
    int blogsWithBoth = 0; ///< blogs that asked for both their front page and an article
    /// "$server_protocol" (with " h2" when ALPN chose HTTP/2, and the TLS version) -> requests
    QMap<QString, int> protocols;
    QMap<QString, int> statuses; ///< HTTP status -> requests
    double cpuSeconds = 0; ///< nginx's own user + system time (TLS, HTTP/2, proxying)
};

/// Debian's nginx in front of the whole farm for `--https`: every blog keeps its own loopback
/// address (127.20.x.y) and gets its own certificate, issued at run time by a test CA of the
/// harness's own for that address (subjectAltName IP:127.20.x.y). nginx listens on one port on
/// every blog's address, plain or TLS, and proxies to the farm over kept-alive HTTP/1.1
/// connections, naming the blog in the Host header, so the farm's latency and pages are the same
/// as for a direct run. One process in the foreground (no daemon, no master), everything it writes
/// in one directory, like NginxFront.
class HttpsFront final
{
public:
    enum class Mode {
        Http, ///< plain HTTP/1.1 through the same nginx: the baseline TLS is compared with
        Http1, ///< HTTPS, ALPN offers http/1.1 only
        Http2, ///< HTTPS, ALPN offers h2 (and http/1.1)
    };

    HttpsFront() = default;
    ~HttpsFront();
    HttpsFront(const HttpsFront &) = delete;
    HttpsFront &operator=(const HttpsFront &) = delete;

    /// "http", "h1", "h2".
    static QString modeName(Mode mode);
    /// A CA (tls/ca.pem) and one EC P-256 certificate per blog address (tls/blog-<i>.pem and its
    /// key), in @p directory; openssl runs a few at a time.
    static bool makeCertificates(const QString &directory, int blogs, QString *error);

    /// Writes the configuration and starts nginx on a port free on the first blog's address,
    /// proxying to the farm on @p farmPort; returns once it accepts connections.
    bool start(const QString &directory, int blogs, quint16 farmPort, Mode mode, QString *error);
    void stop();

    quint16 port() const { return m_port; }
    static QString caFile(const QString &directory);

    /// Remembers where the access log ends and nginx's CPU time; stats() counts only what
    /// comes after.
    void markLog();
    HttpsStats stats() const;

private:
    bool writeConfig(int blogs, quint16 farmPort, Mode mode, QString *error) const;

    QProcess m_process;
    QDir m_dir; ///< nginx's own files
    QDir m_tls; ///< the certificates
    quint16 m_port = 0;
    qint64 m_logMark = 0;
    double m_cpuMark = 0;
};
