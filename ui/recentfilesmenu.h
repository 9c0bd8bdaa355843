// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>
#include <QStringList>

/// File > Open Recent: the lists imported lately, newest first, kept in the settings.
class RecentFilesMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFilesMenu)

public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFilesMenu(QWidget *parent = nullptr);

    QStringList files() const;
    /// Kept, so enabling the menu reads no settings.
    bool hasFiles() const { return m_hasFiles; }
    void add(const QString &path);

Q_SIGNALS:
    void fileChosen(const QString &path);
    /// hasFiles() may have changed.
    void changed();

private:
    void rebuild();

    bool m_hasFiles = false;
};
