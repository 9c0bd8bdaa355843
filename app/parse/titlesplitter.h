// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <utility>

/// Removes a site name from a title ("Headline | Site", "Site » Headline") when another signal
/// on the page backs the remainder, so that a headline with a dash in it is never cut.
class TitleSplitter final
{
public:
    /// @p headings: the texts that may vouch for a part (the page's h1/h2 texts).
    explicit TitleSplitter(const QStringList &headings);
    /// The part of @p title that a heading backs, else @p title unchanged.
    QString strip(const QString &title) const;
    /// Where the separators (" | ", " - ", " – ", " — ", " :: ", " » ", " · ") are: (position, length) pairs.
    static QList<std::pair<qsizetype, qsizetype>> separators(const QString &title);

private:
    bool isBacked(const QString &part) const;
    QStringList m_headings; // comparable() forms
};
