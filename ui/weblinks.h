// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

class QWidget;

namespace WebLinks {
/// Hands @p url to the desktop's browser if it is http(s) (addresses come from the web: nothing
/// else is ever opened). Without a browser, says so in a dialog over @p parent and offers to copy
/// the address. Returns a status-bar message, empty when there is nothing to add.
QString open(QWidget *parent, const QUrl &url);
} // namespace WebLinks
