// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogentry.h"
#include "types/blogresult.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

/// One row per blog of the scanned list, in list order. Updates from the scan are collected and
/// applied at most ~25 times a second, one dataChanged per contiguous run of changed rows, so a
/// scan of thousands of blogs keeps the view smooth.
class ResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsModel)

public:
    enum Column { Blog, Status, Article, Title, FrontPageMs, ArticleMs, TotalMs, Waterfall, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        /// Raw value to sort by: numbers as qint64, text as QString; invalid when missing.
        SortRole = Qt::UserRole + 1,
        /// The row's BlogResult.
        ResultRole,
        /// The waterfall's time axis, shared by every row: the latest request end of the scan in
        /// milliseconds (qint64, 0 before any request finished).
        AxisEndRole,
    };

    explicit ResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every row with @p blogs, all Pending. Drops updates not yet flushed.
    void reset(const QList<BlogEntry> &blogs);
    /// Replaces every row with @p rows (row i must have index i). Drops updates not yet flushed.
    void resetRows(QList<BlogResult> rows);
    /// Records @p result for row result.index; the view hears of it at the next flush.
    /// Results whose index is not a row are ignored.
    void updateResult(const BlogResult &result);
    /// Applies the recorded updates now, one dataChanged per contiguous run of rows.
    void flush();
    bool hasPendingUpdates() const { return !m_pending.isEmpty(); }

    /// The row's result as the view shows it (updates not yet flushed are not included).
    BlogResult result(int row) const;
    /// The same without a copy; @p row must be a row.
    const BlogResult &resultAt(int row) const { return m_results.at(row); }
    QList<BlogResult> results() const { return m_results; }
    /// A number that changes whenever the row's result does and is never reused, across resets
    /// too: a proxy may cache what it derives from a row under it.
    quint64 rowStamp(int row) const { return m_stamps.at(row); }
    /// The latest end offset of any request shown, the right edge of every row's waterfall.
    qint64 axisEndMs() const { return m_axisEndMs; }

private:
    QVariant displayData(const BlogResult &result, int column) const;
    QVariant sortData(const BlogResult &result, int column) const;
    QVariant toolTipData(const BlogResult &result, int column) const;
    QString waterfallToolTip(const BlogResult &result) const;

    QList<BlogResult> m_results;
    // Kept apart until flush so data() never changes without dataChanged.
    QHash<int, BlogResult> m_pending;
    QList<quint64> m_stamps; // per row
    quint64 m_lastStamp = 0;
    qint64 m_axisEndMs = 0;
    QTimer m_flushTimer;
};
