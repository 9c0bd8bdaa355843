// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesttiming.h"

QString requestKindCode(RequestKind kind)
{
    switch (kind) {
    case RequestKind::FrontPage:
        return QStringLiteral("front_page");
    case RequestKind::Feed:
        return QStringLiteral("feed");
    case RequestKind::Article:
        return QStringLiteral("article");
    }
    return {};
}
