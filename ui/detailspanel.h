// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types/blogresult.h"

#include <QPlainTextEdit>

/// The selected row in full, like a browser's network panel: each request of the chain (URL,
/// HTTP status and version, start, duration, bytes, error), how the article was found and how
/// its title was chosen, the page's raw <title> and the whole error sentence. Plain text, always
/// (a QPlainTextEdit never renders markup, whatever a page put in its title), read-only,
/// selectable and copyable.
class DetailsPanel final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPanel)

public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    /// Shows @p result; keeps the scroll position when it is the same blog updated.
    void setResult(const BlogResult &result);
    /// Shows the hint for no selection.
    void clearResult();

    /// The text shown for @p result (translated, one fact per line).
    static QString text(const BlogResult &result);
    /// What a "found via" code means, as a phrase ("a rel=bookmark link on the front page").
    static QString foundViaText(const QString &code);

private:
    int m_shownIndex = -1;
};
