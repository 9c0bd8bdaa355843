// SPDX-License-Identifier: GPL-3.0-or-later
#include "droptarget.h"

#include "types/webaddress.h"

#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>

#include <algorithm>

DropTarget::DropTarget(QObject *parent)
    : QObject(parent)
{ }

void DropTarget::watch(QObject *widget)
{
    widget->installEventFilter(this);
}

bool DropTarget::accepts(const QMimeData *mime) const
{
    if (!m_accepting || !mime || !mime->hasUrls())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(),
                       [](const QUrl &url) { return url.isLocalFile() || WebAddress::isFetchable(url); });
}

bool DropTarget::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!drag->mimeData()->hasUrls())
            break;
        if (accepts(drag->mimeData()))
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (!drop->mimeData()->hasUrls())
            break;
        if (accepts(drop->mimeData())) {
            drop->acceptProposedAction();
            QStringList files;
            QList<QUrl> links;
            for (const QUrl &url : drop->mimeData()->urls()) {
                if (url.isLocalFile())
                    files << url.toLocalFile();
                else
                    links << url;
            }
            Q_EMIT dropped(files, links);
        }
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
