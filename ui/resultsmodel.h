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
    /// Error comes last so that saved header layouts and column numbers stay valid.
    enum Column { Blog, Status, Article, Title, FrontPageMs, ArticleMs, TotalMs, Waterfall, Error, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        /// Raw value to sort by: numbers as qint64, text as QString; invalid when missing.
        SortRole = Qt::UserRole + 1,
        /// The row's BlogResult.
        ResultRole,
        /// The waterfall's time axis, shared by every row, in milliseconds (qint64, 0 before any
        /// request finished): the latest row end that is not an outlier (see axisEndFor()), so one
        /// blog that takes 100 times longer does not squash every other row into a sliver. It never
        /// shrinks until the next reset.
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
    /// The right edge of every row's waterfall (AxisEndRole).
    qint64 axisEndMs() const { return m_axisEndMs; }
    /// The latest end offset of any request shown; above axisEndMs() when a row is an outlier.
    qint64 latestEndMs() const { return m_latestEndMs; }

    /// The axis for rows ending at @p rowEnds: the latest end within kOutlierFactor times the 75th
    /// percentile (nearest rank). Rows ending later are outliers, drawn clipped with a mark. Every
    /// end when there is no outlier; 0 for no ends. Reorders @p rowEnds.
    static qint64 axisEndFor(QList<qint64> &rowEnds);
    static constexpr qint64 kOutlierFactor = 3;
    /// No cell shows more than this many characters: a 10 MB line must not be laid out per repaint.
    static constexpr qsizetype kMaxCellChars = 2000;
    /// @p text cut to kMaxCellChars (with an ellipsis) and, for a single-line cell, on one line.
    static QString cellText(const QString &text);

private:
    QVariant displayData(const BlogResult &result, int column) const;
    QVariant sortData(const BlogResult &result, int column) const;
    QVariant toolTipData(const BlogResult &result, int column) const;
    QString waterfallToolTip(const BlogResult &result) const;
    void updateAxis();

    QList<BlogResult> m_results;
    // Kept apart until flush so data() never changes without dataChanged.
    QHash<int, BlogResult> m_pending;
    QList<quint64> m_stamps; // per row
    quint64 m_lastStamp = 0;
    qint64 m_axisEndMs = 0;
    qint64 m_latestEndMs = 0;
    QTimer m_flushTimer;
};
