// SPDX-License-Identifier: GPL-3.0-or-later
#include "scansession.h"

#include <numeric>

QList<BlogResult> ScanSession::pendingRows(const QList<BlogEntry> &blogs)
{
    QList<BlogResult> rows;
    rows.reserve(blogs.size());
    for (qsizetype i = 0; i < blogs.size(); ++i)
        rows.append(BlogResult::pending(int(i), blogs.at(i)));
    return rows;
}

ScanSession::PreparedList ScanSession::prepare(QList<BlogEntry> blogs, bool loadHistory)
{
    PreparedList list;
    list.rows = pendingRows(blogs);
    list.blogs = std::move(blogs);
    if (loadHistory) {
        list.history.emplace();
        list.historyError = list.history->load();
    }
    return list;
}

ScanSession::ScanSession(QObject *parent)
    : QObject(parent)
{
    m_historyWriter.setMaxThreadCount(1);
    connect(&m_scan, &Scan::blogChanged, this, &ScanSession::onBlogChanged);
    connect(&m_scan, &Scan::started, this, &ScanSession::started);
    connect(&m_scan, &Scan::finished, this, &ScanSession::finished);
}

ScanSession::~ScanSession()
{
    waitForHistory();
}

void ScanSession::setOptions(const ScanOptions &options)
{
    m_scan.setOptions(options);
}

void ScanSession::setUseHistory(bool use)
{
    m_useHistory = use;
    if (!use)
        m_history.reset();
}

void ScanSession::start(PreparedList list)
{
    if (m_scan.isRunning())
        m_scan.stop();
    if (m_useHistory && !m_history && list.history) {
        m_history = std::move(list.history);
        if (list.historyError)
            Q_EMIT historyProblem(*list.historyError);
    } else if (m_useHistory && !m_history) {
        // Not read by prepare(): read here, once.
        m_history.emplace();
        if (const std::optional<QString> error = m_history->load())
            Q_EMIT historyProblem(*error);
    }
    m_entries = std::move(list.blogs);
    m_rows = std::move(list.rows);
    m_counts = {};
    for (const BlogResult &row : std::as_const(m_rows))
        count(row, 1);
    Q_EMIT rowsReset();
    Q_EMIT countsChanged();
    QList<int> rows(m_rows.size());
    std::iota(rows.begin(), rows.end(), 0);
    scanRows(rows);
}

int ScanSession::rescan(const QList<int> &rows)
{
    if (m_scan.isRunning())
        return 0;
    QList<int> scanned;
    for (const int row : rows) {
        if (row < 0 || row >= m_rows.size())
            continue;
        scanned.append(row);
        // The row starts over, in place: pending until its chain reports.
        setRow(BlogResult::pending(row, m_entries.at(row)));
    }
    if (!scanned.isEmpty()) {
        Q_EMIT countsChanged();
        scanRows(scanned);
    }
    return int(scanned.size());
}

int ScanSession::retryFailed()
{
    QList<int> rows;
    for (const BlogResult &row : std::as_const(m_rows)) {
        // A cancelled blog never finished: retrying resumes what Stop cut short.
        if (isFailureStatus(row.status) || row.status == BlogStatus::Cancelled)
            rows.append(row.index);
    }
    return rescan(rows);
}

void ScanSession::stop()
{
    m_scan.stop();
}

void ScanSession::scanRows(const QList<int> &rows)
{
    // Set before start(): a list of only invalid addresses finishes inside start().
    m_scanRows = rows;
    // The scanned rows are pending now: what the other rows' requests took is not this scan's.
    m_requestMsBefore = m_counts.requestMs;
    QList<BlogEntry> blogs;
    blogs.reserve(rows.size());
    for (const int row : rows)
        blogs.append(m_entries.at(row));
    // The last successful scan's validators go out with the requests: a 304 keeps its article.
    if (m_history)
        m_history->recall(blogs);
    m_scan.start(blogs);
}

void ScanSession::onBlogChanged(const BlogResult &result)
{
    // The scan numbers its blogs 0..n-1; a retry's blogs are some of the rows.
    if (result.index < 0 || result.index >= m_scanRows.size())
        return;
    BlogResult row = result;
    row.index = m_scanRows.at(result.index);
    // Marked as each blog finishes, so the end of a big scan has no pass over every row.
    if (m_history && row.status == BlogStatus::Ok) {
        m_history->apply(row);
        m_historyChanged = true;
    }
    setRow(row);
    Q_EMIT countsChanged();
}

void ScanSession::setRow(const BlogResult &result)
{
    BlogResult &row = m_rows[result.index];
    count(row, -1);
    row = result;
    count(row, 1);
    Q_EMIT rowChanged(row);
}

void ScanSession::count(const BlogResult &result, int sign)
{
    m_counts.total += sign;
    m_counts.done += isFinalStatus(result.status) ? sign : 0;
    m_counts.failed += isFailureStatus(result.status) ? sign : 0;
    m_counts.cancelled += result.status == BlogStatus::Cancelled ? sign : 0;
    m_counts.withNewArticle += result.isNew ? sign : 0;
    m_counts.unchanged += result.unchanged ? sign : 0;
    for (const RequestTiming &timing : result.timings)
        m_counts.requestMs += sign * timing.durationMs();
}

BlogResult ScanSession::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : BlogResult();
}

BlogEntry ScanSession::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : BlogEntry();
}

QList<BlogResult> ScanSession::selected(const QList<int> &rows) const
{
    if (rows.isEmpty())
        return m_rows;
    QList<BlogResult> results;
    results.reserve(rows.size());
    for (const int row : rows) {
        if (row >= 0 && row < m_rows.size())
            results.append(m_rows.at(row));
    }
    return results;
}

QByteArray ScanSession::encode(ExportFormat format, const QList<int> &rows, const QString &path) const
{
    return ResultExporter::encode(selected(rows), format, path);
}

void ScanSession::commitHistory()
{
    if (!m_history || !m_historyChanged) {
        QMetaObject::invokeMethod(this, &ScanSession::historySaved, Qt::QueuedConnection);
        return;
    }
    // Written on a worker: ten thousand blogs' JSON is no work for the window's thread. The copy
    // is what this moment knows; a later commit writes a later copy, in order.
    // The destructor waits for the writer, so the session outlives the job.
    m_historyChanged = false;
    m_historyWriter.start([this, history = *m_history] {
        const std::optional<QString> error = history.save();
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (error)
                    Q_EMIT historyProblem(*error);
                Q_EMIT historySaved();
            },
            Qt::QueuedConnection);
    });
}

void ScanSession::waitForHistory()
{
    m_historyWriter.waitForDone();
}
