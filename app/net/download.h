// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fetchpolicy.h"
#include "types/fetchresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
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
    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onEncrypted();
    QString redirectLoopError() const;
    void onFinished();
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
    bool m_retried = false;
    bool m_lastOnHost = false;
    bool m_done = false;
    bool m_hostResolved = false;
};
