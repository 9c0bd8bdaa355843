// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QColor>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QStyledItemDelegate>

/// Paints a row's requests as bars on the time axis every row shares (ResultsModel::AxisEndRole),
/// like a browser's network panel: front page, feed and article each in their own colour, and a
/// failed request with an error-coloured end. The axis leaves outliers out, so a request ending
/// after it is cut at the cell's end and marked with an arrow (its exact times are in the tooltip).
class WaterfallDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaterfallDelegate)

public:
    explicit WaterfallDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// One bar per request of @p result, in its timings' order, on an axis from 0 (the cell's
    /// left edge plus a margin) to @p axisEndMs (its right edge minus a margin). Bars are at
    /// least kMinBarWidth wide so instant requests stay visible. Empty without an axis or room.
    static QList<QRectF> barRects(const BlogResult &result, qint64 axisEndMs, const QRectF &cell);
    /// The error-coloured end drawn over a failed request's @p bar.
    static QRectF errorMarkRect(const QRectF &bar);
    /// True when @p timing ends after @p axisEndMs: its bar is cut at the axis's end and marked.
    static bool isClipped(const RequestTiming &timing, qint64 axisEndMs);
    /// The arrow drawn at the right end of a clipped @p bar, pointing off the axis.
    static QPolygonF clipMark(const QRectF &bar);
    static QColor color(RequestKind kind);
    static QColor errorColor();

    static constexpr qreal kMargin = 3.0;
    static constexpr qreal kMinBarWidth = 2.0;
    static constexpr qreal kErrorMarkWidth = 3.0;
    static constexpr qreal kClipMarkWidth = 6.0;
};
