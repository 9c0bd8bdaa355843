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
