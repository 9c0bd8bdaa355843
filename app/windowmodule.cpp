// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowmodule.h"

#include <QDir>
#include <QFileInfo>
#include <QLibrary>

#include <algorithm>

QStringList WindowModule::candidates()
{
    // The executable's own directory, without an application object (none exists yet): the
    // kernel's link resolves symlinks to the executable, as an installed /usr/bin one may be.
    const QString binDir = QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).absolutePath();
    const QString file = QStringLiteral(TITLEWAVE_WINDOW_MODULE_FILE);
    return { QDir(binDir).filePath(file),
             QDir::cleanPath(binDir + u'/' + QStringLiteral(TITLEWAVE_WINDOW_MODULE_DIR_FROM_BINDIR) + u'/' + file) };
}

bool WindowModule::load()
{
    for (const QString &candidate : candidates()) {
        if (QFileInfo::exists(candidate)) {
            m_path = candidate;
            break;
        }
    }
    if (m_path.isEmpty())
        return false;
    // Every symbol bound now, so a module that does not fit fails here with the loader's reason
    // rather than crashing later. Never unloaded: ~QLibrary leaves it mapped.
    m_library.setFileName(m_path);
    m_library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
    if (!m_library.load()) {
        m_loaderError = m_library.errorString();
        return false;
    }
    m_entry = reinterpret_cast<Entry>(m_library.resolve(entryName));
    if (!m_entry)
        m_loaderError = m_library.errorString();
    return m_entry != nullptr;
}

QString WindowModule::errorText() const
{
    if (m_path.isEmpty())
        return tr("cannot open the window: its module is missing (looked for %1).")
            .arg(candidates().join(QLatin1String(", ")));
    return tr("cannot open the window: its module %1 does not load (%2).").arg(m_path, m_loaderError);
}

bool WindowModule::hasDisplay(const QStringList &arguments)
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    // Qt reads its own options with one dash or two; an option's value never starts with '-'.
    return std::any_of(arguments.cbegin(), arguments.cend(), [](const QString &argument) {
        return argument == QLatin1String("-platform") || argument == QLatin1String("--platform");
    });
}

QString WindowModule::noDisplayText()
{
    return tr("cannot open the window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). "
              "Use --headless to scan without a window.");
}
