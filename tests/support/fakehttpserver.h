// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpserver.h"

#include <QHash>
#include <QObject>
#include <QUrl>

/// A scripted blog for tests: routes (path -> response, with delays and faults) on its own
/// loopback port, counting the requests it has in flight. Built on the same HttpServer that
/// serves the demo, so the tests exercise real sockets and real HTTP.
class FakeHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHttpServer)

public:
    explicit FakeHttpServer(QObject *parent = nullptr);

    bool start();
    QUrl url(const QString &path = QStringLiteral("/")) const;

    void route(const QByteArray &path, const HttpResponse &response) { m_routes.insert(path, response); }
    void html(const QByteArray &path, const QByteArray &body, int delayMs = 0);

    HttpServer &server() { return m_server; }
    int peakRequestsInFlight() const { return m_server.peakRequestsInFlight(); }
    int requestCount() const { return m_server.requestCount(); }
    /// Paths in the order requests arrived.
    const QList<QByteArray> &requestedPaths() const { return m_requested; }

Q_SIGNALS:
    void requestReceived(const QByteArray &path);

private:
    HttpServer m_server;
    QHash<QByteArray, HttpResponse> m_routes;
    QList<QByteArray> m_requested;
};

namespace FakeBlog {
/// A WordPress-like front page whose newest post is @p articlePath (rel=bookmark).
QByteArray frontPage(const QByteArray &articlePath, const QByteArray &blogName = "A Blog");
/// An article page with og:title, <h1> and a "Title – Blog" <title>.
QByteArray article(const QByteArray &title, const QByteArray &blogName = "A Blog");
/// @p size bytes of zeros, gzip-compressed without ever holding them: a decompression bomb.
QByteArray gzipBomb(qint64 size);
/// A response serving @p body gzip-compressed (Content-Encoding: gzip).
HttpResponse gzipped(const QByteArray &compressed);
/// A redirect to @p location with @p status.
HttpResponse redirect(const QByteArray &location, int status = 302);
} // namespace FakeBlog
