// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

/// Decides from headers and first bytes what a response body is.
class ContentSniffer final
{
public:
    enum class Kind { Html, Feed, Other };
    static Kind classify(const QByteArray &contentType, const QByteArray &body);
};
