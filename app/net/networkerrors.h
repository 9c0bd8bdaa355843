// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogstatus.h"

#include <QNetworkReply>
#include <QString>

/// The one place where transport failures become our statuses and translated sentences.
class NetworkErrors final
{
public:
    static BlogStatus statusFor(QNetworkReply::NetworkError error);
    /// The sentence for @p status, with the detail Qt gave (e.g. the TLS reason) appended.
    static QString describe(BlogStatus status, const QString &detail = {});
    static QString describeHttp(int httpStatus, const QByteArray &reason);
};
