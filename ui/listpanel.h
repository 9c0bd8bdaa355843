// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/editedlist.h"
#include "session/orderedworker.h"
#include "session/scansession.h"

#include <QList>
#include <QUrl>
#include <QWidget>

class QPlainTextEdit;
struct BlogListAddition;
struct BlogListReadResult;

/// The blog list as the user edits it: the text editor, and the imports, pastes and drops that
/// fill it. Lists are read on a worker thread (OrderedWorker), never on the window's.
class ListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListPanel)

public:
    explicit ListPanel(QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QString text() const;
    void setText(const QString &text);
    /// The blogs the editor stands for (see EditedList).
    QList<BlogEntry> blogs() const { return m_list.blogs(text()); }
    /// Puts @p blogs in the editor as an import does (their names and XPaths kept while unchanged).
    void showImported(const QList<BlogEntry> &blogs, const QString &text);

    /// A list is being read (an import, or the list for a scan).
    bool isReading() const { return m_reading; }
    /// Drops the result of the read in progress.
    void cancelReading();

    /// Reads the list and makes its rows (and, when asked, reads the history) off the window's
    /// thread; readyToScan() follows.
    void readForScan(bool loadHistory);
    /// What an import does to the list already there.
    enum class ImportMode {
        Replace, ///< the files' list takes its place (a file with no blog leaves it as it was)
        Add, ///< the files' new, accepted blogs are added after it
    };
    /// Reads list files into the editor as one list, then appends @p thenAppend.
    void importFiles(const QStringList &paths, const QList<QUrl> &thenAppend = {},
                     ImportMode mode = ImportMode::Replace);
    /// importFiles(), asking first whether to replace the list or add to it when it holds blogs.
    void importAsking(const QStringList &paths, const QList<QUrl> &thenAppend = {});
    /// Asks for a list file (starting beside @p recentFile) and imports it as importAsking() does.
    void chooseAndImport(const QString &recentFile);
    /// Adds web addresses to the end of the list; other schemes are refused.
    void appendUrls(const QList<QUrl> &urls);
    /// Adds what pasted text holds that the list lacks: its new, accepted blogs, never a refused
    /// line or a duplicate; the message says what was really added.
    void paste(const QString &text);

Q_SIGNALS:
    void readingChanged();
    /// Something to tell in the status bar, with the problems of the list read as a plain-text
    /// tooltip (empty when there were none).
    void message(const QString &text, const QString &problems = {});
    /// These files were read (for Open Recent).
    void filesRead(const QStringList &paths);
    /// readForScan() is done; @p list is empty when the list held no blogs.
    void readyToScan(ScanSession::PreparedList &list);

private:
    void setReading(bool reading);
    void tell(const QString &text, const QStringList &problems = {});
    void onImported(const BlogListReadResult &combined, const QString &importedText, const QStringList &paths,
                    const QList<QUrl> &thenAppend, ImportMode mode);
    void fillStep();
    void endFill();
    void appendEntries(const QList<BlogEntry> &added);
    void onPasted(const BlogListAddition &addition);

    QPlainTextEdit *m_editor;
    EditedList m_list;
    OrderedWorker m_reader;
    bool m_reading = false;
    // An import too big to lay out at once, shown a step at a time (showImported()).
    static constexpr qsizetype kFillAtOnceChars = 512 * 1024;
    QList<BlogEntry> m_fillBlogs;
    QString m_fillText;
    qsizetype m_fillPosition = 0;
    QList<QUrl> m_fillThenAppend;
};
