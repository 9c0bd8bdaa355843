// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "demo/demoserver.h"
#include "io/bloglistreader.h"
#include "io/resultexporter.h"
#include "plaintooltip.h"
#include "resultsmodel.h"
#include "resultssortmodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include <algorithm>

namespace {
// The status bar follows the scan ten times a second; enough for a ticking clock.
constexpr int kProgressIntervalMs = 100;
// Problems listed in the status bar's tooltip after reading a list; the rest are counted.
constexpr int kMaxProblemsShown = 20;

QString problemsTooltip(const QStringList &problems)
{
    if (problems.isEmpty())
        return {};
    QStringList shown = problems.mid(0, kMaxProblemsShown);
    if (problems.size() > kMaxProblemsShown)
        shown.append(MainWindow::tr("… and %n more", nullptr, int(problems.size() - kMaxProblemsShown)));
    return plainTooltip(shown.join(QLatin1Char('\n')));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new ResultsModel(this))
    , m_sortModel(new ResultsSortModel(this))
{
    setWindowTitle(tr("Titlewave"));
    m_sortModel->setSourceModel(m_model);

    createActions();
    createMenus();
    createToolBar();
    createCentralWidget();
    createStatusBar();

    connect(&m_scan, &Scan::started, this, &MainWindow::onScanStarted);
    connect(&m_scan, &Scan::blogChanged, m_model, &ResultsModel::updateResult);
    connect(&m_scan, &Scan::finished, this, &MainWindow::onScanFinished);
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);

    // Export depends on there being rows.
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);

    updateActions();
    updateProgress();
    resize(1100, 650);
    m_editor->setFocus();
}

MainWindow::~MainWindow()
{
    // The scan goes before the model and the widgets: it must not call back into them.
    disconnect(&m_scan, nullptr, this, nullptr);
    disconnect(&m_scan, nullptr, m_model, nullptr);
    m_scan.stop();
}

void MainWindow::createActions()
{
    m_importAction = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Import List…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence::Open);
    m_importAction->setStatusTip(tr("Read a blog list from a text, CSV or OPML file"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::importList);

    m_exportAction = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export CSV…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Save the results as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportCsv);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

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

    m_demoAction = new QAction(tr("Scan &Demo Blogs"), this);
    m_demoAction->setObjectName(QStringLiteral("demoAction"));
    m_demoAction->setStatusTip(tr("Scan the bundled sample blogs, served on this computer"));
    connect(m_demoAction, &QAction::triggered, this, &MainWindow::runDemo);

    m_aboutAction = new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Titlewave"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Show the shortcut in toolbar tooltips too.
    for (QAction *action : { m_importAction, m_exportAction, m_startAction, m_stopAction }) {
        action->setToolTip(tr("%1 (%2)").arg(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                             action->shortcut().toString(QKeySequence::NativeText)));
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *scan = menuBar()->addMenu(tr("&Scan"));
    scan->addAction(m_startAction);
    scan->addAction(m_stopAction);
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
    toolBar->addSeparator();
    toolBar->addAction(m_exportAction);
    toolBar->addSeparator();

    auto *label = new QLabel(tr("Max in flight:"), toolBar);
    m_maxInFlight = new QSpinBox(toolBar);
    m_maxInFlight->setObjectName(QStringLiteral("maxInFlightSpinBox"));
    m_maxInFlight->setRange(0, 100000);
    m_maxInFlight->setValue(m_scan.options().fetch.maxInFlight);
    m_maxInFlight->setSpecialValueText(tr("Automatic"));
    m_maxInFlight->setToolTip(tr("Blogs scanned at once; Automatic uses as many as the system allows"));
    m_maxInFlight->setAccessibleName(tr("Maximum requests in flight"));
    label->setBuddy(m_maxInFlight);
    toolBar->addWidget(label);
    toolBar->addWidget(m_maxInFlight);
}

void MainWindow::createCentralWidget()
{
    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("blogListEditor"));
    m_editor->setAccessibleName(tr("Blog list"));
    m_editor->setAccessibleDescription(tr("One blog address per line; lines starting with # are comments"));
    m_editor->setPlaceholderText(tr("Paste blog addresses here, one per line.\n# Lines starting with # are comments."));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setTabChangesFocus(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &MainWindow::updateActions);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("resultsView"));
    m_table->setAccessibleName(tr("Results"));
    m_table->setModel(m_sortModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: no per-row measuring, so thousands of rows scroll smoothly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicatorClearable(true); // a third click returns to list order
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    header->setHighlightSections(false);
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

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 240, 860 });
    setCentralWidget(splitter);
}

void MainWindow::createStatusBar()
{
    // Permanent widgets, so messages (list summaries) show beside them instead of hiding them.
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setAccessibleName(tr("Scan status"));
    m_progressLabel->setTextFormat(Qt::PlainText);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setAccessibleName(tr("Scan progress"));
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::setBlogListText(const QString &text)
{
    m_editor->setPlainText(text);
}

QString MainWindow::blogListText() const
{
    return m_editor->toPlainText();
}

void MainWindow::startScan()
{
    if (m_scan.isRunning())
        return;
    const QString text = blogListText();
    BlogListReadResult list;
    if (!m_importedBlogs.isEmpty() && text == m_importedText)
        list.blogs = m_importedBlogs;
    else
        list = BlogListReader::readText(text);

    statusBar()->setToolTip(problemsTooltip(list.problems));
    if (list.blogs.isEmpty()) {
        statusBar()->showMessage(tr("No blogs to scan. %1").arg(list.summary()));
        return;
    }
    statusBar()->showMessage(list.summary());

    ScanOptions options = m_scan.options();
    options.fetch.maxInFlight = m_maxInFlight->value();
    m_scan.setOptions(options);

    m_model->reset(list.blogs);
    m_scan.start(list.blogs);
}

void MainWindow::stopScan()
{
    m_scan.stop();
}

void MainWindow::runDemo()
{
    if (m_scan.isRunning())
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
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Blog List"), QDir::homePath(),
                                                      tr("Blog lists (*.txt *.csv *.opml);;Text files (*.txt);;CSV "
                                                         "files (*.csv);;OPML files (*.opml);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void MainWindow::importFile(const QString &path)
{
    const BlogListReadResult list = BlogListReader::readFile(path);
    QStringList lines;
    for (const BlogEntry &blog : list.blogs) {
        if (!blog.name.isEmpty())
            lines.append(QStringLiteral("# ") + blog.name);
        lines.append(blog.url.toString());
    }
    setBlogListText(lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    m_importedBlogs = list.blogs;
    m_importedText = blogListText();
    statusBar()->setToolTip(problemsTooltip(list.problems));
    statusBar()->showMessage(tr("%1: %2").arg(QDir::toNativeSeparators(path), list.summary()));
}

void MainWindow::exportCsv()
{
    m_model->flush();
    const QList<BlogResult> results = m_model->results();
    if (results.isEmpty())
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Results"),
                                                QDir::home().filePath(QStringLiteral("titlewave-results.csv")),
                                                tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const std::optional<QString> error = ResultExporter::writeCsv(path, results)) {
        QMessageBox::warning(this, tr("Export Failed"), *error);
        return;
    }
    statusBar()->showMessage(
        tr("Exported %n blog(s) to %1", nullptr, int(results.size())).arg(QDir::toNativeSeparators(path)));
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
    m_progress->setRange(0, std::max(1, blogCount));
    m_progress->setValue(0);
    m_progressTimer.start();
    updateActions();
    updateProgress();
}

void MainWindow::onScanFinished()
{
    m_progressTimer.stop();
    m_model->flush();
    updateActions();
    updateProgress();
}

void MainWindow::updateActions()
{
    const bool running = m_scan.isRunning();
    m_startAction->setEnabled(!running && !m_editor->document()->isEmpty());
    m_stopAction->setEnabled(running);
    m_importAction->setEnabled(!running);
    m_exportAction->setEnabled(!running && m_model->rowCount() > 0);
    m_demoAction->setEnabled(!running);
    m_maxInFlight->setEnabled(!running);
}

void MainWindow::updateProgress()
{
    const int total = m_scan.blogCount();
    const int done = m_scan.finishedCount();
    m_progress->setMaximum(std::max(1, total));
    m_progress->setValue(done);
    if (total == 0) {
        m_progressLabel->setText(tr("Ready"));
        return;
    }
    const QString seconds = QLocale().toString(double(m_scan.elapsedMs()) / 1000.0, 'f', 1);
    m_progressLabel->setText(
        tr("%1 of %2 done, %3 failed, elapsed %4 s").arg(done).arg(total).arg(m_scan.failedCount()).arg(seconds));
}

void MainWindow::applyCommandLine(const CommandLineOptions &options)
{
    m_scan.setOptions(options.scan);
    m_maxInFlight->setValue(options.scan.fetch.maxInFlight);
    if (options.demo)
        runDemo();
    else if (!options.listPath.isEmpty())
        importFile(options.listPath);
}
