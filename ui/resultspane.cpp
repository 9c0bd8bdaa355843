// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultspane.h"

#include "detailspanel.h"
#include "resultscolumns.h"
#include "resultsmodel.h"
#include "resultssortmodel.h"
#include "types/blogstatus.h"
#include "waterfalldelegate.h"
#include "weblinks.h"
#include "windowactions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// A cell copied as tab-separated text must not split its row or column.
QString tsvCell(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.remove(QLatin1Char('\r'));
    return text;
}
// An address shows its start and its end ("http://blog…/2026/why-we-roast.html"): the end tells
// articles apart, the start tells whose they are.
class MiddleElidingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};
} // namespace

ResultsPane::ResultsPane(ResultsModel *model, const WindowActions &actions, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_sortModel(new ResultsSortModel(this))
    , m_waterfallDelegate(new WaterfallDelegate(this))
    , m_actions(actions)
{
    m_sortModel->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setAccessibleName(tr("Search results"));
    m_search->setPlaceholderText(tr("Search blogs, articles and titles (%1)")
                                     .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_sortModel, &ResultsSortModel::setSearchText);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(QStringLiteral("statusFilterCombo"));
    m_statusFilter->setAccessibleName(tr("Show results"));
    m_statusFilter->addItem(tr("All"), int(ResultsSortModel::StatusFilter::All));
    m_statusFilter->addItem(tr("OK"), int(ResultsSortModel::StatusFilter::Ok));
    m_statusFilter->addItem(tr("Failed"), int(ResultsSortModel::StatusFilter::Failed));
    m_statusFilter->addItem(tr("New"), int(ResultsSortModel::StatusFilter::New));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_sortModel->setStatusFilter(ResultsSortModel::StatusFilter(m_statusFilter->currentData().toInt()));
    });
    auto *filterLabel = new QLabel(tr("S&how:"), this);
    filterLabel->setBuddy(m_statusFilter);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resultsView"));
    m_table->setAccessibleName(tr("Results"));
    m_table->setModel(m_sortModel);
    m_table->setItemDelegateForColumn(ResultsModel::Waterfall, m_waterfallDelegate);
    m_table->setItemDelegateForColumn(ResultsModel::Article, new MiddleElidingDelegate(this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->addAction(m_actions.copyRows);
    m_table->verticalHeader()->hide();
    // Fixed row heights: no per-row measuring, so thousands of rows scroll smoothly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    connect(m_table, &QWidget::customContextMenuRequested, this, &ResultsPane::showRowMenu);
    // activated: a double-click, or Enter on the keyboard.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT rowActivated(m_sortModel->mapToSource(index).row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ResultsPane::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &ResultsPane::selectionChanged);
    setUpColumns();
    connectRowActions();

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_statusFilter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filterRow);
    layout->addWidget(m_table);
    setTabOrder(m_search, m_statusFilter);
    setTabOrder(m_statusFilter, m_table);
}

void ResultsPane::setUpColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicatorClearable(true); // a third click returns to list order
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &ResultsPane::showHeaderMenu);
    // Around the headline: Title stretches, the rest start as narrow as their text (measured in
    // this language) allows; fixed widths rather than ResizeToContents, which measures every update.
    ResultsColumns::applyDefaults(m_table);
}

int ResultsPane::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_sortModel->mapToSource(current).row() : -1;
}

QList<int> ResultsPane::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(m_sortModel->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool ResultsPane::hasSelection() const
{
    return m_table->selectionModel()->hasSelection();
}

QList<BlogResult> ResultsPane::shownResults(bool selectedOnly) const
{
    // What the table shows, which is the session's rows once the last changes are in.
    m_model->flush();
    if (!selectedOnly)
        return m_model->results();
    QList<BlogResult> results;
    for (const int row : selectedRows())
        results.append(m_model->result(row));
    return results;
}

void ResultsPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ResultsPane::copySelectedRows()
{
    m_model->flush();
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column) && column != ResultsModel::Waterfall)
            columns.append(column);
    }
    // In the order the table shows them, which is what the user selected from.
    QModelIndexList selected = m_table->selectionModel()->selectedRows();
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(selected)) {
        QStringList cells;
        for (const int column : std::as_const(columns))
            cells << tsvCell(m_sortModel->index(index.row(), column).data().toString());
        lines << cells.join(QLatin1Char('\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

QByteArray ResultsPane::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void ResultsPane::restoreHeaderState(const QByteArray &state)
{
    // Refused (kept as built) when the columns changed.
    m_table->horizontalHeader()->restoreState(state);
}

void ResultsPane::showRowMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectionModel()->setCurrentIndex(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else if (index.isValid())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    Q_EMIT selectionChanged(); // the actions follow the row the menu is for
    QMenu menu(this);
    menu.addAction(m_actions.openArticle);
    menu.addAction(m_actions.openBlog);
    menu.addSeparator();
    menu.addAction(m_actions.copyUrl);
    menu.addAction(m_actions.copyTitle);
    menu.addAction(m_actions.copyRows);
    menu.addSeparator();
    menu.addAction(m_actions.retrySelected);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void ResultsPane::showHeaderMenu(const QPoint &position)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
    const int visibleCount = header->count() - header->hiddenSectionCount();
    for (int column = 0; column < ResultsModel::ColumnCount; ++column) {
        QString title = m_model->headerData(column, Qt::Horizontal).toString();
        if (column == ResultsModel::Waterfall)
            title = tr("Waterfall"); // without the changing scale
        QAction *action = menu.addAction(title);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column stays: a table without columns cannot be brought back.
        action->setEnabled(header->isSectionHidden(column) || visibleCount > 1);
        connect(action, &QAction::toggled, header,
                [header, column](bool visible) { header->setSectionHidden(column, !visible); });
    }
    menu.exec(header->mapToGlobal(position));
}

void ResultsPane::exportWithDialog(bool selectedOnly)
{
    if (m_model->rowCount() == 0 || (selectedOnly && !hasSelection()))
        return;
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON files (*.json)");
    const QString atomFilter = tr("Atom feeds (*.atom)");
    QString selectedFilter = csvFilter;
    const QString path = QFileDialog::getSaveFileName(
        this, selectedOnly ? tr("Export Selected Rows") : tr("Export Results"),
        QDir::home().filePath(QStringLiteral("titlewave-results.csv")),
        QStringList { csvFilter, jsonFilter, atomFilter }.join(QLatin1String(";;")), &selectedFilter);
    if (path.isEmpty())
        return;
    // The typed name's extension decides; the chosen file type only fills in a missing one.
    const ExportFormat filterFormat = selectedFilter == jsonFilter ? ExportFormat::Json
        : selectedFilter == atomFilter                             ? ExportFormat::Atom
                                                                   : ExportFormat::Csv;
    const ResultExporter::Target target = ResultExporter::targetFor(path, filterFormat);
    if (const std::optional<QString> error = exportResults(target.path, target.format, selectedOnly))
        QMessageBox::warning(this, tr("Export Failed"), *error);
}

std::optional<QString> ResultsPane::exportResults(const QString &path, ExportFormat format, bool selectedOnly)
{
    const QList<BlogResult> results = shownResults(selectedOnly);
    if (const std::optional<QString> error = ResultExporter::write(path, results, format))
        return error;
    Q_EMIT message(tr("Exported %n blog(s) to %1", nullptr, int(results.size())).arg(QDir::toNativeSeparators(path)));
    return std::nullopt;
}

void ResultsPane::connectRowActions()
{
    const WindowActions &a = m_actions;
    connect(a.find, &QAction::triggered, this, &ResultsPane::focusSearch);
    connect(a.copyRows, &QAction::triggered, this, &ResultsPane::copySelectedRows);
    const auto current = [this] { return m_model->result(currentRow()); };
    const auto open = [this](const QUrl &url) {
        if (const QString text = WebLinks::open(this, url); !text.isEmpty())
            Q_EMIT message(text);
    };
    connect(a.openArticle, &QAction::triggered, this, [current, open] { open(current().articleUrl); });
    connect(a.openBlog, &QAction::triggered, this, [current, open] { open(current().blogUrl); });
    connect(this, &ResultsPane::rowActivated, this, [this, open](int row) {
        if (const QUrl article = m_model->result(row).articleUrl; article.isValid())
            open(article);
    });
    const auto copy = [](const QString &text) {
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    };
    connect(a.copyUrl, &QAction::triggered, this, [current, copy] {
        const BlogResult result = current();
        copy((result.articleUrl.isValid() ? result.articleUrl : result.blogUrl).toString());
    });
    connect(a.copyTitle, &QAction::triggered, this, [current, copy] { copy(current().title); });
}

void ResultsPane::showCurrentIn(DetailsPanel *details)
{
    const auto show = [this, details] {
        const int row = currentRow();
        if (row < 0)
            details->clearResult();
        else
            details->setResult(m_model->result(row));
    };
    connect(this, &ResultsPane::selectionChanged, details, show);
    connect(m_model, &QAbstractItemModel::modelReset, details, show);
    connect(m_model, &QAbstractItemModel::dataChanged, details,
            [this, show](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                const int row = currentRow();
                if (row >= topLeft.row() && row <= bottomRight.row() && !roles.contains(ResultsModel::AxisEndRole))
                    show();
            });
}
