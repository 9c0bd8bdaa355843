// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/articlehistory.h"
#include "io/resultexporter.h"
#include "scan/scan.h"
#include "types/blogentry.h"
#include "types/blogresult.h"

#include <QList>
#include <QObject>
#include <QThreadPool>

#include <optional>

/// One run of Titlewave from a list to its results, the same for both faces: the rows (one per
/// listed blog, in list order), the scan that fills them, the history policy ("new since the last
/// scan"), progress counts, retries and the export of its rows. The headless runner and the window drive it; they
/// only read lists, show and write what it holds.
///
/// The history policy: each blog's last successful scan (article, title, validators) goes out
/// with its requests (ArticleHistory::recall), so an unchanged front page or feed answers 304 and
/// the row keeps the remembered article; each blog is compared with the history, and recorded in
/// it, the moment it finishes with an article; the history is written when the results have been delivered, which
/// the face says by calling commitHistory() (the headless face after writing its output, the
/// window when the scan ends), so that articles nobody saw still count as new next time.
class ScanSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanSession)

public:
    /// The rows' state, kept as rows change, so reading it never walks the rows.
    struct Counts {
        int total = 0;
        int done = 0; ///< rows whose status is final, failed or not
        int failed = 0; ///< final and not ok; a cancelled row is not failed
        int cancelled = 0; ///< rows Stop ended before they finished
        int withNewArticle = 0; ///< rows whose article differs from the last scan's
        int unchanged = 0; ///< rows whose blog answered 304: the remembered article, not fetched
        qint64 requestMs = 0; ///< every request of every row, added up
        friend bool operator==(const Counts &, const Counts &) = default;
    };

    /// What start() needs, made without touching any QObject so that a face may prepare a list
    /// of tens of thousands of blogs on a worker thread: the pending rows and, the first time,
    /// the history read from disk.
    struct PreparedList {
        QList<BlogEntry> blogs;
        QList<BlogResult> rows;
        std::optional<ArticleHistory> history;
        std::optional<QString> historyError;
    };
    static PreparedList prepare(QList<BlogEntry> blogs, bool loadHistory);
    /// The rows of @p blogs before their chains report: pending, nothing found, row i at index i.
    static QList<BlogResult> pendingRows(const QList<BlogEntry> &blogs);

    explicit ScanSession(QObject *parent = nullptr);
    /// Waits for a history save still being written.
    ~ScanSession() override;

    void setOptions(const ScanOptions &options);
    const ScanOptions &options() const { return m_scan.options(); }
    /// Off: nothing is compared with the history, and it is neither read nor written.
    void setUseHistory(bool use);
    bool usesHistory() const { return m_useHistory; }
    /// True when prepare() should read the history for the next start().
    bool needsHistory() const { return m_useHistory && !m_history; }

    /// Replaces every row with @p list's and scans them all. rowsReset() and started() follow at
    /// once, finished() when every blog is done (at once for an empty list).
    void start(PreparedList list);
    void start(const QList<BlogEntry> &blogs) { start(prepare(blogs, needsHistory())); }
    /// Scans the given rows again, in place; returns how many rows it started.
    int rescan(const QList<int> &rows);
    /// Scans the failed rows, and those Stop cancelled, again; returns how many.
    int retryFailed();
    /// Cancels the unfinished blogs; finished() follows.
    void stop();
    bool isRunning() const { return m_scan.isRunning(); }

    const QList<BlogResult> &rows() const { return m_rows; }
    int rowCount() const { return int(m_rows.size()); }
    /// Row @p row's result; an empty result for a row that does not exist.
    BlogResult row(int row) const;
    /// The blog behind row @p row, as the list gave it.
    BlogEntry entry(int row) const;
    Counts counts() const { return m_counts; }
    /// The requests of the rows the running (or last) scan scanned, added up: what fetching
    /// them one after another would have taken.
    qint64 requestMsThisRun() const { return m_counts.requestMs - m_requestMsBefore; }
    qint64 elapsedMs() const { return m_scan.elapsedMs(); }
    int peakRequestsInFlight() const { return m_scan.peakRequestsInFlight(); }

    /// The rows (all, or the given ones in the given order) in @p format, to be written to @p path
    /// (empty for standard output; an Atom feed names itself after it).
    QByteArray encode(ExportFormat format, const QList<int> &rows = {}, const QString &path = {}) const;

    /// The results are delivered: writes the history if blogs were recorded since the last commit
    /// (on a worker thread, one save at a time and in order). historySaved() follows, also when
    /// there is nothing to write.
    void commitHistory();
    /// Blocks until the history saves asked for so far are written.
    void waitForHistory();

Q_SIGNALS:
    /// Every row was replaced (rows() holds the new ones).
    void rowsReset();
    /// One row changed; @p result's index is its row.
    void rowChanged(const BlogResult &result);
    void countsChanged();
    void started(int blogCount);
    void finished();
    /// The history could not be read or written; the results are unaffected.
    void historyProblem(const QString &message);
    void historySaved();

private:
    void scanRows(const QList<int> &rows);
    void setRow(const BlogResult &result);
    void count(const BlogResult &result, int sign);
    void onBlogChanged(const BlogResult &result);
    QList<BlogResult> selected(const QList<int> &rows) const;

    Scan m_scan;
    QList<BlogEntry> m_entries; // the blog behind each row
    QList<BlogResult> m_rows;
    QList<int> m_scanRows; // the running scan's blog i is row m_scanRows[i]
    Counts m_counts;
    qint64 m_requestMsBefore = 0;
    bool m_useHistory = true;
    std::optional<ArticleHistory> m_history; // read at the first start, kept between scans
    bool m_historyChanged = false; // blogs were recorded since the last commit
    QThreadPool m_historyWriter; // one thread: saves land in order
};
