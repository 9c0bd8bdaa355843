// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "demo/demoserver.h"
#include "io/articlehistory.h"
#include "io/bloglistreader.h"
#include "plaintooltip.h"
#include "resultsmodel.h"
#include "resultssortmodel.h"
#include "settingsdialog.h"
#include "types/webaddress.h"
#include "waterfalldelegate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QThreadPool>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace {
// The status bar follows the scan ten times a second; enough for a ticking clock.
constexpr int kProgressIntervalMs = 100;
// Problems listed in the status bar's tooltip after reading a list; the rest are counted.
constexpr int kMaxProblemsShown = 20;

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
const QString kHeaderKey = QStringLiteral("window/resultsHeader");
const QString kRecentFilesKey = QStringLiteral("recentFiles");

QString problemsTooltip(const QStringList &problems)
{
    if (problems.isEmpty())
        return {};
    QStringList shown = problems.mid(0, kMaxProblemsShown);
    if (problems.size() > kMaxProblemsShown)
        shown.append(MainWindow::tr("… and %n more", nullptr, int(problems.size() - kMaxProblemsShown)));
    return plainTooltip(shown.join(QLatin1Char('\n')));
}

// One editor line per entry: the address (the list's text when it is none) and its XPath.
QString editorLine(const BlogEntry &blog)
{
    QString line = blog.url.isValid() ? blog.url.toString() : blog.input;
    if (!blog.xpath.isEmpty())
        line += QLatin1Char('\t') + blog.xpath;
    return line;
}

// A cell copied as tab-separated text must not split its row or column.
QString tsvCell(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.remove(QLatin1Char('\r'));
    return text;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new ResultsModel(this))
    , m_sortModel(new ResultsSortModel(this))
    , m_waterfallDelegate(new WaterfallDelegate(this))
{
    m_historyWriter.setMaxThreadCount(1);
    m_listReader.setMaxThreadCount(1);
    setWindowTitle(tr("Titlewave"));
    setAcceptDrops(true);
    m_sortModel->setSourceModel(m_model);
    m_settings = AppSettings::load(QSettings());
    m_scan.setOptions(m_settings.applyTo(m_scan.options()));

    createActions();
    createMenus();
    createToolBar();
    createCentralWidget();
    createStatusBar();

    connect(&m_scan, &Scan::started, this, &MainWindow::onScanStarted);
    connect(&m_scan, &Scan::blogChanged, this, &MainWindow::onBlogChanged);
    connect(&m_scan, &Scan::finished, this, &MainWindow::onScanFinished);
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);

    // Export, retry and the row actions depend on there being rows, failures and a selection.
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);

    resize(1100, 650);
    restoreWindowState();
    m_hasRecentFiles = !recentFiles().isEmpty();
    updateRecentMenu();
    updateActions();
    updateProgress();
    m_editor->setFocus();
}

MainWindow::~MainWindow()
{
    // The scan goes before the model and the widgets: it must not call back into them.
    disconnect(&m_scan, nullptr, this, nullptr);
    m_scan.stop();
}

void MainWindow::createActions()
{
    m_importAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Import List…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence::Open);
    m_importAction->setStatusTip(tr("Read a blog list from a text, CSV or OPML file"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importList);

    m_pasteListAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-paste")), tr("&Paste List"), this);
    m_pasteListAction->setObjectName(QStringLiteral("pasteListAction"));
    m_pasteListAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_pasteListAction->setStatusTip(tr("Add the addresses on the clipboard to the list"));
    connect(m_pasteListAction, &QAction::triggered, this, &MainWindow::pasteList);

    m_exportAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Save the results as CSV or JSON"));
    connect(m_exportAction, &QAction::triggered, this, [this] { exportWithDialog(false); });

    m_exportSelectedAction = new QAction(tr("Export &Selected Rows…"), this);
    m_exportSelectedAction->setObjectName(QStringLiteral("exportSelectedAction"));
    m_exportSelectedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportSelectedAction->setStatusTip(tr("Save only the selected rows as CSV or JSON"));
    connect(m_exportSelectedAction, &QAction::triggered, this, [this] { exportWithDialog(true); });

    m_settingsAction = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("Se&ttings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    // Ctrl+, everywhere, plus whatever the platform calls Preferences.
    QList<QKeySequence> settingsKeys { QKeySequence(Qt::CTRL | Qt::Key_Comma) };
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Preferences)) {
        if (!settingsKeys.contains(key))
            settingsKeys.append(key);
    }
    m_settingsAction->setShortcuts(settingsKeys);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search the results by blog, article or title"));
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_copyAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy Rows"), this);
    m_copyAction->setObjectName(QStringLiteral("copyAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    // Only while the table has focus: Ctrl+C in the list editor copies its text.
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setStatusTip(tr("Copy the selected rows as tab-separated text"));
    connect(m_copyAction, &QAction::triggered, this, &MainWindow::copySelectedRows);

    m_startAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Start"), this);
    m_startAction->setObjectName(QStringLiteral("startAction"));
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_startAction->setStatusTip(tr("Scan every blog in the list"));
    connect(m_startAction, &QAction::triggered, this, &MainWindow::startScan);

    m_stopAction = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("S&top"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_stopAction->setStatusTip(tr("Cancel the blogs that have not finished"));
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopScan);

    m_retryFailedAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Retry Failed"), this);
    m_retryFailedAction->setObjectName(QStringLiteral("retryFailedAction"));
    m_retryFailedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retryFailedAction->setStatusTip(tr("Scan the failed blogs again, keeping the other rows"));
    connect(m_retryFailedAction, &QAction::triggered, this, &MainWindow::retryFailed);

    m_retrySelectedAction = new QAction(tr("Re&try"), this);
    m_retrySelectedAction->setObjectName(QStringLiteral("retrySelectedAction"));
    m_retrySelectedAction->setStatusTip(tr("Scan the selected blogs again"));
    connect(m_retrySelectedAction, &QAction::triggered, this, [this] { rescanRows(selectedRows()); });

    m_demoAction = new QAction(tr("Scan &Demo Blogs"), this);
    m_demoAction->setObjectName(QStringLiteral("demoAction"));
    m_demoAction->setStatusTip(tr("Scan the bundled sample blogs, served on this computer"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::runDemo);

    m_openArticleAction
        = new QAction(QIcon::fromTheme(QStringLiteral("internet-web-browser")), tr("&Open Article"), this);
    m_openArticleAction->setObjectName(QStringLiteral("openArticleAction"));
    connect(m_openArticleAction, &QAction::triggered, this,
            [this] { openWebUrl(m_model->result(currentRow()).articleUrl); });

    m_openBlogAction = new QAction(tr("Open &Blog"), this);
    m_openBlogAction->setObjectName(QStringLiteral("openBlogAction"));
    connect(m_openBlogAction, &QAction::triggered, this, [this] { openWebUrl(m_model->result(currentRow()).blogUrl); });

    m_copyUrlAction = new QAction(tr("Copy &URL"), this);
    m_copyUrlAction->setObjectName(QStringLiteral("copyUrlAction"));
    connect(m_copyUrlAction, &QAction::triggered, this, [this] {
        const BlogResult result = m_model->result(currentRow());
        copyText((result.articleUrl.isValid() ? result.articleUrl : result.blogUrl).toString());
    });

    m_copyTitleAction = new QAction(tr("Copy &Title"), this);
    m_copyTitleAction->setObjectName(QStringLiteral("copyTitleAction"));
    connect(m_copyTitleAction, &QAction::triggered, this, [this] { copyText(m_model->result(currentRow()).title); });

    m_aboutAction = new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Titlewave"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Show the shortcut in toolbar tooltips too.
    for (QAction *action : { m_importAction, m_exportAction, m_startAction, m_stopAction, m_retryFailedAction }) {
        action->setToolTip(tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                             action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    // Built as it opens, so it always lists what the settings hold.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_pasteListAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addAction(m_exportSelectedAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    edit->addAction(m_copyAction);
    edit->addAction(m_copyUrlAction);
    edit->addAction(m_copyTitleAction);

    QMenu *scan = menuBar()->addMenu(tr("&Scan"));
    scan->addAction(m_startAction);
    scan->addAction(m_stopAction);
    scan->addAction(m_retryFailedAction);
    scan->addSeparator();
    scan->addAction(m_openArticleAction);
    scan->addAction(m_openBlogAction);
    scan->addSeparator();
    scan->addAction(m_demoAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_importAction);
    toolBar->addSeparator();
    toolBar->addAction(m_startAction);
    toolBar->addAction(m_stopAction);
    toolBar->addAction(m_retryFailedAction);
    toolBar->addSeparator();
    toolBar->addAction(m_exportAction);
    toolBar->addSeparator();

    auto *label = new QLabel(tr("Max in flight:"), toolBar);
    m_maxInFlight = new QSpinBox(toolBar);
    m_maxInFlight->setObjectName(QStringLiteral("maxInFlightSpinBox"));
    m_maxInFlight->setRange(0, 100000);
    m_maxInFlight->setValue(m_settings.maxInFlight);
    m_maxInFlight->setSpecialValueText(tr("Automatic"));
    m_maxInFlight->setToolTip(tr("Blogs scanned at once; Automatic uses as many as the system allows"));
    m_maxInFlight->setAccessibleName(tr("Maximum requests in flight"));
    label->setBuddy(m_maxInFlight);
    toolBar->addWidget(label);
    toolBar->addWidget(m_maxInFlight);
    // The toolbar is a shortcut to the same setting the dialog edits, and is remembered too.
    connect(m_maxInFlight, &QSpinBox::valueChanged, this, [this](int value) {
        m_settings.maxInFlight = value;
        QSettings settings;
        m_settings.save(settings);
    });
}

void MainWindow::createCentralWidget()
{
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("blogListEditor"));
    m_editor->setAccessibleName(tr("Blog list"));
    m_editor->setAccessibleDescription(tr("One blog address per line; lines starting with # are comments"));
    m_editor->setPlaceholderText(tr("Paste blog addresses here, one per line, or drop list files and links.\n"
                                    "# Lines starting with # are comments."));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    // Files and links dropped on the editor are imported, not pasted as text.
    m_editor->viewport()->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &MainWindow::updateActions);

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
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->viewport()->installEventFilter(this);
    m_table->addAction(m_copyAction);
    m_table->verticalHeader()->hide();
    // Fixed row heights: no per-row measuring, so thousands of rows scroll smoothly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showResultsMenu);
    // activated: a double-click, or Enter on the keyboard.
    connect(m_table, &QAbstractItemView::activated, this, &MainWindow::openArticleAt);

    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicatorClearable(true); // a third click returns to list order
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &MainWindow::showHeaderMenu);
    header->setSectionResizeMode(ResultsModel::Title, QHeaderView::Stretch);
    // Fixed starting widths rather than ResizeToContents, which measures rows on every update.
    const int charWidth = m_table->fontMetrics().averageCharWidth();
    m_table->setColumnWidth(ResultsModel::Blog, 22 * charWidth);
    int statusWidth = 0;
    for (int status = int(BlogStatus::Pending); status <= int(BlogStatus::Network); ++status) {
        statusWidth = std::max(statusWidth,
                               m_table->fontMetrics().horizontalAdvance(BlogStatusText::label(BlogStatus(status))));
    }
    m_table->setColumnWidth(ResultsModel::Status, statusWidth + 2 * charWidth);
    m_table->setColumnWidth(ResultsModel::Article, 20 * charWidth);
    for (int column : { ResultsModel::FrontPageMs, ResultsModel::ArticleMs, ResultsModel::TotalMs })
        m_table->setColumnWidth(
            column,
            header->fontMetrics().horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
                + 4 * charWidth); // room for the sort indicator
    m_table->setColumnWidth(ResultsModel::Waterfall, 28 * charWidth);

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_statusFilter);
    auto *resultsPane = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsPane);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addLayout(filterRow);
    resultsLayout->addWidget(m_table);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_editor);
    splitter->addWidget(resultsPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 240, 860 });
    setCentralWidget(splitter);

    // List first, then how to narrow the results, then the results.
    setTabOrder(m_editor, m_search);
    setTabOrder(m_search, m_statusFilter);
    setTabOrder(m_statusFilter, m_table);
}

void MainWindow::createStatusBar()
{
    // Permanent widgets, so messages (list summaries) show beside them instead of hiding them.
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setAccessibleName(tr("Scan status"));
    m_progressLabel->setTextFormat(Qt::PlainText);

    m_newLabel = new QLabel(this);
    m_newLabel->setObjectName(QStringLiteral("newLabel"));
    m_newLabel->setAccessibleName(tr("New articles"));
    m_newLabel->setTextFormat(Qt::PlainText);
    m_newLabel->setToolTip(tr("Blogs whose newest article changed since the previous scan (shown in bold)"));

    m_speedLabel = new QLabel(this);
    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_speedLabel->setAccessibleName(tr("Speed-up"));
    m_speedLabel->setTextFormat(Qt::PlainText);
    m_speedLabel->setToolTip(tr("The time all requests took added up, divided by the time the scan took: how much "
                                "faster than fetching one page after another"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setAccessibleName(tr("Scan progress"));
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_newLabel);
    statusBar()->addPermanentWidget(m_speedLabel);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    // Widths, order, visibility and sorting; refused (kept as built) when the columns changed.
    m_table->horizontalHeader()->restoreState(settings.value(kHeaderKey).toByteArray());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(kSplitterKey, splitter->saveState());
    settings.setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::setBlogListText(const QString &text)
{
    m_editor->setPlainText(text);
}

QString MainWindow::blogListText() const
{
    return m_editor->toPlainText();
}

QList<BlogEntry> MainWindow::listedBlogs() const
{
    const QString text = blogListText();
    if (!m_importedBlogs.isEmpty() && text == m_importedText)
        return m_importedBlogs;
    return BlogListReader::readText(text).blogs;
}

// What Start prepares on the list reader's thread: the list read, the table's rows made, and the
// scan history read the first time. Nothing here touches a QObject.
struct MainWindow::ReadList {
    BlogListReadResult list;
    QList<BlogResult> rows;
    std::optional<ArticleHistory> history;
    std::optional<QString> historyError;
};

template<typename Work, typename Done> void MainWindow::readInBackground(quint64 generation, Work work, Done done)
{
    m_listReader.start([generation, work = std::move(work), done, window = QPointer<MainWindow>(this)] {
        auto result = work();
        // Back on the GUI thread; the window is checked there, where it can only go away between events.
        QMetaObject::invokeMethod(
            qApp,
            [window, generation, done, result = std::move(result)]() mutable {
                if (window)
                    (window.data()->*done)(generation, result);
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::startScan()
{
    if (isBusy())
        return;
    const QString text = blogListText();
    const bool importCurrent = !m_importedBlogs.isEmpty() && text == m_importedText;
    const QList<BlogEntry> imported = importCurrent ? m_importedBlogs : QList<BlogEntry>();
    const bool loadHistory = m_useHistory && !m_history;
    m_readingList = true;
    const quint64 generation = ++m_readGeneration;
    updateActions();
    readInBackground(
        generation,
        [text, importCurrent, imported, loadHistory] {
            ReadList read;
            if (importCurrent)
                read.list.blogs = imported;
            else
                read.list = BlogListReader::readText(text);
            read.rows = ResultsModel::pendingRows(read.list.blogs);
            if (loadHistory) {
                read.history.emplace();
                read.historyError = read.history->load();
            }
            return read;
        },
        &MainWindow::onListRead);
}

void MainWindow::onListRead(quint64 generation, ReadList &read)
{
    if (generation != m_readGeneration || !m_readingList)
        return; // stopped, or Start pressed again since
    m_readingList = false;
    if (read.history && m_useHistory && !m_history) {
        m_history = std::move(read.history);
        if (read.historyError)
            statusBar()->showMessage(*read.historyError);
    }
    const BlogListReadResult &list = read.list;
    statusBar()->setToolTip(problemsTooltip(list.problems));
    if (list.blogs.isEmpty()) {
        statusBar()->showMessage(tr("No blogs to scan. %1").arg(list.summary()));
        updateActions();
        return;
    }
    statusBar()->showMessage(list.summary());

    m_rowBlogs = list.blogs;
    // One reset with rows made on the worker: no per-row work here, whatever the list's length.
    m_model->resetRows(std::move(read.rows));
    QList<int> rows(list.blogs.size());
    std::iota(rows.begin(), rows.end(), 0);
    scanEntries(list.blogs, rows);
}

void MainWindow::retryFailed()
{
    QList<int> rows;
    m_model->flush();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (BlogStatusText::isFailure(m_model->result(row).status))
            rows.append(row);
    }
    if (rows.isEmpty()) {
        statusBar()->showMessage(tr("No failed blogs to retry."));
        return;
    }
    rescanRows(rows);
}

void MainWindow::rescanRows(const QList<int> &rows)
{
    if (isBusy() || rows.isEmpty())
        return;
    m_model->flush();
    QList<BlogEntry> blogs;
    QList<int> scanned;
    for (const int row : rows) {
        if (row < 0 || row >= m_rowBlogs.size() || row >= m_model->rowCount())
            continue;
        const BlogEntry &entry = m_rowBlogs.at(row);
        blogs.append(entry);
        scanned.append(row);
        // The row starts over, in place: pending until its chain reports.
        m_model->updateResult(BlogResult::pending(row, entry));
    }
    m_model->flush();
    if (!blogs.isEmpty()) {
        statusBar()->showMessage(tr("Scanning %n blog(s) again", nullptr, int(blogs.size())));
        scanEntries(blogs, scanned);
    }
}

void MainWindow::scanEntries(const QList<BlogEntry> &blogs, const QList<int> &rows)
{
    ScanOptions options = m_scan.options();
    options.fetch.maxInFlight = m_maxInFlight->value();
    // The window's own threads first: parsing uses what input, painting and the network leave.
    options.parserNice = 10;
    m_scan.setOptions(options);
    // Set before start(): a list of only invalid addresses finishes inside start().
    m_scanRows = rows;
    // The scanned rows are Pending now: what the other rows' requests took is not this scan's.
    m_model->flush();
    m_requestMsBefore = m_model->counts().requestMs;
    if (!m_useHistory) {
        m_history.reset();
    } else if (!m_history) {
        // Read once; later scans use what this window already knows (the file may still be
        // being written by the previous scan's save).
        m_history.emplace();
        if (const std::optional<QString> error = m_history->load())
            statusBar()->showMessage(*error);
    }
    if (m_history) {
        // The previous scan's validators go out with the requests (a 304 keeps the row's article).
        QList<BlogEntry> remembered = blogs;
        m_history->recall(remembered);
        m_scan.start(remembered);
        return;
    }
    m_scan.start(blogs);
}

void MainWindow::stopScan()
{
    if (m_readingList || m_importingList) {
        m_readingList = false; // the read's result will be dropped
        m_importingList = false;
        updateActions();
        return;
    }
    m_scan.stop();
}

void MainWindow::runDemo()
{
    if (isBusy())
        return;
    if (!m_demo) {
        m_demo = std::make_unique<DemoServer>();
        if (!m_demo->start()) {
            m_demo.reset();
            QMessageBox::warning(this, tr("Demo"), tr("The demo blogs could not be served on this computer."));
            return;
        }
    }
    QStringList lines;
    const QList<BlogEntry> blogs = m_demo->blogs();
    for (const BlogEntry &blog : blogs)
        lines.append(blog.url.toString());
    setBlogListText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    // Keep the demo blogs' names for the table, as an import would.
    m_importedBlogs = blogs;
    m_importedText = blogListText();
    startScan();
}

void MainWindow::importList()
{
    const QStringList recent = recentFiles();
    const QString start = recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.constFirst()).absolutePath();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Import Blog List"), start,
                                       tr("Blog lists (*.txt *.csv *.tsv *.opml *.xml);;Text files (*.txt);;"
                                          "CSV files (*.csv *.tsv);;OPML files (*.opml *.xml);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::importFile(const QString &path)
{
    importFiles({ path });
}

// What an import prepares on the list reader's thread: the files read and merged, and the
// editor's text made from them. Nothing here touches a QObject.
struct MainWindow::ImportedList {
    QStringList paths; ///< the files asked for
    QList<QUrl> thenAppend; ///< links to add once the files are in
    BlogListReadResult combined;
    QStringList readPaths; ///< the files that could be read, for the recent-files menu
    QString text;
};

void MainWindow::importFiles(const QStringList &paths, const QList<QUrl> &thenAppend)
{
    if (paths.isEmpty()) {
        if (!thenAppend.isEmpty())
            appendUrls(thenAppend);
        return;
    }
    if (isBusy())
        return;
    m_importingList = true;
    const quint64 generation = ++m_readGeneration;
    updateActions();
    readInBackground(
        generation, [paths, thenAppend] { return readListFiles(paths, thenAppend); }, &MainWindow::onListImported);
}

MainWindow::ImportedList MainWindow::readListFiles(const QStringList &paths, const QList<QUrl> &thenAppend)
{
    ImportedList imported;
    imported.paths = paths;
    imported.thenAppend = thenAppend;
    imported.combined = BlogListReader::readFiles(paths);
    const BlogListReadResult &combined = imported.combined;
    imported.readPaths = combined.sources;
    QStringList lines;
    for (const BlogEntry &blog : std::as_const(combined.blogs)) {
        if (!blog.name.isEmpty())
            lines.append(QStringLiteral("# ") + blog.name);
        lines.append(editorLine(blog));
    }
    imported.text = lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return imported;
}

void MainWindow::onListImported(quint64 generation, const ImportedList &imported)
{
    if (generation != m_readGeneration || !m_importingList)
        return; // cancelled with Stop
    m_importingList = false;
    updateActions();
    for (const QString &path : imported.readPaths)
        addRecentFile(path);
    const BlogListReadResult &combined = imported.combined;
    if (combined.blogs.isEmpty() && !combined.error.isEmpty()) {
        // Nothing readable: keep the editor as it was.
        statusBar()->setToolTip(QString());
        statusBar()->showMessage(combined.error);
    } else {
        setBlogListText(imported.text);
        m_importedBlogs = combined.blogs;
        m_importedText = blogListText();
        statusBar()->setToolTip(problemsTooltip(combined.problems));
        const QStringList &paths = imported.paths;
        const QString source = paths.size() == 1 ? QDir::toNativeSeparators(paths.constFirst())
                                                 : tr("%n file(s)", nullptr, int(paths.size()));
        statusBar()->showMessage(tr("Imported %1: %2").arg(source, combined.summary()));
    }
    // An import replaces the list; the links of the same drop are added to what it put there.
    if (!imported.thenAppend.isEmpty())
        appendUrls(imported.thenAppend);
}

void MainWindow::appendUrls(const QList<QUrl> &urls)
{
    QList<BlogEntry> added;
    int refused = 0;
    for (const QUrl &url : urls) {
        if (!WebAddress::isFetchable(url)) {
            ++refused;
            continue;
        }
        BlogEntry entry;
        entry.url = url;
        entry.input = url.toString();
        added.append(entry);
    }
    if (!added.isEmpty()) {
        // An import's names and XPaths survive links added after it.
        const bool importCurrent = !m_importedBlogs.isEmpty() && blogListText() == m_importedText;
        QString text = blogListText();
        if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char('\n');
        for (const BlogEntry &entry : std::as_const(added))
            text += editorLine(entry) + QLatin1Char('\n');
        setBlogListText(text);
        if (importCurrent) {
            m_importedBlogs += added;
            m_importedText = blogListText();
        }
    }
    QString message = tr("Added %n address(es) to the list", nullptr, int(added.size()));
    if (refused > 0)
        message += tr("; %n refused: only http and https addresses are scanned", nullptr, refused);
    statusBar()->showMessage(message);
}

void MainWindow::pasteList()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to paste."));
        return;
    }
    QString list = blogListText();
    if (!list.isEmpty() && !list.endsWith(QLatin1Char('\n')))
        list += QLatin1Char('\n');
    setBlogListText(list + text);
    m_editor->setFocus(Qt::OtherFocusReason);
    // The summary reads the pasted lines (~150 ms for 50,000): on the list reader's thread.
    const quint64 generation = ++m_pasteGeneration;
    readInBackground(
        generation, [text] { return BlogListReader::readText(text); }, &MainWindow::onPasteRead);
}

void MainWindow::onPasteRead(quint64 generation, const BlogListReadResult &read)
{
    if (generation != m_pasteGeneration)
        return; // pasted again since: that paste's summary follows
    statusBar()->setToolTip(problemsTooltip(read.problems));
    statusBar()->showMessage(tr("Pasted: %1").arg(read.summary()));
}

bool MainWindow::acceptsDrop(const QMimeData *mime) const
{
    if (!mime || !mime->hasUrls() || isBusy())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.cbegin(), urls.cend(),
                       [](const QUrl &url) { return url.isLocalFile() || WebAddress::isFetchable(url); });
}

void MainWindow::dropMime(const QMimeData *mime)
{
    QStringList files;
    QList<QUrl> links;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files << url.toLocalFile();
        else
            links << url;
    }
    // Files first: an import replaces the list, links are added to it.
    importFiles(files, links);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!acceptsDrop(event->mimeData()))
        return;
    event->acceptProposedAction();
    dropMime(event->mimeData());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The editor and the table would take a drop of links as text; the window imports them.
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!drag->mimeData()->hasUrls())
            break;
        if (acceptsDrop(drag->mimeData()))
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (!drop->mimeData()->hasUrls())
            break;
        if (acceptsDrop(drop->mimeData())) {
            drop->acceptProposedAction();
            dropMime(drop->mimeData());
        }
        return true;
    }
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentFilesKey).toStringList();
}

void MainWindow::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentFilesKey, files);
    m_hasRecentFiles = true;
    // Not rebuilt here: this may run inside one of the menu's own actions.
    updateActions();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        // &1 … &8: each entry has its own mnemonic.
        QAction *action = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace(QLatin1Char('&'), QLatin1String("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { importFile(path); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
        connect(clear, &QAction::triggered, this, [this] {
            QSettings().remove(kRecentFilesKey);
            m_hasRecentFiles = false;
            updateActions();
        });
    }
}

void MainWindow::exportWithDialog(bool selectedOnly)
{
    m_model->flush();
    if (m_model->rowCount() == 0 || (selectedOnly && selectedRows().isEmpty()))
        return;
    const QString csvFilter = tr("CSV files (*.csv)");
    const QString jsonFilter = tr("JSON files (*.json)");
    QString selectedFilter = csvFilter;
    QString path = QFileDialog::getSaveFileName(this, selectedOnly ? tr("Export Selected Rows") : tr("Export Results"),
                                                QDir::home().filePath(QStringLiteral("titlewave-results.csv")),
                                                csvFilter + QLatin1String(";;") + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    // The chosen filter decides, and the file gets its extension when the name has none.
    const ExportFormat format = selectedFilter == jsonFilter ? ExportFormat::Json
        : selectedFilter == csvFilter                        ? ExportFormat::Csv
                                                             : ResultExporter::formatForPath(path);
    if (QFileInfo(path).suffix().isEmpty())
        path += format == ExportFormat::Json ? QLatin1String(".json") : QLatin1String(".csv");
    if (const std::optional<QString> error = exportResults(path, format, selectedOnly))
        QMessageBox::warning(this, tr("Export Failed"), *error);
}

std::optional<QString> MainWindow::exportResults(const QString &path, ExportFormat format, bool selectedOnly)
{
    m_model->flush();
    QList<BlogResult> results;
    if (selectedOnly) {
        for (const int row : selectedRows())
            results.append(m_model->result(row));
    } else {
        results = m_model->results();
    }
    if (const std::optional<QString> error = ResultExporter::write(path, results, format))
        return error;
    statusBar()->showMessage(
        tr("Exported %n blog(s) to %1", nullptr, int(results.size())).arg(QDir::toNativeSeparators(path)));
    return std::nullopt;
}

int MainWindow::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_sortModel->mapToSource(current).row() : -1;
}

QList<int> MainWindow::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(m_sortModel->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void MainWindow::openWebUrl(const QUrl &url)
{
    // Addresses come from the web: only ever hand http(s) to the desktop.
    if (!WebAddress::isFetchable(url)) {
        statusBar()->showMessage(tr("Not opened: only http and https addresses are opened."));
        return;
    }
    if (!QDesktopServices::openUrl(url))
        statusBar()->showMessage(tr("Could not open %1").arg(url.toDisplayString()));
}

void MainWindow::openArticleAt(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const BlogResult result = m_model->result(m_sortModel->mapToSource(proxyIndex).row());
    if (result.articleUrl.isValid())
        openWebUrl(result.articleUrl);
}

void MainWindow::copyText(const QString &text)
{
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void MainWindow::copySelectedRows()
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

void MainWindow::showResultsMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectionModel()->setCurrentIndex(index,
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else if (index.isValid())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_openArticleAction);
    menu.addAction(m_openBlogAction);
    menu.addSeparator();
    menu.addAction(m_copyUrlAction);
    menu.addAction(m_copyTitleAction);
    menu.addAction(m_copyAction);
    menu.addSeparator();
    menu.addAction(m_retrySelectedAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void MainWindow::showHeaderMenu(const QPoint &position)
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

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    AppSettings current = m_settings;
    current.maxInFlight = m_maxInFlight->value();
    dialog.setSettings(current);
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.settings());
}

void MainWindow::applySettings(const AppSettings &settings)
{
    const bool languageChanged = settings.language != m_settings.language;
    m_settings = settings;
    QSettings stored;
    m_settings.save(stored);
    m_scan.setOptions(m_settings.applyTo(m_scan.options()));
    {
        const QSignalBlocker blocker(m_maxInFlight);
        m_maxInFlight->setValue(m_settings.maxInFlight);
    }
    if (languageChanged)
        statusBar()->showMessage(tr("The new language applies the next time Titlewave starts."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Titlewave"),
                       tr("<h3>Titlewave %1</h3>"
                          "<p>Finds the newest article and its headline for every blog in a list, all at once.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QStringLiteral(TITLEWAVE_VERSION).toHtmlEscaped()));
}

void MainWindow::onScanStarted(int blogCount)
{
    Q_UNUSED(blogCount)
    m_progressTimer.start();
    updateActions();
    updateProgress();
}

void MainWindow::onBlogChanged(const BlogResult &result)
{
    // The scan numbers its blogs 0..n-1; a retry's blogs are some of the table's rows.
    if (result.index < 0 || result.index >= m_scanRows.size())
        return;
    BlogResult row = result;
    row.index = m_scanRows.at(result.index);
    // Marked as each blog finishes, so the end of a big scan has no pass over every row.
    if (m_history && row.status == BlogStatus::Ok)
        m_history->apply(row);
    m_model->updateResult(row);
}

void MainWindow::onScanFinished()
{
    m_progressTimer.stop();
    m_model->flush();
    markNewArticles();
    updateActions();
    updateProgress();
}

void MainWindow::markNewArticles()
{
    if (!m_history)
        return;
    // Written on a worker (ten thousand blogs' JSON is no work for the GUI thread), one save at a
    // time and in order, so the newest history is the one left on disk.
    m_historyWriter.start([history = *m_history, window = QPointer<MainWindow>(this)] {
        const std::optional<QString> error = history.save();
        if (error) {
            QMetaObject::invokeMethod(
                qApp,
                [window, message = *error] {
                    if (window)
                        window->statusBar()->showMessage(message);
                },
                Qt::QueuedConnection);
        }
    });
}

void MainWindow::updateActions()
{
    const bool running = isBusy();
    const bool hasRows = m_model->rowCount() > 0;
    const bool hasSelection = m_table->selectionModel()->hasSelection();
    const BlogResult current = m_model->result(currentRow());
    const bool anyFailed = m_model->counts().failed > 0;

    m_startAction->setEnabled(!running && !m_editor->document()->isEmpty());
    m_stopAction->setEnabled(running);
    m_retryFailedAction->setEnabled(!running && anyFailed);
    m_retrySelectedAction->setEnabled(!running && hasSelection);
    m_importAction->setEnabled(!running);
    m_recentMenu->setEnabled(!running && m_hasRecentFiles);
    m_exportAction->setEnabled(!running && hasRows);
    m_exportSelectedAction->setEnabled(!running && hasSelection);
    m_demoAction->setEnabled(!running);
    m_maxInFlight->setEnabled(!running);
    m_copyAction->setEnabled(hasSelection);
    m_openArticleAction->setEnabled(WebAddress::isFetchable(current.articleUrl));
    m_openBlogAction->setEnabled(WebAddress::isFetchable(current.blogUrl));
    m_copyUrlAction->setEnabled(current.articleUrl.isValid() || current.blogUrl.isValid());
    m_copyTitleAction->setEnabled(!current.title.isEmpty());
}

void MainWindow::updateProgress()
{
    // Counted by the model as rows change, so a retry of some rows shows the whole list's state,
    // and ten times a second costs nothing however long the list.
    const ResultsModel::Counts counts = m_model->counts();
    m_progress->setMaximum(std::max(1, counts.total));
    m_progress->setValue(counts.done);
    m_newLabel->setText(counts.fresh > 0 ? tr("%n new since the last scan", nullptr, counts.fresh) : QString());
    if (counts.total == 0) {
        m_progressLabel->setText(tr("Ready"));
        m_speedLabel->clear();
        return;
    }
    const qint64 elapsedMs = m_scan.elapsedMs();
    const QString seconds = QLocale().toString(double(elapsedMs) / 1000.0, 'f', 1);
    m_progressLabel->setText(tr("%1 of %2 done, %3 failed, elapsed %4 s")
                                 .arg(counts.done)
                                 .arg(counts.total)
                                 .arg(counts.failed)
                                 .arg(seconds));

    // What fetching one page after another would have cost, against what the scan took: the
    // requests of the rows this scan scanned (the others have not changed since it started).
    const qint64 requestMs = counts.requestMs - m_requestMsBefore;
    if (elapsedMs > 0 && requestMs > 0) {
        const double speedUp = double(requestMs) / double(elapsedMs);
        m_speedLabel->setText(
            tr("≈ %1× faster than one at a time").arg(QLocale().toString(speedUp, 'f', speedUp < 10 ? 1 : 0)));
    } else {
        m_speedLabel->clear();
    }
}

void MainWindow::applyCommandLine(const CommandLineOptions &options)
{
    m_scan.setOptions(m_settings.mergedWith(options.overrides));
    {
        // A command-line value is for this session: it does not replace the saved setting.
        const QSignalBlocker blocker(m_maxInFlight);
        m_maxInFlight->setValue(m_scan.options().fetch.maxInFlight);
    }
    m_useHistory = options.useHistory;
    if (options.demo)
        runDemo();
    else if (!options.listPaths.isEmpty())
        importFiles(options.listPaths); // the desktop file's Exec=%F may name several
}
