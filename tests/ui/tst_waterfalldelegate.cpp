// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultsmodel.h"
#include "waterfalldelegate.h"

#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

namespace {
RequestTiming timing(RequestKind kind, qint64 startMs, qint64 endMs, const QString &error = {})
{
    RequestTiming t;
    t.kind = kind;
    t.startMs = startMs;
    t.endMs = endMs;
    t.error = error;
    return t;
}

constexpr qreal kMargin = WaterfallDelegate::kMargin;
} // namespace

class TestWaterfallDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placesBarsOnTheSharedAxis()
    {
        BlogResult result;
        result.timings = { timing(RequestKind::FrontPage, 100, 300), timing(RequestKind::Feed, 300, 400),
                           timing(RequestKind::Article, 500, 1000) };
        // 1000 ms over a 200 px usable width: 5 ms per pixel.
        const QRectF cell(50, 20, 200 + 2 * kMargin, 24);
        const QList<QRectF> bars = WaterfallDelegate::barRects(result, 1000, cell);
        QCOMPARE(bars.size(), 3);
        const qreal left = 50 + kMargin;
        QCOMPARE(bars.at(0).left(), left + 20);
        QCOMPARE(bars.at(0).width(), 40.0);
        QCOMPARE(bars.at(1).left(), left + 60);
        QCOMPARE(bars.at(1).width(), 20.0);
        QCOMPARE(bars.at(2).left(), left + 100);
        QCOMPARE(bars.at(2).right(), left + 200);
        for (const QRectF &bar : bars) {
            QCOMPARE(bar.height(), 12.0); // half the row, centred
            QCOMPARE(bar.center().y(), cell.center().y());
        }
    }

    void scalesEveryRowByTheSameAxis()
    {
        // The same request on a longer axis (another row finished later) is drawn shorter.
        BlogResult result;
        result.timings = { timing(RequestKind::FrontPage, 0, 500) };
        const QRectF cell(0, 0, 100 + 2 * kMargin, 20);
        QCOMPARE(WaterfallDelegate::barRects(result, 500, cell).at(0).width(), 100.0);
        QCOMPARE(WaterfallDelegate::barRects(result, 2000, cell).at(0).width(), 25.0);
    }

    void keepsTinyAndLateBarsVisibleInsideTheCell()
    {
        BlogResult result;
        result.timings = { timing(RequestKind::FrontPage, 0, 0), timing(RequestKind::Article, 1000, 1000),
                           timing(RequestKind::Feed, -5, 5000) };
        const QRectF cell(10, 0, 100 + 2 * kMargin, 20);
        const QList<QRectF> bars = WaterfallDelegate::barRects(result, 1000, cell);
        QCOMPARE(bars.size(), 3);
        QCOMPARE(bars.at(0).width(), WaterfallDelegate::kMinBarWidth);
        QCOMPARE(bars.at(1).width(), WaterfallDelegate::kMinBarWidth);
        for (const QRectF &bar : bars) {
            QVERIFY(bar.left() >= cell.left() + kMargin);
            QVERIFY(bar.right() <= cell.right() - kMargin + 0.001);
        }
        QCOMPARE(bars.at(2).width(), 100.0); // clamped to the axis
    }

    void drawsNothingWithoutAnAxisOrRequests()
    {
        BlogResult result;
        QVERIFY(WaterfallDelegate::barRects(result, 1000, QRectF(0, 0, 100, 20)).isEmpty());
        result.timings = { timing(RequestKind::FrontPage, 0, 10) };
        QVERIFY(WaterfallDelegate::barRects(result, 0, QRectF(0, 0, 100, 20)).isEmpty());
        QVERIFY(WaterfallDelegate::barRects(result, 1000, QRectF(0, 0, 2, 20)).isEmpty());
    }

    void marksTheEndOfAFailedRequest()
    {
        const QRectF bar(10, 5, 40, 10);
        const QRectF mark = WaterfallDelegate::errorMarkRect(bar);
        QCOMPARE(mark.right(), bar.right());
        QCOMPARE(mark.width(), WaterfallDelegate::kErrorMarkWidth);
        QCOMPARE(mark.height(), bar.height());
        QCOMPARE(WaterfallDelegate::errorMarkRect(QRectF(0, 0, 1, 10)).width(), 1.0);
        QVERIFY(WaterfallDelegate::color(RequestKind::FrontPage) != WaterfallDelegate::color(RequestKind::Feed));
        QVERIFY(WaterfallDelegate::color(RequestKind::Feed) != WaterfallDelegate::color(RequestKind::Article));
        QVERIFY(WaterfallDelegate::errorColor() != WaterfallDelegate::color(RequestKind::Article));
    }

    void healthyRowsStayReadableBesideAnOutlier()
    {
        // Ten blogs of 200-650 ms and one request that takes 100 times longer (a 60 s timeout).
        ResultsModel model;
        QList<BlogEntry> entries;
        for (int i = 0; i < 11; ++i) {
            BlogEntry entry;
            entry.url = QUrl(QStringLiteral("https://blog%1.example/").arg(i));
            entries.append(entry);
        }
        model.reset(entries);
        for (int i = 0; i < 11; ++i) {
            BlogResult result;
            result.index = i;
            result.blogUrl = entries.at(i).url;
            result.status = i == 10 ? BlogStatus::Timeout : BlogStatus::Ok;
            const qint64 end = i == 10 ? 60000 : 200 + 50 * i;
            result.timings
                = { timing(RequestKind::FrontPage, 0, end / 2),
                    timing(RequestKind::Article, end / 2, end, i == 10 ? QStringLiteral("timed out") : QString()) };
            model.updateResult(result);
        }
        model.flush();
        const qint64 axis = model.index(0, ResultsModel::Waterfall).data(ResultsModel::AxisEndRole).toLongLong();
        QCOMPARE(axis, 650);

        // In a 200 px cell every healthy row's bars span at least 60 px, not the 2-3 px a 0-60 s axis
        // would leave them; the slowest healthy row fills the cell.
        const QRectF cell(0, 0, 200 + 2 * kMargin, 20);
        for (int row = 0; row < 10; ++row) {
            const BlogResult result = model.result(row);
            const QList<QRectF> bars = WaterfallDelegate::barRects(result, axis, cell);
            QVERIFY2(bars.constLast().right() - bars.constFirst().left() >= 60, qPrintable(QString::number(row)));
            for (const RequestTiming &t : result.timings)
                QVERIFY(!WaterfallDelegate::isClipped(t, axis));
        }
        QCOMPARE(WaterfallDelegate::barRects(model.result(9), axis, cell).constLast().right(), cell.right() - kMargin);
        // The outlier runs to the end of the cell, clipped and marked with an arrow there.
        const BlogResult outlier = model.result(10);
        const QList<QRectF> bars = WaterfallDelegate::barRects(outlier, axis, cell);
        QCOMPARE(bars.constLast().right(), cell.right() - kMargin);
        QVERIFY(WaterfallDelegate::isClipped(outlier.timings.at(0), axis));
        QVERIFY(WaterfallDelegate::isClipped(outlier.timings.at(1), axis));
        const QPolygonF arrow = WaterfallDelegate::clipMark(bars.constLast());
        QCOMPARE(arrow.boundingRect().right(), bars.constLast().right());
        QCOMPARE(arrow.boundingRect().width(), WaterfallDelegate::kClipMarkWidth);

        // Painted: the arrow's tip is in the text colour at the cell's right end.
        QTableView view;
        view.setModel(&model);
        WaterfallDelegate delegate;
        QImage image(int(cell.width()), 20, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.widget = &view;
        option.palette.setColor(QPalette::Base, Qt::white);
        option.palette.setColor(QPalette::Text, Qt::black);
        delegate.paint(&painter, option, model.index(10, ResultsModel::Waterfall));
        painter.end();
        const QColor nearTip(image.pixel(int(cell.right() - kMargin - 3), image.height() / 2));
        QVERIFY2(nearTip.lightness() < 60, qPrintable(nearTip.name()));
    }

    void paintsTheBarsInTheirColours()
    {
        ResultsModel model;
        BlogEntry entry;
        entry.url = QUrl(QStringLiteral("https://a.example/"));
        model.reset({ entry });
        BlogResult result;
        result.index = 0;
        result.blogUrl = entry.url;
        result.status = BlogStatus::Timeout;
        result.timings
            = { timing(RequestKind::FrontPage, 0, 500), timing(RequestKind::Article, 500, 1000, QStringLiteral("x")) };
        model.updateResult(result);
        model.flush();

        QTableView view; // gives the delegate a widget and a style
        view.setModel(&model);
        WaterfallDelegate delegate;
        QImage image(206, 20, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.widget = &view;
        option.palette.setColor(QPalette::Base, Qt::white);
        delegate.paint(&painter, option, model.index(0, ResultsModel::Waterfall));
        painter.end();
        const int middle = image.height() / 2;
        QCOMPARE(QColor(image.pixel(50, middle)), WaterfallDelegate::color(RequestKind::FrontPage));
        QCOMPARE(QColor(image.pixel(150, middle)), WaterfallDelegate::color(RequestKind::Article));
        QCOMPARE(QColor(image.pixel(201, middle)), WaterfallDelegate::errorColor());
        QCOMPARE(QColor(image.pixel(50, 1)).rgb(), image.pixel(0, 1)); // nothing painted above the bar
    }
};

QTEST_MAIN(TestWaterfallDelegate)
#include "tst_waterfalldelegate.moc"
