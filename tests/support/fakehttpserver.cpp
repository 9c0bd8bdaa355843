// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakehttpserver.h"

#include <vector>
#include <zlib.h>

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    m_server.setHandler([this](const HttpRequest &request) {
        m_requested.append(request.path);
        Q_EMIT requestReceived(request.path);
        // The exact path first, then the path without its query ("/?blog=3" falls back to "/").
        auto it = m_routes.constFind(request.path);
        if (it == m_routes.cend())
            it = m_routes.constFind(request.path.split('?').constFirst());
        if (it != m_routes.cend())
            return *it;
        HttpResponse notFound;
        notFound.status = 404;
        notFound.body = "<!doctype html><title>Not found</title>";
        return notFound;
    });
}

bool FakeHttpServer::start()
{
    return m_server.listen(QHostAddress::LocalHost);
}

QUrl FakeHttpServer::url(const QString &path) const
{
    return m_server.url().resolved(QUrl(path));
}

void FakeHttpServer::html(const QByteArray &path, const QByteArray &body, int delayMs)
{
    HttpResponse response;
    response.body = body;
    response.delayMs = delayMs;
    route(path, response);
}

QByteArray FakeBlog::frontPage(const QByteArray &articlePath, const QByteArray &blogName)
{
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + blogName + "</title></head><body><h1>"
        + blogName + "</h1><article><h2><a rel=\"bookmark\" href=\"" + articlePath
        + "\">Newest</a></h2><p>Text.</p></article><article><h2><a rel=\"bookmark\" href=\"/older.html\">Older</a>"
          "</h2></article></body></html>";
}

QByteArray FakeBlog::article(const QByteArray &rawTitle, const QByteArray &blogName)
{
    const QByteArray title = QString::fromUtf8(rawTitle).toHtmlEscaped().toUtf8();
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + " \xe2\x80\x93 " + blogName
        + "</title><meta property=\"og:title\" content=\"" + title + "\"></head><body><article><h1>" + title
        + "</h1><p>Body.</p></article></body></html>";
}

QByteArray FakeBlog::gzipBomb(qint64 size)
{
    z_stream stream {};
    // 15 + 16: a gzip wrapper rather than zlib's, as HTTP's Content-Encoding: gzip wants.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    const std::vector<unsigned char> zeros(1 << 20, 0);
    std::vector<unsigned char> chunk(1 << 16);
    QByteArray out;
    for (qint64 left = size; left >= 0;) {
        const qint64 take = std::min<qint64>(left, qint64(zeros.size()));
        left -= take;
        const bool last = left == 0;
        stream.next_in = const_cast<unsigned char *>(zeros.data()); // zlib's API is not const-correct
        stream.avail_in = uInt(take);
        do {
            stream.next_out = chunk.data();
            stream.avail_out = uInt(chunk.size());
            deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(reinterpret_cast<const char *>(chunk.data()), qsizetype(chunk.size() - stream.avail_out));
        } while (stream.avail_out == 0);
        if (last)
            break;
    }
    deflateEnd(&stream);
    return out;
}

HttpResponse FakeBlog::gzipped(const QByteArray &compressed)
{
    HttpResponse response;
    response.body = compressed;
    response.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    return response;
}

HttpResponse FakeBlog::redirect(const QByteArray &location, int status)
{
    HttpResponse response;
    response.status = status;
    response.headers.append(qMakePair(QByteArray("Location"), location));
    response.body = "<!doctype html><title>Moved</title>";
    return response;
}
