// SPDX-License-Identifier: GPL-3.0-or-later
#include "scanprogress.h"

#include "session/scansession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <algorithm>

ScanProgress::ScanProgress(const ScanSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_progressLabel(new QLabel(this))
    , m_newLabel(new QLabel(this))
    , m_speedLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setAccessibleName(tr("Scan status"));
    m_progressLabel->setTextFormat(Qt::PlainText);

    m_newLabel->setObjectName(QStringLiteral("newLabel"));
    m_newLabel->setAccessibleName(tr("New articles"));
    m_newLabel->setTextFormat(Qt::PlainText);
    m_newLabel->setToolTip(tr("Blogs whose newest article changed since the previous scan (shown in bold)"));

    m_speedLabel->setObjectName(QStringLiteral("speedLabel"));
    m_speedLabel->setAccessibleName(tr("Speed-up"));
    m_speedLabel->setTextFormat(Qt::PlainText);
    m_speedLabel->setToolTip(tr("The time all requests took added up, divided by the time the scan took: how much "
                                "faster than fetching one page after another"));

    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setAccessibleName(tr("Scan progress"));
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : { static_cast<QWidget *>(m_progressLabel), static_cast<QWidget *>(m_newLabel),
                             static_cast<QWidget *>(m_speedLabel), static_cast<QWidget *>(m_progress) })
        layout->addWidget(widget);

    // A signal per finished blog, shown at most ten times a second: enough for a ticking clock.
    m_update.setSingleShot(true);
    m_update.setInterval(100);
    connect(&m_update, &QTimer::timeout, this, &ScanProgress::showState);
    connect(&m_session, &ScanSession::countsChanged, this, [this] {
        if (!m_update.isActive())
            m_update.start();
    });
}

void ScanProgress::showState()
{
    const ScanSession &session = m_session;
    // The elapsed time ticks on while blogs are out, even when no count changes.
    if (session.isRunning() && !m_update.isActive())
        m_update.start();
    // Counted by the session as rows change, so a retry of some rows shows the whole list's state,
    // and showing it costs nothing however long the list.
    const ScanSession::Counts counts = session.counts();
    m_progress->setMaximum(std::max(1, counts.total));
    // Blogs Stop cancelled were not scanned: after a stop the bar shows how far the scan got.
    m_progress->setValue(counts.done - counts.cancelled);
    m_newLabel->setText(counts.withNewArticle > 0 ? tr("%n new since the last scan", nullptr, counts.withNewArticle)
                                                  : QString());
    if (counts.total == 0) {
        m_progressLabel->setText(tr("Ready"));
        m_speedLabel->clear();
        return;
    }
    const qint64 elapsedMs = session.elapsedMs();
    const QString seconds = QLocale().toString(double(elapsedMs) / 1000.0, 'f', 1);
    if (counts.cancelled > 0) {
        m_progressLabel->setText(tr("%1 of %2 done, %3 failed, %4 cancelled, elapsed %5 s")
                                     .arg(counts.done)
                                     .arg(counts.total)
                                     .arg(counts.failed)
                                     .arg(counts.cancelled)
                                     .arg(seconds));
    } else {
        m_progressLabel->setText(tr("%1 of %2 done, %3 failed, elapsed %4 s")
                                     .arg(counts.done)
                                     .arg(counts.total)
                                     .arg(counts.failed)
                                     .arg(seconds));
    }

    // What fetching one page after another would have cost, against what the scan took: the
    // requests of the rows this scan scanned (the others have not changed since it started).
    const qint64 requestMs = session.requestMsThisRun();
    if (elapsedMs > 0 && requestMs > 0) {
        const double speedUp = double(requestMs) / double(elapsedMs);
        m_speedLabel->setText(
            tr("≈ %1× faster than one at a time").arg(QLocale().toString(speedUp, 'f', speedUp < 10 ? 1 : 0)));
    } else {
        m_speedLabel->clear();
    }
}
