// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QString>

namespace TestUtil {
/// The shared corpus of real pages and feeds, or an empty string when this clone has none.
inline QString corpusDir()
{
    const QString fromEnv = qEnvironmentVariable("TITLEWAVE_CORPUS_DIR");
    const QString dir = fromEnv.isEmpty() ? QStringLiteral(TITLEWAVE_CORPUS_DIR) : fromEnv;
    return QDir(dir).exists() ? QDir(dir).absolutePath() : QString();
}
} // namespace TestUtil
