// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessrunner.h"

#include "demo/demoserver.h"
#include "io/articlehistory.h"
#include "io/bloglistreader.h"
#include "session/listcheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

#include <algorithm>
#include <cstdio>

namespace {
// Progress lines on stderr at most this often: enough to see it move, never a flood.
constexpr int kProgressIntervalMs = 1000;
} // namespace

HeadlessRunner::HeadlessRunner(QObject *parent)
    : QObject(parent)
    , m_stderr(stderr)
{
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &HeadlessRunner::reportProgress);
    connect(&m_scan, &Scan::finished, this, &HeadlessRunner::onScanFinished);
}

HeadlessRunner::~HeadlessRunner() = default;

void HeadlessRunner::fail(const QString &message)
{
    m_stderr << "titlewave: " << message << Qt::endl;
    // Queued so the caller's event loop is running when the exit code arrives.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(2); }, Qt::QueuedConnection);
}

void HeadlessRunner::start(const CommandLineOptions &options)
{
    m_scan.setOptions(options.scan);
    m_format = options.format;
    m_useHistory = options.useHistory;

    QList<BlogEntry> blogs;
    if (options.demo) {
        m_demo = std::make_unique<DemoServer>();
        if (!m_demo->start()) {
            fail(tr("cannot start the demo server on this computer's loopback address."));
            return;
        }
        blogs = m_demo->blogs();
    } else {
        BlogListReadResult list;
        if (options.listPath == QLatin1String("-")) {
            QFile input;
            if (!input.open(stdin, QIODevice::ReadOnly)) {
                fail(tr("cannot read the list from standard input."));
                return;
            }
            list = BlogListReader::readBytes(input.readAll());
        } else {
            list = BlogListReader::readFile(options.listPath);
        }
        if (!list.error.isEmpty()) {
            fail(list.error);
            return;
        }
        ListCheck::addXPathProblems(list);
        for (const QString &problem : std::as_const(list.problems))
            m_stderr << "titlewave: " << problem << Qt::endl;
        if (list.blogs.isEmpty()) {
            fail(tr("the list holds no blog addresses."));
            return;
        }
        blogs = list.blogs;
        m_stderr << "titlewave: " << list.summary() << Qt::endl;
    }

    // The output file is opened before any socket, so a full descriptor table cannot stop it.
    m_toStdout = options.outPath == QLatin1String("-");
    if (!m_toStdout) {
        m_outFile = std::make_unique<OutputFile>(options.outPath);
        if (!m_outFile->open()) {
            fail(tr("cannot write %1: %2").arg(options.outPath, m_outFile->errorString()));
            return;
        }
    }
    m_progressTimer.start();
    m_scan.start(blogs);
}

void HeadlessRunner::reportProgress()
{
    m_stderr << "titlewave: "
             << tr("%1 of %2 done, %3 failed, %4 s")
                    .arg(m_scan.finishedCount())
                    .arg(m_scan.blogCount())
                    .arg(m_scan.failedCount())
                    .arg(QLocale().toString(double(m_scan.elapsedMs()) / 1000.0, 'f', 1))
             << Qt::endl;
}

void HeadlessRunner::onScanFinished()
{
    m_progressTimer.stop();
    QList<BlogResult> results = m_scan.results();
    ArticleHistory history;
    if (m_useHistory) {
        // A damaged history costs the "new" column, never the results.
        if (const std::optional<QString> error = history.load())
            m_stderr << "titlewave: " << *error << Qt::endl;
        history.apply(results);
        const auto newCount
            = std::count_if(results.cbegin(), results.cend(), [](const BlogResult &r) { return r.isNew; });
        if (newCount > 0)
            m_stderr << "titlewave: " << tr("%n blog(s) with a new article since the last scan", nullptr, int(newCount))
                     << Qt::endl;
    }
    const QByteArray csv = ResultExporter::encode(results, m_format);
    bool written = false;
    QString error;
    if (m_toStdout) {
        QFile out;
        written = out.open(stdout, QIODevice::WriteOnly) && out.write(csv) == csv.size() && out.flush();
        error = out.errorString();
    } else {
        written = m_outFile->writeAll(csv);
        error = m_outFile->errorString();
    }
    const QString done = tr("%n blog(s) in %1 s: %2 ok, %3 failed", nullptr, m_scan.blogCount())
                             .arg(QLocale().toString(double(m_scan.elapsedMs()) / 1000.0, 'f', 2))
                             .arg(m_scan.finishedCount() - m_scan.failedCount() - m_scan.cancelledCount())
                             .arg(m_scan.failedCount());
    const QString inFlight = tr("at most %n request(s) in flight", nullptr, m_scan.peakRequestsInFlight());
    // The join is the translators' too: French puts a narrow no-break space before ";".
    m_stderr << "titlewave: " << tr("%1; %2", "the scan summary's two parts").arg(done, inFlight) << Qt::endl;
    if (!written) {
        m_stderr << "titlewave: " << tr("cannot write the results: %1").arg(error) << Qt::endl;
        Q_EMIT finished(2);
        return;
    }
    // Only once the results are out: articles nobody saw must still count as new next time.
    if (m_useHistory) {
        if (const std::optional<QString> error = history.save())
            m_stderr << "titlewave: " << *error << Qt::endl;
    }
    // Exit status 0 says every blog is ok: a cancelled one is not.
    Q_EMIT finished(m_scan.failedCount() + m_scan.cancelledCount() > 0 ? 1 : 0);
}
