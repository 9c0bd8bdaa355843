// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

class ResultsModel;

/// Sorts the ResultsModel by its SortRole: numbers as numbers, text in the user's locale, and rows
/// without a value (a timing not measured yet) last in either direction. Filters by a search text
/// (blog, article and title) and by outcome.
///
/// With a ResultsModel as source, what a row sorts and filters by is derived once per change of
/// the row (ResultsModel::rowStamp) and cached: a sort compares cached collation keys, and a batch
/// that touches a few rows re-filters the others from the cache.
class ResultsSortModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsSortModel)

public:
    enum class StatusFilter { All, Ok, Failed, New };
    Q_ENUM(StatusFilter)

    explicit ResultsSortModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    /// Keeps rows whose blog name or address, article address or title contains @p text,
    /// ignoring case; an empty text keeps every row.
    void setSearchText(const QString &text);
    void setStatusFilter(StatusFilter filter);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    struct SortKey {
        quint64 stamp = 0; // 0: not computed
        bool missing = true;
        qint64 number = 0;
        std::optional<QCollatorSortKey> text;
    };
    struct FilterEntry {
        quint64 stamp = 0;
        quint64 generation = 0;
        bool accepted = false;
    };

    const SortKey &sortKey(int row, int column) const;
    bool accepts(const BlogResult &result) const;
    void filterChanged();

    ResultsModel *m_results = nullptr; // the source, when it is a ResultsModel
    QString m_searchText;
    StatusFilter m_statusFilter = StatusFilter::All;
    QCollator m_collator; // the default locale's order, as QString::localeAwareCompare
    mutable std::vector<SortKey> m_sortKeys; // by source row, for m_sortKeyColumn
    mutable int m_sortKeyColumn = -1;
    mutable std::vector<FilterEntry> m_filterCache; // by source row
    quint64 m_filterGeneration = 1;
};
