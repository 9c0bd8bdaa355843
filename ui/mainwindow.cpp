// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "demo/demoserver.h"
#include "detailspanel.h"
#include "droptarget.h"
#include "feedexport.h"
#include "inflightbox.h"
#include "listpanel.h"
#include "resultsmodel.h"
#include "resultspane.h"
#include "scanprogress.h"
#include "settingsdialog.h"
#include "types/webaddress.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
const QString kResultsSplitterKey = QStringLiteral("window/resultsSplitter");
// The list panel's width when shown: room for an address, not a third of the window.
constexpr int kListWidth = 240;
const QString kHeaderKey = QStringLiteral("window/resultsHeader");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new ResultsModel(this))
    , m_actions(this)
{
    setWindowTitle(tr("Titlewave"));
    m_settings = AppSettings::load(QSettings());
    updateScanOptions();

    createCentralWidget();
    createMenusAndToolBar();
    m_feed = new FeedExport(m_actions.keepFeedUpdated, this);
    connectActions();
    m_progress = new ScanProgress(m_session, this);
    // Permanent, so messages (list summaries) show beside it instead of hiding it.
    statusBar()->addPermanentWidget(m_progress);

    // The model shows the session's rows; its own timer batches their changes for the view.
    connect(&m_session, &ScanSession::rowsReset, m_model, [this] { m_model->resetRows(m_session.rows()); });
    connect(&m_session, &ScanSession::rowChanged, m_model, &ResultsModel::updateResult);
    connect(&m_session, &ScanSession::started, this, &MainWindow::updateActions);
    connect(&m_session, &ScanSession::finished, this, &MainWindow::onScanFinished);
    connect(&m_session, &ScanSession::historyProblem, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    // Export, retry and the row actions depend on there being rows, failures and a selection.
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_results, &ResultsPane::selectionChanged, this, &MainWindow::updateActions);
    // A scan shows its results at full width: the list folds away (Blog List brings it back).
    connect(&m_session, &ScanSession::started, this, [this] { setListShown(false); });

    resize(1100, 650);
    restoreWindowState();
    updateActions();
    m_progress->showState();
    m_list->setFocus();
}

MainWindow::~MainWindow()
{
    // The session goes before the model and the widgets: it must not call back into them.
    disconnect(&m_session, nullptr, this, nullptr);
    disconnect(&m_session, nullptr, m_model, nullptr);
    m_session.stop();
}

void MainWindow::connectActions()
{
    const WindowActions &a = m_actions;
    connect(a.importList, &QAction::triggered, this, [this] {
        if (!isBusy())
            m_list->chooseAndImport(recentFiles().value(0));
    });
    connect(a.pasteList, &QAction::triggered, this, &MainWindow::pasteList);
    connect(a.exportAll, &QAction::triggered, m_results, [this] { m_results->exportWithDialog(false); });
    connect(a.exportSelected, &QAction::triggered, m_results, [this] { m_results->exportWithDialog(true); });
    connect(a.exportFeed, &QAction::triggered, m_feed, [this] { m_feed->exportWithDialog(m_session.rows()); });
    connect(m_feed, &FeedExport::message, this, [this](const QString &text) { statusBar()->showMessage(text); });
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.start, &QAction::triggered, this, &MainWindow::startScan);
    connect(a.stop, &QAction::triggered, this, &MainWindow::stopScan);
    connect(a.retryFailed, &QAction::triggered, this, &MainWindow::retryFailed);
    connect(a.retrySelected, &QAction::triggered, this, [this] { rescanRows(m_results->selectedRows()); });
    connect(a.demo, &QAction::triggered, this, &MainWindow::runDemo);
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.showList, &QAction::toggled, this, &MainWindow::setListShown);
    connect(a.showDetails, &QAction::toggled, m_details, &QWidget::setVisible);
}

void MainWindow::createMenusAndToolBar()
{
    m_recentMenu = new RecentFilesMenu(this);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this,
            [this](const QString &path) { importFilesAsking({ path }); });
    connect(m_recentMenu, &RecentFilesMenu::changed, this, &MainWindow::updateActions);
    QToolBar *toolBar = m_actions.addMenusAndToolBar(this, m_recentMenu);
    auto *label = new QLabel(tr("Max in flight:"), toolBar);
    m_maxInFlight = new InFlightBox(toolBar);
    m_maxInFlight->showValue(m_session.options().fetch.maxInFlight);
    label->setBuddy(m_maxInFlight);
    toolBar->addWidget(label);
    toolBar->addWidget(m_maxInFlight);
    // The toolbar is a shortcut to the same setting the dialog edits, and is remembered too.
    connect(m_maxInFlight, &QSpinBox::valueChanged, this, [this](int value) {
        m_settings.maxInFlight = value;
        m_commandLineOverrides.maxInFlight.reset(); // the user's choice now, not the command line's
        QSettings settings;
        m_settings.save(settings);
        updateScanOptions();
    });
}

void MainWindow::createCentralWidget()
{
    m_list = new ListPanel(this);
    connect(m_list->editor(), &QPlainTextEdit::textChanged, this, &MainWindow::updateActions);
    connect(m_list, &ListPanel::readingChanged, this, &MainWindow::updateActions);
    connect(m_list, &ListPanel::message, this, [this](const QString &text, const QString &problems) {
        statusBar()->setToolTip(problems);
        statusBar()->showMessage(text);
    });
    connect(m_list, &ListPanel::filesRead, this, [this](const QStringList &paths) {
        for (const QString &path : paths)
            m_recentMenu->add(path);
    });
    connect(m_list, &ListPanel::readyToScan, this, [this](ScanSession::PreparedList &list) {
        if (!list.blogs.isEmpty())
            m_session.start(std::move(list));
    });

    m_results = new ResultsPane(m_model, m_actions, this);
    connect(m_results, &ResultsPane::message, this, [this](const QString &text) { statusBar()->showMessage(text); });
    m_details = new DetailsPanel(this);
    m_results->showCurrentIn(m_details);

    // The results over the selected row's details, like a browser's network panel.
    m_resultsSplitter = new QSplitter(Qt::Vertical, this);
    m_resultsSplitter->setObjectName(QStringLiteral("resultsSplitter"));
    m_resultsSplitter->addWidget(m_results);
    m_resultsSplitter->addWidget(m_details);
    m_resultsSplitter->setCollapsible(0, false);
    m_resultsSplitter->setStretchFactor(0, 1);
    m_resultsSplitter->setStretchFactor(1, 0);
    m_resultsSplitter->setSizes({ 400, 12 * m_details->fontMetrics().lineSpacing() });

    // The list is a side panel that folds away, not a third of the width beside the results.
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_resultsSplitter);
    m_splitter->setCollapsible(0, true);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ kListWidth, 1100 - kListWidth });
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        const QSignalBlocker blocker(m_actions.showList);
        m_actions.showList->setChecked(isListShown());
    });
    setCentralWidget(m_splitter);
    // List first, then how to narrow the results, then the results.
    setTabOrder(m_list->editor(), m_results->searchField());

    // Files and links dropped on the window, the editor or the table are imported, not pasted.
    m_dropTarget = new DropTarget(this);
    for (QObject *widget : { static_cast<QObject *>(this), static_cast<QObject *>(m_list->editor()->viewport()),
                             static_cast<QObject *>(m_results->table()->viewport()) })
        m_dropTarget->watch(widget);
    setAcceptDrops(true);
    connect(m_dropTarget, &DropTarget::dropped, this,
            [this](const QStringList &files, const QList<QUrl> &links) { importFilesAsking(files, links); });
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_resultsSplitter->restoreState(settings.value(kResultsSplitterKey).toByteArray());
    m_results->restoreHeaderState(settings.value(kHeaderKey).toByteArray());
    const QSignalBlocker listBlocker(m_actions.showList);
    m_actions.showList->setChecked(isListShown());
    const QSignalBlocker detailsBlocker(m_actions.showDetails);
    m_actions.showDetails->setChecked(!m_details->isHidden());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kResultsSplitterKey, m_resultsSplitter->saveState());
    settings.setValue(kHeaderKey, m_results->saveHeaderState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    // Quit in the middle of a scan: what finished was seen, and stays in the history.
    m_session.stop();
    m_session.commitHistory();
    m_session.waitForHistory();
    QMainWindow::closeEvent(event);
}

bool MainWindow::isListShown() const
{
    return m_splitter->sizes().value(0) > 0;
}

void MainWindow::setListShown(bool shown)
{
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (shown && !isListShown()) {
        const int width = m_listWidth > 0 ? m_listWidth : kListWidth;
        m_splitter->setSizes({ width, std::max(0, total - width) });
    } else if (!shown && isListShown()) {
        m_listWidth = sizes.value(0);
        m_splitter->setSizes({ 0, total });
    }
    const QSignalBlocker blocker(m_actions.showList);
    m_actions.showList->setChecked(isListShown());
    if (shown)
        m_list->setFocus(Qt::OtherFocusReason);
}

bool MainWindow::isBusy() const
{
    return m_list->isReading() || m_session.isRunning();
}

ResultsSortModel *MainWindow::sortModel() const
{
    return m_results->sortModel();
}

void MainWindow::setBlogListText(const QString &text)
{
    m_list->setText(text);
}

QString MainWindow::blogListText() const
{
    return m_list->text();
}

QList<BlogEntry> MainWindow::listedBlogs() const
{
    return m_list->blogs();
}

void MainWindow::startScan()
{
    if (isBusy())
        return;
    m_list->readForScan(m_session.needsHistory());
}

void MainWindow::retryFailed()
{
    if (isBusy())
        return;
    const int count = m_session.retryFailed();
    m_model->flush(); // the retried rows show as started over at once
    m_retryMessage = count > 0 ? tr("Scanning %n blog(s) again", nullptr, count) : QString();
    statusBar()->showMessage(count > 0 ? m_retryMessage : tr("No failed blogs to retry."));
}

void MainWindow::rescanRows(const QList<int> &rows)
{
    if (isBusy())
        return;
    if (const int count = m_session.rescan(rows); count > 0) {
        m_model->flush(); // the rows show as started over at once
        m_retryMessage = tr("Scanning %n blog(s) again", nullptr, count);
        statusBar()->showMessage(m_retryMessage);
    }
}

void MainWindow::stopScan()
{
    if (m_list->isReading()) {
        m_list->cancelReading(); // the read's result will be dropped
        return;
    }
    m_session.stop();
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
    // The editor shows the addresses; the demo's names still show in the table.
    m_list->showImported(m_demo->blogs(), EditedList::textFor(m_demo->blogs(), EditedList::Names::Left));
    startScan();
}

void MainWindow::importFile(const QString &path)
{
    importFiles({ path });
}

void MainWindow::importFiles(const QStringList &paths, const QList<QUrl> &thenAppend)
{
    if (!paths.isEmpty() && isBusy())
        return;
    m_list->importFiles(paths, thenAppend);
}

void MainWindow::appendUrls(const QList<QUrl> &urls)
{
    m_list->appendUrls(urls);
}

void MainWindow::pasteList()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty())
        statusBar()->showMessage(tr("The clipboard holds no text to paste."));
    else
        m_list->paste(text);
}

void MainWindow::importFilesAsking(const QStringList &paths, const QList<QUrl> &thenAppend)
{
    if (!isBusy() || paths.isEmpty())
        m_list->importAsking(paths, thenAppend);
}

QStringList MainWindow::recentFiles() const
{
    return m_recentMenu->files();
}

std::optional<QString> MainWindow::exportResults(const QString &path, ExportFormat format, bool selectedOnly)
{
    return m_results->exportResults(path, format, selectedOnly);
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
    updateScanOptions();
    m_maxInFlight->showValue(m_session.options().fetch.maxInFlight);
    if (languageChanged)
        statusBar()->showMessage(tr("The new language applies the next time Titlewave starts."));
}

void MainWindow::updateScanOptions()
{
    ScanOptions options = m_settings.mergedWith(m_commandLineOverrides);
    // The window's own threads first: parsing uses what input, painting and the network leave.
    options.parserNice = 10;
    m_session.setOptions(options);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Titlewave"),
                       tr("<h3>Titlewave %1</h3>"
                          "<p>Finds the newest article and its headline for every blog in a list, all at once.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QStringLiteral(TITLEWAVE_VERSION).toHtmlEscaped()));
}

void MainWindow::onScanFinished()
{
    m_model->flush();
    // "Scanning 3 blogs again" is over; the progress beside it tells the outcome.
    if (!m_retryMessage.isEmpty() && statusBar()->currentMessage() == m_retryMessage)
        statusBar()->clearMessage();
    m_retryMessage.clear();
    // The table is where the results are delivered: they count as seen now.
    m_session.commitHistory();
    m_feed->scanFinished(m_session.rows());
    updateActions();
    m_progress->showState();
}

void MainWindow::updateActions()
{
    const bool running = isBusy();
    const bool hasRows = m_model->rowCount() > 0;
    const bool hasSelection = m_results->hasSelection();
    const BlogResult current = m_model->result(m_results->currentRow());
    const WindowActions &a = m_actions;
    m_dropTarget->setAccepting(!running);
    a.start->setEnabled(!running && !m_list->editor()->document()->isEmpty());
    a.stop->setEnabled(running);
    a.retryFailed->setEnabled(!running && m_session.counts().failed + m_session.counts().cancelled > 0);
    a.retrySelected->setEnabled(!running && hasSelection);
    a.importList->setEnabled(!running);
    m_recentMenu->setEnabled(!running && m_recentMenu->hasFiles());
    a.exportAll->setEnabled(!running && hasRows);
    a.exportSelected->setEnabled(!running && hasSelection);
    a.exportFeed->setEnabled(!running && hasRows);
    a.demo->setEnabled(!running);
    m_maxInFlight->setEnabled(!running);
    a.copyRows->setEnabled(hasSelection);
    a.openArticle->setEnabled(WebAddress::isFetchable(current.articleUrl));
    a.openBlog->setEnabled(WebAddress::isFetchable(current.blogUrl));
    a.copyUrl->setEnabled(current.articleUrl.isValid() || current.blogUrl.isValid());
    a.copyTitle->setEnabled(!current.title.isEmpty());
}

void MainWindow::applyCommandLine(const CommandLineOptions &options)
{
    // A command-line value is for this session: it does not replace the saved setting.
    m_commandLineOverrides = options.overrides;
    updateScanOptions();
    m_maxInFlight->showValue(m_session.options().fetch.maxInFlight);
    m_session.setUseHistory(options.useHistory);
    if (options.demo)
        runDemo();
    else if (!options.listPaths.isEmpty())
        importFiles(options.listPaths); // the desktop file's Exec=%F may name several
}
