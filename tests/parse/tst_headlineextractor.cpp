// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
class Stub final : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(Stub)
#include "tst_headlineextractor.moc"
