// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultssortmodel.h"

#include "resultsmodel.h"
#include "scan/blogresult.h"

ResultsSortModel::ResultsSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResultsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

bool ResultsSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftMissing = !left.data(sortRole()).isValid();
    const bool rightMissing = !right.data(sortRole()).isValid();
    if (leftMissing != rightMissing) {
        // Descending order asks lessThan(right, left): answer so that the missing one ends last.
        return sortOrder() == Qt::AscendingOrder ? rightMissing : leftMissing;
    }
    if (leftMissing)
        return false; // the sort is stable: missing values keep list order
    return QSortFilterProxyModel::lessThan(left, right);
}

void ResultsSortModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateRowsFilter();
}

void ResultsSortModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    invalidateRowsFilter();
}

bool ResultsSortModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_searchText.isEmpty() && m_statusFilter == StatusFilter::All)
        return true;
    const BlogResult result
        = sourceModel()->index(sourceRow, 0, sourceParent).data(ResultsModel::ResultRole).value<BlogResult>();
    switch (m_statusFilter) {
    case StatusFilter::All:
        break;
    case StatusFilter::Ok:
        if (result.status != BlogStatus::Ok)
            return false;
        break;
    case StatusFilter::Failed:
        if (!BlogStatusText::isFailure(result.status))
            return false;
        break;
    case StatusFilter::New:
        if (!result.isNew)
            return false;
        break;
    }
    if (m_searchText.isEmpty())
        return true;
    for (const QString &text : { result.name, result.blogText(), result.blogUrl.toDisplayString(),
                                 result.articleUrl.toDisplayString(), result.title }) {
        if (text.contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
