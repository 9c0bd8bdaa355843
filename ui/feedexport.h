// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/orderedworker.h"
#include "types/blogresult.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QWidget;

/// Follow your blogs in a feed reader: File > Export as Feed writes the newest article of every
/// blog as an Atom feed (see AtomWriter), and while File > Keep Feed Updated is checked, every
/// scan that finishes rewrites that file, so a reader subscribed to it sees each new article,
/// also from blogs that have no feed of their own. The file and the choice are remembered.
class FeedExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedExport)

public:
    /// @p keepUpdated is File > Keep Feed Updated (checkable); @p dialogParent parents
    /// the save dialog and its warnings.
    FeedExport(QAction *keepUpdated, QWidget *dialogParent);

    /// The feed file last exported, empty before the first export.
    QString path() const { return m_path; }
    bool keepsUpdated() const;
    /// Writes @p results as a feed to @p path, remembers it and keeps it updated from now on;
    /// a translated error sentence on failure.
    std::optional<QString> exportTo(const QString &path, const QList<BlogResult> &results);
    /// Asks where to write the feed (the last feed file is the default), then exportTo().
    void exportWithDialog(const QList<BlogResult> &results);
    /// A scan finished: rewrites the feed with @p results, on a worker thread, when kept updated.
    void scanFinished(const QList<BlogResult> &results);

Q_SIGNALS:
    /// Something to tell in the status bar.
    void message(const QString &text);
    /// A rewrite after a scan is done (successful or not).
    void updated();

private:
    void remember(const QString &path, bool keepUpdated);
    void showPath();

    QAction *m_keepUpdated;
    QWidget *m_dialogParent;
    QString m_path;
    OrderedWorker m_writer;
};
