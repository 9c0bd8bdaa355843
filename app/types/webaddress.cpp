// SPDX-License-Identifier: GPL-3.0-or-later
#include "webaddress.h"

bool WebAddress::isWebScheme(QStringView scheme)
{
    return scheme.compare(QLatin1String("http"), Qt::CaseInsensitive) == 0
        || scheme.compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
}

bool WebAddress::isFetchable(const QUrl &url)
{
    return url.isValid() && isWebScheme(url) && !url.host().isEmpty();
}

QString WebAddress::pageKey(const QUrl &url)
{
    QUrl key = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    key.setHost(key.host().toLower());
    if ((key.port() == 80 && key.scheme() == QLatin1String("http"))
        || (key.port() == 443 && key.scheme() == QLatin1String("https")))
        key.setPort(-1); // the scheme's own port is no port at all
    // "/blog/" and "/blog" are one page, and the root's slash is no path at all.
    QString path = key.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    key.setPath(path, QUrl::TolerantMode);
    if (key.hasQuery() && key.query().isEmpty())
        key.setQuery(QString()); // a bare "?" asks for nothing
    return key.toString(QUrl::FullyEncoded);
}

bool WebAddress::isSamePage(const QUrl &a, const QUrl &b)
{
    return pageKey(a) == pageKey(b);
}

std::optional<QUrl> WebAddress::proxyUrlFrom(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("http://") + trimmed,
                   QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("socks5")))
        return std::nullopt;
    return url;
}
