// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/commandlineoptions.h"
#include "cli/headlessrunner.h"
#include "cli/startup.h"
#include "mainwindow.h"
#include "net/fdlimit.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QTextStream>

#include <libxml/parser.h>
#ifdef TITLEWAVE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include <cstdio>
#include <memory>

namespace {
int runHeadless(const CommandLineOptions &options)
{
    HeadlessRunner runner;
    QObject::connect(&runner, &HeadlessRunner::finished, QCoreApplication::instance(),
                     [](int code) { QCoreApplication::exit(code); });
    runner.start(options);
    return QCoreApplication::exec();
}

int runWindow(const CommandLineOptions &options)
{
    // Ties the window to org.titlewave.Titlewave.desktop (Wayland app id, taskbar grouping).
    QGuiApplication::setDesktopFileName(QStringLiteral(TITLEWAVE_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" TITLEWAVE_APP_ID ".png")));
    MainWindow window;
    window.show();
    window.applyCommandLine(options);
    return QApplication::exec();
}
} // namespace

int main(int argc, char *argv[])
{
#ifdef TITLEWAVE_WITH_MIMALLOC
    // mimalloc replaces malloc by being linked (see CMakeLists.txt); naming one of its functions
    // keeps a linker that drops unreferenced libraries (--as-needed) from dropping it.
    static_cast<void>(mi_version());
#endif
    // libxml2's global state is set up once, before any worker thread parses.
    xmlInitParser();
    // Every blog in flight costs a socket: take the whole descriptor budget the system allows.
    FdLimit::raiseSoftLimit();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Hotspot's pattern: no window wanted, no GUI application (and no display needed).
    std::unique_ptr<QCoreApplication> app;
    if (CommandLineOptions::wantsNoWindow(arguments))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    Startup::describeApplication();

    // Parsed twice: the first parse finds --lang, the second writes help and errors in that language.
    Startup::applyLanguage(CommandLineOptions::parse(arguments));
    const CommandLineOptions options = CommandLineOptions::parse(arguments);
    int status = 0;
    switch (options.action) {
    case CommandLineOptions::Action::ShowText:
        QTextStream(stdout) << options.text;
        break;
    case CommandLineOptions::Action::UsageError:
        QTextStream(stderr) << "titlewave: " << options.text << "\n"
                            << QCoreApplication::translate("main", "Try 'titlewave --help'.") << "\n";
        status = 2;
        break;
    case CommandLineOptions::Action::RunHeadless:
        status = runHeadless(options);
        break;
    case CommandLineOptions::Action::RunWindow:
        status = runWindow(options);
        break;
    }
    app.reset();
    // No xmlCleanupParser(): it deletes libxml2's thread-local key, and a parser thread that
    // QThreadPool has already joined may still be running its thread-exit destructors; its
    // libxml2 state then leaks (LeakSanitizer saw it in one headless run in four). The process
    // is ending: the system frees what libxml2 holds.
    return status;
}
