// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fetchpolicy.h"
#include "types/fetchresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkCookieJar;
#include <QNetworkReply>

/// One GET, from the moment it leaves until its FetchResult. Enforces the size cap while data
/// streams in, vets every redirect, and records its timing. Owned by the Fetcher.
class Download final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Download)

public:
    Download(const QUrl &url, RequestKind kind, bool lastOnHost, QObject *parent = nullptr);
    ~Download() override;

    const QUrl &url() const { return m_result.timing.url; }
    bool isStarted() const { return m_reply != nullptr || m_done; }
    bool isDone() const { return m_done; }
    /// Milliseconds on the scan clock of the last sign of progress: the host name resolved, the
    /// request sent, a header or a byte received.
    qint64 lastActivityMs() const { return m_lastActivityMs; }
    /// Milliseconds on the scan clock when the request left (the deadline counts from here).
    qint64 startedMs() const { return m_result.timing.startMs; }

    /// The blog's own cookies (set before start): sent with every request and every redirect hop
    /// of this download, and given each Set-Cookie the answers carry. The manager has no jar, so
    /// nothing is shared between blogs and nothing is written to disk.
    void setCookieJar(std::shared_ptr<QNetworkCookieJar> jar) { m_cookies = std::move(jar); }

    /// Set before start: called with the body read so far (2xx answers only); once it returns
    /// true the download stops reading, aborts the transfer and finishes Ok with what it has.
    /// With it, the size cap limits what is read, not the page: a page larger than the cap whose
    /// answer comes early is read only up to that point.
    void setEnough(std::function<bool(const QByteArray &body)> enough) { m_enough = std::move(enough); }

    /// Set before start: the previous scan's validators for this page, sent as If-None-Match /
    /// If-Modified-Since; a 304 then finishes Ok with notModified set and no body.
    void setValidators(const PageValidators &validators) { m_validators = validators; }

    void start(QNetworkAccessManager &network, const FetchPolicy &policy, const QElapsedTimer &clock);
    /// Ends the request with @p status (Cancelled, Timeout, ...). Safe to call at any time.
    void fail(BlogStatus status, const QString &error);

Q_SIGNALS:
    void finished(const FetchResult &result);
    /// TLS is up and ALPN chose HTTP/2: the host multiplexes, long before any answer arrives.
    void http2Negotiated();
    /// Emitted once, when Qt is past the host name lookup (it starts connecting, sends the
    /// request on a connection it has, or an answer arrives).
    void hostResolved();

private:
    void onProgress();
    void send();
    /// Sends the GET for @p url, one hop of the download (the first, a retry, or a redirect this
    /// download follows itself).
    void request(const QUrl &url);
    /// Gives the blog's jar the cookies the current answer sets for @p url.
    void keepCookies(const QUrl &url);
    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onEncrypted();
    QString redirectLoopError() const;
    void onFinished();
    /// Ends a 2xx answer whose body already says enough (m_enough): abort the rest, finish Ok.
    void finishEarly();
    void complete();
    qint64 now() const;

    FetchResult m_result;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_network = nullptr;
    FetchPolicy m_policy;
    const QElapsedTimer *m_clock = nullptr;
    qint64 m_lastActivityMs = 0;
    int m_redirects = 0;
    /// The final answer's Content-Length when its body is not compressed, else -1 (read once, in
    /// onMetaDataChanged; reserves the body and tells a cut-off page in onFinished).
    qint64 m_expectedBytes = -1;
    std::shared_ptr<QNetworkCookieJar> m_cookies;
    std::function<bool(const QByteArray &)> m_enough;
    PageValidators m_validators;
    /// The current hop carried a Cookie header: Qt would copy it to wherever a redirect leads.
    bool m_sentCookies = false;
    QList<QByteArray> m_cookiesKept; ///< Set-Cookie values of the current reply already kept
    QString m_proxyName; ///< "host:port" of the proxy this download goes through, empty when direct
    bool m_retried = false;
    bool m_lastOnHost = false;
    bool m_done = false;
    bool m_hostResolved = false;
};
