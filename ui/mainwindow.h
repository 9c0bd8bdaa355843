// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/resultexporter.h"
#include "recentfilesmenu.h"
#include "session/commandlineoptions.h"
#include "session/scansession.h"
#include "settings/appsettings.h"
#include "windowactions.h"

#include <QList>
#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>

class DemoServer;
class DetailsPanel;
class DropTarget;
class FeedExport;
class ListPanel;
class InFlightBox;
class QSplitter;
class ResultsModel;
class ResultsPane;
class ResultsSortModel;
class ScanProgress;

/// The window: the live results, the selected row's details below them, the blog list in a
/// side panel that folds away while a scan runs (Blog List brings it back), progress in the
/// status bar. It wires widgets to a ScanSession, which decides everything the results say.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int kMaxRecentFiles = RecentFilesMenu::kMaxFiles;

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
    /// the window: the scan starts (ScanSession::started) once that is done.
    void startScan();
    /// Cancels the running scan, as the Stop action does; finished() follows. While a list is
    /// still being read, cancels that instead, and no scan starts.
    void stopScan();
    /// True from Start until the scan finishes, including while a list is being read.
    bool isBusy() const;
    /// Scans again the failed rows only, updating them in place, as the Retry Failed action does.
    void retryFailed();
    /// Scans again the given model rows only, updating them in place.
    void rescanRows(const QList<int> &rows);
    /// Reads a blog list file (.txt, .csv, .opml) into the editor, as the Import action does, on
    /// the list reader's thread: the editor fills once that is done, and isBusy() is true until then.
    void importFile(const QString &path);
    /// Reads several list files into the editor as one list (a drop of several files), then
    /// adds @p thenAppend to it as appendUrls() does (the links of the same drop).
    void importFiles(const QStringList &paths, const QList<QUrl> &thenAppend = {});
    /// As Import, Open Recent and a drop of files do: into a list that holds blogs, asks whether to
    /// Replace it, Add to it, or Cancel; into an empty one, imports as importFiles() does.
    void importFilesAsking(const QStringList &paths, const QList<QUrl> &thenAppend = {});
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
    /// File > Export as Feed and Keep Feed Updated.
    FeedExport *feedExport() const { return m_feed; }
    /// Files imported lately, newest first (at most kMaxRecentFiles).
    QStringList recentFiles() const;

    /// Shows or hides the blog list beside the results (the Blog List action).
    void setListShown(bool shown);
    bool isListShown() const;

    ResultsModel *model() const { return m_model; }
    ResultsSortModel *sortModel() const;
    ScanSession *session() { return &m_session; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void connectActions();
    void createMenusAndToolBar();
    void createCentralWidget();
    void restoreWindowState();
    void saveWindowState();

    void pasteList();
    void showSettings();
    void showAbout();
    /// Scan options: the settings, with what the command line named in their place.
    void updateScanOptions();
    void onScanFinished();
    void updateActions();

    ScanSession m_session;
    ResultsModel *m_model = nullptr;
    WindowActions m_actions;
    std::unique_ptr<DemoServer> m_demo;
    AppSettings m_settings;
    ScanOverrides m_commandLineOverrides;

    ListPanel *m_list = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_resultsSplitter = nullptr;
    ResultsPane *m_results = nullptr;
    DetailsPanel *m_details = nullptr;
    int m_listWidth = 0; // the list panel's width before it was folded away
    QString m_retryMessage; // shown while a retry runs, cleared when it ends
    InFlightBox *m_maxInFlight = nullptr;
    ScanProgress *m_progress = nullptr;
    RecentFilesMenu *m_recentMenu = nullptr;
    DropTarget *m_dropTarget = nullptr;
    FeedExport *m_feed = nullptr;
};
