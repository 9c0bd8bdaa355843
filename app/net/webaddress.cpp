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

QString WebAddress::blogKey(const QUrl &url)
{
    QUrl key = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
    key.setHost(key.host().toLower());
    QString text = key.toString(QUrl::FullyEncoded);
    // QUrl keeps the root path's slash, but "https://a.example" and "https://a.example/" are one blog.
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}
