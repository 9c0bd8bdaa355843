// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputfile.h"

#include <QFileInfo>

OutputFile::OutputFile(const QString &path)
{
    // QFileInfo follows symbolic links: /dev/stdout is a link to the descriptor's pipe or tty.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile() && !info.isDir())
        m_direct = std::make_unique<QFile>(path);
    else
        m_atomic = std::make_unique<QSaveFile>(path);
}

bool OutputFile::open()
{
    // Truncate is meaningless for a device or pipe, harmless to ask.
    return m_direct ? m_direct->open(QIODevice::WriteOnly | QIODevice::Unbuffered)
                    : m_atomic->open(QIODevice::WriteOnly);
}

bool OutputFile::writeAll(const QByteArray &bytes)
{
    if (m_direct)
        return m_direct->write(bytes) == bytes.size() && m_direct->flush();
    return m_atomic->write(bytes) == bytes.size() && m_atomic->commit();
}

QString OutputFile::errorString() const
{
    return m_direct ? m_direct->errorString() : m_atomic->errorString();
}
