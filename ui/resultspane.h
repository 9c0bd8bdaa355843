// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/resultexporter.h"
#include "types/blogresult.h"

#include <QList>
#include <QWidget>

#include <optional>

class DetailsPanel;
class QComboBox;
class QLineEdit;
class QModelIndex;
class QTableView;
class ResultsModel;
class ResultsSortModel;
class WaterfallDelegate;
struct WindowActions;

/// The results side of the window: the search field, the status filter and the table with its
/// painted waterfall, header menu (which columns show) and row menu.
class ResultsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultsPane)

public:
    ResultsPane(ResultsModel *model, const WindowActions &actions, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    ResultsSortModel *sortModel() const { return m_sortModel; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_statusFilter; }

    /// The model row of the table's current row, or -1.
    int currentRow() const;
    /// Model rows of the selected table rows, in list order.
    QList<int> selectedRows() const;
    bool hasSelection() const;
    /// The rows as the table shows them, all or the selected ones, in list order.
    QList<BlogResult> shownResults(bool selectedOnly) const;
    /// Writes shownResults() to @p path; a translated error sentence on failure.
    std::optional<QString> exportResults(const QString &path, ExportFormat format, bool selectedOnly);
    /// Asks where to export (the typed extension decides the format) and does it.
    void exportWithDialog(bool selectedOnly);

    void focusSearch();
    /// @p details shows the current row from now on, and its changes while it is scanned.
    void showCurrentIn(DetailsPanel *details);
    /// Copies the selected rows' visible cells, as the table shows them, as tab-separated text.
    void copySelectedRows();

    /// Widths, order, visibility and sorting of the columns.
    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    /// A double-click, or Enter, on model row @p row.
    void rowActivated(int row);
    /// The selection or the current row changed.
    void selectionChanged();
    /// Something to tell in the status bar.
    void message(const QString &text);

private:
    void setUpColumns();
    /// Find, Copy Rows and the actions on the current row (open and copy its addresses, its title).
    void connectRowActions();
    void showHeaderMenu(const QPoint &position);
    void showRowMenu(const QPoint &position);

    ResultsModel *m_model;
    ResultsSortModel *m_sortModel;
    WaterfallDelegate *m_waterfallDelegate;
    const WindowActions &m_actions;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QTableView *m_table = nullptr;
};
