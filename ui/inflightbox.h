// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSpinBox>

/// The toolbar's "Max in flight" box: blogs scanned at once, 0 shown as Automatic (as many as
/// the system allows). A shortcut to the setting the settings dialog edits.
class InFlightBox final : public QSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InFlightBox)

public:
    explicit InFlightBox(QWidget *parent = nullptr);

    /// Shows @p value without saying valueChanged(): it comes from elsewhere, not from the user.
    void showValue(int value);
};
