// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class ScanSession;

/// The status bar's account of a session: "12 of 40 done, 1 failed, elapsed 0.4 s", how many
/// blogs have a new article, the speed-up against one request at a time, and a progress bar.
class ScanProgress final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanProgress)

public:
    /// Follows @p session: its counts as they change (at most ten times a second), and the
    /// elapsed time while it runs.
    explicit ScanProgress(const ScanSession &session, QWidget *parent = nullptr);

    /// Shows what the session's counts say now.
    void showState();

private:
    const ScanSession &m_session;
    QTimer m_update;
    QLabel *m_progressLabel;
    QLabel *m_newLabel;
    QLabel *m_speedLabel;
    QProgressBar *m_progress;
};
