// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/titlesplitter.h"

#include <QElapsedTimer>
#include <QTest>

class TestTitleSplitter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripsSiteNameBackedByHeading_data();
    void stripsSiteNameBackedByHeading();
    void staysFastOnTitlesFullOfSeparators();
};

void TestTitleSplitter::stripsSiteNameBackedByHeading_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("expected");
    QTest::addRow("suffix") << QStringLiteral("Headline | Site") << QStringLiteral("Headline")
                            << QStringLiteral("Headline");
    QTest::addRow("prefix") << QStringLiteral("Site - Headline") << QStringLiteral("Headline")
                            << QStringLiteral("Headline");
    QTest::addRow("dash in headline") << QStringLiteral("A - B | Site") << QStringLiteral("A - B")
                                      << QStringLiteral("A - B");
    QTest::addRow("not backed") << QStringLiteral("Headline | Site") << QStringLiteral("Other")
                                << QStringLiteral("Headline | Site");
}

void TestTitleSplitter::stripsSiteNameBackedByHeading()
{
    QFETCH(QString, title);
    QFETCH(QString, heading);
    QFETCH(QString, expected);
    QCOMPARE(TitleSplitter({ heading }).strip(title), expected);
}

void TestTitleSplitter::staysFastOnTitlesFullOfSeparators()
{
    // Each separator cost a pass over the title (quadratic): over a minute for 120 KB under ASan.
    const QString title = QStringLiteral("a - ").repeated(30000) + QStringLiteral("end");
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(TitleSplitter({ QStringLiteral("zz") }).strip(title), title.trimmed());
    QVERIFY2(timer.elapsed() < 5000, "separator candidates were not bounded");
}

QTEST_GUILESS_MAIN(TestTitleSplitter)
#include "tst_titlesplitter.moc"
