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
    /// Qt 6.4 reports a proxy it cannot reach as if it were the server (ConnectionRefusedError,
    /// HostNotFoundError); through a proxy the socket is the proxy's, so they are proxy errors.
    static QNetworkReply::NetworkError throughProxy(QNetworkReply::NetworkError error);
    /// The sentence for @p status, with the detail Qt gave (e.g. the TLS reason) appended.
    static QString describe(BlogStatus status, const QString &detail = {});
    static QString describeHttp(int httpStatus, const QByteArray &reason);
    /// The sentence for a proxy failure (@p error is one of Qt's Proxy* errors) through @p proxy
    /// ("host:port").
    static QString describeProxy(QNetworkReply::NetworkError error, const QString &proxy);
};
