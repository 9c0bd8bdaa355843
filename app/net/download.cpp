// SPDX-License-Identifier: GPL-3.0-or-later
#include "download.h"

#include "networkerrors.h"
#include "types/webaddress.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <algorithm>

namespace {
// Kinds of content no blog front page, feed or article is; refused before the body is read.
bool isPlainlyNotAPage(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")
        || type.startsWith("font/") || type == "application/pdf" || type == "application/zip"
        || type == "application/gzip" || type == "application/x-gzip";
}

// RFC 6761 reserves ".invalid": resolvers should answer "no such name" without asking anyone,
// so we do, and no query for such a name ever leaves the machine.
bool isReservedInvalidName(const QString &host)
{
    return host.compare(QLatin1String("invalid"), Qt::CaseInsensitive) == 0
        || host.endsWith(QLatin1String(".invalid"), Qt::CaseInsensitive)
        || host.endsWith(QLatin1String(".invalid."), Qt::CaseInsensitive);
}

// The proxy the manager will use for @p url, as "host:port"; empty when it goes direct.
QString proxyName(const QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkProxy proxy = network.proxy();
    if (QNetworkProxyFactory *factory = network.proxyFactory())
        proxy = factory->queryProxy(QNetworkProxyQuery(url)).value(0);
    if (proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy)
        return {};
    return proxy.hostName() + QLatin1Char(':') + QString::number(proxy.port());
}

bool isSuccess(int httpStatus)
{
    return httpStatus >= 200 && httpStatus < 300;
}

} // namespace

Download::Download(const QUrl &url, RequestKind kind, bool lastOnHost, QObject *parent)
    : QObject(parent)
    , m_lastOnHost(lastOnHost)
{
    m_result.timing.kind = kind;
    m_result.timing.url = url;
    m_result.timing.finalUrl = url;
}

Download::~Download()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

qint64 Download::now() const
{
    return m_clock ? m_clock->elapsed() : 0;
}

void Download::start(QNetworkAccessManager &network, const FetchPolicy &policy, const QElapsedTimer &clock)
{
    Q_ASSERT(!isStarted());
    m_network = &network;
    m_policy = policy;
    m_clock = &clock;
    m_result.timing.startMs = now();
    m_lastActivityMs = m_result.timing.startMs;
    m_proxyName = proxyName(network, m_result.timing.url);
    // Through a proxy, the proxy resolves names (and may know names no resolver does).
    if (m_proxyName.isEmpty() && isReservedInvalidName(m_result.timing.url.host())) {
        // Queued, like every other outcome, so callers never see finished() inside start().
        QMetaObject::invokeMethod(
            this,
            [this] { fail(BlogStatus::Dns, NetworkErrors::describe(BlogStatus::Dns, m_result.timing.url.host())); },
            Qt::QueuedConnection);
        return;
    }
    send();
}

void Download::send()
{
    m_redirects = 0;
    m_result.timing.finalUrl = m_result.timing.url;
    request(m_result.timing.url);
}

void Download::request(const QUrl &url)
{
    m_expectedBytes = -1;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_policy.userAgent);
    request.setRawHeader("Accept",
                         "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                         "application/xml;q=0.9,*/*;q=0.5");
    // Every redirect is vetted in onRedirected: only http(s), never https -> http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    // We count redirects ourselves (onRedirected): Qt 6.4 ends a user-verified redirect chain one
    // short of its limit, as a success with status 100, so Qt's limit is set out of our way.
    request.setMaximumRedirectsAllowed(2 * m_policy.maxRedirects + 10);
    // Qt inflates a compressed body lazily, as we read it, so our size cap (onReadyRead) stops a
    // gzip bomb after the cap's worth of bytes. Qt's own ratio check is off: in Qt 6.4 it
    // sometimes leaves the reply hanging instead of finishing it with an error.
    request.setDecompressedSafetyCheckThreshold(-1);
    if (m_lastOnHost) {
        // The chain's last request to this host: let the server close the socket so that
        // thousands of finished blogs do not each keep an idle descriptor.
        request.setRawHeader("Connection", "close");
    }
    if (!m_validators.etag.isEmpty())
        request.setRawHeader("If-None-Match", m_validators.etag);
    if (!m_validators.lastModified.isEmpty())
        request.setRawHeader("If-Modified-Since", m_validators.lastModified);
    m_sentCookies = false;
    m_cookiesKept.clear();
    if (m_cookies) {
        const QList<QNetworkCookie> cookies = m_cookies->cookiesForUrl(url);
        if (!cookies.isEmpty()) {
            request.setHeader(QNetworkRequest::CookieHeader, QVariant::fromValue(cookies));
            m_sentCookies = true;
        }
    }

    m_reply = m_network->get(request);
    // Bounded buffering: Qt stops reading the socket until we drain it.
    m_reply->setReadBufferSize(256 * 1024);
    // Qt 6.3+: the lookup is over when the socket starts connecting; a request on a connection
    // Qt already has only reports that it was sent.
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, &Download::onProgress);
    connect(m_reply, &QNetworkReply::requestSent, this, &Download::onProgress);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &Download::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &Download::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &Download::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &Download::onFinished);
    connect(m_reply, &QNetworkReply::encrypted, this, &Download::onEncrypted);
}

void Download::onEncrypted()
{
    if (m_reply && m_reply->sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2)
        Q_EMIT http2Negotiated();
}

void Download::onProgress()
{
    m_lastActivityMs = now();
    if (!m_hostResolved) {
        m_hostResolved = true;
        Q_EMIT hostResolved();
    }
}

void Download::keepCookies(const QUrl &url)
{
    if (!m_cookies || !m_reply)
        return;
    // One reply may carry several hops (redirects Qt follows), and Qt sometimes keeps an earlier
    // hop's Set-Cookie among a later hop's headers: a cookie already kept from this reply belongs
    // to the hop that set it, never to the next host.
    QList<QNetworkCookie> fresh;
    for (const QNetworkCookie &cookie :
         m_reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>()) {
        const QByteArray raw = cookie.toRawForm();
        if (!m_cookiesKept.contains(raw)) {
            m_cookiesKept.append(raw);
            fresh.append(cookie);
        }
    }
    if (!fresh.isEmpty())
        m_cookies->setCookiesFromUrl(fresh, url);
}

void Download::onMetaDataChanged()
{
    onProgress();
    if (!m_reply)
        return;
    // The final answer's cookies, for the URL it came from. A redirect's are kept in
    // onRedirected, with the URL it left: Qt does not always report a redirect's headers before
    // it asks about the redirect, and by then the reply's URL is already the target's.
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 300 || status >= 400 || status == 304)
        keepCookies(m_reply->url());
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const bool compressed = !m_reply->rawHeader("Content-Encoding").isEmpty();
    // Too large by its announced length, unless what matters may come before the cap.
    if (!m_enough && !compressed && length.isValid() && length.toLongLong() > m_policy.maxBodyBytes) {
        fail(BlogStatus::TooLarge,
             QCoreApplication::translate("Download", "The page is %1 MB, over the %2 MB limit.")
                 .arg(QLocale().toString(double(length.toLongLong()) / (1024 * 1024), 'f', 1))
                 .arg(QLocale().toString(double(m_policy.maxBodyBytes) / (1024 * 1024), 'f', 1)));
        return;
    }
    m_expectedBytes = !compressed && length.isValid() ? length.toLongLong() : -1;
    const QByteArray contentType = m_reply->rawHeader("Content-Type");
    const int httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus < 300 && isPlainlyNotAPage(contentType)) {
        m_result.contentType = contentType;
        fail(BlogStatus::NotHtml,
             NetworkErrors::describe(BlogStatus::NotHtml, QString::fromLatin1(contentType.left(100))));
    }
}

void Download::onReadyRead()
{
    onProgress();
    if (!m_reply)
        return;
    QByteArray &body = m_result.body;
    // Until Qt has nothing more: a compressed body is inflated as it is read, so more may become
    // available after each read.
    const bool mayStopEarly
        = m_enough && isSuccess(m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    for (qint64 available = m_reply->bytesAvailable(); available > 0; available = m_reply->bytesAvailable()) {
        if (mayStopEarly) {
            // Up to the cap, then the page must have said enough.
            available = std::min(available, m_policy.maxBodyBytes - body.size());
            if (available <= 0) {
                fail(BlogStatus::TooLarge,
                     QCoreApplication::translate("Download", "The page is over the %1 MB limit.")
                         .arg(QLocale().toString(double(m_policy.maxBodyBytes) / (1024 * 1024), 'f', 1)));
                return;
            }
        } else if (body.size() + available > m_policy.maxBodyBytes) {
            fail(BlogStatus::TooLarge,
                 QCoreApplication::translate("Download", "The page is over the %1 MB limit.")
                     .arg(QLocale().toString(double(m_policy.maxBodyBytes) / (1024 * 1024), 'f', 1)));
            return;
        }
        // Straight from Qt's buffer into ours: readAll() would first build (and grow) a buffer
        // of its own and copy again. With a Content-Length the body is one allocation of that size.
        const qsizetype old = body.size();
        const qint64 expected = std::min(m_expectedBytes, m_policy.maxBodyBytes);
        if (expected > old && body.capacity() < expected)
            body.reserve(expected);
        body.resize(old + available);
        const qint64 got = m_reply->read(body.data() + old, available);
        body.resize(old + std::max<qint64>(got, 0));
        if (got <= 0)
            break;
        if (mayStopEarly && m_enough(body)) {
            finishEarly();
            return;
        }
    }
}

void Download::finishEarly()
{
    QNetworkReply *reply = m_reply;
    m_result.timing.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_result.timing.finalUrl = reply->url();
    m_result.contentType = reply->rawHeader("Content-Type");
    m_result.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    m_result.partial = true;
    reply->disconnect(this);
    reply->abort(); // the rest of the page is never read: its connection goes with it
    complete();
}

QString Download::redirectLoopError() const
{
    return QCoreApplication::translate("Download", "More than %n redirect(s): the server redirects in a loop.", nullptr,
                                       m_policy.maxRedirects);
}

void Download::onRedirected(const QUrl &target)
{
    onProgress();
    if (!m_reply)
        return;
    if (++m_redirects > m_policy.maxRedirects) {
        fail(BlogStatus::HttpError, redirectLoopError());
        return;
    }
    if (!WebAddress::isWebScheme(target)) {
        fail(BlogStatus::UnsupportedScheme,
             QCoreApplication::translate("Download", "Refused a redirect to a %1: address.").arg(target.scheme()));
        return;
    }
    // Not m_reply->url(): Qt has already moved it to the target when it asks.
    const QUrl &from = m_result.timing.finalUrl;
    if (from.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0
        && target.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0) {
        fail(BlogStatus::UnsupportedScheme,
             QCoreApplication::translate("Download", "Refused a redirect from https to insecure http."));
        return;
    }
    keepCookies(from);
    m_result.timing.finalUrl = target;
    // The redirect's own Content-Length says nothing about the page at its target; if Qt ends
    // the chain itself (a loop, reported as status 100), no new length arrives.
    m_expectedBytes = -1;
    if (m_cookies && (m_sentCookies || !m_cookies->cookiesForUrl(target).isEmpty())) {
        // Qt would send the next hop with this hop's Cookie header, copied: stale after a cookie
        // check (302 to the same page with Set-Cookie), and the wrong site's after a redirect
        // elsewhere. A hop with cookies is followed here instead, with the cookies for its URL.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
        m_result.body.clear();
        request(target);
        return;
    }
    Q_EMIT m_reply->redirectAllowed();
}

void Download::onFinished()
{
    if (m_done || !m_reply)
        return;
    onReadyRead();
    if (m_done)
        return;
    QNetworkReply *reply = m_reply;
    RequestTiming &timing = m_result.timing;
    timing.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    timing.finalUrl = reply->url();
    m_result.contentType = reply->rawHeader("Content-Type");
    m_result.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    m_result.validators = { reply->rawHeader("ETag"), reply->rawHeader("Last-Modified") };

    const QNetworkReply::NetworkError error
        = m_proxyName.isEmpty() ? reply->error() : NetworkErrors::throughProxy(reply->error());
    if (timing.httpStatus == 304 && !m_validators.isEmpty()) {
        // Unchanged since the validators were given. A 304 need not repeat them: keep ours.
        if (m_result.validators.isEmpty())
            m_result.validators = m_validators;
        m_result.notModified = true;
        m_result.body = QByteArray();
        complete();
        return;
    }
    if (error == QNetworkReply::RemoteHostClosedError && timing.httpStatus == 0 && m_result.body.isEmpty()
        && !m_retried) {
        // The server closed a reused keep-alive connection as our request went out (or, after a
        // redirect, Qt sent it on a connection the server had asked to close). Nothing was
        // answered, and a GET may be sent again: try once more on a fresh connection, as
        // browsers do.
        m_retried = true;
        reply->disconnect(this);
        reply->deleteLater();
        m_reply = nullptr;
        send();
        return;
    }
    const bool isPage = timing.httpStatus >= 200 && timing.httpStatus < 300;
    if (error == QNetworkReply::NoError && isPage && m_expectedBytes >= 0 && m_result.body.size() < m_expectedBytes) {
        // The connection ended before the announced length: a cut-off page, not a whole one.
        m_result.status = BlogStatus::Network;
        m_result.error = NetworkErrors::describe(
            BlogStatus::Network,
            QCoreApplication::translate("Download", "the connection closed after %1 of %2 bytes")
                .arg(m_result.body.size())
                .arg(m_expectedBytes));
        m_result.body = QByteArray();
        complete();
        return;
    }
    if (NetworkErrors::statusFor(error) == BlogStatus::Proxy) {
        // Before the HTTP status: a proxy's 407 is the proxy's answer, not the blog's.
        m_result.status = BlogStatus::Proxy;
        m_result.error
            = NetworkErrors::describeProxy(error, m_proxyName.isEmpty() ? reply->errorString() : m_proxyName);
    } else if (timing.httpStatus >= 400) {
        m_result.status = BlogStatus::HttpError;
        m_result.error = NetworkErrors::describeHttp(
            timing.httpStatus, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    } else if (error != QNetworkReply::NoError) {
        m_result.status = NetworkErrors::statusFor(error);
        m_result.error = NetworkErrors::describe(m_result.status, reply->errorString());
    } else if (timing.httpStatus >= 300 || timing.httpStatus < 200) {
        m_result.status = BlogStatus::HttpError;
        if (m_redirects > 0) {
            // Qt 6.4 ends some redirect loops (A -> B -> A) by itself, reporting "status 100".
            m_result.error = redirectLoopError();
        } else {
            // A redirect without a Location, or an answer that is no page at all.
            m_result.error = NetworkErrors::describeHttp(
                timing.httpStatus, reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
        }
    }
    complete();
}

void Download::fail(BlogStatus status, const QString &error)
{
    if (m_done)
        return;
    m_result.status = status;
    m_result.error = error;
    m_result.timing.bytes = m_result.body.size();
    m_result.body = QByteArray(); // a failed body is never parsed; free it now
    if (m_reply) {
        m_result.timing.httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    complete();
}

void Download::complete()
{
    m_done = true;
    m_result.timing.endMs = now();
    if (m_result.ok())
        m_result.timing.bytes = m_result.body.size();
    else
        m_result.timing.error = m_result.error;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished(m_result);
    m_result.body = QByteArray(); // the receiver holds its own reference now
}
