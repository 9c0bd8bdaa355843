// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

/// Sorts the ResultsModel by its SortRole: numbers as numbers, and rows without a value (a
/// timing not measured yet) last in either direction. Filters by a search text (blog, article
/// and title) and by outcome.
class ResultsSortModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsSortModel)

public:
    enum class StatusFilter { All, Ok, Failed, New };
    Q_ENUM(StatusFilter)

    explicit ResultsSortModel(QObject *parent = nullptr);

    /// Keeps rows whose blog name or address, article address or title contains @p text,
    /// ignoring case; an empty text keeps every row.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_statusFilter; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    StatusFilter m_statusFilter = StatusFilter::All;
};
