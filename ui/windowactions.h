// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAction;
class QMainWindow;
class QMenu;
class QObject;
class QToolBar;

/// The window's actions, made from one table (windowactions.cpp): text, icon, shortcut, status
/// tip and object name are declared there; the window connects what they do.
struct WindowActions {
    QAction *importList = nullptr;
    QAction *pasteList = nullptr;
    QAction *exportAll = nullptr;
    QAction *exportSelected = nullptr;
    QAction *exportFeed = nullptr;
    QAction *keepFeedUpdated = nullptr; ///< checkable: every scan rewrites the exported feed
    QAction *settings = nullptr;
    QAction *quit = nullptr;
    QAction *find = nullptr;
    QAction *copyRows = nullptr;
    QAction *start = nullptr;
    QAction *stop = nullptr;
    QAction *retryFailed = nullptr;
    QAction *retrySelected = nullptr;
    QAction *demo = nullptr;
    QAction *openArticle = nullptr;
    QAction *openBlog = nullptr;
    QAction *copyUrl = nullptr;
    QAction *copyTitle = nullptr;
    QAction *about = nullptr;
    QAction *showList = nullptr; ///< checkable: the blog list beside the results
    QAction *showDetails = nullptr; ///< checkable: the selected row's details below the results

    /// Makes every action, owned by @p parent.
    explicit WindowActions(QObject *parent);
    /// Fills @p window's menu bar (File holds @p recentFiles) and its main toolbar, which it returns.
    QToolBar *addMenusAndToolBar(QMainWindow *window, QMenu *recentFiles) const;
};
