// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QLibrary>
#include <QString>
#include <QStringList>

/// The window lives in a module (titlewave-window.so, built from ui/) that the executable loads
/// only when the window is wanted, so the other faces never map Qt Widgets and the X11, GL and
/// font libraries beneath it. The module exports one function, entryName, of type Entry.
class WindowModule final
{
    Q_DECLARE_TR_FUNCTIONS(WindowModule)

public:
    /// The module's entry (ui/windowentry.cpp): builds the QApplication on @p argc and @p argv,
    /// shows the window and returns QApplication::exec()'s status.
    using Entry = int (*)(int &argc, char **argv);
    static constexpr const char *entryName = "titlewave_run_window";

    /// Where the module is looked for, first found wins: beside the executable (the build tree),
    /// then where install() puts it, relative to the executable so a moved prefix still works.
    static QStringList candidates();

    /// Finds the module, loads it and resolves its entry; false if any step fails. The module
    /// stays mapped until the process ends, this object's lifetime notwithstanding.
    bool load();
    /// Runs the window; only after load() succeeded.
    int run(int &argc, char **argv) const { return m_entry(argc, argv); }
    /// Why load() failed, translated: ask once an application and its language exist.
    QString errorText() const;

    /// Whether the window has anywhere to open: a display (X11 or Wayland), or a platform named
    /// by QT_QPA_PLATFORM or Qt's -platform option. Without one Qt aborts the whole process
    /// while it starts, so a session without a display (ssh, cron) gets an error instead.
    static bool hasDisplay(const QStringList &arguments);
    /// The error when hasDisplay() is false, translated, pointing to --headless.
    static QString noDisplayText();

private:
    QLibrary m_library;
    Entry m_entry = nullptr;
    QString m_path; ///< the candidate that exists; empty if none does
    QString m_loaderError; ///< the dynamic loader's reason, if it refused m_path
};
