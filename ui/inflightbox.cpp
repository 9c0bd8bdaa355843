// SPDX-License-Identifier: GPL-3.0-or-later
#include "inflightbox.h"

#include <QSignalBlocker>

InFlightBox::InFlightBox(QWidget *parent)
    : QSpinBox(parent)
{
    setObjectName(QStringLiteral("maxInFlightSpinBox"));
    setRange(0, 100000);
    setSpecialValueText(tr("Automatic"));
    setToolTip(tr("Blogs scanned at once; Automatic uses as many as the system allows"));
    setAccessibleName(tr("Maximum requests in flight"));
}

void InFlightBox::showValue(int value)
{
    const QSignalBlocker blocker(this);
    setValue(value);
}
