// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedexport.h"

#include "io/atomwriter.h"
#include "io/resultexporter.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSettings>

#include <algorithm>

namespace {
const QString kPathKey = QStringLiteral("feed/path");
const QString kKeepUpdatedKey = QStringLiteral("feed/keepUpdated");
} // namespace

FeedExport::FeedExport(QAction *keepUpdated, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_keepUpdated(keepUpdated)
    , m_dialogParent(dialogParent)
{
    const QSettings settings;
    m_path = settings.value(kPathKey).toString();
    m_keepUpdated->setChecked(!m_path.isEmpty() && settings.value(kKeepUpdatedKey, false).toBool());
    showPath();
    connect(m_keepUpdated, &QAction::toggled, this, [this](bool checked) { remember(m_path, checked); });
}

bool FeedExport::keepsUpdated() const
{
    return m_keepUpdated->isChecked() && !m_path.isEmpty();
}

std::optional<QString> FeedExport::exportTo(const QString &path, const QList<BlogResult> &results)
{
    if (const std::optional<QString> error = ResultExporter::write(path, results, ExportFormat::Atom))
        return error;
    // Exporting a feed is asking to follow it: it is rewritten after every scan until unchecked.
    remember(path, true);
    const auto articles = int(std::count_if(results.cbegin(), results.cend(), AtomWriter::hasEntry));
    Q_EMIT message(tr("Wrote a feed of %n article(s) to %1; every scan updates it.", nullptr, articles)
                       .arg(QDir::toNativeSeparators(path)));
    return std::nullopt;
}

void FeedExport::exportWithDialog(const QList<BlogResult> &results)
{
    const QString suggested = m_path.isEmpty() ? QDir::home().filePath(QStringLiteral("titlewave.atom")) : m_path;
    const QString filter = tr("Atom feeds (*.atom)");
    const QString typed = QFileDialog::getSaveFileName(m_dialogParent, tr("Export as Feed"), suggested, filter);
    if (typed.isEmpty())
        return;
    // Whatever name was typed, the file is a feed: a missing extension gets .atom.
    const QString path = ResultExporter::targetFor(typed, ExportFormat::Atom).path;
    if (const std::optional<QString> error = exportTo(path, results))
        QMessageBox::warning(m_dialogParent, tr("Export Failed"), *error);
}

void FeedExport::scanFinished(const QList<BlogResult> &results)
{
    if (!keepsUpdated())
        return;
    // Encoding and writing thousands of entries is the worker's job, not the window's.
    m_writer.run([path = m_path, results] { return ResultExporter::write(path, results, ExportFormat::Atom); },
                 [this, path = m_path](const std::optional<QString> &error) {
                     Q_EMIT message(error ? *error : tr("Feed updated: %1").arg(QDir::toNativeSeparators(path)));
                     Q_EMIT updated();
                 });
}

void FeedExport::remember(const QString &path, bool keepUpdated)
{
    m_path = path;
    QSettings settings;
    settings.setValue(kPathKey, m_path);
    settings.setValue(kKeepUpdatedKey, keepUpdated);
    const QSignalBlocker blocker(m_keepUpdated);
    m_keepUpdated->setChecked(keepUpdated && !m_path.isEmpty());
    showPath();
}

void FeedExport::showPath()
{
    m_keepUpdated->setEnabled(!m_path.isEmpty());
    m_keepUpdated->setStatusTip(m_path.isEmpty()
                                    ? tr("Export a feed first; then every scan can rewrite it")
                                    : tr("Rewrite %1 after every scan").arg(QDir::toNativeSeparators(m_path)));
}
