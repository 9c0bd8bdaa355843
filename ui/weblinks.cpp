// SPDX-License-Identifier: GPL-3.0-or-later
#include "weblinks.h"

#include "types/webaddress.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>

QString WebLinks::open(QWidget *parent, const QUrl &url)
{
    if (!WebAddress::isFetchable(url))
        return QCoreApplication::translate("WebLinks", "Not opened: only http and https addresses are opened.");
    if (QDesktopServices::openUrl(url))
        return {};
    // No browser (or no xdg-open): say so where the user looks, and offer the address instead.
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("WebLinks", "No Web Browser"),
                    QCoreApplication::translate("WebLinks",
                                                "No web browser could be opened for this address:\n%1\n\nCopy the "
                                                "address to open it elsewhere.")
                        .arg(url.toDisplayString()),
                    QMessageBox::Close, parent);
    box.setObjectName(QStringLiteral("noBrowserMessage"));
    box.setTextFormat(Qt::PlainText); // the address comes from the web
    QPushButton *copy
        = box.addButton(QCoreApplication::translate("WebLinks", "&Copy Address"), QMessageBox::AcceptRole);
    box.setDefaultButton(copy);
    box.exec();
    if (box.clickedButton() != copy)
        return {};
    QApplication::clipboard()->setText(url.toString());
    return QCoreApplication::translate("WebLinks", "Copied %1").arg(url.toDisplayString());
}
