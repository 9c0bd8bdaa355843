// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/headlessrunner.h"
#include "net/fdlimit.h"
#include "parse/libxmlptr.h"
#include "session/commandlineoptions.h"
#include "session/startup.h"
#include "windowmodule.h"

#include <QCoreApplication>
#include <QTextStream>
#ifdef TITLEWAVE_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include <cstdio>
#include <cstdlib>

namespace {
int runHeadless(const CommandLineOptions &options)
{
    HeadlessRunner runner;
    QObject::connect(&runner, &HeadlessRunner::finished, QCoreApplication::instance(),
                     [](int code) { QCoreApplication::exit(code); });
    runner.start(options);
    return QCoreApplication::exec();
}
} // namespace

int main(int argc, char *argv[])
{
#ifdef TITLEWAVE_WITH_MIMALLOC
    // mimalloc replaces malloc by being linked (see CMakeLists.txt); naming one of its functions
    // keeps a linker that drops unreferenced libraries (--as-needed) from dropping it.
    static_cast<void>(mi_version());
#endif
    // libxml2's global state is set up once, before any worker thread parses (the parsers make
    // sure of it too, for the tests and benchmarks that link the core without this main).
    LibXml::ensureInitialized();
    // Every blog in flight costs a socket: take the whole descriptor budget the system allows.
    FdLimit::raiseSoftLimit();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Only the window needs Qt Widgets and a display: it alone loads the window module, which
    // makes its own QApplication. This first parse needs no application object (its texts are
    // not shown), so help, version, usage errors and headless runs never load the module.
    WindowModule window;
    const CommandLineOptions untranslated = CommandLineOptions::parse(arguments);
    const bool wantsWindow = untranslated.action == CommandLineOptions::Action::RunWindow;
    const bool hasDisplay = WindowModule::hasDisplay(arguments);
    if (wantsWindow && hasDisplay && window.load())
        return window.run(argc, argv);

    QCoreApplication app(argc, argv);
    Startup::describeApplication();
    // The first parse found --lang; parsed again, help and errors are written in that language.
    Startup::applyLanguage(untranslated.language);
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
        // Here only when the window cannot open: say why, in the user's language.
        QTextStream(stderr) << "titlewave: " << (hasDisplay ? window.errorText() : WindowModule::noDisplayText())
                            << "\n";
        status = EXIT_FAILURE;
        break;
    }
    // No xmlCleanupParser(): it deletes libxml2's thread-local key, and a parser thread that
    // QThreadPool has already joined may still be running its thread-exit destructors; its
    // libxml2 state then leaks (LeakSanitizer saw it in one headless run in four). The process
    // is ending: the system frees what libxml2 holds.
    return status;
}
