// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkerrors.h"

#include <QCoreApplication>

BlogStatus NetworkErrors::statusFor(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return BlogStatus::Ok;
    case QNetworkReply::HostNotFoundError:
        return BlogStatus::Dns;
    case QNetworkReply::ConnectionRefusedError:
        return BlogStatus::Refused;
    case QNetworkReply::TimeoutError:
        return BlogStatus::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return BlogStatus::Tls;
    case QNetworkReply::OperationCanceledError:
        return BlogStatus::Cancelled;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return BlogStatus::HttpError;
    case QNetworkReply::ProtocolUnknownError:
        return BlogStatus::UnsupportedScheme;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return BlogStatus::Proxy;
    default:
        break;
    }
    // Every HTTP error class (4xx, 5xx) is an answer the server gave: http_error.
    if (error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownServerError)
        return BlogStatus::HttpError;
    return BlogStatus::Network;
}

QNetworkReply::NetworkError NetworkErrors::throughProxy(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QNetworkReply::ProxyConnectionRefusedError;
    case QNetworkReply::HostNotFoundError:
        return QNetworkReply::ProxyNotFoundError;
    default:
        return error;
    }
}

QString NetworkErrors::describe(BlogStatus status, const QString &detail)
{
    const QString sentence = BlogStatusText::sentence(status);
    if (detail.isEmpty())
        return sentence;
    //: %1 is a sentence describing the failure, %2 the technical detail
    return QCoreApplication::translate("NetworkErrors", "%1 (%2)").arg(sentence, detail);
}

QString NetworkErrors::describeHttp(int httpStatus, const QByteArray &reason)
{
    if (reason.isEmpty())
        return QCoreApplication::translate("NetworkErrors", "The server answered HTTP %1.").arg(httpStatus);
    return QCoreApplication::translate("NetworkErrors", "The server answered HTTP %1 %2.")
        .arg(httpStatus)
        .arg(QString::fromLatin1(reason));
}

QString NetworkErrors::describeProxy(QNetworkReply::NetworkError error, const QString &proxy)
{
    switch (error) {
    case QNetworkReply::ProxyConnectionRefusedError:
        return QCoreApplication::translate("NetworkErrors", "The proxy %1 refused the connection.").arg(proxy);
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QCoreApplication::translate("NetworkErrors",
                                           "The proxy %1 asks for a user name and password (HTTP 407); give them in "
                                           "the proxy address, as http://user:password@host:port.")
            .arg(proxy);
    case QNetworkReply::ProxyNotFoundError:
        return QCoreApplication::translate("NetworkErrors", "The proxy's host name %1 could not be resolved.")
            .arg(proxy);
    case QNetworkReply::ProxyTimeoutError:
        return QCoreApplication::translate("NetworkErrors", "The proxy %1 did not answer in time.").arg(proxy);
    default:
        return QCoreApplication::translate("NetworkErrors", "The proxy %1 closed the connection or failed.").arg(proxy);
    }
}
