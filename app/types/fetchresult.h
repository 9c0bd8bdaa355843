// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    bool http2 = false; ///< the answer came over HTTP/2 (its host can take many requests at once)
    bool ok() const { return status == BlogStatus::Ok; }
};
