// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultssortmodel.h"

#include "resultsmodel.h"
#include "types/blogresult.h"

ResultsSortModel::ResultsSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ResultsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void ResultsSortModel::setSourceModel(QAbstractItemModel *model)
{
    m_results = qobject_cast<ResultsModel *>(model);
    m_sortKeys.clear();
    m_filterCache.clear();
    QSortFilterProxyModel::setSourceModel(model);
}

const ResultsSortModel::SortKey &ResultsSortModel::sortKey(int row, int column) const
{
    SortKey &key = m_sortKeys[std::size_t(row)];
    const quint64 stamp = m_results->rowStamp(row);
    if (key.stamp == stamp)
        return key;
    key = SortKey();
    key.stamp = stamp;
    const QVariant value = m_results->index(row, column).data(sortRole());
    key.missing = !value.isValid();
    if (value.typeId() == QMetaType::QString)
        key.text = m_collator.sortKey(value.toString());
    else if (!key.missing)
        key.number = value.toLongLong();
    return key;
}

bool ResultsSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    Q_ASSERT(m_results); // the source is always a ResultsModel
    // Sized and switched to the column before taking references into it.
    if (left.column() != m_sortKeyColumn) {
        m_sortKeys.clear();
        m_sortKeyColumn = left.column();
    }
    if (m_sortKeys.size() < std::size_t(m_results->rowCount()))
        m_sortKeys.resize(std::size_t(m_results->rowCount()));
    const SortKey &a = sortKey(left.row(), left.column());
    const SortKey &b = sortKey(right.row(), right.column());
    if (a.missing != b.missing) {
        // Descending order asks lessThan(right, left): answer so that the missing one ends last.
        return sortOrder() == Qt::AscendingOrder ? b.missing : a.missing;
    }
    if (a.missing)
        return false; // the sort is stable: missing values keep list order
    if (a.text && b.text)
        return a.text->compare(*b.text) < 0;
    return a.number < b.number;
}

void ResultsSortModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    filterChanged();
}

void ResultsSortModel::setStatusFilter(StatusFilter filter)
{
    if (filter == m_statusFilter)
        return;
    m_statusFilter = filter;
    filterChanged();
}

void ResultsSortModel::filterChanged()
{
    ++m_filterGeneration;
    invalidateRowsFilter();
}

bool ResultsSortModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_searchText.isEmpty() && m_statusFilter == StatusFilter::All)
        return true;
    Q_UNUSED(sourceParent) // a table: every row's parent is the root
    // Every batch of results makes the proxy re-filter rows that did not change (the waterfall's
    // axis is in every row): those answers come from the cache.
    if (std::size_t(sourceRow) >= m_filterCache.size())
        m_filterCache.resize(std::size_t(m_results->rowCount()));
    FilterEntry &entry = m_filterCache[std::size_t(sourceRow)];
    const quint64 stamp = m_results->rowStamp(sourceRow);
    if (entry.stamp != stamp || entry.generation != m_filterGeneration) {
        entry.stamp = stamp;
        entry.generation = m_filterGeneration;
        entry.accepted = accepts(m_results->resultAt(sourceRow));
    }
    return entry.accepted;
}

bool ResultsSortModel::accepts(const BlogResult &result) const
{
    switch (m_statusFilter) {
    case StatusFilter::All:
        break;
    case StatusFilter::Ok:
        if (result.status != BlogStatus::Ok)
            return false;
        break;
    case StatusFilter::Failed:
        if (!isFailureStatus(result.status))
            return false;
        break;
    case StatusFilter::New:
        if (!result.isNew)
            return false;
        break;
    }
    if (m_searchText.isEmpty())
        return true;
    if (result.name.contains(m_searchText, Qt::CaseInsensitive)
        || result.siteName.contains(m_searchText, Qt::CaseInsensitive)
        || result.title.contains(m_searchText, Qt::CaseInsensitive)
        || result.blogText().contains(m_searchText, Qt::CaseInsensitive))
        return true;
    // Formatting an address costs more than searching a string: only when the text is not found yet.
    return result.blogUrl.toDisplayString().contains(m_searchText, Qt::CaseInsensitive)
        || result.articleUrl.toDisplayString().contains(m_searchText, Qt::CaseInsensitive);
}
