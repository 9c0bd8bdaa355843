// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfilesmenu.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {
const QString kRecentFilesKey = QStringLiteral("recentFiles");
} // namespace

RecentFilesMenu::RecentFilesMenu(QWidget *parent)
    : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentMenu"));
    // Built as it opens, so it always lists what the settings hold.
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    m_hasFiles = !files().isEmpty();
    rebuild();
}

QStringList RecentFilesMenu::files() const
{
    return QSettings().value(kRecentFilesKey).toStringList();
}

void RecentFilesMenu::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles)
        list.removeLast();
    QSettings().setValue(kRecentFilesKey, list);
    m_hasFiles = true;
    // Not rebuilt here: this may run inside one of the menu's own actions.
    Q_EMIT changed();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList list = files();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = list.at(i);
        // &1 … &8: each entry has its own mnemonic.
        QAction *action = addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace(QLatin1Char('&'), QLatin1String("&&"))));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT fileChosen(path); });
    }
    if (!list.isEmpty()) {
        addSeparator();
        QAction *clearAction = addAction(tr("&Clear Menu"));
        connect(clearAction, &QAction::triggered, this, [this] {
            QSettings().remove(kRecentFilesKey);
            m_hasFiles = false;
            Q_EMIT changed();
        });
    }
}
