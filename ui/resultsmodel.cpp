// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultsmodel.h"

#include "plaintooltip.h"
#include "session/scansession.h"

#include <QColor>
#include <QFont>
#include <QLocale>

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

QString blogText(const BlogResult &result)
{
    return result.name.isEmpty() ? result.blogUrl.toDisplayString() : result.name;
}
} // namespace

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
    case AxisEndRole:
        return m_axisEndMs;
    case Qt::FontRole:
        if (result.isNew) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTipData(result, column);
    case Qt::TextAlignmentRole:
        if (isTimingColumn(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column == Status && isFailureStatus(result.status))
            return QColor(Qt::darkRed);
        return {};
    default:
        return {};
    }
}

QVariant ResultsModel::displayData(const BlogResult &result, int column) const
{
    switch (column) {
    case Blog:
        return blogText(result);
    case Status:
        // Ok either way; the row says its article was remembered, not fetched.
        return result.unchanged ? tr("Unchanged") : BlogStatusText::label(result.status);
    case Article:
        return result.articleUrl.toDisplayString();
    case Title:
        return result.title;
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
        return blogText(result);
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
    default:
        return {};
    }
}

QVariant ResultsModel::toolTipData(const BlogResult &result, int column) const
{
    // Everything here may come from the web: never let Qt guess it is rich text.
    switch (column) {
    case Blog:
        return plainTooltip(result.blogUrl.toDisplayString());
    case Status:
        if (result.unchanged) {
            return plainTooltip(tr("Not modified since the last scan (HTTP 304): the article and title are the ones "
                                   "remembered, and the article was not downloaded again."));
        }
        return plainTooltip(result.error.isEmpty() ? BlogStatusText::sentence(result.status) : result.error);
    case Article:
        if (result.isNew) {
            return plainTooltip(
                tr("%1\nNew since the last scan, which found %2")
                    .arg(result.articleUrl.toDisplayString(), result.previousArticleUrl.toDisplayString()));
        }
        return plainTooltip(result.articleUrl.toDisplayString());
    case Waterfall:
        return plainTooltip(waterfallToolTip(result));
    case Title:
        // The page's own <title> beside the headline: the user sees what the rules made of it.
        if (!result.rawTitle.isEmpty() && result.rawTitle != result.title)
            return plainTooltip(tr("%1\n\nPage title: %2").arg(result.title, result.rawTitle));
        return plainTooltip(result.title);
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
    return lines.join(QLatin1String("\n\n"));
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
                      "in their own colour, failed requests with a red end");
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
    m_axisEndMs = 0;
    m_stamps.resize(m_results.size());
    for (qsizetype row = 0; row < m_results.size(); ++row) {
        m_stamps[row] = ++m_lastStamp;
        m_axisEndMs = std::max(m_axisEndMs, m_results.at(row).endMs());
    }
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
    qint64 axisEnd = m_axisEndMs;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        axisEnd = std::max(axisEnd, it.value().endMs());
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
    if (axisEnd != m_axisEndMs) {
        // A longer axis rescales every row's bars. Only AxisEndRole changed in the other rows:
        // saying so spares the proxy re-sorting them (the sort column is not the waterfall), but
        // Qt 6.4's proxy re-filters every row of the range whatever the roles, which is why
        // ResultsSortModel caches its filter answers by row stamp.
        m_axisEndMs = axisEnd;
        Q_EMIT headerDataChanged(Qt::Horizontal, Waterfall, Waterfall);
        Q_EMIT dataChanged(index(0, Waterfall), index(rowCount() - 1, Waterfall), { AxisEndRole });
    }
}

BlogResult ResultsModel::result(int row) const
{
    return row >= 0 && row < m_results.size() ? m_results.at(row) : BlogResult();
}
