// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    explicit ScanProgress(QWidget *parent = nullptr);

    /// Shows what @p session's counts say now.
    void showState(const ScanSession &session);

private:
    QLabel *m_progressLabel;
    QLabel *m_newLabel;
    QLabel *m_speedLabel;
    QProgressBar *m_progress;
};
