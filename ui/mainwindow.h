// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/articlehistory.h"
#include "io/bloglistreader.h"
#include "io/resultexporter.h"
#include "scan/scan.h"
#include "session/commandlineoptions.h"
#include "settings/appsettings.h"
#include "types/blogentry.h"

#include <QList>
#include <QMainWindow>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>

class DemoServer;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QMimeData;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;
class QTableView;
class ResultsModel;
class ResultsSortModel;
class WaterfallDelegate;

/// The window: the blog list on the left, the live results table on the right, progress in the
/// status bar. Owns the Scan.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Replaces the list editor's text (one URL per line, '#' starts a comment).
    void setBlogListText(const QString &text);
    QString blogListText() const;
    /// The blogs Start would scan: the last import's entries (with names, XPaths and feeds) while
    /// the editor still shows what the import put there, else the editor's text.
    QList<BlogEntry> listedBlogs() const;

    /// Reads the list editor and scans its blogs, as the Start action does. The list is read and
    /// its rows are made on a worker thread, so a list of tens of thousands of lines never blocks
    /// the window: the scan starts (Scan::started) once that is done.
    void startScan();
    /// Cancels the running scan, as the Stop action does; finished() follows. While Start is
    /// still reading the list, cancels that instead, and no scan starts.
    void stopScan();
    /// True from Start until the scan finishes, including while the list is being read, and
    /// while an import is being read.
    bool isBusy() const { return m_readingList || m_importingList || m_scan.isRunning(); }
    /// Scans again the failed rows only, updating them in place, as the Retry Failed action does.
    void retryFailed();
    /// Scans again the given model rows only, updating them in place.
    void rescanRows(const QList<int> &rows);
    /// Reads a blog list file (.txt, .csv, .opml) into the editor, as the Import action does.
    /// Names and XPaths from the file are used as long as the editor text is left unchanged.
    /// The file is read on the list reader's thread (a list of 50,000 lines takes ~150 ms to
    /// read): the editor fills once that is done, and isBusy() is true until then.
    void importFile(const QString &path);
    /// Reads several list files into the editor as one list (a drop of several files), then
    /// adds @p thenAppend to it as appendUrls() does (the links of the same drop).
    void importFiles(const QStringList &paths, const QList<QUrl> &thenAppend = {});
    /// Adds web addresses to the end of the list (a drop of links); other schemes are refused.
    void appendUrls(const QList<QUrl> &urls);
    /// Serves the bundled demo blogs on loopback, puts them in the editor and scans them.
    void runDemo();
    /// Takes the scan options, list and --demo from the command line (call after show()).
    /// Options given explicitly there override the saved settings for this session.
    void applyCommandLine(const CommandLineOptions &options);
    /// Makes @p settings current: saves them and gives them to the next scan.
    void applySettings(const AppSettings &settings);
    AppSettings settings() const { return m_settings; }
    /// Writes the results (all rows, or the selected ones) to @p path; an error sentence on failure.
    std::optional<QString> exportResults(const QString &path, ExportFormat format, bool selectedOnly);
    /// Files imported lately, newest first (at most kMaxRecentFiles).
    QStringList recentFiles() const;

    ResultsModel *model() const { return m_model; }
    ResultsSortModel *sortModel() const { return m_sortModel; }
    Scan *scan() { return &m_scan; }

    static constexpr int kMaxRecentFiles = 8;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void createStatusBar();
    void restoreWindowState();
    void saveWindowState();

    void importList();
    void exportWithDialog(bool selectedOnly);
    void pasteList();
    void showSettings();
    void showAbout();
    void showHeaderMenu(const QPoint &position);
    void showResultsMenu(const QPoint &position);
    void openWebUrl(const QUrl &url);
    void openArticleAt(const QModelIndex &proxyIndex);
    void copySelectedRows();
    void copyText(const QString &text);
    void updateRecentMenu();
    void addRecentFile(const QString &path);
    bool acceptsDrop(const QMimeData *mime) const;
    void dropMime(const QMimeData *mime);

    /// Runs @p work on the list reader's thread (one thread, so reads keep their order) and hands
    /// its result to (this->*done)(generation, result) back on the GUI thread, if the window still
    /// exists then. Start, Import and Paste List read their lists this way.
    template<typename Work, typename Done> void readInBackground(quint64 generation, Work work, Done done);
    struct ReadList;
    void onListRead(quint64 generation, ReadList &list);
    struct ImportedList;
    static ImportedList readListFiles(const QStringList &paths, const QList<QUrl> &thenAppend);
    void onListImported(quint64 generation, const ImportedList &imported);
    void onPasteRead(quint64 generation, const BlogListReadResult &read);
    void scanEntries(const QList<BlogEntry> &blogs, const QList<int> &rows);
    void onScanStarted(int blogCount);
    void onBlogChanged(const BlogResult &result);
    void onScanFinished();
    void markNewArticles();
    void updateActions();
    void updateProgress();

    /// The model row of the table's current row, or -1.
    int currentRow() const;
    /// Model rows of the selected table rows, in list order.
    QList<int> selectedRows() const;

    Scan m_scan;
    ResultsModel *m_model = nullptr;
    ResultsSortModel *m_sortModel = nullptr;
    WaterfallDelegate *m_waterfallDelegate = nullptr;
    std::unique_ptr<DemoServer> m_demo;
    AppSettings m_settings;
    bool m_useHistory = true;
    std::optional<ArticleHistory> m_history; // loaded at the first scan, saved after each
    QThreadPool m_historyWriter; // one thread: saves land in order
    QThreadPool m_listReader; // one thread: Start reads the list there
    bool m_readingList = false;
    bool m_importingList = false;
    quint64 m_pasteGeneration = 0; // only the last paste's summary is shown
    quint64 m_readGeneration = 0; // a read whose generation is not this one is stale
    qint64 m_requestMsBefore = 0; // the rows' request time outside the running scan
    bool m_hasRecentFiles = false; // kept, so updating the actions reads no settings

    // Entries from the last import keep their names and XPaths as long as the editor still
    // shows exactly the text the import put there.
    QList<BlogEntry> m_importedBlogs;
    QString m_importedText;
    // The entries behind the table's rows, so a retry scans a row exactly as the first time.
    QList<BlogEntry> m_rowBlogs;
    // For each blog of the running scan, its row: a retry scans a subset of the rows.
    QList<int> m_scanRows;

    QPlainTextEdit *m_editor = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QSpinBox *m_maxInFlight = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_newLabel = nullptr;
    QLabel *m_speedLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    QTimer m_progressTimer;

    QAction *m_importAction = nullptr;
    QAction *m_pasteListAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportSelectedAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_retryFailedAction = nullptr;
    QAction *m_retrySelectedAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_openArticleAction = nullptr;
    QAction *m_openBlogAction = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_copyTitleAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
