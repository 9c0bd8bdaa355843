// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogmemory.h"
#include "types/blogstatus.h"
#include "types/requesttiming.h"

#include <QByteArray>

/// The outcome of one GET: a status (Ok or the failure), the body and its timing record.
struct FetchResult {
    BlogStatus status = BlogStatus::Ok;
    QString error; ///< translated sentence, empty on success
    QByteArray body; ///< the decoded body; implicitly shared, never copied
    QByteArray contentType; ///< the Content-Type header as sent
    RequestTiming timing;
    /// Reading stopped early, once the caller's "enough" test said the answer was certain: the
    /// body is the page's beginning, and the rest was never downloaded.
    bool partial = false;
    /// The server answered 304 Not Modified to the validators sent: Ok, with no body.
    bool notModified = false;
    PageValidators validators; ///< the answer's ETag and Last-Modified
    bool http2 = false; ///< the answer came over HTTP/2 (its host can take many requests at once)
    bool ok() const { return status == BlogStatus::Ok; }
};
