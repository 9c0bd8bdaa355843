// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/headlinecutoff.h"

#include <QByteArray>
#include <QTest>

namespace {
// Feeds @p page to a fresh cutoff in pieces of @p chunk bytes; returns how many bytes had
// arrived when it said "certain", or -1 when it never did.
qsizetype certainAfter(const QByteArray &page, qsizetype chunk)
{
    HeadlineCutoff cutoff;
    for (qsizetype size = std::min(chunk, page.size());; size = std::min(size + chunk, page.size())) {
        if (cutoff.isCertain(QByteArrayView(page).first(size)))
            return size;
        if (size == page.size())
            return -1;
    }
}

const QByteArray kHead = "<!doctype html><html><head><title>A post</title><meta property=\"og:title\" "
                         "content=\"A post\"></head>";
} // namespace

class TestHeadlineCutoff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isCertainOnlyWellPastTheHeadAndTheFirstHeading_data()
    {
        QTest::addColumn<QByteArray>("page");
        QTest::addColumn<qsizetype>("chunk");
        QTest::addColumn<qsizetype>("certainAt"); // the least number of bytes that may be enough; -1: never

        const QByteArray afterHeading(HeadlineCutoff::kAfterHeading, 'x');
        const QByteArray body = kHead + "<body><h1>A post</h1>";
        const qsizetype atHeading = body.size() - 1; // just past "</h1", the '>' not needed
        QTest::addRow("heading and margin")
            << body + afterHeading << qsizetype(1000) << atHeading + afterHeading.size();
        QTest::addRow("one byte at a time, tags cut anywhere")
            << body + afterHeading << qsizetype(1) << atHeading + afterHeading.size();
        QTest::addRow("upper case tags") << QByteArray(body + afterHeading).toUpper() << qsizetype(7)
                                         << atHeading + afterHeading.size();
        QTest::addRow("short page: never, it is read whole")
            << body + "<p>end</p></body></html>" << qsizetype(10) << qsizetype(-1);
        QTest::addRow("no end of head: never")
            << QByteArray("<html><title>x</title><h1>x</h1>") + afterHeading + afterHeading << qsizetype(4096)
            << qsizetype(-1);
        const QByteArray noHeading = kHead + "<body>" + QByteArray(HeadlineCutoff::kAfterHead, 'x');
        QTest::addRow("no heading: the budget after the head")
            << noHeading << qsizetype(4096) << kHead.size() - qsizetype(1) + HeadlineCutoff::kAfterHead;
        // An <h1> inside <head> (broken markup) is not the article's heading.
        const QByteArray inHead = "<html><head><h1>x</h1></head>";
        QTest::addRow("heading in the head does not count")
            << inHead + afterHeading + afterHeading << qsizetype(1024) << qsizetype(-1);
    }

    void isCertainOnlyWellPastTheHeadAndTheFirstHeading()
    {
        QFETCH(QByteArray, page);
        QFETCH(qsizetype, chunk);
        QFETCH(qsizetype, certainAt);
        const qsizetype at = certainAfter(page, chunk);
        if (certainAt < 0) {
            QCOMPARE(at, qsizetype(-1));
        } else {
            QVERIFY2(at >= certainAt, qPrintable(QString::number(at)));
            QVERIFY2(at < certainAt + chunk, qPrintable(QString::number(at)));
        }
    }
};

QTEST_GUILESS_MAIN(TestHeadlineCutoff)
#include "tst_headlinecutoff.moc"
