// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultssortmodel.h"

#include "resultsmodel.h"

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
