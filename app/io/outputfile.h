// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>

#include <memory>

/// A file written whole, once: atomically (QSaveFile: a failed write never destroys the old
/// file) when the path is a regular file or does not exist yet; directly when it already names a
/// device, FIFO or socket (/dev/null, /dev/stdout, a pipe). Renaming a temporary file over those
/// would replace them: run as root, `-o /dev/null` turned /dev/null into a regular file.
class OutputFile final
{
public:
    explicit OutputFile(const QString &path);

    /// Opens (or creates the temporary file) now, e.g. before any socket takes the last descriptor.
    bool open();
    /// Writes @p bytes and finishes: commits the atomic file, or flushes the direct one.
    bool writeAll(const QByteArray &bytes);
    QString errorString() const;
    /// True when the path is written in place (it is no regular file).
    bool isDirect() const { return m_direct != nullptr; }

private:
    std::unique_ptr<QSaveFile> m_atomic;
    std::unique_ptr<QFile> m_direct;
};
