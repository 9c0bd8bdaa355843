// SPDX-License-Identifier: GPL-3.0-or-later
// The window module's one exported function (see app/windowmodule.h): the application object,
// the language and the window, for the executable's main() to call when a window is wanted.
#include "mainwindow.h"
#include "session/commandlineoptions.h"
#include "session/startup.h"
#include "windowmodule.h"

#include <QApplication>
#include <QIcon>

#include <type_traits>

extern "C" Q_DECL_EXPORT int titlewave_run_window(int &argc, char **argv)
{
    // Read before QApplication, which takes its own options (-platform...) out of argv.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QApplication app(argc, argv);
    Startup::describeApplication();
    const CommandLineOptions options = CommandLineOptions::parse(arguments);
    Startup::applyLanguage(options.language);
    // The executable's own parse chose the window; help and errors are its business.
    if (options.action != CommandLineOptions::Action::RunWindow)
        return 2;

    // Ties the window to org.titlewave.Titlewave.desktop (Wayland app id, taskbar grouping).
    QGuiApplication::setDesktopFileName(QStringLiteral(TITLEWAVE_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" TITLEWAVE_APP_ID ".png")));
    MainWindow window;
    window.show();
    window.applyCommandLine(options);
    return QApplication::exec();
}
static_assert(std::is_same_v<decltype(&titlewave_run_window), WindowModule::Entry>,
              "the executable calls the entry through WindowModule::Entry");
