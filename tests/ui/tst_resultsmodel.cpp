// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintooltip.h"
#include "resultsmodel.h"
#include "resultssortmodel.h"
#include "session/scansession.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>

namespace {
QList<BlogEntry> blogs(int count)
{
    QList<BlogEntry> list;
    for (int i = 0; i < count; ++i) {
        BlogEntry entry;
        entry.url = QUrl(QStringLiteral("https://blog%1.example/").arg(i));
        list.append(entry);
    }
    return list;
}

BlogResult finished(int index, qint64 totalMs, BlogStatus status = BlogStatus::Ok)
{
    BlogResult result;
    result.index = index;
    result.blogUrl = QUrl(QStringLiteral("https://blog%1.example/").arg(index));
    result.status = status;
    if (totalMs >= 0) {
        RequestTiming front;
        front.kind = RequestKind::FrontPage;
        front.startMs = 0;
        front.endMs = totalMs / 2;
        RequestTiming article;
        article.kind = RequestKind::Article;
        article.startMs = totalMs / 2;
        article.endMs = totalMs;
        result.timings = { front, article };
    }
    if (status == BlogStatus::Ok) {
        result.articleUrl = QUrl(QStringLiteral("https://blog%1.example/post").arg(index));
        result.title = QStringLiteral("Post %1").arg(index);
    } else {
        result.error = BlogStatusText::sentence(status);
    }
    return result;
}

QList<int> sortedTotals(const QAbstractItemModel &model)
{
    QList<int> totals;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant value = model.index(row, ResultsModel::TotalMs).data(ResultsModel::SortRole);
        totals.append(value.isValid() ? value.toInt() : -1);
    }
    return totals;
}
} // namespace

class TestResultsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysConsistentUnderTesterWhileResetAndUpdated()
    {
        ResultsModel model;
        ResultsSortModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(ResultsModel::TotalMs, Qt::DescendingOrder);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

        model.reset(blogs(50));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(proxy.rowCount(), 50);
        for (int i = 0; i < 50; i += 3)
            model.updateResult(finished(i, (i * 37) % 11 * 10));
        model.updateResult(finished(7, -1, BlogStatus::Timeout));
        model.flush();
        model.reset(blogs(10));
        model.updateResult(finished(2, 100));
        model.flush();
        model.reset({});
        QCOMPARE(proxy.rowCount(), 0);
        model.reset(blogs(5));
        QCOMPARE(proxy.rowCount(), 5);
    }

    void newRowsArePendingInListOrder()
    {
        ResultsModel model;
        QList<BlogEntry> list = blogs(2);
        list[1].name = QStringLiteral("Named Blog");
        model.reset(list);
        // A blog without a name shows its host (#14: the address is in the tooltip).
        QCOMPARE(model.index(0, ResultsModel::Blog).data().toString(), QStringLiteral("blog0.example"));
        QCOMPARE(model.index(0, ResultsModel::Blog).data(Qt::ToolTipRole).toString(),
                 plainTooltip(QStringLiteral("https://blog0.example/")));
        QCOMPARE(model.index(1, ResultsModel::Blog).data().toString(), QStringLiteral("Named Blog"));
        QCOMPARE(model.result(1).status, BlogStatus::Pending);
        QCOMPARE(model.index(0, ResultsModel::Status).data().toString(), BlogStatusText::label(BlogStatus::Pending));
        QCOMPARE(model.index(0, ResultsModel::TotalMs).data().toString(), QString());
        QVERIFY(!model.index(0, ResultsModel::TotalMs).data(ResultsModel::SortRole).isValid());
    }

    void showsResultsAfterFlush()
    {
        ResultsModel model;
        model.reset(blogs(3));
        model.updateResult(finished(1, 1234));
        // Nothing changes under the view's feet until the flush.
        QCOMPARE(model.result(1).status, BlogStatus::Pending);
        QVERIFY(model.hasPendingUpdates());
        model.flush();
        QVERIFY(!model.hasPendingUpdates());
        QCOMPARE(model.result(1).status, BlogStatus::Ok);
        QCOMPARE(model.index(1, ResultsModel::Title).data().toString(), QStringLiteral("Post 1"));
        QCOMPARE(model.index(1, ResultsModel::Article).data().toString(), QStringLiteral("https://blog1.example/post"));
        QCOMPARE(model.index(1, ResultsModel::TotalMs).data(ResultsModel::SortRole).toLongLong(), 1234);
        QCOMPARE(model.index(1, ResultsModel::FrontPageMs).data(ResultsModel::SortRole).toLongLong(), 617);
        QCOMPARE(model.index(1, ResultsModel::ArticleMs).data(ResultsModel::SortRole).toLongLong(), 617);
        QCOMPARE(model.index(1, ResultsModel::TotalMs).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        const auto fromRole = model.index(1, ResultsModel::Title).data(ResultsModel::ResultRole).value<BlogResult>();
        QCOMPARE(fromRole.title, QStringLiteral("Post 1"));
        QCOMPARE(model.results().size(), 3);
    }

    void ignoresResultsForRowsItDoesNotHave()
    {
        ResultsModel model;
        model.reset(blogs(2));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateResult(finished(2, 10));
        model.updateResult(finished(-1, 10));
        model.flush();
        QCOMPARE(changed.count(), 0);
    }

    void dropsUnflushedUpdatesOnReset()
    {
        ResultsModel model;
        model.reset(blogs(2));
        model.updateResult(finished(0, 10));
        model.reset(blogs(2));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.flush();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.result(0).status, BlogStatus::Pending);
    }

    void sortsTimingsAsNumbersWithMissingLast()
    {
        ResultsModel model;
        ResultsSortModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reset(blogs(5));
        // As text, "1000" < "200" < "30" < "5".
        model.updateResult(finished(0, 30));
        model.updateResult(finished(1, 1000));
        model.updateResult(finished(3, 5));
        model.updateResult(finished(4, 200));
        model.flush();

        proxy.sort(ResultsModel::TotalMs, Qt::AscendingOrder);
        QCOMPARE(sortedTotals(proxy), (QList<int> { 5, 30, 200, 1000, -1 }));
        proxy.sort(ResultsModel::TotalMs, Qt::DescendingOrder);
        QCOMPARE(sortedTotals(proxy), (QList<int> { 1000, 200, 30, 5, -1 }));

        // Stays sorted as results arrive.
        model.updateResult(finished(2, 500));
        model.flush();
        QCOMPARE(sortedTotals(proxy), (QList<int> { 1000, 500, 200, 30, 5 }));
    }

    void batchesManyUpdatesIntoFewSignals()
    {
        ResultsModel model;
        model.reset(blogs(1000));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 1000; ++i)
            model.updateResult(finished(i, i));
        QCOMPARE(changed.count(), 0);
        model.flush();
        // One run of rows, and the waterfall column of every row for the longer time axis.
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(999, ResultsModel::ColumnCount - 1));
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), model.index(0, ResultsModel::Waterfall));
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), model.index(999, ResultsModel::Waterfall));
        QCOMPARE(changed.at(1).at(2).value<QList<int>>(), QList<int> { ResultsModel::AxisEndRole });

        // Three separate runs of rows, each updated many times: three signals.
        changed.clear();
        for (int round = 0; round < 10; ++round) {
            for (int i = 100; i < 200; ++i)
                model.updateResult(finished(i, round));
            for (int i = 500; i < 510; ++i)
                model.updateResult(finished(i, round));
            model.updateResult(finished(999, round));
        }
        model.flush();
        QCOMPARE(changed.count(), 3);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 500);
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 509);
    }

    void flushesByItselfSoon()
    {
        ResultsModel model;
        model.reset(blogs(10));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int i = 0; i < 10; ++i)
            model.updateResult(finished(i, 10));
        QVERIFY(changed.wait(1000));
        QCOMPARE(changed.count(), 2); // one flush: the rows, and the waterfall's new axis
        QCOMPARE(changed.at(1).at(2).value<QList<int>>(), QList<int> { ResultsModel::AxisEndRole });
        QCOMPARE(model.result(9).status, BlogStatus::Ok);
    }

    void escapesTooltips()
    {
        const QString hostile = QStringLiteral("<img src=x onerror=alert(1)> & <b>bold</b>");
        const QString tip = plainTooltip(hostile);
        QVERIFY(!tip.contains(QStringLiteral("<img")));
        QVERIFY(!tip.contains(QStringLiteral("<b>")));
        QVERIFY(tip.contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")));
        QTextDocument rendered;
        rendered.setHtml(tip);
        QCOMPARE(rendered.toPlainText(), hostile);
        QCOMPARE(plainTooltip(QString()), QString());

        ResultsModel model;
        model.reset(blogs(1));
        BlogResult result = finished(0, 10);
        result.title = hostile;
        model.updateResult(result);
        model.flush();
        QCOMPARE(model.index(0, ResultsModel::Title).data().toString(), hostile);
        QCOMPARE(model.index(0, ResultsModel::Title).data(Qt::ToolTipRole).toString(), tip);
    }

    void marksFailuresInStatusColumn()
    {
        ResultsModel model;
        model.reset(blogs(2));
        model.updateResult(finished(0, 10));
        model.updateResult(finished(1, -1, BlogStatus::Dns));
        model.flush();
        QVERIFY(!model.index(0, ResultsModel::Status).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(1, ResultsModel::Status).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::darkRed));
        QCOMPARE(model.index(1, ResultsModel::Status).data().toString(), BlogStatusText::label(BlogStatus::Dns));
        QVERIFY(model.index(1, ResultsModel::Status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(BlogStatusText::sentence(BlogStatus::Dns).toHtmlEscaped()));
        QCOMPARE(model.index(1, ResultsModel::TotalMs).data().toString(), QString());
    }

    void marksUnchangedRowsInStatusColumn()
    {
        ResultsModel model;
        model.reset(blogs(1));
        BlogResult unchanged = finished(0, 10);
        unchanged.unchanged = true;
        unchanged.foundVia = QStringLiteral("unchanged");
        model.updateResult(unchanged);
        model.flush();
        const QModelIndex status = model.index(0, ResultsModel::Status);
        QCOMPARE(status.data().toString(), QStringLiteral("Unchanged"));
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("304")));
        QVERIFY(!status.data(Qt::ForegroundRole).isValid()); // ok, not a failure
    }

    void filtersBySearchTextAndStatusUnderTester()
    {
        ResultsModel model;
        ResultsSortModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reset(blogs(6));
        model.updateResult(finished(0, 100));
        model.updateResult(finished(1, 300));
        model.updateResult(finished(2, -1, BlogStatus::Dns));
        BlogResult fresh = finished(3, 200);
        fresh.title = QStringLiteral("Lichen Season");
        fresh.isNew = true;
        fresh.previousArticleUrl = QUrl(QStringLiteral("https://blog3.example/older"));
        model.updateResult(fresh);
        model.updateResult(finished(4, -1, BlogStatus::Timeout));
        model.flush(); // row 5 stays pending: neither OK nor failed

        const auto rows = [&proxy] {
            QList<int> list;
            for (int row = 0; row < proxy.rowCount(); ++row)
                list << proxy.mapToSource(proxy.index(row, 0)).row();
            return list;
        };
        QCOMPARE(rows(), (QList<int> { 0, 1, 2, 3, 4, 5 }));
        proxy.setStatusFilter(ResultsSortModel::StatusFilter::Ok);
        QCOMPARE(rows(), (QList<int> { 0, 1, 3 }));
        proxy.setStatusFilter(ResultsSortModel::StatusFilter::Failed);
        QCOMPARE(rows(), (QList<int> { 2, 4 }));
        proxy.setStatusFilter(ResultsSortModel::StatusFilter::New);
        QCOMPARE(rows(), (QList<int> { 3 }));

        proxy.setStatusFilter(ResultsSortModel::StatusFilter::All);
        proxy.setSearchText(QStringLiteral("  lichen ")); // title, ignoring case and spaces
        QCOMPARE(rows(), (QList<int> { 3 }));
        proxy.setSearchText(QStringLiteral("blog1.example/post")); // article address
        QCOMPARE(rows(), (QList<int> { 1 }));
        proxy.setSearchText(QStringLiteral("BLOG5")); // blog address
        QCOMPARE(rows(), (QList<int> { 5 }));

        // Filter and sort together; a row that stops matching leaves as its result arrives.
        proxy.setSearchText(QString());
        proxy.setStatusFilter(ResultsSortModel::StatusFilter::Ok);
        proxy.sort(ResultsModel::TotalMs, Qt::DescendingOrder);
        QCOMPARE(rows(), (QList<int> { 1, 3, 0 }));
        model.updateResult(finished(1, -1, BlogStatus::Cancelled));
        model.updateResult(finished(5, 250));
        model.flush();
        QCOMPARE(rows(), (QList<int> { 5, 3, 0 }));
    }

    void sharesOneWaterfallAxisAcrossRows()
    {
        ResultsModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reset(blogs(3));
        QCOMPARE(model.headerData(ResultsModel::Waterfall, Qt::Horizontal).toString(), QStringLiteral("Waterfall"));
        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        model.updateResult(finished(0, 400));
        model.updateResult(finished(1, 1240));
        model.flush();
        QCOMPARE(model.axisEndMs(), 1240);
        QCOMPARE(header.count(), 1);
        QCOMPARE(model.headerData(ResultsModel::Waterfall, Qt::Horizontal).toString(),
                 QStringLiteral("Waterfall (0–1.2 s)"));
        // Every row carries the same axis, so every row's bars are drawn to one scale.
        for (int row = 0; row < 3; ++row)
            QCOMPARE(model.index(row, ResultsModel::Waterfall).data(ResultsModel::AxisEndRole).toLongLong(), 1240);
        // A shorter result leaves the axis alone.
        model.updateResult(finished(2, 100));
        model.flush();
        QCOMPARE(model.axisEndMs(), 1240);
        QCOMPARE(header.count(), 1);
        // The waterfall sorts by when the blog's first request left.
        QCOMPARE(model.index(0, ResultsModel::Waterfall).data(ResultsModel::SortRole).toLongLong(), 0);
        model.reset(blogs(1));
        QCOMPARE(model.axisEndMs(), 0);
    }

    void waterfallTooltipListsEachRequestAsPlainText()
    {
        ResultsModel model;
        model.reset(blogs(1));
        BlogResult result = finished(0, 300);
        result.timings[0].url = QUrl(QStringLiteral("https://blog0.example/a"));
        result.timings[1].error = QStringLiteral("Timed out <script>");
        model.updateResult(result);
        model.flush();
        const QString tip = model.index(0, ResultsModel::Waterfall).data(Qt::ToolTipRole).toString();
        QTextDocument document;
        document.setHtml(tip);
        const QString text = document.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Front page: https://blog0.example/a")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("starts at 0 ms, takes 150 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Article: ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("starts at 150 ms, takes 150 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Timed out <script>")), qPrintable(text));
    }

    void pendingRowsMadeAheadShowAsAReset()
    {
        QList<BlogEntry> list = blogs(3);
        list[2].name = QStringLiteral("Named");
        ResultsModel made;
        made.resetRows(ScanSession::pendingRows(list));
        ResultsModel reset;
        reset.reset(list);
        QCOMPARE(made.rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < ResultsModel::ColumnCount; ++column)
                QCOMPARE(made.index(row, column).data(), reset.index(row, column).data());
            QCOMPARE(made.result(row).index, row);
        }
    }

    void resortsAndRefiltersRowsAsTheyChange()
    {
        ResultsModel model;
        ResultsSortModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reset(blogs(4));
        const auto titles = [&proxy] {
            QStringList list;
            for (int row = 0; row < proxy.rowCount(); ++row)
                list << proxy.index(row, ResultsModel::Title).data().toString();
            return list;
        };
        const auto titled = [](int index, const QString &title) {
            BlogResult result = finished(index, 100);
            result.title = title;
            return result;
        };
        model.updateResult(titled(0, QStringLiteral("banana")));
        model.updateResult(titled(1, QStringLiteral("Apple")));
        model.updateResult(titled(2, QStringLiteral("cherry")));
        model.flush();
        proxy.sort(ResultsModel::Title, Qt::AscendingOrder);
        // In the locale's order (not by character code), the untitled row last.
        QCOMPARE(
            titles(),
            (QStringList { QStringLiteral("Apple"), QStringLiteral("banana"), QStringLiteral("cherry"), QString() }));
        // A row's new title moves it, although its old sort key was already known.
        model.updateResult(titled(1, QStringLiteral("damson")));
        model.updateResult(titled(3, QStringLiteral("almond")));
        model.flush();
        QCOMPARE(titles(),
                 (QStringList { QStringLiteral("almond"), QStringLiteral("banana"), QStringLiteral("cherry"),
                                QStringLiteral("damson") }));
        proxy.sort(ResultsModel::Title, Qt::DescendingOrder);
        QCOMPARE(titles(),
                 (QStringList { QStringLiteral("damson"), QStringLiteral("cherry"), QStringLiteral("banana"),
                                QStringLiteral("almond") }));

        // The filter answers again for a row that changed, and keeps its answers for the others.
        proxy.setSearchText(QStringLiteral("AN"));
        QCOMPARE(titles(), (QStringList { QStringLiteral("banana") }));
        model.updateResult(titled(2, QStringLiteral("orange")));
        model.flush();
        QCOMPARE(titles(), (QStringList { QStringLiteral("orange"), QStringLiteral("banana") }));
        model.updateResult(titled(0, QStringLiteral("fig")));
        model.flush();
        QCOMPARE(titles(), (QStringList { QStringLiteral("orange") }));
        model.reset(blogs(2));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setSearchText(QString());
        QCOMPARE(proxy.rowCount(), 2);
    }

    void namesBlogsByListThenSiteThenAddress()
    {
        ResultsModel model;
        QList<BlogEntry> list = blogs(4);
        list[0].name = QStringLiteral("From the list");
        list[2].url = QUrl(QStringLiteral("http://blog2.example:8080/notes/?lang=fr"));
        list[3].url = QUrl();
        list[3].input = QStringLiteral("http://[::1 a line that is no address");
        model.reset(list);
        BlogResult named = model.result(0);
        named.siteName = QStringLiteral("The Site's Own Name");
        named.status = BlogStatus::Ok;
        model.updateResult(named);
        BlogResult site = model.result(1);
        site.siteName = QStringLiteral("The Site's Own Name");
        site.status = BlogStatus::Ok;
        model.updateResult(site);
        model.flush();
        const auto cell = [&model](int row) { return model.index(row, ResultsModel::Blog).data().toString(); };
        QCOMPARE(cell(0), QStringLiteral("From the list"));
        QCOMPARE(cell(1), QStringLiteral("The Site's Own Name"));
        QCOMPARE(cell(2), QStringLiteral("blog2.example:8080/notes?lang=fr"));
        // A refused line keeps its own text, so the user can tell which line it was.
        QCOMPARE(cell(3), QStringLiteral("http://[::1 a line that is no address"));
        QCOMPARE(model.index(3, ResultsModel::Blog).data(Qt::ToolTipRole).toString(),
                 plainTooltip(QStringLiteral("http://[::1 a line that is no address")));
        QCOMPARE(model.index(1, ResultsModel::Blog).data(Qt::ToolTipRole).toString(),
                 plainTooltip(QStringLiteral("https://blog1.example/")));
        QCOMPARE(model.index(1, ResultsModel::Blog).data(ResultsModel::SortRole).toString(), cell(1));
    }

    void explainsFailuresInTheTitleCellAndTheErrorColumn()
    {
        ResultsModel model;
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reset(blogs(4));
        BlogResult notFound = finished(0, 20, BlogStatus::HttpError);
        notFound.httpStatus = 404;
        notFound.error = QStringLiteral("The server answered 404 Not Found.\nSecond line");
        model.updateResult(notFound);
        BlogResult serverError = finished(1, 20, BlogStatus::HttpError);
        serverError.httpStatus = 503;
        model.updateResult(serverError);
        BlogResult loop = finished(2, 20, BlogStatus::HttpError);
        loop.httpStatus = 301;
        model.updateResult(loop);
        model.updateResult(finished(3, 20));
        model.flush();

        const auto data
            = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(data(0, ResultsModel::Status).toString(), QStringLiteral("HTTP 404"));
        QCOMPARE(data(1, ResultsModel::Status).toString(), QStringLiteral("HTTP 503"));
        QCOMPARE(data(2, ResultsModel::Status).toString(), QStringLiteral("Redirect loop"));
        QCOMPARE(data(3, ResultsModel::Status).toString(), QStringLiteral("OK"));
        for (int row = 0; row < 4; ++row)
            QVERIFY(!data(row, ResultsModel::Status, Qt::DecorationRole).value<QIcon>().isNull());

        // The reason on one line, muted and italic, where the headline would be.
        QCOMPARE(data(0, ResultsModel::Title).toString(),
                 QStringLiteral("The server answered 404 Not Found. Second line"));
        QVERIFY(data(0, ResultsModel::Title, Qt::FontRole).value<QFont>().italic());
        QVERIFY(data(0, ResultsModel::Title, Qt::ForegroundRole).isValid());
        QCOMPARE(data(0, ResultsModel::Error).toString(), data(0, ResultsModel::Title).toString());
        QVERIFY(data(0, ResultsModel::Error, Qt::ToolTipRole).toString().contains(QStringLiteral("Second line")));
        // Sorting by title keeps the failures together at the end (no title).
        QVERIFY(!data(0, ResultsModel::Title, ResultsModel::SortRole).isValid());
        // An ok row: the headline, upright, no error.
        QCOMPARE(data(3, ResultsModel::Title).toString(), QStringLiteral("Post 3"));
        QVERIFY(!data(3, ResultsModel::Title, Qt::FontRole).isValid());
        QCOMPARE(data(3, ResultsModel::Error).toString(), QString());
        QCOMPARE(model.headerData(ResultsModel::Error, Qt::Horizontal).toString(), QStringLiteral("Error"));
    }

    void noCellCarriesMegabytes()
    {
        ResultsModel model;
        QList<BlogEntry> list = blogs(2);
        list[1].url = QUrl();
        list[1].input = QStringLiteral("http://") + QString(10 * 1024 * 1024, QLatin1Char('x'));
        model.reset(list);
        BlogResult result = finished(0, 10);
        result.title = QString(5 * 1024 * 1024, QLatin1Char('t'));
        result.rawTitle = QString(5 * 1024 * 1024, QLatin1Char('r'));
        result.error = QString(1024 * 1024, QLatin1Char('e'));
        result.status = BlogStatus::NoTitle;
        model.updateResult(result);
        model.flush();
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
                for (const int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole) }) {
                    const QString text = model.index(row, column).data(role).toString();
                    // An escaped tooltip may grow by its markup, never by megabytes.
                    QVERIFY2(text.size() <= 4 * ResultsModel::kMaxCellChars,
                             qPrintable(QStringLiteral("row %1 column %2 role %3: %4 characters")
                                            .arg(row)
                                            .arg(column)
                                            .arg(role)
                                            .arg(text.size())));
                }
            }
        }
        QCOMPARE(model.index(0, ResultsModel::Title).data().toString().size(), ResultsModel::kMaxCellChars + 1);
        QVERIFY(model.index(1, ResultsModel::Blog).data().toString().startsWith(QStringLiteral("http://xxx")));
    }

    void showsCancelledRowsApartFromFailures()
    {
        ResultsModel model;
        model.reset(blogs(3));
        model.updateResult(finished(0, 10));
        model.updateResult(finished(1, 10, BlogStatus::Cancelled));
        model.updateResult(finished(2, 10, BlogStatus::Timeout));
        model.flush();
        // (The counts live in ScanSession: tst_scansession counts cancelled blogs apart.)
        QVERIFY(!model.index(1, ResultsModel::Status).data(Qt::ForegroundRole).isValid()); // not in failure red
    }

    void waterfallAxisLeavesOutliersOut()
    {
        // Ten healthy blogs of 100 to 1,000 ms and one that took 100 times longer.
        ResultsModel model;
        model.reset(blogs(11));
        for (int i = 0; i < 10; ++i)
            model.updateResult(finished(i, 100 * (i + 1)));
        model.updateResult(finished(10, 100000, BlogStatus::Timeout));
        model.flush();
        QCOMPARE(model.latestEndMs(), 100000);
        QCOMPARE(model.axisEndMs(), 1000); // the healthy rows fill the axis
        QCOMPARE(model.index(0, ResultsModel::Waterfall).data(ResultsModel::AxisEndRole).toLongLong(), 1000);
        QCOMPARE(model.headerData(ResultsModel::Waterfall, Qt::Horizontal).toString(),
                 QStringLiteral("Waterfall (0–%1 s)").arg(QLocale().toString(1.0, 'f', 1)));
        // The outlier's exact times stay in its tooltip.
        QVERIFY(model.index(10, ResultsModel::Waterfall)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("takes %1 ms").arg(QLocale().toString(50000))));

        // Spread rows without an outlier keep the whole range.
        QList<qint64> spread { 100, 900, 2000, 2500 };
        QCOMPARE(ResultsModel::axisEndFor(spread), 2500);
        QList<qint64> none;
        QCOMPARE(ResultsModel::axisEndFor(none), 0);
        QList<qint64> one { 15000 };
        QCOMPARE(ResultsModel::axisEndFor(one), 15000);
        QList<qint64> withOutlier { 200, 300, 400, 15000 };
        QCOMPARE(ResultsModel::axisEndFor(withOutlier), 400);
    }

    void showsNewRowsInBold()
    {
        ResultsModel model;
        model.reset(blogs(2));
        BlogResult fresh = finished(1, 10);
        fresh.isNew = true;
        model.updateResult(fresh);
        model.updateResult(finished(0, 10));
        model.flush();
        QVERIFY(!model.index(0, ResultsModel::Title).data(Qt::FontRole).value<QFont>().bold());
        for (int column = 0; column < ResultsModel::ColumnCount; ++column)
            QVERIFY(model.index(1, column).data(Qt::FontRole).value<QFont>().bold());
    }
};

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
