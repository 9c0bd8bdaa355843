// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultsmodel.h"

#include "plaintooltip.h"
#include "session/scansession.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <algorithm>

namespace {
// At most ~25 view updates a second, however fast results arrive.
constexpr int kFlushIntervalMs = 40;

qint64 timingMs(const BlogResult &result, int column)
{
    switch (column) {
    case ResultsModel::FrontPageMs:
        return result.durationMs(RequestKind::FrontPage);
    case ResultsModel::ArticleMs:
        return result.durationMs(RequestKind::Article);
    case ResultsModel::TotalMs:
        return result.totalMs();
    default:
        return -1;
    }
}

bool isTimingColumn(int column)
{
    return column == ResultsModel::FrontPageMs || column == ResultsModel::ArticleMs || column == ResultsModel::TotalMs;
}

QString requestKindLabel(RequestKind kind)
{
    switch (kind) {
    case RequestKind::FrontPage:
        return ResultsModel::tr("Front page");
    case RequestKind::Feed:
        return ResultsModel::tr("Feed");
    case RequestKind::Article:
        return ResultsModel::tr("Article");
    }
    return {};
}

// "1.2" seconds for the axis label; two decimals below a second, where one would say "0.0".
QString axisSeconds(qint64 ms)
{
    return QLocale().toString(double(ms) / 1000.0, 'f', ms < 1000 ? 2 : 1);
}

// A tooltip may span lines but, like a cell, never carries megabytes.
QString tipText(const QString &text)
{
    if (text.size() <= ResultsModel::kMaxCellChars)
        return text;
    return text.left(ResultsModel::kMaxCellChars) + QChar(0x2026);
}

// Why a finished row has no title: its error sentence, else its status's.
QString reason(const BlogResult &result)
{
    if (result.status == BlogStatus::Ok || !isFinalStatus(result.status))
        return {};
    return result.error.isEmpty() ? BlogStatusText::sentence(result.status) : result.error;
}

// A failed row's title cell says why, in the muted italic of a placeholder.
bool showsReasonAsTitle(const BlogResult &result)
{
    return result.title.isEmpty() && !reason(result).isEmpty();
}

// A dot in the status's colour: the word says it, the colour finds it in a long list.
QIcon statusIcon(BlogStatus status)
{
    enum Kind { Waiting, Working, Done, Failed, Stopped, KindCount };
    static QIcon icons[KindCount];
    const Kind kind = status == BlogStatus::Pending ? Waiting
        : status == BlogStatus::Running             ? Working
        : status == BlogStatus::Ok                  ? Done
        : status == BlogStatus::Cancelled           ? Stopped
                                                    : Failed;
    if (icons[kind].isNull()) {
        static const QColor colors[KindCount]
            = { QColor(0xa0, 0xa0, 0xa0), QColor(0x3d, 0x7e, 0xd6), QColor(0x2e, 0x9e, 0x50), QColor(0xd0, 0x2f, 0x2f),
                QColor(0x80, 0x80, 0x80) };
        for (const int size : { 12, 16, 24 }) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            const QRectF dot = QRectF(pixmap.rect()).adjusted(size / 6.0, size / 6.0, -size / 6.0, -size / 6.0);
            if (kind == Waiting || kind == Stopped) {
                painter.setPen(QPen(colors[kind], size / 8.0));
                painter.setBrush(Qt::NoBrush);
            } else {
                painter.setPen(Qt::NoPen);
                painter.setBrush(colors[kind]);
            }
            painter.drawEllipse(dot);
            painter.end();
            icons[kind].addPixmap(pixmap);
        }
    }
    return icons[kind];
}
} // namespace

QString ResultsModel::cellText(const QString &text)
{
    QString cell = text.size() > kMaxCellChars ? text.left(kMaxCellChars) + QChar(0x2026) : text;
    for (QChar &c : cell) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    return cell;
}

qint64 ResultsModel::axisEndFor(QList<qint64> &rowEnds)
{
    if (rowEnds.isEmpty())
        return 0;
    // The 75th percentile by nearest rank: with one outlier among four rows it is still a healthy row.
    const qsizetype rank = std::max<qsizetype>(0, (rowEnds.size() * 3 + 3) / 4 - 1);
    std::nth_element(rowEnds.begin(), rowEnds.begin() + rank, rowEnds.end());
    const qint64 fence = std::max<qint64>(1, rowEnds.at(rank)) * kOutlierFactor;
    qint64 axis = 0;
    for (const qint64 end : std::as_const(rowEnds)) {
        if (end <= fence)
            axis = std::max(axis, end);
    }
    return axis;
}

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &ResultsModel::flush);
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BlogResult &result = m_results.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(result, column);
    case SortRole:
        return sortData(result, column);
    case ResultRole:
        return QVariant::fromValue(result);
    case Qt::DecorationRole:
        if (column == Status)
            return statusIcon(result.status);
        return {};
    case AxisEndRole:
        return m_axisEndMs;
    case Qt::FontRole: {
        const bool italic = column == Title && showsReasonAsTitle(result);
        if (!result.isNew && !italic)
            return {};
        QFont font;
        font.setBold(result.isNew);
        font.setItalic(italic);
        return font;
    }
    case Qt::ToolTipRole:
        return toolTipData(result, column);
    case Qt::TextAlignmentRole:
        if (isTimingColumn(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column == Status && isFailureStatus(result.status))
            return QColor(Qt::darkRed);
        if (column == Title && showsReasonAsTitle(result))
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    default:
        return {};
    }
}

QVariant ResultsModel::displayData(const BlogResult &result, int column) const
{
    switch (column) {
    case Blog:
        return cellText(result.displayName());
    case Status:
        // Ok either way; the row says its article was remembered, not fetched.
        return result.unchanged ? tr("Unchanged") : BlogStatusText::label(result.status, result.httpStatus);
    case Article:
        return cellText(result.articleUrl.toDisplayString());
    case Title:
        return cellText(showsReasonAsTitle(result) ? reason(result) : result.title);
    case Error:
        return cellText(reason(result));
    case FrontPageMs:
    case ArticleMs:
    case TotalMs: {
        const qint64 ms = timingMs(result, column);
        return ms < 0 ? QString() : QLocale().toString(ms);
    }
    default:
        return {};
    }
}

QVariant ResultsModel::sortData(const BlogResult &result, int column) const
{
    switch (column) {
    case Blog:
        return result.displayName();
    case Status:
        return int(result.status); // groups rows by outcome, in the enum's order
    case Article:
        return result.articleUrl.isEmpty() ? QVariant() : QVariant(result.articleUrl.toDisplayString());
    case Title:
        return result.title.isEmpty() ? QVariant() : QVariant(result.title);
    case FrontPageMs:
    case ArticleMs:
    case TotalMs: {
        const qint64 ms = timingMs(result, column);
        return ms < 0 ? QVariant() : QVariant(ms);
    }
    case Waterfall: // like a network panel: by when the blog's first request left
        return result.timings.isEmpty() ? QVariant() : QVariant(result.startMs());
    case Error: {
        const QString text = reason(result);
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    default:
        return {};
    }
}

QVariant ResultsModel::toolTipData(const BlogResult &result, int column) const
{
    // Everything here may come from the web: never let Qt guess it is rich text.
    switch (column) {
    case Blog: // the name in the cell, the address (or the refused line) here
        return plainTooltip(tipText(result.blogText()));
    case Status:
        if (result.unchanged) {
            return plainTooltip(tr("Not modified since the last scan (HTTP 304): the article and title are the ones "
                                   "remembered, and the article was not downloaded again."));
        }
        return plainTooltip(tipText(result.error.isEmpty() ? BlogStatusText::sentence(result.status) : result.error));
    case Error:
        return plainTooltip(tipText(reason(result)));
    case Article:
        if (result.isNew) {
            return plainTooltip(
                tipText(tr("%1\nNew since the last scan, which found %2")
                            .arg(result.articleUrl.toDisplayString(), result.previousArticleUrl.toDisplayString())));
        }
        return plainTooltip(tipText(result.articleUrl.toDisplayString()));
    case Waterfall:
        return plainTooltip(waterfallToolTip(result));
    case Title:
        // The page's own <title> beside the headline: the user sees what the rules made of it.
        if (showsReasonAsTitle(result))
            return plainTooltip(tipText(reason(result)));
        if (!result.rawTitle.isEmpty() && result.rawTitle != result.title)
            return plainTooltip(tipText(tr("%1\n\nPage title: %2").arg(result.title, result.rawTitle)));
        return plainTooltip(tipText(result.title));
    default:
        return {};
    }
}

QString ResultsModel::waterfallToolTip(const BlogResult &result) const
{
    QStringList lines;
    for (const RequestTiming &timing : result.timings) {
        QString line = tr("%1: %2\nstarts at %3 ms, takes %4 ms")
                           .arg(requestKindLabel(timing.kind), timing.url.toDisplayString(),
                                QLocale().toString(timing.startMs), QLocale().toString(timing.durationMs()));
        if (timing.httpStatus > 0)
            line += tr(", HTTP %1").arg(timing.httpStatus);
        if (!timing.error.isEmpty())
            line += QLatin1Char('\n') + timing.error;
        lines << line;
    }
    return tipText(lines.join(QLatin1String("\n\n")));
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole && isTimingColumn(section))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case FrontPageMs:
            return tr("Time to download the blog's front page, in milliseconds");
        case ArticleMs:
            return tr("Time to download the newest article, in milliseconds");
        case TotalMs:
            return tr("From the blog's first request to its last answer, in milliseconds");
        case Waterfall:
            return tr("Every request on one time axis from the scan's start: front page, feed and article each "
                      "in their own colour, failed requests with a red end. A request that ends far later than "
                      "the others runs off the axis's end, marked with an arrow; hover a row for exact times");
        case Error:
            return tr("Why a blog failed, as a sentence");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Blog:
        return tr("Blog");
    case Status:
        return tr("Status");
    case Article:
        return tr("Newest article");
    case Title:
        return tr("Title");
    case FrontPageMs:
        return tr("Front page ms");
    case ArticleMs:
        return tr("Article ms");
    case TotalMs:
        return tr("Total ms");
    case Waterfall:
        if (m_axisEndMs <= 0)
            return tr("Waterfall");
        return tr("Waterfall (0–%1 s)").arg(axisSeconds(m_axisEndMs));
    case Error:
        return tr("Error");
    default:
        return {};
    }
}

void ResultsModel::reset(const QList<BlogEntry> &blogs)
{
    resetRows(ScanSession::pendingRows(blogs));
}

void ResultsModel::resetRows(QList<BlogResult> rows)
{
    beginResetModel();
    m_flushTimer.stop();
    m_pending.clear();
    m_results = std::move(rows);
    m_stamps.resize(m_results.size());
    for (qsizetype row = 0; row < m_results.size(); ++row) {
        m_stamps[row] = ++m_lastStamp;
    }
    m_axisEndMs = 0;
    m_latestEndMs = 0;
    updateAxis();
    endResetModel();
}

void ResultsModel::updateResult(const BlogResult &result)
{
    if (result.index < 0 || result.index >= m_results.size())
        return;
    m_pending.insert(result.index, result);
    // Started once, not restarted per update: a steady stream still flushes every interval.
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ResultsModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    QList<int> rows;
    rows.reserve(m_pending.size());
    const qint64 axisBefore = m_axisEndMs;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        m_results[it.key()] = std::move(it.value());
        m_stamps[it.key()] = ++m_lastStamp;
        rows.append(it.key());
    }
    m_pending.clear();
    std::sort(rows.begin(), rows.end());

    qsizetype first = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) == rows.at(i - 1) + 1)
            continue;
        Q_EMIT dataChanged(index(rows.at(first), 0), index(rows.at(i - 1), ColumnCount - 1));
        first = i;
    }
    updateAxis();
    if (axisBefore != m_axisEndMs) {
        // A new axis rescales every row's bars. Only AxisEndRole changed in the other rows:
        // saying so spares the proxy re-sorting them (the sort column is not the waterfall), but
        // Qt 6.4's proxy re-filters every row of the range whatever the roles, which is why
        // ResultsSortModel caches its filter answers by row stamp.
        Q_EMIT headerDataChanged(Qt::Horizontal, Waterfall, Waterfall);
        Q_EMIT dataChanged(index(0, Waterfall), index(rowCount() - 1, Waterfall), { AxisEndRole });
    }
}

void ResultsModel::updateAxis()
{
    // One pass over the rows per flush (at most ~25 a second): linear, like the flush itself.
    QList<qint64> ends;
    ends.reserve(m_results.size());
    m_latestEndMs = 0;
    for (const BlogResult &result : std::as_const(m_results)) {
        if (result.timings.isEmpty())
            continue;
        ends.append(result.endMs());
        m_latestEndMs = std::max(m_latestEndMs, ends.constLast());
    }
    // Never shorter until the next reset: rows report in the order they end, so the outliers come
    // last, and a retried row (measured from the retry's start) does not rescale the others.
    m_axisEndMs = std::max(m_axisEndMs, axisEndFor(ends));
}

BlogResult ResultsModel::result(int row) const
{
    return row >= 0 && row < m_results.size() ? m_results.at(row) : BlogResult();
}
