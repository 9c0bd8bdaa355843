// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlessrunner.h"

#include "demo/demoserver.h"
#include "io/bloglistreader.h"
#include "session/listcheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

#include <algorithm>
#include <csignal>
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
    connect(&m_session, &ScanSession::finished, this, &HeadlessRunner::onScanFinished);
    connect(&m_session, &ScanSession::historySaved, this, &HeadlessRunner::onHistorySaved);
    connect(&m_signals, &SignalWatcher::interrupted, this, &HeadlessRunner::onInterrupted);
    // A damaged history costs the "new" column, never the results.
    connect(&m_session, &ScanSession::historyProblem, this,
            [this](const QString &message) { m_stderr << "titlewave: " << message << Qt::endl; });
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
    m_session.setOptions(options.scan);
    m_session.setUseHistory(options.useHistory);
    m_format = options.format;

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
    m_outPath = options.outPath;
    if (!writesToStdout()) {
        m_outFile = std::make_unique<OutputFile>(options.outPath);
        if (!m_outFile->open()) {
            fail(tr("cannot write %1: %2").arg(options.outPath, m_outFile->errorString()));
            return;
        }
    }
    m_progressTimer.start();
    m_session.start(blogs);
}

void HeadlessRunner::reportProgress()
{
    m_stderr << "titlewave: "
             << tr("%1 of %2 done, %3 failed, %4 s")
                    .arg(m_session.counts().done)
                    .arg(m_session.counts().total)
                    .arg(m_session.counts().failed)
                    .arg(QLocale().toString(double(m_session.elapsedMs()) / 1000.0, 'f', 1))
             << Qt::endl;
}

void HeadlessRunner::onScanFinished()
{
    m_progressTimer.stop();
    const ScanSession::Counts counts = m_session.counts();
    if (counts.withNewArticle > 0)
        m_stderr << "titlewave: "
                 << tr("%n blog(s) with a new article since the last scan", nullptr, counts.withNewArticle) << Qt::endl;
    if (counts.unchanged > 0) {
        m_stderr << "titlewave: "
                 << tr("%n blog(s) unchanged since the last scan (not modified: the remembered article)", nullptr,
                       counts.unchanged)
                 << Qt::endl;
    }
    const QByteArray output = m_session.encode(m_format, {}, writesToStdout() ? QString() : m_outPath);
    bool written = false;
    QString error;
    if (writesToStdout()) {
        QFile out;
        written = out.open(stdout, QIODevice::WriteOnly) && out.write(output) == output.size() && out.flush();
        error = out.errorString();
    } else {
        written = m_outFile->writeAll(output);
        error = m_outFile->errorString();
    }
    const QString done = tr("%n blog(s) in %1 s: %2 ok, %3 failed", nullptr, counts.total)
                             .arg(QLocale().toString(double(m_session.elapsedMs()) / 1000.0, 'f', 2))
                             .arg(counts.done - counts.failed - counts.cancelled)
                             .arg(counts.failed);
    const QString inFlight = tr("at most %n request(s) in flight", nullptr, m_session.peakRequestsInFlight());
    // The join is the translators' too: French puts a narrow no-break space before ";".
    m_stderr << "titlewave: " << tr("%1; %2", "the scan summary's two parts").arg(done, inFlight) << Qt::endl;
    if (!written) {
        m_stderr << "titlewave: " << tr("cannot write the results: %1").arg(error) << Qt::endl;
        Q_EMIT finished(2);
        return;
    }
    // Only once the results are out: articles nobody saw must still count as new next time.
    m_session.commitHistory();
}

void HeadlessRunner::onInterrupted(int signal)
{
    if (m_interruptedBy != 0)
        return;
    m_interruptedBy = signal;
    m_stderr << "titlewave: "
             << tr("interrupted by %1: stopping, and writing every blog (the unfinished ones as cancelled)")
                    .arg(signal == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"))
             << Qt::endl;
    // The scan's finished() follows (queued), then the output and the history as usual. A
    // signal that comes while the output is written changes only the exit status.
    m_session.stop();
}

void HeadlessRunner::onHistorySaved()
{
    if (m_interruptedBy != 0) {
        Q_EMIT finished(SignalWatcher::exitStatusFor(m_interruptedBy));
        return;
    }
    // Exit status 0 says every blog is ok: a cancelled one is not.
    Q_EMIT finished(m_session.counts().failed + m_session.counts().cancelled > 0 ? 1 : 0);
}
