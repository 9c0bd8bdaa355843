// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/commandlineoptions.h"
#include "scan/blogentry.h"
#include "scan/scan.h"

#include <QList>
#include <QMainWindow>
#include <QTimer>

#include <memory>

class DemoServer;
class QAction;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;
class QTableView;
class ResultsModel;
class ResultsSortModel;

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

    /// Reads the list editor and scans its blogs, as the Start action does.
    void startScan();
    /// Cancels the running scan, as the Stop action does; finished() follows.
    void stopScan();
    /// Reads a blog list file (.txt, .csv, .opml) into the editor, as the Import action does.
    /// Names and XPaths from the file are used as long as the editor text is left unchanged.
    void importFile(const QString &path);
    /// Serves the bundled demo blogs on loopback, puts them in the editor and scans them.
    void runDemo();
    /// Takes the scan options, list and --demo from the command line (call after show()).
    void applyCommandLine(const CommandLineOptions &options);

    ResultsModel *model() const { return m_model; }
    Scan *scan() { return &m_scan; }

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createCentralWidget();
    void createStatusBar();

    void importList();
    void exportCsv();
    void showAbout();
    void onScanStarted(int blogCount);
    void onScanFinished();
    void updateActions();
    void updateProgress();

    Scan m_scan;
    ResultsModel *m_model = nullptr;
    ResultsSortModel *m_sortModel = nullptr;
    std::unique_ptr<DemoServer> m_demo;

    // Entries from the last import keep their names and XPaths as long as the editor still
    // shows exactly the text the import put there.
    QList<BlogEntry> m_importedBlogs;
    QString m_importedText;

    QPlainTextEdit *m_editor = nullptr;
    QTableView *m_table = nullptr;
    QSpinBox *m_maxInFlight = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QTimer m_progressTimer;

    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
