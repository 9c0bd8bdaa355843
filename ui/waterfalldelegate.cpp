// SPDX-License-Identifier: GPL-3.0-or-later
#include "waterfalldelegate.h"

#include "resultsmodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <algorithm>

WaterfallDelegate::WaterfallDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QList<QRectF> WaterfallDelegate::barRects(const BlogResult &result, qint64 axisEndMs, const QRectF &cell)
{
    QList<QRectF> bars;
    const qreal usable = cell.width() - 2 * kMargin;
    if (axisEndMs <= 0 || usable <= 0 || result.timings.isEmpty())
        return bars;
    const qreal scale = usable / qreal(axisEndMs);
    // Half the row's height, centred: room above and below keeps rows apart.
    const qreal height = std::max<qreal>(2.0, cell.height() / 2);
    const qreal top = cell.center().y() - height / 2;
    const qreal left = cell.left() + kMargin;
    const qreal right = cell.right() - kMargin;
    bars.reserve(result.timings.size());
    for (const RequestTiming &timing : result.timings) {
        const qint64 start = std::clamp<qint64>(timing.startMs, 0, axisEndMs);
        const qint64 end = std::clamp<qint64>(timing.endMs, start, axisEndMs);
        qreal x = left + qreal(start) * scale;
        // A clipped request, however late it started, is wide enough for its arrow.
        const qreal minWidth = isClipped(timing, axisEndMs) ? kClipMarkWidth : kMinBarWidth;
        const qreal width = std::max(minWidth, qreal(end - start) * scale);
        x = std::min(x, right - width); // a minimum-width bar at the axis end stays inside
        bars.append(QRectF(x, top, width, height));
    }
    return bars;
}

QRectF WaterfallDelegate::errorMarkRect(const QRectF &bar)
{
    const qreal width = std::min(kErrorMarkWidth, bar.width());
    return QRectF(bar.right() - width, bar.top(), width, bar.height());
}

bool WaterfallDelegate::isClipped(const RequestTiming &timing, qint64 axisEndMs)
{
    return axisEndMs > 0 && timing.endMs > axisEndMs;
}

QPolygonF WaterfallDelegate::clipMark(const QRectF &bar)
{
    // A right-pointing arrowhead filling the bar's last kClipMarkWidth pixels (all of a short bar).
    const qreal width = std::min(kClipMarkWidth, bar.width());
    const qreal left = bar.right() - width;
    return QPolygonF(
        { QPointF(left, bar.top() - 2), QPointF(bar.right(), bar.center().y()), QPointF(left, bar.bottom() + 2) });
}

QColor WaterfallDelegate::color(RequestKind kind)
{
    switch (kind) {
    case RequestKind::FrontPage:
        return QColor(0x3d, 0x7e, 0xd6); // blue
    case RequestKind::Feed:
        return QColor(0xe0, 0x9a, 0x2b); // amber
    case RequestKind::Article:
        return QColor(0x3a, 0xa6, 0x5c); // green
    }
    return Qt::gray;
}

QColor WaterfallDelegate::errorColor()
{
    return QColor(0xd0, 0x2f, 0x2f);
}

void WaterfallDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background, selection and focus as any other cell; the bars go on top.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const BlogResult result = index.data(ResultsModel::ResultRole).value<BlogResult>();
    const qint64 axisEndMs = index.data(ResultsModel::AxisEndRole).toLongLong();
    const QList<QRectF> bars = barRects(result, axisEndMs, option.rect);
    if (bars.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    for (qsizetype i = 0; i < bars.size(); ++i) {
        const RequestTiming &timing = result.timings.at(i);
        painter->setBrush(color(timing.kind));
        painter->drawRect(bars.at(i));
        if (!timing.error.isEmpty()) {
            painter->setBrush(errorColor());
            painter->drawRect(errorMarkRect(bars.at(i)));
        }
        if (isClipped(timing, axisEndMs)) {
            // An arrow in the text's colour: this request goes on beyond the axis.
            painter->setBrush(option.palette.color(QPalette::Text));
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->drawPolygon(clipMark(bars.at(i)));
            painter->setRenderHint(QPainter::Antialiasing, false);
        }
    }
    painter->restore();
}

QSize WaterfallDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Wide enough to tell a fast request from a slow one.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 20 * option.fontMetrics.averageCharWidth()));
    return size;
}
