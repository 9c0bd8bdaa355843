// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowactions.h"

#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>

namespace {
// The texts keep the MainWindow context their translations were made in.

struct ActionSpec {
    QAction *WindowActions::*member;
    const char *objectName;
    const char *icon; ///< a freedesktop icon name, or nullptr
    const char *text;
    const char *statusTip; ///< or nullptr
    QKeySequence shortcut;
    /// The toolbar shows the shortcut in the tooltip.
    bool onToolBar = false;
};

QString windowText(const char *text)
{
    return QCoreApplication::translate("MainWindow", text);
}
} // namespace

WindowActions::WindowActions(QObject *parent)
{
    // Made here, not as a static table: a QKeySequence from a StandardKey needs the application.
    const ActionSpec specs[] = {
        { &WindowActions::importList, "importAction", "document-open", QT_TRANSLATE_NOOP("MainWindow", "&Import List…"),
          QT_TRANSLATE_NOOP("MainWindow", "Read a blog list from a text, CSV or OPML file"), QKeySequence::Open, true },
        { &WindowActions::pasteList, "pasteListAction", "edit-paste", QT_TRANSLATE_NOOP("MainWindow", "&Paste List"),
          QT_TRANSLATE_NOOP("MainWindow", "Add the addresses on the clipboard to the list"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V) },
        { &WindowActions::exportAll, "exportAction", "document-save-as", QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
          QT_TRANSLATE_NOOP("MainWindow", "Save the results as CSV, JSON or an Atom feed"),
          QKeySequence(Qt::CTRL | Qt::Key_E), true },
        { &WindowActions::exportSelected, "exportSelectedAction", nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "Export &Selected Rows…"),
          QT_TRANSLATE_NOOP("MainWindow", "Save only the selected rows as CSV or JSON"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E) },
        { &WindowActions::exportFeed,
          "exportFeedAction",
          "application-rss+xml",
          QT_TRANSLATE_NOOP("MainWindow", "Export as &Feed…"),
          QT_TRANSLATE_NOOP("MainWindow", "Save the newest article of every blog as an Atom feed for a feed reader"),
          {} },
        { &WindowActions::keepFeedUpdated,
          "keepFeedUpdatedAction",
          nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "&Keep Feed Updated"),
          nullptr,
          {} },
        { &WindowActions::settings, "settingsAction", "preferences-system",
          QT_TRANSLATE_NOOP("MainWindow", "Se&ttings…"), nullptr, QKeySequence(Qt::CTRL | Qt::Key_Comma) },
        { &WindowActions::quit, "quitAction", "application-exit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), nullptr,
          QKeySequence::Quit },
        { &WindowActions::find, "findAction", "edit-find", QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
          QT_TRANSLATE_NOOP("MainWindow", "Search the results by blog, article or title"), QKeySequence::Find },
        { &WindowActions::copyRows, "copyAction", "edit-copy", QT_TRANSLATE_NOOP("MainWindow", "&Copy Rows"),
          QT_TRANSLATE_NOOP("MainWindow", "Copy the selected rows as tab-separated text"), QKeySequence::Copy },
        { &WindowActions::start, "startAction", "media-playback-start", QT_TRANSLATE_NOOP("MainWindow", "&Start"),
          QT_TRANSLATE_NOOP("MainWindow", "Scan every blog in the list"), QKeySequence(Qt::CTRL | Qt::Key_Return),
          true },
        { &WindowActions::stop, "stopAction", "media-playback-stop", QT_TRANSLATE_NOOP("MainWindow", "S&top"),
          QT_TRANSLATE_NOOP("MainWindow", "Cancel the blogs that have not finished"), QKeySequence(Qt::Key_Escape),
          true },
        { &WindowActions::retryFailed, "retryFailedAction", "view-refresh",
          QT_TRANSLATE_NOOP("MainWindow", "&Retry Failed"),
          QT_TRANSLATE_NOOP("MainWindow", "Scan the failed blogs again, keeping the other rows"),
          QKeySequence(Qt::CTRL | Qt::Key_R), true },
        { &WindowActions::retrySelected,
          "retrySelectedAction",
          nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "Re&try"),
          QT_TRANSLATE_NOOP("MainWindow", "Scan the selected blogs again"),
          {} },
        { &WindowActions::demo,
          "demoAction",
          nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "Scan &Demo Blogs"),
          QT_TRANSLATE_NOOP("MainWindow", "Scan the bundled sample blogs, served on this computer"),
          {} },
        { &WindowActions::openArticle,
          "openArticleAction",
          "internet-web-browser",
          QT_TRANSLATE_NOOP("MainWindow", "&Open Article"),
          nullptr,
          {} },
        { &WindowActions::openBlog,
          "openBlogAction",
          nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "Open &Blog"),
          nullptr,
          {} },
        { &WindowActions::copyUrl,
          "copyUrlAction",
          nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "Copy &URL"),
          nullptr,
          {} },
        { &WindowActions::copyTitle,
          "copyTitleAction",
          nullptr,
          QT_TRANSLATE_NOOP("MainWindow", "Copy &Title"),
          nullptr,
          {} },
        { &WindowActions::about,
          "aboutAction",
          "help-about",
          QT_TRANSLATE_NOOP("MainWindow", "&About Titlewave"),
          nullptr,
          {} },
        { &WindowActions::showList, "showListAction", "view-list-text", QT_TRANSLATE_NOOP("MainWindow", "Blog &List"),
          QT_TRANSLATE_NOOP("MainWindow", "Show or hide the blog list beside the results"),
          QKeySequence(Qt::CTRL | Qt::Key_L), true },
        { &WindowActions::showDetails, "showDetailsAction", nullptr, QT_TRANSLATE_NOOP("MainWindow", "&Details"),
          QT_TRANSLATE_NOOP("MainWindow", "Show or hide the selected blog's requests and full error below the results"),
          QKeySequence(Qt::CTRL | Qt::Key_I) },
    };

    for (const ActionSpec &spec : specs) {
        auto *action = new QAction(windowText(spec.text), parent);
        action->setObjectName(QLatin1String(spec.objectName));
        if (spec.icon)
            action->setIcon(QIcon::fromTheme(QLatin1String(spec.icon)));
        if (spec.statusTip)
            action->setStatusTip(windowText(spec.statusTip));
        if (!spec.shortcut.isEmpty())
            action->setShortcut(spec.shortcut);
        if (spec.onToolBar) {
            action->setToolTip(QCoreApplication::translate("MainWindow", "%1 (%2)")
                                   .arg(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")),
                                        action->shortcut().toString(QKeySequence::NativeText)));
        }
        this->*spec.member = action;
    }

    // Ctrl+, everywhere, plus whatever the platform calls Preferences.
    QList<QKeySequence> settingsKeys = settings->shortcuts();
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Preferences)) {
        if (!settingsKeys.contains(key))
            settingsKeys.append(key);
    }
    settings->setShortcuts(settingsKeys);
    settings->setMenuRole(QAction::PreferencesRole);
    quit->setMenuRole(QAction::QuitRole);
    about->setMenuRole(QAction::AboutRole);
    showList->setCheckable(true);
    showList->setChecked(true);
    showDetails->setCheckable(true);
    showDetails->setChecked(true);
    keepFeedUpdated->setCheckable(true);
    // Only while the table has focus: Ctrl+C in the list editor copies its text.
    copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

QToolBar *WindowActions::addMenusAndToolBar(QMainWindow *window, QMenu *recentFiles) const
{
    // nullptr stands for a separator.
    const auto fill = [](auto *target, const QList<QAction *> &actions) {
        for (QAction *action : actions) {
            if (action)
                target->addAction(action);
            else
                target->addSeparator();
        }
    };
    const auto menu = [window](const char *title) {
        return window->menuBar()->addMenu(QCoreApplication::translate("MainWindow", title));
    };
    QMenu *file = menu(QT_TRANSLATE_NOOP("MainWindow", "&File"));
    fill(file, { importList });
    file->addMenu(recentFiles);
    fill(file,
         { pasteList, nullptr, exportAll, exportSelected, nullptr, exportFeed, keepFeedUpdated, nullptr, settings,
           nullptr, quit });
    fill(menu(QT_TRANSLATE_NOOP("MainWindow", "&Edit")), { find, copyRows, copyUrl, copyTitle });
    fill(menu(QT_TRANSLATE_NOOP("MainWindow", "&Scan")),
         { start, stop, retryFailed, nullptr, openArticle, openBlog, nullptr, demo });
    fill(menu(QT_TRANSLATE_NOOP("MainWindow", "&View")), { showList, showDetails });
    fill(menu(QT_TRANSLATE_NOOP("MainWindow", "&Help")), { about });

    QToolBar *toolBar = window->addToolBar(QCoreApplication::translate("MainWindow", "Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    fill(toolBar, { showList, importList, nullptr, start, stop, retryFailed, nullptr, exportAll, nullptr });
    return toolBar;
}
