// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFontMetrics>

class QAbstractItemModel;
class QTableView;

/// The results table's starting layout, designed around the headline: Title is the stretching
/// column and the others start as narrow as their content allows; the millisecond columns and the
/// Error column start hidden (the header's menu shows them: timing lives in the waterfall, a
/// failed row's reason in its Title cell). Widths are measured in the current language's text, so
/// "Gesamt ms" fits as "Total ms" does.
class ResultsColumns final
{
public:
    /// True for the columns a fresh window hides (ResultsModel::Column values).
    static bool hiddenByDefault(int column);
    /// A starting width for @p column: its header text in @p headerMetrics, with room for the
    /// sort indicator, and at least what its content needs in @p cellMetrics (status labels with
    /// their icon, a blog's name, the waterfall's bars). 0 for Title, which stretches.
    static int defaultWidth(int column, const QAbstractItemModel &model, const QFontMetrics &headerMetrics,
                            const QFontMetrics &cellMetrics);
    /// Applies the starting layout to @p view (whose model has ResultsModel's columns): widths,
    /// hidden columns and the stretching Title.
    static void applyDefaults(QTableView *view);
};
