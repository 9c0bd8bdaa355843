// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/datetimeparser.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

class TestDateTimeParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsDatesWrittenInText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int m, int d, int h = 0, int min = 0, int s = 0) {
            return QDateTime(QDate(y, m, d), QTime(h, min, s), QTimeZone::utc());
        };
        QTest::addRow("ctime") << QStringLiteral("Posted Mon Jul 1 10:00:00 2024 by me") << utc(2024, 7, 1, 10);
        QTest::addRow("ctime, padded day, zone")
            << QStringLiteral("Mon Jul  1 10:00:00 UTC 2024") << utc(2024, 7, 1, 10);
        QTest::addRow("english month first") << QStringLiteral("July 1, 2024") << utc(2024, 7, 1);
        QTest::addRow("english abbreviated") << QStringLiteral("Jul. 1 2024 - 3 min read") << utc(2024, 7, 1);
        QTest::addRow("english day first") << QStringLiteral("1st July 2024") << utc(2024, 7, 1);
        QTest::addRow("pelican") << QStringLiteral("Mon 01 July 2024") << utc(2024, 7, 1);
        QTest::addRow("french") << QString::fromUtf8("Publi\xc3\xa9 le 1er juillet 2024") << utc(2024, 7, 1);
        QTest::addRow("french accents") << QString::fromUtf8("3 f\xc3\xa9vrier 2024") << utc(2024, 2, 3);
        QTest::addRow("german") << QString::fromUtf8("Ver\xc3\xb6"
                                                     "ffentlicht am 1. Juli 2024")
                                << utc(2024, 7, 1);
        QTest::addRow("german umlaut") << QString::fromUtf8("5. M\xc3\xa4rz 2024") << utc(2024, 3, 5);
        QTest::addRow("german numeric") << QStringLiteral("am 01.07.2024") << utc(2024, 7, 1);
        QTest::addRow("iso in text") << QStringLiteral("updated 2024-07-01, first 2023-01-01") << utc(2024, 7, 1);
        QTest::addRow("slashes") << QStringLiteral("2024/07/01") << utc(2024, 7, 1);
        QTest::addRow("earliest in text wins") << QStringLiteral("June 3, 2024 (edited 2024-07-01)") << utc(2024, 6, 3);
        QTest::addRow("ambiguous not read") << QStringLiteral("01/07/2024") << QDateTime();
        QTest::addRow("invalid day") << QStringLiteral("February 31, 2024") << QDateTime();
        QTest::addRow("no date") << QStringLiteral("Version 2.0 has 1024 features") << QDateTime();
        QTest::addRow("word containing a month") << QStringLiteral("Mayday 12 2024") << QDateTime();
    }
    void findsDatesWrittenInText()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(DateTimeParser::findInText(text), expected);
    }

    void findsDatesInPermalinks_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QDate>("expected");
        QTest::addRow("wordpress") << QStringLiteral("https://b.example/2024/07/01/tides/") << QDate(2024, 7, 1);
        QTest::addRow("month only") << QStringLiteral("https://b.example/2024/07/tides/") << QDate(2024, 7, 1);
        QTest::addRow("jekyll") << QStringLiteral("https://b.example/2024/07/01/tides.html") << QDate(2024, 7, 1);
        QTest::addRow("slug") << QStringLiteral("https://b.example/posts/2024-07-01-tides/") << QDate(2024, 7, 1);
        QTest::addRow("none") << QStringLiteral("https://b.example/posts/tides/") << QDate();
        QTest::addRow("numbers, not a date") << QStringLiteral("https://b.example/item/2024/99/") << QDate();
    }
    void findsDatesInPermalinks()
    {
        QFETCH(QString, url);
        QFETCH(QDate, expected);
        QCOMPARE(DateTimeParser::fromUrl(QUrl(url)).date(), expected);
    }

    void staysFastOnLongText()
    {
        QString text;
        for (int i = 0; i < 20000; ++i)
            text += QStringLiteral("1 May 20 ");
        QElapsedTimer timer;
        timer.start();
        (void)DateTimeParser::findInText(text);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestDateTimeParser)
#include "tst_datetimeparser.moc"
