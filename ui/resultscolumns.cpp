// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultscolumns.h"

#include "resultsmodel.h"

#include <QHeaderView>
#include <QLocale>
#include <QTableView>

#include <algorithm>

bool ResultsColumns::hiddenByDefault(int column)
{
    switch (column) {
    case ResultsModel::FrontPageMs:
    case ResultsModel::ArticleMs:
    case ResultsModel::TotalMs:
    case ResultsModel::Error:
        return true;
    default:
        return false;
    }
}

int ResultsColumns::defaultWidth(int column, const QAbstractItemModel &model, const QFontMetrics &headerMetrics,
                                 const QFontMetrics &cellMetrics)
{
    if (column == ResultsModel::Title)
        return 0;
    const int charWidth = cellMetrics.averageCharWidth();
    QString header = model.headerData(column, Qt::Horizontal).toString();
    if (column == ResultsModel::Waterfall) // with its scale as wide as it gets in practice
        header = ResultsModel::tr("Waterfall (0–%1 s)").arg(QLocale().toString(10.0, 'f', 1));
    // Room for the sort indicator and the section's margins beside the header's own text.
    const int headerWidth = headerMetrics.horizontalAdvance(header) + 4 * headerMetrics.averageCharWidth();
    int content = 0;
    switch (column) {
    case ResultsModel::Blog:
        content = 24 * charWidth; // a blog's name; the address is in its tooltip
        break;
    case ResultsModel::Status: {
        // The longest label this language has, beside its icon.
        for (int status = int(BlogStatus::Pending); status <= int(BlogStatus::Network); ++status)
            content = std::max(content, cellMetrics.horizontalAdvance(BlogStatusText::label(BlogStatus(status))));
        content = std::max({ content, cellMetrics.horizontalAdvance(BlogStatusText::label(BlogStatus::HttpError, 0)),
                             cellMetrics.horizontalAdvance(BlogStatusText::label(BlogStatus::HttpError, 503)),
                             cellMetrics.horizontalAdvance(ResultsModel::tr("Unchanged")) });
        content += cellMetrics.height() + 2 * charWidth; // the icon and the cell's margins
        break;
    }
    case ResultsModel::Article:
        content = 16 * charWidth;
        break;
    case ResultsModel::FrontPageMs:
    case ResultsModel::ArticleMs:
    case ResultsModel::TotalMs:
        content = cellMetrics.horizontalAdvance(QStringLiteral("00,000")) + 2 * charWidth;
        break;
    case ResultsModel::Waterfall:
        content = 20 * charWidth; // enough to tell a fast request from a slow one
        break;
    case ResultsModel::Error:
        content = 30 * charWidth;
        break;
    default:
        break;
    }
    return std::max(headerWidth, content);
}

void ResultsColumns::applyDefaults(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    const QAbstractItemModel &model = *view->model();
    for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
        if (column == ResultsModel::Title) {
            header->setSectionResizeMode(column, QHeaderView::Stretch);
            continue;
        }
        view->setColumnWidth(column, defaultWidth(column, model, header->fontMetrics(), view->fontMetrics()));
        header->setSectionHidden(column, hiddenByDefault(column));
    }
}
