// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QMimeData;

/// Takes drops of list files and web links on the widgets it watches (the window, the list
/// editor, the table), which would otherwise take links as text: files are imported, links added.
class DropTarget final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropTarget)

public:
    explicit DropTarget(QObject *parent = nullptr);

    /// Watches @p widget's drag and drop events.
    void watch(QObject *widget);
    /// While disabled (a scan or an import is running) drops are refused.
    void setAccepting(bool accepting) { m_accepting = accepting; }
    bool accepts(const QMimeData *mime) const;

Q_SIGNALS:
    /// Files first, then links: an import replaces the list, links are added to it.
    void dropped(const QStringList &files, const QList<QUrl> &links);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_accepting = true;
};
