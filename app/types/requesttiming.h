// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

/// What a request was for; each kind gets its own colour in the waterfall.
enum class RequestKind { FrontPage, Feed, Article };

/// One request's record, as a browser's network panel shows it.
struct RequestTiming {
    RequestKind kind = RequestKind::FrontPage;
    QUrl url;
    QUrl finalUrl; ///< after redirects
    qint64 startMs = 0; ///< offset from the scan's start, when the request left
    qint64 endMs = 0; ///< offset from the scan's start, when the reply finished
    int httpStatus = 0; ///< 0 when no HTTP answer arrived
    qint64 bytes = 0; ///< decoded body bytes received
    QString error; ///< empty on success
    bool http2 = false; ///< the answer came over HTTP/2 (else HTTP/1.1, when one came)

    qint64 durationMs() const { return endMs - startMs; }
};

QString requestKindCode(RequestKind kind);
